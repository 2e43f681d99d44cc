"""Sections of the action plan for the start page and the bias lesson (see :mod:`kit.workshop.parts`)."""

from __future__ import annotations

from kit.documents import Section
from kit.workshop._quiz import load_quiz, score


def organisation_section(saved: str) -> Section:
    return Section("Our organisation", paragraphs=[str(saved)])


def goal_section(saved: str) -> Section:
    return Section("What we want from AI, ethically", paragraphs=[str(saved)])


def bias_explorer_section(saved: dict) -> Section:
    """The audit of the sample screening tool at the threshold the attendee chose."""
    groups = " and ".join(saved["groups"])
    verdict = {True: "passes", False: "fails", None: "cannot be judged on"}[saved["four_fifths_pass"]]
    lowest = saved["impact_ratio_min"]
    paragraphs = [
        f"Shortlisting at a model score of {saved['threshold']:.2f} or more, the sample screening tool "
        f"{verdict} the four-fifths rule when applicants are compared by {groups}"
        + (f" (lowest impact ratio {lowest:.2f})." if lowest is not None else "."),
    ]
    bullets = [f"Below four-fifths: {name}" for name in saved.get("flagged", [])]
    return Section("Bias audit of a screening tool (practice data)", paragraphs=paragraphs, bullets=bullets)


def own_audit_section(saved: dict) -> Section:
    """The attendee's audit of their own CSV: verdict and the per-group table."""
    verdict = {True: "passes", False: "fails", None: "cannot be judged on"}[saved["four_fifths_pass"]]
    header = ["Group", "People", "Selected", "Selection rate", "Impact ratio"]
    rows = [[" / ".join(g["group"].values()), g["n"], g["selected"], f"{g['selection_rate']:.1%}",
             "n/a" if g["impact_ratio"] is None else f"{g['impact_ratio']:.2f}"] for g in saved["by_group"]]
    return Section("Bias audit of our own decisions",
                   paragraphs=[f"Decisions in '{saved['outcome']}' by {' and '.join(saved['groups'])}: the data "
                               f"{verdict} the four-fifths rule ({saved['rows']} rows). A screening signal, "
                               "not legal proof."],
                   bullets=list(saved.get("warnings", []))[:5], table=(header, rows))


def bias_notes_section(saved: str) -> Section:
    return Section("Questions for our supplier", paragraphs=[str(saved)])


def quiz_section(saved: dict) -> Section:
    """Self-check scores of every lesson taken."""
    rows = []
    for key in sorted(saved):
        name = key.removeprefix("quiz.")
        try:
            right, total = score(load_quiz(name), saved[key].get("answers", {}))
        except (OSError, ValueError):
            continue
        rows.append([name.replace("_", " "), f"{right} of {total}"])
    return Section("Self-check results", table=(["Lesson", "Correct answers"], rows)) if rows else None


def room_section(saved: dict) -> Section:
    """One line: the trainer's room the attendee took part in (an optional part)."""
    return Section("The workshop room", paragraphs=[
        f"We took part in the trainer's room '{saved['name']}', where our quiz answers, scores and votes were "
        "counted anonymously with the rest of the room."])
