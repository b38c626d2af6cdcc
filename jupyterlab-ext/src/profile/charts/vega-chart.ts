/**
 * Draw one vega-lite spec with the lazily loaded vega-embed, in the Lab's theme (SVG, no
 * actions menu, transparent background). The caller finalizes the result.
 */
import type { Result } from 'vega-embed';
import { loadVegaEmbed } from './vega-loader';

/**
 * Embed `spec` into `target`; resolves null (and draws nothing) when `isLive()` turns false.
 * @example const view = await drawVegaLite(div, heatmapSpec(grid), false, () => true)
 */
export async function drawVegaLite(
  target: HTMLElement,
  spec: Record<string, unknown>,
  dark: boolean,
  isLive: () => boolean
): Promise<Result | null> {
  const { default: embed } = await loadVegaEmbed();
  if (!isLive()) return null;
  target.textContent = '';
  const result = await embed(target, spec as never, {
    actions: false,
    renderer: 'svg',
    mode: 'vega-lite',
    ...(dark ? { theme: 'dark' as const } : {}),
    config: { background: 'transparent' }
  });
  if (!isLive()) {
    result.finalize();
    return null;
  }
  return result;
}
