/**
 * "Insert as code": put a new code cell below the cell whose output holds a widget.
 *
 * A MIME renderer has no notebook access, so the renderer asks: it dispatches a bubbling
 * `anpr-insert-code` DOM event from its node. The notebook plugin (map-notebook-plugin.ts,
 * which has the INotebookTracker) answers it. When no plugin answered (a lab that loads only
 * the MIME extension) the renderer walks up its Lumino parents to the notebook itself.
 */
import type { Widget } from '@lumino/widgets';

/** Name of the DOM event a renderer dispatches to ask for a code cell below its output. */
export const INSERT_CODE_EVENT = 'anpr-insert-code';

/** The event's detail; whoever inserts the cell sets `handled`. */
export interface InsertCodeDetail {
  code: string;
  handled: boolean;
}

/** The parts of a JupyterLab Notebook widget used here (structural, no runtime import). */
export interface NotebookLike {
  widgets: readonly { node: HTMLElement }[];
  model: { sharedModel: { insertCell(index: number, cell: { cell_type: 'code'; source: string }): unknown } } | null;
  activeCellIndex: number;
}

/**
 * Insert `code` as a new code cell below the cell of `notebook` that contains `node`.
 * Returns the new cell's index, or -1 when no cell contains `node`.
 * @example insertBelowNode(panel.content, mapWidget.node, 'const a = 1;') // 4
 */
export function insertBelowNode(notebook: NotebookLike, node: Node, code: string): number {
  const index = notebook.widgets.findIndex(cell => cell.node.contains(node));
  if (index < 0 || !notebook.model) return -1;
  notebook.model.sharedModel.insertCell(index + 1, { cell_type: 'code', source: code });
  notebook.activeCellIndex = index + 1;
  return index + 1;
}

function isNotebookLike(w: unknown): w is NotebookLike {
  const n = w as NotebookLike;
  return !!n && Array.isArray(n.widgets) && typeof n.model?.sharedModel?.insertCell === 'function' && 'activeCellIndex' in n;
}

/**
 * Ask for a code cell below the output holding `widget`: the notebook plugin first, else the
 * Lumino parent chain. Returns true when a cell was inserted.
 * @example requestInsertBelow(this, areaCode(shapes, bundle.sites))
 */
export function requestInsertBelow(widget: Widget, code: string): boolean {
  const detail: InsertCodeDetail = { code, handled: false };
  widget.node.dispatchEvent(new CustomEvent(INSERT_CODE_EVENT, { bubbles: true, detail }));
  if (detail.handled) return true;
  for (let w: Widget | null = widget.parent; w; w = w.parent) {
    if (isNotebookLike(w)) return insertBelowNode(w, widget.node, code) >= 0;
  }
  return false;
}
