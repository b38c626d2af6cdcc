/**
 * The finder's per-vehicle stages, run a chunk of vehicles at a time.
 *
 * Every stage after the candidate plan (trips, stays, bases, hub tours, features) works per
 * vehicle, so it can run on a few hundred vehicles at once as well as on all of them. A chunk's
 * reads are gathered into one buffer reused from chunk to chunk, so the working set (reads,
 * trips, stays, tours) stays small and in cache, and nothing the size of the data is allocated.
 */
import type { ReadStore } from '../../reads/types';
import { inferBases, type BaseOptions, type Bases } from '../../trips/base';
import type { Places } from '../../trips/places';
import { findOvernightStays, type StayOptions } from '../../trips/stays';
import { findTours, type Tours } from '../../trips/tours';
import { splitTrips, type SplitTripsOptions, type Trips } from '../../trips/trips';
import { gatherReads, newReadBuffer, type CandidatePlan } from './plan';

/** Reads gathered per chunk (a vehicle with more gets a chunk of its own). */
export const CHUNK_READS = 1 << 16;
/** Vehicles per chunk at most. */
export const CHUNK_VEHICLES = 1024;

/** One chunk of kept vehicles with its per-vehicle stages. Vehicle `v` of `store` is plan vehicle `k0 + v`. */
export interface Chunk {
  store: ReadStore;
  /** Input-store vehicle code of each chunk vehicle. */
  origin: Uint32Array;
  k0: number;
  trips: Trips;
  bases: Bases;
  hubTours: Tours;
}

/** The stage parameters a chunk needs. */
export interface ChunkStageParams {
  trips: Required<SplitTripsOptions>;
  stays: Required<StayOptions>;
  base: Required<BaseOptions>;
  maxLoopHours: number;
  /** The data's end, when hub tours it cuts count (see `TourOptions.censorAt`). */
  censorAt?: number;
  /** With censorAt, open loops: the last tour of a vehicle whose reads span at most this (ms) counts however early it left (see `TourOptions.openTourMaxSpanMs`). */
  openSpanMs?: number;
  /** Hub reads a vehicle only crossed count as hub presence (true), or not (false: trips/crossings.ts, with stopMinutes). */
  hubCrossings: boolean;
  stopMinutes: number;
}

/**
 * Call `fn` for each chunk of the plan's kept vehicles, in order, with trips, bases and hub
 * tours computed for the chunk. The chunk's store is overwritten by the next chunk: keep only
 * what `fn` derives from it.
 *
 * @example
 * forEachChunk(store, plan, places, 0, params, (c) => { for (let v = 0; v < c.store.vrms.length; v++) ... });
 */
export function forEachChunk(store: ReadStore, plan: CandidatePlan, places: Places, hubPlace: number, p: ChunkStageParams, fn: (chunk: Chunk) => void): void {
  const n = plan.origin.length;
  const buffer = newReadBuffer(CHUNK_READS);
  for (let k0 = 0; k0 < n;) {
    let k1 = k0 + 1, reads = plan.keptReads[k0];
    while (k1 < n && k1 - k0 < CHUNK_VEHICLES && reads + plan.keptReads[k1] <= CHUNK_READS) reads += plan.keptReads[k1++];
    const { store: s, origin } = gatherReads(store, plan, k0, k1, buffer);
    const trips = splitTrips(s, p.trips);
    const stays = findOvernightStays(s, trips, p.stays); // bases read overnight stays only
    const bases = inferBases(s, stays, places.sitePlace, places.n, p.base);
    const hubTours = findTours(s, places.sitePlace, hubPlace, {
      ...p.stays, maxTourHours: p.maxLoopHours, censorAt: p.censorAt, openTourMaxSpanMs: p.openSpanMs,
      ...(p.hubCrossings ? {} : { crossing: { trips, stopMinutes: p.stopMinutes } }),
    });
    fn({ store: s, origin, k0, trips, bases, hubTours });
    k0 = k1;
  }
}
