/**
 * Synthetic UK registration marks. Vehicle number i maps to a plate through a seeded
 * permutation (Feistel network, cycle-walking), so plates are random-looking yet distinct
 * by construction, with no set of issued plates held in memory. Mostly current format
 * (ZB12 CDE), a few prefix format (Z123 ABC).
 *
 * Never a real plate: every synthetic plate starts with Z, which the DVLA does not issue as
 * the first letter of a current-format memory tag nor as a prefix-format age letter.
 */
import type { SeedKey } from './prng';

const AREA1 = 'Z';                            // first letter of the memory tag: never issued
const LET23 = 'ABCDEFGHJKLMNOPRSTUVWXY';       // no I, Q, Z
const LET24 = 'ABCDEFGHJKLMNOPRSTUVWXYZ';      // random letters: no I, Q
const AGES = Array.from({ length: 24 }, (_, i) => String(i + 2).padStart(2, '0')).concat(Array.from({ length: 24 }, (_, i) => String(i + 51)));
const PREFIX_YEARS = 'Z';                     // prefix age letter: never issued

const N_CURRENT = AREA1.length * LET23.length * AGES.length * 24 * 24 * 24;
const N_PREFIX = PREFIX_YEARS.length * 99 * 23 * 23 * 23;
const DOMAIN = N_CURRENT + N_PREFIX;
const HALF_BITS = 12; // 2^24 > DOMAIN (~16.4M), so cycle-walking stays short
const HALF = 1 << HALF_BITS;

function round(x: number, k: number, r: number): number {
  let h = Math.imul(x ^ k, 0x9e3779b1) ^ Math.imul(r + 1, 0x85ebca6b);
  h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d); h ^= h >>> 12;
  return (h >>> 0) & (HALF - 1);
}

function feistel(x: number, key: SeedKey): number {
  let l = Math.floor(x / HALF), r = x % HALF;
  for (let i = 0; i < 4; i++) { const nl = r; r = l ^ round(r, key[i], i); l = nl; }
  return l * HALF + r;
}

function decode(n: number): string {
  if (n < N_CURRENT) {
    const c3 = n % 24; n = Math.floor(n / 24);
    const c2 = n % 24; n = Math.floor(n / 24);
    const c1 = n % 24; n = Math.floor(n / 24);
    const age = n % AGES.length; n = Math.floor(n / AGES.length);
    const a2 = n % LET23.length; n = Math.floor(n / LET23.length);
    return AREA1[n] + LET23[a2] + AGES[age] + LET24[c1] + LET24[c2] + LET24[c3];
  }
  n -= N_CURRENT;
  const c3 = n % 23; n = Math.floor(n / 23);
  const c2 = n % 23; n = Math.floor(n / 23);
  const c1 = n % 23; n = Math.floor(n / 23);
  const num = (n % 99) + 1; n = Math.floor(n / 99);
  return PREFIX_YEARS[n] + num + LET23[c1] + LET23[c2] + LET23[c3];
}

/**
 * The plate of vehicle number `i` (0-based) for a seed key; distinct i give distinct plates.
 * @example
 * plateFor(seedKey('demo'), 0); // e.g. 'ZM19XPL' (no spaces)
 */
export function plateFor(key: SeedKey, i: number): string {
  if (i < 0 || i >= DOMAIN) throw new RangeError(`plate index ${i} out of range`);
  let x = i;
  do { x = feistel(x, key); } while (x >= DOMAIN);
  return decode(x);
}
