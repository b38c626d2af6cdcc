/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json):
 * half the mean of one logistic fit per generator, half one fit on all their rows. Written by
 * `npm run fit:scorer -- --l2 0.03 --pooled-share 0.5 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24,f25,f26,f27,f28,f29,f30,f31,f32,f33,f34,f35,f36,f37,f38,f39,f40,f41,f42,f43,f44,f45,f46,f47,f48` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -6.8538,
  weights: {
    loops: [5.8563, -8.4881, 1.5681],
    loopDays: [-0.3134, -0.6352, -0.6226],
    relayChain: [1.6673, -0.3653, -0.4834],
    plateRelay: [0.6135, -0.7951, -2.3559],
    loopRate: [3.6121, -3.0811, 1.7499],
    night: [1.8075, -3.1578, 2.4909],
    shortStops: [6.208, -6.7558, -3.7065],
    shiftStays: [-1.1094, -5.568, 2.041],
    dayShifts: [2.1075, -4.7679, 1.3624],
    sameWeekdays: [-3.277, -1.4123, -0.0062],
    weekendOnly: [-2.9897, 1.7516, -1.3468],
    weekendsAway: [-0.9926, -3.9708, -6.7112],
    offHourLoops: [2.3968, 1.3137, 0],
    variedStayLoops: [0.2131, 1.5784, 0],
    hubBase: [2.4721, -1.843, -5.3039],
    marketBase: [4.2021, -8.4553, -6.569],
    marketLife: [-0.8281, -2.8726, -0.7366],
    marketLocal: [3.6564, -2.4729, -0.5704],
    hubLife: [4.2862, -2.8622, -4.7055],
    nightsInHub: [4.1864, -0.9574, -5.0761],
    nightsInMarket: [6.0641, -1.9363, 0.3888],
    quickHubVisits: [-1.4758, -0.0634, -8.0178],
    multiStop: [-0.535, -0.3599, -1.6119],
    otherStops: [0.801, -2.8084, -0.7728],
    plateLife: [-2.2158, -0.6422, -0.4817],
    nightTrips: [4.8165, -3.6905, -5.5307],
    loopFocus: [4.0734, -3.1551, 2.2545],
    crowd: [-0.2516, -0.9576, 0.6813]
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
    logLoss: 0.0463,
    perGenerator: [
      {
        group: 'ours',
        rows: 21975,
        positives: 1791,
        logLoss: 0.0257
      },
      {
        group: 's2-tune-south-west',
        rows: 9437,
        positives: 605,
        logLoss: 0.0545
      },
      {
        group: 's3-tune-east-midlands',
        rows: 11020,
        positives: 217,
        logLoss: 0.0182
      },
      {
        group: 's4-tune-greater-manchester',
        rows: 8761,
        positives: 219,
        logLoss: 0.0277
      }
    ]
  }
};
