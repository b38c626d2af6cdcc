/**
 * How common each vehicle's loops are among all the vehicles scored: a commuter's 08:00 run
 * to a market is made by many others at the same hour; a runner's loops mostly are not. Each
 * vehicle spreads a weight of 1 over its loops to a market (so one busy vehicle does not make a
 * crowd), binned by the local hour of arrival; a loop's crowd is the weight of the other
 * vehicles within ±1 hour bin at that market. Filled in place (`features.loopCrowd`, the mean
 * over the vehicle's loops), over every vehicle of a ranking, so all engines agree.
 */
import { londonHour } from '../../core/london-time';
import type { Loop, VehicleFeatures } from './features';

/**
 * Fill `loopCrowd` of every vehicle in `list`.
 *
 * @example
 * fillLoopCrowd(features);
 * features[0].loopCrowd // 3.4: about three other vehicles loop to that market at those hours
 */
export function fillLoopCrowd(list: VehicleFeatures[]): void {
  // Markets numbered, loops' (market, hour bin) cells counted per vehicle in reused buffers.
  const marketNo = new Map<string, number>();
  for (const f of list) for (const l of f.loopList) if (!marketNo.has(l.market)) marketNo.set(l.market, marketNo.size);
  const hist = new Float64Array(marketNo.size * 24);
  const perMarket = new Float64Array(marketNo.size);
  const cellOf = (l: Loop) => marketNo.get(l.market)! * 24 + (Math.floor(londonHour(l.arrive)) % 24);
  // Each vehicle spreads a weight of 1 over its loops to a market; `add` adds sign × that weight.
  const add = (f: VehicleFeatures, into: Float64Array, sign: number) => {
    for (const l of f.loopList) perMarket[marketNo.get(l.market)!]++;
    for (const l of f.loopList) into[cellOf(l)] += sign / perMarket[marketNo.get(l.market)!];
    for (const l of f.loopList) perMarket[marketNo.get(l.market)!] = 0;
  };
  // Summed in plate order, so every engine (whatever order its batches come in) gets the same bits.
  const ordered = [...list].sort((a, b) => (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  for (const f of ordered) add(f, hist, 1);
  const mine = new Float64Array(hist.length);
  for (const f of list) {
    if (f.loopList.length === 0) { f.loopCrowd = 0; continue; }
    add(f, mine, 1);
    let sum = 0;
    for (const l of f.loopList) {
      const c = cellOf(l), base = c - (c % 24), b = c % 24;
      for (const d of NEIGHBOURS) { const k = base + ((b + d) % 24); sum += Math.max(0, hist[k] - mine[k]); }
    }
    add(f, mine, -1);
    for (const l of f.loopList) mine[cellOf(l)] = 0; // exact zeros again, whatever the rounding
    f.loopCrowd = sum / f.loopList.length;
  }
}

/** The hour bins either side of a loop's arrival bin, and its own. */
const NEIGHBOURS = [23, 0, 1];
