/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json):
 * half the mean of one logistic fit per generator, half one fit on all their rows. Written by
 * `npm run fit:scorer -- --l2 0.03 --pooled-share 0.5 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24,f25,f26,f27,f28,f29,f30,f31,f32,f33,f34,f35,f36,f37,f38,f39,f40,f41,f42,f43,f44,f45,f46,f47,f48` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -7.3753,
  weights: {
    loops: [5.9875, -9.5182, 2.3104],
    loopDays: [-0.4183, -0.7023, -0.2729],
    relayChain: [1.6099, -0.3199, -0.4568],
    plateRelay: [0.7406, -0.8764, -2.3811],
    loopRate: [3.0378, -2.7396, 2.6546],
    night: [1.6794, -3.0941, 2.2762],
    shortStops: [6.5518, -6.7361, -3.7012],
    dayShifts: [1.9725, -5.3201, 2.5077],
    sameWeekdays: [-3.509, -0.3492, -0.0437],
    weekendOnly: [-2.9837, 1.8365, -1.6163],
    weekendsAway: [-0.9894, -3.5127, -6.833],
    offHourLoops: [2.43, 1.9439, 0],
    variedStayLoops: [0.5451, 1.3778, 0],
    hubBase: [2.8558, -1.7989, -5.726],
    marketBase: [4.2197, -8.3349, -6.261],
    marketLife: [-0.4833, -3.3721, -0.7166],
    marketLocal: [3.8962, -2.7455, -0.7402],
    hubLife: [4.1529, -3.1059, -4.5796],
    nightsInHub: [3.6032, -0.0363, -5.3469],
    nightsInMarket: [5.516, -1.4886, 0.469],
    quickHubVisits: [-1.3015, 0.1272, -7.7506],
    multiStop: [-0.4716, -0.45, -1.6037],
    otherStops: [0.7838, -2.8009, -0.8438],
    plateLife: [-1.9227, -0.921, -0.5136],
    nightTrips: [4.5294, -2.8029, -6.218],
    loopFocus: [4.4739, -3.4598, 2.2748],
    crowd: [-0.1657, -1.0161, 0.6293]
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
    logLoss: 0.0472,
    perGenerator: [
      {
        group: 'ours',
        rows: 21975,
        positives: 1791,
        logLoss: 0.0261
      },
      {
        group: 's2-tune-south-west',
        rows: 9437,
        positives: 605,
        logLoss: 0.0569
      },
      {
        group: 's3-tune-east-midlands',
        rows: 11020,
        positives: 217,
        logLoss: 0.0187
      },
      {
        group: 's4-tune-greater-manchester',
        rows: 8761,
        positives: 219,
        logLoss: 0.0284
      }
    ]
  }
};
