/** Small, dependency-free HTML helpers for the text/html fallbacks. */

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A plain HTML table (escaped), optionally captioned.
 * @example htmlTable(['site', 'reads'], [['S1', 3]]) // '<table ...><thead>...'
 */
export function htmlTable(header: string[], rows: unknown[][], caption?: string): string {
  const head = header.map(h => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map(r => `<tr>${r.map(c => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table class="anpr-table">${cap}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
