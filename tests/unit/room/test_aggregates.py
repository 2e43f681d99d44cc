"""Every panel of the room against figures counted by hand from small, fixed contributions."""

from __future__ import annotations

import pytest

from kit.culture import scan_cases
from kit.room import WAITING, Contribution, latest, room_panels
from kit.room._aggregates import percent, spread


def c(participant: str, key: str, value, updated: float = 1.0) -> Contribution:
    return Contribution(participant, key, value, updated)


def panel(contributions, panel_id: str):
    return next(p for p in room_panels(contributions) if p.id == panel_id)


def rows(found, table: int = 0) -> list[tuple]:
    return [tuple(row) for row in found.tables[table].rows]


def test_latest_keeps_each_attendees_newest_answer_under_each_key():
    found = latest([c("a", "k", 1, 1.0), c("a", "k", 2, 3.0), c("a", "k", 3, 2.0), c("b", "k", 9), c("a", "j", 5)])
    assert found == {"k": {"a": 2, "b": 9}, "j": {"a": 5}}


def test_spread_and_percent():
    assert spread([1, 2, 4, 5]) == (3, 1, 5)
    assert spread([3, 4]) == (3.5, 3, 4)
    assert (percent(1, 3), percent(2, 3), percent(1, 2), percent(0, 0)) == (33, 67, 50, 0)


QUIZ = "quiz.00_start_here"


def test_a_quiz_counts_each_option_marks_the_right_one_and_counts_an_answer_given_twice_once():
    contributions = [
        c("a", QUIZ, {"answers": {"reload": [0], "stages": [0, 1, 3]}}, 1.0),
        c("a", QUIZ, {"answers": {"reload": [1], "stages": [0, 1, 3]}}, 2.0),  # a changed their mind: latest counts
        c("b", QUIZ, {"answers": {"reload": [1], "stages": [0, 1]}}),
        c("c", QUIZ, {"answers": {"reload": [0], "stages": [0, 2]}}),
        c("d", QUIZ, {"answers": {"privacy": [1]}}),
    ]
    found = panel(contributions, QUIZ)
    assert found.answers == 4 and found.ready
    table = rows(found)
    reload = [row for row in table if row[0].startswith("1. ")]
    assert reload[0][0].endswith("(2 of 3 right)")
    assert [(r[1][:12], r[2], r[3], r[4]) for r in reload] == [("Type them ag", "", 1, 33),
                                                               ("Enter your w", "right answer", 2, 67)]
    privacy = [row for row in table if row[0].startswith("2. ")]
    assert privacy == [(privacy[0][0], "", "", WAITING, "")]  # one answer: nothing of it shows
    stages = [row for row in table if row[0].startswith("3. ")]
    assert stages[0][0].endswith("(1 of 3 right)")  # only a ticked every right stage and nothing else
    assert [(r[2], r[3]) for r in stages] == [("right answer", 3), ("right answer", 2), ("", 1), ("right answer", 1)]
    assert "question 1: 67% right (2 of 3)" in found.alt and "question 3: 33% right (1 of 3)" in found.alt


def test_a_quiz_with_two_attendees_shows_nothing():
    found = panel([c("a", QUIZ, {"answers": {"reload": [1]}}), c("b", QUIZ, {"answers": {"reload": [1]}})], QUIZ)
    assert not found.ready and found.tables == () and found.lines == (f"Nothing to show yet: {WAITING}.",)
    assert found.data == {} and found.alt == ""


PROXY, POSTCODE = "03_bias_in_hiring/proxy", "02_ethics_pillars/postcode"  # right options: 1 and 0


def test_the_knowledge_check_counts_right_answers_at_the_start_and_the_end():
    from kit.delivery import check_questions

    number = {item.key: n for n, item in enumerate(check_questions(), start=1)}
    before = [c(p, "check.before", {"answers": {PROXY: [a], POSTCODE: [0]}}) for p, a in zip("abcd", (1, 0, 0, 1))]
    after = [c(p, "check.after", {"answers": {PROXY: [1]}}) for p in "abc"]
    start = {row[0]: row[2:] for row in rows(panel(before + after, "check.before"))}
    assert len(start) == 8
    assert start[number[PROXY]] == ("2 of 4", 50) and start[number[POSTCODE]] == ("4 of 4", 100)
    assert start[1] == (WAITING, "")
    both = {row[0]: row[2:] for row in rows(panel(before + after, "check.after"))}
    assert both[number[PROXY]] == ("2 of 4", 50, "3 of 3", 100)
    assert both[number[POSTCODE]] == ("4 of 4", 100, WAITING, "")
    assert both[1] == (WAITING, "", WAITING, "")


def test_the_check_before_anyone_answers_waits():
    assert not panel([], "check.before").ready and not panel([], "check.after").ready


def use_cases(pilot, *scores, own=0):
    return {"cases": [{"title": t, "value": v, "risk": r} for t, v, r in scores], "own": own, "pilot": pilot}


FORECAST, CHATBOT = "Forecast weekly stock orders", "Chatbot for order questions"


def test_pilot_votes_and_the_spread_of_value_and_risk_per_use_case():
    contributions = [
        c("a", "strategy.use_cases", use_cases(FORECAST, (FORECAST, 4, 1), (CHATBOT, 4, 3))),
        c("b", "strategy.use_cases", use_cases(FORECAST, (FORECAST, 5, 2), (CHATBOT, 2, 4), own=2)),
        c("c", "strategy.use_cases", use_cases("", (FORECAST, 3, 1), (CHATBOT, 3, 5), own=1)),
        c("d", "strategy.use_cases", use_cases(None, (FORECAST, 2, 2))),
    ]
    votes = panel(contributions, "strategy.pilot")
    assert rows(votes) == [(FORECAST, 2, 50), ("No low-risk pilot yet", 1, 25), ("One of their own use cases", 1, 25)]
    found = panel(contributions, "strategy.spread")
    # Forecast: values 4, 5, 3, 2 -> median 3.5, 2 to 5; risks 1, 2, 1, 2 -> median 1.5, 1 to 2.
    # Chatbot: values 4, 2, 3 -> median 3, 2 to 4; risks 3, 4, 5 -> median 4, 3 to 5.
    assert rows(found) == [(FORECAST, 4, 3.5, 2, 5, 1.5, 1, 2), (CHATBOT, 3, 3, 2, 4, 4, 3, 5)]
    assert "3 use cases of the attendees' own" in found.lines[0]


def test_a_use_case_scored_by_two_waits():
    contributions = [c(p, "strategy.use_cases", use_cases(FORECAST, (FORECAST, 4, 1))) for p in "abc"]
    contributions.append(c("d", "strategy.use_cases", use_cases(CHATBOT, (CHATBOT, 4, 2))))
    contributions.append(c("e", "strategy.use_cases", use_cases(CHATBOT, (CHATBOT, 4, 2))))
    assert rows(panel(contributions, "strategy.spread"))[1] == (CHATBOT, 2, WAITING, "", "", "", "", "")


def test_bias_thresholds_and_findings():
    values = [(0.5, False, ["Female"]), (0.5, True, []), (0.6, False, ["Female", "Black"]), (0.4, None, [])]
    contributions = [c(p, "bias.explorer", {"groups": ["gender"], "threshold": t, "four_fifths_pass": ok,
                                             "flagged": flagged}) for p, (t, ok, flagged) in zip("abcd", values)]
    found = panel(contributions, "bias.explorer")
    assert rows(found, 0) == [("0.40", 1), ("0.50", 2), ("0.60", 1)]
    assert rows(found, 1) == [("passes", 1, 25), ("fails", 2, 50), ("not judged", 1, 25)]
    assert rows(found, 2) == [("Female", 2), ("Black", 1)]
    assert rows(found, 3) == [("Gender", 4)]
    assert "median threshold 0.50 (from 0.40 to 0.60)" in found.lines[0]


R1, R2, R3 = "customer_service_chatbot/R1", "customer_service_chatbot/R2", "customer_service_chatbot/R3"


def register(*risks, own=0):
    return {"template": "customer_service_chatbot", "own": own,
            "risks": [{"ref": ref, "likelihood": l, "severity": s} for ref, l, s in risks]}


def test_the_most_entered_risks_and_the_room_heatmap_at_the_median_scores():
    contributions = [
        c("a", "risk.register", register((R1, 3, 5), (R2, 2, 4), (R3, 1, 1), own=2)),
        c("b", "risk.register", register((R1, 4, 4), (R2, 3, 4))),
        c("c", "risk.register", register((R1, 2, 5), (R2, 3, 3), own=1)),
        c("d", "risk.register", register((R1, 4, 5))),
    ]
    most = panel(contributions, "risk.most_entered")
    # R1: likelihoods 3, 4, 2, 4 -> median 3.5, placed on 4; severities 5, 4, 5, 5 -> 5; 4 x 5 = 20, critical.
    # R2: likelihoods 2, 3, 3 -> 3; severities 4, 4, 3 -> 4; 3 x 4 = 12, high.  R3: entered once, withheld.
    assert rows(most) == [("R1", "Data privacy breach", "Customer-service chatbot on our website", 4, 3.5, 5, 20,
                           "critical"),
                          ("R2", "Biased chatbot responses", "Customer-service chatbot on our website", 3, 3, 4, 12,
                           "high"),
                          ("R3", "Lack of transparency", "Customer-service chatbot on our website", 1, WAITING, "", "",
                           "")]
    assert "2 attendees added 3 risks of their own" in most.lines[0]
    heat = panel(contributions, "risk.heatmap")
    grid = {row[0]: row[1:] for row in rows(heat)}
    assert grid["5 (severe)"][3] == "20 critical: R1"
    assert grid["4 (major)"][2] == "12 high: R2"
    assert grid["1 (negligible)"][0] == "1 low"  # R3 is not placed
    assert ("R1 Data privacy breach: median likelihood 3.5, median severity 5, placed at 4 × 5 = 20 critical"
            in heat.alt)


def test_risks_from_two_templates_are_labelled_by_template_letter():
    other = "generative_ai_chatbot/R3"
    contributions = [c(p, "risk.register", {"template": "", "own": 0, "risks": [
        {"ref": R1, "likelihood": 2, "severity": 2}, {"ref": other, "likelihood": 5, "severity": 5}]}) for p in "abc"]
    labels = {row[1]: row[0] for row in rows(panel(contributions, "risk.most_entered"))}
    assert labels == {"Data privacy breach": "A-R1", "Prompt injection": "B-R3"}  # templates in the app's order


def ratings(strategy: list[int], ethics: list[int] | None = None) -> dict:
    ids = ["strategy-problems", "strategy-pilots", "strategy-budget", "strategy-review"]
    found = dict(zip(ids, strategy))
    if ethics:
        found |= dict(zip(["ethics-principles", "ethics-impact", "ethics-bias", "ethics-transparency"], ethics))
    return {"ratings": found}


def test_maturity_median_and_spread_per_dimension():
    contributions = [
        c("a", "culture.maturity", ratings([3, 3, 3, 3], [0, 0, 0, 0])),  # strategy 12/12 = 100%
        c("b", "culture.maturity", ratings([2, 2, 1, 1], [3, 3, 0, 0])),  # 6/12 = 50%
        c("c", "culture.maturity", ratings([1, 1, 1, 0])),                # 3/12 = 25%
        c("d", "culture.maturity", ratings([3, 3, 2, 1])),                # 9/12 = 75%
    ]
    found = panel(contributions, "culture.maturity")
    table = {row[0]: row[1:] for row in rows(found)}
    # strategy shares 1, 1/2, 1/4, 3/4: median (1/2 + 3/4) / 2 = 5/8 = 62.5% -> 62, Intermediate.
    assert table["Strategy"] == (4, 62, 25, 100, "Intermediate")
    assert table["Ethics"] == (2, WAITING, "", "", "")
    assert "Strategy median 62% (Intermediate), from 25% to 100%" in found.alt


def test_case_decisions_per_case_and_per_lens():
    case = scan_cases()[0][0]
    first, second = case.options[0], case.options[1]
    west, east = case.lenses[0], case.lenses[1]
    picks = [(first, west.id), (first, east.id), (second, west.id), (first, west.id)]
    contributions = [c(p, "cases.decisions", {case.id: {"decision": d, "lens": lens}}) for p, (d, lens) in
                     zip("abcd", picks)]
    found = panel(contributions, "cases.decisions")
    per_case = [row for row in rows(found, 0) if row[0] == case.title]
    assert per_case[:2] == [(case.title, first, 3, 75), (case.title, second, 1, 25)]
    assert all(row[2] == 0 for row in per_case[2:])
    assert sorted(rows(found, 1)) == sorted([(case.title, west.name, first, 2), (case.title, east.name, first, 1),
                                             (case.title, west.name, second, 1)])
    others = [row for row in rows(found, 0) if row[0] != case.title]
    assert all(row[3] == WAITING for row in others)


def test_the_evaluation_ratings():
    given = [(5, 4), (4, None), (2, 3), (4, 5)]
    contributions = [c(p, "evaluation.form", {"relevance": r, "confidence": k}) for p, (r, k) in zip("abcd", given)]
    table = {row[0]: row[1:] for row in rows(panel(contributions, "evaluation.form"))}
    # relevance 5, 4, 2, 4 -> median 4; confidence 4, 3, 5 -> median 4.
    assert table["Relevance to their work"] == (4, 4, 0, 1, 0, 2, 1)
    assert table["Confidence to act"] == (3, 4, 0, 0, 1, 1, 1)


def test_shared_notes_show_without_names_in_alphabetical_order_and_only_when_shared():
    contributions = [c("z", "note:risk.notes", {"text": "zebra crossing"}, 1.0),
                     c("a", "note:risk.notes", {"text": "Ask the supplier <now>"}, 5.0),
                     c("m", "note:risk.notes", {"text": "minutes"}, 3.0)]
    found = [p for p in room_panels(contributions, "risk") if p.id == "note:risk.notes"]
    assert len(found) == 1
    assert rows(found[0]) == [("Ask the supplier <now>",), ("minutes",), ("zebra crossing",)]
    assert not [p for p in room_panels([], "risk") if p.id.startswith("note:")]


def test_one_lesson_gives_only_its_panels_in_order_and_an_unknown_lesson_is_named():
    from kit.workshop.content import ContentError

    assert [p.id for p in room_panels([], "risk")] == ["quiz.06_chatbot_risk_assessment", "risk.most_entered",
                                                       "risk.heatmap"]
    assert [p.id for p in room_panels([], "06")] == [p.id for p in room_panels([], "risk")]
    with pytest.raises(ContentError, match="no lesson"):
        room_panels([], "no-such-lesson")


def test_every_panel_is_withheld_below_three_attendees():
    contributions = [c(p, key, value) for p in "ab" for key, value in (
        (QUIZ, {"answers": {"reload": [1]}}), ("risk.register", register((R1, 3, 3))),
        ("culture.maturity", ratings([1, 1, 1, 1])), ("evaluation.form", {"relevance": 3, "confidence": 3}),
        ("strategy.use_cases", use_cases(FORECAST, (FORECAST, 3, 1))),
        ("bias.explorer", {"groups": [], "threshold": 0.5, "four_fifths_pass": True, "flagged": []}))]
    for found in room_panels(contributions):
        assert not found.ready and found.tables == () and WAITING in found.lines[0], found.id
