/**
 * The finder's per-store stage: from one store (all the data, or one batch of candidates a
 * coarse stage kept) to the features of every vehicle that can be scored.
 *
 *   reads ─ look-alikes ─ candidate plan (misread plates merged, time window, only vehicles
 *     read in the hub and a market; see plan.ts)
 *     → places (hub, markets, other site clusters) → trips → overnight stays → base per vehicle
 *     → tours anchored at the hub → [discover markets if none given]
 *     → features per vehicle (seen in hub and a market, at least minLoops loops)
 */
import { HOUR_MS } from '../../core/london-time';
import { siteAreas } from '../../core/areas';
import { lookalikeCodeGroups, lookalikeGroupsOf, type LookalikeGroup } from '../../reads/lookalikes';
import type { ReadStore } from '../../reads/types';
import { sitePlaces } from '../../trips/places';
import { forEachChunk } from './chunks';
import { discoverMarkets } from './discover-markets';
import { vehicleFeatures, type FeatureContext, type VehicleFeatures } from './features';
import { FeatureRows } from './feature-rows';
import { candidatePlan, lastReadTime } from './plan';
import { openLoopSpanMs } from './params';
import type { FinderSetup } from './setup';
import type { FinderContext, MarketInfo } from './types';

/** Site mask bits for the candidate prefilter. */
const IN_HUB = 1, IN_MARKET = 2;

/** What {@link storeFeatures} gives: the features, and what the ranking needs to know. */
export interface StoreFeatures {
  /** The rows the features were packed into (after those of earlier stores, when given rows to add to). */
  rows: FeatureRows;
  markets: MarketInfo[];
  /** Look-alike groups merged into the scored vehicles. */
  lookalikes: LookalikeGroup[];
  /** Plates merged into another, over every vehicle of the store. */
  mergedPlates: number;
  /** Reads and vehicles in the window, first and last read (of all the data when a context is given). */
  reads: number;
  vehicles: number;
  firstTime: number;
  lastTime: number;
}

function readInHubAndMarket(s: ReadStore, v: number, sitePlace: Int32Array, hubPlace: number, isMarket: Uint8Array): boolean {
  let inHub = false, inMarket = false;
  for (let i = s.vehicleStart[v]; i < s.vehicleStart[v + 1] && !(inHub && inMarket); i++) {
    const p = sitePlace[s.site[i]];
    if (p === hubPlace) inHub = true; else if (isMarket[p]) inMarket = true;
  }
  return inHub && inMarket;
}

/** Features are packed this many at a time: a feature object lives only until its group is packed. */
const PACK_EVERY = 1024;

/**
 * The features of every vehicle of `store` read in the hub and a market with at least
 * `minLoops` loops (markets discovered from the store when none are given), packed into `rows`
 * (new rows unless given). With `context`, the store is part of the data and the global figures
 * are the context's.
 * Packed as they come, a few hundred at a time: held as objects until the end, every one of the
 * store's feature objects (with its loops and OD pairs) outlived the young generation and was
 * copied into the old one, and those copies took about a fifth of a find.
 * @example storeFeatures(store, finderSetup({ hub, markets })).rows.n // vehicles to score
 */
export function storeFeatures(store: ReadStore, setup: FinderSetup, context?: FinderContext, rows: FeatureRows = new FeatureRows()): StoreFeatures {
  const { params, hub, markets: marketAreas } = setup;
  // 1. Look-alike plates merged, the time window applied, and only the vehicles that can be
  //    scored kept: read in the hub and a market (in the hub only when markets are discovered,
  //    as discovery looks at every hub-based vehicle). With markets given, vehicles without a
  //    coarse hub → market → hub loop are dropped too (a superset of those with loops; the exact
  //    rule is applied to the features below). Every later step is per vehicle.
  const lookalikeCodes = params.lookalikes.enabled ? lookalikeCodeGroups(store, params.lookalikes) : [];
  const siteArea = siteAreas(store.sites, [hub, ...marketAreas], { bufferKm: params.areaBufferKm });
  const siteMask = Uint8Array.from(siteArea, (a) => (a === 0 ? IN_HUB : a > 0 ? IN_MARKET : 0));
  // The data's end (over every batch when an engine gives it): loops it cuts still count.
  const dataEnd = context ? context.lastTime : lastReadTime(store, setup.from, setup.to);
  const censorAt = params.censoredLoops && Number.isFinite(dataEnd) ? dataEnd : undefined;
  const openSpanMs = censorAt !== undefined ? openLoopSpanMs(params) : undefined;
  const loopFilter = marketAreas.length > 0 && params.minLoops > 0
    ? { hubBit: IN_HUB, marketBit: IN_MARKET, maxGapMs: params.maxLoopHours * HOUR_MS, censorAt, openMaxSpanMs: openSpanMs } : undefined;
  const plan = candidatePlan(store, lookalikeCodes, siteMask, marketAreas.length > 0 ? IN_HUB | IN_MARKET : IN_HUB, setup.from, setup.to, loopFilter);
  if (context) Object.assign(plan, context);

  // 2. Places: the hub, the markets, and clusters of the other sites (heavier sites lead).
  const places = sitePlaces(store.sites, [hub, ...marketAreas], { clusterKm: params.clusterKm, areaBufferKm: params.areaBufferKm, siteWeight: plan.siteReads });
  const hubPlace = 0;

  // 3. Markets: given, or discovered from where hub-based vehicles stop on hub tours.
  const discovered = marketAreas.length === 0;
  const { marketPlaces, markets } = discovered
    ? discoverMarkets(store, plan, places, hubPlace, hub, params)
    : { marketPlaces: marketAreas.map((_, i) => i + 1), markets: marketAreas.map((m) => ({ name: m.name, discovered: false })) };

  // 4. Candidates: vehicles read in the hub and in a market, with at least `minLoops` loops.
  const isMarket = new Uint8Array(places.n);
  for (const p of marketPlaces) isMarket[p] = 1;
  const featureOptions = { nightStartHour: params.nightStartHour, nightEndHour: params.nightEndHour, stopMinutes: params.stopMinutes };
  const pending: VehicleFeatures[] = [];
  const groupOfMajor = new Int32Array(store.vrms.length).fill(-1);
  lookalikeCodes.forEach((g, i) => { groupOfMajor[g[0]] = i; });
  const mergedCodes: (readonly number[])[] = []; // look-alike groups of the scored vehicles
  forEachChunk(store, plan, places, hubPlace, { ...params, censorAt, openSpanMs }, ({ store: s, origin, trips, bases, hubTours }) => {
    const ctx: FeatureContext = { store: s, trips, places, bases, hubTours, hubPlace, marketPlaces };
    for (let v = 0; v < s.vrms.length; v++) {
      // With markets given, the plan kept only vehicles read in the hub and a market (the same
      // site areas as the places'); discovered markets are checked here.
      if (discovered && !readInHubAndMarket(s, v, places.sitePlace, hubPlace, isMarket)) continue;
      const f = vehicleFeatures(ctx, v, featureOptions);
      if (f.loops < params.minLoops) continue;
      const g = groupOfMajor[origin[v]];
      if (g >= 0) {
        const [named] = lookalikeGroupsOf(store, [lookalikeCodes[g]]);
        f.mergedWith = named.members;
        mergedCodes.push(lookalikeCodes[g]);
      }
      pending.push(f);
      if (pending.length === PACK_EVERY) { rows.append(pending); pending.length = 0; }
    }
  });
  if (pending.length) rows.append(pending);
  return {
    rows, markets, lookalikes: lookalikeGroupsOf(store, mergedCodes.sort((x, y) => x[0] - y[0])),
    mergedPlates: lookalikeCodes.reduce((n, g) => n + g.length - 1, 0),
    reads: plan.reads, vehicles: plan.vehicles, firstTime: plan.firstTime, lastTime: plan.lastTime,
  };
}
