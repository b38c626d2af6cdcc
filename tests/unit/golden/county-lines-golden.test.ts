/**
 * Golden rankings: the county-lines finder's full answer (every candidate's rank, plate, score,
 * parts and reasons; suspected lines; look-alike groups; markets; counts) on the four synthetic
 * scenarios, in memory (markets given and discovered), on the DuckDB engine, and through
 * `anpr find county-lines --json`, as SHA-256 digests compared with a committed fixture
 * captured before the issue-17 restructuring. A change of any ranking fails here.
 * Refresh (only for an intended change of method): UPDATE_GOLDEN=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, findCountyLines, findCountyLinesDuckDB, loadReads, sha256Hex, synthesize, type CountyLinesResult } from '../../../kernel-lib/src';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/golden/county-lines.json');
const SCENARIOS = ['merseyside', 'london', 'west_midlands', 'west_yorkshire'];
let dir = '';
const digests: Record<string, string> = {};
const summaries: Record<string, unknown> = {};

/** Everything the finder answers except wall-clock seconds and the scorer function. */
function answer(r: CountyLinesResult): unknown {
  return {
    candidates: r.candidates.map((c) => ({ rank: c.rank, vrm: c.vrm, score: c.score, reasons: c.reasons, parts: c.parts })),
    lines: r.lines, lookalikes: r.lookalikes, markets: r.markets, hub: r.hub,
    counts: { ...r.counts, seconds: 0 },
  };
}
const note = (name: string, value: unknown, top: unknown) => { digests[name] = sha256Hex(canonicalJson(value)); summaries[name] = top; };
const topOf = (r: CountyLinesResult) => r.candidates.slice(0, 3).map((c) => `${c.vrm} ${c.score.toFixed(6)}`);

beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-golden-')); });
afterAll(() => {
  if (process.env.UPDATE_GOLDEN) writeFileSync(FIXTURE, JSON.stringify({ digests, top: summaries }, null, 2) + '\n');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const golden = (): Record<string, string> => (existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, 'utf8')).digests : {});
const check = (name: string) => { if (!process.env.UPDATE_GOLDEN) expect(digests[name], name).toBe(golden()[name]); };

describe('county-lines golden rankings', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: in memory, markets given and discovered`, async () => {
      const out = path.join(dir, scenario);
      const s = await synthesize({ scenario, days: 10, seed: `golden-${scenario}`, vehicles: 400, out });
      const hub = JSON.parse(readFileSync(s.files.hub, 'utf8')), markets = JSON.parse(readFileSync(s.files.markets, 'utf8'));
      const { store } = await loadReads({ reads: s.files.reads, sites: path.join(out, 'sites.csv') });
      const given = findCountyLines(store, { hub, markets });
      expect(given.candidates.length).toBeGreaterThan(5);
      note(`${scenario}/memory`, answer(given), topOf(given));
      check(`${scenario}/memory`);
      const found = findCountyLines(store, { hub });
      note(`${scenario}/discovered`, answer(found), topOf(found));
      check(`${scenario}/discovered`);
      const windowed = findCountyLines(store, { hub, markets, from: store.time[0] + 2 * 86_400_000, to: store.time[0] + 8 * 86_400_000, params: { minLoops: 2, relay: { enabled: false } } });
      note(`${scenario}/window-params`, answer(windowed), topOf(windowed));
      check(`${scenario}/window-params`);
    }, 180_000);
  }

  it('merseyside: the DuckDB engine and the CLI (--json)', async () => {
    const out = path.join(dir, 'merseyside');
    const hub = JSON.parse(readFileSync(path.join(out, 'hub.geojson'), 'utf8')), markets = JSON.parse(readFileSync(path.join(out, 'markets.geojson'), 'utf8'));
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const parquet = path.join(out, 'reads.parquet');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`COPY (SELECT * FROM read_csv('${path.join(out, 'reads.csv.gz')}', header = true, types = {'timestamp': 'TIMESTAMPTZ'})) TO '${parquet}' (FORMAT parquet)`);
    const d = await findCountyLinesDuckDB({ reads: parquet, sites: path.join(out, 'sites.csv'), hub, markets, threads: 1, batchReads: 20_000, tempDirectory: path.join(out, 'spill') });
    note('merseyside/duckdb', answer(d.result), topOf(d.result));
    check('merseyside/duckdb');

    const cli = (extra: string[]) => {
      const r = spawnSync('node', [path.join(ROOT, 'kernel-lib/bin/anpr.mjs'), 'find', 'county-lines', '--sites', path.join(out, 'sites.csv'),
        '--hub', path.join(out, 'hub.geojson'), '--markets', path.join(out, 'markets.geojson'), '--json', '--purpose', 'golden', '--operator', 'T1', ...extra],
      { encoding: 'utf8', env: { ...process.env, ANPR_PSEUDONYM_KEY: 'golden', ANPR_AUDIT_LOG: path.join(out, 'cli-audit.jsonl') } });
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      const { at, seconds, counts, ...run } = j.run;
      return { candidates: j.candidates, lines: j.lines, run: { ...run, reads: path.basename(String(run.reads)), sites: path.basename(String(run.sites)), counts: { ...counts, seconds: 0 }, dataAge: run.dataAge } };
    };
    const mem = cli(['--reads', path.join(out, 'reads.csv.gz')]);
    note('merseyside/cli-memory', mem, mem.candidates.slice(0, 3).map((x: { vrm: string; score: number }) => `${x.vrm} ${x.score.toFixed(6)}`));
    check('merseyside/cli-memory');
    const duck = cli(['--reads', parquet, '--engine', 'duckdb', '--temp-dir', path.join(out, 'spill2')]);
    const { coarse, ...duckRun } = duck.run as Record<string, unknown> & { coarse: Record<string, unknown> };
    const coarseFigures = Object.fromEntries(Object.entries(coarse).filter(([k]) => !/Seconds$|sqlSteps/.test(k)));
    note('merseyside/cli-duckdb', { ...duck, run: { ...duckRun, coarse: coarseFigures } }, duck.candidates.slice(0, 3).map((x: { vrm: string; score: number }) => `${x.vrm} ${x.score.toFixed(6)}`));
    check('merseyside/cli-duckdb');
  }, 180_000);
});
