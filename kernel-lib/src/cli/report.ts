/**
 * `anpr report NOTEBOOK.ipynb --out FILE.html`: one self-contained HTML file from an executed
 * notebook (e.g. the copy `anpr run` writes), for trial evaluators to file or e-mail.
 *
 *   notebook → jupyter nbconvert --to html, template anpr-report (lab, without CDN scripts)
 *     → check: nothing in the HTML would be fetched (scripts, styles, images, fonts) → FILE.html
 *
 * Charts are the SVG that `vegaLite()` renders in the kernel; tables are plain HTML; the
 * widgets' text/html fallbacks stand in for the widgets. Exit 0 written, 1 the HTML would
 * fetch something (not written) or the notebook has no outputs, 2 bad usage or nbconvert failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as msg from '../messages';
import { guard, UsageError } from './args';

/** One-line description for `anpr --help`. */
export const summary = 'turn an executed notebook into one self-contained HTML report (nothing fetched from the network)';

/** The repository root when running from a checkout (kernel-lib/dist/cli -> ../../..). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The nbconvert template folder (kernel-lib/templates/nbconvert, holding anpr-report/). */
const TEMPLATES = path.resolve(__dirname, '..', '..', 'templates', 'nbconvert');

/** Attributes whose URL a browser fetches on its own (not `<a href>`, which waits for a click). */
const FETCH_ATTRS = new Set(['src', 'srcset', 'href', 'xlink:href', 'poster', 'data', 'background', 'action', 'formaction']);
/** A reference to anything outside the file: not inline data, not a fragment of the document itself. */
const external = (v: string) => {
  const t = v.trim();
  return t !== '' && !t.startsWith('#') && !/^(?:data|about):/i.test(t);
};

/**
 * Every resource an HTML document would fetch by itself from outside the file — network URLs
 * (http, https, protocol-relative), local files (`file:///usr/share/javascript/...`, as Debian's
 * nbconvert writes) and relative paths: attributes of elements other than `<a>` (script src,
 * link href, img src, svg image href, ...), CSS `url(...)` and `@import`. Inline `data:` URIs,
 * fragments (`#id`), namespace declarations (`xmlns="http://www.w3.org/2000/svg"`) and links
 * (which wait for a click) are not fetches.
 * @example fetchedUrls('<script src="https://cdn.example/x.js"></script><a href="https://example.org">') // ['https://cdn.example/x.js']
 */
export function fetchedUrls(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    if (tag[1].toLowerCase() === 'a') continue;
    for (const attr of tag[2].matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const name = attr[1].toLowerCase();
      const value = attr[3] ?? attr[4] ?? attr[5] ?? '';
      if (!FETCH_ATTRS.has(name)) continue;
      for (const part of name === 'srcset' ? value.split(/,\s+/) : [value]) if (external(part)) out.push(part.trim().split(/\s+/)[0]);
    }
  }
  for (const m of html.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)/gi)) if (external(m[1])) out.push(m[1].trim());
  for (const m of html.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/gi)) if (external(m[1])) out.push(m[1].trim());
  return [...new Set(out)];
}

async function jupyterEnv(): Promise<NodeJS.ProcessEnv> {
  const helper = path.join(ROOT, 'scripts', 'lib', 'jupyter-env.mjs');
  if (!existsSync(helper)) return process.env;
  const load = new Function('u', 'return import(u)') as (u: string) => Promise<{ jupyterEnv: () => NodeJS.ProcessEnv }>;
  return (await load(pathToFileURL(helper).href)).jupyterEnv();
}

/**
 * The report HTML of an executed notebook (nbconvert with the anpr-report template).
 * @example const html = await reportHtml('trial.ipynb')
 */
export async function reportHtml(notebook: string): Promise<string> {
  const jupyter = existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter';
  const r = spawnSync(
    jupyter,
    ['nbconvert', '--to', 'html', '--stdout', `--TemplateExporter.extra_template_basedirs=${TEMPLATES}`, '--template', 'anpr-report', notebook],
    { env: await jupyterEnv(), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }
  );
  if (r.status !== 0) throw new Error(msg.reportFailed(notebook, r.stderr || String(r.error ?? r.status)));
  return r.stdout;
}

/**
 * Run `anpr report`; returns the exit code.
 * @example await run(['trial.ipynb', '--out', 'trial-report.html']) // 0
 */
export async function run(argv: string[]): Promise<number> {
  return guard('report', msg.reportUsage, async () => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      process.stdout.write(msg.reportUsage + '\n');
      return 0;
    }
    if (positionals.length !== 1 || !existsSync(positionals[0])) throw new UsageError(msg.cliBadOption('report', 'NOTEBOOK', positionals.join(' ') || null, 'one existing .ipynb file'));
    if (!values.out) throw new UsageError(msg.cliBadOption('report', 'out', null, 'FILE.html'));
    const input = path.resolve(positionals[0]);
    const nb = JSON.parse(readFileSync(input, 'utf8')) as { cells: { cell_type: string; outputs?: unknown[] }[] };
    if (!nb.cells.some(c => c.cell_type === 'code' && (c.outputs?.length ?? 0) > 0)) {
      process.stderr.write(msg.reportNotExecuted(positionals[0]) + '\n');
      return 1;
    }
    let html: string;
    try {
      html = await reportHtml(input);
    } catch (e) {
      process.stderr.write((e as Error).message + '\n');
      return 2;
    }
    const urls = fetchedUrls(html);
    if (urls.length) {
      process.stderr.write(msg.reportFetches(urls) + '\n');
      return 1;
    }
    const out = path.resolve(values.out);
    writeFileSync(out, html);
    const charts = (html.match(/data-mime-type="image\/svg\+xml"/g) ?? []).length;
    process.stdout.write(msg.reportDone(out, Buffer.byteLength(html), charts) + '\n');
    return 0;
  });
}
