// observe.mjs — from legs a vehicle drives to the reads cameras make. A move passes every
// camera point on its route (reading only if that point watches that direction); it may
// also pass centre cameras where it starts and ends, rarely those of towns it crosses. A
// local trip inside a town may pass that town's centre cameras and, rarely, its entrances.
// Each passage then meets the noise: outages, misses, clock skew, duplicates, confidence.

import { isOut, goodConfidence } from './noise.mjs';

const MIN = 60_000;

export function makeObserver(ctx, noise) {
  const { net, cams, cal } = ctx;
  const passCache = new Map();

  /** camera passages along the fastest route: [{site, off}] with off in minutes, and crossed towns */
  function passages(from, to) {
    const key = `${from}>${to}`;
    if (passCache.has(key)) return passCache.get(key);
    const r = net.route(from, to), list = [], through = [];
    for (const st of r.steps) {
      const e = st.edge;
      for (const p of e.cams) {
        const site = st.forward ? p.fwd : p.back;
        if (!site) continue;
        const off = st.t0 + (st.forward ? e.timeAt(p.s) : e.minutes - e.timeAt(p.s));
        list.push({ site, off });
      }
    }
    for (let i = 1; i < r.steps.length; i++) through.push({ node: r.nodes[i], off: r.steps[i].t0 });
    list.sort((a, b) => a.off - b.off);
    const out = { list, through, minutes: r.minutes };
    passCache.set(key, out);
    return out;
  }

  const isHub = (id) => net.byId.get(id).kind === 'hub';
  const endP = (id) => (isHub(id) ? 0.22 : 0.45);

  return function observe(vrm, legs, speed, rng, out) {
    const emit = (site, t) => {
      if (t < cal.windowStart || t >= cal.windowEnd) return;
      const pid = site.point.pid;
      if (isOut(noise, pid, t)) return;
      if (rng.chance(noise.missBySite.get(site.id))) return;
      const ts = Math.round((t + (noise.skewMs.get(pid) ?? 0)) / 1000) * 1000;
      out.push({ t: ts, site: site.id, vrm, conf: goodConfidence(rng) });
      if (rng.chance(noise.dupRate)) out.push({ t: ts + rng.int(1, 25) * 1000, site: site.id, vrm, conf: goodConfidence(rng) });
    };
    const anySite = (p) => (p.kind === 'centre' ? rng.pick(p.sites) : p.fwd && p.back ? (rng.chance(0.5) ? p.fwd : p.back) : p.fwd || p.back);

    for (const leg of legs) {
      if (leg.type === 'local') {
        const tc = cams.townCams.get(leg.at);
        const hub = isHub(leg.at);
        for (const p of tc.centre) if (rng.chance(hub ? 0.13 : 0.4)) emit(anySite(p), leg.dep + rng.uniform(1, 12) * MIN);
        for (const p of tc.inner) if (rng.chance(hub ? 0.05 : 0.12)) emit(anySite(p), leg.dep + rng.uniform(1, 12) * MIN);
        continue;
      }
      const ps = passages(leg.from, leg.to);
      const jit = (leg.minutes / ps.minutes) * rng.uniform(0.94, 1.08);
      const lead = rng.uniform(0, 5);
      for (const p of cams.townCams.get(leg.from).centre) if (rng.chance(endP(leg.from))) emit(anySite(p), leg.dep + rng.uniform(0, lead) * MIN);
      for (const { site, off } of ps.list) emit(site, leg.dep + (lead + off * jit) * MIN);
      for (const { node, off } of ps.through) {
        for (const p of cams.townCams.get(node).centre) if (rng.chance(0.12)) emit(anySite(p), leg.dep + (lead + off * jit) * MIN);
      }
      const arrive = leg.dep + (lead + ps.minutes * jit) * MIN;
      for (const p of cams.townCams.get(leg.to).centre) if (rng.chance(endP(leg.to))) emit(anySite(p), arrive + rng.uniform(0, 4) * MIN);
    }
  };
}
