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
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from kit.workshop._lessons import lesson_ids
from kit.workshop.content import ContentModel, load_valid
from kit.paths import NOTEBOOKS_DIR


class Term(ContentModel):
    """One glossary entry."""

    term: str = Field(min_length=1, description="the term as a lesson writes it, such as proxy")
    definition: str = Field(min_length=1, description="one or two plain sentences saying what it means")
    aliases: tuple[str, ...] = Field((), description="other spellings and plurals in a list, such as [proxies]")
    lesson: str = Field("", description="the id of the lesson that teaches it, as in lessons.yaml, such as bias")
    see: tuple[str, ...] = Field((), description="related terms in a list, spelled as their own entries")

    @field_validator("definition")
    @classmethod
    def _one_line(cls, text: str) -> str:
        return " ".join(text.split())

    @field_validator("lesson")
    @classmethod
    def _known_lesson(cls, lesson: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("lessons") or set()
        if lesson and lesson not in known:
            raise ValueError(f"lesson {lesson!r} is not in lessons.yaml; use one of its ids, such as "
                             f"{', '.join(sorted(known)[:4])}")
        return lesson

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases: every spelling that counts as using it."""
        return (self.term, *self.aliases)


def _consistent(terms: list[Term]) -> list[Term]:
    """No spelling in two entries; every "see" names an entry."""
    seen: dict[str, str] = {}
    for term in terms:
        for name in term.names:
            if _key(name) in seen:
                raise ValueError(f"{name!r} is used by both {seen[_key(name)]!r} and {term.term!r}; keep it in one entry")
            seen[_key(name)] = term.term
    for term in terms:
        missing = [s for s in term.see if _key(s) not in seen or _key(seen[_key(s)]) != _key(s)]
        if missing:
            raise ValueError(f"the 'see' of {term.term!r} names {', '.join(missing)}, which is not a term; "
                             "spell it as its own entry does")
    return terms


Glossary = Annotated[list[Term], AfterValidator(_consistent)]


class UnknownTerm(KeyError):
    """A term the glossary does not have; the message suggests the nearest one."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _key(text: str) -> str:
    return " ".join(str(text).lower().split())


@functools.lru_cache(maxsize=1)
def load_glossary() -> tuple[Term, ...]:
    """Every term, alphabetically, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        On a missing field, a name used twice, a "see" that is not a term, or
        an unknown lesson, naming the entry and the fix.
    """
    terms = load_valid("glossary", Glossary, context={"lessons": lesson_ids()})
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
