"""The participant workbook: every lesson of every agenda in the PDF, its paper activities, escaping and accessibility."""

from __future__ import annotations

import dataclasses
import io
import re
from html import unescape

import pypdf
import pytest

from kit.delivery import lesson_sheets, pdf_bytes
from kit.delivery.handouts import _workbook, activity_html, workbook_html
from kit.delivery.handouts._activities import _worksheet_audit, activity_answers_html
from kit.documents import escape
from kit.workshop import agenda, agenda_format, agenda_names, lesson, lessons
from kit.workshop._facilitator import RoleCard
from kit.workshop.content import ContentError

SCRIPT = "<script>alert('x')</script>"


def _plain(text: str) -> str:
    """Text as the PDF shows it: inline Markdown marks gone, whitespace and case normalised."""
    return " ".join(re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", text).split()).casefold()


@pytest.fixture(scope="module", params=agenda_names())
def printed(request):
    """One agenda's workbook: its name, HTML, the text of its PDF and its number of pages."""
    html = workbook_html(request.param)
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(html)))
    text = _plain(" ".join(page.extract_text() for page in reader.pages))
    return request.param, html, text, len(reader.pages)


def test_every_lesson_its_objectives_and_prompts_are_printed(printed):
    name, html, text, pages = printed
    sheets = lesson_sheets(name)
    assert sheets and pages > len(sheets)  # a cover, then at least a page per lesson
    assert html.count('<section class="lesson">') == len(sheets)
    for sheet in sheets:
        assert _plain(f"Lesson {sheet.lesson.number} · {sheet.lesson.title}") in text
        for objective in (part for part in sheet.objectives.split(";") if part.strip()):
            assert _plain(objective) in text, (sheet.lesson.id, objective)
        for prompt in sheet.prompts:
            assert _plain(prompt) in text, (sheet.lesson.id, prompt)


def test_the_cover_names_the_agenda_and_its_timetable(printed):
    name, _, text, _ = printed
    assert _plain("Participant workbook") in text and _plain(name) in text
    assert _plain(agenda_format(name).audience) in text
    for slot in agenda(name):
        assert _plain(f"{slot.start}–{slot.end}") in text
    assert all(_plain(word) in text for word in ("Name", "Organisation", "Date"))


def test_answers_at_the_back_give_each_right_option(printed):
    name, html, _, _ = printed
    back = unescape(html.split("Self-check answers", 1)[1])
    for sheet in lesson_sheets(name):
        for question in sheet.quiz:
            right = [question.options[i] for i in sorted(question.answer)]
            assert "; ".join(option.text for option in right) in back, question.id
            assert all(option.feedback in back for option in right if option.feedback)


def test_role_cards_are_printed_for_lessons_that_have_them(printed):
    name, html, _, _ = printed
    roles = [role for sheet in lesson_sheets(name) if sheet.notes for role in sheet.notes.roles]
    assert html.count('<div class="card">') == len(roles)
    assert all(f"<h4>{escape(role.role)}</h4>" in html for role in roles)


def test_headings_go_down_one_level_at_a_time_and_headers_have_a_scope(printed):
    _, html, _, _ = printed
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:]))
    assert re.findall(r"<th(?=[\s>])(?![^>]*scope=)", html) == []


def _sheets_with(monkeypatch, **changes):
    """Make the workbook read the first agenda's sheets with ``changes(sheet)`` applied to each."""
    real = lesson_sheets(agenda_names()[0])
    changed = [dataclasses.replace(sheet, **{key: make(sheet) for key, make in changes.items()}) for sheet in real]
    monkeypatch.setattr(_workbook, "lesson_sheets", lambda name: changed)
    return changed


def test_every_text_of_a_lesson_is_escaped(monkeypatch):
    def notes(sheet):
        if sheet.notes is None:
            return None
        prompt = sheet.notes.discuss[0].model_copy(update={"prompt": f"Prompt {SCRIPT}"})
        role = RoleCard(role=f"Role {SCRIPT}", brief=f"Brief {SCRIPT}")
        return sheet.notes.model_copy(update={"say": [f"Idea {SCRIPT}"], "discuss": [prompt], "roles": [role]})

    _sheets_with(monkeypatch, objectives=lambda sheet: f"Objective {SCRIPT}",
                 lesson=lambda sheet: dataclasses.replace(sheet.lesson, title=f"Title {SCRIPT}"), notes=notes)
    html = workbook_html(agenda_names()[0])
    assert "<script" not in html
    for word in ("Objective", "Title", "Idea", "Prompt", "Role", "Brief"):
        assert f"{word} {escape(SCRIPT)}" in html, word


def test_missing_notes_fall_back_to_the_summary_without_prompts(monkeypatch):
    sheets = _sheets_with(monkeypatch, notes=lambda sheet: None)
    html = workbook_html(agenda_names()[0])
    assert "<h3>Discussion</h3>" not in html and "Role cards" not in html
    assert all(escape(sheet.lesson.summary) in html for sheet in sheets)
    assert html.count('<div class="write notes">') == len(sheets)


@pytest.mark.parametrize("attribute, value, lesson_id", [
    ("kit.strategy.QUADRANTS", {(v, r): SCRIPT for v in (True, False) for r in (True, False)}, "strategy"),
    ("kit.risk.SEVERITY_LABELS", {n: SCRIPT for n in range(1, 6)}, "risk"),
])
def test_activity_content_is_escaped(monkeypatch, attribute, value, lesson_id):
    monkeypatch.setattr(attribute, value)
    html = activity_html(lesson_id)
    assert "<script" not in html and escape(SCRIPT) in html


def test_the_risk_grid_has_25_cells_scored_by_kit_risk():
    from kit.risk import FIELD_LABELS, SCALE_MAX, SCALE_MIN, rating, score

    html = activity_html("risk")
    points = range(SCALE_MIN, SCALE_MAX + 1)
    expected = [(score(l, s), rating(l, s)) for s in reversed(points) for l in points]
    cells = re.findall(r'<td class="cell band-\d"><span class="score">(\d+)</span>'
                       r'<span class="band-name">(\w+)</span></td>', html)
    assert len(cells) == 25 and [(int(n), band) for n, band in cells] == expected
    assert all(escape(FIELD_LABELS[name]) in html for name in ("title", "likelihood", "severity", "owner"))


def _must_carry(lesson_id: str) -> list[str]:
    """The content each paper activity must show, read through the packages' faces."""
    if lesson_id == "strategy":
        from kit.strategy import QUADRANTS, scales
        return [*QUADRANTS.values(), *(level.means for scale in scales().values() for level in scale.levels.values())]
    if lesson_id == "ethics":
        from kit.ethics import content
        return [*(s.title for s in content().scenarios), *(p.name for p in content().pillars.values())]
    if lesson_id == "bias":
        from kit.fairness import METRIC_GUIDE
        groups = _worksheet_audit()[1].by_group
        return [METRIC_GUIDE["four_fifths"]["means"], *(f"{g.n:,}" for g in groups), *(g.name for g in groups)]
    if lesson_id == "transparency":
        from kit.transparency import example_applicants
        return [applicant for applicant, _ in example_applicants()[:2]]
    if lesson_id == "privacy":
        from kit.data import load_hiring
        from kit.privacy import kinds
        return [*load_hiring().columns, *(kind.label for kind in kinds().values())]
    if lesson_id == "policy":
        from kit.governance import QuestionNode, questions, tree
        return [*(q.question for q in questions()),
                *(node.question for node in tree().nodes.values() if isinstance(node, QuestionNode))]
    if lesson_id == "implementation":
        from kit.governance import load_checklist
        return [q.question for q in load_checklist().questions]
    if lesson_id == "measure":
        from kit.measure import load_kpis
        return [text for kpi in load_kpis() for text in (kpi.name, kpi.tells_you, kpi.target_text())]
    if lesson_id == "culture":
        from kit.culture import RATINGS, load_model
        return [*(s.text for s in load_model().statements), *(label for _, label in RATINGS)]
    if lesson_id == "context":
        from kit.culture import load_cases
        return [text for case in load_cases() for text in (case.title, case.decision, *(l.label for l in case.lenses))]
    if lesson_id == "innovation":
        from kit.culture import load_fields
        return [field.heading for field in load_fields()]
    if lesson_id == "start":
        from kit.workshop import parts
        return [parts.ORGANISATION.title, parts.GOAL.title]
    return ["Owner"] if lesson_id == "action_plan" else []


@pytest.mark.parametrize("lesson_id", [item.id for item in lessons()])
def test_each_activity_carries_its_content(lesson_id):
    html = activity_html(lesson_id)
    assert f'class="activity activity-{lesson_id}"' in html
    missing = [text for text in _must_carry(lesson_id) if escape(text) not in html]
    assert not missing, missing


def test_the_sorter_and_the_ratings_have_a_box_for_every_choice():
    from kit.culture import RATINGS, load_model
    from kit.ethics import content

    assert activity_html("ethics").count('<span class="box">') == len(content().scenarios) * len(content().pillars)
    assert activity_html("culture").count('<span class="box">') == len(load_model().statements) * len(RATINGS)


def test_the_bias_worksheet_uses_a_failing_group_and_its_answers_match_plain_arithmetic():
    from kit.fairness import FOUR_FIFTHS
    from kit.governance.ui import vendor_questions_html

    _, result = _worksheet_audit()
    assert result.four_fifths_pass is False
    answers = activity_answers_html("bias")
    top = max(group.selected / group.n for group in result.by_group if group.judged)
    for group in result.by_group:
        assert f"{group.selected / group.n:.3f}" in answers and f"{group.selected / group.n / top:.3f}" in answers
    flagged = [g for g in result.by_group if g.judged and g.selected * FOUR_FIFTHS.denominator
               < FOUR_FIFTHS.numerator * top * g.n]
    assert flagged and answers.count("yes, flagged") == len(flagged)
    assert vendor_questions_html() in activity_html("bias")
    assert activity_answers_html(lesson("risk").id) == ""


def test_an_unknown_lesson_is_named():
    with pytest.raises(ContentError, match="no lesson 'nope'"):
        activity_html("nope")
