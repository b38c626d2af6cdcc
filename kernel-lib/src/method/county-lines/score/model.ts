/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the second generator's, bench/second-sim/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -5.0911,
  weights: {
    loops: [-8.7372, -5.1586, -7.1613],
    loopDays: [0.1595, 4.648, 0.2491],
    relayChain: [1.7056, -0.7532, -3.6694],
    plateRelay: [0.5557, 0.4217, -2.5037],
    loopRate: [34.5268, -28.0003, 3.6643],
    night: [2.238, -1.7594, 3.2879],
    shortStops: [8.8964, -10.0345, -8.6971],
    nightsAway: [2.2308, -4.4534, -0.5335],
    dayShifts: [5.9967, -14.8411, 11.7147],
    sameWeekdays: [-3.3674, -0.0652, -8.5713],
    weekdaysOnly: [-1.4003, 0.0214, -3.2698],
    weekendOnly: [-3.3891, 1.7546, -12.9907],
    offHourLoops: [1.8419, 1.6241, 10.6467],
    variedStayLoops: [-0.0892, 2.7569, 6.7828],
    hubBase: [16.4989, -19.3247, 1.8936],
    marketBase: [17.4969, -23.1192, -7.5029],
    marketLife: [-1.954, -2.6514, -5.2353],
    marketLocal: [5.3889, -6.0588, 1.8022],
    hubLife: [1.3768, -1.1409, -17.0003],
    nightsInHub: [0.1605, 0.0343, -2.2336],
    nightsInMarket: [2.7861, -4.4895, 8.1207],
    quickHubVisits: [-1.4078, 0.0653, -2.8525],
    multiStop: [0.5454, -4.3436, -5.4393],
    otherStops: [-1.647, 0.3388, -0.6475],
    manyMarkets: [-5.1692, 2.8078, -9.2747],
    hubTaxi: [-1.5077, -6.3591, -16.5523],
    crowd: [1.8446, -3.5354, 1.3901]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12', 'f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'f20', 'f21', 'f22', 'f23', 'f24'],
    secondGenerator: {
      variant: 's2-tune-south-west',
      seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
    },
    rows: 63914,
    positives: 3670,
    l2: 0.003,
    logLoss: 0.0367
  }
};
