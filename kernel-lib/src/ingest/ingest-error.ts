/** The one error type of the ingest layer: the file cannot be read as reads at all. */

/**
 * A fatal ingest error: the file is not reads (binary, wrong delimiter, empty, missing a
 * required column, unreadable). Row-level problems never throw; they are rejections.
 * `line` is 1-based (0 when the problem is the whole file); `field` names the column or
 * property at fault when there is one.
 *
 * @example
 * try { await loadReads({ reads: 'reads.csv' }); }
 * catch (e) { if (e instanceof IngestError) console.error(e.file, e.line, e.field, e.message); }
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number;
  readonly field: string | null;
  constructor(message: string, file: string, line = 0, field: string | null = null) {
    super(message);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
    this.field = field;
  }
}
