/**
 * The widget contract: MIME types and the JSON shapes of the map and profile bundles.
 *
 * This module is shared by kernel-lib (which emits bundles, in Node) and by the
 * JupyterLab extension (which renders them, in the browser). It must stay
 * dependency-free: no imports at all, types and constants only. The extension
 * imports it as `@anpr/kernel-lib/contract` (webpack honours `exports`).
 *
 * Versioning: a breaking change to a bundle shape gets a new MIME type (v2);
 * additive optional fields keep v1.
 */

/** MIME type of the interactive map widget bundle. */
export const MAP_MIME = 'application/vnd.anpr.map.v1+json';
/** MIME type of the vehicle profile widget bundle. */
export const PROFILE_MIME = 'application/vnd.anpr.profile.v1+json';

/** [latitude, longitude] in WGS84 degrees. */
export type LatLon = [number, number];

/** A camera site as the map shows it. */
export interface MapSite {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** Reads at this site in the data shown (sizes/colours the marker). */
  reads?: number;
  road?: string;
  /** Optional (v1.1): distinct vehicles read at this site in the data shown. */
  vehicles?: number;
}

/** One vehicle's movement drawn as a path of reads. */
export interface MapTrack {
  /** Stable id: the vehicle's pseudonym unless revealed. */
  id: string;
  /** Label shown in tooltips and the legend. */
  label: string;
  /** Points in time order: [lat, lon, epoch milliseconds UTC]. */
  points: [number, number, number][];
  /** Optional score 0..1 used to colour candidates. */
  score?: number;
  /** Optional CSS colour; otherwise derived from score or index. */
  color?: string;
  /**
   * Optional (v1.1): what the track is. 'candidate' (a finder result, coloured by score),
   * 'associate' (co-travelling with the track `with`, drawn dashed), else a plain vehicle.
   */
  kind?: 'vehicle' | 'candidate' | 'associate';
  /** Optional (v1.1): for an 'associate', the id of the track it travels with. */
  with?: string;
}

/** A named polygon (hub, market town, drawn area). */
export interface MapArea {
  name: string;
  kind: 'hub' | 'market' | 'area';
  /** GeoJSON Polygon or MultiPolygon geometry, coordinates [lon, lat]. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** The bundle under `application/vnd.anpr.map.v1+json`. */
export interface MapBundle {
  version: 1;
  title?: string;
  sites: MapSite[];
  tracks: MapTrack[];
  areas: MapArea[];
  /** Time range covered by the data, epoch ms UTC. */
  timeRange?: [number, number];
  /** Optional (v1.1): show the heat layer of reads when the map opens (the toolbar toggles it). */
  heat?: boolean;
}

/** One trip as the profile shows it. */
export interface ProfileTrip {
  start: number;
  end: number;
  fromSite: string;
  toSite: string;
  reads: number;
}

/** The bundle under `application/vnd.anpr.profile.v1+json`. */
export interface ProfileBundle {
  version: 1;
  vehicle: {
    /** Pseudonym (keyed HMAC of the VRM). Always present. */
    pseudonym: string;
    /** The VRM, present only when the profile was revealed for a stated purpose. */
    vrm?: string;
    revealed: boolean;
  };
  /** Period covered, epoch ms UTC. */
  period: [number, number];
  score?: number;
  reasons: string[];
  summary: { reads: number; trips: number; days: number; sites: number };
  /** Reads by weekday (0 = Monday) x hour (0..23), Europe/London local time. */
  hourWeekday: number[][];
  /** Reads in time order: [epoch ms UTC, site id]. */
  reads: [number, string][];
  trips: ProfileTrip[];
  /** Frequent sites, most read first. */
  places: { site: string; name: string; reads: number }[];
  /** Optional: names of the sites that trips and reads refer to, by site id (tables show names, not ids). */
  siteNames?: Record<string, string>;
  /** Optional: inferred base (where the vehicle "lives"): place name, share of the evidence 0..1, overnight stays seen. */
  base?: { place: string; share: number; overnights: number };
  /** Optional: stays between trips; dwell is never observed, only bounded (ms). `site` is the last site before the stay. */
  stays?: { start: number; end: number; site: string; dwellMin: number; dwellMax: number; overnight: boolean }[];
  /** Optional: base → away → base tours; `destination` is the place with the longest stop. */
  tours?: { depart: number; return: number; destination: string; places: string[]; overnight: boolean }[];
  /** Optional: associates (convoy): co-reads observed vs expected by chance, best first; `id` is a pseudonym unless revealed. */
  associates?: { id: string; observed: number; expected: number; pValue: number; sites: number; reasons: string[] }[];
  /** Optional: impossible-travel pairs of reads (possible clone or misread). */
  clones?: { firstTime: number; firstSite: string; secondTime: number; secondSite: string; kmh: number | null }[];
  /** Optional: the parts of `score` (county-lines scorer): name, value 0..1, weight, contribution. */
  scoreParts?: { name: string; value: number; weight: number; contribution: number }[];
  /** Optional: [lat, lon] of the sites this vehicle was read at, by site id (the profile's small map; no other sites). */
  siteCoords?: Record<string, LatLon>;
}
