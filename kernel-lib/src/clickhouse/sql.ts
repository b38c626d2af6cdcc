/**
 * Every SQL statement the ClickHouse engine sends, as plain functions of their inputs, so the
 * same text runs on the 18.16 cluster and on a current ClickHouse (tests: chdb 26.x).
 *
 * The statements need no window functions, CTEs, joins, DateTime64 or query parameters (18.16
 * has none of them usable); values are escaped here. Where 18.16 and current releases differ,
 * a statement takes the server's `dialect` (from `SELECT version()`, see {@link dialectOf}).
 */
import { keyHash } from './key-hash';

/** Which ClickHouse the SQL is for: '18' (18.x, Debian 12's) or 'current' (19.x and later). */
export type Dialect = '18' | 'current';

/**
 * The dialect of a `SELECT version()` answer.
 * @example dialectOf('18.16.1') // '18'
 * @example dialectOf('26.7.1.1') // 'current'
 */
export function dialectOf(version: string): Dialect {
  const major = Number(/^(\d+)\./.exec(version.trim())?.[1] ?? NaN);
  return major <= 18 ? '18' : 'current';
}

/** A ClickHouse string literal (backslash and quote escaped). @example str("O'Neil") // "'O\\'Neil'" */
export const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A finite number as SQL text. @example num(1.5) // '1.5' */
export const num = (x: number) => { if (!Number.isFinite(x)) throw new RangeError(String(x)); return String(x); };

/**
 * The reads table's columns, in RowBinary order (stream-reads.ts): plate, look-alike key, the
 * key's hash `h = halfMD5(k)` (key-hash.ts; DEFAULT for writers that leave it out), time (epoch
 * ms), site id, confidence (255 = not given).
 */
export const READ_COLUMNS = '(vrm String, k String, h UInt64 DEFAULT halfMD5(k), t Float64, site_id String, confidence UInt8)';
/** The same as a structure string for `file()`/`input()` table functions. */
export const READ_STRUCTURE = 'vrm String, k String, h UInt64, t Float64, site_id String, confidence UInt8';

/** DDL: the database (`onCluster`: '' or ' ON CLUSTER name'). */
export const createDatabase = (db: string, onCluster = '') => `CREATE DATABASE IF NOT EXISTS ${db}${onCluster}`;
export const dropTable = (table: string, onCluster = '') => `DROP TABLE IF EXISTS ${table}${onCluster}`;
/**
 * DDL: one shard's MergeTree table, ordered by (h, t) so one key's reads are contiguous. Not by
 * (k, vrm, t): sorting each insert block by strings took 18.16 about twice as long (10M rows: 21 s against 11 s).
 */
export const createLocal = (table: string, onCluster = '') =>
  `CREATE TABLE IF NOT EXISTS ${table}${onCluster} ${READ_COLUMNS} ENGINE = MergeTree() ORDER BY (h, t)`;
/**
 * The sharding key: `h` = halfMD5(k) (the same on 18.16 and current releases, and computed by
 * the ingest client, key-hash.ts, to write each shard's rows straight to it).
 */
export const SHARDING_KEY = 'h';
/** DDL: the Distributed table over every shard's `local` table, sharded by look-alike key. */
export const createDistributed = (table: string, cluster: string, db: string, local: string) =>
  `CREATE TABLE IF NOT EXISTS ${table} ${READ_COLUMNS} ENGINE = Distributed(${cluster}, ${db}, ${local}, ${SHARDING_KEY})`;
/** The bulk insert: a RowBinary body streamed after this statement (HTTP POST or clickhouse-client). */
export const insertRowBinary = (table: string) => `INSERT INTO ${table} FORMAT RowBinary`;

/** The WHERE clause of a time window (epoch ms, either end open) and extra conditions. */
export function where(from: number | undefined, to: number | undefined, more: string[] = []): string {
  const c = [from !== undefined && from > -Infinity ? `t >= ${num(from)}` : '', to !== undefined && to < Infinity ? `t < ${num(to)}` : '', ...more].filter(Boolean);
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
}

/** Reads, plates, first and last read in the window. */
export const globals = (table: string, w: string) =>
  `SELECT count() AS n, uniqExact(vrm) AS plates, min(t) AS first, max(t) AS last FROM ${table} ${w}`;
/** Reads per site in the window. */
export const readsPerSite = (table: string, w: string) => `SELECT site_id, count() AS n FROM ${table} ${w} GROUP BY site_id`;

/** Sites in the hub or a market: ids, codes (the sites table's order) and areas (0 hub, > 0 market). */
export interface CoarseSites { ids: string[]; codes: number[]; areas: number[] }

/**
 * The coarse stage: the look-alike keys with a hub → market → hub loop in the window. Per key,
 * hub and market reads sorted by (time, site code, area); hubs = hub reads so far; a loop is a
 * market read after hub #m (m >= 1) with hub #m+1 at most `maxGapMs` after hub #m; with
 * `censorAt` (the data's last read), also a market read after the last hub read, at most
 * `maxGapMs` before it. With `openMaxSpanMs` (the finder's open loops and open starts) also,
 * looser so that no vehicle the finder keeps is lost, a market read and a hub read when one of
 * the key's plates spans at most that over these reads. `from`/`to` bound the window (epoch ms).
 */
export function coarseKeys(table: string, s: CoarseSites, maxGapMs: number, from?: number, to?: number, _dialect: Dialect = '18', censorAt?: number, openMaxSpanMs?: number): string {
  const list = `[${s.ids.map(str).join(',')}]`;
  const open = censorAt !== undefined && openMaxSpanMs !== undefined;
  return `SELECT k FROM (
      SELECT k,
        arraySort(groupArray((toInt64(t), transform(site_id, ${list}, [${s.codes.join(',')}], 0), transform(site_id, ${list}, [${s.areas.join(',')}], -1)))) AS g,
        arrayMap(x -> x.1, g) AS T, arrayMap(x -> x.3, g) AS A,
${open ? `        groupArray(vrm) AS PV, groupArray(toInt64(t)) AS PT, groupUniqArray(vrm) AS PU,
` : ''}        arrayFilter((t1, a) -> a = 0, T, A) AS H,
        arrayDifference(H) AS D,
        arrayCumSum(arrayMap(a -> a = 0, A)) AS hubs,
        arrayFilter((h, a) -> a > 0 AND h >= 1, hubs, A) AS M,
        arrayExists(m -> (m < length(H) AND D[m + 1] <= ${num(maxGapMs)})${censorAt === undefined ? '' : ` OR (m = length(H) AND ${num(censorAt)} - H[m] <= ${num(maxGapMs)})`}, M)${!open ? '' : `
          OR (length(H) > 0 AND arrayExists(a -> a > 0, A) AND arrayReduce('min', arrayMap(p -> arrayReduce('max', arrayFilter((x, v) -> v = p, PT, PV)) - arrayReduce('min', arrayFilter((x, v) -> v = p, PT, PV)), PU)) <= ${num(openMaxSpanMs as number)})`} AS loop
      FROM ${table} ${where(from, to, [`site_id IN (${s.ids.map(str).join(',')})`])}
      GROUP BY k)
    WHERE loop = 1
    ORDER BY k`;
}

/**
 * Every row of some keys' plates (in the window or not), within data age (`accessFrom`); the
 * keys' hashes (`h`, key-hash.ts) let the shards read only those keys' granules.
 */
export const candidateRows = (table: string, keys: string[], accessFrom?: number) =>
  `SELECT vrm, t, site_id, confidence FROM ${table} WHERE ${[
    `h IN (${[...new Set(keys.map((k) => keyHash(k).toString()))].join(',')})`, `k IN (${keys.map(str).join(',')})`,
    ...(accessFrom !== undefined ? [`t >= ${num(accessFrom)}`] : [])].join(' AND ')}`;
