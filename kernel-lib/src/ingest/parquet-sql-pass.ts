/**
 * Parquet fast path in SQL: DuckDB validates, dictionary-encodes and sorts (in parallel) the
 * plainly valid rows, and JS copies numbers into the store's typed arrays; no string or
 * object is made per row and the JS sort is skipped.
 *
 *   distinct raw VRMs ─► normalised in SQL, codes in VRM order ─────────────┐
 *   sites (JS) ─► temp table id → code (only ids a JS lookup would find) ──├► join per row
 *   settled ⇔ VRM non-empty, time finite (≤ notAfter, ≥ notBefore), site w/ │   ORDER BY vehicle,
 *   UK coordinates, confidence NULL/NaN or 0..100 ─────────────────────────┘   time, site, row
 *
 * Rows that are not settled ("deferred") come first in the result, carrying only their row
 * number; they must go through `ReadAccumulator.add`, which gives the reason (or accepts
 * the row, e.g. a site made from its coordinates). SQL only decides "certainly valid", so
 * every rejection reason stays in one place (JS). The SQL mirrors the JS rules exactly for
 * the rows it settles:
 *  - VRM: `normaliseVrm` ≡ `upper(regexp_replace(v, '[^A-Za-z0-9]', '', 'g'))`, at most MAX_VRM_LENGTH long.
 *  - site: exact match on ids without surrounding whitespace (JS trims before looking up).
 *  - confidence: `Math.round` ≡ `round` on 0..100; NULL or NaN → 255 (not given).
 *  - the read's own lat/lon: both NULL, or (numeric) in the UK box and within a small box
 *    around the site's position (SETTLE_DLAT/DLON, well inside SITE_POSITION_TOLERANCE_KM).
 * Deferred rows that JS accepts are merged in by `mergeExtraReads`; where one is an exact
 * duplicate of a settled row, `firstRows` tells which came first in the file (its
 * confidence is kept).
 *
 * Transfer: each result chunk costs a fixed ~0.1 ms per vector in the node API, so the
 * vehicle code, site code and confidence travel packed in one exact DOUBLE
 * (`(code·256 + confidence)·2^siteBits + site`), next to the time; when that would not
 * stay below 2^53 (`SqlPass.packLimit`), the site travels in a column of its own.
 * The rows arrive sorted, so the fill loop renumbers vehicles, builds `vehicleStart`, drops
 * exact duplicates (keeping the first, i.e. lowest file row) and checks the order as it copies.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_VRM_LENGTH } from '../core/vrm';
import { UK_BOUNDS } from './read-accumulator';

/**
 * A read's own coordinates settle in SQL only within this many degrees of its site's
 * (lat, lon): at most 2.8 km and 3.3 km (at 49.8°N), under 4.3 km together, safely inside
 * SITE_POSITION_TOLERANCE_KM; anything else is left to JS, which gives the exact reason.
 */
const SETTLE_DLAT = 0.025, SETTLE_DLON = 0.045;

/** Column expressions of the reads table, as the Parquet reader built them. */
export interface SqlPassColumns {
  /** VRM as VARCHAR. */
  vrm: string;
  /** Time as DOUBLE epoch ms UTC. */
  time: string;
  /** Site id as VARCHAR. */
  site: string;
  /** Confidence as DOUBLE, or null when the file has no confidence column. */
  confidence: string | null;
  /** The read's own lat / lon: DOUBLE expressions, text expressions (`numeric` false), or null when absent. */
  lat?: string | null;
  lon?: string | null;
  /** Whether lat/lon are numeric (text coordinates settle only when both are NULL). */
  numericPosition?: boolean;
}

/** Accepted reads sorted by (vehicle, time, site, file row), exact duplicates removed. */
export interface SortedReads {
  /** Normalised VRMs, index = vehicle code, in VRM order. */
  vrms: string[];
  vehicle: Uint32Array;
  time: Float64Array;
  site: Uint32Array;
  confidence: Uint8Array;
  vehicleStart: Uint32Array;
  /** Exact duplicates removed (same vehicle, time and site as the read before). */
  duplicates: number;
}

/** A deferred row that `ReadAccumulator.add` accepted, to be sorted in with the rest. */
export interface ExtraRead {
  /** 0-based file row. */
  row: number;
  /** Normalised VRM. */
  vrm: string;
  time: number;
  site: number;
  /** 0..100, 255 = not given. */
  confidence: number;
}

const PROGRESS_EVERY = 1 << 18;

/**
 * Internal: the SQL fast path over one reads table. `prepare` builds the dictionaries;
 * `sortedReads` runs the sorted query and fills the store columns.
 *
 * @example
 * const pass = new SqlPass(c, "read_parquet('r.parquet', file_row_number = true)",
 *   { vrm: 'CAST("vrm" AS VARCHAR)', time: 'epoch_ms("timestamp")::DOUBLE', site: 'CAST("site_id" AS VARCHAR)', confidence: null },
 *   Infinity, 1000);
 * await pass.prepare([{ id: 'S1', code: 0 }]);
 * const { reads, deferred } = await pass.sortedReads(null, 1, () => undefined);
 */
export class SqlPass {
  /** Largest packed transfer value + 1 (exact doubles); lowered only by tests. */
  static packLimit = 2 ** 53;
  /** Vehicle dictionary, code → normalised VRM, in VRM order (may hold unused entries). */
  dictionary: string[] = [];

  constructor(private readonly c: DuckDBConnection, private readonly from: string,
    private readonly cols: SqlPassColumns, private readonly notAfter: number, private readonly rowCount: number,
    /** Reads before this (the data-age rule's limit) are left to JS, which gives the reason. */
    private readonly notBefore = -Infinity) {}

  /**
   * Register the settled sites (ids a JS lookup finds, with UK coordinates) and build the
   * VRM dictionary.
   */
  async prepare(sites: readonly { id: string; code: number; lat: number; lon: number }[]): Promise<void> {
    const c = this.c;
    await c.run('CREATE OR REPLACE TEMP TABLE anpr_site (id VARCHAR, code INTEGER, slat DOUBLE, slon DOUBLE)');
    const app = await c.createAppender('anpr_site');
    for (const s of sites) { app.appendVarchar(s.id); app.appendInteger(s.code); app.appendDouble(s.lat); app.appendDouble(s.lon); app.endRow(); }
    app.closeSync();
    await c.run(`CREATE OR REPLACE TEMP TABLE anpr_vrm AS
      SELECT raw, norm, (dense_rank() OVER (ORDER BY norm) - 1)::INTEGER AS code
      FROM (SELECT raw, upper(regexp_replace(raw, '[^A-Za-z0-9]', '', 'g')) AS norm
            FROM (SELECT DISTINCT ${this.cols.vrm} AS raw FROM ${this.from}) WHERE raw IS NOT NULL)`);
    const dict = await c.run('SELECT any_value(norm) FROM anpr_vrm GROUP BY code ORDER BY code');
    for (let ci = 0; ci < dict.chunkCount; ci++) {
      const ch = dict.getChunk(ci), v = ch.getColumnVector(0);
      for (let i = 0; i < ch.rowCount; i++) this.dictionary.push(v.getItem(i) as string);
    }
  }

  /**
   * Run the sorted query and build the sorted columns. `siteCount` bounds the site codes.
   * Also returns the deferred rows (0-based, ascending).
   */
  async sortedReads(siteCount: number, progress: (rows: number) => void): Promise<{ reads: SortedReads; deferred: number[] }> {
    let S = 2 ** Math.max(1, Math.ceil(Math.log2(siteCount + 1)));
    if (Math.max(1, this.dictionary.length) * 256 * S >= SqlPass.packLimit) S = 1; // site in its own column
    // Streamed, not materialised: the sorted result is not copied once more inside DuckDB
    // (measured: a little less CPU, ~16 bytes/row less peak memory).
    const result = await this.c.stream(`
      SELECT t, CASE WHEN code < 0 THEN -1 - rn ELSE (code::DOUBLE * 256 + cf) * ${S} + ${S > 1 ? 'site' : '0'} END AS k
             ${S > 1 ? '' : ', site::DOUBLE'}
      FROM (${this.rows()})
      ORDER BY code, t, site, rn`);
    return this.fill(result, this.rowCount, S, progress);
  }

  /**
   * The first file row (0-based) among the settled rows of each (VRM, time, site), or
   * Infinity when there is none.
   *
   * @example
   * await pass.firstRows([{ vrm: 'AB12CDE', time: 1735725600000, site: 0 }]) // [17]
   */
  async firstRows(keys: readonly { vrm: string; time: number; site: number }[]): Promise<number[]> {
    const c = this.c;
    await c.run('CREATE OR REPLACE TEMP TABLE anpr_key (i INTEGER, code INTEGER, t DOUBLE, site INTEGER)');
    const codeOf = new Map(this.dictionary.map((v, k) => [v, k]));
    const app = await c.createAppender('anpr_key');
    keys.forEach((x, i) => { app.appendInteger(i); app.appendInteger(codeOf.get(x.vrm) ?? -1); app.appendDouble(x.time); app.appendInteger(x.site); app.endRow(); });
    app.closeSync();
    const out = keys.map(() => Infinity);
    const only = `${this.cols.vrm} IN (SELECT raw FROM anpr_vrm WHERE code IN (SELECT code FROM anpr_key))`;
    const r = await c.run(`SELECT k.i, min(r.rn)::DOUBLE FROM anpr_key k JOIN (${this.rows(only)}) r
      ON r.code = k.code AND r.t = k.t AND r.site = k.site WHERE r.code >= 0 GROUP BY k.i`);
    for (let ci = 0; ci < r.chunkCount; ci++) {
      const ch = r.getChunk(ci);
      for (let i = 0; i < ch.rowCount; i++) out[ch.getColumnVector(0).getItem(i) as number] = ch.getColumnVector(1).getItem(i) as number;
    }
    return out;
  }

  /** Every row (or those `where` keeps): code (-1 when deferred), t, site, rn, cf (rounded, 255 = not given). */
  private rows(where = 'true'): string {
    const cols = this.cols;
    const conf = cols.confidence ?? 'NULL::DOUBLE';
    const late = (Number.isFinite(this.notAfter) ? ` AND t <= ${this.notAfter}` : '') + (Number.isFinite(this.notBefore) ? ` AND t >= ${this.notBefore}` : '');
    const B = UK_BOUNDS;
    const position = cols.numericPosition
      ? `((la IS NULL AND lo IS NULL) OR (la BETWEEN ${B.minLat} AND ${B.maxLat} AND lo BETWEEN ${B.minLon} AND ${B.maxLon}
          AND abs(la - slat) <= ${SETTLE_DLAT} AND abs(lo - slon) <= ${SETTLE_DLON}))`
      : '(la IS NULL AND lo IS NULL)';
    const settled = `(norm <> '' AND length(norm) <= ${MAX_VRM_LENGTH} AND t IS NOT NULL AND isfinite(t)${late} AND site IS NOT NULL
      AND (cf IS NULL OR isnan(cf) OR (cf >= 0 AND cf <= 100)) AND ${position})`;
    return `
      SELECT CASE WHEN ${settled} THEN v.code ELSE -1 END AS code, CASE WHEN ${settled} THEN t ELSE 0 END AS t,
             CASE WHEN ${settled} THEN site ELSE 0 END AS site, rn,
             CASE WHEN ${settled} AND NOT (cf IS NULL OR isnan(cf)) THEN round(cf) ELSE 255 END AS cf
      FROM (SELECT file_row_number::INTEGER AS rn, ${cols.vrm} AS vraw, ${cols.site} AS sraw, ${cols.time} AS t, ${conf} AS cf,
                   ${cols.lat ?? 'NULL::DOUBLE'} AS la, ${cols.lon ?? 'NULL::DOUBLE'} AS lo
            FROM ${this.from} WHERE ${where}) p
      LEFT JOIN anpr_vrm v ON v.raw = p.vraw
      LEFT JOIN (SELECT id, code AS site, slat, slon FROM anpr_site) s ON s.id = p.sraw`;
  }

  /** Copy the sorted result into store columns: renumber used vehicles, drop duplicates. */
  private async fill(result: { fetchChunk(): Promise<{ rowCount: number; getColumnVector(k: number): unknown } | null> },
    total: number, S: number, progress: (rows: number) => void): Promise<{ reads: SortedReads; deferred: number[] }> {
    const W = S * 256, perW = 1 / W, perS = 1 / S; // powers of two: exact
    const deferred: number[] = [];
    const vrms: string[] = [];
    const starts: number[] = [];
    let vehicle = new Uint32Array(0), time = new Float64Array(0), site = new Uint32Array(0), confidence = new Uint8Array(0);
    let n = 0, seen = 0, dup = 0, nextProgress = PROGRESS_EVERY;
    let lastCode = -1, lastT = NaN, lastSite = -1, nv = 0;
    for (;;) {
      const ch = await result.fetchChunk();
      const m = ch ? ch.rowCount : 0;
      if (!ch || m === 0) break;
      const T = (ch.getColumnVector(0) as { items: Float64Array }).items;
      const K = (ch.getColumnVector(1) as { items: Float64Array }).items;
      const SITE = S > 1 ? null : (ch.getColumnVector(2) as { items: Float64Array }).items;
      for (let i = 0; i < m; i++) {
        const k = K[i];
        if (k < 0) { deferred.push(-1 - k); continue; }
        if (vehicle.length === 0) { // first settled row: every deferred row came before it
          const cap = total - seen - i;
          vehicle = new Uint32Array(cap); time = new Float64Array(cap); site = new Uint32Array(cap); confidence = new Uint8Array(cap);
        }
        const code = Math.floor(k * perW), rest = k - code * W;
        const cf = Math.floor(rest * perS), s = SITE ? SITE[i] : rest - cf * S, t = T[i];
        if (code === lastCode) {
          if (t === lastT && s === lastSite) { dup++; continue; }
          if (t < lastT || (t === lastT && s < lastSite)) throw new Error('SQL pass: rows out of order');
        } else {
          if (code < lastCode) throw new Error('SQL pass: rows out of order');
          vrms.push(this.dictionary[code]); starts.push(n); nv++; lastCode = code;
        }
        vehicle[n] = nv - 1; time[n] = t; site[n] = s; confidence[n] = cf; n++;
        lastT = t; lastSite = s;
      }
      seen += m;
      if (seen >= nextProgress) { progress(seen); nextProgress = seen + PROGRESS_EVERY; }
    }
    starts.push(n);
    deferred.sort((a, b) => a - b); // already ascending: they sort first, by row
    return {
      reads: {
        vrms, vehicle: vehicle.subarray(0, n), time: time.subarray(0, n), site: site.subarray(0, n),
        confidence: confidence.subarray(0, n), vehicleStart: Uint32Array.from(starts), duplicates: dup,
      },
      deferred,
    };
  }
}
