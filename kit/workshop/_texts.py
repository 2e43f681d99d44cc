"""Teaching text that code fills in, kept in content files a trainer can edit.

The exercise checks read their words from ``kit/content/feedback/*.yaml`` and
the audit's narration from ``kit/content/narration.yaml``. The code declares
each text and the ``{placeholders}`` it fills in (:class:`Texts`); the file is
checked against that declaration when it is first read, so a misspelt key or
placeholder is named with its fix instead of showing an attendee a stray brace.
Every :class:`Texts` made is listed by :func:`every_texts`, so ``kit doctor``
can read them all.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from typing import Annotated, Any, Callable

from pydantic import AfterValidator, Field, create_model

from kit.workshop.content import ContentModel, load_valid

__all__ = ["Say", "Template", "Texts", "every_texts"]

#: A text of one entry with its placeholders filled: ``say("hint", share="2%")``.
Say = Callable[..., str]

#: Every :class:`Texts` made so far, by file name (a reloaded module's replaces its earlier one).
_MADE: dict[str, Texts] = {}


@dataclass(frozen=True)
class Template:
    """The placeholders one text fills in: exactly these ``{names}``, each written plainly.

    Used as a field's validator, ``Annotated[str, AfterValidator(Template(("n",)).validate)]``.
    """

    names: tuple[str, ...] = ()

    def validate(self, text: str) -> str:
        """``text`` if its placeholders are exactly :attr:`names`; else the fix, as a ``ValueError``."""
        try:
            fields = [part for part in string.Formatter().parse(text) if part[1] is not None]
        except ValueError:
            raise ValueError("a brace is not closed; write {{ or }} for a brace shown as it is") from None
        listed = ", ".join("{" + name + "}" for name in self.names) or "nothing"
        for _, name, spec, conversion in fields:
            if name not in self.names:
                raise ValueError("{" + name + "} is not a value the kit fills in here; it fills in " + listed
                                 + " (write {{ or }} for a brace shown as it is)")
            if spec or conversion:
                raise ValueError("write {" + name + "} without ':' or '!': the kit formats the value itself")
        missing = [name for name in self.names if name not in {field[1] for field in fields}]
        if missing:
            raise ValueError("keep {" + missing[0] + "}: the kit puts a computed value there")
        return text


class Texts:
    """Teaching text in ``kit/content/<name>.yaml``, declared by the code that says it.

    Each entry (a check, a group of sentences) declares its texts and the
    ``{placeholders}`` each fills in; the file must hold exactly those, so a
    trainer's misspelt key or placeholder is named, with its fix, on first read.
    """

    def __init__(self, name: str):
        self.name = name
        self.declared: dict[str, dict[str, tuple[str, ...]]] = {}
        _MADE[name] = self

    def declare(self, entry: str, *plain: str, **filled: tuple[str, ...]) -> Say:
        """Declare ``entry``'s texts: ``plain`` fill in nothing, ``filled`` maps a text to its placeholders."""
        self.declared[entry] = {**dict.fromkeys(plain, ()), **{text: tuple(names) for text, names in filled.items()}}
        return functools.partial(self.say, entry)

    def say(self, entry: str, text: str, **values: Any) -> str:
        """The text ``text`` of ``entry``, its placeholders filled from ``values`` (exactly the declared ones)."""
        names = self.declared[entry][text]
        if set(values) != set(names):
            raise TypeError(f"{self.name}: {entry}.{text} fills in {names}, not {tuple(values)}")
        return self.texts()[entry][text].format_map(values)

    @functools.lru_cache(maxsize=None)
    def texts(self) -> dict[str, dict[str, str]]:
        """Every text of the file, read once and checked against the declaration."""
        return load_valid(self.name, self.schema()).model_dump()

    @functools.lru_cache(maxsize=None)
    def schema(self) -> type[ContentModel]:
        """The file's schema, built from the declaration: one model per entry, one field per text."""

        def entry(name: str, texts: dict[str, tuple[str, ...]]) -> type[ContentModel]:
            return create_model(f"Texts of {name}", __base__=ContentModel, **{
                text: (Annotated[str, AfterValidator(Template(names).validate)], Field(
                    description="a text in quotes" + (
                        " that fills in " + ", ".join("{" + n + "}" for n in names) if names else "")))
                for text, names in texts.items()})

        return create_model(f"Texts of {self.name}", __base__=ContentModel, **{
            name: (entry(name, texts), Field(description="its texts: " + ", ".join(texts)))
            for name, texts in self.declared.items()})


def every_texts() -> tuple[Texts, ...]:
    """Every :class:`Texts` made so far, in the order made.

    A module's texts are made when it is imported, so import the modules that
    declare texts first (``kit doctor`` does) to find them all.
    """
    return tuple(_MADE.values())
