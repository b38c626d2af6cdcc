/**
 * `anpr find QUERY ...`: the county-lines finder and the classic ANPR queries on the command
 * line. Every search needs --purpose and --operator (or ANPR_PURPOSE / ANPR_OPERATOR); plates
 * are pseudonymised unless --reveal. Text table by default, `--json` for
 * `{"candidates"|"rows": [...], "run": {...}}`. Exit 0 ok, 2 bad usage or input.
 */
import { statSync } from 'node:fs';
import { clickhouseEngine } from '../engines/clickhouse';
import { duckdbEngine } from '../engines/duckdb';
import { loadedEngine } from '../engines/memory';
// The classic queries (their result tables load arquero) are imported when asked for: a
// county-lines run does not pay for loading them (DuckDB itself loads inside its engine, on use).
import type { QueryEvent } from '../find/common-to-events';
import { findCountyLinesOn, type CountyLinesResult } from '../find/county-lines';
import type { QueryResult } from '../find/result';
import * as msg from '../messages';
import { gate } from '../privacy/gate';
import { pseudonym } from '../privacy/pseudonym';
import type { ReadStore } from '../reads/types';
import { guard, numberOption, parseCommand, purposeOf, readGeoJson, readPlace, UsageError, type Values } from './args';
import { cliAuditRecord, cliSession, runRecord } from './run-record';
import { loadStore } from './store';

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
    if (engine !== 'memory' && query !== 'county-lines') {
      throw new UsageError(msg.cliBadOption(`find ${query}`, 'engine', engine === 'duckdb' ? 'duckdb' : String(values.engine), `memory (only county-lines runs on the ${engine === 'duckdb' ? 'DuckDB' : 'ClickHouse'} engine)`));
    }
    if (query === 'county-lines') return countyLines(values, who, engine);
    const store = await loadStore(`find ${query}`, values);
    const t0 = performance.now();
    const reveal = values.reveal === true;
    const top = numberOption('find', values, 'top', 50);
    const kind = `find ${query}`;
    // One audit entry, the gate's: the run's own record (the queries' ungated cores run inside it).
    const q = await queryModules(query);
    const result = gate(cliSession(values, who), kind, () => runQuery(q, query, store, values, reveal, top),
      (r) => cliAuditRecord(values, r.params, { returned: values.json ? r.rows.length : Math.min(top, r.rows.length), rows: r.rows.length, readsLoaded: store.n }, store));
    const record = runRecord(kind, values, who, store, result.params, performance.now() - t0);
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

/**
 * `find county-lines` on any engine: the engine's options checked, the engine made, then the
 * one verb (gate → runner → engine) with the run's session and audit record, then the ranking printed.
 */
async function countyLines(values: Values, who: { purpose: string; operator: string }, engine: 'memory' | 'duckdb' | 'clickhouse'): Promise<number> {
  const cmd = 'find county-lines';
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const need = (option: string, what: string) => { if (typeof values[option] !== 'string') throw new UsageError(msg.cliBadOption(cmd, option, null, what)); };
  const hubNeeded = 'a GeoJSON file of the urban hub';
  if (engine === 'duckdb') {
    need('reads', 'Parquet reads: a file, a folder or a glob');
    need('sites', 'a sites file (the DuckDB engine needs one)');
  }
  if (engine === 'clickhouse') need('sites', 'the sites file the reads were ingested with');
  let store: ReadStore | undefined;
  let t0 = performance.now();
  const load = async () => { store = await loadStore(cmd, values); t0 = performance.now(); return store; };
  if (engine === 'memory') await load();
  need('hub', hubNeeded);
  if (engine !== 'memory') need('markets', `a GeoJSON file of the market towns (the ${engine === 'duckdb' ? 'DuckDB' : 'ClickHouse'} engine does not discover them)`);
  const top = numberOption('find', values, 'top', 20);
  const hub = readGeoJson('find', 'hub', values.hub as string);
  const markets = typeof values.markets === 'string' ? readGeoJson('find', 'markets', values.markets) : undefined;
  const dataAge = { now: str('now'), authorisation: str('authorisation') };
  const coarseStage = engine === 'memory' ? loadedEngine(() => store as ReadStore)
    : engine === 'duckdb' ? duckdbEngine({ reads: values.reads as string, sites: values.sites as string, ...dataAge, memoryLimit: str('memory-limit'), tempDirectory: str('temp-dir') })
      : clickhouseEngine({ url: values.engine as string, sites: values.sites as string, ...dataAge });
  const params = (res: CountyLinesResult) => ({
    hub: res.hub, markets: res.markets.map((m) => m.name), from: values.from ?? null, to: values.to ?? null,
    ...(engine === 'memory' ? {} : { engine, now: values.now ?? null }),
  });
  const { result: res, coarse } = await findCountyLinesOn(coarseStage, { hub, markets, from: str('from'), to: str('to'), ...(engine === 'memory' ? {} : dataAge) },
    cliSession(values, who), cmd, (r) => cliAuditRecord(values, params(r.result), {
      returned: shownCount(values, top, r.result.candidates.length), candidates: r.result.candidates.length,
      scored: r.result.counts.scored, readsLoaded: r.coarse.candidateReads,
    }, store));
  const record = store ? runRecord(cmd, values, who, store, params(res), performance.now() - t0)
    : { command: cmd, purpose: who.purpose, operator: who.operator, at: new Date().toISOString(), reads: engine === 'duckdb' ? values.reads : values.engine, sites: values.sites,
      revealed: values.reveal === true, params: params(res), coarse, seconds: (performance.now() - t0) / 1000 };
  printCountyLines(res, values, values.reveal === true, top, record);
  return 0;
}

/** The module of a classic query, loaded on first use. */
async function queryModules(query: string): Promise<QueryModules> {
  switch (query) {
    case 'a-then-b': return { aThenBQuery: (await import('../find/a-then-b')).aThenBQuery };
    case 'area': return { areaSearchQuery: (await import('../find/area-search')).areaSearchQuery };
    case 'common': return { commonToEventsQuery: (await import('../find/common-to-events')).commonToEventsQuery };
    case 'frequency': return { frequencyQuery: (await import('../find/frequency')).frequencyQuery };
    case 'convoy': return { convoyQuery: (await import('../find/convoy')).convoyQuery };
    default: return { clonesQuery: (await import('../find/clones')).clonesQuery };
  }
}

type QueryModules = Partial<{
  aThenBQuery: typeof import('../find/a-then-b').aThenBQuery; areaSearchQuery: typeof import('../find/area-search').areaSearchQuery;
  commonToEventsQuery: typeof import('../find/common-to-events').commonToEventsQuery; frequencyQuery: typeof import('../find/frequency').frequencyQuery;
  convoyQuery: typeof import('../find/convoy').convoyQuery; clonesQuery: typeof import('../find/clones').clonesQuery;
}>;

function runQuery(q: QueryModules, query: string, store: ReadStore, values: Values, reveal: boolean, top: number): QueryResult<any> {
  const from = values.from as string | undefined, to = values.to as string | undefined;
  const cmd = `find ${query}`;
  switch (query) {
    case 'a-then-b':
      return q.aThenBQuery!(store, { a: readPlace(cmd, 'a', values.a), b: readPlace(cmd, 'b', values.b), withinMinutes: numberOption(cmd, values, 'within'), from, to, reveal });
    case 'area':
      if (!from || !to) throw new UsageError(msg.cliBadOption(cmd, from ? 'to' : 'from', null, 'an ISO 8601 time (area needs a window)'));
      return q.areaSearchQuery!(store, readPlace(cmd, 'area', values.area), { from, to, reveal });
    case 'common': {
      const specs = (values.event as string[] | undefined) ?? [];
      if (!specs.length) throw new UsageError(msg.cliBadOption(cmd, 'event', null, 'PLACE@FROM/TO, repeated'));
      const events: QueryEvent[] = specs.map((s) => {
        const m = /^(.*)@([^/]+)\/(.+)$/.exec(s);
        if (!m) throw new UsageError(msg.cliBadOption(cmd, 'event', s, 'PLACE@FROM/TO'));
        return { area: readPlace(cmd, 'event', m[1]), from: m[2], to: m[3], name: s };
      });
      return q.commonToEventsQuery!(store, events, { minEvents: values['min-events'] === undefined ? undefined : numberOption(cmd, values, 'min-events'), reveal });
    }
    case 'frequency':
      return q.frequencyQuery!(store, { area: readPlace(cmd, 'area', values.area), minReads: numberOption(cmd, values, 'min-reads'), withinMinutes: numberOption(cmd, values, 'within'), from, to, reveal });
    case 'convoy':
      if (typeof values.vrm !== 'string') throw new UsageError(msg.cliBadOption(cmd, 'vrm', null, 'the target plate'));
      return q.convoyQuery!(store, values.vrm, { withinSeconds: numberOption(cmd, values, 'within-seconds', 120), minSites: numberOption(cmd, values, 'min-sites', 3), top, from, to, reveal });
    default:
      return q.clonesQuery!(store, { maxSpeedKmh: numberOption(cmd, values, 'max-speed', 250), from, to, reveal });
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
  const suspected = res.lines.slice(0, shownCount(values, top, res.lines.length)).map((l) => ({ id: l.id, vrms: l.vrms.map(hide), markets: l.markets, loops: l.loops, score: l.score,
    handOvers: l.handOvers.map((h) => ({ gapHours: Math.round(h.gapHours * 10) / 10, market: h.market, probability: Math.round(h.probability * 1000) / 1000, reasons: h.reasons })) }));
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
    for (const l of suspected) {
      lines.push(`${msg.lineSummary(l.id, l.vrms.length, l.loops, l.markets)}: ${l.vrms.join(' → ')}`);
      l.handOvers.forEach((h, i) => lines.push(msg.handOverLine(l.vrms[i], l.vrms[i + 1], h.probability, h.reasons)));
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}
