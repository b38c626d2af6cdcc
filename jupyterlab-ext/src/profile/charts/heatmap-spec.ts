/**
 * The vega-lite spec of the hour × weekday heatmap (pure data → spec, no vega import,
 * so it can be tested and snapshotted without a browser).
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { MSG } from '../../shared/messages';

/** One heatmap cell. */
export interface HeatCell {
  weekday: string;
  day: number;
  hour: number;
  reads: number;
}

/**
 * Flatten `hourWeekday` (7 rows, Monday first, × 24 hours) into cells.
 * @example heatmapCells([[1, ...23 more], ...6 more rows])[0] // { weekday: 'Mon', day: 0, hour: 0, reads: 1 }
 */
export function heatmapCells(hourWeekday: ProfileBundle['hourWeekday']): HeatCell[] {
  const cells: HeatCell[] = [];
  hourWeekday.forEach((row, day) =>
    row.forEach((reads, hour) => cells.push({ weekday: MSG.weekdays[day], day, hour, reads }))
  );
  return cells;
}

/**
 * The vega-lite spec for the profile heatmap.
 * @example heatmapSpec(bundle.hourWeekday, { dark: false }).mark // { type: 'rect', tooltip: true }
 */
export function heatmapSpec(hourWeekday: ProfileBundle['hourWeekday'], options: { dark?: boolean } = {}): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: MSG.heatmapTitle,
    data: { values: heatmapCells(hourWeekday) },
    // 24 × 14 px fits the half-width column of the profile beside the small map.
    width: { step: 14 },
    height: { step: 18 },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: {
        field: 'hour',
        type: 'ordinal',
        title: MSG.hourAxis,
        axis: { labelAngle: 0, labelExpr: 'datum.value % 3 === 0 ? datum.label : ""' }
      },
      y: { field: 'weekday', type: 'ordinal', title: null, sort: [...MSG.weekdays] },
      color: {
        field: 'reads',
        type: 'quantitative',
        title: MSG.readsLegend,
        // Low counts close to the background in either theme, high counts stand out.
        scale: { scheme: options.dark ? 'darkblue' : 'blues', domainMin: 0 },
        legend: { gradientLength: 120 }
      },
      tooltip: [
        { field: 'weekday', title: MSG.weekdayAxis },
        { field: 'hour', title: MSG.hourAxis },
        { field: 'reads', title: MSG.readsLegend }
      ]
    },
    config: { view: { stroke: null }, axis: { grid: false, domain: false, ticks: false } }
  };
}
