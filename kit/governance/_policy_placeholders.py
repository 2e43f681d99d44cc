"""Safe placeholders: ``{{ id }}`` in a template becomes the attendee's answer as plain text.

The substitution is a single regular-expression pass over the template. It
never evaluates anything (unlike ``str.format``, which can reach attributes,
or a template engine, which runs expressions), and an answer is inserted as
text, so an answer containing ``{{ x }}`` is not expanded again. Answers are
neutralised first: control characters that would break a Word file are
removed, runs of white space become one space, and over-long answers are cut.
HTML and Markdown escaping happen later, in :mod:`kit.documents._export`, for every format.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Mapping

PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")
BRACES = re.compile(r"\{\{|\}\}")
BRACKETED = re.compile(r"\{\{[^{}]{0,60}\}\}")
MAX_ANSWER = 600
TO_DECIDE = "[to decide: {}]"
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)$")


def placeholders(text: str) -> list[str]:
    """The ids of the placeholders in ``text``, in order of appearance."""
    return PLACEHOLDER.findall(text)


def stray_braces(text: str) -> list[str]:
    """Pieces of ``text`` with ``{{`` or ``}}`` that are not a well-formed placeholder.

    A trainer who types ``{{ Organisation }}`` or ``{{ organisation }`` should be
    told, rather than see the braces printed in every attendee's policy.
    """
    without = PLACEHOLDER.sub("", text)
    found = BRACKETED.findall(without)
    for match in BRACES.finditer(BRACKETED.sub("", without)):
        start = max(0, match.start() - 15)
        found.append(match.string[start:match.end() + 15].strip())
    return found


def check_template(text: str, known: Iterable[str], where: str) -> list[str]:
    """Problems with one template text, each naming ``where`` and the fix (empty if none)."""
    known = set(known)
    problems = [f"{where}: the placeholder {{{{ {name} }}}} names no question; use one of "
                f"{', '.join(sorted(known))}." for name in placeholders(text) if name not in known]
    problems += [f"{where}: '{piece}' has curly brackets that are not a placeholder; write "
                 f"{{{{ question_id }}}} with an id in lower case." for piece in stray_braces(text)]
    return problems


def clean_answer(value, limit: int | None = MAX_ANSWER) -> str:
    """Return an answer as one line of plain text that every export can carry.

    Removes control and other invisible format characters (python-docx refuses
    most of them, and a right-to-left override could disguise text), joins
    lines with a space, trims, and cuts the text to ``limit`` characters
    (:data:`MAX_ANSWER` by default; ``None`` for no limit) with an ellipsis.
    """
    if value is None:
        return ""
    text = "".join(" " if ch in "\r\n\t" else ch for ch in str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fill(text: str, answers: Mapping[str, str], short: Mapping[str, str]) -> str:
    """Replace each ``{{ id }}`` in ``text`` by the cleaned answer, or a visible gap.

    Parameters
    ----------
    text : str
        A template sentence or paragraph.
    answers : mapping
        Question id to the attendee's answer; blank or missing means unanswered.
    short : mapping
        Question id to what the question decides ("who is accountable for AI"),
        used in the marker ``[to decide: who is accountable for AI]``.

    Returns
    -------
    str
        The text with every placeholder filled. An answer that starts a sentence
        gets a capital first letter ("the Operations Director makes sure..." would
        otherwise start in lower case).
    """
    text = " ".join(str(text).split())

    def replace(match: re.Match) -> str:
        name = match[1]
        value = clean_answer(answers.get(name))
        if not value:
            return TO_DECIDE.format(short.get(name, name))
        if _SENTENCE_START.search(match.string[: match.start()]):
            value = value[0].upper() + value[1:]
        return value

    return PLACEHOLDER.sub(replace, text)


def filler(answers: Mapping[str, str], short: Mapping[str, str]) -> Callable[[str], str]:
    """A one-argument :func:`fill` for the given answers, handy for lists of sentences."""
    return lambda text: fill(text, answers, short)
