// output.mjs - writes the five output files: reads.csv.gz, sites.csv, hub.geojson,
// markets.geojson, truth.json. Everything is formatted deterministically (fixed decimals,
// fixed sort order, gzip without timestamps) so the same options give identical bytes.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isoLondon } from './clock.mjs';

const csvCell = (s) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));

/** rows: [{t, s, v, c}] (t UTC seconds, s site index, v plate, c confidence). */
export function writeReads(dir, rows, sites, t1) {
  const kept = rows.filter((r) => r.t < t1);
  kept.sort((a, b) => a.t - b.t || a.s - b.s || (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  const out = ['vrm,timestamp,site_id,lat,lon,direction,confidence'];
  let lastT = -1, iso = '';
  for (const r of kept) {
    if (r.t !== lastT) { iso = isoLondon(r.t); lastT = r.t; }
    const s = sites[r.s];
    out.push(`${r.v},${iso},${s.site_id},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.direction},${r.c}`);
  }
  writeFileSync(join(dir, 'reads.csv.gz'), gzipSync(Buffer.from(out.join('\n') + '\n', 'utf8'), { level: 6 }));
  return kept.length;
}

export function writeSites(dir, sites) {
  const out = ['site_id,name,lat,lon,road,direction'];
  for (const s of sites) out.push([s.site_id, csvCell(s.name), s.lat.toFixed(5), s.lon.toFixed(5), csvCell(s.road), s.direction].join(','));
  writeFileSync(join(dir, 'sites.csv'), out.join('\n') + '\n');
}

export function writeGeo(dir, hub, markets) {
  const feature = (name, kind, ring) => ({ type: 'Feature', properties: { name, kind }, geometry: { type: 'Polygon', coordinates: [ring] } });
  writeFileSync(join(dir, 'hub.geojson'), JSON.stringify(feature(hub.name, 'hub', hub.ring)) + '\n');
  writeFileSync(join(dir, 'markets.geojson'), JSON.stringify({
    type: 'FeatureCollection', features: markets.map((m) => feature(m.name, 'market', m.ring)),
  }) + '\n');
}

export function writeTruth(dir, truth) {
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
}

export function ensureDir(dir) { mkdirSync(dir, { recursive: true }); }
