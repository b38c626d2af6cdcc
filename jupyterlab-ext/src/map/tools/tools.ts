/**
 * The map's tools wired together: the toolbar's buttons drive the drawing tools, the heat
 * layer, and the three ways out of the map — "Insert as code" (a new cell below the output),
 * "Copy GeoJSON" and "Download PNG"; and the site selection. State the tests read is mirrored
 * in data attributes on the widget's node: `data-anpr-drawn` (shapes), `data-anpr-drawn-sites`
 * (sites inside each shape, comma-separated) and `data-anpr-selected` (selected site ids).
 */
import * as L from 'leaflet';
import type { Widget } from '@lumino/widgets';
import type { MapBundle } from '@anpr/kernel-lib/contract';
import { DrawTools, type DrawMode } from './draw';
import { SiteSelection } from './select';
import { areaCode, sitesInShape, shapesGeoJson, type DrawnShape } from './shapes';
import { toolbar, type ToolName, type Toolbar } from './toolbar';
import { HeatLayer } from '../heat';
import { requestInsertBelow } from './insert';
import { downloadPng, mapCanvas } from './png';
import { copyText } from './clipboard';
import { MSG } from '../../shared/messages';

/** The toolbar and what it drives, for one map. */
export class MapTools {
  constructor(
    private readonly widget: Widget,
    private readonly map: L.Map,
    renderer: L.Renderer,
    private readonly bundle: MapBundle
  ) {
    this.bar = toolbar(tool => this.press(tool));
    this.draw = new DrawTools(map, renderer, (shapes, mode) => this._changed(shapes, mode));
    this.selection = new SiteSelection(map, renderer, () => this._changed(this.draw.shapes, this.draw.mode));
    this.heat = new HeatLayer(bundle.sites);
    if (bundle.heat) this.press('heat');
    this._changed([], null);
  }

  /** The toolbar's DOM (the widget places it above the map). */
  readonly bar: Toolbar;
  readonly draw: DrawTools;
  readonly selection: SiteSelection;
  readonly heat: HeatLayer;

  /** Act as if the toolbar button `tool` was pressed. */
  press(tool: ToolName): void {
    switch (tool) {
      case 'sites':
        this.draw.cancel();
        this.map.closePopup();
        this.selection.active = !this.selection.active;
        this._changed(this.draw.shapes, null);
        return;
      case 'polygon':
      case 'rectangle':
      case 'circle':
        this.selection.active = false;
        if (this.draw.mode === tool) this.draw.cancel();
        else {
          this.draw.start(tool);
          this.map.getContainer().focus();
        }
        return;
      case 'finish':
        this.draw.finish();
        return;
      case 'clear':
        this.selection.clear();
        this.draw.clear();
        return;
      case 'insert':
        this._insert();
        return;
      case 'copy':
        void this._copy();
        return;
      case 'png':
        downloadPng(mapCanvas(this.map.getContainer(), this.bundle.title ?? MSG.mapTitle), MSG.pngFileName);
        return;
      case 'heat': {
        const on = !this.map.hasLayer(this.heat);
        if (on) this.heat.addTo(this.map);
        else this.heat.remove();
        this.bar.setPressed('heat', on);
        return;
      }
    }
  }

  dispose(): void {
    this.draw.dispose();
    this.selection.dispose();
    this.heat.remove();
  }

  private _insert(): void {
    const shapes = this.draw.shapes;
    const selected = this.selection.ids;
    if (!shapes.length && !selected.length) return this.bar.setStatus(MSG.nothingDrawn);
    const ok = requestInsertBelow(this.widget, areaCode(shapes, this.bundle.sites, this.bundle.title, selected));
    this.bar.setStatus(ok ? MSG.inserted : MSG.insertFailed);
  }

  private async _copy(): Promise<void> {
    const shapes = this.draw.shapes;
    if (!shapes.length) return this.bar.setStatus(MSG.nothingDrawn);
    const ok = await copyText(JSON.stringify(shapesGeoJson(shapes)));
    this.bar.setStatus(ok ? MSG.copied : MSG.copyFailed);
  }

  private _changed(shapes: DrawnShape[], mode: DrawMode | null): void {
    for (const m of ['polygon', 'rectangle', 'circle'] as const) this.bar.setPressed(m, mode === m);
    this.bar.setPressed('sites', this.selection.active);
    const selected = this.selection.ids;
    const inside = shapes.map(s => sitesInShape(s, this.bundle.sites));
    const node = this.widget.node;
    node.dataset.anprDrawn = String(shapes.length);
    node.dataset.anprDrawnSites = inside.map(ids => ids.length).join(',');
    node.dataset.anprSelected = selected.join(',');
    const unique = new Set(inside.flat()).size;
    const hint = mode ?? (this.selection.active ? 'sites' : null);
    this.bar.setStatus(hint ? MSG.drawHint[hint] : MSG.drawnStatus(shapes.length, unique, selected.length));
  }
}
