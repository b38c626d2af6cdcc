/**
 * "Download PNG": the map as the analyst sees it, composed from the map's canvases (base
 * layer, heat, data layers, drawn shapes). The base layer is drawn by us from bundled data,
 * so no canvas is tainted and toDataURL/toBlob work.
 */

/**
 * One canvas the size of `container` with every canvas inside it drawn at its on-screen place,
 * over the sea colour, with `title` in the top-left corner.
 * @example mapCanvas(map.getContainer(), 'ANPR map').toDataURL('image/png')
 */
export function mapCanvas(container: HTMLElement, title: string, background = '#cfe3f0'): HTMLCanvasElement {
  const box = container.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width));
  out.height = Math.max(1, Math.round(box.height));
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  // Panes in stacking order (Leaflet's z-index: base 350 < heat 380 < overlay 400).
  const canvases = Array.from(container.querySelectorAll('canvas')).sort((a, b) => zIndexOf(a) - zIndexOf(b));
  for (const c of canvases) {
    if (c.style.visibility === 'hidden' || !c.width || !c.height) continue;
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  ctx.font = 'bold 13px sans-serif';
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(0, 0, ctx.measureText(title).width + 16, 22);
  ctx.fillStyle = '#222';
  ctx.fillText(title, 8, 15);
  return out;
}

/**
 * The z-index of the Leaflet pane holding `el` (set in CSS or inline; the canvases themselves
 * all have z-index 100 from leaflet.css, so the pane decides the stacking).
 */
function zIndexOf(el: Element): number {
  const pane = el.closest('.leaflet-pane:not(.leaflet-map-pane)');
  const z = pane ? Number(getComputedStyle(pane).zIndex) : NaN;
  return Number.isFinite(z) ? z : 0;
}

/**
 * Save `canvas` as a PNG file named `fileName` (through a temporary object URL).
 * @example downloadPng(mapCanvas(container, 'map'), 'anpr-map.png')
 */
export function downloadPng(canvas: HTMLCanvasElement, fileName: string): void {
  canvas.toBlob(blob => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, 'image/png');
}
