/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -0.4905,
  weights: {
    stayDiff: -0.0175,
    overnightDiff: -0.0593,
    nightDiff: -0.4016,
    otherBase: -0.085,
    gapDays: -0.955,
    overlap: -2.8541,
    stopShare: 1.6106,
    runnerA: 0.7184,
    runnerB: 0.9947,
    rhythmBreak: -0.2573,
    departClock: -1.7064,
    hubShareDiff: -2.237,
    marketFocus: 0.7826,
    sameLastStop: 0.2884,
    reachDiff: -1.572,
    gapFirstHalfDay: 4.5946
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3326,
    positives: 867,
    l2: 1,
    logLoss: 0.2723
  }
};
