"""Generate exercise notebooks from solution notebooks, one way only.

A solution notebook marks each answer between ``### BEGIN SOLUTION`` and
``### END SOLUTION`` lines (as nbgrader does). The exercise is the same
notebook with each marked block replaced by ``# Write your code here.`` at the
block's indentation, and every output cleared, so it still runs top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PLACEHOLDER = "# Write your code here."
_MARKER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>### (?:BEGIN|END) SOLUTION)[ \t]*$")


class MarkerError(ValueError):
    """A solution cell whose markers are nested, unclosed or unopened."""


def strip_solutions(source: str, where: str = "cell") -> str:
    """Return ``source`` with every marked answer replaced by the placeholder.

    Parameters
    ----------
    source : str
        The code of one cell.
    where : str
        Named in the error message, so the author can find the cell.

    Raises
    ------
    MarkerError
        On a nested BEGIN, an END without BEGIN, or a BEGIN never closed.
    """
    out: list[str] = []
    open_at: int | None = None
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        match = _MARKER.match(line.rstrip("\r\n"))
        if match is None:
            if open_at is None:
                out.append(line)
            continue
        if match["marker"] == BEGIN:
            if open_at is not None:
                raise MarkerError(f"{where}, line {number}: {BEGIN} inside another block opened on line {open_at}")
            open_at = number
            out.append(f"{match['indent']}{PLACEHOLDER}\n")
        else:
            if open_at is None:
                raise MarkerError(f"{where}, line {number}: {END} without a {BEGIN} before it")
            open_at = None
    if open_at is not None:
        raise MarkerError(f"{where}, line {open_at}: {BEGIN} is never closed by {END}")
    text = "".join(out)
    return text.rstrip("\n") if not source.endswith("\n") else text


def exercise_name(solution: Path) -> str:
    """``03_bias_in_hiring_sol_01.ipynb`` → ``03_bias_in_hiring_ex_01.ipynb``."""
    if "_sol_" not in solution.name:
        raise MarkerError(f"{solution.name}: a solution notebook's name must contain '_sol_'")
    return solution.name.replace("_sol_", "_ex_")


def exercise_text(solution_text: str, where: str) -> str:
    """Return the exercise notebook (as file text) made from a solution notebook's text."""
    notebook = nbformat.reads(solution_text, as_version=4)
    for index, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        cell.source = strip_solutions(cell.source, where=f"{where}, cell {index}")
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
    return nbformat.writes(notebook) + "\n"


@dataclass(frozen=True)
class Drift:
    """One exercise file that does not match its solution."""

    path: Path
    reason: str


def generate(solutions_dir: Path, exercises_dir: Path, check: bool = False) -> list[Drift]:
    """Write (or, with ``check``, compare) every exercise from its solution.

    Returns the exercises that differ (with ``check``) or that were rewritten.
    An exercise with no solution left behind counts as drift too.
    """
    drifts: list[Drift] = []
    expected: set[str] = set()
    for solution in sorted(solutions_dir.glob("*_sol_*.ipynb")):
        target = exercises_dir / exercise_name(solution)
        expected.add(target.name)
        text = exercise_text(solution.read_text(encoding="utf-8"), solution.name)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        drifts.append(Drift(target, "missing" if current is None else "differs from its solution"))
        if not check:
            exercises_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for stray in sorted(exercises_dir.glob("*_ex_*.ipynb")):
        if stray.name not in expected:
            drifts.append(Drift(stray, "has no solution notebook"))
    return drifts
