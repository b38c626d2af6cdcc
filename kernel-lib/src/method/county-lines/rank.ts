/**
 * The finder's last step: link plate relays among the features, score each (`params.scorer`),
 * rank (score descending, ties by VRM) and group suspected lines. Features of several stores
 * (an engine's batches) are ranked together: relays are linked across all of them.
 */
import * as msg from '../../messages';
import type { VehicleFeatures } from './features';
import { RankedCandidate } from './candidate';
import { fillLoopCrowd } from './loop-crowd';
import { linkPlateRelays } from './relays';
import { suspectedLines } from './suspected-lines';
import type { CountyLinesCandidate, CountyLinesRanking, RankContext } from './types';

/**
 * Rank scored features (pure: no display, no audit). A score that is not finite stops the
 * ranking (it would scramble the sort) with a RangeError naming the plate by `ctx.plateName`.
 * @example rankFeatures(features, { hub: 'Liverpool', markets, params, lookalikes: [], firstTime, lastTime, counts, t0: Date.now() }).candidates[0].rank // 1
 */
export function rankFeatures(featureList: VehicleFeatures[], ctx: RankContext): CountyLinesRanking {
  const { params } = ctx;
  if (params.relay.enabled && ctx.counts.reads > 0) linkPlateRelays(featureList, ctx.firstTime, ctx.lastTime, params.relay);
  fillLoopCrowd(featureList);
  const candidates: CountyLinesCandidate[] = featureList.map((features) => {
    const score = params.scorer(features, params).score;
    // One NaN score would silently scramble the whole ranking's sort: stop and say which.
    if (!Number.isFinite(score)) throw new RangeError(msg.scorerNotFinite((ctx.plateName ?? (() => 'a plate'))(features.vrm), score));
    return new RankedCandidate(features, score, params.scorer, params);
  });
  candidates.sort((a, b) => b.score - a.score || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  candidates.forEach((c, i) => { c.rank = i + 1; });
  const scoreOf = new Map(candidates.map((c) => [c.vrm, c.score]));
  const lines = suspectedLines(featureList, (vrm) => scoreOf.get(vrm) ?? -Infinity, params.lineMinScore, params.lines, ctx.firstTime, ctx.lastTime);
  return {
    candidates, hub: ctx.hub, markets: ctx.markets, params, lookalikes: ctx.lookalikes, lines,
    counts: { reads: ctx.counts.reads, vehicles: ctx.counts.vehicles, scored: candidates.length, mergedPlates: ctx.counts.mergedPlates, seconds: (Date.now() - ctx.t0) / 1000 },
  };
}
