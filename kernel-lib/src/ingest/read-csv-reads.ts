/** Reads from CSV / CSV.gz into the accumulator (line numbers exact; see csv-scanner.ts). */
import * as msg from '../messages';
import { matchReadColumns, READ_ALIASES, type ReadColumn } from './columns';
import { streamCsv } from './csv-source';
import { IngestError } from './ingest-error';
import { TimeKind, type ReadAccumulator } from './read-accumulator';
import type { QuarantineWriter } from './quarantine';

/** Internal: stream a reads CSV into `acc`. Returns rows read and the column mapping. */
export async function readCsvReads(file: string, gz: boolean, acc: ReadAccumulator, q: QuarantineWriter | null,
  progress: (fraction: number, rows: number) => void): Promise<{ read: number; columns: Record<string, string> }> {
  let read = 0;
  let width = 0;
  let iVrm = -1, iTs = -1, iSite = -1, iLat = -1, iLon = -1, iConf = -1, iDir = -1;
  const columns: Record<string, string> = {};
  await streamCsv(file, gz, {
    header(fields, raw) {
      const m = matchReadColumns(fields);
      checkRequiredReadColumns(file, m, fields);
      width = fields.length;
      const at = (c: ReadColumn) => m.get(c) ?? -1;
      iVrm = at('vrm'); iTs = at('timestamp'); iSite = at('site_id'); iLat = at('lat'); iLon = at('lon');
      iConf = at('confidence'); iDir = at('direction');
      for (const [c, i] of m) columns[c] = fields[i];
      q?.header(raw);
    },
    record(sc, nf, line) {
      read++;
      let reason;
      if (nf !== width || sc.broken) reason = acc.reject('malformed_line');
      else {
        reason = acc.add(
          sc.field(iVrm), sc.field(iTs), TimeKind.Text,
          iSite >= 0 ? sc.field(iSite) : null,
          iLat >= 0 ? sc.field(iLat) : null, iLon >= 0 ? sc.field(iLon) : null,
          iConf >= 0 ? sc.field(iConf) : null, iDir >= 0 ? sc.field(iDir) : null);
      }
      if (reason !== null && q) q.row(line, reason, sc.raw());
    },
    progress(f) { progress(f, acc.n); },
  });
  return { read, columns };
}

/** Throw IngestError unless vrm, timestamp and (site_id or lat+lon) are all present. */
export function checkRequiredReadColumns(file: string, m: Map<ReadColumn, number>, found: readonly string[]): void {
  for (const c of ['vrm', 'timestamp'] as const)
    if (!m.has(c)) throw new IngestError(msg.missingColumn(file, c, READ_ALIASES[c], found), file, 1, c);
  if (!m.has('site_id') && !(m.has('lat') && m.has('lon')))
    throw new IngestError(msg.missingSiteColumns(file, found), file, 1, 'site_id');
}
