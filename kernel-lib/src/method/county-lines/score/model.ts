/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * `npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -3.4044,
  weights: {
    loops: [-12.2225, 0.988, -3.3099],
    loopDays: [0.3008, 7.8693, 0.3051],
    relayChain: [2.0747, -0.7201, -7.9548],
    plateRelay: [-1.0067, 3.8963, -7.7012],
    loopRate: [43.7018, -35.7738, -0.3671],
    night: [1.95, -2.5821, 4.0794],
    shortStops: [10.6626, -11.1944, -5.0333],
    nightsAway: [3.4256, -5.7239, -2.9604],
    dayShifts: [4.4394, -11.1863, 9.2366],
    sameClock: [2.973, -2.8348, -15.5044],
    sameWeekdays: [-5.7032, -0.4679, -0.594],
    weekdaysOnly: [-1.2929, 0.9074, -4.0097],
    weekendOnly: [-2.8264, -0.8731, -7.5487],
    steadyDwell: [-3.1589, 1.181, -2.2555],
    hubBase: [14.5518, -16.9639, -0.7116],
    marketBase: [13.6561, -16.8424, -4.9078],
    marketLife: [-0.9874, -4.9556, -2.9458],
    marketLocal: [6.1624, -6.1069, -0.1504],
    hubLife: [2.124, -2.3658, -13.6035],
    nightsInHub: [1.904, -3.7711, 0.9503],
    nightsInMarket: [1.8524, -3.693, 4.1374],
    quickHubVisits: [0.8505, 6.8847, -1.3269],
    multiStop: [3.0212, -8.7618, -0.4117],
    otherStops: [-4.8676, 2.742, -4.0012],
    manyMarkets: [-6.4348, -1.0684, -11.8893],
    hubTaxi: [-0.5454, -6.186, -0.1974],
    crowd: [1.0688, -2.0373, 0.5755]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.01 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 26894,
    positives: 1434,
    l2: 0.01,
    logLoss: 0.0245
  }
};
