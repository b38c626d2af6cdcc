/**
 * What a click on the map shows: a site's counts, a track's reads. Pure text (map-text.ts).
 */
import type { MapSite, MapTrack } from '@anpr/kernel-lib/contract';
import { formatDateTime } from '../shared/format';
import { textBlock } from './text';
import { MSG } from '../shared/messages';

/** Reads listed in a track popup before "… and N more". */
const MAX_READS = 25;

/** Key of a position, to find the site a track point was read at. */
export const positionKey = (lat: number, lon: number) => `${lat.toFixed(6)},${lon.toFixed(6)}`;

/**
 * Sites by position, for naming track reads.
 * @example sitesByPosition(bundle.sites).get(positionKey(53.4, -2.98))
 */
export function sitesByPosition(sites: MapSite[]): Map<string, MapSite> {
  return new Map(sites.map(s => [positionKey(s.lat, s.lon), s]));
}

/**
 * Reads of `tracks` at `site` (by position).
 * @example readsAtSite(site, tracksInWindow(bundle.tracks, from, to)) // 3
 */
export function readsAtSite(site: MapSite, tracks: MapTrack[]): number {
  const key = positionKey(site.lat, site.lon);
  let n = 0;
  for (const t of tracks) for (const p of t.points) if (positionKey(p[0], p[1]) === key) n++;
  return n;
}

/**
 * A site's popup: name, road, reads, vehicles, and reads by the drawn tracks in the window.
 * @example sitePopup(site, visibleTracks)
 */
export function sitePopup(site: MapSite, visibleTracks: MapTrack[]): HTMLElement {
  const lines: string[] = [];
  if (site.road) lines.push(MSG.siteLines.road(site.road));
  if (site.reads !== undefined) lines.push(MSG.siteLines.reads(site.reads));
  if (site.vehicles !== undefined) lines.push(MSG.siteLines.vehicles(site.vehicles));
  if (visibleTracks.length) lines.push(MSG.siteLines.trackReads(readsAtSite(site, visibleTracks), visibleTracks.length));
  return textBlock(MSG.siteHeading(site.name, site.id), lines);
}

/**
 * A track's popup: its reads in the window, each with time and site name.
 * @example trackPopup(track, sitesByPosition(bundle.sites))
 */
export function trackPopup(track: MapTrack, sites: Map<string, MapSite>): HTMLElement {
  const lines = track.points.slice(0, MAX_READS).map(p => MSG.trackRead(formatDateTime(p[2]), sites.get(positionKey(p[0], p[1]))?.name ?? MSG.unknownSite));
  if (track.points.length > MAX_READS) lines.push(MSG.trackReadsMore(track.points.length - MAX_READS));
  const box = textBlock(MSG.trackHeading(track.label, track.score), lines);
  box.classList.add('anpr-Popup-reads');
  return box;
}
