import * as fs from 'node:fs';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC, timestamp, utf8, dictionary, float64 } from '@uwdata/flechette';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../kernel-lib/src/cli/validate';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import { SITES_CSV, tempDir, writeFile } from './helpers';

let dir: string;
let sites: string;
beforeAll(() => {
  dir = tempDir();
  sites = writeFile(dir, 'sites.csv', SITES_CSV);
});

describe('loadReads: Arrow IPC', () => {
  it('reads zoned and naive timestamps', async () => {
    const wall = [Date.UTC(2025, 6, 1, 12), Date.UTC(2025, 2, 30, 1, 30)];
    const naive = tableFromArrays({
      Plate: ['AB12CDE', 'AB12CDE'], Timestamp: wall, Camera: ['S1', 'S2'], Confidence: [90, 101],
    }, { types: { Plate: dictionary(utf8()), Timestamp: timestamp(1), Camera: utf8(), Confidence: float64() } });
    const f = path.join(dir, 'naive.arrow');
    fs.writeFileSync(f, tableToIPC(naive, { format: 'file' })!);
    const a = await loadReads({ reads: f, sites });
    expect(a.summary).toMatchObject({ format: 'arrow', read: 2, accepted: 1, rejected: 1 });
    expect(a.summary.reasons.nonexistent_local_time).toBe(1);
    expect(new Date(a.store.time[0]).toISOString()).toBe('2025-07-01T11:00:00.000Z'); // London wall time, BST

    const zoned = tableFromArrays({ vrm: ['ZZ99ZZZ'], timestamp: [Date.UTC(2025, 6, 1, 12)], site_id: ['S2'] },
      { types: { timestamp: timestamp(1, 'UTC') } });
    const g = path.join(dir, 'zoned.arrows');
    fs.writeFileSync(g, tableToIPC(zoned, { format: 'stream' })!);
    const b = await loadReads({ reads: g, sites });
    expect(b.summary.format).toBe('arrow');
    expect(new Date(b.store.time[0]).toISOString()).toBe('2025-07-01T12:00:00.000Z');
  });
});

describe('anpr validate', () => {
  const out: string[] = [], err: string[] = [];
  beforeAll(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  });
  afterEach(() => { out.length = 0; err.length = 0; });

  it('prints the JSON summary and exits 0 on a readable file', async () => {
    const f = writeFile(dir, 'v.csv', 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00Z,S1\nAB12CDE,2025-01-01T10:00Z,S1\nAB12CDE,x,S1\n');
    const q = path.join(dir, 'vq.csv');
    expect(await run(['--reads', f, '--sites', sites, '--json', '--quarantine', q])).toBe(0);
    const j = JSON.parse(out.join(''));
    expect(j).toMatchObject({ read: 3, accepted: 1, rejected: 1, duplicates: 1, reasons: { bad_timestamp: 1 } });
    expect(fs.readFileSync(q, 'utf8')).toContain('4,bad_timestamp,AB12CDE,x,S1');
  });
  it('prints a readable summary without --json', async () => {
    const f = writeFile(dir, 'v2.csv', 'vrm,timestamp,site_id\nAB12CDE,2025-01-01T10:00Z,S1\n');
    expect(await run(['--reads', f, '--sites', sites])).toBe(0);
    expect(out.join('')).toMatch(/1 rows read, 1 accepted, 0 rejected, 0 exact duplicates removed/);
  });
  it('exits 2 with the message on stderr on a fatal error', async () => {
    const f = writeFile(dir, 'v3.csv', 'vrm;timestamp\n');
    expect(await run(['--reads', f])).toBe(2);
    expect(err.join('')).toMatch(/no commas/);
    expect(await run([])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
  });
});
