// The observation model: camera passages become reads. Each site misses a share of passages and
// has outages; a few reads confuse one look-alike character (with lower confidence on average);
// a few reads are exact duplicates; a few plates are written with a space.
import { HOUR, DAY } from './clock.mjs';
import { spaced } from './plates.mjs';

const LOOKALIKE = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B', S: '5', '5': 'S', Z: '2', '2': 'Z' };

/** Draw the scenario's observation parameters. @example drawObservation(rng) // { missLo: 0.07, ... } */
export function drawObservation(rng) {
  const missLo = rng.uniform(0.05, 0.1);
  return {
    missLo, missHi: rng.uniform(missLo + 0.03, 0.2),
    outageShare: rng.uniform(0.1, 0.3),
    misread: rng.uniform(0.005, 0.03),
    duplicate: rng.uniform(0.002, 0.01),
    space: rng.uniform(0.003, 0.007),
    confMean: rng.uniform(88, 93),
    confSd: rng.uniform(3.5, 5.5),
    misConfMean: rng.uniform(72, 80),
    dirtyShare: rng.uniform(0.03, 0.1)
  };
}

/** Give every site a miss rate and outages (both directions of a point fail together). @example equipSites(sites, params, rng, winStart, winEnd) */
export function equipSites(sites, params, rng, winStart, winEnd) {
  for (let i = 0; i < sites.length; i += 2) {
    let out = null;
    if (rng.chance(params.outageShare)) {
      out = [];
      const k = rng.weighted([1, 2, 3], [6, 3, 1]);
      for (let j = 0; j < k; j++) {
        const len = rng.chance(0.6) ? rng.uniform(1, 12) * HOUR : rng.uniform(1, 4) * DAY;
        const s = rng.uniform(winStart - DAY, winEnd);
        out.push([s, s + len]);
      }
    }
    for (const s of [sites[i], sites[i + 1]]) {
      s.miss = rng.uniform(params.missLo, params.missHi);
      s.out = out;
    }
  }
}

/** Collects reads from camera passages inside the window [winStart, winEnd). @example const obs = new Observer(sites, params, winStart, winEnd); obs.pass(site, ms, plate, rng) */
export class Observer {
  /** Set up empty read columns. @example new Observer(sites, params, 0, 86400000) */
  constructor(sites, params, winStart, winEnd) {
    this.sites = sites; this.p = params; this.winStart = winStart; this.winEnd = winEnd;
    this.t = []; this.site = []; this.vrm = []; this.conf = [];
  }

  /** A plate record for the observer: its text and how hard it is to read. @example obs.plate('ZK19ABC', rng) */
  plate(text, rng) {
    return { text, extraMiss: rng.chance(this.p.dirtyShare) ? rng.uniform(0.05, 0.3) : 0 };
  }

  /** A vehicle with plate passes site at ms: maybe a read (or two). @example obs.pass(3, Date.UTC(2025, 2, 17, 8), plate, rng) */
  pass(siteIdx, ms, plate, rng) {
    if (ms < this.winStart || ms >= this.winEnd) return;
    const site = this.sites[siteIdx];
    if (site.out) for (const [a, b] of site.out) if (ms >= a && ms < b) return;
    if (rng.next() < site.miss + plate.extraMiss) return;
    const p = this.p;
    let text = plate.text, conf;
    if (rng.chance(p.misread)) {
      const pos = [];
      for (let i = 0; i < text.length; i++) if (LOOKALIKE[text[i]]) pos.push(i);
      const i = rng.pick(pos); // every plate starts with Z, so there is always one
      text = text.slice(0, i) + LOOKALIKE[text[i]] + text.slice(i + 1);
      conf = Math.round(rng.normal(p.misConfMean, 9));
    } else {
      conf = Math.round(rng.normal(p.confMean, p.confSd));
    }
    conf = Math.max(30, Math.min(99, conf));
    if (rng.chance(p.space)) text = spaced(text);
    const sec = Math.floor(ms / 1000) * 1000;
    const n = rng.chance(p.duplicate) ? 2 : 1;
    for (let k = 0; k < n; k++) { this.t.push(sec); this.site.push(siteIdx); this.vrm.push(text); this.conf.push(conf); }
  }

  /** Row indices sorted by time, then site_id, then vrm (then confidence, then order of arrival). @example obs.order() */
  order() {
    const idx = Array.from(this.t, (_, i) => i);
    const { t, site, vrm, conf } = this;
    idx.sort((a, b) => t[a] - t[b] || site[a] - site[b] || (vrm[a] < vrm[b] ? -1 : vrm[a] > vrm[b] ? 1 : 0) || conf[a] - conf[b]);
    return idx;
  }
}
