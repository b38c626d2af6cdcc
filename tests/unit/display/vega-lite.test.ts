/**
 * vegaLite(): the spec under application/vnd.vegalite.v5+json for JupyterLab's vega renderer,
 * and the same chart rendered to SVG by the real vega in Node (what nbconvert and
 * `anpr report` show); data must be inline.
 *
 * vega is ESM with top-level await, loaded by a real import() that vitest's module runner
 * cannot serve: vegaLite runs in a plain Node child on the built kernel-lib (needs dist/).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchedUrls } from '../../../kernel-lib/src/cli/report';

const DIST = path.resolve(__dirname, '..', '..', '..', 'kernel-lib', 'dist');

/** Run `body` (async JS using `anpr`, returning JSON-able) in a Node child on kernel-lib/dist. */
function inNode(body: string, arg: unknown): any {
  const script = `const anpr = require(${JSON.stringify(DIST)}); const arg = JSON.parse(process.argv[1]);
    (async () => { try { process.stdout.write(JSON.stringify({ ok: await (async () => { ${body} })() })); }
    catch (e) { process.stdout.write(JSON.stringify({ error: e.message })); } })();`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(arg)], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const spec = {
  title: 'Precision against recall',
  data: { values: [{ method: 'default', recall: 0.1, precision: 1 }, { method: 'default', recall: 0.5, precision: 0.6 }, { method: 'baseline', recall: 0.4, precision: 0.2 }] },
  mark: 'line',
  encoding: {
    x: { field: 'recall', type: 'quantitative' },
    y: { field: 'precision', type: 'quantitative' },
    color: { field: 'method', type: 'nominal' }
  }
};

describe('vegaLite', () => {
  it('emits the v5 spec, an SVG rendering and a text title', () => {
    const { ok: data } = inNode('const v = await anpr.vegaLite(arg); return { mime: anpr.VEGALITE_MIME, ...v[anpr.MIMEBUNDLE]().data };', spec);
    const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
    expect(data.mime).toBe(VEGALITE_MIME);
    expect(Object.keys(data).filter(k => k !== 'mime').sort()).toEqual([VEGALITE_MIME, 'image/svg+xml', 'text/plain']);
    expect(data[VEGALITE_MIME].$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(data[VEGALITE_MIME].data).toEqual(spec.data);
    const svg = String(data['image/svg+xml']);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Precision against recall');
    expect(svg).toContain('baseline'); // the legend
    expect(svg).toContain('class="mark-line role-mark');
    expect(fetchedUrls(svg)).toEqual([]);
    expect(data['text/plain']).toBe('Precision against recall');
  });

  it('is deterministic', () => {
    const { ok } = inNode('return [(await anpr.vegaLite(arg)).svg, (await anpr.vegaLite(arg)).svg];', spec);
    expect(ok[0]).toBe(ok[1]);
  });

  it('refuses data it would fetch, and non-specs', () => {
    expect(inNode('return anpr.vegaLite(arg)', { ...spec, data: { url: 'https://example.org/x.csv' } }).error).toMatch(/offline: pass the rows inline/);
    expect(inNode('return anpr.vegaLite(arg)', { layer: [{ data: { url: 'data/x.json' }, mark: 'bar' }] }).error).toMatch(/data\/x\.json/);
    expect(inNode('return anpr.vegaLite(arg)', []).error).toMatch(/got an array/);
  });
});

describe('fetchedUrls (what anpr report refuses)', () => {
  it('finds scripts, styles, images and CSS imports that would be fetched (network, local files, relative paths), not links, data: or namespaces', () => {
    const html = [
      '<script src="https://cdnjs.example/require.js"></script>',
      "<link rel='stylesheet' href='//fonts.example/css'>",
      '<img srcset="data:image/png;base64,AA 1x, http://img.example/a.png 2x">',
      '<svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="https://tiles.example/1.png"/></svg>',
      '<style>@import "https://x.example/a.css"; .a { background: url( "http://y.example/b.png" ) }</style>',
      '<a href="https://example.org/docs">a link</a> <img src="data:image/svg+xml;charset=utf-8,%3Csvg%3E"> <use xlink:href="#m1"/>',
      '<script src="file:///usr/share/javascript/requirejs/require.min.js"></script> <script src="local.js"></script>'
    ].join('\n');
    expect(fetchedUrls(html)).toEqual([
      'https://cdnjs.example/require.js',
      '//fonts.example/css',
      'http://img.example/a.png',
      'https://tiles.example/1.png',
      'file:///usr/share/javascript/requirejs/require.min.js',
      'local.js',
      'http://y.example/b.png',
      'https://x.example/a.css'
    ]);
    expect(fetchedUrls('<p>see https://example.org</p><a href="http://example.org">x</a>')).toEqual([]);
  });
});
