/**
 * The extension's pure parts (no DOM): bundle validation against what kernel-lib really
 * emits, the heatmap spec, colours and Europe/London formatting.
 */
import { describe, expect, it } from 'vitest';
import { buildStore, mapView, profileView, sitesFromRows } from '../../../kernel-lib/src';
import { BundleError, checkMapBundle, checkProfileBundle } from '../../../jupyterlab-ext/src/shared/validate';
import { heatmapCells, heatmapSpec } from '../../../jupyterlab-ext/src/profile/charts/heatmap-spec';
import { scoreColor, trackColor } from '../../../jupyterlab-ext/src/shared/colors';
import { formatDateTime, formatTime, sameLondonDay } from '../../../jupyterlab-ext/src/shared/format';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';

const sites = sitesFromRows([
  { site_id: 'A', name: 'Hub east', lat: 53.41, lon: -2.98 },
  { site_id: 'B', name: 'Market west', lat: 53.32, lon: -3.49 }
]);
const t = (iso: string) => Date.parse(iso);
const store = buildStore(
  [
    { vrm: 'AB12CDE', time: t('2025-03-03T19:00:00Z'), site: 'A' },
    { vrm: 'AB12CDE', time: t('2025-03-03T19:25:00Z'), site: 'B' },
    { vrm: 'XY70ZZZ', time: t('2025-03-04T08:00:00Z'), site: 'A' }
  ],
  sites
);

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof BundleError) return e.problems;
    throw e;
  }
  return [];
}

describe('bundle validation', () => {
  it('accepts the bundles kernel-lib emits', () => {
    const map = mapView(store, { vehicles: ['AB12CDE'], title: 'T' }).bundle;
    expect(checkMapBundle(map)).toBe(map);
    const profile = profileView(store, 'AB12CDE').bundle;
    expect(checkProfileBundle(profile)).toBe(profile);
  });

  it('names each problem as path: expected vs actual', () => {
    expect(problems(() => checkMapBundle({ version: 1, sites: [{ id: 1, name: 'x', lat: 91, lon: 0 }], tracks: 'no' }))).toEqual([
      'bundle.sites[0].id: expected string, got number',
      'bundle.sites[0].lat: expected latitude, got number',
      'bundle.tracks: expected array, got "no"',
      'bundle.areas: expected array, got undefined'
    ]);
    expect(problems(() => checkProfileBundle(null))).toEqual(['bundle: expected object, got null']);
    const bad = { ...profileView(store, 'AB12CDE').bundle, hourWeekday: [[1, 2]] };
    expect(problems(() => checkProfileBundle(bad))).toEqual(['bundle.hourWeekday: expected 7 rows × 24 numbers, got array(1)']);
  });
});

describe('heatmap spec', () => {
  const grid = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => d * 100 + h));
  it('flattens 7 × 24 into cells with Monday first', () => {
    const cells = heatmapCells(grid);
    expect(cells).toHaveLength(168);
    expect(cells[0]).toEqual({ weekday: 'Mon', day: 0, hour: 0, reads: 0 });
    expect(cells[167]).toEqual({ weekday: 'Sun', day: 6, hour: 23, reads: 623 });
  });
  it('switches colour scheme with the theme', () => {
    const scheme = (dark: boolean) => (heatmapSpec(grid, { dark }) as any).encoding.color.scale.scheme;
    expect([scheme(false), scheme(true)]).toEqual(['blues', 'darkblue']);
  });
});

describe('colours and times', () => {
  it('colours tracks by colour, then score, then index', () => {
    expect(trackColor({ color: '#123456', score: 1 }, 0)).toBe('#123456');
    expect(trackColor({ score: 1 }, 0)).toBe(scoreColor(1));
    expect(trackColor({}, 0)).not.toBe(trackColor({}, 1));
  });
  it('formats in Europe/London across the BST change', () => {
    expect(formatDateTime(t('2026-07-01T12:00:00Z'))).toBe('Wed, 01 Jul 2026, 13:00');
    expect(formatTime(t('2026-01-05T12:00:00Z'))).toBe('12:00');
    expect(sameLondonDay(t('2026-07-01T22:30:00Z'), t('2026-07-01T23:30:00Z'))).toBe(false);
  });
});
