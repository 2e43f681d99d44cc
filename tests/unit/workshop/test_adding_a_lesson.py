"""Adding a lesson is one entry in lessons.yaml plus its notebook: proven on a throw-away copy of the kit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from kit.paths import NOTEBOOKS_DIR, PACKAGE_DIR, SOLUTIONS_DIR

ENTRY = """- id: throwaway
  file: 13_throwaway.ipynb
  title: A throw-away lesson
  stage: Advanced
  minutes: 15
  exercise_minutes: 10
  app: None, it is a test
  summary: Proves that a lesson is registered in one place.
"""

QUIZ = """- id: one
  question: Is this lesson registered once?
  options:
    - text: "Yes"
      correct: true
      feedback: One entry in lessons.yaml.
    - text: "No"
      feedback: Look again.
"""

#: Run inside the copy: everything a trainer or attendee would see of the lessons.
PROBE = """
import json
from kit.workshop import agenda, lesson_label, lessons, load_glossary, parts, render_guide, Store, build_plan
from kit.workshop.ui import gallery_html, lesson_header_html
from kit.workshop.content import load
from kit.workshop.ui._action_plan import _missing_html
from kit.server import parse_pool
from kit.paths import NOTEBOOKS_DIR
plan = build_plan(Store(NOTEBOOKS_DIR.parent / "ws").create())
print(json.dumps({
    "lessons": [(item.number, item.id) for item in lessons()],
    "capstone": lesson_label("action_plan"),
    "risk": lesson_label("risk"),
    "gallery": gallery_html(),
    "guide": render_guide(),
    "full_day_end": agenda("SMB full day")[-1].what,
    "missing": _missing_html(plan),
    "pool": parse_pool("throwaway=4", NOTEBOOKS_DIR),
    "pool_by_number": parse_pool("14=4", NOTEBOOKS_DIR),
    "terms": len(load_glossary()),
    "token": load("maturity") and __import__("kit.workshop.content", fromlist=["x"])._name_lessons(
        "see {Lesson:action_plan} and {lesson:innovation}", "x", __import__("kit.workshop.content",
        fromlist=["x"])._lesson_numbers()),
    "header": lesson_header_html("action_plan"),
}))
"""


def _copy_of_the_kit(root: Path) -> None:
    shutil.copytree(PACKAGE_DIR, root / "kit", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "notebooks").mkdir()
    for notebook in NOTEBOOKS_DIR.glob("*.ipynb"):
        (root / "notebooks" / notebook.name).symlink_to(notebook)
    (root / "solutions").symlink_to(SOLUTIONS_DIR)


def _add_lesson(root: Path) -> None:
    """The whole change a lesson author makes: one registry entry (before the capstone), the notebook, a quiz."""
    registry = root / "kit" / "content" / "lessons.yaml"
    text = registry.read_text(encoding="utf-8")
    assert text.count("- id: action_plan\n") == 1
    registry.write_text(text.replace("- id: action_plan\n", ENTRY + "- id: action_plan\n"), encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# A throw-away lesson\n\n| | |\n|---|---|\n| **Objectives** | Prove the registry. |\n")])
    nbformat.write(notebook, root / "notebooks" / "13_throwaway.ipynb")
    (root / "kit" / "content" / "quizzes" / "13_throwaway.yaml").write_text(QUIZ, encoding="utf-8")


def test_a_lesson_added_before_the_capstone_appears_everywhere_and_renumbers_the_capstone(tmp_path):
    _copy_of_the_kit(tmp_path)
    _add_lesson(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "KIT_WORKSPACE": str(tmp_path / "ws")}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)

    assert seen["lessons"][-3:] == [["12", "innovation"], ["13", "throwaway"], ["14", "action_plan"]]
    assert seen["capstone"] == "lesson 14, Your action plan" and seen["risk"] == "lesson 06, Chatbot risk assessment"
    assert '<a href="13_throwaway.ipynb">Open lesson 13</a>' in seen["gallery"]
    assert '<a href="13_your_action_plan.ipynb">Open lesson 14</a>' in seen["gallery"]
    assert "### 13 · A throw-away lesson" in seen["guide"] and "### 14 · Your action plan" in seen["guide"]
    assert "**Objectives:** Prove the registry." in seen["guide"]
    assert "Is this lesson registered once? **Answer:** *Yes*" in seen["guide"]
    assert seen["full_day_end"] == "14 Your action plan"
    assert '<a href="06_chatbot_risk_assessment.ipynb">lesson 06, Chatbot risk assessment</a>' in seen["missing"]
    assert seen["pool"] == ["13_throwaway.ipynb", 4] and seen["pool_by_number"] == ["13_your_action_plan.ipynb", 4]
    assert seen["terms"] > 0
    assert seen["token"] == "see Lesson 14 and lesson 12"
    assert "14 · Your action plan</h1>" in seen["header"] and "lesson 14 of 14" in seen["header"]
