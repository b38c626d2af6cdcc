import { MAP_MIME, type MapArea, type MapBundle, type MapTrack } from '../contract';
import type { ReadStore } from '../reads/types';
import type { Area } from '../trips/areas';
import { pseudonym } from '../privacy/pseudonym';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml, htmlTable } from './html';

export interface MapViewOptions {
  title?: string;
  /** The urban hub, drawn as kind 'hub'. */
  hub?: Area;
  /** Market towns, drawn as kind 'market'. */
  markets?: Area[];
  /** Any other areas (drawn, searched). */
  areas?: Area[];
  /** Vehicles whose reads are drawn as tracks (normalised VRMs). */
  vehicles?: string[];
  /** Score per vehicle (0..1), colours candidate tracks. */
  scores?: Record<string, number>;
  /** Show real VRMs instead of pseudonyms (callers must have logged a purpose). */
  reveal?: boolean;
  /** Most tracks drawn; the rest are left out and said so. */
  maxTracks?: number;
}

/** A map of sites, areas and vehicle tracks; shows as the map widget. */
export class MapView implements Displayable {
  constructor(readonly bundle: MapBundle) {}

  [MIMEBUNDLE](): MimeBundle {
    return { data: { [MAP_MIME]: this.bundle, 'text/html': mapHtml(this.bundle) } };
  }
}

/**
 * Build the map widget's bundle from a store: every site with its read count, the areas,
 * and the chosen vehicles' reads as tracks (pseudonymised unless `reveal`).
 * @example show(mapView(store, { hub, markets, vehicles: [store.vrms[0]] }))
 */
export function mapView(store: ReadStore, options: MapViewOptions = {}): MapView {
  const { sites } = store;
  const counts = new Uint32Array(sites.id.length);
  for (let i = 0; i < store.n; i++) counts[store.site[i]]++;
  const code = new Map(store.vrms.map((v, i) => [v, i]));
  const tracks: MapTrack[] = [];
  for (const vrm of (options.vehicles ?? []).slice(0, options.maxTracks ?? 50)) {
    const v = code.get(vrm);
    if (v === undefined) continue;
    const points: [number, number, number][] = [];
    for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++) {
      const s = store.site[i];
      points.push([sites.lat[s], sites.lon[s], store.time[i]]);
    }
    const id = options.reveal ? vrm : pseudonym(vrm);
    tracks.push({ id, label: id, points, ...(options.scores?.[vrm] !== undefined ? { score: options.scores[vrm] } : {}) });
  }
  let t0 = Infinity;
  let t1 = -Infinity;
  for (let i = 0; i < store.n; i++) {
    if (store.time[i] < t0) t0 = store.time[i];
    if (store.time[i] > t1) t1 = store.time[i];
  }
  return new MapView({
    version: 1,
    ...(options.title ? { title: options.title } : {}),
    sites: sites.id.map((id, s) => ({ id, name: sites.name[s], lat: sites.lat[s], lon: sites.lon[s], reads: counts[s], road: sites.road[s] })),
    tracks,
    areas: [
      ...(options.hub ? [mapArea(options.hub, 'hub')] : []),
      ...(options.markets ?? []).map(a => mapArea(a, 'market')),
      ...(options.areas ?? []).map(a => mapArea(a, 'area'))
    ],
    ...(store.n > 0 ? { timeRange: [t0, t1] as [number, number] } : {})
  });
}

function mapArea(a: Area, kind: MapArea['kind']): MapArea {
  return { name: a.name, kind, geometry: { type: 'MultiPolygon', coordinates: a.polygons } };
}

/** The static fallback: what a viewer without the extension shows. */
function mapHtml(b: MapBundle): string {
  const busiest = [...b.sites].sort((x, y) => (y.reads ?? 0) - (x.reads ?? 0) || x.id.localeCompare(y.id)).slice(0, 10);
  return (
    `<div class="anpr-map-fallback"><p><b>${escapeHtml(b.title ?? 'ANPR map')}</b>: ${b.sites.length} sites, ` +
    `${b.areas.length} areas, ${b.tracks.length} tracks. (Install the ANPR JupyterLab extension for the interactive map.)</p>` +
    htmlTable(['site', 'name', 'reads'], busiest.map(s => [s.id, s.name, s.reads ?? 0]), 'Busiest sites') +
    '</div>'
  );
}
