// Shared set-up of the browser end-to-end tests: our JupyterLab on a scratch notebook folder
// with a fresh lab state (no saved workspace restoring old tabs), and headless Debian Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { startLab } from '../../scripts/lib/lab-server.mjs';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');

export interface LabSession {
  lab: { base: string; token: string; stop: () => Promise<void>; log: () => string };
  browser: Browser;
  page: Page;
  /** Every console message of the page ("type: text"), in order. */
  console: string[];
  close: () => Promise<void>;
}

/** Flags Chromium needs here: headless as root, no network beyond loopback. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Start the lab serving `rootDir` (removed on close when `removeRoot`) and open a browser page.
 * `ANPR_E2E_LAB_BUILD` points the server at another frontend build; `ANPR_E2E_NO_LABEXTENSIONS=1`
 * starts it with no federated extension at all (the tests of our widgets must then fail).
 * `python` and `env` start the server with another interpreter / environment (the wheel test).
 */
export async function openLab(
  rootDir: string,
  { removeRoot = true, viewport = { width: 1400, height: 1000 }, python, env = {} }: { removeRoot?: boolean; viewport?: { width: number; height: number }; python?: string; env?: Record<string, string> } = {}
): Promise<LabSession> {
  mkdirSync(SHOTS, { recursive: true });
  const state = mkdtempSync(path.join(os.tmpdir(), 'anpr-e2e-state-'));
  const lab = await startLab({
    quiet: true,
    rootDir,
    python,
    build: process.env.ANPR_E2E_LAB_BUILD,
    noLabextensions: process.env.ANPR_E2E_NO_LABEXTENSIONS === '1',
    env: { ANPR_LAB_EXPOSE_APP: '1', ANPR_LAB_STATE: state, ...env }
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  page.on('pageerror', e => console.error('[page error]', e.message));
  const messages: string[] = [];
  page.on('console', m => messages.push(`${m.type()}: ${m.text()}`));
  return {
    lab,
    browser,
    page,
    console: messages,
    close: async () => {
      await browser.close();
      await lab.stop();
      rmSync(state, { recursive: true, force: true });
      if (removeRoot) rmSync(rootDir, { recursive: true, force: true });
    }
  };
}

/** Open a notebook of the lab's root folder, wait for the app and its kernel, then Run All. */
export async function openAndRunAll(session: LabSession, notebook: string): Promise<void> {
  const { page, lab } = session;
  await page.goto(`${lab.base}/lab/tree/${notebook}?token=${lab.token}`);
  // JupyterLab's <body> has zero height: wait for the attribute, not for visibility.
  await page.waitForSelector('body[data-anpr-lab-ready="true"]', { state: 'attached', timeout: 120_000 });
  await page.waitForSelector('.jp-NotebookPanel', { timeout: 60_000 });
  await runAll(page);
}

/** Run All in the current notebook once its document and kernel session are ready. */
export async function runAll(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const panel = app.shell.currentWidget;
    await panel.context.ready;
    await panel.sessionContext.ready;
    await app.commands.execute('notebook:run-all-cells');
  });
}

/**
 * Record every request the page makes and every dialog it opens (dismissing it), for the
 * "nothing leaves 127.0.0.1" and "no script runs" (XSS) checks. The arrays fill as the page runs.
 */
export function watchPage(page: Page, into: { requests: string[]; dialogs: string[] }): void {
  page.on('request', r => into.requests.push(r.url()));
  page.on('dialog', d => {
    into.dialogs.push(d.message());
    void d.dismiss();
  });
}

/** The federated extensions the page's config lists, and the containers the page has loaded (window._JUPYTERLAB). */
export async function federation(page: Page): Promise<{ listed: { name: string; load: string }[]; containers: string[] }> {
  return page.evaluate(() => {
    const el = document.getElementById('jupyter-config-data');
    const config = JSON.parse(el?.textContent || '{}');
    const containers = Object.keys((window as unknown as { _JUPYTERLAB?: Record<string, unknown> })._JUPYTERLAB ?? {});
    return { listed: config.federated_extensions ?? [], containers };
  });
}

/** Console messages about module federation's shared scope (version mismatches, missing shared modules). */
export function sharedScopeWarnings(messages: string[]): string[] {
  return messages.filter(m => /Unsatisfied version|shared module|share scope|Shared module/i.test(m));
}
