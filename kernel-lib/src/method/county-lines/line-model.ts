/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: 1.4127,
  weights: {
    clockHours: 0.8588,
    stayDiff: 0.0035,
    overnightDiff: -0.163,
    nightDiff: -0.683,
    otherBase: -0.0964,
    gapDays: -0.774,
    overlap: -4.8039,
    stopShare: 1.6456,
    runnerA: 0.7303,
    runnerB: 0.8975,
    rhythmBreak: -0.4949,
    departClock: -2.3669,
    hubShareDiff: -2.5049,
    marketFocus: 0.8165,
    sameLastStop: 0.3356,
    reachDiff: -1.4587
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3261,
    positives: 864,
    l2: 1,
    logLoss: 0.2876
  }
};
