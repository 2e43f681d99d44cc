"""The schema of ``kit/content/regulation/nyc_ll144.yaml``: what Local Law 144 requires, and what the summary is not.

The text and web-page reports of ``kit audit --standard nyc-ll144`` print it,
and the bias lesson can show it beside the download. Each statement about the
law names its ``source`` (the NYC Administrative Code or the DCWP rules).
"""

from __future__ import annotations

import datetime
import functools
from typing import Annotated

from pydantic import Field, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids, validate

NAME = "regulation/nyc_ll144"

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$",
                          description="a short id in small letters, digits and underscores, such as publish_summary")]
Text = Annotated[str, Field(min_length=1)]
Source = Annotated[str, Field(min_length=3, description="the section it comes from, such as 'NYC Admin Code "
                                                        "20-871(b)' or '6 RCNY 5-303'")]
#: What the law requires, at least: the lesson and the report promise these four.
REQUIRED = ("independent_auditor", "audit_within_a_year", "publish_summary", "notice_to_candidates")


class SourceDoc(ContentModel):
    id: Id
    title: Text = Field(description="the document's full title")
    url: str = Field("", description="a web address for the document, if it has one")


class Statement(ContentModel):
    """One thing the law requires, or one way a number is worked out."""

    id: Id
    title: Text = Field(description="a short title, such as 'Notice to candidates'")
    text: Text = Field(description="the statement in one or two plain sentences")
    source: Source


class Caveat(ContentModel):
    """One thing the kit's summary is not."""

    id: Id
    text: Text = Field(description="the caveat in one or two plain sentences")
    source: str = Field("", description="where it comes from, when it cites the law")


class LL144Guide(ContentModel):
    """The whole guide file."""

    as_of: datetime.date = Field(description="the date the content was last checked, written as 2025-11-19")
    title: Text
    law: Text = Field(description="the law's name, in one line")
    not_legal_advice: Text = Field(description="the notice that this is not legal advice")
    sources: Items[SourceDoc] = Field(min_length=1, description="the documents the statements come from")
    requires: Items[Statement] = Field(min_length=1, description="what the law requires, each with a source")
    calculations: Items[Statement] = Field(min_length=1, description="how the summary's numbers are worked out")
    not_this: Items[Caveat] = Field(min_length=1, description="what the kit's summary is not")

    @model_validator(mode="after")
    def _complete(self) -> "LL144Guide":
        for what, entries in (("sources", self.sources), ("requirements", self.requires),
                              ("calculations", self.calculations), ("caveats", self.not_this)):
            unique_ids(what)(entries)
        missing = [r for r in REQUIRED if r not in {s.id for s in self.requires}]
        if missing:
            raise ValueError(f"'requires' lacks {', '.join(missing)}; the lesson and the report explain them, "
                             "so keep an entry for each")
        return self


def parse_ll144_guide(raw) -> LL144Guide:
    """Read parsed YAML as the guide; a :class:`kit.workshop.content.ContentError` names any fault."""
    return validate(raw, LL144Guide, where=f"{NAME}.yaml")


@functools.lru_cache(maxsize=None)
def ll144_guide() -> LL144Guide:
    """The Local Law 144 guide as the kit ships it (read once)."""
    return load_valid(NAME, LL144Guide)
