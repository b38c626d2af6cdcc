/**
 * A heat layer of reads, computed and drawn in the widget on one canvas (no plugin):
 * each site adds a blurred disc weighted by its reads; the summed intensity is coloured
 * through a ramp. Redrawn after every pan or zoom.
 */
import * as L from 'leaflet';
import type { MapSite } from '@anpr/kernel-lib/contract';

/** Disc radius in pixels. */
const RADIUS = 22;
/** Intensity ramp: transparent → blue → green → yellow → red. */
const STOPS: [number, string][] = [[0.15, 'rgba(0,0,255,0)'], [0.35, '#2563eb'], [0.55, '#16a34a'], [0.75, '#facc15'], [1, '#dc2626']];

let rampCache: Uint8ClampedArray | null = null;

/** 256 RGBA colours of the intensity ramp. */
function ramp(): Uint8ClampedArray {
  if (rampCache) return rampCache;
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 1;
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 256, 0);
  for (const [at, color] of STOPS) g.addColorStop(at, color);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 256, 1);
  rampCache = ctx.getImageData(0, 0, 256, 1).data;
  return rampCache;
}

/**
 * Relative weights of sites for the heat layer (reads / max reads, square-root scaled so that
 * quiet sites still show).
 * @example heatWeights([{ id: 'a', name: 'A', lat: 0, lon: 0, reads: 4 }, { id: 'b', name: 'B', lat: 0, lon: 0, reads: 1 }]) // [1, 0.5]
 */
export function heatWeights(sites: MapSite[]): number[] {
  const max = sites.reduce((m, s) => Math.max(m, s.reads ?? 0), 0);
  return sites.map(s => (max > 0 ? Math.sqrt((s.reads ?? 0) / max) : 0));
}

/** The heat layer (a Leaflet layer with its own canvas in its own pane). */
export class HeatLayer extends L.Layer {
  constructor(private readonly sites: MapSite[]) {
    super();
    this._weights = heatWeights(sites);
  }

  onAdd(map: L.Map): this {
    this._map2 = map;
    if (!map.getPane('anpr-heat')) {
      const pane = map.createPane('anpr-heat');
      pane.style.zIndex = '380';
      pane.style.pointerEvents = 'none';
    }
    this._canvas = L.DomUtil.create('canvas', 'anpr-Heat') as HTMLCanvasElement;
    map.getPane('anpr-heat')!.append(this._canvas);
    map.on('moveend zoomend resize viewreset', this._redraw, this);
    map.on('zoomstart', this._hide, this);
    this._redraw();
    return this;
  }

  onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this._redraw, this);
    map.off('zoomstart', this._hide, this);
    this._canvas?.remove();
    this._canvas = null;
    this._map2 = null;
    return this;
  }

  private _hide(): void {
    if (this._canvas) this._canvas.style.visibility = 'hidden';
  }

  private _redraw(): void {
    const map = this._map2;
    const canvas = this._canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    canvas.width = size.x;
    canvas.height = size.y;
    canvas.style.visibility = '';
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    if (!size.x || !size.y) return;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.clearRect(0, 0, size.x, size.y);
    const bounds = map.getBounds().pad(0.2);
    this.sites.forEach((s, i) => {
      const w = this._weights[i];
      if (!w || !bounds.contains([s.lat, s.lon])) return;
      const p = map.latLngToContainerPoint([s.lat, s.lon]);
      const g = ctx.createRadialGradient(p.x, p.y, 0, p.x, p.y, RADIUS);
      g.addColorStop(0, `rgba(0,0,0,${Math.min(1, 0.15 + 0.6 * w)})`);
      g.addColorStop(1, 'rgba(0,0,0,0)');
      ctx.fillStyle = g;
      ctx.fillRect(p.x - RADIUS, p.y - RADIUS, 2 * RADIUS, 2 * RADIUS);
    });
    const img = ctx.getImageData(0, 0, size.x, size.y);
    const px = img.data;
    const colors = ramp();
    for (let i = 3; i < px.length; i += 4) {
      const a = px[i];
      if (!a) continue;
      const k = a * 4;
      px[i - 3] = colors[k];
      px[i - 2] = colors[k + 1];
      px[i - 1] = colors[k + 2];
      px[i] = Math.min(255, colors[k + 3] * 0.8);
    }
    ctx.putImageData(img, 0, 0);
  }

  private readonly _weights: number[];
  private _map2: L.Map | null = null;
  private _canvas: HTMLCanvasElement | null = null;
}
