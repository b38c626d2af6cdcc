/**
 * Convoy / associates: vehicles read at the same sites as a target within ±T, scored against
 * CHANCE co-occurrence given each site's traffic at that hour (naive counts flood with
 * ordinary traffic on busy roads).
 *
 * Null model, per candidate c and target read r (site s, local hour h):
 *
 *   λ(s, h)      = reads at s in hour-of-day h / days in the store        (reads per hour)
 *   share(c, s)  = c's reads at s / all reads at s                         (how often c passes s)
 *   E[c, r]      = λ(s, h) × 2T × share(c, s)                              (chance c is read within ±T)
 *   expected(c)  = Σ_r E[c, r];   observed(c) = target reads with c within ±T at the same site
 *
 * and p = P(Poisson(expected) ≥ observed): a commuter who passes the same camera every day has a
 * large share and a large expectation; a car seen with the target at five quiet sites has
 * neither. Ranked by p (then observed, then VRM); the log-likelihood ratio is reported too.
 *
 * Cost: O(target reads × reads at those sites within ±T) through the per-site time index,
 * plus O(candidate reads) for the shares.
 */
import * as msg from '../messages';
import type { ReadStore } from '../reads/types';
import { londonDay, londonHour } from '../core/london-time';
import { QueryResult, toMs, vehicleCode, type TimeInput } from './result';
import { siteIndex, siteRange } from './site-index';
import { consult, queryAudit } from '../privacy/guard';

/** One associate of the target. */
export interface ConvoyRow {
  vrm: string;
  /** Target reads with this vehicle read at the same site within ±T. */
  observed: number;
  /** The number expected by chance (see the module doc). */
  expected: number;
  /** P(Poisson(expected) ≥ observed). */
  pValue: number;
  /** Log-likelihood ratio observed vs expected (Poisson), 0 when observed ≤ expected. */
  llr: number;
  /** Distinct sites of those co-reads. */
  sites: number;
  /** Median signed offset (seconds) of its read from the target's: > 0 follows, < 0 leads. */
  medianOffsetSeconds: number;
  /** Local days with a co-read. */
  days: number;
  reasons: string[];
}

/** Options of {@link convoy}. */
export interface ConvoyOptions {
  /** Half-width T of the co-read window. Default 120 s. */
  withinSeconds?: number;
  /** Least distinct co-read sites to report a vehicle. Default 3. */
  minSites?: number;
  /** Report at most this many (best first). Default 50. */
  top?: number;
  /** Only target reads in [from, to). */
  from?: TimeInput;
  to?: TimeInput;
  reveal?: boolean;
}

/**
 * The defaults of {@link ConvoyOptions}.
 * @example convoy(store, vrm, { ...defaultConvoyOptions, withinSeconds: 60 })
 */
export const defaultConvoyOptions = { withinSeconds: 120, minSites: 3, top: 50 };

/** log Γ(n + 1) = log n! for integer n ≥ 0. */
function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/**
 * Upper tail of the Poisson distribution, P(X ≥ k) for mean mu.
 * @example poissonTail(3, 0.1) // ≈ 1.5e-4
 */
export function poissonTail(k: number, mu: number): number {
  if (k <= 0) return 1;
  if (!(mu > 0)) return 0;
  if (k <= mu + 1) {
    // 1 - P(X < k), summing the lower terms.
    let term = Math.exp(-mu), sum = term;
    for (let i = 1; i < k; i++) { term *= mu / i; sum += term; }
    return Math.max(0, 1 - sum);
  }
  // Sum the upper terms from k in log space (stable for tiny tails).
  let logTerm = -mu + k * Math.log(mu) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 1000; i++) {
    const t = Math.exp(logTerm);
    sum += t;
    if (t < sum * 1e-16) break;
    logTerm += Math.log(mu / (i + 1));
  }
  return Math.min(1, sum);
}

/**
 * Vehicles travelling with `vrm`: read at the same sites within ±`withinSeconds`, at least
 * `minSites` distinct sites, ranked by how unlikely that many co-reads are by chance given
 * the sites' hourly traffic (see the module doc), each with reasons.
 *
 * @example
 * const r = convoy(store, 'AB12CDE', { withinSeconds: 120, minSites: 3 });
 * r.rows[0] // { vrm: 'XY70ZZZ', observed: 9, expected: 0.04, pValue: 3e-21, sites: 6, reasons: [...] }
 */
export function convoy(store: ReadStore, vrm: string, options: ConvoyOptions = {}): QueryResult<ConvoyRow> {
  return consult('find convoy', store, () => convoyQuery(store, vrm, options), queryAudit);
}

/**
 * `convoy` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example convoyQuery(store, vrm, options)
 */
export function convoyQuery(store: ReadStore, vrm: string, options: ConvoyOptions = {}): QueryResult<ConvoyRow> {
  const o = { ...defaultConvoyOptions, ...options };
  const target = vehicleCode(store, vrm);
  const T = o.withinSeconds * 1000;
  const from = toMs(o.from, 'from') ?? -Infinity, to = toMs(o.to, 'to') ?? Infinity;
  const ix = siteIndex(store);
  const { time, site, vehicle } = store;
  type Acc = { observed: number; lastTarget: number; sites: Set<number>; offsets: number[]; days: Set<number> };
  const acc = new Map<number, Acc>();
  const targetReads: number[] = [];
  for (let i = store.vehicleStart[target]; i < store.vehicleStart[target + 1]; i++) {
    const t = time[i];
    if (t < from || t >= to) continue;
    targetReads.push(i);
    const s = site[i];
    const [lo, hi] = siteRange(ix, s, t - T, t + T);
    for (let q = lo; q < hi; q++) {
      const c = vehicle[ix.read[q]];
      if (c === target) continue;
      let a = acc.get(c);
      if (!a) { a = { observed: 0, lastTarget: -1, sites: new Set(), offsets: [], days: new Set() }; acc.set(c, a); }
      if (a.lastTarget !== i) { a.lastTarget = i; a.observed++; a.sites.add(s); a.days.add(londonDay(t, 0)); }
      a.offsets.push((ix.time[q] - t) / 1000);
    }
  }
  // Expected co-reads by chance, for the candidates that pass the site filter.
  const rate = new Float64Array(targetReads.length); // λ(s,h) × 2T / total(s), per target read
  targetReads.forEach((i, k) => {
    const s = site[i];
    const lam = ix.hourly[s * 24 + Math.floor(londonHour(time[i]))] / (ix.days * 3_600_000);
    rate[k] = ix.total[s] > 0 ? (lam * 2 * T) / ix.total[s] : 0;
  });
  const rows: ConvoyRow[] = [];
  const perSite = new Map<number, number>();
  for (const [c, a] of acc) {
    if (a.sites.size < o.minSites) continue;
    perSite.clear();
    for (let i = store.vehicleStart[c]; i < store.vehicleStart[c + 1]; i++) perSite.set(site[i], (perSite.get(site[i]) ?? 0) + 1);
    let expected = 0;
    targetReads.forEach((i, k) => { expected += rate[k] * (perSite.get(site[i]) ?? 0); });
    const obs = a.observed;
    const pValue = poissonTail(obs, expected);
    const llr = obs > expected && expected > 0 ? obs * Math.log(obs / expected) - (obs - expected) : 0;
    const off = [...a.offsets].sort((x, y) => x - y);
    const med = off.length % 2 ? off[off.length >> 1] : (off[off.length / 2 - 1] + off[off.length / 2]) / 2;
    rows.push({
      vrm: store.vrms[c], observed: obs, expected, pValue, llr, sites: a.sites.size, medianOffsetSeconds: med, days: a.days.size,
      reasons: [
        msg.reasonConvoyCoReads(obs, targetReads.length, a.sites.size, a.days.size, o.withinSeconds),
        msg.reasonConvoyChance(expected, pValue),
        msg.reasonConvoyOffset(med),
      ],
    });
  }
  rows.sort((x, y) => x.pValue - y.pValue || y.llr - x.llr || y.observed - x.observed || (x.vrm < y.vrm ? -1 : x.vrm > y.vrm ? 1 : 0));
  const top = rows.slice(0, o.top);
  return new QueryResult('convoy', `Vehicles travelling with the target (±${o.withinSeconds} s, ${o.minSites}+ sites)`, top,
    { vrm: store.vrms[target], withinSeconds: o.withinSeconds, minSites: o.minSites, top: o.top, from: o.from ?? null, to: o.to ?? null, targetReads: targetReads.length, candidates: acc.size },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'observed', value: (r) => r.observed },
      { name: 'expected', value: (r) => r.expected }, { name: 'p_value', value: (r) => r.pValue }, { name: 'llr', value: (r) => r.llr },
      { name: 'sites', value: (r) => r.sites }, { name: 'days', value: (r) => r.days },
      { name: 'median_offset_s', value: (r) => r.medianOffsetSeconds }, { name: 'reasons', value: (r) => r.reasons.join('; ') },
    ], { store, reveal: o.reveal, mapVehicles: 6, mapAlso: [store.vrms[target]] });
}
