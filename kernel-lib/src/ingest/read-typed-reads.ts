/**
 * Reads from typed columnar files: Parquet (through DuckDB) and Arrow IPC (through flechette).
 * There are no lines: a row's `line` is its 1-based row number in file order.
 *
 * Column types decide how a value is read:
 *   timestamp  TIMESTAMP WITH TIME ZONE → instant; TIMESTAMP / DATE (no zone) → Europe/London
 *              wall time (same DST rules as text); VARCHAR → parsed as text; a number →
 *              epoch milliseconds UTC.
 *   lat, lon, confidence  numeric → used directly; text → parsed.
 *   vrm, site_id, direction  cast to text.
 */
import * as fs from 'node:fs';
import { tableFromIPC } from '@uwdata/flechette';
import * as msg from '../messages';
import { matchReadColumns, type ReadColumn } from './columns';
import { describe, parquetFrom, sqlIdent, streamChunks, withDuckDb } from './duckdb-source';
import { IngestError } from './ingest-error';
import { londonWallToUtc, parseTimestamp, type ParsedTime } from './london-time';
import { TimeKind, type ReadAccumulator } from './read-accumulator';
import type { RejectReason } from './types';
import { csvValue, type QuarantineWriter } from './quarantine';
import { checkRequiredReadColumns } from './read-csv-reads';

const ORDER: ReadColumn[] = ['vrm', 'timestamp', 'site_id', 'lat', 'lon', 'confidence', 'direction'];
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const PROGRESS_EVERY = 1 << 17;

type Progress = (fraction: number, rows: number) => void;
type Result = { read: number; columns: Record<string, string> };

/**
 * Internal: stream a Parquet reads file into `acc`.
 *
 * Fast path (no JS string per row): DuckDB turns the VRM and site texts into ENUM codes;
 * the distinct texts are checked once in JS, then rows arrive as numbers only. Rows whose
 * site is not yet known, and rejected rows (for the quarantine), read their text lazily.
 *
 * @example
 * const { read } = await readParquetReads('reads.parquet', new ReadAccumulator({ sites }), null, () => undefined);
 */
export async function readParquetReads(file: string, acc: ReadAccumulator, q: QuarantineWriter | null, progress: Progress): Promise<Result> {
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
          return `CAST(${id} AS DOUBLE)`;
        }
        return `CAST(${id} AS VARCHAR)`;
      });
      q?.header(used.map((k) => csvValue(columns[k])).join(','));
      const countRows = await c.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ${from}`);
      const rowCount = Number(countRows.getRowsJS()[0][0]);
      const total = rowCount || 1;
      const [pVrm, pTs, pSite, pLat, pLon, pConf, pDir] = ORDER.map((k) => used.indexOf(k));

      // Dictionaries: DuckDB ENUM types over the distinct VRM and site texts. Each distinct
      // text is checked once in JS (enum index -> vehicle / site code); rows then arrive
      // as small integers, with no JS string per row.
      const text = (p: number) => `coalesce(${exprs[p]}, '')`;
      const enumCodes = async (p: number, type: string, resolve: (raw: string) => number): Promise<Int32Array> => {
        await c.run(`CREATE TYPE ${type} AS ENUM (SELECT DISTINCT ${text(p)} FROM ${from})`);
        const codes: number[] = [];
        await streamChunks(c, `SELECT unnest(enum_range(NULL::${type}))`, (v, rows) => {
          for (let i = 0; i < rows; i++) codes.push(resolve(v[0].getItem(i) as string));
        });
        return Int32Array.from(codes);
      };
      const fast = rowCount > 0 && pSite >= 0; // the enum path needs a row and a site column
      const vrmCodes = fast ? await enumCodes(pVrm, 'anpr_vrm_t', (raw) => acc.vrmCode(raw)) : new Int32Array(0);
      const siteCodes = fast ? await enumCodes(pSite, 'anpr_site_t', (raw) => acc.knownSite(raw)) : new Int32Array(0);

      const n = used.length;
      const sql = fast
        ? `SELECT ${exprs.join(', ')}, enum_code(CAST(${text(pVrm)} AS anpr_vrm_t)), enum_code(CAST(${text(pSite)} AS anpr_site_t)) FROM ${from}`
        : `SELECT ${exprs.join(', ')} FROM ${from}`;
      const t: ParsedTime = { ms: NaN, status: 'bad' };
      let line = 0, nextProgress = PROGRESS_EVERY;
      await streamChunks(c, sql, (v, rows) => {
        const get = (p: number, i: number) => (p >= 0 ? (v[p].getItem(i) as string | number | null) : null);
        const ev = fast ? v[n] : null, es = fast ? v[n + 1] : null;
        const ts = v[pTs], conf = pConf >= 0 ? v[pConf] : null;
        for (let i = 0; i < rows; i++) {
          line++;
          let reason: RejectReason | null;
          let site = -1, siteEnum = -1;
          if (es) { siteEnum = es.getItem(i) as number; site = siteCodes[siteEnum]; }
          if (ev && site >= 0) {
            const code = vrmCodes[ev.getItem(i) as number];
            const tv = ts.getItem(i);
            if (timeKind === TimeKind.Text) {
              if (typeof tv === 'string') parseTimestamp(tv, t); else { t.ms = NaN; t.status = 'bad'; }
            } else if (typeof tv !== 'number' || !Number.isFinite(tv)) { t.ms = NaN; t.status = 'bad'; }
            else if (timeKind === TimeKind.UtcMs) { t.ms = tv; t.status = 'ok'; }
            else londonWallToUtc(tv, t);
            let cv = conf ? conf.getItem(i) as number | string | null : null;
            if (typeof cv === 'string') cv = cv.trim() === '' ? null : Number(cv.trim());
            reason = acc.addCoded(code, t, site, cv ?? 0, cv !== null);
          } else {
            reason = acc.add(get(pVrm, i), get(pTs, i), timeKind, get(pSite, i), get(pLat, i), get(pLon, i),
              get(pConf, i), get(pDir, i));
            if (siteEnum >= 0 && reason === null) {
              // the site may exist now (made from this read's coordinates): use the fast path next time
              const id = get(pSite, i);
              if (typeof id === 'string') siteCodes[siteEnum] = acc.knownSite(id);
            }
          }
          if (reason !== null && q) q.row(line, reason, used.map((_, p) => csvValue(v[p].getItem(i))).join(','));
        }
        if (line >= nextProgress) { progress(line / total, acc.n); nextProgress = line + PROGRESS_EVERY; }
      });
      return { read: line, columns };
    });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(msg.unreadableFile(file, 'Parquet', (e as Error).message), file);
  }
}

// flechette type ids (Apache Arrow Type enum).
const ARROW_INT = 2, ARROW_FLOAT = 3, ARROW_UTF8 = 5, ARROW_DECIMAL = 7, ARROW_DATE = 8, ARROW_TIMESTAMP = 10,
  ARROW_LARGE_UTF8 = 20, ARROW_DICTIONARY = -1;

/**
 * Internal: read an Arrow IPC (file or stream format) reads file into `acc`.
 *
 * @example
 * const { read } = await readArrowReads('reads.arrow', new ReadAccumulator({ sites }), null, () => undefined);
 */
export async function readArrowReads(file: string, acc: ReadAccumulator, q: QuarantineWriter | null, progress: Progress): Promise<Result> {
  let table;
  try {
    table = tableFromIPC(fs.readFileSync(file));
  } catch (e) {
    throw new IngestError(msg.unreadableFile(file, 'Arrow IPC', (e as Error).message), file);
  }
  const fields = table.schema.fields;
  const names = fields.map((f) => f.name);
  const m = matchReadColumns(names);
  checkRequiredReadColumns(file, m, names);
  const used = ORDER.filter((k) => m.has(k));
  const columns: Record<string, string> = {};
  let timeKind: TimeKind = TimeKind.Text;
  const arrays = used.map((k) => {
    const f = fields[m.get(k)!];
    columns[k] = f.name;
    const type = f.type as { typeId: number; timezone?: string | null };
    if (k === 'timestamp') {
      if (type.typeId === ARROW_TIMESTAMP) timeKind = type.timezone ? TimeKind.UtcMs : TimeKind.LondonWallMs;
      else if (type.typeId === ARROW_DATE) timeKind = TimeKind.LondonWallMs;
      else if (type.typeId === ARROW_INT || type.typeId === ARROW_FLOAT || type.typeId === ARROW_DECIMAL) timeKind = TimeKind.UtcMs;
      else if (type.typeId !== ARROW_UTF8 && type.typeId !== ARROW_LARGE_UTF8 && type.typeId !== ARROW_DICTIONARY)
        throw new IngestError(msg.unsupportedColumnType(file, f.name, `Arrow type ${type.typeId}`), file, 0, f.name);
    }
    return table.getChild(f.name).toArray() as ArrayLike<unknown>;
  });
  q?.header(used.map((k) => csvValue(columns[k])).join(','));
  const [pVrm, pTs, pSite, pLat, pLon, pConf, pDir] = ORDER.map((k) => used.indexOf(k));
  const n = table.numRows;
  const val = (p: number, i: number): string | number | null => {
    if (p < 0) return null;
    const x = arrays[p][i];
    return x === null || x === undefined ? null : typeof x === 'number' || typeof x === 'string' ? x
      : typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.getTime() : String(x);
  };
  for (let i = 0; i < n; i++) {
    const reason = acc.add(val(pVrm, i), val(pTs, i), timeKind, val(pSite, i), val(pLat, i), val(pLon, i), val(pConf, i), val(pDir, i));
    if (reason !== null && q) q.row(i + 1, reason, used.map((_, p) => csvValue(val(p, i))).join(','));
    if ((i & (PROGRESS_EVERY - 1)) === PROGRESS_EVERY - 1) progress((i + 1) / n, acc.n);
  }
  return { read: n, columns };
}
