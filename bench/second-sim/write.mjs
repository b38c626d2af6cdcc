// Output files: reads.csv.gz, sites.csv, hub.geojson, markets.geojson, truth.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatLondon } from './clock.mjs';
import { circleRing } from './geo.mjs';

/** Write reads.csv.gz with rows in the observer's sorted order; returns the row count. @example writeReads(dir, obs, sites) */
export function writeReads(dir, obs, sites) {
  const order = obs.order();
  const parts = ['vrm,timestamp,site_id,lat,lon,direction,confidence\n'];
  let chunk = '';
  let lastT = NaN, lastStamp = '';
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const s = sites[obs.site[i]];
    if (obs.t[i] !== lastT) { lastT = obs.t[i]; lastStamp = formatLondon(lastT); }
    chunk += `${obs.vrm[i]},${lastStamp},${s.id},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.dir},${obs.conf[i]}\n`;
    if (chunk.length > 1 << 20) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  writeFileSync(join(dir, 'reads.csv.gz'), gzipSync(Buffer.from(parts.join(''), 'utf8'), { level: 6 }));
  return order.length;
}

/** Write sites.csv. @example writeSites(dir, sites) */
export function writeSites(dir, sites) {
  const rows = ['site_id,name,lat,lon,road,direction'];
  for (const s of sites) rows.push(`${s.id},${s.name},${s.lat.toFixed(5)},${s.lon.toFixed(5)},${s.road},${s.dir}`);
  writeFileSync(join(dir, 'sites.csv'), rows.join('\n') + '\n');
}

/** Write hub.geojson (one Feature) and markets.geojson (a FeatureCollection of circles). @example writeAreas(dir, net) */
export function writeAreas(dir, net) {
  const feature = (t, kind) => ({
    type: 'Feature',
    properties: { name: t.name, kind },
    geometry: { type: 'Polygon', coordinates: [circleRing(t.lat, t.lon, t.radiusKm, 48)] }
  });
  writeFileSync(join(dir, 'hub.geojson'), JSON.stringify(feature(net.hub, 'hub')) + '\n');
  writeFileSync(join(dir, 'markets.geojson'), JSON.stringify({ type: 'FeatureCollection', features: net.markets.map((m) => feature(m, 'market')) }) + '\n');
}

/** Write truth.json. @example writeTruth(dir, { scenario: 'south_west', ... }) */
export function writeTruth(dir, truth) {
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
}

/** Create the output folder if needed. @example ensureDir('/tmp/out') */
export function ensureDir(dir) { mkdirSync(dir, { recursive: true }); }
