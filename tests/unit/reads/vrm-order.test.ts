import { describe, expect, it } from 'vitest';
import { inVrmOrder } from '../../../kernel-lib/src/reads/store-from-columns';

/** The reference: codes with reads, by string order, ties by code. */
const reference = (vrms: string[], perRead: Uint32Array) =>
  vrms.map((_, c) => c).filter((c) => perRead[c] > 0).sort((a, b) => (vrms[a] < vrms[b] ? -1 : vrms[a] > vrms[b] ? 1 : a - b));

/** Seeded plates of 0-8 characters from `alphabet`, some repeated. */
function plates(n: number, seed: number, alphabet: string, maxLength = 8): string[] {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && rand() < 0.1) { out.push(out[Math.floor(rand() * i)]); continue; }
    const len = Math.floor(rand() * (maxLength + 1));
    let v = '';
    for (let j = 0; j < len; j++) v += alphabet[Math.floor(rand() * alphabet.length)];
    out.push(v);
  }
  return out;
}

describe('inVrmOrder', () => {
  it('runs its example', () => {
    expect(Array.from(inVrmOrder(['ZZ1', 'AB1', 'X'], Uint32Array.of(1, 4, 0)))).toEqual([1, 0]);
  });
  it('orders plates of letters and digits as the string order does, equal plates by code, unused codes left out', () => {
    for (const seed of [1, 2, 3]) {
      // A small alphabet makes shared prefixes, prefixes of one another ('AB' < 'AB0') and repeats common.
      for (const alphabet of ['0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', '09AZ']) {
        const vrms = plates(5000, seed, alphabet);
        const perRead = Uint32Array.from(vrms, (_, c) => (c % 7 === 3 ? 0 : 1 + (c % 3)));
        expect(Array.from(inVrmOrder(vrms, perRead))).toEqual(reference(vrms, perRead));
      }
    }
  });
  it('falls back to the string comparison for longer plates or other characters, with the same order', () => {
    for (const [alphabet, maxLength] of [['AB01', 12], ['ab01AB-', 6], ['AÉ0', 5]] as const) {
      const vrms = plates(3000, 9, alphabet, maxLength);
      const perRead = new Uint32Array(vrms.length).fill(1);
      expect(Array.from(inVrmOrder(vrms, perRead))).toEqual(reference(vrms, perRead));
    }
  });
  it('takes an empty dictionary', () => {
    expect(inVrmOrder([], new Uint32Array(0)).length).toBe(0);
  });
});
