/**
 * The suspected lines' hand-over model, fitted on the tuning variants only. Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: 1.5295,
  weights: {
    stayDiff: 0.0042,
    overnightDiff: -0.1355,
    nightDiff: -0.481,
    otherBase: -0.0894,
    gapDays: -0.7717,
    overlap: -4.8631,
    stopShare: 1.5549,
    runnerA: 0.7503,
    runnerB: 0.9313,
    rhythmBreak: -0.4751,
    departClock: -1.6861,
    hubShareDiff: -2.2833,
    marketFocus: 0.7465,
    sameLastStop: 0.3394,
    reachDiff: -1.5628
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    rows: 3326,
    positives: 867,
    l2: 1,
    logLoss: 0.2858
  }
};
