/**
 * The scored vehicles' features, packed. A ranking scores every vehicle that loops (tens of
 * thousands on a region's month, millions on a region's year), and a `VehicleFeatures` object
 * costs about 3.2 kB of heap (its loops, OD pairs and 55 fields, most of them boxed numbers).
 * Packed, a vehicle costs about a quarter of that: numbers in one Float64Array row, names
 * interned, loops and pairs in shared columns. The ranking (rank.ts) reads what it needs from
 * the columns, and turns a row back into a plain object (`get`) only to score it or when a
 * candidate's features are asked for; the object it gives is equal, key for key and in the same
 * key order, to the one packed (a test checks on whole scenarios).
 *
 *   storeFeatures (per batch, packing a few hundred at a time) ─► rank: relays, crowd, scores ─► candidates (rows.get on demand)
 */
import v8 from 'node:v8';
import * as msg from '../../messages';
import type { Loop, VehicleFeatures } from './features';
import type { PlateRelay, RelayFeatures } from './relays';

/** How each field of VehicleFeatures is packed, in the order of its keys (the order of the object given back). */
const FIELDS = [
  ['vrm', 'vrm'], ['hub', 'name'], ['reads', 'number'], ['trips', 'number'], ['daysActive', 'number'], ['spanDays', 'number'],
  ['calendarDays', 'number'], ['firstSeen', 'number'], ['lastSeen', 'number'], ['base', 'name'], ['baseKind', 'name'], ['baseShare', 'number'],
  ['loops', 'number'], ['loopsByMarket', 'loopsByMarket'], ['distinctMarkets', 'number'], ['topMarketLoops', 'number'],
  ['topMarketLoopsPerWeek', 'number'], ['loopsPerWeek', 'number'], ['marketDwellMedianMin', 'number'], ['marketDwellMedianMax', 'number'],
  ['loopNightShare', 'number'], ['loopWeekendShare', 'number'], ['departureHourStd', 'number'], ['arrivalHourStd', 'number'],
  ['arrivalWindowShare', 'number'], ['stopsPerTour', 'number'], ['hubTours', 'number'], ['overnightAway', 'number'],
  ['tripNightShare', 'number'], ['tripWeekendShare', 'number'], ['tripsPerActiveDay', 'number'], ['hubTripShare', 'number'],
  ['hubReadShare', 'number'], ['marketReadShare', 'number'], ['distinctPlaces', 'number'], ['radiusOfGyrationKm', 'number'],
  ['od', 'od'], ['loopList', 'loopList'], ['relayPlates', 'sparse'], ['relayChainPlates', 'number'], ['relayChainLoops', 'number'],
  ['mergedWith', 'merged'], ['loopDays', 'number'], ['nightsInHub', 'number'], ['nightsInMarket', 'number'], ['nightsObserved', 'number'],
  ['marketOnlyDays', 'number'], ['hubOnlyDays', 'number'], ['marketLocalTrips', 'number'], ['loopTopWeekdaysShare', 'number'],
  ['dwellLogStd', 'number'], ['otherStopsPerLoop', 'number'], ['hubStays', 'number'], ['shortHubStays', 'number'], ['loopCrowd', 'number'],
  ['weekendNightLoops', 'number'],
] as const satisfies readonly (readonly [keyof VehicleFeatures, string])[];

type Field = (typeof FIELDS)[number];
/** The numeric fields (a row of the number table each). */
export type NumberField = Extract<Field, readonly [string, 'number']>[0];
const NUMBER_FIELDS = FIELDS.filter((f) => f[1] === 'number').map((f) => f[0]) as NumberField[];
/** Each numeric field's column. */
const C = Object.fromEntries(NUMBER_FIELDS.map((k, i) => [k, i])) as Record<NumberField, number>;
const NN = NUMBER_FIELDS.length;
/**
 * Writes a feature object's numbers into row `o` of a number table: `x[o + 0] = f.reads; ...`,
 * one statement a field, made once from NUMBER_FIELDS (the field names are this module's own
 * constants). A loop over the names (`f[NUMBER_FIELDS[k]]`, a property read by a computed key)
 * was 40% of packing: 23.5k vehicles of the 10M misread-heavy set packed in 92-284 ms.
 */
const packNumbers = new Function('f', 'x', 'o', NUMBER_FIELDS.map((k, i) => `x[o + ${i}] = f.${k};`).join('\n')) as (f: VehicleFeatures, x: Float64Array, o: number) => void;
/** The bytes' format (toBytes): bump when the columns change. */
const ROWS_FORMAT = `anpr-feature-rows-1:${FIELDS.map((f) => f.join('=')).join(',')}`;

/** A growable column of numbers (doubling; the part in use is `length`). */
class Grow<T extends Float64Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** A chunk of rows: the features of one batch (its size is known when it is packed). */
interface Chunk {
  start: number;
  n: number;
  numbers: Float64Array;
  vrms: string[];
  /** Interned names per row: hub, base (-1: null), base kind. */
  hub: Int32Array; base: Int32Array; baseKind: Int32Array;
  /** Loops, loop-by-market pairs, OD pairs and merged look-alike plates of row r: [start[r], start[r + 1]) of their columns. */
  loopStart: Int32Array; pairStart: Int32Array; odStart: Int32Array; mergedStart: Int32Array;
}

/**
 * The packed features of a ranking's vehicles, appended a batch at a time.
 *
 * @example
 * const rows = storeFeatures(store, setup).rows; // or: new FeatureRows(), then rows.append(list)
 * rows.get(0).vrm === rows.vrm(0); rows.number(0, 'loops') // 7
 */
export class FeatureRows {
  #chunks: Chunk[] = [];
  #n = 0;
  #names: string[] = [];
  #nameNo = new Map<string, number>();
  // Loops: market, stop site (interned), times and dwell bounds, the two overnight flags.
  #loopMarket = new Grow(new Int32Array(0)); #loopSite = new Grow(new Int32Array(0)); #loopFlags = new Grow(new Uint8Array(0));
  #loopDepart = new Grow(new Float64Array(0)); #loopArrive = new Grow(new Float64Array(0)); #loopReturn = new Grow(new Float64Array(0));
  #loopDwellMin = new Grow(new Float64Array(0)); #loopDwellMax = new Grow(new Float64Array(0));
  #pairMarket = new Grow(new Int32Array(0)); #pairLoops = new Grow(new Float64Array(0));
  #odFrom = new Grow(new Int32Array(0)); #odTo = new Grow(new Int32Array(0)); #odTrips = new Grow(new Float64Array(0));
  // Merged look-alike plates (misreads): on a region's year most scored vehicles have one or two,
  // and as lists of objects they were about 200 bytes each of heap (1.8M vehicles at 1,000M reads).
  #mergedVrm: string[] = []; #mergedReads = new Grow(new Float64Array(0));
  /** Relay plates: empty for almost every vehicle, so kept only where not. */
  #sparse = { relayPlates: new Map<number, PlateRelay[]>() };

  /** Rows packed so far. */
  get n(): number { return this.#n; }

  /**
   * Rows of plain features (the ranking's own list, or a notebook's).
   * @example FeatureRows.of(result.candidates.map((c) => c.features)).n
   */
  static of(list: readonly VehicleFeatures[]): FeatureRows {
    const rows = new FeatureRows();
    rows.append(list);
    return rows;
  }

  #name(s: string | null): number {
    if (s === null) return -1;
    let k = this.#nameNo.get(s);
    if (k === undefined) { k = this.#names.length; this.#names.push(s); this.#nameNo.set(s, k); }
    return k;
  }

  /**
   * Pack `list` as the next rows. A feature object with other keys than VehicleFeatures' is
   * refused (a field the packing does not know would be lost).
   * @example rows.append(part.features) // rows.n grows by part.features.length
   */
  append(list: readonly VehicleFeatures[]): void {
    const n = list.length;
    const c: Chunk = {
      start: this.#n, n, numbers: new Float64Array(n * NN), vrms: new Array<string>(n),
      hub: new Int32Array(n), base: new Int32Array(n), baseKind: new Int32Array(n),
      loopStart: new Int32Array(n + 1), pairStart: new Int32Array(n + 1), odStart: new Int32Array(n + 1), mergedStart: new Int32Array(n + 1),
    };
    c.loopStart[0] = this.#loopMarket.length; c.pairStart[0] = this.#pairMarket.length; c.odStart[0] = this.#odFrom.length; c.mergedStart[0] = this.#mergedVrm.length;
    for (let r = 0; r < n; r++) {
      const f = list[r];
      checkKeys(f);
      packNumbers(f, c.numbers, r * NN);
      c.vrms[r] = f.vrm;
      c.hub[r] = this.#name(f.hub); c.base[r] = this.#name(f.base); c.baseKind[r] = this.#name(f.baseKind);
      for (const l of f.loopList) {
        this.#loopMarket.push(this.#name(l.market)); this.#loopSite.push(l.stopSite === undefined ? -2 : this.#name(l.stopSite));
        this.#loopFlags.push((l.overnight ? 1 : 0) | (l.stopOvernight ? 2 : 0));
        this.#loopDepart.push(l.depart); this.#loopArrive.push(l.arrive); this.#loopReturn.push(l.return);
        this.#loopDwellMin.push(l.dwellMinMinutes); this.#loopDwellMax.push(l.dwellMaxMinutes);
      }
      for (const p of f.loopsByMarket) { this.#pairMarket.push(this.#name(p.market)); this.#pairLoops.push(p.loops); }
      for (const o of f.od) { this.#odFrom.push(this.#name(o.from)); this.#odTo.push(this.#name(o.to)); this.#odTrips.push(o.trips); }
      if (f.relayPlates.length) this.#sparse.relayPlates.set(c.start + r, f.relayPlates);
      for (const m of f.mergedWith) { this.#mergedVrm.push(m.vrm); this.#mergedReads.push(m.reads); }
      c.loopStart[r + 1] = this.#loopMarket.length; c.pairStart[r + 1] = this.#pairMarket.length; c.odStart[r + 1] = this.#odFrom.length; c.mergedStart[r + 1] = this.#mergedVrm.length;
    }
    this.#chunks.push(c);
    this.#n += n;
  }

  /**
   * The rows as bytes (to keep beside a cached load: engines/kept-features.ts), and back.
   * Only columns: no feature objects are made either way.
   * @example FeatureRows.fromBytes(rows.toBytes())?.get(0) // equal to rows.get(0)
   */
  toBytes(): Uint8Array {
    const used = (g: Grow<Float64Array> | Grow<Int32Array> | Grow<Uint8Array>) => g.data.subarray(0, g.length);
    return v8.serialize({
      format: ROWS_FORMAT, n: this.#n, names: this.#names, chunks: this.#chunks,
      loops: [this.#loopMarket, this.#loopSite, this.#loopFlags, this.#loopDepart, this.#loopArrive, this.#loopReturn, this.#loopDwellMin, this.#loopDwellMax].map(used),
      pairs: [this.#pairMarket, this.#pairLoops].map(used), od: [this.#odFrom, this.#odTo, this.#odTrips].map(used),
      merged: [this.#mergedVrm, used(this.#mergedReads)], relayPlates: [...this.#sparse.relayPlates],
    });
  }

  /** Rows from {@link toBytes}' bytes; null when they are not such bytes (another format, damaged). */
  static fromBytes(bytes: Uint8Array): FeatureRows | null {
    try {
      const o = v8.deserialize(bytes);
      if (o?.format !== ROWS_FORMAT || !Array.isArray(o.chunks) || o.loops?.length !== 8 || o.pairs?.length !== 2 || o.od?.length !== 3 || o.merged?.length !== 2) return null;
      const rows = new FeatureRows();
      rows.#n = o.n; rows.#names = o.names; rows.#chunks = o.chunks;
      rows.#nameNo = new Map(rows.#names.map((name, k) => [name, k]));
      const grow = (data: any) => Object.assign(new Grow(data), { length: data.length });
      [rows.#loopMarket, rows.#loopSite, rows.#loopFlags, rows.#loopDepart, rows.#loopArrive, rows.#loopReturn, rows.#loopDwellMin, rows.#loopDwellMax] = o.loops.map(grow);
      [rows.#pairMarket, rows.#pairLoops] = o.pairs.map(grow);
      [rows.#odFrom, rows.#odTo, rows.#odTrips] = o.od.map(grow);
      if (!Array.isArray(o.merged[0])) return null;
      [rows.#mergedVrm, rows.#mergedReads] = [o.merged[0], grow(o.merged[1])];
      rows.#sparse = { relayPlates: new Map(o.relayPlates) };
      const last = rows.#chunks[rows.#chunks.length - 1];
      if (rows.#chunks.reduce((n: number, c: Chunk) => n + c.n, 0) !== rows.#n || (last && (last.loopStart[last.n] !== rows.#loopMarket.length || last.mergedStart?.[last.n] !== rows.#mergedVrm.length))) return null;
      return rows;
    } catch {
      return null;
    }
  }

  /** The chunk of row i and i's row in it. */
  #at(i: number): [Chunk, number] {
    const cs = this.#chunks;
    let lo = 0, hi = cs.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (cs[mid].start <= i) lo = mid; else hi = mid - 1; }
    const c = cs[lo];
    if (!c || i < c.start || i >= c.start + c.n) throw new RangeError(msg.featureRowOutOfRange(i, this.#n));
    return [c, i - c.start];
  }

  /** Row i's plate. */
  vrm(i: number): string { const [c, r] = this.#at(i); return c.vrms[r]; }

  /** Row i's value of a numeric field. */
  number(i: number, field: NumberField): number { const [c, r] = this.#at(i); return c.numbers[r * NN + C[field]]; }

  /** Set row i's value of a numeric field (the ranking fills relays and loop crowds). */
  setNumber(i: number, field: NumberField, value: number): void { const [c, r] = this.#at(i); c.numbers[r * NN + C[field]] = value; }

  /** Set row i's relay plates (an empty list drops them). */
  setRelayPlates(i: number, plates: PlateRelay[]): void {
    this.#at(i);
    if (plates.length) this.#sparse.relayPlates.set(i, plates); else this.#sparse.relayPlates.delete(i);
  }

  /** Row i's loops: how many, and each one's market and arrival (what the loop crowd needs, without building the loops). */
  loopCount(i: number): number { const [c, r] = this.#at(i); return c.loopStart[r + 1] - c.loopStart[r]; }
  loopMarket(i: number, k: number): string { const [c, r] = this.#at(i); return this.#names[this.#loopMarket.data[c.loopStart[r] + k]]; }
  loopArrive(i: number, k: number): number { const [c, r] = this.#at(i); return this.#loopArrive.data[c.loopStart[r] + k]; }

  /**
   * Row i's fields the relay step reads and fills, without the rest (relays.ts: on a region's
   * year, a few hundred thousand plates can relay, and whole feature objects for all of them
   * at once took about twice the heap).
   * @example linkPlateRelays(part.map((i) => rows.relayView(i)), from, to)
   */
  relayView(i: number): RelayFeatures {
    const [c, r] = this.#at(i);
    const x = c.numbers, o = r * NN;
    return {
      vrm: c.vrms[r], firstSeen: x[o + C.firstSeen], lastSeen: x[o + C.lastSeen], spanDays: x[o + C.spanDays], topMarketLoops: x[o + C.topMarketLoops],
      loopsByMarket: this.#pairs(c.pairStart[r], c.pairStart[r + 1]), loopList: this.#loops(c.loopStart[r], c.loopStart[r + 1]),
      base: c.base[r] < 0 ? null : this.#names[c.base[r]],
      relayPlates: this.#sparse.relayPlates.get(c.start + r)?.slice() ?? [], relayChainPlates: x[o + C.relayChainPlates], relayChainLoops: x[o + C.relayChainLoops],
    };
  }

  /**
   * Row i as a plain VehicleFeatures object (a new one each call).
   * @example rows.get(0).loopList[0].market // 'Rhyl'
   */
  get(i: number): VehicleFeatures {
    const [c, r] = this.#at(i);
    const x = c.numbers, o = r * NN, names = this.#names;
    // One object literal of data properties, keys in VehicleFeatures' order (built key by key, V8
    // would give it a slow shape, and scoring it would take three times as long). No accessor:
    // with `od` as a getter made when first read, every object was in dictionary mode (V8's
    // %HasFastProperties false), about 6.5 kB each, and the scoring pass read slow properties.
    // Measured on the 10M misread-heavy set, a find on a cached load: 1.47-1.58 s first call,
    // 0.85-1.03 s later ones with the getter; 1.03-1.17 s and 0.61-0.72 s with `od` built here.
    return {
      vrm: c.vrms[r], hub: names[c.hub[r]], reads: x[o + C.reads], trips: x[o + C.trips], daysActive: x[o + C.daysActive],
      spanDays: x[o + C.spanDays], calendarDays: x[o + C.calendarDays], firstSeen: x[o + C.firstSeen], lastSeen: x[o + C.lastSeen],
      base: c.base[r] < 0 ? null : names[c.base[r]], baseKind: names[c.baseKind[r]] as VehicleFeatures['baseKind'], baseShare: x[o + C.baseShare],
      loops: x[o + C.loops], loopsByMarket: this.#pairs(c.pairStart[r], c.pairStart[r + 1]), distinctMarkets: x[o + C.distinctMarkets],
      topMarketLoops: x[o + C.topMarketLoops], topMarketLoopsPerWeek: x[o + C.topMarketLoopsPerWeek], loopsPerWeek: x[o + C.loopsPerWeek],
      marketDwellMedianMin: x[o + C.marketDwellMedianMin], marketDwellMedianMax: x[o + C.marketDwellMedianMax],
      loopNightShare: x[o + C.loopNightShare], loopWeekendShare: x[o + C.loopWeekendShare], departureHourStd: x[o + C.departureHourStd],
      arrivalHourStd: x[o + C.arrivalHourStd], arrivalWindowShare: x[o + C.arrivalWindowShare], stopsPerTour: x[o + C.stopsPerTour],
      hubTours: x[o + C.hubTours], overnightAway: x[o + C.overnightAway], tripNightShare: x[o + C.tripNightShare],
      tripWeekendShare: x[o + C.tripWeekendShare], tripsPerActiveDay: x[o + C.tripsPerActiveDay], hubTripShare: x[o + C.hubTripShare],
      hubReadShare: x[o + C.hubReadShare], marketReadShare: x[o + C.marketReadShare], distinctPlaces: x[o + C.distinctPlaces],
      radiusOfGyrationKm: x[o + C.radiusOfGyrationKm], od: this.#od(c.odStart[r], c.odStart[r + 1]), loopList: this.#loops(c.loopStart[r], c.loopStart[r + 1]),
      relayPlates: this.#sparse.relayPlates.get(c.start + r)?.slice() ?? [], relayChainPlates: x[o + C.relayChainPlates], relayChainLoops: x[o + C.relayChainLoops],
      mergedWith: this.#merged(c.mergedStart[r], c.mergedStart[r + 1]), loopDays: x[o + C.loopDays], nightsInHub: x[o + C.nightsInHub],
      nightsInMarket: x[o + C.nightsInMarket], nightsObserved: x[o + C.nightsObserved], marketOnlyDays: x[o + C.marketOnlyDays],
      hubOnlyDays: x[o + C.hubOnlyDays], marketLocalTrips: x[o + C.marketLocalTrips], loopTopWeekdaysShare: x[o + C.loopTopWeekdaysShare],
      dwellLogStd: x[o + C.dwellLogStd], otherStopsPerLoop: x[o + C.otherStopsPerLoop], hubStays: x[o + C.hubStays],
      shortHubStays: x[o + C.shortHubStays], loopCrowd: x[o + C.loopCrowd], weekendNightLoops: x[o + C.weekendNightLoops],
    };
  }

  #pairs(from: number, to: number): { market: string; loops: number }[] {
    const list: { market: string; loops: number }[] = [];
    for (let k = from; k < to; k++) list.push({ market: this.#names[this.#pairMarket.data[k]], loops: this.#pairLoops.data[k] });
    return list;
  }

  #merged(from: number, to: number): { vrm: string; reads: number }[] {
    const list: { vrm: string; reads: number }[] = [];
    for (let k = from; k < to; k++) list.push({ vrm: this.#mergedVrm[k], reads: this.#mergedReads.data[k] });
    return list;
  }

  #od(from: number, to: number): { from: string; to: string; trips: number }[] {
    const list: { from: string; to: string; trips: number }[] = [];
    for (let k = from; k < to; k++) list.push({ from: this.#names[this.#odFrom.data[k]], to: this.#names[this.#odTo.data[k]], trips: this.#odTrips.data[k] });
    return list;
  }

  #loops(from: number, to: number): Loop[] {
    const loops: Loop[] = [];
    for (let k = from; k < to; k++) {
      const flags = this.#loopFlags.data[k], site = this.#loopSite.data[k];
      const l: Loop = {
        market: this.#names[this.#loopMarket.data[k]], depart: this.#loopDepart.data[k], arrive: this.#loopArrive.data[k], return: this.#loopReturn.data[k],
        dwellMinMinutes: this.#loopDwellMin.data[k], dwellMaxMinutes: this.#loopDwellMax.data[k], overnight: (flags & 1) !== 0, stopOvernight: (flags & 2) !== 0,
        stopSite: this.#names[site],
      };
      if (site === -2) delete (l as Partial<Loop>).stopSite; // a loop made without one (hand-written features)
      loops.push(l);
    }
    return loops;
  }
}

const KEYS = new Set<string>(FIELDS.map((f) => f[0]));
function checkKeys(f: VehicleFeatures): void {
  const keys = Object.keys(f);
  if (keys.length !== KEYS.size || keys.some((k) => !KEYS.has(k))) throw new TypeError(msg.featureRowKeys(f.vrm, keys.filter((k) => !KEYS.has(k)), [...KEYS].filter((k) => !(k in f))));
}
