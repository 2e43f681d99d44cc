"""The lesson 01 triage app, driven without a browser: add, edit, remove, undo, templates, restore."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pytest

from kit.workshop import parts
from kit.workshop import session
from kit.strategy import load_template
from kit.strategy.ui import use_case_matrix
from kit.toolkit import VegaChart


pytestmark = pytest.mark.usefixtures("fresh_session")


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)


def find(app, kind, description):
    return next(w for w in _all(app) if isinstance(w, kind) and getattr(w, "description", None) == description)


def text(app) -> str:
    """The page's HTML, the chart's text alternative (set as an attribute, so as escaped text) and table included."""
    return " ".join(w.value if isinstance(w, widgets.HTML) else f"{html.escape(w.alt)} {w.table_html}"
                    for w in _all(app) if isinstance(w, (widgets.HTML, VegaChart)))


def chart(app) -> VegaChart:
    return next(w for w in _all(app) if isinstance(w, VegaChart))


def saved():
    return session.current().load(parts.USE_CASES.key)


def test_starts_with_the_retailer_and_its_pilot():
    app = use_case_matrix()
    assert "Recommended first pilot: Forecast weekly stock orders" in text(app)
    assert session.current() is None  # nothing saved until the attendee changes something


def test_adding_a_better_low_risk_case_changes_the_pilot_and_saves():
    app = use_case_matrix()
    find(app, widgets.Text, "Title").value = "Answer stock questions by email"
    find(app, widgets.Dropdown, "Value (1 to 5)").value = 5
    find(app, widgets.Dropdown, "Ethical risk (1 to 5)").value = 1
    find(app, widgets.Button, "Add to my list").click()
    assert "Recommended first pilot: Answer stock questions by email" in text(app)
    matrix = chart(app)  # drawn by the browser, sent with the words
    assert "Matrix of 7 use cases" in matrix.alt and "Recommended first pilot: 7 Answer stock" in matrix.alt
    points = next(layer for layer in matrix.spec["layer"] if "shape" in layer["encoding"])["data"]["values"]
    assert [(p["number"], p["x"], p["y"], p["pilot"]) for p in points][-1] == ("7", 1, 5, True)
    assert matrix.caption == "Your use cases: value against ethical risk" and "Use cases on the matrix" in text(app)
    assert [c["title"] for c in saved()][-1] == "Answer stock questions by email"
    assert find(app, widgets.Text, "Title").value == ""  # the form is ready for the next one


def test_bad_input_keeps_what_was_typed():
    app = use_case_matrix()
    find(app, widgets.Textarea, "Problem it solves").value = "Queues at the till"
    find(app, widgets.Text, "Hours saved per month").value = "lots"
    find(app, widgets.Text, "Title").value = "Self-checkout help"
    find(app, widgets.Button, "Add to my list").click()
    assert "Hours saved per month must be a number" in text(app) and 'role="alert"' in text(app)
    assert find(app, widgets.Textarea, "Problem it solves").value == "Queues at the till"
    assert session.current() is None


def test_edit_remove_and_undo():
    app = use_case_matrix()
    editing = find(app, widgets.Dropdown, "Use case to edit")
    editing.value = 0
    assert find(app, widgets.Text, "Title").value == "Forecast weekly stock orders"
    assert find(app, widgets.Text, "One-off cost").value == "3000"
    find(app, widgets.Dropdown, "Ethical risk (1 to 5)").value = 4
    find(app, widgets.Button, "Save changes").click()
    assert saved()[0]["risk"] == 4 and "Recommended first pilot: Draft product descriptions" in text(app)
    editing.value = 1
    find(app, widgets.Button, "Remove this use case").click()
    assert len(saved()) == 5 and editing.value == -1
    find(app, widgets.Button, "Undo the last change").click()
    assert len(saved()) == 6 and find(app, widgets.Button, "Undo the last change").disabled


def test_templates_add_without_duplicates_and_replace():
    app = use_case_matrix()
    template = find(app, widgets.Dropdown, "Template")
    find(app, widgets.Button, "Add its use cases to my list").click()
    assert "already in your list" in text(app)
    template.value = "sales_team"
    find(app, widgets.Button, "Add its use cases to my list").click()
    assert len(saved()) == 12
    template.value = "council_service"
    find(app, widgets.Button, "Replace my list with it").click()
    assert [c["title"] for c in saved()] == [c.title for c in load_template("council_service").use_cases]
    assert "Translate standard letters" in text(app)


def test_reopening_restores_the_list_into_a_new_page():
    app = use_case_matrix()
    find(app, widgets.Text, "Title").value = "<b>Mine</b>"
    find(app, widgets.Button, "Add to my list").click()
    code = session.current().code
    session.reset()
    again = use_case_matrix()
    session.resume(code)
    assert "&lt;b&gt;Mine&lt;/b&gt;" in text(again) and "<b>Mine</b>" not in text(again)
    assert "Restored your 7 saved use cases" in text(again)
