// observe.mjs - how a trip turns into camera passes, and passes into (noisy) reads.
// A trip = local street leg out of the origin town, a chain of road links, a local leg into
// the destination. Corridor cameras read at their position along a link; town-centre cameras
// read a local leg with their catch chance; services car-park cameras read vehicles that stop.
// Reads then suffer outages, misses, look-alike misreads, duplicates and clock error.

import { bearing } from './geo.mjs';
import { misread } from './plates.mjs';

const LOCAL_KMH = 22;
const CLASS_SLOW = { M: 0.35, A: 0.8, B: 0.6, U: 1 }; // how much congestion bites per road class

/**
 * Walk a trip. Returns { arrive, passes: [[t, siteIdx], ...] } (t in UTC seconds).
 * mode of a centre pass: 'origin' | 'dest' | 'through' | 'local'.
 */
export function walkTrip(world, from, to, depart, steps, factor, rng) {
  const { net, cams } = world;
  const passes = [];
  const legSec = (loc) => (loc.km / LOCAL_KMH) * 3600 * (0.7 + 0.3 * factor);

  const centre = (nodeId, t, mode, legFrom, legTo) => {
    const list = cams.centre.get(nodeId);
    if (!list) return;
    for (const c of list) {
      if (c.stopOnly) { if (mode === 'dest' && rng.chance(c.catch)) passes.push([t, c.sites[0].idx]); continue; }
      const p = mode === 'through' ? c.catch * 0.35 : c.catch;
      if (!rng.chance(p)) continue;
      const b = legFrom && legTo ? bearing(legFrom, legTo) : rng.float(0, 360);
      const [s0, s1] = c.sites;
      const d0 = angleGap(b, s0.direction);
      passes.push([t + rng.float(-60, 60), (d0 <= 90 ? s0 : s1).idx]);
    }
  };

  let t = depart;
  const fromNode = net.nodes.get(from.node), toNode = net.nodes.get(to.node);
  if (!steps.length) { // local trip inside one place (or node-to-node identity)
    t += legSec(from);
    centre(from.node, t, 'local', from, to);
    t += legSec(to);
    return { arrive: t, passes };
  }
  const out = legSec(from);
  centre(from.node, t + out * 0.8, 'origin', from, fromNode);
  t += out;
  for (let i = 0; i < steps.length; i++) {
    const { link, fwd } = steps[i];
    const dur = link.minutes * 60 * (1 + (factor - 1) * CLASS_SLOW[link.cls]);
    const list = cams.byLink.get(link.id);
    if (list) {
      for (const c of list) {
        if (c.fwd !== fwd) continue;
        const pos = fwd ? c.km : link.km - c.km;
        passes.push([t + (dur * pos) / link.km, c.site.idx]);
      }
    }
    t += dur;
    if (i < steps.length - 1) {
      const nodeId = fwd ? link.b : link.a;
      centre(nodeId, t, 'through', null, null);
    }
  }
  const inn = legSec(to);
  centre(to.node, t + inn * 0.2, 'dest', toNode, to);
  t += inn;
  return { arrive: t, passes };
}

const DIRS = { N: 0, NE: 45, E: 90, SE: 135, S: 180, SW: 225, W: 270, NW: 315 };
function angleGap(b, dir) {
  const d = Math.abs(((b - DIRS[dir]) % 360 + 360) % 360);
  return d > 180 ? 360 - d : d;
}

/**
 * Turn one plate's passes into read rows {t, s, v, c} appended to `rows`.
 * noise: { misreadRate, dupRate }. Only instants inside the window are kept.
 */
export function emitReads(world, plate, passes, rng, noise, rows) {
  const { cams, cal } = world;
  for (const [tp, si] of passes) {
    const site = cams.sites[si];
    const t = Math.round(tp + site.skew);
    if (t < cal.t0 || t >= cal.t1) continue;
    if (cams.down(site, tp)) continue;
    if (rng.chance(site.miss)) continue;
    let v = plate;
    let c = Math.round(rng.clampedNormal(site.confMean, 7, 30, 100));
    if (rng.chance(noise.misreadRate)) {
      const m = misread(plate, rng);
      if (m) { v = m; c = Math.round(rng.clampedNormal(55, 16, 0, 95)); }
    }
    rows.push({ t, s: si, v, c });
    if (rng.chance(noise.dupRate)) {
      rows.push({ t: t + rng.int(1, 9), s: si, v, c: Math.max(0, Math.min(100, c + rng.int(-6, 4))) });
    }
  }
}
