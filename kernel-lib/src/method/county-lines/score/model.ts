/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the second generator's, bench/second-sim/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -6.1767,
  weights: {
    loops: [-7.1832, -6.454, -4.5542],
    loopDays: [0.3725, 4.3429, 1.5965],
    relayChain: [1.7374, -0.7241, -3.6211],
    plateRelay: [0.114, 0.7861, -2.3958],
    loopRate: [32.2456, -24.6876, 1.1015],
    night: [2.3924, -2.204, 2.7027],
    shortStops: [8.6546, -9.4277, -7.4613],
    nightsAway: [3.8246, -4.1488, -3.2867],
    dayShifts: [5.1232, -12.7637, 9.8065],
    sameWeekdays: [-3.304, -0.4061, -7.6965],
    weekdaysOnly: [-1.3089, 0.0008, -2.5853],
    weekendOnly: [-2.7937, 1.225, -13.0401],
    weekendsAway: [-1.8083, -3.9517, -5.7138],
    offHourLoops: [2.229, 0.9569, 11.8693],
    variedStayLoops: [-0.5175, 2.7877, 3.776],
    hubBase: [17.0487, -20.4854, 2.1743],
    marketBase: [18.0208, -25.3067, -7.9197],
    marketLife: [-1.9756, -2.4201, -6.3641],
    marketLocal: [5.3655, -5.5119, 1.0247],
    hubLife: [1.8632, -2.3377, -17.1605],
    nightsInHub: [0.5198, -0.3482, -2.1006],
    nightsInMarket: [3.2393, -4.4347, 8.566],
    quickHubVisits: [-2.0355, 1.4521, -5.552],
    multiStop: [0.631, -3.2211, -6.0857],
    otherStops: [-1.2656, -0.2724, -1.2867],
    manyMarkets: [-6.0062, 3.889, -10.331],
    hubTaxi: [-1.674, -7.1519, -18.5341],
    crowd: [2.1037, -3.664, 1.1957]
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
    logLoss: 0.0346
  }
};
