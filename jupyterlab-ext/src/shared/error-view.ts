/**
 * The readable error shown inside a widget instead of throwing at JupyterLab.
 */
import { BundleError } from './validate';
import { MSG } from './messages';

/**
 * Build the error box for `error` raised while rendering a `what` (map, profile).
 * @example node.append(errorView('map', new Error('boom')))
 */
export function errorView(what: string, error: unknown): HTMLElement {
  const box = document.createElement('div');
  box.className = 'anpr-Error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('div');
  title.className = 'anpr-Error-title';
  box.append(title);
  if (error instanceof BundleError) {
    title.textContent = error.message;
    const list = document.createElement('ul');
    for (const p of error.problems) {
      const li = document.createElement('li');
      li.textContent = p;
      list.append(li);
    }
    box.append(list);
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    title.textContent = MSG.renderFailed(what, reason);
  }
  return box;
}
