/**
 * The notebook side of "Insert as code": a JupyterLab plugin (it needs the notebook
 * tracker, which a MIME renderer cannot have) that answers the map's `anpr-insert-code`
 * events by inserting a code cell below the cell whose output sent them.
 *
 * Registered as the package's `jupyterlab.extension` (lib/plugin.js); a lab that bundles
 * the extension registers `mapNotebookPlugin` with its other plugins.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { INSERT_CODE_EVENT, insertBelowNode, type InsertCodeDetail } from './insert';

/**
 * Answers `anpr-insert-code` events from map outputs in any open notebook.
 * @example app.registerPlugin(mapNotebookPlugin)
 */
export const mapNotebookPlugin: JupyterFrontEndPlugin<void> = {
  id: '@anpr/jupyterlab-ext:map-insert-code',
  description: 'Inserts the code for areas drawn on an ANPR map as a new cell below the map.',
  autoStart: true,
  requires: [INotebookTracker],
  activate: (_app: JupyterFrontEnd, tracker: INotebookTracker) => {
    document.addEventListener(INSERT_CODE_EVENT, event => {
      const detail = (event as CustomEvent<InsertCodeDetail>).detail;
      const target = event.target as Node | null;
      if (!detail || detail.handled || !target) return;
      const panel = tracker.find(p => p.node.contains(target));
      if (!panel) return;
      detail.handled = insertBelowNode(panel.content as never, target, detail.code) >= 0;
      if (detail.handled) panel.content.activeCell?.node.scrollIntoView({ block: 'nearest' });
    });
  }
};
