/**
 * The ClickHouse engine of the county-lines finder: the coarse stage runs on the shards, the rest
 * locally — the same plan as the DuckDB engine (engines/duckdb.ts), on a
 * `Distributed` table over `MergeTree` shards, sharded by look-alike key so that every plate of
 * a key (and so every read the finder links) lives on one shard.
 *
 *   reads ─► ingestClickHouse (clickhouse/ingest.ts): validated by the loader's accumulator, streamed
 *            as RowBinary into `DB.reads` = Distributed(cluster, DB, reads_local, h); k = look-alike key, h = halfMD5(k)
 *   query ─► per key, in the window: arraySort(groupArray((t, site code, area))) over hub and
 *            market reads, the hub → market → hub loop test with array functions (on the shards)
 *         ─► global figures: reads per site, first and last read, reads, plates (in SQL)
 *         ─► only the kept keys' rows come back ─► storeFromColumns ─► the runner (runner.ts)
 *
 * The SQL (every statement in clickhouse/sql.ts) runs on ClickHouse 18.16 (Debian 12) and on
 * current releases (tested on chdb 26.x): no window functions, CTEs, joins, DateTime64 or query
 * parameters; values are escaped there. Why the ranking equals
 * the in-memory finder's: see county-lines-duckdb.ts (the same argument, the same figures).
 */
import * as msg from '../messages';
import { loadSites } from '../ingest/load-sites';
import { storeFromColumns } from '../reads/store-from-columns';
import type { SiteTable } from '../reads/types';
import { HOUR_MS } from '../core/london-time';
import { openLoopSpanMs } from '../method/county-lines/params';
import { siteAreas } from '../core/areas';
import * as sql from '../clickhouse/sql';
import { clickhouseClient, clickhouseTarget } from '../clickhouse/target';
import type { CoarseBatch, CountyLinesEngine } from './engine';

type Client = import('@clickhouse/client').ClickHouseClient;


async function rows<T>(c: Client, query: string): Promise<T[]> {
  return (await c.query({ query, format: 'JSONEachRow' })).json<T>();
}

/** Options of the ClickHouse engine: where the data is, and the data-age rule. */
export interface ClickHouseEngineOptions {
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

/** What the ClickHouse engine's coarse stage did. */
export interface ClickHouseCoarse { reads: number; plates: number; keys: number; candidatePlates: number; candidateReads: number; sqlSeconds: number; loadSeconds: number }

/**
 * The ClickHouse engine: the shards keep only the look-alike keys with a hub → market → hub
 * loop, and only their reads come back (one batch). Run it with the runner (`findCountyLinesClickHouse` does).
 *
 * @example
 * const engine = clickhouseEngine({ url: 'clickhouse://127.0.0.1:8123/anpr', sites: 'sites.csv' });
 * const ranking = await runCountyLines(engine, { hub, markets }); engine.coarse().candidateReads // a few % of the reads
 */
export function clickhouseEngine(options: ClickHouseEngineOptions): CountyLinesEngine<ClickHouseCoarse> {
  let coarse: ClickHouseCoarse | null = null;
  return {
    name: 'ClickHouse',
    needsMarkets: msg.clickhouseNeedsMarkets,
    coarse: () => coarse as ClickHouseCoarse,
    async *candidates(window, setup): AsyncIterable<CoarseBatch> {
      const target = clickhouseTarget(options.url);
      const { database } = target;
      const { hub, markets } = setup;
      const sites = typeof options.sites === 'string' ? await loadSites(options.sites) : options.sites;
      const siteArea = siteAreas(sites, [hub, ...markets], { bufferKm: setup.params.areaBufferKm });
      const code = new Map(sites.id.map((id, i) => [id, i]));

      // The window: from/to, and the data-age rule when `now` is given (as loadReads applies it).
      const to = window.to, accessFrom = window.accessFrom;
      const from = accessFrom !== undefined ? Math.max(window.from ?? -Infinity, accessFrom) : window.from;

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
          ? (await rows<{ k: string }>(c, sql.coarseKeys(table, coarseSites, setup.params.maxLoopHours * HOUR_MS, from, to, dialect,
            setup.params.censoredLoops && Number(g.n) > 0 ? Number(g.last) : undefined,
            openLoopSpanMs(setup.params)))).map((r) => r.k)
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
        coarse = { reads: n, plates: Number(g.plates), keys: keys.length, candidatePlates: vrms.length, candidateReads: store.n, sqlSeconds, loadSeconds };
        yield { store, context: { siteReads, firstTime: n > 0 ? g.first : Infinity, lastTime: n > 0 ? g.last : -Infinity, reads: n, vehicles: Number(g.plates) } };
      } finally {
        await c.close();
      }
    },
  };
}
