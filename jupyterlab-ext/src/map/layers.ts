/**
 * The data layers of the map, one free function per layer, each from its part of the
 * bundle: areas (polygons), sites (circle markers sized by reads), tracks (polylines
 * with start/end markers). No L.marker: default marker icons would fetch images.
 * Tooltips and popups are built as text nodes, lazily (see map-text.ts): bundle text is
 * never parsed as HTML.
 */
import * as L from 'leaflet';
import type { MapArea, MapSite, MapTrack } from '@anpr/kernel-lib/contract';
import { AREA_COLORS, SITE_COLOR, trackColor } from '../shared/colors';
import { formatDateTime } from '../shared/format';
import { textNode } from './text';
import { MSG } from '../shared/messages';

/**
 * Called when a site or track is clicked, with where. The widget opens the popup itself:
 * Leaflet's bindPopup stops the click, and the drawing tools need every click on the map.
 */
export type OnItemClick<T> = (item: T, at: L.LatLng) => void;

function onClick<T>(layer: L.Layer, item: T, handler: OnItemClick<T>): void {
  layer.on('click', e => handler(item, (e as L.LeafletMouseEvent).latlng));
}

/**
 * Hub, market-town and drawn-area polygons with name tooltips.
 * @example areasLayer(bundle.areas).addTo(map)
 */
export function areasLayer(areas: MapArea[], renderer: L.Renderer): L.FeatureGroup {
  const group = L.featureGroup();
  for (const area of areas) {
    const colors = AREA_COLORS[area.kind] ?? AREA_COLORS.area;
    const layer = L.geoJSON(
      { type: 'Feature', properties: {}, geometry: area.geometry } as GeoJSON.Feature,
      {
        // GeoJSON passes its options on to each polygon, so `renderer` reaches them.
        renderer,
        style: () => ({
          color: colors.stroke,
          weight: 1.5,
          fillColor: colors.fill,
          fillOpacity: 0.18
        })
      } as L.GeoJSONOptions
    );
    layer.bindTooltip(() => textNode(`${MSG.areaKind[area.kind] ?? area.kind}: ${area.name}`), { sticky: true });
    group.addLayer(layer);
  }
  return group;
}

/** Marker radius in pixels for `reads`, by area (square root) between 3 and 14. */
export function siteRadius(reads: number | undefined, maxReads: number): number {
  if (!reads || !maxReads) return 4;
  return 3 + 11 * Math.sqrt(Math.max(0, reads) / maxReads);
}

/**
 * Camera sites as circle markers sized by reads; tooltip shows name and reads.
 * @example sitesLayer(bundle.sites, L.canvas()).addTo(map)
 */
export function sitesLayer(sites: MapSite[], renderer: L.Renderer, click?: OnItemClick<MapSite>): L.FeatureGroup {
  const group = L.featureGroup();
  const maxReads = sites.reduce((m, s) => Math.max(m, s.reads ?? 0), 0);
  // Largest first so that small markers stay clickable on top.
  const ordered = [...sites].sort((a, b) => (b.reads ?? 0) - (a.reads ?? 0));
  for (const site of ordered) {
    const marker = L.circleMarker([site.lat, site.lon], {
      renderer,
      radius: siteRadius(site.reads, maxReads),
      color: SITE_COLOR.stroke,
      weight: 1,
      fillColor: SITE_COLOR.fill,
      fillOpacity: 0.55
    });
    marker.bindTooltip(() => textNode(MSG.siteTooltip(site.name, site.reads)));
    if (click) onClick(marker, site, click);
    group.addLayer(marker);
  }
  return group;
}

/**
 * Vehicle tracks: one polyline per vehicle, coloured by colour/score/index (co-travelling
 * 'associate' tracks dashed), with a hollow start marker and a filled end marker (tooltips
 * give first/last read times). `click` is called when a track is clicked.
 * @example tracksLayer(bundle.tracks, L.canvas()).addTo(map)
 */
export function tracksLayer(tracks: MapTrack[], renderer: L.Renderer, click?: OnItemClick<MapTrack>): L.FeatureGroup {
  const group = L.featureGroup();
  tracks.forEach((track, i) => {
    if (track.points.length === 0) return;
    const color = trackColor(track, i);
    const latlngs = track.points.map(p => L.latLng(p[0], p[1]));
    const associate = track.kind === 'associate';
    const line = L.polyline(latlngs, { renderer, color, weight: associate ? 2.5 : 3, opacity: 0.85, ...(associate ? { dashArray: '7 5' } : {}) });
    line.bindTooltip(() => textNode(MSG.trackTooltip(track.label, track.score, track.points.length) + (associate && track.with ? MSG.travelsWith(track.with) : '')), { sticky: true });
    if (click) onClick(line, track, click);
    group.addLayer(line);
    const first = track.points[0];
    const last = track.points[track.points.length - 1];
    group.addLayer(
      L.circleMarker(latlngs[0], { renderer, radius: 4, color, weight: 2, fillColor: '#ffffff', fillOpacity: 1 })
        .bindTooltip(() => textNode(MSG.trackStart(track.label, formatDateTime(first[2]))))
    );
    group.addLayer(
      L.circleMarker(latlngs[latlngs.length - 1], { renderer, radius: 5, color: '#ffffff', weight: 1.5, fillColor: color, fillOpacity: 1 })
        .bindTooltip(() => textNode(MSG.trackEnd(track.label, formatDateTime(last[2]))))
    );
  });
  return group;
}
