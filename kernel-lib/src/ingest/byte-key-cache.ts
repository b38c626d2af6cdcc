/**
 * Internal: a hash table keyed by byte ranges (open addressing, FNV-1a), so the CSV hot loop
 * can look up a VRM or site field without first making a JS string. Values are int32.
 *
 * Layout for few cache misses per lookup on big tables (hundreds of thousands of plates):
 * each slot holds the key's hash beside its entry number, so a probe compares hashes without
 * leaving the slot array; each entry holds its arena offset and length side by side.
 *
 * @example
 * const c = new ByteKeyCache(); const b = Buffer.from('AB12CDE');
 * const h = ByteKeyCache.hash(b, 0, 7); c.insert(b, 0, 7, h, 42);
 * c.values[c.find(b, 0, 7, h)] // 42
 */
export class ByteKeyCache {
  private slots: Int32Array; // pairs: [hash, entry index + 1]; index 0 = empty
  private mask: number; // slot count - 1 (a power of two)
  private arena: Uint8Array;
  private used = 0;
  private keys: Int32Array; // pairs: [arena offset, length]
  private hashes: Int32Array;
  values: Int32Array;
  size = 0;

  /** `capacity`: entries before the first growth (rounded up to a power of two). */
  constructor(capacity = 1 << 12) {
    const cap = 2 ** Math.ceil(Math.log2(Math.max(2, capacity)));
    this.slots = new Int32Array(cap * 4);
    this.mask = cap * 2 - 1;
    this.arena = new Uint8Array(cap * 8);
    this.keys = new Int32Array(cap * 2);
    this.hashes = new Int32Array(cap);
    this.values = new Int32Array(cap);
  }

  /** FNV-1a hash of buf[s, e). */
  static hash(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    return h;
  }

  /** Entry index of the key buf[s, e) with hash h, or -1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    const slots = this.slots, mask = this.mask;
    for (let p = (h ^ (h >>> 15)) & mask; ; p = (p + 1) & mask) {
      const x = slots[2 * p + 1];
      if (x === 0) return -1;
      if (slots[2 * p] === h) {
        const k = x - 1, keys = this.keys;
        if (keys[2 * k + 1] === len) {
          const o = keys[2 * k], arena = this.arena;
          let j = 0;
          while (j < len && arena[o + j] === buf[s + j]) j++;
          if (j === len) return k;
        }
      }
    }
  }

  /** Insert a key known to be absent, with its value; returns its entry index. */
  insert(buf: Uint8Array, s: number, e: number, h: number, value: number): number {
    if (this.size + 1 > this.hashes.length) this.grow();
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      a.set(this.arena); this.arena = a;
    }
    const k = this.size++;
    this.arena.set(buf.subarray(s, e), this.used);
    this.keys[2 * k] = this.used; this.keys[2 * k + 1] = len; this.hashes[k] = h; this.values[k] = value;
    this.used += len;
    this.place(k, h);
    return k;
  }

  private place(k: number, h: number): void {
    const slots = this.slots, mask = this.mask;
    for (let p = (h ^ (h >>> 15)) & mask; ; p = (p + 1) & mask) {
      if (slots[2 * p + 1] === 0) { slots[2 * p] = h; slots[2 * p + 1] = k + 1; return; }
    }
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    const ks = new Int32Array(cap * 2); ks.set(this.keys); this.keys = ks;
    const hs = new Int32Array(cap); hs.set(this.hashes); this.hashes = hs;
    const vs = new Int32Array(cap); vs.set(this.values); this.values = vs;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap * 2 - 1;
    for (let k = 0; k < this.size; k++) this.place(k, this.hashes[k]);
  }
}
