/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.5 --seeds f1,f2,f3,f4,f5,f6` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of county-lines-terms.ts.
 */
import type { ScorerModel } from './county-lines-logistic';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -3.1747,
  weights: {
    loops: [-0.0695, -0.4919, -4.5888],
    loopDays: [-1.2291, 3.1272, -0.6716],
    relayChain: [2.769, -2.3978, -0.4058],
    plateRelay: [1.7784, -1.2103, -0.8291],
    loopRate: [10.3868, -1.6003, -0.7957],
    night: [1.4595, -0.2624, -0.4273],
    shortStops: [5.0621, -4.9948, -2.2963],
    nightsAway: [0.1653, -1.5271, -1.3043],
    dayShifts: [1.0804, -2.3019, 0.6916],
    sameClock: [-1.0736, -2.6108, -3.4933],
    sameWeekdays: [-2.2663, 0.0431, -0.0339],
    weekdaysOnly: [-1.408, -0.3819, -0.4399],
    weekendOnly: [-2.2231, -0.8069, -0.5907],
    steadyDwell: [-3.6079, -0.0932, -0.1678],
    hubBase: [0.0888, -0.5809, -0.8494],
    marketBase: [-0.2123, -3.7684, -4.0181],
    marketLife: [-2.1063, -2.678, -0.3247],
    marketLocal: [3.5498, -1.219, -0.4325],
    hubLife: [0.8388, -2.8399, -4.7602],
    nightsInHub: [1.6769, -1.7696, -1.0059],
    nightsInMarket: [3.3023, -0.0838, -0.4339],
    quickHubVisits: [0.412, 0.986, 0.096],
    multiStop: [0.8572, -1.2363, -0.1757],
    otherStops: [-1.5479, -1.3981, -0.4503],
    manyMarkets: [-2.4892, -0.9468, -1.1549],
    hubTaxi: [-1.9887, -0.5168, -0.0864],
    crowd: [0.6854, -0.9383, -0.3501]
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
    rows: 11617,
    positives: 726,
    l2: 0.5,
    logLoss: 0.0371
  }
};
