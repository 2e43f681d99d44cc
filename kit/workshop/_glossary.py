"""The kit's glossary: plain-language definitions of every term the lessons use.

The terms live in ``kit/content/glossary.yaml``, once, for every lesson and
app. This module loads and checks them (:func:`load_glossary`), looks one up
(:func:`lookup`), filters them (:func:`search`), and finds the terms a text
uses (:func:`terms_in`), which is how a lesson lists its own vocabulary
(:func:`lesson_terms`, read from the notebook's text cells).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass

from kit.workshop.content import ContentError, load
from kit.paths import NOTEBOOKS_DIR


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    lesson: str = ""
    see: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases: every spelling that counts as using it."""
        return (self.term, *self.aliases)


class UnknownTerm(KeyError):
    """A term the glossary does not have; the message suggests the nearest one."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _key(text: str) -> str:
    return " ".join(str(text).lower().split())


def _entry(raw, position: int, lessons: set[str]) -> Term:
    where = f"glossary.yaml, entry {position}"
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: each entry needs 'term:' and 'definition:' lines.")
    term, definition = str(raw.get("term") or "").strip(), " ".join(str(raw.get("definition") or "").split())
    if not term or not definition:
        raise ContentError(f"{where} ({term or 'no term'}): give both a term and a definition.")
    lesson = str(raw.get("lesson") or "")
    if lesson and lesson not in lessons:
        raise ContentError(f"glossary.yaml, {term}: lesson '{lesson}' is not in lessons.yaml; "
                           "write its number in quotes, such as \"03\".")
    aliases, see = raw.get("aliases") or [], raw.get("see") or []
    if not isinstance(aliases, list) or not isinstance(see, list):
        raise ContentError(f"glossary.yaml, {term}: aliases and see are lists, like [proxies].")
    return Term(term, definition, tuple(str(a).strip() for a in aliases), lesson, tuple(str(s) for s in see))


@functools.lru_cache(maxsize=1)
def load_glossary() -> tuple[Term, ...]:
    """Every term, alphabetically, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        On a missing field, a name used twice, a "see" that is not a term, or
        an unknown lesson, naming the entry and the fix.
    """
    lessons = {str(row["number"]) for row in load("lessons")}
    raw = load("glossary") or []
    if not isinstance(raw, list):
        raise ContentError("glossary.yaml must be a list of entries, each starting with '- term:'.")
    terms = [_entry(item, i, lessons) for i, item in enumerate(raw, start=1)]
    seen: dict[str, str] = {}
    for term in terms:
        for name in term.names:
            if _key(name) in seen:
                raise ContentError(f"glossary.yaml: '{name}' is used by both {seen[_key(name)]} and "
                                   f"{term.term}; keep it in one entry.")
            seen[_key(name)] = term.term
    known = {_key(t.term) for t in terms}
    for term in terms:
        missing = [s for s in term.see if _key(s) not in known]
        if missing:
            raise ContentError(f"glossary.yaml, {term.term}: 'see' names {', '.join(missing)}, which "
                               "is not a term; spell it as its own entry does.")
    return tuple(sorted(terms, key=lambda t: _key(t.term)))


def lookup(name: str) -> Term:
    """The entry for a term or one of its aliases (case and spacing do not matter).

    Raises
    ------
    UnknownTerm
        A ``KeyError`` when the glossary has no such term; the message
        suggests the nearest.
    """
    by_name = {_key(n): t for t in load_glossary() for n in t.names}
    found = by_name.get(_key(name))
    if found is None:
        close = difflib.get_close_matches(_key(name), list(by_name), n=1)
        hint = f" Did you mean '{by_name[close[0]].term}'?" if close else ""
        raise UnknownTerm(f"'{name}' is not in the glossary.{hint}")
    return found


def search(query: str) -> list[Term]:
    """Terms whose name or definition contains ``query``; name matches first. Empty query: all."""
    wanted = _key(query)
    terms = load_glossary()
    if not wanted:
        return list(terms)
    named = [t for t in terms if any(wanted in _key(n) for n in t.names)]
    defined = [t for t in terms if t not in named and wanted in _key(t.definition)]
    return named + defined


@functools.lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    words = [re.escape(word) for word in re.split(r"[\s-]+", name.strip())]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?:s|es)?(?![\w])", re.IGNORECASE)


def terms_in(text: str) -> list[Term]:
    """The glossary terms a text uses (by name or alias, plurals included), alphabetically."""
    return [t for t in load_glossary() if any(_pattern(n).search(text or "") for n in t.names)]


def lesson_text(notebook: str) -> str:
    """The text cells (Markdown) of a lesson notebook, joined; ``.ipynb`` may be left out."""
    name = notebook if notebook.endswith(".ipynb") else f"{notebook}.ipynb"
    path = NOTEBOOKS_DIR / name
    if not path.exists():
        raise ValueError(f"There is no lesson notebook {name} in {NOTEBOOKS_DIR}.")
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    return "\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown")


def lesson_terms(notebook: str) -> list[Term]:
    """The glossary terms a lesson's text uses."""
    return terms_in(lesson_text(notebook))
