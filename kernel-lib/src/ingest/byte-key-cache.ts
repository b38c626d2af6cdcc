/**
 * Internal: a hash table keyed by byte ranges (open addressing, FNV-1a), so the CSV hot loop
 * can look up a VRM or site field without first making a JS string. Values are int32.
 *
 * Layout for few cache misses per lookup on big tables (hundreds of thousands of plates):
 * each slot holds [hash, entry number + 1, packed key low, packed key high]. A key of up to
 * 7 bytes (every UK plate) is packed whole into the slot with its length, so a lookup is
 * decided without leaving the slot array; a longer key is compared in the arena.
 *
 * @example
 * const c = new ByteKeyCache(); const b = Buffer.from('AB12CDE');
 * const h = ByteKeyCache.hash(b, 0, 7); c.insert(b, 0, 7, h, 42);
 * c.values[c.find(b, 0, 7, h)] // 42
 */
export class ByteKeyCache {
  private slots: Int32Array; // per slot: [hash, entry index + 1 (0 = empty), packed low, packed high]
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
    this.slots = new Int32Array(cap * 8);
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
    if (len <= 7) {
      const lo = packLo(buf, s, len), hi = packHi(buf, s, len);
      for (let p = (h ^ (h >>> 15)) & mask; ; p = (p + 1) & mask) {
        const q = 4 * p, x = slots[q + 1];
        if (x === 0) return -1;
        if (slots[q] === h && slots[q + 2] === lo && slots[q + 3] === hi) return x - 1;
      }
    }
    for (let p = (h ^ (h >>> 15)) & mask; ; p = (p + 1) & mask) {
      const q = 4 * p, x = slots[q + 1];
      if (x === 0) return -1;
      if (slots[q] === h && slots[q + 3] === LONG) {
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
    const o = this.keys[2 * k], len = this.keys[2 * k + 1];
    const lo = len <= 7 ? packLo(this.arena, o, len) : 0, hi = len <= 7 ? packHi(this.arena, o, len) : LONG;
    for (let p = (h ^ (h >>> 15)) & mask; ; p = (p + 1) & mask) {
      const q = 4 * p;
      if (slots[q + 1] === 0) { slots[q] = h; slots[q + 1] = k + 1; slots[q + 2] = lo; slots[q + 3] = hi; return; }
    }
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    const ks = new Int32Array(cap * 2); ks.set(this.keys); this.keys = ks;
    const hs = new Int32Array(cap); hs.set(this.hashes); this.hashes = hs;
    const vs = new Int32Array(cap); vs.set(this.values); this.values = vs;
    this.slots = new Int32Array(cap * 8);
    this.mask = cap * 2 - 1;
    for (let k = 0; k < this.size; k++) this.place(k, this.hashes[k]);
  }
}

/** Marks a slot whose key is longer than 7 bytes (a packed short key's high word is below 2^27). */
const LONG = -1;

/** Bytes 0-3 of a key of at most 7 bytes, little-endian (missing bytes 0). */
function packLo(b: Uint8Array, s: number, len: number): number {
  return (len > 0 ? b[s] : 0) | (len > 1 ? b[s + 1] << 8 : 0) | (len > 2 ? b[s + 2] << 16 : 0) | (len > 3 ? b[s + 3] << 24 : 0);
}

/** Bytes 4-6 of a key of at most 7 bytes and its length (bits 24-26). */
function packHi(b: Uint8Array, s: number, len: number): number {
  return (len > 4 ? b[s + 4] : 0) | (len > 5 ? b[s + 5] << 8 : 0) | (len > 6 ? b[s + 6] << 16 : 0) | (len << 24);
}
