import { describe, expect, it } from 'vitest';
import { linkPlateRelays } from '../../../kernel-lib/src/find/plate-relay';
import type { VehicleFeatures } from '../../../kernel-lib/src/trips/features';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
/** Minimal features for the relay step (only the fields it reads). */
const f = (vrm: string, firstDay: number, lastDay: number, market = 'Rhyl', base: string | null = 'Liverpool') => ({
  vrm, firstSeen: T0 + firstDay * DAY, lastSeen: T0 + lastDay * DAY, spanDays: lastDay - firstDay,
  topMarketLoops: 3, loopsByMarket: [{ market, loops: 3 }], base, baseKind: 'hub', relayPlates: [],
}) as unknown as VehicleFeatures;

describe('linkPlateRelays', () => {
  it('links a plate that starts as another with the same loops stops', () => {
    const list = [f('AAA', 1, 10), f('BBB', 11, 20), f('CCC', 0, 28), f('DDD', 11, 20, 'Chester'), f('EEE', 15, 27)];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    expect(list[0].relayPlates).toEqual([{ vrm: 'BBB', role: 'after', gapHours: 24, market: 'Rhyl' }]);
    expect(list[1].relayPlates).toEqual([{ vrm: 'AAA', role: 'before', gapHours: 24, market: 'Rhyl' }]);
    expect(list[2].relayPlates).toEqual([]); // active all window, and too long-lived
    expect(list[3].relayPlates).toEqual([]); // other market
    expect(list[4].relayPlates).toEqual([]); // overlaps BBB by 5 days
  });
  it('needs a real start and stop inside the window, and agreeing bases', () => {
    const list = [f('AAA', 1, 10), f('BBB', 11, 20, 'Rhyl', 'Wirral')];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    expect(list[0].relayPlates).toEqual([]);
    const ok = [f('AAA', 0, 10), f('BBB', 11, 26)];
    linkPlateRelays(ok, T0, T0 + 28 * DAY, { edgeHours: 48 });
    expect(ok[0].relayPlates.length).toBe(1); // AAA stops at day 10 (inside); BBB starts at day 11 (inside)
    const edge = [f('AAA', 13, 27), f('BBB', 27.5, 28)];
    linkPlateRelays(edge, T0, T0 + 28 * DAY, { edgeHours: 48 });
    expect(edge[0].relayPlates).toEqual([]); // AAA's "stop" is just the end of the data
  });
});

describe('linkPlateRelays matching and chains', () => {
  it('links each plate to one successor and one predecessor, closest hand-over first, and counts chains', () => {
    // AAA stops on day 10; BBB starts 12 h later, XXX 36 h later: AAA hands over to BBB only.
    // BBB stops on day 17 and CCC starts on day 18: a chain AAA → BBB → CCC of 3 plates, 9 loops.
    const list = [f('AAA', 1, 10), f('BBB', 10.5, 17), f('XXX', 11.5, 20), f('CCC', 18, 26)];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    const [a, b, x, c] = list;
    expect(a.relayPlates).toEqual([{ vrm: 'BBB', role: 'after', gapHours: 12, market: 'Rhyl' }]);
    expect(b.relayPlates.map((r) => `${r.role}:${r.vrm}`)).toEqual(['before:AAA', 'after:CCC']);
    expect(c.relayPlates.map((r) => `${r.role}:${r.vrm}`)).toEqual(['before:BBB']);
    expect([a, b, c].map((p) => [p.relayChainPlates, p.relayChainLoops])).toEqual([[3, 9], [3, 9], [3, 9]]);
    // XXX could only have taken over from AAA, which already handed over: left alone.
    expect(x.relayPlates).toEqual([]);
    expect([x.relayChainPlates, x.relayChainLoops]).toEqual([1, 3]);
  });
});
