/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -4.6329,
  weights: {
    loops: [-2.2586, -5.4952, -1.8796],
    loopDays: [-2.3999, 0.7554, -0.149],
    relayChain: [1.7235, -0.6427, -6.1047],
    plateRelay: [-0.3252, 0.1031, -3.0959],
    loopRate: [30.8064, -21.5534, -0.496],
    night: [2.7768, -3.0844, 3.0256],
    shortStops: [5.772, -5.9405, -5.9152],
    nightsAway: [1.9678, -2.8607, -3.5533],
    dayShifts: [4.9329, -12.5484, 10.1139],
    sameWeekdays: [-4.0622, 1.1685, -8.1357],
    weekdaysOnly: [-0.7854, -1.8548, -3.2487],
    weekendOnly: [-2.5151, 0.6728, -11.7327],
    weekendsAway: [-1.2351, -4.0708, -6.6107],
    offHourLoops: [2.2054, 1.2969, 2.7142],
    variedStayLoops: [-0.2895, 2.0308, 3.2001],
    hubBase: [9.723, -11.8518, 1.4366],
    marketBase: [12.1043, -19.5004, -6.8749],
    marketLife: [-2.0816, -3.7326, -2.0298],
    marketLocal: [3.8918, -3.3442, -0.3869],
    hubLife: [1.6257, -1.2649, -13.595],
    nightsInHub: [0.565, 0.239, -4.0313],
    nightsInMarket: [4.758, -3.8976, 4.8884],
    quickHubVisits: [-3.3504, 4.1617, -23.4963],
    multiStop: [1.5307, -1.6572, -4.0312],
    otherStops: [-1.0739, -1.5238, -1.1316],
    crowd: [0.7448, -1.9754, 0.6708]
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
    logLoss: 0.041
  }
};
