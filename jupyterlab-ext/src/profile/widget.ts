/**
 * The profile renderer: one vehicle's header; its timeline of reads, trips and stays
 * (plotly.js partial bundle, lazily loaded: zoom, pan, range slider); a small linked map of
 * its trips (Leaflet on the offline UK base layer); the hour × weekday heatmap, dwell
 * distribution and frequent places (vega-lite via lazily loaded vega-embed); and the trips,
 * stays, places and associates tables.
 *
 *   bundle → checkProfileBundle → profileTrips (one order, one numbering)
 *     → TripSelection ← timeline click | map click | table row  → highlight in all three
 *
 * Follows the Lab theme (redrawn when it changes), resizes with the panel (ResizeObserver),
 * and on re-render and dispose releases everything: Plotly.purge, vega finalize, map.remove().
 * The render / teardown / error skeleton is BundleRenderer's (shared/renderer.ts).
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { Result } from 'vega-embed';
import { PROFILE_MIME, type ProfileBundle } from '@anpr/kernel-lib/contract';
import { checkProfileBundle } from '../shared/validate';
import { errorView } from '../shared/error-view';
import { BundleRenderer } from '../shared/renderer';
import { headerNode } from './header';
import { associatesTable, placesTable, staysTable, tripsTable } from './tables';
import { profileTrips, siteNamer, type ProfileTripView } from './trips';
import { TripSelection } from './trip-selection';
import { TimelineChart } from './timeline';
import { TripMap } from './trip-map';
import { heatmapSpec } from './charts/heatmap-spec';
import { dwellSpec } from './charts/dwell-spec';
import { placesSpec } from './charts/places-spec';
import { drawVegaLite } from './charts/vega-chart';
import { isDarkTheme } from './charts/vega-loader';
import { formatShortDateTime } from '../shared/format';
import { MSG } from '../shared/messages';

/** A titled section holding one chart; returns [section, chart target]. */
function chartSection(title: string, className: string): [HTMLElement, HTMLElement] {
  const section = document.createElement('section');
  section.className = 'anpr-Section';
  const h = document.createElement('h4');
  h.textContent = title;
  const target = document.createElement('div');
  target.className = `anpr-Chart ${className}`;
  target.textContent = MSG.chartLoading;
  section.append(h, target);
  return [section, target];
}

function row(...children: HTMLElement[]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'anpr-Profile-row';
  div.append(...children);
  return div;
}

/** A rendered ANPR vehicle profile bundle. */
export class ProfileWidget extends BundleRenderer<ProfileBundle> {
  constructor(_options?: IRenderMime.IRendererOptions) {
    super('profile', PROFILE_MIME, 'anpr-ProfileWidget');
  }

  protected check(data: unknown): ProfileBundle {
    return checkProfileBundle(data);
  }

  /** Header, sections and tables (synchronous), the small map, then the lazily loaded charts. */
  protected async draw(bundle: ProfileBundle, model: IRenderMime.IMimeModel, live: () => boolean): Promise<void> {
    this._model = model;
    const dark = isDarkTheme();
    this._dark = dark;
    const trips = profileTrips(bundle);
    const name = siteNamer(bundle);
    const selection = new TripSelection();
    this._selection = selection;

    const [timelineSection, timeline] = chartSection(MSG.timelineTitle, 'anpr-Timeline');
    const status = document.createElement('p');
    status.className = 'anpr-Selection';
    status.setAttribute('aria-live', 'polite');
    timelineSection.append(status);
    const [mapSection, mapBox] = chartSection(MSG.tripMapTitle, 'anpr-TripMap');
    const [heatSection, heat] = chartSection(MSG.heatmapTitle, 'anpr-Heatmap');
    const [dwellSection, dwell] = chartSection(MSG.dwellTitle, 'anpr-Dwell');
    const [placesSection, places] = chartSection(MSG.placesChartTitle, 'anpr-Places');
    const tables = document.createElement('div');
    tables.className = 'anpr-Profile-tables';
    tables.append(
      tripsTable(trips, name, selection),
      staysTable(bundle.stays ?? [], name),
      placesTable(bundle),
      associatesTable(bundle.associates ?? [])
    );
    this.node.append(headerNode(bundle), timelineSection, row(mapSection, heatSection), row(dwellSection, placesSection), tables);
    selection.listen(trip => {
      status.textContent = trip === null ? MSG.noSelection : this._describe(trips[trip], name);
      this.node.dataset.selectedTrip = trip === null ? '' : String(trip);
    });
    status.textContent = MSG.noSelection;

    this._drawMap(mapBox, trips, bundle, name, selection);
    this._observe();
    await Promise.all([
      this._drawTimeline(timeline, bundle, trips, name, selection, dark, live),
      this._drawVega(heat, MSG.heatmapTitle, heatmapSpec(bundle.hourWeekday, { dark }), dark, live, 'heatmap'),
      this._drawVega(dwell, MSG.dwellTitle, dwellSpec(bundle.stays ?? []), dark, live, 'dwell'),
      this._drawVega(places, MSG.placesChartTitle, placesSpec(bundle.places), dark, live, 'places')
    ]);
  }

  dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this._model = null;
  }

  /** The heatmap's vega-embed result (for tests and the harness); null until drawn. */
  get vegaResult(): Result | null {
    return this._vega.get('heatmap') ?? null;
  }

  /** The trip selection shared by the timeline, the map and the trips table (null before a render). */
  get selection(): TripSelection | null {
    return this._selection;
  }

  protected relayout(): void {
    this._resize();
  }

  private _describe(trip: ProfileTripView, name: (id: string) => string): string {
    return MSG.selectedTrip(trip.index + 1, name(trip.fromSite), name(trip.toSite), formatShortDateTime(trip.start));
  }

  private _drawMap(box: HTMLElement, trips: ProfileTripView[], bundle: ProfileBundle, name: (id: string) => string, selection: TripSelection): void {
    box.textContent = '';
    if (!bundle.siteCoords || Object.keys(bundle.siteCoords).length === 0) {
      box.classList.add('anpr-Empty');
      box.textContent = MSG.tripMapEmpty;
      return;
    }
    try {
      this._map = new TripMap(box, trips, bundle.siteCoords, name, selection);
    } catch (error) {
      box.append(errorView('profile', new Error(MSG.chartFailedNamed(MSG.tripMapTitle, String(error)))));
    }
  }

  private async _drawTimeline(
    target: HTMLElement,
    bundle: ProfileBundle,
    trips: ProfileTripView[],
    name: (id: string) => string,
    selection: TripSelection,
    dark: boolean,
    live: () => boolean
  ): Promise<void> {
    try {
      const chart = await TimelineChart.draw(target, bundle, trips, name, selection, dark, live);
      if (chart) this._timeline = chart;
    } catch (error) {
      if (live()) this._chartError(target, MSG.timelineTitle, error);
    }
  }

  private async _drawVega(target: HTMLElement, title: string, spec: Record<string, unknown>, dark: boolean, live: () => boolean, key: string): Promise<void> {
    try {
      const result = await drawVegaLite(target, spec, dark, live);
      if (result) this._vega.set(key, result);
    } catch (error) {
      if (live()) this._chartError(target, title, error);
    }
  }

  private _chartError(target: HTMLElement, title: string, error: unknown): void {
    target.textContent = '';
    const reason = error instanceof Error ? error.message : String(error);
    target.append(errorView('profile', new Error(MSG.chartFailedNamed(title.split(' (')[0], reason))));
  }

  /** Resize with the panel; redraw when the Lab theme changes between light and dark. */
  private _observe(): void {
    this._resizeObserver = new ResizeObserver(() => {
      if (this._frame) return;
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        this._resize();
      });
    });
    this._resizeObserver.observe(this.node);
    this._themeObserver = new MutationObserver(() => {
      if (this._model && isDarkTheme() !== this._dark) void this.renderModel(this._model);
    });
    this._themeObserver.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light'] });
  }

  private _resize(): void {
    this._timeline?.resize();
    this._map?.resize();
    for (const result of this._vega.values()) {
      const el = result.view.container();
      if (el && el.clientWidth > 0 && result.view.width() !== el.clientWidth) void result.view.width(el.clientWidth).runAsync();
    }
  }

  protected teardown(): void {
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = 0;
    this._resizeObserver?.disconnect();
    this._resizeObserver = null;
    this._themeObserver?.disconnect();
    this._themeObserver = null;
    this._selection?.clear();
    this._selection = null;
    this._timeline?.dispose();
    this._timeline = null;
    this._map?.dispose();
    this._map = null;
    for (const result of this._vega.values()) result.finalize();
    this._vega.clear();
  }

  private _model: IRenderMime.IMimeModel | null = null;
  private _dark = false;
  private _selection: TripSelection | null = null;
  private _timeline: TimelineChart | null = null;
  private _map: TripMap | null = null;
  private _vega = new Map<string, Result>();
  private _resizeObserver: ResizeObserver | null = null;
  private _themeObserver: MutationObserver | null = null;
  private _frame = 0;
}
