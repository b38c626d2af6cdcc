/**
 * The look-alike groups of a cached load, kept beside it (ingest/cache/derived.ts): computing
 * them is the largest part of a search's set-up on a store with many misread plates (0.4-0.7 s
 * on 9.9M reads of 390k plates), and a new process on the same load (the CLI, a restarted
 * kernel) would compute the same groups again. The file is named by the grouping's version and
 * options; the in-memory engine gives the store its kept groups before the search and keeps
 * them after it when there were none.
 */
import { createHash } from 'node:crypto';
import { readDerived, writeDerived } from '../ingest/cache/derived';
import {
  codeGroupsFramed, decodeCodeGroups, encodeCodeGroups, giveLookalikeCodeGroups, hasLookalikeCodeGroups, lookalikeCodeGroups, lookalikeOptionsKey,
  LOOKALIKE_VERSION, type LookalikeOptions,
} from '../reads/lookalikes';
import type { ReadStore } from '../reads/types';

/** Per store, the files already read or written in this process (each is written once). */
const done = new WeakMap<ReadStore, Set<string>>();
const doneFor = (store: ReadStore) => { let d = done.get(store); if (!d) done.set(store, d = new Set()); return d; };

const fileName = (options: LookalikeOptions) =>
  `lookalikes-${LOOKALIKE_VERSION}-${createHash('sha256').update(lookalikeOptionsKey(options)).digest('hex').slice(0, 16)}.bin`;

/**
 * Give `store` the groups kept beside its cache entry, when there are such (true when given).
 * @example restoreLookalikes(store, {}) // true on the second run on a cached load
 */
export function restoreLookalikes(store: ReadStore, options: LookalikeOptions): boolean {
  if (hasLookalikeCodeGroups(store, options)) return false;
  const name = fileName(options);
  const bytes = readDerived(store, name);
  if (!bytes || !codeGroupsFramed(bytes)) return false;
  // Decoded when first asked for: a search whose features are kept beside the entry needs none.
  // Codes that are not the store's (a damaged file) mean computing them, and keeping them again.
  const d = doneFor(store);
  giveLookalikeCodeGroups(store, options, () => {
    const groups = decodeCodeGroups(bytes, store.vrms.length);
    if (!groups) d.delete(name);
    return groups;
  });
  d.add(name);
  return true;
}

/**
 * Keep `store`'s groups (computed by now) beside its cache entry, once; false when it has no
 * entry, or they were kept or given from there already.
 * @example keepLookalikes(store, {})
 */
export function keepLookalikes(store: ReadStore, options: LookalikeOptions): boolean {
  const name = fileName(options), d = doneFor(store);
  if (d.has(name)) return false;
  d.add(name);
  return writeDerived(store, name, encodeCodeGroups(lookalikeCodeGroups(store, options)));
}
