/**
 * Parquet fast pass in SQL: DuckDB settles every plainly valid row (and only those) and
 * hands back numbers; JS never looks at a string or an object per row.
 *
 *   distinct raw VRMs ─► normalise in SQL (upper, A-Z0-9 only), code in VRM order ─┐
 *   sites table (JS) ─► temp table id → code (only ids a JS lookup would find)    ├► join per row
 *   row is settled ⇔ VRM non-empty, time finite (and ≤ notAfter), site found with  │
 *   UK coordinates, confidence NULL/NaN or 0..100 ─────────────────────────────────┘
 *
 * Settled rows are written into file-order columns at their 0-based row number. Every other
 * row is returned in `deferred` and must go through `ReadAccumulator.add`, which gives the
 * reason (or accepts it, e.g. a site made from the read's coordinates). SQL only decides
 * "certainly valid"; all rejection reasons stay in one place (JS). The SQL conditions mirror
 * the JS rules exactly for the values they accept:
 *  - VRM: `normaliseVrm` ≡ `upper(regexp_replace(v, '[^A-Za-z0-9]', '', 'g'))`.
 *  - site: exact match on ids with no surrounding whitespace (JS trims before looking up).
 *  - confidence: `Math.round` ≡ `round` on 0..100; NULL or NaN → 255 (not given).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

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
}

/** Output of `sqlPass`: columns indexed by 0-based row number (deferred rows hold garbage). */
export interface SqlPassResult {
  /** Vehicle dictionary, code → normalised VRM, in VRM order (may hold unused entries). */
  vrms: string[];
  vehicle: Uint32Array;
  time: Float64Array;
  site: Uint32Array;
  confidence: Uint8Array;
  /** 0-based rows DuckDB did not settle, ascending. */
  deferred: number[];
}

const PROGRESS_EVERY = 1 << 18;

/**
 * Internal: run the SQL fast pass over `from` (a DuckDB table expression with a
 * `file_row_number` column). `sites` are the ids a JS lookup finds, with their codes, whose
 * coordinates are valid.
 *
 * @example
 * const r = await sqlPass(c, "read_parquet('r.parquet', file_row_number = true)",
 *   { vrm: 'CAST("vrm" AS VARCHAR)', time: 'epoch_ms("timestamp")::DOUBLE', site: 'CAST("site_id" AS VARCHAR)', confidence: null },
 *   [{ id: 'S1', code: 0 }], Infinity, 1000, () => undefined);
 * r.deferred // rows for ReadAccumulator.add, e.g. [17]
 */
export async function sqlPass(c: DuckDBConnection, from: string, cols: SqlPassColumns,
  sites: readonly { id: string; code: number }[], notAfter: number, rowCount: number,
  progress: (rows: number) => void): Promise<SqlPassResult> {
  await c.run('CREATE OR REPLACE TEMP TABLE anpr_site (id VARCHAR, code INTEGER)');
  const app = await c.createAppender('anpr_site');
  for (const s of sites) { app.appendVarchar(s.id); app.appendInteger(s.code); app.endRow(); }
  app.closeSync();

  await c.run(`CREATE OR REPLACE TEMP TABLE anpr_vrm AS
    SELECT raw, norm, (dense_rank() OVER (ORDER BY norm) - 1)::INTEGER AS code
    FROM (SELECT raw, upper(regexp_replace(raw, '[^A-Za-z0-9]', '', 'g')) AS norm
          FROM (SELECT DISTINCT ${cols.vrm} AS raw FROM ${from}) WHERE raw IS NOT NULL)`);
  const vrms: string[] = [];
  const dict = await c.run('SELECT any_value(norm) FROM anpr_vrm GROUP BY code ORDER BY code');
  for (let ci = 0; ci < dict.chunkCount; ci++) {
    const ch = dict.getChunk(ci), v = ch.getColumnVector(0);
    for (let i = 0; i < ch.rowCount; i++) vrms.push(v.getItem(i) as string);
  }

  const conf = cols.confidence ?? 'NULL::DOUBLE';
  const late = Number.isFinite(notAfter) ? ` AND t <= ${notAfter}` : '';
  const settled = `norm <> '' AND t IS NOT NULL AND isfinite(t)${late} AND site IS NOT NULL
    AND (cf IS NULL OR isnan(cf) OR (cf >= 0 AND cf <= 100))`;
  const result = await c.run(`
    SELECT rn, CASE WHEN ${settled} THEN v.code ELSE -1 END AS code, coalesce(t, 0) AS t, coalesce(site, 0) AS site,
           CASE WHEN ${settled} AND NOT (cf IS NULL OR isnan(cf)) THEN round(cf) ELSE 255 END::UTINYINT AS cf
    FROM (SELECT file_row_number::INTEGER AS rn, ${cols.vrm} AS vraw, ${cols.site} AS sraw, ${cols.time} AS t, ${conf} AS cf
          FROM ${from}) p
    LEFT JOIN anpr_vrm v ON v.raw = p.vraw
    LEFT JOIN (SELECT id, code AS site FROM anpr_site) s ON s.id = p.sraw`);

  const vehicle = new Uint32Array(rowCount), time = new Float64Array(rowCount);
  const site = new Uint32Array(rowCount), confidence = new Uint8Array(rowCount);
  const deferred: number[] = [];
  let rows = 0, nextProgress = PROGRESS_EVERY, ordered = true, last = -1;
  for (let ci = 0; ci < result.chunkCount; ci++) {
    const ch = result.getChunk(ci);
    const n = ch.rowCount;
    const R = items(ch, 0) as Int32Array, C = items(ch, 1) as Int32Array, T = items(ch, 2) as Float64Array;
    const S = items(ch, 3) as Int32Array, F = items(ch, 4) as Uint8Array;
    for (let k = 0; k < n; k++) {
      const r = R[k], code = C[k];
      if (code < 0) { deferred.push(r); if (r < last) ordered = false; last = r; continue; }
      vehicle[r] = code; time[r] = T[k]; site[r] = S[k]; confidence[r] = F[k];
    }
    rows += n;
    if (rows >= nextProgress) { progress(rows); nextProgress = rows + PROGRESS_EVERY; }
  }
  if (rows !== rowCount) throw new Error(`SQL pass returned ${rows} rows, expected ${rowCount}`);
  if (!ordered) deferred.sort((a, b) => a - b);
  return { vrms, vehicle, time, site, confidence, deferred };
}

/** The typed array behind column k of a result chunk (the pass selects no NULLs). */
function items(ch: { getColumnVector(k: number): unknown }, k: number): ArrayLike<number> {
  return (ch.getColumnVector(k) as { items: ArrayLike<number> }).items;
}
