/**
 * Markets found from the data (when none are given): places outside the hub where hub-based
 * vehicles stop on hub tours, and that some of them come back to again and again, far more
 * often than the place's popularity explains (place-regulars.ts). A busy neighbouring town or
 * suburb gets its regulars by chance, from the crowd that stops there once in a while; a market
 * gets them on purpose. A place with a regular or two beside places with many is someone's
 * habit (a relative, a job), not a market.
 */
import { distanceToAreaKm, pointInArea, type Area } from '../../core/areas';
import * as msg from '../../messages';
import type { ReadStore } from '../../reads/types';
import type { Places } from '../../trips/places';
import { forEachChunk, type ChunkStageParams } from './chunks';
import { placeRegulars, type HubStops, type RegularRule } from './place-regulars';
import type { CandidatePlan } from './plan';

/** Market discovery (used when no markets are given). */
export interface DiscoverMarketsParams extends RegularRule {
  /** A place can be a market when at least this many hub-based vehicles stop there on hub tours. */
  minVehicles: number;
  /**
   * ... some of them are its regulars (see minVisits, minVisitShare), and chance explains at most
   * this share of them: the regulars it would get if every hub-based vehicle stopped at places
   * drawn at random, each as often as all the vehicles' tours stop there (1: no such test).
   */
  maxChanceShare: number;
  /** ... and its regulars are at least this share of those of the place with most (0: no such test). */
  minRegularsShare: number;
  /** A tour's destination counts as a stop when its dwell lower bound is at least this (minutes). */
  minStopMinutes: number;
  /** Places inside the hub or closer than this (km) to its boundary are suburbs, not markets. */
  minDistanceKm: number;
  /** Keep at most this many markets (most regulars first). */
  maxMarkets: number;
  /** Places farther than this (km) from the hub's boundary are not markets (a run is a day trip; Infinity: no limit). */
  maxDistanceKm: number;
}

/** A market of a result: given, or discovered (with the hub-based vehicles that stop there, its regulars among them, and why it is a market). */
export interface MarketInfo { name: string; discovered: boolean; vehicles?: number; regulars?: number; reason?: string }

/** Defaults of market discovery (`params.discover`). */
export const defaultDiscoverParams: DiscoverMarketsParams = {
  minVehicles: 3, minVisits: 3, minVisitShare: 0.5, maxChanceShare: 0.2, minRegularsShare: 0.1, minStopMinutes: 10, minDistanceKm: 5, maxMarkets: 40, maxDistanceKm: Infinity,
};

/** A place's distance from the hub fits discovery's limits. */
const within = (km: number, d: DiscoverMarketsParams) => km >= d.minDistanceKm && km <= d.maxDistanceKm;

/**
 * Each hub-based vehicle's stops on hub tours: the destination (longest dwell) of each tour out
 * of the hub, when the vehicle stopped there at least `minStopMinutes`. Vehicles are the store's codes.
 * @example hubStops(store, plan, places, 0, params).byPlace.get(3)?.size // hub-based vehicles that stop at place 3
 */
export function hubStops(store: ReadStore, plan: CandidatePlan, places: Places, hubPlace: number, params: ChunkStageParams & { discover: DiscoverMarketsParams }): HubStops {
  const minDwellMs = params.discover.minStopMinutes * 60_000;
  const out: HubStops = { byPlace: new Map(), byVehicle: new Map(), total: 0 };
  forEachChunk(store, plan, places, hubPlace, params, ({ origin, bases, hubTours }) => {
    for (let u = 0; u < hubTours.n; u++) {
      const v = hubTours.vehicle[u];
      if (bases.place[v] !== hubPlace) continue;
      const k = hubTours.destination[u];
      if (hubTours.visitDwellMin[k] < minDwellMs) continue;
      const p = hubTours.visitPlace[k];
      if (p === hubPlace) continue;
      const code = origin[v];
      let at = out.byPlace.get(p);
      if (!at) out.byPlace.set(p, (at = new Map()));
      at.set(code, (at.get(code) ?? 0) + 1);
      out.byVehicle.set(code, (out.byVehicle.get(code) ?? 0) + 1);
      out.total++;
    }
  });
  return out;
}

/**
 * The places outside the hub (at least `minDistanceKm`, at most `maxDistanceKm` from it) where at
 * least `params.discover.minVehicles` hub-based vehicles stop, with regulars no more than
 * `maxChanceShare` of whom chance explains, and at least `minRegularsShare` as many as the place
 * with most; most regulars first.
 * @example discoverMarkets(store, plan, places, 0, hub, params).markets[0] // { name: 'near Kendal entrance 1 (S side) inbound', discovered: true, vehicles: 39, regulars: 23, reason: '23 of the 39 hub-based vehicles …' }
 */
export function discoverMarkets(store: ReadStore, plan: CandidatePlan, places: Places, hubPlace: number, hub: Area, params: ChunkStageParams & { discover: DiscoverMarketsParams }): { marketPlaces: number[]; markets: MarketInfo[] } {
  const d = params.discover;
  const kept = [...placeRegulars(hubStops(store, plan, places, hubPlace, params), d)]
    .filter(([p, r]) => r.vehicles >= d.minVehicles && r.regulars > 0 && (d.maxChanceShare >= 1 || r.expected <= d.maxChanceShare * r.regulars)
      && !pointInArea(hub, places.lat[p], places.lon[p]) && within(distanceToAreaKm(hub, places.lat[p], places.lon[p]), d));
  const most = kept.reduce((m, [, r]) => Math.max(m, r.regulars), 0);
  const ranked = kept.filter(([, r]) => r.regulars >= d.minRegularsShare * most)
    .sort((a, b) => b[1].regulars - a[1].regulars || a[0] - b[0])
    .slice(0, d.maxMarkets);
  return {
    marketPlaces: ranked.map(([p]) => p),
    markets: ranked.map(([p, r]) => ({
      name: places.name[p], discovered: true, vehicles: r.vehicles, regulars: r.regulars,
      reason: msg.marketDiscovered(r.regulars, r.vehicles, r.expected, d.minVisits, d.minVisitShare),
    })),
  };
}
