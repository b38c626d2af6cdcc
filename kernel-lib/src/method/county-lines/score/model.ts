/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the second generator's, bench/second-sim/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -6.3055,
  weights: {
    loops: [-6.7506, -7.0867, -6.9449],
    loopDays: [0.2878, 3.8667, 0.9834],
    relayChain: [1.7363, -0.7389, -3.5661],
    plateRelay: [0.1922, 0.7066, -2.4174],
    loopRate: [32.2725, -24.9851, 3.2148],
    night: [2.3184, -2.3485, 3.4672],
    shortStops: [8.7174, -9.7086, -7.6517],
    nightsAway: [3.776, -4.0409, -3.4062],
    dayShifts: [5.3464, -13.5038, 10.6029],
    sameWeekdays: [-3.6431, 0.1889, -7.4557],
    weekdaysOnly: [-1.5318, 0.2492, -3.1637],
    weekendOnly: [-2.7987, 1.23, -13.1918],
    weekendsAway: [-1.645, -4.4122, -5.4684],
    offHourLoops: [1.7201, 1.9469, 10.016],
    variedStayLoops: [-0.1454, 2.7525, 6.3517],
    hubBase: [17.438, -20.8731, 2.1001],
    marketBase: [18.3934, -26.0359, -7.3549],
    marketLife: [-1.5559, -3.152, -5.8858],
    marketLocal: [5.3949, -5.8211, 1.5478],
    hubLife: [1.7921, -2.2697, -17.2438],
    nightsInHub: [0.3028, 0.3725, -2.8812],
    nightsInMarket: [3.0361, -3.7541, 8.0716],
    quickHubVisits: [-1.5709, 0.3838, -3.6136],
    multiStop: [0.4075, -3.8313, -5.8127],
    otherStops: [-1.8446, 1.6483, -2.9137],
    manyMarkets: [-5.6409, 3.8419, -9.6357],
    hubTaxi: [-1.7064, -6.8866, -18.2944],
    crowd: [1.8768, -3.4545, 1.2336]
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
    logLoss: 0.0347
  }
};
