/**
 * The vega-lite spec of the dwell distribution: stays counted by dwell-time bin, twice —
 * by the lower bound ("at least") and by the upper bound ("at most") — because a dwell is
 * never observed, only bounded by the reads either side (pure data → spec, no vega import).
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { MSG } from '../../shared/messages';

/** Upper edges of the dwell bins, in minutes (the last bin is open). */
const EDGES_MIN = [30, 60, 120, 240, 480, 960, 1440, 2880];

/** One bar: bin, bound, number of stays. */
export interface DwellBar {
  bin: string;
  order: number;
  bound: string;
  stays: number;
}

/**
 * Bin of a dwell in ms (index into MSG.dwellBins).
 * @example dwellBin(45 * 60_000) // 1 ('30 min – 1 h')
 */
export function dwellBin(ms: number): number {
  const min = ms / 60_000;
  const i = EDGES_MIN.findIndex(e => min < e);
  return i < 0 ? EDGES_MIN.length : i;
}

/**
 * Bars of the dwell chart: every bin × bound, zeros included (stable axes).
 * @example dwellBars([{ dwellMin: 0, dwellMax: 45 * 60_000 }]).filter(b => b.stays) // 2 bars
 */
export function dwellBars(stays: Pick<NonNullable<ProfileBundle['stays']>[number], 'dwellMin' | 'dwellMax'>[]): DwellBar[] {
  const bins = MSG.dwellBins;
  const least = new Array(bins.length).fill(0);
  const most = new Array(bins.length).fill(0);
  for (const s of stays) {
    least[dwellBin(s.dwellMin)]++;
    most[dwellBin(s.dwellMax)]++;
  }
  return bins.flatMap((bin, order) => [
    { bin, order, bound: MSG.dwellAtLeast, stays: least[order] },
    { bin, order, bound: MSG.dwellAtMost, stays: most[order] }
  ]);
}

/**
 * The vega-lite spec of the dwell chart.
 * @example dwellSpec(bundle.stays ?? []).mark // { type: 'bar', tooltip: true }
 */
export function dwellSpec(stays: NonNullable<ProfileBundle['stays']>): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: MSG.dwellTitle,
    data: { values: dwellBars(stays) },
    width: 'container',
    height: 160,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: [...MSG.dwellBins], title: MSG.dwellAxis, axis: { labelAngle: -30 } },
      xOffset: { field: 'bound', sort: [MSG.dwellAtLeast, MSG.dwellAtMost] },
      y: { field: 'stays', type: 'quantitative', title: MSG.staysAxis, axis: { tickMinStep: 1 } },
      color: {
        field: 'bound',
        type: 'nominal',
        title: MSG.dwellBound,
        sort: [MSG.dwellAtLeast, MSG.dwellAtMost],
        scale: { range: ['#9ecae1', '#3182bd'] }
      },
      tooltip: [
        { field: 'bin', title: MSG.dwellAxis },
        { field: 'bound', title: MSG.dwellBound },
        { field: 'stays', title: MSG.staysAxis }
      ]
    },
    config: { view: { stroke: null } }
  };
}
