/**
 * The county-lines scorer: a logistic model over named terms (terms.ts).
 *
 *   score = intercept + Σ weight_k × term_k(features)      (the log-odds of "runner")
 *
 * Each term's contribution is one of the candidate's parts, and the reasons say in words which
 * terms weighed most for and against. The weights are fitted on the tuning scenarios only
 * (`npm run fit:scorer`, which writes county-lines-model.ts with the command and data it used);
 * pass `params.model` to try other weights, or `params.scorer` to replace the scorer.
 */
import * as msg from '../../../messages';
import type { VehicleFeatures } from '../features';
import type { ScorerModel } from './types';
import { type CountyLinesScoreParams, type ScorePart, type Scored } from './additive';
import { basisDot, COUNTY_LINES_TERMS, TERM_GROUPS, termValue, termValues } from './terms';

export type { ScorerModel };

/** Contributions at least this large (log-odds) are named in the reasons. */
const REASON_MIN = 0.4;

function fmtMin(m: number): string {
  if (!Number.isFinite(m)) return '?';
  return m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`;
}

const knownTerms = new Map(COUNTY_LINES_TERMS.map((t) => [t.name, t]));
const checked = new WeakSet<ScorerModel>();
function checkModel(model: ScorerModel): void {
  if (checked.has(model)) return;
  for (const [name, w] of Object.entries(model.weights)) {
    const t = knownTerms.get(name);
    if (!t) throw new RangeError(msg.modelUnknownTerm(name, [...knownTerms.keys()]));
    const ws = typeof w === 'number' ? [w] : w;
    if (!Array.isArray(ws) || ws.length > 1 + t.knots.length || ws.some((x) => !Number.isFinite(x))) throw new RangeError(msg.modelBadWeights(name, 1 + t.knots.length, w));
  }
  checked.add(model);
}

/** One term's contribution: its weights over its basis. */
function contributionOf(model: ScorerModel, k: number, x: number): number {
  const t = COUNTY_LINES_TERMS[k], w = model.weights[t.name];
  if (w === undefined) return 0;
  return typeof w === 'number' ? w * x : basisDot(t, w, x);
}

/** Every term's value and contribution, for the parts and reasons (made on first use). */
function explainTerms(model: ScorerModel, f: VehicleFeatures): { x: Float64Array; c: Float64Array } {
  const x = termValues(f);
  const c = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) c[k] = contributionOf(model, k, x[k]);
  return { x, c };
}

/**
 * Score one vehicle: the log-odds under `params.model`, every term's part, and reasons.
 *
 * @example
 * const s = scoreCountyLines(features, defaultCountyLinesParams);
 * s.parts.find((p) => p.name === 'loops') // { name: 'loops', value: 2.08, weight: 1.3, contribution: 2.7 }
 */
export function scoreCountyLines(f: VehicleFeatures, params: CountyLinesScoreParams): Scored {
  const model = params.model;
  checkModel(model);
  // The score alone, with nothing allocated: a ranking scores every vehicle and reads a few dozen
  // explanations (the term arrays made per vehicle were a fifth of a find's garbage).
  let score = model.intercept;
  for (let k = 0; k < COUNTY_LINES_TERMS.length; k++) score += contributionOf(model, k, termValue(COUNTY_LINES_TERMS[k], f));
  return new LogisticScored(score, f, params);
}

/**
 * A score whose parts and reasons are made on first use. Not closures over the features: with
 * three closures made per scored vehicle, V8 kept every object of the ranking's scoring loop alive
 * through its young-generation collections (--trace-gc: 108.2 → 107.5 MB after a scavenge), and
 * the loop over 23.5k vehicles took 250-330 ms, 41 ms without them. `parts` and `reasons` are
 * still the object's own enumerable properties, as an object literal's would be (so
 * `{ ...scoreCountyLines(f, p), score: 1 }` and JSON keep them): accessors shared by every
 * instance, defined on each by one call.
 */
class LogisticScored implements Scored {
  /** The shared accessors of `parts` and `reasons` (functions made once, not per vehicle). */
  static readonly #lazy: PropertyDescriptorMap = {
    parts: { enumerable: true, configurable: true, get(this: LogisticScored) { return this.#partsOf(); } },
    reasons: { enumerable: true, configurable: true, get(this: LogisticScored) { return this.#reasonsOf(); } },
  };
  declare readonly parts: ScorePart[];
  declare readonly reasons: string[];
  #terms: { x: Float64Array; c: Float64Array } | undefined;
  #parts: ScorePart[] | undefined;
  #reasons: string[] | undefined;
  readonly #f: VehicleFeatures;
  readonly #params: CountyLinesScoreParams;
  constructor(readonly score: number, f: VehicleFeatures, params: CountyLinesScoreParams) {
    this.#f = f; this.#params = params;
    Object.defineProperties(this, LogisticScored.#lazy);
  }

  #explained(): { x: Float64Array; c: Float64Array } { return (this.#terms ??= explainTerms(this.#params.model, this.#f)); }

  /** A part's weight is the term's effective weight at its value (contribution / value). */
  #partsOf(): ScorePart[] {
    if (this.#parts) return this.#parts;
    const { x, c } = this.#explained(), model = this.#params.model;
    return (this.#parts = [
      { name: 'intercept', value: 1, weight: model.intercept, contribution: model.intercept },
      ...COUNTY_LINES_TERMS.map((t, k) => {
        const w = model.weights[t.name];
        const weight = x[k] !== 0 ? c[k] / x[k] : typeof w === 'number' ? w : w?.[0] ?? 0;
        return { name: t.name, value: x[k], weight, contribution: c[k] };
      }),
    ]);
  }

  #reasonsOf(): string[] {
    if (this.#reasons) return this.#reasons;
    const { c } = this.#explained();
    const reasons = factualReasons(this.#f, this.#params.nightStartHour);
    // Grouped terms speak as one (their weights trade off in a fit); the others alone.
    const grouped = new Set(TERM_GROUPS.flatMap((g) => g.terms));
    const items = [
      ...TERM_GROUPS.map((g) => ({ name: g.terms[0], describe: g.describe, c: COUNTY_LINES_TERMS.reduce((s, t, k) => s + (g.terms.includes(t.name) ? c[k] : 0), 0) })),
      ...COUNTY_LINES_TERMS.map((t, k) => ({ name: t.name, describe: t.describe, c: c[k] })).filter((t) => !grouped.has(t.name)),
    ];
    const ranked = items.filter(({ c }) => Math.abs(c) >= REASON_MIN)
      .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || (a.name < b.name ? -1 : 1));
    for (const { describe, c } of ranked) reasons.push(msg.reasonTerm(describe, c));
    return (this.#reasons = reasons);
  }
}

/** What the data say, in words, whatever the weights: loops, dwell, night arrivals, base, relays, merges. */
export function factualReasons(f: VehicleFeatures, nightStartHour: number): string[] {
  const reasons: string[] = [];
  const L = f.loops;
  if (L > 0) {
    const top = f.loopsByMarket[0];
    reasons.push(msg.reasonLoops(top.loops, f.hub, top.market, f.calendarDays, f.loopsByMarket.length - 1));
    reasons.push(msg.reasonDwell(fmtMin(f.marketDwellMedianMin), fmtMin(f.marketDwellMedianMax)));
    const night = Math.round(f.loopNightShare * L);
    if (night > 0) reasons.push(msg.reasonNight(night, L, nightStartHour));
    const nights = f.loopList.filter((l) => l.stopOvernight).length;
    if (nights > 0) reasons.push(msg.reasonNightsAway(nights, L));
  } else {
    reasons.push(msg.reasonNoLoops());
  }
  if (f.base) reasons.push(msg.reasonBase(f.base, f.baseKind, f.baseShare));
  for (const r of f.relayPlates.slice(0, 3)) reasons.push(msg.reasonRelay(r.vrm, r.role, r.gapHours, r.market));
  if (f.relayChainPlates > 1 && f.relayChainLoops > f.topMarketLoops && f.loopsByMarket.length) {
    reasons.push(msg.reasonRelayChain(f.relayChainPlates, f.relayChainLoops, f.loopsByMarket[0].market));
  }
  for (const m of f.mergedWith) reasons.push(msg.reasonMerged(m.vrm, m.reads));
  return reasons;
}
