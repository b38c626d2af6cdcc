// observe.mjs — turns a true camera passage into zero, one or two reads.
// Applies, per site: outages, miss rate (+ extra at night at some sites), clock skew,
// the look-alike misread (more likely at night and at poor sites), a confidence score
// (misreads lower on average) and occasional duplicate reads seconds apart.
// Only reads whose written timestamp falls in [window start, window end) are kept.
import { localHourDow } from './londontime.mjs';
import { misread } from './plates.mjs';

export function makeObserver(sites, cal, misreadRate) {
  const rows = { t: [], site: [], vrm: [], dir: [], conf: [] };
  const stats = { passages: 0, missed: 0, outage: 0, misreads: 0, duplicates: 0 };
  const { winStart, winEnd } = cal;
  const clamp = (c) => Math.max(0, Math.min(100, Math.round(c)));
  const push = (t, si, vrm, dir, conf) => {
    rows.t.push(t); rows.site.push(si); rows.vrm.push(vrm); rows.dir.push(dir); rows.conf.push(conf);
  };

  function observe(rng, plate, si, dir, utc) {
    if (utc < winStart - 1000 || utc >= winEnd + 1000) return;
    stats.passages++;
    const s = sites[si];
    for (const [a, b] of s.outages) if (utc >= a && utc < b) { stats.outage++; return; }
    const h = localHourDow(utc).hour;
    const night = h >= 22 || h < 6;
    if (rng.next() < s.miss + (night ? s.nightExtra : 0)) { stats.missed++; return; }
    const t = Math.round(utc + s.skew);
    if (t < winStart || t >= winEnd) return;
    let vrm = plate, conf;
    if (rng.next() < misreadRate * s.misreadMul * (night ? 1.5 : 1)) vrm = misread(plate, rng) || plate;
    if (vrm !== plate) {
      stats.misreads++;
      conf = clamp(82 - Math.abs(rng.normal()) * 14 - s.confPenalty);
    } else {
      conf = clamp(96 - Math.abs(rng.normal()) * 7 - s.confPenalty - (night ? 3 : 0));
    }
    push(t, si, vrm, dir, conf);
    if (rng.next() < s.dup) {
      const t2 = t + rng.int(1, 6);
      if (t2 < winEnd) { stats.duplicates++; push(t2, si, vrm, dir, clamp(conf + rng.int(-4, 2))); }
    }
  }
  return { observe, rows, stats };
}
