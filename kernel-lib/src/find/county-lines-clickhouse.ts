/**
 * The county-lines finder on a ClickHouse cluster: the coarse stage runs on the shards, the rest
 * locally — the same plan as the DuckDB executor (find/county-lines-duckdb.ts), on a
 * `Distributed` table over `MergeTree` shards, sharded by look-alike key so that every plate of
 * a key (and so every read the finder links) lives on one shard.
 *
 *   reads ─► ingestClickHouse: validated and normalised by loadReads, JSONEachRow batches into
 *            `DB.reads` = Distributed(cluster, DB, reads_local, cityHash64(k)); k = look-alike key
 *   query ─► per key, in the window: arraySort(groupArray((t, site code, area))) over hub and
 *            market reads, the hub → market → hub loop test with array functions (on the shards)
 *         ─► global figures: reads per site, first and last read, reads, plates (in SQL)
 *         ─► only the kept keys' rows come back ─► storeFromColumns ─► findCountyLines(…, { context })
 *
 * The SQL runs on ClickHouse 18.16 (Debian 12) and on current releases: no window functions,
 * CTEs, joins, DateTime64 or query parameters; values are escaped here. Why the ranking equals
 * the in-memory finder's: see county-lines-duckdb.ts (the same argument, the same figures).
 */
import * as msg from '../messages';
import { loadReads } from '../ingest/load-reads';
import { loadSites } from '../ingest/load-sites';
import { dataAgeLimits } from '../privacy/data-age';
import { AuditError } from '../privacy/audit';
import { consulting, withinConsultation } from '../privacy/guard';
import { auditConsultation, currentSession } from '../privacy/session';
import { storeFromColumns } from '../reads/store-from-columns';
import type { SiteTable } from '../reads/types';
import { HOUR_MS } from '../time/london';
import { area, areasFromGeoJson, siteAreas, type Area } from '../trips/areas';
import { defaultCountyLinesParams, findCountyLines, finderTimeMs, type CountyLinesResult, type FindCountyLinesOptions } from './county-lines';
import { lookalikeKey } from './lookalikes';

/** Where the reads are: `clickhouse://HOST:PORT/DB` (PORT: the HTTP port) or `http://HOST:PORT` (database `anpr`). */
export interface ClickHouseTarget { http: string; database: string }

/**
 * Read a ClickHouse address.
 *
 * @example
 * clickhouseTarget('clickhouse://127.0.0.1:8123/anpr') // { http: 'http://127.0.0.1:8123', database: 'anpr' }
 */
export function clickhouseTarget(url: string): ClickHouseTarget {
  const m = /^(clickhouse|https?):\/\/([^/?#]+)(?:\/([^/?#]*))?\/?$/.exec(url ?? '');
  if (!m) throw new TypeError(msg.clickhouseBadUrl(String(url)));
  const database = m[3] || 'anpr';
  name(database);
  return { http: `${m[1] === 'https' ? 'https' : 'http'}://${m[2]}`, database };
}

const name = (s: string) => { if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) throw new TypeError(msg.clickhouseBadName(s)); return s; };
/** A ClickHouse string literal (backslash and quote escaped). */
const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const num = (x: number) => { if (!Number.isFinite(x)) throw new RangeError(String(x)); return String(x); };

type Client = import('@clickhouse/client').ClickHouseClient;
async function client(http: string): Promise<Client> {
  const { createClient } = await import('@clickhouse/client');
  // Long queries: progress headers keep the HTTP connection alive (18.16 has both settings).
  return createClient({ url: http, request_timeout: 600_000, clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' } });
}
async function rows<T>(c: Client, query: string): Promise<T[]> {
  return (await c.query({ query, format: 'JSONEachRow' })).json<T>();
}

/** Options of {@link ingestClickHouse}. */
export interface IngestClickHouseOptions {
  /** Cluster name in the servers' `remote_servers` (default `anpr`). */
  cluster?: string;
  /** HTTP addresses of every shard, to create `reads_local` on each; omitted: `CREATE … ON CLUSTER` (needs ZooKeeper/Keeper). */
  shards?: string[];
  /** Keep the rows already there (default: the tables are created afresh). */
  append?: boolean;
  /** Rows per insert (default 100 000). */
  batch?: number;
}

/**
 * Load a reads file into ClickHouse: validated and normalised exactly as `loadReads` does (the
 * file is read into memory once), then inserted as JSONEachRow through the `Distributed` table
 * `DB.reads`, which places each look-alike key on one shard. Returns the load summary's counts.
 *
 * @example
 * await ingestClickHouse('clickhouse://127.0.0.1:8123/anpr', 'reads.csv.gz', 'sites.csv', { shards: ['http://127.0.0.1:8123', 'http://127.0.0.1:8124'] });
 */
export async function ingestClickHouse(url: string, readsFile: string, sitesFile: string, options: IngestClickHouseOptions = {}): Promise<{ reads: number; plates: number; seconds: number }> {
  const t0 = performance.now();
  const { http, database } = clickhouseTarget(url);
  const cluster = name(options.cluster ?? 'anpr');
  const { store } = await loadReads({ reads: readsFile, sites: sitesFile });
  const local = `${database}.reads_local`;
  const columns = '(vrm String, k String, t Float64, site_id String, confidence UInt8)';
  const onCluster = options.shards ? '' : ` ON CLUSTER ${cluster}`;
  for (const shard of options.shards ?? [http]) {
    const c = await client(shard);
    try {
      await c.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}${onCluster}` });
      if (!options.append) await c.command({ query: `DROP TABLE IF EXISTS ${local}${onCluster}` });
      await c.command({ query: `CREATE TABLE IF NOT EXISTS ${local}${onCluster} ${columns} ENGINE = MergeTree() ORDER BY (k, vrm, t)` });
    } finally { await c.close(); }
  }
  const c = await client(http);
  try {
    if (!options.append) await c.command({ query: `DROP TABLE IF EXISTS ${database}.reads` });
    await c.command({ query: `CREATE TABLE IF NOT EXISTS ${database}.reads ${columns} ENGINE = Distributed(${cluster}, ${database}, reads_local, cityHash64(k))` });
    const keys = store.vrms.map(lookalikeKey);
    const batch = Math.max(1, options.batch ?? 100_000);
    for (let i = 0; i < store.n; i += batch) {
      const values = [];
      for (let j = i; j < Math.min(store.n, i + batch); j++) {
        const v = store.vehicle[j];
        values.push({ vrm: store.vrms[v], k: keys[v], t: store.time[j], site_id: store.sites.id[store.site[j]], confidence: store.confidence[j] });
      }
      await c.insert({ table: `${database}.reads`, values, format: 'JSONEachRow', clickhouse_settings: { insert_distributed_sync: 1 } });
    }
  } finally { await c.close(); }
  return { reads: store.n, plates: store.vrms.length, seconds: (performance.now() - t0) / 1000 };
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
  const { http, database } = clickhouseTarget(options.url);
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
  const window = [from !== undefined && from > -Infinity ? `t >= ${num(from)}` : '', to !== undefined ? `t < ${num(to)}` : ''].filter(Boolean);
  const where = (more: string[] = []) => ([...window, ...more].length ? `WHERE ${[...window, ...more].join(' AND ')}` : '');

  const t0 = performance.now();
  const c = await client(http);
  try {
    const table = `${database}.reads`;
    const [g] = await rows<{ n: string; plates: string; first: number; last: number }>(c,
      `SELECT count() AS n, uniqExact(vrm) AS plates, min(t) AS first, max(t) AS last FROM ${table} ${where()}`);
    const siteReads = new Float64Array(sites.id.length);
    for (const r of await rows<{ site_id: string; n: string }>(c, `SELECT site_id, count() AS n FROM ${table} ${where()} GROUP BY site_id`)) {
      const i = code.get(r.site_id);
      if (i === undefined) throw new RangeError(msg.clickhouseUnknownSite(r.site_id));
      siteReads[i] = Number(r.n);
    }
    // Per key: hub and market reads sorted by (time, site code, area); hubs = hub reads so far;
    // a loop is a market read after hub #m (m >= 1) with hub #m+1 at most maxGap after hub #m.
    const ids: string[] = [], codes: number[] = [], areas: number[] = [];
    sites.id.forEach((id, i) => { if (siteArea[i] >= 0) { ids.push(str(id)); codes.push(i); areas.push(siteArea[i]); } });
    let keys: string[] = [];
    if (ids.length) {
      const list = `[${ids.join(',')}]`;
      const maxGap = p.maxLoopHours * HOUR_MS;
      const coarse = `SELECT k FROM (
          SELECT k,
            arraySort(groupArray((toInt64(t), transform(site_id, ${list}, [${codes.join(',')}], 0), transform(site_id, ${list}, [${areas.join(',')}], -1)))) AS g,
            arrayMap(x -> x.1, g) AS T, arrayMap(x -> x.3, g) AS A,
            arrayFilter((t1, a) -> a = 0, T, A) AS H,
            arrayDifference(H) AS D,
            arrayCumSum(arrayMap(a -> a = 0, A)) AS hubs,
            arrayFilter((h, a) -> a > 0 AND h >= 1, hubs, A) AS M,
            arrayExists(m -> m < length(H) AND D[m + 1] <= ${num(maxGap)}, M) AS loop
          FROM ${table} ${where([`site_id IN (${ids.join(',')})`])}
          GROUP BY k)
        WHERE loop = 1`;
      keys = (await rows<{ k: string }>(c, coarse)).map((r) => r.k);
    }
    // Every row of the kept keys' plates (in the window or not, as in memory), within data age.
    const vrms: string[] = [], vid = new Map<string, number>();
    const vehicle: number[] = [], time: number[] = [], site: number[] = [], confidence: number[] = [];
    const per = Math.max(1, options.keysPerFetch ?? 2000);
    for (let i = 0; i < keys.length; i += per) {
      const age = accessFrom !== undefined ? [`t >= ${num(accessFrom)}`] : [];
      const cond = [`k IN (${keys.slice(i, i + per).map(str).join(',')})`, ...age].join(' AND ');
      for (const r of await rows<{ vrm: string; t: number; site_id: string; confidence: number }>(c, `SELECT vrm, t, site_id, confidence FROM ${table} WHERE ${cond}`)) {
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
