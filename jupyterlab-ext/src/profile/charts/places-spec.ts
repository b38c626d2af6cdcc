/**
 * The vega-lite spec of the frequent-places chart: reads per site, most read first
 * (pure data → spec). Site names are data: vega draws them as SVG text and its tooltip
 * escapes them, so a name is never markup.
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { MSG } from '../../shared/messages';

/**
 * Bars of the places chart; a name shared by two sites gets its site id appended.
 * @example placeBars([{ site: 'A', name: 'Hub', reads: 3 }]) // [{ label: 'Hub', site: 'A', name: 'Hub', reads: 3 }]
 */
export function placeBars(places: ProfileBundle['places']): { label: string; site: string; name: string; reads: number }[] {
  const count = new Map<string, number>();
  for (const p of places) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return [...places]
    .sort((a, b) => b.reads - a.reads || (a.site < b.site ? -1 : 1))
    .map(p => ({ label: count.get(p.name)! > 1 ? `${p.name} (${p.site})` : p.name, site: p.site, name: p.name, reads: p.reads }));
}

/** Height of one bar's band, in pixels. */
const BAR_STEP = 18;

/**
 * The vega-lite spec of the places chart.
 * @example placesSpec(bundle.places).encoding.y.sort // '-x'
 */
export function placesSpec(places: ProfileBundle['places']): Record<string, any> {
  const bars = placeBars(places);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: MSG.placesChartTitle,
    data: { values: bars },
    width: 'container',
    // Fit the width to the panel; the height follows the number of places (18 px a bar). A
    // fixed height rather than `{ step: 18 }`: vega-lite drops fit-y, with a warning, from
    // any spec with a discrete (step) height, and `width: 'container'` asks for fit.
    height: BAR_STEP * Math.max(1, bars.length),
    autosize: { type: 'fit-x', contains: 'padding' },
    mark: { type: 'bar', tooltip: true, color: '#4e79a7' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 220 } },
      x: { field: 'reads', type: 'quantitative', title: MSG.readsLegend, axis: { tickMinStep: 1 } },
      tooltip: [
        { field: 'name', title: MSG.placeLabel },
        { field: 'site', title: MSG.siteLabel },
        { field: 'reads', title: MSG.readsLegend }
      ]
    },
    config: { view: { stroke: null } }
  };
}
