// @vitest-environment jsdom
/**
 * The profile widget's parts on a tiny inline store: what profileView carries for the charts
 * (stays, the coordinates of the vehicle's own sites only), the trips every linked view
 * shares, the plotly timeline figure (Europe/London wall-clock across the BST change), the
 * dwell and places specs, the selection linking the views, and escaping: a site named
 * `<img src=x onerror=alert(1)>` is text in the widget's DOM, in plotly's labels and in the
 * text/html fallbacks.
 */
import { describe, expect, it } from 'vitest';
import { buildStore, profile, profileView, sitesFromRows, MIMEBUNDLE, PROFILE_MIME } from '../../../kernel-lib/src';
import { checkProfileBundle } from '../../../jupyterlab-ext/src/shared/validate';
import { profileTrips, siteNamer } from '../../../jupyterlab-ext/src/profile/trips';
import { TripSelection } from '../../../jupyterlab-ext/src/profile/trip-selection';
import { formatDwell, londonPlotlyDate, plotlyLines, plotlyText, selectedTripXY, timelineFigure } from '../../../jupyterlab-ext/src/profile/timeline-figure';
import { dwellBars, dwellBin, dwellSpec } from '../../../jupyterlab-ext/src/profile/charts/dwell-spec';
import { placeBars, placesSpec } from '../../../jupyterlab-ext/src/profile/charts/places-spec';
import { associatesTable, placesTable, staysTable, tripsTable } from '../../../jupyterlab-ext/src/profile/tables';
import { headerNode } from '../../../jupyterlab-ext/src/profile/header';
import { timelineTheme } from '../../../jupyterlab-ext/src/profile/timeline';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';

const XSS = '<img src=x onerror=alert(1)>';
const sites = sitesFromRows([
  { site_id: 'A', name: XSS, lat: 53.41, lon: -2.98 },
  { site_id: 'B', name: 'Market west', lat: 53.32, lon: -3.49 },
  { site_id: 'C', name: 'Midway', lat: 53.36, lon: -3.2 },
  { site_id: 'D', name: 'Never visited', lat: 51.5, lon: -0.1 }
]);
const t = (iso: string) => Date.parse(iso);
// Two trips A → C → B (in March, GMT) and B → C → A (in July, BST), with a stay between.
const store = buildStore(
  [
    { vrm: 'ZA12BCD', time: t('2025-03-03T19:00:00Z'), site: 'A' },
    { vrm: 'ZA12BCD', time: t('2025-03-03T19:10:00Z'), site: 'C' },
    { vrm: 'ZA12BCD', time: t('2025-03-03T19:25:00Z'), site: 'B' },
    { vrm: 'ZA12BCD', time: t('2025-07-01T12:00:00Z'), site: 'B' },
    { vrm: 'ZA12BCD', time: t('2025-07-01T12:14:00Z'), site: 'C' },
    { vrm: 'ZA12BCD', time: t('2025-07-01T12:28:00Z'), site: 'A' },
    { vrm: 'ZX70YYY', time: t('2025-03-04T08:00:00Z'), site: 'D' }
  ],
  sites
);
const bundle = profileView(store, 'ZA12BCD').bundle;
const name = siteNamer(bundle);

describe('profileView carries what the charts need, and no more', () => {
  it('has stays with dwell bounds and the coordinates of the sites the vehicle was read at only', () => {
    expect(checkProfileBundle(bundle)).toBe(bundle);
    expect(bundle.siteCoords).toEqual({ A: [53.41, -2.98], B: [53.32, -3.49], C: [53.36, -3.2] });
    expect(bundle.trips).toHaveLength(2);
    expect(bundle.stays).toHaveLength(1);
    const stay = bundle.stays![0];
    expect([stay.start, stay.end, stay.site]).toEqual([t('2025-03-03T19:25:00Z'), t('2025-07-01T12:00:00Z'), 'B']);
    expect(stay.dwellMax).toBe(stay.end - stay.start);
    expect(stay.dwellMin).toBeLessThan(stay.dwellMax);
    expect(stay.overnight).toBe(true);
  });

  it('rejects malformed coordinates where the bundle enters the extension', () => {
    expect(() => checkProfileBundle({ ...bundle, siteCoords: { A: [53] } })).toThrow(/not valid/);
  });
});

describe('linked trips', () => {
  it('orders and numbers trips by start and gives each the path of its reads', () => {
    const trips = profileTrips({ ...bundle, trips: [...bundle.trips].reverse() });
    expect(trips.map(x => [x.index, x.fromSite, x.toSite])).toEqual([[0, 'A', 'B'], [1, 'B', 'A']]);
    expect(trips[0].path).toEqual([[53.41, -2.98], [53.36, -3.2], [53.32, -3.49]]);
    expect(trips[1].path).toEqual([[53.32, -3.49], [53.36, -3.2], [53.41, -2.98]]);
    expect(profileTrips({ ...bundle, siteCoords: undefined })[0].path).toEqual([]);
  });

  it('tells every view of a selection, and selecting the selected trip clears it', () => {
    const sel = new TripSelection();
    const seen: [number | null, string][] = [];
    const stop = sel.listen((trip, source) => seen.push([trip, source]));
    sel.select(1, 'map');
    sel.select(1, 'table');
    sel.select(0, 'timeline');
    stop();
    sel.select(1, 'map');
    expect(seen).toEqual([[1, 'map'], [null, 'table'], [0, 'timeline']]);
    expect(sel.current).toBe(1);
  });

  it('marks the selected row of the trips table and selects on click', () => {
    const sel = new TripSelection();
    const section = tripsTable(profileTrips(bundle), name, sel);
    const rows = Array.from(section.querySelectorAll('tbody tr')) as HTMLElement[];
    expect(rows.map(r => r.dataset.trip)).toEqual(['0', '1']);
    rows[1].click();
    expect(sel.current).toBe(1);
    expect(rows.map(r => r.classList.contains('anpr-Row-selected'))).toEqual([false, true]);
    sel.select(0, 'map');
    expect(rows.map(r => r.getAttribute('aria-selected'))).toEqual(['true', 'false']);
  });
});

describe('timeline figure (plotly)', () => {
  const trips = profileTrips(bundle);
  const fig = timelineFigure(bundle, trips, name, { dark: false, font: '#222', grid: '#eee' });

  it('puts reads, stays, trips and the selection on one Europe/London time axis', () => {
    expect(fig.data.map(d => d.name)).toEqual(['Reads', 'Stays', 'Trips', 'selected']);
    expect((fig.data[0].x as string[]).slice(0, 1)).toEqual(['2025-03-03 19:00:00']); // GMT
    expect((fig.data[2].x as (string | null)[]).slice(3, 6)).toEqual(['2025-07-01 13:00:00', '2025-07-01 13:28:00', null]); // BST
    expect((fig.data[2].customdata as (number | null)[])).toEqual([0, 0, null, 1, 1, null]);
    expect(londonPlotlyDate(Date.UTC(2026, 6, 1, 12, 0))).toBe('2026-07-01 13:00:00');
    expect((fig.layout.xaxis as any).rangeslider.visible).toBe(true);
    expect(selectedTripXY(trips[1]).x).toEqual(['2025-07-01 13:00:00', '2025-07-01 13:28:00']);
    expect(selectedTripXY(null)).toEqual({ x: [], y: [] });
  });

  it('never lets a site name become plotly markup', () => {
    expect(plotlyText(XSS)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(plotlyLines(`${XSS}\n19:00`)).toBe('&lt;img src=x onerror=alert(1)&gt;<br>19:00');
    const texts = [...(fig.data[0].text as string[]), ...(fig.data[2].text as (string | null)[])].filter(Boolean).join('\n');
    expect(texts).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(texts).not.toContain('<img');
  });

  it('takes its colours from the Lab theme, with defaults outside Lab', () => {
    expect(timelineTheme(false)).toEqual({ dark: false, font: '#222', grid: '#e0e0e0' });
    document.body.style.setProperty('--jp-ui-font-color1', 'rgb(1, 2, 3)');
    expect(timelineTheme(true).font).toBe('rgb(1, 2, 3)');
    document.body.style.removeProperty('--jp-ui-font-color1');
  });

  it('formats dwell bounds', () => {
    expect([formatDwell(45 * 60_000), formatDwell(125 * 60_000), formatDwell(27 * 3_600_000)]).toEqual(['45 min', '2 h 05 min', '27 h 00 min']);
    expect(formatDwell(50 * 3_600_000)).toBe('2 d 2 h');
  });
});

describe('dwell and places specs (vega-lite)', () => {
  it('counts stays by bin for the lower and the upper bound', () => {
    expect([dwellBin(0), dwellBin(45 * 60_000), dwellBin(5 * 86_400_000)]).toEqual([0, 1, 8]);
    const bars = dwellBars([{ dwellMin: 10 * 60_000, dwellMax: 90 * 60_000 }, { dwellMin: 10 * 60_000, dwellMax: 20 * 60_000 }]);
    expect(bars.filter(b => b.stays)).toEqual([
      { bin: '< 30 min', order: 0, bound: 'at least', stays: 2 },
      { bin: '< 30 min', order: 0, bound: 'at most', stays: 1 },
      { bin: '1–2 h', order: 2, bound: 'at most', stays: 1 }
    ]);
    expect(bars).toHaveLength(18);
    expect((dwellSpec(bundle.stays!) as any).data.values.filter((b: any) => b.stays)).toHaveLength(2);
  });

  it('sorts places by reads and tells apart two sites of one name', () => {
    const bars = placeBars([{ site: 'S1', name: 'Depot', reads: 2 }, { site: 'S2', name: 'Depot', reads: 5 }, { site: 'S3', name: 'Quay', reads: 1 }]);
    expect(bars.map(b => b.label)).toEqual(['Depot (S2)', 'Depot (S1)', 'Quay']);
    expect(placesSpec(bundle.places).encoding.y.sort).toBe('-x');
  });
});

describe('escaping: a site named <img src=x onerror=alert(1)>', () => {
  it('is text in the widget header and tables', () => {
    const root = document.createElement('div');
    const withReasons = { ...bundle, reasons: [`seen at ${XSS}`], associates: [{ id: XSS, observed: 3, expected: 0.1, pValue: 0.001, sites: 2, reasons: [XSS] }] };
    const trips = profileTrips(withReasons);
    root.append(headerNode(withReasons), tripsTable(trips, name, new TripSelection()), staysTable(bundle.stays!, name), placesTable(bundle), associatesTable(withReasons.associates));
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.textContent).toContain(XSS);
    expect(root.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is escaped in the text/html fallback of profileView and of profile()', () => {
    for (const view of [profileView(store, 'ZA12BCD'), profile(store, 'ZA12BCD')]) {
      const data = view[MIMEBUNDLE]().data;
      const html = String(data['text/html']);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
      const host = document.createElement('div');
      host.innerHTML = html;
      expect(host.querySelectorAll('img')).toHaveLength(0);
      expect((data[PROFILE_MIME] as typeof bundle).siteCoords).toBeDefined();
    }
  });
});
