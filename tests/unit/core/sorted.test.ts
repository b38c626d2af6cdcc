// firstAtLeast: the first position whose key reaches t, as a linear scan finds it.
import { describe, expect, it } from 'vitest';
import { firstAtLeast } from '../../../kernel-lib/src/core/sorted';

describe('firstAtLeast', () => {
  it('gives the first key at least t, or the length when none is', () => {
    const keys = [1, 3, 3, 8];
    expect(firstAtLeast(4, (k) => keys[k], 3)).toBe(1);
    for (const t of [-1, 1, 2, 3, 4, 8, 9]) expect(firstAtLeast(keys.length, (k) => keys[k], t)).toBe(keys.findIndex((x) => x >= t) === -1 ? keys.length : keys.findIndex((x) => x >= t));
    expect(firstAtLeast(0, () => 0, 5)).toBe(0);
  });
});
