/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -0.505,
  weights: {
    stayDiff: -0.0133,
    overnightDiff: -0.0425,
    nightDiff: -0.3969,
    otherBase: -0.0872,
    gapDays: -0.954,
    overlap: -2.8483,
    stopShare: 1.6014,
    runnerA: 0.7176,
    runnerB: 0.9842,
    rhythmBreak: -0.2673,
    departClock: -1.7185,
    hubShareDiff: -2.2469,
    marketFocus: 0.7893,
    sameLastStop: 0.3035,
    reachDiff: -1.6151,
    gapFirstHalfDay: 4.6231
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3346,
    positives: 873,
    l2: 1,
    logLoss: 0.2716
  }
};
