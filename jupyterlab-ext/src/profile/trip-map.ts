/**
 * The profile's small linked map: the vehicle's trips as paths over the offline UK base
 * layer (uk-basemap, shared with the map widget), its sites as dots. Clicking a trip selects
 * it; a selection made anywhere (timeline, table) is highlighted here and brought to front.
 * Trips are SVG paths (a vehicle has tens to hundreds), so each is a real element with a
 * class the tests and the theme can see. Released with map.remove().
 */
import * as L from 'leaflet';
import type { LatLon } from '@anpr/kernel-lib/contract';
import { addUkBaseLayer } from '../shared/basemap/uk-basemap';
import type { ProfileTripView } from './trips';
import type { TripSelection } from './trip-selection';
import { TIMELINE_COLORS } from './timeline-figure';
import { SITE_COLOR } from '../shared/colors';
import { MSG } from '../shared/messages';

const TRIP_STYLE: L.PathOptions = { color: TIMELINE_COLORS.trips, weight: 3, opacity: 0.55 };
const SELECTED_STYLE: L.PathOptions = { color: TIMELINE_COLORS.selected, weight: 6, opacity: 1 };

/** A text-only tooltip element (data never becomes markup). */
function textTip(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

/** One profile's small map. */
export class TripMap {
  /**
   * Build the map in `container` (which must be in the document and sized).
   * @example const m = new TripMap(div, trips, bundle.siteCoords, name, selection)
   */
  constructor(
    readonly container: HTMLElement,
    trips: ProfileTripView[],
    siteCoords: Record<string, LatLon>,
    siteName: (id: string) => string,
    selection: TripSelection
  ) {
    const map = L.map(container, { scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: true });
    // A view first, so the map is "loaded" and layers are added (and their SVG paths exist) now,
    // even while the output is not yet attached and has no size; fit() follows on resize.
    map.setView([54.2, -3.2], 5, { animate: false });
    container.addEventListener('pointerdown', () => (this.moved = true));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Natural Earth, GeoNames');
    map.on('focus', () => map.scrollWheelZoom.enable());
    map.on('blur', () => map.scrollWheelZoom.disable());
    this.map = map;
    addUkBaseLayer(map).catch(() => container.classList.add('anpr-TripMap-nobase'));

    const renderer = L.canvas({ padding: 0.5 });
    for (const [id, c] of Object.entries(siteCoords)) {
      L.circleMarker(c, { renderer, radius: 3, color: SITE_COLOR.stroke, weight: 1, fillColor: SITE_COLOR.fill, fillOpacity: 0.9 })
        .bindTooltip(textTip(siteName(id)))
        .addTo(map);
    }
    const svg = L.svg({ padding: 0.5 });
    for (const trip of trips) {
      if (trip.path.length < 2) {
        this.lines.push(null);
        continue;
      }
      const line = L.polyline(trip.path, { ...TRIP_STYLE, renderer: svg, className: 'anpr-TripLine' })
        .bindTooltip(textTip(MSG.tripTooltip(trip.index + 1, siteName(trip.fromSite), siteName(trip.toSite))), { sticky: true })
        .on('click', () => selection.select(trip.index, 'map'))
        .addTo(map);
      line.getElement()?.setAttribute('data-trip', String(trip.index));
      this.lines.push(line);
    }
    const coords = Object.values(siteCoords);
    this.bounds = coords.length ? L.latLngBounds(coords) : null;
    this.fit();
    this._stop = selection.listen(trip => this.highlight(trip));
    this.highlight(selection.current);
  }

  /** Draw trip `trip` (or none) as selected; the container's `data-highlighted-trip` says which. */
  highlight(trip: number | null): void {
    if (!this.map) return;
    this.lines.forEach((line, i) => {
      if (!line) return;
      const on = i === trip;
      line.setStyle(on ? SELECTED_STYLE : TRIP_STYLE);
      line.getElement()?.classList.toggle('anpr-TripLine-selected', on);
      if (on) line.bringToFront();
    });
    this.container.dataset.highlightedTrip = trip === null ? '' : String(trip);
  }

  /** Fit the map to the vehicle's sites (once it has a size). */
  fit(): void {
    if (!this.map || this.container.clientWidth === 0 || this.container.clientHeight === 0) return;
    if (this.bounds) this.map.fitBounds(this.bounds, { padding: [16, 16], maxZoom: 13, animate: false });
    else this.map.setView([54.2, -3.2], 5, { animate: false });
  }

  /** After a size change: recompute the size and refit, until the analyst has moved the map. */
  resize(): void {
    if (!this.map || this.container.clientWidth === 0 || this.container.clientHeight === 0) return;
    this.map.invalidateSize({ animate: false });
    if (!this.moved) this.fit();
  }

  /** Release the map (map.remove()) and stop listening to the selection. */
  dispose(): void {
    if (!this.map) return;
    this._stop();
    this.map.remove();
    this.map = null;
    this.lines = [];
  }

  private map: L.Map | null;
  private lines: (L.Polyline | null)[] = [];
  private bounds: L.LatLngBounds | null;
  private moved = false;
  private _stop: () => void;
}
