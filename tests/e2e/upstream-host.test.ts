// End to end in an unmodified upstream host: the stock JupyterLite 0.8.3 site (JupyterLab 4.6.3
// packages) from the npm package @galaxyproject/jupyterlite, with only its jupyter-lite.json
// changed to load our prebuilt extension (tests/e2e/upstream/lite-site.ts). A notebook with
// saved map and profile outputs opens; both widgets must render fully, our extension must join
// the host's shared scope without a single "Unsatisfied version" or shared-module warning, and
// nothing may leave 127.0.0.1: the host's own Pyodide fetches (its in-browser Python kernel
// loads from a CDN) are blocked and listed. Screenshots: docs/screenshots/upstream-jupyterlite-*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federation, ROOT, sharedScopeWarnings } from './harness';
import { KEPT_EXTENSIONS, liteSite, type LiteSite } from './upstream/lite-site';
import { widgetsNotebook } from './upstream/widgets-notebook';

const NOTEBOOK = 'anpr-widgets.ipynb';
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
// The resolver rule is a second wall behind the route below: no host name but 127.0.0.1 resolves.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/** The only requests allowed to try leaving 127.0.0.1: the host's Pyodide kernel loading its runtime. */
const PYODIDE = /pyodide/i;

let site: LiteSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let profileDir: string;
const blocked: string[] = [];
const messages: string[] = [];

beforeAll(async () => {
  site = await liteSite({ [NOTEBOOK]: widgetsNotebook() });
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'anpr-e2e-chromium-'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // No service worker: every request of the page and its workers goes through the route below.
  context = await browser.newContext({ viewport: { width: 1400, height: 2400 }, serviceWorkers: 'block' });
  await context.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('console', m => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', e => messages.push(`pageerror: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('our prebuilt extension in an unmodified upstream JupyterLite', () => {
  it('changes only the host config: its add-ons dropped, ours added', () => {
    expect(site.originalExtensions).toEqual(expect.arrayContaining(KEPT_EXTENSIONS));
    expect(site.originalExtensions).not.toContain('@anpr/jupyterlab-ext');
  });

  it('opens a notebook with saved outputs and renders the map and the profile fully', async () => {
    await page.goto(`${site.base}/lab/index.html?path=${NOTEBOOK}`);
    await page.waitForFunction(() => (window as unknown as { jupyterapp?: unknown }).jupyterapp !== undefined, undefined, { timeout: 120_000 });
    // The notebook's kernel (tslab) does not exist here, so the host asks for one: take its own
    // Python (Pyodide) kernel, whose runtime it fetches from a CDN; those fetches are blocked.
    const dialog = page.locator('.jp-Dialog');
    await dialog.first().waitFor({ timeout: 60_000 });
    const python = await dialog.locator('select option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value).find(v => /python/i.test(v)));
    if (python) await dialog.locator('select').selectOption(python);
    await dialog.locator('.jp-mod-accept').click();
    await dialog.first().waitFor({ state: 'detached', timeout: 10_000 });
    const map = page.locator('[data-anpr-widget="map"]');
    try {
      await page.waitForFunction(
        () => {
          const m = document.querySelector('[data-anpr-widget="map"]') as HTMLElement | null;
          const p = document.querySelector('[data-anpr-widget="profile"]');
          if (!m || !p) return false;
          const mapDrawn = !!m.dataset.anprPainted && !!m.querySelector('.leaflet-container') && Number(m.dataset.anprSegments) > 0 && m.querySelectorAll('.leaflet-pane canvas').length > 0;
          const timeline = p.querySelectorAll('.anpr-Timeline svg.main-svg .scatterlayer .trace').length >= 3;
          const vega = ['.anpr-Heatmap', '.anpr-Dwell', '.anpr-Places'].every(c => p.querySelector(`${c}.vega-embed svg .mark-rect`));
          const tripMap = p.querySelectorAll('.anpr-TripMap path.anpr-TripLine').length > 0;
          return mapDrawn && timeline && vega && tripMap;
        },
        undefined,
        { timeout: 120_000 }
      );
    } catch (e) {
      mkdirSync(path.join(ROOT, 'test-results', 'e2e'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e', 'upstream-failure.png') });
      throw new Error(`widgets did not render fully in the upstream host; console: ${JSON.stringify(messages).slice(0, 3000)}`, { cause: e });
    }
    expect(await page.locator('.anpr-Error').count()).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await map.first().scrollIntoViewIfNeeded();
    await map.first().screenshot({ path: path.join(SCREENSHOTS, 'upstream-jupyterlite-map.png') });
    const profile = page.locator('[data-anpr-widget="profile"]').first();
    await profile.scrollIntoViewIfNeeded();
    await profile.screenshot({ path: path.join(SCREENSHOTS, 'upstream-jupyterlite-profile.png') });
    const version = await page.evaluate(() => (window as unknown as { jupyterapp: { version: string } }).jupyterapp.version);
    console.log(`[upstream host] JupyterLite app version ${version}`);
  });

  it('loaded our extension by federation into the host shared scope, with no shared-scope warning', async () => {
    const { listed, containers } = await federation(page);
    expect(listed.map(e => e.name)).toEqual([...KEPT_EXTENSIONS, '@anpr/jupyterlab-ext']);
    expect(containers).toContain('@anpr/jupyterlab-ext');
    expect(sharedScopeWarnings(messages)).toEqual([]);
    // Nor a vega-lite warning from our charts (issue 16: "Dropping fit-y because spec has discrete height").
    expect(messages.filter(m => /Dropping|fit-[xy]/.test(m))).toEqual([]);
  });

  it('sent nothing beyond 127.0.0.1 except the host’s own Pyodide fetches, which were blocked', async () => {
    // Give the Pyodide kernel time to try (it fetches from its worker).
    const until = Date.now() + 20_000;
    while (!blocked.length && Date.now() < until) await page.waitForTimeout(250);
    console.log(`[upstream host] blocked requests (${blocked.length}):\n  ${blocked.join('\n  ') || '(none)'}`);
    expect(blocked.filter(u => !PYODIDE.test(u))).toEqual([]);
    // The wall was tested: the host did try to fetch Pyodide, and it was stopped.
    expect(blocked.length).toBeGreaterThan(0);
  });
});
