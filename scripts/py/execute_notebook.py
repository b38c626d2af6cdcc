"""Execute a notebook headless with nbclient (Debian's python3-nbclient) and report problems.

usage: execute_notebook.py IN.ipynb OUT.ipynb [--kernel tslab] [--timeout 600] [--params JSON]

--params injects a code cell after the cell tagged `parameters` (papermill's convention),
tagged `injected-parameters`, with one `const name = value;` line per parameter (TypeScript).
Prints one JSON line: {"ok": bool, "problems": [{"cell": i, "kind": ..., "text": ...}], "cells": n}
and exits 1 when any cell errored or wrote to stderr (tslab reports errors on stderr).
"""

import argparse
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def inject_parameters(nb, params):
    if not params:
        return
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if idx is None:
        raise SystemExit("notebook has no cell tagged 'parameters' to inject after")
    # Re-declaring a `const` in tslab is allowed across cells (each cell is a new module scope
    # for redeclarations), so the injected cell simply shadows the defaults.
    src = "// Injected parameters\n" + "\n".join(f"const {k} = {json.dumps(v)};" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(idx + 1, cell)


def problems_of(nb):
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out.append({"cell": i, "kind": "error", "text": f"{o.get('ename')}: {o.get('evalue')}"})
            elif o.get("output_type") == "stream" and o.get("name") == "stderr":
                out.append({"cell": i, "kind": "stderr", "text": "".join(o.get("text", ""))[:2000]})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--params", default="{}")
    ap.add_argument("--cwd", default=None)
    a = ap.parse_args()
    nb = nbformat.read(a.input, as_version=4)
    inject_parameters(nb, json.loads(a.params))
    import os
    cwd = a.cwd or os.path.dirname(os.path.abspath(a.input))
    client = NotebookClient(nb, timeout=a.timeout, kernel_name=a.kernel, allow_errors=True,
                            resources={"metadata": {"path": cwd}})
    failure = None
    try:
        client.execute()
    except CellExecutionError as e:  # only when allow_errors is off; kept for clarity
        failure = str(e)
    except Exception as e:  # kernel died, timeout
        failure = f"{type(e).__name__}: {e}"
    nbformat.write(nb, a.output)
    problems = problems_of(nb)
    if failure:
        problems.append({"cell": None, "kind": "execution", "text": failure[:2000]})
    print(json.dumps({"ok": not problems, "problems": problems, "cells": len(nb.cells)}))
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
