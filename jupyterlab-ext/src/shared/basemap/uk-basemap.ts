/**
 * The offline base layer: the British Isles from Natural Earth (world-atlas 1:50m
 * TopoJSON), drawn as plain polygons on a sea-coloured map, with town names from GeoNames
 * (uk-towns.ts). No tile server is contacted.
 *
 * The 750 kB atlas is loaded lazily, once per page, and shared by every map.
 */
import * as L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { BASE_COLORS } from '../colors';
import { addTownLabels } from './uk-towns';
import { backgroundPane } from './panes';

/** Natural Earth numeric ids (ISO 3166-1): UK, Ireland, Isle of Man, Jersey, Guernsey. */
const BRITISH_ISLES_IDS = new Set(['826', '372', '833', '832', '831']);

let islesPromise: Promise<FeatureCollection<Geometry>> | null = null;

/** The British Isles as GeoJSON features (loaded once, then cached). */
export function loadBritishIsles(): Promise<FeatureCollection<Geometry>> {
  if (!islesPromise) {
    islesPromise = import('world-atlas/countries-50m.json')
      .then(mod => {
        const topology = ((mod as { default?: unknown }).default ?? mod) as unknown as Topology;
        const countries = topology.objects.countries as GeometryCollection;
        const all = feature(topology, countries) as FeatureCollection<Geometry>;
        const features = all.features.filter((f: Feature) => BRITISH_ISLES_IDS.has(String(f.id)));
        return { type: 'FeatureCollection', features } as FeatureCollection<Geometry>;
      })
      .catch(err => {
        islesPromise = null;
        throw err;
      });
  }
  return islesPromise;
}

/** Name of the map pane holding the base layer, below Leaflet's overlay pane. */
export const BASE_PANE = 'anpr-base';

/**
 * Add the base layer to `map` in its own pane and canvas renderer, so that data layers
 * (added earlier or later) always draw on top of it.
 * @example await addUkBaseLayer(map)
 */
export async function addUkBaseLayer(map: L.Map): Promise<L.GeoJSON> {
  backgroundPane(map, BASE_PANE, 350);
  const isles = await loadBritishIsles();
  // GeoJSON passes its options on to each polygon, so `renderer` reaches them.
  const options = {
    pane: BASE_PANE,
    renderer: L.canvas({ pane: BASE_PANE, padding: 0.5 }),
    interactive: false,
    style: () => ({
      color: BASE_COLORS.border,
      weight: 0.8,
      fillColor: BASE_COLORS.land,
      fillOpacity: 1
    })
  } as L.GeoJSONOptions;
  const layer = L.geoJSON(isles, options);
  layer.addTo(map);
  await addTownLabels(map);
  return layer;
}
