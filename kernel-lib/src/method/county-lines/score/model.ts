/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -4.6825,
  weights: {
    loops: [-10.4827, -4.2427, -9.8805],
    loopDays: [0.1747, 8.4573, 1.3358],
    relayChain: [1.7436, -0.3925, -7.7998],
    plateRelay: [0.3465, 1.1249, -3.3787],
    loopRate: [42.6765, -34.4043, 1.3949],
    night: [1.7848, -2.2438, 5.745],
    shortStops: [10.7603, -11.1155, -5.8944],
    nightsAway: [4.0192, -6.8598, -3.0523],
    dayShifts: [3.7762, -9.3169, 7.1783],
    sameWeekdays: [-5.1053, -4.0523, -1.9856],
    weekdaysOnly: [-0.1561, -1.0891, -3.8072],
    weekendOnly: [-3.0662, -0.5069, -6.4155],
    offHourLoops: [0.657, 3.2921, 14.3819],
    variedStayLoops: [-0.1086, 0.7096, 5.0374],
    hubBase: [13.765, -15.2219, -1.076],
    marketBase: [14.0302, -18.0296, -4.1024],
    marketLife: [-1.191, -4.8631, -2.1141],
    marketLocal: [6.2666, -6.4971, 0.3236],
    hubLife: [2.3589, -2.872, -13.5111],
    nightsInHub: [2.1922, -4.2488, 0.9933],
    nightsInMarket: [1.6937, -3.1944, 4.3867],
    quickHubVisits: [0.3634, 6.0889, -2.9601],
    multiStop: [3.4023, -9.6974, -0.5164],
    otherStops: [-4.0354, -0.6216, -4.8625],
    manyMarkets: [-6.7622, -1.1584, -12.9603],
    hubTaxi: [-0.6627, -6.2992, -0.1948],
    crowd: [1.151, -2.0597, 0.4769]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 27194,
    positives: 1441,
    l2: 0.01,
    logLoss: 0.0244
  }
};
