"""``kit doctor``: is this machine ready to run the room? Each check says what it found and the fix.

Written for a trainer, not a developer: every problem is one plain sentence
with the command or the action that fixes it.
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from dataclasses import dataclass
from typing import Callable

from kit.paths import workspace_dir

#: Memory the server keeps free (``kit serve --reserve-mb``); a room's need is ``kit.server.room_plan``'s.
RESERVE_MB = 500

#: Every content file is read by one of these (a test checks that none is left out).
CONTENT_READERS = (
    "kit.workshop:lessons", "kit.workshop:formats", "kit.workshop:load_glossary",
    "kit.workshop._facilitator:facilitator_notes", "kit.workshop._facilitator:every_lesson_notes",
    "kit.delivery._doctor:_every_quiz", "kit.delivery._doctor:_every_template",
    "kit.culture:load_model", "kit.culture:load_cases", "kit.culture:load_regions", "kit.culture:load_fields",
    "kit.governance:load_checklist", "kit.governance._decision_tree:tree", "kit.governance._impact:questionnaire",
    "kit.governance._policy_templates:areas", "kit.governance._policy_templates:questions",
    "kit.measure:load_kpis", "kit.privacy._minimisation:kinds", "kit.ethics._pillars:content",
    "kit.transparency._features:feature_texts", "kit.transparency:card_words", "kit.transparency:letter_words",
    "kit.strategy:scales", "kit.workshop:next_steps", "kit.governance:vendor_questions",
    "kit.delivery._certificate:event", "kit.delivery:check_questions", "kit.delivery._doctor:_every_text",
    "kit.chatbot:chatbot_content", "kit.regulation:ai_act", "kit.regulation:ll144_guide",
    "kit.regulation:crosswalk", "kit.regulation:automated_decisions", "kit.server:kernel_memory",
    "kit.culture:load_checklist", "kit.culture:load_moves", "kit.culture:load_method", "kit.culture:load_standards",
    "kit.privacy:load_laws",
)

#: The modules that declare teaching texts (:class:`kit.workshop.Texts`): the exercise feedback and the narration.
TEXT_MODULES = (
    "kit.workshop._checks", "kit.strategy._checks", "kit.hiring._checks", "kit.transparency._checks",
    "kit.privacy._checks", "kit.risk._checks", "kit.measure._checks", "kit.fairness._narrate",
    "kit.room._membership",
)


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, whether it passed, what was found, and the fix."""

    name: str
    ok: bool
    found: str
    fix: str = ""


def _call(target: str):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)()


def _every_quiz() -> None:
    from kit.paths import CONTENT_DIR
    from kit.workshop import load_quiz

    for path in sorted((CONTENT_DIR / "quizzes").glob("*.yaml")):
        load_quiz(path.stem)


def _every_template() -> None:
    import kit.risk
    import kit.strategy

    for name in kit.risk.template_names():
        kit.risk.load_template(name)
    for key in kit.strategy.template_keys():
        kit.strategy.load_template(key)


def _every_text() -> None:
    """Read every file of texts the code declares: a text is made when its module is imported."""
    from kit.workshop import every_texts

    for module in TEXT_MODULES:
        importlib.import_module(module)
    for texts in every_texts():
        texts.texts()


def content_problems() -> list[str]:
    """Every problem in the content files, each naming the file, the entry and the fix."""
    from kit.workshop.content import ContentError

    problems = []
    for target in CONTENT_READERS:
        try:
            _call(target)
        except ContentError as problem:
            problems.append(str(problem))
    return problems


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("Python", sys.version_info >= (3, 11), f"Python {version}",
                 "Install Python 3.11 or newer (on Debian: sudo apt-get install -y python3) and run "
                 "./start-workshop.sh again.")


def _content() -> Check:
    problems = content_problems()
    return Check("Content files", not problems,
                 "every lesson, agenda, quiz, template and note reads correctly" if not problems else problems[0]
                 + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""),
                 "Correct the file named above; a copy of the kit's own version is in the kit's history.")


def _lessons() -> Check:
    from kit.workshop import lessons

    missing = [lesson.file for lesson in lessons() if not lesson.available]
    return Check("Lessons", not missing, "every lesson's notebook is in notebooks/" if not missing
                 else f"missing from notebooks/: {', '.join(missing)}",
                 "Put the notebook back (it is in the kit's download) or remove its entry from lessons.yaml.")


def _workspace() -> Check:
    folder = workspace_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
        free = shutil.disk_usage(folder).free / 1e6
    except OSError as problem:
        return Check("Saved work", False, f"cannot write to {folder} ({problem.strerror})",
                     "Point KIT_WORKSPACE at a folder you can write to, such as KIT_WORKSPACE=~/workshop-work.")
    return Check("Saved work", free >= 200, f"saved to {folder}, {free:,.0f} MB free",
                 "Free some disk space (at least 200 MB) or point KIT_WORKSPACE at another disk.")


def _port(ip: str, port: int) -> Check:
    from kit.server import port_problem

    problem = port_problem(ip, port)
    return Check("Port", problem is None, f"port {port} is free" if problem is None else problem, "")


def _pdf() -> Check:
    from kit.delivery._pdf import PdfUnavailable, pdf_bytes, page

    try:
        pdf_bytes(page("check", "<p>check</p>"))
    except PdfUnavailable as problem:
        return Check("Printed handouts and certificates", False, str(problem).split(". Run:")[0],
                     "Run: sudo apt-get install -y " + " ".join(_packages()))
    return Check("Printed handouts and certificates", True, "PDF files can be made (WeasyPrint works)")


def _packages() -> tuple[str, ...]:
    from kit.delivery._pdf import SYSTEM_PACKAGES

    return SYSTEM_PACKAGES


def _memory(room: int) -> Check:
    """The memory ``kit serve --room`` would need for every lesson (``kit.server.room_plan``), against what is free."""
    from kit.paths import NOTEBOOKS_DIR
    from kit.server import room_plan

    plan = room_plan(room, None, NOTEBOOKS_DIR, RESERVE_MB)
    why = plan.refusal() or ""
    return Check("Memory", plan.fits, f"{plan.available_mb:,.0f} MB free; a room of {room} needs about "
                 f"{plan.need_mb:,.0f} MB for every lesson (about {plan.holds} fit here)", why[:1].upper() + why[1:])


def readiness(room: int | None = None, ip: str = "127.0.0.1", port: int = 8866) -> list[Check]:
    """Every check, in the order a trainer would fix them."""
    checks: list[tuple[str, Callable[[], Check]]] = [
        ("Python", _python), ("Content files", _content), ("Lessons", _lessons), ("Saved work", _workspace),
        ("Port", lambda: _port(ip, port)), ("Printed handouts and certificates", _pdf)]
    if room:
        checks.append(("Memory", lambda: _memory(room)))
    return [_guarded(name, check) for name, check in checks]


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    """A check that could not run because a content file is broken fails with that file's message."""
    from kit.workshop.content import ContentError

    try:
        return check()
    except ContentError as problem:
        return Check(name, False, str(problem), "Correct the file named above first.")


def report(checks: list[Check]) -> str:
    """The checks as lines a trainer reads, ending with Ready or what to fix."""
    lines = []
    for check in checks:
        lines.append(f"{'OK ' if check.ok else 'FIX'}  {check.name}: {check.found}")
        if not check.ok and check.fix:
            lines.append(f"     What to do: {check.fix}")
    failed = sum(not check.ok for check in checks)
    lines.append("Ready." if not failed else f"Not ready: {failed} thing{'s' if failed > 1 else ''} to fix, above.")
    return "\n".join(lines)
