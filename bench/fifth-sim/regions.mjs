// regions.mjs — the two scenario regions: real town positions (approximate),
// which towns are the hub and the market towns, place sizes, leisure spots,
// edge-of-map gateways and trunk roads. Roads themselves are invented
// procedurally in road-network.mjs; nothing here is real road geometry.

// size: 5 city, 4 large town, 3 town, 2 small town, 1 village
const P = (name, lat, lon, size, extra = {}) => ({ name, lat, lon, size, ...extra });

export const REGIONS = {
  south_yorkshire: {
    code: 'SY',
    hub: P('Sheffield', 53.3811, -1.4701, 5),
    hubRadiusKm: 7,
    marketRadiusKm: 2.4,
    gridKm: 6.5,
    aRoadPrefix: '6', bRoadPrefix: '6',
    outdoorClass: 'climber', workClass: 'quarry_worker',
    markets: [
      P('Chesterfield', 53.2350, -1.4216, 4), P('Buxton', 53.2587, -1.9110, 3, { leisure: true }),
      P('Matlock', 53.1380, -1.5550, 3, { leisure: true }), P('Bakewell', 53.2136, -1.6755, 2, { leisure: true }),
      P('Gainsborough', 53.3996, -0.7730, 3), P('Retford', 53.3228, -0.9434, 3),
      P('Penistone', 53.5250, -1.6290, 2),
    ],
    places: [
      P('Barnsley', 53.5526, -1.4797, 4), P('Rotherham', 53.4326, -1.3635, 4), P('Doncaster', 53.5228, -1.1285, 4),
      P('Dronfield', 53.3020, -1.4690, 2), P('Worksop', 53.3017, -1.1240, 3), P('Stocksbridge', 53.4790, -1.5900, 2),
      P('Hathersage', 53.3300, -1.6530, 1, { leisure: true }), P('Castleton', 53.3440, -1.7770, 1, { leisure: true }),
      P('Bolsover', 53.2290, -1.2900, 2), P('Clay Cross', 53.1650, -1.4120, 2), P('Staveley', 53.2690, -1.3480, 2),
      P('Maltby', 53.4240, -1.2000, 2), P('Mexborough', 53.4930, -1.2900, 2), P('Wath upon Dearne', 53.5020, -1.3450, 2),
      P('Hoyland', 53.4980, -1.4430, 2), P('Chapel-en-le-Frith', 53.3220, -1.9170, 1),
      P('Eyam', 53.2840, -1.6730, 1, { leisure: true }), P('Baslow', 53.2480, -1.6230, 1, { leisure: true }),
      P('Tideswell', 53.2770, -1.7720, 1, { leisure: true }), P('Wirksworth', 53.0820, -1.5740, 1),
      P('Holmfirth', 53.5700, -1.7870, 2), P('Tickhill', 53.4310, -1.1080, 1), P('Bawtry', 53.4310, -1.0190, 1),
      P('Thorne', 53.6110, -0.9610, 2), P('Killamarsh', 53.3200, -1.3130, 1), P('Eckington', 53.3080, -1.3600, 1),
      P('Ollerton', 53.2000, -1.0070, 1), P('Mansfield', 53.1440, -1.1960, 4),
    ],
    gateways: [
      P('North (M1 to Leeds)', 53.66, -1.47, 0), P('South (M1 to Nottingham)', 53.04, -1.30, 0),
      P('East (A1 to the south-east)', 53.50, -0.72, 0), P('West (Woodhead to Manchester)', 53.45, -1.98, 0),
    ],
    trunks: [
      { road: 'M1', via: ['North (M1 to Leeds)', 'Barnsley', 'Rotherham', 'Sheffield', 'Staveley', 'South (M1 to Nottingham)'] },
      { road: 'M18', via: ['Rotherham', 'Maltby', 'Doncaster', 'East (A1 to the south-east)'] },
    ],
  },
  devon_cornwall: {
    code: 'DC',
    hub: P('Plymouth', 50.3755, -4.1427, 5),
    hubRadiusKm: 4.5,
    marketRadiusKm: 2.2,
    gridKm: 7.5,
    aRoadPrefix: '3', bRoadPrefix: '3',
    outdoorClass: 'surfer', workClass: 'port_worker',
    markets: [
      P('Truro', 50.2632, -5.0510, 3), P('Newquay', 50.4150, -5.0730, 3, { leisure: true }),
      P('St Austell', 50.3390, -4.7930, 3), P('Bodmin', 50.4710, -4.7200, 2), P('Launceston', 50.6370, -4.3600, 2),
      P('Tavistock', 50.5490, -4.1440, 2), P('Torquay', 50.4619, -3.5253, 4, { leisure: true }),
    ],
    places: [
      P('Exeter', 50.7184, -3.5339, 5), P('Saltash', 50.4080, -4.2120, 2), P('Liskeard', 50.4550, -4.4650, 2),
      P('Ivybridge', 50.3900, -3.9200, 2), P('Looe', 50.3540, -4.4530, 1, { leisure: true, port: true }),
      P('Lostwithiel', 50.4070, -4.6690, 1), P('Fowey', 50.3350, -4.6360, 1, { leisure: true, port: true }),
      P('Callington', 50.5030, -4.3160, 1), P('Okehampton', 50.7390, -4.0040, 2), P('Totnes', 50.4320, -3.6840, 2),
      P('Newton Abbot', 50.5290, -3.6100, 3), P('Paignton', 50.4350, -3.5640, 3, { leisure: true }),
      P('Brixham', 50.3950, -3.5150, 2, { leisure: true, port: true }), P('Kingsbridge', 50.2840, -3.7770, 1),
      P('Dartmouth', 50.3510, -3.5790, 1, { leisure: true }), P('Falmouth', 50.1540, -5.0710, 3, { leisure: true, port: true }),
      P('Redruth', 50.2330, -5.2260, 2), P('Camborne', 50.2130, -5.3000, 2), P('St Columb Major', 50.4350, -4.9400, 1),
      P('Wadebridge', 50.5170, -4.8350, 1), P('Padstow', 50.5420, -4.9370, 1, { leisure: true, port: true }),
      P('Camelford', 50.6220, -4.6790, 1), P('Yelverton', 50.4920, -4.0830, 1),
      P('Princetown', 50.5440, -3.9910, 1, { leisure: true }), P('Modbury', 50.3500, -3.8870, 1),
      P('Ashburton', 50.5160, -3.7550, 1), P('Perranporth', 50.3450, -5.1530, 1, { leisure: true }),
    ],
    gateways: [
      P('East (M5 to Bristol)', 50.82, -3.40, 0), P('North-east (A30 to Somerset)', 50.86, -3.70, 0),
      P('North (A39 to Bideford)', 50.80, -4.40, 0),
    ],
    trunks: [
      { road: 'A38', via: ['Bodmin', 'Liskeard', 'Saltash', 'Plymouth', 'Ivybridge', 'Ashburton', 'Exeter', 'East (M5 to Bristol)'] },
      { road: 'A30', via: ['Camborne', 'Redruth', 'Truro', 'St Columb Major', 'Bodmin', 'Launceston', 'Okehampton', 'Exeter'] },
    ],
  },
};

export function getRegion(name) {
  const r = REGIONS[name];
  if (!r) throw new Error(`unknown region ${name}; want one of ${Object.keys(REGIONS).join(', ')}`);
  return r;
}
