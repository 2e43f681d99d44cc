"""The action plan gathers saved work into one document and lists what is missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.documents import to_html, to_markdown
from kit.hiring import audit_at, findings
from kit.workshop._plan import _function, build_plan, lesson_file, parts
from kit.workshop import Store


@pytest.fixture()
def workspace(tmp_path):
    return Store(tmp_path).create()


def test_every_listed_part_resolves_to_a_function_and_a_lesson():
    for part in parts():
        assert callable(_function(part.section_path, part.title))
        assert lesson_file(part.lesson).startswith(part.lesson + "_")


def test_empty_workspace_lists_every_part_as_missing(workspace):
    plan = build_plan(workspace)
    assert len(plan.missing) == len(parts())
    assert [s.heading for s in plan.document.sections] == ["Keep reviewing and adapting"]
    assert plan.document.title == "Ethical AI action plan: our organisation"


def test_saved_work_from_several_lessons_appears(workspace):
    workspace.save("profile.organisation", "Riverside <Lettings>")
    workspace.save("bias.explorer", findings(audit_at(("age_band",), 0.5), 0.5))
    workspace.save("quiz.03_bias_in_hiring", {"answers": {"proxy": [1]}, "score": [1, 5]})
    plan = build_plan(workspace)
    headings = [s.heading for s in plan.document.sections]
    assert headings[:2] == ["Our organisation", "Bias audit of a screening tool (practice data)"]
    assert "Self-check results" in headings
    assert plan.document.title == "Ethical AI action plan: Riverside <Lettings>"
    text = to_markdown(plan.document)
    assert "Below four-fifths: 55+" in text and "fails the four-fifths rule" in text
    assert "Riverside &lt;Lettings&gt;" in to_html(plan.document)
    assert {p.key for p in plan.missing} >= {"profile.goal", "bias.own_audit"}


def test_unreadable_saved_value_is_missing_not_fatal(workspace):
    workspace.save("bias.explorer", {"unexpected": "shape"})
    plan = build_plan(workspace)
    assert "bias.explorer" in {p.key for p in plan.missing}


def test_bad_registry_entry_names_the_fix(monkeypatch):
    monkeypatch.setattr(content, "_read", lambda name: [{"title": "X", "lesson": "03", "key": "k",
                                                         "section": "kit.nowhere:nothing"}])
    with pytest.raises(ContentError, match="cannot find kit.nowhere:nothing"):
        parts()


def test_an_empty_plan_imports_no_section_module():
    """The capstone page stays light: a part's module loads only when there is saved work to show."""
    code = ("import sys, tempfile; from kit.workshop._store import Store; from kit.workshop._plan import build_plan; "
            "build_plan(Store(tempfile.mkdtemp()).create()); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
