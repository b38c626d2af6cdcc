/**
 * CSV export of result tables that a spreadsheet opens safely: a text cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel or LibreOffice as a
 * formula (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(...)`), so it is written with a
 * leading `'` (OWASP's advice), which the spreadsheet shows as text. Numbers stay numbers
 * (-2.5 is a number, not a formula). Cells are quoted when they hold `"`, `,` or line ends.
 */

/** A table-like input: an arquero table (`objects()`), a query result (`toJSON()`, plates pseudonymised), or plain row objects. */
export type CsvSource =
  | readonly Record<string, unknown>[]
  | { objects(): Record<string, unknown>[] }
  | { toJSON(options?: { reveal?: boolean }): Record<string, unknown>[] };

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as written: formula-like text prefixed with `'`, then quoted when needed.
 * @example csvCell('=HYPERLINK("http://x","y")') // `"'=HYPERLINK(""http://x"",""y"")"`
 * @example csvCell(-2.5) // '-2.5'
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  let s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join('; ') : String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A result table as CSV text (header, then one line per row, `\n` line ends), with formula
 * injection neutralised. Columns are the first row's keys, then any new key of later rows.
 * @example toCsv(aThenB(store, { a: ['S1'], b: ['S2'], withinMinutes: 30 })) // 'vrm,a_time,...\nV-…'
 * @example toCsv([{ vrm: 'ZA12BCD', note: '=1+1' }]) // "vrm,note\nZA12BCD,'=1+1\n"
 */
export function toCsv(table: CsvSource): string {
  const rows: readonly Record<string, unknown>[] = Array.isArray(table) ? table
    : 'objects' in (table as object) && typeof (table as { objects?: unknown }).objects === 'function' ? (table as { objects(): Record<string, unknown>[] }).objects()
    : (table as { toJSON(): Record<string, unknown>[] }).toJSON();
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}
