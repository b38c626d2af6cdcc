/**
 * One cache entry on disk: a folder holding the store's columns as raw little-endian typed
 * arrays (`columns.bin`: time, vehicleStart, site, confidence — each 8-byte aligned section;
 * the offsets are read at the lookup, the rest into one ArrayBuffer on first use, no parsing),
 * the VRM dictionary (`vrms.txt`, one per line), the site table and load summary (`meta.json`), and the quarantine file when the
 * load wrote one (`quarantine.csv`). The vehicle column is rebuilt from `vehicleStart`.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LoadSummary } from '../types';
import type { ReadStore, SiteTable } from '../../reads/types';
import * as msg from '../../messages';

/** What `meta.json` holds. */
export interface EntryMeta {
  /** Cache key (folder name). */
  key: string;
  /** Cache format version. */
  format: number;
  /** When the entry was written (ISO 8601). */
  created: string;
  /** Earliest accepted read (epoch ms), for retention; null when the store is empty. */
  firstRead: number | null;
  /** Inputs the entry was made from, with their SHA-256. */
  inputs: { file: string; sha256: string }[];
  n: number;
  vehicles: number;
  /** The load summary of the load that made the entry. */
  summary: LoadSummary;
  /** Site table (NaN coordinates as null). */
  sites: { id: string[]; name: string[]; lat: (number | null)[]; lon: (number | null)[]; road: string[]; direction: string[] };
  /** True when `quarantine.csv` is present. */
  quarantine: boolean;
}

/** Cache format version: bump when the entry layout changes. */
export const ENTRY_FORMAT = 1;

const align8 = (x: number) => (x + 7) & ~7;

/** Where each column starts in `columns.bin`, and its size. */
interface Layout { time: number; vehicleStart: number; site: number; confidence: number; total: number }

function layout(n: number, vehicles: number): Layout {
  const time = 0;
  const vehicleStart = align8(time + 8 * n);
  const site = align8(vehicleStart + 4 * (vehicles + 1));
  const confidence = align8(site + 4 * n);
  return { time, vehicleStart, site, confidence, total: align8(confidence + n) };
}

/**
 * Write a store into entry folder `dir` (which must exist and be private).
 * @example writeEntry(dir, store, meta, 'rejected.csv')
 */
export function writeEntry(dir: string, store: ReadStore, meta: Omit<EntryMeta, 'sites' | 'n' | 'vehicles' | 'format' | 'quarantine'>, quarantineFile: string | null): void {
  const n = store.n, V = store.vrms.length, L = layout(n, V);
  const fd = openSync(path.join(dir, 'columns.bin'), 'w', 0o600);
  try {
    const put = (arr: ArrayBufferView, at: number) => {
      const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      for (let o = 0; o < bytes.length; o += 1 << 26) writeSync(fd, bytes, o, Math.min(1 << 26, bytes.length - o), at + o);
    };
    put(store.time, L.time); put(store.vehicleStart, L.vehicleStart); put(store.site, L.site); put(store.confidence, L.confidence);
    if (L.total > L.confidence + n) writeSync(fd, new Uint8Array(L.total - L.confidence - n), 0, L.total - L.confidence - n, L.confidence + n);
  } finally {
    closeSync(fd);
  }
  writeFileSync(path.join(dir, 'vrms.txt'), store.vrms.join('\n'), { mode: 0o600 });
  const s = store.sites;
  const num = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));
  const full: EntryMeta = {
    ...meta, format: ENTRY_FORMAT, n, vehicles: V, quarantine: quarantineFile !== null,
    sites: { id: s.id, name: s.name, lat: num(s.lat), lon: num(s.lon), road: s.road, direction: s.direction },
  };
  if (quarantineFile) writeFileSync(path.join(dir, 'quarantine.csv'), readFileSync(quarantineFile), { mode: 0o600 });
  writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(full), { mode: 0o600 });
}

/**
 * The entry's meta, or null when the entry is missing or not of this format.
 * @example readMeta(dir)?.firstRead
 */
export function readMeta(dir: string): EntryMeta | null {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as EntryMeta;
    return m.format === ENTRY_FORMAT ? m : null;
  } catch {
    return null;
  }
}

/** The entry's read columns, as read from `columns.bin`. */
interface EntryColumns { vehicle: Uint32Array; time: Float64Array; site: Uint32Array; confidence: Uint8Array }

/** Open descriptors of entries whose columns were never read, closed when their store is collected. */
const unread = new FinalizationRegistry<number>((fd) => { try { closeSync(fd); } catch { /* already closed */ } });

/**
 * A cached store whose read columns come from `columns.bin` on first use. A re-run whose
 * features are kept beside the entry (engines/kept-features.ts) never touches them, and
 * reading 10M reads' columns (~130 MB) was a sixth of such a run. The file stays open from
 * the lookup until then: an entry is only ever renamed into place or removed, never written
 * in place, so the open file keeps the bytes the lookup checked even if the entry is removed.
 * The getters are the same functions for every such store (one shape for the engine's inline caches).
 */
class EntryStore implements ReadStore {
  declare readonly vehicle: Uint32Array;
  declare readonly time: Float64Array;
  declare readonly site: Uint32Array;
  declare readonly confidence: Uint8Array;
  declare readonly vrms: string[];
  // Private (#): the store's own keys are a ReadStore's, as a loaded store's are.
  #columns: EntryColumns | null = null;
  #plates: string[] | null = null;
  #failed: Error | null = null;
  readonly #vrmText: Buffer;
  readonly #fd: number;
  readonly #file: string;
  readonly #at: Layout;

  constructor(readonly n: number, vrmText: Buffer, readonly vehicleStart: Uint32Array, readonly sites: SiteTable, fd: number, file: string, at: Layout) {
    this.#vrmText = vrmText; this.#fd = fd; this.#file = file; this.#at = at;
    for (const k of COLUMN_NAMES) Object.defineProperty(this, k, { get: COLUMN_GETTERS[k], enumerable: true });
    Object.defineProperty(this, 'vrms', { get: vrmsGetter, enumerable: true });
    unread.register(this, fd, this);
  }

  /** The VRMs, split from `vrms.txt` on the first call (376k plates: 50 ms and as many strings kept, that a re-run on kept features does not need). */
  splitVrms(): string[] {
    return (this.#plates ??= this.vehicleStart.length === 1 ? [] : this.#vrmText.toString('latin1').split('\n'));
  }

  /** The columns, read from the open file on the first call (the file is closed then, read or not: a failure is said again on every later call). */
  read(): EntryColumns {
    if (this.#columns) return this.#columns;
    if (this.#failed) throw this.#failed;
    const n = this.n, L = this.#at;
    const buf = new ArrayBuffer(L.total), bytes = new Uint8Array(buf);
    unread.unregister(this);
    try {
      const got = readFully(this.#fd, bytes, 0);
      if (got < L.total) throw new Error(`${got} of ${L.total} bytes`);
    } catch (err) {
      throw (this.#failed = new Error(msg.cacheEntryUnreadable(this.#file, (err as Error).message)));
    } finally {
      closeSync(this.#fd);
    }
    const vehicle = new Uint32Array(n), vs = this.vehicleStart;
    for (let v = 0; v + 1 < vs.length; v++) vehicle.fill(v, vs[v], vs[v + 1]); // not this.vrms: that would split the plates too
    return (this.#columns = { vehicle, time: new Float64Array(buf, L.time, n), site: new Uint32Array(buf, L.site, n), confidence: new Uint8Array(buf, L.confidence, n) });
  }
}

const COLUMN_NAMES = ['vehicle', 'time', 'site', 'confidence'] as const;
const COLUMN_GETTERS = Object.fromEntries(COLUMN_NAMES.map((k) => [k, function get(this: EntryStore) { return this.read()[k]; }])) as
  Record<(typeof COLUMN_NAMES)[number], (this: EntryStore) => unknown>;
function vrmsGetter(this: EntryStore): string[] { return this.splitVrms(); }

/** Fill `bytes` from file `fd` at `position` (64 MiB a call); returns how many were read (fewer: the file is short). */
function readFully(fd: number, bytes: Uint8Array, position: number): number {
  let o = 0;
  while (o < bytes.length) {
    const k = readSync(fd, bytes, o, Math.min(1 << 26, bytes.length - o), position + o);
    if (k <= 0) break;
    o += k;
  }
  return o;
}

/** Lines of a text (newlines + 1; 0 when empty). */
function lineCount(text: Buffer): number {
  if (!text.length) return 0;
  let lines = 1;
  for (let at = text.indexOf(10); at !== -1; at = text.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * The store of entry `dir` (whose meta is `meta`); null when its files are missing or short. The
 * sites and offsets are read now, the VRMs' text read and its lines counted, the VRMs split and
 * the read columns read on first use (EntryStore above).
 * @example const store = readEntry(dir, readMeta(dir)!);
 */
export function readEntry(dir: string, meta: EntryMeta): ReadStore | null {
  const n = meta.n, V = meta.vehicles, L = layout(n, V);
  const file = path.join(dir, 'columns.bin');
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  let kept = false;
  try {
    if (fstatSync(fd).size !== L.total) return null;
    const vehicleStart = new Uint32Array(V + 1), bytes = new Uint8Array(vehicleStart.buffer);
    if (readFully(fd, bytes, L.vehicleStart) < bytes.length) return null;
    const text = readFileSync(path.join(dir, 'vrms.txt'));
    if (lineCount(text) !== V) return null;
    const s = meta.sites;
    const num = (a: (number | null)[]) => Float64Array.from(a, (x) => (x === null ? NaN : x));
    const sites: SiteTable = { id: s.id, name: s.name, lat: num(s.lat), lon: num(s.lon), road: s.road, direction: s.direction };
    kept = true;
    return new EntryStore(n, text, vehicleStart, sites, fd, file, L);
  } finally {
    if (!kept) closeSync(fd);
  }
}
