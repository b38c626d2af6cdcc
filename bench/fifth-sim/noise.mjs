// noise.mjs — turns true camera passages into ANPR reads: per-site miss rate
// (5-20%), outages (hours to days), a few sites with skewed clocks (up to a
// few minutes), look-alike misreads at a drawn scenario rate, duplicate reads
// seconds apart, and confidence scores (lower on misreads on average).

import { misread } from './plates.mjs';

export function drawNoiseParams(rng) {
  return {
    misread_rate: +rng.uniform(0.005, 0.03).toFixed(4),
    duplicate_rate: +rng.uniform(0.01, 0.04).toFixed(4),
    miss_rate_range: [0.05, 0.2],
    outage_site_share: +rng.uniform(0.08, 0.2).toFixed(3),
    skewed_clock_share: +rng.uniform(0.03, 0.08).toFixed(3),
  };
}

export function drawSiteNoise(sites, rng, cal, params) {
  const span = cal.endUtc - cal.startUtc;
  return sites.map(() => {
    const s = { miss: rng.uniform(params.miss_rate_range[0], params.miss_rate_range[1]), skew: 0, outages: [] };
    if (rng.chance(params.skewed_clock_share)) s.skew = Math.round(rng.uniform(30, 240)) * (rng.chance(0.5) ? 1 : -1);
    if (rng.chance(params.outage_site_share)) {
      const n = rng.int(1, 2);
      for (let i = 0; i < n; i++) {
        const from = cal.startUtc + Math.floor(rng.next() * span);
        s.outages.push([from, from + Math.round(rng.logUniform(2 * 3600, 4 * 86400))]);
      }
    }
    return s;
  });
}

export class ReadSink {
  constructor(siteNoise, params, rng, realPlates, window) {
    this.siteNoise = siteNoise;
    this.params = params;
    this.rng = rng;
    this.real = realPlates;
    this.from = window[0];
    this.to = window[1];
    this.rows = []; // [utcSec, siteIndex, vrm, confidence]
    this.stats = { passages: 0, missed: 0, outage: 0, misreads: 0, duplicates: 0 };
  }
  confidence(isMisread) {
    const c = isMisread ? this.rng.normal(66, 14) : this.rng.normal(89, 6);
    return Math.max(0, Math.min(100, Math.round(c)));
  }
  /** a vehicle passes a camera site at a true instant */
  pass(vrm, site, trueUtc) {
    if (trueUtc < this.from || trueUtc >= this.to) return;
    this.stats.passages++;
    const sn = this.siteNoise[site];
    for (const [a, b] of sn.outages) if (trueUtc >= a && trueUtc < b) { this.stats.outage++; return; }
    if (this.rng.chance(sn.miss)) { this.stats.missed++; return; }
    const t = Math.round(trueUtc) + sn.skew;
    if (t < this.from || t >= this.to) return; // a skewed clock may push a read outside the window
    this.emit(vrm, site, t);
    if (this.rng.chance(this.params.duplicate_rate)) {
      this.stats.duplicates++;
      this.emit(vrm, site, t + this.rng.int(1, 6));
    }
  }
  emit(vrm, site, t) {
    let plate = vrm, bad = false;
    if (this.rng.chance(this.params.misread_rate)) {
      const m = misread(vrm, this.rng, this.real);
      if (m) { plate = m; bad = true; this.stats.misreads++; }
    }
    this.rows.push([t, site, plate, this.confidence(bad)]);
  }
}
