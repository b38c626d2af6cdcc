/**
 * Text-only DOM for Leaflet tooltips and popups. Leaflet puts a string content in as HTML,
 * so data from a bundle (site names, labels) is always passed as a node built with
 * textContent: a name like `<img src=x onerror=...>` shows as text, never as markup.
 */

/**
 * A span holding `text` as text.
 * @example marker.bindTooltip(textNode(site.name))
 */
export function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/**
 * A block with a bold heading and one line per entry, all as text.
 * @example marker.bindPopup(textBlock('Hub east', ['Reads: 3', 'Vehicles: 2']))
 */
export function textBlock(heading: string, lines: string[], className = 'anpr-Popup'): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  const h = document.createElement('div');
  h.className = `${className}-heading`;
  h.textContent = heading;
  box.append(h);
  for (const line of lines) {
    const row = document.createElement('div');
    row.textContent = line;
    box.append(row);
  }
  return box;
}
