/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -1.1169,
  weights: {
    loops: [-4.6931, -0.5391, -5.981],
    loopDays: [-1.3835, 5.9886, 0.3773],
    relayChain: [2.1534, -1.6531, -1.6397],
    plateRelay: [1.9065, -0.8031, -2.9582],
    loopRate: [26.331, -15.0719, -3.7754],
    night: [1.8859, -2.159, 2.4692],
    shortStops: [8.3716, -9.1305, -3.6252],
    nightsAway: [1.263, -2.9226, -1.7744],
    dayShifts: [2.2393, -5.8313, 4.2471],
    sameClock: [0.4886, -3.1762, -9.5464],
    sameWeekdays: [-4.0662, 0.6295, -0.1509],
    weekdaysOnly: [-0.831, -0.6421, -1.4892],
    weekendOnly: [-2.716, -0.1401, -2.8391],
    steadyDwell: [-3.5618, 0.7711, -0.809],
    hubBase: [4.4547, -5.2604, -2.7339],
    marketBase: [5.1547, -9.5543, -7.0164],
    marketLife: [-1.1791, -4.1686, -1.2352],
    marketLocal: [5.4433, -3.7328, -1.9968],
    hubLife: [1.7772, -3.045, -10.8522],
    nightsInHub: [1.0102, -1.8005, -0.0445],
    nightsInMarket: [1.9937, -0.9984, 1.7189],
    quickHubVisits: [0.8357, 2.708, -0.0066],
    multiStop: [2.9897, -4.4196, -0.4585],
    otherStops: [-3.3043, -1.0149, -1.1119],
    manyMarkets: [-4.3083, -2.2164, -4.3455],
    hubTaxi: [-1.0363, -2.0625, -0.1781],
    crowd: [-0.4568, -0.1095, 0.1552]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 24667,
    positives: 1402,
    l2: 0.1,
    logLoss: 0.0262
  }
};
