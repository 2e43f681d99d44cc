"""Short text an attendee types into the culture and innovation apps: one line, with a stated limit."""

from __future__ import annotations

from typing import Any


def one_line(text: Any, limit: int, what: str, fix: str = "") -> str:
    """``text`` on one line (runs of spaces and line breaks become one space).

    Raises a ValueError naming the problem and the fix when it is longer than
    ``limit`` characters: "``what`` is N characters long; shorten it to
    ``limit`` or fewer``fix``."
    """
    value = " ".join(str(text or "").split())
    if len(value) > limit:
        raise ValueError(f"{what} is {len(value)} characters long; shorten it to {limit} or fewer{fix}.")
    return value
