import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const made: string[] = [];

/** A fresh temporary directory (removed by cleanup()). */
export const tmp = (tag: string) => { const d = mkdtempSync(join(tmpdir(), `synth-${tag}-`)); made.push(d); return d; };

/** Remove the directories tmp() made. */
export const cleanup = () => { for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true }); };

/** SHA-256 of every file in a directory, by file name. */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
  return out;
}

/** Rows of reads.csv.gz as objects (header checked by the caller). */
export function readRows(dir: string) {
  const text = gunzipSync(readFileSync(join(dir, 'reads.csv.gz'))).toString('utf8');
  const lines = text.trimEnd().split('\n');
  const header = lines[0];
  const rows = lines.slice(1).map((l) => {
    const [vrm, timestamp, site_id, lat, lon, direction, confidence] = l.split(',');
    return { vrm, timestamp, site_id, lat: +lat, lon: +lon, direction, confidence: +confidence };
  });
  return { header, rows };
}
