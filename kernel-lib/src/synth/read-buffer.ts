/**
 * The reads of the days in progress, columnar and growable. `drainBefore` hands over the
 * reads earlier than a bound in time order (ties in generation order) and keeps the rest,
 * so only a day or two of reads is ever held.
 */

/**
 * Pending reads.
 * @example
 * const buf = new ReadBuffer();
 * buf.push('AB12CDE', 1741000000, 3, 97);
 * await buf.drainBefore(1741046400, (v, t, s, c) => writer.write(v, t, s, c));
 */
export class ReadBuffer {
  private t = new Float64Array(1 << 16);
  private site = new Int32Array(1 << 16);
  private conf = new Uint8Array(1 << 16);
  private vrm: string[] = [];
  private n = 0;

  /** Number of pending reads. */
  get size(): number { return this.n; }

  /**
   * Add a read.
   * @example
   * buf.push('AB12CDE', 1741000000, 3, 97);
   */
  push(vrm: string, t: number, site: number, confidence: number): void {
    if (this.n === this.t.length) this.grow();
    this.t[this.n] = t; this.site[this.n] = site; this.conf[this.n] = confidence; this.vrm[this.n] = vrm;
    this.n++;
  }

  private grow(): void {
    const m = this.t.length * 2;
    const t = new Float64Array(m); t.set(this.t); this.t = t;
    const s = new Int32Array(m); s.set(this.site); this.site = s;
    const c = new Uint8Array(m); c.set(this.conf); this.conf = c;
  }

  /**
   * Emit (in time order) every read with t < bound through `emit`, keep the others.
   * @example
   * await buf.drainBefore(dayEnd, (v, t, s, c) => writer.write(v, t, s, c));
   */
  async drainBefore(bound: number, emit: (vrm: string, t: number, site: number, conf: number) => void | Promise<void>): Promise<number> {
    const n = this.n;
    if (!n) return 0;
    let base = Infinity;
    for (let i = 0; i < n; i++) if (this.t[i] < base) base = this.t[i];
    // key = (t - base) * 2^27 + i: exact in a double for spans under ~2 years and 134M reads.
    const M = 134217728;
    if (n >= M) throw new RangeError(`ReadBuffer: ${n} pending reads; at most ${M - 1} per day`);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (this.t[i] - base) * M + i;
    keys.sort();
    let out = 0;
    const keep: number[] = [];
    for (let k = 0; k < n; k++) {
      const i = keys[k] % M;
      if (this.t[i] < bound) {
        const p = emit(this.vrm[i], this.t[i], this.site[i], this.conf[i]);
        if (p) await p;
        out++;
      } else keep.push(i);
    }
    // compact kept reads, in their original (generation) order
    keep.sort((a, b) => a - b);
    const vr: string[] = new Array(keep.length);
    keep.forEach((i, j) => { this.t[j] = this.t[i]; this.site[j] = this.site[i]; this.conf[j] = this.conf[i]; vr[j] = this.vrm[i]; });
    this.vrm = vr;
    this.n = keep.length;
    return out;
  }
}
