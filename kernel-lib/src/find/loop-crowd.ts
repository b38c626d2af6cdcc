/**
 * How common each vehicle's loops are among all the vehicles scored: a commuter's 08:00 run
 * to a market is made by many others at the same hour; a runner's loops mostly are not. Each
 * vehicle spreads a weight of 1 over its loops to a market (so one busy vehicle does not make a
 * crowd), binned by the local hour of arrival; a loop's crowd is the weight of the other
 * vehicles within ±1 hour bin at that market. Filled in place (`features.loopCrowd`, the mean
 * over the vehicle's loops), over every vehicle of a ranking, so all engines agree.
 */
import { londonHour } from '../time/london';
import type { VehicleFeatures } from '../trips/features';

/**
 * Fill `loopCrowd` of every vehicle in `list`.
 *
 * @example
 * fillLoopCrowd(features);
 * features[0].loopCrowd // 3.4: about three other vehicles loop to that market at those hours
 */
export function fillLoopCrowd(list: VehicleFeatures[]): void {
  const hist = new Map<string, Float64Array>();
  const binOf = (t: number) => Math.floor(londonHour(t)) % 24;
  const own = (f: VehicleFeatures) => {
    const per = new Map<string, number>();
    for (const l of f.loopList) per.set(l.market, (per.get(l.market) ?? 0) + 1);
    return per;
  };
  // Summed in plate order, so every engine (whatever order its batches come in) gets the same bits.
  const ordered = [...list].sort((a, b) => (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  for (const f of ordered) {
    const per = own(f);
    for (const l of f.loopList) {
      let h = hist.get(l.market);
      if (!h) { h = new Float64Array(24); hist.set(l.market, h); }
      h[binOf(l.arrive)] += 1 / per.get(l.market)!;
    }
  }
  for (const f of list) {
    if (f.loopList.length === 0) { f.loopCrowd = 0; continue; }
    const per = own(f);
    // This vehicle's own weight per (market, bin), taken out of the histogram.
    const mine = new Map<string, Float64Array>();
    for (const l of f.loopList) {
      let m = mine.get(l.market);
      if (!m) { m = new Float64Array(24); mine.set(l.market, m); }
      m[binOf(l.arrive)] += 1 / per.get(l.market)!;
    }
    let sum = 0;
    for (const l of f.loopList) {
      const h = hist.get(l.market)!, m = mine.get(l.market)!, b = binOf(l.arrive);
      for (const d of [23, 0, 1]) { const k = (b + d) % 24; sum += Math.max(0, h[k] - m[k]); }
    }
    f.loopCrowd = sum / f.loopList.length;
  }
}
