// rng.mjs - seeded, forkable pseudo-random streams (sfc32 seeded by a string hash).
// Every random decision in the simulator comes from a Stream forked by name from the
// scenario seed, so adding draws in one part never shifts the draws of another part.

/** 128-bit string hash (four 32-bit words), cyrb128-style mixing. */
function hash128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
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

export class Stream {
  /** @param {string} key full name of this stream (seed + path) */
  constructor(key) {
    this.key = key;
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A child stream, independent of how much this one has been used. */
  fork(name) { return new Stream(`${this.key}/${name}`); }

  u32() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next() { return this.u32() / 4294967296; }
  float(lo, hi) { return lo + (hi - lo) * this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }

  /** Pick by weight: items is an array, weightOf maps an item to a weight >= 0. */
  weighted(items, weightOf) {
    let total = 0;
    for (const it of items) total += weightOf(it);
    let r = this.next() * total;
    for (const it of items) { r -= weightOf(it); if (r < 0) return it; }
    return items[items.length - 1];
  }

  /** Pick a key of an object {key: weight}. */
  weightedKey(obj) {
    const keys = Object.keys(obj);
    return this.weighted(keys, (k) => obj[k]);
  }

  normal(mean = 0, sd = 1) {
    const u = 1 - this.next(), v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal clipped to [lo, hi]. */
  clampedNormal(mean, sd, lo, hi) { return Math.min(hi, Math.max(lo, this.normal(mean, sd))); }

  /** Log-uniform in [lo, hi] (both > 0). */
  logUniform(lo, hi) { return Math.exp(this.float(Math.log(lo), Math.log(hi))); }

  exponential(mean) { return -mean * Math.log(1 - this.next()); }

  /** Poisson count (small means only). */
  poisson(mean) {
    const L = Math.exp(-mean);
    let k = 0, p = 1;
    do { k++; p *= this.next(); } while (p > L);
    return k - 1;
  }

  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** k distinct items from arr. */
  sample(arr, k) { return this.shuffle(arr).slice(0, Math.min(k, arr.length)); }
}

export function makeRoot(seed) { return new Stream(`fourth-sim:${seed}`); }
