// timeline.mjs — one vehicle's movement through time, and agent creation.
// A Timeline knows where the vehicle is and when it is next free; go(node, t) drives
// there (departing at t or when free, whichever is later) along the driver's route
// variant, and hands every camera passage on the way to the observer. Agents get their
// own forked random streams (plans, trips, observation) keyed by a stable agent key.
import { NV, bandOf } from './router.mjs';

export class Timeline {
  constructor(env, plate, tripRng, obsRng, node, t0, variant) {
    this.env = env; this.plate = plate; this.rng = tripRng; this.obs = obsRng;
    this.at = node; this.free = t0; this.variant = variant;
    this.trips = 0; this.km = 0;
  }
  /** drive to node, leaving at t (or later if still busy); returns arrival time */
  go(node, t) {
    const dep = t > this.free ? t : this.free;
    if (node === this.at) { this.free = dep; return dep; }
    const env = this.env;
    const v = this.rng.next() < 0.12 ? this.rng.int(0, NV - 1) : this.variant;
    const r = env.router.route(this.at, node, bandOf(dep), v);
    const sf = 0.92 + 0.18 * this.rng.next();
    const arr = dep + r.time * sf;
    if (arr > env.cal.winStart - 3600 && dep < env.cal.winEnd + 3600) {
      const { site, dir, off } = r;
      for (let i = 0; i < site.length; i++) env.observer.observe(this.obs, this.plate, site[i], dir[i], dep + off[i] * sf);
    }
    this.trips++; this.km += r.km;
    this.at = node;
    this.free = arr + 60;
    return arr;
  }
  /** stay put until at least t */
  stayUntil(t) { if (t > this.free) this.free = t; }
  /** estimated travel time (s) from the current position to node if leaving at t */
  est(node, t) {
    if (node === this.at) return 0;
    return this.env.router.route(this.at, node, bandOf(t), this.variant).time;
  }
}

/** create an agent: its plate, random streams and timeline starting at home */
export function makeAgent(env, key, cls, home, params = {}) {
  const rng = env.rng.fork(key);
  const plate = env.plates.issue(rng.fork('plate'));
  const tl = new Timeline(env, plate, rng.fork('trip'), rng.fork('obs'), home, env.t0, rng.fork('variant').int(0, NV - 1));
  const agent = { key, cls, rng: rng.fork('plan'), plate, tl, home, env, params };
  env.agents.push(agent);
  return agent;
}
