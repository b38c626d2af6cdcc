/** The county-lines method's data: what it is given and what it answers (no display, no audit). */
import type { AreaInput } from '../../core/areas';
import type { TimeInput } from '../../core/time-bound';
import type { LookalikeGroup } from '../../reads/lookalikes';
import type { MarketInfo } from './discover-markets';
import type { VehicleFeatures } from './features';
import type { CountyLinesParams, CountyLinesParamsInput } from './params';
import type { CountyLinesScorer, ScorePart } from './score/additive';
import type { SuspectedLine } from './suspected-lines';

/** Options of the finder (every engine's, plus each engine's own). */
export interface FindCountyLinesOptions {
  /** The urban hub (GeoJSON Feature/FeatureCollection/Polygon/MultiPolygon or an Area). */
  hub: AreaInput;
  /** Market towns: an array of areas or a FeatureCollection (one market per feature). Omit to discover them (in memory only). */
  markets?: AreaInput[] | { type: 'FeatureCollection'; features: unknown[] };
  /** Only reads at or after / before this time (Date, ISO string or epoch ms). */
  from?: TimeInput;
  to?: TimeInput;
  params?: CountyLinesParamsInput;
  /** Shorthand for `params.scorer`. */
  scorer?: CountyLinesScorer;
  /**
   * The data's global figures when `store` holds only some of it (the candidates a coarse stage
   * kept, see engines/): reads per site code, first and last read time, reads and vehicles in
   * the window, over all the data. Omit for a store holding all the data.
   */
  context?: FinderContext;
}

/** Global figures of the data a finder runs on (see `FindCountyLinesOptions.context`). */
export interface FinderContext {
  siteReads: Float64Array;
  firstTime: number;
  lastTime: number;
  reads: number;
  vehicles: number;
}

export type { MarketInfo };

/** One ranked vehicle (its parts and reasons are computed on first access: see candidate.ts). */
export interface CountyLinesCandidate {
  rank: number;
  readonly vrm: string;
  readonly score: number;
  readonly parts: ScorePart[];
  readonly reasons: string[];
  readonly features: VehicleFeatures;
}

/** The finder's answer, with what it used (provenance). */
export interface CountyLinesRanking {
  candidates: CountyLinesCandidate[];
  hub: string;
  markets: MarketInfo[];
  params: CountyLinesParams;
  /** Look-alike groups merged into the scored vehicles (`counts.mergedPlates` counts every plate merged). */
  lookalikes: LookalikeGroup[];
  /** Suspected lines: plates believed to be one operation (relay chains), best first. */
  lines: SuspectedLine[];
  counts: { reads: number; vehicles: number; scored: number; mergedPlates: number; seconds: number };
}

/** What ranking needs besides the features: the finder's context. */
export interface RankContext {
  hub: string;
  markets: MarketInfo[];
  params: CountyLinesParams;
  /** The look-alike groups merged into the vehicles, or how to make them (when the ranking's `lookalikes` are first read). */
  lookalikes: LookalikeGroup[] | (() => LookalikeGroup[]);
  /** First and last read time of all the data (plate relays need a real start or stop inside it). */
  firstTime: number;
  lastTime: number;
  counts: { reads: number; vehicles: number; mergedPlates: number };
  /** Date.now() when the search started. */
  t0: number;
  /** How a plate is named in an error message (the public layer passes the pseudonym); default: not named. */
  plateName?: (vrm: string) => string;
}
