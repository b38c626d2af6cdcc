/**
 * Per-vehicle movement features for the finders and the profile: loops from the hub to
 * each market and back, dwell bounds at markets, timing (night, weekend, regularity),
 * spread (distinct places, radius of gyration), base and OD counts.
 *
 * Features are plain JSON-able objects (one per vehicle scored), so a notebook can
 * tabulate them, and a scorer is just a function of them.
 */
import type { ReadStore } from '../../reads/types';
import type { Bases } from '../../trips/base';
import { DAY_MS, londonDay, londonHour, londonWeekday } from '../../core/london-time';
import type { Places } from '../../trips/places';
import type { Tours } from '../../trips/tours';
import type { Trips } from '../../trips/trips';
import { circularStdHours, clockWindowShare, median } from '../../core/stats';

/** Everything the feature extractor reads, computed once per store. */
export interface FeatureContext {
  store: ReadStore;
  trips: Trips;
  places: Places;
  bases: Bases;
  /** Tours anchored at the hub (every vehicle), e.g. `findTours(store, places.sitePlace, hubPlace)`. */
  hubTours: Tours;
  hubPlace: number;
  /** Place indices treated as markets. */
  marketPlaces: readonly number[];
}

/** Options of {@link vehicleFeatures}. */
export interface FeatureOptions {
  /** Night window, local hours: [nightStartHour, 24) ∪ [0, nightEndHour). Default 19 and 6. */
  nightStartHour?: number;
  nightEndHour?: number;
  /** A visit is a "stop" when its dwell lower bound is at least this (minutes). Default 5. */
  stopMinutes?: number;
}

/** The defaults of {@link FeatureOptions}. */
export const defaultFeatureOptions: Required<FeatureOptions> = { nightStartHour: 19, nightEndHour: 6, stopMinutes: 5 };

/** One loop hub → market → hub. Times epoch ms UTC, dwell in minutes. */
export interface Loop {
  market: string;
  depart: number;
  arrive: number;
  return: number;
  dwellMinMinutes: number;
  dwellMaxMinutes: number;
  /** The tour spans 03:00 local (may also mean a missed read at the hub). */
  overnight: boolean;
  /** The market stop itself spans 03:00 local (a night spent in the market). */
  stopOvernight: boolean;
  /** Site id of the last read before the market stop (near where the vehicle stopped). */
  stopSite: string;
}

/** Features of one vehicle. Durations in minutes or hours as named; shares 0..1 (NaN when undefined). */
export interface VehicleFeatures {
  vrm: string;
  /** Name of the hub the loops start from. */
  hub: string;
  reads: number;
  trips: number;
  daysActive: number;
  /** Days from first to last read. */
  spanDays: number;
  /** Calendar days (local) from the first read's day to the last read's day, inclusive. */
  calendarDays: number;
  firstSeen: number;
  lastSeen: number;
  base: string | null;
  baseKind: 'hub' | 'market' | 'other' | 'unknown';
  baseShare: number;
  /** Loops hub → market → hub (any base): hub tours with a stop (dwell lower bound ≥ stopMinutes) in a market. */
  loops: number;
  loopsByMarket: { market: string; loops: number }[];
  distinctMarkets: number;
  /** Loops to the most visited market (a line serves one market), and those per week of activity (span floored at 7 days). */
  topMarketLoops: number;
  topMarketLoopsPerWeek: number;
  /** Loops per week of activity (span floored at 7 days, so a one-week plate is not penalised). */
  loopsPerWeek: number;
  /** Median dwell bounds at the market over loops (minutes). */
  marketDwellMedianMin: number;
  marketDwellMedianMax: number;
  /** Share of loops arriving at the market in the night window / departing on Sat or Sun. */
  loopNightShare: number;
  loopWeekendShare: number;
  /** Circular standard deviation of loop departure times, hours (NaN with fewer than 3 loops). */
  departureHourStd: number;
  /** Circular standard deviation of market arrival times, hours (NaN with fewer than 3 loops); robust to a missed departure read. */
  arrivalHourStd: number;
  /**
   * Largest share of loops whose market arrival falls within ±1 h (clock time) of one
   * another loop's arrival — how concentrated the timing is; robust to a few odd loops
   * (missed reads). Judged at the hub end too (the same share of hub departures; the larger
   * counts): the hub's cameras are dense, a market may have one camera that misses the arrival
   * and first sees the vehicle leaving next morning. NaN with fewer than 3 loops.
   */
  arrivalWindowShare: number;
  /** Median number of stops (visits with dwell ≥ stopMinutes) per hub tour. */
  stopsPerTour: number;
  hubTours: number;
  overnightAway: number;
  tripNightShare: number;
  tripWeekendShare: number;
  tripsPerActiveDay: number;
  /** Share of trips that start and end in the hub. */
  hubTripShare: number;
  hubReadShare: number;
  marketReadShare: number;
  distinctPlaces: number;
  radiusOfGyrationKm: number;
  /** Top origin → destination place pairs of trips. */
  od: { from: string; to: string; trips: number }[];
  loopList: Loop[];
  /** Plates that seem to take over from / hand over to this one (filled by the finder's relay step; see method/county-lines/relays.ts). */
  relayPlates: { vrm: string; role: 'before' | 'after'; gapHours: number; market: string; similarity?: number }[];
  /** Plates in this plate's relay chain (1 when none) and their loops to its market (the finder's relay step fills these). */
  relayChainPlates: number;
  relayChainLoops: number;
  /** Look-alike plates whose reads were merged into this one. */
  mergedWith: { vrm: string; reads: number }[];
  /** Distinct local days (03:00 boundary) on which a loop to a market departed. */
  loopDays: number;
  /** Nights (read gaps spanning 03:00 local) with the reads either side at one place: in the hub, in a market, anywhere. */
  nightsInHub: number;
  nightsInMarket: number;
  nightsObserved: number;
  /** Active days read in a market but not the hub, and in the hub but not a market. */
  marketOnlyDays: number;
  hubOnlyDays: number;
  /** Trips that start and end in the same market town (local driving there). */
  marketLocalTrips: number;
  /** Share of loops departing on the two most common weekdays (1 for a fixed-days visitor; NaN without loops). */
  loopTopWeekdaysShare: number;
  /** Standard deviation of ln(market dwell midpoint, minutes) over loops, or of ln(tour length: hub departure to return) when that is smaller (a sparse market camera blurs the stay; NaN with fewer than 2 loops). */
  dwellLogStd: number;
  /** Mean stops per loop tour at places other than the hub and the markets (a round, or errands). */
  otherStopsPerLoop: number;
  /** Stays in the hub between two hub tours (return to next departure): how many, and how many under 2 hours (a quick visit, as to restock). */
  hubStays: number;
  shortHubStays: number;
  /** Loops away over a Saturday night (23:00-24:00 local between leaving the hub and coming back): a weekend at home, as students make. */
  weekendNightLoops: number;
  /**
   * How common the vehicle's loops are: for each loop, the number of other vehicles with a loop
   * to the same market arriving within ±1 h of the same clock time (each vehicle counted once,
   * weighted by its share of loops there), averaged over the loops. Filled by the finder's
   * ranking step, which sees every scored vehicle; 0 until then.
   */
  loopCrowd: number;
}

// Per-context market mask (place → 1 when a market), built once per context, not per vehicle.
const marketMasks = new WeakMap<FeatureContext, Uint8Array>();
function marketMaskOf(ctx: FeatureContext): Uint8Array {
  let m = marketMasks.get(ctx);
  if (!m || m.length !== ctx.places.n) {
    m = new Uint8Array(ctx.places.n);
    for (const p of ctx.marketPlaces) if (p >= 0 && p < m.length) m[p] = 1;
    marketMasks.set(ctx, m);
  }
  return m;
}

// A stamp per place, reused across calls: place p seen in this call iff marks[p] === current.
const stampScratch = { marks: new Uint32Array(0), current: 0 };
function placeStamp(nPlaces: number): { marks: Uint32Array; current: number } {
  if (stampScratch.marks.length < nPlaces || stampScratch.current >= 0xffffffff) {
    stampScratch.marks = new Uint32Array(Math.max(nPlaces, 2 * stampScratch.marks.length));
    stampScratch.current = 0;
  }
  stampScratch.current++;
  return stampScratch;
}

function isNight(h: number, o: Required<FeatureOptions>): boolean {
  return h >= o.nightStartHour || h < o.nightEndHour;
}

// Scratch results of readPass / tripPass (indices below).
const R_DAYS = 0, R_PLACES = 1, R_HUB = 2, R_MARKET = 3, R_RG2 = 4;
const R_MARKET_ONLY = 5, R_HUB_ONLY = 6, R_NIGHTS_HUB = 7, R_NIGHTS_MARKET = 8, R_NIGHTS = 9;
const readScratch = new Float64Array(10);
const T_NIGHT = 0, T_WEEKEND = 1, T_HUB = 2;
const tripScratch = new Float64Array(3);

// Sites projected to km (equirectangular about the sites' mean latitude, centred): within a
// fraction of a percent of great-circle distances across a region, and no trigonometry per read.
const projections = new WeakMap<object, { x: Float64Array; y: Float64Array }>();
function projectedSites(sites: ReadStore['sites']): { x: Float64Array; y: Float64Array } {
  let p = projections.get(sites);
  if (!p || p.x.length !== sites.lat.length) {
    const n = sites.lat.length;
    let lat0 = 0, lon0 = 0;
    for (let s = 0; s < n; s++) { lat0 += sites.lat[s]; lon0 += sites.lon[s]; }
    lat0 /= Math.max(1, n); lon0 /= Math.max(1, n);
    const kmPerDeg = (6371.0088 * Math.PI) / 180, cos0 = Math.cos((lat0 * Math.PI) / 180);
    p = { x: new Float64Array(n), y: new Float64Array(n) };
    for (let s = 0; s < n; s++) { p.x[s] = (sites.lon[s] - lon0) * kmPerDeg * cos0; p.y[s] = (sites.lat[s] - lat0) * kmPerDeg; }
    projections.set(sites, p);
  }
  return p;
}

/**
 * One vehicle's reads [a, b): distinct local days, distinct places, hub and market reads, and
 * the sum of squared distances (km², projected) to the reads' centroid (radius of gyration²·reads).
 */
function readPass(store: ReadStore, sp: Int32Array, a: number, b: number, hubPlace: number, marketMask: Uint8Array, nPlaceAll: number): Float64Array {
  const { time, site, sites } = store;
  const stamp = placeStamp(nPlaceAll);
  const marks = stamp.marks, current = stamp.current;
  // Reads are time-sorted, so days come in order (a Set only if they ever do not).
  let nDays = 0, lastDay = NaN;
  let days: Set<number> | null = null;
  let nPlaces = 0, hubReads = 0, marketReads = 0;
  // Per local day: read in the hub, in a market; per night (a day change between two reads): where.
  let marketOnly = 0, hubOnly = 0, dayHub = false, dayMarket = false, prevDay = NaN, prevPlace = -2;
  let nightsHub = 0, nightsMarket = 0, nights = 0;
  for (let i = a; i < b; i++) {
    const d = londonDay(time[i]);
    if (days) days.add(d);
    else if (d !== lastDay) {
      if (d < lastDay) { days = new Set<number>(); for (let j = a; j <= i; j++) days.add(londonDay(time[j])); }
      else { nDays++; lastDay = d; }
    }
    const s = site[i];
    const p = sp[s];
    if (marks[p] !== current) { marks[p] = current; nPlaces++; }
    const inMarket = p !== hubPlace && p >= 0 && marketMask[p] === 1;
    if (p === hubPlace) hubReads++; else if (inMarket) marketReads++;
    if (d !== prevDay) {
      if (i > a) {
        if (dayMarket && !dayHub) marketOnly++; else if (dayHub && !dayMarket) hubOnly++;
        nights++;
        if (p === prevPlace) { if (p === hubPlace) nightsHub++; else if (inMarket) nightsMarket++; }
      }
      prevDay = d; dayHub = false; dayMarket = false;
    }
    if (p === hubPlace) dayHub = true; else if (inMarket) dayMarket = true;
    prevPlace = p;
  }
  if (b > a) { if (dayMarket && !dayHub) marketOnly++; else if (dayHub && !dayMarket) hubOnly++; }
  if (days) nDays = days.size;
  // Radius of gyration in one pass over projected site coordinates: rg² = E[x²+y²] − |E[x,y]|².
  const { x, y } = projectedSites(sites);
  let sx = 0, sy = 0, sxx = 0;
  for (let i = a; i < b; i++) { const s = site[i]; const px = x[s], py = y[s]; sx += px; sy += py; sxx += px * px + py * py; }
  const reads = Math.max(1, b - a);
  const rg2 = Math.max(0, sxx - (sx * sx + sy * sy) / reads);
  const r = readScratch;
  r[R_DAYS] = nDays; r[R_PLACES] = nPlaces; r[R_HUB] = hubReads; r[R_MARKET] = marketReads; r[R_RG2] = rg2;
  r[R_MARKET_ONLY] = marketOnly; r[R_HUB_ONLY] = hubOnly; r[R_NIGHTS_HUB] = nightsHub; r[R_NIGHTS_MARKET] = nightsMarket; r[R_NIGHTS] = nights;
  return r;
}

// OD counts of one vehicle: a count per (from, to) place pair, reused across calls; `keys` lists
// the pairs touched (first touch order), and are reset after use.
const odScratch = { counts: new Uint32Array(0), keys: [] as number[] };
function odCounts(nPlaces: number): { counts: Uint32Array; keys: number[] } {
  const need = (nPlaces + 1) * (nPlaces + 1);
  if (odScratch.counts.length < need) odScratch.counts = new Uint32Array(need);
  return odScratch;
}

/** One vehicle's trips [t0, t1): night and weekend starts, hub-to-hub trips; OD counts into `od`. */
function tripPass(trips: Trips, sp: Int32Array, t0: number, t1: number, hubPlace: number, nPlaceAll: number, o: Required<FeatureOptions>, od: { counts: Uint32Array; keys: number[] }): Float64Array {
  let nightTrips = 0, weekendTrips = 0, hubTrips = 0;
  for (let t = t0; t < t1; t++) {
    if (isNight(londonHour(trips.start[t]), o)) nightTrips++;
    const wd = londonWeekday(trips.start[t]);
    if (wd === 0 || wd === 6) weekendTrips++;
    const ps = sp[trips.startSite[t]], pe = sp[trips.endSite[t]];
    if (ps === hubPlace && pe === hubPlace) hubTrips++;
    const key = ps * nPlaceAll + pe;
    if (key >= 0 && od.counts[key]++ === 0) od.keys.push(key);
  }
  const r = tripScratch;
  r[T_NIGHT] = nightTrips; r[T_WEEKEND] = weekendTrips; r[T_HUB] = hubTrips;
  return r;
}

/**
 * Features of vehicle `v` (a vehicle code of `ctx.store`).
 *
 * @example
 * const f = vehicleFeatures(ctx, store.vrms.indexOf('AB12CDE'));
 * f.loops, f.marketDwellMedianMax, f.base // 7, 48, 'Liverpool'
 */
export function vehicleFeatures(ctx: FeatureContext, v: number, options: FeatureOptions = {}): VehicleFeatures {
  const o = { ...defaultFeatureOptions, ...options };
  const { store, trips, places, bases, hubTours, hubPlace } = ctx;
  const marketMask = marketMaskOf(ctx);
  const isMarket = { has: (p: number) => p >= 0 && marketMask[p] === 1 };
  const { time } = store;
  const sp = places.sitePlace;
  const a = store.vehicleStart[v], b = store.vehicleStart[v + 1];
  const reads = b - a;

  // Reads and trips: small helper passes (kept small so the JIT optimises them early), results in scratch.
  const r = readPass(store, sp, a, b, hubPlace, marketMask, places.n);
  const nDays = r[R_DAYS], nPlaces = r[R_PLACES], hubReads = r[R_HUB], marketReads = r[R_MARKET], rg2 = r[R_RG2];
  const marketOnlyDays = r[R_MARKET_ONLY], hubOnlyDays = r[R_HUB_ONLY], nightsInHub = r[R_NIGHTS_HUB], nightsInMarket = r[R_NIGHTS_MARKET], nightsObserved = r[R_NIGHTS];
  const firstSeen = reads ? time[a] : NaN, lastSeen = reads ? time[b - 1] : NaN;
  const spanDays = reads ? (lastSeen - firstSeen) / DAY_MS : 0;
  const t0 = trips.vehicleTripStart[v], t1 = trips.vehicleTripStart[v + 1];
  const od = odCounts(places.n);
  const tr = tripPass(trips, sp, t0, t1, hubPlace, places.n, o, od);
  const nightTrips = tr[T_NIGHT], weekendTrips = tr[T_WEEKEND], hubTrips = tr[T_HUB];
  const nTrips = t1 - t0;
  // The top 5 OD pairs by trips, then by place names: a selection, not a sort of every pair.
  const nameOf = places.name, np = places.n, counts = od.counts;
  const before = (p: number, q: number) => {
    if (counts[p] !== counts[q]) return counts[p] > counts[q];
    const pf = Math.floor(p / np), qf = Math.floor(q / np);
    if (nameOf[pf] !== nameOf[qf]) return nameOf[pf] < nameOf[qf];
    return nameOf[p - pf * np] < nameOf[q - qf * np];
  };
  const top: number[] = [];
  for (const key of od.keys) {
    if (top.length === 5 && !before(key, top[4])) continue;
    let j = Math.min(top.length, 4);
    top[j] = key;
    while (j > 0 && before(top[j], top[j - 1])) { const t = top[j]; top[j] = top[j - 1]; top[j - 1] = t; j--; }
  }
  const odList = top.map((key) => {
    const f = Math.floor(key / np);
    return { from: nameOf[f], to: nameOf[key - f * np], trips: counts[key] };
  });
  for (const key of od.keys) counts[key] = 0;
  od.keys.length = 0;

  // Hub tours and loops to markets.
  const loops: Loop[] = [];
  const stopCounts: number[] = [];
  let overnightAway = 0;
  const u0 = hubTours.vehicleTourStart[v], u1 = hubTours.vehicleTourStart[v + 1];
  const stopMs = o.stopMinutes * 60_000;
  let otherStops = 0, loopTours = 0, hubStays = 0, shortHubStays = 0;
  for (let u = u0; u < u1; u++) {
    if (u > u0) { hubStays++; if (hubTours.depart[u] - hubTours.return[u - 1] < 2 * 3_600_000) shortHubStays++; }
    if (hubTours.overnight[u]) overnightAway++;
    let stops = 0;
    for (let k = hubTours.visitStart[u]; k < hubTours.visitStart[u + 1]; k++) if (hubTours.visitDwellMin[k] >= stopMs) stops++;
    stopCounts.push(stops);
    // The loop's market is the market visit with the longest stop; a visit without a possible
    // stop (dwell lower bound under stopMinutes) is driving through, not a visit.
    let best = -1;
    for (let k = hubTours.visitStart[u]; k < hubTours.visitStart[u + 1]; k++) {
      if (!isMarket.has(hubTours.visitPlace[k]) || hubTours.visitDwellMin[k] < stopMs) continue;
      if (best < 0 || hubTours.visitDwellMin[k] > hubTours.visitDwellMin[best]
        || (hubTours.visitDwellMin[k] === hubTours.visitDwellMin[best] && hubTours.visitDwellMax[k] > hubTours.visitDwellMax[best])) best = k;
    }
    if (best >= 0) {
      loopTours++;
      for (let k = hubTours.visitStart[u]; k < hubTours.visitStart[u + 1]; k++) {
        const p = hubTours.visitPlace[k];
        if (p !== hubPlace && !isMarket.has(p) && hubTours.visitDwellMin[k] >= stopMs) otherStops++;
      }
      loops.push({
        market: places.name[hubTours.visitPlace[best]], depart: hubTours.depart[u], arrive: hubTours.visitArrive[best],
        return: hubTours.return[u], dwellMinMinutes: hubTours.visitDwellMin[best] / 60_000,
        dwellMaxMinutes: hubTours.visitDwellMax[best] / 60_000, overnight: hubTours.overnight[u] === 1,
        stopOvernight: hubTours.visitStopOvernight[best] === 1, stopSite: store.sites.id[hubTours.visitStopSite[best]],
      });
    }
  }
  const byMarket = new Map<string, number>();
  for (const l of loops) byMarket.set(l.market, (byMarket.get(l.market) ?? 0) + 1);
  const loopsByMarket: { market: string; loops: number }[] = [];
  byMarket.forEach((n, market) => { loopsByMarket.push({ market, loops: n }); });
  loopsByMarket.sort((x, y) => y.loops - x.loops || (x.market < y.market ? -1 : 1));
  let nightLoops = 0, weekendLoops = 0;
  for (const l of loops) {
    if (isNight(londonHour(l.arrive), o)) nightLoops++;
    const wd = londonWeekday(l.depart);
    if (wd === 0 || wd === 6) weekendLoops++;
  }
  const depHours = loops.map((l) => londonHour(l.depart));

  const lp = loopPass(sp, marketMask, trips, t0, t1, loops);
  const otherStopsPerLoop = loopTours > 0 ? otherStops / loopTours : 0;

  const bp = bases.place[v];
  const baseKind = bp < 0 ? 'unknown' : bp === hubPlace ? 'hub' : isMarket.has(bp) ? 'market' : 'other';
  const share = (x: number, n: number) => (n > 0 ? x / n : NaN);
  return {
    vrm: store.vrms[v],
    hub: places.name[hubPlace],
    reads, trips: nTrips, daysActive: nDays, spanDays,
    calendarDays: reads ? londonDay(lastSeen, 0) - londonDay(firstSeen, 0) + 1 : 0, firstSeen, lastSeen,
    base: bp < 0 ? null : places.name[bp], baseKind, baseShare: bases.share[v],
    loops: loops.length, loopsByMarket, distinctMarkets: byMarket.size,
    topMarketLoops: loopsByMarket.length ? loopsByMarket[0].loops : 0,
    topMarketLoopsPerWeek: (loopsByMarket.length ? loopsByMarket[0].loops : 0) / (Math.max(7, spanDays) / 7),
    loopsPerWeek: loops.length / (Math.max(7, spanDays) / 7),
    marketDwellMedianMin: median(loops.map((l) => l.dwellMinMinutes)),
    marketDwellMedianMax: median(loops.map((l) => l.dwellMaxMinutes)),
    loopNightShare: share(nightLoops, loops.length),
    loopWeekendShare: share(weekendLoops, loops.length),
    departureHourStd: depHours.length >= 3 ? circularStdHours(depHours) : NaN,
    arrivalHourStd: loops.length >= 3 ? circularStdHours(loops.map((l) => londonHour(l.arrive))) : NaN,
    arrivalWindowShare: loops.length >= 3 ? Math.max(clockWindowShare(loops.map((l) => londonHour(l.arrive)), 1), clockWindowShare(loops.map((l) => londonHour(l.depart)), 1)) : NaN,
    stopsPerTour: median(stopCounts),
    hubTours: u1 - u0,
    overnightAway,
    tripNightShare: share(nightTrips, nTrips),
    tripWeekendShare: share(weekendTrips, nTrips),
    tripsPerActiveDay: share(nTrips, nDays),
    hubTripShare: share(hubTrips, nTrips),
    hubReadShare: share(hubReads, reads),
    marketReadShare: share(marketReads, reads),
    distinctPlaces: nPlaces,
    radiusOfGyrationKm: Math.sqrt(rg2 / Math.max(1, reads)),
    od: odList,
    loopList: loops,
    relayPlates: [],
    relayChainPlates: 1,
    relayChainLoops: loopsByMarket.length ? loopsByMarket[0].loops : 0,
    mergedWith: [],
    loopDays: lp.loopDays,
    nightsInHub, nightsInMarket, nightsObserved, marketOnlyDays, hubOnlyDays, marketLocalTrips: lp.marketLocalTrips,
    loopTopWeekdaysShare: lp.topWeekdaysShare, dwellLogStd: lp.dwellLogStd, otherStopsPerLoop, hubStays, shortHubStays, weekendNightLoops: lp.weekendNightLoops,
    loopCrowd: 0,
  };
}

/** Whether [from, to] holds an instant of a Saturday 23:00-24:00 local (hour steps: a loop lasts at most days). */
function awayOverSaturdayNight(from: number, to: number): boolean {
  for (let t = from; t <= to; t += 3_600_000) if (londonWeekday(t) === 6 && londonHour(t) >= 23) return true;
  return londonWeekday(to) === 6 && londonHour(to) >= 23;
}

/** Σ (ln x − mean ln x)² over the loops, x = minutes(loop) (at least 1). */
function logSquares(loops: readonly Loop[], minutes: (l: Loop) => number): number {
  let mean = 0, sq = 0;
  for (const l of loops) mean += Math.log(Math.max(1, minutes(l)));
  mean /= Math.max(1, loops.length);
  for (const l of loops) sq += (Math.log(Math.max(1, minutes(l))) - mean) ** 2;
  return sq;
}

/** Per-vehicle loop-shape figures and local trips in the markets (see the fields of the same names in VehicleFeatures). */
function loopPass(sp: Int32Array, marketMask: Uint8Array, trips: Trips, t0: number, t1: number, loops: readonly Loop[]) {
  let marketLocalTrips = 0;
  for (let t = t0; t < t1; t++) {
    const ps = sp[trips.startSite[t]];
    if (ps >= 0 && marketMask[ps] === 1 && sp[trips.endSite[t]] === ps && trips.end[t] > trips.start[t]) marketLocalTrips++;
  }
  const weekdays = [0, 0, 0, 0, 0, 0, 0];
  let loopDays = 0, lastDay = NaN, weekendNightLoops = 0;
  for (const l of loops) {
    if (awayOverSaturdayNight(l.depart, l.return)) weekendNightLoops++;
    weekdays[londonWeekday(l.depart)]++;
    const d = londonDay(l.depart);
    if (d !== lastDay) { loopDays++; lastDay = d; }
  }
  // Spreads of ln(market stay) and of ln(tour length), as sums of squared deviations.
  const sq = logSquares(loops, (l) => (l.dwellMinMinutes + l.dwellMaxMinutes) / 2);
  const tourSq = logSquares(loops, (l) => (l.return - l.depart) / 60_000);
  weekdays.sort((x, y) => y - x);
  return {
    marketLocalTrips, loopDays, weekendNightLoops,
    topWeekdaysShare: loops.length ? (weekdays[0] + weekdays[1]) / loops.length : NaN,
    dwellLogStd: loops.length >= 2 ? Math.sqrt(Math.min(sq, tourSq) / (loops.length - 1)) : NaN,
  };
}
