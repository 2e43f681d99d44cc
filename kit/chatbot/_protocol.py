"""What the probe battery needs of a chatbot: one method, ``reply(history, message)``.

The practice bots (:mod:`._bot`) and the chat-completions client
(:mod:`._endpoint`) both have it, so the same probes run against either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

#: One turn of a conversation, as the chat-completions protocol writes it:
#: ``{"role": "system" | "user" | "assistant", "content": "..."}``.
Message = Mapping[str, str]


@runtime_checkable
class Chatbot(Protocol):
    """Anything the battery can talk to.

    ``label`` names it in a report ("the practice bot", "gpt-4o-mini at
    https://..."); :meth:`reply` answers ``message`` after the turns in
    ``history`` (system instructions first, if any) and returns the text.
    """

    label: str

    def reply(self, history: Sequence[Message], message: str) -> str:
        """The chatbot's answer to ``message``, given the conversation so far."""
        ...  # pragma: no cover


class ChatServiceError(Exception):
    """A chat service that gave no usable answer; the message is one plain line, such as
    "the service did not answer within 20 s", fit to print in a report as it is."""


def turn(role: str, content: str) -> dict[str, str]:
    """One message of a conversation: ``turn("user", "Hello")``."""
    return {"role": role, "content": content}
