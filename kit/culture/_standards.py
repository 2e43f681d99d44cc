"""Standards and certifications for ethical AI (the innovation lesson), read from ``kit/content/standards.yaml``.

Each entry names who publishes the standard, when, whether an organisation
can be certified against it, what it offers a small organisation, and its
source; the file carries the date it was last checked (``as_of``), which the
lesson shows beside the table.
"""

from __future__ import annotations

import datetime
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, Field, HttpUrl

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "standards"


class Standard(ContentModel):
    """One standard, framework or certification scheme."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="a short id, such as iso-42001")]
    name: str = Field(min_length=1, description="its name and number, as published")
    publisher: str = Field(min_length=1, description="who publishes it")
    published: str = Field(min_length=1, description="when it was published, such as December 2023")
    kind: str = Field(min_length=1, description="what kind of document it is, such as Guidance")
    certifiable: bool = Field(description="true when an organisation can be certified against it")
    what: str = Field(min_length=1, description="what it asks or offers, in plain words")
    for_you: str = Field(min_length=1, description="what it offers a small organisation or a council")
    source: str = Field(min_length=1, description="the title of the source")
    url: HttpUrl = Field(description="the source's web address, starting https://")


class Standards(ContentModel):
    """The list, the date it was last checked, and what a certificate does and does not show."""

    as_of: datetime.date = Field(description="the date the list was last checked, written as 2026-12-05")
    note: str = Field(min_length=1, description="what a certificate shows and what it does not")
    standards: Annotated[Items[Standard], AfterValidator(unique_ids("standards"))] = Field(
        min_length=1, description="the standards, each with id, name, publisher, published, kind, certifiable, "
                                  "what, for_you, source and url")


def load_standards(name: str = FILE) -> Standards:
    """The list in ``kit/content/<name>.yaml``, checked (a ContentError names any fault and its fix)."""
    return load_valid(name, Standards)


def as_of_text(standards: Standards) -> str:
    """The date the list was last checked, as people write it (5 December 2026)."""
    day = standards.as_of
    return f"{day.day} {day:%B %Y}"


def standards_frame(standards: Standards | None = None) -> pd.DataFrame:
    """One row per standard: name and publisher, what it is, whether it certifies, what it offers you."""
    standards = standards or load_standards()
    rows = [[s.name, f"{s.publisher}, {s.published}", s.kind, "Yes" if s.certifiable else "No", s.what, s.for_you]
            for s in standards.standards]
    return pd.DataFrame(rows, columns=["Standard", "Published by", "Kind", "Certification?", "What it is",
                                       "What it offers you"])
