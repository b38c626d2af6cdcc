// scenario.mjs — draws a scenario's parameters from ranges (the seed picks the point):
// population shares, the split of decoy vehicles over classes, and the noise model.
// Every drawn value is written to truth.json under "params".

export const DECOY_BASE_WEIGHTS = {
  commuter_day: 1.4, commuter_evening: 0.7, commuter_night: 0.6, market_resident_hub_commuter: 1.3,
  delivery_round: 1.0, evening_courier: 0.6, taxi_private_hire: 1.0, carer_visitor: 0.9,
  student_weekend: 0.6, weekend_leisure: 1.2,
  sales_rep: 0.6, tradesperson_multiday: 0.7, market_trader: 0.4, agency_nurse: 0.5,
};

export const RANGES = {
  line_share: [0.0025, 0.004], decoy_share: [0.1, 0.16], through_share: [0.06, 0.1], hub_resident_share: [0.45, 0.55],
  miss_rate: [0.05, 0.2], misread_rate: [0.005, 0.03], duplicate_rate: [0.005, 0.03], outage_share: [0.1, 0.3],
  skewed_cameras: [2, 5], max_skew_seconds: [60, 240],
};

const r4 = (x) => +x.toFixed(4);

export function drawScenario(vehicles, rng) {
  const u = (k) => r4(rng.uniform(...RANGES[k]));
  const missMin = r4(rng.uniform(0.05, 0.1));
  const p = {
    vehicles,
    line_share: u('line_share'),
    decoy_share: u('decoy_share'),
    through_share: u('through_share'),
    hub_resident_share: u('hub_resident_share'),
    noise: {
      miss_rate_min: missMin,
      miss_rate_max: r4(rng.uniform(missMin + 0.03, 0.2)),
      misread_rate: u('misread_rate'),
      misread_rate_range: RANGES.misread_rate,
      duplicate_rate: u('duplicate_rate'),
      outage_share: u('outage_share'),
      skewed_cameras: rng.int(...RANGES.skewed_cameras),
      max_skew_seconds: Math.round(rng.uniform(...RANGES.max_skew_seconds)),
    },
  };
  p.n_lines = Math.max(2, Math.round(vehicles * p.line_share));
  return p;
}

/** decoy vehicles per class: at least 2 each when there is room, the rest by drawn weights */
export function splitDecoys(total, rng) {
  const names = Object.keys(DECOY_BASE_WEIGHTS);
  const w = names.map((n) => DECOY_BASE_WEIGHTS[n] * rng.uniform(0.5, 1.5));
  const floor = total >= 2 * names.length ? 2 : total >= names.length ? 1 : 0;
  const rest = total - floor * names.length;
  const sw = w.reduce((a, b) => a + b, 0);
  const raw = w.map((x) => (rest * x) / sw);
  const counts = raw.map(Math.floor);
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) { if (left-- <= 0) break; counts[i]++; }
  return Object.fromEntries(names.map((n, i) => [n, counts[i] + floor]));
}
