/**
 * Plate relays: runners swap plates every few days or weeks, so one runner shows up as a chain
 * of plates, each active for a short spell. Two plates form a relay when one stops being seen
 * and the other starts (within `maxGapHours`, overlapping at most `maxOverlapHours`), both are
 * short-lived (active at most `maxPlateSpanDays`), both loop from the hub to the same market,
 * and they run alike: the same hours of arrival, the same length of stay, the same base. The
 * time gap alone is not enough on a busy market (several lines, one-off visitors), so each
 * candidate link gets a similarity (0..1) and the matching takes the most similar first, one
 * plate handing over to one and taking over from one. Plates active through the whole window
 * (ordinary traffic) cannot form relays: a relay needs a real start or stop inside the window
 * (more than `edgeHours` from its ends). And a link is only as strong as it is unambiguous:
 * its confidence is the similarity divided by the number of alike plates that could equally
 * have handed over or taken over (on a busy market, one-off visitors stop and start every day).
 */
import { londonHour } from '../../core/london-time';
import type { VehicleFeatures } from './features';

/** Options of {@link linkPlateRelays}. */
export interface PlateRelayOptions {
  /** Largest gap (hours) between the last read of one plate and the first read of the next. */
  maxGapHours: number;
  /** Largest overlap (hours) of the two plates' activity. */
  maxOverlapHours: number;
  /** A start/stop this close (hours) to the window's ends is not a real start/stop. */
  edgeHours: number;
  /** Loops to the shared market each plate needs. */
  minLoops: number;
  /** Each plate's activity (first to last read) must be at most this many days: a swapped plate is short-lived. */
  maxPlateSpanDays: number;
  /** Least similarity (0..1: timing, stay, base, hand-over gap) for a candidate link. */
  minSimilarity: number;
  /** Least confidence (similarity over the number of alike plates that could equally have handed or taken over) for a link. */
  minConfidence: number;
}

/** The defaults of {@link PlateRelayOptions}. */
export const defaultPlateRelayOptions: PlateRelayOptions = { maxGapHours: 96, maxOverlapHours: 12, edgeHours: 24, minLoops: 1, maxPlateSpanDays: 16, minSimilarity: 0.2, minConfidence: 0.1 };

/** One relay link of a plate. */
export interface PlateRelay {
  vrm: string;
  /** 'before': the other plate was used before this one; 'after': after it. */
  role: 'before' | 'after';
  /** Hours from the earlier plate's last read to the later plate's first read (negative = overlap). */
  gapHours: number;
  market: string;
  /** Confidence in the link (0..1): how alike the two plates run, over the number of alike plates that could equally have taken over. */
  similarity?: number;
}

/** A plate's running style on one market: arrival times and clock hours, ln dwell of day stops, shares of night arrivals and overnight stops. */
export interface Style { arrivals: number[]; hours: number[]; logDwell: number; night: number; overnight: number }

/**
 * A plate's running style on one market, from its loops there.
 * @example styleOf(features, 'Rhyl').hours // [21, 21, 22]
 */
export function styleOf(f: VehicleFeatures, market: string): Style {
  const ls = f.loopList.filter((l) => l.market === market);
  const hours = ls.map((l) => londonHour(l.arrive));
  const day = ls.filter((l) => !l.stopOvernight);
  const dw = day.map((l) => Math.log(Math.max(1, (l.dwellMinMinutes + l.dwellMaxMinutes) / 2))).sort((a, b) => a - b);
  const night = ls.filter((l) => { const h = londonHour(l.arrive); return h >= 19 || h < 6; }).length / Math.max(1, ls.length);
  return { arrivals: ls.map((l) => l.arrive).sort((a, b) => a - b), hours, logDwell: dw.length ? dw[dw.length >> 1] : NaN, night, overnight: (ls.length - day.length) / Math.max(1, ls.length) };
}

/**
 * Mean distance (hours, circular) from each arrival of one plate to the closest arrival of the other.
 * @example clockDistance([21, 22], [23]) // 1.25
 */
export function clockDistance(a: number[], b: number[]): number {
  if (!a.length || !b.length) return 12;
  const d = (x: number, y: number) => { const e = Math.abs(x - y) % 24; return Math.min(e, 24 - e); };
  const one = (xs: number[], ys: number[]) => xs.reduce((s, x) => s + Math.min(...ys.map((y) => d(x, y))), 0) / xs.length;
  return (one(a, b) + one(b, a)) / 2;
}

/**
 * How alike two plates run on one market, 0..1: arrival hours, stay length, night share,
 * base, and the hand-over gap (a quick hand-over is likelier the same runner).
 *
 * @example relaySimilarity(a, b, 'Rhyl', 20) // 0.82
 */
export function relaySimilarity(a: VehicleFeatures, b: VehicleFeatures, market: string, gapHours: number, maxGapHours = defaultPlateRelayOptions.maxGapHours): number {
  const sa = styleOf(a, market), sb = styleOf(b, market);
  // Each part is soft (a runner's own loops vary): it only rules out plates that clearly run otherwise.
  const clock = Math.exp(-((clockDistance(sa.hours, sb.hours) / 4) ** 2));
  const stay = Number.isFinite(sa.logDwell) && Number.isFinite(sb.logDwell) ? Math.exp(-(((sa.logDwell - sb.logDwell) / 2) ** 2)) : 1;
  const nights = 1 - 0.5 * Math.abs(sa.overnight - sb.overnight);
  const night = 1 - 0.5 * Math.abs(sa.night - sb.night);
  const base = a.base === null || b.base === null || a.base === b.base ? 1 : 0.6;
  const gap = 1 - 0.5 * Math.min(1, Math.max(0, gapHours) / maxGapHours);
  return clock * stay * nights * night * base * gap;
}

/**
 * Find relay links among vehicles' features (in place: fills `features.relayPlates`,
 * `relayChainPlates` and `relayChainLoops`). `from`/`to` are the first and last read times of
 * the data (epoch ms).
 *
 * @example
 * linkPlateRelays(featuresList, store.time[0], lastTime);
 * featuresList[0].relayPlates // [{ vrm: 'YT10VJT', role: 'after', gapHours: 20.5, market: 'Rhyl', similarity: 0.8 }]
 */
export function linkPlateRelays(list: VehicleFeatures[], from: number, to: number, options: Partial<PlateRelayOptions> = {}): void {
  const o = { ...defaultPlateRelayOptions, ...options };
  const H = 3_600_000;
  const byMarket = new Map<string, VehicleFeatures[]>();
  for (const f of list) {
    f.relayPlates = [];
    f.relayChainPlates = 1;
    f.relayChainLoops = f.topMarketLoops;
    if (f.topMarketLoops < o.minLoops || f.spanDays > o.maxPlateSpanDays) continue;
    // A plate joins the group of every market it loops to (a line may serve 2-3 markets).
    for (const { market: m, loops } of f.loopsByMarket) {
      if (loops < o.minLoops) continue;
      const g = byMarket.get(m); if (g) g.push(f); else byMarket.set(m, [f]);
    }
  }
  // Candidate links (earlier plate stops, later plate starts, same market, alike enough), then
  // a one-to-one matching, most alike first.
  const links: { a: VehicleFeatures; b: VehicleFeatures; gap: number; market: string; sim: number }[] = [];
  const pairIndex = new Map<VehicleFeatures, Map<VehicleFeatures, number>>(); // one link per pair of plates, on their most alike market
  for (const [market, g] of byMarket) {
    g.sort((a, b) => a.firstSeen - b.firstSeen || (a.vrm < b.vrm ? -1 : 1));
    for (let i = 0; i < g.length; i++) {
      const a = g[i];
      if (a.lastSeen > to - o.edgeHours * H) continue; // a must stop inside the window
      for (let j = 0; j < g.length; j++) {
        const b = g[j];
        if (b === a || b.firstSeen < from + o.edgeHours * H) continue; // b must start inside the window
        const gap = (b.firstSeen - a.lastSeen) / H;
        if (gap > o.maxGapHours || gap < -o.maxOverlapHours) continue;
        const sim = relaySimilarity(a, b, market, gap, o.maxGapHours);
        if (sim < o.minSimilarity) continue;
        const seen = pairIndex.get(a)?.get(b);
        if (seen !== undefined) { const l = links[seen]; if (sim > l.sim || (sim === l.sim && market < l.market)) links[seen] = { a, b, gap, market, sim }; continue; }
        let m = pairIndex.get(a); if (!m) { m = new Map(); pairIndex.set(a, m); }
        m.set(b, links.length);
        links.push({ a, b, gap, market, sim });
      }
    }
  }
  // A link is only as good as it is unambiguous: on a busy market many one-off plates stop and
  // start each day, and any of them could "take over". Each link's confidence is its similarity
  // divided by the number of alike plates that could equally have handed over or taken over.
  const outs = new Map<VehicleFeatures, number>(), ins = new Map<VehicleFeatures, number>();
  for (const l of links) { outs.set(l.a, (outs.get(l.a) ?? 0) + 1); ins.set(l.b, (ins.get(l.b) ?? 0) + 1); }
  for (const l of links) l.sim = l.sim / Math.max(outs.get(l.a)!, ins.get(l.b)!);
  for (let i = links.length - 1; i >= 0; i--) if (links[i].sim < o.minConfidence) links.splice(i, 1);
  links.sort((x, y) => y.sim - x.sim || Math.abs(x.gap) - Math.abs(y.gap) || (x.a.vrm < y.a.vrm ? -1 : x.a.vrm > y.a.vrm ? 1 : 0) || (x.b.vrm < y.b.vrm ? -1 : x.b.vrm > y.b.vrm ? 1 : 0));
  const handedOver = new Set<VehicleFeatures>(), tookOver = new Set<VehicleFeatures>();
  const next = new Map<VehicleFeatures, VehicleFeatures>();
  for (const { a, b, gap, market, sim } of links) {
    if (handedOver.has(a) || tookOver.has(b)) continue;
    // No cycles: b must not already lead (through its successors) back to a.
    let c: VehicleFeatures | undefined = b, cycle = false;
    while (c) { if (c === a) { cycle = true; break; } c = next.get(c); }
    if (cycle) continue;
    handedOver.add(a); tookOver.add(b); next.set(a, b);
    const similarity = Math.round(sim * 1000) / 1000;
    a.relayPlates.push({ vrm: b.vrm, role: 'after', gapHours: gap, market, similarity });
    b.relayPlates.push({ vrm: a.vrm, role: 'before', gapHours: gap, market, similarity });
  }
  // Chains: every plate of a chain gets the chain's plates and its loops to the market.
  const prev = new Map<VehicleFeatures, VehicleFeatures>();
  next.forEach((b, a) => { prev.set(b, a); });
  for (const f of list) {
    if (prev.has(f) || !next.has(f)) continue; // chain heads only
    const chain: VehicleFeatures[] = [];
    for (let c: VehicleFeatures | undefined = f; c; c = next.get(c)) chain.push(c);
    const loops = chain.reduce((n, c) => n + c.topMarketLoops, 0);
    for (const c of chain) { c.relayChainPlates = chain.length; c.relayChainLoops = loops; }
  }
}

/**
 * The relay chains among features (after {@link linkPlateRelays}), each in order of use.
 * @example relayChains(features).map((c) => c.map((f) => f.vrm)) // [['AB12CDE', 'YT10VJT']]
 */
export function relayChains(list: readonly VehicleFeatures[]): VehicleFeatures[][] {
  const byVrm = new Map(list.map((f) => [f.vrm, f]));
  const chains: VehicleFeatures[][] = [];
  for (const f of list) {
    if (f.relayPlates.some((r) => r.role === 'before') || !f.relayPlates.some((r) => r.role === 'after')) continue;
    const chain: VehicleFeatures[] = [];
    for (let c: VehicleFeatures | undefined = f; c; ) {
      chain.push(c);
      const after: PlateRelay | undefined = c.relayPlates.find((r) => r.role === 'after');
      c = after ? byVrm.get(after.vrm) : undefined;
    }
    chains.push(chain);
  }
  return chains;
}
