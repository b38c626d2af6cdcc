/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 2` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of county-lines-terms.ts.
 */
import type { ScorerModel } from './county-lines-logistic';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -2.1025,
  weights: {
    loops: 0.8955,
    loopDays: -0.1718,
    relayChain: 0.5251,
    plateRelay: 1.8599,
    loopRate: 1.3962,
    night: 1.0837,
    shortStops: 1.8385,
    nightsAway: 0.3176,
    dayShifts: -0.5941,
    sameClock: -0.6656,
    sameWeekdays: 0.4626,
    weekdaysOnly: -0.989,
    weekendOnly: 0.0061,
    steadyDwell: -0.7326,
    hubBase: -0.0028,
    marketBase: -1.2188,
    marketLife: -0.044,
    marketLocal: -0.2486,
    hubLife: -0.7526,
    nightsInHub: 0.121,
    nightsInMarket: -0.0655,
    multiStop: -0.3522,
    otherStops: -0.4493,
    manyMarkets: -1.0197,
    hubTaxi: -0.3885,
    crowd: -0.8359
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 2',
    variants: [
      'm21'
    ],
    seeds: [
      'a',
      'b'
    ],
    rows: 614,
    positives: 44,
    l2: 2,
    logLoss: 0.06
  }
};
