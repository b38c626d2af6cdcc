/**
 * Every threshold and weight of the county-lines finder, their defaults, and the ONE way
 * partial parameters are merged into them (`countyLinesParams`: plain objects at every depth).
 * A new parameter is one field here (with its default), or in the group its step owns (discover:
 * discover-markets.ts; relay: relays.ts); every engine takes it from here.
 */
import { deepMerge } from '../../core/deep-merge';
import { DAY_MS } from '../../core/london-time';
import { defaultLookalikeOptions, type LookalikeOptions } from '../../reads/lookalikes';
import { defaultBaseOptions, type BaseOptions } from '../../trips/base';
import { defaultStayOptions, type StayOptions } from '../../trips/stays';
import { defaultSplitTripsOptions, type SplitTripsOptions } from '../../trips/trips';
import { defaultDiscoverParams, type DiscoverMarketsParams } from './discover-markets';
import { defaultFeatureOptions } from './features';
import { defaultPlateRelayOptions, type PlateRelayOptions } from './relays';
import { defaultLineOptions, type LineOptions } from './suspected-lines';
import { defaultCountyLinesShape, defaultCountyLinesWeights, type CountyLinesScoreParams, type CountyLinesScorer } from './score/additive';
import { scoreCountyLines } from './score/logistic';
import { fittedCountyLinesModel } from './score/model';

/** Every threshold and weight of the finder. Override any subset via `params`. */
export interface CountyLinesParams extends CountyLinesScoreParams {
  trips: Required<SplitTripsOptions>;
  stays: Required<StayOptions>;
  base: Required<BaseOptions>;
  /** Tours longer than this (hours) are not loops. */
  maxLoopHours: number;
  /**
   * Vehicles with fewer loops (hub → market → hub) are not scored: they cannot fit a pattern of
   * repeated runs, and skipping them early (a coarse loop test on the reads, before trips and
   * features) is most of the finder's speed. 0 scores every vehicle read in the hub and a market.
   */
  minLoops: number;
  /**
   * A loop the data's end cuts (hub → market, then the data ends within `maxLoopHours`, so the
   * return cannot be seen) counts as a loop: a line's last plate is often used for one run.
   */
  censoredLoops: boolean;
  /**
   * Open loops (with censoredLoops): a plate whose reads span at most this many days, last read
   * gone out of the hub to a market and never back, makes a loop however early it left: used
   * briefly and gone in the market (a line that swaps plates there, or a runner based there,
   * makes market → hub → market runs). And open starts: such a plate first read in a market,
   * then in the hub, makes a loop too (put into use in the market, or its departure missed),
   * when it also loops or is last read in the hub (trips/tours.ts). 0: none. The relays' plate
   * span by default.
   */
  openLoopMaxDays: number;
  /** Sites outside the hub and markets are grouped into places of this radius (km). */
  clusterKm: number;
  /** Sites within this distance (km) outside the hub or a market boundary count as in it (cordon cameras). */
  areaBufferKm: number;
  /** Night window end (local hour); start is `nightStartHour`. */
  nightEndHour: number;
  /** A tour visit with dwell lower bound ≥ this (minutes) is a stop (for stops per tour). */
  stopMinutes: number;
  /**
   * Count hub reads that a vehicle only crossed as being in the hub. Off by default: a vehicle
   * driving from a town beyond the hub through it to a market and on (its trip came from a stop at
   * one place and went to a stop at another, with no possible stop of `stopMinutes` in the hub) is
   * not making hub → market → hub loops (trips/crossings.ts).
   */
  hubCrossings: boolean;
  discover: DiscoverMarketsParams;
  lookalikes: Required<LookalikeOptions> & { enabled: boolean };
  /** Plate-relay linking (swapped plates): see method/county-lines/relays.ts. */
  relay: PlateRelayOptions & { enabled: boolean };
  /** Plates scoring under this are not grouped into suspected lines (the default scorer's scores are log-odds: 0 = even odds). */
  lineMinScore: number;
  /** How suspects are chained into lines: see method/county-lines/suspected-lines.ts. */
  lines: LineOptions;
  /** The scorer; replace to try another method. */
  scorer: CountyLinesScorer;
}

/**
 * Default parameters of the finder. Each value is a hypothesis to tune against ground truth,
 * not a validated constant.
 *
 * @example
 * findCountyLines(store, { hub, markets, params: { weights: { night: 3 } } }); // merged at every depth
 */
export const defaultCountyLinesParams: CountyLinesParams = {
  trips: { ...defaultSplitTripsOptions },
  stays: { ...defaultStayOptions },
  base: { ...defaultBaseOptions },
  maxLoopHours: 72,
  minLoops: 1,
  censoredLoops: true,
  openLoopMaxDays: 16,
  clusterKm: 6,
  areaBufferKm: 1.5,
  nightStartHour: defaultFeatureOptions.nightStartHour,
  nightEndHour: defaultFeatureOptions.nightEndHour,
  stopMinutes: defaultFeatureOptions.stopMinutes,
  hubCrossings: false,
  discover: { ...defaultDiscoverParams },
  lookalikes: { ...defaultLookalikeOptions, enabled: true },
  relay: { ...defaultPlateRelayOptions, enabled: true },
  weights: { ...defaultCountyLinesWeights },
  shape: { ...defaultCountyLinesShape },
  model: fittedCountyLinesModel,
  lineMinScore: -2,
  lines: { ...defaultLineOptions },
  scorer: scoreCountyLines,
};

/**
 * The span (ms) within which a plate's reads make its last trip out an open loop, or undefined
 * when open loops are off (they are censored loops of any length: off with `censoredLoops`). One
 * rule for every engine.
 * @example openLoopSpanMs(defaultCountyLinesParams) // 16 days in ms
 */
export const openLoopSpanMs = (p: Pick<CountyLinesParams, 'censoredLoops' | 'openLoopMaxDays'>): number | undefined =>
  p.censoredLoops && p.openLoopMaxDays > 0 ? p.openLoopMaxDays * DAY_MS : undefined;

/** Partial params: top-level values, or a subset of a nested group. */
export type CountyLinesParamsInput = {
  [K in keyof CountyLinesParams]?: CountyLinesParams[K] extends (...a: never[]) => unknown
    ? CountyLinesParams[K]
    : CountyLinesParams[K] extends object ? Partial<CountyLinesParams[K]> : CountyLinesParams[K];
};

/**
 * The defaults overlaid with `input` at every depth (a copy), `scorer` (a shorthand) last.
 * @example countyLinesParams({ relay: { enabled: false } }).relay.maxGapHours // the default
 */
export function countyLinesParams(input?: CountyLinesParamsInput, scorer?: CountyLinesScorer): CountyLinesParams {
  const out = deepMerge(defaultCountyLinesParams, input);
  if (scorer) out.scorer = scorer;
  return out;
}

export type { DiscoverMarketsParams };
