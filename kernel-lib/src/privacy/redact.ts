import { pseudonym } from './pseudonym';

/**
 * Replace every plate of `vrms` inside `text` by its pseudonym (reasons may name other
 * plates: swapped plates, merged look-alikes). Longer plates are replaced first so a plate
 * that contains another is never half-replaced.
 * @example redactPlates('merged with look-alike plate ZK1ZSGX', ['ZK1ZSGX']) // 'merged with look-alike plate V-...'
 */
export function redactPlates(text: string, vrms: readonly string[]): string {
  let out = text;
  for (const vrm of [...new Set(vrms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    if (vrm) out = out.split(vrm).join(pseudonym(vrm));
  }
  return out;
}

/**
 * A county-lines candidate's reasons as shown: pseudonymised unless revealed, including the
 * other plates they name.
 * @example candidateReasons(result.candidates[0], false)
 */
export function candidateReasons(
  c: { vrm: string; reasons: string[]; features: { relayPlates: { vrm: string }[]; mergedWith: { vrm: string }[] } },
  reveal: boolean
): string[] {
  if (reveal) return c.reasons;
  const plates = [c.vrm, ...c.features.relayPlates.map(r => r.vrm), ...c.features.mergedWith.map(m => m.vrm)];
  return c.reasons.map(r => redactPlates(r, plates));
}
