// population.mjs — who is on the road: decoy classes (share of all vehicles drawn per
// scenario from a range) and the background population, whose homes are spread over
// places in proportion to population and whose days follow the activity diary.
import * as loop from './decoys-loop.mjs';
import * as svc from './decoys-service.mjs';
import { makeAgent } from './timeline.mjs';
import { makePersona, ordinaryDay, personaSummary } from './diary.mjs';
import { round } from './rng.mjs';

export const DECOY_CLASSES = [
  ['commuter_hub_market', [0.015, 0.03], loop.commuterHubMarket],
  ['commuter_market_hub', [0.015, 0.03], loop.commuterMarketHub],
  ['shift_worker', [0.008, 0.015], loop.shiftWorker],
  ['carer_visitor', [0.006, 0.012], loop.carerVisitor],
  ['student_weekend', [0.004, 0.008], loop.studentWeekend],
  ['leisure_weekend', [0.01, 0.02], loop.leisureWeekend],
  ['shared_custody', [0.003, 0.006], loop.sharedCustody],
  ['night_out', [0.005, 0.01], loop.nightOut],
  ['delivery_round', [0.008, 0.015], svc.deliveryRound],
  ['evening_courier', [0.004, 0.008], svc.eveningCourier],
  ['taxi_hub', [0.006, 0.012], svc.taxiHub],
  ['taxi_market', [0.004, 0.008], svc.taxiMarket],
  ['tradesperson_multiday', [0.005, 0.01], svc.tradesperson],
  ['sales_rep', [0.003, 0.006], svc.salesRep],
  ['market_trader', [0.003, 0.006], svc.marketTrader]
];

/** run every decoy agent; returns { counts: {class: {share, count}}, agents } */
export function runDecoys(env, rng, vehicles) {
  const counts = {}, agents = [];
  for (const [cls, [lo, hi], fn] of DECOY_CLASSES) {
    const share = rng.fork('share:' + cls).float(lo, hi);
    const count = Math.max(1, Math.round(share * vehicles));
    counts[cls] = { share: round(share, 4), count };
    for (let i = 0; i < count; i++) agents.push(fn(env, `decoy:${cls}:${i}`, cls));
  }
  return { counts, agents };
}

/** background vehicles: home place ∝ population, persona from the diary model */
export function runBackground(env, count) {
  const W = env.world, agents = [];
  const weights = W.places.map((p) => p.pop);
  for (let i = 0; i < count; i++) {
    const a = makeAgent(env, `bg:${i}`, 'background', -1);
    const r = a.rng;
    const homeP = r.weighted(weights);
    a.home = env.node(r, homeP); a.tl.at = a.home;
    const p = makePersona(env, r.fork('persona'), homeP);
    for (let d = env.firstDay; d < env.cal.days; d++) ordinaryDay(a, p, d);
    a.params = { home: W.places[homeP].name, ...personaSummary(p) };
    agents.push(a);
  }
  return agents;
}
