/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json):
 * half the mean of one logistic fit per generator, half one fit on all their rows. Written by
 * `npm run fit:scorer -- --l2 0.03 --pooled-share 0.5 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24,f25,f26,f27,f28,f29,f30,f31,f32,f33,f34,f35,f36,f37,f38,f39,f40,f41,f42,f43,f44,f45,f46,f47,f48` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -7.6057,
  weights: {
    loops: [5.8463, -8.8217, 1.688],
    loopDays: [0.253, -1.2215, -0.4957],
    relayChain: [1.6556, -0.4318, -0.4666],
    plateRelay: [0.6102, -0.7041, -2.0997],
    loopRate: [3.3321, -2.7881, 2.1081],
    night: [1.7483, -3.0383, 2.4907],
    shortStops: [6.1635, -6.8762, -3.5407],
    nightsAway: [0.8638, -2.4114, -3.2057],
    dayShifts: [1.1985, -4.8254, 3.7206],
    sameWeekdays: [-3.1794, -0.8371, 0.0306],
    weekdaysOnly: [0.2028, -2.0625, -1.4835],
    weekendOnly: [-2.9223, 1.7163, -1.5497],
    weekendsAway: [-1.0029, -3.834, -5.7501],
    offHourLoops: [2.3976, 1.8111, 0],
    variedStayLoops: [0.4703, 1.2636, 0],
    hubBase: [2.7175, -1.8775, -5.2152],
    marketBase: [4.0066, -7.7563, -5.8218],
    marketLife: [-0.7355, -3.4604, -0.8962],
    marketLocal: [3.8834, -2.7003, -0.967],
    hubLife: [4.2022, -2.9214, -4.2475],
    nightsInHub: [3.3371, -0.239, -4.6756],
    nightsInMarket: [5.5593, -1.3143, -0.5784],
    quickHubVisits: [-1.2459, 0.0216, -8.0951],
    multiStop: [-0.572, -0.2314, -1.593],
    otherStops: [0.953, -3.0577, -0.7094],
    plateLife: [-1.9833, -0.8089, -0.635],
    nightTrips: [4.5685, -3.0435, -6.0904],
    loopFocus: [4.2477, -3.3319, 2.2407],
    crowd: [-0.1441, -1.0142, 0.6089]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.03 --pooled-share 0.5 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24,f25,f26,f27,f28,f29,f30,f31,f32,f33,f34,f35,f36,f37,f38,f39,f40,f41,f42,f43,f44,f45,f46,f47,f48',
    variants: ['v01-default-merseyside'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12', 'f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'f20', 'f21', 'f22', 'f23', 'f24', 'f25', 'f26', 'f27', 'f28', 'f29', 'f30', 'f31', 'f32', 'f33', 'f34', 'f35', 'f36', 'f37', 'f38', 'f39', 'f40', 'f41', 'f42', 'f43', 'f44', 'f45', 'f46', 'f47', 'f48'],
    otherGenerators: [
      {
        variant: 's2-tune-south-west',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      },
      {
        variant: 's3-tune-east-midlands',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      },
      {
        variant: 's4-tune-greater-manchester',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      }
    ],
    rows: 51193,
    positives: 2832,
    l2: 0.03,
    pooledShare: 0.5,
    logLoss: 0.0467,
    perGenerator: [
      {
        group: 'ours',
        rows: 21975,
        positives: 1791,
        logLoss: 0.0251
      },
      {
        group: 's2-tune-south-west',
        rows: 9437,
        positives: 605,
        logLoss: 0.0565
      },
      {
        group: 's3-tune-east-midlands',
        rows: 11020,
        positives: 217,
        logLoss: 0.0186
      },
      {
        group: 's4-tune-greater-manchester',
        rows: 8761,
        positives: 219,
        logLoss: 0.0273
      }
    ]
  }
};
