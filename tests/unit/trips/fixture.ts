/**
 * A tiny hand-made world for the trips/find tests: a hub (Liverpool) and two markets (Rhyl,
 * Chester) as squares, six sites, and vehicles whose behaviour is written out read by read.
 * January 2025 (GMT, so local time = UTC); 6 Jan 2025 is a Monday.
 */
import { buildStore, type ReadRow } from '../../../kernel-lib/src/reads/build-store';
import { sitesFromRows } from '../../../kernel-lib/src/reads/sites-from-rows';

export const siteRows = [
  { site_id: 'H1', name: 'Liverpool A', lat: 53.41, lon: -2.98 },
  { site_id: 'H2', name: 'Liverpool B', lat: 53.39, lon: -2.96 },
  { site_id: 'R1', name: 'A55 midway', lat: 53.35, lon: -3.2 },
  { site_id: 'M1', name: 'Rhyl West', lat: 53.32, lon: -3.49 },
  { site_id: 'M2', name: 'Rhyl East', lat: 53.325, lon: -3.48 },
  { site_id: 'C1', name: 'Chester', lat: 53.19, lon: -2.89 },
];
export const sites = sitesFromRows(siteRows);

const square = (lat: number, lon: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]],
});
export const hubGeo = { type: 'Feature' as const, properties: { name: 'Liverpool' }, geometry: square(53.4, -2.97, 0.05) };
export const marketsGeo = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature', properties: { name: 'Rhyl' }, geometry: square(53.32, -3.48, 0.03) },
    { type: 'Feature', properties: { name: 'Chester' }, geometry: square(53.19, -2.89, 0.03) },
  ],
};

/** Epoch ms of 2025-01-<day> hh:mm UTC (= Europe/London in January). */
export const at = (day: number, hh: number, mm = 0) => Date.UTC(2025, 0, day, hh, mm);

const rows: ReadRow[] = [];
const read = (vrm: string, day: number, hh: number, mm: number, site: string) => rows.push({ vrm, time: at(day, hh, mm), site });

// Runner: lives in Liverpool; 7 evening returns to Rhyl (about 40 min there), every other day.
for (const d of [6, 8, 10, 12, 14, 16, 18]) {
  read('RUN1', d, 11, 0, 'H1');
  read('RUN1', d, 20, 0, 'H1'); read('RUN1', d, 20, 30, 'R1'); read('RUN1', d, 21, 0, 'M1');
  read('RUN1', d, 21, 40, 'M2'); read('RUN1', d, 22, 10, 'R1'); read('RUN1', d, 22, 40, 'H2');
}
// Commuter: lives in Liverpool, works in Rhyl on weekdays 08:30–17:00, leaves at 07:30 sharp.
for (const d of [6, 7, 8, 9, 10, 13, 14, 15, 16, 17]) {
  read('COM1', d, 7, 30, 'H1'); read('COM1', d, 8, 0, 'R1'); read('COM1', d, 8, 30, 'M1');
  read('COM1', d, 17, 0, 'M2'); read('COM1', d, 17, 30, 'R1'); read('COM1', d, 18, 0, 'H2');
}
// Resident of Rhyl who drives into Liverpool every day.
for (let d = 6; d <= 17; d++) {
  read('RES1', d, 8, 0, 'M1'); read('RES1', d, 8, 40, 'R1'); read('RES1', d, 9, 10, 'H1');
  read('RES1', d, 15, 0, 'H2'); read('RES1', d, 15, 30, 'R1'); read('RES1', d, 16, 0, 'M2');
}

export const worldRows = rows;
export const world = () => buildStore(rows, sites);

/** Deterministic PRNG (mulberry32) for property tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
