/**
 * Tours: anchor -> away -> anchor loops.
 *
 * For each vehicle and its anchor place (its inferred base, or a place you choose, such as
 * the hub), a tour is a maximal run of reads away from the anchor that starts right after a
 * read at the anchor and ends right before the next read at the anchor. Departure = time of
 * the last anchor read, return = time of the next anchor read. Each tour lists the away
 * places it visited, each with dwell bounds (see stays.ts): the best-evidenced stop touching
 * the place, preferring gaps between two reads both at the place.
 */
import type { ReadStore } from '../reads/types';
import { HOUR_MS } from '../time/london';
import { dwellBounds, spansOvernight, type StayOptions, defaultStayOptions } from './stays';

/** Options of {@link findTours}. */
export interface TourOptions extends StayOptions {
  /** Tours longer than this (departure to return, hours) are dropped: the vehicle was not on a loop. Default 72. */
  maxTourHours?: number;
}

/** Tours, column-wise; vehicle v's tours are [vehicleTourStart[v], vehicleTourStart[v+1]). */
export interface Tours {
  n: number;
  vehicle: Uint32Array;
  /** Anchor place of the tour. */
  anchor: Int32Array;
  /** First and last away read (store indices, inclusive). */
  firstAway: Uint32Array;
  lastAway: Uint32Array;
  /** Time of the last anchor read before, and the first anchor read after, epoch ms UTC. */
  depart: Float64Array;
  return: Float64Array;
  /** 1 when the tour spans 03:00 local (a night away). */
  overnight: Uint8Array;
  /** Away places visited: tour t's visits are [visitStart[t], visitStart[t+1]). */
  visitStart: Uint32Array;
  visitPlace: Int32Array;
  /** Time of the first read at the place during the tour. */
  visitArrive: Float64Array;
  /** Start (last read before) of the stop at the place, and 1 when the stop spans 03:00 local. */
  visitStopStart: Float64Array;
  visitStopOvernight: Uint8Array;
  /** Dwell bounds (ms) of the stop at the place. */
  visitDwellMin: Float64Array;
  visitDwellMax: Float64Array;
  /** Destination: index (into the visit columns) of the visit with the longest dwell. */
  destination: Uint32Array;
  vehicleTourStart: Uint32Array;
}

/**
 * Find anchor → away → anchor tours for every vehicle.
 * `anchor` is one place for all vehicles (e.g. the hub) or a place per vehicle (e.g.
 * `inferBases(...).place`; -1 = no tours for that vehicle).
 *
 * @example
 * const places = sitePlaces(store.sites, [hub, rhyl]);
 * const tours = findTours(store, places.sitePlace, 0); // loops out of the hub (place 0)
 * tours.n, places.name[tours.visitPlace[tours.destination[0]]] // e.g. 7, 'Rhyl'
 */
export function findTours(store: ReadStore, sitePlace: Int32Array, anchor: number | ArrayLike<number>, options: TourOptions = {}): Tours {
  const o = { ...defaultStayOptions, maxTourHours: 72, ...options };
  const maxMs = o.maxTourHours * HOUR_MS;
  const { time, site, vehicleStart, sites } = store;
  const nv = store.vrms.length;
  const cols = {
    vehicle: [] as number[], anchor: [] as number[], firstAway: [] as number[], lastAway: [] as number[],
    depart: [] as number[], ret: [] as number[], overnight: [] as number[], visitStart: [] as number[], destination: [] as number[],
  };
  const vPlace: number[] = [], vArrive: number[] = [], vMin: number[] = [], vMax: number[] = [], vStop: number[] = [], vNight: number[] = [];
  const vehicleTourStart = new Uint32Array(nv + 1);
  const places: number[] = [];
  for (let v = 0; v < nv; v++) {
    vehicleTourStart[v] = cols.vehicle.length;
    const home = typeof anchor === 'number' ? anchor : anchor[v];
    if (home < 0) continue;
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    let lastHome = -1;
    for (let i = a; i < b; i++) {
      if (sitePlace[site[i]] !== home) continue;
      if (lastHome >= 0 && i > lastHome + 1 && time[i] - time[lastHome] <= maxMs) {
        const i0 = lastHome + 1, i1 = i - 1;
        cols.vehicle.push(v); cols.anchor.push(home); cols.firstAway.push(i0); cols.lastAway.push(i1);
        cols.depart.push(time[lastHome]); cols.ret.push(time[i]);
        cols.overnight.push(spansOvernight(time[lastHome], time[i], o.overnightHour) ? 1 : 0);
        cols.visitStart.push(vPlace.length);
        places.length = 0;
        for (let j = i0; j <= i1; j++) { const p = sitePlace[site[j]]; if (!places.includes(p)) places.push(p); }
        let dest = -1, destMin = -1, destMax = -1;
        for (const p of places) {
          let bestRank = 0, bMin = 0, bMax = 0, arrive = NaN, bStart = NaN;
          for (let j = i0 - 1; j <= i1; j++) {
            const pa = sitePlace[site[j]], pb = sitePlace[site[j + 1]];
            if (pa !== p && pb !== p) continue;
            if (Number.isNaN(arrive)) arrive = pa === p ? time[j] : time[j + 1];
            const rank = pa === p && pb === p ? 2 : 1;
            const [mn, mx] = dwellBounds(sites, site[j], site[j + 1], time[j], time[j + 1], o);
            if (rank > bestRank || (rank === bestRank && (mn > bMin || (mn === bMin && mx > bMax)))) { bestRank = rank; bMin = mn; bMax = mx; bStart = time[j]; }
          }
          if (bMin > destMin || (bMin === destMin && bMax > destMax)) { dest = vPlace.length; destMin = bMin; destMax = bMax; }
          vPlace.push(p); vArrive.push(arrive); vMin.push(bMin); vMax.push(bMax); vStop.push(bStart);
          vNight.push(spansOvernight(bStart, bStart + bMax, o.overnightHour) ? 1 : 0);
        }
        cols.destination.push(dest);
      }
      lastHome = i;
    }
  }
  const n = cols.vehicle.length;
  vehicleTourStart[nv] = n;
  cols.visitStart.push(vPlace.length);
  return {
    n,
    vehicle: Uint32Array.from(cols.vehicle), anchor: Int32Array.from(cols.anchor),
    firstAway: Uint32Array.from(cols.firstAway), lastAway: Uint32Array.from(cols.lastAway),
    depart: Float64Array.from(cols.depart), return: Float64Array.from(cols.ret),
    overnight: Uint8Array.from(cols.overnight), visitStart: Uint32Array.from(cols.visitStart),
    visitPlace: Int32Array.from(vPlace), visitArrive: Float64Array.from(vArrive),
    visitStopStart: Float64Array.from(vStop), visitStopOvernight: Uint8Array.from(vNight),
    visitDwellMin: Float64Array.from(vMin), visitDwellMax: Float64Array.from(vMax),
    destination: Uint32Array.from(cols.destination), vehicleTourStart,
  };
}
