/**
 * One ranked vehicle of the county-lines finder. Its score is computed when ranking; its
 * explanation (score parts and reasons) is asked of the scorer again on first access and kept.
 * A ranking scores every looping vehicle (tens of thousands on a region's month), and holding
 * every one's explanation would be most of the finder's memory and garbage-collection time,
 * while an analyst reads a few dozen. Scorers are pure functions of (features, params), so the
 * explanation is the one the score came from. JSON output is unchanged (see `toJSON`).
 * Likewise its features: the ranking keeps them packed (feature-rows.ts) and a candidate unpacks
 * its own on first access, so a ranking of millions of vehicles holds no feature objects.
 */
import type { VehicleFeatures } from './features';
import type { FeatureRows } from './feature-rows';
import type { CountyLinesScoreParams, CountyLinesScorer, ScorePart, Scored } from './score/additive';

/** One ranked vehicle: rank, plate, score, its parts and reasons, and the features scored. */
export class RankedCandidate {
  rank = 0;
  readonly vrm: string;
  readonly score: number;
  #features: VehicleFeatures | null;
  readonly #rows: FeatureRows | null;
  readonly #row: number;
  #explained: Scored | null = null;
  readonly #scorer: CountyLinesScorer;
  readonly #params: CountyLinesScoreParams;

  /**
   * `features`: the vehicle's features, or a row of packed features (unpacked on first access).
   * @example new RankedCandidate(features, 6.8, scoreCountyLines, defaultCountyLinesParams).reasons[0]
   * @example new RankedCandidate({ rows, row: 0 }, 6.8, scoreCountyLines, defaultCountyLinesParams).features.vrm === rows.vrm(0)
   */
  constructor(features: VehicleFeatures | { rows: FeatureRows; row: number }, score: number, scorer: CountyLinesScorer, params: CountyLinesScoreParams) {
    if ('rows' in features) {
      this.#rows = features.rows; this.#row = features.row; this.#features = null;
      this.vrm = features.rows.vrm(features.row);
    } else {
      this.#rows = null; this.#row = -1; this.#features = features;
      this.vrm = features.vrm;
    }
    this.score = score;
    this.#scorer = scorer;
    this.#params = params;
  }

  /** The features scored (unpacked from the ranking's rows on first access, then kept). */
  get features(): VehicleFeatures {
    return (this.#features ??= (this.#rows as FeatureRows).get(this.#row));
  }

  /** Every named, weighted part of the score. */
  get parts(): ScorePart[] { return this.#explain().parts; }

  /** The reasons in plain English. */
  get reasons(): string[] { return this.#explain().reasons; }

  /** The plain object JSON.stringify writes (and a notebook can spread). */
  toJSON(): { rank: number; vrm: string; score: number; parts: ScorePart[]; reasons: string[]; features: VehicleFeatures } {
    return { rank: this.rank, vrm: this.vrm, score: this.score, parts: this.parts, reasons: this.reasons, features: this.features };
  }

  #explain(): Scored {
    return (this.#explained ??= this.#scorer(this.features, this.#params));
  }
}
