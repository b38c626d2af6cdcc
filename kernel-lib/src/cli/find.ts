/**
 * `anpr find QUERY ...`: the county-lines finder and the classic ANPR queries on the command
 * line. Every search needs --purpose and --operator (or ANPR_PURPOSE / ANPR_OPERATOR); plates
 * are pseudonymised unless --reveal. Text table by default, `--json` for
 * `{"candidates"|"rows": [...], "run": {...}}`. Exit 0 ok, 2 bad usage or input.
 */
// The classic queries (their result tables load arquero) and the DuckDB / ClickHouse engines
// are imported when asked for: a county-lines run in memory does not pay for loading them.
import type { QueryEvent } from '../find/common-to-events';
import { findCountyLines, type CountyLinesResult } from '../find/county-lines';
import { statSync } from 'node:fs';
import type { QueryResult } from '../find/result';
import * as msg from '../messages';
import { withinConsultation } from '../privacy/guard';
import { pseudonym } from '../privacy/pseudonym';
import type { ReadStore } from '../reads/types';
import { guard, loadStore, logRun, numberOption, parseCommand, purposeOf, readGeoJson, readPlace, runRecord, UsageError, type Values } from './args';

/** One-line description for `anpr --help`. @example summary // 'rank county-lines candidates, or run a classic ANPR query …' */
export const summary = 'rank county-lines candidates, or run a classic query (a-then-b, area, common, frequency, convoy, clones)';

const extra = {
  hub: { type: 'string' }, markets: { type: 'string' }, a: { type: 'string' }, b: { type: 'string' }, within: { type: 'string' },
  area: { type: 'string' }, event: { type: 'string', multiple: true }, 'min-events': { type: 'string' }, 'min-reads': { type: 'string' },
  vrm: { type: 'string' }, 'within-seconds': { type: 'string' }, 'min-sites': { type: 'string' }, 'max-speed': { type: 'string' },
  engine: { type: 'string' }, 'memory-limit': { type: 'string' }, 'temp-dir': { type: 'string' },
} as const;

const QUERIES = ['county-lines', 'a-then-b', 'area', 'common', 'frequency', 'convoy', 'clones'];

/**
 * Run `anpr find`; returns the exit code.
 * @example
 * await run(['county-lines', '--reads', 'reads.csv.gz', '--sites', 'sites.csv', '--hub', 'hub.geojson', '--json', '--purpose', 'op X', '--operator', 'A123']); // 0
 */
export async function run(argv: string[]): Promise<number> {
  return guard('find', msg.findUsage(), async () => {
    const { values, positionals } = parseCommand(argv, extra, true);
    if (values.help) { process.stdout.write(msg.findUsage() + '\n'); return 0; }
    const query = positionals[0];
    if (!query || !QUERIES.includes(query) || positionals.length > 1) throw new UsageError(msg.cliBadOption('find', 'QUERY', query ?? null, QUERIES.join(', ')));
    const who = purposeOf(values);
    if (!who) { process.stderr.write(msg.cliNeedsPurpose(`find ${query}`) + '\n'); return 2; }
    const engine = engineOf(values);
    if (engine === 'duckdb') {
      if (query !== 'county-lines') throw new UsageError(msg.cliBadOption(`find ${query}`, 'engine', 'duckdb', 'memory (only county-lines runs on the DuckDB engine)'));
      return countyLinesOnDuckDB(values, who);
    }
    if (engine === 'clickhouse') {
      if (query !== 'county-lines') throw new UsageError(msg.cliBadOption(`find ${query}`, 'engine', String(values.engine), 'memory (only county-lines runs on the ClickHouse engine)'));
      return countyLinesOnClickHouse(values, who);
    }
    const store = await loadStore(`find ${query}`, values);
    const t0 = performance.now();
    const reveal = values.reveal === true;
    const top = numberOption('find', values, 'top', query === 'county-lines' ? 20 : 50);
    if (query === 'county-lines') {
      if (typeof values.hub !== 'string') throw new UsageError(msg.cliBadOption('find county-lines', 'hub', null, 'a GeoJSON file of the urban hub'));
      const hub = readGeoJson('find', 'hub', values.hub);
      const markets = typeof values.markets === 'string' ? readGeoJson('find', 'markets', values.markets) : undefined;
      // logged once, below, by logRun (with the place files and what is printed)
      const res = withinConsultation(() => findCountyLines(store, { hub, markets, from: values.from as string | undefined, to: values.to as string | undefined }));
      const params = { hub: res.hub, markets: res.markets.map((m) => m.name), from: values.from ?? null, to: values.to ?? null };
      const record = runRecord('find county-lines', values, who, store, params, performance.now() - t0);
      logRun('find county-lines', values, who, params, { returned: shownCount(values, top, res.candidates.length), candidates: res.candidates.length, scored: res.counts.scored, readsLoaded: store.n }, store);
      printCountyLines(res, values, reveal, top, record);
      return 0;
    }
    const q = await queryModules(query);
    const result = withinConsultation(() => runQuery(q, query, store, values, reveal, top)); // logged once, below
    const record = runRecord(`find ${query}`, values, who, store, result.params, performance.now() - t0);
    logRun(`find ${query}`, values, who, result.params, { returned: values.json ? result.rows.length : Math.min(top, result.rows.length), rows: result.rows.length, readsLoaded: store.n }, store);
    if (values.json) process.stdout.write(JSON.stringify({ rows: result.toJSON({ reveal }), run: record }) + '\n');
    else process.stdout.write(result.toText(top, { reveal }) + '\n');
    return 0;
  });
}

/**
 * The engine: `--engine memory|duckdb`; by default DuckDB when --reads is a folder or a glob
 * (data that may not fit in memory), else memory.
 */
function engineOf(values: Values): 'memory' | 'duckdb' | 'clickhouse' {
  const e = values.engine;
  if (typeof e === 'string' && /^clickhouse:\/\//.test(e)) return 'clickhouse';
  if (e !== undefined && e !== 'memory' && e !== 'duckdb') throw new UsageError(msg.cliBadOption('find', 'engine', e, 'memory, duckdb or clickhouse://HOST:PORT/DB'));
  if (e) return e;
  const reads = typeof values.reads === 'string' ? values.reads : '';
  return /[*?[]/.test(reads) || statSync(reads, { throwIfNoEntry: false })?.isDirectory() ? 'duckdb' : 'memory';
}

/** county-lines with the coarse stage in DuckDB (Parquet file, folder or glob; see find/county-lines-duckdb.ts). */
async function countyLinesOnDuckDB(values: Values, who: { purpose: string; operator: string }): Promise<number> {
  const cmd = 'find county-lines';
  if (typeof values.reads !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'reads', null, 'Parquet reads: a file, a folder or a glob'));
  if (typeof values.sites !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'sites', null, 'a sites file (the DuckDB engine needs one)'));
  if (typeof values.hub !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'hub', null, 'a GeoJSON file of the urban hub'));
  if (typeof values.markets !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'markets', null, 'a GeoJSON file of the market towns (the DuckDB engine does not discover them)'));
  const t0 = performance.now();
  const hub = readGeoJson('find', 'hub', values.hub), markets = readGeoJson('find', 'markets', values.markets);
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const { findCountyLinesDuckDB } = await import('../find/county-lines-duckdb');
  const { result: res, coarse } = await withinConsultation(() => findCountyLinesDuckDB({
    reads: values.reads as string, sites: values.sites as string, hub, markets, from: str('from'), to: str('to'),
    now: str('now'), authorisation: str('authorisation'), memoryLimit: str('memory-limit'), tempDirectory: str('temp-dir'),
  }));
  return reportEngineRun(values, who, res, coarse, 'duckdb', values.reads, t0);
}

/** county-lines with the coarse stage on a ClickHouse cluster (--engine clickhouse://HOST:PORT/DB; see find/county-lines-clickhouse.ts). */
async function countyLinesOnClickHouse(values: Values, who: { purpose: string; operator: string }): Promise<number> {
  const cmd = 'find county-lines';
  if (typeof values.sites !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'sites', null, 'the sites file the reads were ingested with'));
  if (typeof values.hub !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'hub', null, 'a GeoJSON file of the urban hub'));
  if (typeof values.markets !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'markets', null, 'a GeoJSON file of the market towns (the ClickHouse engine does not discover them)'));
  const t0 = performance.now();
  const hub = readGeoJson('find', 'hub', values.hub), markets = readGeoJson('find', 'markets', values.markets);
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const url = values.engine as string;
  const { findCountyLinesClickHouse } = await import('../find/county-lines-clickhouse');
  const { result: res, coarse } = await withinConsultation(() => findCountyLinesClickHouse({
    url, sites: values.sites as string, hub, markets, from: str('from'), to: str('to'), now: str('now'), authorisation: str('authorisation'),
  }));
  return reportEngineRun(values, who, res, coarse, 'clickhouse', url, t0);
}

/** An engine run's end: its record, one audit entry (with its place files), then the ranking printed. */
function reportEngineRun(values: Values, who: { purpose: string; operator: string }, res: CountyLinesResult, coarse: { candidateReads: number },
  engine: 'duckdb' | 'clickhouse', reads: unknown, t0: number): number {
  const cmd = 'find county-lines';
  const params = { hub: res.hub, markets: res.markets.map((m) => m.name), from: values.from ?? null, to: values.to ?? null, engine, now: values.now ?? null };
  const top = numberOption('find', values, 'top', 20);
  const record = { command: cmd, purpose: who.purpose, operator: who.operator, at: new Date().toISOString(), reads, sites: values.sites,
    revealed: values.reveal === true, params, coarse, seconds: (performance.now() - t0) / 1000 };
  logRun(cmd, values, who, params, { returned: shownCount(values, top, res.candidates.length), candidates: res.candidates.length, scored: res.counts.scored, readsLoaded: coarse.candidateReads });
  printCountyLines(res, values, values.reveal === true, top, record);
  return 0;
}

/** The module of a classic query, loaded on first use. */
async function queryModules(query: string) {
  switch (query) {
    case 'a-then-b': return { aThenB: (await import('../find/a-then-b')).aThenB };
    case 'area': return { areaSearch: (await import('../find/area-search')).areaSearch };
    case 'common': return { commonToEvents: (await import('../find/common-to-events')).commonToEvents };
    case 'frequency': return { frequency: (await import('../find/frequency')).frequency };
    case 'convoy': return { convoy: (await import('../find/convoy')).convoy };
    default: return { clones: (await import('../find/clones')).clones };
  }
}

type QueryModules = Partial<{
  aThenB: typeof import('../find/a-then-b').aThenB; areaSearch: typeof import('../find/area-search').areaSearch;
  commonToEvents: typeof import('../find/common-to-events').commonToEvents; frequency: typeof import('../find/frequency').frequency;
  convoy: typeof import('../find/convoy').convoy; clones: typeof import('../find/clones').clones;
}>;

function runQuery(q: QueryModules, query: string, store: ReadStore, values: Values, reveal: boolean, top: number): QueryResult<any> {
  const from = values.from as string | undefined, to = values.to as string | undefined;
  const cmd = `find ${query}`;
  switch (query) {
    case 'a-then-b':
      return q.aThenB!(store, { a: readPlace(cmd, 'a', values.a), b: readPlace(cmd, 'b', values.b), withinMinutes: numberOption(cmd, values, 'within'), from, to, reveal });
    case 'area':
      if (!from || !to) throw new UsageError(msg.cliBadOption(cmd, from ? 'to' : 'from', null, 'an ISO 8601 time (area needs a window)'));
      return q.areaSearch!(store, readPlace(cmd, 'area', values.area), { from, to, reveal });
    case 'common': {
      const specs = (values.event as string[] | undefined) ?? [];
      if (!specs.length) throw new UsageError(msg.cliBadOption(cmd, 'event', null, 'PLACE@FROM/TO, repeated'));
      const events: QueryEvent[] = specs.map((s) => {
        const m = /^(.*)@([^/]+)\/(.+)$/.exec(s);
        if (!m) throw new UsageError(msg.cliBadOption(cmd, 'event', s, 'PLACE@FROM/TO'));
        return { area: readPlace(cmd, 'event', m[1]), from: m[2], to: m[3], name: s };
      });
      return q.commonToEvents!(store, events, { minEvents: values['min-events'] === undefined ? undefined : numberOption(cmd, values, 'min-events'), reveal });
    }
    case 'frequency':
      return q.frequency!(store, { area: readPlace(cmd, 'area', values.area), minReads: numberOption(cmd, values, 'min-reads'), withinMinutes: numberOption(cmd, values, 'within'), from, to, reveal });
    case 'convoy':
      if (typeof values.vrm !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'vrm', null, 'the target plate'));
      return q.convoy!(store, values.vrm, { withinSeconds: numberOption(cmd, values, 'within-seconds', 120), minSites: numberOption(cmd, values, 'min-sites', 3), top, from, to, reveal });
    default:
      return q.clones!(store, { maxSpeedKmh: numberOption(cmd, values, 'max-speed', 250), from, to, reveal });
  }
}

/**
 * How many county-lines candidates are printed: the top N in text; with --json every one,
 * unless --top was given. Only those are explained (reasons, parts) and pseudonymised.
 */
function shownCount(values: Values, top: number, total: number): number {
  return values.json && values.top === undefined ? total : Math.min(top, total);
}

function printCountyLines(res: CountyLinesResult, values: Values, reveal: boolean, top: number, record: Record<string, unknown>): void {
  const hide = (vrm: string) => (reveal ? vrm : pseudonym(vrm));
  const shown = shownCount(values, top, res.candidates.length);
  const candidates = res.candidates.slice(0, shown).map((c) => {
    // Reasons may name other plates (relays, merged look-alikes): pseudonymise those too.
    const others = [...c.features.relayPlates.map((r) => r.vrm), ...c.features.mergedWith.map((m) => m.vrm)];
    const reasons = reveal || !others.length ? c.reasons
      : c.reasons.map((r) => others.reduce((s, o) => (s.includes(o) ? s.split(o).join(pseudonym(o)) : s), r));
    return {
      rank: c.rank, vrm: hide(c.vrm), score: c.score, reasons, loops: c.features.loops, base: c.features.base,
      parts: c.parts.filter((p) => p.contribution !== 0).map((p) => ({ name: p.name, contribution: p.contribution })),
    };
  });
  // Suspected lines, in the same form as the candidates: plates pseudonymised unless --reveal.
  const suspected = res.lines.slice(0, values.json && values.top === undefined ? res.lines.length : top).map((l) => ({ id: l.id, vrms: l.vrms.map(hide), markets: l.markets, loops: l.loops, score: l.score }));
  if (values.json) {
    process.stdout.write(JSON.stringify({ candidates, lines: suspected, run: { ...record, counts: res.counts, markets: res.markets } }) + '\n');
    return;
  }
  const lines = [`County-lines candidates: hub ${res.hub}, markets ${res.markets.map((m) => m.name).join(', ') || '(none)'}; ${res.counts.scored} vehicles scored.`];
  lines.push(`${'rank'.padEnd(5)}${'vrm'.padEnd(14)}${'score'.padStart(7)}  reasons`);
  for (const c of candidates) lines.push(`${String(c.rank).padEnd(5)}${c.vrm.padEnd(14)}${c.score.toFixed(2).padStart(7)}  ${c.reasons.slice(0, 3).join('; ')}`);
  lines.push(msg.queryRowsShown(shown, res.candidates.length));
  if (suspected.length) {
    lines.push('', msg.linesHeading(res.lines.length));
    for (const l of suspected) lines.push(`${msg.lineSummary(l.id, l.vrms.length, l.loops, l.markets)}: ${l.vrms.join(' → ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}
