/**
 * The finder's inputs made ready once, for every engine: parameters merged (params.ts), the hub
 * and the markets as Areas, and the time window as epoch ms.
 */
import { area, areasFromGeoJson, type Area } from '../../core/areas';
import { timeBoundMs } from '../../core/time-bound';
import * as msg from '../../messages';
import { countyLinesParams, type CountyLinesParams } from './params';
import type { FindCountyLinesOptions } from './types';

/** The finder's inputs, ready. */
export interface FinderSetup {
  params: CountyLinesParams;
  hub: Area;
  /** The given markets ([] when they are to be discovered). */
  markets: Area[];
  /** The window (epoch ms; undefined = open). */
  from: number | undefined;
  to: number | undefined;
}

/**
 * Validate and normalise a finder's options: TypeError without a hub, RangeError for an
 * unreadable from / to.
 * @example finderSetup({ hub: hubGeo, markets: marketsGeo }).markets.map((m) => m.name) // ['Rhyl', …]
 */
export function finderSetup(options: FindCountyLinesOptions): FinderSetup {
  if (!options || !options.hub) throw new TypeError(msg.finderNeedsHub());
  const params = countyLinesParams(options.params, options.scorer);
  const hub = area(options.hub);
  const markets: Area[] = options.markets === undefined ? []
    : Array.isArray(options.markets) ? options.markets.map((m) => area(m)) : areasFromGeoJson(options.markets);
  const bad = (which: 'from' | 'to') => (v: unknown) => msg.badFinderTime(which, v);
  return { params, hub, markets, from: timeBoundMs(options.from, bad('from')), to: timeBoundMs(options.to, bad('to')) };
}
