// The scratch notebook of the profile e2e test: a tiny inline scenario (synthetic Z plates),
// one site named `<img src=x onerror=alert(1)>`, two vehicles travelling together on
// five days (so trips, stays and an associate exist), the target's profile shown, then a
// vega-lite chart made with anpr.vegaLite.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const PROFILE_NOTEBOOK = 'profile-e2e.ipynb';

const CELLS = [
  `import * as anpr from "@anpr/kernel-lib";
anpr.session({ operator: "e2e", purpose: "profile widget browser test", reference: "TEST-PROFILE" });
const sites = anpr.sitesFromRows([
  { site_id: "A", name: ${JSON.stringify(XSS_NAME)}, lat: 53.41, lon: -2.98 },
  { site_id: "B", name: "Market west", lat: 53.32, lon: -3.49 },
  { site_id: "C", name: "Midway", lat: 53.36, lon: -3.2 },
  { site_id: "D", name: "Quay", lat: 53.2, lon: -3.0 },
]);`,
  `// Each day: A → C → B in the evening, B → D → A the next morning; ZB... follows ZA... a minute behind.
const rows: { vrm: string; time: number; site: string }[] = [];
const legs = [["A", 0], ["C", 12], ["B", 25], ["B", 780], ["D", 795], ["A", 812]];
for (let day = 0; day < 5; day++) {
  const t0 = Date.parse("2025-06-02T18:00:00Z") + day * 86_400_000;
  for (const [site, min] of legs) {
    rows.push({ vrm: "ZA12BCD", time: t0 + (min as number) * 60_000, site: site as string });
    rows.push({ vrm: "ZB34CDE", time: t0 + (min as number) * 60_000 + 60_000, site: site as string });
  }
}
const store = anpr.buildStore(rows, sites);`,
  `anpr.show(anpr.profile(store, "ZA12BCD"));`,
  `// A vega-lite chart (JupyterLab's vega5 renderer draws the spec; the SVG is the fallback).
anpr.show(await anpr.vegaLite({
  title: "Precision against recall (e2e)",
  data: { values: [{ m: "default", recall: 0, precision: 1 }, { m: "default", recall: 0.5, precision: 0.8 }, { m: "default", recall: 1, precision: 0.4 },
    { m: "baseline", recall: 0, precision: 0.3 }, { m: "baseline", recall: 1, precision: 0.1 }] },
  mark: "line",
  encoding: { x: { field: "recall", type: "quantitative" }, y: { field: "precision", type: "quantitative" }, color: { field: "m", type: "nominal" } },
}));`
];

/** A scratch folder inside the project (the kernel resolves @anpr/kernel-lib from node_modules above it) with the notebook. */
export function profileNotebookDir(): string {
  mkdirSync(path.join(ROOT, '.jupyter-local'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.jupyter-local', 'e2e-profile-'));
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' } },
    cells: CELLS.map((source, i) => ({ cell_type: 'code', id: `cell-${i}`, metadata: {}, execution_count: null, outputs: [], source }))
  };
  writeFileSync(path.join(dir, PROFILE_NOTEBOOK), JSON.stringify(nb, null, 1));
  return dir;
}
