// fastInstant (the streaming ingest's byte-level time reader) agrees with parseTimestamp on every
// string it takes, and declines the rest (so parseTimestamp decides them).
import { describe, expect, it } from 'vitest';
import { fastInstant } from '../../../kernel-lib/src/clickhouse/fast-time';
import { parseTimestamp, type ParsedTime } from '../../../kernel-lib/src/ingest/london-time';

function* strings(): Generator<string> {
  let x = 12345;
  const rnd = (n: number) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return x % n; };
  const p2 = (n: number) => String(n).padStart(2, '0');
  const fixed = ['2025-03-03T05:07:13+00:00', '2025-03-30T01:30:00Z', '2025-03-30T01:30:00z', '2024-02-29T23:59:59-01:30',
    '2025-02-29T10:00:00+00:00', '2025-13-01T00:00:00+00:00', '2025-04-31T00:00:00Z', '2025-04-30T24:00:00Z', '2025-04-30T23:60:00Z',
    '2025-04-30T23:59:60Z', '2025-04-30 10:00:00+15:00', '2025-04-30 10:00:00+14:00', '2025-04-30 10:00:00+01:60', '0099-01-01T00:00:00Z',
    '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2025-04-30t10:00:00Z', '2025-04-30T10:00:00+0100', '2025-04-30T10:00:00.5Z',
    '2025-04-30T10:00:00', ' 2025-04-30T10:00:00Z', '2025-04-30T10:00:00Z ', '2025/04/30T10:00:00Z', '2025-04-30T10:00:00-00:00',
    '2025-0a-30T10:00:00Z', '2025-04-30T1a:00:00Z', '30/03/2025 01:30', '2025-04-30T10:00:00+01:00'];
  yield* fixed;
  for (let i = 0; i < 20000; i++) {
    const sep = ['T', ' ', 't', 'x'][rnd(4)];
    const tail = ['Z', 'z', `+${p2(rnd(16))}:${p2(rnd(61))}`, `-${p2(rnd(16))}:${p2(rnd(61))}`, '', '+01'][rnd(6)];
    const s = `${1990 + rnd(60)}-${p2(rnd(14))}-${p2(rnd(33))}${sep}${p2(rnd(25))}:${p2(rnd(61))}:${p2(rnd(61))}${tail}`;
    // and a few with one byte changed
    if (rnd(5) === 0) { const k = rnd(s.length); yield s.slice(0, k) + String.fromCharCode(32 + rnd(90)) + s.slice(k + 1); } else yield s;
  }
}

describe('fastInstant', () => {
  it('gives parseTimestamp\'s answer for every string it takes, and takes the common export forms', () => {
    let taken = 0;
    for (const s of strings()) {
      const b = Buffer.from(s, 'utf8');
      const fast: ParsedTime = { ms: NaN, status: 'bad' };
      const slow: ParsedTime = { ms: NaN, status: 'bad' };
      parseTimestamp(s, slow);
      if (fastInstant(b, 0, b.length, fast)) {
        taken++;
        expect({ s, ...fast }).toEqual({ s, ...slow });
      }
    }
    expect(taken).toBeGreaterThan(2000);
    const out: ParsedTime = { ms: NaN, status: 'bad' };
    const b = Buffer.from('x,2025-03-03T05:07:13+01:00,y');
    expect(fastInstant(b, 2, 27, out)).toBe(true);
    expect(out.ms).toBe(Date.UTC(2025, 2, 3, 4, 7, 13));
  });
});
