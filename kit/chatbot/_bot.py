"""The practice chatbot: a customer-service bot for an invented coffee business, with flaws planted on purpose.

No language model and no network: a handful of plain rules read the message
and answer in the phrasings of ``bot.yaml``, so the same conversation always
gets the same answer. Each planted flaw is one switch in ``flaws``: the
practice bot has them all open, the fixed bot none, and a trainer can open
one at a time. The flaws are described, for the trainer only, in ``bot.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._content import CATEGORIES, Customer, bot_file, shop
from ._protocol import Message

_INJECTION = re.compile(r"\b(ignore|disregard|forget)\b[^.\n]{0,40}\b(instructions|rules|prompt)\b|\bnew instructions\b"
                        r"|\byou are now\b|\b(maintenance|developer|debug) mode\b", re.I)
_REVEAL = re.compile(r"\b(your|hidden|system|secret|original|initial)\s+(instructions|prompt|set-?up)\b"
                     r"|\binstructions you (were|have been) given\b|\bprint the instructions\b", re.I)
_COMMAND = re.compile(r"\b(?:reply|respond|answer)\s+(?:only\s+)?with\s+(?:the\s+(?:code|word|text|phrase)\s+)?"
                      r"[\"']?(?P<say>[^\s\"'.,!?]+)", re.I)
_HANDOVER = re.compile(r"\b(speak|talk)\s+(to|with)\s+(a |an |the |real )*(person|human|someone|somebody|team|agent"
                       r"|manager|staff)\b", re.I)
_IDENTITY = re.compile(r"\b(are|r)\s+(you|u)\s+(a |an )?(real |actual )?(human|person|bot|robot|machine|computer|ai"
                       r"|chatbot|program)\b|\b(real|actual)\s+(person|human)\b"
                       r"|\b(talking|chatting)\s+(to|with)\s+a\s+(person|human|bot|machine|computer)\b", re.I)
_DETAIL = re.compile(r"\b(address|e-?mail|phone|number|details|contact|lives?|order|account)\b", re.I)
_REFUND = re.compile(r"\b(refund|money back|broken|faulty|stopped working|not working|doesn't work)\b", re.I)
_NAME = re.compile(r"\b(?:my name is|my name's|this is|i am|i'm)\s+(?P<first>[A-Z][A-Za-z'\-]+)")
_PHRASE = re.compile(r"\b[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)+")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,60})[\"”]")
_PRICE = re.compile(r"\b(how much|price|cost|in stock|sell|buy)\b", re.I)
_ORDER = re.compile(r"\b(my order|where is|where's|track|tracking|hasn't arrived|not arrived)\b", re.I)
_GREETING = re.compile(r"^\s*(hi|hello|hey|good (morning|afternoon|evening))\b[\s!.,]*$", re.I)
_OPENERS = {"how", "what", "is", "are", "do", "does", "can", "could", "your", "the", "a", "an", "hello", "hi", "please"}
_RECORD = re.compile(r"Customer record: name: (?P<name>[^;\n]+); e-mail: (?P<email>[^;\n]+); phone: (?P<phone>[^;\n]+);"
                     r" address: (?P<address>[^;\n]+); last order: (?P<last_order>[^\n]+)")


def record_line(customer: Customer) -> str:
    """A customer's record as one line of instructions, the way the bot (and the battery) write it."""
    return (f"Customer record: name: {customer.name}; e-mail: {customer.email}; phone: {customer.phone}; "
            f"address: {customer.address}; last order: {customer.last_order}")


def records_in(text: str) -> list[Customer]:
    """The customer records written in ``text`` by :func:`record_line` (a system message, say)."""
    return [Customer(**{key: value.strip() for key, value in found.groupdict().items()})
            for found in _RECORD.finditer(text)]


def hidden_instructions() -> str:
    """What the practice bot is told before any customer writes, with its products, policies and customers."""
    business = shop()
    return bot_file().hidden_instructions.format(
        business=business.business.name, bot_name=business.business.bot_name,
        products="; ".join(f"{p.name} ({p.price})" for p in business.products),
        policies=" ".join(f"{p.name}: {p.text}" for p in business.policies),
        customers="\n".join(record_line(c) for c in business.customers))


@dataclass(frozen=True)
class Answer:
    """The bot's reply, and which planted flaw (a probe category) it showed, if any."""

    text: str
    flaw: str | None = None


@dataclass(frozen=True)
class PracticeBot:
    """The practice chatbot with the planted flaws in ``flaws`` open (all by default; none is the fixed bot).

    Parameters
    ----------
    flaws : frozenset of str
        Probe categories whose planted flaw is open; see :data:`kit.chatbot.CATEGORIES`.
    """

    flaws: frozenset[str] = field(default_factory=lambda: frozenset(CATEGORIES))

    def __post_init__(self):
        unknown = set(self.flaws) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"No planted flaw is called {', '.join(sorted(unknown))}; use {', '.join(CATEGORIES)}.")

    @property
    def label(self) -> str:
        if not self.flaws:
            return "the fixed practice bot"
        if set(self.flaws) == set(CATEGORIES):
            return "the practice bot"
        return f"the practice bot with {len(self.flaws)} of its {len(CATEGORIES)} flaws open"

    @property
    def greeting(self) -> str:
        """The bot's first message, shown when a chat opens."""
        return self._say("greeting")

    def reply(self, history: Sequence[Message], message: str) -> str:
        """The answer to ``message`` after ``history``: always the same for the same conversation."""
        return self.answer(history, message).text

    def answer(self, history: Sequence[Message], message: str) -> Answer:
        """Like :meth:`reply`, also naming the planted flaw the answer shows (for the lab's progress line)."""
        message = message.replace("’", "'")
        system = [str(turn.get("content", "")) for turn in history if turn.get("role") == "system"]
        for rule in (self._injection, self._handover, self._identity, self._privacy, self._refund,
                     self._invented, self._order, self._product, self._policy):
            found = rule(message, system)
            if found is not None:
                return found
        return Answer(self._say("greeting" if _GREETING.match(message) else "fallback"))

    # --- the rules, in the order they are tried ------------------------------------------------
    def _say(self, key: str, **words: str) -> str:
        business = shop().business
        text = getattr(bot_file().phrasings, key)
        return text.format(business=business.name, bot_name=business.bot_name, hours=business.hours, **words)

    def _open(self, flaw: str) -> bool:
        return flaw in self.flaws

    def _injection(self, message: str, system: list[str]) -> Answer | None:
        injected, reveal = _INJECTION.search(message), _REVEAL.search(message)
        if not (injected or reveal):
            return None
        if not (injected and self._open("prompt_injection")):
            return Answer(self._say("injection_refused" if injected else "instructions_refused"))
        command = _COMMAND.search(message)
        if command:
            return Answer(command["say"], "prompt_injection")
        if reveal:
            return Answer("\n".join([hidden_instructions(), *system]), "prompt_injection")
        return Answer("Understood: I will follow your new instructions. What would you like me to do?",
                      "prompt_injection")

    def _handover(self, message: str, system: list[str]) -> Answer | None:
        return Answer(self._say("handover")) if _HANDOVER.search(message) else None

    def _identity(self, message: str, system: list[str]) -> Answer | None:
        if not _IDENTITY.search(message):
            return None
        if self._open("no_ai_disclosure"):
            return Answer(self._say("human_claim"), "no_ai_disclosure")
        return Answer(self._say("ai_disclosure"))

    def _privacy(self, message: str, system: list[str]) -> Answer | None:
        low = message.casefold()
        customers = [*shop().customers, *(c for text in system for c in records_in(text))]
        named = next((c for c in customers if c.name.casefold() in low), None)
        if named is None or not _DETAIL.search(message):
            return None
        pretext = any(words.casefold() in low for words in bot_file().behaviour.pretexts)
        if pretext and self._open("privacy_leak"):
            return Answer(self._say_leak(named), "privacy_leak")
        return Answer(self._say("privacy_refusal"))

    def _say_leak(self, customer: Customer) -> str:
        return bot_file().phrasings.privacy_leak.format(**customer.model_dump())

    def _refund(self, message: str, system: list[str]) -> Answer | None:
        if not _REFUND.search(message):
            return None
        if self._open("biased_response"):
            behaviour, low = bot_file().behaviour, message.casefold()
            name = _NAME.search(message)
            unfamiliar = name is not None and name["first"] not in behaviour.familiar_names
            if unfamiliar or any(words.casefold() in low for words in behaviour.strict_backgrounds):
                return Answer(self._say("refund_strict"), "biased_response")
        return Answer(self._say("refund_fair"))

    def _invented(self, message: str, system: list[str]) -> Answer | None:
        thing = _unknown_thing(message)
        if thing is None:
            return None
        policy_words = {word.casefold() for word in bot_file().behaviour.policy_words}
        if thing.split()[-1].casefold() in policy_words:
            flawed = "invented_policy"
        elif _PRICE.search(message):
            flawed = "invented_product"
        else:
            return None
        if self._open("confabulation"):
            return Answer(self._say(flawed, thing=thing), "confabulation")
        known = ", ".join(p.name for p in shop().products) + "; and our policies on " + ", ".join(
            p.name.casefold() for p in shop().policies)
        return Answer(self._say("unknown_thing", thing=thing, known=known))

    def _order(self, message: str, system: list[str]) -> Answer | None:
        return Answer(self._say("order_help")) if _ORDER.search(message) else None

    def _product(self, message: str, system: list[str]) -> Answer | None:
        low = message.casefold()
        product = next((p for p in shop().products if p.name.casefold() in low), None)
        return None if product is None else Answer(self._say("product", name=product.name, price=product.price,
                                                             about=product.about))

    def _policy(self, message: str, system: list[str]) -> Answer | None:
        low = message.casefold()
        policy = next((p for p in shop().policies if any(k.casefold() in low for k in p.keywords)), None)
        return None if policy is None else Answer(self._say("policy", name=policy.name, text=policy.text))


def _known_names() -> list[str]:
    business = shop()
    return [name.casefold() for name in (business.business.name, business.business.bot_name,
                                         *(p.name for p in business.products), *(p.name for p in business.policies),
                                         *(c.name for c in business.customers))]


def _policy_phrases(message: str) -> list[str]:
    """Policies asked about in small letters ("a price match guarantee"): one to three words, then a policy word,
    unless a word of one of the business's real policies is in them ("your returns policy")."""
    words = "|".join(re.escape(word) for word in bot_file().behaviour.policy_words)
    pattern = rf"\b(?:your|the|a|an|any)\s+((?:[\w'\-]+\s+){{1,3}}?(?:{words}))\b"
    keywords = [k.casefold() for p in shop().policies for k in p.keywords]
    return [phrase for phrase in re.findall(pattern, message, re.I)
            if not any(k in phrase.casefold() for k in keywords)]


def _unknown_thing(message: str) -> str | None:
    """A name in the message (in quotes, in capitals, or a policy in small letters) that is none of the business's
    products, policies or people."""
    known = _known_names()
    for phrase in [*_QUOTED.findall(message), *_PHRASE.findall(message), *_policy_phrases(message)]:
        words = phrase.split()
        while words and words[0].casefold() in _OPENERS:
            words = words[1:]
        name = " ".join(words).strip(" ?!.,")
        if len(name) >= 3 and not any(k in name.casefold() or name.casefold() in k for k in known):
            return name
    return None


def practice_bot() -> PracticeBot:
    """The practice bot with every planted flaw open."""
    return PracticeBot()


def fixed_bot() -> PracticeBot:
    """The same bot with every flaw closed, for the comparison at the end of the lab."""
    return PracticeBot(flaws=frozenset())
