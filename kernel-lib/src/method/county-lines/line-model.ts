/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: 1.6694,
  weights: {
    clockHours: -1.2182,
    stayDiff: -0.0337,
    overnightDiff: -0.1362,
    nightDiff: -0.7764,
    otherBase: -0.1437,
    gapDays: -0.7609,
    overlap: -5.0411,
    stopShare: 1.9611,
    runnerA: 0.6298,
    runnerB: 0.949,
    rhythmBreak: -0.5421
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3023,
    positives: 831,
    l2: 1,
    logLoss: 0.3207
  }
};
