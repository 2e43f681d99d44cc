"""The register builder's widgets, driven from Python: add, edit live, remove, templates, upload, autosave."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
import pytest

from kit.workshop import parts
from kit.workshop import session
from kit.risk import Register, register_csv, validate_risk
from kit.risk.ui import owners_notice, register_table_html, risk_register_app
from kit.toolkit import DownloadLinks, VegaChart


pytestmark = pytest.mark.usefixtures("fresh_session")


def _all(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _all(child)


def _text(widget) -> str:
    """What a widget shows: an HTML box's markup, a chart's alt and numbers, a row's link labels."""
    if isinstance(widget, VegaChart):
        return f"{widget.alt} {widget.table_html}"
    if isinstance(widget, DownloadLinks):
        return " ".join(item["label"] for item in widget.files)
    return widget.value


class App:
    """Find the app's widgets by their accessible name."""

    def __init__(self):
        self.box = risk_register_app()

    def get(self, description, cls=widgets.Widget):
        found = [w for w in _all(self.box) if isinstance(w, cls) and getattr(w, "description", None) == description]
        assert len(found) == 1, description
        return found[0]

    def button(self, description):
        found = [w for w in _all(self.box) if isinstance(w, widgets.Button) and w.description.startswith(description)]
        return found[0]

    @property
    def html(self) -> str:
        return " ".join(_text(w) for w in _all(self.box) if isinstance(w, (widgets.HTML, VegaChart, DownloadLinks)))

    @property
    def table(self) -> str:
        return next(w.value for w in _all(self.box) if isinstance(w, widgets.HTML) and "sorted by" in w.value)

    def alerts(self) -> str:
        return " ".join(w.value for w in _all(self.box) if isinstance(w, widgets.HTML) and 'role="alert"' in w.value)


@pytest.fixture()
def app():
    return App()


def _fill(app, title="Wrong delivery dates", likelihood=4, severity=3, owner=""):
    app.get("Risk to edit").value = ""
    app.get("Risk", widgets.Text).value = title
    app.get("Likelihood (1-5)").value = likelihood
    app.get("Severity (1-5)").value = severity
    app.get("Owner").value = owner


def test_starts_from_the_source_table_without_starting_a_workspace(app):
    assert "4 risks, sorted by score before mitigation" in app.html
    assert "Data privacy breach" in app.html and "Every risk has an owner." in app.html
    assert session.current() is None
    assert "Spreadsheet (CSV)" in app.html and "Word document" in app.html


def test_adding_a_risk_updates_table_heatmap_and_saves(app):
    _fill(app, title="<img src=x onerror=alert(1)>", owner="Shop manager")
    app.get("Due date").value = dt.date(2026, 5, 1)
    app.button("Add this risk").click()
    assert "&lt;img src=x onerror=alert(1)&gt;" in app.html and "<img src=x" not in app.html
    assert "R5 at likelihood 4 (likely) × severity 3 (moderate) = 12, high" in app.html
    saved = session.current().load(parts.RISK_REGISTER.key)
    assert saved["risks"][-1]["title"] == "<img src=x onerror=alert(1)>" and saved["risks"][-1]["due"] == "2026-05-01"
    assert app.get("Risk", widgets.Text).value == ""  # the form is ready for the next risk


def test_a_rejected_risk_keeps_what_was_typed(app):
    _fill(app, title="", likelihood="", owner="Jo")
    app.get("Likelihood after mitigation (1-5)").value = 3
    app.button("Add this risk").click()
    alerts = app.alerts()
    assert "give the risk a short title" in alerts and "Likelihood: choose a value" in alerts
    assert app.get("Owner").value == "Jo" and app.get("Likelihood after mitigation (1-5)").value == 3
    assert session.current() is None  # nothing was saved


def test_editing_applies_live_and_a_bad_edit_is_explained_not_saved(app):
    app.get("Risk to edit").value = "R1"
    assert app.get("Risk", widgets.Text).value == "Data privacy breach"
    app.get("Likelihood (1-5)").value = 5
    assert "Saved R1: score 25 (critical)" in app.html
    assert session.current().load(parts.RISK_REGISTER.key)["risks"][0]["likelihood"] == 5
    app.get("Likelihood (1-5)").value = 1  # below the likelihood after mitigation (2)
    assert "Your change to R1 is not saved yet" in app.alerts() and "higher than before" in app.alerts()
    assert session.current().load(parts.RISK_REGISTER.key)["risks"][0]["likelihood"] == 5
    assert app.get("Likelihood (1-5)").value == 1


def test_editing_a_title_relabels_the_choice_and_keeps_it(app):
    app.get("Risk to edit").value = "R2"
    app.get("Risk", widgets.Text).value = "Unfair answers"
    assert app.get("Risk to edit").value == "R2" and app.get("Risk to edit").label == "R2 · Unfair answers"


def test_remove_asks_for_a_second_press(app):
    app.get("Risk to edit").value = "R3"
    app.button("Remove this risk").click()
    assert "Lack of transparency" in app.table
    app.button("Yes, remove R3").click()
    assert "Lack of transparency" not in app.table and "Removed R3 Lack of transparency" in app.html
    assert [r["ref"] for r in session.current().load(parts.RISK_REGISTER.key)["risks"]] == ["R1", "R2", "R4"]


def test_changing_template_asks_before_replacing_then_lists_owner_gaps(app):
    app.get("Start from").value = "generative_ai_chatbot"
    assert "made-up answers" in app.html
    app.button("Start from this template").click()
    assert "This replaces the 4 risks on screen" in app.html and "Data privacy breach" in app.table
    app.button("Yes, replace my 4 risks").click()
    assert "Confabulation" in app.table and "2 risks have no owner yet: R1 Confabulation" in app.html
    app.get("Start from").value = "blank"
    app.button("Start from this template").click()
    app.button("Yes, replace").click()
    assert "The register is empty" in app.html and app.get("AI system you are assessing").value == "My AI system"


def test_upload_replaces_the_register_and_a_bad_file_is_explained(app):
    register = Register()
    register.add(validate_risk({"title": '=HYPERLINK("http://x","y")', "likelihood": 2, "severity": 2}))
    upload = app.get("Upload a CSV register, up to 10 MB")
    content = register_csv(register).encode()
    upload.value = ({"name": "ours.csv", "type": "text/csv", "size": len(content), "content": memoryview(content),
                     "last_modified": dt.datetime(2026, 1, 1)},)
    assert "Read ours.csv: 1 risk." in app.html and "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in app.table
    assert app.get("AI system you are assessing").value == "ours"
    assert upload.value == ()
    bad = b"Risk;Likelihood;Severity\nA;1;1\n"
    upload.value = ({"name": "bad.csv", "type": "text/csv", "size": len(bad), "content": memoryview(bad),
                     "last_modified": dt.datetime(2026, 1, 1)},)
    assert "semicolons" in app.alerts() and "=HYPERLINK" in app.table


def test_renaming_and_sorting(app):
    app.get("AI system you are assessing").value = "Harbour Lane chatbot"
    assert session.current().load(parts.RISK_REGISTER.key)["name"] == "Harbour Lane chatbot"
    app.get("Sort the table by").value = "residual"
    assert "sorted by score after mitigation" in app.html


def test_reopening_the_workspace_restores_the_register(app):
    _fill(app, title="Chatbot unusable with a screen reader")
    app.button("Add this risk").click()
    code = session.current().code
    session.reset()
    again = App()
    assert "Chatbot unusable with a screen reader" not in again.table
    session.resume(code)
    assert "Chatbot unusable with a screen reader" in again.table
    assert "Your saved register is back: 5 risks." in again.html


def test_an_unreadable_saved_register_leaves_the_screen_alone(app):
    code = session.start_new().code
    session.current().save(parts.RISK_REGISTER.key, {"risks": [{"title": "", "likelihood": 9}]})
    session.reset()
    again = App()
    session.resume(code)
    assert "could not be read" in again.alerts() and "Data privacy breach" in again.table


def test_table_and_owner_notice_helpers_escape_and_count():
    register = Register()
    assert "The register is empty" in owners_notice(register)
    assert "0 risks" in register_table_html(register)
    register.add(validate_risk({"title": "<b>x</b>", "likelihood": 1, "severity": 1}))
    assert "&lt;b&gt;x&lt;/b&gt;" in register_table_html(register) and "no owner yet" in register_table_html(register)
    assert "1 risk has no owner yet: R1 &lt;b&gt;" in owners_notice(register)
