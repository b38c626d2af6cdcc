/**
 * Sensor noise: each site misses 10-25 % of passes (NoiseParams: a behaviour family sets its own) and may be out for hours or days; some
 * reads are look-alike misreads (O/0, I/1, B/8, S/5, Z/2) with lower confidence; a few are
 * read twice (same VRM, site and second). Confidence is 0-100.
 */
import type { Rng } from './prng';

/** Per-site noise parameters, fixed for a run. */
export interface SiteNoise {
  missRate: Float64Array;
  /** Outage windows per site, epoch seconds [start, end). */
  outages: [number, number][][];
  /** Share of reads that are look-alike misreads (default 0.02). */
  misreadRate: number;
}

/** Camera noise parameters of siteNoise (the defaults are the fixed scenarios'). */
export interface NoiseParams {
  /** Per-site miss rate, drawn uniformly in this range. */
  missRate: [number, number];
  /** Chance that a site has an outage in the window. */
  outageChance: number;
  /** Share of outages lasting 2-12 h (the others 1-3 days). */
  outageShortShare: number;
}

/**
 * Noise of the fixed scenarios: 10-25 % missed, 12 % of sites with an outage, 70 % of them short.
 * @example
 * siteNoise(n, t0, t1, rng, 0.02, DEFAULT_NOISE); // same as siteNoise(n, t0, t1, rng)
 */
export const DEFAULT_NOISE: Readonly<NoiseParams> = { missRate: [0.1, 0.25], outageChance: 0.12, outageShortShare: 0.7 };

/** Outcome of one pass at a camera. */
export interface ReadOutcome { vrm: string; confidence: number; copies: 0 | 1 | 2; misread: boolean }

const LOOKALIKE: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B', S: '5', '5': 'S', Z: '2', '2': 'Z' };

/**
 * Draw miss rates and outages for every site over [start, end).
 * @example
 * const noise = siteNoise(net.sites.length, t0, t0 + 28 * 86400, createRng('s1:noise'));
 */
export function siteNoise(nSites: number, start: number, end: number, rng: Rng, misreadRate = 0.02, params: Readonly<NoiseParams> = DEFAULT_NOISE): SiteNoise {
  const missRate = new Float64Array(nSites);
  const outages: [number, number][][] = [];
  const span = end - start;
  for (let s = 0; s < nSites; s++) {
    missRate[s] = rng.range(params.missRate[0], params.missRate[1]);
    const w: [number, number][] = [];
    if (rng.chance(params.outageChance)) {
      const len = rng.chance(params.outageShortShare) ? rng.range(2, 12) * 3600 : rng.range(1, 3) * 86400;
      const s0 = start + rng.next() * Math.max(0, span - len);
      w.push([Math.round(s0), Math.round(s0 + len)]);
    }
    outages.push(w);
  }
  return { missRate, outages, misreadRate };
}

/**
 * A misread of a plate: one look-alike character swapped, or the plate itself if it has none.
 * @example
 * misread('AB12CDE', rng); // e.g. 'A812CDE'
 */
export function misread(vrm: string, rng: Rng): string {
  const idx: number[] = [];
  for (let i = 0; i < vrm.length; i++) if (LOOKALIKE[vrm[i]]) idx.push(i);
  if (!idx.length) return vrm;
  const i = rng.pick(idx);
  return vrm.slice(0, i) + LOOKALIKE[vrm[i]] + vrm.slice(i + 1);
}

/**
 * What the camera at `site` records when `vrm` passes at `t`: nothing (missed or outage),
 * one read, or a duplicate; possibly a misread with lower confidence.
 * @example
 * const o = observe(noise, 12, 'AB12CDE', t, rng); // o.copies 0, 1 or 2
 */
export function observe(noise: SiteNoise, site: number, vrm: string, t: number, rng: Rng): ReadOutcome {
  for (const [a, b] of noise.outages[site]) if (t >= a && t < b) return { vrm, confidence: 0, copies: 0, misread: false };
  if (rng.next() < noise.missRate[site]) return { vrm, confidence: 0, copies: 0, misread: false };
  const copies = rng.next() < 0.01 ? 2 : 1;
  if (rng.next() < noise.misreadRate) {
    const m = misread(vrm, rng);
    if (m !== vrm) return { vrm: m, confidence: 35 + rng.int(40), copies, misread: true };
  }
  const c = 99 - Math.floor(-Math.log(1 - rng.next()) * 4);
  return { vrm, confidence: Math.max(60, c), copies, misread: false };
}
