import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll } from 'vitest';

/** Temp directories made by this test file, removed after its tests. */
const made: string[] = [];
afterAll(() => { for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

/** A fresh temp directory for one test file (removed after the file's tests). */
export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'anpr-ingest-'));
  made.push(d);
  return d;
}

/** Write `text` to dir/name (gzipped when name ends .gz); return the path. */
export function writeFile(dir: string, name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  fs.writeFileSync(p, name.endsWith('.gz') ? zlib.gzipSync(data) : data);
  return p;
}

export const SITES_CSV = 'site_id,name,lat,lon,road,direction\nS1,One,53.40,-2.20,M60,N\nS2,Two,53.50,-2.30,A56,S\nBAD,Nowhere,0,0,,\n';
