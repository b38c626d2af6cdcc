// `npm run fit:scorer`: fit the county-lines scorer's weights on the tuning variants only.
//
// For each tuning variant of bench/methods/variants.json and each fit seed (f1..f6, never the
// benchmark's seeds, which measure), the finder runs (markets
// given) and every scored vehicle becomes one row: its term values (method/county-lines/score/terms.ts)
// and whether the truth calls it a runner. A logistic regression with an L2 penalty
// (score/fit-logistic.ts) gives the weights, written with this command and its data to
// kernel-lib/src/method/county-lines/score/model.ts. Deterministic: same variants, same weights.
//
//   npm run fit:scorer [-- --l2 1] [-- --variants a,b] [-- --dry-run]
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, ensureNpm } from './lib/setup.mjs';
import { ROOT } from './lib/paths.mjs';

if (!process.env.ANPR_FIT_CHILD) {
  ensureNpm();
  ensureBuilt();
  const r = spawnSync('node', [import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London', ANPR_FIT_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

// Seeds of the tuning variants to fit on: never the benchmark's own seeds (those measure).
// --cv L2,L2,...: choose the penalty on the tuning variants alone, leaving one tuning variant out
// at a time (fit on the others' fit seeds, AP on its benchmark seeds), and print the table.
const { values } = parseArgs({ options: {
  l2: { type: 'string', default: '0.1' }, variants: { type: 'string' }, seeds: { type: 'string', default: 'f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12' },
  cv: { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
} });
const { loadVariants, runVariant } = await import('../bench/methods/variant.mjs');
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
const spec = loadVariants();
const names = values.variants ? values.variants.split(',') : spec.tuning;
const l2 = Number(values.l2);
const fitSeeds = values.seeds.split(',');
if (fitSeeds.some((s) => spec.seeds.includes(s))) throw new Error(`fit seeds ${fitSeeds} overlap the benchmark's seeds ${spec.seeds}`);
const audit = path.join(ROOT, 'bench-results', 'methods', `fit-audit-${process.pid}.jsonl`);
const x = [], y = [], rowVariant = [];
const held = []; // the tuning variants at the benchmark's seeds, for --cv only
try {
  for (const name of names) {
    const v = spec.variants.find((q) => q.name === name);
    if (!v) throw new Error(`no variant ${name} in bench/methods/variants.json`);
    for (const seed of fitSeeds) {
      const r = await runVariant(v, seed, { markets: 'given', audit, keepResult: true });
      const runners = new Set(r.truth.county_lines);
      for (const c of r.result.candidates) { x.push(lib.termRow(c.features)); y.push(runners.has(c.vrm) ? 1 : 0); rowVariant.push(name); }
      process.stderr.write(`[fit] ${name} ${seed}: ${r.result.candidates.length} rows\n`);
    }
    if (values.cv) for (const seed of spec.seeds) {
      const r = await runVariant(v, seed, { markets: 'given', audit, keepResult: true });
      held.push({ name, truth: new Set(r.truth.county_lines), rows: r.result.candidates.map((c) => ({ vrm: c.vrm, x: lib.termRow(c.features) })) });
    }
  }
} finally {
  rmSync(audit, { force: true });
}
if (values.cv) {
  for (const l2cv of values.cv.split(',').map(Number)) {
    const aps = [];
    for (const out of names) {
      const keep = x.map((_, i) => rowVariant[i] !== out);
      const fit = lib.fitLogistic(x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i]), { l2: l2cv });
      for (const h of held.filter((q) => q.name === out)) {
        const ranked = h.rows.map((r) => ({ vrm: r.vrm, s: r.x.reduce((s, v, i) => s + fit.weights[i] * v, fit.intercept) }))
          .sort((a, b) => b.s - a.s || (a.vrm < b.vrm ? -1 : 1)).map((r) => r.vrm);
        aps.push(lib.averagePrecision(ranked, h.truth));
      }
    }
    const m = lib.minMedian(aps);
    process.stdout.write(`cv l2 ${l2cv}: leave-one-tuning-variant-out AP mean ${(aps.reduce((s, a) => s + a, 0) / aps.length).toFixed(4)}, min ${m.min.toFixed(3)}\n`);
  }
  process.exit(0);
}
const fit = lib.fitLogistic(x, y, { l2 });
const round = (w) => Math.round(w * 1e4) / 1e4;
const weights = Object.fromEntries(Object.entries(lib.weightsFromRow(fit.weights)).map(([k, ws]) => [k, ws.map(round)]));
const positives = y.reduce((s, v) => s + v, 0);
const command = `npm run fit:scorer -- --l2 ${l2} --seeds ${fitSeeds.join(',')}${values.variants ? ` --variants ${values.variants}` : ''}`;
const model = {
  intercept: round(fit.intercept), weights,
  fitted: { command, variants: names, seeds: fitSeeds, rows: x.length, positives, l2, logLoss: round(fit.logLoss) },
};
process.stderr.write(`[fit] ${x.length} rows (${positives} runners), ${fit.iterations} Newton steps, log-loss ${fit.logLoss.toFixed(4)}\n`);
for (const [k, ws] of Object.entries(weights)) process.stdout.write(`${k.padEnd(16)} ${ws.map((w) => `${w >= 0 ? ' ' : ''}${w.toFixed(3)}`).join(' ')}\n`);
if (!values['dry-run']) {
  const file = path.join(ROOT, 'kernel-lib', 'src', 'method', 'county-lines', 'score', 'model.ts');
  writeFileSync(file, `/**
 * The county-lines scorer's weights, fitted on the tuning variants only. Written by
 * \`${command}\` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own
 * \`params.model\` to the finder. Each weight multiplies a term of terms.ts.
 */
import type { ScorerModel } from './types';

/** The fitted model. */
export const fittedCountyLinesModel: ScorerModel = ${JSON.stringify(model, null, 2).replace(/\[\s+([-0-9.,\s]+?)\s+\]/g, (_, xs) => `[${xs.split(/,\s*/).join(', ')}]`).replace(/"([a-zA-Z_][a-zA-Z0-9_]*)":/g, '$1:').replace(/"/g, "'")};
`);
  process.stderr.write(`[fit] wrote ${path.relative(ROOT, file)}\n`);
}
