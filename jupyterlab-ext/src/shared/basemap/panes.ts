/**
 * Background panes of a Leaflet map (base land, town names): below Leaflet's overlay pane
 * (z-index 400), so data layers always draw on top, and never catching the mouse.
 */
import type * as L from 'leaflet';

/**
 * The pane `name` of `map`, created at `zIndex` if missing.
 * @example backgroundPane(map, 'anpr-base', 350)
 */
export function backgroundPane(map: L.Map, name: string, zIndex: number): HTMLElement {
  let pane = map.getPane(name);
  if (!pane) {
    pane = map.createPane(name);
    pane.style.zIndex = String(zIndex);
    pane.style.pointerEvents = 'none';
  }
  return pane;
}
