/**
 * Lazy loading of plotly.js, as a partial bundle (`plotly.js-basic-dist-min`: scatter, bar
 * and pie traces, 1.2 MB minified, against 4.8 MB for the full one). Fetched from the lab's
 * own server the first time a timeline is drawn, then shared by every profile on the page.
 */
import type * as PlotlyModule from 'plotly.js-basic-dist-min';

export type Plotly = typeof PlotlyModule;

let ready: Promise<Plotly> | null = null;

/**
 * plotly.js (partial bundle), imported on first use.
 * @example const Plotly = await loadPlotly(); await Plotly.newPlot(div, data, layout)
 */
export function loadPlotly(): Promise<Plotly> {
  if (!ready) {
    ready = import('plotly.js-basic-dist-min')
      .then(mod => ((mod as unknown as { default?: Plotly }).default ?? mod) as Plotly)
      .catch(err => {
        ready = null;
        throw err;
      });
  }
  return ready;
}
