/**
 * The one render / teardown / error skeleton of the extension's renderers (map and profile):
 *
 *   renderModel(model) → renderStarted() → teardown() → check(bundle) → draw(bundle, live)
 *     a bundle that does not match the contract, or a draw that throws → the error view
 *     (each problem as "path: expected X, got Y"), never an exception thrown at Lab
 *   dispose() → teardown()
 *   attached, resized → relayout() (each renderer fits its views to the new size)
 *
 * `live()` turns false as soon as a newer render starts or the widget is disposed, so an
 * asynchronous draw (lazily loaded plotly, vega, the base layer) stops touching the node.
 */
import { Widget } from '@lumino/widgets';
import type { Message } from '@lumino/messaging';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { errorView } from './error-view';

export abstract class BundleRenderer<B> extends Widget implements IRenderMime.IRenderer {
  /**
   * @param kind what the widget draws, for error messages and `data-anpr-widget` ('map', 'profile')
   * @param mimeType the MIME type whose data this renderer draws
   * @param className the widget's CSS class
   */
  constructor(
    protected readonly kind: string,
    protected readonly mimeType: string,
    className: string
  ) {
    super();
    this.addClass(className);
    this.node.dataset.anprWidget = kind;
  }

  /** Render (or re-render) the bundle under this renderer's MIME type of `model`. */
  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const render = ++this._renders;
    this.renderStarted();
    this.teardown();
    this.node.textContent = '';
    const live = () => render === this._renders && !this.isDisposed;
    let bundle: B;
    try {
      bundle = this.check(model.data[this.mimeType]);
    } catch (error) {
      this.showError(error);
      return;
    }
    try {
      await this.draw(bundle, model, live);
    } catch (error) {
      if (!live()) return;
      this.teardown();
      this.showError(error);
    }
  }

  dispose(): void {
    if (this.isDisposed) return;
    this._renders++;
    this.teardown();
    super.dispose();
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this.relayout();
  }

  protected onResize(msg: Widget.ResizeMessage): void {
    super.onResize(msg);
    this.relayout();
  }

  /** Fit the drawn views to the widget's size (after attach and resize). */
  protected relayout(): void {}

  /** Called first on every render (before the previous view is released). */
  protected renderStarted(): void {}

  /** The bundle checked against the contract; throws BundleError naming each problem. */
  protected abstract check(data: unknown): B;

  /** Draw `bundle` into this.node; `live()` is false once a newer render or dispose happened. */
  protected abstract draw(bundle: B, model: IRenderMime.IMimeModel, live: () => boolean): Promise<void> | void;

  /** Release everything the last draw made (maps, charts, observers). Safe to call twice. */
  protected abstract teardown(): void;

  /** Replace the node's content with the error view for `error`. */
  protected showError(error: unknown): void {
    this.node.textContent = '';
    this.node.append(errorView(this.kind, error));
  }

  private _renders = 0;
}
