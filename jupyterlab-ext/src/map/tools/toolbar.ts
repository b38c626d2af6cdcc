/**
 * The map's toolbar: drawing tools, "Insert as code", "Copy GeoJSON", "Download PNG", the
 * heat toggle, and a status line. Plain buttons with text labels (no icon fonts to fetch);
 * each carries `data-anpr-tool` so tests and power users can find it.
 */
import * as L from 'leaflet';
import { MSG } from '../../shared/messages';

export type ToolName = 'polygon' | 'rectangle' | 'circle' | 'sites' | 'finish' | 'clear' | 'insert' | 'copy' | 'png' | 'heat';

const GROUPS: ToolName[][] = [['polygon', 'rectangle', 'circle', 'sites', 'finish', 'clear'], ['insert', 'copy', 'png'], ['heat']];

/** The toolbar's DOM and a way to update it. */
export interface Toolbar {
  node: HTMLElement;
  /** Mark the active drawing tool (or none) and toggles such as heat. */
  setPressed(tool: ToolName, pressed: boolean): void;
  /** Show a status or hint line. */
  setStatus(text: string): void;
}

/**
 * Build the toolbar; `onTool` is called with the tool's name on each press.
 * @example const bar = toolbar(tool => handle(tool)); L.DomUtil... map container append(bar.node)
 */
export function toolbar(onTool: (tool: ToolName) => void): Toolbar {
  const node = document.createElement('div');
  node.className = 'anpr-MapToolbar';
  node.setAttribute('role', 'toolbar');
  const buttons = new Map<ToolName, HTMLButtonElement>();
  for (const group of GROUPS) {
    const g = document.createElement('div');
    g.className = 'anpr-MapToolbar-group';
    for (const tool of group) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'anpr-MapToolbar-button';
      b.dataset.anprTool = tool;
      b.textContent = MSG.tool[tool];
      b.title = MSG.toolTitle[tool];
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', e => {
        e.preventDefault();
        onTool(tool);
      });
      buttons.set(tool, b);
      g.append(b);
    }
    node.append(g);
  }
  const status = document.createElement('span');
  status.className = 'anpr-MapToolbar-status';
  status.setAttribute('role', 'status');
  node.append(status);
  L.DomEvent.disableClickPropagation(node);
  return {
    node,
    setPressed: (tool, pressed) => buttons.get(tool)?.setAttribute('aria-pressed', String(pressed)),
    setStatus: text => (status.textContent = text)
  };
}
