// cameras.mjs - where the ANPR cameras are, and how each one behaves.
// Three kinds of camera point: on road corridors (motorways mostly covered, A roads often,
// B roads rarely), at town entrances (near the town on an incoming corridor) and in town
// centres (a pair of sites reading both ways; a local journey passes it with some chance).
// Each site has its own miss rate, confidence level, optional clock error and outages.

import { compass, opposite, offsetKm, round5 } from './geo.mjs';

const CORRIDOR = { // [chance of a first point, chance of a second point, chance both carriageways]
  M: [0.9, 0.45, 0.75], A: [0.5, 0.25, 0.5], B: [0.15, 0, 0.3], U: [0.85, 0.45, 0.7],
};
const ENTRANCE = { market: 0.45, town: 0.3, district: 0.35, village: 0.1 };
const CENTRE = { market: [0, 2], town: [0, 1], district: [1, 2], village: [0, 0] };

export class Cameras {
  /** @param net Network  @param rng Stream  @param ctx {cal, code, marketR: Map(node -> rMin)} */
  constructor(net, rng, ctx) {
    this.net = net;
    this.sites = [];
    this.byLink = new Map(); // link id -> [{site, km (from a), fwd}]
    this.centre = new Map(); // node id -> [{catch, sites: [site, site]}]
    this.code = ctx.code;
    this.cal = ctx.cal;
    this.rng = rng;
    for (const link of net.links) this.placeCorridor(link);
    for (const node of net.nodes.values()) this.placeTown(node, ctx.marketR.get(node.id));
    for (const site of this.sites) this.behaviour(site);
  }

  addSite(name, p, road, dir) {
    const site = { idx: this.sites.length, site_id: `${this.code}${String(this.sites.length + 1).padStart(4, '0')}`,
      name, lat: round5(p.lat), lon: round5(p.lon), road, direction: dir };
    this.sites.push(site);
    return site;
  }

  /** A camera point at `km` from link.a: one or both carriageways. */
  linkPoint(link, km, label, both, fwdOnly) {
    const list = this.byLink.get(link.id) ?? [];
    const dirs = both ? [true, false] : [fwdOnly];
    for (const fwd of dirs) {
      const p = this.net.pointOn(link, fwd ? km : link.km - km, fwd);
      const dir = compass(p.bearing);
      const site = this.addSite(`${label} ${dir}-bound`, p, link.road, dir);
      list.push({ site, km, fwd });
    }
    this.byLink.set(link.id, list);
  }

  placeCorridor(link) {
    const rng = this.rng;
    const [p1, p2, pBoth] = CORRIDOR[link.cls];
    const n = (rng.chance(p1) ? 1 : 0) + (link.km > 12 && rng.chance(p2) ? 1 : 0);
    const a = this.net.nodes.get(link.a), b = this.net.nodes.get(link.b);
    for (let i = 0; i < n; i++) {
      const f = n === 1 ? rng.float(0.3, 0.7) : (i === 0 ? rng.float(0.2, 0.4) : rng.float(0.6, 0.8));
      const near = f < 0.5 ? a : b;
      this.linkPoint(link, f * link.km, `${link.road} near ${near.name}`, rng.chance(pBoth), rng.chance(0.5));
    }
  }

  placeTown(node, marketR) {
    const rng = this.rng;
    if (node.kind === 'services') { // car-park camera at motorway services: reads vehicles that stop
      this.centre.set(node.id, [{ catch: 0.9, stopOnly: true,
        sites: [this.addSite(`${node.name} car park`, node, 'services', 'N')] }]);
      return;
    }
    if (!(node.kind in ENTRANCE)) return;
    const entrances = node.links.filter(() => rng.chance(ENTRANCE[node.kind]));
    const [cLo, cHi] = CENTRE[node.kind];
    let centres = node.kind === 'village' ? (rng.chance(0.1) ? 1 : 0) : rng.int(cLo, cHi);
    if (node.kind === 'market') { // a market town has 1-5 camera points
      while (entrances.length + centres > 5) entrances.pop();
      if (entrances.length + centres === 0) centres = 1;
    }
    const entKm = node.kind === 'market' ? 0.7 * marketR : node.kind === 'district' ? 1.0 : 1.5;
    for (const link of entrances) {
      const fromA = link.a === node.id;
      const km = Math.min(entKm, link.km * 0.4);
      const other = this.net.nodes.get(fromA ? link.b : link.a).name;
      const label = `${node.name} ${link.road} entrance (from ${other})`;
      // inbound carriageway always; outbound too at some entrances
      const kmFromA = fromA ? km : link.km - km;
      this.linkPoint(link, kmFromA, label, rng.chance(0.45), !fromA);
    }
    const list = [];
    for (let i = 0; i < centres; i++) {
      const p = offsetKm(node, rng.float(-0.4, 0.4), rng.float(-0.4, 0.4));
      const axis = rng.pick(['N', 'NE', 'E', 'SE']);
      const street = rng.pick(['High Street', 'Market Street', 'Station Road', 'Church Street', 'Bridge Street',
        'King Street', 'Queen Street', 'Mill Lane', 'Victoria Road', 'Albert Road']);
      const nm = `${node.name} ${street}`;
      list.push({ catch: rng.float(0.25, 0.6), stopOnly: false,
        sites: [this.addSite(`${nm} ${axis}-bound`, p, street, axis),
          this.addSite(`${nm} ${opposite(axis)}-bound`, p, street, opposite(axis))] });
    }
    if (list.length) this.centre.set(node.id, list);
  }

  /** Per-site behaviour: miss rate, confidence level, clock error, outages. */
  behaviour(site) {
    const rng = this.rng.fork(`site:${site.site_id}`);
    site.miss = rng.float(0.05, 0.2);
    site.confMean = rng.float(78, 94);
    site.skew = rng.chance(0.04) ? rng.pick([-1, 1]) * rng.int(30, 240) : 0;
    site.outages = [];
    const { t0, t1 } = this.cal;
    const n = rng.chance(0.22) ? rng.int(1, 2) : 0;
    for (let i = 0; i < n; i++) {
      const len = rng.logUniform(2 * 3600, 4 * 86400);
      const s = rng.float(t0 - len / 2, t1);
      site.outages.push([s, s + len]);
    }
  }

  down(site, t) {
    for (const [a, b] of site.outages) if (t >= a && t < b) return true;
    return false;
  }
}
