/**
 * Values → MIME bundles: the cell's last value, and objects passed to tslab's display API.
 */
import util from 'node:util';
import type { DisplayData } from './tslab';

export const MIMEBUNDLE = Symbol.for('jupyter.mimebundle');

export interface Bundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

interface Displayable {
  [MIMEBUNDLE](): unknown;
}

interface ArqueroLike {
  toHTML(o: { limit: number }): string;
  numRows(): number;
  numCols?: () => number;
  toMarkdown?: (o: { limit: number }) => string;
}

function hasMimeBundle(v: unknown): v is Displayable {
  return v != null && (typeof v === 'object' || typeof v === 'function') && typeof (v as Partial<Displayable>)[MIMEBUNDLE] === 'function';
}

function isArqueroTable(v: unknown): v is ArqueroLike {
  return v != null && typeof v === 'object' && typeof (v as ArqueroLike).toHTML === 'function' && typeof (v as ArqueroLike).numRows === 'function';
}

/**
 * The rich form of `v`, or null when it has none (then text/plain via util.inspect is used).
 * @example richBundle({ [Symbol.for('jupyter.mimebundle')]: () => ({ data: { 'text/html': '<b>x</b>' } }) })
 */
export function richBundle(v: unknown): Bundle | null {
  if (hasMimeBundle(v)) {
    const b = v[MIMEBUNDLE]() as { data?: unknown; metadata?: Record<string, unknown> } | null;
    if (b && typeof b === 'object' && b.data && typeof b.data === 'object') return { data: b.data as Record<string, unknown>, metadata: b.metadata || {} };
    if (b && typeof b === 'object') return { data: b as Record<string, unknown>, metadata: {} };
    throw new TypeError('[Symbol.for("jupyter.mimebundle")]() must return { data, metadata }');
  }
  if (isArqueroTable(v)) {
    const rows = v.numRows();
    const cols = typeof v.numCols === 'function' ? v.numCols() : undefined;
    let plain = `Table (${rows} rows${cols != null ? `, ${cols} columns` : ''})`;
    if (typeof v.toMarkdown === 'function') plain += '\n' + v.toMarkdown({ limit: 20 });
    return { data: { 'text/html': v.toHTML({ limit: 20 }), 'text/plain': plain }, metadata: {} };
  }
  return null;
}

/** @example valueBundle(42) // { data: { 'text/plain': '42' }, metadata: {} } */
export function valueBundle(v: unknown): Bundle {
  return richBundle(v) || { data: { 'text/plain': util.inspect(v) }, metadata: {} };
}

/** tslab's display.raw(mime, x) with x a displayable object: send x's own bundle instead. */
export function expandDisplayContent(content: DisplayData): DisplayData {
  const data = (content && content.data) || {};
  const keys = Object.keys(data);
  if (keys.length === 1) {
    const v = data[keys[0]];
    const rich = v && typeof v === 'object' && !Buffer.isBuffer(v) ? richBundle(v) : null;
    if (rich) return { ...content, data: rich.data, metadata: { ...(content.metadata || {}), ...rich.metadata } };
  }
  return content;
}
