/**
 * Robustness runs: the county-lines finder on one behaviour-randomised scenario (a variant of
 * bench/methods/variants.json at one seed), generated once into a folder, loaded, searched and
 * scored against its truth. The robustness benchmark (`npm run bench:methods`), the scorer fit
 * (`npm run fit:scorer`) and template 04 all run variants through here, so they measure alike.
 *
 * This is an edge module (it writes scenarios and reads files); the searches it makes go
 * through the finder's public verb, so each is logged under the session like any other.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFamily, type FamilyInput } from '../synth/families';
import * as msg from '../messages';
import { loadReads } from '../ingest/load-reads';
import { recordInput } from '../run/registry';
import { findCountyLines, type CountyLinesParamsInput, type CountyLinesResult } from '../find/county-lines';
import { synthesize } from '../synth/synthesize';
import type { SynthTruth } from '../synth/truth';
import { averagePrecision, decoysInTop, linePairScores, precisionAtK, recallAtK } from './evaluate';

/** One variant: a scenario, its window and size, and the behaviour family overrides. */
export interface MethodVariant {
  name: string;
  scenario: string;
  days: number;
  start?: string;
  vehicles?: number;
  description?: string;
  /** Behaviour family overrides (see synth/families.ts); omitted = the scenario's fixed behaviours. */
  family?: Record<string, unknown>;
  /** Also run with the markets discovered. */
  discover?: boolean;
}

/** The variants file: seeds, the (at most 4) variants tuning may use, every variant. */
export interface VariantSpec {
  description?: string;
  seeds: string[];
  tuning: string[];
  variants: MethodVariant[];
}

/** The scores of one run. */
export interface RobustnessRow {
  variant: string;
  seed: string;
  markets: 'given' | 'discovered';
  reads: number;
  /** Runner plates in the truth. */
  truthCount: number;
  /** Share of the truth's runner plates the finder scored at all (ever looping hub → market → hub): the most AP can reach. */
  ceiling: number;
  ap: number;
  p25: number;
  r100: number;
  /** Decoys in the top 50, by class, and `total`. */
  decoysTop50: Record<string, number>;
  /** Pairwise scores of the suspected lines against the truth's swap groups. */
  lines: ReturnType<typeof linePairScores>;
  /** The same against the swap groups cut to the plates the finder scored (how well it links what it can see). */
  linesScored: ReturnType<typeof linePairScores>;
  seconds: number;
}

/**
 * Read and check a variants file (at most 4 tuning variants, each listed).
 * @example readVariantSpec('bench/methods/variants.json').tuning // ['v01-...', ...]
 */
export function readVariantSpec(file: string): VariantSpec {
  const spec = JSON.parse(readFileSync(recordInput(file), 'utf8')) as VariantSpec;
  if (!Array.isArray(spec.variants) || !Array.isArray(spec.tuning) || !Array.isArray(spec.seeds) || spec.tuning.length > 4) throw new Error(msg.badVariantSpec(file));
  for (const t of spec.tuning) if (!spec.variants.some((v) => v.name === t)) throw new Error(msg.unknownTuningVariant(file, t));
  return spec;
}

/**
 * The folder of a variant at a seed under `root`, generated there first when missing. The
 * folder's name carries a digest of the variant and its resolved family, so a changed variant
 * or a changed family default is generated afresh, never read stale.
 * @example await variantScenario(spec.variants[0], 'a', 'bench-results/methods/data') // '.../v01-default-a-3f9c0a12d4'
 */
export async function variantScenario(v: MethodVariant, seed: string, root: string): Promise<string> {
  const resolved = v.family ? resolveFamily(v.family as FamilyInput) : null;
  const digest = createHash('sha256').update(JSON.stringify({ ...v, name: undefined, description: undefined, resolved })).digest('hex').slice(0, 10);
  const dir = join(root, `${v.name}-${seed}-${digest}`);
  if (!existsSync(join(dir, 'truth.json'))) {
    await synthesize({ scenario: v.scenario, days: v.days, seed, vehicles: v.vehicles, start: v.start, out: dir, ...(v.family ? { family: v.family } : {}) } as Parameters<typeof synthesize>[0]);
  }
  return dir;
}

/**
 * Run the finder on a scenario folder (reads.csv.gz, sites.csv, hub.geojson, markets.geojson,
 * truth.json) and score the ranking. Needs a session, like any search.
 *
 * @example
 * const { row } = await evaluateScenario(dir, { markets: 'given', variant: 'v01', seed: 'a' });
 * row.ap // 0.93
 */
export async function evaluateScenario(dir: string, o: { markets?: 'given' | 'discovered'; params?: CountyLinesParamsInput; variant?: string; seed?: string } = {}):
  Promise<{ row: RobustnessRow; result: CountyLinesResult; truth: SynthTruth }> {
  const markets = o.markets ?? 'given';
  // Every file read is recorded for the run manifest (loadReads records the reads and sites).
  const truth = JSON.parse(readFileSync(recordInput(join(dir, 'truth.json')), 'utf8')) as SynthTruth;
  const { store } = await loadReads({ reads: join(dir, 'reads.csv.gz'), sites: join(dir, 'sites.csv') });
  const hub = JSON.parse(readFileSync(recordInput(join(dir, 'hub.geojson')), 'utf8'));
  const marketAreas = JSON.parse(readFileSync(recordInput(join(dir, 'markets.geojson')), 'utf8'));
  const t = Date.now();
  const result = findCountyLines(store, { hub, ...(markets === 'given' ? { markets: marketAreas } : {}), ...(o.params ? { params: o.params } : {}) });
  const seconds = (Date.now() - t) / 1000;
  const ranked = result.candidates.map((c) => c.vrm);
  const runners = new Set(truth.county_lines);
  const scored = new Set(ranked);
  const row: RobustnessRow = {
    variant: o.variant ?? dir, seed: o.seed ?? truth.seed, markets, reads: store.time.length, truthCount: runners.size,
    ceiling: runners.size ? ranked.filter((v) => runners.has(v)).length / runners.size : NaN,
    ap: averagePrecision(ranked, runners), p25: precisionAtK(ranked, runners, 25), r100: recallAtK(ranked, runners, 100),
    decoysTop50: decoysInTop(ranked, truth.decoys as Record<string, string[]>, 50),
    lines: linePairScores(result.lines.map((l) => l.vrms), truth.swap_groups ?? []),
    linesScored: linePairScores(result.lines.map((l) => l.vrms), (truth.swap_groups ?? []).map((g) => g.filter((v) => scored.has(v)))), seconds,
  };
  return { row, result, truth };
}

/**
 * Minimum and median of the finite values.
 * @example minMedian([0.9, 0.8, NaN, 0.95]) // { min: 0.8, median: 0.9 }
 */
export function minMedian(xs: readonly number[]): { min: number; median: number } {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return { min: NaN, median: NaN };
  const m = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 };
}
