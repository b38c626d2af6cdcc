/**
 * The profile's plain-DOM tables: frequent places, trips (rows select a trip), stays and
 * associates. Every cell is set with textContent: data never becomes markup.
 */
import type { ProfileBundle } from '@anpr/kernel-lib/contract';
import { formatCount, formatShortDateTime, formatTime, sameLondonDay } from '../shared/format';
import { formatDwell } from './timeline-figure';
import type { ProfileTripView } from './trips';
import type { TripSelection } from './trip-selection';
import { MSG } from '../shared/messages';

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

/** "Wed 01 Jul, 13:00" for a start; the end shows only the time when on the start's day. */
function span(start: number, end: number): [string, string] {
  return [formatShortDateTime(start), sameLondonDay(start, end) ? formatTime(end) : formatShortDateTime(end)];
}

/**
 * Trips in time order (the shared order of `trips`), sites by name. With a `selection`,
 * clicking a row (or Enter on it) selects its trip and the selected row is marked.
 * @example tripsTable(profileTrips(bundle), siteNamer(bundle), selection)
 */
export function tripsTable(trips: ProfileTripView[], siteName: (id: string) => string, selection?: TripSelection): HTMLElement {
  const rows = trips.map(t => [String(t.index + 1), ...span(t.start, t.end), siteName(t.fromSite), siteName(t.toSite), t.reads]);
  const section = table(MSG.tripsTitle, ['#', ...MSG.tripsHeader], rows, MSG.noTrips);
  if (!selection) return section;
  const trs = Array.from(section.querySelectorAll<HTMLTableRowElement>('tbody tr'));
  trs.forEach((tr, i) => {
    tr.dataset.trip = String(i);
    tr.tabIndex = 0;
    tr.classList.add('anpr-Row-selectable');
    tr.addEventListener('click', () => selection.select(i, 'table'));
    tr.addEventListener('keydown', ev => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        selection.select(i, 'table');
      }
    });
  });
  const mark = (trip: number | null) =>
    trs.forEach((tr, i) => {
      tr.classList.toggle('anpr-Row-selected', i === trip);
      tr.setAttribute('aria-selected', String(i === trip));
    });
  selection.listen(mark);
  mark(selection.current);
  return section;
}

/**
 * Stays between trips: when, after which site, dwell bounds, overnight.
 * @example staysTable(bundle.stays ?? [], siteNamer(bundle))
 */
export function staysTable(stays: NonNullable<ProfileBundle['stays']>, siteName: (id: string) => string): HTMLElement {
  const rows = [...stays]
    .sort((a, b) => a.start - b.start)
    .map(s => [...span(s.start, s.end), siteName(s.site), MSG.dwellRange(formatDwell(s.dwellMin), formatDwell(s.dwellMax)), s.overnight ? MSG.yes : MSG.no]);
  return table(MSG.staysTitle, MSG.staysHeader, rows, MSG.noStays);
}

/**
 * Associates (convoy): co-reads observed against expected by chance, best first.
 * @example associatesTable(bundle.associates ?? [])
 */
export function associatesTable(associates: NonNullable<ProfileBundle['associates']>): HTMLElement {
  const rows = associates.map(a => [a.id, a.observed, a.expected.toPrecision(2), a.pValue.toPrecision(2), a.sites, a.reasons.join('; ')]);
  return table(MSG.associatesTitle, MSG.associatesHeader, rows, MSG.noAssociates);
}
