/** Markets found from the data: where hub-based vehicles stop on hub tours (when none are given). */
import { distanceToAreaKm, pointInArea, type Area } from '../../core/areas';
import type { ReadStore } from '../../reads/types';
import type { Places } from '../../trips/places';
import { forEachChunk, type ChunkStageParams } from './chunks';
import type { CandidatePlan } from './plan';

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
  /** Places farther than this (km) from the hub's boundary are not markets (a run is a day trip; Infinity: no limit). */
  maxDistanceKm: number;
}

/** A market of a result: given, or discovered (with the hub-based vehicles that stop there). */
export interface MarketInfo { name: string; discovered: boolean; vehicles?: number }

/** Defaults of market discovery (`params.discover`). */
export const defaultDiscoverParams: DiscoverMarketsParams = { minVehicles: 3, minStopMinutes: 10, minDistanceKm: 5, maxMarkets: 40, maxDistanceKm: Infinity };

/** A place's distance from the hub fits discovery's limits. */
const within = (km: number, d: DiscoverMarketsParams) => km >= d.minDistanceKm && km <= d.maxDistanceKm;

/**
 * The places that at least `params.discover.minVehicles` hub-based vehicles stop at on hub
 * tours, outside the hub, at least `minDistanceKm` and at most `maxDistanceKm` from it, most visited first.
 * @example discoverMarkets(store, plan, places, 0, hub, params).markets[0] // { name: 'Rhyl', discovered: true, vehicles: 12 }
 */
export function discoverMarkets(store: ReadStore, plan: CandidatePlan, places: Places, hubPlace: number, hub: Area, params: ChunkStageParams & { discover: DiscoverMarketsParams }): { marketPlaces: number[]; markets: MarketInfo[] } {
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
      && !pointInArea(hub, places.lat[p], places.lon[p]) && within(distanceToAreaKm(hub, places.lat[p], places.lon[p]), d))
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .slice(0, d.maxMarkets);
  return { marketPlaces: ranked.map(([p]) => p), markets: ranked.map(([p, vs]) => ({ name: places.name[p], discovered: true, vehicles: vs.size })) };
}
