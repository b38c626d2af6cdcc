/**
 * The profile's plain-DOM tables: frequent places and trips.
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { formatCount, formatShortDateTime, formatTime, sameLondonDay } from './format';
import { MSG } from './messages';

/** Rows shown per table before "Showing N of M". */
const MAX_ROWS = 25;

/**
 * A table with a caption, header and rows of text cells (numbers right-aligned).
 * @example table('Trips', ['A', 'B'], [['1', 2]], 'No trips.')
 */
export function table(
  caption: string,
  header: readonly string[],
  rows: (string | number)[][],
  empty: string
): HTMLElement {
  const section = document.createElement('section');
  section.className = 'anpr-Section';
  const h = document.createElement('h4');
  h.textContent = caption;
  section.append(h);
  if (rows.length === 0) {
    const p = document.createElement('p');
    p.className = 'anpr-Empty';
    p.textContent = empty;
    section.append(p);
    return section;
  }
  const t = document.createElement('table');
  t.className = 'anpr-Table';
  const thead = t.createTHead().insertRow();
  for (const name of header) {
    const th = document.createElement('th');
    th.textContent = name;
    thead.append(th);
  }
  const body = t.createTBody();
  for (const r of rows.slice(0, MAX_ROWS)) {
    const tr = body.insertRow();
    for (const v of r) {
      const td = tr.insertCell();
      td.textContent = typeof v === 'number' ? formatCount(v) : v;
      td.className = typeof v === 'number' ? 'anpr-Num' : /\d:\d\d$/.test(v) ? 'anpr-When' : '';
    }
  }
  section.append(t);
  if (rows.length > MAX_ROWS) {
    const more = document.createElement('p');
    more.className = 'anpr-More';
    more.textContent = MSG.moreRows(MAX_ROWS, rows.length);
    section.append(more);
  }
  return section;
}

/**
 * Frequent places, most read first.
 * @example placesTable(bundle)
 */
export function placesTable(bundle: ProfileBundle): HTMLElement {
  const rows = [...bundle.places].sort((a, b) => b.reads - a.reads).map(p => [p.name, p.site, p.reads]);
  return table(MSG.placesTitle, MSG.placesHeader, rows, MSG.noPlaces);
}

/**
 * Trips in time order. Sites are shown by name where the bundle's `siteNames` or
 * `places` know them, else by id; the end shows only the time when on the start's day.
 * @example tripsTable(bundle)
 */
export function tripsTable(bundle: ProfileBundle): HTMLElement {
  const names = new Map([...bundle.places.map(p => [p.site, p.name] as const), ...Object.entries(bundle.siteNames ?? {})]);
  const rows = [...bundle.trips]
    .sort((a, b) => a.start - b.start)
    .map(t => [
      formatShortDateTime(t.start),
      sameLondonDay(t.start, t.end) ? formatTime(t.end) : formatShortDateTime(t.end),
      names.get(t.fromSite) ?? t.fromSite,
      names.get(t.toSite) ?? t.toSite,
      t.reads
    ]);
  return table(MSG.tripsTitle, MSG.tripsHeader, rows, MSG.noTrips);
}
