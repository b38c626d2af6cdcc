// End to end: the profile widget in the real JupyterLab (our build, headless Debian Chromium)
// on a scratch notebook (tests/e2e/profile-notebook.ts). It must draw its charts — the plotly
// timeline (SVG), the vega-lite heatmap, dwell and places charts, the small Leaflet map with
// the trips — link them (select a trip in the table, the timeline or the map → the same trip
// is highlighted in the others), show a site named <img src=x onerror=alert(1)> as text,
// and fetch nothing from anywhere but 127.0.0.1. A vega-lite chart from anpr.vegaLite() is drawn
// by JupyterLab's vega5 renderer. Screenshots: test-results/e2e/profile-*.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndRunAll, openLab, SHOTS, type LabSession, watchPage } from './harness';
import { PROFILE_NOTEBOOK, XSS_NAME, profileNotebookDir } from './profile-notebook';

let session: LabSession;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  session = await openLab(profileNotebookDir());
  page = session.page;
  watchPage(page, { requests, dialogs });
});

afterAll(async () => {
  await session?.close();
});

const W = '[data-anpr-widget="profile"]';

/** The selected trip as each linked view shows it: table row, map path, timeline trace. */
async function selectedEverywhere(): Promise<{ table: string | null; map: string | null; timeline: string | null; mapPath: string | null }> {
  return page.evaluate(w => {
    const root = document.querySelector(w)!;
    const row = root.querySelector('tr.anpr-Row-selected') as HTMLElement | null;
    const path = root.querySelector('.anpr-TripMap path.anpr-TripLine-selected');
    const gd = root.querySelector('.anpr-Timeline.js-plotly-plot') as HTMLElement | null;
    return {
      table: row?.dataset.trip ?? null,
      map: (root.querySelector('.anpr-TripMap') as HTMLElement).dataset.highlightedTrip || null,
      timeline: gd?.dataset.selectedTrip || null,
      mapPath: path?.getAttribute('data-trip') ?? null
    };
  }, W);
}

describe('the profile widget in JupyterLab', () => {
  it('draws the timeline, the vega-lite charts and the small map of trips', async () => {
    await openAndRunAll(session, PROFILE_NOTEBOOK);
    try {
      // The widget, or else the first error output (fail fast rather than wait out the timeout).
      await page.locator(`${W}, .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]`).first().waitFor({ timeout: 240_000 });
      await page.locator(W).first().waitFor({ timeout: 1_000 });
      await page.waitForFunction(
        w => {
          const root = document.querySelector(w);
          if (!root) return false;
          const timeline = root.querySelectorAll('.anpr-Timeline svg.main-svg .scatterlayer .trace').length >= 3;
          // vega-embed puts its class on the target itself; bars and heatmap cells are rect marks.
          const vega = ['.anpr-Heatmap', '.anpr-Dwell', '.anpr-Places'].every(c => root.querySelector(`${c}.vega-embed svg .mark-rect`));
          // Trips are SVG paths; the base layer and the sites are canvases.
          const map = root.querySelectorAll('.anpr-TripMap path.anpr-TripLine').length > 0 && root.querySelectorAll('.anpr-TripMap canvas').length >= 2;
          return timeline && vega && map;
        },
        W,
        { timeout: 120_000 }
      );
    } catch (e) {
      await page.screenshot({ path: path.join(SHOTS, 'profile-failure.png') });
      const errors = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .anpr-Error').allInnerTexts();
      throw new Error(`profile charts did not render; errors: ${JSON.stringify(errors).slice(0, 2000)}`, { cause: e });
    }
    const counts = await page.evaluate(w => {
      const root = document.querySelector(w)!;
      return {
        tripLines: root.querySelectorAll('.anpr-TripMap path.anpr-TripLine').length,
        tripRows: root.querySelectorAll('tr[data-trip]').length,
        // Plotly draws the traces twice: the plot and the range slider's miniature.
        readMarkers: Array.from(root.querySelectorAll('.anpr-Timeline .scatterlayer .trace:first-child .point')).filter(p => !p.closest('.rangeslider-container')).length,
        rangeSlider: root.querySelectorAll('.anpr-Timeline .rangeslider-container').length
      };
    }, W);
    expect(counts).toEqual({ tripLines: 10, tripRows: 10, readMarkers: 30, rangeSlider: 1 });
    await page.locator(`${W} .anpr-Timeline`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'profile-widget.png') });
  });

  it('links a trip selected in the table, the map or the timeline to the other two', async () => {
    await page.locator(`${W} tr[data-trip="3"]`).click();
    await expect.poll(selectedEverywhere).toEqual({ table: '3', map: '3', timeline: '3', mapPath: '3' });

    // The reverse: click trip 8's path on the small map (a point on its stroke, a quarter along;
    // the evening trips share one route and trip 8, drawn last of them, is on top).
    await page.locator(`${W} .anpr-TripMap`).scrollIntoViewIfNeeded();
    const at = await page.evaluate(w => {
      const path = document.querySelector(`${w} .anpr-TripMap path[data-trip="8"]`) as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 4);
      const m = path.getScreenCTM()!;
      const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
      return { x, y, hit: document.elementFromPoint(x, y) === path };
    }, W);
    expect(at.hit).toBe(true);
    await page.mouse.click(at.x, at.y);
    await expect.poll(selectedEverywhere).toEqual({ table: '8', map: '8', timeline: '8', mapPath: '8' });
    await page.locator(`${W} .anpr-TripMap`).screenshot({ path: path.join(SHOTS, 'profile-map-selected.png') });

    // And from the timeline: click the start marker of trip 0 (the trips trace is the third).
    await page.locator(`${W} .anpr-Timeline`).scrollIntoViewIfNeeded();
    const box = await page.evaluate(w => {
      const pts = Array.from(document.querySelectorAll(`${w} .anpr-Timeline .scatterlayer .trace:nth-child(3) .point`)).filter(p => !p.closest('.rangeslider-container'));
      const r = pts[0].getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, W);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(selectedEverywhere).toEqual({ table: '0', map: '0', timeline: '0', mapPath: '0' });
    await page.locator(W).screenshot({ path: path.join(SHOTS, 'profile-selected.png') });
  });

  it('renders a vega-lite chart from anpr.vegaLite with JupyterLab\'s vega renderer', async () => {
    // @jupyterlab/vega5-extension's renderer (the SVG fallback would be a .jp-RenderedSVG instead).
    const out = page.locator('.jp-OutputArea-output.jp-RenderedVegaLite');
    await out.first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => {
      const o = document.querySelector('.jp-OutputArea-output.jp-RenderedVegaLite');
      return !!o && o.querySelectorAll('canvas, svg').length > 0;
    }, undefined, { timeout: 60_000 });
    const box = (await out.first().boundingBox())!;
    expect(box.height).toBeGreaterThan(150);
    await out.first().scrollIntoViewIfNeeded();
    await out.first().screenshot({ path: path.join(SHOTS, 'profile-vegalite-chart.png') });
  });

  it('shows a site named <img src=x onerror=alert(1)> as text', async () => {
    const xss = await page.evaluate(
      ([w, name]) => {
        const root = document.querySelector(w)!;
        return {
          imgs: root.querySelectorAll('img').length,
          cellsWithName: Array.from(root.querySelectorAll('td')).filter(td => td.textContent === name).length,
          svgTextWithName: Array.from(root.querySelectorAll('svg text')).filter(t => (t.textContent ?? '').includes(name)).length
        };
      },
      [W, XSS_NAME] as const
    );
    expect(xss.imgs).toBe(0);
    expect(xss.cellsWithName).toBeGreaterThan(0); // trips (From/To) and places tables
    expect(xss.svgTextWithName).toBeGreaterThan(0); // the places chart's axis label
    expect(dialogs).toEqual([]);
  });

  it('resizes with the panel and redraws in the dark theme', async () => {
    const widths = () =>
      page.evaluate(w => {
        const root = document.querySelector(w)!;
        const svg = root.querySelector('.anpr-Timeline svg.main-svg') as SVGSVGElement;
        return { timeline: Math.round(svg.getBoundingClientRect().width), map: (root.querySelector('.anpr-TripMap') as HTMLElement).clientWidth };
      }, W);
    const wide = await widths();
    await page.setViewportSize({ width: 1000, height: 1000 });
    await expect.poll(async () => (await widths()).timeline).toBeLessThan(wide.timeline - 200);
    expect((await widths()).map).toBeLessThan(wide.map);
    await page.setViewportSize({ width: 1400, height: 1000 });

    const tickFill = () => page.evaluate(w => getComputedStyle(document.querySelector(`${w} .anpr-Timeline .xtick text`)!).fill, W);
    const light = await tickFill();
    await page.evaluate(() => (window as any).jupyterapp.commands.execute('apputils:change-theme', { theme: 'JupyterLab Dark' }));
    await page.waitForFunction(() => document.body.dataset.jpThemeLight === 'false', undefined, { timeout: 30_000 });
    await expect.poll(tickFill, { timeout: 30_000 }).not.toBe(light);
    await page.waitForFunction(w => !!document.querySelector(`${w} .anpr-Heatmap.vega-embed svg .mark-rect`), W, { timeout: 30_000 });
    await page.locator(W).screenshot({ path: path.join(SHOTS, 'profile-dark.png') });
    await page.evaluate(() => (window as any).jupyterapp.commands.execute('apputils:change-theme', { theme: 'JupyterLab Light' }));
  });

  it('fetches nothing from outside 127.0.0.1', () => {
    expect(requests.length).toBeGreaterThan(10);
    const outside = requests.filter(u => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const host = new URL(u).hostname;
      return host !== '127.0.0.1';
    });
    expect(outside).toEqual([]);
  });
});
