// rng.mjs — seeded, forkable pseudo-random streams for third-sim.
// A stream is keyed by a string; fork(name) gives an independent child stream keyed
// "<parent>/<name>", so adding draws in one part of the simulator never shifts another part.
// Generator: sfc32 seeded from a 128-bit string hash. No Math.random anywhere.

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
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export class Rng {
  constructor(key) {
    this.key = String(key);
    [this.a, this.b, this.c, this.d] = hash128(this.key);
    for (let i = 0; i < 15; i++) this.next();
  }
  /** uniform in [0, 1) */
  next() {
    let { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a; this.b = b; this.c = c; this.d = d;
    return (t >>> 0) / 4294967296;
  }
  fork(name) { return new Rng(`${this.key}/${name}`); }
  uniform(lo, hi) { return lo + (hi - lo) * this.next(); }
  /** integer in [lo, hi], both inclusive */
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  logUniform(lo, hi) { return Math.exp(this.uniform(Math.log(lo), Math.log(hi))); }
  normal(mu = 0, sd = 1) {
    const u = 1 - this.next(), v = this.next();
    return mu + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  poisson(lambda) {
    if (lambda <= 0) return 0;
    const L = Math.exp(-lambda);
    let k = 0, p = 1;
    do { k++; p *= this.next(); } while (p > L && k < 1000);
    return k - 1;
  }
  /** index drawn with probability proportional to weights[i] */
  weightedIndex(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) { x -= weights[i]; if (x < 0) return i; }
    return weights.length - 1;
  }
  weighted(arr, weightOf) { return arr[this.weightedIndex(arr.map(weightOf))]; }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.next() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a;
  }
  /** k distinct items (k clipped to arr.length) */
  sample(arr, k) { return this.shuffle(arr).slice(0, Math.min(k, arr.length)); }
}
