import { describe, expect, it } from 'vitest';
import { area, areasFromGeoJson } from '../../../kernel-lib/src/core/areas';
import { inferBases } from '../../../kernel-lib/src/trips/base';
import { sitePlaces } from '../../../kernel-lib/src/trips/places';
import { findStays } from '../../../kernel-lib/src/trips/stays';
import { findTours } from '../../../kernel-lib/src/trips/tours';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { sitesFromRows } from '../../../kernel-lib/src/reads/sites-from-rows';
import { at, hubGeo, marketsGeo, sites, world, worldRows } from './fixture';

const store = world();
const places = sitePlaces(store.sites, [area(hubGeo), ...areasFromGeoJson(marketsGeo)]);
const v = (vrm: string) => store.vrms.indexOf(vrm);

describe('places', () => {
  it('areas first, then clusters named after their leading site', () => {
    expect(places.name).toEqual(['Liverpool', 'Rhyl', 'Chester', 'near A55 midway']);
    expect(Array.from(places.sitePlace)).toEqual([0, 0, 3, 1, 1, 2]);
  });
  it('a camera already named "near …" gives its place that name, not "near near …"', () => {
    const s = sitesFromRows([{ site_id: 'J20', name: 'near M5 J20 Clevedon', lat: 51.44, lon: -2.85 }, { site_id: 'X', name: 'Nearby Lane', lat: 52.0, lon: -2.0 }]);
    expect(sitePlaces(s, []).name).toEqual(['near M5 J20 Clevedon', 'near Nearby Lane']);
  });
});

describe('inferBases', () => {
  const bases = inferBases(store, findStays(store, splitTrips(store)), places.sitePlace, places.n);
  it('a hub runner is based in the hub, a market resident in the market', () => {
    expect(places.name[bases.place[v('RUN1')]]).toBe('Liverpool');
    expect(places.name[bases.place[v('COM1')]]).toBe('Liverpool');
    expect(places.name[bases.place[v('RES1')]]).toBe('Rhyl');
    expect(bases.share[v('RES1')]).toBe(1);
    expect(bases.overnights[v('RES1')]).toBe(11);
    expect(bases.overnightsAtBase[v('RES1')]).toBe(11);
  });
});

describe('findTours', () => {
  const tours = findTours(store, places.sitePlace, 0);
  it('finds the runner\'s 7 evening loops to Rhyl with departure, return and dwell bounds', () => {
    const r = v('RUN1');
    const a = tours.vehicleTourStart[r], b = tours.vehicleTourStart[r + 1];
    expect(b - a).toBe(7);
    expect(tours.depart[a]).toBe(at(6, 20, 0));
    expect(tours.return[a]).toBe(at(6, 22, 40));
    expect(tours.overnight[a]).toBe(0);
    const dest = tours.destination[a];
    expect(places.name[tours.visitPlace[dest]]).toBe('Rhyl');
    expect(tours.visitArrive[dest]).toBe(at(6, 21, 0));
    // M1 21:00 -> M2 21:40, sites ~0.9 km apart: max 40 min, min 40 - 10 - travel.
    expect(tours.visitDwellMax[dest]).toBe(40 * 60_000);
    expect(tours.visitDwellMin[dest] / 60_000).toBeGreaterThan(28);
    expect(tours.visitDwellMin[dest] / 60_000).toBeLessThan(30);
  });
  it('anchored at the base, the resident\'s loops go to the hub and back overnight at home', () => {
    const bases = inferBases(store, findStays(store, splitTrips(store)), places.sitePlace, places.n);
    const t = findTours(store, places.sitePlace, bases.place);
    const r = v('RES1');
    const a = t.vehicleTourStart[r];
    expect(t.vehicleTourStart[r + 1] - a).toBe(12);
    expect(places.name[t.visitPlace[t.destination[a]]]).toBe('Liverpool');
  });
  it('with censorAt, a last trip out that the data\'s end cuts is one more tour, its last stop lasting until then', () => {
    // CUT1 leaves Liverpool at 20:00 on the 18th for Rhyl (21:00, 21:40) and the data ends at 23:00.
    const cut = [...worldRows, ...[[20, 0, 'H1'], [21, 0, 'M1'], [21, 40, 'M2']].map(([hh, mm, site]) => ({ vrm: 'CUT1', time: at(18, hh as number, mm as number), site: site as string }))];
    const s = buildStore(cut, sites);
    const c = s.vrms.indexOf('CUT1');
    expect(findTours(s, places.sitePlace, 0).vehicleTourStart[c + 1] - findTours(s, places.sitePlace, 0).vehicleTourStart[c]).toBe(0);
    const t = findTours(s, places.sitePlace, 0, { censorAt: at(18, 23, 0) });
    const u = t.vehicleTourStart[c];
    expect(t.vehicleTourStart[c + 1] - u).toBe(1);
    expect([t.censored[u], t.depart[u], t.return[u]]).toEqual([1, at(18, 20, 0), at(18, 23, 0)]);
    const dest = t.destination[u];
    expect(places.name[t.visitPlace[dest]]).toBe('Rhyl');
    expect([t.visitArrive[dest], t.visitStopStart[dest], t.visitDwellMin[dest], t.visitDwellMax[dest]]).toEqual([at(18, 21, 0), at(18, 21, 40), 80 * 60_000, 80 * 60_000]);
    // The runner's tours are complete ones (never censored), and too long a cut (data ending > maxTourHours later) makes none.
    const r = s.vrms.indexOf('RUN1');
    expect(Array.from(t.censored.subarray(t.vehicleTourStart[r], t.vehicleTourStart[r + 1]))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const late = findTours(s, places.sitePlace, 0, { censorAt: at(22, 0, 0) });
    expect(late.vehicleTourStart[c + 1] - late.vehicleTourStart[c]).toBe(0);
  });
  it('with openTourMaxSpanMs, a short-lived vehicle\'s last trip out, never read back, is a tour however long before the data\'s end it left', () => {
    // VAN1 comes from Rhyl to Liverpool and goes back to Rhyl on the 18th (reads spanning 2.5 h), never to be read again; the data ends on the 22nd.
    const gone = [...worldRows, ...[[9, 0, 'M1'], [10, 0, 'H1'], [10, 30, 'H1'], [11, 30, 'M1']].map(([hh, mm, site]) => ({ vrm: 'VAN1', time: at(18, hh as number, mm as number), site: site as string }))];
    const s = buildStore(gone, sites);
    const c = s.vrms.indexOf('VAN1');
    const end = at(22, 0, 0);
    const tours = (o: Parameters<typeof findTours>[3]) => findTours(s, places.sitePlace, 0, o);
    const cut = tours({ censorAt: end });
    expect(cut.vehicleTourStart[c + 1] - cut.vehicleTourStart[c]).toBe(0); // left more than maxTourHours before the end
    const t = tours({ censorAt: end, openTourMaxSpanMs: 3 * 3_600_000 });
    const u = t.vehicleTourStart[c];
    expect(t.vehicleTourStart[c + 1] - u).toBe(1);
    // Its last stop lasts until maxTourHours (72) after it left, not until the data's end: a vanished plate's stay is not known.
    expect([t.censored[u], t.depart[u], t.return[u]]).toEqual([1, at(18, 10, 30), at(21, 10, 30)]);
    expect(places.name[t.visitPlace[t.destination[u]]]).toBe('Rhyl');
    expect(t.visitDwellMin[t.destination[u]]).toBe(at(21, 10, 30) - at(18, 11, 30));
    // Read away first, then at the hub, then away for good, and no more: a visitor from Rhyl, not a tour out of the hub twice.
    expect(Array.from(t.censored.subarray(u, t.vehicleTourStart[c + 1]))).toEqual([1]);
    // Reads spanning longer than the limit: no open tour. Complete tours are the same either way; without censorAt nothing changes.
    const long = tours({ censorAt: end, openTourMaxSpanMs: 2 * 3_600_000 });
    expect(long.vehicleTourStart[c + 1] - long.vehicleTourStart[c]).toBe(0);
    const r = s.vrms.indexOf('RUN1');
    expect(t.vehicleTourStart[r + 1] - t.vehicleTourStart[r]).toBe(cut.vehicleTourStart[r + 1] - cut.vehicleTourStart[r]);
    const none = tours({ openTourMaxSpanMs: 3 * 3_600_000 });
    expect(none.vehicleTourStart[c + 1] - none.vehicleTourStart[c]).toBe(0);
  });
  it('with openTourMaxSpanMs, a short-lived vehicle first read away makes a tour back to the anchor, leaving at its first read', () => {
    // NEW1 (a plate put into use in Rhyl) is first read in Rhyl on the 18th at 22:00 and 22:30, comes to Liverpool (23:30), then
    // runs Liverpool → Rhyl → Liverpool on the 19th. NEW2 is first read in Rhyl and last read in Liverpool, nothing else.
    const rows = [...worldRows,
      ...[[18, 22, 0, 'M1'], [18, 22, 30, 'M2'], [18, 23, 30, 'H1'], [19, 18, 0, 'H1'], [19, 19, 0, 'M1'], [19, 21, 0, 'M2'], [19, 22, 0, 'H1']]
        .map(([d, hh, mm, site]) => ({ vrm: 'NEW1', time: at(d as number, hh as number, mm as number), site: site as string })),
      ...[[9, 0, 'M1'], [10, 0, 'H1']].map(([hh, mm, site]) => ({ vrm: 'NEW2', time: at(18, hh as number, mm as number), site: site as string }))];
    const s = buildStore(rows, sites);
    const end = at(22, 0, 0), day = 24 * 3_600_000;
    const t = findTours(s, places.sitePlace, 0, { censorAt: end, openTourMaxSpanMs: 3 * day });
    for (const [vrm, first, home] of [['NEW1', at(18, 22, 0), at(18, 23, 30)], ['NEW2', at(18, 9, 0), at(18, 10, 0)]] as const) {
      const c = s.vrms.indexOf(vrm), u = t.vehicleTourStart[c];
      expect([t.censored[u], t.depart[u], t.return[u]]).toEqual([2, first, home]);
      expect(places.name[t.visitPlace[t.destination[u]]]).toBe('Rhyl');
    }
    const c = s.vrms.indexOf('NEW1'), u = t.vehicleTourStart[c];
    expect(t.vehicleTourStart[c + 1] - u).toBe(2); // the open start, then the closed tour
    expect([t.visitArrive[t.destination[u]], t.visitDwellMin[t.destination[u]] > 0]).toEqual([at(18, 22, 0), true]);
    // Without censorAt, or with reads spanning longer than the limit, no open start.
    const uncut = findTours(s, places.sitePlace, 0, { openTourMaxSpanMs: 3 * day });
    expect(uncut.vehicleTourStart[c + 1] - uncut.vehicleTourStart[c]).toBe(1);
    const short = findTours(s, places.sitePlace, 0, { censorAt: end, openTourMaxSpanMs: 3_600_000 });
    expect(short.vehicleTourStart[c + 1] - short.vehicleTourStart[c]).toBe(1);
  });
  it('drops tours longer than maxTourHours', () => {
    const t = findTours(store, places.sitePlace, 0, { maxTourHours: 2 });
    const r = v('RUN1');
    expect(t.vehicleTourStart[r + 1] - t.vehicleTourStart[r]).toBe(0);
  });
});
