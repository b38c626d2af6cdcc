/**
 * Base (anchor) inference: where each vehicle "lives".
 *
 * Evidence, per vehicle, per place: overnight stays (the places of the last read before
 * and the first read after a stay spanning 03:00, weighted by how long the stay could
 * be), and the first and last read of each local day (days break at 03:00). The base is
 * the place with the most evidence. This is what tells a market-town resident who drives
 * into the hub apart from a hub runner who drives out to the market.
 */
import type { ReadStore } from '../reads/types';
import { HOUR_MS, londonDay } from '../core/london-time';
import type { Stays } from './stays';

/** Options (weights) of {@link inferBases}. */
export interface BaseOptions {
  /** Weight of one overnight stay of 8 h or more (shorter ones scale down, floor 25%). Default 3. */
  overnightWeight?: number;
  /** Weight of the first read of each local day. Default 1. */
  firstReadWeight?: number;
  /** Weight of the last read of each local day. Default 1. */
  lastReadWeight?: number;
  /** Local hour at which a day starts, for first/last reads. Default 3. */
  dayBoundaryHour?: number;
  /** Minimum total evidence for a base; below it the base is unknown (-1). Default 2. */
  minEvidence?: number;
}

/** The defaults of {@link BaseOptions}. */
export const defaultBaseOptions: Required<BaseOptions> = {
  overnightWeight: 3, firstReadWeight: 1, lastReadWeight: 1, dayBoundaryHour: 3, minEvidence: 2,
};

/** Per-vehicle base, column-wise (index = vehicle code). */
export interface Bases {
  /** Base place per vehicle; -1 = unknown. */
  place: Int32Array;
  /** Share (0..1) of the vehicle's evidence at the base. */
  share: Float64Array;
  /** Total evidence weight. */
  evidence: Float64Array;
  /** Overnight stays of the vehicle, and how many of them were at the base. */
  overnights: Uint16Array;
  overnightsAtBase: Uint16Array;
}

/**
 * Infer each vehicle's base place from overnight stays and first/last reads of the day.
 * `sitePlace` maps site code → place (see `sitePlaces`); `nPlaces` is the number of places.
 *
 * @example
 * const places = sitePlaces(store.sites, [hub, ...markets]);
 * const bases = inferBases(store, findStays(store, splitTrips(store)), places.sitePlace, places.n);
 * places.name[bases.place[0]] // 'Liverpool'
 */
export function inferBases(store: ReadStore, stays: Stays, sitePlace: Int32Array, nPlaces: number, options: BaseOptions = {}): Bases {
  const o = { ...defaultBaseOptions, ...options };
  const nv = store.vrms.length;
  const out: Bases = {
    place: new Int32Array(nv).fill(-1), share: new Float64Array(nv), evidence: new Float64Array(nv),
    overnights: new Uint16Array(nv), overnightsAtBase: new Uint16Array(nv),
  };
  const acc = new Float64Array(nPlaces);
  const touched: number[] = [];
  const add = (p: number, w: number) => { if (p < 0) return; if (acc[p] === 0) touched.push(p); acc[p] += w; };
  const { time, site, vehicleStart } = store;
  for (let v = 0; v < nv; v++) {
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    if (b <= a) continue;
    // First / last read of each local day.
    let day = londonDay(time[a], o.dayBoundaryHour);
    add(sitePlace[site[a]], o.firstReadWeight);
    for (let i = a + 1; i < b; i++) {
      const d = londonDay(time[i], o.dayBoundaryHour);
      if (d !== day) {
        add(sitePlace[site[i - 1]], o.lastReadWeight);
        add(sitePlace[site[i]], o.firstReadWeight);
        day = d;
      }
    }
    add(sitePlace[site[b - 1]], o.lastReadWeight);
    // Overnight stays.
    let nights = 0;
    for (let k = stays.vehicleStayStart[v]; k < stays.vehicleStayStart[v + 1]; k++) {
      if (!stays.overnight[k]) continue;
      nights++;
      const w = o.overnightWeight * Math.min(1, Math.max(0.25, stays.dwellMax[k] / (8 * HOUR_MS)));
      const p1 = sitePlace[stays.siteBefore[k]], p2 = sitePlace[stays.siteAfter[k]];
      if (p1 === p2) add(p1, w); else { add(p1, w / 2); add(p2, w / 2); }
    }
    let best = -1, bestW = 0, total = 0;
    for (const p of touched) { total += acc[p]; if (acc[p] > bestW || (acc[p] === bestW && p < best)) { best = p; bestW = acc[p]; } }
    for (const p of touched) acc[p] = 0;
    touched.length = 0;
    out.evidence[v] = total;
    out.overnights[v] = nights;
    if (total >= o.minEvidence && best >= 0) {
      out.place[v] = best;
      out.share[v] = bestW / total;
      let at = 0;
      for (let k = stays.vehicleStayStart[v]; k < stays.vehicleStayStart[v + 1]; k++) {
        if (stays.overnight[k] && sitePlace[stays.siteBefore[k]] === best) at++;
      }
      out.overnightsAtBase[v] = at;
    }
  }
  return out;
}
