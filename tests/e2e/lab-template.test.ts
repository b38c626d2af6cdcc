// End to end: the real JupyterLab (our build, Debian's jupyter_server) in headless Chromium
// opens the start-here template, runs all cells on the tslab kernel, and both ANPR widgets
// render with content. Screenshots go to test-results/e2e/.
// Our extension is not in the host's bundle: the page loads it at run time as a prebuilt
// (federated) labextension, the way a user's JupyterLab does. ANPR_E2E_NO_LABEXTENSIONS=1
// starts the server without it, and then this test must fail.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federation, openAndRunAll, openLab, ROOT, SHOTS, sharedScopeWarnings, type LabSession } from './harness';

const NOTEBOOK = '00-start-here.ipynb';

let session: LabSession;
let lab: LabSession['lab'];
let page: Page;

/**
 * A scratch copy of notebooks/ (data linked), so the lab's autosave never writes outputs into
 * the repo. It lives inside the project (ignored .jupyter-local/) because the kernel resolves
 * `@anpr/kernel-lib` from the node_modules above the notebook.
 */
function scratchNotebooks(): string {
  mkdirSync(path.join(ROOT, '.jupyter-local'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.jupyter-local', 'e2e-notebooks-'));
  const src = path.join(ROOT, 'notebooks');
  for (const f of readdirSync(src)) if (f.endsWith('.ipynb')) copyFileSync(path.join(src, f), path.join(dir, f));
  symlinkSync(path.join(src, 'data'), path.join(dir, 'data'));
  return dir;
}

beforeAll(async () => {
  session = await openLab(scratchNotebooks());
  ({ lab, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('JupyterLab with the ANPR extension', () => {
  it('lists the tslab kernel at /api/kernelspecs', async () => {
    const res = await fetch(`${lab.base}/api/kernelspecs?token=${lab.token}`);
    const specs = (await res.json()) as { kernelspecs: Record<string, unknown> };
    expect(Object.keys(specs.kernelspecs)).toContain('tslab');
  });

  it('runs the start-here template and renders the map and profile widgets', async () => {
    await openAndRunAll(session, NOTEBOOK);
    const map = page.locator('[data-anpr-widget="map"]');
    const profile = page.locator('[data-anpr-widget="profile"]');
    try {
      await map.first().waitFor({ timeout: 240_000 });
      await profile.first().waitFor({ timeout: 240_000 });
    } catch (e) {
      await page.screenshot({ path: path.join(SHOTS, 'template-failure.png') });
      const errors = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').allInnerTexts();
      throw new Error(`widgets did not render; error outputs: ${JSON.stringify(errors).slice(0, 2000)}`, { cause: e });
    }
    // Real content, not an empty shell: the map draws its base layer and sites on a
    // Leaflet canvas/SVG; the profile draws a vega chart.
    await page.waitForFunction(
      () => {
        const m = document.querySelector('[data-anpr-widget="map"]');
        const p = document.querySelector('[data-anpr-widget="profile"]');
        const mapDrawn = !!m && m.querySelectorAll('.leaflet-pane canvas, .leaflet-pane path').length > 0;
        const chartDrawn = !!p && p.querySelectorAll('.vega-embed svg, .vega-embed canvas').length > 0;
        return mapDrawn && chartDrawn;
      },
      undefined,
      { timeout: 120_000 }
    );
    await map.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'template-map.png') });
    await profile.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'template-profile.png') });
    expect(await map.first().boundingBox()).toMatchObject({ height: expect.any(Number) });
    expect((await map.first().boundingBox())!.height).toBeGreaterThan(200);
    expect((await profile.first().boundingBox())!.height).toBeGreaterThan(100);
  });

  it('loaded @anpr/jupyterlab-ext by module federation from its prebuilt folder, with no shared-scope warning', async () => {
    const { listed, containers } = await federation(page);
    const ours = listed.find(e => e.name === '@anpr/jupyterlab-ext');
    const built = JSON.parse(readFileSync(path.join(ROOT, 'jupyterlab-ext', 'labextension', 'package.json'), 'utf8')).jupyterlab._build;
    expect(ours).toEqual({ name: '@anpr/jupyterlab-ext', ...built });
    expect(containers).toContain('@anpr/jupyterlab-ext');
    // The remote entry came from the labextensions URL.
    const res = await fetch(`${lab.base}/lab/extensions/@anpr/jupyterlab-ext/${built.load}`);
    expect(res.status).toBe(200);
    // Never bundled: the host's own files hold none of the renderers' code.
    const hostFiles = readdirSync(path.join(ROOT, 'lab', 'build')).filter(f => f.endsWith('.js'));
    const bundled = hostFiles.filter(f => readFileSync(path.join(ROOT, 'lab', 'build', f), 'utf8').includes('anpr-MapWidget'));
    expect(bundled).toEqual([]);
    expect(sharedScopeWarnings(session.console)).toEqual([]);
  });
});
