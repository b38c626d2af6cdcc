/**
 * Plate relays: runners swap plates every week or two, so one runner shows up as a chain of
 * plates, each active for a short spell. Two plates form a relay when one stops being seen
 * and the other starts (within `maxGapHours`, overlapping at most `maxOverlapHours`), both
 * are short-lived (active at most `maxPlateSpanDays`), both loop from the hub to the same
 * market, and their bases agree. Plates active through the
 * whole window (ordinary traffic) cannot form relays: a relay needs a real start or stop
 * inside the window (more than `edgeHours` from its ends).
 */
import type { VehicleFeatures } from '../trips/features';

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
}

/** The defaults of {@link PlateRelayOptions}. */
export const defaultPlateRelayOptions: PlateRelayOptions = { maxGapHours: 72, maxOverlapHours: 12, edgeHours: 48, minLoops: 1, maxPlateSpanDays: 16 };

/** One relay link of a plate. */
export interface PlateRelay {
  vrm: string;
  /** 'before': the other plate was used before this one; 'after': after it. */
  role: 'before' | 'after';
  /** Hours from the earlier plate's last read to the later plate's first read (negative = overlap). */
  gapHours: number;
  market: string;
}

/**
 * Find relay links among vehicles' features (in place: fills `features.relayPlates`).
 * `from`/`to` are the first and last read times of the data (epoch ms).
 *
 * @example
 * linkPlateRelays(featuresList, store.time[0], lastTime);
 * featuresList[0].relayPlates // [{ vrm: 'YT10VJT', role: 'after', gapHours: 20.5, market: 'Rhyl' }]
 */
export function linkPlateRelays(list: VehicleFeatures[], from: number, to: number, options: Partial<PlateRelayOptions> = {}): void {
  const o = { ...defaultPlateRelayOptions, ...options };
  const H = 3_600_000;
  const byMarket = new Map<string, VehicleFeatures[]>();
  for (const f of list) {
    f.relayPlates = [];
    f.relayChainPlates = 1;
    f.relayChainLoops = f.topMarketLoops;
    if (f.topMarketLoops < o.minLoops || f.baseKind === 'market' || f.spanDays > o.maxPlateSpanDays) continue;
    const m = f.loopsByMarket[0].market;
    const g = byMarket.get(m); if (g) g.push(f); else byMarket.set(m, [f]);
  }
  // Candidate links (earlier plate stops, later plate starts, same market and base), then a
  // one-to-one matching, closest hand-over first: a plate hands over to one plate and takes over
  // from one, so a busy market's one-off visitors do not all link to each other.
  const links: { a: VehicleFeatures; b: VehicleFeatures; gap: number; market: string }[] = [];
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
        if (a.base !== null && b.base !== null && a.base !== b.base) continue;
        links.push({ a, b, gap, market });
      }
    }
  }
  links.sort((x, y) => Math.abs(x.gap) - Math.abs(y.gap) || (x.a.vrm < y.a.vrm ? -1 : x.a.vrm > y.a.vrm ? 1 : 0) || (x.b.vrm < y.b.vrm ? -1 : x.b.vrm > y.b.vrm ? 1 : 0));
  const handedOver = new Set<VehicleFeatures>(), tookOver = new Set<VehicleFeatures>();
  const next = new Map<VehicleFeatures, VehicleFeatures>();
  for (const { a, b, gap, market } of links) {
    if (handedOver.has(a) || tookOver.has(b)) continue;
    // No cycles: b must not already lead (through its successors) back to a.
    let c: VehicleFeatures | undefined = b, cycle = false;
    while (c) { if (c === a) { cycle = true; break; } c = next.get(c); }
    if (cycle) continue;
    handedOver.add(a); tookOver.add(b); next.set(a, b);
    a.relayPlates.push({ vrm: b.vrm, role: 'after', gapHours: gap, market });
    b.relayPlates.push({ vrm: a.vrm, role: 'before', gapHours: gap, market });
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
