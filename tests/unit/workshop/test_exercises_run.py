"""Every generated exercise runs top to bottom without an error, answers still blank."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from kit.paths import EXERCISES_DIR, REPO_ROOT

EXERCISES = sorted(EXERCISES_DIR.glob("*_ex_*.ipynb"))


@pytest.mark.parametrize("path", EXERCISES, ids=[p.name for p in EXERCISES])
def test_exercise_runs_unanswered(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO_ROOT / "exercises")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = " ".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", "")) for o in outputs)
    assert "To do" in shown, "an unanswered exercise should say what is left to do"
