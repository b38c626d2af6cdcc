/** Exports a spreadsheet or browser opens safely: CSV neutralises formulas, HTML escapes markup. */
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { aThenB, buildStore, csvCell, escapeHtml, htmlTable, MIMEBUNDLE, pseudonym, sitesFromRows, toCsv } from '../../../kernel-lib/src';

process.env.ANPR_PSEUDONYM_KEY = 'export-test';

describe('toCsv / csvCell: formula injection neutralised', () => {
  it.each([
    ['=HYPERLINK("http://x.invalid","click")', `"'=HYPERLINK(""http://x.invalid"",""click"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['ZA12BCD', 'ZA12BCD'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('%j → %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('numbers stay numbers (negative ones too); null is empty; dates are ISO', () => {
    expect([csvCell(-2.5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(new Date(Date.UTC(2025, 2, 10, 9)))])
      .toEqual(['-2.5', '0', '', '', '2025-03-10T09:00:00.000Z']);
  });

  it('an arquero table, plain rows and a query result (pseudonymised) all export', () => {
    expect(toCsv(aq.table({ site: ['=1+1', 'S2'], reads: [3, -1] }))).toBe("site,reads\n'=1+1,3\nS2,-1\n");
    expect(toCsv([{ vrm: 'ZA12BCD', note: '@x' }, { vrm: 'ZB34CDE', extra: '+1' }])).toBe("vrm,note,extra\nZA12BCD,'@x,\nZB34CDE,,'+1\n");
    const sites = sitesFromRows([{ site_id: '=A1', name: '<img src=x onerror=alert(1)>', lat: 53.4, lon: -2.2 }, { site_id: 'S2', name: 'Two', lat: 53.5, lon: -2.3 }]);
    const store = buildStore([{ vrm: 'ZA12BCD', time: Date.UTC(2025, 2, 10, 9), site: '=A1' }, { vrm: 'ZA12BCD', time: Date.UTC(2025, 2, 10, 9, 10), site: 'S2' }], sites);
    const r = aThenB(store, { a: ['=A1'], b: ['S2'], withinMinutes: 30 });
    const csv = toCsv(r);
    expect(csv.split('\n')[1]).toContain(pseudonym('ZA12BCD'));
    expect(csv).not.toContain('ZA12BCD');
    expect(csv).toContain(",'=A1,");
    // and its HTML fallback escapes the hostile site id
    const html = String(r[MIMEBUNDLE]().data['text/html']);
    expect(html).toContain('=A1');
    expect(html).not.toMatch(/<img/);
  });
});

describe('HTML fallbacks escape markup', () => {
  it('escapeHtml and htmlTable', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    const t = htmlTable(['<th>'], [['<b onclick="x">1</b>']], '<caption>');
    expect(t).not.toMatch(/<b |<th><th>|<caption><caption>/);
    expect(t).toContain('&lt;b onclick=&quot;x&quot;&gt;1&lt;/b&gt;');
  });
});
