// noise.mjs — what makes ANPR data imperfect: per-camera miss rates, outages (whole camera
// points dark for hours to days), clocks off by up to a few minutes, duplicate reads,
// confidence scores, and look-alike misreads chosen after all reads exist so that the
// misread share equals the drawn rate (weighted towards cameras that misread more).

import { misread } from './plates.mjs';

const HOUR = 3_600_000;

export function drawNoise(params, cams, cal, rng) {
  const missBySite = new Map(), misreadWeight = new Map(), outages = new Map(), skewMs = new Map();
  for (const s of cams.sites) {
    missBySite.set(s.id, rng.uniform(params.miss_rate_min, params.miss_rate_max));
    misreadWeight.set(s.id, rng.uniform(0.5, 2));
  }
  const span = cal.windowEnd - cal.windowStart;
  const outageList = [];
  for (const p of cams.points) {
    if (!rng.chance(params.outage_share)) continue;
    const n = rng.chance(0.2) ? 2 : 1;
    const list = [];
    for (let i = 0; i < n; i++) {
      const from = cal.windowStart + Math.floor(rng.next() * span);
      const to = from + Math.round(rng.logUniform(2, 96) * HOUR);
      list.push([from, to]);
    }
    outages.set(p.pid, list);
    outageList.push({ point: p.pid, windows: list.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()]) });
  }
  const skewed = rng.sample(cams.points, params.skewed_cameras);
  const skewList = [];
  for (const p of skewed) {
    const sec = Math.round((rng.chance(0.5) ? 1 : -1) * rng.uniform(20, params.max_skew_seconds));
    skewMs.set(p.pid, sec * 1000);
    skewList.push({ point: p.pid, seconds: sec });
  }
  return { missBySite, misreadWeight, outages, skewMs, dupRate: params.duplicate_rate, misreadRate: params.misread_rate, outageList, skewList };
}

export function isOut(noise, pid, t) {
  const list = noise.outages.get(pid);
  if (!list) return false;
  for (const [a, b] of list) if (t >= a && t < b) return true;
  return false;
}

export function goodConfidence(rng) {
  if (rng.chance(0.04)) return rng.int(35, 75);
  return Math.max(60, Math.min(100, Math.round(rng.normal(89, 5))));
}
export function misreadConfidence(rng) { return Math.max(10, Math.min(97, Math.round(rng.normal(66, 14)))); }

/** turn exactly round(rate x reads) reads into look-alike misreads; returns how many */
export function applyMisreads(reads, noise, known, rng) {
  const k = Math.round(noise.misreadRate * reads.length);
  const keys = new Float64Array(reads.length);
  for (let i = 0; i < reads.length; i++) keys[i] = -Math.log(1 - rng.next()) / noise.misreadWeight.get(reads[i].site);
  const idx = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b).slice(0, k);
  let done = 0;
  for (const i of idx.sort((a, b) => a - b)) {
    const m = misread(reads[i].vrm, rng, known);
    if (!m) continue;
    reads[i].vrm = m;
    reads[i].conf = misreadConfidence(rng);
    done++;
  }
  return done;
}
