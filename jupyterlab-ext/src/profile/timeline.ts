/**
 * The profile timeline drawn with plotly.js (lazy partial bundle): zoom, pan, range slider
 * and range buttons are plotly's own. Clicking a trip selects it; a selection made anywhere
 * (map, table) is drawn over the trip. Released with Plotly.purge.
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import type { PlotlyGraphDiv } from 'plotly.js-basic-dist-min';
import { loadPlotly, type Plotly } from './plotly-loader';
import type { ProfileTripView } from './trips';
import { selectedTripXY, timelineFigure, type TimelineTheme } from './timeline-figure';
import type { TripSelection } from './trip-selection';

/** Index of the selection trace in the figure's data. */
const SELECTED_TRACE = 3;

/**
 * The Lab theme's colours for the figure (CSS variables, with light defaults).
 * @example timelineTheme(isDarkTheme()).font // '#222' in a page without Lab's CSS
 */
export function timelineTheme(dark: boolean): TimelineTheme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { dark, font: v('--jp-ui-font-color1', dark ? '#ddd' : '#222'), grid: v('--jp-border-color2', dark ? '#444' : '#e0e0e0') };
}

/** One profile's plotly timeline. */
export class TimelineChart {
  /**
   * Draw into `target` (resolves when drawn; `isLive()` false → stop without drawing).
   * @example const chart = await TimelineChart.draw(div, bundle, trips, name, selection, false, () => true)
   */
  static async draw(
    target: HTMLElement,
    bundle: ProfileBundle,
    trips: ProfileTripView[],
    siteName: (id: string) => string,
    selection: TripSelection,
    dark: boolean,
    isLive: () => boolean
  ): Promise<TimelineChart | null> {
    const Plotly = await loadPlotly();
    if (!isLive()) return null;
    target.textContent = '';
    const fig = timelineFigure(bundle, trips, siteName, timelineTheme(dark));
    const gd = await Plotly.newPlot(target, fig.data, fig.layout, fig.config);
    const chart = new TimelineChart(Plotly, gd, trips, selection);
    if (!isLive()) {
      chart.dispose();
      return null;
    }
    return chart;
  }

  private constructor(
    private readonly plotly: Plotly,
    private readonly gd: PlotlyGraphDiv,
    private readonly trips: ProfileTripView[],
    selection: TripSelection
  ) {
    gd.on('plotly_click', ev => {
      const p = ev.points.find(pt => typeof pt.customdata === 'number');
      if (p) selection.select(p.customdata as number, 'timeline');
    });
    this._stop = selection.listen(trip => this.highlight(trip));
    this.highlight(selection.current);
  }

  /** Draw trip `trip` (or none) as selected. */
  highlight(trip: number | null): void {
    if (this._disposed) return;
    const xy = selectedTripXY(trip === null ? null : this.trips[trip] ?? null);
    this.gd.dataset.selectedTrip = trip === null ? '' : String(trip);
    void this.plotly.restyle(this.gd, { x: [xy.x], y: [xy.y] }, [SELECTED_TRACE]);
  }

  /** Fit the chart to its container's new width. */
  resize(): void {
    if (!this._disposed && this.gd.isConnected) void this.plotly.Plots.resize(this.gd);
  }

  /** Release plotly's listeners and DOM (Plotly.purge). */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    this._stop();
    this.plotly.purge(this.gd);
  }

  private _stop: () => void;
  private _disposed = false;
}
