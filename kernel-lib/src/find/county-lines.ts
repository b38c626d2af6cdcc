/**
 * The county-lines finder: rank vehicles whose movements fit "runner" journeys between an
 * urban hub and provincial market towns, each with a score, its parts and plain reasons.
 *
 * Pipeline (every step a free function of its own file, all parameters in one object):
 *
 *   reads ─ lookalikes ─ candidate sub-store (misread plates merged, time window, only vehicles
 *     read in the hub and a market; see county-lines-substore.ts)
 *     → places (hub, markets, other site clusters)  → trips → overnight stays → base per vehicle
 *     → tours anchored at the hub → [discover markets if none given]
 *     → features per vehicle (seen in hub and a market) → plate relays → scorer → ranked candidates
 *
 * The ranking is deterministic: score descending, ties by VRM ascending.
 */
import { pseudonym } from '../privacy/pseudonym';
import { MIMEBUNDLE, type Displayable } from '../display/bundle';
import { rankingView } from '../display/ranking-view';
import * as msg from '../messages';
import { HOUR_MS } from '../core/london-time';
import type { ReadStore } from '../reads/types';
import { area, areasFromGeoJson, distanceToAreaKm, pointInArea, siteAreas, type Area, type AreaInput } from '../core/areas';
import { defaultBaseOptions, type BaseOptions } from '../trips/base';
import { defaultFeatureOptions, vehicleFeatures, type FeatureContext, type VehicleFeatures } from '../method/county-lines/features';
import { sitePlaces } from '../trips/places';
import { defaultStayOptions, type StayOptions } from '../trips/stays';
import { defaultSplitTripsOptions, type SplitTripsOptions } from '../trips/trips';
import {
  defaultCountyLinesShape, defaultCountyLinesWeights,
  type CountyLinesScoreParams, type CountyLinesScorer, type ScorePart,
} from '../method/county-lines/score/additive';
import { scoreCountyLines } from '../method/county-lines/score/logistic';
import { fittedCountyLinesModel } from '../method/county-lines/score/model';
import { defaultPlateRelayOptions, linkPlateRelays, type PlateRelayOptions } from '../method/county-lines/relays';
import { fillLoopCrowd } from '../method/county-lines/loop-crowd';
import { suspectedLines, type SuspectedLine } from '../method/county-lines/suspected-lines';
import { candidatePlan } from '../method/county-lines/plan';
import { forEachChunk } from '../method/county-lines/chunks';
import { RankedCandidate } from '../method/county-lines/candidate';
import { defaultLookalikeOptions, lookalikeCodeGroups, lookalikeGroupsOf, type LookalikeGroup, type LookalikeOptions } from '../reads/lookalikes';
import { consult } from '../privacy/guard';

/** Site mask bits for the candidate prefilter. */
const IN_HUB = 1, IN_MARKET = 2;

/** Market discovery (used when no markets are given). */
export interface DiscoverMarketsParams {
  /** A place becomes a market when at least this many hub-based vehicles stop there on hub tours. */
  minVehicles: number;
  /** A tour's destination counts as a stop when its dwell lower bound is at least this (minutes). */
  minStopMinutes: number;
  /** Places inside the hub or closer than this (km) to its boundary are suburbs, not markets. */
  minDistanceKm: number;
  /** Keep at most this many markets (most visited first). */
  maxMarkets: number;
}

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
  /** Sites outside the hub and markets are grouped into places of this radius (km). */
  clusterKm: number;
  /** Sites within this distance (km) outside the hub or a market boundary count as in it (cordon cameras). */
  areaBufferKm: number;
  /** Night window end (local hour); start is `nightStartHour`. */
  nightEndHour: number;
  /** A tour visit with dwell lower bound ≥ this (minutes) is a stop (for stops per tour). */
  stopMinutes: number;
  discover: DiscoverMarketsParams;
  lookalikes: Required<LookalikeOptions> & { enabled: boolean };
  /** Plate-relay linking (swapped plates): see find/plate-relay.ts. */
  relay: PlateRelayOptions & { enabled: boolean };
  /** Plates scoring under this are not grouped into suspected lines (the default scorer's scores are log-odds: 0 = even odds). */
  lineMinScore: number;
  /** The scorer; replace to try another method. */
  scorer: CountyLinesScorer;
}

/**
 * Default parameters of {@link findCountyLines}. Each value is a hypothesis to tune against
 * ground truth, not a validated constant.
 *
 * @example
 * const params = { ...defaultCountyLinesParams, weights: { ...defaultCountyLinesParams.weights, night: 3 } };
 * findCountyLines(store, { hub, markets, params });
 */
export const defaultCountyLinesParams: CountyLinesParams = {
  trips: { ...defaultSplitTripsOptions },
  stays: { ...defaultStayOptions },
  base: { ...defaultBaseOptions },
  maxLoopHours: 72,
  minLoops: 1,
  clusterKm: 6,
  areaBufferKm: 1.5,
  nightStartHour: defaultFeatureOptions.nightStartHour,
  nightEndHour: defaultFeatureOptions.nightEndHour,
  stopMinutes: defaultFeatureOptions.stopMinutes,
  discover: { minVehicles: 3, minStopMinutes: 10, minDistanceKm: 5, maxMarkets: 40 },
  lookalikes: { ...defaultLookalikeOptions, enabled: true },
  relay: { ...defaultPlateRelayOptions, enabled: true },
  weights: { ...defaultCountyLinesWeights },
  shape: { ...defaultCountyLinesShape },
  model: fittedCountyLinesModel,
  lineMinScore: 0,
  scorer: scoreCountyLines,
};

/** Partial params: top-level values, or a subset of a nested group. */
export type CountyLinesParamsInput = {
  [K in keyof CountyLinesParams]?: CountyLinesParams[K] extends (...a: never[]) => unknown
    ? CountyLinesParams[K]
    : CountyLinesParams[K] extends object ? Partial<CountyLinesParams[K]> : CountyLinesParams[K];
};

/** Options of {@link findCountyLines}. */
export interface FindCountyLinesOptions {
  /** The urban hub (GeoJSON Feature/FeatureCollection/Polygon/MultiPolygon or an Area). */
  hub: AreaInput;
  /** Market towns: an array of areas or a FeatureCollection (one market per feature). Omit to discover them. */
  markets?: AreaInput[] | { type: 'FeatureCollection'; features: unknown[] };
  /** Only reads at or after / before this time (Date, ISO string or epoch ms). */
  from?: Date | string | number;
  to?: Date | string | number;
  params?: CountyLinesParamsInput;
  /** Shorthand for `params.scorer`. */
  scorer?: CountyLinesScorer;
  /**
   * The data's global figures when `store` holds only some of it (the candidates a coarse stage
   * kept, see county-lines-duckdb.ts): reads per site code, first and last read time, reads and
   * vehicles in the window, over all the data. Omit for a store holding all the data.
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

/** One ranked vehicle (its parts and reasons are computed on first access: see county-lines-candidate.ts). */
export interface CountyLinesCandidate {
  rank: number;
  readonly vrm: string;
  readonly score: number;
  readonly parts: ScorePart[];
  readonly reasons: string[];
  readonly features: VehicleFeatures;
}

/** The finder's answer, with what it used (provenance). */
export interface CountyLinesResult extends Displayable {
  candidates: CountyLinesCandidate[];
  hub: string;
  markets: { name: string; discovered: boolean; vehicles?: number }[];
  params: CountyLinesParams;
  /** Look-alike groups merged into the scored vehicles (`counts.mergedPlates` counts every plate merged). */
  lookalikes: LookalikeGroup[];
  /** Suspected lines: plates believed to be one operation (relay chains), best first. */
  lines: SuspectedLine[];
  counts: { reads: number; vehicles: number; scored: number; mergedPlates: number; seconds: number };
}

/**
 * A finder's `from` / `to` as epoch ms (undefined when not given); a RangeError naming it when unreadable.
 * @example finderTimeMs('2025-03-10T00:00:00Z', 'from') // 1741564800000
 */
export function finderTimeMs(x: Date | string | number | undefined, which: 'from' | 'to'): number | undefined {
  if (x === undefined) return undefined;
  const t = x instanceof Date ? x.getTime() : typeof x === 'number' ? x : Date.parse(x);
  if (!Number.isFinite(t)) throw new RangeError(msg.badFinderTime(which, x));
  return t;
}

const isPlain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Defaults overlaid with the given values, plain objects merged at every depth (a copy: defaults never change). */
function deepMerge(d: unknown, p: unknown): unknown {
  if (!isPlain(d)) return p === undefined ? d : p;
  if (p !== undefined && !isPlain(p)) return p;
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(d), ...Object.keys(p ?? {})])) out[k] = deepMerge(d[k], (p as Record<string, unknown> | undefined)?.[k]);
  return out;
}

function mergeParams(p: CountyLinesParamsInput | undefined, scorer: CountyLinesScorer | undefined): CountyLinesParams {
  const out = deepMerge(defaultCountyLinesParams, p) as CountyLinesParams;
  if (scorer) out.scorer = scorer;
  return out;
}

/**
 * Rank vehicles by how well their movements fit county-lines running from `hub` to
 * `markets` (discovered from the data when omitted). Every vehicle read in both the hub and
 * a market, with at least `params.minLoops` loops, is scored and returned, best first (ties by VRM), with its score parts, reasons
 * and features. Look-alike plates are merged first and the reasons say so.
 *
 * @example
 * const res = findCountyLines(store, { hub: area(hubGeo, 'Liverpool'), markets: marketsGeo });
 * res.candidates[0].vrm      // 'AB12CDE'
 * res.candidates[0].reasons  // ['7 returns Liverpool→Rhyl in 21 days', 'median dwell 30–48 min', ...]
 */
export function findCountyLines(store: ReadStore, options: FindCountyLinesOptions): CountyLinesResult {
  return consult('find county-lines', store, () => runCountyLines(store, options),
    (r) => ({ params: { hub: r.hub, markets: r.markets.map((m) => m.name), from: options.from ?? null, to: options.to ?? null }, counts: { returned: r.candidates.length } }));
}

function readInHubAndMarket(s: ReadStore, v: number, sitePlace: Int32Array, hubPlace: number, isMarket: Uint8Array): boolean {
  let inHub = false, inMarket = false;
  for (let i = s.vehicleStart[v]; i < s.vehicleStart[v + 1] && !(inHub && inMarket); i++) {
    const p = sitePlace[s.site[i]];
    if (p === hubPlace) inHub = true; else if (isMarket[p]) inMarket = true;
  }
  return inHub && inMarket;
}

function runCountyLines(store: ReadStore, options: FindCountyLinesOptions): CountyLinesResult {
  const t0 = Date.now();
  if (!options || !options.hub) throw new TypeError(msg.finderNeedsHub());
  const params = mergeParams(options.params, options.scorer);
  const hub = area(options.hub);
  const marketAreas: Area[] = options.markets === undefined ? []
    : Array.isArray(options.markets) ? options.markets.map((m) => area(m)) : areasFromGeoJson(options.markets);

  // 1. Look-alike plates merged, the time window applied, and only the vehicles that can be
  //    scored kept: read in the hub and a market (in the hub only when markets are discovered,
  //    as discovery looks at every hub-based vehicle). With markets given, vehicles without a
  //    coarse hub → market → hub loop are dropped too (a superset of those with loops; the exact
  //    rule is applied to the features below). Every later step is per vehicle.
  const lookalikeCodes = params.lookalikes.enabled ? lookalikeCodeGroups(store, params.lookalikes) : [];
  const siteArea = siteAreas(store.sites, [hub, ...marketAreas], { bufferKm: params.areaBufferKm });
  const siteMask = Uint8Array.from(siteArea, (a) => (a === 0 ? IN_HUB : a > 0 ? IN_MARKET : 0));
  const loopFilter = marketAreas.length > 0 && params.minLoops > 0
    ? { hubBit: IN_HUB, marketBit: IN_MARKET, maxGapMs: params.maxLoopHours * HOUR_MS } : undefined;
  const plan = candidatePlan(store, lookalikeCodes, siteMask, marketAreas.length > 0 ? IN_HUB | IN_MARKET : IN_HUB,
    finderTimeMs(options.from, 'from'), finderTimeMs(options.to, 'to'), loopFilter);
  if (options.context) Object.assign(plan, options.context);

  // 2. Places: the hub, the markets, and clusters of the other sites (heavier sites lead).
  const places = sitePlaces(store.sites, [hub, ...marketAreas], { clusterKm: params.clusterKm, areaBufferKm: params.areaBufferKm, siteWeight: plan.siteReads });
  const hubPlace = 0;

  // 3. Markets: given, or discovered from where hub-based vehicles stop on hub tours.
  let marketPlaces: number[];
  let markets: CountyLinesResult['markets'];
  if (marketAreas.length > 0) {
    marketPlaces = marketAreas.map((_, i) => i + 1);
    markets = marketAreas.map((m) => ({ name: m.name, discovered: false }));
  } else {
    const d = params.discover;
    const seen = new Map<number, Set<number>>();
    forEachChunk(store, plan, places, hubPlace, params, ({ origin, bases, hubTours }) => {
      for (let u = 0; u < hubTours.n; u++) {
        const v = hubTours.vehicle[u];
        if (bases.place[v] !== hubPlace) continue;
        const k = hubTours.destination[u];
        if (hubTours.visitDwellMin[k] < d.minStopMinutes * 60_000) continue;
        const p = hubTours.visitPlace[k];
        if (p === hubPlace) continue;
        const set = seen.get(p); if (set) set.add(origin[v]); else seen.set(p, new Set([origin[v]]));
      }
    });
    const ranked = [...seen.entries()]
      .filter(([p, vs]) => vs.size >= d.minVehicles
        && !pointInArea(hub, places.lat[p], places.lon[p]) && distanceToAreaKm(hub, places.lat[p], places.lon[p]) >= d.minDistanceKm)
      .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
      .slice(0, d.maxMarkets);
    marketPlaces = ranked.map(([p]) => p);
    markets = ranked.map(([p, vs]) => ({ name: places.name[p], discovered: true, vehicles: vs.size }));
  }

  // 4. Candidates: vehicles read in the hub and in a market, with at least `minLoops` loops.
  const discovered = marketAreas.length === 0;
  const isMarket = new Uint8Array(places.n);
  for (const p of marketPlaces) isMarket[p] = 1;
  const featureOptions = { nightStartHour: params.nightStartHour, nightEndHour: params.nightEndHour, stopMinutes: params.stopMinutes };
  const featureList: VehicleFeatures[] = [];
  const groupOfMajor = new Int32Array(store.vrms.length).fill(-1);
  lookalikeCodes.forEach((g, i) => { groupOfMajor[g[0]] = i; });
  const mergedCodes: number[][] = []; // look-alike groups of the scored vehicles
  forEachChunk(store, plan, places, hubPlace, params, ({ store: s, origin, trips, bases, hubTours }) => {
    const ctx: FeatureContext = { store: s, trips, places, bases, hubTours, hubPlace, marketPlaces };
    for (let v = 0; v < s.vrms.length; v++) {
      // With markets given, the plan kept only vehicles read in the hub and a market (the same
      // site areas as the places'); discovered markets are checked here.
      if (discovered && !readInHubAndMarket(s, v, places.sitePlace, hubPlace, isMarket)) continue;
      const features = vehicleFeatures(ctx, v, featureOptions);
      if (features.loops < params.minLoops) continue;
      const g = groupOfMajor[origin[v]];
      if (g >= 0) {
        const [named] = lookalikeGroupsOf(store, [lookalikeCodes[g]]);
        features.mergedWith = named.members;
        mergedCodes.push(lookalikeCodes[g]);
      }
      featureList.push(features);
    }
  });
  // 5. Plate relays (swapped plates), then score and rank.
  const lookalikes = lookalikeGroupsOf(store, mergedCodes.sort((x, y) => x[0] - y[0]));
  return rankCountyLines(featureList, {
    hub: hub.name, markets, params, lookalikes, firstTime: plan.firstTime, lastTime: plan.lastTime,
    counts: { reads: plan.reads, vehicles: plan.vehicles, mergedPlates: lookalikeCodes.reduce((n, g) => n + g.length - 1, 0) }, t0,
  });
}

/** What {@link rankCountyLines} needs besides the features: the finder's context. */
export interface RankContext {
  hub: string;
  markets: CountyLinesResult['markets'];
  params: CountyLinesParams;
  lookalikes: LookalikeGroup[];
  /** First and last read time of all the data (plate relays need a real start or stop inside it). */
  firstTime: number;
  lastTime: number;
  counts: { reads: number; vehicles: number; mergedPlates: number };
  /** Date.now() when the search started. */
  t0: number;
}

/**
 * The finder's last step: link plate relays among the features, score each (`params.scorer`),
 * rank (score descending, ties by VRM) and wrap as a result. Features of several partial runs
 * (the DuckDB engine's batches) can be ranked together: relays are linked across all of them.
 *
 * @example
 * const all = [...batch1.candidates, ...batch2.candidates].map((c) => c.features);
 * rankCountyLines(all, { hub: batch1.hub, markets: batch1.markets, params: batch1.params, lookalikes: [], firstTime, lastTime, counts, t0: Date.now() });
 */
export function rankCountyLines(featureList: VehicleFeatures[], ctx: RankContext): CountyLinesResult {
  const { params } = ctx;
  if (params.relay.enabled && ctx.counts.reads > 0) linkPlateRelays(featureList, ctx.firstTime, ctx.lastTime, params.relay);
  fillLoopCrowd(featureList);
  const candidates: CountyLinesCandidate[] = featureList.map((features) => {
    const score = params.scorer(features, params).score;
    // One NaN score would silently scramble the whole ranking's sort: stop and say which.
    if (!Number.isFinite(score)) throw new RangeError(msg.scorerNotFinite(pseudonym(features.vrm), score));
    return new RankedCandidate(features, score, params.scorer, params);
  });
  candidates.sort((a, b) => b.score - a.score || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  candidates.forEach((c, i) => { c.rank = i + 1; });
  const scoreOf = new Map(candidates.map((c) => [c.vrm, c.score]));
  const lines = suspectedLines(featureList, (vrm) => scoreOf.get(vrm) ?? -Infinity, params.lineMinScore);
  const result = {
    candidates, hub: ctx.hub, markets: ctx.markets, params, lookalikes: ctx.lookalikes, lines,
    counts: { reads: ctx.counts.reads, vehicles: ctx.counts.vehicles, scored: candidates.length, mergedPlates: ctx.counts.mergedPlates, seconds: (Date.now() - ctx.t0) / 1000 },
  } as CountyLinesResult;
  // As a cell's last value (or passed to show) the result displays as its top 20 candidates,
  // pseudonymised; not enumerable, so JSON output is unchanged.
  Object.defineProperty(result, MIMEBUNDLE, { value: () => rankingView(result)[MIMEBUNDLE](), enumerable: false });
  return result;
}
