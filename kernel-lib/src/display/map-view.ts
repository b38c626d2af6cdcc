import { MAP_MIME, type MapArea, type MapBundle, type MapTrack } from '../contract';
import type { ReadStore } from '../reads/types';
import type { Area } from '../core/areas';
import { pseudonym } from '../privacy/pseudonym';
import { consult } from '../privacy/guard';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import { escapeHtml, htmlTable } from './html';
import { mapSvg } from './map-svg';

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
  /**
   * Co-travelling vehicles (e.g. from a convoy query): each drawn dashed as an 'associate'
   * of the track of `with` (a VRM in `vehicles`).
   */
  associates?: { vrm: string; with: string }[];
  /** Open with the heat layer of reads shown. */
  heat?: boolean;
}

/** A map of sites, areas and vehicle tracks; shows as the map widget. */
export class MapView implements Displayable {
  constructor(readonly bundle: MapBundle) {}

  [MIMEBUNDLE](): MimeBundle {
    const svg = mapSvg(this.bundle);
    return { data: { [MAP_MIME]: this.bundle, 'image/svg+xml': svg, 'text/html': mapHtml(this.bundle, svg) } };
  }
}

/**
 * Build the map widget's bundle from a store: every site with its read count, the areas,
 * and the chosen vehicles' reads as tracks (pseudonymised unless `reveal`).
 * @example show(mapView(store, { hub, markets, vehicles: [store.vrms[0]] }))
 */
export function mapView(store: ReadStore, options: MapViewOptions = {}): MapView {
  if (!options.vehicles?.length) return mapViewOf(store, options);
  // drawing named vehicles' reads is a search: gated and logged
  return consult('map view', store, () => mapViewOf(store, options), (m) => ({ params: { vrms: options.vehicles }, counts: { returned: m.bundle.tracks.length } }));
}

/**
 * `mapView` itself, ungated: for a map drawn inside a search already logged (a query result's map).
 * @example mapViewOf(store, { vehicles: result.vrms() })
 */
export function mapViewOf(store: ReadStore, options: MapViewOptions = {}): MapView {
  const { sites } = store;
  const counts = new Uint32Array(sites.id.length);
  for (let i = 0; i < store.n; i++) counts[store.site[i]]++;
  const vehiclesAt = distinctVehiclesPerSite(store);
  const code = new Map(store.vrms.map((v, i) => [v, i]));
  const label = (vrm: string) => (options.reveal ? vrm : pseudonym(vrm));
  const trackOf = (vrm: string): [number, number, number][] | null => {
    const v = code.get(vrm);
    if (v === undefined) return null;
    const points: [number, number, number][] = [];
    for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++) {
      const s = store.site[i];
      points.push([sites.lat[s], sites.lon[s], store.time[i]]);
    }
    return points;
  };
  const tracks: MapTrack[] = [];
  for (const vrm of (options.vehicles ?? []).slice(0, options.maxTracks ?? 50)) {
    const points = trackOf(vrm);
    if (!points) continue;
    const id = label(vrm);
    const score = options.scores?.[vrm];
    tracks.push({ id, label: id, points, ...(score !== undefined ? { score, kind: 'candidate' as const } : {}) });
  }
  for (const a of options.associates ?? []) {
    const points = trackOf(a.vrm);
    if (!points) continue;
    const id = label(a.vrm);
    tracks.push({ id, label: id, points, kind: 'associate', with: label(a.with) });
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
    sites: sites.id.map((id, s) => ({ id, name: sites.name[s], lat: sites.lat[s], lon: sites.lon[s], reads: counts[s], vehicles: vehiclesAt[s], road: sites.road[s] })),
    tracks,
    areas: [
      ...(options.hub ? [mapArea(options.hub, 'hub')] : []),
      ...(options.markets ?? []).map(a => mapArea(a, 'market')),
      ...(options.areas ?? []).map(a => mapArea(a, 'area'))
    ],
    ...(store.n > 0 ? { timeRange: [t0, t1] as [number, number] } : {}),
    ...(options.heat ? { heat: true } : {})
  });
}

/** Distinct vehicles read at each site (reads are sorted by vehicle, so one pass). */
function distinctVehiclesPerSite(store: ReadStore): Uint32Array {
  const n = store.sites.id.length;
  const out = new Uint32Array(n);
  const last = new Int32Array(n).fill(-1);
  for (let v = 0; v < store.vrms.length; v++) {
    for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++) {
      const s = store.site[i];
      if (last[s] !== v) {
        last[s] = v;
        out[s]++;
      }
    }
  }
  return out;
}

function mapArea(a: Area, kind: MapArea['kind']): MapArea {
  return { name: a.name, kind, geometry: { type: 'MultiPolygon', coordinates: a.polygons } };
}

/** The static fallback: what a viewer without the extension shows (the SVG preview, then the busiest sites). */
function mapHtml(b: MapBundle, svg: string): string {
  const busiest = [...b.sites].sort((x, y) => (y.reads ?? 0) - (x.reads ?? 0) || x.id.localeCompare(y.id)).slice(0, 10);
  return (
    `<div class="anpr-map-fallback"><p><b>${escapeHtml(b.title ?? 'ANPR map')}</b>: ${b.sites.length} sites, ` +
    `${b.areas.length} areas, ${b.tracks.length} tracks. (Install the ANPR JupyterLab extension for the interactive map.)</p>` +
    svg +
    htmlTable(['site', 'name', 'reads'], busiest.map(s => [s.id, s.name, s.reads ?? 0]), 'Busiest sites') +
    '</div>'
  );
}
