// writer.mjs — the five output files in the canonical schema: reads.csv.gz (sorted by
// UTC instant, site_id, vrm; London local timestamps with offset), sites.csv,
// hub.geojson, markets.geojson and truth.json. Output bytes depend only on the inputs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatLocal } from './londontime.mjs';
import { COMPASS } from './geo.mjs';

const clean = (s) => String(s).replace(/[,"\n\r]/g, ' ');

function ring(world, poly) {
  const pts = poly.map(([x, y]) => { const [lat, lon] = world.proj.toLatLon(x, y); return [+lon.toFixed(6), +lat.toFixed(6)]; });
  pts.push(pts[0].slice());
  return [pts];
}

export function sortedOrder(rows) {
  const n = rows.t.length, { t, site, vrm } = rows;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => t[a] - t[b] || site[a] - site[b] || (vrm[a] < vrm[b] ? -1 : vrm[a] > vrm[b] ? 1 : 0) || rows.dir[a] - rows.dir[b] || rows.conf[a] - rows.conf[b]);
  return idx;
}

export function writeOutputs(out, { world, sites, rows, truth }) {
  mkdirSync(out, { recursive: true });
  const pos = sites.map((s) => `${s.lat.toFixed(6)},${s.lon.toFixed(6)}`);
  const parts = ['vrm,timestamp,site_id,lat,lon,direction,confidence\n'];
  let lastT = NaN, lastTs = '';
  for (const i of sortedOrder(rows)) {
    const t = rows.t[i];
    if (t !== lastT) { lastT = t; lastTs = formatLocal(t); }
    const s = rows.site[i];
    parts.push(`${rows.vrm[i]},${lastTs},${sites[s].id},${pos[s]},${COMPASS[rows.dir[i]]},${rows.conf[i]}\n`);
  }
  writeFileSync(join(out, 'reads.csv.gz'), gzipSync(Buffer.from(parts.join(''), 'utf8'), { level: 6 }));

  const srows = ['site_id,name,lat,lon,road,direction'];
  for (const s of sites) srows.push([s.id, clean(s.name), s.lat.toFixed(6), s.lon.toFixed(6), clean(s.road), s.dirLabel].join(','));
  writeFileSync(join(out, 'sites.csv'), srows.join('\n') + '\n');

  const hub = world.hub;
  writeFileSync(join(out, 'hub.geojson'), JSON.stringify({
    type: 'Feature', properties: { name: hub.name, kind: 'hub' },
    geometry: { type: 'Polygon', coordinates: ring(world, hub.poly) }
  }) + '\n');
  writeFileSync(join(out, 'markets.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: world.markets.map((m) => ({ type: 'Feature', properties: { name: m.name }, geometry: { type: 'Polygon', coordinates: ring(world, m.poly) } }))
  }) + '\n');
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  return parts.length - 1;
}
