/**
 * One cache entry on disk: a folder holding the store's columns as raw little-endian typed
 * arrays (`columns.bin`: time, vehicleStart, site, confidence — each 8-byte aligned section
 * read straight into one ArrayBuffer, no parsing), the VRM dictionary (`vrms.txt`, one per
 * line), the site table and load summary (`meta.json`), and the quarantine file when the
 * load wrote one (`quarantine.csv`). The vehicle column is rebuilt from `vehicleStart`.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LoadSummary } from '../types';
import type { ReadStore, SiteTable } from '../../reads/types';

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

function layout(n: number, vehicles: number) {
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

/**
 * Read the store of entry `dir` (whose meta is `meta`); null when its files are missing or short.
 * @example const store = readEntry(dir, readMeta(dir)!);
 */
export function readEntry(dir: string, meta: EntryMeta): ReadStore | null {
  const n = meta.n, V = meta.vehicles, L = layout(n, V);
  const file = path.join(dir, 'columns.bin');
  if (!existsSync(file)) return null;
  const buf = new ArrayBuffer(L.total);
  const bytes = new Uint8Array(buf);
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).size !== L.total) return null;
    for (let o = 0; o < L.total;) {
      const k = readSync(fd, bytes, o, Math.min(1 << 26, L.total - o), o);
      if (k <= 0) return null;
      o += k;
    }
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(path.join(dir, 'vrms.txt'), 'latin1');
  const vrms = V === 0 ? [] : text.split('\n');
  if (vrms.length !== V) return null;
  const vehicleStart = new Uint32Array(buf, L.vehicleStart, V + 1);
  const vehicle = new Uint32Array(n);
  for (let v = 0; v < V; v++) vehicle.fill(v, vehicleStart[v], vehicleStart[v + 1]);
  const s = meta.sites;
  const num = (a: (number | null)[]) => Float64Array.from(a, (x) => (x === null ? NaN : x));
  const sites: SiteTable = { id: s.id, name: s.name, lat: num(s.lat), lon: num(s.lon), road: s.road, direction: s.direction };
  return {
    n, vehicle, time: new Float64Array(buf, L.time, n), site: new Uint32Array(buf, L.site, n),
    confidence: new Uint8Array(buf, L.confidence, n), vrms, vehicleStart, sites,
  };
}
