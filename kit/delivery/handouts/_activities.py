"""Each lesson's activity on paper, for a room whose network or laptops have failed.

Every form is built from the content its app uses, through the capability
packages' faces (scales, scenarios, the sample data, the explainer's letter,
...), so the paper and the screen never disagree; every number is computed.
This module holds the fundamentals (lessons start to privacy, and the
capstone); :mod:`._activities_governance` holds risk to innovation. A lesson
with no paper form gets a clean notes frame rather than invented content.
"""

from __future__ import annotations

from kit.delivery.handouts._activities_governance import FORMS as GOVERNANCE_FORMS
from kit.delivery.handouts._paper import (BOX, Html, bullets, join, labelled_write, notes_frame, table, tag, ticks,
                                          write)

#: Rows left blank for the attendee's own use cases, groups or steps.
OWN_ROWS = 4
#: How many next steps the capstone's frame asks for.
NEXT_STEPS = 3


def _start() -> Html:
    from kit.workshop import parts

    return join(labelled_write(parts.ORGANISATION.title, "small"), labelled_write(parts.GOAL.title))


def _action_plan() -> Html:
    steps = [(str(n), "", "", "") for n in range(1, NEXT_STEPS + 1)]
    return table(["Step", "What you will do", "Owner", "By when"], steps,
                 caption=f"Your {NEXT_STEPS} next steps", cls="steps")


def _strategy() -> Html:
    from kit.strategy import LABELS, LOW_RISK_MAX, QUADRANTS, SCORES, WORTHWHILE_VALUE, scales

    words = scales()
    value, risk = words["value"].name, words["risk"].name
    top = max(words["value"].levels)
    high_value, low_value = f"{value} {WORTHWHILE_VALUE} to {top}", f"{value} 1 to {WORTHWHILE_VALUE - 1}"
    low_risk, high_risk = f"{risk} 1 to {LOW_RISK_MAX}", f"{risk} {LOW_RISK_MAX + 1} to {max(words['risk'].levels)}"
    matrix = table([f"{value} / {risk.lower()}", low_risk, high_risk],
                   [[high_value, QUADRANTS[(True, True)], QUADRANTS[(True, False)]],
                    [low_value, QUADRANTS[(False, True)], QUADRANTS[(False, False)]]],
                   caption=f"The use-case matrix: {value.lower()} against {risk.lower()}", cls="matrix")
    criteria = table(["Score", *(words[key].name for key in SCORES)],
                     [[str(n), *(f"{words[key].levels[n].label}: {words[key].levels[n].means}" for key in SCORES)]
                      for n in sorted(words["value"].levels)], caption="What each score means")
    questions = bullets(f"{words[key].name}: {words[key].question}" for key in SCORES)
    scoring = table([LABELS["title"], *(f"{LABELS[key]} (1 to {top})" for key in SCORES), "Where it sits"], [],
                    caption="Score your use cases", row_headers=False, blank_rows=OWN_ROWS + 1, cls="scoring")
    return join(tag("h4", "The matrix"), matrix, tag("h4", "The three scores"), questions, criteria,
                tag("h4", "Your use cases"), scoring, labelled_write("Your first pilot, and why", "small"))


def _ethics() -> Html:
    from kit.ethics import content

    pillars = list(content().pillars.values())
    sheet = [tag("div", join(tag("p", join(tag("strong", f"{n}. {scenario.title}"), " · ",
                                           tag("span", scenario.setting, "meta")), "label"),
                             tag("p", scenario.text), ticks((pillar.name for pillar in pillars), "ticks inline")),
                 "question scenario") for n, scenario in enumerate(content().scenarios, start=1)]
    return join(tag("h4", "The pillars"), bullets(join(tag("strong", p.name), f": {p.asks}") for p in pillars),
                tag("h4", "The scenario sorter"), tag("p", "Tick every pillar at stake in each scenario.", "meta"),
                *sheet)


def _ethics_answers() -> Html:
    from kit.ethics import content

    names = {key: pillar.name for key, pillar in content().pillars.items()}
    def why(pillars: dict[str, str]) -> Html:
        return bullets(join(tag("strong", names[key]), f": {reason}") for key, reason in pillars.items())

    rows = [[f"{n}. {scenario.title}", why(scenario.at_stake), why(scenario.also)]
            for n, scenario in enumerate(content().scenarios, start=1)]
    return table(["Scenario", "At stake", "Fair to tick or to leave"], rows, caption="The scenario sorter")


def _worksheet_audit():
    """The sample pool's audit by the first protected attribute that fails the rule (the first if none does)."""
    from kit.hiring import DEFAULT_THRESHOLD, PROTECTED, audit_at

    results = [(name, audit_at((key,), DEFAULT_THRESHOLD)) for key, name in PROTECTED.items()]
    return next(((name, result) for name, result in results if result.four_fifths_pass is False), results[0])


def _bias() -> Html:
    from kit.fairness import FOUR_FIFTHS, METRIC_GUIDE
    from kit.governance.ui import vendor_questions_html
    from kit.hiring import DEFAULT_THRESHOLD

    name, result = _worksheet_audit()
    header = ["Group", "Applicants", "Selected", "Selection rate (selected ÷ applicants)",
              "Impact ratio (rate ÷ highest rate)", f"Below {float(FOUR_FIFTHS):g}?"]
    sample = [[group.name, f"{group.n:,}", f"{group.selected:,}", "", "", BOX] for group in result.by_group]
    rule = [METRIC_GUIDE[key]["means"] for key in ("selection_rate", "impact_ratio", "four_fifths")]
    return join(
        tag("h4", "The four-fifths worksheet"), bullets(rule),
        tag("p", f"The rule as a number: a group fails when its impact ratio is less than {FOUR_FIFTHS} "
                 f"({float(FOUR_FIFTHS):g}); exactly {float(FOUR_FIFTHS):g} passes."),
        table(header, sample, caption=f"The sample applicants by {name.lower()}, shortlisted at a score of "
                                      f"{DEFAULT_THRESHOLD:.2f} or more", cls="worksheet"),
        table(header, [], caption="Your own data", row_headers=False, blank_rows=OWN_ROWS, cls="worksheet"),
        tag("h4", "Questions for your supplier"), Html(vendor_questions_html()),
        labelled_write("The questions you will ask first", "small"))


def _bias_answers() -> Html:
    name, result = _worksheet_audit()
    rows = [[group.name, f"{group.selection_rate:.3f}",
             "no reference" if group.impact_ratio is None else f"{group.impact_ratio:.3f}",
             "yes, flagged" if group.flagged else "reference" if group.reference else "no"]
            for group in result.by_group]
    return table(["Group", "Selection rate", "Impact ratio", "Below four-fifths?"], rows,
                 caption=f"The four-fifths worksheet: the sample applicants by {name.lower()}")


def _letter(paragraphs: list[str], blanks: bool = False) -> Html:
    """The explainer's letter; its reasons and changes (lines starting "- ") as a list, or as boxes to write in."""
    out, items = [], []
    for paragraph in [*paragraphs, ""]:
        if paragraph.startswith("- "):
            items.append(paragraph[2:])
            continue
        if items:
            out.append(write("small") if blanks else bullets(items))
            items = []
        if paragraph:
            out.append(tag("p", paragraph))
    return tag("div", join(*out), "letter")


def _transparency() -> Html:
    from kit.transparency import example_applicants, explain, letter

    examples = example_applicants()
    (shown, shown_why), (asked, asked_why) = examples[0], examples[min(1, len(examples) - 1)]
    worked = _letter(letter(explain(shown)))
    explanation = explain(asked)
    inputs = explanation.table()
    data = table([column[0].upper() + column[1:] for column in inputs.columns], inputs.astype(str).values.tolist(),
                 caption=f"Applicant {asked} ({asked_why}): each input against the average applicant")
    return join(tag("h4", f"A worked example: applicant {shown} ({shown_why})"), worked,
                tag("h4", f"Your turn: explain applicant {asked}'s decision"), data,
                tag("p", "Fill in the letter: the reasons that mattered most, in plain words, and what would "
                         "have changed the outcome.", "meta"),
                _letter(letter(explanation), blanks=True))


def _transparency_answers() -> Html:
    from kit.transparency import example_applicants, explain, letter

    examples = example_applicants()
    asked, why = examples[min(1, len(examples) - 1)]
    return join(tag("p", f"The letter the decision explainer writes for applicant {asked} ({why}):"),
                _letter(letter(explain(asked))))


def _privacy() -> Html:
    from kit.data import COLUMN_GUIDE, load_hiring
    from kit.privacy import classify_columns, kinds

    rows = [[flag.column, COLUMN_GUIDE.get(flag.column, ""), flag.label, BOX, BOX]
            for flag in classify_columns(load_hiring())]
    return join(labelled_write("The purpose: what will the data be used for?", "small"),
                table(["Column", "What it holds", "What it likely is", "Need it", "Don't need it"], rows,
                      caption="The sample hiring data, column by column", cls="checklist"),
                tag("h4", "What to do with each kind"),
                bullets(join(tag("strong", kind.label), f": {kind.advice}") for kind in kinds().values()),
                labelled_write("How long will you keep what you keep, and why?", "small"))


FORMS = {"start": _start, "strategy": _strategy, "ethics": _ethics, "bias": _bias,
         "transparency": _transparency, "privacy": _privacy, "action_plan": _action_plan, **GOVERNANCE_FORMS}
ANSWERS = {"ethics": _ethics_answers, "bias": _bias_answers, "transparency": _transparency_answers}


def activity_html(lesson_id: str) -> str:
    """The activity of one lesson in paper form, as escaped HTML (a notes frame when it has no paper form).

    Parameters
    ----------
    lesson_id : str
        A lesson's id (or number or file name) from ``lessons.yaml``.
    """
    from kit.workshop import lesson

    found = lesson(lesson_id)
    form = FORMS.get(found.id)
    body = form() if form else notes_frame(f"Notes on the activity: {found.app}")
    return tag("div", body, f"activity activity-{found.id}")


def activity_answers_html(lesson_id: str) -> str:
    """The answers to a lesson's paper activity, for the back of the workbook ("" when it has none)."""
    from kit.workshop import lesson

    answers = ANSWERS.get(lesson(lesson_id).id)
    return answers() if answers else ""

