import { describe, expect, it } from 'vitest';
import { buildStore, frequency, londonHour, siteIndex, siteRange, type ReadRow } from '../../../kernel-lib/src';
import { at, rng, sites } from '../trips/fixture';

const ids = ['H1', 'H2', 'R1', 'M1', 'M2', 'C1'];
function randomStore(seed: number, n = 200) {
  const r = rng(seed);
  const rows: ReadRow[] = [];
  for (let k = 0; k < n; k++) rows.push({ vrm: `V${Math.floor(r() * 8)}`, time: at(6, 0) + Math.floor(r() * 3 * 86_400) * 1000, site: ids[Math.floor(r() * 6)] });
  return buildStore(rows, sites);
}

describe('siteIndex (property)', () => {
  it('orders every read by (site, time), once, and answers ranges like a scan', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const s = randomStore(seed);
      const ix = siteIndex(s);
      expect(siteIndex(s)).toBe(ix); // cached per store
      expect([...ix.read].sort((a, b) => a - b)).toEqual(Array.from({ length: s.n }, (_, i) => i));
      for (let site = 0; site < ids.length; site++) {
        for (let k = ix.siteStart[site]; k < ix.siteStart[site + 1]; k++) {
          expect(s.site[ix.read[k]]).toBe(site);
          if (k > ix.siteStart[site]) expect(ix.time[k]).toBeGreaterThanOrEqual(ix.time[k - 1]);
        }
        const t0 = at(6, 0) + seed * 3_600_000, t1 = t0 + 6 * 3_600_000;
        const [lo, hi] = siteRange(ix, site, t0, t1);
        const want = [];
        for (let i = 0; i < s.n; i++) if (s.site[i] === site && s.time[i] >= t0 && s.time[i] <= t1) want.push(i);
        expect(Array.from(ix.read.subarray(lo, hi)).sort((a, b) => a - b)).toEqual(want);
      }
      const hourly = new Float64Array(ids.length * 24);
      for (let i = 0; i < s.n; i++) hourly[s.site[i] * 24 + Math.floor(londonHour(s.time[i]))]++;
      expect(Array.from(ix.hourly)).toEqual(Array.from(hourly));
    }
  });
});

describe('siteIndex edge cases', () => {
  it('handles reads exactly on hour boundaries, fractional milliseconds and the clock change', () => {
    const t0 = Date.UTC(2025, 2, 30, 0, 0); // 30 March 2025: BST starts at 01:00 UTC
    const rows: ReadRow[] = [0, 1, 3_599_999, 3_600_000, 3_600_000.5, 7_200_000, 5 * 3_600_000].map((d, k) => ({ vrm: `V${k % 2}`, time: t0 + d, site: 'H1' }));
    const s = buildStore(rows, sites);
    const ix = siteIndex(s);
    const h1 = s.sites.id.indexOf('H1');
    expect(Array.from(ix.time.subarray(ix.siteStart[h1], ix.siteStart[h1 + 1]))).toEqual([...rows.map((r) => r.time)].sort((a, b) => a - b));
    const hours = Array.from(ix.hourly.subarray(h1 * 24, h1 * 24 + 24));
    expect(hours[0]).toBe(3); // 00:00, 00:00:00.001, 00:59:59.999 GMT
    expect(hours[1]).toBe(0); // the missing hour
    expect(hours[2]).toBe(2); // 01:00 UTC = 02:00 BST, and 0.5 ms later
    expect(hours[3]).toBe(1); // 02:00 UTC = 03:00 BST
    expect(hours[6]).toBe(1);
  });
});

describe('frequency (property)', () => {
  it('max reads in a window agrees with a brute-force count', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const s = randomStore(seed, 300);
      const T = 120 * 60_000;
      const got = new Map(frequency(s, { sites: ['H1', 'R1'], minReads: 2, withinMinutes: 120 }).rows.map((r) => [r.vrm, r.maxReads]));
      for (let v = 0; v < s.vrms.length; v++) {
        const ts: number[] = [];
        for (let i = s.vehicleStart[v]; i < s.vehicleStart[v + 1]; i++) if (['H1', 'R1'].includes(s.sites.id[s.site[i]])) ts.push(s.time[i]);
        let best = 0;
        for (const t of ts) best = Math.max(best, ts.filter((u) => u >= t && u - t <= T).length);
        expect(got.get(s.vrms[v]) ?? (best >= 2 ? -1 : best)).toBe(best);
      }
    }
  });
});
