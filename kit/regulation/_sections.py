"""The action plan's regulation sections: the EU AI Act triages, and what the saved work covers.

:func:`triage_section` turns the saved ``regulation.triage`` part into a
section: each AI use triaged again with today's content file (so a moved date
shows), its tier, the impact-assessment answer, and one table row per duty
with its article and date. :func:`covers_section` gives the "what this
covers" table: the crosswalk rows of the outputs the attendee has saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kit.documents import Section
from kit.workshop.content import load, number_lessons

from ._ai_act import AiAct, ai_act
from ._crosswalk import ISO as ISO_NAME
from ._crosswalk import NIST, Crosswalk, crosswalk, crosswalk_rows
from ._triage import Triage, triage
from ._triage import _day as day

__all__ = ["triage_section", "covers_section", "saved_outputs", "crosswalk_guide_lines", "TRIAGE_HEADER",
           "COVERS_HEADER"]

TRIAGE_HEADER = ["AI use", "Tier", "What we must do", "Article", "Applies from"]
COVERS_HEADER = ["Our output", "Framework", "Reference", "What it is", "Why it counts"]


def _duty_rows(title: str, result: Triage, content: AiAct) -> list[list[str]]:
    rows = [[title, result.tier_label, f"{o.title}: {' '.join(o.text.split())}", o.article, day(d.date)]
            for o, d in result.obligations]
    duties_from = day(content.date(content.question("transparency").applies_from).date)
    rows += [[title, result.tier_label, f"Transparency duty of the {duty.who}: {duty.text}", duty.article, duties_from]
             for duty in result.duties]
    return rows


def triage_section(saved: Mapping, content: AiAct | None = None) -> Section | None:
    """The saved triages, each worked out again from its answers with the content file as it is now.

    Raises :class:`kit.regulation.TriageInputError` (a ``ValueError``) when a
    saved answer names an id the content no longer has; the plan then names
    the part as one that could not be shown.
    """
    content = content or ai_act()
    entries = [entry for entry in (saved or {}).values() if isinstance(entry, Mapping)]
    if not entries:
        return None
    paragraphs, rows, notes = [], [], {}
    for entry in entries:
        title = str(entry.get("title") or "An AI use")
        result = triage(entry.get("answers") or {}, content)
        fria = "required" if result.fria_required else "not required"
        paragraphs.append(f"{title}: {result.tier_label}. Fundamental-rights impact assessment (Article 27): {fria}.")
        rows += _duty_rows(title, result, content)
        notes.update({d.id: " ".join(d.note.split()) for d in result.dates if d.note})
    paragraphs += list(notes.values())
    paragraphs.append(f"Rules and dates as of {day(content.as_of)}, from {content.regulation}. "
                      f"{' '.join(content.not_legal_advice.split())}")
    return Section("EU AI Act triage of our AI uses", paragraphs=paragraphs, table=(TRIAGE_HEADER, rows))


def saved_outputs(keys: Iterable[str], content: Crosswalk | None = None) -> list[str]:
    """The crosswalk's outputs that saved work holds (by part key), and the action plan when any does."""
    content = content or crosswalk()
    keys = set(keys)
    found = [output.id for output in content.outputs if keys & set(output.parts)]
    if found:
        found += [output.id for output in content.outputs if not output.parts]  # the plan itself
    return found


def covers_section(keys: Iterable[str], content: Crosswalk | None = None) -> Section | None:
    """The "what this covers" table for the saved parts ``keys``; None when nothing saved is mapped."""
    content = content or crosswalk()
    outputs = saved_outputs(keys, content)
    if not outputs:
        return None
    rows = [[row.title, row.framework, row.ref, row.ref_title, row.reason] for row in crosswalk_rows(outputs, content)]
    titles = "; ".join(source.title for source in content.sources)
    nist = sum(row[1] == NIST for row in rows)
    return Section("What this covers: NIST AI RMF and ISO/IEC 42001", paragraphs=[
        f"Our saved work mapped to {nist} references of the NIST AI Risk Management Framework and "
        f"{len(rows) - nist} clauses and controls of ISO/IEC 42001, with the reason for each.",
        " ".join(content.note.split()),
        f"Mapping as of {day(content.as_of)}. Sources: {titles}."], table=(COVERS_HEADER, rows))


def crosswalk_guide_lines(content: Crosswalk | None = None) -> list[str]:
    """The whole crosswalk as a Markdown section of the facilitator guide: every output, reference and reason."""
    content = content or crosswalk()
    numbers = number_lessons([str(entry.get("id")) for entry in load("lessons")])

    def cell(text) -> str:
        return " ".join(str(text).split()).replace("|", "\\|")

    out = ["## What the workshop's outputs cover", "",
           f"Each output of the workshop mapped to {NIST} and {ISO_NAME}, with the reason for each; the action plan "
           "shows the rows for the work an attendee saved, as its \"what this covers\" table. "
           f"{cell(content.note)} Mapping as of {day(content.as_of)}.", "",
           "| Output | Lesson | Framework | Reference | What it is | Why it counts |", "|---|---|---|---|---|---|"]
    out += [f"| {cell(r.title)} | {numbers.get(r.lesson, r.lesson)} | {cell(r.framework)} | {cell(r.ref)} | "
            f"{cell(r.ref_title)} | {cell(r.reason)} |" for r in crosswalk_rows(content=content)]
    out += ["", "Sources: " + "; ".join(cell(s.title) + (f" ({s.url})" if s.url else "") for s in content.sources)
            + ".", ""]
    return out
