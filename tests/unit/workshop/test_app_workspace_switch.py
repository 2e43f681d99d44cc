"""Every saving app follows the open workspace: a new one starts clean, reopening one brings its work back.

The apps are driven the way an attendee drives them (typing, choosing, pressing
buttons); what they show is read from the widgets, never from their insides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import re

import ipywidgets as widgets
import pytest

from kit.toolkit import DownloadLinks
from kit.workshop import session

pytestmark = pytest.mark.usefixtures("fresh_session")

DATA_URI = re.compile(r"data:[^\"']*")
INPUTS = (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Checkbox, widgets.RadioButtons)


def _walk(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def inputs(box: widgets.Widget) -> list[widgets.Widget]:
    """Every control the attendee can change, in page order."""
    return [w for w in _walk(box) if isinstance(w, INPUTS)]


def state(box: widgets.Widget) -> list[tuple[str, Any]]:
    """What the controls hold."""
    return [(w.description, w.value) for w in inputs(box)]


def page(box: widgets.Widget) -> list[str]:
    """Everything written on the page: summaries, drafts, charts, messages, downloads.

    The bytes of a chart or a download are left out (a Word file records when it was made); their
    names, captions and descriptions stay. Empty boxes are left out too (a staged view keeps the
    boxes of a longer answer it showed before, empty).
    """
    return [_shown(w) for w in _walk(box) if isinstance(w, (widgets.HTML, DownloadLinks)) and _shown(w)]


def _shown(widget: widgets.HTML | DownloadLinks) -> str:
    if isinstance(widget, DownloadLinks):
        return " · ".join(f"{item['label']} ({item['name']})" for item in widget.files)
    return DATA_URI.sub("data:", widget.value)


def first_of(box: widgets.Widget, kind: type, description: str = "") -> widgets.Widget:
    return next(w for w in _walk(box) if type(w) is kind and description in w.description)


def button(box: widgets.Widget, description: str) -> widgets.Button:
    return next(w for w in _walk(box) if isinstance(w, widgets.Button) and w.description == description)


def first_radio(box: widgets.Widget, position: int = 0) -> widgets.RadioButtons:
    radio = first_of(box, widgets.RadioButtons)
    radio.value = radio.options[position][1]
    return radio


@dataclass
class App:
    """One app: how to build it, what it saves under, and three things an attendee might do."""

    name: str
    build: Callable[[], widgets.VBox]
    key: str
    first: Callable[[widgets.VBox], None]  # attendee one's work: some text and a choice
    second: Callable[[widgets.VBox], None]  # attendee two's work: a different text only
    theirs: Callable[[Any], Any]  # another tab on the same code changes something else


def _policy() -> widgets.VBox:
    from kit.governance.ui import policy_builder
    return policy_builder()


def _policy_first(box):
    first_of(box, widgets.Text).value = "Riverside Council"
    first_of(box, widgets.Checkbox).value = False


def _vendor() -> widgets.VBox:
    from kit.governance.ui import vendor_checklist
    return vendor_checklist()


def _vendor_first(box):
    first_of(box, widgets.Text, "Supplier").value = "BrightHire Analytics"
    first_radio(box, position=-1)


def _impact() -> widgets.VBox:
    from kit.governance.ui import impact_assessment
    return impact_assessment()


def _impact_first(box):
    first_of(box, widgets.Text).value = "Lead scoring in our CRM"
    first_radio(box, position=-1)


def _impact_theirs(value):
    from kit.governance._impact import questionnaire, saved_value

    second_question = questionnaire().questions[1].id
    return saved_value(value["system"], {**value["answers"], second_question: 0})


def _walk_through() -> widgets.VBox:
    from kit.governance.ui import decision_tree
    return decision_tree()


def _walk_first(box):
    first_of(box, widgets.Text).value = "Ranking sales enquiries"
    first_radio(box, position=0)
    button(box, "Next").click()


def _walk_theirs(value):
    from kit.governance._decision_tree import saved_value

    return saved_value(value["decision"], [*value["choices"], 0])


def _statement() -> widgets.VBox:
    from kit.culture.ui import statement_builder
    return statement_builder()


def _statement_first(box):
    first_of(box, widgets.Text).value = "Acme & Sons"
    first_of(box, widgets.Textarea).value = "A chatbot that answers repair questions"


def _maturity() -> widgets.VBox:
    from kit.culture.ui import maturity_app
    return maturity_app()


def _maturity_first(box):
    first_of(box, widgets.Text).value = "Adult services"
    first_radio(box, position=1)


def _maturity_theirs(value):
    from kit.culture import load_model

    last = load_model().statements[-1].id
    return {**value, "ratings": {**value["ratings"], last: 3}}


def _bias_checks() -> widgets.VBox:
    from kit.culture.ui import bias_checks_app
    return bias_checks_app()


def _bias_checks_first(box):
    first_of(box, widgets.Text).value = "Enquiry triage"
    first_radio(box, position=-1)


def _bias_checks_theirs(value):
    from kit.culture import load_checklist

    last = load_checklist().checks[-1].id
    return {**value, "answers": {**value["answers"], last: "done"}}


def _advanced() -> widgets.VBox:
    from kit.culture.ui import advanced_moves_app
    return advanced_moves_app()


def _advanced_first(box):
    first_of(box, widgets.Text).value = "Design session in March"
    first_radio(box, position=0)


def _advanced_theirs(value):
    return {"moves": {**value["moves"], "flourishing": {"move": "skills-path", "step": "", "when": "year"}}}


def _engagement() -> widgets.VBox:
    from kit.culture.ui import engagement_app
    return engagement_app()


def _engagement_first(box):
    first_of(box, widgets.Text).value = "Council tax chatbot"
    first_of(box, widgets.Checkbox).value = True


def _kpis() -> widgets.VBox:
    from kit.measure.ui import kpi_dashboard
    return kpi_dashboard()


def _kpi_target(text: str) -> Callable[[widgets.VBox], None]:
    def set_target(box):
        first_of(box, widgets.Text, "Your target").value = text
        button(box, "Set target").click()
    return set_target


def _text(value: str) -> Callable[[widgets.VBox], None]:
    def type_it(box):
        first_of(box, widgets.Text).value = value
    return type_it


APPS = [
    App("policy", _policy, "policy.answers", _policy_first, _text("Attendee two's council"),
        lambda v: {**v, "answers": {**v["answers"], "sector": "Local government"}}),
    App("vendor", _vendor, "vendor.checklist", _vendor_first, _text("Attendee two's supplier"),
        lambda v: {**v, "tool": "CV screening assistant"}),
    App("impact", _impact, "policy.impact_assessment", _impact_first, _text("Attendee two's system"),
        _impact_theirs),
    App("decision_tree", _walk_through, "policy.human_in_the_loop", _walk_first, _text("Attendee two's decision"),
        _walk_theirs),
    App("statement", _statement, "transparency.statement", _statement_first, _text("Attendee two's team"),
        lambda v: {"answers": {**v["answers"], "contact": "ethics@acme.example"}}),
    App("maturity", _maturity, "culture.maturity", _maturity_first, _text("Attendee two's team"),
        _maturity_theirs),
    App("bias_checks", _bias_checks, "culture.bias_checks", _bias_checks_first, _text("Attendee two's system"),
        _bias_checks_theirs),
    App("advanced_moves", _advanced, "innovation.advanced_moves", _advanced_first, _text("Attendee two's step"),
        _advanced_theirs),
    App("engagement", _engagement, "innovation.engagement", _engagement_first, _text("Attendee two's system"),
        lambda v: {**v, "changes": [*v["changes"], "stopping"]}),
    App("kpi_dashboard", _kpis, "kpis.targets", _kpi_target("90"), _kpi_target("95"),
        lambda v: {**v, "staff_awareness": 70.0}),
]


@pytest.fixture(params=APPS, ids=[app.name for app in APPS])
def app(request) -> App:
    return request.param


def _fresh_page_saves(app: App, work: Callable[[widgets.VBox], None]) -> Any:
    """What a page that never had a workspace saves after ``work`` (then the page is closed)."""
    work(app.build())
    value = session.current().load(app.key)
    session.reset()
    return value


def test_a_new_workspace_starts_clean_and_reopening_the_old_one_brings_its_work_back(app):
    attendee_two_alone = _fresh_page_saves(app, app.second)
    box = app.build()
    start, start_page = state(box), page(box)
    app.first(box)
    changed, changed_page = state(box), page(box)
    first = session.current()
    old, old_version = first.load_versioned(app.key)
    assert changed != start and old is not None

    second = session.start_new()
    assert state(box) == start  # nothing of attendee one's work on the controls...
    assert page(box) == start_page  # ...nor in the summary, the draft, the charts or the messages
    assert second.load(app.key) is None and first.load(app.key) == old

    app.second(box)
    assert second.load(app.key) == attendee_two_alone  # exactly what a fresh page would have saved
    assert first.load(app.key) == old

    session.resume(first.code)
    assert state(box) == changed and page(box) == changed_page
    assert first.load_versioned(app.key) == (old, old_version)  # showing it did not save it again


def test_opening_a_workspace_on_an_untouched_page_shows_its_work(app):
    box = app.build()
    app.first(box)
    changed, code = state(box), session.current().code
    session.reset()  # a reload: a new kernel and new widgets
    again = app.build()
    start = state(again)
    session.resume(code)
    assert state(again) == changed != start


def test_a_new_workspace_puts_the_kpi_view_back_where_the_lesson_starts():
    box = _kpis()
    month, pick, attribute = (first_of(box, widgets.Dropdown, name) for name in ("Month", "KPI", "Compare"))
    start, start_page = state(box), page(box)
    month.value, attribute.value = month.options[0][1], "ethnicity"
    pick.value = "staff_awareness"
    _kpi_target("90")(box)
    first_of(box, widgets.Text, "Your target").value = "ninety"
    button(box, "Set target").click()
    assert "as a number" in "".join(page(box))
    first = session.current()
    session.start_new()
    assert state(box) == start and page(box) == start_page  # the error message went too
    session.resume(first.code)
    pick.value = "staff_awareness"
    assert first_of(box, widgets.Text, "Your target").value == "90"


def test_a_save_from_another_tab_is_merged_and_shown(app):
    box = app.build()
    app.first(box)
    workspace = session.current()
    base, version = workspace.load_versioned(app.key)
    session.store().open(workspace.code).save(app.key, app.theirs(base), expected=version)  # another tab
    app.second(box)
    merged = workspace.load(app.key)
    assert merged != base and merged != app.theirs(base)
    notice = next(w for w in _walk(box) if isinstance(w, widgets.HTML) and "both kept" in w.value)
    assert "Another tab or window" in notice.value
    shown = state(box)
    session.reset()
    elsewhere = app.build()
    session.resume(workspace.code)
    assert state(elsewhere) == shown  # this page shows exactly what is saved
