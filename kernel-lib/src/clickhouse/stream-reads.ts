/**
 * Stream a CSV / CSV.gz reads file through the loader's own reader in constant memory: rows go
 * through `readCsvReads` and the same `ReadAccumulator` as `loadReads` (reasons, quarantine, the
 * VRM, time and site rules), and after every chunk of the file (its progress call) the accepted
 * reads are taken out of the accumulator, exact duplicates dropped, and handed on as RowBinary
 * (the reads table's columns, sql.ts).
 *
 *   file ─► readCsvReads (gunzip, scanner, whole-file checks, validation) ─► ReadAccumulator
 *   ─► after each chunk: drain ─► duplicate window ─► RowBinary bytes per shard ─► sink(bytes)
 *
 * Memory: the chunk's reads, the duplicate window (two generations of `dedupeWindow` reads),
 * and the plate dictionary (one entry per distinct plate, as in `loadReads`) — never the reads.
 * Duplicates: a read equal in plate, time and site to one of the last `dedupeWindow` to
 * `2·dedupeWindow` accepted reads (default 131,072 to 262,144) is dropped and counted; `loadReads` drops them anywhere in the file. Exports
 * repeat a read next to itself, so the counts agree on them (a test checks); a duplicate further
 * apart than the window stays in the table (the finder's figures count it twice).
 */
import { TextEncoder } from 'node:util';
import type { ReadAccumulator } from '../ingest/read-accumulator';
import { readCsvReads } from '../ingest/read-csv-reads';
import type { QuarantineWriter } from '../ingest/quarantine';
import { lookalikeKey } from '../reads/lookalikes';
import { keyHash } from './key-hash';

/** What the stream did: rows read, duplicates dropped, first and last accepted read (epoch ms). */
export interface StreamedReads { read: number; duplicates: number; columns: Record<string, string>; first: number; last: number }

/** Receives RowBinary bytes (valid only during the call), how many reads they hold, and their shard. */
export type RowBinarySink = (bytes: Uint8Array, reads: number, shard: number) => void;

/**
 * Internal: stream `file` into `acc`, handing the accepted, de-duplicated reads to `sink` chunk by
 * chunk, split by shard (`shards`, see key-hash.ts).
 *
 * @example
 * const acc = new ReadAccumulator({ sites });
 * await streamReadsRowBinary('reads.csv.gz', true, acc, null, (bytes, n) => out.write(bytes), () => {});
 */
export async function streamReadsRowBinary(file: string, gz: boolean, acc: ReadAccumulator, q: QuarantineWriter | null,
  sink: RowBinarySink, progress: (fraction: number, accepted: number) => void, dedupeWindow = 1 << 17,
  plates?: { add(code: number): void }, shards = 1): Promise<StreamedReads> {
  const enc = new RowBinaryEncoder(shards);
  const dup = new DuplicateWindow(dedupeWindow);
  let duplicates = 0, accepted = 0, first = Infinity, last = -Infinity;
  const drain = () => {
    const { columns: c, sites } = acc.finish();
    const n = acc.n;
    acc.n = 0; // the accumulator's columns are reused from the start: the reads are handed on now
    if (n === 0) return;
    enc.vrms = c.vrms;
    enc.begin(n, sites.id);
    for (let i = 0; i < n; i++) {
      const v = c.vehicle[i], tm = c.time[i], s = c.site[i];
      if (dup.seen(v, tm, s)) { duplicates++; continue; }
      if (tm < first) first = tm;
      if (tm > last) last = tm;
      enc.row(v, tm, s, (c.confidence as Uint8Array)[i]);
      plates?.add(v);
    }
    for (let sh = 0; sh < shards; sh++) {
      accepted += enc.rows[sh];
      if (enc.rows[sh]) sink(enc.bytes(sh), enc.rows[sh], sh);
    }
  };
  const r = await readCsvReads(file, gz, acc, q, (f) => { drain(); progress(f, accepted); });
  drain();
  return { read: r.read, duplicates, columns: r.columns, first, last };
}

/**
 * Exact duplicates among recent reads: an open-addressing set of (vehicle, time, site) in two
 * generations of `size` reads each; when the current one is full it becomes the previous one.
 */
class DuplicateWindow {
  private gens: { v: Int32Array; t: Float64Array; s: Int32Array; n: number }[];
  private readonly mask: number;
  constructor(private readonly size: number) {
    let cap = 1; while (cap < size * 2) cap <<= 1;
    this.mask = cap - 1;
    const gen = () => ({ v: new Int32Array(cap).fill(-1), t: new Float64Array(cap), s: new Int32Array(cap), n: 0 });
    this.gens = [gen(), gen()];
  }
  private static slot(v: number, t: number, s: number): number {
    let h = Math.imul(v ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((t / 1000) | 0, 0xc2b2ae35) ^ Math.imul(s + 1, 0x27d4eb2f) ^ (t % 1000);
    h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d); h ^= h >>> 12;
    return h >>> 0;
  }
  private find(g: { v: Int32Array; t: Float64Array; s: Int32Array }, v: number, t: number, s: number, h: number): number {
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const x = g.v[p];
      if (x === -1) return -1 - p;
      if (x === v && g.t[p] === t && g.s[p] === s) return p;
    }
  }
  /** True when this read was seen in the window; otherwise remembers it. */
  seen(v: number, t: number, s: number): boolean {
    const h = DuplicateWindow.slot(v, t, s);
    const [cur, prev] = this.gens;
    if (prev.n > 0 && this.find(prev, v, t, s, h) >= 0) return true;
    const p = this.find(cur, v, t, s, h);
    if (p >= 0) return true;
    if (cur.n >= this.size) {
      prev.v.fill(-1); prev.n = 0;
      this.gens = [prev, cur];
      return this.seen(v, t, s);
    }
    const at = -1 - p;
    cur.v[at] = v; cur.t[at] = t; cur.s[at] = s; cur.n++;
    return false;
  }
}

/**
 * RowBinary rows of the reads table (vrm String, k String, h UInt64, t Float64, site_id String,
 * confidence UInt8), one buffer per shard: each plate's `vrm, k, h` bytes and shard, and each
 * site's bytes, are made once. A plate's shard is `h % shards` (h = halfMD5(k), key-hash.ts) —
 * the Distributed table's sharding key (sql.ts).
 */
class RowBinaryEncoder {
  private out: Uint8Array[];
  private at: number[];
  rows: number[];
  private f64 = new Float64Array(1);
  private f64b = new Uint8Array(this.f64.buffer);
  private plate = new Uint8Array(1 << 16);
  private plateOff = new Int32Array(1 << 12);
  private plateLen = new Int32Array(1 << 12);
  private plateShard = new Uint16Array(1 << 12);
  private plates = 0;
  private plateUsed = 0;
  private siteBytes: Uint8Array[] = [];
  private readonly te = new TextEncoder();
  /** The accumulator's plate dictionary (vehicle code → normalised VRM). */
  vrms: string[] = [];
  constructor(readonly shards: number) {
    this.out = Array.from({ length: shards }, () => new Uint8Array(1 << 20));
    this.at = new Array(shards).fill(0);
    this.rows = new Array(shards).fill(0);
  }

  begin(n: number, siteIds: string[]): void {
    this.at.fill(0); this.rows.fill(0);
    while (this.siteBytes.length < siteIds.length) this.siteBytes.push(stringBytes(this.te, siteIds[this.siteBytes.length]));
  }

  private addPlates(v: number): void {
    while (this.plates <= v) {
      const p = this.plates++;
      const vrm = this.vrms[p], k = lookalikeKey(vrm);
      const b1 = stringBytes(this.te, vrm), b2 = stringBytes(this.te, k), h = keyHash(k);
      const b3 = new Uint8Array(8); new DataView(b3.buffer).setBigUint64(0, h, true);
      if (this.plateOff.length <= p) {
        const o = new Int32Array(this.plateOff.length * 2); o.set(this.plateOff); this.plateOff = o;
        const l = new Int32Array(this.plateLen.length * 2); l.set(this.plateLen); this.plateLen = l;
        const h = new Uint16Array(this.plateShard.length * 2); h.set(this.plateShard); this.plateShard = h;
      }
      const len = b1.length + b2.length + 8;
      if (this.plateUsed + len > this.plate.length) {
        const a = new Uint8Array(Math.max(this.plate.length * 2, this.plateUsed + len)); a.set(this.plate); this.plate = a;
      }
      this.plate.set(b1, this.plateUsed); this.plate.set(b2, this.plateUsed + b1.length); this.plate.set(b3, this.plateUsed + b1.length + b2.length);
      this.plateOff[p] = this.plateUsed; this.plateLen[p] = len; this.plateUsed += len;
      this.plateShard[p] = Number(h % BigInt(this.shards));
    }
  }

  row(v: number, t: number, s: number, confidence: number): void {
    if (v >= this.plates) this.addPlates(v);
    const sh = this.plateShard[v];
    const o = this.plateOff[v], len = this.plateLen[v], sb = this.siteBytes[s];
    let buf = this.out[sh], at = this.at[sh];
    if (at + len + sb.length + 9 > buf.length) {
      const a = new Uint8Array(Math.max(buf.length * 2, at + len + sb.length + 9)); a.set(buf.subarray(0, at)); buf = this.out[sh] = a;
    }
    const plate = this.plate;
    for (let j = 0; j < len; j++) buf[at + j] = plate[o + j];
    at += len;
    this.f64[0] = t;
    const f = this.f64b;
    buf[at] = f[0]; buf[at + 1] = f[1]; buf[at + 2] = f[2]; buf[at + 3] = f[3];
    buf[at + 4] = f[4]; buf[at + 5] = f[5]; buf[at + 6] = f[6]; buf[at + 7] = f[7];
    at += 8;
    for (let j = 0; j < sb.length; j++) buf[at + j] = sb[j];
    at += sb.length;
    buf[at++] = confidence;
    this.at[sh] = at;
    this.rows[sh]++;
  }

  bytes(shard: number): Uint8Array { return this.out[shard].subarray(0, this.at[shard]); }
}

/** A RowBinary String: LEB128 length, then the UTF-8 bytes. */
export function stringBytes(te: TextEncoder, s: string): Uint8Array {
  const body = te.encode(s);
  const head: number[] = [];
  let n = body.length;
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; head.push(b); } while (n);
  const out = new Uint8Array(head.length + body.length);
  out.set(head); out.set(body, head.length);
  return out;
}
