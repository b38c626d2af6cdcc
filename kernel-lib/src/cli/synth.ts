/**
 * `anpr synth`: write a seeded synthetic scenario with ground truth.
 *
 *   anpr synth --scenario merseyside --days 28 --seed workshop --out notebooks/data/merseyside-small [--vehicles N] [--start YYYY-MM-DD] [--family FILE.json]
 *   anpr synth --variant v01-default-merseyside --seed a --out /tmp/v01 [--variants bench/methods/variants.json]
 *   anpr synth --list
 *
 * `--family` takes a behaviour-family override (FamilyInput JSON, synth/families.ts); `--variant`
 * takes scenario, days, start, vehicles and family from a variants file (the robustness
 * benchmark's, bench/methods/variants.json, unless --variants names another); explicit options win.
 *
 * Progress goes to stderr; the result (counts, file paths) as JSON to stdout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../synth/synthesize';
import type { FamilyInput } from '../synth/families';
import { scenarios } from '../synth/scenarios';
import { synthDone, synthFamilyUsage as synthUsage, synthProgress, synthUnknownVariant } from '../messages';

/** The variants file read by --variant when --variants is not given (relative to the working directory). */
const VARIANTS_FILE = join('bench', 'methods', 'variants.json');

interface VariantEntry { name: string; scenario: string; days: number; start?: string; vehicles?: number; family?: FamilyInput }

function variantOptions(name: string, file: string): Record<string, string> & { family?: FamilyInput } {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { variants?: VariantEntry[] };
  const list = Array.isArray(spec.variants) ? spec.variants : [];
  const v = list.find((x) => x.name === name);
  if (!v) throw new Error(synthUnknownVariant(name, file, list.map((x) => x.name)));
  const o: Record<string, string> & { family?: FamilyInput } = { scenario: v.scenario, days: String(v.days) };
  if (v.start) o.start = v.start;
  if (v.vehicles !== undefined) o.vehicles = String(v.vehicles);
  if (v.family) o.family = v.family;
  return o;
}

/**
 * One-line description for `anpr --help`.
 * @example
 * summary; // 'generate a seeded synthetic ANPR scenario with ground truth'
 */
export const summary = 'generate a seeded synthetic ANPR scenario with ground truth';

/**
 * Run `anpr synth` with its arguments; returns the exit code (0 ok, 2 bad usage or error).
 * @example
 * await run(['--scenario', 'merseyside', '--days', '7', '--seed', '1', '--out', '/tmp/mers']); // 0
 */
export async function run(argv: string[]): Promise<number> {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--list') opts.list = '1';
    else if (a === '--help' || a === '-h') opts.help = '1';
    else if (a.startsWith('--') && i + 1 < argv.length) opts[a.slice(2)] = argv[++i];
    else { process.stderr.write(synthUsage(Object.keys(scenarios)) + '\n'); return 2; }
  }
  if (opts.help) { process.stdout.write(synthUsage(Object.keys(scenarios)) + '\n'); return 0; }
  if (opts.list) {
    for (const s of Object.values(scenarios)) process.stdout.write(`${s.name.padEnd(12)} ${s.description}\n`);
    return 0;
  }
  const known = new Set(['scenario', 'days', 'seed', 'out', 'vehicles', 'start', 'misread-rate', 'family', 'variant', 'variants']);
  const unknown = Object.keys(opts).filter((k) => !known.has(k));
  let family: FamilyInput | undefined;
  try {
    if (opts.variant) {
      const v = variantOptions(opts.variant, opts.variants ?? VARIANTS_FILE);
      family = v.family;
      for (const k of ['scenario', 'days', 'start', 'vehicles'] as const) if (opts[k] === undefined && v[k] !== undefined) opts[k] = v[k];
    }
    if (opts.family) family = JSON.parse(readFileSync(opts.family, 'utf8')) as FamilyInput;
  } catch (e) {
    process.stderr.write(`anpr synth: ${(e as Error).message}\n`);
    return 2;
  }
  if (unknown.length || !opts.scenario || !opts.days || opts.seed === undefined || !opts.out) {
    process.stderr.write(synthUsage(Object.keys(scenarios)) + '\n');
    return 2;
  }
  const t0 = process.hrtime.bigint();
  try {
    const result = await synthesize({
      ...(family ? { family } : {}),
      scenario: opts.scenario,
      days: Number(opts.days),
      seed: opts.seed,
      vehicles: opts.vehicles === undefined ? undefined : Number(opts.vehicles),
      start: opts.start,
      misreadRate: opts['misread-rate'] === undefined ? undefined : Number(opts['misread-rate']),
      out: opts.out,
      onProgress: (p) => process.stderr.write(synthProgress(p.day, p.days, p.reads) + '\n')
    });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stderr.write(synthDone(result.reads, secs, opts.out) + '\n');
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`anpr synth: ${(e as Error).message}\n`);
    return 2;
  }
}
