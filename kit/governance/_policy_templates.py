"""The policy builder's content: questions, the frame of the policy, and one template per area.

Everything a trainer may reword lives in ``kit/content/policy_builder.yaml``
and ``kit/content/policy_templates/*.yaml``; this module reads and checks it,
naming the file and the fix for every mistake, so a typo is caught when the
app opens rather than printed into an attendee's policy.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kit.workshop.content import ContentError, load
from kit.paths import CONTENT_DIR
from kit.governance._policy_placeholders import check_template

KINDS = ("text", "long", "choice")
GROUPS = {"core": "the framework's five policy areas", "sales": "the sales-governance guidance"}
TEMPLATE_DIR = "policy_templates"


@dataclass(frozen=True)
class PolicyQuestion:
    """One question about the organisation; its ``id`` is the placeholder name."""

    id: str
    question: str
    short: str
    kind: str
    options: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class PolicyArea:
    """One part of the policy, as written in its template file."""

    id: str
    title: str
    order: int
    group: str
    summary: str
    purpose: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Frame:
    """The title, introduction, open-questions note and closing around the areas."""

    title: str
    subtitle: str
    parts: dict  # name -> {"heading": str, "paragraphs": [str]}


def _question(raw: dict, where: str) -> PolicyQuestion:
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: each question must be a block with id, question, short and kind.")
    for key in ("id", "question", "short", "kind"):
        if not raw.get(key):
            raise ContentError(f"{where}: a question has no '{key}'; add it.")
    if raw["kind"] not in KINDS:
        raise ContentError(f"{where}, question {raw['id']}: kind must be one of {', '.join(KINDS)}, "
                           f"not {raw['kind']!r}.")
    options = tuple(str(o) for o in raw.get("options") or ())
    if raw["kind"] == "choice" and len(options) < 2:
        raise ContentError(f"{where}, question {raw['id']}: a choice question needs at least two options.")
    return PolicyQuestion(str(raw["id"]), str(raw["question"]), str(raw["short"]), raw["kind"], options,
                          str(raw.get("example", "")))


@functools.lru_cache(maxsize=None)
def questions() -> tuple[PolicyQuestion, ...]:
    """The questions of ``policy_builder.yaml``, checked (ids unique and usable as placeholders)."""
    where = "policy_builder.yaml"
    found = tuple(_question(raw, where) for raw in load("policy_builder").get("questions") or ())
    ids = [q.id for q in found]
    if not found:
        raise ContentError(f"{where} has no questions; add at least the organisation's name.")
    if len(set(ids)) != len(ids):
        raise ContentError(f"{where}: two questions share an id; give each its own.")
    bad = [i for i in ids if not i.replace("_", "").isalnum() or not i[0].isalpha() or i != i.lower()]
    if bad:
        raise ContentError(f"{where}: the id {bad[0]!r} cannot be a placeholder; use lower-case letters, digits and _.")
    return found


def _check(texts: list[str], where: str) -> None:
    known = [q.id for q in questions()]
    problems = [p for text in texts for p in check_template(str(text), known, where)]
    if problems:
        more = f" ({len(problems) - 1} more in the same file.)" if len(problems) > 1 else ""
        raise ContentError(problems[0] + more)


@functools.lru_cache(maxsize=None)
def frame() -> Frame:
    """The frame of the policy, its placeholders checked."""
    raw = load("policy_builder").get("frame") or {}
    where = "policy_builder.yaml (frame)"
    parts = {}
    for name in ("introduction", "open_questions", "closing"):
        part = raw.get(name) or {}
        if not part.get("heading") or not part.get("paragraphs"):
            raise ContentError(f"{where}: '{name}' needs a heading and paragraphs.")
        parts[name] = {"heading": str(part["heading"]), "paragraphs": [str(p) for p in part["paragraphs"]]}
    if not raw.get("title"):
        raise ContentError(f"{where}: add a title, for example 'AI policy for {{{{ organisation }}}}'.")
    texts = [raw["title"], raw.get("subtitle", "")]
    texts += [text for part in parts.values() for text in [part["heading"], *part["paragraphs"]]]
    _check(texts, where)
    return Frame(str(raw["title"]), str(raw.get("subtitle", "")), parts)


def _area(name: str, raw: dict) -> PolicyArea:
    where = f"{TEMPLATE_DIR}/{name}.yaml"
    if not isinstance(raw, dict):
        raise ContentError(f"{where} must hold title, order, group, summary, purpose and rules.")
    for key in ("title", "order", "group", "summary", "purpose", "rules"):
        if raw.get(key) in (None, "", []):
            raise ContentError(f"{where}: '{key}' is missing; add it (see the notes at the top of the file).")
    if raw["group"] not in GROUPS:
        raise ContentError(f"{where}: group must be {' or '.join(GROUPS)}, not {raw['group']!r}.")
    if not isinstance(raw["order"], int):
        raise ContentError(f"{where}: order must be a whole number, not {raw['order']!r}.")
    rules = tuple(str(rule) for rule in raw["rules"])
    _check([raw["title"], raw["summary"], raw["purpose"], *rules], where)
    return PolicyArea(name, str(raw["title"]), raw["order"], raw["group"], str(raw["summary"]),
                      str(raw["purpose"]), rules)


@functools.lru_cache(maxsize=None)
def areas() -> tuple[PolicyArea, ...]:
    """Every policy area under ``policy_templates/``, in their ``order``."""
    names = sorted(path.stem for path in (CONTENT_DIR / TEMPLATE_DIR).glob("*.yaml"))
    if not names:
        raise ContentError(f"No policy templates found in {CONTENT_DIR / TEMPLATE_DIR}.")
    found = sorted((_area(name, load(f"{TEMPLATE_DIR}/{name}")) for name in names), key=lambda a: (a.order, a.id))
    return tuple(found)


def clear_cache() -> None:
    """Forget the loaded content (after a trainer edits a file, and in tests)."""
    for cached in (questions, frame, areas):
        cached.cache_clear()
