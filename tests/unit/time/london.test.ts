import { describe, expect, it } from 'vitest';
import { formatLondonIso, londonOffsetSeconds, londonToUtc } from '../../../kernel-lib/src/core/london-time';

const utc = (iso: string) => Date.parse(iso) / 1000;

describe('Europe/London offset', () => {
  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(londonOffsetSeconds(utc('2025-03-30T00:59:59Z'))).toBe(0);
    expect(londonOffsetSeconds(utc('2025-03-30T01:00:00Z'))).toBe(3600);
    expect(londonOffsetSeconds(utc('2025-10-26T00:59:59Z'))).toBe(3600);
    expect(londonOffsetSeconds(utc('2025-10-26T01:00:00Z'))).toBe(0);
    expect(londonOffsetSeconds(utc('2024-03-31T01:00:00Z'))).toBe(3600);
    expect(londonOffsetSeconds(utc('2024-03-31T00:59:59Z'))).toBe(0);
  });

  it('agrees with the platform time-zone database for every hour of 2024-2026', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
    for (let t = utc('2024-01-01T00:30:00Z'); t < utc('2027-01-01T00:00:00Z'); t += 3600) {
      const name = fmt.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName')!.value;
      expect(londonOffsetSeconds(t), new Date(t * 1000).toISOString()).toBe(name === 'GMT+1' ? 3600 : 0);
    }
  });

  it('formats ISO 8601 with the offset (the @example)', () => {
    expect(formatLondonIso(Date.UTC(2025, 5, 1, 12) / 1000)).toBe('2025-06-01T13:00:00+01:00');
    expect(formatLondonIso(utc('2025-03-04T19:12:05Z'))).toBe('2025-03-04T19:12:05+00:00');
    expect(formatLondonIso(utc('2025-03-30T00:59:59Z'))).toBe('2025-03-30T00:59:59+00:00');
    expect(formatLondonIso(utc('2025-03-30T01:00:00Z'))).toBe('2025-03-30T02:00:00+01:00');
    for (const iso of ['2025-01-01T00:00:00Z', '2025-07-31T23:59:59Z', '2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z'])
      expect(Date.parse(formatLondonIso(utc(iso)))).toBe(Date.parse(iso));
  });

  it('converts wall-clock London times to UTC', () => {
    expect(londonToUtc(2025, 3, 30, 12 * 3600)).toBe(utc('2025-03-30T11:00:00Z'));
    expect(londonToUtc(2025, 3, 29, 12 * 3600)).toBe(utc('2025-03-29T12:00:00Z'));
    expect(londonToUtc(2025, 3, 30, 0)).toBe(utc('2025-03-30T00:00:00Z'));
    expect(londonToUtc(2025, 3, 31, 0)).toBe(utc('2025-03-30T23:00:00Z'));
  });
});
