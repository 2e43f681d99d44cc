"""The chatbot lab's content files (``kit/content/chatbot/``), each read through its schema.

``shop.yaml`` is the invented business (products, policies, customers),
``bot.yaml`` the practice bot (hidden instructions, phrasings, the rules of
its flaws and, for the trainer only, the flaws themselves) and ``probes.yaml``
the probe battery (messages, plain-language texts, register suggestions).
"""

from __future__ import annotations

import functools
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from kit.risk import CATEGORIES as RISK_CATEGORIES
from kit.risk import RiskInputError, validate_risk
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

#: The probe categories, in the order the battery runs them and the reports list them.
CATEGORIES = ("privacy_leak", "no_ai_disclosure", "biased_response", "prompt_injection", "confabulation")
Category = Literal["privacy_leak", "no_ai_disclosure", "biased_response", "prompt_injection", "confabulation"]

_Line = Annotated[str, Field(min_length=1)]
#: The fields of a suggested risk that the register itself keeps (the others are extra fields).
RISK_FIELDS = ("title", "category", "description", "affected", "impact", "likelihood", "severity", "mitigation",
               "owner", "residual_likelihood", "residual_severity")


def fields_of(text: str) -> set[str]:
    """The names in braces that ``text`` asks to be filled in (``"{name} costs"`` gives ``{"name"}``)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _fills(*allowed: str):
    """A validator: the text names only the ``allowed`` words in braces."""

    def check(text: str) -> str:
        try:
            unknown = sorted(fields_of(text) - set(allowed))
        except ValueError:
            raise ValueError("a brace is not closed; write words to fill in as {name}") from None
        if unknown:
            words = ", ".join("{" + name + "}" for name in allowed) or "nothing"
            raise ValueError(f"{{{unknown[0]}}} is not a word the kit fills in here; it fills in {words}")
        return text

    return AfterValidator(check)


def _text(*allowed: str, description: str = "a sentence or two"):
    return Annotated[str, Field(min_length=1, description=description), _fills(*allowed)]


# --- shop.yaml -----------------------------------------------------------------------------------
class Business(ContentModel):
    name: str = Field(min_length=1, description="the business's name, such as Bramble & Bean")
    what: str = Field(min_length=1, description="what it is, in a few words")
    bot_name: str = Field(min_length=1, description="the name the chatbot goes by, such as Sam")
    hours: str = Field(min_length=1, description="when a person can take over, such as weekdays 9 am to 5 pm")


class Product(ContentModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short id in small letters, such as house_blend")
    name: str = Field(min_length=1, description="the product's name as customers write it")
    price: str = Field(min_length=1, description="the price in words, such as £8.50 for 250 g")
    about: str = Field(min_length=1, description="what it is, in a few words")


class Policy(ContentModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short id in small letters, such as returns")
    name: str = Field(min_length=1, description="the policy's name, such as Returns and refunds")
    keywords: Items[_Line] = Field(min_length=1, description="words in a question that mean this policy")
    text: str = Field(min_length=1, description="the policy in two or three sentences")


class Customer(ContentModel):
    name: str = Field(min_length=3, description="an invented full name, such as Margaret Hale")
    email: str = Field(pattern=r"@example\.(org|com|net)$", description="an address at example.org (reserved)")
    phone: str = Field(min_length=6, description="a made-up number, such as 01632 960 118 (a range kept for fiction)")
    address: str = Field(min_length=1, description="an invented address")
    last_order: str = Field(min_length=1, description="what they last ordered, with an order number")


class Shop(ContentModel):
    business: Business
    products: Annotated[Items[Product], AfterValidator(unique_ids("products"))] = Field(min_length=1)
    policies: Annotated[Items[Policy], AfterValidator(unique_ids("policies"))] = Field(min_length=1)
    customers: Annotated[Items[Customer], AfterValidator(unique_ids("customers", "name", any_case=True))] = Field(
        min_length=1)


# --- bot.yaml ------------------------------------------------------------------------------------
_SHOP = ("business", "bot_name", "hours")


class Phrasings(ContentModel):
    """The practice bot's answers; each may fill in only the words its rule knows."""

    greeting: _text(*_SHOP)
    fallback: _text(*_SHOP)
    handover: _text(*_SHOP)
    ai_disclosure: _text(*_SHOP)
    human_claim: _text(*_SHOP)
    privacy_refusal: _text(*_SHOP)
    privacy_leak: _text("name", "email", "phone", "address", "last_order")
    refund_fair: _text(*_SHOP)
    refund_strict: _text(*_SHOP)
    injection_refused: _text(*_SHOP)
    instructions_refused: _text(*_SHOP)
    unknown_thing: _text("thing", "known", *_SHOP)
    invented_policy: _text("thing", *_SHOP)
    invented_product: _text("thing", *_SHOP)
    product: _text("name", "price", "about")
    policy: _text("name", "text")
    order_help: _text(*_SHOP)


class Behaviour(ContentModel):
    """The words behind the planted flaws (the fixed bot ignores them)."""

    pretexts: Items[_Line] = Field(min_length=1, description="phrases that make a request look legitimate")
    familiar_names: Items[_Line] = Field(min_length=1, description="first names the flawed bot favours")
    strict_backgrounds: Items[_Line] = Field(min_length=1, description="backgrounds the flawed bot treats worse")
    policy_words: Items[_Line] = Field(min_length=1, description="words of a name that make it a policy")


class Flaw(ContentModel):
    """A planted flaw, for the trainer: what it does, a message that shows it, how the fixed bot closes it."""

    id: Category = Field(description=f"one of the probe categories: {', '.join(CATEGORIES)}")
    title: str = Field(min_length=1, description="the flaw in a few words")
    what: str = Field(min_length=1, description="what the bot does, and when")
    try_: str = Field(min_length=1, alias="try", description="a message that shows the flaw")
    fixed: str = Field(min_length=1, description="how the fixed bot behaves instead")


class BotFile(ContentModel):
    hidden_instructions: _text("business", "bot_name", "products", "policies", "customers")
    phrasings: Phrasings
    behaviour: Behaviour
    flaws: Annotated[Items[Flaw], AfterValidator(unique_ids("flaws"))] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_flaw(self) -> "BotFile":
        if {flaw.id for flaw in self.flaws} != set(CATEGORIES):
            raise ValueError(f"flaws should describe one flaw for each of {', '.join(CATEGORIES)}")
        return self


# --- probes.yaml ---------------------------------------------------------------------------------
_PROBE_WORDS = ("other_name", "message_canary", "invented_policy", "invented_product", "who")


class ProbeText(ContentModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short id in small letters")
    message: _text(*_PROBE_WORDS, description="the message sent to the chatbot")
    pair: tuple[str, str] | None = Field(None, description="two names or backgrounds put in {who}, to compare")
    canary: Literal["message", "instructions"] | None = Field(
        None, description="where the code to look for is: message or instructions")


class RiskSuggestion(ContentModel):
    """The risk a finding becomes in the register, with where it sits among the named risk lists."""

    title: str = Field(min_length=1, max_length=150, description="a short title, unlike the templates' titles")
    category: Literal[RISK_CATEGORIES] = Field(description=f"one of {', '.join(RISK_CATEGORIES)}")
    description: str = Field(min_length=1, description="what went wrong, in a sentence")
    affected: str = Field(min_length=1, description="who is affected")
    impact: str = Field(min_length=1, description="what the harm would be")
    likelihood: int = Field(ge=1, le=5, description="a whole number from 1 to 5")
    severity: int = Field(ge=1, le=5, description="a whole number from 1 to 5")
    mitigation: str = Field(min_length=1, description="the suggested mitigation")
    owner: str = Field(min_length=1, description="the suggested owner")
    residual_likelihood: int = Field(ge=1, le=5, description="a whole number from 1 to 5, once mitigated")
    residual_severity: int = Field(ge=1, le=5, description="a whole number from 1 to 5, once mitigated")
    seed_risk: str = Field(min_length=1, description="the nearest of the source table's four chatbot risks")
    seed_note: str = Field("", description="why, when the match is not exact")
    owasp: Items[_Line] = Field(description="OWASP Top 10 for LLM applications (2025) entries, such as "
                                            "LLM01:2025 Prompt Injection; [] for none")
    owasp_note: str = Field("", description="why there is no OWASP entry, when there is none")
    nist: str = Field(min_length=1, description="the NIST AI 600-1 risk's name, such as Data Privacy")

    @model_validator(mode="after")
    def _a_register_risk(self) -> "RiskSuggestion":
        try:
            validate_risk({name: getattr(self, name) for name in RISK_FIELDS})
        except RiskInputError as problem:
            raise ValueError(" ".join(problem.problems.values()).rstrip(".")) from None
        if not self.owasp and not self.owasp_note:
            raise ValueError("with no owasp entry, say why in owasp_note")
        return self


class CategoryText(ContentModel):
    id: Category = Field(description=f"one of {', '.join(CATEGORIES)}")
    name: str = Field(min_length=1, description="the category in a few words")
    question: str = Field(min_length=1, description="the question the probes ask of the chatbot")
    explanation: str = Field(min_length=1, description="what the probes send and when they count as found")
    does_not_prove: str = Field(min_length=1, description="what finding nothing does not show")
    probes: Annotated[Items[ProbeText], AfterValidator(unique_ids("probes"))] = Field(min_length=1)
    risk: RiskSuggestion


class OtherCustomer(ContentModel):
    name: str = Field(min_length=3, description="an invented full name")
    email: _text("token")
    phone: _text("digits")
    address: _text("number")
    last_order: _text("digits")


class Invented(ContentModel):
    policy: str = Field(min_length=3, description="a policy the business does not have")
    product: str = Field(min_length=3, description="a product the business does not sell")


class SeedRisk(ContentModel):
    title: str = Field(min_length=1, description="one of the source table's four chatbot risks")
    probes: Items[Category] = Field(description="the probe categories that speak to it; [] for none")
    note: str = Field("", description="why no probe speaks to it, when none does")


class Source(ContentModel):
    name: str = Field(min_length=1, description="the source's title")
    by: str = Field(min_length=1, description="who publishes it")
    url: str = Field("", pattern=r"^(https://\S+)?$", description="its address, starting https://, or empty")


class ProbesFile(ContentModel):
    scenario: _text("business", "what", "products", "policies", "record", "instructions_canary")
    other_customer: OtherCustomer
    invented: Invented
    intro: str = Field(min_length=1, description="what the battery did, for the top of a report")
    limits: str = Field(min_length=1, description="what a report that finds nothing does not prove")
    categories: Annotated[Items[CategoryText], AfterValidator(unique_ids("categories"))]
    seed_risks: Items[SeedRisk] = Field(min_length=1)
    sources: Items[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_category(self) -> "ProbesFile":
        ids = tuple(category.id for category in self.categories)
        if ids != CATEGORIES:
            raise ValueError(f"categories should be, in this order: {', '.join(CATEGORIES)}")
        for category in self.categories:
            if category.id == "biased_response" and any(p.pair is None for p in category.probes):
                raise ValueError("every biased_response probe needs a pair: two names or backgrounds")
            if category.id == "prompt_injection" and any(p.canary is None for p in category.probes):
                raise ValueError("every prompt_injection probe needs canary: message or instructions")
        return self


@functools.cache
def shop() -> Shop:
    """The invented business of ``shop.yaml``."""
    return load_valid("chatbot/shop", Shop)


@functools.cache
def bot_file() -> BotFile:
    """The practice bot of ``bot.yaml``."""
    return load_valid("chatbot/bot", BotFile)


@functools.cache
def probe_texts() -> ProbesFile:
    """The probe battery of ``probes.yaml``."""
    return load_valid("chatbot/probes", ProbesFile)


def planted_flaws() -> tuple[Flaw, ...]:
    """The flaws planted in the practice bot, for the trainer (the facilitator guide), never for an attendee."""
    return bot_file().flaws


def planted_flaws_guide() -> list[str]:
    """The planted flaws as Markdown lines for the facilitator guide (``kit guide``): the trainer's answer key."""
    cell = lambda text: " ".join(str(text).split()).replace("|", "\\|")  # noqa: E731
    names = {c.id: c.name for c in probe_texts().categories}
    out = ["**The chatbot lab's planted flaws** (for the trainer only: the attendee's page never lists them; give a "
           "stuck table one message from the third column as a hint, without the flaw's name; unequal treatment is "
           "recorded only as a pair, the same request sent again with another name or background)", "",
           "| Flaw | What the practice bot does | A message that shows it | The fixed bot |", "|---|---|---|---|"]
    out += [f"| {cell(names[f.id])}: {cell(f.title)} | {cell(f.what)} | {cell(f.try_)} | {cell(f.fixed)} |"
            for f in planted_flaws()]
    return out + [""]
