// `anpr report`: an executed notebook becomes one self-contained HTML file. A scratch notebook
// (a markdown link, a vega-lite chart from anpr.vegaLite, an HTML table) is run with `anpr run`,
// then reported; the HTML must refer to nothing a browser would fetch (checked by fetchedUrls
// and by opening it in headless Chromium with every request recorded), and the chart must be
// in it as an SVG image. Negative control: nbconvert's stock lab template does fetch (require.js
// and MathJax, from CDNs upstream, from file:///usr/share/javascript in Debian's build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchedUrls } from '../../kernel-lib/src/cli/report';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs');
// Inside the project: the kernel resolves @anpr/kernel-lib from the node_modules above the notebook.
mkdirSync(path.join(ROOT, '.jupyter-local'), { recursive: true });
const DIR = mkdtempSync(path.join(ROOT, '.jupyter-local', 'report-test-'));
const SHOTS = path.join(ROOT, 'test-results', 'report');

function anpr(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cells = [
  { cell_type: 'markdown', source: '# Report test\n\nA link is not a fetch: [the NCA](https://www.nationalcrimeagency.gov.uk/).' },
  { cell_type: 'code', source: 'import * as anpr from "@anpr/kernel-lib";' },
  {
    cell_type: 'code',
    source: `anpr.show(await anpr.vegaLite({
  title: "Report chart ZQ",
  data: { values: [{ m: "default", recall: 0, precision: 1 }, { m: "default", recall: 1, precision: 0.5 }, { m: "baseline", recall: 1, precision: 0.1 }] },
  mark: "line",
  encoding: { x: { field: "recall", type: "quantitative" }, y: { field: "precision", type: "quantitative" }, color: { field: "m", type: "nominal" } },
}));`
  },
  { cell_type: 'code', source: 'anpr.show({ [anpr.MIMEBUNDLE]: () => ({ data: { "text/html": anpr.htmlTable(["cut-off", "precision"], [[10, 0.9]], "PR table") } }) });' }
];

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('anpr report', () => {
  const nb = path.join(DIR, 'report-test.ipynb');
  writeFileSync(
    nb,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' } },
      cells: cells.map((c, i) => ({ ...c, id: `c${i}`, metadata: {}, ...(c.cell_type === 'code' ? { outputs: [], execution_count: null } : {}) }))
    })
  );
  const executed = path.join(DIR, 'executed.ipynb');
  const html = path.join(DIR, 'report.html');

  it('refuses a notebook that was not executed', () => {
    const r = anpr(['report', nb, '--out', html]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has no outputs');
  });

  it('writes one HTML file with the chart inline that fetches nothing', async () => {
    const run = anpr(['run', nb, '--out', executed]);
    expect(run.status, run.stderr).toBe(0);
    const r = anpr(['report', executed, '--out', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 chart(s) inline');
    const text = readFileSync(html, 'utf8');
    expect(fetchedUrls(text)).toEqual([]);
    expect(text).not.toMatch(/<script[^>]+src=/i);
    const charts = [...text.matchAll(/<img alt="chart" src="data:image\/svg\+xml;charset=utf-8,([^"]+)"/g)];
    expect(charts).toHaveLength(1);
    const svg = decodeURIComponent(charts[0][1]);
    expect(svg).toContain('Report chart ZQ');
    expect(svg).toContain('mark-line');
    expect(text).toContain('PR table');
    expect(text).toContain('href="https://www.nationalcrimeagency.gov.uk/"'); // a link stays a link

    // In a real browser: every request is the file itself or a data: URI, and the chart has a size.
    mkdirSync(SHOTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const requests: string[] = [];
      page.on('request', q => requests.push(q.url()));
      await page.goto(`file://${html}`);
      const size = await page.locator('img[alt="chart"]').evaluate(i => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
      expect(size[0]).toBeGreaterThan(100);
      expect(size[1]).toBeGreaterThan(100);
      await page.screenshot({ path: path.join(SHOTS, 'report.png'), fullPage: true });
      expect(requests.filter(u => !u.startsWith('data:') && u !== `file://${html}`)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('(control) nbconvert without the report template would fetch require.js and MathJax', () => {
    const r = spawnSync('/usr/bin/jupyter', ['nbconvert', '--to', 'html', '--stdout', executed], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: '' } });
    expect(r.status, r.stderr).toBe(0);
    expect(fetchedUrls(r.stdout).some(u => /require|mathjax/i.test(u))).toBe(true);
  });
});
