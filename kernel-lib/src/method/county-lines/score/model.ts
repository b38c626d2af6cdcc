/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -3.862,
  weights: {
    loops: [-13.4377, -2.0439, -13.4476],
    loopDays: [-1.7283, 10.2186, 3.6809],
    relayChain: [1.6539, -0.5296, -3.773],
    plateRelay: [0.0192, 1.8753, -3.3994],
    loopRate: [50.1896, -40.7322, 0.7222],
    night: [1.196, -1.1817, 5.2597],
    shortStops: [11.0597, -10.2746, -8.5757],
    nightsAway: [2.227, -3.7228, -4.5312],
    dayShifts: [4.5859, -12.2929, 12.082],
    sameWeekdays: [-4.1237, -3.9852, -8.0552],
    weekdaysOnly: [-0.5581, -0.7379, -4.3031],
    weekendOnly: [-4.2917, 2.786, -12.6228],
    offHourLoops: [1.2907, 2.167, 16.3993],
    variedStayLoops: [-0.4416, 1.3936, 6.3911],
    hubBase: [22.3911, -29.4533, 6.0774],
    marketBase: [21.6606, -27.2519, -8.0228],
    marketLife: [-0.8412, -4.2886, -5.1391],
    marketLocal: [7.0654, -7.0354, -0.3605],
    hubLife: [3.0108, -4.0532, -16.1535],
    nightsInHub: [1.711, -1.0797, -3.5662],
    nightsInMarket: [2.2415, -4.4938, 8.2329],
    quickHubVisits: [0.3071, 7.9823, -6.4493],
    multiStop: [3.1207, -12.742, -2.4183],
    otherStops: [-4.1414, 1.0167, -9.4033],
    manyMarkets: [-5.6915, -0.3619, -24.7521],
    hubTaxi: [-0.3214, -0.1564, -5.85],
    crowd: [1.7047, -3.0605, 1.1277]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12', 'f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'f20', 'f21', 'f22', 'f23', 'f24'],
    rows: 54484,
    positives: 3065,
    l2: 0.003,
    logLoss: 0.0246
  }
};
