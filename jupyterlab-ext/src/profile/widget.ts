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
 */
import { Widget } from '@lumino/widgets';
import type { Message } from '@lumino/messaging';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { Result } from 'vega-embed';
import { PROFILE_MIME, type ProfileBundle } from '@anpr/kernel-lib/contract';
import { checkProfileBundle } from './validate';
import { errorView } from './error-view';
import { headerNode } from './profile-header';
import { associatesTable, placesTable, staysTable, tripsTable } from './profile-tables';
import { profileTrips, siteNamer, type ProfileTripView } from './profile-trips';
import { TripSelection } from './trip-selection';
import { TimelineChart } from './profile-timeline';
import { TripMap } from './profile-map';
import { heatmapSpec } from './heatmap-spec';
import { dwellSpec } from './dwell-spec';
import { placesSpec } from './places-spec';
import { drawVegaLite } from './vega-chart';
import { isDarkTheme } from './vega-loader';
import { formatShortDateTime } from './format';
import { MSG } from './messages';

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
export class ProfileWidget extends Widget implements IRenderMime.IRenderer {
  constructor(_options?: IRenderMime.IRendererOptions) {
    super();
    this.addClass('anpr-ProfileWidget');
    this.node.dataset.anprWidget = 'profile';
  }

  /** Render (or re-render) the bundle under the profile MIME type of `model`. */
  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const token = ++this._renders;
    this._teardown();
    this._model = model;
    this.node.textContent = '';
    let bundle: ProfileBundle;
    try {
      bundle = checkProfileBundle(model.data[PROFILE_MIME]);
    } catch (error) {
      this.node.append(errorView('profile', error));
      return;
    }
    const live = () => token === this._renders && !this.isDisposed;
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
    try {
      tables.append(
        tripsTable(trips, name, selection),
        staysTable(bundle.stays ?? [], name),
        placesTable(bundle),
        associatesTable(bundle.associates ?? [])
      );
      this.node.append(headerNode(bundle), timelineSection, row(mapSection, heatSection), row(dwellSection, placesSection), tables);
    } catch (error) {
      this.node.textContent = '';
      this.node.append(errorView('profile', error));
      return;
    }
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
    this._renders++;
    this._teardown();
    this._model = null;
    super.dispose();
  }

  /** The heatmap's vega-embed result (for tests and the harness); null until drawn. */
  get vegaResult(): Result | null {
    return this._vega.get('heatmap') ?? null;
  }

  /** The trip selection shared by the timeline, the map and the trips table (null before a render). */
  get selection(): TripSelection | null {
    return this._selection;
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this._resize();
  }

  protected onResize(msg: Widget.ResizeMessage): void {
    super.onResize(msg);
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

  private _teardown(): void {
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
  private _renders = 0;
}
