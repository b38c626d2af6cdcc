/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.5 --seeds f1,f2,f3,f4,f5,f6` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of county-lines-terms.ts.
 */
import type { ScorerModel } from './county-lines-logistic';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -2.2154,
  weights: {
    loops: [-0.0752, -0.3877, -4.6472],
    loopDays: [-0.8545, 2.4839, -0.5723],
    relayChain: [2.482, -0.9289, 0.116],
    plateRelay: [2.2933, -1.2732, -0.3723],
    loopRate: [9.898, -2.0611, -0.8338],
    night: [0.7462, 0.3434, 0.5782],
    shortStops: [5.0125, -4.1799, -3.1817],
    nightsAway: [-0.2445, -1.5892, -0.9637],
    dayShifts: [1.1547, -2.4141, -0.0619],
    sameClock: [-0.9618, -2.3014, -3.6916],
    sameWeekdays: [-2.7118, -0.3511, -0.003],
    weekdaysOnly: [-0.3884, -1.3037, -1.0673],
    weekendOnly: [-1.8582, -0.7281, -0.4631],
    steadyDwell: [-3.2144, -0.3312, -0.1705],
    hubBase: [0.2496, -0.9864, -1.5025],
    marketBase: [-0.3416, -3.2294, -4.569],
    marketLife: [-2.0998, -2.6298, -0.356],
    marketLocal: [3.3532, -1.1426, -0.7631],
    hubLife: [1.2176, -3.9812, -4.528],
    nightsInHub: [2.4491, -1.7171, -1.2124],
    nightsInMarket: [4.0014, 0.2703, -1.2357],
    quickHubVisits: [1.2797, 0.6303, 0.0232],
    multiStop: [0.3656, -1.0682, -0.1872],
    otherStops: [-0.9538, -0.7686, -0.1825],
    manyMarkets: [-2.0923, -1.4012, -1.2753],
    hubTaxi: [-1.5153, -0.6236, -0.0996],
    crowd: [-0.7034, 0.1204, 0.0331]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.5 --seeds f1,f2,f3,f4,f5,f6',
    variants: [
      'v01-default-merseyside',
      'v02-default-london',
      'v03-default-west-midlands'
    ],
    seeds: [
      'f1',
      'f2',
      'f3',
      'f4',
      'f5',
      'f6'
    ],
    rows: 11600,
    positives: 709,
    l2: 0.5,
    logLoss: 0.033
  }
};
