/**
 * @anpr/jupyterlab-ext: JupyterLab 4 MIME renderers for the ANPR widget contract.
 *
 *   kernel (tslab + kernel-lib) → display bundle { MAP_MIME | PROFILE_MIME, text/html }
 *     → rendermime picks these factories (rank 0, ahead of text/html)
 *     → MapWidget (Leaflet, offline UK base layer) | ProfileWidget (header, vega-lite heatmap, tables)
 *
 * The contract (MIME types, bundle types) comes from `@anpr/kernel-lib/contract` only.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { MAP_MIME, PROFILE_MIME } from '@anpr/kernel-lib/contract';
import { MapWidget } from './map/widget';
import { ProfileWidget } from './profile/widget';

/** Renderer factory for `application/vnd.anpr.map.v1+json`. */
export const mapRendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [MAP_MIME],
  defaultRank: 0,
  createRenderer: options => new MapWidget(options)
};

/** Renderer factory for `application/vnd.anpr.profile.v1+json`. */
export const profileRendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [PROFILE_MIME],
  defaultRank: 0,
  createRenderer: options => new ProfileWidget(options)
};

const extensions: IRenderMime.IExtension[] = [
  {
    id: '@anpr/jupyterlab-ext:map',
    description: 'Renders ANPR map bundles (sites, tracks, areas) with Leaflet, offline.',
    rendererFactory: mapRendererFactory,
    rank: 0,
    dataType: 'json'
  },
  {
    id: '@anpr/jupyterlab-ext:profile',
    description: 'Renders ANPR vehicle profile bundles (header, heatmap, places, trips).',
    rendererFactory: profileRendererFactory,
    rank: 0,
    dataType: 'json'
  }
];

export default extensions;
export { MapWidget } from './map/widget';
export { ProfileWidget } from './profile/widget';
export { MAP_MIME, PROFILE_MIME };
