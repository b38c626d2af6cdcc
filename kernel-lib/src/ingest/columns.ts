/**
 * Header aliases: map the column names an export may use onto canonical names.
 * Matching ignores case, spaces, underscores, hyphens and dots ("Number Plate" = number_plate).
 */

/** Canonical read columns. */
export type ReadColumn = 'vrm' | 'timestamp' | 'site_id' | 'lat' | 'lon' | 'direction' | 'confidence';
/** Canonical site columns. */
export type SiteColumn = 'site_id' | 'name' | 'lat' | 'lon' | 'road' | 'direction';

const key = (h: string) => h.toLowerCase().replace(/[\s_\-.]/g, '').replace(/^\ufeff/, '');

/** Accepted header names per canonical read column (matched ignoring case, spaces, _ - .). */
export const READ_ALIASES: Readonly<Record<ReadColumn, readonly string[]>> = {
  vrm: ['vrm', 'plate', 'registration', 'reg', 'vrn', 'number plate', 'numberplate', 'registration number', 'reg no'],
  timestamp: ['timestamp', 'date time', 'datetime', 'readdate', 'read date', 'time', 'capture time', 'read time', 'time stamp'],
  site_id: ['site_id', 'camera', 'site', 'cameraid', 'camera id', 'site id', 'location id', 'locationid'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'longitude', 'lng', 'long'],
  direction: ['direction', 'dir', 'heading'],
  confidence: ['confidence', 'score', 'read confidence'],
};

/** Accepted header names per canonical site column. */
export const SITE_ALIASES: Readonly<Record<SiteColumn, readonly string[]>> = {
  site_id: READ_ALIASES.site_id,
  name: ['name', 'site name', 'camera name', 'location', 'location name', 'description'],
  lat: READ_ALIASES.lat,
  lon: READ_ALIASES.lon,
  road: ['road', 'road name', 'route', 'street'],
  direction: READ_ALIASES.direction,
};

function lookup<C extends string>(aliases: Readonly<Record<C, readonly string[]>>): Map<string, C> {
  const m = new Map<string, C>();
  for (const c of Object.keys(aliases) as C[]) for (const a of aliases[c]) m.set(key(a), c);
  return m;
}
const READ_LOOKUP = lookup(READ_ALIASES);
const SITE_LOOKUP = lookup(SITE_ALIASES);

function match<C extends string>(headers: readonly string[], table: Map<string, C>): Map<C, number> {
  const out = new Map<C, number>();
  headers.forEach((h, i) => {
    const c = table.get(key(h));
    if (c !== undefined && !out.has(c)) out.set(c, i); // first matching column wins
  });
  return out;
}

/**
 * Map read-file headers to canonical columns: canonical name → column index.
 * The first header matching a canonical column wins; unmatched headers are ignored.
 *
 * @example
 * matchReadColumns(['Number Plate', 'Date Time', 'Camera ID']);
 * // Map { 'vrm' => 0, 'timestamp' => 1, 'site_id' => 2 }
 */
export function matchReadColumns(headers: readonly string[]): Map<ReadColumn, number> {
  return match(headers, READ_LOOKUP);
}

/**
 * Map sites-file headers to canonical columns: canonical name → column index.
 *
 * @example
 * matchSiteColumns(['Camera ID', 'Latitude', 'Longitude', 'Road']);
 * // Map { 'site_id' => 0, 'lat' => 1, 'lon' => 2, 'road' => 3 }
 */
export function matchSiteColumns(headers: readonly string[]): Map<SiteColumn, number> {
  return match(headers, SITE_LOOKUP);
}
