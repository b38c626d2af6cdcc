// Seeded pseudo-random numbers: sfc32 seeded from a cyrb128 hash of a string.
// Every random choice of the simulator comes from here (never Math.random).

/** Hash a string to four unsigned 32-bit words (cyrb128). @example hash128('a') // [n1, n2, n3, n4] */
export function hash128(str) {
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

/** A seeded generator with the usual draws; fork(label) gives an independent child stream. @example const r = new Rng('seed'); r.uniform(1, 2) */
export class Rng {
  /** Seed from a string. @example new Rng('south_west|a') */
  constructor(seed) {
    this.seed = String(seed);
    let [a, b, c, d] = hash128(this.seed);
    this.s = [a, b, c, d];
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). @example new Rng('x').next() */
  next() {
    const s = this.s;
    let a = s[0] | 0, b = s[1] | 0, c = s[2] | 0, d = s[3] | 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    s[0] = a; s[1] = b; s[2] = c; s[3] = d;
    return (t >>> 0) / 4294967296;
  }

  /** A child generator whose stream depends only on this seed and the label. @example rng.fork('vehicle:12') */
  fork(label) { return new Rng(this.seed + '/' + label); }

  /** A float in [lo, hi). @example rng.uniform(0.05, 0.2) */
  uniform(lo, hi) { return lo + (hi - lo) * this.next(); }

  /** An integer in [lo, hi] inclusive. @example rng.int(1, 6) */
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }

  /** True with probability p. @example rng.chance(0.3) */
  chance(p) { return this.next() < p; }

  /** One element of a non-empty array, uniformly. @example rng.pick(['a', 'b']) */
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }

  /** An index drawn in proportion to non-negative weights. @example rng.weightedIndex([1, 3]) // 1 three times in four */
  weightedIndex(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) { x -= weights[i]; if (x < 0) return i; }
    return weights.length - 1;
  }

  /** An element drawn in proportion to its weight. @example rng.weighted(['day', 'night'], [1, 2]) */
  weighted(items, weights) { return items[this.weightedIndex(weights)]; }

  /** A normal draw (Box-Muller). @example rng.normal(0, 1) */
  normal(mu = 0, sd = 1) {
    const u = 1 - this.next(), v = this.next();
    return mu + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal draw with the given median and log-sd. @example rng.lognormal(2, 0.5) */
  lognormal(median, sigma) { return median * Math.exp(this.normal(0, sigma)); }

  /** A Poisson count (Knuth; small means only). @example rng.poisson(2) */
  poisson(mean) {
    const l = Math.exp(-mean);
    let k = 0, p = 1;
    do { k++; p *= this.next(); } while (p > l && k < 200);
    return k - 1;
  }

  /** A new array with the elements in random order (Fisher-Yates). @example rng.shuffle([1, 2, 3]) */
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}
