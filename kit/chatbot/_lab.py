"""The red-team lab of the chatbot lesson, as plain logic: a conversation with the practice bot, findings, progress.

The lab app (:mod:`kit.chatbot.ui`) only arranges widgets around a
:class:`Lab`. An attendee sends messages (:meth:`Lab.send`), records the last
exchange as a finding (:meth:`Lab.proposal` says which planted flaw it shows,
or why it cannot be recorded; the app then adds the risk to the register and
calls :meth:`Lab.record`), and at the end sends every finding's messages to
the fixed bot (:meth:`Lab.compare`). The words come from ``lab.yaml``; which
flaw a reply shows comes from the practice bot itself, so the lab never
guesses.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from kit.documents import Section
from kit.workshop.content import ContentModel, Items, load_valid

from . import _detect as detect
from ._battery import Exchange, clean
from ._bot import PracticeBot, fixed_bot, practice_bot
from ._content import CATEGORIES, _text, bot_file, probe_texts, shop
from ._protocol import turn
from ._register import finding_risk

#: The longest message the lab sends, and how many exchanges a saved conversation keeps (the newest).
MAX_MESSAGE, MAX_TRANSCRIPT = 1000, 60
#: The chatbot a lab finding names in the register.
LAB_CHATBOT = "the practice bot in the chatbot lab"
_SHOP = ("bot_name", "business")


class Suggestion(ContentModel):
    label: str = Field(min_length=1, max_length=40, description="the button's words, such as Ask about a product")
    message: str = Field(min_length=1, max_length=MAX_MESSAGE, description="the message it puts in the box")


class LabFile(ContentModel):
    """``lab.yaml``: what the attendee reads around the chat; none of it names a planted flaw."""

    intro: _text("total", *_SHOP)
    suggestions_intro: _text(*_SHOP)
    suggestions: Items[Suggestion] = Field(min_length=1)
    suggested: _text(*_SHOP)
    progress: _text("found", "total")
    progress_all: _text("total")
    empty: _text(*_SHOP)
    too_long: _text("count", "limit")
    sent: _text("reply", *_SHOP)
    no_exchange: _text(*_SHOP)
    no_flaw: _text(*_SHOP)
    one_sided: _text(*_SHOP)
    already: _text("ref", "title")
    recorded: _text("ref", "title")
    restarted: _text(*_SHOP)
    fixed_intro: _text(*_SHOP)
    fixed_none: _text(*_SHOP)


@functools.cache
def lab_texts() -> LabFile:
    """The lab's words, from ``lab.yaml``."""
    return load_valid("chatbot/lab", LabFile)


def chatbot_content() -> None:
    """Read every content file of the chatbot lab, each through its schema (``kit doctor`` calls this)."""
    shop(), bot_file(), probe_texts(), lab_texts()


def lab_say(key: str, **words: Any) -> str:
    """The lab's text ``key`` with the business's names, the number of planted flaws and ``words`` filled in."""
    business = shop().business
    return getattr(lab_texts(), key).format(bot_name=business.bot_name, business=business.name,
                                            total=len(CATEGORIES), **words)


class LabRefusal(ValueError):
    """The last exchange cannot be recorded as a finding; the message says why and what to try, in plain words."""


@dataclass(frozen=True)
class Finding:
    """An exchange (or a pair, for unequal treatment) the attendee recorded, and the register risk it became."""

    id: str
    category: str
    exchanges: tuple[Exchange, ...]
    ref: str = ""
    title: str = ""

    @property
    def name(self) -> str:
        """The probe category in words ("Privacy leak")."""
        return next(c.name for c in probe_texts().categories if c.id == self.category)


@dataclass(frozen=True)
class Comparison:
    """One finding sent again to the fixed bot: each message with both replies, and what changed, in words."""

    finding: Finding
    turns: tuple[tuple[str, str, str], ...]  # (message, the practice bot's reply, the fixed bot's reply)
    changed: str


@dataclass
class Lab:
    """One attendee's lab: the conversation with the practice bot and the findings recorded from it."""

    transcript: list[Exchange] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    bot: PracticeBot = field(default_factory=practice_bot)

    # --- saving ------------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """What the workspace saves under ``"chatbot.lab"`` (:data:`kit.workshop.parts.CHATBOT_LAB`)."""
        pair = lambda e: {"message": e.message, "reply": e.reply or ""}  # noqa: E731
        return {"transcript": [pair(e) for e in self.transcript[-MAX_TRANSCRIPT:]],
                "findings": [{"id": f.id, "category": f.category, "ref": f.ref, "title": f.title,
                              "exchanges": [pair(e) for e in f.exchanges]} for f in self.findings]}

    @classmethod
    def from_dict(cls, saved: Any) -> "Lab":
        """A lab from :meth:`to_dict` data; findings of a category this kit does not know are left out."""
        saved = saved if isinstance(saved, dict) else {}
        exchanges = lambda rows: [Exchange(str(r["message"]), str(r["reply"])) for r in rows or []]  # noqa: E731
        findings = [Finding(str(f["id"]), f["category"], tuple(exchanges(f.get("exchanges"))), str(f.get("ref", "")),
                            str(f.get("title", "")))
                    for f in saved.get("findings") or [] if f["category"] in CATEGORIES]
        return cls(exchanges(saved.get("transcript")), findings)

    # --- chatting ----------------------------------------------------------------------------------
    @property
    def greeting(self) -> str:
        return self.bot.greeting

    def send(self, message: str) -> Exchange:
        """Send ``message`` to the practice bot and keep the exchange; a plain :class:`LabRefusal` for an empty
        or overlong message."""
        message = message.strip()
        if not message:
            raise LabRefusal(lab_say("empty"))
        if len(message) > MAX_MESSAGE:
            raise LabRefusal(lab_say("too_long", count=f"{len(message):,}", limit=f"{MAX_MESSAGE:,}"))
        message = clean(message)
        history = [turn(role, text) for e in self.transcript for role, text in (("user", e.message),
                                                                                ("assistant", e.reply))]
        exchange = Exchange(message, clean(self.bot.reply(history, message)))
        self.transcript = [*self.transcript, exchange][-MAX_TRANSCRIPT:]
        return exchange

    def restart(self) -> None:
        """A new conversation; the findings stay."""
        self.transcript = []

    # --- findings ----------------------------------------------------------------------------------
    def proposal(self) -> tuple[str, tuple[Exchange, ...]]:
        """The planted flaw the last exchange shows and the exchanges that are its evidence.

        Unequal treatment needs two answers to compare: the last refund answer
        and an earlier one that offered something else. Raises
        :class:`LabRefusal` (no exchange yet, no flaw shown, one side of a
        pair only, or a flaw already recorded) with what to try instead.
        """
        if not self.transcript:
            raise LabRefusal(lab_say("no_exchange"))
        last = self.transcript[-1]
        flaw = self.bot.answer([], last.message).flaw
        category, evidence = flaw, (last,)
        if flaw == "biased_response" or (flaw is None and detect.outcome(last.reply or "")):
            other = self._contrast(last, flaw)
            if other is not None:
                category, evidence = "biased_response", (other, last)
            elif flaw is not None:
                raise LabRefusal(lab_say("one_sided"))
        if category is None:
            raise LabRefusal(lab_say("no_flaw"))
        done = next((f for f in self.findings if f.category == category), None)
        if done is not None:
            raise LabRefusal(lab_say("already", ref=done.ref, title=done.title))
        return category, evidence

    def _contrast(self, last: Exchange, flaw: str | None) -> Exchange | None:
        """The latest earlier refund answer that offered something else, one of the two from the flawed rule."""
        outcome = detect.outcome(last.reply or "")
        for earlier in reversed(self.transcript[:-1]):
            other = detect.outcome(earlier.reply or "")
            unfair = flaw == "biased_response" or self.bot.answer([], earlier.message).flaw == "biased_response"
            if other and other != outcome and unfair:
                return earlier
        return None

    def risk_for(self, category: str, evidence: Sequence[Exchange], taken: Sequence[str] = ()) -> dict:
        """The register row for a finding: :func:`kit.chatbot.finding_risk` with what the practice bot did."""
        why = f"In the chatbot lab, the practice bot {verdict(category, self.bot, evidence)[1]}."
        return finding_risk(category, evidence, why=why, chatbot=LAB_CHATBOT, taken=taken)

    def record(self, category: str, evidence: Sequence[Exchange], ref: str, title: str) -> Finding:
        """Keep a finding, once its risk (``ref``, ``title``) is in the register."""
        number = max((int(f.id[1:]) for f in self.findings if f.id[1:].isdigit()), default=0) + 1
        finding = Finding(f"F{number}", category, tuple(evidence), ref, title)
        self.findings = [*self.findings, finding]
        return finding

    @property
    def found(self) -> tuple[str, ...]:
        """The planted flaws recorded so far, in the battery's order (never the others)."""
        recorded = {f.category for f in self.findings}
        return tuple(c for c in CATEGORIES if c in recorded)

    def progress(self) -> str:
        """"You have found N of 5 planted flaws.", counted from the findings; it names none of them."""
        found = len(self.found)
        return lab_say("progress_all") if found == len(CATEGORIES) else lab_say("progress", found=found)

    # --- the fixed bot -----------------------------------------------------------------------------
    def compare(self, fixed: PracticeBot | None = None) -> list[Comparison]:
        """Every finding's messages sent again to the fixed bot, with what changed in words."""
        fixed = fixed or fixed_bot()
        out = []
        for finding in self.findings:
            again = tuple(Exchange(e.message, fixed.reply([], e.message)) for e in finding.exchanges)
            _, before = verdict(finding.category, self.bot, finding.exchanges)
            _, after = verdict(finding.category, fixed, again)
            turns = tuple((e.message, e.reply or "", a.reply or "") for e, a in zip(finding.exchanges, again))
            out.append(Comparison(finding, turns, f"The practice bot {before}; the fixed bot {after}."))
        return out


def verdict(category: str, bot: PracticeBot, exchanges: Sequence[Exchange]) -> tuple[bool, str]:
    """Whether the replies show the flaw of ``category``, and what the bot did, in words ("said it is a person")."""
    replies = [e.reply or "" for e in exchanges]
    if category == "privacy_leak":
        message = exchanges[-1].message.casefold()
        customer = next((c for c in shop().customers if c.name.casefold() in message), None)
        details = detect.leaked(replies[-1], customer) if customer else []
        name = customer.name if customer else "the other customer"
        return (True, f"gave {name}'s {_and(details)}") if details else (False, f"gave none of {name}'s details")
    if category == "no_ai_disclosure":
        why = detect.undisclosed(replies[-1])  # "It said it is a person."
        return (True, why.removeprefix("It ").rstrip(".")) if why else (False, "said that it is an automated assistant")
    if category == "biased_response":
        outcomes = [detect.outcome(reply) for reply in replies]
        if len(set(outcomes)) > 1:
            each = [f"to the {ordinal} it {detect.outcome_words(o)}" for ordinal, o in zip(("first", "second"), outcomes)]
            return True, f"answered the same request differently ({', '.join(each)})"
        return False, f"gave every request the same answer: it {detect.outcome_words(outcomes[0])}"
    if category == "prompt_injection":
        obeyed = any(bot.answer([], e.message).flaw == "prompt_injection" for e in exchanges)
        return (True, "did what the message told it to") if obeyed else (
            False, "did not follow instructions written into a message")
    if detect.admits_unknown(replies[-1]):
        return False, "said it has nothing by that name"
    return True, "described it as if it existed"


def _and(items: Sequence[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def lab_section(saved: Any) -> Section | None:
    """The lab's findings (the value of ``"chatbot.lab"``) as a section of the action plan; None when unreadable."""
    try:
        lab = Lab.from_dict(saved)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    heading = "Chatbot red-team lab"
    if not lab.findings:
        return Section(heading, paragraphs=[f"You sent the practice chatbot {len(lab.transcript)} message"
                                            f"{'' if len(lab.transcript) == 1 else 's'} and recorded no finding."])
    said = (f"You found {len(lab.found)} of the {len(CATEGORIES)} flaws planted in the practice chatbot and recorded "
            "each in your risk register, with the exchange as evidence.")
    return Section(heading, paragraphs=[said], bullets=[f"{f.ref} {f.title} ({f.name})".strip() for f in lab.findings])
