import { describe, expect, it } from 'vitest';
import { fillLoopCrowd } from '../../../kernel-lib/src/method/county-lines/loop-crowd';
import type { Loop, VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

const T0 = Date.UTC(2025, 0, 6); // a Monday in winter: London time is UTC
const loop = (market: string, day: number, hour: number): Loop => {
  const arrive = T0 + day * 86_400_000 + hour * 3_600_000;
  return { market, depart: arrive - 3_600_000, arrive, return: arrive + 7_200_000, dwellMinMinutes: 30, dwellMaxMinutes: 40, overnight: false, stopOvernight: false };
};
const vehicle = (vrm: string, loops: Loop[]) => ({ vrm, loopList: loops, loopCrowd: -1 }) as unknown as VehicleFeatures;

describe('fillLoopCrowd', () => {
  it('counts the other vehicles looping to the same market at the same hours, each vehicle once', () => {
    // Four commuters arrive in Rhyl at 08:xx every day; one runner at 22:00 and 02:00; one
    // 08:00 visitor to another market.
    const commuters = ['C1', 'C2', 'C3', 'C4'].map((v) => vehicle(v, [0, 1, 2, 3, 4].map((d) => loop('Rhyl', d, 8.2))));
    const runner = vehicle('R1', [loop('Rhyl', 0, 22), loop('Rhyl', 2, 2)]);
    const other = vehicle('X1', [loop('Chester', 1, 8)]);
    fillLoopCrowd([...commuters, runner, other]);
    expect(commuters[0].loopCrowd).toBeCloseTo(3, 12); // the three other commuters, weight 1 each
    expect(runner.loopCrowd).toBe(0);
    expect(other.loopCrowd).toBe(0);
    expect(vehicle('N', []).loopCrowd).toBe(-1);
    const none = vehicle('N', []);
    fillLoopCrowd([none]);
    expect(none.loopCrowd).toBe(0);
  });
});
