// The profile's vega-lite specs compile without a single vega-lite warning (issue 16: "Dropping
// 'fit-y' because spec has discrete height" was logged for the places chart in a user's Lab).
import * as vl from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { dwellSpec } from '../../../jupyterlab-ext/src/profile/charts/dwell-spec';
import { heatmapSpec } from '../../../jupyterlab-ext/src/profile/charts/heatmap-spec';
import { placesSpec } from '../../../jupyterlab-ext/src/profile/charts/places-spec';

function warnings(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  const logger = {
    level() {
      return this;
    },
    warn: (...a: unknown[]) => out.push(a.join(' ')),
    error: (...a: unknown[]) => out.push(a.join(' ')),
    info() {},
    debug() {}
  };
  vl.compile(spec as never, { logger: logger as never });
  return out;
}

const grid = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => d + h));

describe('profile chart specs', () => {
  it('compile without warnings', () => {
    expect(warnings(placesSpec([{ site: 'A', name: 'Hub', reads: 3 }, { site: 'B', name: 'Quay', reads: 1 }]))).toEqual([]);
    expect(warnings(dwellSpec([]))).toEqual([]);
    expect(warnings(heatmapSpec(grid, { dark: false }))).toEqual([]);
    expect(warnings(heatmapSpec(grid, { dark: true }))).toEqual([]);
  });
});
