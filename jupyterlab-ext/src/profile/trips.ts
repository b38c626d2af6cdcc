/**
 * The profile's trips as every linked view sees them: one order (by start time), one
 * numbering (trip 1, 2, ... in that order), site names, and each trip's path on the map
 * (the sites of its reads, from the bundle's `reads` and `siteCoords`). Pure data, no DOM.
 */
import type { LatLon, ProfileBundle, ProfileTrip } from '@anpr/kernel-lib/contract';

/** A trip with its number in the shared order and its path ([lat, lon] per distinct site visited). */
export interface ProfileTripView extends ProfileTrip {
  /** 0-based index in the shared order (what selection uses). */
  index: number;
  path: LatLon[];
}

/**
 * Site id → display name, from `places` and `siteNames` (ids where neither knows the site).
 * @example siteNamer(bundle)('S1') // 'Hub east'
 */
export function siteNamer(bundle: ProfileBundle): (site: string) => string {
  const names = new Map([...bundle.places.map(p => [p.site, p.name] as const), ...Object.entries(bundle.siteNames ?? {})]);
  return site => names.get(site) ?? site;
}

/** Index of the first read at or after `t` (reads sorted by time). */
function firstAtOrAfter(reads: ProfileBundle['reads'], t: number): number {
  let lo = 0;
  let hi = reads.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reads[mid][0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Trips sorted by start, numbered, each with the path of its reads' sites (consecutive
 * repeats dropped; sites without coordinates skipped; empty without `siteCoords`).
 * @example profileTrips(bundle)[0].path // [[53.41, -2.98], [53.32, -3.49]]
 */
export function profileTrips(bundle: ProfileBundle): ProfileTripView[] {
  const coords = bundle.siteCoords ?? {};
  const reads = bundle.reads ?? [];
  return [...bundle.trips]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((trip, index) => {
      const path: LatLon[] = [];
      let last = '';
      for (let i = firstAtOrAfter(reads, trip.start); i < reads.length && reads[i][0] <= trip.end; i++) {
        const site = reads[i][1];
        const c = coords[site];
        if (site === last || !c) continue;
        path.push([c[0], c[1]]);
        last = site;
      }
      return { ...trip, index, path };
    });
}
