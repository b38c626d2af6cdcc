// `npm run fit:scorer`: fit the county-lines scorer's weights on the tuning variants only.
//
// For each tuning variant of bench/methods/variants.json and each fit seed (f1..f48, never the
// benchmark's seeds, which measure), and for the independent generators' tuning variants at their own
// seeds (bench/<generator>/scenarios.json that name one; --synth-only leaves them out), the finder runs
// (markets given) and every scored vehicle becomes one row: its term values
// (method/county-lines/score/terms.ts) and whether the truth calls it a runner. Each generator's rows
// get their own logistic fit with an L2 penalty (score/fit-logistic.ts), and the scorer's weights are
// half the mean of those fits (one vote per generator) and half one fit on all the rows together
// (--pooled-share, score/fit-by-group.ts). Written with this command and its data to
// kernel-lib/src/method/county-lines/score/model.ts. Deterministic: same runs, same weights.
//
//   npm run fit:scorer [-- --l2 0.03] [-- --pooled-share 0.5] [-- --variants a,b] [-- --synth-only] [-- --dry-run] [-- --cv-generators 0.01,0.03]
import path from 'node:path';
import { fitArgs, fitCommand, forEachFitRun, runAsChild, writeModel } from './lib/fit.mjs';
import { ROOT } from './lib/paths.mjs';

runAsChild(import.meta.filename);
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
// --cv-generators L2,L2,...: how well a fit carries to a generator it never saw, the gap a trial on
// another simulator will show: for each generator in the fit, the model fitted on the other
// generators' runs, measured on its own runs (ours: the tuning variants' benchmark seeds; the others:
// their tuning runs). The defaults, L2 0.03 and a pooled share of 0.5: see README "Robustness
// benchmark" (2026-12-07, with four generators in the fit).
const values = fitArgs('0.03', { 'cv-generators': { type: 'string' }, 'pooled-share': { type: 'string', default: '0.5' }, 'line-weights': { type: 'string', default: 'none' } }, 48);
const l2 = Number(values.l2), pooledShare = Number(values['pooled-share']);
const x = [], y = [], rowVariant = [], rowWeight = [];
// --line-weights: how much each runner plate counts in the fit. 'none': once each. 'inverse': 1 / (its
// line's plates), 'sqrt': 1 / √(its line's plates), rescaled so a run's runners still count as many
// as they are: a line that swaps plates every day then weighs no more than one that keeps one plate.
const lineWeight = { none: () => 1, inverse: (k) => 1 / k, sqrt: (k) => 1 / Math.sqrt(k) }[values['line-weights']];
if (!lineWeight) throw new Error(`--line-weights: none, inverse or sqrt, not ${values['line-weights']}`);
/** A run's scored vehicles as rows: plate and term basis (termRow). */
const termRows = (r) => r.result.candidates.map((c) => ({ vrm: c.vrm, x: lib.termRow(c.features) }));
const held = []; // our tuning variants at the benchmark's seeds, for --cv-generators only
const fitRuns = []; // every fit run's rows, for --cv-generators only
const { names, fitSeeds, others } = await forEachFitRun(values, 'fit', (name, seed, r, benchmarkSeed) => {
  const runners = new Set(r.truth.county_lines);
  const rows = termRows(r);
  if (benchmarkSeed) { held.push({ name, truth: runners, rows }); return; }
  const plates = new Map(r.truth.lines.flatMap((l) => l.vrms.map((v) => [v, l.vrms.length])));
  if (values['cv-generators']) fitRuns.push({ name, truth: runners, rows });
  const raw = r.result.candidates.map((c) => (runners.has(c.vrm) ? lineWeight(plates.get(c.vrm) ?? 1) : 1));
  const pos = r.result.candidates.filter((c) => runners.has(c.vrm));
  const scale = pos.length / Math.max(1e-12, pos.reduce((s, c) => s + lineWeight(plates.get(c.vrm) ?? 1), 0));
  r.result.candidates.forEach((c, i) => { x.push(rows[i].x); y.push(runners.has(c.vrm) ? 1 : 0); rowVariant.push(name); rowWeight.push(runners.has(c.vrm) ? raw[i] * scale : 1); });
  process.stderr.write(`[fit] ${name} ${seed}: ${r.result.candidates.length} rows\n`);
}, { benchmarkSeeds: Boolean(values['cv-generators']) });
// A row's generator: 'ours' for our tuning variants, else the independent generator's tuning variant.
const rowGroup = rowVariant.map((name) => (names.includes(name) ? 'ours' : name));
/** The blend of per-generator fits and a pooled fit on the rows `keep` selects. */
const fitGroups = (keep, l2fit) => {
  const rows = x.map((_, i) => i).filter(keep);
  return lib.fitLogisticByGroup(rows.map((i) => x[i]), rows.map((i) => y[i]), rows.map((i) => rowGroup[i]), { l2: l2fit, pooledShare, rowWeights: rows.map((i) => rowWeight[i]) });
};
/** A fit's ranking of one run's rows (plates, best first; ties by plate). */
const ranking = (fit, h) => h.rows.map((r) => ({ vrm: r.vrm, s: r.x.reduce((s, v, i) => s + fit.weights[i] * v, fit.intercept) }))
  .sort((a, b) => b.s - a.s || (a.vrm < b.vrm ? -1 : 1)).map((r) => r.vrm);
if (values['cv-generators']) {
  // Leave one generator out: fitted on the others' runs, measured on its runs (ours: the tuning variants' benchmark seeds).
  if (!others.length) throw new Error('--cv-generators needs the independent generators (not with --synth-only or --variants)');
  const folds = [['ours', held], ...others.map((o) => [o.variant, fitRuns.filter((r) => r.name === o.variant)])];
  for (const l2cv of values['cv-generators'].split(',').map(Number)) {
    const report = [], means = [];
    for (const [out, runs] of folds) {
      const fit = fitGroups((i) => rowGroup[i] !== out, l2cv);
      const aps = runs.map((h) => lib.averagePrecision(ranking(fit, h), h.truth)), m = lib.minMedian(aps);
      means.push(aps.reduce((s, v) => s + v, 0) / aps.length);
      report.push(`${out} left out: AP mean ${means.at(-1).toFixed(4)}, min ${m.min.toFixed(3)}, median ${m.median.toFixed(3)} (${aps.length} runs)`);
    }
    process.stdout.write(`cv-generators l2 ${l2cv}: mean ${(means.reduce((s, v) => s + v, 0) / means.length).toFixed(4)}; ${report.join('; ')}\n`);
  }
  process.exit(0);
}
const fit = fitGroups(() => true, l2);
const round = (w) => Math.round(w * 1e4) / 1e4;
const weights = Object.fromEntries(Object.entries(lib.weightsFromRow(fit.weights)).map(([k, ws]) => [k, ws.map(round)]));
const positives = y.reduce((s, v) => s + v, 0);
const command = fitCommand('fit:scorer', values);
const perGenerator = fit.groups.map((g) => ({ group: g.group, rows: g.rows, positives: g.positives, logLoss: round(g.fit.logLoss) }));
const model = {
  intercept: round(fit.intercept), weights,
  fitted: { command, variants: names, seeds: fitSeeds, ...(others.length ? { otherGenerators: others } : {}), rows: x.length, positives, l2, pooledShare, logLoss: round(fit.logLoss), perGenerator },
};
process.stderr.write(`[fit] ${x.length} rows (${positives} runners) in ${fit.groups.length} generators, mean model's log-loss ${fit.logLoss.toFixed(4)}\n`);
for (const [k, ws] of Object.entries(weights)) process.stdout.write(`${k.padEnd(16)} ${ws.map((w) => `${w >= 0 ? ' ' : ''}${w.toFixed(3)}`).join(' ')}\n`);
if (!values['dry-run']) {
  writeModel(path.join(ROOT, 'kernel-lib', 'src', 'method', 'county-lines', 'score', 'model.ts'), [
    "The county-lines scorer's weights, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json):",
    'half the mean of one logistic fit per generator, half one fit on all their rows. Written by',
    `\`${command}\` (scripts/fit-scorer.mjs); edit by re-running it, or pass your own`,
    '`params.model` to the finder. Each weight multiplies a term of terms.ts.',
  ], "import type { ScorerModel } from './types';", 'fittedCountyLinesModel', 'ScorerModel', model);
}
