/**
 * The map legend: vehicles (colour swatches), area kinds and the site marker.
 */
import * as L from 'leaflet';
import type { MapBundle } from '@anpr/kernel-lib/contract';
import { AREA_COLORS, SITE_COLOR, trackColor } from '../shared/colors';
import { MSG } from '../shared/messages';

/** Vehicles listed in the legend before "… and N more". */
const MAX_LEGEND_TRACKS = 8;

function row(swatch: HTMLElement, text: string): HTMLElement {
  const r = document.createElement('div');
  r.className = 'anpr-Legend-row';
  const label = document.createElement('span');
  label.textContent = text;
  r.append(swatch, label);
  return r;
}

function swatch(kind: 'line' | 'area' | 'dot', stroke: string, fill?: string): HTMLElement {
  const s = document.createElement('span');
  s.className = `anpr-Legend-swatch anpr-Legend-${kind}`;
  s.style.borderColor = stroke;
  s.style.background = kind === 'line' ? stroke : fill ?? 'transparent';
  return s;
}

function heading(text: string): HTMLElement {
  const h = document.createElement('div');
  h.className = 'anpr-Legend-heading';
  h.textContent = text;
  return h;
}

/**
 * The legend's DOM for `bundle` (only the sections the bundle has data for).
 * @example legendNode(bundle)
 */
export function legendNode(bundle: MapBundle): HTMLElement {
  const box = document.createElement('div');
  box.className = 'anpr-Legend';
  if (bundle.title) {
    const t = document.createElement('div');
    t.className = 'anpr-Legend-title';
    t.textContent = bundle.title;
    box.append(t);
  }
  if (bundle.tracks.length) {
    box.append(heading(MSG.legendTracks));
    bundle.tracks.slice(0, MAX_LEGEND_TRACKS).forEach((track, i) => {
      const score = typeof track.score === 'number' ? ` (${track.score.toFixed(2)})` : '';
      box.append(row(swatch('line', trackColor(track, i)), track.label + score));
    });
    if (bundle.tracks.length > MAX_LEGEND_TRACKS) {
      const more = document.createElement('div');
      more.className = 'anpr-Legend-more';
      more.textContent = MSG.moreTracks(bundle.tracks.length - MAX_LEGEND_TRACKS);
      box.append(more);
    }
  }
  const kinds = [...new Set(bundle.areas.map(a => a.kind))];
  if (kinds.length) {
    box.append(heading(MSG.legendAreas));
    for (const kind of kinds) {
      const c = AREA_COLORS[kind] ?? AREA_COLORS.area;
      box.append(row(swatch('area', c.stroke, c.fill + '44'), MSG.areaKind[kind] ?? kind));
    }
  }
  if (bundle.sites.length) {
    box.append(row(swatch('dot', SITE_COLOR.stroke, SITE_COLOR.fill), MSG.legendSites));
  }
  // Let the page scroll/click through to the legend's text without panning the map.
  L.DomEvent.disableClickPropagation(box);
  L.DomEvent.disableScrollPropagation(box);
  return box;
}

/**
 * A Leaflet control holding the legend.
 * @example legendControl(bundle).addTo(map)
 */
export function legendControl(bundle: MapBundle): L.Control {
  const control = new L.Control({ position: 'bottomright' });
  control.onAdd = () => legendNode(bundle);
  return control;
}
