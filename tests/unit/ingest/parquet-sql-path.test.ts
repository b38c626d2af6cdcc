// The Parquet SQL path (TIMESTAMPTZ, numeric confidence, sites table) must give exactly what the
// JS rules give: same store, same summary, same rejected rows with the same reasons, as the
// same rows loaded from CSV.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import { SqlPass } from '../../../kernel-lib/src/ingest/parquet-sql-pass';
import type { LoadSummary } from '../../../kernel-lib/src/ingest/types';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { SITES_CSV, tempDir, writeFile } from './helpers';

let dir: string;
let sites: string;
beforeAll(() => {
  dir = tempDir();
  sites = writeFile(dir, 'sites.csv', SITES_CSV);
});

type Row = [vrm: string | null, ts: string | null, site: string | null, lat: number | null, lon: number | null, conf: number | null];

const csvField = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);

/** Write the rows as CSV (ISO text times) and as typed Parquet (TIMESTAMPTZ, DOUBLE, BIGINT). */
async function writeBoth(name: string, rows: Row[], confType = 'BIGINT'): Promise<{ csv: string; pq: string }> {
  const csv = writeFile(dir, `${name}.csv`, ['vrm,timestamp,site_id,lat,lon,confidence',
    ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n');
  const pq = path.join(dir, `${name}.parquet`);
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`CREATE TABLE t (vrm VARCHAR, timestamp TIMESTAMPTZ, site_id VARCHAR, lat DOUBLE, lon DOUBLE, confidence ${confType})`);
  const app = await c.createAppender('t');
  for (const [vrm, ts, site, lat, lon, conf] of rows) {
    if (vrm === null) app.appendNull(); else app.appendVarchar(vrm);
    if (ts === null) app.appendNull(); else app.appendVarchar(ts);
    if (site === null) app.appendNull(); else app.appendVarchar(site);
    if (lat === null) app.appendNull(); else app.appendDouble(lat);
    if (lon === null) app.appendNull(); else app.appendDouble(lon);
    if (conf === null) app.appendNull(); else if (confType === 'DOUBLE') app.appendDouble(conf); else app.appendBigInt(BigInt(conf));
    app.endRow();
  }
  app.closeSync();
  await c.run(`COPY t TO '${pq}' (FORMAT parquet)`);
  c.closeSync(); inst.closeSync();
  return { csv, pq };
}

const rowsOf = (s: ReadStore) =>
  Array.from({ length: s.n }, (_, i) => [s.vrms[s.vehicle[i]], new Date(s.time[i]).toISOString(), s.sites.id[s.site[i]], s.confidence[i]]);
const comparable = (s: LoadSummary) => {
  const { file, format, columns, elapsedMs, quarantine, ...rest } = s;
  return rest;
};
/** Quarantine as [data row number, reason] pairs (CSV lines are one past the row number). */
const quarantined = (file: string, lineOffset: number) =>
  fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
    .map(([line, reason]) => [Number(line) - lineOffset, reason]);

async function expectSameAsCsv(name: string, rows: Row[], notAfter?: number) {
  const { csv, pq } = await writeBoth(name, rows);
  const qc = path.join(dir, `${name}-q-csv.csv`), qp = path.join(dir, `${name}-q-pq.csv`);
  const a = await loadReads({ reads: csv, sites, quarantine: qc, notAfter });
  const b = await loadReads({ reads: pq, sites, quarantine: qp, notAfter });
  expect(b.summary.format).toBe('parquet');
  expect(comparable(b.summary)).toEqual(comparable(a.summary));
  expect(rowsOf(b.store)).toEqual(rowsOf(a.store));
  expect(Array.from(b.store.vehicleStart)).toEqual(Array.from(a.store.vehicleStart));
  expect(b.store.vrms).toEqual(a.store.vrms);
  expect(b.store.sites.id).toEqual(a.store.sites.id);
  expect(quarantined(qp, 0)).toEqual(quarantined(qc, 1));
  return b;
}

describe('loadReads: Parquet SQL path matches the JS rules', () => {
  it('every reason, deferred rows accepted and sorted in, duplicates keep the first row', async () => {
    const Z = (hm: string) => `2025-01-01T${hm}:00Z`;
    const rows: Row[] = [
      ['ab12 cde', Z('10:00'), 'S1', null, null, 90],    // 1 settled (normalised VRM)
      ['AB12CDE', Z('10:00'), 'S1', null, null, 80],     // 2 duplicate of 1: 90 kept
      [' - ', Z('10:00'), 'S1', null, null, 90],         // 3 empty_vrm
      [null, Z('10:00'), 'S1', null, null, 90],          // 4 empty_vrm (NULL)
      ['AB12CDE', null, 'S1', null, null, 90],           // 5 bad_timestamp (NULL)
      ['AB12CDE', Z('11:00'), 'S404', null, null, 50],   // 6 unknown_site
      ['AB12CDE', Z('12:00'), 'NEW', 53.1, -2.1, 60],    // 7 site made from coordinates (deferred, accepted)
      ['AB12CDE', Z('12:00'), 'NEW', null, null, 70],    // 8 deferred, duplicate of 7: 60 kept
      ['ZZ99ZZZ', Z('09:00'), 'BAD', null, null, 50],    // 9 bad_coordinates (site outside the UK)
      ['ZZ99ZZZ', Z('09:30'), 'S2', null, null, 101],    // 10 bad_confidence
      ['ZZ99ZZZ', Z('09:45'), 'S2', null, null, null],   // 11 no confidence: 255
      ['ZZ99ZZZ', Z('09:45'), ' S2 ', null, null, 40],   // 12 deferred (spaces), duplicate of 11: 255 kept
      ['AB12CDE', Z('08:00'), 'S1', null, null, 100],    // 13 settled, sorts first
      ['ZZ99ZZZ', '2030-01-01T00:00:00Z', 'S1', null, null, 10], // 14 future_timestamp
      ['CC11CCC', Z('10:00'), 'S2', null, null, -1],     // 15 bad_confidence
      ['DD11DDD', Z('10:00'), ' S1', null, null, 33],    // 16 deferred, accepted, first of a duplicate pair
      ['DD11DDD', Z('10:00'), 'S1', null, null, 44],     // 17 settled duplicate of 16: 33 kept
      ['ee11-eee', Z('10:00'), ' S1', null, null, 5],    // 18 VRM only on a deferred row
      ['AB12CDE', Z('10:00'), 'S2', null, null, 0],      // 19 same time, other site: kept, after S1
    ];
    const { store, summary } = await expectSameAsCsv('reasons', rows, Date.UTC(2026, 0, 1));
    expect(summary).toMatchObject({ read: 19, accepted: 7, rejected: 8, duplicates: 4, sitesFromReads: 1 });
    expect(rowsOf(store)).toEqual([
      ['AB12CDE', '2025-01-01T08:00:00.000Z', 'S1', 100],
      ['AB12CDE', '2025-01-01T10:00:00.000Z', 'S1', 90],
      ['AB12CDE', '2025-01-01T10:00:00.000Z', 'S2', 0],
      ['AB12CDE', '2025-01-01T12:00:00.000Z', 'NEW', 60],
      ['DD11DDD', '2025-01-01T10:00:00.000Z', 'S1', 33],
      ['EE11EEE', '2025-01-01T10:00:00.000Z', 'S1', 5],
      ['ZZ99ZZZ', '2025-01-01T09:45:00.000Z', 'S2', 255],
    ]);
  });

  // With ' S1' some deferred reads tie with SQL-sorted ones (sorted again in SQL); without it
  // they never do (merged in JS).
  it.each([['dirty', ['S1', 'S2', 'BAD', 'S404', ' S1', 'NEW1', 'NEW2']], ['dirty-merged', ['S1', 'S2', 'BAD', 'S404', 'NEW1', 'NEW2']]])(
    '%s: a dirty file of many rows loads exactly as its CSV twin', async (name, sitesIn) => {
    const rows: Row[] = [];
    let seed = 7;
    const rnd = (k: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % k; };
    for (let i = 0; i < 4000; i++) {
      const v = rnd(60);
      const vrm = v === 0 ? ' ' : v === 1 ? null : `${v % 3 ? 'ab' : 'AB'}${String(v).padStart(2, '0')}${v % 2 ? ' ' : ''}CDE`;
      const ts = rnd(50) === 0 ? null : new Date(Date.UTC(2025, 0, 1) + rnd(400) * 60_000).toISOString();
      const site = sitesIn[rnd(20) < 14 ? rnd(2) : rnd(sitesIn.length)];
      const coords = site.startsWith('NEW') && rnd(3) ? [53 + rnd(10) / 10, -2 - rnd(10) / 10] : [null, null];
      const conf = rnd(30) === 0 ? null : rnd(110) - 3;
      rows.push([vrm, ts, site, coords[0], coords[1], conf]);
      if (rnd(15) === 0) rows.push([vrm, ts, site, coords[0], coords[1], rnd(101)]); // exact repeat, other confidence
      if (rnd(40) === 0) rows.push([`NEW${v}X`, ts, 'NEW1', 53.5, -2.5, null]); // a VRM seen only at a site made from coordinates
    }
    const { summary } = await expectSameAsCsv(name, rows);
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.sitesFromReads).toBe(2);
    expect(summary.read).toBe(summary.accepted + summary.rejected + summary.duplicates);
  });

  it('gives the same store when the site codes travel in their own column (no packing)', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 300; i++) rows.push([`AB${i % 17}CDE`, new Date(Date.UTC(2025, 0, 1) + (i % 40) * 60_000).toISOString(),
      ['S1', 'S2', ' S2', 'NEW'][i % 4], i % 4 === 3 ? 53.2 : null, i % 4 === 3 ? -2.2 : null, i % 103]);
    const packed = await expectSameAsCsv('packed', rows);
    SqlPass.packLimit = 1;
    try {
      const unpacked = await expectSameAsCsv('unpacked', rows);
      expect(rowsOf(unpacked.store)).toEqual(rowsOf(packed.store));
    } finally {
      SqlPass.packLimit = 2 ** 53;
    }
  });

  it('merges deferred reads before, inside and after a vehicle\'s settled reads, and new vehicles', async () => {
    const Z = (hm: string) => `2025-01-01T${hm}:00Z`;
    const rows: Row[] = [
      ['AA11AAA', Z('08:00'), 'S1', null, null, 1],
      ['FF11FFF', Z('08:00'), 'S1', null, null, 2],
      ['FF11FFF', Z('07:00'), 'NEW', 53.1, -2.1, 3],   // deferred, before FF11FFF's settled reads
      ['FF11FFF', Z('08:30'), 'NEW', null, null, 4],   // deferred, between them
      ['FF11FFF', Z('09:00'), 'S2', null, null, 5],
      ['FF11FFF', Z('10:00'), 'NEW', null, null, 6],   // deferred, after them
      ['GG11GGG', Z('08:00'), 'S1', null, null, 7],
      ['BB11BBB', Z('08:00'), 'NEW', null, null, 8],   // new vehicle between AA and FF
      ['ZZ11ZZZ', Z('08:00'), 'NEW', null, null, 9],   // new vehicle after all
      ['HH11HHH', Z('08:00'), 'S2', null, null, 10],
      ['EE11EEE', Z('08:00'), 'S1', null, null, 11],
      ['EE11EEE', Z('07:00'), 'NEW', null, null, 12],  // deferred, before EE11EEE's only settled read
    ];
    const { store } = await expectSameAsCsv('merge-positions', rows);
    expect(store.vrms).toEqual(['AA11AAA', 'BB11BBB', 'EE11EEE', 'FF11FFF', 'GG11GGG', 'HH11HHH', 'ZZ11ZZZ']);
    expect(Array.from(store.confidence)).toEqual([1, 8, 12, 11, 3, 2, 4, 5, 6, 7, 10, 9]);
  });

  it('a NULL or NaN confidence counts as not given, on settled and deferred rows', async () => {
    const { pq } = await writeBoth('nan', [
      ['AB12CDE', '2025-01-01T10:00:00Z', 'S1', null, null, NaN],
      ['AB12CDE', '2025-01-01T11:00:00Z', 'NEW', 53.1, -2.1, NaN],
      ['AB12CDE', '2025-01-01T12:00:00Z', 'S1', null, null, 49.5],
    ], 'DOUBLE');
    const { store, summary } = await loadReads({ reads: pq, sites });
    expect(summary).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expect(Array.from(store.confidence)).toEqual([255, 255, 50]);
  });
});
