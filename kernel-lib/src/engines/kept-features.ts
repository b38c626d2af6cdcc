/**
 * The per-vehicle features of a search on a cached load, kept beside it (ingest/cache/derived.ts),
 * packed (feature-rows.ts). Computing them (trips, stays, tours, loops for every vehicle that
 * loops) is most of a search; the ranking after them (relays, loop crowd, scores, lines) is a
 * fraction. An analyst re-runs a notebook after a kernel restart, or changes the scorer, its
 * weights, the relay or line options: the same load and the same feature parameters give the
 * same features, so they are read back instead of computed again.
 *
 * The file is named by everything the features depend on: the library's own code (a digest of
 * its compiled files: any change to the library makes new files), the finder's parameters except
 * those only the ranking reads, the hub, the markets and the window. Bytes that are not such
 * features (another format, damaged) are ignored and the features computed again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { readDerived, writeDerived } from '../ingest/cache/derived';
import { FeatureRows } from '../method/county-lines/feature-rows';
import type { FinderSetup } from '../method/county-lines/setup';
import type { ReadStore } from '../reads/types';
import type { KeptFeatures } from './engine';

/** The finder's parameters read only after the features (by the ranking and the scorer): they do not name the file. */
const RANKING_ONLY = ['scorer', 'weights', 'shape', 'model', 'relay', 'lineMinScore', 'lines'] as const;

let code: string | null = null;
/** A digest of the library's code (every .js/.ts file under the folder this module was loaded from), once per process. */
function codeDigest(): string {
  if (code) return code;
  const root = path.resolve(__dirname, '..'), h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  walk(root);
  return (code = h.digest('hex'));
}

/**
 * The name of the features file of a search: `features-<digest>.bin`, the digest of the library's
 * code and of the search's feature parameters, hub, markets and window.
 * @example featuresFileName(finderSetup({ hub, markets })) // 'features-3f9a…c1.bin'
 */
export function featuresFileName(setup: FinderSetup): string {
  const params: Record<string, unknown> = { ...setup.params };
  for (const k of RANKING_ONLY) delete params[k];
  const text = JSON.stringify({ code: codeDigest(), params, hub: setup.hub, markets: setup.markets, from: setup.from ?? null, to: setup.to ?? null },
    (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `number:${v}` : typeof v === 'function' ? `function:${String(v)}` : v));
  return `features-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.bin`;
}

/**
 * The features kept beside `store`'s cache entry for this search, or null (no entry, none kept, not readable).
 * @example restoreFeatures(store, setup)?.rows.n // the vehicles scored, on the second run on a cached load
 */
export function restoreFeatures(store: ReadStore, setup: FinderSetup): KeptFeatures | null {
  const bytes = readDerived(store, featuresFileName(setup));
  if (!bytes) return null;
  try {
    const o = v8.deserialize(bytes);
    const rows = o && o.rows instanceof Uint8Array ? FeatureRows.fromBytes(o.rows) : null;
    if (!rows || !o.figures || typeof o.figures.reads !== 'number') return null;
    return { ...o.figures, rows };
  } catch {
    return null;
  }
}

/**
 * Keep a search's features (packed, before the ranking fills relays and crowds) beside `store`'s
 * cache entry; false when it has none.
 * @example keepFeatures(store, setup, { rows, markets, lookalikes, mergedPlates, reads, vehicles, firstTime, lastTime })
 */
export function keepFeatures(store: ReadStore, setup: FinderSetup, kept: KeptFeatures): boolean {
  const { rows, ...figures } = kept;
  return writeDerived(store, featuresFileName(setup), v8.serialize({ rows: rows.toBytes(), figures }));
}
