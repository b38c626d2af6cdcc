import { describe, expect, it } from 'vitest';
import { buildStore, mapView, profileView, show, MAP_MIME, PROFILE_MIME, MIMEBUNDLE, sitesFromRows, pseudonym } from '../../../kernel-lib/src';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';

const sites = sitesFromRows([
  { site_id: 'A', name: 'Hub east', lat: 53.41, lon: -2.98 },
  { site_id: 'B', name: 'Market west', lat: 53.32, lon: -3.49 }
]);
const t = (iso: string) => Date.parse(iso);
const store = buildStore(
  [
    { vrm: 'AB12CDE', time: t('2025-03-03T19:00:00Z'), site: 'A' },
    { vrm: 'AB12CDE', time: t('2025-03-03T19:25:00Z'), site: 'B' },
    { vrm: 'AB12CDE', time: t('2025-03-03T21:30:00Z'), site: 'B' },
    { vrm: 'XY70ZZZ', time: t('2025-03-04T08:00:00Z'), site: 'A' }
  ],
  sites
);

describe('mapView', () => {
  it('counts reads per site, draws chosen tracks pseudonymised, and carries an HTML fallback', () => {
    const view = mapView(store, { vehicles: ['AB12CDE'], title: 'Test' });
    const bundle = view[MIMEBUNDLE]();
    const map = bundle.data[MAP_MIME] as typeof view.bundle;
    expect(map.sites.map(s => [s.id, s.reads])).toEqual([['A', 2], ['B', 2]]);
    expect(map.tracks).toHaveLength(1);
    expect(map.tracks[0].id).toBe(pseudonym('AB12CDE'));
    expect(map.tracks[0].points.map(p => p[2])).toEqual([t('2025-03-03T19:00:00Z'), t('2025-03-03T19:25:00Z'), t('2025-03-03T21:30:00Z')]);
    expect(map.timeRange).toEqual([t('2025-03-03T19:00:00Z'), t('2025-03-04T08:00:00Z')]);
    expect(String(bundle.data['text/html'])).toContain('2 sites');
    expect(JSON.stringify(bundle)).not.toContain('AB12CDE');
  });

  it('shows the VRM only when revealed', () => {
    const map = mapView(store, { vehicles: ['AB12CDE'], reveal: true }).bundle;
    expect(map.tracks[0].id).toBe('AB12CDE');
  });
});

describe('profileView', () => {
  it('splits trips on gaps, counts hour x weekday in Europe/London, and lists places', () => {
    const p = profileView(store, 'AB12CDE').bundle;
    expect(p.summary).toEqual({ reads: 3, trips: 2, days: 1, sites: 2 });
    expect(p.trips.map(x => [x.fromSite, x.toSite, x.reads])).toEqual([['A', 'B', 2], ['B', 'B', 1]]);
    // 2025-03-03 is a Monday; 19:00Z is 19:00 GMT.
    expect(p.hourWeekday[0][19]).toBe(2);
    expect(p.hourWeekday[0][21]).toBe(1);
    expect(p.places[0]).toEqual({ site: 'B', name: 'Market west', reads: 2 });
    expect(p.vehicle).toEqual({ pseudonym: pseudonym('AB12CDE'), revealed: false });
    const bundle = profileView(store, 'AB12CDE')[MIMEBUNDLE]();
    expect(Object.keys(bundle.data).sort()).toEqual([PROFILE_MIME, 'text/html'].sort());
  });

  it('names an unknown VRM', () => {
    expect(() => profileView(store, 'NOPE1')).toThrow(/No reads for VRM "NOPE1"/);
  });
});

describe('show', () => {
  it('sends nothing outside a kernel and rejects non-displayables', () => {
    expect(show(mapView(store))).toBeUndefined();
    expect(() => show(42)).toThrow(/show\(\) needs a map, profile/);
  });
});

describe('county-lines result', () => {
  it('displays as its ranking (pseudonymised) without changing its JSON', async () => {
    const { findCountyLines, MIMEBUNDLE: SYM } = await import('../../../kernel-lib/src');
    const hub = { type: 'Polygon' as const, coordinates: [[[-3.1, 53.3], [-2.8, 53.3], [-2.8, 53.5], [-3.1, 53.5], [-3.1, 53.3]]] };
    const result = findCountyLines(store, { hub });
    const bundle = result[SYM]();
    expect(String(bundle.data['text/html'])).toContain('County-lines candidates');
    expect(JSON.stringify(bundle)).not.toContain('AB12CDE');
    expect(Object.keys(JSON.parse(JSON.stringify(result)))).toEqual(['candidates', 'hub', 'markets', 'params', 'lookalikes', 'lines', 'counts']);
  });
});

describe('county-lines scorer guard', () => {
  it('stops with a clear error when a replaced scorer returns NaN', async () => {
    const { findCountyLines, scoreCountyLines } = await import('../../../kernel-lib/src');
    const hub = { type: 'Polygon' as const, coordinates: [[[-3.1, 53.3], [-2.8, 53.3], [-2.8, 53.5], [-3.1, 53.5], [-3.1, 53.3]]] };
    const market = { type: 'Polygon' as const, coordinates: [[[-3.6, 53.25], [-3.4, 53.25], [-3.4, 53.4], [-3.6, 53.4], [-3.6, 53.25]]] };
    // This fixture's vehicle never comes back hub → market → hub: its one trip out to the market is
    // cut by the data's end (a censored loop, counted by default). Without those, only minLoops 0 scores it.
    expect(findCountyLines(store, { hub, markets: [market] }).candidates).toHaveLength(1);
    expect(findCountyLines(store, { hub, markets: [market], params: { censoredLoops: false } }).candidates).toHaveLength(0);
    const ok = findCountyLines(store, { hub, markets: [market], params: { minLoops: 0 } });
    expect(ok.candidates.length).toBeGreaterThan(0);
    const bad = (f: any, p: any) => ({ ...scoreCountyLines(f, p), score: NaN });
    expect(() => findCountyLines(store, { hub, markets: [market], scorer: bad, params: { minLoops: 0 } })).toThrow(/scores must be finite numbers/);
  });
});

describe('profileView trips follow splitTrips', () => {
  it('splits on an implausible hop as well as on a gap, and agrees with splitTrips', async () => {
    const { splitTrips } = await import('../../../kernel-lib/src');
    // A → B is about 35 km: 5 minutes apart is ~420 km/h, an implausible hop.
    const hop = buildStore(
      [
        { vrm: 'ZH01HOP', time: t('2025-03-03T10:00:00Z'), site: 'A' },
        { vrm: 'ZH01HOP', time: t('2025-03-03T10:05:00Z'), site: 'B' }
      ],
      sites
    );
    const p = profileView(hop, 'ZH01HOP').bundle;
    const ref = splitTrips(hop);
    expect(p.trips.map(x => [x.fromSite, x.toSite, x.reads])).toEqual([['A', 'A', 1], ['B', 'B', 1]]);
    expect(p.trips.length).toBe(ref.n);
  });
});

describe('lineProfileView', () => {
  it('profiles a whole suspected line as one track, plates pseudonymised, logged once with every plate', async () => {
    const { lineProfileView, PROFILE_MIME: P } = await import('../../../kernel-lib/src');
    const { readFileSync } = await import('node:fs');
    const line = { id: 'L1', vrms: ['AB12CDE', 'XY70ZZZ'], markets: ['Rhyl'], loops: 2, score: 3.5, firstSeen: 0, lastSeen: 0, lookalikes: [],
      handOvers: [{ gapHours: 20, market: 'Rhyl', probability: 0.82, reasons: ['100% of their market stop cameras shared (+2.0)'] }] };
    const before = readFileSync(process.env.ANPR_AUDIT_LOG!, 'utf8').split('\n').filter(Boolean).length;
    const view = lineProfileView(store, line);
    const bundle = view[MIMEBUNDLE]().data[P] as typeof view.bundle;
    expect(bundle.summary.reads).toBe(4); // both plates' reads, one track
    expect(bundle.vehicle).toEqual({ pseudonym: pseudonym('AB12CDE'), revealed: false });
    expect(bundle.reasons).toEqual(['L1: 2 plates, 2 loops to Rhyl', `plates in order of use: ${pseudonym('AB12CDE')} → ${pseudonym('XY70ZZZ')}`,
      `${pseudonym('AB12CDE')} → ${pseudonym('XY70ZZZ')}: 82% by the hand-over model; 100% of their market stop cameras shared (+2.0)`]);
    expect(JSON.stringify(bundle)).not.toMatch(/AB12CDE|XY70ZZZ/);
    const entries = readFileSync(process.env.ANPR_AUDIT_LOG!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(entries.length).toBe(before + 1);
    const last = JSON.stringify(entries[entries.length - 1]);
    expect(last).toContain('profile line');
    expect(last).toContain(pseudonym('XY70ZZZ'));
    expect(last).not.toContain('XY70ZZZ"');
  });
});
