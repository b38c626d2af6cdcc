/**
 * The rich display protocol: an object that knows how to show itself in Jupyter.
 *
 * Any value with a `[MIMEBUNDLE]()` method returning `{ data, metadata }` is shown as that
 * bundle by `show()` (and, with the project's kernel patch, as a cell's last value).
 */
export const MIMEBUNDLE: unique symbol = Symbol.for('jupyter.mimebundle') as never;

/** A Jupyter MIME bundle: MIME type → content (string, or JSON for +json types). */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Something `show()` can display. */
export interface Displayable {
  [MIMEBUNDLE](): MimeBundle;
}

/** True when `x` implements the rich display protocol. */
export function isDisplayable(x: unknown): x is Displayable {
  return x != null && typeof (x as Record<symbol, unknown>)[MIMEBUNDLE] === 'function';
}
