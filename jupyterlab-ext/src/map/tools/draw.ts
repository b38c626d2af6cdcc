/**
 * Drawing tools on a Leaflet map, small and dependency-free (the maintained plugins either
 * pull in their own icons/fonts or lag Leaflet 1.9): polygon (click vertices, click the first
 * vertex, double-click or press Enter to close), rectangle and circle (press, drag, release).
 * Escape cancels. Finished shapes are kept as {@link DrawnShape} data and drawn dashed.
 */
import * as L from 'leaflet';
import { circleShape, distanceM, polygonShape, rectangleShape, type DrawnShape } from './shapes';
import { textNode } from '../text';
import { MSG } from '../../shared/messages';

export type DrawMode = 'polygon' | 'rectangle' | 'circle';

/** A click this close (px) to the first vertex closes the polygon. */
const CLOSE_PX = 10;
/** Rectangles/circles smaller than this on screen (px) are taken as a stray click. */
const MIN_DRAG_PX = 4;
const DRAWN_STYLE = { color: '#7c3aed', weight: 2, dashArray: '6 4', fillColor: '#8b5cf6', fillOpacity: 0.12 };
const PREVIEW_STYLE = { color: '#7c3aed', weight: 2, dashArray: '4 4', fill: false, interactive: false };

/** Draws shapes on `map`; `onChange` is called with every shape after each change. */
export class DrawTools {
  constructor(
    private readonly map: L.Map,
    private readonly renderer: L.Renderer,
    private readonly onChange: (shapes: DrawnShape[], mode: DrawMode | null) => void
  ) {
    this._drawn.addTo(map);
    this._preview.addTo(map);
  }

  /** The shapes drawn so far, oldest first. */
  get shapes(): DrawnShape[] {
    return [...this._shapes];
  }

  /** The mode being drawn, or null. */
  get mode(): DrawMode | null {
    return this._mode;
  }

  /** Start drawing a shape of `mode` (cancels any shape being drawn). */
  start(mode: DrawMode): void {
    this.cancel();
    this._mode = mode;
    const map = this.map;
    map.getContainer().classList.add('anpr-drawing');
    map.doubleClickZoom.disable();
    if (mode === 'polygon') {
      map.on('click', this._onClick).on('mousemove', this._onMove).on('dblclick', this._onDblClick);
    } else {
      map.dragging.disable();
      map.on('mousedown', this._onDown).on('mousemove', this._onMove).on('mouseup', this._onUp);
    }
    map.getContainer().addEventListener('keydown', this._onKey);
    // A click on a site while drawing places a vertex; it must not open the site's popup.
    map.closePopup();
    map.on('popupopen', this._noPopup);
    this.onChange(this.shapes, mode);
  }

  /** Close the polygon being drawn (when it has 3 vertices or more). */
  finish(): void {
    if (this._mode === 'polygon' && this._vertices.length >= 3) {
      this._add(polygonShape(this._nextName(), this._vertices.map(v => [v.lat, v.lng] as [number, number])));
    }
    this.cancel();
  }

  /** Stop drawing; the shape being drawn is dropped. */
  cancel(): void {
    const map = this.map;
    map.off('click', this._onClick).off('mousemove', this._onMove).off('dblclick', this._onDblClick);
    map.off('mousedown', this._onDown).off('mouseup', this._onUp).off('popupopen', this._noPopup);
    map.getContainer().removeEventListener('keydown', this._onKey);
    map.getContainer().classList.remove('anpr-drawing');
    if (this._mode) {
      map.dragging.enable();
      map.doubleClickZoom.enable();
    }
    this._preview.clearLayers();
    this._vertices = [];
    this._dragStart = null;
    const was = this._mode;
    this._mode = null;
    if (was) this.onChange(this.shapes, null);
  }

  /** Remove every drawn shape. */
  clear(): void {
    this.cancel();
    this._shapes = [];
    this._drawn.clearLayers();
    this.onChange(this.shapes, null);
  }

  dispose(): void {
    this.cancel();
    this._drawn.remove();
    this._preview.remove();
  }

  private _nextName(): string {
    this._count++;
    return `area${this._count}`;
  }

  private _add(shape: DrawnShape): void {
    this._shapes.push(shape);
    const poly = L.polygon(shape.ring.map(([lon, lat]) => [lat, lon] as L.LatLngTuple), { renderer: this.renderer, ...DRAWN_STYLE });
    poly.bindTooltip(textNode(MSG.drawnTooltip(shape.name, shape.kind)), { sticky: true });
    this._drawn.addLayer(poly);
  }

  private _redrawPreview(cursor?: L.LatLng): void {
    this._preview.clearLayers();
    const style = { renderer: this.renderer, ...PREVIEW_STYLE };
    if (this._mode === 'polygon' && this._vertices.length) {
      const pts = cursor ? [...this._vertices, cursor] : this._vertices;
      this._preview.addLayer(L.polyline(pts, style));
      for (const v of this._vertices) this._preview.addLayer(L.circleMarker(v, { ...style, radius: 3, fill: true, fillColor: '#fff', fillOpacity: 1 }));
    } else if (this._dragStart && cursor) {
      if (this._mode === 'rectangle') this._preview.addLayer(L.rectangle(L.latLngBounds(this._dragStart, cursor), style));
      else this._preview.addLayer(L.circle(this._dragStart, { ...style, radius: this._dragStart.distanceTo(cursor) }));
    }
  }

  private _onClick = (e: L.LeafletMouseEvent): void => {
    const first = this._vertices[0];
    if (first && this._vertices.length >= 3 && this.map.latLngToContainerPoint(first).distanceTo(e.containerPoint) <= CLOSE_PX) {
      this.finish();
      return;
    }
    const last = this._vertices[this._vertices.length - 1];
    // The two clicks of a double-click land on the same spot: keep one vertex.
    if (last && this.map.latLngToContainerPoint(last).distanceTo(e.containerPoint) < 3) return;
    this._vertices.push(e.latlng);
    this._redrawPreview();
  };

  private _onDblClick = (e: L.LeafletMouseEvent): void => {
    L.DomEvent.stop(e.originalEvent);
    this.finish();
  };

  private _onMove = (e: L.LeafletMouseEvent): void => {
    if (this._mode === 'polygon' ? this._vertices.length > 0 : this._dragStart) this._redrawPreview(e.latlng);
  };

  private _onDown = (e: L.LeafletMouseEvent): void => {
    if (e.originalEvent.button !== 0) return;
    this._dragStart = e.latlng;
    this._dragStartPx = e.containerPoint;
  };

  private _onUp = (e: L.LeafletMouseEvent): void => {
    const start = this._dragStart;
    if (!start || !this._dragStartPx) return;
    this._dragStart = null;
    if (this._dragStartPx.distanceTo(e.containerPoint) < MIN_DRAG_PX) {
      this._preview.clearLayers();
      return;
    }
    const a: [number, number] = [start.lat, start.lng];
    const b: [number, number] = [e.latlng.lat, e.latlng.lng];
    this._add(this._mode === 'rectangle' ? rectangleShape(this._nextName(), a, b) : circleShape(this._nextName(), a, distanceM(a, b)));
    this.cancel();
  };

  private _noPopup = (e: L.PopupEvent): void => {
    this.map.closePopup(e.popup);
  };

  private _onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this.cancel();
    else if (e.key === 'Enter') this.finish();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  private _mode: DrawMode | null = null;
  private _shapes: DrawnShape[] = [];
  private _count = 0;
  private _vertices: L.LatLng[] = [];
  private _dragStart: L.LatLng | null = null;
  private _dragStartPx: L.Point | null = null;
  private readonly _drawn = L.featureGroup();
  private readonly _preview = L.layerGroup();
}
