"""The data protection laws of the privacy lesson, read from ``kit/content/privacy_law.yaml``.

Every statement carries its source and the file its ``as_of`` date, so a
trainer can check the text against the law and update it in one place; the
lesson shows the date with the text.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, HttpUrl

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "privacy_law"


class Statement(ContentModel):
    """One statement about the law, and where it comes from."""

    text: str = Field(min_length=1, description="the statement in plain words")
    source: str = Field(min_length=1, description="the article or section it rests on, such as GDPR Article 3(1)")


class Source(ContentModel):
    """A document the statements rest on."""

    title: str = Field(min_length=1, description="the document's title")
    url: HttpUrl = Field(description="its web address, starting https://")


class Law(ContentModel):
    """One law: who it applies to, who it does not reach, its main points, its sources."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="a short id, such as gdpr")]
    name: str = Field(min_length=1, description="the short name, such as GDPR")
    full_name: str = Field(min_length=1, description="the law's full name, in a sentence")
    applies_to: Items[Statement] = Field(min_length=1, description="who the law applies to, each with its source")
    outside: str = Field(min_length=1, description="who it does not reach, and a common misreading")
    outside_source: str = Field(min_length=1, description="the articles or sections the 'outside' text rests on")
    points_title: str = Field(min_length=1, description="the heading of the main points, such as Its principles")
    points: Items[Statement] = Field(min_length=1, description="the main points, each with its source")
    sources: Items[Source] = Field(min_length=1, description="the documents, each with a title and url")


class PrivacyLaws(ContentModel):
    """The laws of the lesson and the date they were last checked."""

    as_of: datetime.date = Field(description="the date the text was last checked against the law, as 2026-12-05")
    not_legal_advice: str = Field(min_length=1, description="one sentence saying this is not legal advice")
    laws: Annotated[Items[Law], AfterValidator(unique_ids("laws"))] = Field(min_length=1)

    def law(self, law_id: str) -> Law:
        """The law with this id; a plain error naming the ids there are."""
        for law in self.laws:
            if law.id == law_id:
                return law
        raise KeyError(f"no law {law_id!r} in {FILE}.yaml; it has {', '.join(item.id for item in self.laws)}")


def load_laws(name: str = FILE) -> PrivacyLaws:
    """The laws in ``kit/content/<name>.yaml``, checked (a ContentError names any fault and its fix)."""
    return load_valid(name, PrivacyLaws)


def as_of_text(laws: PrivacyLaws) -> str:
    """The date the text was last checked, as people write it (5 December 2026)."""
    return f"{laws.as_of.day} {laws.as_of:%B %Y}"
