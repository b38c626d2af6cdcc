import { describe, expect, it } from 'vitest';
import { area, areasFromGeoJson } from '../../../kernel-lib/src/core/areas';
import { buildStore, type ReadRow } from '../../../kernel-lib/src/reads/build-store';
import { sitesFromRows } from '../../../kernel-lib/src/reads/sites-from-rows';
import { markCrossings } from '../../../kernel-lib/src/trips/crossings';
import { sitePlaces } from '../../../kernel-lib/src/trips/places';
import { defaultStayOptions } from '../../../kernel-lib/src/trips/stays';
import { findTours } from '../../../kernel-lib/src/trips/tours';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { findCountyLines } from '../../../kernel-lib/src/find/county-lines';
import { at, hubGeo, marketsGeo, siteRows } from './fixture';

// The fixture's hub (Liverpool) and markets (Rhyl, Chester), and a town beyond the hub (Widnes, W1).
const sites = sitesFromRows([...siteRows, { site_id: 'W1', name: 'Widnes', lat: 53.36, lon: -2.73 }]);
const rows: ReadRow[] = [];
const read = (vrm: string, day: number, hh: number, mm: number, site: string) => rows.push({ vrm, time: at(day, hh, mm), site });
const days = [6, 8, 10, 12, 14, 16, 18];
for (const d of days) {
  // Lives in Widnes; drives through Liverpool (a few minutes between its cameras) to Rhyl, stays 3 h, and home the same way.
  read('THRU', d, 18, 0, 'W1'); read('THRU', d, 18, 20, 'H2'); read('THRU', d, 18, 25, 'H1'); read('THRU', d, 18, 45, 'R1'); read('THRU', d, 19, 15, 'M1');
  read('THRU', d, 22, 15, 'M2'); read('THRU', d, 22, 45, 'R1'); read('THRU', d, 23, 5, 'H1'); read('THRU', d, 23, 10, 'H2'); read('THRU', d, 23, 30, 'W1');
  // The same drive with a stop of about 12 minutes in the hub on the way out (H2 at 18:20, H1 at 18:40: 2.6 km apart).
  read('STOP', d, 18, 0, 'W1'); read('STOP', d, 18, 20, 'H2'); read('STOP', d, 18, 40, 'H1'); read('STOP', d, 19, 0, 'R1'); read('STOP', d, 19, 30, 'M1');
  read('STOP', d, 22, 15, 'M2'); read('STOP', d, 22, 45, 'R1'); read('STOP', d, 23, 5, 'H1'); read('STOP', d, 23, 10, 'H2'); read('STOP', d, 23, 30, 'W1');
  // Lives in Rhyl; drives into Liverpool and straight back out (a restock): in and out on the same side.
  read('RESTOCK', d, 10, 0, 'M1'); read('RESTOCK', d, 10, 25, 'R1'); read('RESTOCK', d, 10, 45, 'H1'); read('RESTOCK', d, 10, 50, 'H2');
  read('RESTOCK', d, 11, 10, 'R1'); read('RESTOCK', d, 11, 35, 'M2');
  // Lives in Liverpool; its route to Rhyl leaves the hub for a moment (W1) and comes back in: the trip starts in the hub.
  read('RUNNER', d, 20, 0, 'H1'); read('RUNNER', d, 20, 20, 'W1'); read('RUNNER', d, 20, 40, 'H2'); read('RUNNER', d, 21, 0, 'R1'); read('RUNNER', d, 21, 30, 'M1');
  read('RUNNER', d, 23, 0, 'M2'); read('RUNNER', d, 23, 30, 'R1'); read('RUNNER', d, 23, 50, 'H2');
}
const store = buildStore(rows, sites);
const places = sitePlaces(store.sites, [area(hubGeo), ...areasFromGeoJson(marketsGeo)]);
const trips = splitTrips(store);
const v = (vrm: string) => store.vrms.indexOf(vrm);
const hubReads = (vrm: string, marks: Uint8Array) => {
  const out: number[] = [];
  for (let i = store.vehicleStart[v(vrm)]; i < store.vehicleStart[v(vrm) + 1]; i++) if (places.sitePlace[store.site[i]] === 0) out.push(marks[i]);
  return out;
};

describe('markCrossings', () => {
  const crossed = markCrossings(store, trips, places.sitePlace, () => 0, 5, defaultStayOptions);
  it('marks the hub reads of a drive from a town beyond the hub to a market through it, both ways', () => {
    expect(hubReads('THRU', crossed)).toEqual(Array(4 * days.length).fill(1));
  });
  it('keeps a possible stop in the hub, a drive in and back out to where it came from, and a trip that starts in the hub', () => {
    // STOP: the way out has room for a stop (not crossed), the way home has none (crossed).
    expect(hubReads('STOP', crossed)).toEqual(days.flatMap(() => [0, 0, 1, 1]));
    expect(hubReads('RESTOCK', crossed).every((x) => x === 0)).toBe(true);
    expect(hubReads('RUNNER', crossed).every((x) => x === 0)).toBe(true);
  });
  it('no anchor, no crossing', () => {
    expect(markCrossings(store, trips, places.sitePlace, () => -1, 5, defaultStayOptions).every((x) => x === 0)).toBe(true);
  });
});

describe('findTours with crossing', () => {
  const tours = (o = {}) => findTours(store, places.sitePlace, 0, o);
  const count = (t: ReturnType<typeof findTours>, vrm: string) => t.vehicleTourStart[v(vrm) + 1] - t.vehicleTourStart[v(vrm)];
  it('a crossed hub is no visit: the through drive makes no hub tour; a stop or a visit keeps its tours', () => {
    const plain = tours(), crossing = tours({ crossing: { trips, stopMinutes: 5 } });
    expect(count(plain, 'THRU')).toBeGreaterThanOrEqual(days.length);
    expect(count(crossing, 'THRU')).toBe(0);
    for (const vrm of ['RESTOCK', 'RUNNER']) expect(count(crossing, vrm)).toBe(count(plain, vrm));
    // STOP stops in the hub on the way out but only crosses it on the way home: its tours leave
    // the hub after each stop and come back at the next one, through Rhyl and Widnes.
    const a = crossing.vehicleTourStart[v('STOP')];
    expect(count(crossing, 'STOP')).toBe(days.length - 1);
    expect(crossing.depart[a]).toBe(at(6, 18, 40));
    expect(crossing.return[a]).toBe(at(8, 18, 20));
    // Visits are counted exactly: no slot left for the crossed hub reads inside a tour.
    expect(crossing.visitPlace.length).toBe(crossing.visitStart[crossing.n]);
    expect([...crossing.visitPlace].every((p) => p !== 0)).toBe(true);
  });
});

describe('the finder', () => {
  it('does not score the through drive as hub → market → hub loops, unless params.hubCrossings', () => {
    const loopsOf = (r: ReturnType<typeof findCountyLines>, vrm: string) => r.candidates.find((c) => c.vrm === vrm)?.features.loops ?? 0;
    const r = findCountyLines(store, { hub: hubGeo, markets: marketsGeo });
    expect(loopsOf(r, 'THRU')).toBe(0);
    expect(loopsOf(r, 'RUNNER')).toBe(days.length);
    const all = findCountyLines(store, { hub: hubGeo, markets: marketsGeo, params: { hubCrossings: true } });
    expect(loopsOf(all, 'THRU')).toBe(days.length);
  });
});
