// Shared by the robustness benchmark (run.mjs) and the scorer fit (scripts/fit-scorer.mjs): the
// variants file, the project's own template scenarios, and one run of a variant at a seed
// through the library's robustness module (kernel-lib/src/score/robustness.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const lib = await import(path.join(ROOT, 'kernel-lib', 'dist', 'index.js'));
const DATA = path.join(ROOT, 'bench-results', 'methods', 'data');

/** The variants file (ANPR_VARIANTS overrides its path). */
export function loadVariants(file = process.env.ANPR_VARIANTS || path.join(ROOT, 'bench', 'methods', 'variants.json')) {
  return lib.readVariantSpec(file);
}

/** The project's own scenarios, with the scenario's fixed behaviours (the templates use the first two). */
export const OWN_SCENARIOS = [
  { name: 'own-merseyside-small', scenario: 'merseyside', days: 28, vehicles: 1500, seed: 'workshop' },
  { name: 'own-london-small', scenario: 'london', days: 28, vehicles: 1500, seed: 'workshop' },
  { name: 'own-merseyside', scenario: 'merseyside', days: 28, vehicles: 5000, seed: 'workshop' },
];

/**
 * Run the finder on one variant at one seed and score it, under a session that logs to `audit`.
 * `markets`: 'given' or 'discovered'; `scorerModel`: weights to use instead of the fitted ones.
 */
export async function runVariant(v, seed, options = {}) {
  return scoreScenario(await lib.variantScenario(v, seed, DATA), v.name, seed, 'robustness benchmark on synthetic data', options);
}

/** Score the finder on a scenario folder under a session that logs to `audit` (the row, or with keepResult the row, result and truth). */
async function scoreScenario(dir, name, seed, purpose, { markets = 'given', audit, scorerModel, keepResult = false } = {}) {
  lib.session({ operator: 'bench', purpose, auditLog: audit });
  try {
    const { row, result, truth } = await lib.evaluateScenario(dir, { markets, variant: name, seed, ...(scorerModel ? { params: { model: scorerModel } } : {}) });
    return keepResult ? { ...row, result, truth } : row;
  } finally {
    lib.endSession();
  }
}

/**
 * The independently written generators (each in bench/<folder>, written from DOMAIN.md alone,
 * without reading the project's generator, the finder or each other). A generator whose
 * scenarios.json names a `tuning` variant is learned from by the fits (in one region; its other
 * region is never tuned on); one without is never tuned on, and measures what a trial on a
 * simulator nobody here wrote would see.
 */
export const GENERATORS = {
  second: { folder: 'second-sim', role: 'second generator' },
  third: { folder: 'third-sim', role: 'third generator' },
  fourth: { folder: 'fourth-sim', role: 'fourth generator' },
  fifth: { folder: 'fifth-sim', role: 'fifth generator' },
  sixth: { folder: 'sixth-sim', role: 'sixth generator' },
};

const codeDigests = new Map();
/** A digest of a generator's code (its .mjs files, in subfolders too), read once per process. */
function simCode(folder) {
  if (codeDigests.has(folder)) return codeDigests.get(folder);
  const h = createHash('sha256');
  const dir = path.join(ROOT, 'bench', folder);
  for (const f of readdirSync(dir, { recursive: true }).filter((x) => x.endsWith('.mjs')).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  codeDigests.set(folder, h.digest('hex'));
  return codeDigests.get(folder);
}

/** A generator's scenarios and seeds (bench/<folder>/scenarios.json). */
export function loadSim(gen) {
  return JSON.parse(readFileSync(path.join(ROOT, 'bench', GENERATORS[gen].folder, 'scenarios.json'), 'utf8'));
}

/**
 * A generator's tuning runs: [scenario, seed] for each of its tuning seeds, the seed's window the
 * next of the tuning variant's windows (t1 the first, t2 the second, ...); none without a tuning variant.
 * @example tuningRuns(loadSim('second'))[0] // [{ name: 's2-tune-south-west', region: 'south_west', days: 21, ... }, 't1']
 */
export function tuningRuns(spec) {
  const t = spec.tuning;
  if (!t) return [];
  return t.seeds.map((seed, i) => [{ name: t.name, region: t.region, vehicles: t.vehicles, ...t.windows[i % t.windows.length] }, seed]);
}

/**
 * Generate a scenario of an independent generator at a seed once (its folder is named by the
 * scenario, the seed and a digest of the scenario and the generator's code, so a changed generator
 * makes new data), then run the finder on it and score it, as runVariant does.
 * @example await runSim('third', loadSim('third').scenarios[0], 'a', { markets: 'given', audit })
 */
export async function runSim(gen, s, seed, options = {}) {
  const { folder, role } = GENERATORS[gen];
  const digest = createHash('sha256').update(JSON.stringify({ ...s, name: undefined })).update(simCode(folder)).digest('hex').slice(0, 10);
  const dir = path.join(DATA, `${s.name}-${seed}-${digest}`);
  if (!existsSync(path.join(dir, 'truth.json'))) {
    const { simulate } = await import(path.join(ROOT, 'bench', folder, 'sim.mjs'));
    await simulate({ region: s.region, seed, days: s.days, start: s.start, vehicles: s.vehicles, out: dir });
  }
  return scoreScenario(dir, s.name, seed, `robustness benchmark on synthetic data (${role})`, options);
}
