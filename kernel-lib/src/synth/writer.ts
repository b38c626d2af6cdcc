/**
 * Streaming writer for the canonical reads file: CSV, gzip-compressed, written in chunks
 * with back-pressure so memory does not grow with the file. Same rows in, same bytes out.
 */
import { createWriteStream } from 'node:fs';
import { createGzip, constants } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import type { Site } from './sites';
import { formatLondonIso } from '../core/london-time';

/**
 * Header of the canonical reads schema.
 * @example
 * READS_HEADER.split(','); // ['vrm', 'timestamp', 'site_id', 'lat', 'lon', 'direction', 'confidence']
 */
export const READS_HEADER = 'vrm,timestamp,site_id,lat,lon,direction,confidence';

/** A gzip CSV reads file open for appending rows. */
export interface ReadsWriter {
  /** Append one read (t in epoch seconds UTC). Await when it returns a promise. */
  write(vrm: string, t: number, site: number, confidence: number): void | Promise<void>;
  /** Flush and close; resolves when the file is complete. */
  close(): Promise<void>;
  /** Rows written so far. */
  readonly rows: number;
}

/**
 * Open `path` for reads at the given sites (gzip level 6, header written first).
 * @example
 * const w = openReadsWriter('out/reads.csv.gz', net.sites);
 * await w.write('AB12CDE', 1741000000, 0, 97);
 * await w.close();
 */
export function openReadsWriter(path: string, sites: Site[]): ReadsWriter {
  const gz = createGzip({ level: 6, strategy: constants.Z_DEFAULT_STRATEGY, chunkSize: 1 << 16, highWaterMark: 1 << 24 } as ZlibOptions);
  const file = createWriteStream(path);
  gz.pipe(file);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', () => resolve());
    file.on('error', reject);
    gz.on('error', reject);
  });
  const tail = sites.map((s) => `,${s.id},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.direction},`);
  let buf = READS_HEADER + '\n';
  let rows = 0;
  const push = (): void | Promise<void> => {
    const ok = gz.write(buf);
    buf = '';
    if (!ok) return new Promise<void>((r) => gz.once('drain', () => r()));
  };
  return {
    get rows() { return rows; },
    write(vrm, t, site, confidence) {
      buf += vrm + ',' + formatLondonIso(t) + tail[site] + confidence + '\n';
      rows++;
      if (buf.length > 1 << 20) return push();
    },
    async close() {
      if (buf) await push();
      gz.end();
      await done;
    }
  };
}
