/**
 * Fuzz: 10,000 seeded random CSV (and CSV.gz) files through loadReads. Every run either
 * loads, with read = accepted + rejected + duplicates and `read` equal to the number of
 * records an independent RFC 4180 reading of the text finds, or stops with an IngestError
 * (never another exception, never the internal "lost rows" check). Prints cases, rows, time.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestError, loadReads, loadSites, type SiteTable } from '../../../kernel-lib/src';
import { SITES_CSV, tempDir, writeFile } from './helpers';

const SEED = 20251129;
const RUNS = 10_000;
const dir = tempDir();
let sites: SiteTable;
beforeAll(async () => { sites = await loadSites(writeFile(dir, 'sites.csv', SITES_CSV)); });

/**
 * Records in `text` after the header, by the scanner's rules written out independently:
 * `"` opens a quote only at a field's start, `""` inside is a quote, text after a closing
 * quote runs to the next delimiter, an unterminated quote runs to the end of the text;
 * LF, CRLF and lone CR end a record; an empty line is not a record.
 */
function dataRecords(text: string): number {
  let i = 0, records = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    let nf = 0, end = i;
    for (;;) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) break;
          if (text[i] === '"') { if (text[i + 1] === '"') { i += 2; continue; } i++; break; }
          i++;
        }
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      }
      nf++;
      if (i >= n) { end = n; break; }
      if (text[i] === ',') { i++; continue; }
      end = i;
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      break;
    }
    if (!(nf === 1 && end === start)) records++;
  }
  return Math.max(0, records - 1); // the first record is the header
}

// ---- generators -----------------------------------------------------------------------
const hostile = fc.constantFrom('', ' ', '"', '""', ',', '\n', '\r\n', '\r', '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1', '\ufeff', 'é', '😀', '<b>x</b>');
const plate = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('ZA12BCD', 'ZB34CDE', 'ZC56DEF', 'za12 bcd') },
  fc.stringMatching(/^Z[A-Z]{1,2}[0-9]{1,2} ?[A-Z]{0,3}$/),
  fc.constantFrom('ZA12BCD', 'za12 bcd', 'ZB34CDE', '  ', '--'),
  fc.string({ maxLength: 20 }), hostile,
);
const time = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((k) => new Date(Date.UTC(2025, 2, 10, 9, k)).toISOString()) },
  fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) }).map((t) => new Date(t).toISOString()),
  fc.constantFrom('2025-03-30 01:30', '30/03/2025 01:30', '2025-10-26 01:30:00', '26/10/2025 01:30', '2025-03-10T09:00:00+01:00', '2025-02-29 10:00', 'yesterday', ''),
  fc.string({ maxLength: 25 }), hostile,
);
const site = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('S1', 'S2') }, fc.constantFrom('S1', 'S2', 'BAD', 'S9', '', ' S1 ', 's1'), fc.string({ maxLength: 8 }), hostile);
const num = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', '90', '53.4', '-2.2') }, fc.double({ min: -200, max: 200, noNaN: false }).map(String), fc.integer({ min: -5, max: 105 }).map(String),
  fc.constantFrom('', 'NaN', 'Infinity', '0x10', '1e2', ' 50 ', '-0', '53.4', '-2.2'), fc.string({ maxLength: 6 }), hostile);
const COLUMNS = { vrm: plate, timestamp: time, site_id: site, lat: num, lon: num, confidence: num, note: fc.oneof(fc.string({ maxLength: 30 }), hostile) } as const;
type Col = keyof typeof COLUMNS;

const header = fc.oneof(
  { weight: 9, arbitrary: fc.subarray(['lat', 'lon', 'confidence', 'note'] as Col[]).chain((extra) => fc.shuffledSubarray(['vrm', 'timestamp', 'site_id', ...extra] as Col[], { minLength: 3 + extra.length })) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom<Col>('vrm', 'timestamp', 'site_id', 'lat', 'note'), { minLength: 1, maxLength: 5 }) },
);
const csvCase = header.chain((cols) => fc.record({
  cols: fc.constant(cols),
  rows: fc.array(fc.tuple(...cols.map((c) => COLUMNS[c])), { maxLength: 12 }),
  quoteAll: fc.boolean(),
  quoteSome: fc.double({ min: 0, max: 1, noNaN: true }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  finalEol: fc.boolean(),
  bom: fc.boolean(),
  extraFields: fc.integer({ min: -1, max: 1 }),
  mutations: fc.array(fc.tuple(fc.nat(), fc.oneof({ weight: 30, arbitrary: fc.constantFrom('"', ',', '\n', '\r', '""', 'x') }, { weight: 1, arbitrary: fc.constant('\0') })), { maxLength: 3 }),
  gz: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.1),
}));

function render(c: fc.Arbitrary<never> extends never ? any : never): string {
  const cell = (v: string, k: number) => (c.quoteAll || (k * 0.37) % 1 < c.quoteSome ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [c.cols.join(','), ...c.rows.map((r: string[], i: number) => {
    const fields = r.map(cell);
    if (i % 3 === 0 && c.extraFields > 0) fields.push('');
    if (i % 3 === 0 && c.extraFields < 0) fields.pop();
    return fields.join(',');
  })];
  let text = (c.bom ? '\ufeff' : '') + lines.join(c.eol) + (c.finalEol ? c.eol : '');
  for (const [at, s] of c.mutations) { const p = text.length ? at % (text.length + 1) : 0; text = text.slice(0, p) + s + text.slice(p); }
  return text;
}

describe('fuzz: loadReads over random CSV', () => {
  it(`${RUNS} seeded cases: no crash but IngestError; read = accepted + rejected + duplicates = records in the text`, async () => {
    let cases = 0, loaded = 0, errors = 0, rows = 0, accepted = 0;
    const t0 = performance.now();
    await fc.assert(fc.asyncProperty(csvCase, async (c) => {
      cases++;
      const text = render(c);
      const file = path.join(dir, c.gz ? 'fuzz.csv.gz' : 'fuzz.csv');
      writeFileSync(file, c.gz ? gzipSync(Buffer.from(text)) : text);
      try {
        const { store, summary } = await loadReads({ reads: file, sites });
        loaded++; rows += summary.read; accepted += summary.accepted;
        expect(summary.read).toBe(summary.accepted + summary.rejected + summary.duplicates);
        expect(summary.read).toBe(dataRecords(text.replace(/^\ufeff/, '')));
        expect(store.n).toBe(summary.accepted);
      } catch (e) {
        if (!(e instanceof IngestError) || /Internal error/.test(e.message)) throw e;
        errors++;
      }
    }), { seed: SEED, numRuns: RUNS });
    const seconds = (performance.now() - t0) / 1000;
    // eslint-disable-next-line no-console
    console.log(`fuzz: ${cases} cases (seed ${SEED}), ${loaded} loaded, ${errors} IngestError, ${rows} rows read, ${accepted} accepted, ${seconds.toFixed(1)} s`);
    expect(cases).toBe(RUNS);
    expect(loaded).toBeGreaterThan(RUNS / 2); // the generator mostly makes loadable files
    expect(errors).toBeGreaterThan(0);         // and some that are not reads at all
  }, 120_000);
});
