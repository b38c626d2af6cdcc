/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -4.8803,
  weights: {
    loops: [-5.1592, -6.7901, -1.692],
    loopDays: [0.7286, 1.7985, -0.5542],
    relayChain: [1.6904, -0.5786, -6.2585],
    plateRelay: [-0.366, 0.1324, -3.2326],
    loopRate: [30.5767, -21.5291, 0.0328],
    night: [2.8371, -3.0188, 2.7777],
    shortStops: [6.1624, -5.815, -6.6735],
    nightsAway: [2.3825, -3.2655, -3.8994],
    dayShifts: [4.5432, -11.8421, 9.9507],
    sameWeekdays: [-3.7643, 1.024, -8.5023],
    weekdaysOnly: [-0.6046, -2.1703, -2.3785],
    weekendOnly: [-2.4844, 0.7916, -12.1347],
    weekendsAway: [-1.3067, -4.016, -6.6464],
    offHourLoops: [2.3072, 1.0633, 4.5402],
    variedStayLoops: [-0.2933, 2.2236, 3.1601],
    hubBase: [9.893, -11.9601, 1.7797],
    marketBase: [12, -19.0068, -7.4185],
    marketLife: [-2.2839, -3.4833, -2.7183],
    marketLocal: [4.1293, -3.3551, -0.5041],
    hubLife: [1.7414, -1.1794, -13.4581],
    nightsInHub: [0.6563, 0.0599, -3.9636],
    nightsInMarket: [4.4885, -3.6593, 5.1356],
    quickHubVisits: [-2.7016, 3.1658, -22.5807],
    multiStop: [1.5017, -0.7488, -4.9669],
    otherStops: [-0.8537, -1.5863, -1.6649],
    manyMarkets: [-3.9294, 2.1018, -8.2818],
    hubTaxi: [-1.6052, 0.0317, -1.6006],
    crowd: [0.9581, -2.4966, 0.9975]
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
    logLoss: 0.0402
  }
};
