// `npm run fit:lines`: fit the suspected lines' hand-over model on the tuning variants only.
//
// For each tuning variant of bench/methods/variants.json and each fit seed (f1..f12, never the
// benchmark's seeds, which measure), the finder runs (markets given); every possible hand-over
// among its suspects (method/county-lines/suspected-lines.ts: handOverCandidates) becomes one row:
// its terms (hand-over.ts) and whether the truth has the second plate follow the first in one
// line. A logistic regression with an L2 penalty (score/fit-logistic.ts) gives the weights,
// written with this command and its data to kernel-lib/src/method/county-lines/line-model.ts.
// It also prints the mean pair F1 of the lines on the fit runs for a few link bonuses (the
// default bonus is chosen from these). Deterministic: same variants, same weights.
//
//   npm run fit:lines [-- --l2 1] [-- --variants a,b] [-- --dry-run]
import path from 'node:path';
import { fitArgs, fitCommand, forEachFitRun, runAsChild, writeModel } from './lib/fit.mjs';
import { ROOT } from './lib/paths.mjs';

runAsChild(import.meta.filename);
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
const values = fitArgs('1');
const l2 = Number(values.l2);
const x = [], y = [], runs = [];
const { names, fitSeeds } = await forEachFitRun(values, 'fit-lines', (name, seed, { result, truth }) => {
  const groups = truth.swap_groups ?? [];
  if (!groups.some((g) => g.length > 1)) return;
  const follows = new Set(truth.lines.flatMap((l) => l.vrms.slice(1).map((b, i) => `${l.vrms[i]}>${b}`)));
  const scoreOf = new Map(result.candidates.map((c) => [c.vrm, c.score]));
  const features = result.candidates.map((c) => c.features);
  const o = result.params.lines;
  const t0 = Math.min(...features.map((f) => f.firstSeen)), t1 = Math.max(...features.map((f) => f.lastSeen));
  const { suspects, edges } = lib.handOverCandidates(features, (vrm) => scoreOf.get(vrm) ?? -Infinity, result.params.lineMinScore, o, t0, t1);
  for (const e of edges) { x.push(e.terms); y.push(follows.has(`${suspects[e.a].vrm}>${suspects[e.b].vrm}`) ? 1 : 0); }
  runs.push({ features, scoreOf, minScore: result.params.lineMinScore, o, t0, t1, groups });
  process.stderr.write(`[fit] ${name} ${seed}: ${edges.length} possible hand-overs\n`);
});
const fit = lib.fitLogistic(x, y, { l2 });
const round = (w) => Math.round(w * 1e4) / 1e4;
const weights = Object.fromEntries(lib.HANDOVER_TERMS.map((k, i) => [k, round(fit.weights[i])]));
const positives = y.reduce((s, v) => s + v, 0);
const command = fitCommand('fit:lines', values);
const model = { intercept: round(fit.intercept), weights, fitted: { command, variants: names, seeds: fitSeeds, rows: x.length, positives, l2, logLoss: round(fit.logLoss) } };
process.stderr.write(`[fit] ${x.length} rows (${positives} hand-overs), ${fit.iterations} Newton steps, log-loss ${fit.logLoss.toFixed(4)}\n`);
for (const [k, w] of Object.entries(weights)) process.stdout.write(`${k.padEnd(14)} ${w >= 0 ? ' ' : ''}${w.toFixed(3)}\n`);
for (const linkBonus of [2, 3, 4, 5, 7]) {
  const f1 = runs.map((r) => lib.linePairScores(lib.suspectedLines(r.features, (v) => r.scoreOf.get(v) ?? -Infinity, r.minScore, { ...r.o, model, linkBonus }, r.t0, r.t1).map((l) => l.vrms), r.groups).f1);
  process.stdout.write(`link bonus ${linkBonus}: mean pair F1 on the fit runs ${(f1.reduce((s, v) => s + v, 0) / f1.length).toFixed(4)} (${f1.length} runs)\n`);
}
if (!values['dry-run']) {
  writeModel(path.join(ROOT, 'kernel-lib', 'src', 'method', 'county-lines', 'line-model.ts'), [
    "The suspected lines' hand-over model, fitted on the tuning variants only. Written by",
    `\`${command}\` (scripts/fit-lines.mjs); edit by re-running it, or pass your own`,
    '`params.lines.model` to the finder. Each weight multiplies a term of hand-over.ts.',
  ], "import type { HandOverModel } from './hand-over';", 'fittedHandOverModel', 'HandOverModel & { fitted: Record<string, unknown> }', model);
}
