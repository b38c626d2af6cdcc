import { isDisplayable, MIMEBUNDLE } from './bundle';
import * as messages from '../messages';

type WriteDisplayData = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/** tslab's display writer for the cell being executed, or null outside a tslab kernel. */
function tslabWriter(): WriteDisplayData | null {
  try {
    // tslab keeps the current cell's display writer here; its public `display.raw` can only
    // send one MIME type per message, and our bundles carry several (widget + text/html).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

/**
 * Display a map, profile, table or any `Displayable` in the notebook as one MIME bundle.
 * Returns nothing, so a notebook cell ending in `show(...)` prints nothing more. Outside a
 * kernel (CLI, tests) nothing is sent; use `x[MIMEBUNDLE]()` to get the bundle itself.
 * @example show(mapView(store, { areas: [hub] }))
 */
export function show(x: unknown): void {
  if (!isDisplayable(x)) throw new TypeError(messages.notDisplayable(x));
  const bundle = x[MIMEBUNDLE]();
  const write = tslabWriter();
  if (write) write({ data: bundle.data, metadata: bundle.metadata ?? {}, transient: {} }, false);
}
