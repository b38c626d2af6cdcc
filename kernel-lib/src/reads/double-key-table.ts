/**
 * Open-addressing hash table: integer-valued double key (0 ≤ k < 2^53) → int32 value, -1 when
 * absent. Typed arrays only (no object per entry), for the millions-of-keys lookups of the
 * Parquet reader (text hashes → codes) and look-alike plate keys.
 *
 *   const t = new DoubleKeyTable(1000);
 *   t.set(123456789012, 7); t.get(123456789012) // 7
 */
export class DoubleKeyTable {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;
  /**
   * A table for about `expected` keys: capacity a power of two at least 1.5 times that (load at
   * most 2/3; fresh memory is costly here — a table twice the keys took longer to fault in than to probe).
   */
  constructor(expected: number) {
    let cap = 16;
    while (cap * 2 < expected * 3) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  // First slot: both 32-bit halves mixed, so keys that differ only in high bits (look-alike keys
  // are base-37 numbers) spread over the table.
  private slot(k: number): number {
    const lo = k % 4294967296, hi = (k - lo) / 4294967296;
    let h = Math.imul(lo | 0, 0x9e3779b1) ^ Math.imul(hi | 0, 0x85ebca77);
    h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d); h ^= h >>> 12;
    return h & this.mask;
  }
  /** The value of `k`, or -1. @example t.get(42) // -1 */
  get(k: number): number {
    for (let p = this.slot(k); ; p = (p + 1) & this.mask) {
      const x = this.keys[p];
      if (x === k) return this.vals[p];
      if (x === -1) return -1;
    }
  }
  /** The value of `k`; when absent, set it to `v` and return `v` (one probe sequence). @example t.getOrSet(42, t.size) // 0 */
  getOrSet(k: number, v: number): number {
    for (let p = this.slot(k); ; p = (p + 1) & this.mask) {
      const x = this.keys[p];
      if (x === k) return this.vals[p];
      if (x === -1) { this.keys[p] = k; this.vals[p] = v; this.size++; return v; }
    }
  }
  /** Set `k` → `v`; returns false when the key was already present. @example t.set(42, 1) // true */
  set(k: number, v: number): boolean {
    for (let p = this.slot(k); ; p = (p + 1) & this.mask) {
      const x = this.keys[p];
      if (x === k) { this.vals[p] = v; return false; }
      if (x === -1) { this.keys[p] = k; this.vals[p] = v; this.size++; return true; }
    }
  }
}
