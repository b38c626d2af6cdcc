/**
 * Worker thread of the parallel CSV path (csv-parallel-source.ts): validates the rows of one
 * block of whole lines at a time, with exactly the rules of the exact path, and settles
 * only the rows that are certainly valid reads at a registered site. Every other row
 * (wrong field count, unknown or unusual site id, any time that is not plainly valid and
 * within the limits, a position or confidence to check, an empty or over-long VRM) is
 * deferred: its line and text go back to the main thread, which runs it through the exact
 * path's record handler in file order, so reasons, quarantine and site creation stay there.
 *
 * Blocks hold no `"` and no lone CR (the main thread checks), so a line is a record and a
 * comma a field separator; a CR before LF is dropped, as the exact scanner does.
 */
import { parentPort } from 'node:worker_threads';
import { ByteKeyCache } from './byte-key-cache';
import { PositionMemo } from './position-memo';
import { parseInstantBytes, parseTimestamp, type ParsedTime } from '../core/london-parse';
import { parseDecimal, Position, positionOf, smallInt } from './read-accumulator';
import { MAX_VRM_LENGTH, normaliseVrm } from '../core/vrm';

/** The plan the main thread sends once the header is known. */
export interface BlockPlan {
  width: number;
  iVrm: number; iTs: number; iSite: number; iLat: number; iLon: number; iConf: number;
  /** Registered sites with valid positions, ids as a lookup finds them. */
  sites: { id: string; code: number; lat: number; lon: number }[];
  notAfter: number;
  accessFrom: number;
}

/** One block's outcome. */
export interface BlockResult {
  seq: number;
  /** Line ends (LF) in the block. */
  newlines: number;
  /** Settled rows: 0-based line within the block, worker-local VRM code, time, site code, confidence (views of length n over `columns`). */
  n: number;
  line: Int32Array; code: Int32Array; time: Float64Array; site: Int32Array; conf: Uint8Array;
  /** The buffer the settled rows' columns are views of (`ROW_BYTES` a row of room): handed back to the worker once read (see csv-block-pool.ts). */
  columns: ArrayBuffer;
  /** Raw VRM texts given worker-local codes in this block, in code order. */
  newVrms: string[];
  /** Deferred rows: 0-based line within the block and the row's text (without line end). */
  deferredLine: Int32Array;
  deferredText: string[];
}

const COMMA = 44, LF = 10, CR = 13;

/** Bytes a settled row takes in a result's buffer: time (8), line, code, site (4 each), confidence (1). */
export const ROW_BYTES = 21;

/** The columns of room for `cap` rows in `buf` (at least ROW_BYTES × cap bytes): time first, so every view is aligned. */
function columnsIn(buf: ArrayBuffer, cap: number) {
  return {
    time: new Float64Array(buf, 0, cap), line: new Int32Array(buf, 8 * cap, cap), code: new Int32Array(buf, 12 * cap, cap),
    site: new Int32Array(buf, 16 * cap, cap), conf: new Uint8Array(buf, 20 * cap, cap),
  };
}

/**
 * A buffer with room for at least `rows` settled rows: a spare one handed back by the main thread
 * when it is large enough (fresh memory costs a page fault per 4 KB on these machines, and every
 * block needs its columns), else a new one.
 */
function roomFor(state: WorkerState, rows: number): { buf: ArrayBuffer; cap: number } {
  const k = state.spare.findIndex((b) => b.byteLength >= rows * ROW_BYTES);
  const buf = k >= 0 ? state.spare.splice(k, 1)[0] : new ArrayBuffer(rows * ROW_BYTES);
  return { buf, cap: Math.floor(buf.byteLength / ROW_BYTES) };
}

/**
 * Validate one block (see the file comment). `state` carries the plan and the worker's
 * dictionaries from block to block.
 * @example const r = settleBlock(state, Buffer.from('AB12CDE,2025-01-01T10:00:00Z,S1\n'), 0);
 */
export function settleBlock(state: WorkerState, buf: Buffer, seq: number): BlockResult {
  const P = state.plan, width = P.width;
  let room0 = roomFor(state, 1 + (buf.length >>> 5));
  let { line, code, time, site, conf } = columnsIn(room0.buf, room0.cap);
  const dLine: number[] = [], dText: string[] = [];
  const newVrms: string[] = [];
  const starts = state.starts, ends = state.ends, t = state.t;
  let n = 0, ln = 0, pos = 0;
  const len = buf.length;
  const room = starts.length;
  while (pos < len) {
    // One pass over the line: field bounds at each comma, up to the LF (or the end of the block).
    let nf = 0, s = pos, i = pos;
    for (; i < len; i++) {
      const ch = buf[i];
      if (ch === LF) break;
      if (ch === COMMA) {
        if (nf < room) { starts[nf] = s; ends[nf] = i; }
        nf++; s = i + 1;
      }
    }
    const hasLf = i < len;
    let e = i;
    if (e > pos && buf[e - 1] === CR) e--; // CRLF (a lone CR never reaches a worker)
    if (nf < room) { starts[nf] = s; ends[nf] = e; }
    nf++;
    const thisLine = ln;
    const next = hasLf ? i + 1 : len;
    if (hasLf) ln++;
    if (e === pos) { pos = next; continue; } // a blank line is not a record
    let ok = (nf === width || (nf === width + 1 && ends[width] === starts[width])) && nf <= room;
    let c = -1, sc = -1, cf = 255;
    if (ok) {
      // VRM
      const vs = starts[P.iVrm], ve = ends[P.iVrm];
      const h = ByteKeyCache.hash(buf, vs, ve);
      const k = state.vrm.find(buf, vs, ve, h);
      if (k >= 0) c = state.vrm.values[k];
      else {
        const raw = buf.toString('utf8', vs, ve);
        const norm = normaliseVrm(raw);
        c = norm === '' || norm.length > MAX_VRM_LENGTH ? -1 : state.vrmCount++;
        if (c >= 0) newVrms.push(raw);
        state.vrm.insert(buf, vs, ve, h, c);
      }
      ok = c >= 0;
    }
    if (ok && P.iSite >= 0) {
      const ss = starts[P.iSite], se = ends[P.iSite];
      const k = state.site.find(buf, ss, se, ByteKeyCache.hash(buf, ss, se));
      sc = k >= 0 ? state.site.values[k] : -1;
      ok = sc >= 0;
    } else ok = false;
    if (ok) {
      if (!parseInstantBytes(buf, starts[P.iTs], ends[P.iTs], t)) parseTimestamp(buf.toString('utf8', starts[P.iTs], ends[P.iTs]), t);
      ok = t.status === 'ok' && t.ms <= P.notAfter && t.ms >= P.accessFrom;
    }
    if (ok && (P.iLat >= 0 || P.iLon >= 0)) {
      const las = P.iLat >= 0 ? starts[P.iLat] : 0, lae = P.iLat >= 0 ? ends[P.iLat] : 0;
      const los = P.iLon >= 0 ? starts[P.iLon] : 0, loe = P.iLon >= 0 ? ends[P.iLon] : 0;
      if ((lae > las || loe > los) && !state.posMemo.matches(sc, buf, las, lae, los, loe)) {
        // (site, lat text, lon text) already found to agree: no number parsed again
        const key = state.posKey, klen = 4 + (lae - las) + 1 + (loe - los);
        let h = 0, k = -1;
        const keyed = klen <= key.length;
        if (keyed) {
          key[0] = sc & 255; key[1] = (sc >>> 8) & 255; key[2] = (sc >>> 16) & 255; key[3] = sc >>> 24;
          let o = 4;
          for (let j = las; j < lae; j++) key[o++] = buf[j];
          key[o++] = COMMA;
          for (let j = los; j < loe; j++) key[o++] = buf[j];
          h = ByteKeyCache.hash(key, 0, klen);
          k = state.posOk.find(key, 0, klen, h);
        }
        if (k < 0) {
          const la = buf.toString('utf8', las, lae).trim(), lo = buf.toString('utf8', los, loe).trim();
          if (la !== '' || lo !== '') {
            ok = positionOf(la === '' ? NaN : parseDecimal(la), lo === '' ? NaN : parseDecimal(lo), state.siteLat[sc], state.siteLon[sc]) === Position.Ok;
            if (ok && keyed && state.posOk.size < 1 << 20) state.posOk.insert(key, 0, klen, h, 1);
          }
        }
        if (ok) state.posMemo.remember(sc, buf, las, lae, los, loe);
      }
    }
    if (ok && P.iConf >= 0) {
      const cs = starts[P.iConf], ce = ends[P.iConf];
      if (ce > cs) {
        const v = smallInt(buf, cs, ce);
        if (v >= 0) { cf = v; ok = v <= 100; }
        else {
          const text = buf.toString('utf8', cs, ce).trim();
          if (text !== '') {
            const x = parseDecimal(text);
            ok = x >= 0 && x <= 100;
            cf = ok ? Math.round(x) : 255;
          }
        }
      }
    }
    if (ok) {
      if (n === line.length) {
        const bigger = roomFor(state, n * 2), v = columnsIn(bigger.buf, bigger.cap);
        v.line.set(line); v.code.set(code); v.time.set(time); v.site.set(site); v.conf.set(conf);
        state.spare.push(room0.buf);
        room0 = bigger; ({ line, code, time, site, conf } = v);
      }
      line[n] = thisLine; code[n] = c; time[n] = t.ms; site[n] = sc; conf[n] = cf; n++;
    } else {
      dLine.push(thisLine);
      dText.push(buf.toString('utf8', pos, e));
    }
    pos = next;
  }
  return {
    seq, newlines: ln, n, line: line.subarray(0, n), code: code.subarray(0, n), time: time.subarray(0, n), site: site.subarray(0, n), conf: conf.subarray(0, n),
    columns: room0.buf, newVrms, deferredLine: Int32Array.from(dLine), deferredText: dText,
  };
}

/** A worker's dictionaries and scratch space. */
export interface WorkerState {
  plan: BlockPlan;
  vrm: ByteKeyCache;
  vrmCount: number;
  site: ByteKeyCache;
  siteLat: Float64Array;
  siteLon: Float64Array;
  posOk: ByteKeyCache;
  posKey: Uint8Array;
  posMemo: PositionMemo;
  /** Result buffers handed back by the main thread, for the next blocks. */
  spare: ArrayBuffer[];
  starts: Int32Array;
  ends: Int32Array;
  t: ParsedTime;
}

/**
 * The state for a plan.
 * @example const state = workerState(plan);
 */
export function workerState(plan: BlockPlan): WorkerState {
  const site = new ByteKeyCache(plan.sites.length);
  let max = 0;
  for (const s of plan.sites) max = Math.max(max, s.code + 1);
  const siteLat = new Float64Array(max).fill(NaN), siteLon = new Float64Array(max).fill(NaN);
  for (const s of plan.sites) {
    const b = Buffer.from(s.id, 'utf8');
    const h = ByteKeyCache.hash(b, 0, b.length);
    if (site.find(b, 0, b.length, h) < 0) site.insert(b, 0, b.length, h, s.code);
    siteLat[s.code] = s.lat; siteLon[s.code] = s.lon;
  }
  return {
    plan, vrm: new ByteKeyCache(1 << 14), vrmCount: 0, site, siteLat, siteLon, posOk: new ByteKeyCache(1 << 12), posKey: new Uint8Array(64), posMemo: new PositionMemo(), spare: [],
    starts: new Int32Array(Math.max(64, plan.width + 2)), ends: new Int32Array(Math.max(64, plan.width + 2)), t: { ms: NaN, status: 'bad' },
  };
}

if (parentPort) {
  let state: WorkerState | null = null;
  const port = parentPort;
  // Messages: the plan; a block (its buffer goes back with the result, for the next block); a result's buffer handed back.
  port.on('message', (m: { plan?: BlockPlan; seq?: number; buf?: ArrayBuffer; length?: number; spare?: ArrayBuffer }) => {
    if (m.plan) { state = workerState(m.plan); return; }
    if (m.spare) { state!.spare.push(m.spare); return; }
    const r = settleBlock(state!, Buffer.from(m.buf!, 0, m.length!), m.seq!);
    port.postMessage({ ...r, input: m.buf }, [r.columns, r.deferredLine.buffer as ArrayBuffer, m.buf!]);
  });
}
