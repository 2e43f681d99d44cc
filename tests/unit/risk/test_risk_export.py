"""Exports of a register: spreadsheet-safe CSV and its import, Markdown, HTML, Word, the action-plan section."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document as WordDocument

from kit.documents import FORMULA_STARTS, Section, to_docx, to_html, to_markdown
from kit.risk import (Register, load_template, read_register_csv, register_csv, register_document, register_exports,
                      risk_notes_section, risk_section, template_names, validate_risk)

MARKUP = "<img src=x onerror=alert(1)>"
HYPERLINK = '=HYPERLINK("http://example.com/x","Click")'


def _register(*titles, **fields) -> Register:
    register = Register(name="Chatbot <b>")
    for title in titles:
        register.add(validate_risk({"title": title, "likelihood": 4, "severity": 5, **fields}))
    return register


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- CSV -------------------------------------------------------------------------------

@pytest.mark.parametrize("start", [c for c in FORMULA_STARTS if c.strip()])  # the checks trim tabs and returns
def test_csv_neutralises_every_formula_start(start):
    text = register_csv(_register(f"{start}cmd|' /C calc'!A0", owner=f"{start}SUM(A1)"))
    row = _rows(text)[0]
    assert row["Risk"] == f"'{start}cmd|' /C calc'!A0" and row["Owner"] == f"'{start}SUM(A1)"


def test_csv_hyperlink_title_starts_with_an_apostrophe():
    row = _rows(register_csv(_register(HYPERLINK)))[0]
    assert row["Risk"].startswith("'=HYPERLINK(")


def test_csv_has_scores_and_bands_and_is_highest_first():
    register = load_template("customer_service_chatbot")
    rows = _rows(register_csv(register))
    assert [r["Ref"] for r in rows] == [r.ref for r in register.sorted("score")]
    first = rows[0]
    assert (first["Score"], first["Rating"], first["Score after mitigation"], first["Rating after mitigation"]) == \
        ("15", "high", "8", "medium")
    assert register_csv(register).endswith("\r\n")


@pytest.mark.parametrize("name", template_names())
def test_csv_round_trip_of_every_template(name):
    register = load_template(name)
    again = read_register_csv(register_csv(register).encode("utf-8"), name=register.name)
    assert again.risks == register.sorted("score") and again.name == register.name


def test_csv_round_trip_keeps_awkward_text():
    awkward = [HYPERLINK, MARKUP, "+44 20 7946 0000 line", "-minus", "@mention", "Comma, \"quote\" and\nnew line",
               "Café – naïve ✓", "\tTabbed"]
    register = _register(*awkward, owner="=owner", mitigation="-do this\r\nthen that", due="2026-04-30")
    again = read_register_csv(register_csv(register).encode("utf-8"))
    assert {r.title for r in again.risks} == {t.strip() for t in awkward}
    assert {r.owner for r in again.risks} == {"=owner"}
    assert {r.mitigation for r in again.risks} == {"-do this\r\nthen that"}
    assert {r.due for r in again.risks} == {"2026-04-30"}


def test_import_reads_the_framework_headers_in_any_order_with_a_bom():
    text = "\ufeffSeverity,Ethical Risk,Responsibility,Likelihood,Extra\n5,Data privacy breach,DPO,likely,ignored\n"
    register = read_register_csv(text.encode("utf-8"), name="mine")
    (risk,) = register.risks
    assert (risk.title, risk.owner, risk.ref) == ("Data privacy breach", "DPO", "R1")
    assert (risk.likelihood, risk.severity) == (4, 5)


def test_import_skips_blank_rows_and_reads_day_month_year_dates():
    text = "Risk,Likelihood (1-5),Severity (1-5),Due date\n\n,,,\nA,1,2,31/12/2026\n"
    (risk,) = read_register_csv(text).risks
    assert risk.due == "2026-12-31"


@pytest.mark.parametrize(("content", "words"), [
    (b"", "The file is empty"),
    (b"   \n", "The file is empty"),
    ("Risk,Likelihood\n".encode("utf-16"), "not UTF-8"),
    (b"PK\x03\x04\x00\x00workbook", "not a plain-text CSV"),
    (b"Risk,Likelihood,Severity\n\xe9t\xe9,1,1\n", "not UTF-8"),
    (b"Risk;Likelihood;Severity\nA;1;2\n", "semicolons"),
    (b"Risk,Severity\nA,3\n", "no column 'Likelihood (1-5)'"),
    (b"Title,Probability,Impact\nA,3,3\n", "no column 'Likelihood (1-5)' or 'Severity (1-5)'"),
    (b"Risk,Likelihood,Severity\n", "no data rows"),
    (b"Risk,Likelihood,Severity\nA,9,1\n,2,2\nA,1,1\nB,1,1\nB,2,2\n", "3 row(s) of the file need fixing"),
])
def test_import_errors_name_the_problem_and_the_fix(content, words):
    with pytest.raises(ValueError) as caught:
        read_register_csv(content)
    assert words in str(caught.value)


def test_import_errors_give_row_numbers_and_titles():
    text = b"Risk,Likelihood,Severity\nGood,1,1\nBad one,9,1\n,2,2\n"
    with pytest.raises(ValueError) as caught:
        read_register_csv(text)
    message = str(caught.value)
    assert "Row 3 (Bad one): Likelihood: 9 is outside the scale" in message
    assert "Row 4: Risk: give the risk a short title" in message


def test_import_lists_only_the_first_problems():
    body = "".join(f"T{i},9,1\n" for i in range(8))
    with pytest.raises(ValueError, match=r"8 row\(s\).*and 3 more\.$"):
        read_register_csv("Risk,Likelihood,Severity\n" + body)


def test_import_refuses_a_huge_file():
    body = "".join(f"T{i},1,1\n" for i in range(501))
    with pytest.raises(ValueError, match="reads up to 500"):
        read_register_csv("Risk,Likelihood,Severity\n" + body)


# --- documents ---------------------------------------------------------------------------

def _document_register() -> Register:
    register = load_template("customer_service_chatbot")
    register.name = "Chatbot <b>bold</b>"
    register.add(validate_risk({"title": MARKUP, "likelihood": 5, "severity": 5, "description": "| pipe *star*"}))
    return register


def test_document_sections_summarise_rank_and_detail_every_risk():
    document = register_document(_document_register())
    headings = [s.heading for s in document.sections]
    assert headings[:3] == ["Summary", "Risks, highest score first", f"R5 · {MARKUP}"]
    assert headings[-3:] == ["Heat grid before mitigation", "Heat grid after mitigation", "How the risks were scored"]
    summary = " ".join(document.sections[0].paragraphs)
    assert "5 risks. Before mitigation: 1 critical, 3 high, 1 medium, 0 low." in summary
    assert "1 risk has no owner yet: R5" in summary
    header, rows = document.sections[1].table
    assert rows[0][:4] == ["R5", MARKUP, "25 critical", "25 critical"] and rows[0][4] == "no owner yet"


def test_markdown_escapes_user_text():
    text = to_markdown(register_document(_document_register()))
    assert "# AI risk register: Chatbot \\<b\\>bold\\</b\\>" in text
    assert "\\<img src=x onerror=alert(1)\\>" in text and MARKUP not in text
    assert "\\| pipe \\*star\\*" in text


def test_html_is_one_escaped_page():
    page = to_html(register_document(_document_register()))
    assert page.startswith("<!DOCTYPE html>") and "<img" not in page and "&lt;img src=x" in page
    assert "<b>bold" not in page and "&lt;b&gt;bold" in page and "<link" not in page


def test_word_document_opens_with_the_register_table():
    word = WordDocument(io.BytesIO(to_docx(register_document(_document_register()))))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "AI risk register: Chatbot <b>bold</b>" in text and "Every risk" not in text
    cells = [c.text for c in word.tables[0].rows[1].cells]
    assert cells[:3] == ["R5", MARKUP, "25 critical"]
    assert len(word.tables) == 4  # ranking, two heat grids, bands


def test_every_export_is_offered_with_a_file_name():
    exports = register_exports(_document_register())
    assert [name for _, name, _ in exports] == ["risk-register.csv", "risk-register.md", "risk-register.html",
                                                "risk-register.docx"]
    assert exports[3][0]()[:2] == b"PK"  # a .docx is a zip file, made when asked


def test_empty_register_still_exports():
    register = Register()
    exports = register_exports(register)
    assert _rows(exports[0][0]()) == []
    markdown = exports[1][0]()
    assert "The register has no risks yet." in markdown and "Untitled AI system" in markdown


# --- the action plan's section -------------------------------------------------------------

def test_risk_section_from_the_saved_value():
    saved = _document_register().to_dict()
    section = risk_section(saved)
    assert isinstance(section, Section) and section.heading == "AI risk register: Chatbot <b>bold</b>"
    assert section.table[1][0][0] == "R5" and "1 risk has no owner yet" in " ".join(section.paragraphs)


@pytest.mark.parametrize("saved", [None, {}, "garbage", {"risks": [{"title": "", "likelihood": 1}]}, {"risks": 5}])
def test_risk_section_never_fails(saved):
    assert risk_section(saved) is None  # the plan lists the part as not started


@pytest.mark.parametrize(("saved", "expected"), [
    ("Ask the DPO\n\n  Launch after the bias check ", ["Ask the DPO", "Launch after the bias check"]),
    ("", None), (" \n ", None), (None, None), (5, None),
])
def test_notes_section(saved, expected):
    section = risk_notes_section(saved)
    assert (section and section.paragraphs) == expected
