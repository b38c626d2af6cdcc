// output.mjs — writes the five output files: reads.csv.gz (sorted by instant, site, plate),
// sites.csv, hub.geojson, markets.geojson and truth.json. Byte-stable: fixed number
// formats, LF line ends, gzip with no timestamp in its header.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatLondon } from './londonTime.mjs';

const csv = (x) => { const s = String(x ?? ''); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function sortReads(reads) {
  return reads.sort((a, b) => a.t - b.t || cmp(a.site, b.site) || cmp(a.vrm, b.vrm) || a.conf - b.conf);
}

export function writeOutputs(out, { reads, sites, hubFeature, marketFeatures, truth }) {
  mkdirSync(out, { recursive: true });
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const lines = ['vrm,timestamp,site_id,lat,lon,direction,confidence'];
  for (const r of reads) {
    const s = siteById.get(r.site);
    lines.push(`${r.vrm},${formatLondon(r.t)},${s.id},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.direction},${r.conf}`);
  }
  writeFileSync(path.join(out, 'reads.csv.gz'), gzipSync(Buffer.from(lines.join('\n') + '\n'), { level: 6 }));

  const srows = ['site_id,name,lat,lon,road,direction'];
  for (const s of sites.slice().sort((a, b) => cmp(a.id, b.id))) srows.push([s.id, s.name, s.lat.toFixed(5), s.lon.toFixed(5), s.road, s.direction].map(csv).join(','));
  writeFileSync(path.join(out, 'sites.csv'), srows.join('\n') + '\n');

  writeFileSync(path.join(out, 'hub.geojson'), JSON.stringify(hubFeature) + '\n');
  writeFileSync(path.join(out, 'markets.geojson'), JSON.stringify({ type: 'FeatureCollection', features: marketFeatures }) + '\n');
  writeFileSync(path.join(out, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
}

export function polygonFeature(name, kind, ring) {
  return { type: 'Feature', properties: { name, kind }, geometry: { type: 'Polygon', coordinates: [ring] } };
}
