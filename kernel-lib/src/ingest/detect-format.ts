/** Decide a reads/sites file's format from its first bytes, then its extension. */
import * as fs from 'node:fs';
import * as msg from '../messages';
import { IngestError } from './ingest-error';

/** File formats the ingest layer reads. */
export type FileFormat = 'csv' | 'csv.gz' | 'parquet' | 'arrow';

/**
 * Detect a file's format. Magic bytes win over the extension: gzip (`1f 8b`) → csv.gz,
 * `PAR1` → parquet, `ARROW1` or an Arrow stream continuation marker → arrow; otherwise the
 * extension decides (`.parquet`/`.pq`, `.arrow`/`.feather`/`.ipc`/`.arrows`, `.gz`), and
 * anything else is CSV. Throws IngestError when the file cannot be opened or is empty.
 *
 * @example
 * detectFormat('reads.csv.gz') // 'csv.gz'
 */
export function detectFormat(file: string): FileFormat {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(8);
      const got = fs.readSync(fd, head, 0, 8, 0);
      head = head.subarray(0, got);
    } finally { fs.closeSync(fd); }
  } catch (e) {
    throw new IngestError(msg.fileNotReadable(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message), file);
  }
  if (head.length === 0) throw new IngestError(msg.emptyFile(file), file);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'csv.gz';
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (head.subarray(0, 6).toString('latin1') === 'ARROW1') return 'arrow';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xffffffff) return 'arrow';
  const lower = file.toLowerCase();
  if (/\.(parquet|pq)$/.test(lower)) return 'parquet';
  if (/\.(arrow|feather|ipc|arrows)$/.test(lower)) return 'arrow';
  return 'csv';
}
