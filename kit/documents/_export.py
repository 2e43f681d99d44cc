"""Documents to take home: spreadsheet-safe CSV, Markdown, a self-contained HTML page, Word.

Every exporter takes plain Python data, so a register, a policy or an action
plan can be written in any format without widgets. User text is escaped for
HTML and neutralised for spreadsheets here, once, for every app.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Sequence

# A cell starting with one of these is read by Excel, LibreOffice or Sheets as a
# formula (OWASP "CSV injection"); a leading apostrophe makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value) -> str:
    """Return ``value`` as text that a spreadsheet will show, never run.

    Numbers stay numbers (``-3`` is not a formula); text starting with a
    formula character gets a leading apostrophe. Text that already starts with
    apostrophes before a formula character gets one more, so that
    :func:`restore_cell` gives back exactly what was typed.
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def safe_csv(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """CSV text with every cell neutralised, safe to open in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(h) for h in header])
    for row in rows:
        writer.writerow([neutralise_cell(v) for v in row])
    return buffer.getvalue()


def restore_cell(text: str) -> str:
    """Undo :func:`neutralise_cell` on import: drop the apostrophe it added."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


@dataclass
class Section:
    """One part of a document: a heading, paragraphs, bullet points and an optional table."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list]] | None = None


@dataclass
class Document:
    """A plain document that renders the same in Markdown, HTML and Word."""

    title: str
    sections: list[Section] = field(default_factory=list)
    subtitle: str = ""
    generated: date = field(default_factory=date.today)


def _md_escape(text) -> str:
    text = str(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def to_markdown(doc: Document) -> str:
    """The document as Markdown; user text is escaped so it cannot add markup."""
    out = [f"# {_md_escape(doc.title)}", ""]
    if doc.subtitle:
        out += [_md_escape(doc.subtitle), ""]
    out += [f"_Generated on {doc.generated.isoformat()} with the Ethical AI Leadership Kit._", ""]
    for section in doc.sections:
        out += [f"## {_md_escape(section.heading)}", ""]
        for paragraph in section.paragraphs:
            out += [_md_escape(paragraph), ""]
        out += [f"- {_md_escape(b)}" for b in section.bullets] + ([""] if section.bullets else [])
        if section.table:
            header, rows = section.table
            out.append("| " + " | ".join(_md_escape(h) for h in header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(_md_escape("" if v is None else v) for v in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out)


PAGE_CSS = """body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:60em;margin:2em auto;
padding:0 1em;color:#1a1a1a;line-height:1.5}h1{color:#10243f}h2{color:#1d4f91;border-bottom:1px solid #c4c9d1}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #8a94a6;padding:.3em .6em;text-align:left;
vertical-align:top}th{background:#eef1f5}.meta{color:#4a4f57}"""


def escape(value: Any) -> str:
    """``value`` as text safe inside HTML, quotes included (None gives ""): the kit's one escape."""
    return html.escape("" if value is None else str(value), quote=True)


_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")


def inline_markdown(text: Any) -> str:
    """Content text with inline Markdown (``*em*``, ``**strong**``, `` `code` ``) as HTML, escaped first."""
    out = _CODE.sub(r"<code>\1</code>", escape(text))
    return _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", out))


_e = escape


def to_html_fragment(doc: Document, heading_level: int = 1) -> str:
    """The document's body as HTML (for a preview inside a page), every value escaped."""
    h1, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    parts = [f"<{h1}>{_e(doc.title)}</{h1}>"]
    if doc.subtitle:
        parts.append(f"<p>{_e(doc.subtitle)}</p>")
    parts.append(f'<p class="meta">Generated on {doc.generated.isoformat()} with the Ethical AI Leadership Kit.</p>')
    for section in doc.sections:
        parts.append(f"<section><{h2}>{_e(section.heading)}</{h2}>")
        parts += [f"<p>{_e(p)}</p>" for p in section.paragraphs]
        if section.bullets:
            parts.append("<ul>" + "".join(f"<li>{_e(b)}</li>" for b in section.bullets) + "</ul>")
        if section.table:
            header, rows = section.table
            parts.append('<table class="kit-table"><thead><tr>' + "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
                         + "</tr></thead><tbody>")
            parts += ["<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows]
            parts.append("</tbody></table>")
        parts.append("</section>")
    return "\n".join(parts)


def to_html(doc: Document) -> str:
    """The document as one self-contained HTML page (no external files), every value escaped."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(doc.title)}</title>'
            f"<style>{PAGE_CSS}</style></head><body><main>\n{to_html_fragment(doc)}\n</main></body></html>")


def to_docx(doc: Document) -> bytes:
    """The document as a Word file (.docx), for leaders who circulate Word."""
    from docx import Document as WordDocument

    word = WordDocument()
    # python-docx's public style setters scan every style on each call (a third of the time here);
    # look each style up once and set its id on the element.
    title, heading, bullet, grid = (word.styles[name].style_id
                                    for name in ("Title", "Heading 1", "List Bullet", "Table Grid"))

    def paragraph(text: str, style_id: str | None = None) -> None:
        added = word.add_paragraph(text)
        if style_id:
            added._p.style = style_id

    word.core_properties.title = doc.title
    paragraph(doc.title, title)
    if doc.subtitle:
        paragraph(doc.subtitle)
    paragraph(f"Generated on {doc.generated.isoformat()} with the Ethical AI Leadership Kit.")
    for section in doc.sections:
        paragraph(section.heading, heading)
        for text in section.paragraphs:
            paragraph(text)
        for item in section.bullets:
            paragraph(item, bullet)
        if section.table:
            header, rows = section.table
            table = word.add_table(rows=1, cols=len(header))
            table._tbl.tblStyle_val = grid
            for cell, text in zip(table.rows[0].cells, header):
                cell.text = str(text)
            for row in rows:
                for cell, value in zip(table.add_row().cells, row):
                    cell.text = "" if value is None else str(value)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
