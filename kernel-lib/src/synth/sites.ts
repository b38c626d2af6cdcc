/**
 * Camera sites for a scenario: a few entrances per town (one camera per direction), camera
 * pairs along a slightly bent corridor from the hub to every market town, camera pairs
 * inside the hub and in market-town centres. Deterministic for a given seed.
 */
import type { Town } from './geography';
import { angleDiff, bearingDeg, compass, distanceKm, offsetPoint } from './geography';
import type { Rng } from './prng';

/** One camera (one direction of travel). */
export interface Site {
  id: string;
  name: string;
  lat: number;
  lon: number;
  road: string;
  /** Compass direction of travel the camera reads. */
  direction: string;
  /** Bearing of travel in degrees. */
  bearing: number;
}

/** Two cameras at one place reading opposite directions. */
export interface SitePair { lat: number; lon: number; a: number; b: number }

/** A town entrance: where a road crosses the town's edge. */
export interface Entrance { lat: number; lon: number; bearing: number; inSite: number; outSite: number }

/** The camera network of a scenario. */
export interface SiteNetwork {
  sites: Site[];
  /** Entrances per town (index as in the towns array). */
  entrances: Entrance[][];
  /** Camera pairs inside each town (many in the hub, a couple in markets, none elsewhere). */
  inTown: SitePair[][];
  /** Hub-market corridors: key `${from}>${to}` -> site indices in travel order. */
  corridors: Map<string, number[]>;
  /** All corridor camera pairs, for trips that use part of a corridor. */
  corridorPairs: SitePair[];
}

/** How dense the camera network is (a behaviour family varies it; the defaults are the fixed scenarios'). */
export interface NetworkParams {
  /** Kilometres between camera pairs along a hub-market corridor (2 to maxCorridorPairs pairs). */
  corridorSpacingKm: number;
  maxCorridorPairs: number;
  /** Camera pairs in the hub per km of its radius (20-45 pairs), in each market-town centre, in each background town's centre. */
  hubPairsPerKm: number;
  marketCentrePairs: number;
  townCentrePairs: number;
  /** Entrances of a market town besides the one facing the hub (toward its strongest neighbours). */
  marketEntrances: number;
}

/**
 * The fixed scenarios' network.
 * @example
 * buildSites(towns, rng, DEFAULT_NETWORK); // same as buildSites(towns, rng)
 */
export const DEFAULT_NETWORK: Readonly<NetworkParams> = { corridorSpacingKm: 14, maxCorridorPairs: 8, hubPairsPerKm: 3, marketCentrePairs: 2, townCentrePairs: 0, marketEntrances: 2 };

/**
 * Place the cameras of a scenario.
 * @example
 * const net = buildSites(scenarioTowns(scenarios.merseyside), createRng('s1:sites'));
 * net.sites.length; // a few hundred
 */
export function buildSites(towns: Town[], rng: Rng, np: Readonly<NetworkParams> = DEFAULT_NETWORK): SiteNetwork {
  const sites: Site[] = [];
  const add = (lat: number, lon: number, bearing: number, name: string, road: string): number => {
    const id = 'S' + String(sites.length + 1).padStart(4, '0');
    sites.push({ id, name, lat, lon, road, direction: compass(bearing), bearing });
    return sites.length - 1;
  };
  const pair = (lat: number, lon: number, bearing: number, name: (b: number) => string, road: string): SitePair => ({
    lat, lon, a: add(lat, lon, bearing, name(bearing), road), b: add(lat, lon, (bearing + 180) % 360, name((bearing + 180) % 360), road)
  });
  const hub = towns[0];
  const bearingTo = (i: number, j: number) => bearingDeg(towns[i].lat, towns[i].lon, towns[j].lat, towns[j].lon);

  // Entrances: toward the hub (or, for the hub, toward each market), then toward the strongest neighbours.
  const entrances: Entrance[][] = towns.map(() => []);
  towns.forEach((t, i) => {
    const wanted: number[] = [];
    if (i === 0) towns.forEach((m, j) => { if (m.kind === 'market' && wanted.every((w) => angleDiff(w, bearingTo(0, j)) >= 10)) wanted.push(bearingTo(0, j)); });
    else wanted.push(bearingTo(i, 0));
    const strength = towns
      .map((o, j) => ({ j, s: j === i ? -1 : o.population / Math.max(25, distanceKm(t.lat, t.lon, o.lat, o.lon) ** 2) }))
      .sort((x, y) => y.s - x.s || x.j - y.j);
    const extra = i === 0 ? 4 : t.kind === 'market' ? np.marketEntrances : 1;
    let n = 0;
    for (const { j } of strength) {
      if (n >= extra || j === i) break;
      const b = bearingTo(i, j);
      if (wanted.every((w) => angleDiff(w, b) >= (i === 0 ? 25 : 60))) { wanted.push(b); n++; }
    }
    if (i !== 0 && wanted.length < 2) wanted.push((wanted[0] + 150 + rng.range(0, 60)) % 360);
    wanted.forEach((b, k) => {
      const [lat, lon] = offsetPoint(t.lat, t.lon, b, t.radiusKm);
      const road = `${t.name} ${compass(b)} approach`;
      const label = `${t.name} entrance ${k + 1} (${compass(b)} side)`;
      const inSite = add(lat, lon, (b + 180) % 360, `${label} inbound`, road);
      const outSite = add(lat, lon, b, `${label} outbound`, road);
      entrances[i].push({ lat, lon, bearing: b, inSite, outSite });
    });
  });

  // Hub-market corridors, bent by a few per cent of their length.
  const corridors = new Map<string, number[]>();
  const corridorPairs: SitePair[] = [];
  towns.forEach((m, j) => {
    if (m.kind !== 'market') return;
    const e0 = nearestEntrance(entrances[0], bearingTo(0, j));
    const e1 = nearestEntrance(entrances[j], bearingTo(j, 0));
    const len = distanceKm(e0.lat, e0.lon, e1.lat, e1.lon);
    const n = Math.min(np.maxCorridorPairs, Math.max(2, Math.round(len / np.corridorSpacingKm)));
    const bend = rng.range(-0.08, 0.08) * len;
    const axis = bearingDeg(e0.lat, e0.lon, e1.lat, e1.lon);
    const road = `${hub.name} - ${m.name} road`;
    const pts: [number, number][] = [];
    for (let k = 0; k <= n + 1; k++) {
      const f = k / (n + 1);
      const [la, lo] = [e0.lat + (e1.lat - e0.lat) * f, e0.lon + (e1.lon - e0.lon) * f];
      pts.push(offsetPoint(la, lo, axis + 90, bend * Math.sin(Math.PI * f)));
    }
    const out: number[] = [], back: number[] = [];
    for (let k = 1; k <= n; k++) {
      const b = bearingDeg(pts[k - 1][0], pts[k - 1][1], pts[k + 1][0], pts[k + 1][1]);
      const km = Math.round((len * k) / (n + 1));
      const p = pair(pts[k][0], pts[k][1], b, (d) => `${hub.name} - ${m.name} road km ${km} towards ${d === b ? m.name : hub.name}`, road);
      corridorPairs.push(p);
      out.push(p.a); back.unshift(p.b);
    }
    corridors.set(`0>${j}`, out);
    corridors.set(`${j}>0`, back);
  });

  // Cameras inside the hub and in market-town centres.
  const inTown: SitePair[][] = towns.map(() => []);
  towns.forEach((t, i) => {
    const count = i === 0 ? Math.min(45, Math.max(20, Math.round(t.radiusKm * np.hubPairsPerKm))) : t.kind === 'market' ? np.marketCentrePairs : np.townCentrePairs;
    for (let k = 0; k < count; k++) {
      const r = (k === 0 && i !== 0 ? 0 : 0.85 * t.radiusKm * Math.sqrt(rng.next()));
      const [lat, lon] = offsetPoint(t.lat, t.lon, rng.range(0, 360), r);
      inTown[i].push(pair(lat, lon, rng.range(0, 180), (d) => `${t.name} ${i === 0 ? 'street' : 'centre'} camera ${k + 1} ${compass(d)}-bound`, `${t.name} ${i === 0 ? 'urban' : 'centre'}`));
    }
  });
  return { sites, entrances, inTown, corridors, corridorPairs };
}

/**
 * The entrance of a town closest to a bearing of travel out of it.
 * @example
 * nearestEntrance(net.entrances[3], 120).outSite; // site index of the camera leaving that way
 */
export function nearestEntrance(es: Entrance[], bearing: number): Entrance {
  let best = es[0], bd = 999;
  for (const e of es) { const d = angleDiff(e.bearing, bearing); if (d < bd) { bd = d; best = e; } }
  return best;
}
