/** Load a camera sites file (CSV, CSV.gz, Parquet or Arrow) into a SiteTable. */
import { recordInput } from '../run/registry';
import * as fs from 'node:fs';
import { tableFromIPC } from '@uwdata/flechette';
import * as msg from '../messages';
import type { SiteTable } from '../reads/types';
import { matchSiteColumns, SITE_ALIASES, type SiteColumn } from './columns';
import { streamCsv } from './csv-source';
import { detectFormat } from './detect-format';
import { describe, parquetFrom, sqlIdent, streamChunks, withDuckDb } from './duckdb-source';
import { IngestError } from './ingest-error';
import { parseDecimal } from './read-accumulator';

const ORDER: SiteColumn[] = ['site_id', 'name', 'lat', 'lon', 'road', 'direction'];

/**
 * Load sites. Columns (aliases as for reads: Camera ID, Latitude, Lng, …): site_id, lat, lon
 * required; name (defaults to the id), road, direction optional. Site code = row order.
 * A row whose lat/lon do not parse keeps NaN coordinates, and reads at that site are
 * rejected as `bad_coordinates` (as are sites outside the UK box). Throws IngestError for a
 * missing required column, an empty or repeated site id (naming the line), or an unreadable file.
 *
 * @example
 * const sites = await loadSites('data/sites.csv');
 * sites.id.length // number of cameras
 */
export async function loadSites(file: string): Promise<SiteTable> {
  const format = detectFormat(file);
  recordInput(file); // for the run manifest
  const rows: { line: number; v: (string | null)[] }[] = [];
  const onHeader = (names: string[]) => {
    const m = matchSiteColumns(names);
    for (const c of ['site_id', 'lat', 'lon'] as const)
      if (!m.has(c)) throw new IngestError(msg.missingColumn(file, c, SITE_ALIASES[c], names), file, 1, c);
    return ORDER.map((c) => m.get(c) ?? -1);
  };
  if (format === 'csv' || format === 'csv.gz') {
    let idx: number[] = [];
    await streamCsv(file, format === 'csv.gz', {
      header(fields) { idx = onHeader(fields); },
      record(sc, nf, line) { rows.push({ line, v: idx.map((i) => (i >= 0 && i < nf ? sc.field(i) : null)) }); },
    });
  } else if (format === 'parquet') {
    try {
      await withDuckDb(async (c) => {
        const from = parquetFrom(file);
        const cols = await describe(c, from);
        const idx = onHeader(cols.map((x) => x.name));
        const exprs = idx.map((i) => (i >= 0 ? `CAST(${sqlIdent(cols[i].name)} AS VARCHAR)` : 'NULL::VARCHAR'));
        let line = 0;
        await streamChunks(c, `SELECT ${exprs.join(', ')} FROM ${from}`, (v, n) => {
          for (let i = 0; i < n; i++) rows.push({ line: ++line, v: v.map((col) => col.getItem(i) as string | null) });
        });
      });
    } catch (e) {
      if (e instanceof IngestError) throw e;
      throw new IngestError(msg.unreadableFile(file, 'Parquet', (e as Error).message), file);
    }
  } else {
    let table;
    try { table = tableFromIPC(fs.readFileSync(file)); } catch (e) {
      throw new IngestError(msg.unreadableFile(file, 'Arrow IPC', (e as Error).message), file);
    }
    const names = table.schema.fields.map((f) => f.name);
    const idx = onHeader(names);
    const arrays = idx.map((i) => (i >= 0 ? (table.getChild(names[i]).toArray() as ArrayLike<unknown>) : null));
    for (let r = 0; r < table.numRows; r++)
      rows.push({ line: r + 1, v: arrays.map((a) => (a && a[r] != null ? String(a[r]) : null)) });
  }
  return toSiteTable(file, rows);
}

function toSiteTable(file: string, rows: { line: number; v: (string | null)[] }[]): SiteTable {
  const n = rows.length;
  const t: SiteTable = { id: [], name: [], lat: new Float64Array(n), lon: new Float64Array(n), road: [], direction: [] };
  const seen = new Map<string, number>();
  const num = (s: string | null) => (s === null ? NaN : parseDecimal(s));
  rows.forEach(({ line, v }, k) => {
    const id = (v[0] ?? '').trim();
    if (id === '') throw new IngestError(msg.emptySiteInFile(file, line), file, line, 'site_id');
    const first = seen.get(id);
    if (first !== undefined) throw new IngestError(msg.duplicateSiteInFile(file, line, id, first), file, line, 'site_id');
    seen.set(id, line);
    t.id.push(id);
    t.name.push(v[1] && v[1].trim() !== '' ? v[1].trim() : id);
    t.lat[k] = num(v[2]);
    t.lon[k] = num(v[3]);
    t.road.push((v[4] ?? '').trim());
    t.direction.push((v[5] ?? '').trim());
  });
  return t;
}
