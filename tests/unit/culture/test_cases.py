"""Sector cases and regional lenses: the content, its checks, decisions and the explorer widget."""

from __future__ import annotations

import shutil

import pytest
import yaml

from kit.workshop import parts as declared
from kit.culture import _cases as cases_module

from kit.workshop import content

from kit.workshop import session
from kit.culture._cases import (CASES_DIR, decisions_section, latest_case_id, lens_table, load_cases,
                                load_regions, parse_case, record_decision, regions_frame, scan_cases, cases_frame)
from kit.workshop.content import ContentError


@pytest.fixture(scope="module")
def all_cases():
    return load_cases()


def test_the_three_regional_profiles_carry_the_framework_table():
    regions = {r.id: r for r in load_regions()}
    assert list(regions) == ["western", "eastern", "developing"]
    assert regions["western"].values == ("Individualism", "Autonomy", "Rights-based ethics")
    assert "Data privacy" in regions["western"].priorities
    assert regions["eastern"].values == ("Collectivism", "Harmony", "Duty-based ethics")
    assert "Trust in authority" in regions["eastern"].priorities
    assert regions["developing"].values == ("Community", "Resilience", "Contextual ethics")
    assert "Affordability" in regions["developing"].priorities
    frame = regions_frame()
    assert len(frame) == 3 and "North America, Europe" in frame.iloc[0, 0]


def test_the_required_sectors_and_two_more_are_there(all_cases):
    sectors = [c.sector for c in all_cases]
    assert sectors[:3] == ["Healthcare", "Small-business sales", "Adult social care (local authority)"]
    assert len(sectors) >= 5 and len(set(sectors)) == len(sectors)
    assert len(cases_frame()) == len(all_cases)


def test_every_case_has_a_decision_stakeholders_and_all_three_regions(all_cases):
    for case in all_cases:
        assert case.decision.endswith("?") and len(case.options) >= 2 and len(case.stakeholders) >= 3
        kinds = [lens.kind for lens in case.lenses]
        assert [l.id for l in case.lenses if l.kind == "region"] == ["western", "eastern", "developing"]
        assert kinds.count("stakeholder") >= 2
        for lens in case.lenses:
            assert lens.priorities and lens.safeguards


def test_lenses_read_differently(all_cases):
    clinic = all_cases[0]
    assert set(clinic.lens("western").safeguards).isdisjoint(clinic.lens("developing").safeguards)
    table = lens_table(clinic, ["western", "patients"])
    assert list(table.columns) == ["part", "Region: Western cultures", "Stakeholder: Patients"]
    assert table["part"].tolist().count("safeguards") == 1
    with pytest.raises(ValueError, match="has no lens 'mars'"):
        clinic.lens("mars")


def _good() -> dict:
    return yaml.safe_load((CASES_DIR / "retail.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, message", [
    (lambda c: c.pop("title"), "'title': this is missing; expected the case's title"),
    (lambda c: c.update(titel="A misspelt key"), "'titel': this key is not one the kit reads"),
    (lambda c: c.update(options=["only one"]), "'options': .* at least 2 .*; expected a list of at least 2 options"),
    (lambda c: c.update(options="a, b"), "'options': should be a valid list; expected a list of at least 2"),
    (lambda c: c.update(lenses={"western": c["lenses"]["western"]}), "'lenses': .*; expected at least two lenses"),
    (lambda c: c["lenses"]["customers"].pop("name"), "the lens 'customers' is a stakeholder lens and needs a name"),
    (lambda c: c["lenses"]["western"].pop("safeguards"),
     "'lenses', 'western', 'safeguards': this is missing; expected a list of at least 1 safeguards"),
    (lambda c: c["lenses"]["western"].update(priorities=["ok", None]),
     "'lenses', 'western', 'priorities', entry 2: should be a valid string"),
    (lambda c: c.update(order="first"), "'order': should be a valid number.*; expected a number: where the case sits"),
    (lambda c: c.update(stakeholders="everyone"), "'stakeholders': should be a valid list; expected a list of "
                                                  "stakeholders, each with a name and an interest"),
    (lambda c: c["stakeholders"][0].pop("interest"),
     "'stakeholders', entry 1 \\('Customers'\\), 'interest': this is missing; expected one sentence"),
])
def test_a_broken_case_gets_a_message_naming_the_file_and_the_fix(change, message):
    raw = _good()
    change(raw)
    with pytest.raises(ContentError, match=message) as problem:
        parse_case("retail", raw)
    assert str(problem.value).startswith("cases/retail.yaml: ")


def test_a_case_that_is_not_a_mapping_is_refused():
    with pytest.raises(ContentError, match="cases/odd.yaml: the file as a whole: should be a block of 'name: "
                                           "value' lines"):
        parse_case("odd", ["a", "list"])


@pytest.mark.parametrize("change, message", [
    (lambda r: r[0].update(valeus=["x"]), "entry 1 \\('western'\\), 'valeus': this key is not one the kit reads"),
    (lambda r: r[1].update(priorities="Group fairness"), "entry 2 \\('eastern'\\), 'priorities': should be a "
                                                          "valid list; expected a list of at least 1 AI ethical"),
    (lambda r: r[2].update(id="eastern"), "two profiles share the id eastern; give each its own"),
])
def test_a_broken_regions_file_names_the_profile_and_the_fix(monkeypatch, change, message):
    raw = content.load("cultural_regions")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^cultural_regions.yaml: .*{message}"):
        load_regions()


@pytest.fixture()
def trainer_folder(tmp_path, monkeypatch):
    """A copy of the content folder where a test can add case files."""
    folder = tmp_path / "content"
    shutil.copytree(CASES_DIR.parent, folder)
    monkeypatch.setattr(content, "CONTENT_DIR", folder)
    monkeypatch.setattr(cases_module, "CASES_DIR", folder / "cases")
    return folder / "cases"


def test_a_trainer_adds_a_file_and_the_case_appears(trainer_folder):
    raw = _good()
    raw.update(title="A library chatbot", sector="Public libraries", order=3.5)
    (trainer_folder / "zz_test_libraries.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    found, problems = scan_cases()
    assert problems == []
    assert [c.sector for c in found].index("Public libraries") == 3  # placed by its order


def test_a_broken_file_is_reported_and_the_others_still_load(trainer_folder):
    (trainer_folder / "zz_test_broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (trainer_folder / "zz_test_empty.yaml").write_text("title: Only a title\n", encoding="utf-8")
    found, problems = scan_cases()
    assert len(found) == 5 and len(problems) == 2
    assert any("zz_test_broken.yaml is not valid YAML" in p for p in problems)
    assert any("cases/zz_test_empty.yaml" in p and "missing" in p for p in problems)
    with pytest.raises(ContentError):
        load_cases()


def test_record_decision_checks_and_keeps_earlier_ones(all_cases):
    clinic, sales = all_cases[0], all_cases[1]
    with pytest.raises(ValueError, match="Choose one of the options"):
        record_decision({}, clinic, None, "because", ["western"])
    with pytest.raises(ValueError, match="Write a sentence"):
        record_decision({}, clinic, clinic.options[0], "   ", ["western"])
    with pytest.raises(ValueError, match="under 2000 characters"):
        record_decision({}, clinic, clinic.options[0], "x" * 2001, ["western"])
    with pytest.raises(ValueError, match="has no lens"):
        record_decision({}, clinic, clinic.options[0], "ok", ["mars"])
    saved = record_decision("garbage", clinic, clinic.options[1], " pilot first ", ["western", "patients", "western"])
    assert saved["healthcare"] == {"title": clinic.title, "decision": clinic.options[1], "reasoning": "pilot first",
                                   "lenses": ["Western cultures", "Patients"], "lens_ids": ["western", "patients"],
                                   "number": 1}
    saved = record_decision(saved, sales, sales.options[0], "grow", ["eastern", "customers"])
    assert latest_case_id(saved) == "sales"
    saved = record_decision(saved, clinic, clinic.options[2], "changed our mind", ["western", "clinicians"])
    assert latest_case_id(saved) == "healthcare" and saved["healthcare"]["number"] == 3


@pytest.mark.parametrize("saved", [None, "text", [], {}, {"x": "not a record"}, {"x": {"reasoning": "no decision"}}])
def test_decisions_section_without_decisions(saved):
    assert decisions_section(saved) is None  # the plan lists the part as not started
    assert latest_case_id(saved) in (None, "x")


def test_decisions_section_lists_them_in_the_order_recorded(all_cases):
    clinic, sales = all_cases[0], all_cases[1]
    saved = record_decision({}, sales, sales.options[2], "<script>alert(1)</script>", ["western", "customers"])
    saved = record_decision(saved, clinic, clinic.options[1], "pilot", ["western", "patients"])
    header, rows = decisions_section(saved).table
    assert header == ["Case", "Decision", "Lenses weighed", "Reasoning"]
    assert [r[0] for r in rows] == [sales.title, clinic.title]
    assert rows[0][3] == "<script>alert(1)</script>"  # escaping is the exporter's job




def _parts(box):
    c = box.children
    return {"pick": c[1], "first": c[4].children[0], "second": c[4].children[1], "compare": c[5],
            "choice": c[7], "why": c[8], "record": c[9].children[0], "errors": c[10], "recorded": c[13]}


def test_explorer_compares_records_and_restores(fresh_session):
    from kit.culture.ui import case_explorer

    parts = _parts(case_explorer())
    assert parts["first"].value == "western" and parts["second"].value == "patients"
    before = parts["compare"].value
    parts["second"].value = "developing"
    assert parts["compare"].value != before and "Region: Developing economies" in parts["compare"].value
    parts["pick"].value = "sales"
    assert parts["second"].value == "customers" and "Prospective customers" in parts["compare"].value
    parts["record"].click()
    assert "Choose one of the options" in parts["errors"].value
    parts["choice"].value = parts["choice"].options[1]
    parts["why"].value = "<b>consent</b> first"
    parts["record"].click()
    assert parts["errors"].value == "" and "&lt;b&gt;consent&lt;/b&gt; first" in parts["recorded"].value
    code = session.current().code
    assert session.current().load(declared.CASES.key)["sales"]["lens_ids"] == ["western", "customers"]

    session.reset()
    again = _parts(case_explorer())
    assert again["pick"].value == "healthcare" and again["recorded"].value == ""
    session.resume(code)
    assert again["pick"].value == "sales" and again["why"].value == "<b>consent</b> first"
    assert again["choice"].value == again["choice"].options[1] and "consent" in again["recorded"].value


def test_explorer_warns_about_broken_files(fresh_session, monkeypatch):
    from kit.culture.ui import _case_explorer as ui

    real = scan_cases()[0]
    monkeypatch.setattr(ui, "scan_cases", lambda: (real, ["cases/x.yaml: title missing; add it."]))
    box = ui.case_explorer()
    assert "cases/x.yaml: title missing" in box.children[0].value
    monkeypatch.setattr(ui, "scan_cases", lambda: ([], ["cases/x.yaml: title missing; add it."]))
    assert "No case could be loaded" in ui.case_explorer().children[0].value
