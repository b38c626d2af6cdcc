// `npm run fit:scorer`: fit the county-lines scorer's weights on the tuning variants only.
//
// For each tuning variant of bench/methods/variants.json and each fit seed (f1..f24, never the
// benchmark's seeds, which measure), and for the independent generators' tuning variants at their own
// seeds (bench/second-sim/scenarios.json, bench/third-sim/scenarios.json; --synth-only leaves them out), the finder runs (markets
// given) and every scored vehicle becomes one row: its term values (method/county-lines/score/terms.ts)
// and whether the truth calls it a runner. A logistic regression with an L2 penalty
// (score/fit-logistic.ts) gives the weights, written with this command and its data to
// kernel-lib/src/method/county-lines/score/model.ts. Deterministic: same variants, same weights.
//
//   npm run fit:scorer [-- --l2 1] [-- --variants a,b] [-- --synth-only] [-- --dry-run]
import path from 'node:path';
import { fitArgs, fitCommand, forEachFitRun, runAsChild, writeModel } from './lib/fit.mjs';
import { ROOT } from './lib/paths.mjs';

runAsChild(import.meta.filename);
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
// --cv L2,L2,...: choose the penalty on the tuning variants alone, leaving one tuning variant out
// at a time (fit on the others' fit seeds, AP on its benchmark seeds), and print the table.
// The default L2, 0.003: of --cv 0.003,0.01,0.03,0.1, the best AP on lines that keep one plate among
// the fits whose mean AP is within 0.005 of the best mean (the rule since 2026-12-03; on 2026-12-05,
// with 24 fit seeds: every L2 within 0.005 of the best mean 0.9783; fixed-plate lines 0.8673 at
// 0.003, 0.8671 at 0.01, 0.8667 at 0.03, 0.8663 at 0.1). 24 fit seeds, not 12 (2026-12-05): twice
// the rows from the same tuning variants (54,484, 3,065 runners).
// --cv-generators L2,L2,...: how well a fit carries to a generator it never saw, the gap a trial on
// another simulator will show: for each generator in the fit, fitted on the others' tuning runs and
// measured on its own (ours: the tuning variants' benchmark seeds; the others: their tuning runs).
const values = fitArgs('0.003', { cv: { type: 'string' }, 'cv-generators': { type: 'string' }, discovered: { type: 'boolean', default: false }, 'line-weights': { type: 'string', default: 'none' } }, 24);
const l2 = Number(values.l2);
const x = [], y = [], rowVariant = [], rowDiscovered = [], rowWeight = [];
// --line-weights: how much each runner plate counts in the fit. 'none': once each. 'inverse': 1 / (its
// line's plates), 'sqrt': 1 / √(its line's plates), rescaled so a run's runners still count as many
// as they are: a line that swaps plates every day then weighs no more than one that keeps one plate,
// so the fit learns the operation, not the mix of plate lifetimes the tuning scenarios happen to draw.
const lineWeight = { none: () => 1, inverse: (k) => 1 / k, sqrt: (k) => 1 / Math.sqrt(k) }[values['line-weights']];
if (!lineWeight) throw new Error(`--line-weights: none, inverse or sqrt, not ${values['line-weights']}`);
/** A run's scored vehicles as rows: plate and term basis (termRow). */
const termRows = (r) => r.result.candidates.map((c) => ({ vrm: c.vrm, x: lib.termRow(c.features) }));
const held = []; // the tuning variants at the benchmark's seeds, for --cv and --cv-generators only
const fitRuns = []; // every fit run's rows, for --cv-generators only
const { names, fitSeeds, others } = await forEachFitRun(values, 'fit', (name, seed, r, benchmarkSeed, discovered = false) => {
  if (benchmarkSeed) {
    const plates = new Map(r.truth.lines.flatMap((l) => l.vrms.map((v) => [v, l.vrms.length])));
    held.push({ name, discovered, truth: new Set(r.truth.county_lines), plates, rows: termRows(r) });
    return;
  }
  const runners = new Set(r.truth.county_lines);
  const plates = new Map(r.truth.lines.flatMap((l) => l.vrms.map((v) => [v, l.vrms.length])));
  const rows = termRows(r);
  if (values['cv-generators']) fitRuns.push({ name, truth: runners, rows });
  const raw = r.result.candidates.map((c) => (runners.has(c.vrm) ? lineWeight(plates.get(c.vrm) ?? 1) : 1));
  const pos = r.result.candidates.filter((c) => runners.has(c.vrm));
  const scale = pos.length / Math.max(1e-12, pos.reduce((s, c) => s + lineWeight(plates.get(c.vrm) ?? 1), 0));
  r.result.candidates.forEach((c, i) => { x.push(rows[i].x); y.push(runners.has(c.vrm) ? 1 : 0); rowVariant.push(name); rowDiscovered.push(discovered); rowWeight.push(runners.has(c.vrm) ? raw[i] * scale : 1); });
  process.stderr.write(`[fit] ${name} ${seed}${discovered ? ' (markets discovered)' : ''}: ${r.result.candidates.length} rows\n`);
}, { benchmarkSeeds: Boolean(values.cv || values['cv-generators']), discovered: values.discovered });
/** A fit's ranking of one run's rows (plates, best first; ties by plate). */
const ranking = (fit, h) => h.rows.map((r) => ({ vrm: r.vrm, s: r.x.reduce((s, v, i) => s + fit.weights[i] * v, fit.intercept) }))
  .sort((a, b) => b.s - a.s || (a.vrm < b.vrm ? -1 : 1)).map((r) => r.vrm);
if (values['cv-generators']) {
  // Leave one generator out: fitted on the others' rows, measured on its runs (ours: the tuning variants' benchmark seeds).
  if (!others.length) throw new Error('--cv-generators needs the independent generators (not with --synth-only or --variants)');
  const generatorOf = (name) => (others.some((o) => o.variant === name) ? name : 'ours');
  const folds = [['ours', held.filter((h) => !h.discovered)], ...others.map((o) => [o.variant, fitRuns.filter((r) => r.name === o.variant)])];
  for (const l2cv of values['cv-generators'].split(',').map(Number)) {
    const report = [];
    for (const [out, runs] of folds) {
      const rows = x.map((_, i) => i).filter((i) => generatorOf(rowVariant[i]) !== out);
      const fit = lib.fitLogistic(rows.map((i) => x[i]), rows.map((i) => y[i]), { l2: l2cv, rowWeights: rows.map((i) => rowWeight[i]) });
      const aps = runs.map((h) => lib.averagePrecision(ranking(fit, h), h.truth)), m = lib.minMedian(aps);
      report.push(`${out} left out: AP mean ${(aps.reduce((s, v) => s + v, 0) / aps.length).toFixed(4)}, min ${m.min.toFixed(3)}, median ${m.median.toFixed(3)} (${aps.length} runs)`);
    }
    process.stdout.write(`cv-generators l2 ${l2cv}: ${report.join('; ')}\n`);
  }
  process.exit(0);
}
if (values.cv) {
  for (const cvDiscovered of values.discovered ? [false, true] : [true]) { // with --discovered: the fit without those rows, then with them
  for (const l2cv of values.cv.split(',').map(Number)) {
    const aps = [], apFixed = [], apSwapped = [];
    for (const out of names) {
      const keep = x.map((_, i) => rowVariant[i] !== out && (cvDiscovered || !rowDiscovered[i]));
      const fit = lib.fitLogistic(x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i]), { l2: l2cv, rowWeights: rowWeight.filter((_, i) => keep[i]) });
      for (const h of held.filter((q) => q.name === out)) {
        const ranked = ranking(fit, h);
        aps.push(lib.averagePrecision(ranked, h.truth));
        // The same ranking judged on one kind of line at a time (the other kind's plates left out):
        // runners of lines that keep one plate, and runners of lines that swap plates.
        for (const [fixed, out] of [[true, apFixed], [false, apSwapped]]) {
          const other = (v) => h.truth.has(v) && (h.plates.get(v) === 1) !== fixed;
          const kept = ranked.filter((v) => !other(v)), truth = new Set([...h.truth].filter((v) => !other(v)));
          if (truth.size) out.push(lib.averagePrecision(kept, truth));
        }
      }
    }
    const m = lib.minMedian(aps), mean = (a) => (a.reduce((s, v) => s + v, 0) / a.length).toFixed(4);
    process.stdout.write(`cv l2 ${l2cv}${values.discovered ? (cvDiscovered ? ', fitted with discovered runs' : ', fitted on given runs only') : ''}: leave-one-tuning-variant-out AP mean ${mean(aps)}, min ${m.min.toFixed(3)} (${aps.length} runs); fixed-plate lines only ${mean(apFixed)}, swapping lines only ${mean(apSwapped)}\n`);
  }
  }
  process.exit(0);
}
const fit = lib.fitLogistic(x, y, { l2, rowWeights: rowWeight });
const round = (w) => Math.round(w * 1e4) / 1e4;
const weights = Object.fromEntries(Object.entries(lib.weightsFromRow(fit.weights)).map(([k, ws]) => [k, ws.map(round)]));
const positives = y.reduce((s, v) => s + v, 0);
const command = fitCommand('fit:scorer', values);
const model = {
  intercept: round(fit.intercept), weights,
  fitted: { command, variants: names, seeds: fitSeeds, ...(others.length ? { otherGenerators: others } : {}), rows: x.length, positives, l2, logLoss: round(fit.logLoss) },
};
process.stderr.write(`[fit] ${x.length} rows (${positives} runners), ${fit.iterations} Newton steps, log-loss ${fit.logLoss.toFixed(4)}\n`);
for (const [k, ws] of Object.entries(weights)) process.stdout.write(`${k.padEnd(16)} ${ws.map((w) => `${w >= 0 ? ' ' : ''}${w.toFixed(3)}`).join(' ')}\n`);
if (!values['dry-run']) {
  writeModel(path.join(ROOT, 'kernel-lib', 'src', 'method', 'county-lines', 'score', 'model.ts'), [
    "The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by",
    `\`${command}\` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own`,
    '`params.model` to the finder. Each weight multiplies a term of terms.ts.',
  ], "import type { ScorerModel } from './types';", 'fittedCountyLinesModel', 'ScorerModel', model);
}
