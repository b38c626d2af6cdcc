// scenario.mjs - the drawn parameters of one scenario (population shares, runner behaviour
// shares and ranges, noise rates) and the table of decoy classes with their builders.

import { hubCommuter, marketResidentCommuter, hospitalShift, constructionSite, studentWeekend } from './decoys-commute.mjs';
import { deliveryRound, eveningCourier, taxi, carerVisits, weekendLeisure, holidayHome, salesRep, matchDay } from './decoys-service.mjs';

/** Decoy class name -> builder(world, rng) returning a Plan. */
export const DECOY_CLASSES = {
  commuter_day: hubCommuter('day'),
  commuter_evening: hubCommuter('evening'),
  commuter_night: hubCommuter('night'),
  market_resident_commuter: marketResidentCommuter,
  delivery_round: deliveryRound,
  evening_courier: eveningCourier,
  taxi_hub: taxi('hub'),
  taxi_market: taxi('market'),
  carer_visits: carerVisits,
  student_weekend: studentWeekend,
  weekend_leisure: weekendLeisure,
  hospital_shift: hospitalShift,
  construction_site: constructionSite,
  sales_rep: salesRep,
  holiday_home: holidayHome,
  match_day: matchDay,
};

const r3 = (x) => Math.round(x * 1000) / 1000;

/** Draw the scenario parameters from their ranges. */
export function drawParams(rng, vehicles) {
  const P = {
    lineShare: r3(rng.float(0.002, 0.005)),
    decoyShare: r3(rng.float(0.12, 0.2)),
    hubBoost: r3(rng.float(1.6, 2.6)),
    misreadRate: r3(rng.float(0.005, 0.03)),
    dupRate: r3(rng.float(0.005, 0.03)),
    hireShare: r3(rng.float(0.1, 0.25)),
    privateHireShare: r3(rng.float(0.05, 0.15)),
    swapShare: r3(rng.float(0.3, 0.6)),
    burstShare: r3(rng.float(0.15, 0.4)),
    overnightRange: [r3(rng.float(0, 0.2)), r3(rng.float(0.4, 0.8))],
    lateStartShare: r3(rng.float(0.1, 0.3)),
    earlyStopShare: r3(rng.float(0.1, 0.25)),
    localTripShare: r3(rng.float(0.3, 0.7)),
    escortShare: r3(rng.float(0.1, 0.25)),
    servicesShare: r3(rng.float(0.1, 0.3)),
    variedRouteShare: r3(rng.float(0.2, 0.4)),
    splitDropShare: r3(rng.float(0.2, 0.4)),
    decoyWeights: {},
  };
  for (const k of Object.keys(DECOY_CLASSES)) P.decoyWeights[k] = r3(rng.float(0.5, 1.5));
  P.lines = Math.max(2, Math.round(vehicles * P.lineShare));
  P.decoys = Math.round(vehicles * P.decoyShare);
  P.background = Math.max(0, vehicles - P.lines - P.decoys);
  P.decoyCounts = allocate(P.decoys, P.decoyWeights);
  return P;
}

/** Split n across weighted classes by largest remainder (each class >= 1 when n allows). */
function allocate(n, weights) {
  const keys = Object.keys(weights);
  const out = {};
  let left = n;
  if (n >= keys.length) { for (const k of keys) out[k] = 1; left -= keys.length; } else for (const k of keys) out[k] = 0;
  const total = keys.reduce((s, k) => s + weights[k], 0);
  const raw = keys.map((k) => ({ k, x: (left * weights[k]) / total }));
  let given = 0;
  for (const r of raw) { const f = Math.floor(r.x); out[r.k] += f; given += f; }
  raw.sort((a, b) => (b.x % 1) - (a.x % 1) || (a.k < b.k ? -1 : 1));
  for (let i = 0; i < left - given; i++) out[raw[i].k]++;
  return out;
}
