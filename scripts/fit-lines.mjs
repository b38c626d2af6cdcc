// `npm run fit:lines`: fit the suspected lines' hand-over model on the tuning variants only.
//
// For each tuning variant of bench/methods/variants.json and each fit seed (f1..f12, never the
// benchmark's seeds, which measure), and for the independent generators' tuning variants at their own
// seeds (bench/second-sim/scenarios.json, bench/third-sim/scenarios.json; --synth-only leaves them out), the finder runs (markets given); every possible hand-over
// among its suspects (method/county-lines/suspected-lines.ts: handOverCandidates) becomes one row:
// its terms (hand-over.ts) and whether the truth has the second plate follow the first in one
// line. A logistic regression with an L2 penalty (score/fit-logistic.ts) gives the weights,
// written with this command and its data to kernel-lib/src/method/county-lines/line-model.ts.
// It also prints the mean pair F1 of the lines on the fit runs for a few link bonuses (the
// default bonus is chosen from these). Deterministic: same variants, same weights.
// --cv L2,L2,...: two-fold cross-validation on the fit seeds alone (the model fitted on the first
// half of the seeds, and of the independent generators' tuning seeds, builds the lines of the second
// half, and the other way round): the mean pair
// F1 for each penalty and link bonus, the figures by which the terms and the bonus were chosen.
//
//   npm run fit:lines [-- --l2 1] [-- --variants a,b] [-- --dry-run] [-- --cv 1,3]
import path from 'node:path';
import { fitArgs, fitCommand, forEachFitRun, runAsChild, writeModel } from './lib/fit.mjs';
import { ROOT } from './lib/paths.mjs';

runAsChild(import.meta.filename);
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
const values = fitArgs('1', { cv: { type: 'string' } });
const l2 = Number(values.l2);
const x = [], y = [], runs = [], rowSeed = [];
const { names, fitSeeds, others } = await forEachFitRun(values, 'fit-lines', (name, seed, { result, truth }) => {
  const groups = truth.swap_groups ?? [];
  if (!groups.some((g) => g.length > 1)) return;
  const follows = new Set(truth.lines.flatMap((l) => l.vrms.slice(1).map((b, i) => `${l.vrms[i]}>${b}`)));
  const scoreOf = new Map(result.candidates.map((c) => [c.vrm, c.score]));
  const features = result.candidates.map((c) => c.features);
  const o = result.params.lines;
  const t0 = Math.min(...features.map((f) => f.firstSeen)), t1 = Math.max(...features.map((f) => f.lastSeen));
  const { suspects, edges } = lib.handOverCandidates(features, (vrm) => scoreOf.get(vrm) ?? -Infinity, result.params.lineMinScore, o, t0, t1);
  for (const e of edges) { x.push(e.terms); y.push(follows.has(`${suspects[e.a].vrm}>${suspects[e.b].vrm}`) ? 1 : 0); rowSeed.push(seed); }
  runs.push({ seed, features, scoreOf, minScore: result.params.lineMinScore, o, t0, t1, groups });
  process.stderr.write(`[fit] ${name} ${seed}: ${edges.length} possible hand-overs\n`);
});
const round = (w) => Math.round(w * 1e4) / 1e4;
/** The hand-over model of a fit, as line-model.ts holds it. */
const modelOf = (f) => ({ intercept: f.intercept, weights: Object.fromEntries(lib.HANDOVER_TERMS.map((k, i) => [k, f.weights[i]])) });
/** Mean pair F1 of the lines `model` builds on `list` (fit runs) with each link bonus. */
const pairF1 = (list, model, linkBonus) => list.map((r) => lib.linePairScores(lib.suspectedLines(r.features, (v) => r.scoreOf.get(v) ?? -Infinity, r.minScore, { ...r.o, model, linkBonus }, r.t0, r.t1).map((l) => l.vrms), r.groups).f1);
if (values.cv) {
  // The folds split the independent generators' tuning seeds the same way, so each of their runs is fitted on in one fold and measured in the other.
  const halfOf = (seeds) => seeds.slice(0, Math.ceil(seeds.length / 2));
  const half = new Set([...halfOf(fitSeeds), ...others.flatMap((o) => halfOf(o.seeds))]);
  for (const l2cv of values.cv.split(',').map(Number)) {
    const models = [true, false].map((first) => {
      const keep = rowSeed.map((s) => half.has(s) === first);
      return modelOf(lib.fitLogistic(x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i]), { l2: l2cv }));
    });
    for (const linkBonus of [2, 3, 4, 5]) {
      // The model fitted on one half of the seeds builds the other half's lines.
      const f1 = [...pairF1(runs.filter((r) => !half.has(r.seed)), models[0], linkBonus), ...pairF1(runs.filter((r) => half.has(r.seed)), models[1], linkBonus)];
      process.stdout.write(`cv l2 ${l2cv}, link bonus ${linkBonus}: two-fold mean pair F1 ${(f1.reduce((s, v) => s + v, 0) / f1.length).toFixed(4)} (${f1.length} runs)\n`);
    }
  }
}
const fit = lib.fitLogistic(x, y, { l2 });
const weights = Object.fromEntries(lib.HANDOVER_TERMS.map((k, i) => [k, round(fit.weights[i])]));
const positives = y.reduce((s, v) => s + v, 0);
const command = fitCommand('fit:lines', values);
const model = { intercept: round(fit.intercept), weights, fitted: { command, variants: names, seeds: fitSeeds, ...(others.length ? { otherGenerators: others } : {}), rows: x.length, positives, l2, logLoss: round(fit.logLoss) } };
process.stderr.write(`[fit] ${x.length} rows (${positives} hand-overs), ${fit.iterations} Newton steps, log-loss ${fit.logLoss.toFixed(4)}\n`);
for (const [k, w] of Object.entries(weights)) process.stdout.write(`${k.padEnd(14)} ${w >= 0 ? ' ' : ''}${w.toFixed(3)}\n`);
for (const linkBonus of [2, 3, 4, 5, 7]) {
  const f1 = pairF1(runs, model, linkBonus);
  process.stdout.write(`link bonus ${linkBonus}: mean pair F1 on the fit runs ${(f1.reduce((s, v) => s + v, 0) / f1.length).toFixed(4)} (${f1.length} runs)\n`);
}
if (!values['dry-run']) {
  writeModel(path.join(ROOT, 'kernel-lib', 'src', 'method', 'county-lines', 'line-model.ts'), [
    "The suspected lines' hand-over model, fitted on the tuning variants only (bench/methods/variants.json's and the independent generators', bench/<generator>/scenarios.json). Written by",
    `\`${command}\` (scripts/fit-lines.mjs); edit by re-running it, or pass your own`,
    '`params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.',
  ], "import type { HandOverModel } from './hand-over';", 'fittedHandOverModel', 'HandOverModel & { fitted: Record<string, unknown> }', model);
}
