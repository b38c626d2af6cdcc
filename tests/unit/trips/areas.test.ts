import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { area, areasFromGeoJson, pointInArea, siteAreas } from '../../../kernel-lib/src/core/areas';
import { tripAreas } from '../../../kernel-lib/src/trips/trip-areas';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { at, hubGeo, marketsGeo, sites } from './fixture';

describe('areas', () => {
  it('ray casting respects holes and multipolygons', () => {
    const donut = area({
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]],
        [[[20, 20], [21, 20], [21, 21], [20, 20]]],
      ],
    }, 'donut');
    expect(pointInArea(donut, 1, 1)).toBe(true); // (lat 1, lon 1)
    expect(pointInArea(donut, 5, 5)).toBe(false); // in the hole
    expect(pointInArea(donut, 20.2, 20.8)).toBe(true); // second polygon, under the diagonal
    expect(pointInArea(donut, 20.8, 20.2)).toBe(false);
    expect(pointInArea(donut, 50, 50)).toBe(false);
    expect(donut.bbox).toEqual([0, 0, 21, 21]);
  });
  it('accepts Feature, FeatureCollection (optionally by name) and names areas', () => {
    expect(area(hubGeo).name).toBe('Liverpool');
    expect(area(marketsGeo, 'Chester').polygons.length).toBe(1);
    expect(area(marketsGeo).name).toBe('Rhyl + Chester');
    expect(areasFromGeoJson(marketsGeo).map((a) => a.name)).toEqual(['Rhyl', 'Chester']);
    expect(() => area(marketsGeo, 'Nowhere')).toThrow(/Nowhere/);
    expect(() => area({ type: 'Point' } as never)).toThrow(/Point/);
  });
  it('maps sites to areas and trips to start/pass/end areas', () => {
    const areas = [area(hubGeo), ...areasFromGeoJson(marketsGeo)];
    const sa = siteAreas(sites, areas);
    expect(Array.from(sa)).toEqual([0, 0, -1, 1, 1, 2]);
    const s = buildStore([
      { vrm: 'A1', time: at(6, 20, 0), site: 'H1' },
      { vrm: 'A1', time: at(6, 20, 30), site: 'R1' },
      { vrm: 'A1', time: at(6, 21, 0), site: 'M1' },
    ], sites);
    const ta = tripAreas(s, splitTrips(s), sa);
    expect(Array.from(ta.startArea)).toEqual([0]);
    expect(Array.from(ta.endArea)).toEqual([1]);
    expect(Array.from(ta.passArea.subarray(ta.passStart[0], ta.passStart[1]))).toEqual([0, 1]);
  });
});
