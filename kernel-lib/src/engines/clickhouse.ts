/**
 * The county-lines finder on a ClickHouse cluster: the coarse stage runs on the shards, the rest
 * locally — the same plan as the DuckDB executor (find/county-lines-duckdb.ts), on a
 * `Distributed` table over `MergeTree` shards, sharded by look-alike key so that every plate of
 * a key (and so every read the finder links) lives on one shard.
 *
 *   reads ─► ingestClickHouse (clickhouse/ingest.ts): validated by the loader's accumulator, streamed
 *            as RowBinary into `DB.reads` = Distributed(cluster, DB, reads_local, h); k = look-alike key, h = halfMD5(k)
 *   query ─► per key, in the window: arraySort(groupArray((t, site code, area))) over hub and
 *            market reads, the hub → market → hub loop test with array functions (on the shards)
 *         ─► global figures: reads per site, first and last read, reads, plates (in SQL)
 *         ─► only the kept keys' rows come back ─► storeFromColumns ─► findCountyLines(…, { context })
 *
 * The SQL (every statement in clickhouse/sql.ts) runs on ClickHouse 18.16 (Debian 12) and on
 * current releases (tested on chdb 26.x): no window functions, CTEs, joins, DateTime64 or query
 * parameters; values are escaped there. Why the ranking equals
 * the in-memory finder's: see county-lines-duckdb.ts (the same argument, the same figures).
 */
import * as msg from '../messages';
import { loadSites } from '../ingest/load-sites';
import { dataAgeLimits } from '../privacy/data-age';
import { AuditError } from '../privacy/audit';
import { consulting, withinConsultation } from '../privacy/guard';
import { auditConsultation, currentSession } from '../privacy/session';
import { storeFromColumns } from '../reads/store-from-columns';
import type { SiteTable } from '../reads/types';
import { HOUR_MS } from '../core/london-time';
import { area, areasFromGeoJson, siteAreas, type Area } from '../core/areas';
import { defaultCountyLinesParams, findCountyLines, finderTimeMs, type CountyLinesResult, type FindCountyLinesOptions } from '../find/county-lines';
import * as sql from '../clickhouse/sql';
import { clickhouseClient, clickhouseTarget } from '../clickhouse/target';

type Client = import('@clickhouse/client').ClickHouseClient;

export { clickhouseTarget, type ClickHouseTarget } from '../clickhouse/target';
export { ingestClickHouse, type IngestClickHouseOptions, type IngestClickHouseResult } from '../clickhouse/ingest';

async function rows<T>(c: Client, query: string): Promise<T[]> {
  return (await c.query({ query, format: 'JSONEachRow' })).json<T>();
}

/** Options of {@link findCountyLinesClickHouse}: the finder's, plus where the data is. */
export interface FindCountyLinesClickHouseOptions extends FindCountyLinesOptions {
  /** `clickhouse://HOST:PORT/DB` or `http://HOST:PORT` (database `anpr`), holding `DB.reads` as made by {@link ingestClickHouse}. */
  url: string;
  /** Sites file (CSV, CSV.gz, Parquet) or a loaded SiteTable: the one the reads were ingested with. */
  sites: string | SiteTable;
  /** Access by data age, as in `loadReads`: reads older than the access limit are not searched. */
  now?: number | Date | string;
  authorisation?: string;
  /** Look-alike keys per candidate fetch (default 2000). */
  keysPerFetch?: number;
}

/** What {@link findCountyLinesClickHouse} returns: the finder's result and what the coarse stage did. */
export interface ClickHouseFindResult {
  result: CountyLinesResult;
  coarse: { reads: number; plates: number; keys: number; candidatePlates: number; candidateReads: number; sqlSeconds: number; loadSeconds: number };
}

/**
 * Rank vehicles as `findCountyLines` does, on reads held in a ClickHouse cluster: the shards keep
 * only the look-alike keys with a hub → market → hub loop, and only their reads come back.
 *
 * @example
 * const { result, coarse } = await findCountyLinesClickHouse({ url: 'clickhouse://127.0.0.1:8123/anpr', sites: 'sites.csv', hub, markets });
 * result.candidates[0].reasons; coarse.candidateReads // a few % of the reads
 */
export async function findCountyLinesClickHouse(options: FindCountyLinesClickHouseOptions): Promise<ClickHouseFindResult> {
  if (!options || !options.hub) throw new TypeError(msg.finderNeedsHub());
  if (options.markets === undefined) throw new TypeError(msg.clickhouseNeedsMarkets());
  const logged = !consulting();
  if (logged && !currentSession()) throw new AuditError(msg.sessionRequired('find county-lines (ClickHouse)'));
  const target = clickhouseTarget(options.url);
  const { database } = target;
  const p = { ...defaultCountyLinesParams, ...(options.params ?? {}) } as typeof defaultCountyLinesParams;
  const hub = area(options.hub);
  const markets: Area[] = Array.isArray(options.markets) ? options.markets.map((m) => area(m)) : areasFromGeoJson(options.markets);
  const sites = typeof options.sites === 'string' ? await loadSites(options.sites) : options.sites;
  const siteArea = siteAreas(sites, [hub, ...markets], { bufferKm: p.areaBufferKm });
  const code = new Map(sites.id.map((id, i) => [id, i]));

  // The window: from/to, and the data-age rule when `now` is given (as loadReads applies it).
  let from = finderTimeMs(options.from, 'from');
  const to = finderTimeMs(options.to, 'to');
  let accessFrom: number | undefined;
  if (options.now !== undefined) {
    accessFrom = dataAgeLimits({ now: options.now, authorisation: options.authorisation }).accessFrom;
    from = Math.max(from ?? -Infinity, accessFrom);
  }

  const t0 = performance.now();
  const c = await clickhouseClient(target);
  try {
    const table = `${database}.reads`;
    const [{ v }] = await rows<{ v: string }>(c, 'SELECT version() AS v');
    const dialect = sql.dialectOf(v);
    const w = sql.where(from, to);
    const [g] = await rows<{ n: string; plates: string; first: number; last: number }>(c, sql.globals(table, w));
    const siteReads = new Float64Array(sites.id.length);
    for (const r of await rows<{ site_id: string; n: string }>(c, sql.readsPerSite(table, w))) {
      const i = code.get(r.site_id);
      if (i === undefined) throw new RangeError(msg.clickhouseUnknownSite(r.site_id));
      siteReads[i] = Number(r.n);
    }
    const coarseSites: sql.CoarseSites = { ids: [], codes: [], areas: [] };
    sites.id.forEach((id, i) => { if (siteArea[i] >= 0) { coarseSites.ids.push(id); coarseSites.codes.push(i); coarseSites.areas.push(siteArea[i]); } });
    const keys = coarseSites.ids.length
      ? (await rows<{ k: string }>(c, sql.coarseKeys(table, coarseSites, p.maxLoopHours * HOUR_MS, from, to, dialect))).map((r) => r.k)
      : [];
    // Every row of the kept keys' plates (in the window or not, as in memory), within data age.
    const vrms: string[] = [], vid = new Map<string, number>();
    const vehicle: number[] = [], time: number[] = [], site: number[] = [], confidence: number[] = [];
    const per = Math.max(1, options.keysPerFetch ?? 2000);
    for (let i = 0; i < keys.length; i += per) {
      for (const r of await rows<{ vrm: string; t: number; site_id: string; confidence: number }>(c, sql.candidateRows(table, keys.slice(i, i + per), accessFrom))) {
        let v = vid.get(r.vrm);
        if (v === undefined) { v = vrms.length; vid.set(r.vrm, v); vrms.push(r.vrm); }
        const s = code.get(r.site_id);
        if (s === undefined) throw new RangeError(msg.clickhouseUnknownSite(r.site_id));
        vehicle.push(v); time.push(r.t); site.push(s); confidence.push(r.confidence);
      }
    }
    const sqlSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const store = storeFromColumns({ vrms, vehicle: Uint32Array.from(vehicle), time: Float64Array.from(time), site: Uint32Array.from(site), confidence: Uint8Array.from(confidence) }, sites);
    const loadSeconds = (performance.now() - t1) / 1000;
    const n = Number(g.n);
    const result = withinConsultation(() => findCountyLines(store, {
      ...options, hub, markets,
      context: { siteReads, firstTime: n > 0 ? g.first : Infinity, lastTime: n > 0 ? g.last : -Infinity, reads: n, vehicles: Number(g.plates) },
    }));
    if (logged) auditConsultation('find county-lines (ClickHouse)', {
      reads: options.url, hub: result.hub, markets: result.markets.map((m) => m.name),
      from: options.from ?? null, to: options.to ?? null, now: options.now ?? null, authorisation: options.authorisation ?? null,
    }, { returned: result.candidates.length, candidateReads: store.n }, typeof options.sites === 'string' ? [options.sites] : []);
    return { result, coarse: { reads: n, plates: Number(g.plates), keys: keys.length, candidatePlates: vrms.length, candidateReads: store.n, sqlSeconds, loadSeconds } };
  } finally {
    await c.close();
  }
}
