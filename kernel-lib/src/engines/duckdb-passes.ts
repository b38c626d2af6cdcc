/**
 * The DuckDB engine's passes (duckdb.ts): when the reads are too many for one pass within the
 * memory limit (at 1,000M reads, about 34M distinct plate texts), the coarse stage runs once per
 * part of the look-alike keys. Every read goes to the part of its key's hash, so a plate and its
 * look-alikes are all in one part, and the global figures are sums (reads per site, plates),
 * minimum and maximum (first and last read) over the parts.
 *
 * Normalising each row's plate text in SQL costs about 1 µs (regexp and translate), too slow for
 * 1,000M rows, so the key of a row comes from its raw text's, in two rewrites of the reads:
 *
 *   Parquet ─► split: raw text, time, site code, area; by hash(raw text)   (one scan, every row)
 *          ─► per raw part: its distinct texts normalised once, key hashed ─► rows by key part
 *          ─► key parts: the files of one pass each (coarse stage as for one pass)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A plate's text normalised (letters and digits, upper case) and its look-alike key (digits folded: 0→O 1→I 8→B 5→S 2→Z). */
export const normalised = (raw: string) => `upper(regexp_replace(${raw}, '[^A-Za-z0-9]', '', 'g'))`;
export const lookalikeKey = (v: string) => `translate(${v}, '01852', 'OIBSZ')`;

/**
 * Split the reads `src` into `passes` Parquet parts by look-alike key under `dir` (raw text, time,
 * site code and area of every row, in the window or not). Returns one glob per part with rows.
 * @example const parts = await splitByKey(c, 'read_parquet(…)', 'epoch_ms("timestamp")::DOUBLE', 4, '/tmp/x');
 */
export async function splitByKey(c: DuckDBConnection, src: string, t: string, passes: number, dir: string): Promise<string[]> {
  const byRaw = path.join(dir, 'by-raw'), byKey = path.join(dir, 'by-key');
  mkdirSync(byKey, { recursive: true });
  await c.run(`COPY (SELECT CAST(s.vrm AS VARCHAR) AS raw, ${t} AS t, a.code, a.area, hash(CAST(s.vrm AS VARCHAR)) % ${passes} AS part
    FROM ${src} s LEFT JOIN site_area a ON trim(CAST(s.site_id AS VARCHAR)) = a.site_id)
    TO ${q(byRaw)} (FORMAT parquet, PARTITION_BY (part))`);
  for (let p = 0; p < passes; p++) {
    const part = path.join(byRaw, `part=${p}`);
    if (!existsSync(part)) continue;
    const rows = `read_parquet(${q(path.join(part, '*.parquet'))}, hive_partitioning = false)`;
    // Each distinct raw text of this part normalised once; its rows go to its key's part.
    await c.run(`COPY (WITH k AS (SELECT raw, hash(${lookalikeKey(normalised('raw'))}) % ${passes} AS part FROM (SELECT DISTINCT raw FROM ${rows}))
      SELECT r.raw, r.t, r.code, r.area, k.part FROM ${rows} r JOIN k USING (raw))
      TO ${q(path.join(byKey, `from=${p}`))} (FORMAT parquet, PARTITION_BY (part))`);
    rmSync(part, { recursive: true, force: true });
  }
  rmSync(byRaw, { recursive: true, force: true });
  const globs: string[] = [];
  for (let p = 0; p < passes; p++) {
    const glob = path.join(byKey, '*', `part=${p}`, '*.parquet');
    const n = (await c.runAndReadAll(`SELECT count(*)::DOUBLE FROM glob(${q(glob)})`)).getRowsJS()[0][0] as number;
    if (n > 0) globs.push(glob);
  }
  return globs;
}
