/**
 * A streaming CSV record scanner over byte chunks (RFC 4180: `,` delimiter, `"` quoting with
 * `""` escapes, quoted fields may hold delimiters and newlines; LF or CRLF line ends).
 *
 * Why our own scanner and not DuckDB's read_csv for CSV: the load summary and quarantine
 * promise the exact 1-based physical line number of every row and the row's verbatim text.
 * DuckDB's CSV reader cannot give original line numbers once quoted fields hold newlines or
 * lines are skipped, and it re-quotes values. This scanner keeps both, allocates nothing per
 * record (field bounds live in typed arrays; strings are made only for the fields asked
 * for), and measured faster than the rest of the per-row work (see the ingest report).
 * Parquet and Arrow files, which have no lines, go through DuckDB / flechette instead.
 *
 * Line rule: a record's `line` is the physical line (1 = header) on which it starts.
 */

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;

/** Receives each record; read fields with `scanner.field(k)` during the call only. */
export type RecordHandler = (scanner: CsvScanner, fieldCount: number, line: number) => void;

/**
 * @example
 * const sc = new CsvScanner((s, nf, line) => console.log(line, s.field(0)));
 * sc.push(Buffer.from('a,b\n"x\ny",z\n')); sc.end(); // 1 'a', then 2 'x\ny'
 */
export class CsvScanner {
  /** Bytes of the current window; valid during the handler call. */
  buf: Buffer = Buffer.alloc(0);
  /** Record byte range in `buf` (without the line end); valid during the handler call. */
  recStart = 0;
  recEnd = 0;
  /** True when the record broke CSV rules (stray text after a closing quote, unterminated quote). */
  broken = false;
  /** Per field of the current record: byte start, byte end, and 1 when it holds `""` escapes. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  escaped = new Uint8Array(64);
  private line = 1;
  private leftover: Buffer | null = null;
  private readonly onRecord: RecordHandler;

  /** `firstLine`: the physical line number of the first byte pushed (1 = start of the file). */
  constructor(onRecord: RecordHandler, firstLine = 1) {
    this.onRecord = onRecord;
    this.line = firstLine;
  }

  /** The physical line number the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Take the bytes of the incomplete record kept for the next push (null when none); the scanner forgets them. */
  takeLeftover(): Buffer | null {
    const l = this.leftover;
    this.leftover = null;
    return l;
  }

  /** Forget any incomplete record and number the next record `line`. */
  restartAt(line: number): void {
    this.leftover = null;
    this.line = line;
  }

  /** Field k of the current record as a string ('' past the end). */
  field(k: number): string {
    const s = this.starts[k], e = this.ends[k];
    if (e <= s) return '';
    const v = this.buf.toString('utf8', s, e);
    return this.escaped[k] ? v.replace(/""/g, '"') : v;
  }

  /** The current record's verbatim text. */
  raw(): string {
    return this.buf.toString('utf8', this.recStart, this.recEnd);
  }

  /** Feed the next chunk. Records that end inside the chunk are emitted now. */
  push(chunk: Buffer): void {
    const buf = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
    const used = this.scan(buf, false);
    this.leftover = used < buf.length ? buf.subarray(used) : null;
    if (this.leftover && this.leftover.length > 64 * 1024 * 1024)
      this.leftover = Buffer.from(this.leftover); // detach from a huge parent buffer
  }

  /** Signal end of input: the last record (without a final line end) is emitted. */
  end(): void {
    if (this.leftover && this.leftover.length > 0) this.scan(this.leftover, true);
    this.leftover = null;
  }

  /** Scan records from `buf`; return bytes consumed (start of an incomplete trailing record). */
  private scan(buf: Buffer, final: boolean): number {
    this.buf = buf;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const recStart = pos;
      let i = pos, nf = 0, newlines = 0, broken = false, complete = false;
      for (;;) {
        if (nf === this.starts.length) this.grow();
        let s: number, e: number, esc = 0;
        if (i < n && buf[i] === QUOTE) {
          s = i + 1; i = s;
          let closed = false;
          while (i < n) {
            const c = buf[i];
            if (c === QUOTE) {
              if (i + 1 < n && buf[i + 1] === QUOTE) { esc = 1; i += 2; continue; }
              if (i + 1 >= n && !final) break; // need the next byte to decide
              closed = true; break;
            }
            if (c === LF) newlines++;
            i++;
          }
          if (!closed) {
            if (!final) return recStart; // wait for more data
            // unterminated quote at end of input: the rest is one broken record
            e = n; i = n; broken = true;
          } else {
            e = i; i++;
            // after the closing quote: delimiter or line end expected
            while (i < n && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) { broken = true; i++; }
          }
        } else {
          s = i;
          while (i < n) {
            const c = buf[i];
            if (c === COMMA || c === LF || c === CR) break;
            i++;
          }
          e = i;
        }
        this.starts[nf] = s; this.ends[nf] = e; this.escaped[nf] = esc; nf++;
        if (i >= n) {
          if (!final) return recStart;
          complete = true; this.recEnd = n; pos = n; break;
        }
        const c = buf[i];
        if (c === COMMA) { i++; continue; }
        // line end
        this.recEnd = i;
        if (c === CR) {
          if (i + 1 >= n && !final) return recStart; // maybe CRLF split across chunks
          i += i + 1 < n && buf[i + 1] === LF ? 2 : 1;
        } else i++;
        pos = i; complete = true; break;
      }
      if (!complete) break;
      this.recStart = recStart;
      this.broken = broken;
      const line = this.line;
      this.line += newlines + 1;
      // a blank line is not a record
      if (!(nf === 1 && this.ends[0] === this.starts[0] && this.recEnd === recStart)) this.onRecord(this, nf, line);
    }
    return pos;
  }

  private grow(): void {
    const m = this.starts.length * 2;
    const s = new Int32Array(m); s.set(this.starts); this.starts = s;
    const e = new Int32Array(m); e.set(this.ends); this.ends = e;
    const x = new Uint8Array(m); x.set(this.escaped); this.escaped = x;
  }
}
