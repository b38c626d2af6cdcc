/** Plates common to several events: who was at N of these places and times. */
import type { ReadStore } from '../reads/types';
import { placeAreas, placeMask, placeName, QueryResult, toMs, type Place, type TimeInput } from './result';
import { siteIndex, siteRange } from './site-index';
import { consult, queryAudit } from '../privacy/guard';

/** An event: a place (Area or site ids) and a time window [from, to). */
export interface QueryEvent {
  area?: Place;
  sites?: readonly string[];
  from: TimeInput;
  to: TimeInput;
  /** Label in the output; default "event N". */
  name?: string;
}

/** One vehicle present at enough events. */
export interface CommonToEventsRow {
  vrm: string;
  /** How many of the events it was read at. */
  events: number;
  /** Names of those events, in event order. */
  eventNames: string[];
  /** Its reads across those events. */
  reads: number;
}

/** Options of {@link commonToEvents}. */
export interface CommonToEventsOptions {
  /** Least number of events a vehicle must be read at. Default: all of them. */
  minEvents?: number;
  reveal?: boolean;
}

/**
 * Vehicles read at (at least `minEvents` of) the events, each an area or site list with a
 * time window; most events first, then most reads, then VRM. Uses the per-site time index,
 * so the cost is the reads inside the events' windows, not the store.
 *
 * @example
 * const r = commonToEvents(store, [
 *   { area: rhyl, from: '2025-03-03T20:00Z', to: '2025-03-03T23:00Z', name: 'burglary 1' },
 *   { sites: ['S0200'], from: '2025-03-05T20:00Z', to: '2025-03-05T23:00Z', name: 'burglary 2' },
 * ]);
 * r.rows[0].eventNames // ['burglary 1', 'burglary 2']
 */
export function commonToEvents(store: ReadStore, events: readonly QueryEvent[], options: CommonToEventsOptions = {}): QueryResult<CommonToEventsRow> {
  return consult('find common', store, () => commonToEventsQuery(store, events, options), queryAudit);
}

/**
 * `commonToEvents` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example commonToEventsQuery(store, events, options)
 */
export function commonToEventsQuery(store: ReadStore, events: readonly QueryEvent[], options: CommonToEventsOptions = {}): QueryResult<CommonToEventsRow> {
  if (!events.length) throw new RangeError('commonToEvents needs at least one event ({ area | sites, from, to }).');
  const minEvents = options.minEvents ?? events.length;
  const ix = siteIndex(store);
  const hits = new Map<number, { mask: number[]; reads: number }>();
  const names = events.map((e, k) => e.name ?? `event ${k + 1}`);
  events.forEach((e, k) => {
    const place = e.area ?? e.sites;
    if (!place) throw new RangeError(`commonToEvents: event ${k + 1} needs area or sites.`);
    const mask = placeMask(store, place, names[k]);
    const from = toMs(e.from, 'from')!, to = toMs(e.to, 'to')!;
    for (let s = 0; s < mask.length; s++) {
      if (!mask[s]) continue;
      const [lo, hi] = siteRange(ix, s, from, to);
      for (let q = lo; q < hi; q++) {
        if (ix.time[q] >= to) continue;
        const v = store.vehicle[ix.read[q]];
        let h = hits.get(v);
        if (!h) { h = { mask: [], reads: 0 }; hits.set(v, h); }
        if (h.mask[h.mask.length - 1] !== k) h.mask.push(k);
        h.reads++;
      }
    }
  });
  const rows: CommonToEventsRow[] = [];
  for (const [v, h] of hits) {
    if (h.mask.length >= minEvents) rows.push({ vrm: store.vrms[v], events: h.mask.length, eventNames: h.mask.map((k) => names[k]), reads: h.reads });
  }
  rows.sort((a, b) => b.events - a.events || b.reads - a.reads || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  return new QueryResult('commonToEvents', `Plates common to ${minEvents} of ${events.length} events`, rows,
    { events: events.map((e, k) => ({ name: names[k], place: placeName((e.area ?? e.sites)!), from: e.from, to: e.to })), minEvents },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'events', value: (r) => r.events },
      { name: 'event_names', value: (r) => r.eventNames.join('; ') }, { name: 'reads', value: (r) => r.reads },
    ], { store, areas: placeAreas(...events.map((e) => e.area)), reveal: options.reveal, mapVehicles: 20 });
}
