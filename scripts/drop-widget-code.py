"""Drop the browser code of anywidget widgets from notebooks' saved widget state (a chart's is about 900 KB).

Voilà and JupyterLab run the notebook and send the code afresh; the saved copy
only made the committed file large. Usage: python scripts/drop-widget-code.py NOTEBOOK ...
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

STATE = "application/vnd.jupyter.widget-state+json"
NOTE = "(dropped from the saved notebook: see kit/toolkit/static/)"


def drop(path: Path) -> bool:
    """Blank every saved ``_esm``; True when the file changed."""
    notebook = nbformat.read(path, as_version=4)
    models = notebook.metadata.get("widgets", {}).get(STATE, {}).get("state", {})
    changed = False
    for model in models.values():
        state = model.get("state", {})
        if state.get("_esm") not in (None, NOTE):
            state["_esm"] = NOTE
            changed = True
    if changed:
        nbformat.write(notebook, path)
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        if drop(Path(name)):
            print(f"dropped widget code from {name}")
