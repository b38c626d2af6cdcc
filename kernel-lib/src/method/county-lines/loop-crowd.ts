/**
 * How common each vehicle's loops are among all the vehicles scored: a commuter's 08:00 run
 * to a market is made by many others at the same hour; a runner's loops mostly are not. Each
 * vehicle spreads a weight of 1 over its loops to a market (so one busy vehicle does not make a
 * crowd), binned by the local hour of arrival; a loop's crowd is the weight of the other
 * vehicles within ±1 hour bin at that market. Filled in place (`features.loopCrowd`, the mean
 * over the vehicle's loops), over every vehicle of a ranking, so all engines agree.
 */
import { londonHour } from '../../core/london-time';
import type { VehicleFeatures } from './features';

/** The loops of a list of vehicles, as the crowd reads them: feature objects, or packed rows (feature-rows.ts). */
export interface LoopCells {
  n: number;
  vrm(i: number): string;
  loopCount(i: number): number;
  loopMarket(i: number, k: number): string;
  loopArrive(i: number, k: number): number;
}

/**
 * Fill `loopCrowd` of every vehicle in `list`.
 *
 * @example
 * fillLoopCrowd(features);
 * features[0].loopCrowd // 3.4: about three other vehicles loop to that market at those hours
 */
export function fillLoopCrowd(list: VehicleFeatures[]): void {
  const crowd = loopCrowds({
    n: list.length, vrm: (i) => list[i].vrm, loopCount: (i) => list[i].loopList.length,
    loopMarket: (i, k) => list[i].loopList[k].market, loopArrive: (i, k) => list[i].loopList[k].arrive,
  });
  list.forEach((f, i) => { f.loopCrowd = crowd[i]; });
}

/**
 * The loop crowd of each vehicle of `v` (see the module's comment), in v's order.
 * @example loopCrowds(rows)[0] // 3.4
 */
export function loopCrowds(v: LoopCells): Float64Array {
  // Markets numbered in order of first appearance; each loop's market number and (market, hour
  // bin) cell looked up once, into flat columns (vehicle i's loops: [start[i], start[i + 1])).
  // They were looked up at each use, six times a loop (the cached 10M misread-heavy ranking:
  // 0.12 s of 1.6); the sums are the same operations in the same order.
  const start = new Int32Array(v.n + 1);
  for (let i = 0; i < v.n; i++) start[i + 1] = start[i] + v.loopCount(i);
  const marketOf = new Int32Array(start[v.n]), cell = new Int32Array(start[v.n]);
  const marketNo = new Map<string, number>();
  for (let i = 0; i < v.n; i++) {
    for (let k = 0, j = start[i]; j < start[i + 1]; k++, j++) {
      const m = v.loopMarket(i, k);
      let no = marketNo.get(m);
      if (no === undefined) { no = marketNo.size; marketNo.set(m, no); }
      marketOf[j] = no;
      cell[j] = no * 24 + (Math.floor(londonHour(v.loopArrive(i, k))) % 24);
    }
  }
  const hist = new Float64Array(marketNo.size * 24);
  const perMarket = new Float64Array(marketNo.size);
  // Each vehicle spreads a weight of 1 over its loops to a market; `add` adds sign × that weight.
  const add = (i: number, into: Float64Array, sign: number) => {
    const a = start[i], b = start[i + 1];
    for (let j = a; j < b; j++) perMarket[marketOf[j]]++;
    for (let j = a; j < b; j++) into[cell[j]] += sign / perMarket[marketOf[j]];
    for (let j = a; j < b; j++) perMarket[marketOf[j]] = 0;
  };
  // Summed in plate order, so every engine (whatever order its batches come in) gets the same bits.
  const vrms = Array.from({ length: v.n }, (_, i) => v.vrm(i));
  const ordered = Array.from({ length: v.n }, (_, i) => i).sort((a, b) => (vrms[a] < vrms[b] ? -1 : vrms[a] > vrms[b] ? 1 : 0));
  for (const i of ordered) add(i, hist, 1);
  const mine = new Float64Array(hist.length);
  const out = new Float64Array(v.n);
  for (let i = 0; i < v.n; i++) {
    const a = start[i], b = start[i + 1], n = b - a;
    if (n === 0) continue;
    add(i, mine, 1);
    let sum = 0;
    for (let j = a; j < b; j++) {
      const c = cell[j], base = c - (c % 24), h = c % 24;
      for (const d of NEIGHBOURS) { const x = base + ((h + d) % 24); sum += Math.max(0, hist[x] - mine[x]); }
    }
    add(i, mine, -1);
    for (let j = a; j < b; j++) mine[cell[j]] = 0; // exact zeros again, whatever the rounding
    out[i] = sum / n;
  }
  return out;
}

/** The hour bins either side of a loop's arrival bin, and its own. */
const NEIGHBOURS = [23, 0, 1];
