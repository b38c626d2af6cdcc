/**
 * The per-vehicle part of the finder's per-store stage (store-features.ts): the features of the
 * plan's kept vehicles from one to another, packed as they come. The same code runs in the main
 * thread and in the feature worker (feature-worker.ts), each on its share of the vehicles.
 */
import type { ReadStore } from '../../reads/types';
import type { Places } from '../../trips/places';
import { forEachChunk, type ChunkStageParams } from './chunks';
import { vehicleFeatures, type FeatureContext, type FeatureOptions, type VehicleFeatures } from './features';
import type { FeatureRows } from './feature-rows';
import type { CandidatePlan } from './plan';

/** What the per-vehicle features need besides the reads: plain data, so a worker can be sent it. */
export interface FeatureJob {
  places: Places;
  hubPlace: number;
  marketPlaces: number[];
  /** Markets discovered (not given): vehicles must then be checked for reads in the hub and a market here. */
  discovered: boolean;
  stage: ChunkStageParams;
  featureOptions: FeatureOptions;
  minLoops: number;
}

/** Features are packed this many at a time: a feature object lives only until its group is packed. */
const PACK_EVERY = 1024;

function readInHubAndMarket(s: ReadStore, v: number, sitePlace: Int32Array, hubPlace: number, isMarket: Uint8Array): boolean {
  let inHub = false, inMarket = false;
  for (let i = s.vehicleStart[v]; i < s.vehicleStart[v + 1] && !(inHub && inMarket); i++) {
    const p = sitePlace[s.site[i]];
    if (p === hubPlace) inHub = true; else if (isMarket[p]) inMarket = true;
  }
  return inHub && inMarket;
}

/**
 * Pack into `rows` the features of the plan's kept vehicles `from` up to `to` that loop at least
 * `job.minLoops` times, each with the look-alike plates `mergedOf(k)` gives for plan vehicle k;
 * returns the plan indices of the vehicles packed, in order.
 * @example packChunkFeatures(store, plan, job, 0, plan.origin.length, () => null, rows) // [0, 3, 4, ...]
 */
export function packChunkFeatures(store: ReadStore, plan: CandidatePlan, job: FeatureJob, from: number, to: number,
  mergedOf: (k: number) => VehicleFeatures['mergedWith'] | null, rows: FeatureRows): number[] {
  const { places, hubPlace, marketPlaces, discovered } = job;
  const isMarket = new Uint8Array(places.n);
  for (const p of marketPlaces) isMarket[p] = 1;
  const pending: VehicleFeatures[] = [], kept: number[] = [];
  forEachChunk(store, plan, places, hubPlace, job.stage, ({ store: s, k0, trips, bases, hubTours }) => {
    const ctx: FeatureContext = { store: s, trips, places, bases, hubTours, hubPlace, marketPlaces };
    for (let v = 0; v < s.vrms.length; v++) {
      // With markets given, the plan kept only vehicles read in the hub and a market (the same
      // site areas as the places'); discovered markets are checked here.
      if (discovered && !readInHubAndMarket(s, v, places.sitePlace, hubPlace, isMarket)) continue;
      const f = vehicleFeatures(ctx, v, job.featureOptions);
      if (f.loops < job.minLoops) continue;
      const merged = mergedOf(k0 + v);
      if (merged) f.mergedWith = merged;
      kept.push(k0 + v);
      pending.push(f);
      if (pending.length === PACK_EVERY) { rows.append(pending); pending.length = 0; }
    }
  }, from, to);
  if (pending.length) rows.append(pending);
  return kept;
}
