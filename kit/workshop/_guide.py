"""The facilitator guide, rendered from one source into ``docs/facilitator-guide.md``.

Notes a trainer writes live in ``kit/content/facilitator.yaml``; agendas come
from the lesson timings, quiz answer keys from the quiz files and exercise
lists from ``solutions/``, so the guide never drifts from the kit. ``kit guide``
writes the file and ``kit guide --check`` fails when it is out of date.
"""

from __future__ import annotations

import importlib
import re

import nbformat

from kit.workshop._agenda import agenda, agenda_format, agenda_names
from kit.workshop._lessons import Lesson, lessons
from kit.workshop._facilitator import LessonNotes, every_lesson_notes, facilitator_notes
from kit.paths import CONTENT_DIR, NOTEBOOKS_DIR, REPO_ROOT, SOLUTIONS_DIR
from kit.workshop._quiz import load_quiz
from kit.regulation import crosswalk_guide_lines

GUIDE_PATH = REPO_ROOT / "docs" / "facilitator-guide.md"
#: Answer keys a lesson's app keeps from attendees, printed in the guide only: lesson id → "module:function"
#: returning Markdown lines (imported when the guide is written).
TRAINER_ONLY = {"risk": "kit.chatbot:planted_flaws_guide"}


def _md(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _agenda_md(name: str) -> list[str]:
    slots = agenda(name)
    multi = len({s.day for s in slots}) > 1
    head = ("| Day " if multi else "") + "| Start | End | Session |"
    chosen = agenda_format(name)
    out = [f"### {name}", "", f"*For:* {_md(chosen.audience)}. {_md(chosen.why)}", "", head,
           "|" + "---|" * (4 if multi else 3)]
    out += [(f"| {s.day} " if multi else "") + f"| {s.start} | {s.end} | {_md(s.what)} |" for s in slots]
    return out + [""]


def _answer_key(lesson: Lesson) -> list[str]:
    name = lesson.stem
    if not (CONTENT_DIR / "quizzes" / f"{name}.yaml").exists():
        return []
    out = ["**Self-check answers**", ""]
    for number, question in enumerate(load_quiz(name), start=1):
        right = [question.options[i] for i in sorted(question.answer)]
        answers = "; ".join(f"*{_md(o.text)}* ({_md(o.feedback)})" for o in right)
        out.append(f"{number}. {_md(question.question)} **Answer:** {answers}")
    return out + [""]


def _exercises(lesson: Lesson) -> list[str]:
    found = sorted(SOLUTIONS_DIR.glob(f"{lesson.stem}_sol_*.ipynb"))
    if not found:
        return []
    names = ", ".join(f"`solutions/{p.name}`" for p in found)
    return [f"**Exercises:** worked answers in {names}; learners open the same names under `exercises/` "
            "(with `_ex_`). Each check cell says *To do*, *Correct* or *Not quite* with a hint.", ""]


_OBJECTIVES = re.compile(r"^\|\s*\*\*Objectives\*\*\s*\|\s*(.*?)\s*\|\s*$", re.M)


def objectives(lesson: Lesson) -> str | None:
    """The objectives as the lesson itself states them (its opening table), or None."""
    if not lesson.available:
        return None
    cells = nbformat.read(NOTEBOOKS_DIR / lesson.file, as_version=4).cells
    found = next((match for cell in cells if cell.cell_type == "markdown"
                  for match in [_OBJECTIVES.search(cell.source)] if match), None)
    return found.group(1) if found else None


def _runsheet_md(notes: LessonNotes) -> list[str]:
    out = ["**Run-sheet**", "", "| Minutes | Block | What happens | On the projector |", "|---|---|---|---|"]
    clock = 0
    for block in notes.runsheet:
        out.append(f"| {clock}–{clock + block.minutes} | {block.kind} | {_md(block.what)} | {_md(block.click)} |")
        clock += block.minutes
    return out + [""]


def _notes_md(notes: LessonNotes | None) -> list[str]:
    if notes is None:
        return ["*No facilitator notes yet: write `kit/content/facilitator/<lesson id>.yaml`.*", ""]
    out = [f"**The room:** {_md(notes.room)}", ""] + _runsheet_md(notes)
    out += ["**What to say**", ""] + [f"- {_md(item)}" for item in notes.say] + [""]
    out += ["**Discussion prompts, with a model answer and the debrief**", ""]
    for prompt in notes.discuss:
        out += [f"- {_md(prompt.prompt)}", f"  - *Model answer:* {_md(prompt.model_answer)}",
                f"  - *Debrief:* {_md(prompt.debrief)}"]
    out += ["", "**Common questions**", ""] + [f"- *{_md(item.q)}* {_md(item.a)}" for item in notes.questions]
    out += ["", "**If something fails**", ""] + [f"- {_md(item)}" for item in notes.if_it_fails] + [""]
    if notes.roles:
        out += ["**Role cards** (printed in the participant workbook)", ""]
        out += [f"- **{_md(card.role)}:** {_md(card.brief)}" for card in notes.roles] + [""]
    return out


def _lesson_md(lesson: Lesson, notes: LessonNotes | None) -> list[str]:
    out = [f"### {lesson.number} · {lesson.title}", "",
           f"*{lesson.stage}* · {lesson.minutes} min teaching + {lesson.exercise_minutes} min hands-on · "
           f"app: {lesson.app}" + ("" if lesson.available else " · **not yet in this release**"), "",
           lesson.summary, ""]
    goals = objectives(lesson)
    if goals:
        out += [f"**Objectives:** {_md(goals)}", ""]
    return out + _notes_md(notes) + _trainer_only(lesson) + _answer_key(lesson) + _exercises(lesson)


def _trainer_only(lesson: Lesson) -> list[str]:
    """The lesson's answer key from :data:`TRAINER_ONLY` (the chatbot lab's planted flaws), or nothing."""
    if lesson.id not in TRAINER_ONLY:
        return []
    module, _, name = TRAINER_ONLY[lesson.id].partition(":")
    return list(getattr(importlib.import_module(module), name)())


def render_guide(agenda_name: str | None = None) -> str:
    """The whole guide as Markdown; with ``agenda_name``, only that agenda and its lessons (for its handouts)."""
    source = facilitator_notes()
    out = ["# Facilitator guide", "", "_Generated by `kit guide` from `kit/content/facilitator.yaml`, `kit/content/facilitator/`, the lesson "
           "timings, the quizzes and the solutions. Edit those, not this file._", ""]
    out += [_md(p) + "\n" for p in source.introduction]
    out += ["## Agendas", "", "Clock times are computed from each lesson's minutes in `kit/content/lessons.yaml`.", ""]
    for name in [agenda_name] if agenda_name else agenda_names():
        out += _agenda_md(name)
    out += ["## Room setup", ""]
    for setup in source.setups:
        out += [f"### {setup.name}", "", _md(setup.when), ""] + [f"{i}. {_md(s)}" for i, s in
                                                                 enumerate(setup.steps, 1)] + [""]
    out += ["## Before the day", ""] + [f"- [ ] {_md(item)}" for item in source.checklist] + [""]
    if source.when_things_fail:
        out += ["## When something fails in front of the room", ""]
        out += [f"- *{_md(item.q)}* {_md(item.a)}" for item in source.when_things_fail] + [""]
    out += ["## Lesson by lesson", ""]
    notes = every_lesson_notes()
    taught = {slot.lesson.id for slot in agenda(agenda_name) if slot.lesson} if agenda_name else None
    for lesson in lessons():
        if taught is None or lesson.id in taught:
            out += _lesson_md(lesson, notes[lesson.id])
    out += crosswalk_guide_lines()  # the outputs mapped to NIST AI RMF and ISO/IEC 42001 (kit.regulation)
    return "\n".join(out).rstrip() + "\n"


def write_guide(check: bool = False) -> bool:
    """Write the guide (or, with ``check``, only compare); return True when the file was current."""
    text = render_guide()
    current = GUIDE_PATH.read_text(encoding="utf-8") if GUIDE_PATH.exists() else None
    if current == text:
        return True
    if not check:
        GUIDE_PATH.parent.mkdir(parents=True, exist_ok=True)
        GUIDE_PATH.write_text(text, encoding="utf-8")
    return False
