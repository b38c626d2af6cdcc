/**
 * The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:scorer -- --l2 0.003 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * `params.model` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model, with how it was fitted. */
export const fittedCountyLinesModel: ScorerModel = {
  intercept: -7.8992,
  weights: {
    loops: [4.8047, -10.1464, 3.0147],
    loopDays: [-0.6071, -0.6812, 0.163],
    relayChain: [1.4149, -0.6112, -4.717],
    plateRelay: [0.0816, -0.3093, -2.8725],
    loopRate: [13.3213, -5.8595, -0.8721],
    night: [0.7753, -1.9392, 2.7594],
    shortStops: [5.6753, -5.9237, -2.8266],
    nightsAway: [0.8476, -0.6814, -4.095],
    dayShifts: [3.9253, -11.087, 8.892],
    sameWeekdays: [-3.7159, 0.473, -6.027],
    weekdaysOnly: [-0.9681, -1.4332, -4.2254],
    weekendOnly: [-3.5125, 3.5729, -11.6563],
    weekendsAway: [-1.1827, -4.3557, -8.2002],
    offHourLoops: [2.6137, 0.8608, 0],
    variedStayLoops: [-0.1525, 2.2322, 0],
    hubBase: [5.4206, -8.6109, 0.7742],
    marketBase: [9.2224, -15.1907, -4.1056],
    marketLife: [-0.8247, -4.0927, 3.1562],
    marketLocal: [4.4711, -3.7204, -1.9459],
    hubLife: [4.8919, -2.7259, -9.9082],
    nightsInHub: [4.9637, -1.2611, -6.5038],
    nightsInMarket: [7.0251, -6.6878, 4.3548],
    quickHubVisits: [-0.9974, 2.2072, -20.1877],
    multiStop: [-0.2679, -1.219, -3.884],
    otherStops: [-0.4426, -0.1763, -0.9528],
    plateLife: [-3.8415, 1.3132, 0.7255],
    nightTrips: [3.4794, -1.2807, -2.5887],
    loopFocus: [6.264, -6.8291, 4.8762],
    crowd: [0.2766, -1.3795, 0.5547]
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
    logLoss: 0.0349
  }
};
