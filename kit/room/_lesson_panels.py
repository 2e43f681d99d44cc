"""The room's answers to the lessons' apps: first pilots, bias thresholds, maturity, cases, the evaluation, notes."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kit.room._aggregates import WAITING, Panel, Table, number, percent, plural, spread, waiting
from kit.room._contributions import MIN_ANSWERS, NOTE_PREFIX, case_choices
from kit.workshop import parts

NO_PILOT = "No low-risk pilot yet"
OWN_PILOT = "One of their own use cases"


def use_case_panels(values: dict[str, Any]) -> tuple[Panel, Panel]:
    """The first pilot each attendee's list recommends, and the spread of value and ethical risk per use case."""
    lesson = parts.USE_CASES.lesson
    votes_title, spread_title = "First pilot: the room's votes", "Value and ethical risk per use case"
    if len(values) < MIN_ANSWERS:
        return (waiting("strategy.pilot", lesson, votes_title, len(values)),
                waiting("strategy.spread", lesson, spread_title, len(values)))
    votes = Counter(NO_PILOT if v.get("pilot") is None else v["pilot"] or OWN_PILOT for v in values.values())
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    vote_rows = tuple((choice, count, percent(count, len(values))) for choice, count in ranked)
    pilot = Panel("strategy.pilot", lesson, votes_title, len(values),
                  (f"The first pilot recommended by each of {plural(len(values), 'attendee')}' lists.",),
                  (Table(votes_title, ("First pilot", "Attendees", "%"), vote_rows),), "bars",
                  {"bars": [{"label": c, "count": n} for c, n in ranked]},
                  "Bar chart of the first pilots the room's lists recommend: "
                  + "; ".join(f"{c}, {n}" for c, n in ranked) + ".")
    scores: dict[str, list[tuple[int, int]]] = {}
    for value in values.values():
        for case in value.get("cases") or []:
            scores.setdefault(case["title"], []).append((case["value"], case["risk"]))
    rows, cases = [], []
    for title, pairs in sorted(scores.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(pairs) < MIN_ANSWERS:
            rows.append((title, len(pairs), WAITING, "", "", "", "", ""))
            continue
        value, risk = spread([p[0] for p in pairs]), spread([p[1] for p in pairs])
        cases.append({"title": title, "n": len(pairs), "value": list(value), "risk": list(risk)})
        rows.append((title, len(pairs), *(number(x) for x in value), *(number(x) for x in risk)))
    own = sum(v.get("own", 0) for v in values.values())
    header = ("Use case", "Scored by", "Value: median", "lowest", "highest", "Ethical risk: median", "lowest",
              "highest")
    alt = "; ".join(f"{c['title']}: value median {number(c['value'][0])} ({c['value'][1]} to {c['value'][2]}), "
                    f"ethical risk median {number(c['risk'][0])} ({c['risk'][1]} to {c['risk'][2]})" for c in cases)
    spread_panel = Panel("strategy.spread", lesson, spread_title, len(values),
                         (f"The kit's template use cases as the room scored them, from 1 to 5; "
                          f"{plural(own, 'use case')} "
                          "of the attendees' own are counted only (their titles stay with them).",),
                         (Table(spread_title, header, tuple(rows)),), "spread" if cases else "", {"cases": cases},
                         f"Chart of the spread of the room's scores per use case: {alt}." if cases else "")
    return pilot, spread_panel


def bias_panel(values: dict[str, Any]) -> Panel:
    """The thresholds the room chose in the bias explorer and what they found (four-fifths, flagged groups)."""
    lesson, title = parts.BIAS_EXPLORER.lesson, "Bias explorer: thresholds and findings"
    if len(values) < MIN_ANSWERS:
        return waiting("bias.explorer", lesson, title, len(values))
    from kit.hiring import PROTECTED

    thresholds = Counter(v["threshold"] for v in values.values())
    middle, low, high = spread([v["threshold"] for v in values.values()])
    verdicts = Counter({True: "passes", False: "fails", None: "not judged"}[v.get("four_fifths_pass")]
                       for v in values.values())
    flagged = Counter(group for v in values.values() for group in v.get("flagged") or [])
    compared = Counter(" + ".join(PROTECTED[g] for g in v.get("groups") or []) or "none" for v in values.values())
    tables = (
        Table("Thresholds chosen", ("Shortlist at a score of", "Attendees"),
              tuple((f"{t:.2f}", n) for t, n in sorted(thresholds.items()))),
        Table("The four-fifths test at their threshold", ("Four-fifths test", "Attendees", "%"),
              tuple((word, verdicts[word], percent(verdicts[word], len(values)))
                    for word in ("passes", "fails", "not judged") if verdicts[word])),
        Table("Groups flagged", ("Group", "Flagged by"), tuple(sorted(flagged.items(), key=lambda i: (-i[1], i[0])))
              or (("none", 0),)),
        Table("Groups compared", ("Compared by", "Attendees"),
              tuple(sorted(compared.items(), key=lambda i: (-i[1], i[0])))),
    )
    lines = (f"{plural(len(values), 'attendee')}: median threshold {number(middle):.2f} "
             f"(from {low:.2f} to {high:.2f}); "
             f"the four-fifths test passes for {verdicts['passes']} and fails for {verdicts['fails']}.",)
    bars = [{"label": f"{t:.2f}", "count": n} for t, n in sorted(thresholds.items())]
    return Panel("bias.explorer", lesson, title, len(values), lines, tables, "bars", {
        "bars": bars, "median": number(middle), "lowest": low, "highest": high,
        "four_fifths": dict(verdicts), "flagged": dict(flagged)},
        "Bar chart of the thresholds the room chose: " + "; ".join(f"{b['label']}, {b['count']}" for b in bars) + ".")


def maturity_panel(values: dict[str, Any]) -> Panel:
    """The room's maturity per dimension: median, lowest and highest score (the radar each attendee saw)."""
    from kit.culture import assess, level_for, load_model

    lesson, title = parts.MATURITY.lesson, "Maturity: the room's radar"
    if len(values) < MIN_ANSWERS:
        return waiting("culture.maturity", lesson, title, len(values))
    model = load_model()
    results = [assess(model, v.get("ratings") or {}).results for v in values.values()]
    rows, dimensions = [], []
    for i, dimension in enumerate(model.dimensions):
        shares = [r[i].share for r in results if r[i].share is not None]
        if len(shares) < MIN_ANSWERS:
            rows.append((dimension.title, len(shares), WAITING, "", "", ""))
            dimensions.append({"title": dimension.title, "n": len(shares), "median": None})
            continue
        middle, low, high = spread(shares)
        found = {"title": dimension.title, "n": len(shares), "median": int(middle * 100), "lowest": int(low * 100),
                 "highest": int(high * 100), "level": level_for(middle)}
        dimensions.append(found)
        rows.append((dimension.title, len(shares), found["median"], found["lowest"], found["highest"], found["level"]))
    shown = [d for d in dimensions if d["median"] is not None]
    alt = "; ".join(f"{d['title']} median {d['median']}% ({d['level']}), from {d['lowest']}% to {d['highest']}%"
                    for d in shown)
    return Panel("culture.maturity", lesson, title, len(values),
                 (f"{plural(len(values), 'attendee')} rated their organisation; a score is the share of points, "
                  "rounded down, as on each attendee's radar.",),
                 (Table(title, ("Dimension", "Rated by", "Median %", "Lowest %", "Highest %", "Level of the median"),
                        tuple(rows)),), "radar" if shown else "", {"dimensions": dimensions},
                 f"Radar chart of the room's median maturity per dimension, 0 to 100%, with the lowest and highest: "
                 f"{alt}." if shown else "")


def case_panel(values: dict[str, Any]) -> Panel:
    """The room's decisions per case, and per regional lens they decided under."""
    from kit.culture import scan_cases

    lesson, title = parts.CASES.lesson, "Case decisions"
    deciders = len(values)
    if deciders < MIN_ANSWERS:
        return waiting("cases.decisions", lesson, title, deciders)
    decision_rows, lens_rows, cases = [], [], []
    for case in scan_cases()[0]:
        records = [v[case.id] for v in values.values() if case.id in v]
        if len(records) < MIN_ANSWERS:
            decision_rows.append((case.title, "", len(records), WAITING))
            continue
        counts = Counter(r["decision"] for r in records)
        options = [o for o in case_choices()[case.id][0]]
        cases.append({"case": case.title, "n": len(records), "options": {o: counts[o] for o in options}})
        decision_rows += [(case.title, o, counts[o], percent(counts[o], len(records))) for o in options]
        names = {lens.id: lens.name for lens in case.lenses}
        by_lens = Counter((r.get("lens"), r["decision"]) for r in records)
        lens_rows += [(case.title, names.get(lens, "not named"), option, n)
                      for (lens, option), n in sorted(by_lens.items(), key=lambda i: (str(i[0][0]), i[0][1]))]
    alt = "; ".join(f"{c['case']}: " + ", ".join(f"{o} {n}" for o, n in c["options"].items()) for c in cases)
    tables = (Table("Decisions per case", ("Case", "Decision", "Teams", "%"), tuple(decision_rows)),)
    if lens_rows:
        tables += (Table("Decisions per lens", ("Case", "Decided under", "Decision", "Teams"), tuple(lens_rows)),)
    return Panel("cases.decisions", lesson, title, deciders,
                 (f"{plural(deciders, 'attendee')} recorded decisions; their reasoning stays in their workspace.",),
                 tables, "cases" if cases else "", {"cases": cases},
                 f"Bar charts of the decisions per case: {alt}." if cases else "")


RATINGS = (("relevance", "Relevance to their work"), ("confidence", "Confidence to act"))


def evaluation_panel(values: dict[str, Any]) -> Panel:
    """The evaluation's two ratings, 1 to 5: how many gave each, and the median (its free answers never leave)."""
    lesson, title = parts.EVALUATION.lesson, "Evaluation of the workshop"
    if len(values) < MIN_ANSWERS:
        return waiting("evaluation.form", lesson, title, len(values))
    rows, ratings = [], {}
    for name, label in RATINGS:
        given = [v[name] for v in values.values() if v.get(name) is not None]
        if len(given) < MIN_ANSWERS:
            rows.append((label, len(given), WAITING, "", "", "", "", ""))
            continue
        counts = Counter(given)
        ratings[name] = {"label": label, "n": len(given), "median": number(spread(given)[0]),
                         "counts": {str(point): counts[point] for point in range(1, 6)}}
        rows.append((label, len(given), ratings[name]["median"], *(counts[point] for point in range(1, 6))))
    alt = "; ".join(f"{r['label']}: median {r['median']} of 5 from {r['n']} ratings ("
                    + ", ".join(f"{n} gave {p}" for p, n in r["counts"].items() if n) + ")" for r in ratings.values())
    return Panel("evaluation.form", lesson, title, len(values),
                 (f"{plural(len(values), 'attendee')} rated the workshop from 1 (not at all) to 5 (very); "
                  "their written answers stay in their workspace.",),
                 (Table(title, ("Rating", "Given by", "Median", "1", "2", "3", "4", "5"), tuple(rows)),),
                 "ratings" if ratings else "", {"ratings": ratings},
                 f"Bar charts of the ratings: {alt}." if ratings else "")


def note_panels(by_key: dict[str, dict[str, Any]], lesson: str) -> list[Panel]:
    """The notes shared with the room from this lesson's text parts, without names, sorted by their text.

    Sorting by text (not by when they came) keeps the order from telling who
    wrote what. A note is shown because its author chose to share it, so no
    count of answers holds it back.
    """
    panels = []
    for part in parts.ALL:
        notes = by_key.get(f"{NOTE_PREFIX}{part.key}", {})
        texts = sorted((v["text"] for v in notes.values() if isinstance(v, dict) and v.get("text")),
                       key=lambda text: (text.casefold(), text))
        if part.lesson == lesson and texts:
            title = f"Shared notes: {part.title}"
            panels.append(Panel(f"{NOTE_PREFIX}{part.key}", lesson, title, len(texts),
                                (f"{plural(len(texts), 'note')} shared with the room, without names, in "
                                 "alphabetical order.",), (Table(title, ("Note",), tuple((t,) for t in texts)),)))
    return panels
