/** Copying text (GeoJSON) to the clipboard from the map toolbar. */

/**
 * Copy `text` to the clipboard (the async API, else a hidden textarea). Resolves to true on success.
 * @example await copyText(JSON.stringify(geojson))
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
