// output.mjs — writes the five benchmark files: reads.csv.gz (sorted by UTC
// instant, site_id, vrm; local London timestamps with offset), sites.csv,
// hub.geojson, markets.geojson and truth.json. Output is byte-deterministic.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { formatLondon } from './london-time.mjs';

const csvField = (s) => {
  const t = String(s);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function writeReads(file, rows, sites) {
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  const lat = sites.map((s) => s.lat.toFixed(5)), lon = sites.map((s) => s.lon.toFixed(5));
  const parts = ['vrm,timestamp,site_id,lat,lon,direction,confidence\n'];
  let lastT = null, lastIso = '';
  let chunk = [];
  for (const [t, si, vrm, conf] of rows) {
    if (t !== lastT) { lastT = t; lastIso = formatLondon(t); }
    const s = sites[si];
    chunk.push(`${vrm},${lastIso},${s.site_id},${lat[si]},${lon[si]},${s.direction},${conf}\n`);
    if (chunk.length >= 50000) { parts.push(chunk.join('')); chunk = []; }
  }
  parts.push(chunk.join(''));
  fs.writeFileSync(file, zlib.gzipSync(Buffer.from(parts.join(''), 'utf8'), { level: 6 }));
}

export function writeSites(file, sites) {
  const lines = ['site_id,name,lat,lon,road,direction'];
  for (const s of sites) {
    lines.push([s.site_id, csvField(s.name), s.lat.toFixed(5), s.lon.toFixed(5), csvField(s.road), s.direction].join(','));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

export function writeAreas(dir, hub, hubRing, markets, marketRings) {
  const hubFeature = { type: 'Feature', properties: { name: hub.name, kind: 'hub' }, geometry: { type: 'Polygon', coordinates: [hubRing] } };
  fs.writeFileSync(path.join(dir, 'hub.geojson'), JSON.stringify(hubFeature) + '\n');
  const fc = {
    type: 'FeatureCollection',
    features: markets.map((m, i) => ({ type: 'Feature', properties: { name: m.name, kind: 'market' }, geometry: { type: 'Polygon', coordinates: [marketRings[i]] } })),
  };
  fs.writeFileSync(path.join(dir, 'markets.geojson'), JSON.stringify(fc) + '\n');
}

export function writeTruth(file, truth) {
  fs.writeFileSync(file, JSON.stringify(truth, null, 2) + '\n');
}
