import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The robustness benchmark's spec files: what may be tuned on, and what is held out. */
const ROOT = path.resolve(__dirname, '../../..');
const variants = JSON.parse(readFileSync(path.join(ROOT, 'bench/methods/variants.json'), 'utf8'));
const second = JSON.parse(readFileSync(path.join(ROOT, 'bench/second-sim/scenarios.json'), 'utf8'));
const third = JSON.parse(readFileSync(path.join(ROOT, 'bench/third-sim/scenarios.json'), 'utf8'));
const fourth = JSON.parse(readFileSync(path.join(ROOT, 'bench/fourth-sim/scenarios.json'), 'utf8'));
const fifth = JSON.parse(readFileSync(path.join(ROOT, 'bench/fifth-sim/scenarios.json'), 'utf8'));
const sixth = JSON.parse(readFileSync(path.join(ROOT, 'bench/sixth-sim/scenarios.json'), 'utf8'));

describe('the tuning and held-out split of bench:methods', () => {
  it('at most 4 tuning variants across the generators', () => {
    expect(variants.tuning.length + [second, third, fourth, fifth, sixth].filter((g) => g.tuning).length).toBeLessThanOrEqual(4);
  });
  it('the fifth and sixth generators are never tuned on: no tuning variant, and the fits do not name them', () => {
    for (const g of [fifth, sixth]) {
      expect(g.tuning).toBeUndefined();
      expect(g.scenarios.length).toBeGreaterThanOrEqual(4);
    }
    const fits = ['scripts/lib/fit.mjs', 'scripts/fit-scorer.mjs', 'scripts/fit-lines.mjs'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
    expect(fits).not.toMatch(/fifth|sixth/i);
  });
  it('bench:methods runs every independent generator, each under its own role', async () => {
    // @ts-expect-error plain ESM script without types
    const { GENERATORS, loadSim } = await import('../../../bench/methods/variant.mjs');
    expect(Object.values(GENERATORS).map((g) => (g as { role: string }).role)).toEqual(['second generator', 'third generator', 'fourth generator', 'fifth generator', 'sixth generator']);
    expect(loadSim('sixth').seeds).toEqual(sixth.seeds);
  });
  for (const [name, g, region] of [['second', second, 'south_west'], ['third', third, 'east_midlands'], ['fourth', fourth, 'greater_manchester']] as const) {
    it(`the ${name} generator is tuned on at its own seeds, never the held-out ones, in ${region} only`, () => {
      expect(g.tuning.seeds.length).toBeGreaterThan(0);
      for (const s of g.tuning.seeds) expect([...g.seeds, ...variants.seeds]).not.toContain(s);
      expect(g.tuning.region).toBe(region);
      expect(g.scenarios.some((s: { region: string }) => s.region !== g.tuning.region)).toBe(true);
    });
  }
  it('each tuning seed takes the next window', async () => {
    // @ts-expect-error plain ESM script without types
    const { tuningRuns } = await import('../../../bench/methods/variant.mjs');
    const runs = tuningRuns(second) as [{ name: string; days: number; start: string; region: string }, string][];
    expect(runs.map(([, seed]) => seed)).toEqual(second.tuning.seeds);
    expect(runs.slice(0, 3).map(([s]) => `${s.region} ${s.days} ${s.start}`)).toEqual([
      `south_west ${second.tuning.windows[0].days} ${second.tuning.windows[0].start}`,
      `south_west ${second.tuning.windows[1].days} ${second.tuning.windows[1].start}`,
      `south_west ${second.tuning.windows[0].days} ${second.tuning.windows[0].start}`,
    ]);
  });
});
