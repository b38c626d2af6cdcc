/**
 * Stream a CSV / CSV.gz reads file through the loader's validation in constant memory: rows go
 * through the same `ReadAccumulator` as `loadReads` (reasons, quarantine, the VRM and site
 * rules), and after every chunk of the file the accepted reads are taken out of the accumulator,
 * exact duplicates dropped, and handed on as RowBinary (the reads table's columns, sql.ts).
 *
 *   file ─► streamCsv (gunzip, CsvScanner, whole-file checks) ─► per record: VRM and site by
 *   byte-keyed cache, time by fastInstant (else parseTimestamp) ─► ReadAccumulator.addCoded/add
 *   ─► after each chunk: drain ─► duplicate window ─► RowBinary bytes ─► sink(bytes)
 *
 * Memory: the chunk's reads, the duplicate window (two generations of `dedupeWindow` reads),
 * and the plate dictionary (one entry per distinct plate, as in `loadReads`) — never the reads.
 * Duplicates: a read equal in plate, time and site to one of the last `dedupeWindow` to
 * `2·dedupeWindow` accepted reads (default 131,072 to 262,144) is dropped and counted; `loadReads` drops them anywhere in the file. Exports
 * repeat a read next to itself, so the counts agree on them (a test checks); a duplicate further
 * apart than the window stays in the table (the finder's figures count it twice).
 */
import { matchReadColumns, type ReadColumn } from '../ingest/columns';
import { streamCsv } from '../ingest/csv-source';
import { ByteKeyCache } from '../ingest/byte-key-cache';
import { parseTimestamp, type ParsedTime } from '../ingest/london-time';
import { parseDecimal, TimeKind, type ReadAccumulator } from '../ingest/read-accumulator';
import { checkRequiredReadColumns } from '../ingest/read-csv-reads';
import type { QuarantineWriter } from '../ingest/quarantine';
import type { RejectReason } from '../ingest/types';
import { lookalikeKey } from '../find/lookalikes';
import { TextEncoder } from 'node:util';
import { fastInstant } from './fast-time';
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
  let read = 0;
  const vrmCache = new ByteKeyCache(1 << 16);
  const siteCache = new ByteKeyCache(1 << 10);
  const t: ParsedTime = { ms: NaN, status: 'bad' };
  let width = 0;
  let iVrm = -1, iTs = -1, iSite = -1, iLat = -1, iLon = -1, iConf = -1, iDir = -1;
  const columns: Record<string, string> = {};
  const prev = new Uint8Array(32);
  let prevLen = -1, prevCode = -1;
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
  await streamCsv(file, gz, {
    header(fields, raw) {
      const m = matchReadColumns(fields);
      checkRequiredReadColumns(file, m, fields);
      width = fields.length;
      const at = (c: ReadColumn) => m.get(c) ?? -1;
      iVrm = at('vrm'); iTs = at('timestamp'); iSite = at('site_id'); iLat = at('lat'); iLon = at('lon');
      iConf = at('confidence'); iDir = at('direction');
      for (const [c, i] of m) columns[c] = fields[i];
      q?.header(raw);
    },
    record(sc, nf, line) {
      read++;
      let reason: RejectReason | null;
      if ((nf !== width && !(nf === width + 1 && sc.ends[width] === sc.starts[width])) || sc.broken) reason = acc.reject('malformed_line');
      else {
        const buf = sc.buf;
        let code: number;
        const vs = sc.starts[iVrm], ve = sc.ends[iVrm];
        if (sc.escaped[iVrm]) code = acc.vrmCode(sc.field(iVrm));
        else if (ve - vs === prevLen && prevLen <= 32 && sameBytes(buf, vs, prev, prevLen)) code = prevCode; // exports sorted by plate
        else {
          const h = ByteKeyCache.hash(buf, vs, ve);
          const k = vrmCache.find(buf, vs, ve, h);
          if (k >= 0) code = vrmCache.values[k];
          else { code = acc.vrmCode(buf.toString('utf8', vs, ve)); vrmCache.insert(buf, vs, ve, h, code); }
          prevLen = ve - vs; prevCode = code;
          if (prevLen <= 32) for (let j = 0; j < prevLen; j++) prev[j] = buf[vs + j];
        }
        let site = -1;
        if (iSite >= 0 && !sc.escaped[iSite]) {
          const ss = sc.starts[iSite], se = sc.ends[iSite];
          const h = ByteKeyCache.hash(buf, ss, se);
          const k = siteCache.find(buf, ss, se, h);
          if (k >= 0) site = siteCache.values[k];
          else {
            site = acc.knownSite(buf.toString('utf8', ss, se));
            if (site >= 0) siteCache.insert(buf, ss, se, h, site);
          }
        }
        if (site < 0) {
          reason = acc.add(sc.field(iVrm), sc.field(iTs), TimeKind.Text, iSite >= 0 ? sc.field(iSite) : null,
            iLat >= 0 ? sc.field(iLat) : null, iLon >= 0 ? sc.field(iLon) : null,
            iConf >= 0 ? sc.field(iConf) : null, iDir >= 0 ? sc.field(iDir) : null);
        } else {
          if (sc.escaped[iTs] || !fastInstant(buf, sc.starts[iTs], sc.ends[iTs], t)) parseTimestamp(sc.field(iTs), t);
          let conf = 0, hasConf = false;
          if (iConf >= 0) {
            const cs = sc.starts[iConf], ce = sc.ends[iConf];
            if (ce > cs) {
              conf = smallInt(buf, cs, ce);
              if (conf < 0) {
                const text = sc.field(iConf).trim();
                hasConf = text !== '';
                conf = parseDecimal(text);
              } else hasConf = true;
            }
          }
          reason = acc.addCoded(code, t, site, conf, hasConf);
        }
      }
      if (reason !== null && q) q.row(line, reason, sc.raw());
    },
    progress(f) { drain(); progress(f, accepted); },
  });
  drain();
  return { read, duplicates, columns, first, last };
}

function sameBytes(buf: Uint8Array, s: number, prev: Uint8Array, n: number): boolean {
  for (let j = 0; j < n; j++) if (buf[s + j] !== prev[j]) return false;
  return true;
}

/** Value of buf[s, e) when it is 1-3 ASCII digits, else -1. */
function smallInt(buf: Uint8Array, s: number, e: number): number {
  if (e - s > 3) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
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
