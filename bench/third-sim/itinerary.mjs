// itinerary.mjs — a vehicle's plan: timed intentions ("go to X at t", "short local trip at
// t, away m minutes") resolved in time order into legs the vehicle really drives. A vehicle
// is always somewhere: a move starts where the last one ended; a move wanted while the
// vehicle is still driving waits for it; a local trip that clashes with driving is dropped.

const MIN = 60_000;

export class Plan {
  constructor(home) {
    this.home = home;
    this.intents = [];
    this.seq = 0;
  }
  /** drive to place `to`, leaving at UTC ms t */
  go(t, to) { this.intents.push({ t, seq: this.seq++, type: 'go', to }); }
  /** short trip inside the current town: out at t, back `awayMin` minutes later */
  local(t, awayMin) { this.intents.push({ t, seq: this.seq++, type: 'local', away: awayMin }); }

  /** legs: {type:'move', from, to, dep, minutes} | {type:'local', at, dep} */
  resolve(net, speed) {
    const legs = [];
    let loc = this.home, freeAt = -Infinity;
    const order = this.intents.slice().sort((x, y) => x.t - y.t || x.seq - y.seq);
    for (const it of order) {
      if (it.type === 'go') {
        if (it.to === loc) continue;
        const dep = Math.max(it.t, freeAt + 2 * MIN);
        const minutes = net.travelMin(loc, it.to) * speed;
        legs.push({ type: 'move', from: loc, to: it.to, dep, minutes });
        freeAt = dep + minutes * MIN;
        loc = it.to;
      } else {
        if (it.t < freeAt) continue;
        legs.push({ type: 'local', at: loc, dep: it.t });
        legs.push({ type: 'local', at: loc, dep: it.t + it.away * MIN });
        freeAt = it.t + (it.away + 5) * MIN;
      }
    }
    return legs;
  }
}
