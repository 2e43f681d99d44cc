"""The register as a document to circulate (Markdown, HTML, Word), and as a section of the action plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kit.documents import Document, Section, to_docx, to_html, to_markdown

from ._heatmap import heatmap_table
from ._model import FIELD_LABELS, Risk
from ._register import Register
from ._scoring import bands_table

#: The workspace key the register builder saves to.
#: The workspace key of the lesson's discussion notes.
UNTITLED = "Untitled AI system"
NO_OWNER = "no owner yet"


def ranking_table(register: Register) -> tuple[list[str], list[list]]:
    """The risks, highest score first, as (header, rows) with the columns a meeting needs."""
    header = ["Ref", "Risk", "Score", "After mitigation", "Owner", "Due", "Status"]
    rows = [[risk.ref, risk.title, f"{risk.score} {risk.band}", f"{risk.residual_score} {risk.residual_band}",
             risk.owner or NO_OWNER, risk.due or "not set", risk.status] for risk in register.sorted("score")]
    return header, rows


def summary_lines(register: Register) -> list[str]:
    """What a reader needs first: how many risks, how bad, how much mitigation helps, and owner gaps."""
    if not register.risks:
        return ["The register has no risks yet."]
    lines = [f"{register.count_text()}. Before mitigation: {register.band_summary()}. "
             f"After mitigation: {register.band_summary(after=True)}."]
    top = register.sorted("score")[0]
    lines.append(f"Highest score: {top.ref} {top.title}, {top.score} ({top.band}), "
                 f"{top.residual_score} ({top.residual_band}) after mitigation.")
    lines.append(owner_gaps(register) or "Every risk has an owner.")
    return lines


def owner_gaps(register: Register) -> str:
    """The risks without an owner in one sentence, or "" when every risk has one."""
    unowned = register.without_owner()
    if not unowned:
        return ""
    return (f"{len(unowned)} risk{'s have' if len(unowned) != 1 else ' has'} no owner yet: "
            + ", ".join(f"{r.ref} {r.title}" for r in unowned) + ".")


def _risk_section(risk: Risk) -> Section:
    bullets = [f"{FIELD_LABELS[name]}: {getattr(risk, name)}"
               for name in ("category", "description", "affected", "impact", "mitigation")
               if getattr(risk, name)]
    bullets += [f"Before mitigation: {risk.scoring_text()}", f"After mitigation: {risk.scoring_text(after=True)}",
                f"Owner: {risk.owner or NO_OWNER}", f"Due date: {risk.due or 'not set'}", f"Status: {risk.status}"]
    if risk.found_by:
        bullets.append(f"{FIELD_LABELS['found_by']}: {risk.found_by}")
    # The evidence as a one-column table, a row per line, so an exchange keeps its turns in every format.
    lines = risk.evidence_lines
    evidence = ([FIELD_LABELS["evidence"]], [[line] for line in lines]) if lines else None
    return Section(f"{risk.ref} · {risk.title}", bullets=bullets, table=evidence)


def register_document(register: Register) -> Document:
    """The whole register as a :class:`kit.documents._export.Document`: summary, ranking, each risk, the grids, the bands."""
    name = register.name or UNTITLED
    sections = [Section("Summary", paragraphs=summary_lines(register)),
                Section("Risks, highest score first", table=ranking_table(register))]
    sections += [_risk_section(risk) for risk in register.sorted("score")]
    sections += [
        Section("Heat grid before mitigation", paragraphs=["Each cell: its score and rating, then the risks in it."],
                table=heatmap_table(register)),
        Section("Heat grid after mitigation", table=heatmap_table(register, after=True)),
        Section("How the risks were scored",
                paragraphs=["Score = likelihood (1 rare to 5 almost certain) × severity (1 negligible to 5 "
                            "severe). The rating follows from the score:"], table=bands_table()),
    ]
    return Document(title=f"AI risk register: {name}", subtitle="Risks, their scores before and after "
                    "mitigation, and who is responsible for each.", sections=sections)


def register_exports(register: Register) -> list[tuple[Callable[[], str | bytes], str, str]]:
    """Every download of the register as ``(maker, file name, label)``: CSV, Markdown, HTML and Word.

    Each maker makes its file when called, from ``register`` as it is then.
    """
    from ._csv import register_csv

    return [(lambda: register_csv(register), "risk-register.csv", "Spreadsheet (CSV)"),
            (lambda: to_markdown(register_document(register)), "risk-register.md", "Markdown"),
            (lambda: to_html(register_document(register)), "risk-register.html", "Web page (HTML)"),
            (lambda: to_docx(register_document(register)), "risk-register.docx", "Word document")]


def risk_section(saved: Any) -> Section | None:
    """The saved register (the value of ``"risk.register"``) as one section of the action plan.

    None when no register is saved, or the value cannot be read as one (the
    plan then lists the part as not started): the plan must build whatever
    the attendee did.
    """
    try:
        register = Register.from_dict(saved) if saved else None
    except (ValueError, TypeError, AttributeError):
        return None
    if register is None:
        return None
    return Section(f"AI risk register: {register.name or UNTITLED}", paragraphs=summary_lines(register),
                   table=ranking_table(register))


def risk_notes_section(saved: Any) -> Section | None:
    """The risk lesson's discussion notes (the value of ``"risk.notes"``) as a section; None without notes."""
    text = saved.strip() if isinstance(saved, str) else ""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Section("Risk assessment: discussion notes", paragraphs=paragraphs) if paragraphs else None
