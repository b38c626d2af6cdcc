/**
 * Small direction chevrons at the middle of each track segment. They are computed in
 * screen pixels, so they are rebuilt on every zoom to keep a constant size.
 */
import * as L from 'leaflet';
import type { MapTrack } from '@anpr/kernel-lib/contract';
import { trackColor } from '../shared/colors';

/** Segments shorter than this on screen get no arrow. */
const MIN_SEGMENT_PX = 36;
/** Chevron arm length and half-angle. */
const ARM_PX = 7;
const HALF_ANGLE = Math.PI / 7;
/** Upper bound on chevrons drawn, whatever the data. */
const MAX_ARROWS = 3000;

/**
 * Chevron polylines for `tracks` at the map's current zoom.
 * @example arrowLayer(map, tracks, renderer).addTo(map)
 */
export function arrowLayer(map: L.Map, tracks: MapTrack[], renderer: L.Renderer): L.LayerGroup {
  const group = L.layerGroup();
  let count = 0;
  tracks.forEach((track, i) => {
    const color = trackColor(track, i);
    const pts = track.points.map(p => map.latLngToLayerPoint([p[0], p[1]]));
    // One multi-part polyline per track (not one layer per chevron): thousands of chevrons
    // stay a handful of canvas paths.
    const chevrons: L.LatLng[][] = [];
    for (let k = 1; k < pts.length && count < MAX_ARROWS; k++) {
      const a = pts[k - 1];
      const b = pts[k];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      if (Math.hypot(dx, dy) < MIN_SEGMENT_PX) continue;
      const angle = Math.atan2(dy, dx);
      const tip = L.point((a.x + b.x) / 2 + Math.cos(angle) * ARM_PX / 2, (a.y + b.y) / 2 + Math.sin(angle) * ARM_PX / 2);
      const arm = (sign: number) =>
        L.point(tip.x - Math.cos(angle + sign * HALF_ANGLE) * ARM_PX, tip.y - Math.sin(angle + sign * HALF_ANGLE) * ARM_PX);
      chevrons.push([arm(1), tip, arm(-1)].map(p => map.layerPointToLatLng(p)));
      count++;
    }
    if (chevrons.length) group.addLayer(L.polyline(chevrons, { renderer, color, weight: 2.5, opacity: 0.95, interactive: false }));
  });
  return group;
}

/**
 * Keep a chevron layer on `map` in step with the zoom; returns a function that removes it.
 * @example const stop = attachArrows(map, bundle.tracks, renderer); ...; stop()
 */
export function attachArrows(map: L.Map, tracks: MapTrack[], renderer: L.Renderer): () => void {
  let current: L.LayerGroup | null = null;
  const redraw = () => {
    current?.remove();
    current = arrowLayer(map, tracks, renderer).addTo(map);
  };
  map.on('zoomend viewreset', redraw);
  redraw();
  return () => {
    map.off('zoomend viewreset', redraw);
    current?.remove();
    current = null;
  };
}
