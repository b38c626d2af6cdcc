/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 2 --seeds f1,f2,f3,f4,f5,f6` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of county-lines-terms.ts.
 */
import type { ScorerModel } from './county-lines-logistic';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -0.9861,
  weights: {
    loops: -0.1006,
    loopDays: -0.1632,
    relayChain: 2.8529,
    plateRelay: 1.67,
    loopRate: 5.2129,
    night: 1.7541,
    shortStops: 2.2984,
    nightsAway: 0.4934,
    dayShifts: -0.1423,
    sameClock: -2.8575,
    sameWeekdays: 0.4789,
    weekdaysOnly: -1.4149,
    weekendOnly: -1.3082,
    steadyDwell: -3.2351,
    hubBase: -2.1647,
    marketBase: -4.6167,
    marketLife: -2.5045,
    marketLocal: 2.807,
    hubLife: -1.2672,
    nightsInHub: 0.7265,
    nightsInMarket: 2.7859,
    multiStop: -0.0637,
    otherStops: -0.9231,
    manyMarkets: -1.1934,
    hubTaxi: -1.6778,
    crowd: -0.5624
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 2 --seeds f1,f2,f3,f4,f5,f6',
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
    rows: 11285,
    positives: 490,
    l2: 2,
    logLoss: 0.0487
  }
};
