/** Market discovery (method/county-lines/discover-markets.ts), through the finder with no markets given. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCountyLines, loadReads, synthesize, type ReadStore } from '../../../kernel-lib/src';

let dir = '', store: ReadStore, hub: unknown;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-discover-'));
  const s = await synthesize({ scenario: 'merseyside', days: 7, seed: 'discover', vehicles: 300, out: dir });
  hub = JSON.parse(readFileSync(s.files.hub, 'utf8'));
  ({ store } = await loadReads({ reads: s.files.reads, sites: path.join(dir, 'sites.csv') }));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (r: { markets: { name: string }[] }) => r.markets.map((m) => m.name);

describe('discovered markets', () => {
  it('are places where several hub-based vehicles stop, most visited first', () => {
    const r = findCountyLines(store, { hub: hub as never });
    expect(r.markets.length).toBeGreaterThan(2);
    expect(r.markets.every((m) => m.discovered && (m.vehicles ?? 0) >= 3)).toBe(true);
    const visits = r.markets.map((m) => m.vehicles ?? 0);
    expect(visits).toEqual([...visits].sort((a, b) => b - a));
  });
  it('stop at maxDistanceKm from the hub (default: no limit), keeping the order of those left', () => {
    const all = names(findCountyLines(store, { hub: hub as never }));
    const near = names(findCountyLines(store, { hub: hub as never, params: { discover: { maxDistanceKm: 40 } } }));
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    expect(all.filter((n) => near.includes(n))).toEqual(near);
    expect(names(findCountyLines(store, { hub: hub as never, params: { discover: { maxDistanceKm: 4 } } }))).toEqual([]); // all closer than minDistanceKm (5) are suburbs
  });
});
