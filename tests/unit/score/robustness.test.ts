import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateScenario, minMedian, readVariantSpec, variantScenario } from '../../../kernel-lib/src/score/robustness';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'anpr-robustness-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('robustness runs', () => {
  it('reads the committed variants file: at most 4 tuning variants, each listed, two seeds', () => {
    const spec = readVariantSpec(path.resolve(__dirname, '../../../bench/methods/variants.json'));
    expect(spec.tuning.length).toBeGreaterThan(0);
    expect(spec.tuning.length).toBeLessThanOrEqual(4);
    expect(spec.variants.length - spec.tuning.length).toBeGreaterThanOrEqual(12);
    expect(spec.seeds.length).toBeGreaterThanOrEqual(2);
  });
  it('refuses a variants file with too many or unknown tuning variants', () => {
    const f = path.join(tmp, 'bad.json');
    writeFileSync(f, JSON.stringify({ seeds: ['a'], tuning: ['x'], variants: [{ name: 'y', scenario: 'merseyside', days: 7 }] }));
    expect(() => readVariantSpec(f)).toThrow(/tuning variant "x" is not among the variants/);
    writeFileSync(f, JSON.stringify({ seeds: ['a'], tuning: ['a', 'b', 'c', 'd', 'e'], variants: [] }));
    expect(() => readVariantSpec(f)).toThrow(/at most 4 variant names/);
  });
  it('minimum and median of the finite values', () => {
    expect(minMedian([0.9, 0.8, NaN, 0.95])).toEqual({ min: 0.8, median: 0.9 });
    expect(minMedian([1, 2, 3, 4])).toEqual({ min: 1, median: 2.5 });
    expect(minMedian([NaN])).toEqual({ min: NaN, median: NaN });
  });
  it('generates a family scenario once (a changed family is another folder) and scores the finder on it', async () => {
    const v = { name: 'tiny', scenario: 'merseyside', days: 7, start: '2025-03-03', vehicles: 400, family: { runners: { fixedPlateShare: [0, 0] as [number, number] } } };
    const dir = await variantScenario(v, 'a', tmp);
    expect(await variantScenario(v, 'a', tmp)).toBe(dir);
    const other = await variantScenario({ ...v, family: { runners: { fixedPlateShare: [1, 1] as [number, number] } } }, 'a', tmp);
    expect(other).not.toBe(dir);
    const { row, result } = await evaluateScenario(dir, { variant: 'tiny', seed: 'a' });
    expect(row.truthCount).toBeGreaterThan(0);
    expect(row.ceiling).toBeGreaterThan(0);
    expect(row.ceiling).toBeLessThanOrEqual(1);
    expect(row.ap).toBeLessThanOrEqual(row.ceiling + 1e-12); // unscored runner plates count as misses
    expect(row.decoysTop50.total).toBe(Object.entries(row.decoysTop50).filter(([k]) => k !== 'total').reduce((s, [, n]) => s + n, 0));
    expect(row.lines.foundPairs).toBe(result.lines.reduce((s, l) => s + (l.vrms.length * (l.vrms.length - 1)) / 2, 0));
  }, 120_000);
});
