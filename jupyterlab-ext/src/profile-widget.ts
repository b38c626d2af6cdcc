/**
 * The profile renderer: a vehicle's header, its hour × weekday heatmap (vega-lite via
 * lazily loaded vega-embed, following the Lab theme) and its places and trips tables.
 *
 * The vega view is finalized on re-render and on dispose.
 */
import { Widget } from '@lumino/widgets';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { Result } from 'vega-embed';
import { PROFILE_MIME, type ProfileBundle } from '@anpr/kernel-lib/contract';
import { checkProfileBundle } from './validate';
import { errorView } from './error-view';
import { headerNode } from './profile-header';
import { placesTable, tripsTable } from './profile-tables';
import { heatmapSpec } from './heatmap-spec';
import { isDarkTheme, loadVegaEmbed } from './vega-loader';
import { MSG } from './messages';

/** A rendered ANPR vehicle profile bundle. */
export class ProfileWidget extends Widget implements IRenderMime.IRenderer {
  constructor(_options?: IRenderMime.IRendererOptions) {
    super();
    this.addClass('anpr-ProfileWidget');
    this.node.dataset.anprWidget = 'profile';
  }

  /** Render (or re-render) the bundle under the profile MIME type of `model`. */
  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const token = ++this._renders;
    this._finalize();
    this.node.textContent = '';
    let bundle: ProfileBundle;
    try {
      bundle = checkProfileBundle(model.data[PROFILE_MIME]);
    } catch (error) {
      this.node.append(errorView('profile', error));
      return;
    }
    const chart = document.createElement('div');
    chart.className = 'anpr-Heatmap';
    chart.textContent = MSG.heatmapLoading;
    try {
      const heat = document.createElement('section');
      heat.className = 'anpr-Section';
      const h = document.createElement('h4');
      h.textContent = MSG.heatmapTitle;
      heat.append(h, chart);
      const tables = document.createElement('div');
      tables.className = 'anpr-Profile-tables';
      tables.append(placesTable(bundle), tripsTable(bundle));
      this.node.append(headerNode(bundle), heat, tables);
    } catch (error) {
      this.node.textContent = '';
      this.node.append(errorView('profile', error));
      return;
    }
    await this._drawHeatmap(bundle, chart, token);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this._renders++;
    this._finalize();
    super.dispose();
  }

  /** The vega-embed result (for tests and the harness); null until drawn. */
  get vegaResult(): Result | null {
    return this._result;
  }

  private async _drawHeatmap(bundle: ProfileBundle, target: HTMLElement, token: number): Promise<void> {
    try {
      const { default: embed } = await loadVegaEmbed();
      if (token !== this._renders || this.isDisposed) return;
      target.textContent = '';
      const dark = isDarkTheme();
      const result = await embed(target, heatmapSpec(bundle.hourWeekday, { dark }) as never, {
        actions: false,
        renderer: 'svg',
        mode: 'vega-lite',
        ...(dark ? { theme: 'dark' as const } : {}),
        config: { background: 'transparent' }
      });
      if (token !== this._renders || this.isDisposed) {
        result.finalize();
        return;
      }
      this._result = result;
    } catch (error) {
      if (token !== this._renders) return;
      target.textContent = '';
      target.append(errorView('profile', new Error(MSG.chartFailed(error instanceof Error ? error.message : String(error)))));
    }
  }

  private _finalize(): void {
    this._result?.finalize();
    this._result = null;
  }

  private _result: Result | null = null;
  private _renders = 0;
}
