// End to end: the map widget in the real JupyterLab (our build, Debian's jupyter_server, the
// tslab kernel) in headless Chromium (issue 5). A scratch notebook loads the merseyside-small
// scenario and shows a map of three vehicles, then a hand-made bundle with hostile names.
//   - the map shows sites and tracks (data-anpr-segments > 0, canvases drawn);
//   - drawing a polygon with mouse clicks and pressing "Insert as code" adds a cell below the
//     map; run, it yields the same area in the kernel (same polygon, same sites inside);
//     "Copy GeoJSON" copies that polygon;
//   - the time filter changes the number of drawn segments to what the window holds;
//   - the XSS names render as text (no dialog, no <img>), in the legend, tooltip and popup;
//   - a click on a track lists its reads; the heat layer draws; "Download PNG" saves a PNG;
//   - no request leaves 127.0.0.1.
// Screenshots: test-results/e2e/map-*.png.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndRunAll, openLab, ROOT, SHOTS, type LabSession, watchPage } from './harness';

const NOTEBOOK = 'map-e2e.ipynb';
const MAP_MIME = 'application/vnd.anpr.map.v1+json';
const XSS = '<img src=x onerror=alert(1)>';

const cell = (source: string) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });

const LOAD = `import * as anpr from "@anpr/kernel-lib";
anpr.session({ operator: "T-E2E", purpose: "map widget end-to-end test", reference: "e2e" });
const { store } = await anpr.loadReads({ reads: "data/merseyside-small/reads.csv.gz", sites: "data/merseyside-small/sites.csv" });
const busiest = store.vrms.map((vrm, v) => ({ vrm, n: store.vehicleStart[v + 1] - store.vehicleStart[v] }))
  .sort((a, b) => b.n - a.n || (a.vrm < b.vrm ? -1 : 1)).slice(0, 3).map(x => x.vrm);
anpr.show(anpr.mapView(store, { title: "E2E map", vehicles: busiest }));`;

const HOSTILE = `anpr.show(new anpr.MapView({ version: 1, title: ${JSON.stringify(XSS)},
  sites: [{ id: "X1", name: ${JSON.stringify(XSS)}, lat: 53.40, lon: -2.98, reads: 5 }, { id: "X2", name: "plain", lat: 53.45, lon: -2.90, reads: 1 }],
  tracks: [{ id: "t1", label: ${JSON.stringify(XSS.replace('1', '2'))}, points: [[53.42, -2.95, 0], [53.45, -2.90, 60000]] }],
  areas: [] }));`;

let session: LabSession;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(path.join(ROOT, '.jupyter-local'), { recursive: true });
  // Inside the project so that the kernel resolves @anpr/kernel-lib from node_modules above.
  const root = mkdtempSync(path.join(ROOT, '.jupyter-local', 'e2e-map-'));
  symlinkSync(path.join(ROOT, 'notebooks', 'data'), path.join(root, 'data'));
  writeFileSync(
    path.join(root, NOTEBOOK),
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' } },
      cells: [cell(LOAD), cell(HOSTILE)]
    })
  );
  session = await openLab(root, { viewport: { width: 1400, height: 1100 } });
  ({ page } = session);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.lab.base });
  watchPage(page, { requests, dialogs });
});

afterAll(async () => {
  await session?.close();
});

const firstMap = () => page.locator('[data-anpr-widget="map"]').first();

/** Page coordinates of lat/lon points on the last map widget of the notebook (from its own Leaflet map). */
async function screenPoints(latLngs: [number, number][]): Promise<{ x: number; y: number }[]> {
  return page.evaluate((lls) => {
    const find = (w: any): any => (w?.map?.latLngToContainerPoint ? w : (w?.widgets ?? []).map(find).find(Boolean));
    const nb = (window as any).jupyterapp.shell.currentWidget.content;
    const widgets = nb.widgets.map((c: any) => find(c.outputArea)).filter(Boolean);
    const mw = widgets[widgets.length - 1];
    const el = mw.map.getContainer();
    const r = el.getBoundingClientRect();
    // Container points start inside the border (Leaflet subtracts clientLeft/clientTop).
    return lls.map((ll: [number, number]) => {
      const p = mw.map.latLngToContainerPoint(ll);
      return { x: r.left + el.clientLeft + p.x, y: r.top + el.clientTop + p.y };
    });
  }, latLngs);
}

/** The notebook's cells: source and outputs (as JSON) from the model. */
async function cells(): Promise<{ source: string; outputs: any[] }[]> {
  return page.evaluate(() => {
    const panel = (window as any).jupyterapp.shell.currentWidget;
    return panel.content.widgets.map((w: any) => ({ source: w.model.sharedModel.getSource(), outputs: w.model.outputs.toJSON() }));
  });
}

/** Insert a code cell at `index` and run it (it becomes the active cell). */
async function insertAndRun(index: number, source: string): Promise<void> {
  await page.evaluate(
    async ([i, src]) => {
      const app = (window as any).jupyterapp;
      const nb = app.shell.currentWidget.content;
      nb.model.sharedModel.insertCell(i, { cell_type: 'code', source: src });
      nb.activeCellIndex = i;
      await app.commands.execute('notebook:run-cell');
    },
    [index, source] as [number, string]
  );
}

/** Run the cell at `index`. */
async function runCell(index: number): Promise<void> {
  await page.evaluate(async i => {
    const app = (window as any).jupyterapp;
    app.shell.currentWidget.content.activeCellIndex = i;
    await app.commands.execute('notebook:run-cell');
  }, index);
}

/** Wait until the cell at `index` has an output whose JSON matches `pattern`; return the outputs. */
async function outputsOf(index: number, pattern: RegExp, timeout = 120_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = JSON.stringify((await cells())[index]?.outputs ?? []);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`cell ${index}: no output matching ${pattern}; got ${text.slice(0, 1500)}`);
    await page.waitForTimeout(300);
  }
}

describe('the map widget in JupyterLab', () => {
  it('shows sites, tracks and the tools', async () => {
    await openAndRunAll(session, NOTEBOOK);
    const deadline = Date.now() + 300_000;
    while ((await page.locator('[data-anpr-widget="map"][data-anpr-painted]').count()) < 2) {
      const now = await cells();
      if (Date.now() > deadline || now.some(c => c.outputs.some(o => o.output_type === 'error'))) {
        await page.screenshot({ path: path.join(SHOTS, 'map-failure.png') });
        throw new Error(`the two maps did not paint; cells: ${JSON.stringify(now).slice(0, 3000)}`);
      }
      await page.waitForTimeout(500);
    }
    const map = firstMap();
    await map.scrollIntoViewIfNeeded();
    const segments = Number(await map.getAttribute('data-anpr-segments'));
    expect(segments).toBeGreaterThan(10);
    expect(await map.locator('.leaflet-overlay-pane canvas').count()).toBe(1);
    expect(await map.locator('[data-anpr-tool]').count()).toBe(10);
    // The overlay canvas has coloured pixels (sites and tracks), not just a blank layer.
    const inked = await map.evaluate(node => {
      const c = node.querySelector('.leaflet-overlay-pane canvas') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(500);
    // Town names from GeoNames on the offline base layer: as text, the region's cities among them.
    await map.locator('.anpr-town-label').first().waitFor();
    const towns = await map.locator('.anpr-town-label').allTextContents();
    expect(towns.length).toBeGreaterThan(3);
    expect(towns).toContain('Liverpool');
    await page.screenshot({ path: path.join(SHOTS, 'map-sites-tracks.png') });
  });

  it('turns a polygon drawn with the mouse into a code cell that yields the same area', async () => {
    const map = firstMap();
    await map.scrollIntoViewIfNeeded();
    const box = (await map.locator('.anpr-Map').boundingBox())!;
    await map.locator('[data-anpr-tool="polygon"]').click();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // A quadrilateral over part of the data (the map fits the data, centred).
    const pts = [[cx - 0.12 * box.width, cy - 0.2 * box.height], [cx + 0.1 * box.width, cy - 0.22 * box.height], [cx + 0.12 * box.width, cy + 0.1 * box.height], [cx - 0.08 * box.width, cy + 0.15 * box.height]];
    for (const [x, y] of pts) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(120);
    }
    await page.mouse.click(pts[0][0], pts[0][1]); // the first vertex closes the polygon
    await expect.poll(() => map.getAttribute('data-anpr-drawn')).toBe('1');
    const sitesInside = Number(await map.getAttribute('data-anpr-drawn-sites'));
    const bundle = (await cells())[0].outputs.find(o => o.data?.[MAP_MIME]).data[MAP_MIME];
    expect(sitesInside).toBeGreaterThan(0);
    expect(sitesInside).toBeLessThan(bundle.sites.length);
    await page.screenshot({ path: path.join(SHOTS, 'map-drawn-polygon.png') });

    await map.locator('[data-anpr-tool="copy"]').click();
    await expect.poll(() => map.locator('.anpr-MapToolbar-status').textContent()).toContain('copied');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));

    const before = await cells();
    const mapCell = before.findIndex(c => c.outputs.some(o => o.data?.[MAP_MIME]?.title === 'E2E map'));
    expect(mapCell).toBe(0);
    await map.locator('[data-anpr-tool="insert"]').click();
    await expect.poll(async () => (await cells()).length).toBe(before.length + 1);
    const inserted = (await cells())[mapCell + 1].source;
    expect(inserted).toMatch(/^const area1 = area\(\{"type":"Polygon","coordinates":\[\[\[/m);
    expect(inserted).toContain(`${sitesInside} of the map's sites inside`);
    const geometry = JSON.parse(/area\((\{.*\}), "area1"\);/.exec(inserted)![1]);
    expect(geometry.coordinates[0]).toHaveLength(5);
    expect(copied.features[0].geometry).toEqual(geometry);

    // Run the inserted cell, then ask the kernel what area1 is.
    await runCell(mapCell + 1);
    await insertAndRun(
      mapCell + 2,
      'console.log("AREA1 " + JSON.stringify({ name: area1.name, polygons: area1.polygons, inside: store.sites.id.filter((id, s) => anpr.pointInArea(area1, store.sites.lat[s], store.sites.lon[s])).length }))'
    );
    const out = await outputsOf(mapCell + 2, /AREA1 /);
    const kernelArea = JSON.parse(/AREA1 (\{.*?\})\\n/.exec(out)![1].replace(/\\"/g, '"'));
    expect(kernelArea.name).toBe('area1');
    expect(kernelArea.polygons).toEqual([geometry.coordinates]);
    expect(kernelArea.inside).toBe(sitesInside);
    await page.screenshot({ path: path.join(SHOTS, 'map-inserted-cell.png') });
  });

  it('draws fewer segments when the time filter narrows, exactly those in the window', async () => {
    const map = firstMap();
    await map.scrollIntoViewIfNeeded();
    const all = Number(await map.getAttribute('data-anpr-segments'));
    await map.locator('input[data-anpr-time="to"]').evaluate((el: HTMLInputElement) => {
      el.value = '300';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(async () => Number(await map.getAttribute('data-anpr-segments'))).toBeLessThan(all);
    const drawn = Number(await map.getAttribute('data-anpr-segments'));
    const filter = map.locator('.anpr-TimeFilter');
    const from = Number(await filter.getAttribute('data-anpr-from'));
    const to = Number(await filter.getAttribute('data-anpr-to'));
    const bundle = (await cells())[0].outputs.find(o => o.data?.[MAP_MIME]).data[MAP_MIME];
    const expected = bundle.tracks.reduce((n: number, t: any) => n + Math.max(0, t.points.filter((p: number[]) => p[2] >= from && p[2] <= to).length - 1), 0);
    expect(drawn).toBe(expected);
    expect(drawn).toBeGreaterThan(0);
    expect(await filter.locator('.anpr-TimeFilter-label').textContent()).toMatch(/\d{2}:\d{2} – .*\d{2}:\d{2}/);
    await page.screenshot({ path: path.join(SHOTS, 'map-time-filter.png') });
  });

  it('shows hostile names as text in the legend, tooltip and popup, and runs no script', async () => {
    const map = page.locator('[data-anpr-widget="map"]').nth(1);
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.locator('.anpr-Legend').textContent()).toContain(XSS);
    // Where the hostile site is on screen, from the widget's own Leaflet map.
    const [point] = await screenPoints([[53.4, -2.98]]);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => map.locator('.leaflet-tooltip').textContent()).toBe(`${XSS}: 5 reads`);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => map.locator('.leaflet-popup-content').textContent()).toContain(XSS);
    await page.screenshot({ path: path.join(SHOTS, 'map-xss-as-text.png') });
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('lists a track\'s reads on click, shows the heat layer and saves a PNG', async () => {
    const map = page.locator('[data-anpr-widget="map"]').nth(1);
    await map.scrollIntoViewIfNeeded();
    // A quarter of the way along the segment on screen (the middle has the direction chevron).
    const [a, b] = await screenPoints([[53.42, -2.95], [53.45, -2.9]]);
    const mid = { x: a.x + (b.x - a.x) / 4, y: a.y + (b.y - a.y) / 4 };
    await page.mouse.click(mid.x, mid.y);
    await expect.poll(() => map.locator('.leaflet-popup-content .anpr-Popup-heading').textContent()).toBe(XSS.replace('1', '2'));
    expect(await map.locator('.leaflet-popup-content .anpr-Popup > div').count()).toBe(3); // heading + 2 reads

    await map.locator('[data-anpr-tool="heat"]').click();
    expect(await map.locator('[data-anpr-tool="heat"]').getAttribute('aria-pressed')).toBe('true');
    const heatPixels = await map.evaluate(node => {
      const c = node.querySelector('canvas.anpr-Heat') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    expect(heatPixels).toBeGreaterThan(100);

    const [download] = await Promise.all([page.waitForEvent('download'), map.locator('[data-anpr-tool="png"]').click()]);
    expect(download.suggestedFilename()).toBe('anpr-map.png');
    const file = path.join(SHOTS, 'map-download.png');
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
    // The data layers are in the picture, not only the base map: the track's colour is there.
    const trackPixels = await page.evaluate(async b64 => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 0x4e) < 12 && Math.abs(d[i + 1] - 0x79) < 12 && Math.abs(d[i + 2] - 0xa7) < 12) n++;
      return n;
    }, png.toString('base64'));
    expect(trackPixels).toBeGreaterThan(100);
    await page.screenshot({ path: path.join(SHOTS, 'map-heat-popup.png') });
  });

  it('selects a site by clicking it and inserts the selection as code', async () => {
    const map = page.locator('[data-anpr-widget="map"]').nth(1);
    await map.scrollIntoViewIfNeeded();
    await map.locator('[data-anpr-tool="sites"]').click();
    const [point] = await screenPoints([[53.4, -2.98]]);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => map.getAttribute('data-anpr-selected')).toBe('X1');
    await expect.poll(() => map.locator('.leaflet-popup-content').count()).toBe(0); // selecting, not a popup (a closing one fades 200 ms)
    const before = await cells();
    const hostileCell = before.findIndex(c => c.outputs.some(o => o.data?.[MAP_MIME]?.title === XSS));
    await map.locator('[data-anpr-tool="insert"]').click();
    await expect.poll(async () => (await cells()).length).toBe(before.length + 1);
    const inserted = (await cells())[hostileCell + 1].source;
    expect(inserted).toContain('const sites1 = ["X1"];');
    expect(inserted).not.toContain('area(');
    await runCell(hostileCell + 1);
    await insertAndRun(hostileCell + 2, 'console.log("SITES1 " + JSON.stringify(sites1))');
    expect(await outputsOf(hostileCell + 2, /SITES1 /)).toContain('SITES1 [\\"X1\\"]');
    await page.screenshot({ path: path.join(SHOTS, 'map-selected-site.png') });
  });

  it('makes no request beyond 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(10);
    const outside = requests.filter(u => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    expect(outside).toEqual([]);
  });
});
