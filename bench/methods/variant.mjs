// Shared by the robustness benchmark (run.mjs) and the scorer fit (scripts/fit-scorer.mjs): the
// variants file, the project's own template scenarios, and one run of a variant at a seed
// through the library's robustness module (kernel-lib/src/score/robustness.ts).
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
export async function runVariant(v, seed, { markets = 'given', audit, scorerModel, keepResult = false } = {}) {
  const dir = await lib.variantScenario(v, seed, DATA);
  lib.session({ operator: 'bench', purpose: 'robustness benchmark on synthetic data', auditLog: audit });
  try {
    const { row, result, truth } = await lib.evaluateScenario(dir, { markets, variant: v.name, seed, ...(scorerModel ? { params: { model: scorerModel } } : {}) });
    return keepResult ? { ...row, result, truth } : row;
  } finally {
    lib.endSession();
  }
}
