/**
 * The per-site memo of position texts that agree with the register (position-memo.ts): a
 * match means what the full check would say, on both CSV paths, whatever order agreeing,
 * far, impossible and quoted texts come in.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PositionMemo } from '../../../kernel-lib/src/ingest/position-memo';
import { csvParallel } from '../../../kernel-lib/src/ingest/read-csv-reads';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import { SITES_CSV, tempDir, writeFile } from './helpers';

const saved = { ...csvParallel };
afterAll(() => { Object.assign(csvParallel, saved); });

describe('PositionMemo', () => {
  it('matches only the exact texts remembered for that site', () => {
    const m = new PositionMemo();
    const b = Buffer.from('53.40,-2.20|53.4,-2.20|53.40,-2.2');
    expect(m.matches(0, b, 0, 5, 6, 11)).toBe(false);
    m.remember(0, b, 0, 5, 6, 11);
    expect(m.matches(0, b, 0, 5, 6, 11)).toBe(true);
    expect(m.matches(1, b, 0, 5, 6, 11)).toBe(false); // another site
    expect(m.matches(0, b, 12, 16, 17, 22)).toBe(false); // 53.4 (same number, other text)
    expect(m.matches(0, b, 23, 28, 29, 33)).toBe(false); // -2.2
    m.remember(2000, b, 0, 5, 6, 11); // beyond the first slots: grows
    expect(m.matches(2000, b, 0, 5, 6, 11)).toBe(true);
    expect(m.matches(0, b, 0, 0, 0, 0)).toBe(false); // no text: never a match
  });
});

describe('CSV reads with their own positions at registered sites', () => {
  const rows = [
    'vrm,timestamp,site_id,lat,lon',
    'AB12CDE,2025-01-01T10:00:00Z,S1,53.40,-2.20',     // agrees
    'AB12CDE,2025-01-01T10:01:00Z,S1,54.40,-2.20',     // 111 km away: site_position_mismatch
    'AB12CDE,2025-01-01T10:02:00Z,S1,53.40,-2.20',     // agrees again
    'AB12CDE,2025-01-01T10:03:00Z,S1,"53.40",-2.20',   // quoted, same text: agrees
    'AB12CDE,2025-01-01T10:04:00Z,S1,"53.4""0",-2.20', // escaped quote: bad_coordinates
    'AB12CDE,2025-01-01T10:05:00Z,S1,"53.4""0",-2.20', // again
    'AB12CDE,2025-01-01T10:06:00Z,S1,95,-2.20',        // impossible
    'AB12CDE,2025-01-01T10:07:00Z,S1, 53.40 ,-2.20',   // spaces: agrees
    'AB12CDE,2025-01-01T10:08:00Z,S2,53.40,-2.20',     // S2's register is 13 km away
    'AB12CDE,2025-01-01T10:09:00Z,S1,53.40,-2.20',     // agrees
    'AB12CDE,2025-01-01T10:10:00Z,S2,53.50,-2.30',     // agrees with S2
    'AB12CDE,2025-01-01T10:11:00Z,S1,53.50,-2.30',     // S2's position at S1: mismatch
  ];
  for (const parallel of [false, true]) {
    it(`gives each row the full check's answer (${parallel ? 'parallel' : 'exact'} path)`, async () => {
      const dir = tempDir();
      Object.assign(csvParallel, { enabled: parallel, minBytes: 0, chunkBytes: 64, whenBusy: true });
      const reads = writeFile(dir, 'r.csv', rows.join('\n') + '\n'), sites = writeFile(dir, 'sites.csv', SITES_CSV);
      const quarantine = path.join(dir, 'q.csv');
      const { summary } = await loadReads({ reads, sites, quarantine, cache: false });
      expect(summary.accepted).toBe(6);
      expect(summary.reasons.site_position_mismatch).toBe(3);
      expect(summary.reasons.bad_coordinates).toBe(3);
      const lines = fs.readFileSync(quarantine, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(','));
      expect(lines).toEqual(['3,site_position_mismatch', '6,bad_coordinates', '7,bad_coordinates', '8,bad_coordinates', '10,site_position_mismatch', '13,site_position_mismatch']);
    });
  }
});
