"""The schema of ``kit/content/regulation/automated_decisions.yaml``: decisions made by automation alone.

The policy lesson shows, side by side, what EU and UK data protection law say
about a decision based solely on automated processing that has legal or
similarly significant effects: the rule, when it is allowed, the safeguards
and the limits for special category data. Every statement names its
``source``; the file carries its ``as_of`` date, so a trainer updates it when
the law moves (the UK's did on 5 February 2026).
"""

from __future__ import annotations

import datetime
import functools
from pydantic import Field, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids, validate

from ._ai_act import Id, SourceDoc, Text

NAME = "regulation/automated_decisions"


class Statement(ContentModel):
    """One statement about the law and where it comes from."""

    text: Text = Field(description="the statement in one or two plain sentences")
    source: str = Field(min_length=3, description="the article it comes from, such as 'GDPR Article 22(3)'")


class Regime(ContentModel):
    """What one jurisdiction's law says."""

    id: Id
    name: Text = Field(description="the jurisdiction and the law's short name, such as United Kingdom (UK GDPR)")
    law: Text = Field(description="the articles, such as 'UK GDPR, Articles 22A to 22D'")
    in_force: Statement = Field(description="since when the rule applies, with its source")
    rule: Statement = Field(description="the rule itself")
    allowed: Items[Statement] = Field(min_length=1, description="when such a decision may be taken, one per line")
    safeguards: Items[Statement] = Field(min_length=1, description="the safeguards required, one per line")
    special: Statement = Field(description="the limits for special category data")


class AutomatedDecisions(ContentModel):
    """The whole file."""

    as_of: datetime.date = Field(description="the date the content was last checked, written as 2026-12-05")
    title: Text
    not_legal_advice: Text = Field(description="the notice that this is not legal advice")
    sources: Items[SourceDoc] = Field(min_length=1, description="the documents the statements come from")
    regimes: Items[Regime] = Field(min_length=1, description="one entry per jurisdiction, each with an id")
    key_point: Text = Field(description="the one-sentence summary shown in the lesson's key points")

    @model_validator(mode="after")
    def _unique(self) -> "AutomatedDecisions":
        unique_ids("sources")(self.sources)
        unique_ids("regimes")(self.regimes)
        return self


def parse_automated_decisions(raw) -> AutomatedDecisions:
    """Read parsed YAML as the file; a :class:`kit.workshop.content.ContentError` names any fault."""
    return validate(raw, AutomatedDecisions, where=f"{NAME}.yaml")


@functools.lru_cache(maxsize=None)
def automated_decisions() -> AutomatedDecisions:
    """The rules on decisions made by automation alone, as the kit ships them (read once)."""
    return load_valid(NAME, AutomatedDecisions)
