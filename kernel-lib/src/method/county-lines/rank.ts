/**
 * The finder's last step: link plate relays among the features, score each (`params.scorer`),
 * rank (score descending, ties by VRM) and group suspected lines. Features of several stores
 * (an engine's batches) are ranked together: relays are linked across all of them.
 * The features stay packed (feature-rows.ts): only the plates that can relay, each vehicle in
 * turn as it is scored, and the suspects of lines are unpacked, so the ranking's memory follows
 * the packed rows (about a quarter of the feature objects'), not millions of objects.
 */
import * as msg from '../../messages';
import type { LookalikeGroup } from '../../reads/lookalikes';
import type { VehicleFeatures } from './features';
import { FeatureRows } from './feature-rows';
import { RankedCandidate } from './candidate';
import { loopCrowds } from './loop-crowd';
import { linkPlateRelays, noRelay, takesPartInRelays } from './relays';
import { suspectedLines } from './suspected-lines';
import type { CountyLinesCandidate, CountyLinesRanking, RankContext } from './types';

/**
 * Rank scored features (pure: no display, no audit). A score that is not finite stops the
 * ranking (it would scramble the sort) with a RangeError naming the plate by `ctx.plateName`.
 * @example rankFeatures(features, { hub: 'Liverpool', markets, params, lookalikes: [], firstTime, lastTime, counts, t0: Date.now() }).candidates[0].rank // 1
 */
export function rankFeatures(featureList: VehicleFeatures[], ctx: RankContext): CountyLinesRanking {
  return rankRows(FeatureRows.of(featureList), ctx);
}

/**
 * Rank packed features (the runner's batches): as {@link rankFeatures}.
 * @example rankRows(rows, ctx).candidates[0].features // unpacked from its row
 */
export function rankRows(rows: FeatureRows, ctx: RankContext): CountyLinesRanking {
  const { params } = ctx;
  if (params.relay.enabled && ctx.counts.reads > 0) linkRowRelays(rows, ctx);
  const crowd = loopCrowds(rows);
  for (let i = 0; i < rows.n; i++) rows.setNumber(i, 'loopCrowd', crowd[i]);
  const candidates: CountyLinesCandidate[] = [];
  for (let i = 0; i < rows.n; i++) {
    const score = params.scorer(rows.get(i), params).score;
    // One NaN score would silently scramble the whole ranking's sort: stop and say which.
    if (!Number.isFinite(score)) throw new RangeError(msg.scorerNotFinite((ctx.plateName ?? (() => 'a plate'))(rows.vrm(i)), score));
    candidates.push(new RankedCandidate({ rows, row: i }, score, params.scorer, params));
  }
  candidates.sort((a, b) => b.score - a.score || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  candidates.forEach((c, i) => { c.rank = i + 1; });
  // Lines are built among the suspects only (suspected-lines.ts), so only theirs are unpacked.
  const suspects = candidates.filter((c) => c.score >= params.lineMinScore);
  const scoreOf = new Map(suspects.map((c) => [c.vrm, c.score]));
  const lines = suspectedLines(suspects.map((c) => c.features), (vrm) => scoreOf.get(vrm) ?? -Infinity, params.lineMinScore, params.lines, ctx.firstTime, ctx.lastTime);
  const given = ctx.lookalikes;
  let lookalikes = typeof given === 'function' ? undefined : given;
  return {
    candidates, hub: ctx.hub, markets: ctx.markets, params,
    get lookalikes() { return (lookalikes ??= (given as () => LookalikeGroup[])()); },
    set lookalikes(list: LookalikeGroup[]) { lookalikes = list; },
    lines,
    counts: { reads: ctx.counts.reads, vehicles: ctx.counts.vehicles, scored: candidates.length, mergedPlates: ctx.counts.mergedPlates, seconds: (Date.now() - ctx.t0) / 1000 },
  };
}

/**
 * Plate relays among the rows: the plates that can relay are unpacked and linked (relays.ts),
 * their relay fields written back; every other row gets the fields of no relay.
 */
function linkRowRelays(rows: FeatureRows, ctx: RankContext): void {
  const o = ctx.params.relay;
  const part: number[] = [];
  for (let i = 0; i < rows.n; i++) {
    const f = { topMarketLoops: rows.number(i, 'topMarketLoops'), spanDays: rows.number(i, 'spanDays') };
    if (takesPartInRelays(f, o)) { part.push(i); continue; }
    const none = noRelay(f);
    rows.setRelayPlates(i, none.relayPlates); rows.setNumber(i, 'relayChainPlates', none.relayChainPlates); rows.setNumber(i, 'relayChainLoops', none.relayChainLoops);
  }
  const list = part.map((i) => rows.relayView(i)); // only the fields the relays read and fill
  linkPlateRelays(list, ctx.firstTime, ctx.lastTime, o);
  list.forEach((f, k) => {
    rows.setRelayPlates(part[k], f.relayPlates); rows.setNumber(part[k], 'relayChainPlates', f.relayChainPlates); rows.setNumber(part[k], 'relayChainLoops', f.relayChainLoops);
  });
}
