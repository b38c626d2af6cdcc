// Camera sites. Each physical camera point sits on a road edge and has two sites, one per direction
// of travel. Rings at the hub boundary, cameras inside the hub, entrance and centre cameras at each
// market town, some in background towns, and a share of main-road links.
import { haversineKm, bearingDeg, compass8, boundWord } from './geo.mjs';

const clean = (s) => s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

/** Place camera sites on the network (mutates edge.cams) and return the site list in site_id order. @example const sites = placeCameras(net, rng.fork('cameras')); sites[0].id === 'C0001' */
export function placeCameras(net, rng) {
  const { nodes, edges, hub, towns } = net;
  const p = {
    ring: rng.uniform(0.85, 1), hubSpoke: rng.uniform(0.45, 0.7), hubOther: rng.uniform(0.2, 0.4),
    marketCentreMax: rng.int(2, 3), townCentre: rng.uniform(0.3, 0.5), townEntrance: rng.uniform(0.2, 0.4),
    motorway: rng.uniform(0.5, 0.8), trunk: rng.uniform(0.4, 0.6), a_road: rng.uniform(0.25, 0.45), b_road: rng.uniform(0.1, 0.2)
  };
  const points = [];
  const at = (e, t) => {
    const A = nodes[e.a], B = nodes[e.b];
    return [A.lat + (B.lat - A.lat) * t, A.lon + (B.lon - A.lon) * t];
  };
  const addPoint = (e, t, label) => points.push({ e, t, label });
  const dHub = (lat, lon) => haversineKm(hub.lat, hub.lon, lat, lon);
  const inHub = (id) => dHub(nodes[id].lat, nodes[id].lon) < hub.radiusKm;
  const townOfCentre = new Map(towns.slice(1).map((t) => [t.node, t]));

  for (const e of edges) {
    const A = nodes[e.a], B = nodes[e.b];
    const aIn = inHub(e.a), bIn = inHub(e.b);
    const local = A.kind === 'nbhd' || B.kind === 'nbhd';
    // hub ring: every crossing of the hub circle
    if (!local) {
      let prevIn = aIn;
      const steps = Math.max(20, Math.ceil(e.straight * 10));
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const [la, lo] = at(e, t);
        const nowIn = dHub(la, lo) < hub.radiusKm;
        if (nowIn !== prevIn && rng.chance(p.ring)) addPoint(e, Math.min(0.98, Math.max(0.02, t - 0.5 / steps)), `${hub.name} ring`);
        prevIn = nowIn;
      }
    }
    // inside the hub
    if (aIn && bIn && e.cls === 'urban') {
      const spoke = A.kind === 'hub_centre' || B.kind === 'hub_centre';
      if (rng.chance(spoke ? p.hubSpoke : p.hubOther)) addPoint(e, rng.uniform(0.3, 0.7), spoke ? `${hub.name} centre ${A.kind === 'district' ? A.name : B.name} road` : `${A.name} ${B.name} road`);
      continue;
    }
    if (aIn && bIn) { if (rng.chance(p.hubOther)) addPoint(e, rng.uniform(0.3, 0.7), `${hub.name} ${A.kind === 'district' ? A.name : B.name}`); continue; }
    if (local) continue;
    // entrances to market and background towns
    const ends = [[e.a, 0], [e.b, 1]];
    let entrance = false;
    for (const [nid, side] of ends) {
      const town = townOfCentre.get(nid);
      if (!town) continue;
      const isMarket = town.kind === 'market';
      if (!isMarket && !rng.chance(p.townEntrance)) continue;
      const d = Math.min(e.straight * 0.8, isMarket ? rng.uniform(0.55, 0.85) * town.radiusKm : rng.uniform(0.5, 1) * town.radiusKm);
      const frac = d / e.straight;
      addPoint(e, side === 0 ? frac : 1 - frac, `${town.name} entrance`);
      entrance = true;
    }
    // main-road links
    const pr = p[e.cls] ?? 0;
    const n = e.straight > 20 ? 2 : 1;
    for (let i = 0; i < n; i++) {
      if (!rng.chance(pr)) continue;
      const t = rng.uniform(0.25, 0.75);
      const [la, lo] = at(e, t);
      if (dHub(la, lo) < hub.radiusKm + 0.5) continue;
      if (entrance && towns.some((tw) => tw.kind !== 'hub' && haversineKm(tw.lat, tw.lon, la, lo) < tw.radiusKm + 0.5)) continue;
      const near = haversineKm(nodes[e.a].lat, nodes[e.a].lon, la, lo) < haversineKm(nodes[e.b].lat, nodes[e.b].lon, la, lo) ? nodes[e.a] : nodes[e.b];
      addPoint(e, t, `near ${near.name}`);
    }
  }
  // market centre cameras on some neighbourhood spokes; background town centres sometimes
  for (const town of towns.slice(1)) {
    const spokes = town.nbhds.map((nb) => edges.find((e) => (e.a === nb && e.b === town.node) || (e.b === nb && e.a === town.node)));
    const k = town.kind === 'market' ? Math.min(p.marketCentreMax, spokes.length) : rng.chance(p.townCentre) ? 1 : 0;
    for (const e of rng.shuffle(spokes).slice(0, k)) {
      const towardCentre = rng.uniform(0.6, 0.85);
      const nb = nodes[e.a === town.node ? e.b : e.a];
      addPoint(e, e.b === town.node ? towardCentre : 1 - towardCentre, `${town.name} centre ${nb.name.slice(town.name.length + 1)} road`);
    }
  }

  // two sites per point, ordered by point creation
  const sites = [];
  for (const pt of points) {
    const e = pt.e, A = nodes[e.a], B = nodes[e.b];
    const [lat, lon] = at(e, pt.t);
    const fwdBearing = bearingDeg(A.lat, A.lon, B.lat, B.lon);
    const kind = dHub(lat, lon) < hub.radiusKm ? 'hub' : (towns.find((t) => t.kind === 'market' && haversineKm(t.lat, t.lon, lat, lon) < t.radiusKm)?.name ? 'market' : 'road');
    const market = kind === 'market' ? towns.find((t) => t.kind === 'market' && haversineKm(t.lat, t.lon, lat, lon) < t.radiusKm).name : null;
    const slot = { t: pt.t, fwd: -1, bwd: -1 };
    for (const fwd of [true, false]) {
      const dir = compass8(fwd ? fwdBearing : fwdBearing + 180);
      const idx = sites.length;
      const site = {
        idx, id: 'C' + String(idx + 1).padStart(4, '0'), lat: +lat.toFixed(5), lon: +lon.toFixed(5), dir, road: clean(e.road),
        name: clean(e.cls === 'urban' ? `${pt.label} ${boundWord(dir)}` : `${pt.label} ${e.road} ${boundWord(dir)}`), kind, market, edge: e.id, miss: 0, out: null
      };
      sites.push(site);
      if (fwd) slot.fwd = idx; else slot.bwd = idx;
    }
    (e.cams ??= []).push(slot);
  }
  for (const e of edges) if (e.cams) e.cams.sort((x, y) => x.t - y.t);
  return sites;
}
