/**
 * Ground truth of a synthetic scenario: which VRMs are county-lines runners (each plate a
 * separate VRM, plates of one runner in a swap group), and the class of every other vehicle.
 * Only vehicles read at least once under their own plate are listed.
 */
import type { VehicleClass } from './behaviours/common';

/** The contents of truth.json. */
export interface SynthTruth {
  scenario: string;
  seed: string;
  days: number;
  start: string;
  county_lines: string[];
  decoys: Partial<Record<Exclude<VehicleClass, 'county_lines'>, string[]>>;
  swap_groups: string[][];
  /**
   * One entry per runner: the line's (main) market town, all its markets when it serves several
   * (behaviour families), its plates in order of use and (behaviour families) the market runs
   * started under each plate, seen or not: a plate with 0 runs was only driven around the hub.
   */
  lines: { market: string; markets?: string[]; vrms: string[]; runs?: number[] }[];
}

/**
 * truth.json text: one key per line, arrays compact, stable key order.
 * @example
 * writeFileSync('out/truth.json', truthJson(truth));
 */
export function truthJson(t: SynthTruth): string {
  const keys = Object.keys(t) as (keyof SynthTruth)[];
  const body = keys.map((k) => {
    const v = t[k];
    if (k === 'decoys') {
      const d = v as SynthTruth['decoys'];
      const inner = Object.keys(d).map((c) => `    ${JSON.stringify(c)}: ${JSON.stringify(d[c as keyof typeof d])}`);
      return `  "decoys": {\n${inner.join(',\n')}\n  }`;
    }
    if (k === 'lines' || k === 'swap_groups') {
      const arr = v as unknown[];
      return `  ${JSON.stringify(k)}: [${arr.length ? '\n' + arr.map((x) => '    ' + JSON.stringify(x)).join(',\n') + '\n  ' : ''}]`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${body.join(',\n')}\n}\n`;
}
