import { describe, expect, it } from 'vitest';
import { createRng, deriveRng, seedKey } from '../../../kernel-lib/src/synth/prng';
import { plateFor } from '../../../kernel-lib/src/synth/plates';
import { misread } from '../../../kernel-lib/src/synth/noise';
import { findTown, scenarioTowns } from '../../../kernel-lib/src/synth/geography';
import { scenarios } from '../../../kernel-lib/src/synth/scenarios';
import { buildSites } from '../../../kernel-lib/src/synth/sites';

describe('prng', () => {
  it('is a pure function of the seed and the derivation key', () => {
    const a = createRng('demo'), b = createRng('demo'), c = createRng('demo2');
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
    const k = seedKey('demo');
    expect(deriveRng(k, 3, 17, 0).next()).toBe(deriveRng(k, 3, 17, 0).next());
    expect(deriveRng(k, 3, 17, 0).next()).not.toBe(deriveRng(k, 3, 17, 1).next());
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('plates', () => {
  it('gives distinct UK-format plates for distinct vehicle numbers, all starting with Z (never issued)', () => {
    const key = seedKey('demo');
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(plateFor(key, i));
    expect(seen.size).toBe(50_000);
    for (const p of [...seen].slice(0, 2000)) expect(p).toMatch(/^(Z[A-Y]\d\d[A-Z]{3}|Z\d{1,2}[A-Y]{3})$/);
    expect(plateFor(seedKey('other'), 0)).not.toBe(plateFor(key, 0));
  });

  it('misreads swap one look-alike character', () => {
    const r = createRng('m');
    const m = misread('AB12CDE', r);
    expect(m).not.toBe('AB12CDE');
    expect(m.length).toBe(7);
    expect(misread('HJK', r)).toBe('HJK');
  });
});

describe('geography and sites', () => {
  it('looks towns up in GeoNames, disambiguating by country part', () => {
    const b = findTown({ name: 'Bangor', admin: 'WLS' });
    expect(b.lat).toBeCloseTo(53.23, 1);
    expect(b.lon).toBeCloseTo(-4.13, 1);
    expect(findTown({ name: 'Barrow-in-Furness' }).population).toBeGreaterThan(40000);
    expect(() => findTown({ name: 'Nowhere-on-Sea' })).toThrow(/not found/);
  });

  for (const name of Object.keys(scenarios)) {
    it(`${name}: hub, markets and background towns; a few hundred cameras`, () => {
      const towns = scenarioTowns(scenarios[name]);
      expect(towns[0].kind).toBe('hub');
      expect(towns.filter((t) => t.kind === 'market').length).toBe(scenarios[name].markets.length);
      expect(towns.filter((t) => t.kind === 'background').length).toBeGreaterThan(10);
      const net = buildSites(towns, createRng('sites'));
      expect(net.sites.length).toBeGreaterThan(200);
      expect(net.sites.length).toBeLessThan(800);
      expect(new Set(net.sites.map((s) => s.id)).size).toBe(net.sites.length);
      for (const s of net.sites) {
        expect(s.lat).toBeGreaterThan(49.9); expect(s.lat).toBeLessThan(55.5);
        expect(s.lon).toBeGreaterThan(-6); expect(s.lon).toBeLessThan(2);
      }
    });
  }
});
