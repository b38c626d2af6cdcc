/**
 * Reads from Arrow IPC (file or stream format) through flechette. There are no lines: a
 * row's `line` is its 1-based row number. Column types are read as for Parquet (see
 * read-parquet-reads.ts): a Timestamp with a time zone is an instant, one without (or a
 * Date) is Europe/London wall time, text is parsed, a number is epoch ms UTC.
 * The whole file is read into memory (Arrow files are meant to be); one value per row is
 * passed through the general `ReadAccumulator.add`.
 */
import * as fs from 'node:fs';
import { tableFromIPC } from '@uwdata/flechette';
import * as msg from '../messages';
import { matchReadColumns, type ReadColumn } from './columns';
import { IngestError } from './ingest-error';
import { TimeKind, type ReadAccumulator } from './read-accumulator';
import { csvValue, type QuarantineWriter } from './quarantine';
import { checkRequiredReadColumns } from './read-csv-reads';

const ORDER: ReadColumn[] = ['vrm', 'timestamp', 'site_id', 'lat', 'lon', 'confidence', 'direction'];
const PROGRESS_EVERY = 1 << 17;

type Progress = (fraction: number, rows: number) => void;
type Result = { read: number; columns: Record<string, string> };

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
