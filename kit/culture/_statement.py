"""A public transparency statement about one AI system (the *Ethical innovation and advocacy* lesson).

The statement follows the public tier (tier 1) of the UK Algorithmic
Transparency Recording Standard: name, description, purpose, how it works,
why it is used, and how to get in touch or challenge a decision, with what
data it uses and who oversees it. The questions are data
(``kit/content/transparency_statement.yaml``). The learner's answers are saved
under :data:`kit.workshop.parts.STATEMENT` as ``{"answers": {...}}``. What they saved in other
lessons can suggest answers and sentences for "How we check it"
(:func:`suggestions`, :func:`evidence`); every such value is read
defensively, because it may be missing or come from an older kit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

import pydantic
from pydantic import AfterValidator

from kit.workshop import lesson_label, parts
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids
from kit.documents import Document, Section
from kit.hiring import PROTECTED

MAX_LENGTH = 2000
TO_WRITE = "To be written."
_REACHABLE = re.compile(r"@|https?://|www\.|\d{3}")


class _WorkLabels(Mapping):
    """Workspace key → how the attendee knows that work, such as "your risk register (lesson NN, its title)".

    Read from the parts' declarations and the lesson registry when first asked, so a renamed or
    renumbered lesson never leaves a stale label.
    """

    def __init__(self, *declared: parts.Part):
        self._parts = {part.key: part for part in declared}

    def __getitem__(self, key: str) -> str:
        part = self._parts[key]
        title = part.title[0].lower() + part.title[1:]
        return f"{'' if title.startswith('your ') else 'your '}{title} ({lesson_label(part.lesson)})"

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


#: Workspace keys of other lessons the statement can draw on, with where they come from.
WORK_KEYS: Mapping[str, str] = _WorkLabels(parts.ORGANISATION, parts.BIAS_EXPLORER, parts.RISK_REGISTER,
                                           parts.TARGETS)


class Field(ContentModel):
    """One question of the statement, and the section of the statement its answer fills."""

    id: str = pydantic.Field(pattern=r"^[a-z][a-z0-9_]*$",
                             description="a short id in small letters and _, such as how_it_works (answers are "
                                         "saved under it)")
    heading: str = pydantic.Field(min_length=1, description="the statement's section heading")
    question: str = pydantic.Field(min_length=1, description="the question, as the form's label")
    help: str = pydantic.Field(min_length=1, description="one line of help under the question")
    example: str = pydantic.Field(min_length=1, description="an example answer (the placeholder and "
                                                            "'Start from the example')")
    required: bool = pydantic.Field(True, description="true or false: whether the statement needs this section")
    multiline: bool = pydantic.Field(False, description="true or false: true gives a larger box")


def _complete(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    missing = [key for key in ("organisation", "name") if key not in [f.id for f in fields]]
    if missing:
        raise ValueError(f"there is no field {' or '.join(map(repr, missing))}; keep the fields 'organisation' "
                         "and 'name', which title the statement")
    return fields


Fields = Annotated[Items[Field], AfterValidator(unique_ids("fields")), AfterValidator(_complete)]


def load_fields() -> tuple[Field, ...]:
    """The statement's questions, checked, in order."""
    return load_valid("transparency_statement", Fields)


def clean_answers(saved: Any) -> dict[str, str]:
    """The answers from a saved value (``{"answers": {...}}`` or the answers themselves), as text."""
    answers = saved.get("answers", saved) if isinstance(saved, dict) else {}
    known = {f.id for f in load_fields()}
    return {key: str(value).strip() for key, value in (answers.items() if isinstance(answers, dict) else [])
            if key in known and isinstance(value, (str, int, float)) and str(value).strip()}


def missing_sections(answers: dict) -> list[str]:
    """Headings of the required sections still without an answer."""
    return [f.heading for f in load_fields() if f.required and not str(answers.get(f.id, "")).strip()]


def warnings(answers: dict) -> list[str]:
    """Plain advice on answers that are too long or a contact nobody can use."""
    notes = [f"'{f.heading}' is {len(answers[f.id])} characters; a public statement reads best under "
             f"{MAX_LENGTH}. Cut it down or link to more detail." for f in load_fields()
             if len(answers.get(f.id, "")) > MAX_LENGTH]
    contact = answers.get("contact", "")
    if contact and not _REACHABLE.search(contact):
        notes.append("The contact does not look like an email address, phone number or web page; give one "
                     "that a person answers.")
    return notes


def _bias_line(saved: Any) -> str | None:
    if not isinstance(saved, dict) or not isinstance(saved.get("groups"), list):
        return None
    groups = " and ".join(PROTECTED.get(str(g), str(g)).lower() for g in saved["groups"]) or "group"
    threshold = saved.get("threshold")
    at = f" at a cut-off score of {float(threshold):.2f}" if isinstance(threshold, (int, float)) else ""
    verdict = saved.get("four_fifths_pass")
    flagged = [str(g) for g in saved.get("flagged") or []]
    if verdict is True:
        result = "no group fell below four-fifths of the highest group's selection rate"
    elif verdict is False:
        result = f"these groups fell below four-fifths of the highest rate: {', '.join(flagged) or 'some groups'}"
    else:
        result = "the four-fifths test could not be run on that data"
    ratio = saved.get("impact_ratio_min")
    low = f" (lowest impact ratio {float(ratio):.2f})" if isinstance(ratio, (int, float)) else ""
    return f"We audited the screening tool's selection rates by {groups}{at}: {result}{low}."


def _risk_line(saved: Any) -> str | None:
    risks = saved.get("risks") if isinstance(saved, dict) else saved
    if not isinstance(risks, list):
        return None
    rows = [r for r in risks if isinstance(r, dict) and (r.get("title") or r.get("risk"))]
    if not rows:
        return None
    owned = sum(1 for r in rows if str(r.get("owner") or "").strip())
    def one(risk: dict) -> str:
        response = str(risk.get("mitigation") or "").strip().rstrip(".")
        title = str(risk.get("title") or risk.get("risk")).strip().rstrip(".")
        return f"{title} (our response: {response})" if response else title

    main = "; ".join(one(r) for r in rows[:3])
    return (f"We keep a risk register for this system with {len(rows)} risk{'s' if len(rows) != 1 else ''}, "
            f"{owned} with a named owner. The main ones: {main}.")


def _kpi_line(saved: Any) -> str | None:
    if not isinstance(saved, dict):
        return None
    from kit.measure import clean_targets, load_kpis, resolve_targets

    targets, own = resolve_targets(saved), clean_targets(saved)
    kpis = sorted(load_kpis(), key=lambda k: k.id not in own)[:3]  # the learner's own targets first
    named = "; ".join(f"{k.name} ({k.target_text(targets[k.id])})" for k in kpis)
    return f"We track {len(targets)} ethical measures every month against targets, including: {named}."


def evidence(work: dict[str, Any]) -> list[str]:
    """Sentences for "How we check it" from the learner's saved work; whatever is missing is skipped.

    Parameters
    ----------
    work : dict
        Workspace key to saved value, for the keys of :data:`WORK_KEYS` (any may be absent).
    """
    lines = []
    for key, make in (("bias.explorer", _bias_line), ("risk.register", _risk_line), ("kpis.targets", _kpi_line)):
        try:
            line = make(work.get(key))
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            line = None
        if line:
            lines.append(line)
    return lines


def add_evidence(text: str, lines: list[str]) -> str:
    """``text`` with each evidence sentence appended once, on its own line (never twice)."""
    new = [line for line in lines if line not in (text or "")]
    return "\n".join([part for part in [(text or "").strip(), *new] if part])


def suggestions(work: dict[str, Any]) -> dict[str, str]:
    """Answers the saved work can suggest: the organisation's name, the system's name."""
    found = {}
    organisation = work.get("profile.organisation")
    if isinstance(organisation, str) and organisation.strip():
        found["organisation"] = organisation.strip()
    register = work.get("risk.register")
    if isinstance(register, dict) and isinstance(register.get("name"), str) and register["name"].strip():
        found["name"] = register["name"].strip()
    return found


def statement_document(answers: dict) -> Document:
    """The statement as a :class:`kit.documents._export.Document` (Markdown, HTML and Word from one source).

    Parameters
    ----------
    answers : dict
        Field id to answer (as saved, or straight from the form).

    Returns
    -------
    kit.documents._export.Document
        Titled with the organisation and the system; one section per field in
        the order of the public tier. A required section without an answer
        says "To be written."; an optional one is left out.
    """
    answers = clean_answers(answers)
    name, organisation = answers.get("name"), answers.get("organisation")
    title = f"How {organisation} uses AI" if organisation else "How we use AI"
    sections = []
    for field in load_fields():
        if field.id == "organisation":
            continue
        text = answers.get(field.id)
        if text or field.required:
            sections.append(Section(field.heading, paragraphs=(text or TO_WRITE).splitlines() or [TO_WRITE]))
    return Document(
        title=f"{title}: {name}" if name else title,
        subtitle="A public transparency statement, structured like the public tier (tier 1) of the UK "
                 "Algorithmic Transparency Recording Standard.",
        sections=sections)


def statement_section(saved: Any) -> Section | None:
    """The saved statement (workspace ``transparency.statement``) as one section of the action plan; None if empty."""
    answers = clean_answers(saved)
    if not answers:
        return None
    doc = statement_document(answers)
    rows = [[s.heading, " ".join(s.paragraphs)] for s in doc.sections]
    todo = missing_sections(answers)
    note = (f"Still to write: {', '.join(todo)}." if todo else "Every section of the public tier has an answer.")
    return Section("Transparency statement", paragraphs=[doc.title, note], table=(["Section", "What we publish"], rows))
