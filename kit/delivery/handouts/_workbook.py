"""The participant workbook of an agenda: a printable booklet that runs the workshop on paper.

A cover with the day's timetable; for each lesson its objectives, key ideas,
activity in paper form, discussion prompts with room to write, self-check
questions with tick boxes and a notes box; role cards to cut out; the answers
at the back. Everything comes from :func:`kit.delivery.lesson_sheets` and the
activities' content, escaped; render it with :func:`kit.delivery.pdf_bytes`.
"""

from __future__ import annotations

from kit.delivery import LessonSheet, lesson_sheets, page
from kit.delivery.handouts._activities import activity_answers_html, activity_html
from kit.delivery.handouts._paper import Html, bullets, inline, join, lines, table, tag, ticks, write
from kit.workshop import agenda, agenda_format

KIT_NAME = "Ethical AI Leadership Kit"
TITLE = "Participant workbook"

#: The workbook's own print styles, after the shared ones (:data:`kit.delivery.PRINT_CSS`).
WORKBOOK_CSS = """
.cover .kit-name { font-size: 13pt; font-weight: bold; color: #1d4f91; margin: 30mm 0 4pt; }
.cover h1 { font-size: 30pt; }
.cover .agenda { font-size: 16pt; margin: 0 0 2pt; }
.cover .audience { font-size: 11pt; color: #3d4451; margin: 0 0 14pt; }
.lines { margin: 8pt 0 14pt; }
.line { display: flex; align-items: flex-end; margin: 0 0 9pt; }
.line span:first-child { width: 28mm; font-weight: bold; }
.line .fill { flex: 1; border-bottom: 0.75pt solid #1a1a1a; height: 12pt; }
h4 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
.label { font-weight: bold; margin: 6pt 0 2pt; break-after: avoid; }
.meta { margin: 0 0 3pt; }
caption { text-align: left; font-weight: bold; font-size: 9.5pt; padding: 0 0 2pt; }
.write.large { min-height: 55mm; }
.write.notes { min-height: 70mm; }
ul.ticks { list-style: none; padding-left: 0; margin: 2pt 0 6pt; }
ul.ticks li { margin: 0 0 2pt; padding-left: 14pt; text-indent: -14pt; }
.question, .prompt { break-inside: avoid; }
.question .write { margin-bottom: 6pt; }
tr.blank td { height: 9mm; }
.steps td { height: 14mm; }
.kpis th:nth-child(3) { width: 15%; }
.kpis th:last-child { width: 20%; }
.matrix td { height: 16mm; width: 38%; text-align: center; vertical-align: middle; font-weight: bold; }
.label .meta { font-weight: normal; }
ul.ticks.inline li { display: inline-block; margin: 0 7pt 2pt 0; padding-left: 0; text-indent: 0; }
.scenario { border-bottom: 0.75pt solid #5b6475; padding-bottom: 4pt; margin-bottom: 6pt; }
.scenario p { margin: 0 0 3pt; }
.scoring th:first-child { width: 36%; }
.activity h4 { color: #1d4f91; font-size: 11pt; margin-top: 10pt; }
.activity-implementation .write.small { min-height: 9mm; }
.register, .lenses, .ratings, .worksheet { font-size: 8.5pt; }
.ratings td { text-align: center; vertical-align: middle; width: 11%; }
.ratings td:first-child, .ratings th[scope="row"] { text-align: left; width: auto; }
.risk-grid td.cell { text-align: center; vertical-align: middle; height: 13mm; width: 16%; }
.risk-grid .score, .risk-grid .band-name { display: block; background: #fff; margin: 0 auto; width: 70%; }
.risk-grid .score { font-weight: bold; font-size: 11pt; }
.risk-grid .band-name { font-size: 8.5pt; }
.band-1 { background-image: radial-gradient(#6b7385 0.7pt, transparent 0.8pt); background-size: 4pt 4pt; }
.band-2 { background-image: repeating-linear-gradient(45deg, #6b7385 0, #6b7385 0.6pt, #fff 0.6pt, #fff 4pt); }
.band-3 { background-image: repeating-linear-gradient(45deg, #3d4451 0, #3d4451 0.8pt, #fff 0.8pt, #fff 3pt),
                            repeating-linear-gradient(-45deg, #3d4451 0, #3d4451 0.8pt, #fff 0.8pt, #fff 3pt); }
.risk-grid td.band-3 { border: 2pt solid #1a1a1a; }
.swatch { display: inline-block; width: 18pt; height: 11pt; border: 0.75pt solid #1a1a1a; }
.letter { border-left: 3pt solid #1d4f91; padding: 2pt 0 2pt 8pt; margin: 4pt 0 8pt; }
.letter p { margin: 0 0 4pt; }
.keep { break-inside: avoid; }
td ul, td ol { margin: 0; padding-left: 10pt; }
.ratings th[scope="row"] { font-weight: normal; background: none; }
.checklist td:nth-child(4), .checklist td:nth-child(5) { text-align: center; vertical-align: middle; width: 11%; }
.checklist .box, .ratings .box { width: 12pt; height: 12pt; margin: 0; }
.case { border-top: 1pt solid #5b6475; margin-top: 8pt; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.card { border: 1.2pt dashed #1a1a1a; margin: 0; min-height: 45mm; }
.card h4 { margin-top: 0; color: #1d4f91; }
.card .meta { font-size: 8.5pt; }
.kit-questions li { margin: 0 0 4pt; }
.kit-meta { color: #3d4451; font-size: 9pt; }
.answers ol > li { margin: 0 0 6pt; break-inside: avoid; }
"""


def _lesson_name(sheet: LessonSheet) -> str:
    return f"Lesson {sheet.lesson.number} · {sheet.lesson.title}"


def _several_days(agenda_name: str) -> bool:
    return len({slot.day for slot in agenda(agenda_name)}) > 1


def _timetable(agenda_name: str) -> Html:
    """The day's timetable: clock times, lessons and breaks, a table per day when there are several."""
    slots = agenda(agenda_name)
    days = sorted({slot.day for slot in slots})
    out = [tag("h2", "Timetable")]
    for day in days:
        rows = [[f"{slot.start}–{slot.end}",
                 f"Lesson {slot.lesson.number} · {slot.lesson.title}" if slot.lesson else slot.what]
                for slot in slots if slot.day == day]
        caption = f"Day {day}" if len(days) > 1 else "The day"
        out.append(table(["Time", "What"], rows, caption=caption, cls="timetable"))
    return join(*out)


def _cover(agenda_name: str) -> Html:
    audience = agenda_format(agenda_name).audience
    return tag("section", join(
        tag("p", KIT_NAME, "kit-name"), tag("h1", TITLE), tag("p", agenda_name, "agenda"),
        tag("p", f"For: {audience}", "audience"),
        lines(["Name", "Organisation", "Date"]), _timetable(agenda_name)), "cover")


def _slot_text(sheet: LessonSheet, several_days: bool) -> str:
    lesson, slot = sheet.lesson, sheet.slot
    day = f"Day {slot.day} · " if several_days else ""
    return (f"{day}{slot.start}–{slot.end} · {lesson.minutes} minutes of teaching, "
            f"{lesson.exercise_minutes} hands-on · {lesson.stage}")


def _self_check(sheet: LessonSheet) -> Html:
    def hint(question) -> str:
        said = "tick" in question.question.casefold()
        return " (tick every right answer)" if question.kind == "multiple" and not said else ""

    items = [join(tag("p", join(question.question, hint(question)), "label"),
                  ticks(option.text for option in question.options)) for question in sheet.quiz]
    return join(tag("h3", "Self-check"), tag("ol", join(*(tag("li", item, "question") for item in items)))) \
        if items else Html("")


def _discussion(sheet: LessonSheet) -> Html:
    if not sheet.prompts:
        return Html("")
    prompts = [tag("div", join(tag("p", inline(prompt), "label"), write()), "prompt") for prompt in sheet.prompts]
    return join(tag("h3", "Discussion"), *prompts)


def _lesson(sheet: LessonSheet, several_days: bool) -> Html:
    objectives = [part.strip() for part in sheet.objectives.split(";") if part.strip()]
    ideas = [inline(idea) for idea in sheet.key_ideas] or [sheet.lesson.summary]
    return tag("section", join(
        tag("h2", _lesson_name(sheet)), tag("p", _slot_text(sheet, several_days), "meta"),
        tag("h3", "Objectives"), bullets(part[0].upper() + part[1:] for part in objectives),
        tag("h3", "Key ideas"), bullets(ideas),
        tag("h3", "Activity on paper"), tag("p", f"In the kit: {sheet.lesson.app}", "meta"),
        Html(activity_html(sheet.lesson.id)),
        _discussion(sheet), _self_check(sheet),
        tag("h3", "Notes"), write("notes")), "lesson")


def _role_cards(sheets: list[LessonSheet]) -> Html:
    with_roles = [sheet for sheet in sheets if sheet.notes and sheet.notes.roles]
    if not with_roles:
        return Html("")
    out = [tag("h2", "Role cards"), tag("p", "Cut along the dashed lines and hand one card to each person.", "meta")]
    for sheet in with_roles:
        cards = [tag("div", join(tag("h4", role.role), tag("p", inline(role.brief)), tag("p", _lesson_name(sheet), "meta")),
                     "card") for role in sheet.notes.roles]
        out += [tag("h3", _lesson_name(sheet)), tag("div", join(*cards), "cards")]
    return tag("section", join(*out), "lesson role-cards")


def _quiz_answers(sheet: LessonSheet) -> Html:
    items = []
    for question in sheet.quiz:
        right = [question.options[i] for i in sorted(question.answer)]
        feedback = [option.feedback for option in right if option.feedback]
        items.append(tag("li", join(tag("p", question.question, "label"),
                                    tag("p", join(tag("strong", "Answer: "), "; ".join(o.text for o in right)),
                                        "answer"),
                                    bullets(feedback))))
    return tag("ol", join(*items)) if items else Html("")


def _answers(sheets: list[LessonSheet]) -> Html:
    out = [tag("h2", "Self-check answers")]
    for sheet in sheets:
        quiz, activity = _quiz_answers(sheet), activity_answers_html(sheet.lesson.id)
        if quiz or activity:
            out += [tag("h3", _lesson_name(sheet)), quiz]
            out += [tag("h4", "The activity"), Html(activity)] if activity else []
    return tag("section", join(*out), "lesson answers")


def workbook_html(agenda_name: str) -> str:
    """The participant workbook of the agenda called ``agenda_name``, as one printable HTML page.

    Parameters
    ----------
    agenda_name : str
        A workshop format of ``agenda.yaml`` (:func:`kit.workshop.agenda_names`).

    Returns
    -------
    str
        A whole HTML page, every text escaped; :func:`kit.delivery.pdf_bytes` prints it.
    """
    sheets = lesson_sheets(agenda_name)
    several_days = _several_days(agenda_name)
    body = join(_cover(agenda_name), *(_lesson(sheet, several_days) for sheet in sheets),
                _role_cards(sheets), _answers(sheets))
    return page(f"{TITLE}: {agenda_name}", body, css=WORKBOOK_CSS)
