// `npm run bench:methods`: the county-lines finder on behaviour-randomised scenario families.
//
// Every variant of bench/methods/variants.json is generated for every seed (once, cached under
// bench-results/methods/data/), the finder runs with the markets given (and, for the variants
// that ask, with markets discovered), and each ranking is scored against the scenario's truth:
// AP, P@25, R@100, decoys in the top 50 by class, and pairwise precision / recall / F1 of the
// suspected lines against the truth's swap groups. The table then gives the minimum and median
// over the held-out variants (every variant not named in `tuning`), the project's own template
// scenarios, and the independent generators' scenarios (bench/second-sim, third-sim, fourth-sim,
// fifth-sim and sixth-sim, scenarios.json each: simulators written apart from ours and from each other, other regions,
// all held out; the fourth, fifth and sixth are never tuned on). Results also go to bench-results/methods/results.json.
//
//   node bench/methods/run.mjs [--only NAME,NAME] [--seeds a,b] [--json FILE] [--weights FILE]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATORS, loadSim, loadVariants, runSim, runVariant, OWN_SCENARIOS, ROOT } from './variant.mjs';

const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));

const { values } = parseArgs({
  options: { only: { type: 'string' }, seeds: { type: 'string' }, json: { type: 'string' }, weights: { type: 'string' }, discover: { type: 'boolean', default: true } },
});
const spec = loadVariants();
const only = values.only ? new Set(values.only.split(',')) : null;
const seeds = values.seeds ? values.seeds.split(',') : spec.seeds;
const tuning = new Set(spec.tuning);
const scorerModel = values.weights ? JSON.parse(readFileSync(values.weights, 'utf8')) : undefined;

const rows = [];
const audit = path.join(ROOT, 'bench-results', 'methods', `audit-${process.pid}.jsonl`);
mkdirSync(path.dirname(audit), { recursive: true });
try {
  for (const v of spec.variants) {
    if (only && !only.has(v.name)) continue;
    for (const seed of seeds) {
      const modes = v.discover && values.discover ? ['given', 'discovered'] : ['given'];
      for (const markets of modes) {
        const r = await runVariant(v, seed, { markets, audit, scorerModel });
        r.role = tuning.has(v.name) ? 'tuning' : 'held-out';
        rows.push(r);
        process.stderr.write(`[methods] ${r.variant} ${seed} ${markets}: AP ${r.ap.toFixed(3)} (${r.seconds.toFixed(1)} s)\n`);
      }
    }
  }
  if (!only) {
    for (const own of OWN_SCENARIOS) {
      const r = await runVariant(own, own.seed, { markets: "given", audit, scorerModel });
      r.role = 'own';
      rows.push(r);
      process.stderr.write(`[methods] own ${r.variant}: AP ${r.ap.toFixed(3)}\n`);
    }
    // The independent generators (bench/second-sim, third-sim, fourth-sim, fifth-sim, sixth-sim): other regions and behaviour code, all held out.
    for (const [gen, { role }] of Object.entries(GENERATORS)) {
      const sim = loadSim(gen);
      for (const s of sim.scenarios) {
        for (const seed of values.seeds ? seeds : sim.seeds) {
          for (const markets of values.discover ? ['given', 'discovered'] : ['given']) {
            const r = await runSim(gen, s, seed, { markets, audit, scorerModel });
            r.role = role;
            rows.push(r);
            process.stderr.write(`[methods] ${role} ${r.variant} ${seed} ${markets}: AP ${r.ap.toFixed(3)}\n`);
          }
        }
      }
    }
  }
} finally {
  rmSync(audit, { force: true });
}

// Pairwise F1 is undefined where the truth has no same-line pairs (every line keeps one plate):
// such runs show '–' and stay out of the F1 summary; their line precision (0 if any pair is drawn) still shows.
const lineF1 = (s) => (s.truthPairs > 0 ? s.f1 : NaN);
// Decoys in the top 50 that a perfect ranking of the scored plates would also hold: with fewer
// than 50 runner plates scored, the rest of the top 50 must be decoys. "Beyond" counts the others.
const decoysBeyond = (r) => r.decoysTop50.total - Math.max(0, 50 - Math.round(r.truthCount * r.ceiling));
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const classes = [...new Set(rows.flatMap((r) => Object.keys(r.decoysTop50).filter((k) => k !== 'total' && rows.some((q) => q.decoysTop50[k] > 0))))].sort();
const head = ['variant', 'seed', 'markets', 'role', 'reads', 'runner plates', 'scored (ceiling)', 'AP', 'P@25', 'R@100', 'decoys top 50', 'beyond the unavoidable', ...classes, 'line P', 'line R', 'line F1', 'line F1 (scored plates)'];
const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const r of rows) {
  out.push(`| ${[r.variant, r.seed, r.markets, r.role, r.reads.toLocaleString('en-GB'), r.truthCount, f3(r.ceiling), f3(r.ap), f3(r.p25), f3(r.r100), r.decoysTop50.total, decoysBeyond(r),
    ...classes.map((c) => r.decoysTop50[c] ?? 0), f3(r.lines.precision), f3(r.lines.recall), f3(lineF1(r.lines)), f3(lineF1(r.linesScored))].join(' | ')} |`);
}
const stat = (xs) => lib.minMedian(xs);
const summary = [];
const sets = [['held-out', 'given'], ['held-out', 'discovered'], ['tuning', 'given'], ['own', 'given'], ...Object.values(GENERATORS).flatMap(({ role }) => [[role, 'given'], [role, 'discovered']])];
for (const [role, mk] of sets) {
  const g = rows.filter((r) => r.role === role && r.markets === mk);
  if (!g.length) continue;
  const ceil = stat(g.map((r) => r.ceiling));
  const ap = stat(g.map((r) => r.ap)), p25 = stat(g.map((r) => r.p25)), r100 = stat(g.map((r) => r.r100));
  const dec = stat(g.map((r) => r.decoysTop50.total)), beyond = stat(g.map(decoysBeyond)), f1 = stat(g.map((r) => lineF1(r.lines)).filter(Number.isFinite)), f1s = stat(g.map((r) => lineF1(r.linesScored)).filter(Number.isFinite));
  summary.push(`| ${role} | ${mk} | ${g.length} | ${f3(ceil.min)} | ${f3(ap.min)} | ${f3(ap.median)} | ${f3(p25.min)} | ${f3(r100.min)} | ${dec.median} (max ${Math.max(...g.map((r) => r.decoysTop50.total))}) | ${beyond.median} (max ${Math.max(...g.map(decoysBeyond))}) | ${f3(f1.min)} | ${f3(f1.median)} | ${f3(f1s.median)} |`);
}
const tables = `### County-lines finder on behaviour-randomised scenarios (${seeds.length} seeds; tuning: ${[...tuning].join(', ')})\n\n${out.join('\n')}\n`
  + `\n| set | markets | runs | ceiling min | AP min | AP median | P@25 min | R@100 min | decoys top 50 median | beyond the unavoidable, median | line F1 min (runs with swaps) | line F1 median | line F1 (scored plates) median |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n${summary.join('\n')}\n`;
process.stdout.write('\n' + tables);
// The full run's tables are kept beside the variants (template 04 shows them): committed with the method they measured.
if (!only && !values.seeds && !values.weights) writeFileSync(path.join(ROOT, 'bench', 'methods', 'results.md'), `${tables}\nScorer: ${scorerModel ? 'given by --weights' : 'the fitted default'}; \`npm run bench:methods\`.\n`);
const jsonOut = values.json ?? path.join(ROOT, 'bench-results', 'methods', 'results.json');
mkdirSync(path.dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, JSON.stringify({ seeds, tuning: [...tuning], rows }, null, 1) + '\n');
if (!existsSync(jsonOut)) process.exitCode = 1;
