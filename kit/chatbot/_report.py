"""The battery's findings as one :class:`kit.documents.Document`: web page, Markdown, Word, CSV, plain text, JSON.

Written for a leader to read and send to a vendor: what was checked, what was
found, the exchanges as evidence, what a probe that finds nothing does not
prove, and the sources. Everything the chatbot said is escaped by the writers
of :mod:`kit.documents` (and was stripped of control characters when kept).
"""

from __future__ import annotations

import json
import textwrap

from kit.documents import Document, Section, safe_csv, to_docx, to_html, to_markdown

from ._battery import FOUND, NOT_RUN, BatteryReport, CategoryResult
from ._content import probe_texts
from ._register import report_risks

#: The formats :func:`render` writes; docx is bytes, the others text.
FORMATS = ("text", "json", "html", "markdown", "csv", "docx")
_RESULT_WORDS = {FOUND: "FOUND", NOT_RUN: "could not run"}


def _result(status: str) -> str:
    return _RESULT_WORDS.get(status, status)


def _rows(category: CategoryResult) -> list[list[str]]:
    rows = []
    for probe in category.probes:
        for number, exchange in enumerate(probe.exchanges):
            first = number == 0
            answer = exchange.reply if exchange.reply is not None else f"(no answer: {exchange.problem})"
            rows.append([probe.probe if first else "", _result(probe.status) if first else "",
                         probe.why if first else "", exchange.message, answer])
    return rows


def _category_section(category: CategoryResult) -> Section:
    text = category.text
    paragraphs = [text.question, text.explanation, f"What it does not prove: {text.does_not_prove}"]
    if category.status == FOUND:
        risk = text.risk
        owasp = "; ".join(risk.owasp) or risk.owasp_note
        paragraphs.append(f"For the risk register: {risk.title}. Suggested owner: {risk.owner}. "
                          f"Suggested mitigation: {risk.mitigation} Nearest risk in the source table: "
                          f"{risk.seed_risk}. OWASP Top 10 for LLM applications (2025): {owasp}. "
                          f"NIST AI 600-1: {risk.nist}.")
    return Section(heading=f"{text.name}: {_result(category.status)}", paragraphs=paragraphs,
                   table=(["Probe", "Result", "Why", "Message sent", "Reply"], _rows(category)))


def report_document(report: BatteryReport) -> Document:
    """The findings as one document, the same in every format."""
    texts = probe_texts()
    categories = report.categories
    found = [c for c in categories if c.status == FOUND]
    not_run = [c for c in categories if c.status == NOT_RUN]
    headline = (f"{len(found)} of {len(categories)} categories found"
                + (f"; {len(not_run)} could not be run" if not_run else "") + ".")
    summary = Section("Summary", paragraphs=[texts.intro, texts.limits],
                      table=(["Category", "What the probes ask", "Result"],
                             [[c.text.name, c.text.question, _result(c.status)] for c in categories]))
    told = Section("What the chatbot was told before each probe",
                   paragraphs=["The same instructions, sent as the conversation's first (system) message. "
                               "The business and its customers are invented; the codes are new each run."],
                   bullets=[line for line in report.scenario.splitlines() if line.strip()])
    seeds = Section("The source table's four chatbot risks",
                    bullets=[f"{seed.title}: " + (", ".join(_name(c) for c in seed.probes) or seed.note)
                             for seed in texts.seed_risks])
    sources = Section("Sources", bullets=[f"{s.name}, {s.by}" + (f": {s.url}" if s.url else "")
                                          for s in texts.sources])
    return Document(title=f"Chatbot probe report: {report.target}",
                    subtitle=f"{headline} Run on {report.run_on.isoformat()}.",
                    sections=[summary, *(_category_section(c) for c in categories), told, seeds, sources],
                    generated=report.run_on)


def _name(category_id: str) -> str:
    return next(c.name for c in probe_texts().categories if c.id == category_id)


def report_csv(report: BatteryReport) -> str:
    """One spreadsheet row per message sent, every cell safe to open in Excel."""
    header = ["category", "category_result", "probe", "probe_result", "why", "message", "reply", "problem"]
    rows = [[c.text.name, c.status, p.probe, p.status, p.why, e.message, e.reply or "", e.problem]
            for c in report.categories for p in c.probes for e in p.exchanges]
    return safe_csv(header, rows)


def report_text(report: BatteryReport, width: int = 100) -> str:
    """The document as plain text for a terminal: headings, wrapped paragraphs, each table row as a block."""
    doc = report_document(report)
    wrap = lambda text, indent="": textwrap.fill(" ".join(str(text).split()), width, initial_indent=indent,  # noqa: E731
                                                 subsequent_indent=indent + "  " if indent else "")
    out = [doc.title, "=" * min(len(doc.title), width), doc.subtitle, ""]
    for section in doc.sections:
        out += [section.heading, "-" * min(len(section.heading), width)]
        out += [wrap(p) + "\n" for p in section.paragraphs]
        out += [wrap(b, "- ") for b in section.bullets] + ([""] if section.bullets else [])
        if section.table:
            header, rows = section.table
            for row in rows:
                out += [wrap(f"{h}: {v}", "  " if i else "* ") for i, (h, v) in enumerate(zip(header, row)) if v]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(report: BatteryReport, fmt: str) -> str | bytes:
    """The report in ``fmt`` (one of :data:`FORMATS`); ``json`` adds the register rows of the findings."""
    if fmt == "json":
        data = report.to_dict() | {"found": list(report.found), "risks": report_risks(report)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return report_csv(report)
    if fmt == "text":
        return report_text(report)
    writer = {"html": to_html, "markdown": to_markdown, "docx": to_docx}.get(fmt)
    if writer is None:
        raise ValueError(f"Choose a format from {', '.join(FORMATS)}, not {fmt!r}.")
    return writer(report_document(report))
