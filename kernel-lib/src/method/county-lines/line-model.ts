/**
 * The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -1.8632,
  weights: {
    stayDiff: -0.1771,
    overnightDiff: -0.342,
    nightDiff: -0.0817,
    otherBase: -0.0059,
    gapDays: -0.5584,
    overlap: -1.5945,
    stopShare: 1.075,
    runnerA: 0.8932,
    runnerB: 0.5715,
    rhythmBreak: -0.3147,
    departClock: -1.0553,
    hubShareDiff: -2.4011,
    marketFocus: 1.0421,
    sameLastStop: 0.1108,
    reachDiff: -1.6701,
    gapFirstHalfDay: 5.3031
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    otherGenerators: [
      {
        variant: 's2-tune-south-west',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      },
      {
        variant: 's3-tune-east-midlands',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      },
      {
        variant: 's4-tune-greater-manchester',
        seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
      }
    ],
    rows: 3770,
    positives: 575,
    l2: 1,
    logLoss: 0.2831
  }
};
