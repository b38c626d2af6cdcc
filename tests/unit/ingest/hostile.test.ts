/**
 * The hostile-input corpus (tests/fixtures/hostile/, written by make-hostile.mjs): every file
 * gives either the exact clear error (naming file, line, field) or exact, hand-checked counts,
 * never a crash, and always read = accepted + rejected + duplicates. The comments give the
 * hand count for each file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestError, loadReads, loadSites, type LoadSummary, type SiteTable } from '../../../kernel-lib/src';
import { tempDir } from './helpers';

const HOSTILE = path.resolve(__dirname, '../../fixtures/hostile');
const f = (name: string) => path.join(HOSTILE, 'files', name);
let sites: SiteTable;
beforeAll(async () => {
  execFileSync('node', [path.join(HOSTILE, 'make-hostile.mjs')]);
  sites = await loadSites(f('sites.csv'));
});

type Counts = { read: number; accepted: number; rejected: number; duplicates: number; reasons?: Partial<LoadSummary['reasons']>; vrms?: string[]; extra?: Partial<LoadSummary> };
const n = (read: number, accepted: number, rejected: number, duplicates: number, reasons: Partial<LoadSummary['reasons']> = {}, more: Partial<Counts> = {}): Counts =>
  ({ read, accepted, rejected, duplicates, reasons, ...more });

/** Files whose rows are accepted or rejected: exact counts. */
const ROWS: [file: string, expected: Counts][] = [
  ['header-only.csv', n(0, 0, 0, 0)],
  ['header-only-no-newline.csv', n(0, 0, 0, 0)],
  ['bom-utf8.csv', n(2, 2, 0, 0, {}, { vrms: ['ZA12BCD', 'ZB34CDE'] })],                     // BOM dropped from the header
  ['bom-quoted-header.csv', n(1, 1, 0, 0, {}, { vrms: ['ZA12BCD'] })],                     // BOM, then a quoted header
  ['crlf.csv', n(3, 2, 0, 1)],                                                               // CRLF; row 4 repeats row 2
  ['cr-only.csv', n(2, 2, 0, 0)],                                                            // old Mac line ends
  ['latin1.csv', n(2, 2, 0, 0, {}, { vrms: ['Z12BCD', 'ZB34CDE'] })],                        // é (invalid UTF-8) dropped by normalisation
  ['quoted-delimiters.csv', n(3, 2, 1, 0, { unknown_site: 1 }, { vrms: ['ZA12BCD', 'ZB34CDE'] })], // "S1,S2" is one (unknown) site id
  ['embedded-newlines.csv', n(4, 3, 1, 0, { unknown_site: 1 }, { vrms: ['ZA12BCD', 'ZB34CDE', 'ZD78EFG'] })],
  ['unterminated-quote.csv', n(3, 2, 1, 0, { malformed_line: 1 })],                          // the open quote swallows the last line: one broken row
  ['text-after-quote.csv', n(3, 1, 2, 0, { malformed_line: 2 })],
  ['wrong-field-counts.csv', n(5, 2, 3, 0, { malformed_line: 3 })],                          // a trailing empty field is tolerated
  ['huge-line.csv', n(2, 1, 1, 0, { malformed_line: 1 })],                                   // 120k-char note kept; 20k extra fields rejected
  ['vrm-100k.csv', n(2, 1, 1, 0, { vrm_too_long: 1 }, { vrms: ['ZB34CDE'] })],
  ['empty-vrms.csv', n(5, 1, 4, 0, { empty_vrm: 4 })],
  ['bad-timestamps.csv', n(13, 2, 11, 0, { bad_timestamp: 11 }, { vrms: ['ZA12AAA', 'ZA13AAA'] })],
  ['ambiguous-timestamps.csv', n(6, 6, 0, 0, {}, { extra: { ambiguousLocalTimes: 3 } })],     // repeated autumn hour: first (BST) occurrence
  ['dst-gap.csv', n(7, 4, 3, 0, { nonexistent_local_time: 3 })],                            // 01:00–01:59 local on 30 March 2025
  ['coordinates.csv', n(12, 3, 9, 0, { bad_coordinates: 9 }, { extra: { sitesFromReads: 2 } })],
  ['site-positions.csv', n(11, 4, 7, 0, { site_position_mismatch: 2, bad_coordinates: 5 })],   // 58.9 is 610 km off but in the box; OFF itself is at 0,0
  ['unknown-sites.csv', n(5, 1, 4, 0, { unknown_site: 4 })],                                // ids are case-sensitive; spaces trimmed
  ['confidence.csv', n(11, 5, 6, 0, { bad_confidence: 6 })],                                // -1, NaN, 101, high, Infinity, 0x10
  ['formula-injection.csv', n(6, 2, 4, 0, { vrm_too_long: 1, bad_timestamp: 1, unknown_site: 1, bad_confidence: 1 }, { vrms: ['CMDCCALCA0', 'ZE90FGH'] })],
  ['duplicates.csv', n(6, 2, 0, 4)],                                                         // same plate, site and instant, however written
  ['header-aliases.csv', n(1, 1, 0, 0, {}, { vrms: ['ZA12BCD'] })],                           // first matching column wins
  ['all-bad.csv', n(4, 0, 4, 0, { empty_vrm: 2, bad_timestamp: 1, unknown_site: 1 })],
  ['gzip-crlf-bom.csv.gz', n(2, 2, 0, 0, {}, { extra: { format: 'csv.gz' } })],
];

/** Files that cannot be reads at all: the exact error, its line and field. */
const ERRORS: [file: string, message: string, line: number, field: string | null][] = [
  ['empty.csv', 'is empty: expected a header line and reads (CSV), or a Parquet/Arrow file.', 0, null],
  ['blank-lines-only.csv', 'is empty: expected a header line and reads (CSV), or a Parquet/Arrow file.', 0, null],
  ['binary.csv', 'looks binary (a NUL byte at offset 145)', 0, null],
  ['nul-in-row.csv', 'looks binary (a NUL byte at offset 58)', 0, null],
  ['utf16le-bom.csv', 'is UTF-16LE text (it starts with that byte-order mark); reads must be UTF-8', 1, null],
  ['utf16be-bom.csv', 'is UTF-16BE text (it starts with that byte-order mark); reads must be UTF-8', 1, null],
  ['semicolon-delimited.csv', 'line 1: the header has no commas but contains ";"', 1, null],
  ['tab-delimited.csv', 'line 1: the header has no commas but contains "\\t"', 1, null],
  ['no-vrm-column.csv', 'vrm', 1, 'vrm'],
  ['no-site-columns.csv', 'site', 1, 'site_id'],
  ['truncated.csv.gz', 'unexpected end of file', 0, null],
];

const SITE_ERRORS: [file: string, message: string, line: number][] = [
  ['sites-empty-id.csv', 'line 3: empty site_id.', 3],
  ['sites-duplicate-id.csv', 'line 4', 4],
];

describe('hostile input: rows are accepted or rejected with a reason, every row accounted for', () => {
  it.each(ROWS)('%s', async (file, e) => {
    const dir = tempDir();
    const { store, summary } = await loadReads({ reads: f(file), sites, quarantine: path.join(dir, 'q.csv') });
    expect({ read: summary.read, accepted: summary.accepted, rejected: summary.rejected, duplicates: summary.duplicates })
      .toEqual({ read: e.read, accepted: e.accepted, rejected: e.rejected, duplicates: e.duplicates });
    expect(summary.read).toBe(summary.accepted + summary.rejected + summary.duplicates);
    const nonZero = Object.fromEntries(Object.entries(summary.reasons).filter(([, k]) => k > 0));
    expect(nonZero).toEqual(e.reasons);
    if (e.vrms) expect([...store.vrms].sort()).toEqual(e.vrms);
    if (e.extra) expect(summary).toMatchObject(e.extra);
    // every rejected row is in the quarantine file, with its reason
    const q = readFileSync(path.join(dir, 'q.csv'), 'utf8');
    const rows = q === '' ? [] : q.slice(q.indexOf('\n') + 1).split(/\n(?=\d+,[a-z_]+,)/).filter((l) => l !== '');
    expect(rows.length).toBe(summary.rejected);
  });

  it('quarantine lines name the physical line a row starts on, after quoted newlines', async () => {
    const dir = tempDir();
    await loadReads({ reads: f('embedded-newlines.csv'), sites, quarantine: path.join(dir, 'q.csv') });
    expect(readFileSync(path.join(dir, 'q.csv'), 'utf8')).toBe('line,reason,vrm,timestamp,site_id,note\n6,unknown_site,ZC56DEF,2025-03-10T09:10:00Z,S9,"a\r\nb\nc"\n');
  });

  it('a sites file with unparsable coordinates loads; reads there are rejected as bad_coordinates', async () => {
    const bad = await loadSites(f('sites-bad-coords.csv'));
    expect(Array.from(bad.lat)).toEqual([53.4, NaN, NaN]);
    const { summary } = await loadReads({ reads: f('reads-at-bad-sites.csv'), sites: bad });
    expect(summary).toMatchObject({ read: 3, accepted: 1, rejected: 2, duplicates: 0 });
    expect(summary.reasons.bad_coordinates).toBe(2);
  });
});

describe('hostile input: files that are not reads give one clear IngestError', () => {
  it.each(ERRORS)('%s', async (file, message, line, field) => {
    const err = await loadReads({ reads: f(file), sites }).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toContain(f(file));
    expect(err.message).toContain(message);
    expect({ file: err.file, line: err.line, field: err.field }).toEqual({ file: f(file), line, field });
  });

  it.each(SITE_ERRORS)('%s (sites)', async (file, message, line) => {
    const err = await loadSites(f(file)).then(() => null, (e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toContain(`${f(file)} ${message}`);
    expect({ line: err.line, field: err.field }).toEqual({ line, field: 'site_id' });
  });

  it('the corpus has at least 30 bad-input files', () => {
    expect(ROWS.length + ERRORS.length + SITE_ERRORS.length + 1).toBeGreaterThanOrEqual(30);
  });
});
