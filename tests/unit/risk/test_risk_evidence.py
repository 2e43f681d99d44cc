"""A risk keeps how it was found and its evidence: saved, upgraded from version 1, exported, edited, added by the lab."""

from __future__ import annotations

import io

import docx
import ipywidgets as widgets
import pytest

from kit.documents import to_html, to_markdown
from kit.risk import FIELDS, Register, load_template, read_register_csv, register_csv, register_document, validate_risk
from kit.risk.ui import evidence_html, risk_register_app
from kit.workshop import Store, parts, read_part, session

EVIDENCE = "You: Are you a real person?\nChatbot: Yes! I'm Sam, <b>a real person</b>."
ROW = {"title": "Chatbot says it is human", "likelihood": 4, "severity": 3, "owner": "Marketing",
       "found_by": "No AI disclosure probe, on the practice bot.", "evidence": EVIDENCE}


def _register() -> Register:
    register = load_template("customer_service_chatbot")
    register.add(validate_risk(ROW))
    return register


def test_evidence_and_found_by_are_fields_of_a_risk_and_survive_a_save():
    assert FIELDS[-2:] == ("found_by", "evidence")
    again = Register.from_dict(_register().to_dict())
    risk = again.get("R5")
    assert risk.evidence == EVIDENCE and risk.found_by == ROW["found_by"]
    assert risk.evidence_lines == ["You: Are you a real person?", "Chatbot: Yes! I'm Sam, <b>a real person</b>."]
    assert again.get("R1").evidence == "" and again.get("R1").found_by == ""


def test_evidence_has_the_same_length_limit_as_the_other_boxes():
    with pytest.raises(ValueError, match="Evidence: 2001 characters is too long"):
        validate_risk({**ROW, "evidence": "x" * 2001})


def test_a_version_1_register_is_upgraded_when_read(tmp_path):
    workspace = Store(tmp_path).create()
    old = {"name": "Old", "source": "", "risks": [{"title": "Leak", "likelihood": 3, "severity": 5, "ref": "R1"}]}
    workspace.save("risk.register", old)  # a store of before: shape version 1
    read = read_part(workspace, parts.RISK_REGISTER)
    assert read["risks"][0]["evidence"] == "" and read["risks"][0]["found_by"] == ""
    assert parts.RISK_REGISTER.version == 2
    assert Register.from_dict(read).get("R1").title == "Leak"


def test_the_csv_keeps_the_evidence_with_its_line_breaks_and_reads_it_back():
    text = register_csv(_register())
    assert text.splitlines()[0].endswith("Found by,Evidence")
    again = read_register_csv(text)
    risk = next(r for r in again.risks if r.title == ROW["title"])
    assert risk.evidence == EVIDENCE and risk.found_by == ROW["found_by"]


def test_the_documents_show_the_evidence_turn_by_turn_escaped():
    document = register_document(_register())
    section = next(s for s in document.sections if s.heading.startswith("R5 · "))
    assert f"Found by: {ROW['found_by']}" in section.bullets
    assert section.table == (["Evidence"], [["You: Are you a real person?"],
                                            ["Chatbot: Yes! I'm Sam, <b>a real person</b>."]])
    assert "&lt;b&gt;a real person&lt;/b&gt;" in to_html(document) and "<b>a real" not in to_html(document)
    assert "\\<b\\>a real person" in to_markdown(document)
    other = next(s for s in document.sections if s.heading.startswith("R1 · "))
    assert other.table is None  # a risk thought of on paper has no evidence table


def test_the_word_document_has_the_evidence_table():
    from kit.documents import to_docx

    word = docx.Document(io.BytesIO(to_docx(register_document(_register()))))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Chatbot: Yes! I'm Sam, <b>a real person</b>." in cells


def test_evidence_html_escapes_and_is_empty_without_evidence():
    assert evidence_html(load_template("customer_service_chatbot")) == ""
    html = evidence_html(_register())
    assert "R5 · Chatbot says it is human" in html and "&lt;b&gt;" in html and "<b>a real" not in html


def _all(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _all(child)


def _get(box, description):
    [found] = [w for w in _all(box) if getattr(w, "description", None) == description]
    return found


@pytest.mark.usefixtures("fresh_session")
def test_another_app_adds_a_risk_that_shows_at_once_keeps_the_form_and_is_saved():
    app = risk_register_app()
    _get(app, "Risk").value = "Half typed"  # the attendee was filling in the form
    risk = app.add_risk(ROW, "the chatbot lab")
    assert risk.ref == "R5" and _get(app, "Risk").value == "Half typed"
    html = " ".join(w.value for w in _all(app) if isinstance(w, widgets.HTML))
    assert "Added R5 Chatbot says it is human from the chatbot lab" in html and "Evidence behind the risks" in html
    saved = session.current().load(parts.RISK_REGISTER.key)
    assert saved["risks"][-1]["evidence"] == EVIDENCE
    with pytest.raises(ValueError, match="already has the title"):
        app.add_risk(ROW)


@pytest.mark.usefixtures("fresh_session")
def test_the_form_edits_found_by_and_evidence_and_the_due_date_box_is_wide_enough():
    app = risk_register_app()
    app.add_risk(ROW)
    _get(app, "Risk to edit").value = "R5"
    assert _get(app, "Evidence").value == EVIDENCE and _get(app, "Found by").value == ROW["found_by"]
    _get(app, "Evidence").value = "A customer complained on 3 May."
    assert app.register.get("R5").evidence == "A customer complained on 3 May."
    assert _get(app, "Due date").layout.width == "min(480px, 100%)"
