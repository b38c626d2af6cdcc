// End to end: kernel errors as JupyterLab users expect them (issue 7). In the real JupyterLab
// (our build, Debian's jupyter_server) in headless Chromium, Run All on a notebook whose second
// cell throws shows a red error output with the exception's name and message and an execution
// count; the cell after it is aborted (stop_on_error). After fixing the cell, Run All runs the
// third cell. Screenshot: test-results/e2e/kernel-errors.png.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndRunAll, openLab, runAll, SHOTS, type LabSession } from './harness';

const NOTEBOOK = 'kernel-errors.ipynb';

let session: LabSession;
let page: Page;

const cell = (source: string) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });

beforeAll(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'anpr-e2e-root-'));
  writeFileSync(
    path.join(root, NOTEBOOK),
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' } },
      cells: [cell('const okValue: number = 40 + 2;\nokValue'), cell('throw new RangeError("boom")'), cell('console.log("third cell ran")')]
    })
  );
  session = await openLab(root, { viewport: { width: 1400, height: 900 } });
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

type CellState = { count: number | null; prompt: string; outputs: { type: string; text: string }[] };

/** The notebook's cells as the model sees them: prompt, output types and texts. */
async function cells(p: Page): Promise<CellState[]> {
  return p.evaluate(() => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const panel = app.shell.currentWidget;
    return panel.content.widgets.map((w: any) => ({
      count: w.model.executionCount as number | null,
      prompt: (w.node.querySelector('.jp-InputPrompt')?.textContent ?? '').trim(),
      outputs: w.model.outputs.toJSON().map((o: any) => ({ type: o.output_type, text: JSON.stringify(o) }))
    }));
  });
}

describe('kernel errors in JupyterLab', () => {
  it('shows an error output with name, message and count, and runs on after a fix', async () => {
    await openAndRunAll(session, NOTEBOOK);

    // JupyterLab renders `error` outputs (like stderr) as application/vnd.jupyter.stderr.
    const errorOutput = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
    await errorOutput.first().waitFor({ timeout: 120_000 });
    await expect.poll(async () => (await errorOutput.first().innerText()), { timeout: 30_000 }).toMatch(/RangeError[\s\S]*boom/);
    // The notebook is done when the kernel is idle again.
    await page.waitForFunction(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status === 'idle', undefined, { timeout: 60_000 });

    let now = await cells(page);
    expect(now[0].outputs.map(o => o.type)).toEqual(['execute_result']);
    expect(now[0].outputs[0].text).toContain('42');
    expect(now[1].outputs.map(o => o.type)).toEqual(['error']);
    expect(now[1].outputs[0].text).toContain('"ename":"RangeError"');
    expect(now[1].count).toBe(now[0].count! + 1);
    expect(now[1].prompt).toBe(`[${now[1].count}]:`);
    // stop_on_error: the cell after the error was aborted, it printed nothing.
    expect(now[2].outputs).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kernel-errors.png') });

    // Fix the failing cell through the notebook model and run everything again.
    await page.evaluate(() => {
      const panel = (window as unknown as { jupyterapp: any }).jupyterapp.shell.currentWidget;
      panel.content.model.cells.get(1).sharedModel.setSource('const fixed = "fixed";\nfixed');
    });
    await runAll(page);
    await page.locator('.jp-OutputArea-output', { hasText: 'third cell ran' }).first().waitFor({ timeout: 120_000 });
    now = await cells(page);
    expect(now[1].outputs.map(o => o.type)).toEqual(['execute_result']);
    expect(now[2].outputs.map(o => o.type)).toEqual(['stream']);
    expect(now[2].count).toBe(now[1].count! + 1);
    expect(await errorOutput.count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'kernel-errors-fixed.png') });
  });
});
