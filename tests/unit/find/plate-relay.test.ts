import { describe, expect, it } from 'vitest';
import { linkPlateRelays, relayChains, relaySimilarity } from '../../../kernel-lib/src/method/county-lines/relays';
import type { Loop, VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1); // winter: London time is UTC
/** Three loops to `market` arriving at `hour` (UTC = local in January), staying `dwell` minutes. */
const loopsAt = (market: string, firstDay: number, hour: number, dwell: number): Loop[] => [0, 1, 2].map((k) => {
  const arrive = T0 + (Math.ceil(firstDay) + k) * DAY + hour * 3_600_000;
  return { market, depart: arrive - 3_600_000, arrive, return: arrive + dwell * 60_000 + 3_600_000, dwellMinMinutes: dwell - 5, dwellMaxMinutes: dwell + 5, overnight: false, stopOvernight: false };
});
/** Minimal features for the relay step (only the fields it reads). */
const f = (vrm: string, firstDay: number, lastDay: number, market = 'Rhyl', base: string | null = 'Liverpool', hour = 21, dwell = 40) => ({
  vrm, firstSeen: T0 + firstDay * DAY, lastSeen: T0 + lastDay * DAY, spanDays: lastDay - firstDay,
  topMarketLoops: 3, loopsByMarket: [{ market, loops: 3 }], base, baseKind: 'hub', relayPlates: [],
  loopList: loopsAt(market, firstDay, hour, dwell), loops: 3, mergedWith: [],
}) as unknown as VehicleFeatures;
const links = (x: VehicleFeatures) => x.relayPlates.map(({ vrm, role, gapHours, market }) => ({ vrm, role, gapHours, market }));

describe('linkPlateRelays', () => {
  it('links a plate that starts as another with the same loops stops', () => {
    const list = [f('AAA', 1, 10), f('BBB', 11, 20), f('CCC', 0, 28), f('DDD', 11, 20, 'Chester'), f('EEE', 15, 27)];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    expect(links(list[0])).toEqual([{ vrm: 'BBB', role: 'after', gapHours: 24, market: 'Rhyl' }]);
    expect(links(list[1])).toEqual([{ vrm: 'AAA', role: 'before', gapHours: 24, market: 'Rhyl' }]);
    expect(list[0].relayPlates[0].similarity).toBeGreaterThan(0.85); // same hours, same stays, same base
    expect(list[2].relayPlates).toEqual([]); // active all window, and too long-lived
    expect(list[3].relayPlates).toEqual([]); // other market
    expect(list[4].relayPlates).toEqual([]); // overlaps BBB by 5 days
  });
  it('needs a real start and stop inside the window, and plates that run alike', () => {
    const list = [f('AAA', 1, 10), f('BBB', 11, 20, 'Rhyl', 'Wirral', 9, 480)];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    expect(list[0].relayPlates).toEqual([]); // other base, daytime 8-hour stays: not the same runner
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
    expect(links(a)).toEqual([{ vrm: 'BBB', role: 'after', gapHours: 12, market: 'Rhyl' }]);
    expect(b.relayPlates.map((r) => `${r.role}:${r.vrm}`).sort()).toEqual(['after:CCC', 'before:AAA']);
    expect(c.relayPlates.map((r) => `${r.role}:${r.vrm}`)).toEqual(['before:BBB']);
    expect([a, b, c].map((p) => [p.relayChainPlates, p.relayChainLoops])).toEqual([[3, 9], [3, 9], [3, 9]]);
    // XXX could only have taken over from AAA, which already handed over: left alone.
    expect(x.relayPlates).toEqual([]);
    expect([x.relayChainPlates, x.relayChainLoops]).toEqual([1, 3]);
  });
});

describe('relay similarity', () => {
  it('prefers the successor that runs alike over the quicker hand-over', () => {
    // AAA runs at 21:00 for 40 min. BBB starts 6 h after AAA stops but runs at 08:00 for 9 h;
    // CCC starts 30 h after, at 21:30 for 45 min: CCC is AAA's successor.
    const list = [f('AAA', 1, 10), f('BBB', 10.25, 18, 'Rhyl', 'Liverpool', 8, 540), f('CCC', 11.25, 18, 'Rhyl', 'Liverpool', 21.5, 45)];
    linkPlateRelays(list, T0, T0 + 28 * DAY);
    expect(links(list[0]).map((r) => r.vrm)).toEqual(['CCC']);
    const [a, b, c] = list;
    expect(relaySimilarity(a, c, 'Rhyl', 30)).toBeGreaterThan(relaySimilarity(a, b, 'Rhyl', 6));
    expect(relayChains(list).map((ch) => ch.map((x) => x.vrm))).toEqual([['AAA', 'CCC']]);
  });
});
