/** Regulars of a place and the regulars chance gives it (method/county-lines/place-regulars.ts). */
import { describe, expect, it } from 'vitest';
import { binomialAtLeast, placeRegulars, visitsForRegular, type HubStops } from '../../../kernel-lib/src/method/county-lines/place-regulars';

const rule = { minVisits: 3, minVisitShare: 0.5 };

/** P(X ≥ k), X ~ Binomial(n, q), summed directly (small n only). */
function bruteAtLeast(n: number, q: number, k: number): number {
  let p = 0, c = 1;
  for (let j = 0; j <= n; j++) {
    if (j >= k) p += c * q ** j * (1 - q) ** (n - j);
    c = (c * (n - j)) / (j + 1);
  }
  return p;
}

/** Stops from (vehicle, place, stop tours) rows. */
function stopsOf(rows: [number, number, number][]): HubStops {
  const s: HubStops = { byPlace: new Map(), byVehicle: new Map(), total: 0 };
  for (const [v, p, n] of rows) {
    let at = s.byPlace.get(p);
    if (!at) s.byPlace.set(p, (at = new Map()));
    at.set(v, (at.get(v) ?? 0) + n);
    s.byVehicle.set(v, (s.byVehicle.get(v) ?? 0) + n);
    s.total += n;
  }
  return s;
}

describe('binomialAtLeast', () => {
  it('is the binomial upper tail, at the edges too', () => {
    expect(binomialAtLeast(4, 0.5, 3)).toBeCloseTo(5 / 16, 12);
    for (const [n, q, k] of [[10, 0.2, 3], [7, 0.9, 7], [12, 0.03, 1], [30, 0.4, 15]]) expect(binomialAtLeast(n, q, k)).toBeCloseTo(bruteAtLeast(n, q, k), 12);
    expect(binomialAtLeast(5, 0.3, 0)).toBe(1);
    expect(binomialAtLeast(5, 0.3, 6)).toBe(0);
    expect(binomialAtLeast(5, 0, 1)).toBe(0);
    expect(binomialAtLeast(5, 1, 5)).toBe(1);
  });
  it('does not underflow for many trials', () => {
    // P(X ≥ 1000), X ~ Binomial(2000, 0.5) = 1/2 + P(X = 1000)/2 ≈ 0.50892 ((0.5)^2000 alone underflows).
    expect(binomialAtLeast(2000, 0.5, 1000)).toBeCloseTo(0.50892, 4);
  });
});

describe('regulars of a place', () => {
  it('a regular stops there on minVisits hub tours, and on minVisitShare of its stop tours', () => {
    expect(visitsForRegular(4, rule)).toBe(3);
    expect(visitsForRegular(7, rule)).toBe(4);
    expect(visitsForRegular(10, rule)).toBe(5);
    const r = placeRegulars(stopsOf([[1, 9, 3], [1, 8, 1], [2, 9, 3], [2, 8, 4], [3, 9, 2]]), rule).get(9)!;
    expect(r.vehicles).toBe(3);
    expect(r.regulars).toBe(1); // vehicle 2 stops at 9 three times, but more often elsewhere; vehicle 3 only twice
  });
  it('counts the regulars chance gives: each vehicle spreads its stop tours over places as all stops are spread', () => {
    const stops: HubStops = { byPlace: new Map([[1, new Map([[7, 4]])]]), byVehicle: new Map([[7, 5], [8, 5]]), total: 10 };
    // q = 4/10; two vehicles with 5 stop tours each; P(Bin(5, 0.4) ≥ 3) = 0.31744.
    expect(placeRegulars(stops, rule).get(1)).toEqual({ vehicles: 1, regulars: 1, expected: expect.closeTo(0.63488, 10) });
  });
  it('a busy place gets many regulars by chance, a market gets them on purpose', () => {
    const rows: [number, number, number][] = [];
    // 100 vehicles of the crowd, ten stop tours each: five at the busy place 1, five spread over places 2-6.
    for (let v = 0; v < 100; v++) rows.push([v, 1, 5], [v, 2 + (v % 5), 5]);
    // 5 vehicles that go to place 9, and only there, six times each.
    for (let v = 100; v < 105; v++) rows.push([v, 9, 6]);
    const r = placeRegulars(stopsOf(rows), rule);
    const busy = r.get(1)!, market = r.get(9)!;
    expect(busy.regulars).toBe(100);
    expect(busy.expected / busy.regulars).toBeGreaterThan(0.5);
    expect(market.regulars).toBe(5);
    expect(market.expected / market.regulars).toBeLessThan(0.01);
  });
});
