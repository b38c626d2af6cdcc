/**
 * Internal: a hash table keyed by byte ranges (open addressing, FNV-1a), so the CSV hot loop
 * can look up a VRM or site field without first making a JS string. Values are int32.
 *
 * @example
 * const c = new ByteKeyCache(); const b = Buffer.from('AB12CDE');
 * const h = ByteKeyCache.hash(b, 0, 7); c.insert(b, 0, 7, h, 42);
 * c.values[c.find(b, 0, 7, h)] // 42
 */
export class ByteKeyCache {
  private slots: Int32Array; // entry index + 1, 0 = empty
  private mask: number;
  private arena: Uint8Array;
  private used = 0;
  private keyStart: Int32Array;
  private keyLen: Int32Array;
  private hashes: Int32Array;
  values: Int32Array;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    this.arena = new Uint8Array(capacity * 8);
    this.keyStart = new Int32Array(capacity);
    this.keyLen = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
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
    const slots = this.slots, mask = this.mask, arena = this.arena;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const x = slots[p];
      if (x === 0) return -1;
      const k = x - 1;
      if (this.hashes[k] === h && this.keyLen[k] === len) {
        const o = this.keyStart[k];
        let j = 0;
        while (j < len && arena[o + j] === buf[s + j]) j++;
        if (j === len) return k;
      }
    }
  }

  /** Insert a key known to be absent, with its value; returns its entry index. */
  insert(buf: Uint8Array, s: number, e: number, h: number, value: number): number {
    if ((this.size + 1) * 2 > this.keyStart.length) this.grow();
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      a.set(this.arena); this.arena = a;
    }
    const k = this.size++;
    this.arena.set(buf.subarray(s, e), this.used);
    this.keyStart[k] = this.used; this.keyLen[k] = len; this.hashes[k] = h; this.values[k] = value;
    this.used += len;
    this.place(k, h);
    return k;
  }

  private place(k: number, h: number): void {
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      if (this.slots[p] === 0) { this.slots[p] = k + 1; return; }
    }
  }

  private grow(): void {
    const cap = this.keyStart.length * 2;
    const ks = new Int32Array(cap); ks.set(this.keyStart); this.keyStart = ks;
    const kl = new Int32Array(cap); kl.set(this.keyLen); this.keyLen = kl;
    const hs = new Int32Array(cap); hs.set(this.hashes); this.hashes = hs;
    const vs = new Int32Array(cap); vs.set(this.values); this.values = vs;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    for (let k = 0; k < this.size; k++) this.place(k, this.hashes[k]);
  }
}
