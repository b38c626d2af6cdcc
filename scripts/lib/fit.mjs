// Shared by the fits on the tuning variants (scripts/fit-scorer.mjs, scripts/fit-lines.mjs): set-up
// and a child process on London time, the options, the runs of the finder on the tuning variants'
// fit seeds (never the benchmark's seeds, which measure), and the fitted model written as TypeScript.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt, ensureNpm } from './setup.mjs';
import { ROOT } from './paths.mjs';

/**
 * Set up (npm install, build) and run `script` again in a child on London time; in that child, return.
 * @example runAsChild(import.meta.filename); // the rest of the script runs in the child
 */
export function runAsChild(script) {
  if (process.env.ANPR_FIT_CHILD) return;
  ensureNpm();
  ensureBuilt();
  const r = spawnSync('node', [script, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London', ANPR_FIT_CHILD: '1' } });
  process.exit(r.status ?? 1);
}

/**
 * The fit's options: --l2 (default `l2`), --variants a,b (default: the tuning ones), --seeds (default: f1 … f`seeds`), --dry-run, and `extra` ones.
 * @example const values = fitArgs('0.1', { cv: { type: 'string' } });
 */
export function fitArgs(l2, extra = {}, seeds = 12) {
  return parseArgs({ options: {
    l2: { type: 'string', default: l2 }, variants: { type: 'string' }, seeds: { type: 'string', default: Array.from({ length: seeds }, (_, i) => `f${i + 1}`).join(',') },
    'dry-run': { type: 'boolean', default: false }, 'synth-only': { type: 'boolean', default: false }, ...extra,
  } }).values;
}

/**
 * Run the finder (markets given) on every fit variant at every fit seed, calling `each(name, seed, run, false)`;
 * then, unless --synth-only or --variants, on the tuning runs of every independent generator that has a tuning
 * variant (bench/<generator>/scenarios.json, its own seeds) with the run's result and truth; with `benchmarkSeeds`,
 * also at the benchmark's seeds of the fit variants, as `each(name, seed, run, true)` (to measure on, as --cv-generators does).
 * The audit log of these runs is removed afterwards. Returns the variants file, the variants' names, the fit seeds
 * and the independent generators' tuning variants and seeds (`others`: [{ variant, seeds }], empty when left out).
 * @example const { names, fitSeeds, others } = await forEachFitRun(values, 'fit', (name, seed, r) => rows.push(...));
 */
export async function forEachFitRun(values, tag, each, { benchmarkSeeds = false } = {}) {
  const { GENERATORS, loadSim, loadVariants, runSim, runVariant, tuningRuns } = await import('../../bench/methods/variant.mjs');
  const spec = loadVariants();
  const names = values.variants ? values.variants.split(',') : spec.tuning;
  const fitSeeds = values.seeds.split(',');
  // Each independent generator that names a tuning variant, with its scenarios file: [generator, spec].
  const tuned = values['synth-only'] || values.variants ? [] : Object.keys(GENERATORS).map((g) => [g, loadSim(g)]).filter(([, sim]) => sim.tuning);
  const others = tuned.map(([, sim]) => ({ variant: sim.tuning.name, seeds: sim.tuning.seeds }));
  if (fitSeeds.some((s) => spec.seeds.includes(s))) throw new Error(`fit seeds ${fitSeeds} overlap the benchmark's seeds ${spec.seeds}`);
  const audit = path.join(ROOT, 'bench-results', 'methods', `${tag}-audit-${process.pid}.jsonl`);
  const run = (v, seed) => runVariant(v, seed, { markets: 'given', audit, keepResult: true });
  try {
    for (const name of names) {
      const v = spec.variants.find((q) => q.name === name);
      if (!v) throw new Error(`no variant ${name} in bench/methods/variants.json`);
      for (const seed of fitSeeds) await each(name, seed, await run(v, seed), false);
      if (benchmarkSeeds) for (const seed of spec.seeds) await each(name, seed, await run(v, seed), true);
    }
    // The independent generators' tuning variants: the fits learn from simulators written apart from ours.
    for (const [g, sim] of tuned) for (const [s, seed] of tuningRuns(sim)) await each(s.name, seed, await runSim(g, s, seed, { audit, keepResult: true }), false);
  } finally {
    rmSync(audit, { force: true });
  }
  return { spec, names, fitSeeds, others };
}

/**
 * The command line that reproduces a fit, for the model file.
 * @example fitCommand('fit:lines', values) // 'npm run fit:lines -- --l2 1 --seeds f1,...'
 */
export function fitCommand(script, values) {
  const lineWeights = values['line-weights'] && values['line-weights'] !== 'none' ? ` --line-weights ${values['line-weights']}` : '';
  const pooled = values['pooled-share'] !== undefined ? ` --pooled-share ${Number(values['pooled-share'])}` : '';
  return `npm run ${script} -- --l2 ${Number(values.l2)}${pooled}${lineWeights} --seeds ${values.seeds}${values.variants ? ` --variants ${values.variants}` : ''}${values['synth-only'] ? ' --synth-only' : ''}`;
}

/**
 * Write a fitted model as a TypeScript module: `header` (the doc comment's lines), the type import,
 * and `export const name: type = model`.
 * @example writeModel('kernel-lib/src/.../line-model.ts', ['The ... model.'], "import type { M } from './m';", 'fittedModel', 'M', model)
 */
export function writeModel(file, header, typeImport, name, type, model) {
  const literal = JSON.stringify(model, null, 2)
    .replace(/\[\s+([-0-9a-z'",.\s]+?)\s+\]/g, (_, xs) => `[${xs.split(/,\s*/).join(', ')}]`)
    .replace(/"([a-zA-Z_][a-zA-Z0-9_]*)":/g, '$1:').replace(/"/g, "'");
  writeFileSync(file, `/**\n${header.map((l) => ` * ${l}`).join('\n')}\n */\n${typeImport}\n\n/** The fitted model, with how it was fitted. */\nexport const ${name}: ${type} = ${literal};\n`);
  process.stderr.write(`[fit] wrote ${path.relative(ROOT, file)}\n`);
}
