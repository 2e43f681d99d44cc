"""The three regulation content files load, carry a date and sources, and a broken edit is refused loudly."""

from __future__ import annotations

import copy

import pytest

from kit.regulation import ai_act, crosswalk, ll144_guide, parse_ai_act, parse_crosswalk, parse_ll144_guide
from kit.workshop.content import ContentError, load


@pytest.fixture(scope="module")
def raw():
    return {"ai_act": load("regulation/eu_ai_act"), "guide": load("regulation/nyc_ll144"),
            "crosswalk": load("regulation/crosswalk")}


def test_every_file_loads_with_a_date_sources_and_the_caveat():
    act, guide, walk = ai_act(), ll144_guide(), crosswalk()
    assert act.as_of and guide.as_of and walk.as_of
    assert "not legal advice" in act.not_legal_advice and "not legal advice" in guide.not_legal_advice
    assert all(s.title for s in act.sources + guide.sources + walk.sources)


def test_every_statement_of_the_ai_act_file_has_a_source():
    act = ai_act()
    statements = [*act.dates, *act.questions, *act.tiers, *act.obligations]
    statements += [o for q in act.questions for o in q.options]
    assert all(len(s.source) >= 3 for s in statements)


def test_the_postponement_is_said_without_guessing():
    dates = {d.id: d for d in ai_act().dates}
    for date_id in ("annex_iii", "annex_i"):
        note = dates[date_id].note
        assert "digital omnibus" in note and ("proposed" in note or "proposal" in note)
        assert "2028" not in note and "December 2027" not in note  # no guessed outcome
        assert dates[date_id].note_source
    assert not dates["prohibitions"].note


def test_the_fria_rule_is_in_the_content():
    areas = {o.id: o.fria for o in ai_act().question("annex_iii").options}
    assert areas["critical_infrastructure"] == "never"
    assert areas["creditworthiness"] == areas["life_health_insurance"] == "always"
    assert {v for k, v in areas.items() if k not in ("critical_infrastructure", "creditworthiness",
                                                     "life_health_insurance")} == {"public_service"}


def test_the_ll144_guide_names_its_sections():
    guide = ll144_guide()
    sources = " ".join(item.source for item in guide.requires + guide.calculations)
    for section in ("20-871", "20-872", "5-300", "5-301", "5-303", "5-304"):
        assert section in sources, section
    assert any("10 business days" in item.text for item in guide.requires)


def _broken(raw, name, change):
    data = copy.deepcopy(raw[name])
    change(data)
    return data


AI_ACT_BREAKS = [
    (lambda d: d.pop("as_of"), "'as_of': this is missing"),
    (lambda d: d["questions"][2]["options"].pop(3), "the question annex_iii lacks the option\\(s\\) employment"),
    (lambda d: d["questions"].pop(0), "the question practices is missing"),
    (lambda d: d["questions"][1].update(kind="choices"), "a choices question lists options"),
    (lambda d: d["obligations"][0].update(applies_from="someday"), "applies from 'someday', which is not one of"),
    (lambda d: d["obligations"][0].update(when="sometimes"), "'when'"),
    (lambda d: d["obligations"][0].pop("source"), "'source': this is missing"),
    (lambda d: d["obligations"][0].update(article="Art. 4"), "'article'"),
    (lambda d: d["dates"][2].pop("note_source"), "has a note but no note_source"),
    (lambda d: d["tiers"].pop(), "list each tier once"),
    (lambda d: d["questions"][2]["options"][0].pop("fria"), "needs fria"),
    (lambda d: d["examples"][0].update(lesson="hiring"), "names the lesson 'hiring'"),
    (lambda d: d["dates"][0].update(date="soon"), "'date'"),
]


@pytest.mark.parametrize(("change", "message"), AI_ACT_BREAKS)
def test_a_broken_ai_act_file_is_refused_with_the_fix(raw, change, message):
    with pytest.raises(ContentError, match=r"^regulation/eu_ai_act\.yaml: .*" + message):
        parse_ai_act(_broken(raw, "ai_act", change))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["requires"].pop(3), "'requires' lacks notice_to_candidates"),
        (lambda d: d["requires"][0].pop("source"), "'source': this is missing"),
        (lambda d: d.update(as_of="recently"), "'as_of'"),
        (lambda d: d["not_this"].clear(), "'not_this'"),
    ],
)
def test_a_broken_ll144_guide_is_refused_with_the_fix(raw, change, message):
    with pytest.raises(ContentError, match=r"^regulation/nyc_ll144\.yaml: .*" + message):
        parse_ll144_guide(_broken(raw, "guide", change))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["outputs"].pop(0), "the output\\(s\\) bias_audit are not mapped"),
        (lambda d: d["outputs"][0]["nist"][0].update(id="MEASURE 2.14"), "'MEASURE 2.14' \\(bias_audit\\) is not a "
                                                                          "NIST AI RMF 1.0 subcategory"),
        (lambda d: d["outputs"][0]["nist"][0].update(id="Measure 2.11"), "is not a NIST AI RMF 1.0 subcategory"),
        (lambda d: d["outputs"][0]["iso"][0].update(id="A.5.9"), "'A.5.9' \\(bias_audit\\) is not an ISO/IEC"),
        (lambda d: d["outputs"][0]["iso"][0].update(id=9.1), "'id'"),
        (lambda d: d["outputs"][0].update(iso=[]), "'iso'"),
        (lambda d: d["outputs"][0].update(lesson="audit"), "names the lesson 'audit'"),
        (lambda d: d["outputs"][0]["nist"].append(dict(d["outputs"][0]["nist"][0])), "share the id MEASURE 2.11"),
    ],
)
def test_a_broken_crosswalk_is_refused_with_the_fix(raw, change, message):
    with pytest.raises(ContentError, match=r"^regulation/crosswalk\.yaml: .*" + message):
        parse_crosswalk(_broken(raw, "crosswalk", change))
