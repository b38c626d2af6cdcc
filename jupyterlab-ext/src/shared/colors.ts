/**
 * Colours for map layers and the legend. One palette, used by the map and the legend,
 * so that the two always agree.
 */

/** Fill/stroke colours of area polygons by kind. */
export const AREA_COLORS: Record<'hub' | 'market' | 'area', { stroke: string; fill: string }> = {
  hub: { stroke: '#c0392b', fill: '#e74c3c' },
  market: { stroke: '#1f5fa8', fill: '#3b82c4' },
  area: { stroke: '#6b7280', fill: '#9ca3af' }
};

/** Camera site markers. */
export const SITE_COLOR = { stroke: '#374151', fill: '#f59e0b' };

/** Base map: sea behind, land in front. */
export const BASE_COLORS = {
  sea: '#cfe3f0',
  land: '#f4f1ea',
  border: '#a8a29e'
};

/** Categorical palette for tracks without a score (Tableau 10, colour-blind friendlier order). */
const TRACK_PALETTE = [
  '#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#f28e2b',
  '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'
];

/** Stops of the score ramp (0 = low, 1 = high): blue → purple → red. */
const SCORE_STOPS: [number, [number, number, number]][] = [
  [0, [49, 130, 189]],
  [0.5, [142, 68, 173]],
  [1, [214, 39, 40]]
];

/**
 * Colour of a track score in 0..1 (clamped).
 * @example scoreColor(1) // 'rgb(214, 39, 40)'
 */
export function scoreColor(score: number): string {
  const s = Math.min(1, Math.max(0, score));
  for (let i = 1; i < SCORE_STOPS.length; i++) {
    const [s1, c1] = SCORE_STOPS[i];
    const [s0, c0] = SCORE_STOPS[i - 1];
    if (s <= s1) {
      const t = (s - s0) / (s1 - s0);
      const c = c0.map((v, k) => Math.round(v + (c1[k] - v) * t));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  const last = SCORE_STOPS[SCORE_STOPS.length - 1][1];
  return `rgb(${last[0]}, ${last[1]}, ${last[2]})`;
}

/**
 * Colour of a track: its own colour if given, else by score, else by index.
 * @example trackColor({ score: 0 }, 3) // 'rgb(49, 130, 189)'
 */
export function trackColor(track: { color?: string; score?: number }, index: number): string {
  if (track.color) return track.color;
  if (typeof track.score === 'number' && Number.isFinite(track.score)) return scoreColor(track.score);
  return TRACK_PALETTE[index % TRACK_PALETTE.length];
}
