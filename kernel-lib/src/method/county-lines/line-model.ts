/**
 * The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -1.5763,
  weights: {
    stayDiff: -0.1309,
    overnightDiff: -0.3557,
    nightDiff: -0.1757,
    otherBase: -0.0279,
    gapDays: -0.6118,
    overlap: -2.0322,
    stopShare: 1.1062,
    runnerA: 0.835,
    runnerB: 0.6001,
    rhythmBreak: -0.4974,
    departClock: -1.1911,
    hubShareDiff: -2.2953,
    marketFocus: 1.3089,
    sameLastStop: 0.1273,
    reachDiff: -1.2426,
    gapFirstHalfDay: 4.7222
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
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
    rows: 4385,
    positives: 763,
    l2: 1,
    logLoss: 0.2861
  }
};
