import { PROFILE_MIME, type ProfileBundle, type ProfileTrip } from '../contract';
import type { ReadStore } from '../reads/types';
import { pseudonym } from '../privacy/pseudonym';
import * as messages from '../messages';
import { vehicleStore } from '../reads/vehicle-store';
import { londonHourWeekday } from '../core/london-time';
import { defaultStayOptions, findStays } from '../trips/stays';
import { defaultSplitTripsOptions, splitTrips } from '../trips/trips';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml, htmlTable } from './html';
import { consult } from '../privacy/guard';

export interface ProfileViewOptions {
  /** Show the real VRM (callers must have logged a purpose). */
  reveal?: boolean;
  score?: number;
  reasons?: string[];
  /** A new trip starts after a gap longer than this (minutes); see splitTrips. */
  tripGapMinutes?: number;
}

/** One vehicle's profile; shows as the profile widget. */
export class ProfileView implements Displayable {
  constructor(readonly bundle: ProfileBundle) {}

  [MIMEBUNDLE](): MimeBundle {
    return { data: { [PROFILE_MIME]: this.bundle, 'text/html': profileHtml(this.bundle) } };
  }
}

/**
 * Build one vehicle's profile bundle: summary, reads, trips (splitTrips' rule: gaps and
 * implausible hops), stays between trips (dwell bounds), hour × weekday (Europe/London),
 * frequent places, and the names and coordinates of the sites it was read at (only those).
 * The widget draws its timeline, dwell chart and small map from these.
 * @example show(profileView(store, 'AB12CDE'))
 */
export function profileView(store: ReadStore, vrm: string, options: ProfileViewOptions = {}): ProfileView {
  return consult('profile view', store, () => profileViewOf(store, vrm, options), (p) => ({ params: { vrm }, counts: { returned: 1, reads: p.bundle.reads.length } }));
}

/**
 * `profileView` itself, ungated: for a profile drawn inside a search already logged (a profile's or a line's display).
 * @example profileViewOf(store, 'AB12CDE')
 */
export function profileViewOf(store: ReadStore, vrm: string, options: ProfileViewOptions = {}): ProfileView {
  const v = store.vrms.indexOf(vrm);
  if (v < 0) throw new RangeError(messages.vehicleNotFound(vrm));
  const { sites } = store;
  const one = vehicleStore(store, v);
  const n = one.n;
  const { hourWeekday, days } = londonHourWeekday(one.time);
  const reads: [number, string][] = [];
  const perSite = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    reads.push([one.time[i], sites.id[one.site[i]]]);
    perSite.set(one.site[i], (perSite.get(one.site[i]) ?? 0) + 1);
  }
  const t = splitTrips(one, { ...defaultSplitTripsOptions, maxGapMinutes: options.tripGapMinutes ?? defaultSplitTripsOptions.maxGapMinutes });
  const trips: ProfileTrip[] = Array.from({ length: t.n }, (_, j) => ({
    start: t.start[j], end: t.end[j], fromSite: sites.id[t.startSite[j]], toSite: sites.id[t.endSite[j]], reads: t.last[j] - t.first[j] + 1
  }));
  const st = findStays(one, t, defaultStayOptions);
  const stays = Array.from({ length: st.n }, (_, k) => ({
    start: st.start[k], end: st.end[k], site: sites.id[st.siteBefore[k]], dwellMin: st.dwellMin[k], dwellMax: st.dwellMax[k], overnight: st.overnight[k] === 1
  }));
  const places = [...perSite]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, 10)
    .map(([s, n]) => ({ site: sites.id[s], name: sites.name[s], reads: n }));
  const revealed = options.reveal === true;
  const seen = [...perSite.keys()].sort((x, y) => x - y);
  return new ProfileView({
    version: 1,
    vehicle: { pseudonym: pseudonym(vrm), revealed, ...(revealed ? { vrm } : {}) },
    period: [one.time[0], one.time[n - 1]],
    ...(options.score !== undefined ? { score: options.score } : {}),
    reasons: options.reasons ?? [],
    summary: { reads: n, trips: trips.length, days, sites: perSite.size },
    hourWeekday,
    reads,
    trips,
    places,
    siteNames: Object.fromEntries(seen.map(s => [sites.id[s], sites.name[s]])),
    stays,
    siteCoords: Object.fromEntries(seen.map(s => [sites.id[s], [sites.lat[s], sites.lon[s]] as [number, number]]))
  });
}

function profileHtml(p: ProfileBundle): string {
  const who = p.vehicle.revealed && p.vehicle.vrm ? p.vehicle.vrm : p.vehicle.pseudonym;
  const s = p.summary;
  return (
    `<div class="anpr-profile-fallback"><p><b>Profile ${escapeHtml(who)}</b>: ${s.reads} reads, ${s.trips} trips, ` +
    `${s.days} days, ${s.sites} sites.</p>` +
    (p.reasons.length ? `<ul>${p.reasons.map(r => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '') +
    htmlTable(['site', 'name', 'reads'], p.places.map(x => [x.site, x.name, x.reads]), 'Frequent places') +
    '</div>'
  );
}
