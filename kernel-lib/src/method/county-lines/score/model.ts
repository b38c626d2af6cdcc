/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -7.6793,
  weights: {
    loops: [4.8815, -9.3131, -4.9782],
    loopDays: [-0.6191, -0.6815, 0.3729],
    relayChain: [1.3872, -0.556, -4.7536],
    plateRelay: [0.0705, -0.3218, -2.9244],
    loopRate: [11.988, -4.6902, -0.1897],
    night: [0.8059, -1.8766, 2.5841],
    shortStops: [5.6172, -6.1475, -2.6186],
    nightsAway: [0.8356, -0.6023, -4.2869],
    dayShifts: [3.6794, -10.4055, 8.2672],
    sameWeekdays: [-3.8569, 0.4891, -6.2887],
    weekdaysOnly: [-0.9598, -1.8788, -3.1467],
    weekendOnly: [-3.5005, 3.7122, -11.5717],
    weekendsAway: [-1.0812, -4.6045, -7.9665],
    offHourLoops: [2.0787, 1.448, 3.2141],
    variedStayLoops: [0.3318, 0.955, 4.3507],
    hubBase: [5.1649, -7.9147, 0.1588],
    marketBase: [9.3, -15.2087, -4.1288],
    marketLife: [-0.8891, -3.8904, 2.7151],
    marketLocal: [4.4398, -3.6871, -1.9535],
    hubLife: [4.7446, -2.5708, -10.0024],
    nightsInHub: [5.027, -1.5358, -6.1972],
    nightsInMarket: [6.9127, -6.5314, 4.1675],
    quickHubVisits: [-0.9888, 2.0999, -24.4694],
    multiStop: [-0.2241, -1.302, -3.7063],
    otherStops: [-0.488, -0.0427, -1.1112],
    plateLife: [-3.8139, 1.3018, 0.5934],
    nightTrips: [3.5524, -1.3763, -2.5217],
    loopFocus: [6.383, -6.9553, 4.8284],
    crowd: [0.2348, -1.4147, 0.6479]
  },
  fitted: {
    command: 'npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24',
    variants: ['v01-default-merseyside', 'v02-default-london'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12', 'f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'f20', 'f21', 'f22', 'f23', 'f24'],
    otherGenerators: [
      {
        variant: 's2-tune-south-west',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      },
      {
        variant: 's3-tune-east-midlands',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      }
    ],
    rows: 58428,
    positives: 2701,
    l2: 0.003,
    logLoss: 0.0345
  }
};
