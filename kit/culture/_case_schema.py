"""What a trainer writes in ``kit/content/cases/<id>.yaml``: the schema every case file is read against.

A case is a scenario, the people it affects, a decision with three or more
options (each with what it means for every stakeholder and what happened six
months later), how the decision reads under each regional profile of
``cultural_regions.yaml`` and why, the seed facts it draws on, role cards and
a debrief for the trainer. Anything missing, misspelt, too short or too long
is named with its field and the fix when the file loads.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from kit.workshop.content import ContentModel, Items

#: Word bounds a case's texts are held to: (least, most).
SCENARIO_WORDS = (150, 300)
CONSEQUENCE_WORDS = (20, 120)
DEBRIEF_WORDS = (60, 300)
#: How every consequence opens, so that choices read as having weight.
LATER = "Six months later"

_Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
_Line = Annotated[str, Field(min_length=1)]


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(str(text).split())


def words(least: int, most: int, what: str):
    """A validator holding a text to between ``least`` and ``most`` words, with the fix in its message."""

    def check(text: str) -> str:
        n = count_words(text)
        if not least <= n <= most:
            raise ValueError(f"{what} has {n} words; write between {least} and {most}")
        return text

    return AfterValidator(check)


def _opens_with_later(text: str) -> str:
    if not text.startswith(LATER):
        raise ValueError(f"the consequence should open with '{LATER}' (it opens with '{text[:30]}')")
    return text


class Stakeholder(ContentModel):
    """Someone the case's decision affects, and what they want from it."""

    id: _Id = Field(description="a short id in small letters, such as patients (each option's 'means' uses it)")
    name: str = Field(min_length=1, description="who they are, such as Patients")
    interest: str = Field(min_length=1, description="one sentence on what they want from the decision")


class Option(ContentModel):
    """One choice the group can make, what it means for each stakeholder, and what happened next."""

    id: _Id = Field(description="a short id in small letters, such as pilot (the lenses' 'leans_to' uses it)")
    label: str = Field(min_length=1, description="the option as the group reads it, in one sentence")
    means: dict[str, _Line] = Field(description="one line per stakeholder id: what this option means for them")
    consequence: Annotated[str, AfterValidator(_opens_with_later),
                           words(*CONSEQUENCE_WORDS, "the consequence")] = Field(
        description=f"what happened, opening with '{LATER} ...', in {CONSEQUENCE_WORDS[0]} to "
                    f"{CONSEQUENCE_WORDS[1]} words")


class Reading(ContentModel):
    """How the decision reads under one regional profile, and why."""

    reads: str = Field(min_length=1, description="one to three sentences: how the decision looks from here")
    why: str = Field(min_length=1, description="one or two sentences tying it to the profile's values")
    leans_to: _Id = Field(description="the id of the option this profile would most likely favour")
    safeguards: Items[_Line] = Field(min_length=1, description="a list of at least 1 safeguard this profile "
                                                               "would insist on, one per line starting with '- '")


class Role(ContentModel):
    """A role card for the group's role-play: who they are, what they want, what they fear."""

    role: str = Field(min_length=1, description="the role's name, such as Practice manager")
    goal: str = Field(min_length=1, description="one sentence: what this person wants from the decision")
    worry: str = Field(min_length=1, description="one sentence: what this person is afraid of")


class SeedFact(ContentModel):
    """A fact from the course material the case is built on, in the kit's own words."""

    seed: str = Field(min_length=1, description="which source and where, such as 'Framework, Advanced stage: the "
                                                "healthcare analysis'")
    fact: str = Field(min_length=1, description="the fact, in your own words")


class CaseFile(ContentModel):
    """A case for lesson 11 (see the comments at the top of ``healthcare.yaml``)."""

    order: float = Field(100, description="a number: where the case sits in the list, such as 6")
    title: str = Field(min_length=1, description="the case's title, in a few words")
    sector: str = Field(min_length=1, description="the sector, such as Healthcare")
    source: str = Field(min_length=1, description="where the case comes from")
    scenario: Annotated[str, words(*SCENARIO_WORDS, "the scenario")] = Field(
        description=f"the situation, in {SCENARIO_WORDS[0]} to {SCENARIO_WORDS[1]} words")
    stakeholders: Items[Stakeholder] = Field(min_length=3, description="a list of at least 3 stakeholders, each "
                                                                       "with an id, a name and an interest")
    decision: str = Field(min_length=1, pattern=r"\?$", description="the question the team decides, ending with '?'")
    options: Items[Option] = Field(min_length=3, description="a list of at least 3 options, each with an id, a "
                                                             "label, what it means for each stakeholder and a "
                                                             "consequence")
    lenses: dict[str, Reading] = Field(description="one reading per regional profile of cultural_regions.yaml, "
                                                   "under its id, each with reads, why, leans_to and safeguards")
    roles: Items[Role] = Field(min_length=4, max_length=6, description="4 to 6 role cards, each with a role, a "
                                                                       "goal and a worry")
    draws_on: Items[SeedFact] = Field(min_length=2, description="a list of at least 2 seed facts, each with the "
                                                                "seed it comes from and the fact")
    debrief: Annotated[str, words(*DEBRIEF_WORDS, "the debrief")] = Field(
        description=f"the trainer's debrief, in {DEBRIEF_WORDS[0]} to {DEBRIEF_WORDS[1]} words")

    @field_validator("stakeholders", "roles")
    @classmethod
    def _unique(cls, entries: tuple, info: ValidationInfo) -> tuple:
        key = "id" if info.field_name == "stakeholders" else "role"
        seen = [getattr(entry, key) for entry in entries]
        twice = sorted({name for name in seen if seen.count(name) > 1})
        if twice:
            raise ValueError(f"two {info.field_name} share the {key} {', '.join(twice)}; give each its own")
        return entries

    @field_validator("options")
    @classmethod
    def _every_stakeholder(cls, options: tuple[Option, ...], info: ValidationInfo) -> tuple[Option, ...]:
        ids = [option.id for option in options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"two options share an id ({', '.join(ids)}); give each its own")
        stakeholders = [s.id for s in info.data.get("stakeholders") or ()]
        for option in options:
            missing = [s for s in stakeholders if s not in option.means]
            unknown = [s for s in option.means if s not in stakeholders]
            if missing:
                raise ValueError(f"the option {option.id!r} does not say what it means for {', '.join(missing)}; "
                                 f"add a line under its 'means' for each stakeholder")
            if unknown:
                raise ValueError(f"the option {option.id!r} names {', '.join(unknown)} under 'means', which is "
                                 f"no stakeholder id of this case; use one of {', '.join(stakeholders)}")
        return options

    @field_validator("lenses")
    @classmethod
    def _every_region(cls, lenses: dict[str, Reading], info: ValidationInfo) -> dict[str, Reading]:
        regions = list((info.context or {}).get("regions") or lenses)
        missing = [r for r in regions if r not in lenses]
        unknown = [r for r in lenses if r not in regions]
        if missing:
            raise ValueError(f"the lens {', '.join(map(repr, missing))} is missing; every case reads its decision "
                             f"under each regional profile ({', '.join(regions)}), with reads, why, leans_to "
                             f"and safeguards")
        if unknown:
            raise ValueError(f"the lens {', '.join(map(repr, unknown))} is no regional profile of "
                             f"cultural_regions.yaml; use {', '.join(regions)}")
        options = [option.id for option in info.data.get("options") or ()]
        for region, reading in lenses.items():
            if options and reading.leans_to not in options:
                raise ValueError(f"the lens {region!r} leans to {reading.leans_to!r}, which is no option id of "
                                 f"this case; use one of {', '.join(options)}")
        return {region: lenses[region] for region in regions}
