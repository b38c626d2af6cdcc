/**
 * The county-lines finder's public verbs: rank vehicles whose movements fit "runner" journeys
 * between an urban hub and provincial market towns, each with a score, its parts and plain
 * reasons. Each verb wraps the pure method once:
 *
 *   gate (session, taken at the edge; one audit entry)
 *     └ runner (engines/runner.ts: validation, params, areas, data-age window, batches, ranking)
 *         └ engine (memory | DuckDB | ClickHouse: the coarse stage)
 *   └ display (withDisplay: the top 20 candidates, pseudonymised)
 *
 * The method itself (params, plan, features, scores, relays, lines) is in method/county-lines/.
 * The ranking is deterministic: score descending, ties by VRM ascending.
 */
import { statSync } from 'node:fs';
import { withDisplay } from '../display/attach';
import type { Displayable } from '../display/bundle';
import { rankingView } from '../display/ranking-view';
import { clickhouseEngine, type ClickHouseCoarse, type ClickHouseEngineOptions } from '../engines/clickhouse';
import { duckdbEngine, type DuckDBCoarse, type DuckDBEngineOptions } from '../engines/duckdb';
import type { CountyLinesEngine } from '../engines/engine';
import { memoryEngine } from '../engines/memory';
import { runCountyLines, runCountyLinesSync, type RunnerOptions } from '../engines/runner';
import type { LoadSummary } from '../ingest/types';
import type { VehicleFeatures } from '../method/county-lines/features';
import { rankFeatures } from '../method/county-lines/rank';
import type { CountyLinesRanking, FindCountyLinesOptions, RankContext } from '../method/county-lines/types';
import { gate, gateAsync, type AuditRecord, type AuditWho } from '../privacy/gate';
import { storeDataAge, storeInputs } from '../privacy/provenance';
import { pseudonym } from '../privacy/pseudonym';
import { currentSession } from '../privacy/session';
import type { ReadStore } from '../reads/types';

export { defaultCountyLinesParams } from '../method/county-lines/params';
export type { CountyLinesParams, CountyLinesParamsInput, DiscoverMarketsParams } from '../method/county-lines/params';
export type { CountyLinesCandidate, FindCountyLinesOptions, FinderContext, RankContext } from '../method/county-lines/types';

/** The finder's answer, with what it used (provenance); displays as its top 20 candidates. */
export interface CountyLinesResult extends CountyLinesRanking, Displayable {}

/** An engine's answer: the ranking and what its coarse stage did. */
export interface EngineFindResult<Coarse> { result: CountyLinesResult; coarse: Coarse }

/** Options of {@link findCountyLinesDuckDB}: the finder's, plus where the data is and DuckDB's limits. */
export interface FindCountyLinesDuckDBOptions extends FindCountyLinesOptions, DuckDBEngineOptions {}
/** What {@link findCountyLinesDuckDB} returns: the finder's result, what the coarse stage did, and the candidates' load summary (all batches). */
export interface DuckDBFindResult extends EngineFindResult<DuckDBCoarse> { load: LoadSummary }

/** Options of {@link findCountyLinesClickHouse}: the finder's, plus where the data is. */
export interface FindCountyLinesClickHouseOptions extends FindCountyLinesOptions, ClickHouseEngineOptions {}
/** What {@link findCountyLinesClickHouse} returns: the finder's result and what the coarse stage did. */
export type ClickHouseFindResult = EngineFindResult<ClickHouseCoarse>;

const displayed = (r: CountyLinesRanking): CountyLinesResult => withDisplay(r, rankingView);
const marketNames = (r: CountyLinesRanking) => r.markets.map((m) => m.name);

/**
 * Rank vehicles by how well their movements fit county-lines running from `hub` to
 * `markets` (discovered from the data when omitted). Every vehicle read in both the hub and
 * a market, with at least `params.minLoops` loops, is scored and returned, best first (ties by
 * VRM), with its score parts, reasons and features. Look-alike plates are merged first and the
 * reasons say so. Needs a session (one audit entry).
 *
 * @example
 * const res = findCountyLines(store, { hub: area(hubGeo, 'Liverpool'), markets: marketsGeo });
 * res.candidates[0].vrm      // 'AB12CDE'
 * res.candidates[0].reasons  // ['7 returns Liverpool→Rhyl in 21 days', 'median dwell 30–48 min', ...]
 */
export function findCountyLines(store: ReadStore, options: FindCountyLinesOptions): CountyLinesResult {
  return gate(currentSession(), 'find county-lines', () => displayed(runCountyLinesSync(memoryEngine(store, options?.context), options, pseudonym)), (r) => ({
    params: { hub: r.hub, markets: marketNames(r), from: options.from ?? null, to: options.to ?? null, dataAge: storeDataAge(store) ?? 'not applied' },
    counts: { returned: r.candidates.length }, inputs: storeInputs(store),
  }));
}

/**
 * The finder's last step on features already computed (several partial runs' features can be
 * ranked together: relays are linked across all of them): relays, scores, rank, lines.
 * Pure (no audit): the features came from a search that was.
 *
 * @example
 * const all = [...a.candidates, ...b.candidates].map((c) => c.features);
 * rankCountyLines(all, { hub: a.hub, markets: a.markets, params: a.params, lookalikes: [], firstTime, lastTime, counts, t0: Date.now() });
 */
export function rankCountyLines(featureList: VehicleFeatures[], ctx: RankContext): CountyLinesResult {
  return displayed(rankFeatures(featureList, { plateName: pseudonym, ...ctx }));
}

/**
 * Run the finder on any engine under `session` (the CLI passes its own, with its own record of
 * the run): one audit entry, `record`'s.
 * @example await findCountyLinesOn(duckdbEngine(o), { hub, markets }, session, 'find county-lines', (r) => ({ params: {}, counts: { returned: r.result.candidates.length } }))
 */
export function findCountyLinesOn<C>(engine: CountyLinesEngine<C>, options: RunnerOptions, session: AuditWho | null, kind: string,
  record: (r: EngineFindResult<C>) => AuditRecord): Promise<EngineFindResult<C>> {
  return gateAsync(session, kind, async () => ({ result: displayed(await runCountyLines(engine, options, pseudonym)), coarse: engine.coarse() }), record);
}

/** The audit record of an engine run from the library: the data's location, the window and the data-age rule. */
function engineRecord(reads: string, options: RunnerOptions, inputs: string[]) {
  return (r: EngineFindResult<{ candidateReads: number }>): AuditRecord => ({
    params: {
      reads, hub: r.result.hub, markets: marketNames(r.result),
      from: options.from ?? null, to: options.to ?? null, now: options.now ?? null, authorisation: options.authorisation ?? null,
    },
    counts: { returned: r.result.candidates.length, candidateReads: r.coarse.candidateReads }, inputs,
  });
}

/**
 * Rank vehicles as `findCountyLines` does, on Parquet reads too big to load whole: DuckDB keeps
 * only the look-alike keys with a hub → market → hub loop, and only their reads are loaded
 * (engines/duckdb.ts). The ranking equals `findCountyLines(loadReads(all))`'s on the same (valid) reads.
 *
 * @example
 * const { result, coarse } = await findCountyLinesDuckDB({ reads: 'reads/', sites: 'sites.csv', hub, markets, memoryLimit: '4GB' });
 * result.candidates[0].reasons; coarse.candidateReads // a few % of the reads
 */
export async function findCountyLinesDuckDB(options: FindCountyLinesDuckDBOptions): Promise<DuckDBFindResult> {
  const engine = duckdbEngine(options);
  const readsFile = statSync(options?.reads ?? '', { throwIfNoEntry: false })?.isFile() ? [options.reads] : [];
  const r = await findCountyLinesOn(engine, options, currentSession(), 'find county-lines (DuckDB)', engineRecord(options?.reads, options, [...readsFile, options?.sites]));
  return { ...r, load: engine.load() };
}

/**
 * Rank vehicles as `findCountyLines` does, on reads held in a ClickHouse cluster: the shards keep
 * only the look-alike keys with a hub → market → hub loop, and only their reads come back (engines/clickhouse.ts).
 *
 * @example
 * const { result, coarse } = await findCountyLinesClickHouse({ url: 'clickhouse://127.0.0.1:8123/anpr', sites: 'sites.csv', hub, markets });
 * result.candidates[0].reasons; coarse.candidateReads // a few % of the reads
 */
export function findCountyLinesClickHouse(options: FindCountyLinesClickHouseOptions): Promise<ClickHouseFindResult> {
  return findCountyLinesOn(clickhouseEngine(options), options, currentSession(), 'find county-lines (ClickHouse)',
    engineRecord(options?.url, options, typeof options?.sites === 'string' ? [options.sites] : []));
}
