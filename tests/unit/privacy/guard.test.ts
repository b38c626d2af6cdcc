/**
 * The library's session gate (DPA 2018 s62): every find/profile/query (and a view of named
 * vehicles) throws without a session and, with one, appends exactly one audit entry.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  area, aThenB, areaSearch, AuditError, buildStore, clones, commonToEvents, convoy, endSession, findCountyLines, frequency,
  loadReads, mapView, MIMEBUNDLE, plateHistory, profile, profileView, pseudonym, readAudit, session, verifyAudit, type ReadRow,
} from '../../../kernel-lib/src';
import { at, hubGeo, marketsGeo, sites, worldRows } from '../trips/fixture';

process.env.ANPR_PSEUDONYM_KEY = 'guard-test';
const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let log = '';
let k = 0;
beforeEach(() => {
  log = path.join(dir, `audit-${++k}.jsonl`);
  session({ operator: 'T-0042', purpose: 'guard test', reference: 'REF-1', auditLog: log });
});
afterEach(() => session({ operator: 'T-0001', purpose: 'automated tests', reference: 'vitest' })); // back to the setup's

// The fixture's vehicles with synthetic (Z) plates.
const rows: ReadRow[] = worldRows.map((r) => ({ ...r, vrm: `Z${r.vrm}` }));
const store = buildStore(rows, sites);
const rhyl = area(marketsGeo, 'Rhyl');
const window = { from: at(6, 0), to: at(20, 0) };

/** Every gated entry point, with the kind it logs and the count of what it returns. */
const searches: [string, () => unknown, (r: any) => number][] = [
  ['find county-lines', () => findCountyLines(store, { hub: hubGeo, markets: marketsGeo }), (r) => r.candidates.length],
  ['find a-then-b', () => aThenB(store, { a: ['H1'], b: ['M1'], withinMinutes: 90 }), (r) => r.rows.length],
  ['find area', () => areaSearch(store, rhyl, window), (r) => r.rows.length],
  ['find common', () => commonToEvents(store, [{ sites: ['H1'], from: at(6, 0), to: at(7, 0) }, { sites: ['M1'], from: at(6, 0), to: at(7, 0) }]), (r) => r.rows.length],
  ['find frequency', () => frequency(store, { area: ['H1'], minReads: 2, withinMinutes: 600 }), (r) => r.rows.length],
  ['find convoy', () => convoy(store, 'ZRUN1', { minSites: 2 }), (r) => r.rows.length],
  ['find clones', () => clones(store), (r) => r.rows.length],
  ['plate history', () => plateHistory(store, 'ZCOM1'), (r) => r.rows.length],
  ['profile', () => profile(store, 'ZRUN1', { hub: hubGeo, markets: marketsGeo }), () => 1],
  ['profile view', () => profileView(store, 'ZRES1'), () => 1],
  ['map view', () => mapView(store, { vehicles: ['ZRUN1', 'ZCOM1'] }), (r) => r.bundle.tracks.length],
];

describe('without a session', () => {
  it.each(searches)('%s throws, saying to call session({operator, purpose, reference}), and logs nothing', (kind, run) => {
    endSession();
    let err: unknown;
    try { run(); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AuditError);
    expect((err as Error).message).toContain(`Cannot run "${kind}": no session`);
    expect((err as Error).message).toMatch(/session\(\{ operator: .*purpose: .*reference: /);
    expect(readAudit(log)).toEqual([]);
  });

  it('a map of sites only (no vehicles) is not a search and needs no session', () => {
    endSession();
    expect(mapView(store, { hub: area(hubGeo) }).bundle.tracks).toEqual([]);
  });
});

describe('with a session', () => {
  it.each(searches)('%s appends exactly one entry: who, why, kind, counts returned, plates pseudonymised', (kind, run, count) => {
    const r = run();
    const entries = readAudit(log);
    expect(entries).toHaveLength(1);
    const e = entries[0];
    expect(e).toMatchObject({ seq: 1, operator: 'T-0042', purpose: 'guard test', reference: 'REF-1', kind });
    expect(e.counts.returned).toBe(count(r));
    expect(e.params.dataAge).toBe('not applied'); // a store built in memory: no rule, no input files
    expect(e.inputs).toEqual([]);
    expect(JSON.stringify(e)).not.toMatch(/Z(RUN|COM|RES)1/); // no plate in clear
    expect(verifyAudit(log).ok).toBe(true);
  });

  it('a profile logs once although it runs convoy and clones, and showing it logs nothing more', () => {
    const p = profile(store, 'ZRUN1', { hub: hubGeo, markets: marketsGeo });
    p[MIMEBUNDLE]();
    expect(readAudit(log).map((e) => e.kind)).toEqual(['profile']);
    expect(readAudit(log)[0].params.vrm).toBe(pseudonym('ZRUN1'));
  });

  it("showing a query result (its map of the rows' vehicles) logs nothing more", () => {
    const r = aThenB(store, { a: ['H1'], b: ['M1'], withinMinutes: 90 });
    expect(r.rows.length).toBeGreaterThan(0);
    r[MIMEBUNDLE]();
    expect(readAudit(log).map((e) => e.kind)).toEqual(['find a-then-b']);
  });

  it('a search that fails is not logged; the next one is entry 1', () => {
    expect(() => plateHistory(store, 'ZNOPE1')).toThrow(/ZNOPE1/);
    plateHistory(store, 'ZCOM1');
    expect(readAudit(log).map((e) => [e.seq, e.kind])).toEqual([[1, 'plate history']]);
  });

  it('a store from loadReads logs the SHA-256 of its files and the data-age rule it was loaded under', async () => {
    const reads = path.join(dir, 'reads.csv');
    const sitesCsv = path.join(dir, 'sites.csv');
    writeFileSync(sitesCsv, 'site_id,name,lat,lon\nS1,One,53.40,-2.20\n');
    writeFileSync(reads, 'vrm,timestamp,site_id\nZA11AAA,2025-05-30T10:00:00Z,S1\nZB22BBB,2025-01-10T10:00:00Z,S1\nZC33CCC,2024-01-10T10:00:00Z,S1\n');
    const { store: s } = await loadReads({ reads, sites: sitesCsv, now: '2025-06-01T00:00:00Z' });
    areaSearch(s, ['S1'], { from: '2025-01-01T00:00:00Z', to: '2025-07-01T00:00:00Z' });
    const [e] = readAudit(log);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(e.inputs).toEqual([{ file: reads, sha256: sha(reads) }, { file: sitesCsv, sha256: sha(sitesCsv) }]);
    // 01:00 BST on 1 June, 90 calendar days back: 01:00 GMT on 3 March
    expect(e.params.dataAge).toEqual({
      now: '2025-06-01T00:00:00.000Z', authorisation: null, accessFrom: '2025-03-03T01:00:00.000Z', needsAuthorisation: 1, beyondRetention: 1,
    });
    expect(e.counts.returned).toBe(1);
  });
});

describe('the CLI logs each run once (its library calls are part of the run)', () => {
  it('anpr find a-then-b appends one entry, with the data-age rule', () => {
    const reads = path.join(dir, 'cli-reads.csv');
    const sitesCsv = path.join(dir, 'cli-sites.csv');
    writeFileSync(sitesCsv, 'site_id,name,lat,lon\nS1,One,53.40,-2.20\nS2,Two,53.50,-2.30\n');
    writeFileSync(reads, 'vrm,timestamp,site_id\nZA11AAA,2025-05-30T10:00:00Z,S1\nZA11AAA,2025-05-30T10:20:00Z,S2\nZB22BBB,2025-01-10T10:00:00Z,S1\nZB22BBB,2025-01-10T10:10:00Z,S2\n');
    const cliLog = path.join(dir, 'cli-audit.jsonl');
    const run = (extra: string[]) => spawnSync('node', [path.resolve(__dirname, '../../../kernel-lib/bin/anpr.mjs'), 'find', 'a-then-b', '--reads', reads, '--sites', sitesCsv,
      '--a', 'S1', '--b', 'S2', '--within', '30', '--json', '--purpose', 'cli test', '--operator', 'T-0007', '--audit-log', cliLog, ...extra], { encoding: 'utf8' });
    const r = run(['--now', '2025-06-01T00:00:00Z']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toHaveLength(1); // ZB22BBB is older than 90 days
    const authorised = run(['--now', '2025-06-01T00:00:00Z', '--authorisation', 'AUTH-9']);
    expect(JSON.parse(authorised.stdout).rows).toHaveLength(2);
    const entries = readAudit(cliLog);
    expect(entries.map((e) => e.kind)).toEqual(['find a-then-b', 'find a-then-b']);
    expect(entries[0].params.dataAge).toMatchObject({ needsAuthorisation: 2, beyondRetention: 0, authorisation: null });
    expect(entries[1].params.dataAge).toMatchObject({ needsAuthorisation: 0, authorisation: 'AUTH-9' });
    expect(run(['--authorisation', 'AUTH-9']).status).toBe(2); // an authorisation needs a now to measure from
    expect(readAudit(cliLog)).toHaveLength(2);
  });
});
