/**
 * Reads from Parquet through DuckDB. There are no lines: a row's `line` is its 1-based row
 * number in file order.
 *
 * Column types decide how a value is read:
 *   timestamp  TIMESTAMP WITH TIME ZONE → instant; TIMESTAMP / DATE (no zone) → Europe/London
 *              wall time (same DST rules as text); VARCHAR → parsed as text; a number →
 *              epoch milliseconds UTC.
 *   lat, lon, confidence  numeric → used directly; text → parsed.
 *   vrm, site_id, direction  cast to text.
 *
 * Two passes, so that no JS object or string is made per row on the common path:
 *  1. SQL pass (`parquet-sql-pass.ts`) when the time is an instant (TIMESTAMPTZ or a
 *     number), confidence is numeric or absent and a sites table was given: DuckDB
 *     validates, dictionary-encodes, sorts and de-duplicates the plainly valid rows, which
 *     become the store without a JS sort; every other row is deferred to pass 2. Deferred
 *     rows that pass 2 accepts (sites made from read coordinates, site ids with spaces) are
 *     merged in (`merge-extra-reads.ts`); where one is an exact duplicate of an SQL-sorted
 *     read, one more query finds which came first in the file (its confidence is kept).
 *     Otherwise, hash pass, numbers only. DuckDB hashes the VRM and site texts (53-bit `hash() >> 11`);
 *     the distinct texts are fetched once and checked in JS (normalise VRM, look up site),
 *     giving hash → code tables. Rows then stream as doubles: time, confidence, VRM hash,
 *     site hash. A row whose site is not in the sites table is deferred. If two distinct
 *     texts ever share a hash, every row is deferred (correct, slower).
 *  2. Deferred rows are fetched by row number with their text values and go through the
 *     general `ReadAccumulator.add` in file order (sites made from read coordinates: the
 *     first such read wins, exactly as for CSV).
 * Rejected rows of either pass are fetched by row number for the quarantine, written in
 * row order, values as CSV.
 * A NULL or NaN confidence counts as not given.
 */
import * as msg from '../messages';
import { matchReadColumns, type ReadColumn } from './columns';
import { describe, parquetFrom, sqlIdent, streamChunks, withDuckDb } from './duckdb-source';
import { IngestError } from './ingest-error';
import { londonWallToUtc, parseTimestamp, type ParsedTime } from '../core/london-parse';
import { parseDecimal, Position, TimeKind, type ReadAccumulator } from './read-accumulator';
import { checkRequiredReadColumns } from './read-csv-reads';
import { csvValue, type QuarantineWriter } from './quarantine';
import { SqlPass, type SortedReads } from './parquet-sql-pass';
import { mergeExtraReads } from './merge-extra-reads';
import type { RejectReason } from './types';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DoubleKeyTable } from '../reads/double-key-table';

const ORDER: ReadColumn[] = ['vrm', 'timestamp', 'site_id', 'lat', 'lon', 'confidence', 'direction'];
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const PROGRESS_EVERY = 1 << 17;

type Progress = (fraction: number, rows: number) => void;
type Vector = { getItem(i: number): unknown };

/** The Float64Array behind a DOUBLE vector without NULLs, or null (then use getItem). */
function doubles(v: Vector, rows: number): Float64Array | null {
  const items = (v as unknown as { items?: unknown }).items;
  return items instanceof Float64Array && items.length >= rows ? items : null;
}

/**
 * Internal: load a Parquet reads file into `acc` (see the file comment for the method).
 *
 * @example
 * const { read } = await readParquetReads('reads.parquet', new ReadAccumulator({ sites }), null, () => undefined);
 */
export async function readParquetReads(file: string, acc: ReadAccumulator, q: QuarantineWriter | null,
  progress: Progress): Promise<{ read: number; columns: Record<string, string>; sorted?: SortedReads }> {
  try {
    return await withDuckDb(async (c) => {
      const from = parquetFrom(file);
      const cols = await describe(c, from);
      const names = cols.map((x) => x.name);
      const m = matchReadColumns(names);
      checkRequiredReadColumns(file, m, names);
      const used = ORDER.filter((k) => m.has(k));
      const columns: Record<string, string> = {};
      let timeKind: TimeKind = TimeKind.Text;
      let numericConfidence = false;
      let numericPosition = true;
      const exprs = used.map((k) => {
        const col = cols[m.get(k)!];
        columns[k] = col.name;
        const id = sqlIdent(col.name);
        const t = col.type.toUpperCase();
        if (k === 'timestamp') {
          if (t.startsWith('TIMESTAMP WITH TIME ZONE') || t === 'TIMESTAMPTZ') { timeKind = TimeKind.UtcMs; return `epoch_ms(${id})::DOUBLE`; }
          if (t.startsWith('TIMESTAMP') || t === 'DATE') { timeKind = TimeKind.LondonWallMs; return `epoch_ms(CAST(${id} AS TIMESTAMP))::DOUBLE`; }
          if (t === 'VARCHAR') return id;
          if (NUMERIC.test(t)) { timeKind = TimeKind.UtcMs; return `CAST(${id} AS DOUBLE)`; }
          throw new IngestError(msg.unsupportedColumnType(file, col.name, col.type), file, 0, col.name);
        }
        if ((k === 'lat' || k === 'lon' || k === 'confidence') && NUMERIC.test(t)) {
          if (k === 'confidence') numericConfidence = true;
          return `CAST(${id} AS DOUBLE)`;
        }
        if (k === 'lat' || k === 'lon') numericPosition = false;
        return `CAST(${id} AS VARCHAR)`;
      });
      const P = Object.fromEntries(ORDER.map((k) => [k, used.indexOf(k)])) as Record<ReadColumn, number>;
      const countRows = await c.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
      const rowCount = Number(countRows.getRowsJS()[0][0]);
      acc.reserve(rowCount);

      // Dictionaries (hash -> code) from the distinct texts.
      const text = (p: number) => `coalesce(${exprs[p]}, '')`;
      const hashOf = (p: number) => `(hash(${text(p)}) >> 11)::DOUBLE`;
      let collision = false;
      const dictionary = async (p: number, resolve: (raw: string) => number) => {
        const entries: [number, number][] = [];
        await streamChunks(c, `SELECT v, (hash(v) >> 11)::DOUBLE FROM (SELECT DISTINCT ${text(p)} AS v FROM ${from})`, (v, rows) => {
          for (let i = 0; i < rows; i++) entries.push([v[1].getItem(i) as number, resolve(v[0].getItem(i) as string)]);
        });
        const sized = new DoubleKeyTable(entries.length);
        for (const [h, code] of entries) if (!sized.set(h, code)) collision = true;
        return sized;
      };
      // SQL path: typed instants, numeric (or no) confidence and a sites table.
      const settledSites = acc.settledSites();
      let pass: SqlPass | null = null;
      if (rowCount > 0 && rowCount < 2 ** 31 && P.site_id >= 0 && settledSites.length > 0
        && (timeKind as TimeKind) === TimeKind.UtcMs && (P.confidence < 0 || numericConfidence)) {
        const src = `read_parquet(${from.slice('read_parquet('.length, -1)}, file_row_number = true)`;
        pass = new SqlPass(c, src,
          { vrm: exprs[P.vrm], time: exprs[P.timestamp], site: exprs[P.site_id], confidence: P.confidence < 0 ? null : exprs[P.confidence],
            lat: P.lat < 0 ? null : exprs[P.lat], lon: P.lon < 0 ? null : exprs[P.lon], numericPosition },
          acc.notAfter, rowCount, acc.accessFrom);
        await pass.prepare(settledSites);
      }
      const fast = !pass && rowCount > 0 && P.site_id >= 0;
      const vrmTable = fast ? await dictionary(P.vrm, (raw) => acc.vrmCode(raw)) : null;
      const siteTable = fast ? await dictionary(P.site_id, (raw) => acc.knownSite(raw)) : null;

      const deferred: number[] = []; // 0-based row numbers for pass 2
      const rejected: number[] = []; // 0-based row numbers rejected in pass 1
      const rejectedWhy: RejectReason[] = [];
      let row = 0;
      let sorted: SortedReads | null = null;
      if (pass) {
        // Pass 1 in SQL: DuckDB settles, encodes and sorts the plainly valid rows; the rest are deferred.
        const r = await pass.sortedReads(acc.siteCount, (rows) => progress(0.9 * rows / rowCount, rows));
        sorted = r.reads;
        for (const d of r.deferred) deferred.push(d);
        row = rowCount;
      } else if (fast && !collision) {
        // Pass 1: numbers only.
        const tsExpr = timeKind === TimeKind.Text ? exprs[P.timestamp] : `coalesce(${exprs[P.timestamp]}, 'NaN'::DOUBLE)`;
        const confExpr = P.confidence < 0 ? `'NaN'::DOUBLE`
          : numericConfidence ? `coalesce(${exprs[P.confidence]}, 'NaN'::DOUBLE)` : exprs[P.confidence];
        const t: ParsedTime = { ms: NaN, status: 'bad' };
        let nextProgress = PROGRESS_EVERY;
        const posExpr = (p: number) => (p < 0 ? 'NULL::VARCHAR' : `CAST(${exprs[p]} AS VARCHAR)`);
        const hasPos = P.lat >= 0 || P.lon >= 0;
        await streamChunks(c, `SELECT ${hashOf(P.vrm)}, ${hashOf(P.site_id)}, ${tsExpr}, ${confExpr}${hasPos ? `, ${posExpr(P.lat)}, ${posExpr(P.lon)}` : ''} FROM ${from}`, (v, rows) => {
          const HV = doubles(v[0], rows), HS = doubles(v[1], rows);
          const TS = timeKind === TimeKind.Text ? null : doubles(v[2], rows);
          const CF = numericConfidence || P.confidence < 0 ? doubles(v[3], rows) : null;
          for (let i = 0; i < rows; i++, row++) {
            const site = siteTable!.get(HS ? HS[i] : (v[1].getItem(i) as number));
            if (site < 0) { deferred.push(row); continue; }
            const code = vrmTable!.get(HV ? HV[i] : (v[0].getItem(i) as number));
            if (timeKind === TimeKind.Text) {
              const s = v[2].getItem(i);
              if (typeof s === 'string') parseTimestamp(s, t); else { t.ms = NaN; t.status = 'bad'; }
            } else {
              const tv = TS ? TS[i] : (v[2].getItem(i) as number);
              if (!Number.isFinite(tv)) { t.ms = NaN; t.status = 'bad'; }
              else if (timeKind === TimeKind.UtcMs) { t.ms = tv; t.status = 'ok'; }
              else londonWallToUtc(tv, t);
            }
            let conf: number, hasConf: boolean;
            if (CF) { conf = CF[i]; hasConf = conf === conf; }
            else {
              const cv = v[3].getItem(i);
              const s = typeof cv === 'string' ? cv.trim() : cv == null ? '' : String(cv);
              hasConf = s !== '' && s !== 'NaN'; conf = parseDecimal(s);
            }
            let pos: Position = Position.Ok;
            if (hasPos) {
              const la = v[4].getItem(i), lo = v[5].getItem(i);
              const las = la == null ? '' : String(la).trim(), los = lo == null ? '' : String(lo).trim();
              if (las !== '' || los !== '') pos = acc.positionCode(site, las === '' ? NaN : parseDecimal(las), los === '' ? NaN : parseDecimal(los));
            }
            const reason = acc.addCoded(code, t, site, conf, hasConf, pos);
            if (reason !== null && q) { rejected.push(row); rejectedWhy.push(reason); }
          }
          if (row >= nextProgress) { progress(row / rowCount, acc.n); nextProgress = row + PROGRESS_EVERY; }
        });
      } else {
        for (let r = 0; r < rowCount; r++) deferred.push(r);
        row = rowCount;
      }

      // Pass 2: deferred rows with their values, in file order; then the quarantine.
      const quarantined: { row: number; reason: RejectReason; values: unknown[] }[] = [];
      const acceptedDeferred: number[] = [];
      if (deferred.length) {
        await forRows(c, file, exprs, deferred, (r, values) => {
          const get = (p: number) => (p >= 0 ? (values[p] as string | number | null) : null);
          const cf = get(P.confidence);
          const reason = acc.add(get(P.vrm), get(P.timestamp), timeKind, get(P.site_id), get(P.lat), get(P.lon),
            typeof cf === 'number' && cf !== cf ? null : cf, get(P.direction)); // NaN confidence = not given
          if (reason === null) acceptedDeferred.push(r);
          else if (q) quarantined.push({ row: r, reason, values });
        });
      }
      if (q) {
        q.header(used.map((k) => csvValue(columns[k])).join(','));
        const fromPass1: { row: number; reason: RejectReason; values: unknown[] }[] = [];
        if (rejected.length) {
          let k = 0;
          await forRows(c, file, exprs, rejected, (r, values) => { fromPass1.push({ row: r, reason: rejectedWhy[k++], values }); });
        }
        // merge the two row-ordered lists
        let a = 0, b = 0;
        while (a < fromPass1.length || b < quarantined.length) {
          const x = b >= quarantined.length || (a < fromPass1.length && fromPass1[a].row < quarantined[b].row) ? fromPass1[a++] : quarantined[b++];
          q.row(x.row + 1, x.reason, x.values.map(csvValue).join(','));
        }
      }
      if (!pass || !sorted) { progress(1, acc.n); return { read: row, columns }; }
      if (acceptedDeferred.length) {
        // Merge the deferred rows JS accepted in with the rest (ties break by file row).
        const a = acc.finish().columns;
        const extra = acceptedDeferred.map((r, i) => ({
          row: r, vrm: a.vrms[a.vehicle[i]], time: a.time[i], site: a.site[i], confidence: a.confidence ? a.confidence[i] : 255,
        }));
        const merged = mergeExtraReads(sorted, extra);
        if (merged.ties.length) {
          const first = await pass.firstRows(merged.ties.map((x) => x.extra));
          merged.ties.forEach((x, i) => { if (x.extra.row < first[i]) merged.reads.confidence[x.at] = x.extra.confidence; });
        }
        sorted = merged.reads;
      }
      progress(1, sorted.vehicle.length);
      return { read: row, columns, sorted };
    });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(msg.unreadableFile(file, 'Parquet', (e as Error).message), file);
  }
}

/** Fetch the given 0-based rows (ascending) with their values, in row order. */
async function forRows(c: DuckDBConnection, file: string, exprs: string[], rows: number[],
  fn: (row: number, values: unknown[]) => void): Promise<void> {
  await c.run('CREATE OR REPLACE TEMP TABLE anpr_rows (r DOUBLE)');
  const app = await c.createAppender('anpr_rows');
  for (const r of rows) { app.appendDouble(r); app.endRow(); }
  app.closeSync();
  const src = `read_parquet(${parquetFrom(file).slice('read_parquet('.length, -1)}, file_row_number = true)`;
  await streamChunks(c,
    `SELECT file_row_number::DOUBLE, ${exprs.join(', ')} FROM ${src} WHERE file_row_number IN (SELECT r::BIGINT FROM anpr_rows) ORDER BY file_row_number`,
    (v, n) => {
      for (let i = 0; i < n; i++) {
        const values: unknown[] = [];
        for (let k = 1; k < v.length; k++) values.push(v[k].getItem(i));
        fn(v[0].getItem(i) as number, values);
      }
    });
}
