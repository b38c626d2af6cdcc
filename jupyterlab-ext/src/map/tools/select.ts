/**
 * Selecting camera sites on the map: while the "Sites" tool is on, a click on a site adds it
 * to the selection or removes it; selected sites get a ring. The selection becomes a list of
 * site ids in the inserted code, which kernel-lib's queries take as a place.
 */
import * as L from 'leaflet';
import type { MapSite } from '@anpr/kernel-lib/contract';

const RING = { color: '#7c3aed', weight: 3, fill: false, interactive: false, radius: 9 };

/** The selected sites of one map. */
export class SiteSelection {
  constructor(
    map: L.Map,
    private readonly renderer: L.Renderer,
    private readonly onChange: () => void
  ) {
    this._rings.addTo(map);
  }

  /** True while clicks on sites select them. */
  active = false;

  /** Selected site ids, in the order they were selected. */
  get ids(): string[] {
    return [...this._selected.keys()];
  }

  /** Add `site` to the selection, or remove it when already selected. */
  toggle(site: MapSite): void {
    const ring = this._selected.get(site.id);
    if (ring) {
      this._rings.removeLayer(ring);
      this._selected.delete(site.id);
    } else {
      const marker = L.circleMarker([site.lat, site.lon], { renderer: this.renderer, ...RING });
      this._rings.addLayer(marker);
      this._selected.set(site.id, marker);
    }
    this.onChange();
  }

  /** Empty the selection. */
  clear(): void {
    this._rings.clearLayers();
    this._selected.clear();
    this.onChange();
  }

  dispose(): void {
    this._rings.remove();
  }

  private readonly _rings = L.layerGroup();
  private readonly _selected = new Map<string, L.CircleMarker>();
}
