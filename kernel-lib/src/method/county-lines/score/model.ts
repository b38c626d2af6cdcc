/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -4.2476,
  weights: {
    loops: [-11.1097, -4.1785, -10.0306],
    loopDays: [0.4488, 8.5261, 1.3332],
    relayChain: [1.999, -0.6232, -8.0294],
    plateRelay: [-0.6219, 3.3182, -7.9778],
    loopRate: [43.3788, -35.1704, 1.396],
    night: [1.7904, -2.2461, 5.4285],
    shortStops: [10.8983, -11.3199, -5.8347],
    nightsAway: [3.4007, -6.0104, -3.4372],
    dayShifts: [3.7215, -9.1844, 7.3931],
    sameWeekdays: [-4.9977, -4.8179, -1.6558],
    weekdaysOnly: [-0.1728, -0.9883, -3.8147],
    weekendOnly: [-2.9881, -0.7727, -6.5562],
    offHourLoops: [0.6973, 3.3307, 14.4037],
    variedStayLoops: [0.2682, 0.1697, 5.4638],
    hubBase: [14.5204, -16.9293, -0.9256],
    marketBase: [13.8454, -17.6638, -4.1616],
    marketLife: [-1.0653, -4.9235, -2.5773],
    marketLocal: [6.2743, -6.5076, 0.3797],
    hubLife: [2.0113, -2.4148, -13.5481],
    nightsInHub: [1.9333, -3.9375, 1.4711],
    nightsInMarket: [2.0366, -4.1489, 4.6806],
    quickHubVisits: [0.3704, 6.5198, -1.2675],
    multiStop: [2.672, -9.4419, -0.4935],
    otherStops: [-4.1841, 1.5032, -3.3555],
    manyMarkets: [-6.9195, -1.3264, -12.8578],
    hubTaxi: [-0.8909, -5.765, -0.1987],
    crowd: [1.1281, -2.0157, 0.4672]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 26894,
    positives: 1434,
    l2: 0.01,
    logLoss: 0.024
  }
};
