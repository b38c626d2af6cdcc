/**
 * Lazy loading of vega-embed (vega + vega-lite are ~1 MB): fetched the first time a
 * chart is drawn, then cached for every widget on the page.
 */
import type * as VegaEmbedModule from 'vega-embed';

let ready: Promise<typeof VegaEmbedModule> | null = null;

/** vega-embed, imported on first use. */
export function loadVegaEmbed(): Promise<typeof VegaEmbedModule> {
  if (!ready) {
    ready = import('vega-embed').catch(err => {
      ready = null;
      throw err;
    });
  }
  return ready;
}

/** True when JupyterLab's current theme is dark (same test as @jupyterlab/vega5-extension). */
export function isDarkTheme(): boolean {
  return document.body.dataset.jpThemeLight === 'false';
}
