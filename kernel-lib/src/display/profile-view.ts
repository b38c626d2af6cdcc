import { PROFILE_MIME, type ProfileBundle, type ProfileTrip } from '../contract';
import type { ReadStore } from '../reads/types';
import { pseudonym } from '../privacy/pseudonym';
import * as messages from '../messages';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml, htmlTable } from './html';

export interface ProfileViewOptions {
  /** Show the real VRM (callers must have logged a purpose). */
  reveal?: boolean;
  score?: number;
  reasons?: string[];
  /** A new trip starts after a gap longer than this (minutes). */
  tripGapMinutes?: number;
}

/** One vehicle's profile; shows as the profile widget. */
export class ProfileView implements Displayable {
  constructor(readonly bundle: ProfileBundle) {}

  [MIMEBUNDLE](): MimeBundle {
    return { data: { [PROFILE_MIME]: this.bundle, 'text/html': profileHtml(this.bundle) } };
  }
}

const localParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: 'numeric', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Build one vehicle's profile bundle: summary, reads, trips, hour × weekday (Europe/London)
 * and frequent places.
 * @example show(profileView(store, 'AB12CDE'))
 */
export function profileView(store: ReadStore, vrm: string, options: ProfileViewOptions = {}): ProfileView {
  const v = store.vrms.indexOf(vrm);
  if (v < 0) throw new RangeError(messages.vehicleNotFound(vrm));
  const { sites } = store;
  const a = store.vehicleStart[v];
  const b = store.vehicleStart[v + 1];
  const gap = (options.tripGapMinutes ?? 30) * 60_000;
  const hourWeekday = WEEKDAYS.map(() => new Array<number>(24).fill(0));
  const reads: [number, string][] = [];
  const perSite = new Map<number, number>();
  const days = new Set<string>();
  const trips: ProfileTrip[] = [];
  let tripStart = a;
  for (let i = a; i < b; i++) {
    const t = store.time[i];
    const parts = Object.fromEntries(localParts.formatToParts(t).map(p => [p.type, p.value]));
    hourWeekday[WEEKDAYS.indexOf(parts.weekday)][Number(parts.hour)]++;
    days.add(`${parts.year}-${parts.month}-${parts.day}`);
    reads.push([t, sites.id[store.site[i]]]);
    perSite.set(store.site[i], (perSite.get(store.site[i]) ?? 0) + 1);
    const last = i + 1 === b || store.time[i + 1] - t > gap;
    if (last) {
      trips.push({ start: store.time[tripStart], end: t, fromSite: sites.id[store.site[tripStart]], toSite: sites.id[store.site[i]], reads: i - tripStart + 1 });
      tripStart = i + 1;
    }
  }
  const places = [...perSite]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, 10)
    .map(([s, n]) => ({ site: sites.id[s], name: sites.name[s], reads: n }));
  const revealed = options.reveal === true;
  return new ProfileView({
    version: 1,
    vehicle: { pseudonym: pseudonym(vrm), revealed, ...(revealed ? { vrm } : {}) },
    period: [store.time[a], store.time[b - 1]],
    ...(options.score !== undefined ? { score: options.score } : {}),
    reasons: options.reasons ?? [],
    summary: { reads: b - a, trips: trips.length, days: days.size, sites: perSite.size },
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
