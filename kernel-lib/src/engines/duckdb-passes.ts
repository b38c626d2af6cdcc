/**
 * The DuckDB engine's passes (duckdb.ts): when the reads are too many for one pass within the
 * memory limit (at 1,000M reads, about 34M distinct plate texts), the coarse stage runs once per
 * part of the look-alike keys. Every read goes to the part of its key, so a plate and its
 * look-alikes are all in one part, and the global figures are sums (reads per site, plates),
 * minimum and maximum (first and last read) over the parts.
 *
 * Normalising each row's plate text in SQL costs about 1 µs (regexp and translate), too slow for
 * 1,000M rows, so each distinct text is normalised once (the `plate` table: raw text → plate
 * number, key number, part), and the reads are copied once, as numbers, by part:
 *
 *   Parquet ⋈ plate ⋈ sites ─► vid, kid, time, site code, area by part   (one scan, rows in the window)
 *          ─► the files of one pass each (coarse stage as for one pass)
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A plate's text normalised (letters and digits, upper case) and its look-alike key (digits folded: 0→O 1→I 8→B 5→S 2→Z). */
export const normalised = (raw: string) => `upper(regexp_replace(${raw}, '[^A-Za-z0-9]', '', 'g'))`;
export const lookalikeKey = (v: string) => `translate(${v}, '01852', 'OIBSZ')`;

/**
 * Copy the numbered reads `numbered` (a query giving vid, kid, t, code, area, part) to Parquet
 * under `dir`, partitioned by part. Returns one glob per part with rows, in part order.
 * @example const parts = await splitByPass(c, '(SELECT … FROM read_parquet(…) JOIN plate …)', '/tmp/x');
 */
export async function splitByPass(c: DuckDBConnection, numbered: string, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  await c.run(`COPY (SELECT vid, kid, t, code, area, part FROM ${numbered}) TO ${q(dir)} (FORMAT parquet, PARTITION_BY (part), OVERWRITE_OR_IGNORE true)`);
  return readdirSync(dir).filter((d) => /^part=\d+$/.test(d)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .map((d) => path.join(dir, d, '*.parquet'));
}
