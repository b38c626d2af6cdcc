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
import { HOUR_MS } from '../core/london-time';
import { spansOvernight, travelMs, type StayOptions, defaultStayOptions } from './stays';
import { markCrossings } from './crossings';
import type { Trips } from './trips';

/** Options of {@link findTours}. */
export interface TourOptions extends StayOptions {
  /** Tours longer than this (departure to return, hours) are dropped: the vehicle was not on a loop. Default 72. */
  maxTourHours?: number;
  /**
   * The end of the data (epoch ms). When given, a vehicle whose last reads are away from its
   * anchor, left at most `maxTourHours` before this, makes one more tour, cut by the data's
   * end (`censored`): its last stop is taken to last until this time.
   */
  censorAt?: number;
  /**
   * With `censorAt`: the last tour of a vehicle whose reads span at most this (ms) counts however
   * long before the data's end it left (never read back at its anchor: a plate that vanished away;
   * its last stop is taken to last until the data's end or `maxTourHours` after it left, the
   * earlier: a vanished plate's stay is not known to be longer);
   * and its first reads, when away, make a tour to the anchor too, however long before it they
   * came (never read leaving the anchor: a plate that appeared away; `censored` 2, departure =
   * its first read) when it also made a closed tour or was last read at its anchor (a plate read
   * away, then at the anchor, then away again, and never more, is a visitor from away).
   */
  openTourMaxSpanMs?: number;
  /**
   * With it, an anchor the vehicle only crossed is not a visit there: a run of anchor reads inside
   * a trip that came from a stop at one place and went on to a stop at another, with no possible
   * stop of `stopMinutes` at the anchor (trips/crossings.ts), counts as away, and the tour goes on
   * through it. A vehicle driving from a town beyond the hub through it to a market and back then
   * makes no hub tour of that journey. Without it, every anchor read is a visit.
   */
  crossing?: { trips: Trips; stopMinutes: number };
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
  /**
   * 1 when the data ended before the tour came back (see `TourOptions.censorAt`; `return` is then
   * the data's end); 2 when the vehicle was first read away (an open start, see
   * `TourOptions.openTourMaxSpanMs`; `depart` is then its first read).
   */
  censored: Uint8Array;
  /** Away places visited: tour t's visits are [visitStart[t], visitStart[t+1]). */
  visitStart: Uint32Array;
  visitPlace: Int32Array;
  /** Time of the first read at the place during the tour. */
  visitArrive: Float64Array;
  /** Start (last read before) of the stop at the place, and 1 when the stop spans 03:00 local. */
  visitStopStart: Float64Array;
  /** Site of the read that begins the visit's longest stop (where the vehicle was last seen before it stopped). */
  visitStopSite: Uint32Array;
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
  const censorAt = options.censorAt, openSpan = options.openTourMaxSpanMs ?? -1;
  const maxMs = o.maxTourHours * HOUR_MS;
  const { time, site, vehicleStart, sites } = store;
  const nv = store.vrms.length;
  // Per-tour scratch: slot per away place (a tour visits few places).
  let nPlaces = 0;
  for (let s = 0; s < sitePlace.length; s++) if (sitePlace[s] + 1 > nPlaces) nPlaces = sitePlace[s] + 1;
  const slotOf = new Int32Array(nPlaces + 1).fill(-1); // place + 1 → slot (place -1 allowed)
  const slotPlace: number[] = [], slotRank: number[] = [], slotMin: number[] = [], slotMax: number[] = [];
  const slotStart: number[] = [], slotArrive: number[] = [], slotSite: number[] = [];
  const homeOf = (v: number) => (typeof anchor === 'number' ? anchor : anchor[v]);
  // Anchor reads the vehicle only crossed (options.crossing): 1 = away, though at the anchor's sites.
  const crossed = options.crossing ? markCrossings(store, options.crossing.trips, sitePlace, homeOf, options.crossing.stopMinutes, o) : null;
  const atHome = (i: number, home: number) => sitePlace[site[i]] === home && (crossed === null || crossed[i] === 0);

  // Anchor reads lastHome and i close a tour: reads away between them, at most maxTourHours apart.
  const closes = (lastHome: number, i: number) => i > lastHome + 1 && time[i] - time[lastHome] <= maxMs;
  // Reads [f, b) of a vehicle (f at the anchor) hold a tour that left and came back.
  const hasClosedTour = (f: number, b: number, home: number) => {
    for (let i = f + 1, lastHome = f; i < b; i++) {
      if (!atHome(i, home)) continue;
      if (closes(lastHome, i)) return true;
      lastHome = i;
    }
    return false;
  };
  // Every tour of vehicle v anchored at `home`: away reads [i0, i1] between anchor reads lastHome
  // and i; i = -1 for the last one when the data's end (censorAt) cuts it before the return
  // (or, with openTourMaxSpanMs, a short-lived vehicle was never read back at its anchor), and
  // lastHome = -1 for a short-lived vehicle's first one when it was first read away (see openTourMaxSpanMs).
  // Both passes below walk the tours with it.
  const forEachTour = (v: number, home: number, fn: (v: number, home: number, lastHome: number, i0: number, i1: number, i: number) => void) => {
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    if (censorAt !== undefined && b > a && !atHome(a, home) && time[b - 1] - time[a] <= openSpan) {
      let f = a;
      while (f < b && !atHome(f, home)) f++;
      if (f < b && (atHome(b - 1, home) || hasClosedTour(f, b, home))) fn(v, home, -1, a, f - 1, f);
    }
    let lastHome = -1;
    for (let i = vehicleStart[v]; i < b; i++) {
      if (!atHome(i, home)) continue;
      if (lastHome >= 0 && closes(lastHome, i)) fn(v, home, lastHome, lastHome + 1, i - 1, i);
      lastHome = i;
    }
    if (censorAt !== undefined && lastHome >= 0 && lastHome < b - 1 && (censorAt - time[lastHome] <= maxMs || time[b - 1] - time[vehicleStart[v]] <= openSpan)) fn(v, home, lastHome, lastHome + 1, b - 1, -1);
  };

  // Pass 1: count tours and visits (distinct away places a tour), so the columns are allocated
  // once at their exact size (fresh memory is costly; growing arrays would touch it several times).
  let nTours = 0, nVisits = 0;
  const count = (_v: number, home: number, _lastHome: number, i0: number, i1: number) => {
    nTours++;
    let nSlots = 0;
    for (let j = i0; j <= i1; j++) {
      const p = sitePlace[site[j]];
      if (p === home) continue; // an anchor read crossed on the way (options.crossing) is no visit
      if (slotOf[p + 1] < 0) { slotOf[p + 1] = nSlots; slotPlace[nSlots++] = p; }
    }
    for (let k = 0; k < nSlots; k++) slotOf[slotPlace[k] + 1] = -1;
    nVisits += nSlots;
  };
  for (let v = 0; v < nv; v++) {
    const home = homeOf(v);
    if (home >= 0) forEachTour(v, home, count);
  }

  // Pass 2: fill the columns.
  const out: Tours = {
    n: nTours,
    vehicle: new Uint32Array(nTours), anchor: new Int32Array(nTours),
    firstAway: new Uint32Array(nTours), lastAway: new Uint32Array(nTours),
    depart: new Float64Array(nTours), return: new Float64Array(nTours),
    overnight: new Uint8Array(nTours), censored: new Uint8Array(nTours), visitStart: new Uint32Array(nTours + 1),
    visitPlace: new Int32Array(nVisits), visitArrive: new Float64Array(nVisits),
    visitStopStart: new Float64Array(nVisits), visitStopSite: new Uint32Array(nVisits), visitStopOvernight: new Uint8Array(nVisits),
    visitDwellMin: new Float64Array(nVisits), visitDwellMax: new Float64Array(nVisits),
    destination: new Uint32Array(nTours), vehicleTourStart: new Uint32Array(nv + 1),
  };
  let u = 0, w = 0;
  // One tour (i = -1: cut by the data's end at censorAt, the last away read's place taken to last
  // until then, or maxTourHours after leaving when earlier (open tours); lastHome = -1: first read
  // away, leaving at its first read).
  const fill = (v: number, home: number, lastHome: number, i0: number, i1: number, i: number) => {
    const start = lastHome >= 0 ? time[lastHome] : time[i0];
    const back = i >= 0 ? time[i] : Math.min(censorAt as number, start + maxMs);
    out.vehicle[u] = v; out.anchor[u] = home; out.firstAway[u] = i0; out.lastAway[u] = i1;
    out.depart[u] = start; out.return[u] = back; out.censored[u] = i < 0 ? 1 : lastHome < 0 ? 2 : 0;
    out.overnight[u] = spansOvernight(start, back, o.overnightHour) ? 1 : 0;
    out.visitStart[u] = w;
    // One pass over the tour's read pairs (anchor read before .. anchor read after): each
    // pair's dwell bounds are computed once and offered to the away place(s) it touches.
    // Places get slots in order of first read; each keeps its best pair, earliest first on ties.
    let nSlots = 0;
    for (let j = lastHome >= 0 ? i0 - 1 : i0; j <= i1; j++) {
      const end = i < 0 && j === i1; // the last away read, with no read after it
      const pa = sitePlace[site[j]], pb = end ? pa : sitePlace[site[j + 1]];
      const t1 = time[j], t2 = end ? back : time[j + 1];
      const mx = Math.max(0, t2 - t1);
      const mn = end ? mx : Math.max(0, mx - travelMs(sites, site[j], site[j + 1], o));
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? pa : pb;
        if (p === home || (side === 1 && pb === pa)) continue;
        let k = slotOf[p + 1];
        if (k < 0) {
          k = nSlots++;
          slotOf[p + 1] = k;
          slotPlace[k] = p; slotRank[k] = 0; slotMin[k] = 0; slotMax[k] = 0; slotStart[k] = NaN; slotSite[k] = site[j];
          slotArrive[k] = pa === p ? t1 : t2;
        }
        const rank = pa === p && pb === p ? 2 : 1;
        if (rank > slotRank[k] || (rank === slotRank[k] && (mn > slotMin[k] || (mn === slotMin[k] && mx > slotMax[k])))) {
          slotRank[k] = rank; slotMin[k] = mn; slotMax[k] = mx; slotStart[k] = t1; slotSite[k] = site[j];
        }
      }
    }
    for (let k = 0; k < nSlots; k++) slotOf[slotPlace[k] + 1] = -1;
    let dest = -1, destMin = -1, destMax = -1;
    for (let k = 0; k < nSlots; k++) {
      const bMin = slotMin[k], bMax = slotMax[k], bStart = slotStart[k];
      if (bMin > destMin || (bMin === destMin && bMax > destMax)) { dest = w; destMin = bMin; destMax = bMax; }
      out.visitPlace[w] = slotPlace[k]; out.visitArrive[w] = slotArrive[k];
      out.visitDwellMin[w] = bMin; out.visitDwellMax[w] = bMax; out.visitStopStart[w] = bStart; out.visitStopSite[w] = slotSite[k];
      out.visitStopOvernight[w] = spansOvernight(bStart, bStart + bMax, o.overnightHour) ? 1 : 0;
      w++;
    }
    out.destination[u] = dest;
    u++;
  };
  for (let v = 0; v < nv; v++) {
    out.vehicleTourStart[v] = u;
    const home = homeOf(v);
    if (home >= 0) forEachTour(v, home, fill);
  }
  out.vehicleTourStart[nv] = u;
  out.visitStart[nTours] = w;
  return out;
}
