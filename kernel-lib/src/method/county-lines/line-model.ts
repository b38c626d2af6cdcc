/**
 * The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the second generator's, bench/second-sim/scenarios.json). Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -1.0242,
  weights: {
    stayDiff: -0.0721,
    overnightDiff: -0.2398,
    nightDiff: -0.1844,
    otherBase: -0.0449,
    gapDays: -0.7091,
    overlap: -2.8209,
    stopShare: 1.4064,
    runnerA: 0.8287,
    runnerB: 0.7978,
    rhythmBreak: -0.5409,
    departClock: -1.3527,
    hubShareDiff: -2.4367,
    marketFocus: 0.9295,
    sameLastStop: 0.1414,
    reachDiff: -1.4863,
    gapFirstHalfDay: 4.7141
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    secondGenerator: {
      variant: 's2-tune-south-west',
      seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
    },
    rows: 5864,
    positives: 1074,
    l2: 1,
    logLoss: 0.2658
  }
};
