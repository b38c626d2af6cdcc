/**
 * The map tools' pure parts: drawn shapes (polygon, rectangle, circle) as GeoJSON and as
 * notebook code that kernel-lib's real `area()` turns into the same area (same sites inside),
 * and the time filter's cut of tracks.
 */
import { describe, expect, it } from 'vitest';
import * as lib from '../../../kernel-lib/src';
import type { MapBundle, MapSite, MapTrack } from '../../../kernel-lib/src/contract';
import { areaCode, circleShape, closeRing, distanceM, identifier, insideRing, polygonShape, rectangleShape, shapeGeometry, shapesGeoJson, sitesInShape, CIRCLE_VERTICES } from '../../../jupyterlab-ext/src/map/tools/shapes';
import { readsSpan, segmentCount, tracksInWindow } from '../../../jupyterlab-ext/src/map/time-filter';

// A 5 x 5 grid of sites around Liverpool, ids G<row><col>.
const sites: MapSite[] = [];
for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) sites.push({ id: `G${r}${c}`, name: `grid ${r},${c}`, lat: 53.3 + r * 0.05, lon: -3.1 + c * 0.05 });

/** Run the generated cell's code with the real kernel-lib `area` and return its areas by name. */
function runCell(code: string): Record<string, lib.Area> {
  expect(code).toContain('import { area } from "@anpr/kernel-lib";');
  const body = code.replace('import { area } from "@anpr/kernel-lib";', '');
  const names = [...body.matchAll(/^const (\w+) =/gm)].map(m => m[1]);
  // eslint-disable-next-line no-new-func
  return new Function('area', `${body}\nreturn { ${names.join(', ')} };`)(lib.area);
}

const inKernel = (a: lib.Area) => sites.filter(s => lib.pointInArea(a, s.lat, s.lon)).map(s => s.id);

describe('drawn shapes → code → kernel-lib area', () => {
  const poly = polygonShape('area1', [[53.32, -3.07], [53.43, -3.07], [53.43, -2.93], [53.32, -2.93]]);
  const rect = rectangleShape('area2', [53.46, -2.98], [53.36, -3.12]);
  const circle = circleShape('area3', [53.4, -3.0], 6000);

  it('closes rings and makes circles of CIRCLE_VERTICES vertices at the radius', () => {
    expect(poly.ring[0]).toEqual(poly.ring[poly.ring.length - 1]);
    expect(rect.ring).toEqual([[-3.12, 53.36], [-2.98, 53.36], [-2.98, 53.46], [-3.12, 53.46], [-3.12, 53.36]]);
    expect(circle.ring).toHaveLength(CIRCLE_VERTICES + 1);
    for (const [lon, lat] of circle.ring) expect(Math.abs(distanceM([53.4, -3.0], [lat, lon]) - 6000)).toBeLessThan(2);
  });

  it('finds the sites inside each shape as the kernel does', () => {
    const cells = runCell(areaCode([poly, rect, circle], sites, 'Test "map"'));
    expect(Object.keys(cells)).toEqual(['area1', 'area2', 'area3']);
    for (const shape of [poly, rect, circle]) {
      const a = cells[shape.name];
      expect(a.name).toBe(shape.name);
      expect(a.polygons).toEqual([[shape.ring]]);
      const ids = sitesInShape(shape, sites);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(sites.length);
      expect(inKernel(a)).toEqual(ids);
    }
    // polygon 53.32..53.43 x -3.07..-2.93: rows 1,2 (53.35, 53.40) and cols 1,2,3 (-3.05, -3.00, -2.95)
    expect(sitesInShape(poly, sites)).toEqual(['G11', 'G12', 'G13', 'G21', 'G22', 'G23']);
  });

  it('says in the code how many sites each area holds, and keeps the title on one line', () => {
    const code = areaCode([poly], sites, 'Two\nlines');
    expect(code).toContain('// area1: polygon, 4 vertices; 6 of the map\'s sites inside.');
    expect(code.split('\n')[0]).toBe('// Drawn on the map "Two lines". Re-runs headless: the area is code now.');
  });

  it('puts selected sites in the code as a list of site ids that kernel-lib takes as a place', () => {
    const code = areaCode([], sites, 'T', ['G00', 'G44']);
    expect(code).not.toContain('import');
    const { sites1 } = new Function(`${code}\nreturn { sites1 };`)();
    expect(sites1).toEqual(['G00', 'G44']);
    const both = runCell(areaCode([poly], sites, 'T', ['G11']));
    expect(Object.keys(both)).toEqual(['sites1', 'area1']);
  });

  it('exports a FeatureCollection kernel-lib reads back as one area per feature', () => {
    const fc = shapesGeoJson([poly, circle]);
    const back = lib.areasFromGeoJson(JSON.parse(JSON.stringify(fc)));
    expect(back.map(a => a.name)).toEqual(['area1', 'area3']);
    expect(inKernel(back[1])).toEqual(sitesInShape(circle, sites));
  });

  it('names and closes as documented', () => {
    expect(identifier('area 1')).toBe('area_1');
    expect(identifier('1st')).toBe('_1st');
    expect(closeRing([[-3, 53], [-2, 53], [-2, 54]])).toEqual([[-3, 53], [-2, 53], [-2, 54], [-3, 53]]);
    expect(shapeGeometry(rectangleShape('a', [53, -3], [54, -2])).type).toBe('Polygon');
  });

  it('insideRing follows the even-odd rule on a concave ring', () => {
    const u: [number, number][] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    expect(insideRing(u, 2, 1.5)).toBe(false); // inside the notch
    expect(insideRing(u, 2, 0.5)).toBe(true);
  });
});

describe('time filter', () => {
  const track = (id: string, times: number[]): MapTrack => ({ id, label: id, points: times.map((t, i) => [53 + i * 0.01, -3, t]) });
  const tracks = [track('a', [0, 10, 20, 30]), track('b', [15, 25]), track('c', [100])];

  it('keeps the reads in the window and counts segments', () => {
    const cut = tracksInWindow(tracks, 10, 25);
    expect(cut.map(t => t.points.map(p => p[2]))).toEqual([[10, 20], [15, 25], []]);
    expect(segmentCount(cut)).toBe(2);
    expect(segmentCount(tracksInWindow(tracks, -Infinity, Infinity))).toBe(4);
  });

  it('keeps each track\'s colour whatever the window', () => {
    const all = tracksInWindow(tracks, 0, 1000).map(t => t.color);
    const some = tracksInWindow(tracks, 16, 16).map(t => t.color);
    expect(some).toEqual(all);
    expect(new Set(all).size).toBe(3);
  });

  it('spans the reads of the tracks, else the bundle time range', () => {
    const b: MapBundle = { version: 1, sites: [], tracks, areas: [], timeRange: [-5, 500] };
    expect(readsSpan(b)).toEqual([0, 100]);
    expect(readsSpan({ ...b, tracks: [] })).toEqual([-5, 500]);
  });
});

describe('map bundle validation of the v1.1 fields', () => {
  it('accepts kind/with/vehicles/heat from mapView and names a bad kind', async () => {
    const { checkMapBundle, BundleError } = await import('../../../jupyterlab-ext/src/shared/validate');
    const ok: MapBundle = { version: 1, heat: true, sites: [{ ...sites[0], vehicles: 3 }], tracks: [{ id: 'a', label: 'a', points: [], kind: 'associate', with: 'b' }], areas: [] };
    expect(checkMapBundle(ok)).toBe(ok);
    try {
      checkMapBundle({ ...ok, tracks: [{ id: 'a', label: 'a', points: [], kind: 'friend' }] });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BundleError);
      expect((e as InstanceType<typeof BundleError>).problems).toEqual([`bundle.tracks[0].kind: expected 'vehicle' | 'candidate' | 'associate', got "friend"`]);
    }
  });
});
