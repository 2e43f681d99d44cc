"""The certificate of attendance: lessons read from saved work, every name escaped and kept on one page, a true claim."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import date

import ipywidgets as widgets
import pypdf
import pytest

from kit.delivery import PdfUnavailable, _certificate, _pdf, certificate_html, certificate_pdf, lessons_done
from kit.delivery._certificate import Event, long_date, organiser_name
from kit.delivery.ui import certificate_app
from kit.toolkit import DownloadLinks
from kit.workshop import Store, lesson, lessons, session
from tests.unit.workshop.test_app_workspace_switch import button, page

DAY = date(2025, 12, 4)
ORGANISER = "Riverside Council Learning Team"


@pytest.fixture()
def workspace(tmp_path):
    return Store(tmp_path).create()


def _ids(found) -> list[str]:
    return [item.id for item in found]


def test_lessons_done_are_the_lessons_whose_saved_parts_hold_work(workspace):
    workspace.save("profile.organisation", "Riverside Lettings")  # start
    workspace.save("quiz.03_bias_in_hiring", {"answers": {"proxy": [1]}})  # a quiz counts for its own lesson
    workspace.save("quiz.05_privacy_and_data_governance", {"answers": {}})  # opened, nothing answered
    workspace.save("bias.notes", "   ")  # blank
    workspace.save("risk.register", {"name": "", "risks": []})  # empty
    workspace.save("evaluation.form", {"relevance": 4})  # action_plan
    assert _ids(lessons_done(workspace)) == ["start", "bias", "action_plan"]  # teaching order


def test_unreadable_work_still_counts_and_set_aside_copies_are_not_parts(workspace):
    workspace.save("risk.register", {"risks": [{"title": "Leak", "likelihood": "very"}]})  # cannot be read
    workspace.save("unreadable.policy.answers", {"value": {"answers": {"a": "b"}}, "schema": 1})
    assert _ids(lessons_done(workspace)) == ["risk"]


def test_no_workspace_and_an_empty_one_have_no_lessons(workspace):
    assert lessons_done(None) == [] and lessons_done(workspace) == []


def _body_text(page_html: str) -> str:
    body = page_html.split("<body>", 1)[1]
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return re.sub(r" ([.,])", r"\1", words)  # a full stop after an inline tag


def test_markup_in_a_name_is_shown_as_typed_never_run():
    name = 'Ana <script>alert("x")</script> & <b>Co</b>'
    page_html = certificate_html(name, "<i>Org</i>", DAY, [lesson("bias")])
    assert "<script>" not in page_html and "<b>Co</b>" not in page_html and "<i>Org</i>" not in page_html
    assert "Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;" in page_html
    assert name in _body_text(page_html)


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.mark.parametrize("name", ["W" * 300, ("Bartholomew-Featherstonehaugh " * 10)[:299] + "X"])
def test_a_300_character_name_wraps_and_stays_on_one_a4_landscape_page(name):
    assert len(name) == 300
    every = lessons()
    page_html = certificate_html(name, ORGANISER, DAY, every)
    assert "overflow-wrap: anywhere" in page_html and "size: A4 landscape" in page_html
    pdf = certificate_pdf(name, ORGANISER, DAY, every)
    pages, _ = _pdf_text(pdf)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert pages == 1 and (round(box.width), round(box.height)) == (842, 595)  # A4 landscape, in points


@pytest.mark.parametrize(("name", "fix"), [("", "the box is empty"), ("   ", "the box is empty"),
                                           ("x" * 301, "up to 300 characters; this one has 301")])
def test_an_empty_or_overlong_name_is_refused_plainly(name, fix):
    with pytest.raises(ValueError, match=fix):
        certificate_html(name, ORGANISER, DAY, [])


def test_with_no_lesson_done_it_claims_attendance_only():
    text = _body_text(certificate_html("Sam Lee", ORGANISER, DAY, []))
    assert f"attended the Ethical AI Leadership workshop run by {ORGANISER} on 4 December 2025." in text
    assert "lesson" not in text.lower() and "worked through" not in text


def test_without_an_organiser_the_wording_is_neutral():
    text = _body_text(certificate_html("Sam Lee", "", DAY, []))
    assert "attended the Ethical AI Leadership workshop on 4 December 2025." in text and "run by" not in text


def test_the_pdf_names_the_attendee_date_organiser_and_lessons():
    done = [lesson("start"), lesson("bias"), lesson("risk")]
    pages, text = _pdf_text(certificate_pdf("Amira O'Connor", ORGANISER, DAY, done))
    assert pages == 1
    assert "Certificate of attendance".upper() in text.upper() and "Amira O'Connor" in text
    assert "4 December 2025" in text and ORGANISER in text and "worked through these lessons" in text
    for item in done:
        assert f"{item.number} · {item.title}" in text
    assert lesson("privacy").title not in text


@pytest.mark.parametrize(("variable", "in_file", "expected"), [
    (" Harbour  Training ", "File Org", "Harbour Training"), (None, "File Org", "File Org"), (None, None, ""),
])
def test_the_organiser_is_the_trainers_setting(monkeypatch, variable, in_file, expected):
    if variable is None:
        monkeypatch.delenv("KIT_ORGANISER", raising=False)
    else:
        monkeypatch.setenv("KIT_ORGANISER", variable)
    monkeypatch.setattr(_certificate, "event", lambda: Event(organiser=in_file))
    assert organiser_name() == expected


def test_the_shipped_event_file_reads_and_names_no_organiser():
    assert _certificate.event().organiser is None and _certificate.event().workshop


def test_dates_are_written_out_in_full():
    assert long_date(date(2026, 1, 9)) == "9 January 2026"


def _links(box) -> dict[str, bytes]:
    """Each file the app offers, made as a click would make it."""
    [row] = [w for w in box.children if isinstance(w, DownloadLinks)]
    return {item["name"]: row.file(item["name"]) for item in row.files}


def _name_box(box) -> widgets.Text:
    return next(w for w in box.children if isinstance(w, widgets.Text))


@pytest.mark.usefixtures("fresh_session")
def test_the_app_refuses_an_empty_name_then_offers_both_files_listing_the_lessons_done(monkeypatch):
    monkeypatch.setenv("KIT_ORGANISER", ORGANISER)
    app = certificate_app()
    assert "kit-certificate" in app._dom_classes and _name_box(app).description
    button(app, "Make my certificate").click()
    assert "Type your name as you want it on the certificate" in " ".join(page(app))
    session.start_new().save("quiz.03_bias_in_hiring", {"answers": {"proxy": [1]}})
    _name_box(app).value = "Ana <b>Ruiz</b>"
    button(app, "Make my certificate").click()
    files = _links(app)
    assert set(files) == {"certificate-of-attendance.pdf", "certificate-of-attendance.html"}
    web = files["certificate-of-attendance.html"].decode("utf-8")
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in web and lesson("bias").title in web and ORGANISER in web
    assert lesson("bias").title in _pdf_text(files["certificate-of-attendance.pdf"])[1]
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in " ".join(page(app))  # the summary escapes it too

    session.start_new()  # another attendee: the certificate and the name go
    assert _links(app) == {} and _name_box(app).value == ""


@pytest.mark.usefixtures("fresh_session")
def test_without_weasyprint_the_app_says_so_and_still_offers_the_web_page(monkeypatch):
    def missing():
        raise PdfUnavailable("PDF files need WeasyPrint and Debian's Pango library, which could not be loaded.")

    monkeypatch.setattr(_pdf, "_weasyprint", missing)
    app = certificate_app()
    _name_box(app).value = "Sam Lee"
    button(app, "Make my certificate").click()
    shown = " ".join(page(app))
    assert "PDF files need WeasyPrint" in shown and "download the web page" in shown
    assert "No workspace is open, so the certificate lists no lessons" in shown
    assert list(_links(app)) == ["certificate-of-attendance.html"]
    assert "Traceback" not in shown
