"""The action plan gathers saved work into one document and lists what is missing."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from kit.documents import to_html, to_markdown
from kit.hiring import audit_at, findings
from kit.workshop import Store, build_plan, content, lesson, next_steps, parts
from kit.workshop.content import ContentError


@pytest.fixture()
def workspace(tmp_path):
    return Store(tmp_path).create()


def test_every_part_resolves_to_a_section_function_and_a_lesson():
    for part in parts.ALL:
        module, _, name = part.section.partition(":")
        assert callable(getattr(importlib.import_module(module), name)), part.section
        assert lesson(part.lesson).id == part.lesson  # a lesson id of the registry, not a number
    assert len({part.key for part in parts.ALL}) == len(parts.ALL)


def test_empty_workspace_lists_every_part_as_missing_except_the_optional_room(workspace):
    plan = build_plan(workspace)
    assert plan.missing == [part for part in parts.ALL if part is not parts.ROOM_MEMBERSHIP]
    assert [s.heading for s in plan.document.sections] == ["Keep reviewing and adapting"]
    words = content.load("next_steps")
    closing = plan.document.sections[-1]
    assert closing.paragraphs == words["paragraphs"] and closing.bullets == words["bullets"]
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


def test_an_unreadable_value_is_named_for_the_attendee_and_the_rest_of_the_plan_stands(workspace):
    workspace.save("bias.explorer", {"unexpected": "shape"})
    workspace.save("profile.goal", "Check our screening tool")
    plan = build_plan(workspace)
    [(part, why)] = plan.unreadable
    assert part is parts.BIAS_EXPLORER and "bias.explorer" not in {p.key for p in plan.missing}
    assert why.startswith("Your bias audit of the practice screening tool from lesson 03, Bias in hiring (hands-on) could not be read")
    assert "groups" in why  # the field that is missing
    assert "What we want from AI, ethically" in [s.heading for s in plan.document.sections]


def test_an_empty_plan_imports_no_section_module():
    """The capstone page stays light: a part's module loads only when there is saved work to show."""
    code = ("import sys, tempfile; from kit.workshop._store import Store; from kit.workshop._plan import build_plan; "
            "build_plan(Store(tempfile.mkdtemp()).create()); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("change", "message"), [
    (lambda steps: steps.pop("heading"), "'heading': this is missing; expected the section's heading"),
    (lambda steps: steps.update(bulets=["x"]), "'bulets': this key is not one the kit reads"),
    (lambda steps: steps.update(bullets=["Review it.", {"Owner": "the chief executive"}]),
     "'bullets', entry 2: should be a valid string; expected a list of next steps"),
    (lambda steps: steps.update(bullets=[]), "'bullets': List should have at least 1 item.*expected a list of next "
                                             "steps, each line starting with '- '"),
    (lambda steps: steps.update(paragraphs="One paragraph."), "'paragraphs': should be a valid list; expected a list "
                                                              "of paragraphs"),
])
def test_a_broken_next_steps_file_names_the_entry_and_the_fix(monkeypatch, workspace, change, message):
    steps = content.load("next_steps")
    change(steps)
    monkeypatch.setattr(content, "load", lambda name: steps)
    with pytest.raises(ContentError, match=f"^next_steps.yaml: {message}"):
        next_steps()
    with pytest.raises(ContentError, match="^next_steps.yaml: "):
        build_plan(workspace)
