// lines.mjs — design of the county lines in a scenario (12-35 per scenario).
// Every parameter is drawn per line from a range and kept for truth.params: markets
// served (1-3; every market gets a line before any gets a second), schedule (day /
// evening / night / mixed), runs per week (1-7, regular weekdays or random), stay length
// (10 min - 3 days), overnight share (0-80%), local deliveries, stops on the way, active
// period (some start or stop mid-window), vehicle kind (own / hire / private hire), plate
// policy (fixed or swapped every 1-14 days, with changes of base, hour or route), after-
// use of swapped-out plates, and reverse runs by a market-based car.
import { NV } from './router.mjs';
import { round } from './rng.mjs';

export const SCHEDULE_WINDOWS = {
  day: { lo: 9, hi: 16, clamp: [7, 18.5] },
  evening: { lo: 17, hi: 21.5, clamp: [16.5, 23.5] },
  night: { lo: 22, hi: 27, clamp: [21.5, 29.5] }
};

export function designLines(env, rng) {
  const { world, cal } = env;
  const M = world.markets;
  const H = world.hub.index;
  const n = rng.int(12, 35);
  const perm = rng.fork('perm').shuffle(M.map((m, i) => i));
  const lines = [];
  for (let i = 0; i < n; i++) {
    const r = rng.fork('line:' + i);
    const primary = i < M.length ? perm[i] : r.int(0, M.length - 1);
    const mk = [primary];
    if (r.chance(0.3)) {
      const others = M.map((m, j) => j).filter((j) => j !== primary);
      const w = others.map((j) => 1 / Math.pow(env.grav.dist[M[primary].index][M[j].index], 1.5));
      for (let k = r.chance(0.35) ? 2 : 1; k > 0 && others.length; k--) {
        const q = r.weighted(w);
        mk.push(others[q]); others.splice(q, 1); w.splice(q, 1);
      }
    }
    const schedule = r.pick(['day', 'evening', 'night', 'mixed']);
    const win = SCHEDULE_WINDOWS[schedule];
    const runsPerWeek = r.int(1, 7);
    const regular = r.chance(0.5);
    const kind = ['own', 'hire', 'phv'][r.weighted([0.6, 0.25, 0.15])];
    const policy = kind === 'hire' ? 'swap' : kind === 'phv' ? (r.chance(0.7) ? 'fixed' : 'swap') : r.chance(0.45) ? 'fixed' : 'swap';
    const activeFrom = r.chance(0.25) ? r.int(2, Math.max(2, Math.floor(cal.days / 2))) : -3;
    const activeTo = r.chance(0.2) ? r.int(Math.max(activeFrom + 3, Math.ceil(cal.days / 2)), cal.days) : cal.days;
    const L = {
      id: `L${String(i + 1).padStart(2, '0')}`,
      markets: mk.map((j) => M[j].index),
      schedule,
      pref_hour: win ? round(r.float(win.lo, win.hi), 2) : null,
      mix_weights: schedule === 'mixed' ? [r.float(0.2, 1), r.float(0.2, 1), r.float(0.2, 1)].map((x) => round(x, 2)) : null,
      runs_per_week: runsPerWeek,
      regular,
      weekdays: regular ? r.sample([0, 1, 2, 3, 4, 5, 6], runsPerWeek).sort() : null,
      stay_median_h: round(r.logUniform(1 / 6, 72), 3),
      overnight_share: round(r.float(0, 0.8), 3),
      local_trips_per_day: r.chance(0.2) ? 0 : round(r.float(1, 8), 2),
      stop_prob: round(r.float(0, 0.4), 3),
      combo_prob: mk.length > 1 ? round(r.float(0, 0.4), 3) : 0,
      primary_share: round(r.float(0.5, 0.9), 2),
      active_from_day: activeFrom,
      active_to_day: activeTo,
      vehicle_kind: kind,
      plate_policy: policy,
      swap_every_days: policy === 'swap' ? round(kind === 'hire' ? r.float(3, 10) : r.float(1, 14), 2) : null,
      swap_change_p: { base: round(r.float(0.1, 0.5), 2), hour: round(r.float(0.1, 0.5), 2), route: round(r.float(0.1, 0.5), 2) },
      after_use_p: round(r.float(0, 0.7), 2),
      reverse: r.chance(0.2) ? { runs_per_week: r.int(1, 3), local_per_day: round(r.float(0.5, 4), 2) } : null,
      base_node: env.node(r, H),
      trap_nodes: mk.map((j) => env.node(r, M[j].index)),
      variant: r.int(0, NV - 1)
    };
    lines.push(L);
  }
  return lines;
}

/** local departure hour of one run (hours may exceed 24 = early next morning) */
export function runHour(L, r, shift = 0) {
  let sched = L.schedule;
  if (sched === 'mixed') sched = ['day', 'evening', 'night'][r.weighted(L.mix_weights)];
  const w = SCHEDULE_WINDOWS[sched];
  const centre = L.schedule === 'mixed' ? r.float(w.lo, w.hi) : L.pref_hour;
  return Math.min(w.clamp[1], Math.max(w.clamp[0], centre + shift + 0.9 * r.normal()));
}

/** local hour at which a line leaves the market after an overnight stay */
export function leaveHour(L, r) {
  let sched = L.schedule;
  if (sched === 'mixed') sched = r.pick(['day', 'evening', 'night']);
  if (sched === 'day') return r.float(8.5, 15);
  if (sched === 'evening') return r.float(15, 21.5);
  return r.float(21, 27);
}
