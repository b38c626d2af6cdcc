/**
 * Seeded pseudo-random numbers for synth/: sfc32 seeded from a string (cyrb128), and cheap
 * integer-keyed sub-streams so every (vehicle, day) draws from its own stream. No Math.random.
 */

/** A 128-bit key (four uint32 words) from which sub-streams are derived. */
export type SeedKey = readonly [number, number, number, number];

/**
 * Hash a string seed to a 128-bit key (cyrb128).
 * @example
 * const key = seedKey('demo'); // same string, same key, on every machine
 */
export function seedKey(seed: string): SeedKey {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function fmix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32 generator with helpers for the distributions synth/ needs.
 * @example
 * const r = createRng('demo');
 * r.int(6); r.range(20, 90); r.chance(0.25); r.normal(); r.pick(['a', 'b']);
 */
export class Rng {
  private a: number; private b: number; private c: number; private d: number;
  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0; this.b = b >>> 0; this.c = c >>> 0; this.d = d >>> 0;
    for (let i = 0; i < 8; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number { return Math.floor(this.next() * n); }
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number { return lo + (hi - lo) * this.next(); }
  /** True with probability p. */
  chance(p: number): boolean { return this.next() < p; }
  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next(), v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** One element of a non-empty array. */
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  /** Index drawn from a cumulative-weight array (last element = total). */
  weighted(cum: ArrayLike<number>): number {
    const x = this.next() * cum[cum.length - 1];
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const m = (lo + hi) >> 1; if (cum[m] > x) hi = m; else lo = m + 1; }
    return lo;
  }
}

/**
 * A generator for a string seed.
 * @example
 * const r = createRng('demo'); r.next(); // 0 <= x < 1, same sequence every run
 */
export function createRng(seed: string): Rng {
  const [a, b, c, d] = seedKey(seed);
  return new Rng(a, b, c, d);
}

/**
 * An independent sub-stream keyed by integers, e.g. (class, vehicle, day): the same key
 * always gives the same stream, regardless of what else was generated before.
 * @example
 * const r = deriveRng(seedKey('demo'), 3, 17, 0); // class 3, vehicle 17, day 0
 */
export function deriveRng(key: SeedKey, ...ints: number[]): Rng {
  let [a, b, c, d] = key;
  for (let i = 0; i < ints.length; i++) {
    const x = (ints[i] | 0) + Math.imul(i + 1, 0x9e3779b9);
    a = fmix(a ^ x); b = fmix(b + Math.imul(x, 0x85ebca6b)); c = fmix(c ^ Math.imul(x, 0xc2b2ae35)); d = fmix(d + x + a);
  }
  return new Rng(a, b, c, d);
}
