import { isDisplayable, MIMEBUNDLE } from './bundle';
import { kernelWriter } from './kernel-writer';
import * as messages from '../messages';

/**
 * Display a map, profile, table or any `Displayable` in the notebook as one MIME bundle.
 * Returns nothing, so a notebook cell ending in `show(...)` prints nothing more. Outside a
 * kernel (CLI, tests) nothing is sent; use `x[MIMEBUNDLE]()` to get the bundle itself.
 * @example show(mapView(store, { hub, markets }))
 */
export function show(x: unknown): void {
  if (!isDisplayable(x)) throw new TypeError(messages.notDisplayable(x));
  const bundle = x[MIMEBUNDLE]();
  kernelWriter()?.({ data: bundle.data, metadata: bundle.metadata ?? {}, transient: {} }, false);
}
