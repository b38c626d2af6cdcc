/**
 * The map bundle's static parts made in the kernel: the SVG preview and the text/html
 * fallback (which embeds it), escaping of hostile names, co-travelling tracks and per-site
 * vehicle counts.
 */
import { describe, expect, it } from 'vitest';
import { buildStore, mapSvg, mapView, MAP_MIME, MIMEBUNDLE, sitesFromRows, pseudonym, type MapBundle } from '../../../kernel-lib/src';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';

const XSS = '<img src=x onerror=alert(1)>';
const sites = sitesFromRows([
  { site_id: 'A', name: XSS, lat: 53.41, lon: -2.98 },
  { site_id: 'B', name: 'Market west', lat: 53.32, lon: -3.49 }
]);
const t = (iso: string) => Date.parse(iso);
const store = buildStore(
  [
    { vrm: 'ZA12CDE', time: t('2025-03-03T19:00:00Z'), site: 'A' },
    { vrm: 'ZA12CDE', time: t('2025-03-03T19:25:00Z'), site: 'B' },
    { vrm: 'ZB70ZZZ', time: t('2025-03-03T19:01:00Z'), site: 'A' },
    { vrm: 'ZB70ZZZ', time: t('2025-03-03T19:26:00Z'), site: 'B' },
    { vrm: 'ZB70ZZZ', time: t('2025-03-04T08:00:00Z'), site: 'A' }
  ],
  sites
);

describe('mapSvg', () => {
  it('projects sites and tracks inside the picture, north up and west left', () => {
    const b: MapBundle = {
      version: 1,
      sites: [
        { id: 'W', name: 'west', lat: 53.0, lon: -3.0, reads: 1 },
        { id: 'E', name: 'east', lat: 54.0, lon: -2.0, reads: 4 }
      ],
      tracks: [{ id: 'v', label: 'v', points: [[53.0, -3.0, 0], [54.0, -2.0, 1]] }],
      areas: []
    };
    const svg = mapSvg(b, { width: 400, height: 300 });
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map(m => [Number(m[1]), Number(m[2])]);
    expect(circles).toHaveLength(2);
    const byTitle = Object.fromEntries([...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>(\w+)/g)].map(m => [m[3], [Number(m[1]), Number(m[2])]]));
    expect(byTitle.east[0]).toBeGreaterThan(byTitle.west[0]); // east is right
    expect(byTitle.east[1]).toBeLessThan(byTitle.west[1]); // north is up
    for (const [x, y] of circles) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(400);
      expect(y).toBeGreaterThanOrEqual(24);
      expect(y).toBeLessThanOrEqual(300);
    }
    expect(svg).toMatch(/<polyline points="[\d., ]+"/);
  });

  it('says when there is nothing to draw', () => {
    expect(mapSvg({ version: 1, sites: [], tracks: [], areas: [] })).toContain('No sites, tracks or areas to show.');
  });
});

describe('mapView bundle: SVG preview, escaping, associates', () => {
  const bundle = mapView(store, {
    title: `Title ${XSS}`,
    vehicles: ['ZA12CDE'],
    scores: { ZA12CDE: 0.9 },
    associates: [{ vrm: 'ZB70ZZZ', with: 'ZA12CDE' }],
    heat: true
  })[MIMEBUNDLE]();
  const map = bundle.data[MAP_MIME] as MapBundle;
  const svg = String(bundle.data['image/svg+xml']);
  const html = String(bundle.data['text/html']);

  it('carries image/svg+xml, also embedded in text/html', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(html).toContain(svg);
  });

  it('escapes a hostile site name and title in the SVG and the HTML', () => {
    for (const text of [svg, html]) {
      expect(text).not.toContain('<img');
      expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('marks candidates and co-travelling vehicles, counts distinct vehicles per site', () => {
    expect(map.tracks.map(x => [x.id, x.kind, x.with])).toEqual([
      [pseudonym('ZA12CDE'), 'candidate', undefined],
      [pseudonym('ZB70ZZZ'), 'associate', pseudonym('ZA12CDE')]
    ]);
    expect(map.sites.map(s => [s.id, s.reads, s.vehicles])).toEqual([['A', 3, 2], ['B', 2, 2]]);
    expect(map.heat).toBe(true);
    expect(svg).toContain('stroke-dasharray');
    expect(JSON.stringify(bundle)).not.toContain('ZA12CDE');
  });
});

describe('mapSvg on a large bundle', () => {
  it('thins tracks to maxPoints, keeping each track\'s ends', () => {
    const points: [number, number, number][] = Array.from({ length: 1000 }, (_, k) => [53 + k / 1000, -3, k]);
    const b: MapBundle = { version: 1, sites: [], tracks: [{ id: 'v', label: 'v', points }], areas: [] };
    const full = /points="([^"]*)"/.exec(mapSvg(b, { maxPoints: 5000 }))![1].split(' ');
    const thin = /points="([^"]*)"/.exec(mapSvg(b, { maxPoints: 100 }))![1].split(' ');
    expect(full).toHaveLength(1000);
    expect(thin.length).toBeLessThanOrEqual(101);
    expect(thin[0]).toBe(full[0]);
    expect(thin[thin.length - 1]).toBe(full[full.length - 1]);
  });
});
