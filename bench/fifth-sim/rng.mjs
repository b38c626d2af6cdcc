// rng.mjs — seeded PRNG (sfc32 over a cyrb128 string hash) with string-keyed,
// forkable streams. Every random draw in fifth-sim goes through this file;
// Math.random is never used, so the same options give byte-identical output.

function cyrb128(str) {
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

export class Rng {
  /** @param {string} key stream name; forks append '/child' */
  constructor(key) {
    this.key = String(key);
    [this.a, this.b, this.c, this.d] = cyrb128(this.key);
    for (let i = 0; i < 12; i++) this.next();
  }
  /** sfc32: uniform in [0, 1) */
  next() {
    let { a, b, c, d } = this;
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    this.c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  fork(name) { return new Rng(`${this.key}/${name}`); }
  uniform(lo, hi) { return lo + (hi - lo) * this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  logUniform(lo, hi) { return Math.exp(this.uniform(Math.log(lo), Math.log(hi))); }
  normal(mu = 0, sd = 1) {
    const u = 1 - this.next(), v = this.next();
    return mu + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** index drawn in proportion to weights */
  weightedIndex(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) { x -= weights[i]; if (x < 0) return i; }
    return weights.length - 1;
  }
  weighted(items, weights) { return items[this.weightedIndex(weights)]; }
  shuffle(arr) {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  sample(arr, k) { return this.shuffle(arr).slice(0, Math.min(k, arr.length)); }
  /** geometric count of extra events with the given mean (>= 0) */
  geometric(mean) {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    let n = 0;
    while (this.next() > p && n < 60) n++;
    return n;
  }
}

export function makeRng(key) { return new Rng(key); }
