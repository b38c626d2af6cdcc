/**
 * Movement: the cameras a vehicle passes going from one place to another, in order, with
 * times. Out of the origin town through the entrance facing the destination, along the
 * hub-market corridor if there is one (else past any corridor camera close to the straight
 * line), in through the destination's entrance facing the origin. Inside a town it passes
 * the town's cameras near its straight path. Travel time = distance x 1.2 / speed.
 */
import type { Town } from './geography';
import { bearingDeg, distanceKm } from './geography';
import type { SiteNetwork, SitePair } from './sites';
import { nearestEntrance } from './sites';
import type { Rng } from './prng';

/** A place inside a town. */
export interface Place { town: number; lat: number; lon: number }

/** A camera passed at a time (epoch seconds UTC). */
export interface Pass { site: number; t: number }

interface Waypoint { lat: number; lon: number; site: number; zone: number }

const DETOUR = 1.2;

/** Pairs within `tolKm` of segment p->q, in order along it, as the camera facing the travel. */
function pairsAlong(pairs: SitePair[], sites: SiteNetwork['sites'], lat1: number, lon1: number, lat2: number, lon2: number, tolKm: number, zone: number): Waypoint[] {
  if (!pairs.length) return [];
  const k = Math.cos((lat1 * Math.PI) / 180) * 111.195;
  const dx = (lon2 - lon1) * k, dy = (lat2 - lat1) * 111.195;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-6) return [];
  const hits: { f: number; w: Waypoint }[] = [];
  const travel = bearingDeg(lat1, lon1, lat2, lon2);
  for (const p of pairs) {
    const px = (p.lon - lon1) * k, py = (p.lat - lat1) * 111.195;
    const f = (px * dx + py * dy) / len2;
    if (f <= 0 || f >= 1) continue;
    const ex = px - f * dx, ey = py - f * dy;
    if (ex * ex + ey * ey > tolKm * tolKm) continue;
    const da = Math.abs(((sites[p.a].bearing - travel + 540) % 360) - 180);
    hits.push({ f, w: { lat: p.lat, lon: p.lon, site: da <= 90 ? p.a : p.b, zone } });
  }
  hits.sort((x, y) => x.f - y.f);
  return hits.map((h) => h.w);
}

/**
 * Routes through the camera network; inter-town legs are computed once per ordered pair of towns.
 * @example
 * const router = new Router(towns, buildSites(towns, rng));
 * router.route(placeIn(towns, 0, rng), placeIn(towns, 1, rng), t0, 70, rng).passes; // [{ site, t }, ...]
 */
export class Router {
  private cache = new Map<number, Waypoint[]>();
  constructor(private towns: Town[], private net: SiteNetwork) {}

  private between(a: number, b: number): Waypoint[] {
    const key = a * 65536 + b;
    let w = this.cache.get(key);
    if (w) return w;
    const { towns, net } = this;
    const ta = towns[a], tb = towns[b];
    const ea = nearestEntrance(net.entrances[a], bearingDeg(ta.lat, ta.lon, tb.lat, tb.lon));
    const eb = nearestEntrance(net.entrances[b], bearingDeg(tb.lat, tb.lon, ta.lat, ta.lon));
    w = [{ lat: ea.lat, lon: ea.lon, site: ea.outSite, zone: a }];
    const corridor = net.corridors.get(`${a}>${b}`);
    if (corridor) for (const s of corridor) w.push({ lat: net.sites[s].lat, lon: net.sites[s].lon, site: s, zone: -1 });
    else w.push(...pairsAlong(net.corridorPairs, net.sites, ea.lat, ea.lon, eb.lat, eb.lon, 1.5, -1));
    w.push({ lat: eb.lat, lon: eb.lon, site: eb.inSite, zone: b });
    this.cache.set(key, w);
    return w;
  }

  /**
   * Cameras passed going from `from` to `to`, leaving at `depart` (epoch s), at `speedKmh`
   * between towns (30 km/h in town). Returns passes and the arrival time.
   * @example
   * const { passes, arrive } = router.route(home, work, t0, 70, rng);
   */
  route(from: Place, to: Place, depart: number, speedKmh: number, rng: Rng): { passes: Pass[]; arrive: number } {
    const { net } = this;
    const pts: Waypoint[] = [{ lat: from.lat, lon: from.lon, site: -1, zone: from.town }];
    const inTownA = net.inTown[from.town], inTownB = net.inTown[to.town];
    if (from.town === to.town) {
      pts.push(...pairsAlong(inTownA, net.sites, from.lat, from.lon, to.lat, to.lon, 0.6, to.town));
    } else {
      const mid = this.between(from.town, to.town);
      pts.push(...pairsAlong(inTownA, net.sites, from.lat, from.lon, mid[0].lat, mid[0].lon, 0.6, from.town));
      pts.push(...mid);
      const last = mid[mid.length - 1];
      pts.push(...pairsAlong(inTownB, net.sites, last.lat, last.lon, to.lat, to.lon, 0.6, to.town));
    }
    pts.push({ lat: to.lat, lon: to.lon, site: -1, zone: to.town });
    const passes: Pass[] = [];
    let t = depart;
    const urbanKmh = 26 + rng.next() * 10;
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1], q = pts[i];
      const km = distanceKm(p.lat, p.lon, q.lat, q.lon) * DETOUR;
      const v = p.zone === q.zone && p.zone >= 0 ? urbanKmh : speedKmh;
      t += (km / v) * 3600 * (0.95 + 0.1 * rng.next());
      if (q.site >= 0) passes.push({ site: q.site, t: Math.round(t) });
    }
    return { passes, arrive: Math.round(t) };
  }
}

/**
 * A random place within a town (uniform over 85 % of its radius).
 * @example
 * const home = placeIn(towns, 0, rng); // somewhere in the hub
 */
export function placeIn(towns: Town[], town: number, rng: Rng): Place {
  const t = towns[town];
  const r = 0.85 * t.radiusKm * Math.sqrt(rng.next());
  const b = rng.next() * 2 * Math.PI;
  const lat = t.lat + (r * Math.cos(b)) / 111.195;
  const lon = t.lon + (r * Math.sin(b)) / (111.195 * Math.cos((t.lat * Math.PI) / 180));
  return { town, lat, lon };
}
