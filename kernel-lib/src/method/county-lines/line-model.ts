/**
 * The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -1.6217,
  weights: {
    stayDiff: -0.0561,
    overnightDiff: -0.2268,
    nightDiff: -0.1411,
    otherBase: -0.0177,
    gapDays: -0.5959,
    overlap: -2.1316,
    stopShare: 1.2092,
    runnerA: 0.803,
    runnerB: 0.6885,
    rhythmBreak: -0.5151,
    departClock: -1.1839,
    hubShareDiff: -2.2739,
    marketFocus: 1.2695,
    sameLastStop: 0.1158,
    reachDiff: -1.3906,
    gapFirstHalfDay: 4.6361
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
    rows: 4514,
    positives: 738,
    l2: 1,
    logLoss: 0.2733
  }
};
