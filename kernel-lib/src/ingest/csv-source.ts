/** Stream a CSV or CSV.gz file through the CsvScanner, with the whole-file sanity checks. */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import * as msg from '../messages';
import { CsvScanner } from './csv-scanner';
import type { BlockPool } from './csv-block-pool';

/**
 * The parallel path's hook (read-csv-reads.ts): after the header and the first chunk, a
 * pool for the blocks of whole lines that follow (their first line given), or null to stay
 * on the exact scanner. Blocks hold no `"` and no lone CR; from the first chunk that does,
 * the rest of the file goes through the exact scanner, its line numbers continuing.
 */
export type OpenBlockPool = (firstLine: number) => BlockPool | null;

const QUOTE = 34, LF = 10, CR = 13;

/** True when b has no `"` and every CR is followed by LF. */
function plainLines(b: Buffer): boolean {
  if (b.indexOf(QUOTE) >= 0) return false;
  for (let i = b.indexOf(CR); i >= 0; i = b.indexOf(CR, i + 1)) if (i + 1 >= b.length || b[i + 1] !== LF) return false;
  return true;
}
import { IngestError } from './ingest-error';

export interface CsvSourceHandlers {
  /** The header fields (BOM removed) and its raw text. Throw IngestError to stop. */
  header(fields: string[], raw: string): void;
  /** Each data record; `fraction` is the share of the (compressed) file consumed so far. */
  record(scanner: CsvScanner, fieldCount: number, line: number): void;
  /**
   * Called after each chunk with the share of the file consumed, the (uncompressed) bytes
   * scanned so far, and how many bytes the whole file likely holds uncompressed (NaN when unknown).
   */
  progress?(fraction: number, scanned: number, expected: number): void;
}

/**
 * Stream `file` (gunzipping when `gz`) and hand the header and each record to `h`.
 * Fatal checks: a UTF-16/UTF-32 byte-order mark, NUL bytes in the first 64 KB (binary), a
 * header with no commas but another delimiter, no header at all (empty).
 *
 * @example
 * await streamCsv('sites.csv', false, { header: (f) => console.log(f), record: (sc, nf, line) => console.log(line, sc.field(0)) });
 */
export async function streamCsv(file: string, gz: boolean, h: CsvSourceHandlers, openPool?: OpenBlockPool, chunkBytes = 1 << 20): Promise<void> {
  const total = fs.statSync(file).size || 1;
  const expected = gz ? gzipSizeHint(file, total) : total;
  let scanned = 0;
  const raw = fs.createReadStream(file, { highWaterMark: chunkBytes });
  let source: NodeJS.ReadableStream = raw;
  if (gz) source = raw.pipe(zlib.createGunzip({ chunkSize: Math.max(64, chunkBytes) }));
  let sawHeader = false;
  let checked = 0;
  let pool: BlockPool | null = null, carry: Buffer | null = null;
  let scanner = new CsvScanner((sc, nf, line) => {
    if (!sawHeader) {
      sawHeader = true;
      const fields: string[] = [];
      for (let k = 0; k < nf; k++) fields.push(sc.field(k).trim());
      if (fields.length > 0) fields[0] = fields[0].replace(/^\ufeff/, '');
      if (nf === 1) {
        for (const d of [';', '\t', '|']) if (fields[0].includes(d)) throw new IngestError(msg.wrongDelimiter(file, d), file, 1);
      }
      h.header(fields, sc.raw().replace(/^\ufeff/, ''));
      return;
    }
    h.record(sc, nf, line);
  });
  try {
    for await (let chunk of source as AsyncIterable<Buffer>) {
      scanned += chunk.length;
      if (checked === 0) {
        const bom = textEncodingByBom(chunk);
        if (bom) throw new IngestError(msg.utf16File(file, bom), file, 1);
        // A UTF-8 BOM goes before scanning, so a quoted first header ("vrm",...) is still quoted.
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      if (checked < 65536) {
        const upto = Math.min(chunk.length, 65536 - checked);
        const nul = chunk.subarray(0, upto).indexOf(0);
        if (nul >= 0) throw new IngestError(msg.binaryFile(file, checked + nul), file);
        checked += upto;
      }
      if (pool) {
        const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
        const cut: number = data.lastIndexOf(LF) + 1;
        const part = data.subarray(0, cut);
        if (!plainLines(part)) {
          scanner = await leavePool(pool, h);
          pool = null; carry = null;
          scanner.push(data);
        } else {
          if (cut > 0) await pool.submit(part);
          carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
        }
      } else {
        scanner.push(chunk);
        if (openPool && sawHeader) {
          const line = scanner.nextLine;
          pool = openPool(line);
          openPool = undefined;
          if (pool) carry = scanner.takeLeftover();
        }
      }
      h.progress?.(Math.min(1, raw.bytesRead / total), scanned, expected);
    }
    if (pool) {
      if (carry && plainLines(carry)) { await pool.submit(carry); carry = null; }
      const next = await pool.finish();
      pool.close(); pool = null;
      if (carry) { scanner = new CsvScanner((sc, nf, line) => h.record(sc, nf, line), next); scanner.push(carry); }
      else scanner = new CsvScanner(() => undefined, next);
    }
    scanner.end();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(msg.unreadableFile(file, gz ? 'gzip CSV' : 'CSV', (e as Error).message), file);
  } finally {
    pool?.close();
    raw.destroy();
    if (source !== raw) (source as zlib.Gunzip).destroy();
  }
  if (!sawHeader) throw new IngestError(msg.emptyFile(file), file);
}

/**
 * The uncompressed size a gzip file records in its last 4 bytes (ISIZE: the size modulo 2^32 of
 * its last member), or NaN when that cannot be the whole file's size (smaller than the file: a
 * larger file wrapped past 4 GiB, or a file of several members). A hint for sizing, never trusted for results.
 */
function gzipSizeHint(file: string, compressed: number): number {
  if (compressed < 18) return NaN;
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(4);
    fs.readSync(fd, b, 0, 4, compressed - 4);
    const size = b.readUInt32LE(0);
    return size >= compressed ? size : NaN;
  } finally {
    fs.closeSync(fd);
  }
}

/** Wait for the pool's blocks and continue with an exact scanner from the line after them. */
async function leavePool(pool: BlockPool, h: CsvSourceHandlers): Promise<CsvScanner> {
  const next = await pool.finish();
  pool.close();
  return new CsvScanner((sc, nf, line) => h.record(sc, nf, line), next);
}

/** The encoding a UTF-16/UTF-32 byte-order mark announces, or null (UTF-8's BOM is fine: it is removed from the header). */
function textEncodingByBom(b: Buffer): string | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  return null;
}
