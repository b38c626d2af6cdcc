/**
 * The map renderer: a Leaflet map (canvas renderer, no tiles) of an ANPR map bundle.
 *
 *   bundle → checkMapBundle → toolbar (map-tools) + base layer (async) + heat + areas + sites
 *     + tracks (cut by the time filter) + arrows + legend → `data-anpr-painted`
 *
 * The render / teardown / error skeleton is BundleRenderer's (shared/renderer.ts).
 * Lifecycle, as Lab expects of an output: invalidateSize on attach and resize, mouse-wheel
 * zoom only while the map has focus (click it), map.remove() on re-render and dispose.
 * Data attributes on the node say what is drawn (for tests and the render benchmark):
 * `data-anpr-segments` (track segments in the time window), `data-anpr-render-start` and
 * `data-anpr-painted` (performance.now() at renderModel and after the first full paint).
 */
import * as L from 'leaflet';
import type { Message } from '@lumino/messaging';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { MAP_MIME, type MapBundle, type MapTrack } from '@anpr/kernel-lib/contract';
import { checkMapBundle } from '../shared/validate';
import { BundleRenderer } from '../shared/renderer';
import { addUkBaseLayer } from '../shared/basemap/uk-basemap';
import { areasLayer, sitesLayer, tracksLayer } from './layers';
import { attachArrows } from './track-arrows';
import { legendControl } from './legend';
import { MapTools } from './tools/tools';
import { readsSpan, segmentCount, timeFilterNode, tracksInWindow } from './time-filter';
import { sitePopup, sitesByPosition, trackPopup } from './popups';
import { MSG } from '../shared/messages';

/** View when the bundle has nothing to fit: Great Britain. */
const DEFAULT_CENTER: L.LatLngTuple = [54.2, -3.2];
const DEFAULT_ZOOM = 5;

/**
 * The bounds of everything in the bundle, or null when it is empty.
 * @example dataBounds({ version: 1, sites: [{ id: 'a', name: 'A', lat: 53.4, lon: -3 }], tracks: [], areas: [] })
 */
export function dataBounds(bundle: MapBundle): L.LatLngBounds | null {
  const bounds = L.latLngBounds([]);
  for (const s of bundle.sites) bounds.extend([s.lat, s.lon]);
  for (const t of bundle.tracks) for (const p of t.points) bounds.extend([p[0], p[1]]);
  for (const a of bundle.areas) {
    const b = L.geoJSON({ type: 'Feature', properties: {}, geometry: a.geometry } as GeoJSON.Feature).getBounds();
    if (b.isValid()) bounds.extend(b);
  }
  return bounds.isValid() ? bounds : null;
}

/** A rendered ANPR map bundle. */
export class MapWidget extends BundleRenderer<MapBundle> {
  constructor(_options?: IRenderMime.IRendererOptions) {
    super('map', MAP_MIME, 'anpr-MapWidget');
  }

  protected renderStarted(): void {
    this.node.dataset.anprRenderStart = String(performance.now());
    delete this.node.dataset.anprPainted;
  }

  protected check(data: unknown): MapBundle {
    return checkMapBundle(data);
  }

  /** The map and its layers (synchronous), then the base layer (loaded lazily), then the paint stamp. */
  protected async draw(bundle: MapBundle): Promise<void> {
    this._build(bundle);
    const map = this._map!;
    try {
      await addUkBaseLayer(map);
    } catch (error) {
      if (this._map === map) this._showNotice(MSG.baseLayerFailed);
      console.warn('anpr map: base layer', error);
    }
    if (this._map === map) this._markPainted();
  }

  /** The toolbar and drawing tools (for tests); null before render or after dispose. */
  get tools(): MapTools | null {
    return this._tools;
  }

  /** Draw the tracks cut to [from, to] (epoch ms); the time filter calls this. */
  setTimeWindow(from: number, to: number): void {
    const map = this._map;
    const bundle = this._bundle;
    if (!map || !bundle || !this._renderer) return;
    this._tracks?.remove();
    this._stopArrows?.();
    const visible = tracksInWindow(bundle.tracks, from, to);
    this._visible = visible;
    const sites = sitesByPosition(bundle.sites);
    this._tracks = tracksLayer(visible, this._renderer, (t, at) => this._popup(at, () => trackPopup(t, sites))).addTo(map);
    const renderer = this._renderer;
    let stopped = false;
    let stop: (() => void) | null = null;
    // Arrows are placed in screen pixels: only once the map has its first view.
    map.whenReady(() => {
      if (!stopped) stop = attachArrows(map, visible, renderer);
    });
    this._stopArrows = () => {
      stopped = true;
      stop?.();
    };
    this.node.dataset.anprSegments = String(segmentCount(visible));
  }

  /** Open a popup at `at` (not while drawing: then the click places a vertex). */
  private _popup(at: L.LatLng, content: () => HTMLElement): void {
    if (!this._map || this._tools?.draw.mode) return;
    L.popup({ maxWidth: 360 }).setLatLng(at).setContent(content()).openOn(this._map);
  }

  /** After Leaflet's canvas has drawn (it draws on the next animation frame): stamp the time. */
  private _markPainted(): void {
    const map = this._map;
    map?.whenReady(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (this._map === map) this.node.dataset.anprPainted = String(performance.now());
        })
      )
    );
  }

  /** The Leaflet map (for tests and the harness); null before render or after dispose. */
  get map(): L.Map | null {
    return this._map;
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._refresh();
  }

  protected relayout(): void {
    this._refresh();
  }

  private _build(bundle: MapBundle): void {
    this._bundle = bundle;
    const container = document.createElement('div');
    container.className = 'anpr-Map';
    container.setAttribute('aria-label', bundle.title ?? MSG.mapTitle);
    // Arrow keys pan the focused map instead of moving the notebook's cell selection.
    container.setAttribute('data-lm-suppress-shortcuts', '');
    this.node.append(container);

    const renderer = L.canvas({ padding: 0.5, tolerance: 4 }); // tolerance: lines are clickable within 4 px
    const map = L.map(container, {
      preferCanvas: true,
      renderer,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      attributionControl: true,
      worldCopyJump: false
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Natural Earth, GeoNames');
    this._map = map;

    // Wheel zoom only while focused (a click focuses the container).
    map.on('focus', () => map.scrollWheelZoom.enable());
    map.on('blur', () => map.scrollWheelZoom.disable());
    const markInteracted = () => (this._interacted = true);
    container.addEventListener('pointerdown', markInteracted);
    container.addEventListener('keydown', markInteracted);

    const hint = new L.Control({ position: 'topright' });
    hint.onAdd = () => {
      const el = document.createElement('div');
      el.className = 'anpr-ScrollHint';
      el.textContent = MSG.scrollHint;
      return el;
    };
    hint.addTo(map);

    // Bottom to top: areas, sites, tracks (the tracks are what the analyst is reading).
    this._renderer = renderer;
    areasLayer(bundle.areas, renderer).addTo(map);
    sitesLayer(bundle.sites, renderer, (site, at) => {
      if (this._tools?.selection.active) this._tools.selection.toggle(site);
      else this._popup(at, () => sitePopup(site, this._visible));
    }).addTo(map);
    this._legend = legendControl(bundle).addTo(map);
    L.control.scale({ imperial: true, metric: true, position: 'bottomleft' }).addTo(map);

    // The first view is set when the map first has a size (_refresh): renderModel runs before
    // the output is attached, and every view change before then would redraw every layer.
    this._bounds = dataBounds(bundle);
    const span = readsSpan(bundle);
    this.setTimeWindow(span?.[0] ?? -Infinity, span?.[1] ?? Infinity);
    this._tools = new MapTools(this, map, renderer, bundle);
    this.node.insertBefore(this._tools.bar.node, container);
    if (span && bundle.tracks.length) this.node.append(timeFilterNode(span, (from, to) => this.setTimeWindow(from, to)));
    if (!this._bounds) this._showNotice(MSG.noData);

    this._observer = new ResizeObserver(() => this._refresh());
    this._observer.observe(container);
  }

  private _fit(): void {
    const map = this._map;
    if (!map) return;
    if (this._bounds) {
      // Keep the data clear of the legend (bottom right) when the map is wide enough.
      const legendWidth = this._legend?.getContainer()?.offsetWidth ?? 0;
      const roomy = map.getSize().x > 3 * legendWidth;
      const right = roomy && legendWidth ? legendWidth + 24 : 24;
      map.fitBounds(this._bounds, { paddingTopLeft: [24, 24], paddingBottomRight: [right, 24], maxZoom: 14, animate: false });
    } else {
      map.setView(DEFAULT_CENTER, DEFAULT_ZOOM, { animate: false });
    }
  }

  /** After a size change: set the first view, or recompute the size and refit until the user has moved the map. */
  private _refresh(): void {
    const map = this._map;
    if (!map) return;
    const el = map.getContainer();
    const size = `${el.clientWidth}x${el.clientHeight}`;
    if (el.clientWidth === 0 || el.clientHeight === 0 || size === this._size) return;
    const first = this._size === null;
    this._size = size;
    if (!first) map.invalidateSize({ animate: false });
    if (first || !this._interacted) this._fit();
  }

  private _showNotice(text: string): void {
    const note = document.createElement('div');
    note.className = 'anpr-Notice';
    note.textContent = text;
    this.node.append(note);
  }

  protected teardown(): void {
    this._observer?.disconnect();
    this._observer = null;
    this._tools?.dispose();
    this._tools = null;
    this._stopArrows?.();
    this._stopArrows = null;
    this._tracks = null;
    this._visible = [];
    this._bundle = null;
    this._renderer = null;
    this._size = null;
    this._map?.remove();
    this._map = null;
    this._legend = null;
    this._bounds = null;
    this._interacted = false;
  }

  private _map: L.Map | null = null;
  private _bounds: L.LatLngBounds | null = null;
  private _legend: L.Control | null = null;
  private _interacted = false;
  private _observer: ResizeObserver | null = null;
  private _stopArrows: (() => void) | null = null;
  private _tools: MapTools | null = null;
  private _bundle: MapBundle | null = null;
  private _renderer: L.Renderer | null = null;
  private _tracks: L.FeatureGroup | null = null;
  private _visible: MapTrack[] = [];
  /** Container size at the last view fit ("WxH"), null before the first view. */
  private _size: string | null = null;
}
