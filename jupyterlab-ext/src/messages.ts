/**
 * Every user-facing string the renderers show, in one place.
 */

export const MSG = {
  mapTitle: 'ANPR map',
  profileTitle: 'Vehicle profile',
  invalidBundle: (what: string) => `Cannot show this ${what}: the output bundle is not valid.`,
  missingField: (path: string, expected: string, actual: string) =>
    `${path}: expected ${expected}, got ${actual}`,
  renderFailed: (what: string, reason: string) => `Cannot show this ${what}: ${reason}`,
  baseLayerFailed: 'UK base map could not be loaded; data layers are still shown.',
  chartFailed: (reason: string) => `Heatmap could not be drawn: ${reason}`,
  noData: 'No sites, tracks or areas to show.',
  scrollHint: 'Click the map to zoom with the mouse wheel',
  legendTracks: 'Vehicles',
  legendAreas: 'Areas',
  legendSites: 'Camera sites (size = reads)',
  areaKind: { hub: 'Hub', market: 'Market town', area: 'Area' } as Record<string, string>,
  siteTooltip: (name: string, reads: number | undefined) =>
    reads === undefined ? name : `${name}: ${reads.toLocaleString('en-GB')} reads`,
  trackTooltip: (label: string, score: number | undefined, points: number) =>
    `${label}` + (score === undefined ? '' : ` (score ${score.toFixed(2)})`) + ` · ${points} reads`,
  trackStart: (label: string, when: string) => `${label}: first read ${when}`,
  trackEnd: (label: string, when: string) => `${label}: last read ${when}`,
  moreTracks: (n: number) => `… and ${n} more`,
  revealed: 'Revealed',
  pseudonymous: 'Pseudonymous',
  pseudonymLabel: 'Pseudonym',
  period: 'Period',
  score: 'Score',
  reasons: 'Why this vehicle',
  noReasons: 'No reasons given.',
  summary: { reads: 'Reads', trips: 'Trips', days: 'Days seen', sites: 'Sites' },
  heatmapTitle: 'Reads by hour and weekday (Europe/London)',
  heatmapLoading: 'Loading chart…',
  placesTitle: 'Frequent places',
  placesHeader: ['Place', 'Site', 'Reads'],
  noPlaces: 'No frequent places.',
  tripsTitle: 'Trips',
  tripsHeader: ['Start', 'End', 'From', 'To', 'Reads'],
  noTrips: 'No trips.',
  moreRows: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  hourAxis: 'Hour of day',
  weekdayAxis: 'Weekday',
  readsLegend: 'Reads'
} as const;
