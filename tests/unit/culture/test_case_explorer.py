"""The case explorer at widget level: pick a case, take roles, decide, see the consequence, compare, restore."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.culture import find_case, scan_cases
from kit.documents import escape
from kit.workshop import parts, session


def _all(box):
    for child in box.children:
        yield child
        if isinstance(child, widgets.Box):
            yield from _all(child)


def _find(box, kind, description: str):
    found = [w for w in _all(box) if isinstance(w, kind)
             and getattr(w, "description", "").split("<span", 1)[0] == description]  # a note may follow
    assert len(found) == 1, f"{description!r}: {len(found)} found"
    return found[0]


class Explorer:
    """The explorer's controls, found by their labels as a person (or a screen reader) finds them."""

    def __init__(self, box):
        self.box = box
        self.pick = _find(box, widgets.Dropdown, "Case")
        self.lens = _find(box, widgets.RadioButtons, "We decide as an organisation in")
        self.choice = _find(box, widgets.RadioButtons, "Our decision")
        self.why = _find(box, widgets.Textarea, "Why we chose it")
        self.record = _find(box, widgets.Button, "Record our decision")

    def html(self) -> str:
        return "".join(w.value for w in _all(self.box) if isinstance(w, widgets.HTML))

    def players(self) -> dict[str, widgets.Text]:
        return {w.description: w for w in _all(self.box) if isinstance(w, widgets.Text)
                and w.description.startswith("Who plays")}


@pytest.fixture()
def explorer(fresh_session):
    from kit.culture.ui import case_explorer

    return Explorer(case_explorer())


def test_picking_a_case_shows_its_scenario_roles_options_and_settings(explorer):
    clinic, sales = find_case("healthcare"), find_case("sales")
    assert explorer.pick.value == "healthcare" and clinic.scenario[:60] in explorer.html()
    assert list(explorer.players()) == [f"Who plays the {r.role}?" for r in clinic.roles]
    assert [v for _, v in explorer.choice.options] == ["switch_on", "pilot", "suggest", "wait"]
    assert explorer.choice.value is None and explorer.lens.value == "western"
    assert [label for label, _ in explorer.lens.options][1] == "Eastern cultures (e.g. East Asia)"
    assert "Six months later" not in explorer.html()  # no consequence before a decision

    explorer.pick.value = "sales"
    assert "Brightdesk" in explorer.html() and "Riverside" not in explorer.html()
    assert list(explorer.players()) == [f"Who plays the {r.role}?" for r in sales.roles]
    for role in sales.roles:
        assert escape(role.goal) in explorer.html() and escape(role.worry) in explorer.html()


def test_a_group_takes_roles_decides_and_sees_the_consequence_and_the_other_lenses(explorer):
    explorer.pick.value = "sales"
    sales = find_case("sales")
    explorer.record.click()
    assert "Choose one of the options" in explorer.html()
    players = explorer.players()
    players["Who plays the Sales lead?"].value = "<i>Sam</i>"
    players["Who plays the Owner (Dana)?"].value = "Dana"
    explorer.lens.value = "developing"
    explorer.choice.value = "consent_only"
    explorer.record.click()
    assert "Write a sentence or two" in explorer.html() and "Six months later" not in explorer.html()
    explorer.why.value = "<b>consent</b> first"
    explorer.record.click()
    html = explorer.html()
    assert "Recorded your decision" in html
    assert escape(sales.choice("consent_only").consequence) in html
    assert "What your decision meant for each stakeholder" in html and "Prospective customers" in html
    assert "Developing economies (your setting)" in html
    assert "Western cultures" in html and "Eastern cultures" in html  # the other lenses, to compare
    assert "Read as Developing economies, the case leans to your option. Of the other 2 profiles, 1 leans" in html
    assert "What the other options led to" in html and "Debrief, for the trainer" in html
    assert "&lt;b&gt;consent&lt;/b&gt; first" in html and "<b>consent</b>" not in html

    saved = session.current().load(parts.CASES.key)
    assert saved["sales"] == {
        "title": sales.title, "decision": sales.choice("consent_only").label, "option": "consent_only",
        "reasoning": "<b>consent</b> first", "lens": "developing", "lenses": ["Developing economies"],
        "lens_ids": ["developing"], "roles": {"Owner (Dana)": "Dana", "Sales lead": "<i>Sam</i>"}, "number": 1}


def test_the_decision_comes_back_after_a_session_reset(explorer):
    from kit.culture.ui import case_explorer

    explorer.pick.value = "social_care"
    explorer.players()["Who plays the Social worker?"].value = "Priya"
    explorer.lens.value = "eastern"
    explorer.choice.value = "flag_only"
    explorer.why.value = "A person decides"
    explorer.record.click()
    code = session.current().code

    session.reset()
    again = Explorer(case_explorer())
    assert again.pick.value == "healthcare" and again.choice.value is None and again.why.value == ""
    assert "Decisions your team recorded" not in again.html()
    session.resume(code)
    assert again.pick.value == "social_care" and again.choice.value == "flag_only"
    assert again.lens.value == "eastern" and again.why.value == "A person decides"
    assert again.players()["Who plays the Social worker?"].value == "Priya"
    assert "Six months later, the flags have helped" in again.html()
    assert "Eastern cultures (your setting)" in again.html() and "Decisions your team recorded" in again.html()

    session.start_new()  # a new workspace: the page starts again from the first case
    assert again.pick.value == "healthcare" and again.why.value == "" and "Six months later" not in again.html()


def test_a_saved_decision_on_an_option_since_removed_opens_without_a_consequence(fresh_session):
    from kit.culture.ui import case_explorer

    workspace = session.store().create()
    workspace.save(parts.CASES.key, {"sales": {"title": "t", "decision": "An option no longer offered",
                                               "reasoning": "old", "number": 1}})
    box = Explorer(case_explorer())
    session.resume(workspace.code)
    assert box.pick.value == "sales" and box.choice.value is None and box.why.value == "old"
    assert "Six months later" not in box.html() and box.lens.value == "western"


def test_explorer_warns_about_broken_files(fresh_session, monkeypatch):
    from kit.culture.ui import _case_explorer as ui

    real = scan_cases()[0]
    monkeypatch.setattr(ui, "scan_cases", lambda: (real, ["cases/x.yaml: title missing; add it."]))
    box = ui.case_explorer()
    assert "cases/x.yaml: title missing" in box.children[0].value
    monkeypatch.setattr(ui, "scan_cases", lambda: ([], ["cases/x.yaml: title missing; add it."]))
    assert "No case could be loaded" in ui.case_explorer().children[0].value
