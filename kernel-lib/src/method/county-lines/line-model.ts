/**
 * The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the second generator's, bench/second-sim/scenarios.json). Written by
 * `npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12` (scripts/fit-lines.mjs); edit by re-running it, or pass your own
 * `params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.
 */
import type { HandOverModel } from './hand-over';

/** The fitted model, with how it was fitted. */
export const fittedHandOverModel: HandOverModel & { fitted: Record<string, unknown> } = {
  intercept: -0.9962,
  weights: {
    stayDiff: -0.0752,
    overnightDiff: -0.2449,
    nightDiff: -0.1759,
    otherBase: -0.0486,
    gapDays: -0.7126,
    overlap: -2.8146,
    stopShare: 1.4162,
    runnerA: 0.8216,
    runnerB: 0.7829,
    rhythmBreak: -0.544,
    departClock: -1.3592,
    hubShareDiff: -2.4345,
    marketFocus: 0.8969,
    sameLastStop: 0.1394,
    reachDiff: -1.5215,
    gapFirstHalfDay: 4.7462
  },
  fitted: {
    command: 'npm run fit:lines -- --l2 1 --seeds f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12',
    variants: ['v01-default-merseyside', 'v02-default-london', 'v03-default-west-midlands'],
    seeds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'],
    secondGenerator: {
      variant: 's2-tune-south-west',
      seeds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12']
    },
    rows: 5863,
    positives: 1076,
    l2: 1,
    logLoss: 0.2657
  }
};
