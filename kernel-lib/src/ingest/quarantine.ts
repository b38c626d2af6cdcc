/** Quarantine file: rejected rows, verbatim, with their line number and reason. */
import * as fs from 'node:fs';

/** Reasons whose rows are not copied into the quarantine (data the rules say must not be used or kept). */
const NOT_COPIED = new Set(['beyond_retention', 'needs_authorisation']);

/**
 * Writes `line,reason,<original header>` then one `<line>,<reason>,<verbatim row>` per
 * rejected row (for the data-age reasons, `<line>,<reason>,` only: a copy of reads the
 * retention or access rule excludes would defeat the rule). For CSV input the row is the exact original text (quoting kept), so the
 * file opens as CSV with the original columns after `line` and `reason`. For Parquet/Arrow
 * input (no text), the row is the values written as CSV. Buffered; call `close()`.
 *
 * @example
 * const q = new QuarantineWriter('rejected.csv'); q.header('vrm,timestamp,site_id');
 * q.row(7, 'bad_timestamp', 'AB12CDE,yesterday,S1'); q.close();
 */
export class QuarantineWriter {
  readonly path: string;
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  count = 0;

  constructor(path: string) {
    this.path = path;
    this.fd = fs.openSync(path, 'w');
  }

  /** The header line (original header text, verbatim). */
  header(rawHeader: string): void {
    this.push(`line,reason,${rawHeader}\n`);
  }

  /** One rejected row. */
  row(line: number, reason: string, raw: string): void {
    this.count++;
    this.push(`${line},${reason},${NOT_COPIED.has(reason) ? '' : raw}\n`);
  }

  private push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length) fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * Quote one value for CSV when needed.
 *
 * @example
 * csvValue('a,"b"') // '"a,""b"""'
 */
export function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
