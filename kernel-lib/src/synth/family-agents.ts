/**
 * The agents of a behaviour-family scenario: runners (one per line) and decoys, each drawing
 * its own parameters from the scenario's draw (families.ts). Plates are assigned by the
 * engine's callbacks, so plate numbering stays the engine's concern.
 */
import type { Agent, VehicleClass, World } from './behaviours/common';
import type { Place } from './route';
import type { Rng, SeedKey } from './prng';
import { deriveRng } from './prng';
import type { FamilyDecoyClass, ScenarioFamily } from './families';
import { draw, drawInt, propensity, weekdays } from './families';

/** What familyAgents needs from the engine. */
export interface FamilyContext {
  world: World;
  key: SeedKey;
  /** vehicles / 5000. */
  scale: number;
  /** Window [start, end) in epoch seconds, and its number of days. */
  start: number;
  end: number;
  days: number;
  /** Weekday of the first day (0 = Monday). */
  startDow: number;
  /** A new agent with its first plate. */
  mk(cls: VehicleClass, n: number, home: Place, target: Place, rng: Rng): Agent;
  /** Give `a` a further plate (put into use by its behaviour, Agent.swapAt). */
  addPlate(a: Agent): void;
}

/** A line: its runner and its markets (town indices, main first). */
export interface FamilyLine { agent: Agent; markets: number[] }

/**
 * The decoy classes of a family scenario in generation order.
 * @example
 * FAMILY_DECOYS[0]; // 'commuter_day'
 */
export const FAMILY_DECOYS: readonly FamilyDecoyClass[] = [
  'commuter_day', 'commuter_evening', 'commuter_night', 'commuter_part_time', 'market_resident_to_hub',
  'delivery_round', 'evening_courier', 'taxi', 'private_hire', 'carer', 'student', 'leisure', 'market_local'
];

const DAY = 86400;
const one = (r: [number, number]) => r[0];

function lines(sf: ScenarioFamily, c: FamilyContext): FamilyLine[] {
  const { world: w, key } = c;
  const f = sf.runners;
  const order = w.markets.slice();
  const shuffle = deriveRng(key, 9);
  for (let i = order.length - 1; i > 0; i--) { const j = shuffle.int(i + 1); [order[i], order[j]] = [order[j], order[i]]; }
  const hosts = order.slice(0, Math.max(1, Math.round(one(f.marketsWithLinesShare) * order.length)));
  const count = Math.max(1, Math.round(one(f.linesPerMarket) * hosts.length * Math.sqrt(c.scale)));
  const span = c.end - c.start;
  const out: FamilyLine[] = [];
  for (let n = 0; n < count; n++) {
    const rng = deriveRng(key, 8, 0, n);
    const main = hosts[n % hosts.length];
    const markets = [main];
    const marketBased = rng.chance(one(f.marketBasedShare));
    if (!marketBased && rng.chance(one(f.multiMarketShare)) && w.markets.length > 1) {
      const k = Math.min(w.markets.length, drawInt(f.marketsPerLine, rng));
      const near = w.markets.filter((m) => m !== main);
      while (markets.length < k && near.length) markets.push(near.splice(rng.int(near.length), 1)[0]);
    }
    const a = marketBased ? c.mk('county_lines', n, w.place(main, rng), w.place(0, rng), rng) : c.mk('county_lines', n, w.place(0, rng), w.place(main, rng), rng);
    a.places = markets.slice(1).map((m) => w.place(m, rng));
    const daytime = rng.chance(one(f.daytimeShare));
    let activeFrom = c.start, activeTo = c.end;
    if (rng.chance(one(f.lateStartShare))) activeFrom = c.start + Math.round(rng.range(0.15, 0.55) * span);
    if (rng.chance(one(f.earlyStopShare))) activeTo = Math.max(activeFrom + 5 * DAY, c.end - Math.round(rng.range(0.15, 0.45) * span));
    a.p = {
      daytime: daytime ? 1 : 0, departH: draw(daytime ? f.dayDepartH : f.nightDepartH, rng), jitterH: draw(f.jitterH, rng),
      runsPerWeek: draw(f.runsPerWeek, rng), overnight: propensity(f.overnightShare, rng), multiDay: propensity(f.multiDayShare, rng, 0.08),
      short: propensity(f.shortStayShare, rng), mainShare: propensity(f.mainMarketShare, rng, 0.08), localTrips: draw(f.localTripsPer8h, rng),
      hubDrive: draw(f.hubDriveChance, rng), speed: draw(f.speedKmh, rng), activeFrom, activeTo
    };
    a.p.hire = rng.chance(one(f.hireVehicleShare)) ? 1 : 0;
    if (!rng.chance(one(f.fixedPlateShare))) {
      const every = draw(f.swapDays, rng);
      const change = one(f.swapChangeShare);
      a.homes = [a.home]; a.hours = [a.p.departH]; a.swapPlan = [];
      let t = activeFrom + every * rng.range(0.3, 1) * DAY;
      while (t < activeTo) {
        c.addPlate(a);
        a.swapPlan.push(Math.round(t));
        const k = a.homes.length - 1;
        const fresh = rng.chance(change);
        a.homes.push(fresh ? w.place(a.home.town, rng) : a.homes[k]);
        a.hours.push(fresh ? draw(daytime ? f.dayDepartH : f.nightDepartH, rng) : a.hours[k]);
        t += every * rng.range(0.75, 1.25) * DAY;
      }
    }
    out.push({ agent: a, markets });
  }
  return out;
}

function decoy(cls: FamilyDecoyClass, n: number, sf: ScenarioFamily, c: FamilyContext, rng: Rng): Agent {
  const w = c.world;
  const hub = () => w.place(0, rng);
  const market = () => w.place(rng.pick(w.markets), rng);
  switch (cls) {
    case 'commuter_day': case 'commuter_evening': case 'commuter_night': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, hub(), market(), rng);
      a.days = cls === 'commuter_day' ? weekdays(drawInt(f.daysPerWeek, rng), rng, [0, 1, 2, 3, 4], true) : weekdays(drawInt(f.daysPerWeek, rng), rng, [0, 1, 2, 3, 4, 5, 6], true);
      a.p = { departH: draw(f.departH, rng), dwellH: draw(f.dwellH, rng), jitterMin: draw(f.jitterMin, rng), absence: draw(f.absence, rng), speed: rng.range(60, 85) };
      return a;
    }
    case 'commuter_part_time': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, hub(), market(), rng);
      const x = rng.next(), ev = one(f.eveningShare), ni = one(f.nightShare);
      const departH = x < ni ? draw(f.nightDepartH, rng) : x < ni + ev ? draw(f.eveningDepartH, rng) : draw(f.dayDepartH, rng);
      a.days = weekdays(drawInt(f.daysPerWeek, rng), rng, rng.chance(0.8) ? [0, 1, 2, 3, 4] : [0, 1, 2, 3, 4, 5, 6]);
      a.p = { departH, dwellH: draw(f.dwellH, rng), jitterMin: draw(f.jitterMin, rng), absence: draw(f.absence, rng), speed: rng.range(60, 85) };
      return a;
    }
    case 'market_resident_to_hub': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, market(), hub(), rng);
      const x = rng.next(), sh = one(f.shiftShare), pt = one(f.partTimeShare), vi = one(f.visitorShare);
      if (x < vi) { a.p = { visitor: 1, visitsPerWeek: rng.range(1, 2.5) }; return a; }
      const shiftH = rng.chance(0.6) ? rng.range(13.5, 17) : rng.range(19.5, 22.5);
      const partTime = x < vi + pt;
      a.days = partTime ? weekdays(2 + rng.int(3), rng, [0, 1, 2, 3, 4]) : x < vi + pt + sh ? weekdays(5, rng, [0, 1, 2, 3, 4, 5, 6], true) : [0, 1, 2, 3, 4];
      const onShift = x >= vi + pt && x < vi + pt + sh;
      a.p = { departH: onShift ? shiftH : draw(f.departH, rng), dwellH: partTime ? rng.range(4, 5.5) : draw(f.dwellH, rng), jitterMin: draw(f.jitterMin, rng), absence: rng.range(0.03, 0.1), speed: rng.range(60, 85) };
      return a;
    }
    case 'delivery_round': case 'evening_courier': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, hub(), market(), rng);
      a.days = weekdays(drawInt(f.daysPerWeek, rng), rng, cls === 'delivery_round' ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6], true);
      a.p = { single: rng.chance(one(f.singleMarketShare)) ? 1 : 0, departH: draw(f.departH, rng), jitterMin: draw(f.jitterMin, rng) };
      return a;
    }
    case 'taxi': case 'private_hire': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, hub(), market(), rng);
      a.p = { night: rng.chance(one(f.nightShare)) ? 1 : 0, shiftsPerWeek: draw(f.shiftsPerWeek, rng), longRunChance: draw(f.longRunChance, rng), marketShare: propensity(f.longRunMarketShare, rng) };
      return a;
    }
    case 'carer': {
      const f = sf.decoys[cls];
      const reverse = rng.chance(one(f.reverseShare));
      const a = reverse ? c.mk(cls, n, market(), hub(), rng) : c.mk(cls, n, hub(), market(), rng);
      a.days = weekdays(drawInt(f.visitsPerWeek, rng), rng);
      a.p = { departH: draw(f.departH, rng), dwellH: draw(f.dwellH, rng), jitterMin: draw(f.jitterMin, rng) };
      return a;
    }
    case 'student': {
      const f = sf.decoys[cls];
      const a = c.mk(cls, n, hub(), market(), rng);
      const everyWeeks = Math.max(1, drawInt(f.everyWeeks, rng));
      a.p = { everyWeeks, phase: rng.int(everyWeeks), outH: draw(f.outH, rng), backH: draw(f.backH, rng), hubDrive: draw(f.hubDriveChance, rng) };
      return a;
    }
    case 'leisure': {
      const f = sf.decoys[cls];
      const home = rng.chance(0.7) ? hub() : w.place(rng.weighted(w.population), rng);
      const toMarket = rng.chance(propensity(f.marketShare, rng));
      const target = w.place(toMarket || !w.leisure.length ? rng.pick(w.markets) : rng.pick(w.leisure), rng);
      const a = c.mk(cls, n, home, target, rng);
      const weekendDays = Array.from({ length: c.days }, (_, d) => d).filter((d) => (c.startDow + d) % 7 >= 5);
      a.p = {
        repeater: rng.chance(one(f.repeaterShare)) ? 1 : 0, repeatChance: draw(f.repeatChance, rng),
        oneOff: weekendDays.length ? rng.pick(weekendDays) : -1, market: propensity(f.marketShare, rng),
        departH: draw(f.departH, rng), dwellH: draw(f.dwellH, rng), evening: draw(f.eveningChance, rng), overnight: propensity(f.overnightShare, rng)
      };
      return a;
    }
    case 'market_local': {
      const m = market();
      return c.mk(cls, n, m, m, rng);
    }
  }
}

/**
 * Runners (one per line) and decoys of a family scenario, in a fixed order.
 * @example
 * const { lines, decoys } = familyAgents(draw, ctx);
 */
export function familyAgents(sf: ScenarioFamily, c: FamilyContext): { lines: FamilyLine[]; decoys: Agent[] } {
  const ls = lines(sf, c);
  const decoys: Agent[] = [];
  FAMILY_DECOYS.forEach((cls, ci) => {
    const base = one(sf.decoys[cls].count);
    const count = base > 0 ? Math.max(1, Math.round(base * c.scale)) : 0;
    for (let n = 0; n < count; n++) decoys.push(decoy(cls, n, sf, c, deriveRng(c.key, 3, 20 + ci, n)));
  });
  return { lines: ls, decoys };
}
