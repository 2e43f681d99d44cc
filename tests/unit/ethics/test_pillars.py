"""Lesson 02's logic: the pillar content, grading the scenario sorter, saved answers, sections."""

from __future__ import annotations

import pytest

from kit.workshop import content as content_files
from kit.ethics import _pillars as pillars
from kit.workshop.content import ContentError
from kit.ethics import (answers_from_saved, content, drivers_table, grade, growth_table, notes_section,
                        saved_value, score, sorter_section)

PILLARS = ["privacy", "bias", "transparency", "accountability", "accessibility"]


@pytest.fixture()
def fresh_content():
    content.cache_clear()
    yield
    content.cache_clear()


def _scenario(key):
    return next(s for s in content().scenarios if s.key == key)


def test_five_pillars_and_five_growth_drivers():
    data = content()
    assert list(data.pillars) == PILLARS
    assert list(data.drivers) == ["reputation", "loyalty", "talent", "legal", "innovation"]
    for pillar in data.pillars.values():
        assert pillar.means and pillar.asks.endswith("?") and pillar.growth and pillar.drives


def test_enough_realistic_scenarios_from_both_settings():
    scenarios = content().scenarios
    assert len(scenarios) >= 8
    assert sum(s.setting.startswith("Small business") for s in scenarios) >= 3
    assert sum(s.setting.startswith("Public service") for s in scenarios) >= 3
    for s in scenarios:
        assert s.at_stake and all(s.at_stake.values()) and all(s.also.values())
        assert set(s.at_stake) | set(s.also) | set(s.not_at_stake) <= set(PILLARS)
    assert {k for s in scenarios for k in s.at_stake} == set(PILLARS), "every pillar is the answer somewhere"


@pytest.mark.parametrize("scenario", [s.key for s in content().scenarios])
def test_the_right_answer_passes_every_scenario(scenario):
    s = _scenario(scenario)
    assert grade(s, s.at_stake).correct
    assert grade(s, set(s.at_stake) | set(s.also)).correct  # "also" pillars count either way


@pytest.mark.parametrize("scenario", [s.key for s in content().scenarios])
def test_every_pillar_ticked_or_missed_is_explained(scenario):
    s = _scenario(scenario)
    for chosen in ({PILLARS[0]}, set(PILLARS), {PILLARS[-1]}):
        result = grade(s, chosen)
        explained = {line.pillar for line in result.feedback}
        assert (chosen | set(s.at_stake)) <= explained
        assert all(line.message for line in result.feedback)


@pytest.mark.parametrize("chosen, correct, verdicts, headline", [
    ({"bias"}, True, {"bias": "spotted", "transparency": "fair"}, "Well sorted"),
    ({"bias", "transparency"}, True, {"bias": "spotted", "transparency": "fair"}, "Well sorted"),
    ({"privacy"}, False, {"privacy": "extra", "bias": "missed", "transparency": "fair"},
     "You found 0 of 1 pillar at stake, but also ticked 1 that is not the main issue."),
    ({"bias", "privacy", "accessibility"}, False,
     {"privacy": "extra", "bias": "spotted", "transparency": "fair", "accessibility": "extra"},
     "ticked 2 that are not the main issue"),
])
def test_grading_one_scenario(chosen, correct, verdicts, headline):
    result = grade(_scenario("cv-ranking"), chosen)
    assert result.correct is correct and headline in result.headline
    assert {line.pillar: line.verdict for line in result.feedback} == verdicts


def test_feedback_words():
    result = grade(_scenario("loyalty-app"), {"privacy", "bias"})
    messages = {line.pillar: line.message for line in result.feedback}
    assert messages["privacy"].startswith("Right: Privacy.")
    assert messages["transparency"].startswith("Missed: Transparency and explainability.")
    assert messages["bias"].startswith("Not the main issue here: Fairness and bias. Nobody is treated worse")
    assert result.headline == "You found 1 of 2 pillars at stake, but also ticked 1 that is not the main issue."


def test_a_pillar_without_its_own_line_gets_the_general_one():
    result = grade(_scenario("voice-bookings"), {"accessibility", "bias", "accountability"})
    assert result.correct
    extra = grade(_scenario("lead-scores"), {"accountability", "accessibility"}).feedback
    assert [line.verdict for line in extra if line.pillar == "accessibility"] == ["extra"]


@pytest.mark.parametrize("chosen, message", [
    (set(), "Tick at least one pillar"),
    ({"kindness"}, "kindness is not one of the pillars"),
])
def test_bad_answers_get_a_plain_message(chosen, message):
    with pytest.raises(ValueError, match=message):
        grade(_scenario("loyalty-app"), chosen)


def test_score_and_saved_value():
    answers = {"loyalty-app": ["transparency", "privacy"], "cv-ranking": ["privacy"], "nope": ["bias"]}
    assert score(answers) == (1, 2, len(content().scenarios))
    saved = saved_value({"loyalty-app": ["transparency", "privacy", "privacy"], "cv-ranking": []})
    assert saved == {"answers": {"loyalty-app": ["privacy", "transparency"]},
                     "score": [1, 1, len(content().scenarios)]}


@pytest.mark.parametrize("saved, expected", [
    (None, {}), ("garbage", {}), ({"answers": None}, {}),
    ({"answers": {"loyalty-app": ["privacy"], "gone": ["bias"], "cv-ranking": "bias", "fraud-flags": []}},
     {"loyalty-app": ["privacy"]}),
])
def test_damaged_or_old_saves_are_cleaned(saved, expected):
    assert answers_from_saved(saved) == expected


def test_growth_tables_are_computed_from_the_pillars():
    growth = growth_table()
    assert growth["Pillar"].tolist()[0] == "Privacy" and len(growth) == 5
    drivers = drivers_table().set_index("Growth driver")["Fed by"]
    # Inverting the pillars' "drives" by hand gives the same table.
    data = content()
    for key, (name, _) in data.drivers.items():
        expected = [p.name for p in data.pillars.values() if key in p.drives]
        assert drivers[name].split(", ") == expected and expected, name


def test_sorter_section_for_the_action_plan():
    section = sorter_section({"answers": {"loyalty-app": ["privacy", "transparency"],
                                          "cv-ranking": ["privacy"]}})
    assert section.paragraphs == [f"Sorted 2 of {len(content().scenarios)} scenarios; 1 fully right."]
    header, rows = section.table
    assert header == ["Scenario", "You ticked", "At stake", "Result"]
    assert rows[0] == ["The loyalty app", "Privacy, Transparency and explainability",
                       "Privacy, Transparency and explainability", "right"]
    assert rows[1][-1] == "not quite"
    assert sorter_section(None) is None and sorter_section({"answers": {"nope": ["bias"]}}) is None


def test_notes_section():
    assert notes_section("Accessibility first").paragraphs == ["Accessibility first"]
    assert notes_section("") is None and notes_section(None) is None


def _content_with(monkeypatch, **changes):
    raw = content_files.load(pillars.CONTENT)
    raw.update(changes)
    monkeypatch.setattr(content_files, "_read", lambda name: raw)


_SCENARIO = {"key": "x", "setting": "s", "title": "Odd case", "text": "x"}


@pytest.mark.parametrize("scenario, message", [
    ({**_SCENARIO, "at_stake": {"kindness": "why"}}, "'scenarios': the scenario 'x' names kindness, which is not a "
                                                     "pillar; use the keys privacy, bias"),
    ({**_SCENARIO, "at_stake": {"bias": "a"}, "also": {"bias": "b"}},
     "'scenarios', entry 1 \\('Odd case'\\): bias is listed twice; keep each pillar in one of at_stake, also"),
    (_SCENARIO, "'scenarios', entry 1 \\('Odd case'\\), 'at_stake': this is missing; expected pillar key: why"),
    ({**_SCENARIO, "at_stake": {"bias": "a"}, "tilte": "t"}, "'scenarios', entry 1 \\('Odd case'\\), 'tilte': this key "
                                                            "is not one the kit reads"),
    ({**_SCENARIO, "at_stake": ["bias"]}, "'scenarios', entry 1 \\('Odd case'\\), 'at_stake': should be a valid "
                                          "dictionary; expected pillar key: why"),
])
def test_bad_scenarios_name_the_fix(monkeypatch, fresh_content, scenario, message):
    _content_with(monkeypatch, scenarios=[scenario])
    with pytest.raises(ContentError, match=f"^pillar_scenarios.yaml: {message}"):
        content()


def test_duplicate_scenario_keys_and_unknown_drivers_are_refused(monkeypatch, fresh_content):
    raw = content_files.load(pillars.CONTENT)
    _content_with(monkeypatch, scenarios=raw["scenarios"][:1] * 2)
    with pytest.raises(ContentError, match="^pillar_scenarios.yaml: 'scenarios': two scenarios share the key "
                                           "loyalty-app; give each its own"):
        content()
    content.cache_clear()
    _content_with(monkeypatch, scenarios=raw["scenarios"],
                  pillars=[{**raw["pillars"][0], "drives": ["happiness"]}])
    with pytest.raises(ContentError, match="^pillar_scenarios.yaml: 'pillars': the pillar 'privacy' drives "
                                           "happiness, which is not a growth driver; use the keys reputation"):
        content()
