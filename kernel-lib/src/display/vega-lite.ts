/**
 * vega-lite charts in notebooks: the spec under `application/vnd.vegalite.v5+json` (drawn
 * interactively by JupyterLab's own vega renderer, @jupyterlab/vega5-extension) plus the
 * same chart pre-rendered to SVG in the kernel (`image/svg+xml`), which is what a plain
 * viewer, nbconvert and `anpr report` show. Offline: data must be inline (`data.values`).
 *
 *   spec → vega-lite compile → vega View (headless, renderer none) → toSVG → bundle
 *
 * vega and vega-lite are ESM-only: imported on first use through a real dynamic import.
 */
import { MIMEBUNDLE, type Displayable, type MimeBundle } from './bundle';
import * as messages from '../messages';

/** MIME type of vega-lite v5 specs (JupyterLab's vega5 extension renders it). */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

const VEGALITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** A vega-lite chart with its SVG rendering. */
export class VegaLiteView implements Displayable {
  constructor(
    readonly spec: Record<string, unknown>,
    /** The chart as standalone SVG (no external references). */
    readonly svg: string
  ) {}

  [MIMEBUNDLE](): MimeBundle {
    const title = typeof this.spec.title === 'string' ? this.spec.title : typeof this.spec.description === 'string' ? this.spec.description : 'vega-lite chart';
    return { data: { [VEGALITE_MIME]: this.spec, 'image/svg+xml': this.svg, 'text/plain': title } };
  }
}

type Esm = (specifier: string) => Promise<any>;
// A real import() even though kernel-lib compiles to CommonJS (tsc would turn import() into require()).
const importEsm = new Function('s', 'return import(s)') as Esm;

/** Every `data.url` in the spec (top level, layers, concatenations), which would be fetched. */
function dataUrls(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) for (const v of x) dataUrls(v, out);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'data' && v && typeof v === 'object' && typeof (v as { url?: unknown }).url === 'string') out.push((v as { url: string }).url);
      else dataUrls(v, out);
    }
  }
  return out;
}

/**
 * Render a vega-lite spec (inline data) to SVG with vega in the kernel.
 * @example const svg = await vegaLiteSvg({ data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } })
 */
export async function vegaLiteSvg(spec: Record<string, unknown>): Promise<string> {
  const [vl, vega] = await Promise.all([importEsm('vega-lite'), importEsm('vega')]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * A vega-lite chart for the notebook: interactive in JupyterLab, SVG everywhere else.
 * `$schema` defaults to vega-lite v5 (the MIME type's version).
 * @example
 * show(await vegaLite({
 *   title: 'Precision against recall',
 *   data: { values: [{ recall: 0.1, precision: 1 }, { recall: 0.5, precision: 0.6 }] },
 *   mark: 'line',
 *   encoding: { x: { field: 'recall', type: 'quantitative' }, y: { field: 'precision', type: 'quantitative' } },
 * }))
 */
export async function vegaLite(spec: Record<string, unknown>): Promise<VegaLiteView> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new TypeError(messages.vegaLiteNotSpec(spec));
  const urls = dataUrls(spec);
  if (urls.length) throw new Error(messages.vegaLiteDataUrl(urls[0]));
  const full = { $schema: VEGALITE_SCHEMA, ...spec };
  return new VegaLiteView(full, await vegaLiteSvg(full));
}
