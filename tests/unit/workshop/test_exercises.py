"""Exercises are generated from solutions: markers, indentation, drift."""

from __future__ import annotations

import nbformat
import pytest

from kit.workshop import _exercises as exercises
from kit.workshop import PLACEHOLDER, MarkerError, strip_solutions
from kit.paths import EXERCISES_DIR, SOLUTIONS_DIR


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n### BEGIN SOLUTION\ny = 2\n### END SOLUTION\nprint(y)\n", f"x = 1\n{PLACEHOLDER}\nprint(y)\n"),
        ("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n", f"def f():\n    {PLACEHOLDER}\n"),
        ("a = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION", f"a = 1\n{PLACEHOLDER}"),
        ("no markers here", "no markers here"),
        ("### BEGIN SOLUTION\n1\n### END SOLUTION\n### BEGIN SOLUTION\n2\n### END SOLUTION\n", f"{PLACEHOLDER}\n{PLACEHOLDER}\n"),
        ("\t### BEGIN SOLUTION   \n\tz\n\t### END SOLUTION\n", f"\t{PLACEHOLDER}\n"),
    ],
    ids=["top-level", "indented", "no-final-newline", "unmarked", "two-blocks", "tab-and-trailing-space"],
)
def test_strip_solutions_replaces_each_block(source, expected):
    assert strip_solutions(source) == expected


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", "inside another block"),
        ("x\n### END SOLUTION\n", "without a ### BEGIN SOLUTION"),
        ("### BEGIN SOLUTION\nx = 1\n", "never closed"),
    ],
    ids=["nested", "end-without-begin", "unclosed"],
)
def test_bad_markers_fail_loudly(source, message):
    with pytest.raises(MarkerError, match=message):
        strip_solutions(source, where="nb.ipynb, cell 3")


def test_marker_text_inside_a_string_is_not_a_marker():
    source = 'print("### BEGIN SOLUTION")\n'
    assert strip_solutions(source) == source


def _solution(tmp_path, name="01_demo_sol_01.ipynb"):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("Compute **y**."),
        nbformat.v4.new_code_cell("x = 2\n### BEGIN SOLUTION\ny = x * 21\n### END SOLUTION\nprint(y)",
                                  outputs=[nbformat.v4.new_output("stream", text="42\n")], execution_count=3),
    ]
    path = tmp_path / "solutions" / name
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def test_generate_writes_exercise_without_answers_or_outputs(tmp_path):
    _solution(tmp_path)
    drifts = exercises.generate(tmp_path / "solutions", tmp_path / "exercises")
    assert [d.path.name for d in drifts] == ["01_demo_ex_01.ipynb"]
    notebook = nbformat.read(tmp_path / "exercises" / "01_demo_ex_01.ipynb", as_version=4)
    cell = notebook.cells[1]
    assert cell.source == f"x = 2\n{PLACEHOLDER}\nprint(y)"
    assert cell.outputs == [] and cell.execution_count is None
    assert notebook.cells[0].source == "Compute **y**."


def test_check_reports_drift_and_changes_nothing(tmp_path):
    solution = _solution(tmp_path)
    exercises.generate(tmp_path / "solutions", tmp_path / "exercises")
    assert exercises.generate(tmp_path / "solutions", tmp_path / "exercises", check=True) == []
    solution.write_text(solution.read_text().replace("x * 21", "x * 20"))  # answers only: still in sync
    assert exercises.generate(tmp_path / "solutions", tmp_path / "exercises", check=True) == []
    solution.write_text(solution.read_text().replace("x = 2", "x = 3"))
    target = tmp_path / "exercises" / "01_demo_ex_01.ipynb"
    before = target.read_text()
    drifts = exercises.generate(tmp_path / "solutions", tmp_path / "exercises", check=True)
    assert [(d.path.name, d.reason) for d in drifts] == [("01_demo_ex_01.ipynb", "differs from its solution")]
    assert target.read_text() == before


def test_stray_exercise_without_solution_is_drift(tmp_path):
    _solution(tmp_path)
    exercises.generate(tmp_path / "solutions", tmp_path / "exercises")
    (tmp_path / "exercises" / "09_old_ex_01.ipynb").write_text("{}")
    drifts = exercises.generate(tmp_path / "solutions", tmp_path / "exercises", check=True)
    assert [(d.path.name, d.reason) for d in drifts] == [("09_old_ex_01.ipynb", "has no solution notebook")]


def test_solution_name_must_say_sol(tmp_path):
    with pytest.raises(MarkerError, match="_sol_"):
        exercises.exercise_name(tmp_path / "03_bias.ipynb")


def test_repository_exercises_match_their_solutions():
    """The committed exercises/ is exactly what the solutions generate."""
    drifts = exercises.generate(SOLUTIONS_DIR, EXERCISES_DIR, check=True)
    assert drifts == [], "run `kit exercises` and commit the result"
