"""Sector cases: every file has every part and every regional lens, and a broken one fails loudly."""

from __future__ import annotations

import shutil

import pytest
import yaml

from kit.culture import _cases as cases_module
from kit.culture import (CASES_DIR, CONSEQUENCE_WORDS, DEBRIEF_WORDS, LATER, SCENARIO_WORDS, CaseFile, cases_frame,
                         count_words, find_case, lens_table, load_cases, load_regions, options_frame, parse_case,
                         regions_frame, scan_cases)
from kit.workshop import content
from kit.workshop.content import ContentError

CASE_FILES = sorted(path.stem for path in CASES_DIR.glob("*.yaml"))
PARTS = [name for name, field in CaseFile.model_fields.items() if field.is_required()]
REGIONS = ["western", "eastern", "developing"]
CLINIC = "cases/healthcare.yaml (case 'An AI triage assistant for a small clinic')"


@pytest.fixture(scope="module")
def all_cases():
    return load_cases()


def _raw(case_id: str = "healthcare") -> dict:
    return yaml.safe_load((CASES_DIR / f"{case_id}.yaml").read_text(encoding="utf-8"))


def test_the_three_regional_profiles_carry_the_framework_table():
    regions = {r.id: r for r in load_regions()}
    assert list(regions) == REGIONS
    assert regions["western"].values == ("Individualism", "Autonomy", "Rights-based ethics")
    assert "Data privacy" in regions["western"].priorities
    assert regions["eastern"].values == ("Collectivism", "Harmony", "Duty-based ethics")
    assert "Trust in authority" in regions["eastern"].priorities
    assert regions["developing"].values == ("Community", "Resilience", "Contextual ethics")
    assert "Affordability" in regions["developing"].priorities
    frame = regions_frame()
    assert len(frame) == 3 and "North America, Europe" in frame.iloc[0, 0]


def test_nine_cases_cover_the_seed_sectors_first_and_where_small_firms_and_councils_meet_ai(all_cases):
    assert len(all_cases) >= 9
    assert [c.id for c in all_cases][:3] == ["healthcare", "sales", "social_care"]
    assert {"recruitment", "hardship_fund", "lending", "pricing"} <= {c.id for c in all_cases}
    assert len({c.sector for c in all_cases}) == len(all_cases)
    frame = cases_frame()
    assert len(frame) == len(all_cases) and list(frame.columns) == ["sector", "case", "the decision", "options",
                                                                    "roles"]


def test_the_schema_requires_every_part():
    assert set(PARTS) == {"title", "sector", "source", "scenario", "stakeholders", "decision", "options", "lenses",
                          "roles", "draws_on", "debrief"}


@pytest.mark.parametrize("case_id", CASE_FILES)
def test_every_case_file_has_every_part_and_every_lens(case_id):
    raw = _raw(case_id)
    assert set(PARTS) <= set(raw), f"{case_id} misses {set(PARTS) - set(raw)}"
    case = parse_case(case_id, raw)
    assert SCENARIO_WORDS[0] <= count_words(case.scenario) <= SCENARIO_WORDS[1]
    assert case.decision.endswith("?") and len(case.choices) >= 3 and len(case.stakeholders) >= 3
    names = [name for name, _ in case.stakeholders]
    for choice in case.choices:
        assert [name for name, _ in choice.means] == names and all(text for _, text in choice.means)
        assert choice.consequence.startswith(LATER)
        assert CONSEQUENCE_WORDS[0] <= count_words(choice.consequence) <= CONSEQUENCE_WORDS[1]
    assert [lens.id for lens in case.lenses] == REGIONS
    for lens in case.lenses:
        assert lens.reads and lens.why and lens.safeguards
        assert lens.leans_to in {c.id for c in case.choices}
    assert len({lens.reads for lens in case.lenses}) == 3  # each profile reads it its own way
    assert 4 <= len(case.roles) <= 6 and all(r.goal and r.worry for r in case.roles)
    assert len(case.draws_on) >= 2 and all(seed and fact for seed, fact in case.draws_on)
    assert DEBRIEF_WORDS[0] <= count_words(case.debrief) <= DEBRIEF_WORDS[1]


def test_no_case_has_every_profile_leaning_the_same_way_everywhere(all_cases):
    split = [c.id for c in all_cases if len({lens.leans_to for lens in c.lenses}) > 1]
    assert len(split) >= len(all_cases) // 2  # the lenses change decisions, not only wording


def test_tables_of_one_case(all_cases):
    clinic = find_case("healthcare")
    table = lens_table(clinic)
    assert list(table["lens"]) == ["Western cultures", "Eastern cultures", "Developing economies"]
    assert table.loc[2, "leans to"] == clinic.choice("wait").label
    assert list(lens_table(clinic, ["developing"])["lens"]) == ["Developing economies"]
    options = options_frame(clinic)
    assert list(options.columns) == ["option", *(name for name, _ in clinic.stakeholders)] and len(options) == 4
    with pytest.raises(ValueError, match="has no lens 'mars'"):
        clinic.lens("mars")
    with pytest.raises(ContentError, match="There is no case 'mars'; the cases are healthcare, sales"):
        find_case("mars")


@pytest.mark.parametrize("part", sorted(PARTS))
def test_a_case_missing_a_part_fails_naming_file_case_and_field(part):
    raw = _raw()
    raw.pop(part)
    with pytest.raises(ContentError, match=f"'{part}': this is missing; expected") as problem:
        parse_case("healthcare", raw)
    where = CLINIC if part != "title" else "cases/healthcare.yaml"
    assert str(problem.value).startswith(f"{where}: ")


@pytest.mark.parametrize("region", REGIONS)
def test_a_case_missing_a_lens_fails_naming_the_lens(region):
    raw = _raw()
    raw["lenses"].pop(region)
    with pytest.raises(ContentError, match=f"^{CLINIC.replace('(', '.').replace(')', '.')}: 'lenses': the lens "
                                           f"'{region}' is missing; every case reads its decision under each "
                                           "regional profile"):
        parse_case("healthcare", raw)


def _long(text: str, n: int) -> str:
    return " ".join([text] * n)


@pytest.mark.parametrize("change, message", [
    (lambda c: c.update(scenario="Too short."), "'scenario': the scenario has 2 words; write between 150 and 300"),
    (lambda c: c.update(scenario=_long("word", 301)), "'scenario': the scenario has 301 words"),
    (lambda c: c.update(debrief="Short."), "'debrief': the debrief has 1 words; write between 60 and 300"),
    (lambda c: c["options"][0].update(consequence=_long("Later on", 20)),
     "'options', entry 1 \\('switch_on'\\), 'consequence': the consequence should open with 'Six months later'"),
    (lambda c: c["options"][1].update(consequence="Six months later, fine."),
     "'options', entry 2 \\('pilot'\\), 'consequence': the consequence has 4 words; write between 20 and 120"),
    (lambda c: c["options"][2]["means"].pop("regulators"),
     "'options': the option 'suggest' does not say what it means for regulators"),
    (lambda c: c["options"][2]["means"].update(mars="x"), "'options': the option 'suggest' names mars under 'means'"),
    (lambda c: c["options"][3].update(id="pilot"), "'options': two options share an id"),
    (lambda c: c.update(options=c["options"][:2]), "'options': .* at least 3 .*; expected a list of at least 3"),
    (lambda c: c["options"][0].pop("consequence"), "'options', entry 1 \\('switch_on'\\), 'consequence': this is "
                                                   "missing; expected what happened"),
    (lambda c: c["lenses"]["western"].update(leans_to="mars"), "'lenses': the lens 'western' leans to 'mars', which"),
    (lambda c: c["lenses"].update(mars=c["lenses"]["western"]), "'lenses': the lens 'mars' is no regional profile"),
    (lambda c: c["lenses"]["eastern"].pop("why"), "'lenses', 'eastern', 'why': this is missing; expected one or two"),
    (lambda c: c["lenses"]["eastern"].update(safeguards=[]), "'lenses', 'eastern', 'safeguards': .*at least 1"),
    (lambda c: c.update(roles=c["roles"][:3]), "'roles': .*at least 4 .*; expected 4 to 6 role cards"),
    (lambda c: c.update(roles=c["roles"] * 2), "'roles': .*at most 6 .*; expected 4 to 6 role cards"),
    (lambda c: c["roles"][1].pop("worry"), "'roles', entry 2, 'worry': this is missing; expected one sentence"),
    (lambda c: c["roles"][1].update(role=c["roles"][0]["role"]), "'roles': two roles share the role Senior partner"),
    (lambda c: c.update(draws_on=c["draws_on"][:1]), "'draws_on': .*at least 2 .*; expected a list of at least 2"),
    (lambda c: c["stakeholders"][0].pop("id"), "'stakeholders', entry 1 \\('Patients'\\), 'id': this is missing"),
    (lambda c: c.update(decision="Switch it on."), "'decision': 'Switch it on.' is not written the way the kit"),
    (lambda c: c.update(titel="A misspelt key"), "'titel': this key is not one the kit reads"),
    (lambda c: c.update(order="first"), "'order': should be a valid number.*; expected a number: where the case sits"),
])
def test_a_broken_case_names_the_file_the_case_the_field_and_the_fix(change, message):
    raw = _raw()
    change(raw)
    with pytest.raises(ContentError, match=message) as problem:
        parse_case("healthcare", raw)
    assert str(problem.value).startswith(f"{CLINIC}: ")
    assert str(problem.value).endswith("Correct the file and reload the page.")


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
    raw = _raw("retail")
    raw.update(title="A library chatbot", sector="Public libraries", order=3.5)
    (trainer_folder / "zz_test_libraries.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    found, problems = scan_cases()
    assert problems == []
    assert [c.sector for c in found].index("Public libraries") == 3  # placed by its order


def test_a_broken_file_is_reported_and_the_others_still_load(trainer_folder):
    (trainer_folder / "zz_test_broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (trainer_folder / "zz_test_empty.yaml").write_text("title: Only a title\n", encoding="utf-8")
    found, problems = scan_cases()
    assert len(found) == len(CASE_FILES) and len(problems) == 2
    assert any("zz_test_broken.yaml is not valid YAML" in p for p in problems)
    assert any(p.startswith("cases/zz_test_empty.yaml (case 'Only a title'): ") and "'scenario': this is missing"
               in p for p in problems)
    with pytest.raises(ContentError, match="zz_test_empty"):
        load_cases()
