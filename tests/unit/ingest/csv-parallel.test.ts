/**
 * The parallel CSV path (worker threads settle the plainly valid rows, csv-block-pool.ts)
 * against the exact path (one scanner, every row through the record handler): the store,
 * the summary and the quarantine must come out byte-identical, on every file of the hostile
 * corpus and on a dirty million-row file (bad rows of every kind, blank lines, CRLF, sites
 * made from coordinates, and quotes late in the file, where the parallel path hands over to
 * the exact scanner mid-file). The parallel path runs inside the built worker script
 * (kernel-lib/dist), which `npm test` builds first.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvParallel } from '../../../kernel-lib/src/ingest/read-csv-reads';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { tempDir, writeFile } from './helpers';

const HOSTILE = path.resolve(__dirname, '../../fixtures/hostile');
const saved = { ...csvParallel };
let dir: string;
beforeAll(() => {
  execFileSync('node', [path.join(HOSTILE, 'make-hostile.mjs')]);
  dir = tempDir();
});
afterAll(() => {
  Object.assign(csvParallel, saved);
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (s: ReadStore) => Buffer.concat([s.vehicle, s.time, s.site, s.confidence, s.vehicleStart, s.sites.lat, s.sites.lon]
  .map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));

/** Load `reads` on one path; the store's bytes, the summary (timing removed) and the quarantine text. */
async function load(reads: string, sites: string, parallel: boolean, chunkBytes: number) {
  Object.assign(csvParallel, { enabled: parallel, minBytes: 0, chunkBytes, whenBusy: true });
  const quarantine = path.join(dir, `q-${parallel}.csv`);
  const runs = csvParallel.runs;
  try {
    const { store, summary } = await loadReads({ reads, sites, quarantine, cache: false });
    const { elapsedMs, quarantine: q, ...rest } = summary;
    return { store: bytes(store), vrms: store.vrms, siteIds: store.sites.id, summary: JSON.stringify(rest), quarantine: fs.readFileSync(quarantine, 'utf8'), used: csvParallel.runs > runs };
  } catch (e) {
    return { error: String(e), used: csvParallel.runs > runs };
  }
}

describe('parallel CSV path = exact path', () => {
  it('on every CSV file of the hostile corpus (64-byte reads, so the pool takes over after the header)', async () => {
    const files = fs.readdirSync(path.join(HOSTILE, 'files')).filter((f) => /\.csv(\.gz)?$/.test(f) && f !== 'sites.csv');
    expect(files.length).toBeGreaterThan(30);
    let used = 0;
    for (const f of files) {
      const file = path.join(HOSTILE, 'files', f), sites = path.join(HOSTILE, 'files', 'sites.csv');
      const exact = await load(file, sites, false, 64);
      const par = await load(file, sites, true, 64);
      expect(exact.used).toBe(false);
      if (par.used) used++;
      expect({ f, ...par, used: undefined }).toEqual({ f, ...exact, used: undefined });
    }
    expect(used).toBeGreaterThan(10); // the pool really ran on most files
  });

  it('on a dirty file of a million rows', async () => {
    const sitesCsv = ['site_id,name,lat,lon', ...Array.from({ length: 40 }, (_, s) => `S${s + 1},Site ${s + 1},${(53 + s * 0.01).toFixed(2)},${(-2.5 + s * 0.01).toFixed(2)}`), 'OFF,Null Island,0,0'].join('\n') + '\n';
    const sites = writeFile(dir, 'sites.csv', sitesCsv);
    const rows: string[] = ['vrm,timestamp,site_id,lat,lon,direction,confidence'];
    let x = 12345;
    const rnd = (n: number) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % n; };
    const t0 = Date.UTC(2025, 2, 20);
    for (let i = 0; i < 1_000_000; i++) {
      const s = 1 + rnd(40), v = `ZA${String(rnd(100)).padStart(2, '0')}${'ABCDEFGH'[rnd(8)]}${'KLMNPRST'[rnd(8)]}${'UVWXY'[rnd(5)]}`;
      const ts = new Date(t0 + i * 1500).toISOString().replace('.000Z', '+00:00');
      const lat = (53 + (s - 1) * 0.01).toFixed(5), lon = (-2.5 + (s - 1) * 0.01).toFixed(5);
      let row = `${v},${ts},S${s},${lat},${lon},N,${60 + rnd(40)}`;
      switch (i % 997) {
        case 1: row = `${v},not a time,S${s},,,N,90`; break;
        case 2: row = `${v},${ts},S404,,,N,90`; break;                             // unknown site
        case 3: row = `${v},${ts},NEW${rnd(5)},53.2,-2.1,N,90`; break;             // site from coordinates
        case 4: row = `${v},${ts},S${s},54.5,-2.2,N,90`; break;                    // far from its site
        case 5: row = `${v},${ts},S${s},95,-2.2,N,90`; break;                      // impossible
        case 6: row = ` - ,${ts},S${s},,,N,90`; break;                             // empty VRM
        case 7: row = `${v},${ts},S${s},,,N,101`; break;                           // bad confidence
        case 8: row = `${v},${ts},S${s}`; break;                                   // malformed
        case 9: row = ''; break;                                                   // blank line
        case 10: row = `${v},2025-03-30 01:30:00,S${s},,,N,90`; break;             // spring gap
        case 11: row = `${v},2025-10-26 01:30:00,S${s},,,N,90`; break;             // repeated hour
        case 12: row = `${v},${ts},S${s},,,N,90\r`; break;                         // CRLF
        case 13: row = rows[rows.length - 1]; break;                               // exact duplicate
        case 14: row = `${v},${ts}, S${s} ,,,N, 77 `; break;                       // spaces around the site id
        case 15: row = `${v},${ts},OFF,,,N,90`; break;                             // site with bad coordinates
        case 16: row = `${v.toLowerCase()},${ts.replace('T', ' ')},S${s},,,N,`; break;
        case 17: row = `${'Z'.repeat(20)},${ts},S${s},,,N,90`; break;              // too long
      }
      if (i === 900_000) row = `"${v}",${ts},"S${s}",,,N,"9""0"`;                  // quotes: the exact scanner takes over
      rows.push(row);
    }
    const reads = writeFile(dir, 'dirty.csv.gz', rows.join('\n') + '\n');
    const exact = await load(reads, sites, false, 1 << 20);
    const par = await load(reads, sites, true, 1 << 20);
    expect(par.used).toBe(true);
    expect(exact.used).toBe(false);
    const s = JSON.parse(exact.summary!);
    expect(s.accepted + s.rejected + s.duplicates).toBe(s.read);
    for (const r of ['malformed_line', 'empty_vrm', 'vrm_too_long', 'bad_timestamp', 'nonexistent_local_time', 'unknown_site', 'bad_coordinates', 'site_position_mismatch', 'bad_confidence'])
      expect(s.reasons[r]).toBeGreaterThan(0);
    expect(s.sitesFromReads).toBe(5);
    expect(s.ambiguousLocalTimes).toBeGreaterThan(0);
    expect(par.summary).toBe(exact.summary);
    expect(par.quarantine).toBe(exact.quarantine);
    expect(par.vrms).toEqual(exact.vrms);
    expect(par.siteIds).toEqual(exact.siteIds);
    expect(Buffer.compare(par.store!, exact.store!)).toBe(0);
  });
});
