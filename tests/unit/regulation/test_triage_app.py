"""The triage app of the policy lesson, driven as an attendee drives it: pick, tick, see, save, reopen."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.regulation import ai_act, triage
from kit.regulation.ui import MAX_NAME, check_name, entry_options, triage_app, triage_result_html
from kit.workshop import parts, read_part, session

pytestmark = pytest.mark.usefixtures("fresh_session")


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _picker(app) -> widgets.Dropdown:
    return next(w for w in _walk(app) if isinstance(w, widgets.Dropdown))


def _box(app, option_id: str) -> widgets.Checkbox:
    return next(w for w in _walk(app) if isinstance(w, widgets.Checkbox)
                and f"kit-triage-{option_id}" in w._dom_classes)


def _radio(app, question_id: str) -> widgets.RadioButtons:
    return next(w for w in _walk(app) if isinstance(w, widgets.RadioButtons)
                and f"kit-triage-{question_id}" in w._dom_classes)


def _button(app, text: str) -> widgets.Button:
    return next(w for w in _walk(app) if isinstance(w, widgets.Button) and w.description == text)


def _text(app) -> str:
    return " ".join(w.value for w in _walk(app) if isinstance(w, widgets.HTML))


def _with_use_cases(*titles: str):
    workspace = session.start_new()
    workspace.save(parts.USE_CASES.key, [{"title": t, "value": 3, "effort": 2, "risk": 1} for t in titles])
    return workspace


def test_the_list_holds_the_use_cases_the_examples_and_the_attendees_own():
    options = entry_options(["Chatbot <b>FAQ</b>"], {"own:Rota planner": {"title": "Rota planner"},
                                                     "use_case:Gone": {"title": "Gone"}})
    values = [value for _, value in options]
    assert values[:3] == ["use_case:Chatbot <b>FAQ</b>", "own:Rota planner", "use_case:Gone"]
    assert {f"example:{e.id}" for e in ai_act().examples} <= set(values)
    labels = dict((v, k) for k, v in options)
    assert labels["example:cv_screening"].startswith("Ready-made, from lesson 03")
    assert labels["example:website_chatbot"].startswith("Ready-made, from lesson 06")
    assert labels["use_case:Gone"] == "Saved: Gone"  # a use case renamed in lesson 01 keeps its saved triage


def test_a_lesson_01_use_case_is_triaged_saved_and_restored():
    workspace = _with_use_cases("Screen CVs for the warehouse", "Answer FAQs")
    app = triage_app()
    session.resume(workspace.code)  # the attendee opens the workspace on the lesson's page
    picker = _picker(app)
    assert picker.value == "use_case:Screen CVs for the warehouse"
    _box(app, "employment").value = True
    _radio(app, "profiling").value = True
    text = _text(app)
    assert "Screen CVs for the warehouse: High-risk" in text and "26(7)" in text and "2 August 2026" in text
    assert "Fundamental-rights impact assessment (Article 27):</strong> not required" in text
    assert "digital omnibus" in text and "not legal advice" in text and "As of 19 November 2025" in text
    saved = read_part(workspace, parts.TRIAGE)
    entry = saved["use_case:Screen CVs for the warehouse"]
    assert entry["tier"] == "high_risk" and entry["answers"]["annex_iii"] == ["employment"]

    session.reset()  # a reload: a new kernel, the same workspace
    again = triage_app()
    session.resume(workspace.code)
    assert _picker(again).value == "use_case:Screen CVs for the warehouse"
    assert _box(again, "employment").value and _radio(again, "profiling").value is True
    assert "Screen CVs for the warehouse: High-risk" in _text(again)


def test_opening_a_workspace_with_use_cases_and_no_triage_lists_them_first():
    workspace = session.store().create()
    workspace.save(parts.USE_CASES.key, [{"title": "Answer FAQs", "value": 3, "effort": 2, "risk": 1}])
    app = triage_app()  # the page had no workspace: the list starts with the examples
    assert _picker(app).value == "example:cv_screening" and "No use cases from lesson 01" in _text(app)
    session.resume(workspace.code)
    assert _picker(app).value == "use_case:Answer FAQs" and "No use cases from" not in _text(app)
    assert "Answer FAQs: Minimal risk" in _text(app)


def test_a_ready_made_example_starts_from_its_answers_and_is_saved_on_request():
    app = triage_app()
    picker = _picker(app)
    picker.value = "example:website_chatbot"
    assert _box(app, "interacts_with_people").value
    assert "Transparency duties" in _text(app) and "Not saved yet" in _text(app)
    _button(app, "Save this triage").click()
    saved = read_part(session.current(), parts.TRIAGE)
    assert saved["example:website_chatbot"]["tier"] == "transparency"
    assert "Saved to your workspace" in _text(app)


def test_a_new_workspace_starts_clean():
    app = triage_app()
    _box(app, "social_scoring").value = True  # saves into a workspace started for it
    assert "Prohibited practice" in _text(app)
    session.start_new()
    assert not _box(app, "social_scoring").value
    assert "Nothing triaged yet" in _text(app)


@pytest.mark.parametrize(("name", "message"), [
    ("   ", "Type the name of the AI use first"),
    ("x" * (MAX_NAME + 1), f"keep it to {MAX_NAME} or fewer"),
    ("answer faqs", "'answer faqs' is already in the list"),
])
def test_a_bad_name_is_refused_in_plain_words(name, message):
    with pytest.raises(ValueError, match=message):
        check_name(name, ["Answer FAQs"])


def test_adding_an_ai_use_by_name_lists_and_saves_it_and_a_bad_name_shows_a_message():
    app = triage_app()
    add = _button(app, "Add it to the list")
    name = next(w for w in _walk(app) if isinstance(w, widgets.Text))
    add.click()
    assert "Type the name of the AI use first" in _text(app)
    name.value = "Rota planner <script>"
    add.click()
    assert _picker(app).value == "own:Rota planner <script>"
    assert "Rota planner &lt;script&gt;: Minimal risk" in _text(app) and "<script>" not in _text(app)
    assert "own:Rota planner <script>" in read_part(session.current(), parts.TRIAGE)


def test_the_result_html_escapes_the_title_and_names_every_duty_with_its_article():
    result = triage({"annex_iii": ["creditworthiness"], "transparency": ["interacts_with_people"]})
    html = triage_result_html(result, 'Loans & "credit"')
    assert "Loans &amp; &quot;credit&quot;: High-risk" in html
    for obligation, _date in result.obligations:
        assert f'<td class="kit-nowrap">{obligation.article}</td>' in html
    assert "50(1)" in html and "required." in html
