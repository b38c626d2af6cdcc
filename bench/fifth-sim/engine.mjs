// engine.mjs — the discrete-event core. One global queue of timed events
// (plan / depart / arrive) over all vehicles, ordered by (time, sequence).
// A vehicle parks at each stop for a dwell drawn when it arrives; when a tour
// ends it asks its agent for the next tour. Tours whose departure time has
// already passed (the vehicle was still parked elsewhere) are dropped, so
// long stays naturally displace routine trips.

class EventQueue {
  constructor() { this.h = []; this.seq = 0; }
  push(t, kind, v) {
    const ev = { t, s: this.seq++, kind, v };
    const h = this.h; let i = h.length; h.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].t < t || (h[p].t === t && h[p].s < ev.s)) break;
      h[i] = h[p]; i = p;
    }
    h[i] = ev;
  }
  pop() {
    const h = this.h; const top = h[0]; const last = h.pop();
    if (h.length) {
      let i = 0; const n = h.length;
      for (;;) {
        let c = 2 * i + 1; if (c >= n) break;
        if (c + 1 < n && (h[c + 1].t < h[c].t || (h[c + 1].t === h[c].t && h[c + 1].s < h[c].s))) c++;
        if (h[c].t > last.t || (h[c].t === last.t && h[c].s > last.s)) break;
        h[i] = h[c]; i = c;
      }
      h[i] = last;
    }
    return top;
  }
  get size() { return this.h.length; }
}

const MIN_GAP = 120; // seconds between arriving home and the next tour

/** next tour at or after `now`, generating the agent's days lazily */
function nextTour(v, now, days) {
  for (;;) {
    while (v.buffer.length) {
      const tour = v.buffer.shift();
      if (tour.depart >= now + MIN_GAP && tour.stops.length) return tour;
    }
    if (v.nextDay > days) return null;
    v.buffer = v.agent.dayTours(v, v.nextDay++).sort((a, b) => a.depart - b.depart);
  }
}

/**
 * Run every vehicle through the window. vehicles: [{ vrm, agent, rng, pace }],
 * agent: { home, profile?, dayTours(v, d) -> [{ depart, stops: [{ node, dwell?, onArrive? }] }] }.
 */
export function runEvents({ vehicles, router, cal, sink }) {
  const q = new EventQueue();
  const end = cal.endUtc;
  let trips = 0;
  for (const v of vehicles) {
    v.at = v.agent.home;
    v.stops = [];
    v.buffer = [];
    v.nextDay = -1; // the evening before the window, so overnight tours can be under way
    v.runs = 0;
    q.push(cal.at(-1, 0), 'plan', v);
  }
  while (q.size) {
    const { t, kind, v } = q.pop();
    if (t >= end) break;
    if (kind === 'plan') {
      const tour = nextTour(v, t, cal.days);
      if (!tour) continue;
      v.stops = tour.stops.slice();
      q.push(tour.depart, 'depart', v);
    } else if (kind === 'depart') {
      const stop = v.stops[0];
      const hour = cal.hourOf(t);
      const opts = { profile: v.agent.profile ?? 'normal', pace: v.pace, hour, weekend: cal.isWeekend(cal.dayOf(t)) };
      const arrive = router.drive(v.at, stop.node, t, opts, (site, when) => sink.pass(v.vrm, site, when));
      trips++;
      q.push(Math.max(arrive, t + 1), 'arrive', v);
    } else {
      const stop = v.stops.shift();
      v.at = stop.node;
      if (stop.onArrive) stop.onArrive(v, t);
      if (v.stops.length) {
        const dwell = typeof stop.dwell === 'function' ? stop.dwell(t, v) : stop.dwell ?? 0;
        q.push(t + Math.max(60, Math.round(dwell)), 'depart', v);
      } else q.push(t + 1, 'plan', v);
    }
  }
  return { trips };
}
