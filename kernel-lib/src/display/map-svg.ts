/**
 * The map's static SVG preview, made in the kernel: what a plain viewer, GitHub or an
 * exported HTML report shows instead of the interactive widget.
 *
 *   bundle → bounds → equirectangular projection (x scaled by cos(mid-latitude)) → areas,
 *   tracks, sites, title
 *
 * No base map (that lives in the extension); every text is escaped.
 */
import type { MapBundle } from '../contract';
import { escapeHtml } from './html';

/** Options of {@link mapSvg}. */
export interface MapSvgOptions {
  /** Width and height in pixels (default 640 × 440). */
  width?: number;
  height?: number;
  /** Sites drawn, busiest first (default 2,000). */
  maxSites?: number;
  /** Track points drawn in all; above it every track is thinned evenly, ends kept (default 5,000). */
  maxPoints?: number;
}

const AREA = { hub: '#c0392b', market: '#1f5fa8', area: '#6b7280' } as const;
const PALETTE = ['#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#f28e2b', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

function eachAreaPosition(coords: unknown, fn: (lon: number, lat: number) => void): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    fn(coords[0], coords[1]);
    return;
  }
  for (const c of coords) eachAreaPosition(c, fn);
}

/** Rings of an area's geometry, whatever its nesting (Polygon or MultiPolygon). */
function rings(geometry: { type: string; coordinates: unknown }): number[][][] {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return Array.isArray(polys) ? polys.flat() : [];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * An SVG picture of a map bundle: areas, tracks (polylines) and sites (dots sized by reads),
 * with the title and a one-line summary; names are in `<title>` elements (escaped).
 * @example mapSvg({ version: 1, sites: [{ id: 'A', name: 'Hub east', lat: 53.4, lon: -2.98, reads: 3 }], tracks: [], areas: [] }) // '<svg xmlns=...'
 */
export function mapSvg(bundle: MapBundle, options: MapSvgOptions = {}): string {
  const W = options.width ?? 640;
  const H = options.height ?? 440;
  const HEAD = 24;
  const PAD = 12;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  const extend = (lon: number, lat: number) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  };
  for (const s of bundle.sites) extend(s.lon, s.lat);
  for (const t of bundle.tracks) for (const p of t.points) extend(p[1], p[0]);
  for (const a of bundle.areas) eachAreaPosition(a.geometry.coordinates, extend);

  const parts: string[] = [];
  const title = escapeHtml(bundle.title ?? 'ANPR map');
  const summary = `${bundle.sites.length} sites · ${bundle.areas.length} areas · ${bundle.tracks.length} tracks`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" class="anpr-map-svg" font-family="sans-serif">`,
    `<title>${title}</title>`,
    `<rect width="${W}" height="${H}" fill="#cfe3f0"/>`,
    `<text x="${PAD}" y="17" font-size="13" font-weight="bold" fill="#222">${title}</text>`,
    `<text x="${W - PAD}" y="17" font-size="11" fill="#444" text-anchor="end">${escapeHtml(summary)}</text>`
  );
  if (minLat > maxLat) {
    parts.push(`<text x="${W / 2}" y="${H / 2}" font-size="12" fill="#444" text-anchor="middle">No sites, tracks or areas to show.</text></svg>`);
    return parts.join('');
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - HEAD - 2 * PAD) / spanY);
  const offX = PAD + (W - 2 * PAD - spanX * scale) / 2;
  const offY = HEAD + PAD + (H - HEAD - 2 * PAD - spanY * scale) / 2;
  const x = (lon: number) => r1(offX + (lon - minLon) * k * scale);
  const y = (lat: number) => r1(offY + (maxLat - lat) * scale);

  for (const a of bundle.areas) {
    const color = AREA[a.kind] ?? AREA.area;
    const d = rings(a.geometry)
      .map(ring => 'M' + ring.map(p => `${x(p[0])},${y(p[1])}`).join('L') + 'Z')
      .join('');
    parts.push(`<path d="${d}" fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-width="1.5" fill-rule="evenodd"><title>${escapeHtml(a.name)}</title></path>`);
  }
  const totalPoints = bundle.tracks.reduce((n, t) => n + t.points.length, 0);
  const stride = Math.max(1, Math.ceil(totalPoints / (options.maxPoints ?? 5000)));
  bundle.tracks.forEach((t, i) => {
    if (t.points.length === 0) return;
    const color = escapeHtml(t.color ?? PALETTE[i % PALETTE.length]);
    const kept = stride === 1 ? t.points : t.points.filter((_, k) => k % stride === 0 || k === t.points.length - 1);
    const pts = kept.map(p => `${x(p[1])},${y(p[0])}`).join(' ');
    const dash = t.kind === 'associate' ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2" stroke-opacity="0.85"${dash}><title>${escapeHtml(t.label)}</title></polyline>`);
  });
  const sites = [...bundle.sites].sort((a, b) => (b.reads ?? 0) - (a.reads ?? 0)).slice(0, options.maxSites ?? 2000);
  const maxReads = sites.reduce((m, s) => Math.max(m, s.reads ?? 0), 0);
  for (const s of sites) {
    const rad = maxReads && s.reads ? 2 + 6 * Math.sqrt(s.reads / maxReads) : 2.5;
    const label = s.reads === undefined ? s.name : `${s.name}: ${s.reads} reads`;
    parts.push(`<circle cx="${x(s.lon)}" cy="${y(s.lat)}" r="${r1(rad)}" fill="#f59e0b" fill-opacity="0.6" stroke="#374151" stroke-width="0.6"><title>${escapeHtml(label)}</title></circle>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
