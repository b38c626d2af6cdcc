// population.mjs — draws the scenario's population from the seed: how many
// county-lines lines (a share of --vehicles, at least 2) and their eras/plates,
// how many decoys of each named class, and the background; gives every
// vehicle a plate, its own random stream, a driving pace and an agent.

import { PlateFactory } from './plates.mjs';
import { drawLines, runnerAgent } from './runners.mjs';
import { REGULAR_CLASSES, earlyShiftClass } from './decoys-regular.mjs';
import { SERVICE_CLASSES, outdoorClass } from './decoys-service.mjs';
import { BACKGROUND_KINDS } from './background.mjs';

const QUARRY_TOWNS = ['Buxton', 'Matlock', 'Wirksworth', 'Tideswell', 'Castleton'];

/** shared context every agent sees */
export function makeContext(region, net, cal, rng) {
  const allPlaces = [net.hub, ...net.markets, ...net.places];
  const ctx = {
    region, net, cal, days: cal.days,
    hub: net.hub, markets: net.markets, places: net.places, gateways: net.gateways, allPlaces,
    leisure: allPlaces.filter((c) => c.leisure),
  };
  ctx.hubNear = allPlaces.filter((c) => c !== net.hub && c.kind !== 'market')
    .sort((a, b) => Math.hypot(a.lat - net.hub.lat, (a.lon - net.hub.lon) * 0.6) - Math.hypot(b.lat - net.hub.lat, (b.lon - net.hub.lon) * 0.6));
  ctx.workSites = region.workClass === 'port_worker' ? allPlaces.filter((c) => c.port) : allPlaces.filter((c) => QUARRY_TOWNS.includes(c.name));
  const goodP = +rng.uniform(0.3, 0.65).toFixed(3);
  ctx.weather = [];
  for (let d = -1; d <= cal.days + 1; d++) ctx.weather.push(rng.chance(goodP));
  ctx.goodWeather = (d) => ctx.weather[Math.max(0, Math.min(ctx.weather.length - 1, d + 1))];
  ctx.goodWeatherP = goodP;
  return ctx;
}

/** largest-remainder apportionment of n over weights */
function apportion(n, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (n * w) / total);
  const out = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = n - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) out[order[k][1]]++;
  return out;
}

export function buildPopulation(ctx, rng, vehicles) {
  const params = {
    line_share: +rng.uniform(0.0025, 0.005).toFixed(5),
    decoy_share: +rng.uniform(0.1, 0.18).toFixed(4),
  };
  const nLines = Math.max(2, Math.round(vehicles * params.line_share));
  const lines = drawLines(ctx, rng.fork('lines'), nLines);
  const nRunnerPlates = lines.reduce((a, l) => a + l.eras.length, 0);
  const classes = {
    ...REGULAR_CLASSES, ...SERVICE_CLASSES,
    [ctx.region.outdoorClass]: outdoorClass, [ctx.region.workClass]: earlyShiftClass,
  };
  const names = Object.keys(classes);
  const nDecoys = Math.max(0, Math.min(Math.round(vehicles * params.decoy_share), vehicles - nRunnerPlates - 1));
  const counts = apportion(nDecoys, names.map((n) => classes[n].weight));
  const nBackground = Math.max(0, vehicles - nRunnerPlates - nDecoys);
  const bgCounts = apportion(nBackground, BACKGROUND_KINDS.map((k) => k.share));

  const plates = new PlateFactory(rng.fork('plates'));
  const list = [];
  const add = (cls, make) => {
    const i = list.length;
    const vr = rng.fork(`vehicle${i}`);
    const v = { vrm: plates.next(), cls, rng: vr.fork('life'), pace: vr.uniform(0.88, 1.15) };
    v.agent = make(vr.fork('setup'));
    list.push(v);
    return v;
  };
  for (const line of lines) {
    line.vehicles = line.eras.map((_, e) => add('runner', () => runnerAgent(ctx, line, e)));
  }
  names.forEach((n, i) => { for (let k = 0; k < counts[i]; k++) add(n, (r) => classes[n].make(ctx, r)); });
  BACKGROUND_KINDS.forEach((kind, i) => { for (let k = 0; k < bgCounts[i]; k++) add('background', (r) => kind.make(ctx, r)); });
  params.lines = nLines;
  params.runner_plates = nRunnerPlates;
  params.decoy_counts = Object.fromEntries(names.map((n, i) => [n, counts[i]]));
  params.background = nBackground;
  return { vehicles: list, lines, classNames: names, params, realPlates: plates.used };
}
