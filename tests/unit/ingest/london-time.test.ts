import { describe, expect, it } from 'vitest';
import { londonWallToUtc, parseInstantBytes, parseTimestamp, type ParsedTime, type TimeStatus } from '../../../kernel-lib/src/core/london-parse';

const out: ParsedTime = { ms: 0, status: 'ok' };
const p = (s: string) => { parseTimestamp(s, out); return { ms: out.ms, status: out.status }; };

describe('parseTimestamp', () => {
  it('honours Z and offsets', () => {
    expect(p('2025-03-30T01:30:00Z')).toEqual({ ms: Date.UTC(2025, 2, 30, 1, 30), status: 'ok' });
    expect(p('2025-07-01 09:00:00+02:00').ms).toBe(Date.UTC(2025, 6, 1, 7));
    expect(p('2025-07-01T09:00:00-0530').ms).toBe(Date.UTC(2025, 6, 1, 14, 30));
    expect(p('2025-07-01T09:00:00.123456+01').ms).toBe(Date.UTC(2025, 6, 1, 8, 0, 0, 123));
    expect(p('2025-10-26T01:30:00+00:00')).toEqual({ ms: Date.UTC(2025, 9, 26, 1, 30), status: 'ok' }); // offset resolves the ambiguity
  });
  it('reads local times as Europe/London (GMT in winter, BST in summer)', () => {
    expect(p('2025-01-15 12:00:00').ms).toBe(Date.UTC(2025, 0, 15, 12));
    expect(p('2025-07-15 12:00').ms).toBe(Date.UTC(2025, 6, 15, 11));
    expect(p('15/07/2025 12:00:30').ms).toBe(Date.UTC(2025, 6, 15, 11, 0, 30));
  });
  it('rejects the spring gap as nonexistent, never shifting it', () => {
    expect(p('2025-03-30 00:59:59')).toEqual({ ms: Date.UTC(2025, 2, 30, 0, 59, 59), status: 'ok' });
    expect(p('2025-03-30 01:00:00').status).toBe('nonexistent');
    expect(p('30/03/2025 01:30').status).toBe('nonexistent');
    expect(p('2025-03-30 01:59:59').status).toBe('nonexistent');
    expect(p('2025-03-30 02:00:00')).toEqual({ ms: Date.UTC(2025, 2, 30, 1), status: 'ok' });
    expect(p('2024-03-31 01:15').status).toBe('nonexistent'); // last Sunday of March 2024
  });
  it('takes the first (BST) occurrence in the repeated autumn hour and flags it', () => {
    expect(p('2025-10-26 00:59:59')).toEqual({ ms: Date.UTC(2025, 9, 25, 23, 59, 59), status: 'ok' });
    expect(p('2025-10-26 01:30:00')).toEqual({ ms: Date.UTC(2025, 9, 26, 0, 30), status: 'ambiguous' });
    expect(p('26/10/2025 01:00')).toEqual({ ms: Date.UTC(2025, 9, 26, 0, 0), status: 'ambiguous' });
    expect(p('2025-10-26 02:00:00')).toEqual({ ms: Date.UTC(2025, 9, 26, 2), status: 'ok' });
    expect(p('2024-10-27 01:45').status).toBe('ambiguous');
  });
  it('agrees with the platform time zone database around every change, 2000-2040', () => {
    // TZ is pinned to Europe/London by vitest.config.mts; Date parses local wall time.
    for (let y = 2000; y <= 2040; y++) {
      for (const m of [2, 9]) {
        for (let d = 24; d <= 31; d++) {
          for (let h = 0; h < 4; h++) {
            const text = `${y}-${String(m + 1).padStart(2, '0')}-${d} ${String(h).padStart(2, '0')}:30:00`;
            const r = p(text);
            const platform = new Date(y, m, d, h, 30).getTime();
            if (r.status === 'nonexistent') expect(new Date(platform).getHours()).not.toBe(h); // platform shifted it
            else expect(r.ms, text).toBe(platform);
          }
        }
      }
    }
  });
  it('rejects malformed and impossible values', () => {
    for (const bad of ['', 'yesterday', '2025-02-30 10:00', '2025-13-01 10:00', '2025-01-01', '2025-01-01 24:00',
      '2025-01-01 10:60', '2025-01-01 10:00:60', '2025-01-01T10:00:00+25:00', '2025-01-01T10:00:00Zjunk', '31/02/2025 10:00'])
      expect(p(bad).status, bad).toBe('bad');
  });
  it('londonWallToUtc handles non-finite input', () => {
    expect(londonWallToUtc(NaN, out).status).toBe('bad');
  });
});

describe('parseInstantBytes: the byte fast path agrees with parseTimestamp', () => {
  it('on valid, invalid and near-miss instants (or declines them)', () => {
    const texts = ['2025-03-10T09:00:00Z', '2025-03-10t09:00:00z', '2025-03-10 09:00:00+01:00', '2025-03-10T09:00:00-05:30',
      '2025-02-29T09:00:00Z', '2024-02-29T09:00:00Z', '2025-13-01T00:00:00Z', '2025-04-31T00:00:00Z', '2025-03-10T24:00:00Z',
      '2025-03-10T09:60:00Z', '2025-03-10T09:00:60Z', '2025-03-10T09:00:00+15:00', '2025-03-10T09:00:00+14:59', '2025-03-10T09:00:00+01:60',
      '2025-03-10T09:00:00+0100', '2025-03-10T09:00:00.000Z', ' 2025-03-10T09:00:00Z', '2025-03-10X09:00:00Z', '2025-3-10T09:00:00Z',
      '2025-03-10T09:00:00+01:0x', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59-00:00', '2025-03-30T01:30:00Z', '2025-10-26 01:30:00+01:00'];
    let fast = 0;
    for (const text of texts) {
      const b = Buffer.from(`,${text},`);
      const a = { ms: NaN, status: 'bad' as TimeStatus }, e = { ms: NaN, status: 'bad' as TimeStatus };
      if (!parseInstantBytes(b, 1, b.length - 1, a)) continue;
      fast++;
      parseTimestamp(text, e);
      expect({ text, ...a }).toEqual({ text, ...e });
    }
    expect(fast).toBeGreaterThan(15);
  });
});
