// A notebook with saved outputs of both MIME types, made by kernel-lib itself (the bundles a
// kernel would have sent): a tiny synthetic scenario (Z plates) of two vehicles travelling
// together on five days, its map (sites, tracks, associates) and the first vehicle's profile.
import { buildStore, mapView, profileView, sitesFromRows } from '../../../kernel-lib/src';

const MIMEBUNDLE = Symbol.for('jupyter.mimebundle');

function scenario() {
  const sites = sitesFromRows([
    { site_id: 'A', name: 'Hub east', lat: 53.41, lon: -2.98 },
    { site_id: 'B', name: 'Market west', lat: 53.32, lon: -3.49 },
    { site_id: 'C', name: 'Midway', lat: 53.36, lon: -3.2 },
    { site_id: 'D', name: 'Quay', lat: 53.2, lon: -3.0 }
  ]);
  const rows: { vrm: string; time: number; site: string }[] = [];
  const legs: [string, number][] = [['A', 0], ['C', 12], ['B', 25], ['B', 780], ['D', 795], ['A', 812]];
  for (let day = 0; day < 5; day++) {
    const t0 = Date.parse('2025-06-02T18:00:00Z') + day * 86_400_000;
    for (const [site, min] of legs) {
      rows.push({ vrm: 'ZA12BCD', time: t0 + min * 60_000, site });
      rows.push({ vrm: 'ZB34CDE', time: t0 + min * 60_000 + 60_000, site });
    }
  }
  return buildStore(rows, sites);
}

function output(view: object, count: number) {
  const { data, metadata } = (view as Record<symbol, () => { data: Record<string, unknown>; metadata?: Record<string, unknown> }>)[MIMEBUNDLE]();
  return { output_type: 'execute_result', execution_count: count, data, metadata: metadata ?? {} };
}

/** The notebook JSON (nbformat 4.5) with the map and profile outputs saved. */
export function widgetsNotebook(): Record<string, unknown> {
  const store = scenario();
  const map = mapView(store, { vehicles: ['ZA12BCD', 'ZB34CDE'], title: 'Two vehicles (upstream host test)', associates: [{ vrm: 'ZB34CDE', with: 'ZA12BCD' }] });
  const profile = profileView(store, 'ZA12BCD');
  const cells = [
    ['anpr.mapView(store, { vehicles: ["ZA12BCD", "ZB34CDE"] })', output(map, 1)],
    ['anpr.profileView(store, "ZA12BCD")', output(profile, 2)]
  ] as const;
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' }, language_info: { name: 'typescript' } },
    cells: cells.map(([source, out], i) => ({ cell_type: 'code', id: `cell-${i}`, metadata: {}, execution_count: i + 1, outputs: [out], source }))
  };
}
