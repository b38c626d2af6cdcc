/**
 * Access by data age (NASPLE): with a `now`, reads older than 90 London calendar days need an
 * authorisation reference, reads older than 365 days are never loaded. Boundaries by hand:
 * exactly at a limit is kept, a second before is excluded; spans across the clock changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { dataAgeLimits, daysBefore, loadReads, storeDataAge } from '../../../kernel-lib/src';
import { loadSummaryText } from '../../../kernel-lib/src/messages';
import { SITES_CSV, tempDir, writeFile } from '../ingest/helpers';

const dir = tempDir();
const sites = writeFile(dir, 'sites.csv', SITES_CSV);
const Z = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();

describe('daysBefore / dataAgeLimits: London calendar days', () => {
  it('90 days before 12:00 BST on 1 June 2025 is 12:00 GMT on 3 March (90 × 24 h + 1 h)', () => {
    const now = Z('2025-06-01T11:00:00Z');
    expect(iso(daysBefore(now, 90))).toBe('2025-03-03T12:00:00.000Z');
    expect(now - daysBefore(now, 90)).toBe(90 * 86_400_000 - 3_600_000);
  });
  it('across the autumn change: 90 days before 12:00 GMT on 24 Jan 2025 is 12:00 BST on 26 Oct 2024', () => {
    expect(iso(daysBefore(Z('2025-01-24T12:00:00Z'), 90))).toBe('2024-10-26T11:00:00.000Z');
  });
  it('a limit inside the spring-forward gap (01:30 on 30 March 2025) is taken as GMT: 01:30Z', () => {
    expect(iso(daysBefore(Z('2025-06-28T00:30:00Z'), 90))).toBe('2025-03-30T01:30:00.000Z'); // 01:30 BST on 28 June
  });
  it('a limit in the repeated autumn hour is its first (BST) occurrence', () => {
    // 01:30 GMT on 24 Jan 2025 (= 01:30 local); 90 days back: 01:30 on 26 Oct 2024 (BST, the day before the change)
    expect(iso(daysBefore(Z('2025-01-24T01:30:00Z'), 90))).toBe('2024-10-26T00:30:00.000Z');
    // 01:30 local on 27 Oct 2024 happened twice; 90 days after it is 25 Jan 2025 01:30 GMT
    expect(iso(daysBefore(Z('2025-01-25T01:30:00Z'), 90))).toBe('2024-10-27T00:30:00.000Z');
  });
  it('with an authorisation the access limit is the retention limit (365 days); a bad now is a RangeError', () => {
    const l = dataAgeLimits({ now: '2025-06-01T12:00:00+01:00', authorisation: ' AUTH-7 ' });
    expect(l).toEqual({ now: Z('2025-06-01T11:00:00Z'), authorisation: 'AUTH-7', retainFrom: Z('2024-06-01T11:00:00Z'), accessFrom: Z('2024-06-01T11:00:00Z') });
    expect(dataAgeLimits({ now: new Date('2025-06-01T11:00:00Z'), authorisation: '  ' }).authorisation).toBeNull();
    expect(() => dataAgeLimits({ now: 'soon' })).toThrow(RangeError);
  });
});

// now = 12:00 BST, 1 June 2025. Access limit 2025-03-03T12:00Z, retention limit 2024-06-01T11:00Z.
const NOW = '2025-06-01T12:00:00+01:00';
const ROWS: [string, string][] = [
  ['ZA01AAA', '2025-05-31T09:00:00Z'],     //  2 recent
  ['ZA02AAA', '2025-03-03T12:00:00Z'],     //  3 exactly 90 days: kept
  ['ZA03AAA', '2025-03-03T11:59:59Z'],     //  4 a second older: needs_authorisation
  ['ZA04AAA', '2025-03-03T11:30:00Z'],     //  5 within 90 × 24 h but older than 90 calendar days: needs_authorisation
  ['ZA05AAA', '03/03/2025 12:00'],         //  6 local (GMT) = 12:00Z: kept
  ['ZA06AAA', '2024-06-01T11:00:00Z'],     //  7 exactly 365 days: needs_authorisation (kept with one)
  ['ZA07AAA', '01/06/2024 11:59'],         //  8 local BST = 10:59Z: beyond_retention
  ['ZA08AAA', '2024-06-01T10:59:59Z'],     //  9 beyond_retention
  ['ZA09AAA', '2019-01-01T00:00:00Z'],     // 10 beyond_retention
  ['ZA10AAA', '2026-01-01T00:00:00Z'],     // 11 after now: not an age matter, kept
];
const csv = writeFile(dir, 'ages.csv', ['vrm,timestamp,site_id', ...ROWS.map(([v, t]) => `${v},${t},S1`)].join('\n') + '\n');

describe('loadReads with now', () => {
  it('without an authorisation: the last 90 days only; each exclusion counted with its reason', async () => {
    const quarantine = path.join(dir, 'q.csv');
    const { store, summary } = await loadReads({ reads: csv, sites, now: NOW, quarantine });
    expect(store.vrms.slice().sort()).toEqual(['ZA01AAA', 'ZA02AAA', 'ZA05AAA', 'ZA10AAA']);
    expect(summary).toMatchObject({ read: 10, accepted: 4, rejected: 6, duplicates: 0 });
    expect(summary.reasons).toMatchObject({ needs_authorisation: 3, beyond_retention: 3 });
    expect(summary.dataAge).toEqual({
      now: '2025-06-01T11:00:00.000Z', authorisation: null, accessFrom: '2025-03-03T12:00:00.000Z', needsAuthorisation: 3, beyondRetention: 3,
    });
    expect(storeDataAge(store)).toEqual(summary.dataAge);
    expect(loadSummaryText(summary)).toContain('3 older than 365 days (retention), 3 older than 90 days');
    // line and reason only: the excluded reads themselves are not copied out
    expect(readFileSync(quarantine, 'utf8').trim().split('\n')).toEqual([
      'line,reason,vrm,timestamp,site_id', '4,needs_authorisation,', '5,needs_authorisation,', '7,needs_authorisation,',
      '8,beyond_retention,', '9,beyond_retention,', '10,beyond_retention,',
    ]);
  });

  it('with an authorisation: up to 365 days; older reads are still excluded', async () => {
    const { store, summary } = await loadReads({ reads: csv, sites, now: NOW, authorisation: 'AUTH-7' });
    expect(store.vrms.length).toBe(7);
    expect(summary.reasons).toMatchObject({ needs_authorisation: 0, beyond_retention: 3 });
    expect(summary.dataAge).toMatchObject({ authorisation: 'AUTH-7', accessFrom: '2024-06-01T11:00:00.000Z', beyondRetention: 3 });
    expect(summary.read).toBe(summary.accepted + summary.rejected + summary.duplicates);
  });

  it('without now nothing is excluded by age and dataAge is null', async () => {
    const { summary } = await loadReads({ reads: csv, sites });
    expect(summary).toMatchObject({ accepted: 10, dataAge: null });
  });

  it('typed Parquet (the SQL fast path) applies the same rule as CSV', async () => {
    const pq = path.join(dir, 'ages.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    const values = ROWS.filter(([, t]) => t.includes('T')).map(([v, t]) => `('${v}', TIMESTAMPTZ '${t.replace('T', ' ').replace('Z', '+00')}', 'S1')`);
    await c.run(`COPY (SELECT * FROM (VALUES ${values.join(', ')}) v(vrm, timestamp, site_id)) TO '${pq}' (FORMAT parquet)`);
    c.closeSync();
    const fromPq = await loadReads({ reads: pq, sites, now: NOW });
    expect(fromPq.summary.format).toBe('parquet');
    expect(fromPq.summary.reasons).toMatchObject({ needs_authorisation: 3, beyond_retention: 2 });
    expect(fromPq.store.vrms.slice().sort()).toEqual(['ZA01AAA', 'ZA02AAA', 'ZA10AAA']);
  });
});
