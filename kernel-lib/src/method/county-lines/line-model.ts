/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: 1.5153,
  weights: {
    stayDiff: 0.0018,
    overnightDiff: -0.1492,
    nightDiff: -0.4773,
    otherBase: -0.0929,
    gapDays: -0.7672,
    overlap: -4.8278,
    stopShare: 1.5782,
    runnerA: 0.6954,
    runnerB: 0.8625,
    rhythmBreak: -0.493,
    departClock: -1.6786,
    hubShareDiff: -2.4595,
    marketFocus: 0.7814,
    sameLastStop: 0.324,
    reachDiff: -1.4748
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3261,
    positives: 864,
    l2: 1,
    logLoss: 0.2898
  }
};
