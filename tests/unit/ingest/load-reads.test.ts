import * as fs from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../../kernel-lib/src/ingest/ingest-error';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import { loadSites } from '../../../kernel-lib/src/ingest/load-sites';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { SITES_CSV, tempDir, writeFile } from './helpers';

let dir: string;
let sites: string;
beforeAll(() => {
  dir = tempDir();
  sites = writeFile(dir, 'sites.csv', SITES_CSV);
});

const rowsOf = (s: ReadStore) =>
  Array.from({ length: s.n }, (_, i) => [s.vrms[s.vehicle[i]], new Date(s.time[i]).toISOString(), s.sites.id[s.site[i]], s.confidence[i]]);

/** Expect `p` to reject with an IngestError naming file, line and field. */
async function expectFatal(p: Promise<unknown>, file: string, line: number, field: string | null, text: RegExp) {
  const e = await p.then(() => null, (err) => err);
  expect(e).toBeInstanceOf(IngestError);
  expect(e.file).toBe(file);
  expect(e.line).toBe(line);
  expect(e.field).toBe(field);
  expect(e.message).toMatch(text);
  expect(e.message).toContain(file);
}

describe('loadReads: every rejection reason, with its line', () => {
  it('rejects each bad row once, with the right reason, and quarantines it verbatim', async () => {
    const reads = writeFile(dir, 'reasons.csv', [
      'vrm,timestamp,site_id,lat,lon,confidence',
      'AB12CDE,2025-01-01T10:00:00Z,S1,,,90',        // 2 ok
      'AB12CDE,2025-01-01T10:00:00Z,S1',             // 3 malformed_line (3 fields)
      '" - ",2025-01-01T10:00:00Z,S1,,,90',          // 4 empty_vrm
      'AB12CDE,not a time,S1,,,90',                  // 5 bad_timestamp
      'AB12CDE,2025-03-30 01:30:00,S1,,,90',         // 6 nonexistent_local_time
      'AB12CDE,2025-01-01T11:00:00Z,NOPE,,,90',      // 7 unknown_site
      'AB12CDE,2025-01-01T12:00:00Z,NEW,48.0,-2.0,', // 8 bad_coordinates (outside UK)
      'AB12CDE,2025-01-01T12:00:00Z,BAD,,,',         // 9 bad_coordinates (site table entry at 0,0)
      'AB12CDE,2025-01-01T13:00:00Z,S1,,,101',       // 10 bad_confidence
      'AB12CDE,2025-01-01T13:00:00Z,S1,,,high',      // 11 bad_confidence
      'AB12CDE,2031-01-01T13:00:00Z,S1,,,',          // 12 future_timestamp
      '"AB12CDE"x,2025-01-01T13:00:00Z,S1,,,',       // 13 malformed_line (text after closing quote)
    ].join('\n') + '\n');
    const quarantine = path.join(dir, 'q.csv');
    const { store, summary } = await loadReads({ reads, sites, quarantine, notAfter: Date.UTC(2030, 0, 1) });
    expect(summary.reasons).toEqual({
      malformed_line: 2, empty_vrm: 1, vrm_too_long: 0, bad_timestamp: 1, nonexistent_local_time: 1, future_timestamp: 1,
      beyond_retention: 0, needs_authorisation: 0, unknown_site: 1, bad_coordinates: 2, site_position_mismatch: 0, bad_confidence: 2,
    });
    expect(summary).toMatchObject({ read: 12, accepted: 1, rejected: 11, duplicates: 0, format: 'csv' });
    expect(rowsOf(store)).toEqual([['AB12CDE', '2025-01-01T10:00:00.000Z', 'S1', 90]]);
    expect(fs.readFileSync(quarantine, 'utf8').split('\n')).toEqual([
      'line,reason,vrm,timestamp,site_id,lat,lon,confidence',
      '3,malformed_line,AB12CDE,2025-01-01T10:00:00Z,S1',
      '4,empty_vrm," - ",2025-01-01T10:00:00Z,S1,,,90',
      '5,bad_timestamp,AB12CDE,not a time,S1,,,90',
      '6,nonexistent_local_time,AB12CDE,2025-03-30 01:30:00,S1,,,90',
      '7,unknown_site,AB12CDE,2025-01-01T11:00:00Z,NOPE,,,90',
      '8,bad_coordinates,AB12CDE,2025-01-01T12:00:00Z,NEW,48.0,-2.0,',
      '9,bad_coordinates,AB12CDE,2025-01-01T12:00:00Z,BAD,,,',
      '10,bad_confidence,AB12CDE,2025-01-01T13:00:00Z,S1,,,101',
      '11,bad_confidence,AB12CDE,2025-01-01T13:00:00Z,S1,,,high',
      '12,future_timestamp,AB12CDE,2031-01-01T13:00:00Z,S1,,,',
      '13,malformed_line,"AB12CDE"x,2025-01-01T13:00:00Z,S1,,,',
      '',
    ]);
    expect(summary.quarantine).toBe(quarantine);
  });

  it('counts line numbers across quoted newlines, CRLF and blank lines', async () => {
    const reads = writeFile(dir, 'lines.csv',
      'vrm,timestamp,site_id\r\n"AB12\r\nCDE",2025-01-01T10:00:00Z,S1\r\n\r\nAB12CDE,bad,S1\r\n"X""Y",2025-01-01T11:00:00Z,S2');
    const quarantine = path.join(dir, 'q2.csv');
    const { store, summary } = await loadReads({ reads, sites, quarantine });
    expect(summary).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(store.vrms).toEqual(['AB12CDE', 'XY']);
    expect(fs.readFileSync(quarantine, 'utf8')).toBe('line,reason,vrm,timestamp,site_id\n5,bad_timestamp,AB12CDE,bad,S1\n');
  });
});

describe('loadReads: local times and DST', () => {
  it('rejects the spring gap, takes the first autumn hour and counts it, honours offsets', async () => {
    const reads = writeFile(dir, 'dst.csv', [
      'vrm,timestamp,site_id',
      'AA11AAA,2025-03-30 00:30:00,S1',        // GMT
      'AA11AAA,2025-03-30 01:30:00,S1',        // gap -> rejected
      'AA11AAA,30/03/2025 02:30,S1',           // BST
      'BB22BBB,2025-10-26 01:30:00,S1',        // ambiguous -> first (BST)
      'BB22BBB,26/10/2025 01:45:10,S2',        // ambiguous -> first (BST)
      'BB22BBB,2025-10-26T01:30:00+00:00,S2',  // explicit offset: second occurrence, not ambiguous
      'CC33CCC,2025-07-01 12:00:00,S1',        // BST
    ].join('\n'));
    const { store, summary } = await loadReads({ reads, sites });
    expect(summary.reasons.nonexistent_local_time).toBe(1);
    expect(summary.ambiguousLocalTimes).toBe(2);
    expect(summary.accepted).toBe(6);
    expect(rowsOf(store).map((r) => r.slice(0, 2))).toEqual([
      ['AA11AAA', '2025-03-30T00:30:00.000Z'],
      ['AA11AAA', '2025-03-30T01:30:00.000Z'],
      ['BB22BBB', '2025-10-26T00:30:00.000Z'],
      ['BB22BBB', '2025-10-26T00:45:10.000Z'],
      ['BB22BBB', '2025-10-26T01:30:00.000Z'],
      ['CC33CCC', '2025-07-01T11:00:00.000Z'],
    ]);
  });
});

describe('loadReads: header aliases, formats, coordinates on reads', () => {
  it('maps export header names (any case, spaces, underscores)', async () => {
    const reads = writeFile(dir, 'aliases.csv',
      'Number Plate,Read Date,CAMERA_ID,Read Confidence,Heading\nab12 cde,2025-01-01 10:00,S1,88.6,N\n');
    const { store, summary } = await loadReads({ reads, sites });
    expect(summary.columns).toEqual({ vrm: 'Number Plate', timestamp: 'Read Date', site_id: 'CAMERA_ID', confidence: 'Read Confidence', direction: 'Heading' });
    expect(rowsOf(store)).toEqual([['AB12CDE', '2025-01-01T10:00:00.000Z', 'S1', 89]]);
  });

  it('creates sites from coordinates on reads, without a sites table', async () => {
    const reads = writeFile(dir, 'coords.csv',
      'Plate,DateTime,Site,Latitude,Lng\nAB12CDE,2025-01-01T10:00Z,C9,53.1,-2.1\nAB12CDE,2025-01-01T11:00Z,C9,53.2,-2.2\nZZ99ZZZ,2025-01-01T11:00Z,,51.5,-0.12\n');
    const { store, summary } = await loadReads({ reads });
    expect(summary).toMatchObject({ accepted: 3, sitesFromReads: 2, sites: 2 });
    expect(store.sites.id).toEqual(['C9', '51.50000,-0.12000']);
    expect(Array.from(store.sites.lat)).toEqual([53.1, 51.5]); // first read's coordinates win
  });

  it('reads gzip CSV (by magic bytes, whatever the name)', async () => {
    const text = 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00:00Z,S1\nAB12CDE,2025-01-01T10:00:00Z,S1\n';
    for (const name of ['gz.csv.gz', 'gz-misnamed.csv']) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, (await import('node:zlib')).gzipSync(text));
      const { summary } = await loadReads({ reads: p, sites });
      expect(summary).toMatchObject({ format: 'csv.gz', read: 2, accepted: 1, duplicates: 1 });
    }
  });

  it('reads Parquet written by DuckDB (typed and text timestamps) with Parquet sites', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    const pq = path.join(dir, 'reads.parquet');
    const pqText = path.join(dir, 'reads-text.parquet');
    const pqSites = path.join(dir, 'sites.parquet');
    await c.run(`COPY (SELECT * FROM (VALUES
        ('ab12 cde', TIMESTAMP '2025-07-01 12:00:00', 'S1', 90),
        ('AB12CDE', TIMESTAMP '2025-03-30 01:30:00', 'S1', 90),
        ('AB12CDE', TIMESTAMP '2025-07-01 12:00:00', 'S1', 80),
        ('ZZ99ZZZ', TIMESTAMP '2025-10-26 01:30:00', 'S2', NULL),
        ('', TIMESTAMP '2025-07-01 12:00:00', 'S2', 1)
      ) t("Registration", "Capture Time", "Camera", "Score")) TO '${pq}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT 'AB12CDE' AS vrm, '2025-07-01T12:00:00+01:00' AS timestamp, 'S2' AS site_id) TO '${pqText}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT 'S1' AS "Camera ID", 53.4 AS Latitude, -2.2 AS Longitude, 'M60' AS Road
                  UNION ALL SELECT 'S2', 53.5, -2.3, 'A56') TO '${pqSites}' (FORMAT parquet)`);
    c.closeSync(); inst.closeSync();

    const quarantine = path.join(dir, 'q-pq.csv');
    const { store, summary } = await loadReads({ reads: pq, sites: pqSites, quarantine });
    expect(summary).toMatchObject({ format: 'parquet', read: 5, accepted: 2, rejected: 2, duplicates: 1, ambiguousLocalTimes: 1 });
    expect(summary.reasons).toMatchObject({ nonexistent_local_time: 1, empty_vrm: 1 });
    expect(rowsOf(store)).toEqual([
      ['AB12CDE', '2025-07-01T11:00:00.000Z', 'S1', 90],
      ['ZZ99ZZZ', '2025-10-26T00:30:00.000Z', 'S2', 255],
    ]);
    expect(store.sites.road).toEqual(['M60', 'A56']);
    const q = fs.readFileSync(quarantine, 'utf8').trim().split('\n');
    expect(q[0]).toBe('line,reason,Registration,Capture Time,Camera,Score');
    expect(q[1]).toMatch(/^2,nonexistent_local_time,AB12CDE,/);
    expect(q[2]).toMatch(/^5,empty_vrm,,/);

    const text = await loadReads({ reads: pqText, sites: pqSites });
    expect(rowsOf(text.store)).toEqual([['AB12CDE', '2025-07-01T11:00:00.000Z', 'S2', 255]]);
  });
});

describe('loadReads: Parquet deferred rows (sites from read coordinates)', () => {
  it('creates sites in file order and merges both passes into one row-ordered quarantine', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    const pq = path.join(dir, 'coords.parquet');
    await c.run(`COPY (SELECT * FROM (VALUES
        ('AB12CDE', '2025-01-01T10:00:00Z', 'S1', NULL, NULL, 50.0),   -- 1 known site: pass 1
        ('AB12CDE', '2025-01-01T11:00:00Z', 'NEW', 53.1, -2.1, 60.0),  -- 2 new site from coords: pass 2
        ('AB12CDE', '2025-01-01T12:00:00Z', 'S1', NULL, NULL, 101.0),  -- 3 bad_confidence: pass 1
        ('AB12CDE', '2025-01-01T13:00:00Z', 'NEW', 53.1, -2.1, 70.0),  -- 4 NEW exists now: its own coords are in the UK box
        ('ZZ99ZZZ', '2025-01-01T14:00:00Z', 'FAR', 10.0, 10.0, 70.0),  -- 5 bad_coordinates: pass 2
        ('ZZ99ZZZ', 'nope', 'S2', NULL, NULL, NULL)                    -- 6 bad_timestamp: pass 1
      ) t(vrm, timestamp, site_id, lat, lon, confidence)) TO '${pq}' (FORMAT parquet)`);
    c.closeSync(); inst.closeSync();
    const quarantine = path.join(dir, 'q-coords.csv');
    const { store, summary } = await loadReads({ reads: pq, sites, quarantine });
    expect(summary).toMatchObject({ read: 6, accepted: 3, rejected: 3, sitesFromReads: 1 });
    expect(rowsOf(store)).toEqual([
      ['AB12CDE', '2025-01-01T10:00:00.000Z', 'S1', 50],
      ['AB12CDE', '2025-01-01T11:00:00.000Z', 'NEW', 60],
      ['AB12CDE', '2025-01-01T13:00:00.000Z', 'NEW', 70],
    ]);
    expect(Array.from(store.sites.lat).at(-1)).toBe(53.1);
    expect(fs.readFileSync(quarantine, 'utf8').trim().split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'line,reason', '3,bad_confidence', '5,bad_coordinates', '6,bad_timestamp',
    ]);
  });
});

describe('loadReads: a dirty file balances', () => {
  it('read = accepted + rejected + duplicates', async () => {
    const lines = ['VRM,Timestamp,Site ID,Confidence'];
    const bad = ['', 'x', '2025-02-30 10:00', '2025-03-30 01:10'];
    for (let i = 0; i < 500; i++) {
      const vrm = i % 37 === 0 ? ' ' : `AB${String(i % 50).padStart(2, '0')}CDE`;
      const ts = i % 23 === 0 ? bad[i % 4] : `2025-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:${String(i % 60).padStart(2, '0')}:00`;
      const site = i % 41 === 0 ? 'S404' : i % 2 ? 'S1' : 'S2';
      const conf = i % 43 === 0 ? '-1' : String(i % 101);
      lines.push(i % 47 === 0 ? `${vrm},${ts}` : `${vrm},${ts},${site},${conf}`);
      if (i % 11 === 0) lines.push(`${vrm},${ts},${site},${conf}`); // exact repeat
    }
    const reads = writeFile(dir, 'dirty.csv', lines.join('\n'));
    const { store, summary } = await loadReads({ reads, sites });
    expect(summary.read).toBe(lines.length - 1);
    expect(summary.accepted + summary.rejected + summary.duplicates).toBe(summary.read);
    expect(summary.rejected).toBe(Object.values(summary.reasons).reduce((a, b) => a + b, 0));
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.accepted).toBe(store.n);
    expect(Object.values(summary.formats).reduce((a, b) => a + b, 0)).toBe(store.n);
    for (let i = 1; i < store.n; i++) {
      const same = store.vehicle[i] === store.vehicle[i - 1];
      expect(store.vehicle[i] >= store.vehicle[i - 1]).toBe(true);
      if (same) expect(store.time[i] >= store.time[i - 1]).toBe(true);
    }
  });

  it('reports progress ending at 1', async () => {
    const reads = writeFile(dir, 'progress.csv', 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00:00Z,S1\n');
    const calls: [number, number][] = [];
    await loadReads({ reads, sites, onProgress: (f, n) => calls.push([f, n]) });
    expect(calls.at(-1)).toEqual([1, 1]);
    expect(calls.every(([f]) => f >= 0 && f <= 1)).toBe(true);
  });
});

describe('loadReads: fatal errors name file, line and field', () => {
  it('missing required column', async () => {
    const f = writeFile(dir, 'nocol.csv', 'Plate,Camera\nAB12CDE,S1\n');
    await expectFatal(loadReads({ reads: f, sites }), f, 1, 'timestamp', /required column "timestamp" not found.*Columns found: "Plate", "Camera"/);
  });
  it('no site column and no coordinates', async () => {
    const f = writeFile(dir, 'nosite.csv', 'vrm,timestamp\nAB12CDE,2025-01-01T10:00Z\n');
    await expectFatal(loadReads({ reads: f }), f, 1, 'site_id', /need a site column/);
  });
  it('wrong delimiter', async () => {
    const f = writeFile(dir, 'semi.csv', 'vrm;timestamp;site_id\nAB12CDE;2025-01-01T10:00Z;S1\n');
    await expectFatal(loadReads({ reads: f, sites }), f, 1, null, /no commas but contains ";"/);
  });
  it('binary file', async () => {
    const f = writeFile(dir, 'binary.csv', Buffer.from([0x76, 0x72, 0x6d, 0x00, 0xff, 0x10]));
    await expectFatal(loadReads({ reads: f, sites }), f, 0, null, /looks binary/);
  });
  it('empty file', async () => {
    const f = writeFile(dir, 'empty.csv', '');
    await expectFatal(loadReads({ reads: f, sites }), f, 0, null, /is empty/);
    const g = writeFile(dir, 'blank.csv', '\n\n');
    await expectFatal(loadReads({ reads: g, sites }), g, 0, null, /is empty/);
  });
  it('missing file', async () => {
    const f = path.join(dir, 'nope.csv');
    await expectFatal(loadReads({ reads: f, sites }), f, 0, null, /no such file/);
  });
  it('a Parquet name that is not Parquet', async () => {
    const f = writeFile(dir, 'fake.parquet', 'vrm,timestamp\n');
    await expectFatal(loadReads({ reads: f, sites }), f, 0, null, /could not be read as Parquet/);
  });
  it('sites: repeated id names the line', async () => {
    const f = writeFile(dir, 'dupsites.csv', 'Camera ID,Lat,Lon\nS1,53,-2\nS1,53,-2\n');
    await expectFatal(loadSites(f), f, 3, 'site_id', /line 3: site id "S1" repeats line 2/);
  });
});

describe('loadReads: edge cases', () => {
  it('tolerates one empty trailing field (trailing comma) but not other extra fields', async () => {
    const f = writeFile(dir, 'trailing.csv', 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00Z,S1,\nAB12CDE,2025-01-01T11:00Z,S1,x\n');
    const { summary } = await loadReads({ reads: f, sites });
    expect(summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(summary.reasons.malformed_line).toBe(1);
  });
  it('a header-only file is readable and empty', async () => {
    const f = writeFile(dir, 'header-only.csv', 'vrm,timestamp,site_id\n');
    const { store, summary } = await loadReads({ reads: f, sites });
    expect(summary).toMatchObject({ read: 0, accepted: 0, rejected: 0, duplicates: 0, firstRead: null });
    expect(store.n).toBe(0);
  });
  it('a quarantine path that cannot be written is fatal and named', async () => {
    const f = writeFile(dir, 'ok.csv', 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00Z,S1\n');
    const q = path.join(dir, 'no-such-dir', 'q.csv');
    await expectFatal(loadReads({ reads: f, sites, quarantine: q }), q, 0, 'quarantine', /Cannot write/);
  });
  it('a file without a final newline and with a BOM still reads every row', async () => {
    const f = writeFile(dir, 'bom.csv', '\ufeffVRM,Timestamp,Site\nAB12CDE,2025-01-01T10:00Z,S1\nAB12CDF,2025-01-01T10:00Z,S2');
    const { summary } = await loadReads({ reads: f, sites });
    expect(summary).toMatchObject({ read: 2, accepted: 2 });
    expect(summary.columns.vrm).toBe('VRM');
  });
  it('rows spanning many 1 MB chunks keep exact line numbers', async () => {
    const lines = ['vrm,timestamp,site_id'];
    for (let i = 0; i < 60000; i++) lines.push(i === 54321 ? 'AB12CDE,oops,S1' : `"AB${i % 100}\nC",2025-01-01T10:${String(i % 60).padStart(2, '0')}:00Z,S${1 + (i % 2)}`);
    const f = writeFile(dir, 'big.csv', lines.join('\n'));
    const quarantine = path.join(dir, 'q-big.csv');
    const { summary } = await loadReads({ reads: f, sites, quarantine });
    expect(summary.read).toBe(60000);
    expect(summary.rejected).toBe(1);
    // every earlier row spans 2 physical lines: row i starts on line 2 + 2i
    expect(fs.readFileSync(quarantine, 'utf8').split('\n')[1]).toBe(`${2 + 2 * 54321},bad_timestamp,AB12CDE,oops,S1`);
  });
});

describe('loadReads: a read whose own position contradicts its registered site', () => {
  // S1 is registered at 53.40,-2.20 (SITES_CSV): 3.3 km off is kept, 11 km and 610 km off are site_position_mismatch,
  // impossible or half-given coordinates are bad_coordinates; the same on every reader.
  const rows = [
    ['ZA01AAA', 53.40, -2.20], ['ZA02AAA', 53.43, -2.20], ['ZA03AAA', 53.50, -2.20], ['ZA04AAA', 58.9, -2.2],
    ['ZA05AAA', 95.0, -2.2], ['ZA06AAA', 53.40, null], ['ZA07AAA', null, null], ['ZA08AAA', 40.0, -2.2],
  ] as const;
  const expected = { accepted: 3, rejected: 5, reasons: { site_position_mismatch: 2, bad_coordinates: 3 } };
  const lines = ['1,line,reason', '4,site_position_mismatch', '5,site_position_mismatch', '6,bad_coordinates', '7,bad_coordinates', '9,bad_coordinates'];

  it('CSV, typed Parquet (SQL pass) and text-time Parquet (hash pass) agree', async () => {
    const csv = writeFile(dir, 'positions.csv', ['vrm,timestamp,site_id,lat,lon,confidence',
      ...rows.map(([v, la, lo], i) => `${v},2025-01-01T1${i}:00:00Z,S1,${la ?? ''},${lo ?? ''},90`)].join('\n') + '\n');
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    const typed = path.join(dir, 'positions.parquet'), text = path.join(dir, 'positions-text.parquet');
    await c.run(`COPY (SELECT vrm, timestamp::TIMESTAMPTZ AS timestamp, site_id, lat::DOUBLE AS lat, lon::DOUBLE AS lon, confidence::DOUBLE AS confidence
      FROM read_csv('${csv}', all_varchar = true)) TO '${typed}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT vrm, timestamp, site_id, lat::DOUBLE AS lat, lon::DOUBLE AS lon, confidence::DOUBLE AS confidence
      FROM read_csv('${csv}', all_varchar = true)) TO '${text}' (FORMAT parquet)`);
    c.closeSync(); inst.closeSync();
    for (const reads of [csv, typed, text]) {
      const quarantine = `${reads}.q.csv`;
      const { store, summary } = await loadReads({ reads, sites, quarantine });
      expect(summary).toMatchObject({ ...expected, reasons: { ...expected.reasons, unknown_site: 0, bad_confidence: 0 } });
      expect(store.vrms).toEqual(['ZA01AAA', 'ZA02AAA', 'ZA07AAA']);
      expect(fs.readFileSync(quarantine, 'utf8').trim().split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(
        ['line,reason', ...lines.slice(1).map((l) => (reads === csv ? l : `${Number(l.split(',')[0]) - 1},${l.split(',')[1]}`))]);
    }
  });
});
