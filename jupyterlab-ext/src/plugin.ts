/**
 * The extension's regular (non-MIME) plugins, the package's `jupyterlab.extension` entry:
 * the notebook side of the map's "Insert as code".
 */
import { mapNotebookPlugin } from './map/tools/notebook-plugin';

export { mapNotebookPlugin };
export default [mapNotebookPlugin];
