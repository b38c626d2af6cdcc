// @vitest-environment jsdom
/**
 * The map widget's DOM parts with a hostile site name `<img src=x onerror=alert(1)>`: the
 * tooltip/popup text nodes, the site and track popups, the legend and the toolbar/time filter
 * all show it as text (no element is created from it), and the time filter reports its window.
 */
import { describe, expect, it } from 'vitest';
import type { MapBundle } from '../../../kernel-lib/src/contract';
import { textBlock, textNode } from '../../../jupyterlab-ext/src/map/text';
import { readsAtSite, sitePopup, sitesByPosition, trackPopup } from '../../../jupyterlab-ext/src/map/popups';
import { legendNode } from '../../../jupyterlab-ext/src/map/legend';
import { toolbar } from '../../../jupyterlab-ext/src/map/tools/toolbar';
import { timeFilterNode } from '../../../jupyterlab-ext/src/map/time-filter';

const XSS = '<img src=x onerror=alert(1)>';
const bundle: MapBundle = {
  version: 1,
  title: XSS,
  sites: [
    { id: 'X1', name: XSS, lat: 53.4, lon: -2.98, reads: 5, vehicles: 2, road: XSS },
    { id: 'X2', name: 'plain', lat: 53.45, lon: -2.9, reads: 1 }
  ],
  tracks: [{ id: 't1', label: XSS, points: [[53.4, -2.98, Date.UTC(2026, 6, 1, 12)], [53.45, -2.9, Date.UTC(2026, 6, 1, 12, 30)], [53.4, -2.98, Date.UTC(2026, 6, 1, 13)]] }],
  areas: [{ name: XSS, kind: 'area', geometry: { type: 'Polygon', coordinates: [[[-3, 53], [-2, 53], [-2, 54], [-3, 53]]] } }]
};

const noMarkup = (el: Element) => expect(el.querySelectorAll('img, script').length).toBe(0);

describe('map DOM parts keep bundle text as text', () => {
  it('text nodes and blocks', () => {
    expect(textNode(XSS).textContent).toBe(XSS);
    expect(textNode(XSS).children.length).toBe(0);
    const b = textBlock(XSS, [XSS, 'two']);
    expect(b.textContent).toBe(`${XSS}${XSS}two`);
    noMarkup(b);
  });

  it('site popup: counts, and reads of the drawn tracks at the site', () => {
    const p = sitePopup(bundle.sites[0], bundle.tracks);
    expect(readsAtSite(bundle.sites[0], bundle.tracks)).toBe(2);
    expect([...p.children].map(c => c.textContent)).toEqual([
      `${XSS} (X1)`,
      `Road: ${XSS}`,
      'Reads (all data shown): 5',
      'Vehicles: 2',
      'Reads by the 1 drawn vehicle in the time window: 2'
    ]);
    noMarkup(p);
  });

  it('track popup: each read with its Europe/London time and site name', () => {
    const p = trackPopup(bundle.tracks[0], sitesByPosition(bundle.sites));
    expect([...p.children].map(c => c.textContent)).toEqual([XSS, `Wed, 01 Jul 2026, 13:00 · ${XSS}`, 'Wed, 01 Jul 2026, 13:30 · plain', `Wed, 01 Jul 2026, 14:00 · ${XSS}`]);
    noMarkup(p);
  });

  it('legend', () => {
    const l = legendNode(bundle);
    expect(l.textContent).toContain(XSS);
    noMarkup(l);
  });

  it('toolbar buttons and the time filter', () => {
    const pressed: string[] = [];
    const bar = toolbar(t => pressed.push(t));
    (bar.node.querySelector('[data-anpr-tool="insert"]') as HTMLButtonElement).click();
    expect(pressed).toEqual(['insert']);
    bar.setStatus(XSS);
    noMarkup(bar.node);
    const f = timeFilterNode([0, 1000], () => undefined);
    expect(f.dataset.anprFrom).toBe('0');
    const to = f.querySelector('input[data-anpr-time="to"]') as HTMLInputElement;
    to.value = '500';
    to.dispatchEvent(new Event('input'));
    expect(f.dataset.anprTo).toBe('500');
    const from = f.querySelector('input[data-anpr-time="from"]') as HTMLInputElement;
    from.value = '800'; // past the other handle: clamped to it
    from.dispatchEvent(new Event('input'));
    expect([f.dataset.anprFrom, f.dataset.anprTo]).toEqual(['500', '500']);
  });
});
