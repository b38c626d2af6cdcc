/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -1.9207,
  weights: {
    loops: [-3.8417, -0.866, -6.2631],
    loopDays: [-2.5762, 6.7719, 0.2324],
    relayChain: [2.1662, -1.4061, -1.9035],
    plateRelay: [1.1936, 0.0655, -2.8337],
    loopRate: [26.3548, -14.7205, -3.2201],
    night: [1.5757, -1.6831, 2.4589],
    shortStops: [8.6664, -9.7277, -3.846],
    nightsAway: [1.1116, -1.9397, -2.2333],
    dayShifts: [2.9962, -6.8187, 4.3671],
    sameClock: [0.2921, -3.0689, -8.6989],
    sameWeekdays: [-3.8263, 0.5255, -0.274],
    weekdaysOnly: [-0.5656, -1.575, -0.3289],
    weekendOnly: [-2.8928, -1.4524, -1.6528],
    steadyDwell: [-3.8575, 0.5071, -0.8206],
    hubBase: [2.6733, -2.4083, -1.3073],
    marketBase: [5.3441, -9.9932, -7.3152],
    marketLife: [-0.9057, -4.3526, -0.7981],
    marketLocal: [5.5489, -4.1197, -1.9101],
    hubLife: [2.1888, -3.6686, -11.2711],
    nightsInHub: [2.0261, -2.776, -0.9104],
    nightsInMarket: [3.2162, -1.2275, 1.0894],
    quickHubVisits: [0.0458, 2.6523, 0.0445],
    multiStop: [3.1464, -4.6512, -0.4525],
    otherStops: [-2.4467, -0.5228, -1.6337],
    manyMarkets: [-3.8394, -2.2401, -3.9748],
    hubTaxi: [-0.9096, -2.07, -0.2019],
    crowd: [0.0265, -0.6179, 0.1161]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
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
      'f6',
      'f7',
      'f8',
      'f9',
      'f10',
      'f11',
      'f12'
    ],
    rows: 23065,
    positives: 1376,
    l2: 0.1,
    logLoss: 0.0267
  }
};
