/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: 1.7389,
  weights: {
    clockHours: -1.285,
    stayDiff: -0.0043,
    overnightDiff: -0.2401,
    nightDiff: -0.6893,
    otherBase: -0.1957,
    gapDays: -0.7343,
    overlap: -4.9174,
    stopShare: 1.9146,
    runnerA: 0.7507,
    runnerB: 0.8771,
    rhythmBreak: -0.6118
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3164,
    positives: 858,
    l2: 1,
    logLoss: 0.3201
  }
};
