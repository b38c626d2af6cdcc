/** Reads from CSV / CSV.gz into the accumulator (line numbers exact; see csv-scanner.ts). */
import * as msg from '../messages';
import { matchReadColumns, READ_ALIASES, type ReadColumn } from './columns';
import * as fs from 'node:fs';
import os from 'node:os';
import { streamCsv, type CsvSourceHandlers } from './csv-source';
import { BlockPool, blockWorkerFile, defaultBlockWorkers } from './csv-block-pool';
import type { BlockPlan } from './csv-block-worker';
import { CsvScanner } from './csv-scanner';
import { ByteKeyCache } from './byte-key-cache';
import { PositionMemo } from './position-memo';
import { IngestError } from './ingest-error';
import { parseInstantBytes, parseTimestamp, type ParsedTime } from '../core/london-parse';
import type { RejectReason } from './types';
import { parseDecimal, Position, smallInt, TimeKind, type ReadAccumulator } from './read-accumulator';
import type { QuarantineWriter } from './quarantine';

/**
 * Internal: stream a reads CSV into `acc`. Returns rows read and the column mapping.
 *
 * @example
 * const acc = new ReadAccumulator({ sites });
 * const { read } = await readCsvReads('reads.csv', false, acc, null, () => undefined);
 */
export async function readCsvReads(file: string, gz: boolean, acc: ReadAccumulator, q: QuarantineWriter | null,
  progress: (fraction: number, rows: number) => void): Promise<{ read: number; columns: Record<string, string>; parallel: boolean }> {
  let read = 0;
  const vrmCache = new ByteKeyCache(1 << 14);
  const siteCache = new ByteKeyCache(1 << 10);
  // (site code, lat text, lon text) already found to agree with the register: no number parsed per row.
  const posCache = new ByteKeyCache(1 << 12);
  const posKey = new Uint8Array(64);
  // ...and before that, per site, the last such texts (most rows: a few bytes compared).
  const posMemo = new PositionMemo();
  let reserved = false;
  const t: ParsedTime = { ms: NaN, status: 'bad' };
  let width = 0;
  let iVrm = -1, iTs = -1, iSite = -1, iLat = -1, iLon = -1, iConf = -1, iDir = -1;
  const columns: Record<string, string> = {};
  const handlers: CsvSourceHandlers = {
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
      let reason: RejectReason | null;
      // one extra, empty trailing field (a trailing comma, common in exports) is tolerated
      if ((nf !== width && !(nf === width + 1 && sc.ends[width] === sc.starts[width])) || sc.broken) reason = acc.reject('malformed_line');
      else {
        const buf = sc.buf;
        // VRM and site through byte-keyed caches: no string per row for repeated values.
        let code: number;
        const vs = sc.starts[iVrm], ve = sc.ends[iVrm];
        if (sc.escaped[iVrm]) code = acc.vrmCode(sc.field(iVrm));
        else {
          const h = ByteKeyCache.hash(buf, vs, ve);
          const k = vrmCache.find(buf, vs, ve, h);
          if (k >= 0) code = vrmCache.values[k];
          else { code = acc.vrmCode(buf.toString('utf8', vs, ve)); vrmCache.insert(buf, vs, ve, h, code); }
        }
        let site = -1;
        if (iSite >= 0 && !sc.escaped[iSite]) {
          const ss = sc.starts[iSite], se = sc.ends[iSite];
          const h = ByteKeyCache.hash(buf, ss, se);
          const k = siteCache.find(buf, ss, se, h);
          if (k >= 0) site = siteCache.values[k];
          else {
            site = acc.knownSite(buf.toString('utf8', ss, se));
            if (site >= 0) siteCache.insert(buf, ss, se, h, site); // unknown ids may become known later
          }
        }
        if (site < 0) {
          reason = acc.add(sc.field(iVrm), sc.field(iTs), TimeKind.Text, iSite >= 0 ? sc.field(iSite) : null,
            iLat >= 0 ? sc.field(iLat) : null, iLon >= 0 ? sc.field(iLon) : null,
            iConf >= 0 ? sc.field(iConf) : null, iDir >= 0 ? sc.field(iDir) : null);
        } else {
          if (sc.escaped[iTs] || !parseInstantBytes(buf, sc.starts[iTs], sc.ends[iTs], t)) parseTimestamp(sc.field(iTs), t);
          let conf = 0, hasConf = false;
          if (iConf >= 0) {
            const cs = sc.starts[iConf], ce = sc.ends[iConf];
            if (ce > cs) {
              conf = smallInt(buf, cs, ce);
              if (conf < 0) {
                const text = sc.field(iConf).trim();
                hasConf = text !== '';
                conf = parseDecimal(text);
              } else hasConf = true;
            }
          }
          let pos: Position = Position.Ok;
          if (iLat >= 0 || iLon >= 0) {
            const las = iLat >= 0 ? sc.starts[iLat] : 0, lae = iLat >= 0 ? sc.ends[iLat] : 0;
            const los = iLon >= 0 ? sc.starts[iLon] : 0, loe = iLon >= 0 ? sc.ends[iLon] : 0;
            const plain = !(iLat >= 0 && sc.escaped[iLat]) && !(iLon >= 0 && sc.escaped[iLon]);
            if ((lae > las || loe > los) && !(plain && posMemo.matches(site, buf, las, lae, los, loe))) {
              const len = 4 + (lae - las) + 1 + (loe - los);
              let h = 0, k = -1;
              const keyed = len <= posKey.length && plain;
              if (keyed) {
                posKey[0] = site & 255; posKey[1] = (site >>> 8) & 255; posKey[2] = (site >>> 16) & 255; posKey[3] = site >>> 24;
                let o = 4;
                for (let j = las; j < lae; j++) posKey[o++] = buf[j];
                posKey[o++] = 44;
                for (let j = los; j < loe; j++) posKey[o++] = buf[j];
                h = ByteKeyCache.hash(posKey, 0, len);
                k = posCache.find(posKey, 0, len, h);
              }
              if (k < 0) {
                const la = iLat >= 0 ? sc.field(iLat).trim() : '', lo = iLon >= 0 ? sc.field(iLon).trim() : '';
                pos = la === '' && lo === '' ? Position.Ok : acc.positionCode(site, la === '' ? NaN : parseDecimal(la), lo === '' ? NaN : parseDecimal(lo));
                if (pos === Position.Ok && keyed && posCache.size < 1 << 20) posCache.insert(posKey, 0, len, h, 1);
              }
              if (plain && (k >= 0 || pos === Position.Ok)) posMemo.remember(site, buf, las, lae, los, loe);
            }
          }
          reason = acc.addCoded(code, t, site, conf, hasConf, pos);
        }
      }
      if (reason !== null && q) q.row(line, reason, sc.raw());
    },
    progress(f, scanned, expected) {
      // Room for the reads the file will likely hold, reserved once, so that the columns do not
      // double (copying every column) up to twice the room needed: from the first chunk's reads
      // per byte when the file's uncompressed size is known (a gzip file records it), else once a
      // quarter of the file is read (10% spare either way: a guess made early, or the stream
      // reading ahead of the rows). A low guess costs one more growth; room never written is never resident.
      if (!reserved && f < 1) {
        const early = expected > 0 && acc.n >= 1000;
        if (early || f >= 0.25) { reserved = true; acc.reserve(Math.ceil((early ? (acc.n * expected) / scanned : acc.n / f) * 1.1) + 1024); }
      }
      progress(f, acc.n);
    },
  };
  // The parallel path (csv-block-pool.ts) for large files: workers settle the plainly valid rows,
  // every other row comes back to `handlers.record` here, in file order.
  let parallel = false;
  const workerFile = blockWorkerFile();
  const openPool = (firstLine: number): BlockPool | null => {
    if (!csvParallel.enabled || !workerFile || iSite < 0 || fs.statSync(file).size < csvParallel.minBytes) return null;
    // Workers pay unless the machine is already crowded: on a machine running two other busy
    // processes per core (1-minute load average at or above twice the core count) they measured no
    // faster than the exact path. Same result either way.
    if (csvParallel.whenBusy === false && os.loadavg()[0] >= csvParallel.busyLoadPerCore * os.availableParallelism()) return null;
    const plan: BlockPlan = { width, iVrm, iTs, iSite, iLat, iLon, iConf, sites: acc.settledSites(), notAfter: acc.notAfter, accessFrom: acc.accessFrom };
    const maps: number[][] = [];
    const mini = new CsvScanner(handlers.record);
    parallel = true;
    csvParallel.runs++;
    return new BlockPool(workerFile, plan, csvParallel.workers, firstLine, (r, first, w) => {
      const map = (maps[w] ??= []);
      for (const raw of r.newVrms) map.push(acc.vrmCode(raw));
      // File order: each run of settled rows (copied at once), then the deferred row after it.
      const dl = r.deferredLine, n = r.n, line = r.line;
      let a = 0;
      for (let b = 0; b <= dl.length; b++) {
        let stop = a;
        if (b < dl.length) while (stop < n && line[stop] < dl[b]) stop++;
        else stop = n;
        if (stop > a) { acc.appendSettledRun(map, r.code, r.time, r.site, r.conf, a, stop); read += stop - a; a = stop; }
        if (b < dl.length) {
          mini.restartAt(first + dl[b]);
          mini.push(Buffer.from(r.deferredText[b] + '\n'));
        }
      }
    });
  };
  await streamCsv(file, gz, handlers, openPool, csvParallel.chunkBytes);
  return { read, columns, parallel };
}

/**
 * Internal: the parallel CSV path's settings. It runs for files of at least `minBytes`
 * (compressed size for CSV.gz) with `workers` worker threads; tests lower `minBytes` to run
 * it on small files and compare it with the exact path (`enabled: false`); `chunkBytes` is the
 * read size (the first chunk, holding the header, always goes through the exact scanner);
 * `runs` counts loads that used the pool; it is skipped when the 1-minute load average is at
 * least `busyLoadPerCore` per core, unless `whenBusy` (tests). Measured on 2 cores, 9.9M reads
 * from CSV.gz (2026-12-06): with two other busy processes (load average about 2) the workers
 * took 11.2-11.9 s against the exact path's 14.0-14.9 s; with four, 21.0-24.6 s against 23.6 s.
 * Until then the rule was one per core, which sent a load straight after our own busy minute
 * (a benchmark's previous step, say) down the slower exact path.
 */
export const csvParallel = { enabled: true, minBytes: 4 << 20, workers: defaultBlockWorkers(), chunkBytes: 1 << 20, runs: 0, whenBusy: false, busyLoadPerCore: 2 };

/**
 * Throw IngestError unless vrm, timestamp and (site_id or lat+lon) are all present.
 *
 * @example
 * checkRequiredReadColumns('r.csv', matchReadColumns(['Plate', 'Camera']), ['Plate', 'Camera']); // throws: timestamp
 */
export function checkRequiredReadColumns(file: string, m: Map<ReadColumn, number>, found: readonly string[]): void {
  for (const c of ['vrm', 'timestamp'] as const)
    if (!m.has(c)) throw new IngestError(msg.missingColumn(file, c, READ_ALIASES[c], found), file, 1, c);
  if (!m.has('site_id') && !(m.has('lat') && m.has('lon')))
    throw new IngestError(msg.missingSiteColumns(file, found), file, 1, 'site_id');
}
