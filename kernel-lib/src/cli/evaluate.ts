/**
 * `anpr evaluate --truth truth.json --candidates result.json [--top K] [--json]`
 *
 * Scores a ranking written by `anpr find county-lines --json` against ground truth
 * (`truth.json` of a synthetic scenario, or any `{county_lines: [...], decoys: {class: [...]}}`).
 * Pseudonymised candidates are matched by pseudonymising the truth with the same key, so an
 * evaluator never needs `--reveal`. Exit 0, or 2 on bad usage / unreadable files.
 */
import { readFileSync } from 'node:fs';
import { pseudonym } from '../privacy/pseudonym';
import { evaluateRanking } from '../score/evaluate';
import * as msg from '../messages';
import { parseOwnOptions } from './args';

/** One-line description for `anpr --help`. */
export const summary = 'average precision, precision at k and decoys in the top k of a ranking against truth.json';

type Truth = { county_lines: string[]; decoys?: Record<string, string[]> };

function pseudonymiseTruth(t: Truth): Truth {
  const map = (xs: string[]) => xs.map(pseudonym);
  return { county_lines: map(t.county_lines), decoys: Object.fromEntries(Object.entries(t.decoys ?? {}).map(([k, v]) => [k, map(v)])) };
}

/**
 * Run the evaluate command; returns the exit code.
 * @example
 * await run(['--truth', 'data/truth.json', '--candidates', 'ranking.json', '--json']); // prints {"ap":0.94,...}
 */
export async function run(argv: string[]): Promise<number> {
  const values = parseOwnOptions(argv, {
    truth: { type: 'string' }, candidates: { type: 'string' }, top: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false }
  } as const, msg.evaluateUsage());
  if (typeof values === 'number') return values;
  if (!values.truth || !values.candidates) { process.stderr.write(msg.evaluateUsage() + '\n'); return 2; }
  const top = Number(values.top);
  if (!Number.isInteger(top) || top <= 0) { process.stderr.write(msg.evaluateBadTop(String(values.top)) + '\n'); return 2; }
  let truth: Truth, ranked: string[];
  try {
    truth = JSON.parse(readFileSync(values.truth, 'utf8'));
    const result = JSON.parse(readFileSync(values.candidates, 'utf8'));
    ranked = (result.candidates ?? []).map((c: { vrm: string }) => c.vrm);
  } catch (e) {
    process.stderr.write(msg.evaluateUnreadable((e as Error).message) + '\n');
    return 2;
  }
  if (!Array.isArray(truth.county_lines)) { process.stderr.write(msg.evaluateBadTruth(values.truth) + '\n'); return 2; }
  const pseudonymised = ranked.length > 0 && ranked.every(v => v.startsWith('V-'));
  const e = evaluateRanking(ranked, pseudonymised ? pseudonymiseTruth(truth) : truth, top);
  if (values.json) process.stdout.write(JSON.stringify({ ...e, k: top, pseudonymised }) + '\n');
  else process.stdout.write(msg.evaluateText(e, top) + '\n');
  return 0;
}
