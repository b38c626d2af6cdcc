import { PROFILE_MIME, type ProfileBundle, type ProfileTrip } from '../contract';
import type { ReadStore } from '../reads/types';
import { pseudonym } from '../privacy/pseudonym';
import * as messages from '../messages';
import { vehicleStore } from '../reads/vehicle-store';
import { londonHourWeekday } from '../time/london';
import { defaultSplitTripsOptions, splitTrips } from '../trips/trips';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml, htmlTable } from './html';

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
 * implausible hops), hour × weekday (Europe/London) and frequent places.
 * @example show(profileView(store, 'AB12CDE'))
 */
export function profileView(store: ReadStore, vrm: string, options: ProfileViewOptions = {}): ProfileView {
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
  const places = [...perSite]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, 10)
    .map(([s, n]) => ({ site: sites.id[s], name: sites.name[s], reads: n }));
  const revealed = options.reveal === true;
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
    siteNames: Object.fromEntries([...perSite.keys()].sort((x, y) => x - y).map(s => [sites.id[s], sites.name[s]]))
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
