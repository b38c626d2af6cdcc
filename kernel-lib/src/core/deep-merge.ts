/** Defaults overlaid with partial values, at every depth. */

const isPlain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * Defaults overlaid with the given values, plain objects merged at every depth (a copy: the
 * defaults never change). Arrays, functions and other non-plain values replace.
 * @example deepMerge({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 4 } }) // { a: 1, b: { c: 2, d: 4 } }
 */
export function deepMerge<T>(defaults: T, partial: unknown): T {
  return merge(defaults, partial) as T;
}

function merge(d: unknown, p: unknown): unknown {
  if (!isPlain(d)) return p === undefined ? d : p;
  if (p !== undefined && !isPlain(p)) return p;
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(d), ...Object.keys(p ?? {})])) out[k] = merge(d[k], (p as Record<string, unknown> | undefined)?.[k]);
  return out;
}
