/** Market discovery (method/county-lines/discover-markets.ts), through the finder with no markets given. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCountyLines, loadReads, synthesize, type ReadStore } from '../../../kernel-lib/src';

let dir = '', store: ReadStore, hub: unknown, bigStore: ReadStore;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-discover-'));
  const s = await synthesize({ scenario: 'merseyside', days: 7, seed: 'discover', vehicles: 300, out: path.join(dir, 'small') });
  hub = JSON.parse(readFileSync(s.files.hub, 'utf8'));
  ({ store } = await loadReads({ reads: s.files.reads, sites: path.join(dir, 'small', 'sites.csv') }));
  // Three weeks of 3000 vehicles: busy neighbouring towns, and markets with many regulars.
  const b = await synthesize({ scenario: 'merseyside', days: 21, seed: 'discover', vehicles: 3000, out: path.join(dir, 'big') });
  ({ store: bigStore } = await loadReads({ reads: b.files.reads, sites: path.join(dir, 'big', 'sites.csv') }));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (r: { markets: { name: string }[] }) => r.markets.map((m) => m.name);

const relaxed = { minVisits: 1, minVisitShare: 0, maxChanceShare: 1, minRegularsShare: 0 };

describe('discovered markets', () => {
  it('are places where several hub-based vehicles stop and some come back to again and again, most regulars first', () => {
    const r = findCountyLines(store, { hub: hub as never });
    expect(r.markets.length).toBeGreaterThan(2);
    for (const m of r.markets) {
      expect(m.discovered).toBe(true);
      expect(m.vehicles).toBeGreaterThanOrEqual(3);
      expect(m.regulars).toBeGreaterThan(0);
      expect(m.regulars).toBeLessThanOrEqual(m.vehicles!);
      expect(m.reason).toMatch(new RegExp(`^${m.regulars} of the ${m.vehicles} hub-based vehicles that stop here came back again and again \\(3 or more hub tours, at least 50 % of their stops away from the hub\\); chance would give a place this busy (almost none|about \\d+\\.\\d)$`));
    }
    const regulars = r.markets.map((m) => m.regulars ?? 0);
    expect(regulars).toEqual([...regulars].sort((a, b) => b - a));
    expect(regulars.at(-1)).toBeGreaterThanOrEqual(0.1 * regulars[0]); // minRegularsShare
  });
  it('without the regulars tests, are every place where minVehicles hub-based vehicles stop, most visited first (the rule before)', () => {
    const all = findCountyLines(store, { hub: hub as never, params: { discover: relaxed } }).markets;
    expect(all.every((m) => m.regulars === m.vehicles && m.vehicles! >= 3)).toBe(true);
    const visits = all.map((m) => m.vehicles ?? 0);
    expect(visits).toEqual([...visits].sort((a, b) => b - a));
    const found = names(findCountyLines(store, { hub: hub as never }));
    expect(found.length).toBeLessThan(all.length);
    expect(found.every((n) => all.some((m) => m.name === n))).toBe(true);
  });
  it('stop at maxDistanceKm from the hub (default: no limit), keeping the order of those left', () => {
    const all = names(findCountyLines(store, { hub: hub as never, params: { discover: relaxed } }));
    const near = names(findCountyLines(store, { hub: hub as never, params: { discover: { ...relaxed, maxDistanceKm: 40 } } }));
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    expect(all.filter((n) => near.includes(n))).toEqual(near);
    expect(names(findCountyLines(store, { hub: hub as never, params: { discover: { ...relaxed, maxDistanceKm: 4 } } }))).toEqual([]); // all closer than minDistanceKm (5) are suburbs
  });
  it('leave out busy places whose regulars chance explains, and places with a few regulars beside places with many', () => {
    const markets = (discover: object) => findCountyLines(bigStore, { hub: hub as never, params: { discover } }).markets;
    const found = markets({});
    const noChance = markets({ maxChanceShare: 1 }), noShare = markets({ minRegularsShare: 0 });
    for (const more of [noChance, noShare]) {
      expect(found.every((m) => more.some((x) => x.name === m.name))).toBe(true);
      expect(more.length).toBeGreaterThan(found.length);
    }
    const busiest = Math.max(...found.map((m) => m.vehicles!));
    const byChance = noChance.filter((m) => !found.some((x) => x.name === m.name));
    expect(byChance.every((m) => m.vehicles! > busiest)).toBe(true); // busier than any market, its regulars no more than chance gives
    const few = noShare.filter((m) => !found.some((x) => x.name === m.name));
    expect(few.every((m) => m.regulars! < 0.1 * found[0].regulars!)).toBe(true);
  });
});
