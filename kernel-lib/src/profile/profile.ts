/**
 * Profile: everything about one vehicle, as one typed object that shows itself as the profile
 * widget. Per-vehicle work runs on a one-vehicle sub-store (O(vehicle reads)); associates use
 * the per-site time index (O(target reads × reads at those sites within ±T)); places are
 * computed once per (store, areas) and cached.
 *
 *   reads → trips → stays → base → tours → hour × weekday, frequent sites
 *         → associates (convoy) → clone flags → county-lines score (when a hub is given)
 */
import * as aq from 'arquero';
import { PROFILE_MIME, type ProfileBundle } from '../contract';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from '../display/bundle';
import { profileViewOf } from '../display/profile-view';
import { escapeHtml, htmlTable } from '../display/html';
import { clonesQuery, type CloneRow } from '../find/clones';
import { convoyQuery, type ConvoyOptions, type ConvoyRow } from '../find/convoy';
import { defaultCountyLinesParams } from '../find/county-lines';
import type { ScorePart } from '../method/county-lines/score/additive';
import { firstReadAtOrAfter, toMs, vehicleCode, type TimeInput } from '../find/result';
import { siteIndex } from '../find/site-index';
import * as msg from '../messages';
import { pseudonym } from '../privacy/pseudonym';
import { vehicleStore } from '../reads/vehicle-store';
import type { ReadStore } from '../reads/types';
import { formatLondonIso, londonHourWeekday } from '../core/london-time';
import { area, areasFromGeoJson, type Area, type AreaInput } from '../core/areas';
import { inferBases } from '../trips/base';
import { vehicleFeatures, type FeatureContext, type VehicleFeatures } from '../method/county-lines/features';
import { sitePlaces, type Places } from '../trips/places';
import { findStays } from '../trips/stays';
import { findTours } from '../trips/tours';
import { splitTrips } from '../trips/trips';
import { consult } from '../privacy/guard';

/** Options of {@link profile}. */
export interface ProfileOptions {
  /** The urban hub: enables the county-lines score breakdown. */
  hub?: AreaInput;
  /** Market towns (array of areas or a FeatureCollection). */
  markets?: AreaInput[] | { type: 'FeatureCollection'; features: unknown[] };
  /** Only reads in [from, to). */
  from?: TimeInput;
  to?: TimeInput;
  /** Show the real VRM (callers must have logged a purpose). */
  reveal?: boolean;
  /** Convoy options for the associates, or false to skip them. Default top 10. */
  associates?: ConvoyOptions | false;
}

/** One read of the timeline. */
export interface ProfileRead { time: number; siteId: string; siteName: string; place: string }

/** One tour base → away → base. */
export interface ProfileTour { depart: number; return: number; destination: string; places: string[]; overnight: boolean; dwellMinMinutes: number; dwellMaxMinutes: number }

/** The county-lines view of the vehicle (scored alone: no plate relays or look-alike merging). */
export interface ProfileCountyLines { score: number; parts: ScorePart[]; reasons: string[]; features: VehicleFeatures }

/** Everything about one vehicle. */
export class VehicleProfile implements Displayable {
  constructor(
    readonly vrm: string,
    readonly revealed: boolean,
    readonly summary: { reads: number; trips: number; stays: number; days: number; sites: number; firstSeen: number; lastSeen: number },
    readonly reads: ProfileRead[],
    /** Trips (arquero): start, end, from_site, to_site, reads, end_reason. */
    readonly trips: aq.ColumnTable,
    /** Stays (arquero): start, end, site_before, site_after, dwell_min_minutes, dwell_max_minutes, overnight. */
    readonly stays: aq.ColumnTable,
    /** Reads by weekday (0 = Monday) × hour (0..23), Europe/London. */
    readonly hourWeekday: number[][],
    readonly frequentSites: { siteId: string; name: string; reads: number }[],
    readonly base: { place: string; share: number; overnights: number } | null,
    readonly tours: ProfileTour[],
    readonly associates: ConvoyRow[],
    readonly clones: CloneRow[],
    readonly countyLines: ProfileCountyLines | null,
    /** Milliseconds the profile took. */
    readonly ms: number,
    private readonly sub: ReadStore,
  ) {}

  /**
   * The profile widget bundle (application/vnd.anpr.profile.v1+json), built by profileView and extended.
   * @example profile(store, 'AB12CDE').bundle().tours
   */
  bundle(): ProfileBundle {
    const cl = this.countyLines;
    const b = profileViewOf(this.sub, this.vrm, { reveal: this.revealed, score: cl?.score, reasons: cl?.reasons }).bundle; // part of the logged profile
    const trips = this.trips.objects() as { start: Date; end: Date; from_site: string; to_site: string; reads: number }[];
    const stays = this.stays.objects() as { start: Date; end: Date; site_before: string; dwell_min_minutes: number; dwell_max_minutes: number; overnight: boolean }[];
    return {
      ...b,
      summary: { ...b.summary, trips: this.summary.trips },
      trips: trips.map((t) => ({ start: +t.start, end: +t.end, fromSite: t.from_site, toSite: t.to_site, reads: t.reads })),
      ...(this.base ? { base: this.base } : {}),
      stays: stays.map((s) => ({ start: +s.start, end: +s.end, site: s.site_before, dwellMin: s.dwell_min_minutes * 60_000, dwellMax: s.dwell_max_minutes * 60_000, overnight: s.overnight })),
      tours: this.tours.map((t) => ({ depart: t.depart, return: t.return, destination: t.destination, places: t.places, overnight: t.overnight })),
      associates: this.associates.map((a) => ({ id: this.revealed ? a.vrm : pseudonym(a.vrm), observed: a.observed, expected: a.expected, pValue: a.pValue, sites: a.sites, reasons: a.reasons })),
      clones: this.clones.map((c) => ({ firstTime: c.firstTime, firstSite: c.firstSite, secondTime: c.secondTime, secondSite: c.secondSite, kmh: Number.isFinite(c.kmh) ? c.kmh : null })),
      ...(cl ? { scoreParts: cl.parts } : {}),
    };
  }

  [MIMEBUNDLE](): MimeBundle {
    const b = this.bundle();
    const who = this.revealed ? this.vrm : pseudonym(this.vrm);
    const iso = (t: number) => formatLondonIso(t / 1000);
    const s = this.summary;
    const html = `<div class="anpr-profile-fallback"><p><b>Profile ${escapeHtml(who)}</b>: ${s.reads} reads, ${s.trips} trips, ${s.stays} stays, ` +
      `${s.days} days, ${s.sites} sites; base ${escapeHtml(this.base?.place ?? 'unknown')}` +
      `${this.countyLines ? `; county-lines score ${this.countyLines.score.toFixed(2)}` : ''}.</p>` +
      (b.reasons.length ? `<ul>${b.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '') +
      htmlTable(['site', 'name', 'reads'], this.frequentSites.map((x) => [x.siteId, x.name, x.reads]), 'Frequent sites') +
      htmlTable(['depart', 'return', 'destination', 'places'], this.tours.slice(0, 20).map((t) => [iso(t.depart), iso(t.return), t.destination, t.places.join(', ')]), 'Tours') +
      htmlTable(['associate', 'observed', 'expected', 'p'], (b.associates ?? []).map((a) => [a.id, a.observed, a.expected.toPrecision(2), a.pValue.toPrecision(2)]), 'Associates (convoy)') +
      (this.clones.length ? htmlTable(['first', 'site', 'second', 'site', 'km/h'], this.clones.map((c) => [iso(c.firstTime), c.firstSite, iso(c.secondTime), c.secondSite, Math.round(c.kmh)]), 'Impossible travel') : '') +
      '</div>';
    return { data: { [PROFILE_MIME]: b, 'text/html': html } };
  }

  /**
   * JSON for the CLI (VRMs pseudonymised unless revealed).
   * @example JSON.stringify(profile(store, 'AB12CDE'))
   */
  toJSON(): Record<string, unknown> {
    const b = this.bundle();
    return { ...b, countyLines: this.countyLines ? { score: this.countyLines.score, parts: this.countyLines.parts, reasons: this.countyLines.reasons } : null, ms: this.ms };
  }
}

const placesCache = new WeakMap<ReadStore, Map<string, Places>>();

function cachedPlaces(store: ReadStore, areas: Area[]): Places {
  let m = placesCache.get(store);
  if (!m) { m = new Map(); placesCache.set(store, m); }
  const key = areas.map((a) => `${a.name}|${a.bbox.join(',')}|${a.polygons.length}`).join(';');
  let p = m.get(key);
  if (!p) {
    const p0 = defaultCountyLinesParams;
    p = sitePlaces(store.sites, areas, { clusterKm: p0.clusterKm, areaBufferKm: p0.areaBufferKm, siteWeight: siteIndex(store).total });
    m.set(key, p);
  }
  return p;
}

/**
 * Profile one vehicle: summary, reads timeline, trips and stays (arquero tables), hour ×
 * weekday, frequent sites, base, tours, associates (convoy, ranked against chance), clone flags
 * and, with a hub, the county-lines score with its parts and reasons. Shows as the profile widget.
 *
 * @example
 * const p = profile(store, 'AB12CDE', { hub, markets });
 * p.base?.place               // 'Liverpool'
 * p.countyLines?.reasons[0]   // '7 returns Liverpool→Rhyl in 21 days'
 * p.trips.print()
 * show(p)
 */
export function profile(store: ReadStore, vrm: string, options: ProfileOptions = {}): VehicleProfile {
  return consult('profile', store, () => profileOf(store, vrm, options), (p) => ({ params: { vrm: p.vrm, hub: options.hub !== undefined, from: options.from ?? null, to: options.to ?? null }, counts: { returned: 1, reads: p.summary.reads } }));
}

/**
 * `profile` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example profileOf(store, vrm, options)
 */
export function profileOf(store: ReadStore, vrm: string, options: ProfileOptions = {}): VehicleProfile {
  const t0 = performance.now();
  const v = vehicleCode(store, vrm);
  const from = toMs(options.from, 'from') ?? -Infinity, to = toMs(options.to, 'to') ?? Infinity;
  const a = firstReadAtOrAfter(store, v, from);
  let b = a;
  while (b < store.vehicleStart[v + 1] && store.time[b] < to) b++;
  if (b <= a) throw new RangeError(msg.profileNoReads(store.vrms[v]));
  const k = b - a;
  const sub = vehicleStore(store, v, a, b);
  const { sites } = store;
  const hub = options.hub ? area(options.hub) : undefined;
  const markets: Area[] = options.markets === undefined ? []
    : Array.isArray(options.markets) ? options.markets.map((m) => area(m)) : areasFromGeoJson(options.markets);
  const areas = hub ? [hub, ...markets] : markets;
  const places = cachedPlaces(store, areas);
  const P = defaultCountyLinesParams;

  // Reads, hour × weekday, frequent sites.
  const { hourWeekday, days } = londonHourWeekday(sub.time);
  const perSite = new Map<number, number>();
  const reads: ProfileRead[] = [];
  for (let i = 0; i < k; i++) {
    const t = sub.time[i], s = sub.site[i];
    perSite.set(s, (perSite.get(s) ?? 0) + 1);
    reads.push({ time: t, siteId: sites.id[s], siteName: sites.name[s], place: places.name[places.sitePlace[s]] });
  }
  const frequentSites = [...perSite].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 10)
    .map(([s, n]) => ({ siteId: sites.id[s], name: sites.name[s], reads: n }));

  // Trips, stays, base, tours.
  const trips = splitTrips(sub, P.trips);
  const stays = findStays(sub, trips, P.stays);
  const bases = inferBases(sub, stays, places.sitePlace, places.n, P.base);
  const tripTable = aq.table({
    start: Array.from(trips.start, (t) => new Date(t)), end: Array.from(trips.end, (t) => new Date(t)),
    from_site: Array.from(trips.startSite, (s) => sites.id[s]), to_site: Array.from(trips.endSite, (s) => sites.id[s]),
    reads: Array.from({ length: trips.n }, (_, t) => trips.last[t] - trips.first[t] + 1),
    end_reason: Array.from(trips.endReason, (r) => (r === 0 ? 'last read' : r === 1 ? 'gap' : 'speed')),
  });
  const stayTable = aq.table({
    start: Array.from(stays.start, (t) => new Date(t)), end: Array.from(stays.end, (t) => new Date(t)),
    site_before: Array.from(stays.siteBefore, (s) => sites.id[s]), site_after: Array.from(stays.siteAfter, (s) => sites.id[s]),
    dwell_min_minutes: Array.from(stays.dwellMin, (d) => d / 60_000), dwell_max_minutes: Array.from(stays.dwellMax, (d) => d / 60_000),
    overnight: Array.from(stays.overnight, (o) => o === 1),
  });
  const bp = bases.place[0];
  const base = bp >= 0 ? { place: places.name[bp], share: bases.share[0], overnights: bases.overnights[0] } : null;
  const tourSet = findTours(sub, places.sitePlace, bases.place, { ...P.stays, maxTourHours: P.maxLoopHours });
  const tours: ProfileTour[] = [];
  for (let u = 0; u < tourSet.n; u++) {
    const d = tourSet.destination[u];
    const ps: string[] = [];
    for (let q = tourSet.visitStart[u]; q < tourSet.visitStart[u + 1]; q++) ps.push(places.name[tourSet.visitPlace[q]]);
    tours.push({
      depart: tourSet.depart[u], return: tourSet.return[u], destination: places.name[tourSet.visitPlace[d]], places: ps,
      overnight: tourSet.overnight[u] === 1, dwellMinMinutes: tourSet.visitDwellMin[d] / 60_000, dwellMaxMinutes: tourSet.visitDwellMax[d] / 60_000,
    });
  }

  // Associates and clone flags.
  const associates = options.associates === false ? []
    : convoyQuery(store, store.vrms[v], { top: 10, from: options.from, to: options.to, ...(options.associates ?? {}) }).rows;
  const cloneRows = clonesQuery(sub).rows;

  // County-lines score of this vehicle alone (no plate relays or look-alike merging).
  let countyLines: ProfileCountyLines | null = null;
  if (hub) {
    const hubTours = findTours(sub, places.sitePlace, 0, { ...P.stays, maxTourHours: P.maxLoopHours, ...(P.hubCrossings ? {} : { crossing: { trips, stopMinutes: P.stopMinutes } }) });
    const ctx: FeatureContext = { store: sub, trips, places, bases, hubTours, hubPlace: 0, marketPlaces: markets.map((_, i) => i + 1) };
    const features = vehicleFeatures(ctx, 0, { nightStartHour: P.nightStartHour, nightEndHour: P.nightEndHour, stopMinutes: P.stopMinutes });
    const r = P.scorer(features, P);
    countyLines = { score: r.score, parts: r.parts, reasons: r.reasons, features };
  }
  return new VehicleProfile(
    store.vrms[v], options.reveal === true,
    { reads: k, trips: trips.n, stays: stays.n, days, sites: perSite.size, firstSeen: sub.time[0], lastSeen: sub.time[k - 1] },
    reads, tripTable, stayTable, hourWeekday, frequentSites, base, tours, associates, cloneRows, countyLines,
    performance.now() - t0, sub,
  );
}
