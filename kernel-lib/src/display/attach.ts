/** The one way a result gets its display: a non-enumerable MIME-bundle method (its JSON is unchanged). */
import { MIMEBUNDLE, type Displayable } from './bundle';

/**
 * `value`, displayed (as a cell's last value, or passed to `show`) as `view(value)`.
 * Not enumerable, so JSON output and equality checks are unchanged.
 * @example withDisplay(ranking, (r) => rankingView(r)) // shows the top 20 candidates, pseudonymised
 */
export function withDisplay<T extends object>(value: T, view: (value: T) => Displayable): T & Displayable {
  Object.defineProperty(value, MIMEBUNDLE, { value: () => view(value)[MIMEBUNDLE](), enumerable: false });
  return value as T & Displayable;
}
