// cameras.mjs — where the ANPR sites are and how each one misbehaves.
// Sites sit on graph edges (a fraction along the edge) and read one direction or both
// (a two-way site is one site_id; each read carries the travel direction). Placement:
// a cordon site on most hub gateways, a few hub street sites, market towns with
// deliberately varied coverage (dense / medium / through-road only / sparse, at least one
// sparse market per region), some corridor and junction sites, a few in ordinary towns.
// Per-site noise: miss rate 5-25%, extra night misses at some, outages, clock skew,
// duplicate reads, misread multiplier and a confidence penalty.
import { COMPASS, pointInPolygon } from './geo.mjs';
import { CLS } from './roadgraph.mjs';

export function placeCameras(world, rng, cal) {
  const { node, edges, hub, markets, places, proj } = world;
  const sites = [], used = new Set(), code = world.region.code;
  const guarded = [hub, ...markets];
  const insideAny = (x, y) => guarded.some((g) => pointInPolygon(x, y, g.poly));

  function add(e, fracA, mode, kind, place, name, road) {
    if (used.has(e)) return null;
    const ed = edges[e];
    const x = node.x[ed.a] + (node.x[ed.b] - node.x[ed.a]) * fracA;
    const y = node.y[ed.a] + (node.y[ed.b] - node.y[ed.a]) * fracA;
    used.add(e);
    const [lat, lon] = proj.toLatLon(x, y);
    const df = world.arcDir[2 * e], dr = world.arcDir[2 * e + 1];
    const dirLabel = mode === 'both' ? `${COMPASS[df]}/${COMPASS[dr]}` : COMPASS[mode === 'fwd' ? df : dr];
    const s = { idx: sites.length, id: `${code}6-${String(sites.length + 1).padStart(3, '0')}`, name, road: road ?? ed.road,
      edge: e, fracA, mode, kind, place: place ? place.name : '', x, y, lat, lon, dirLabel };
    sites.push(s);
    return s;
  }
  const randomMode = (pBoth = 0.5) => (rng.chance(pBoth) ? 'both' : rng.chance(0.5) ? 'fwd' : 'rev');
  /** fraction from a toward b that puts the site `km` in from the inner node */
  const entryFrac = (en, km) => {
    const ed = edges[en.edge];
    const straight = ed.len / ed.tort;
    const f = Math.min(0.45, km / straight);
    return ed.a === en.inner ? f : 1 - f;
  };
  const interiorEdges = (p) => edges.map((ed, i) => [ed, i])
    .filter(([ed]) => node.place[ed.a] === p.index && node.place[ed.b] === p.index)
    .map(([ed, i]) => [i, Math.hypot((node.x[ed.a] + node.x[ed.b]) / 2 - p.x, (node.y[ed.a] + node.y[ed.b]) / 2 - p.y)])
    .sort((u, v) => u[1] - v[1]).map(([i]) => i);
  function addEntry(p, en, kind, poly) {
    for (const km of [0.3, 0.2, 0.1]) {
      const f = entryFrac(en, km), ed = edges[en.edge];
      const x = node.x[ed.a] + (node.x[ed.b] - node.x[ed.a]) * f, y = node.y[ed.a] + (node.y[ed.b] - node.y[ed.a]) * f;
      if (!poly || pointInPolygon(x, y, poly)) return add(en.edge, f, randomMode(0.55), kind, p, `${p.name} ${en.road} entry`, en.road);
    }
    return null;
  }
  function addInterior(p, kind, central = 0.6) {
    const list = interiorEdges(p).filter((e) => !used.has(e));
    if (!list.length) return null;
    const i = rng.chance(central) ? rng.int(0, Math.min(3, list.length - 1)) : rng.int(0, list.length - 1);
    return add(list[i], rng.float(0.3, 0.7), randomMode(0.5), kind, p, `${p.name} ${rng.pick(['High St', 'Station Rd', 'Market Pl', 'Church St', 'Bridge St', 'Mill Lane', 'Park Rd'])}`, `${p.name} local`);
  }

  // ---- hub cordon and hub streets
  for (const g of hub.gateways) {
    if (!rng.chance(0.92)) continue;
    const ed = edges[g.edge];
    const b = world.arcBearing[2 * g.edge + 1];
    add(g.edge, 0.15, rng.chance(0.55) ? 'both' : 'fwd', 'cordon', hub, `${hub.name} cordon ${g.road} ${COMPASS[Math.round(b / 45) % 8]}`, ed.road);
  }
  const hubInner = edges.map((ed, i) => i).filter((i) => node.place[edges[i].a] === hub.index && node.place[edges[i].b] === hub.index && !hub.gateways.some((g) => g.edge === i));
  const hubMain = hubInner.filter((i) => edges[i].cls === CLS.URBAN);
  for (let k = rng.int(18, 26); k > 0; k--) {
    const e = rng.chance(0.75) ? rng.pick(hubMain) : rng.pick(hubInner);
    add(e, rng.float(0.3, 0.7), randomMode(0.6), 'hub', hub, `${hub.name} ${edges[e].road}`, edges[e].road);
  }

  // ---- markets with varied coverage
  const levels = ['sparse', 'through', 'dense'];
  while (levels.length < markets.length) levels.push(rng.pick(['dense', 'medium', 'through', 'sparse', 'dense']));
  const coverage = {};
  rng.shuffle(markets).forEach((m, i) => {
    const level = levels[i];
    const entries = rng.shuffle(m.entries);
    const before = sites.length;
    if (level === 'dense') {
      const n = rng.int(5, 7);
      for (const en of entries.slice(0, n - 2)) addEntry(m, en, 'market', m.poly);
      while (sites.length - before < n && addInterior(m, 'market', 0.5));
    } else if (level === 'medium') {
      if (entries.length) addEntry(m, entries[0], 'market', m.poly);
      for (let k = rng.int(1, 2); k > 0; k--) addInterior(m, 'market');
    } else if (level === 'through') {
      const roads = new Map();
      for (const en of m.entries) roads.set(en.road, (roads.get(en.road) || []).concat([en]));
      const multi = [...roads.values()].filter((l) => l.length >= 2);
      const chosen = multi.length ? rng.pick(multi) : [rng.pick(m.entries)];
      for (const en of chosen.slice(0, rng.int(1, 2))) addEntry(m, en, 'market', m.poly);
      if (rng.chance(0.5)) {
        const inner = chosen[0].inner;
        const adj = interiorEdges(m).filter((e) => !used.has(e) && (edges[e].a === inner || edges[e].b === inner));
        if (adj.length) add(adj[0], 0.4, randomMode(0.5), 'market', m, `${m.name} ${chosen[0].road} through`, chosen[0].road);
      }
    } else {
      const n = rng.int(1, 2);
      if (rng.chance(0.5)) addInterior(m, 'market', 1);
      else if (entries.length) addEntry(m, entries[0], 'market', m.poly);
      while (sites.length - before < n && addInterior(m, 'market'));
    }
    if (sites.length === before) addInterior(m, 'market', 1);
    coverage[m.name] = { level, sites: sites.slice(before).map((s) => s.id) };
  });

  // ---- corridors and motorway junction links
  for (const c of world.corridors) {
    const p = c.type === 'M' ? 0.9 : c.type === 'A' ? 0.7 : 0.3;
    if (!rng.chance(p)) continue;
    const free = c.edges.filter((e) => node.place[edges[e].a] < 0 && node.place[edges[e].b] < 0);
    const pool = free.length ? free : c.edges;
    for (let k = c.type === 'M' ? rng.int(1, 3) : rng.int(1, 2); k > 0; k--) {
      const e = rng.pick(pool), f = rng.float(0.3, 0.7);
      const ed = edges[e];
      const x = node.x[ed.a] + (node.x[ed.b] - node.x[ed.a]) * f, y = node.y[ed.a] + (node.y[ed.b] - node.y[ed.a]) * f;
      if (insideAny(x, y)) continue;
      let near = places[0], nd = Infinity;
      for (const q of places) { const d = Math.hypot(q.x - x, q.y - y); if (d < nd) { nd = d; near = q; } }
      add(e, f, randomMode(0.5), 'corridor', null, `${c.road} near ${near.name}`, c.road);
    }
  }
  for (const p of places) {
    for (const en of p.entries) {
      if (/ link$/.test(en.road) && rng.chance(0.2)) {
        const f = 0.5, ed = edges[en.edge];
        const x = node.x[ed.a] + (node.x[ed.b] - node.x[ed.a]) * f, y = node.y[ed.a] + (node.y[ed.b] - node.y[ed.a]) * f;
        if (!insideAny(x, y)) add(en.edge, f, randomMode(0.5), 'junction', null, `${en.road.replace(/ link$/, '')} junction`, en.road);
      }
    }
  }

  // ---- ordinary towns
  for (const p of places) {
    if (p.kind !== 'town' && p.kind !== 'village') continue;
    const n = p.pop >= 100 ? rng.int(6, 10) : p.pop >= 30 ? rng.int(3, 5) : p.pop >= 10 ? rng.int(1, 3) : rng.chance(0.4) ? 1 : 0;
    const entries = rng.shuffle(p.entries);
    for (let k = 0; k < n; k++) {
      if (k < entries.length && rng.chance(0.6)) addEntry(p, entries[k], 'town', null);
      else addInterior(p, 'town');
    }
  }

  // ---- per-site noise
  const span = cal.winEnd - cal.winStart;
  for (const s of sites) {
    s.miss = rng.float(0.05, 0.25);
    s.nightExtra = rng.chance(0.3) ? rng.float(0.1, 0.3) : 0;
    s.skew = rng.chance(0.07) ? (rng.chance(0.5) ? 1 : -1) * rng.int(60, 900) : 0;
    s.dup = rng.float(0.002, 0.03);
    s.misreadMul = rng.float(0.5, 2);
    s.confPenalty = rng.float(0, 8);
    s.outages = [];
    if (rng.chance(0.12)) {
      for (let k = rng.int(1, 2); k > 0; k--) {
        const t0 = cal.winStart + Math.floor(rng.next() * span);
        s.outages.push([t0, t0 + Math.round(rng.logUniform(2 * 3600, 4 * 86400))]);
      }
    }
  }

  const arcSites = new Array(world.A);
  for (const s of sites) {
    const put = (arc, frac) => { (arcSites[arc] ||= []).push([s.idx, frac]); };
    if (s.mode !== 'rev') put(2 * s.edge, s.fracA);
    if (s.mode !== 'fwd') put(2 * s.edge + 1, 1 - s.fracA);
  }
  for (const l of arcSites) if (l) l.sort((a, b) => a[1] - b[1]);
  return { sites, arcSites, coverage };
}
