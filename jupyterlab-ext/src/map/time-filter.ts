/**
 * The time filter: a two-handle range slider over the time span of the bundle's reads,
 * and the pure function that cuts tracks to the chosen window.
 *
 * A segment (two consecutive reads of a track) is drawn only when both reads fall in the
 * window.
 */
import type { MapBundle, MapTrack } from '@anpr/kernel-lib/contract';
import { trackColor } from '../shared/colors';
import { formatDateTime } from '../shared/format';
import { MSG } from '../shared/messages';

/** Slider resolution: the span is cut into this many steps. */
const STEPS = 1000;

/**
 * The tracks cut to [from, to] (inclusive, epoch ms). A track's points are in time order, so
 * its reads in the window are one run; each cut track keeps its colour from the full list
 * (`trackColor` by index) so that filtering never recolours a vehicle.
 * @example tracksInWindow([{ id: 'v', label: 'v', points: [[53, -3, 0], [53.1, -3, 10], [53.2, -3, 20]] }], 0, 10)[0].points.length // 2
 */
export function tracksInWindow(tracks: MapTrack[], from: number, to: number): MapTrack[] {
  return tracks.map((track, i) => {
    const pts = track.points;
    let a = 0;
    while (a < pts.length && pts[a][2] < from) a++;
    let b = pts.length;
    while (b > a && pts[b - 1][2] > to) b--;
    return { ...track, color: trackColor(track, i), points: a === 0 && b === pts.length ? pts : pts.slice(a, b) };
  });
}

/**
 * Segments (pairs of consecutive reads) drawn for `tracks`.
 * @example segmentCount(tracksInWindow(bundle.tracks, t0, t1))
 */
export function segmentCount(tracks: MapTrack[]): number {
  return tracks.reduce((n, t) => n + Math.max(0, t.points.length - 1), 0);
}

/**
 * The time span of the bundle's track reads (else its timeRange), or null.
 * @example readsSpan(bundle) // [1741028400000, 1741075200000]
 */
export function readsSpan(bundle: MapBundle): [number, number] | null {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const t of bundle.tracks) for (const p of t.points) {
    if (p[2] < t0) t0 = p[2];
    if (p[2] > t1) t1 = p[2];
  }
  if (t0 <= t1) return [t0, t1];
  return bundle.timeRange ?? null;
}

/**
 * The slider's DOM: two range inputs over `span` and a label of the chosen window.
 * `onChange(from, to)` is called at most once per animation frame while a handle moves.
 * @example timeFilterNode([t0, t1], (a, b) => redraw(a, b))
 */
export function timeFilterNode(span: [number, number], onChange: (from: number, to: number) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'anpr-TimeFilter';
  const title = document.createElement('span');
  title.className = 'anpr-TimeFilter-title';
  title.textContent = MSG.timeFilter;
  const label = document.createElement('span');
  label.className = 'anpr-TimeFilter-label';
  const track = document.createElement('div');
  track.className = 'anpr-TimeFilter-track';
  const make = (value: number, which: 'from' | 'to') => {
    const input = document.createElement('input');
    input.type = 'range';
    input.min = '0';
    input.max = String(STEPS);
    input.step = '1';
    input.value = String(value);
    input.dataset.anprTime = which;
    input.setAttribute('aria-label', which === 'from' ? MSG.timeFrom : MSG.timeTo);
    return input;
  };
  const lo = make(0, 'from');
  const hi = make(STEPS, 'to');
  track.append(lo, hi);
  box.append(title, track, label);
  const at = (v: number) => span[0] + ((span[1] - span[0]) * v) / STEPS;
  let frame = 0;
  const update = (moved: HTMLInputElement) => {
    let a = Number(lo.value);
    let b = Number(hi.value);
    if (a > b) {
      if (moved === lo) lo.value = String((a = b));
      else hi.value = String((b = a));
    }
    const from = a === 0 ? span[0] : at(a);
    const to = b === STEPS ? span[1] : at(b);
    label.textContent = MSG.timeWindow(formatDateTime(from), formatDateTime(to));
    box.dataset.anprFrom = String(from);
    box.dataset.anprTo = String(to);
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        onChange(Number(box.dataset.anprFrom), Number(box.dataset.anprTo));
      });
    }
  };
  lo.addEventListener('input', () => update(lo));
  hi.addEventListener('input', () => update(hi));
  label.textContent = MSG.timeWindow(formatDateTime(span[0]), formatDateTime(span[1]));
  box.dataset.anprFrom = String(span[0]);
  box.dataset.anprTo = String(span[1]);
  return box;
}
