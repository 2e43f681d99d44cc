"""The crosswalk: each lesson's output mapped to NIST AI RMF 1.0 and ISO/IEC 42001:2023.

``kit/content/regulation/crosswalk.yaml`` holds the mapping and a reason for
each line; this module checks that every output the workshop makes is mapped
and that every reference exists in the two documents (a NIST subcategory such
as ``MEASURE 2.11``, an ISO clause such as ``6.1.2`` or an Annex A control such
as ``A.5.2``), and gives the rows the action plan's "what this covers" table
shows.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids, validate

from ._ai_act import lesson_ids

NAME = "regulation/crosswalk"
NIST = "NIST AI RMF 1.0"
ISO = "ISO/IEC 42001:2023"

#: The outputs the workshop makes; each must be mapped.
OUTPUTS = ("bias_audit", "risk_register", "policies", "impact_assessment", "ai_act_triage", "kpis",
           "maturity_assessment", "transparency_statement", "action_plan")

#: NIST AI RMF 1.0 categories: (function, number) -> (subcategories in it, a short title).
NIST_CATEGORIES = {
    ("GOVERN", 1): (7, "policies, processes and practices"), ("GOVERN", 2): (3, "accountability structures"),
    ("GOVERN", 3): (2, "diverse teams and human oversight roles"), ("GOVERN", 4): (3, "a culture of risk awareness"),
    ("GOVERN", 5): (2, "engagement with AI actors"), ("GOVERN", 6): (2, "third-party software and data"),
    ("MAP", 1): (6, "context established"), ("MAP", 2): (3, "system categorised"),
    ("MAP", 3): (5, "capabilities, benefits and costs"), ("MAP", 4): (2, "risks of every component"),
    ("MAP", 5): (2, "impacts characterised"),
    ("MEASURE", 1): (3, "methods and metrics"), ("MEASURE", 2): (13, "trustworthy characteristics evaluated"),
    ("MEASURE", 3): (3, "risks tracked over time"), ("MEASURE", 4): (3, "feedback on measurement"),
    ("MANAGE", 1): (4, "risks prioritised and treated"), ("MANAGE", 2): (4, "benefits maximised, harms minimised"),
    ("MANAGE", 3): (2, "third-party risks managed"), ("MANAGE", 4): (3, "treatment, response and communication"),
}

#: ISO/IEC 42001:2023 clauses 4 to 10 and the Annex A controls, with their titles.
ISO_TITLES = {
    "4.1": "Understanding the organization and its context",
    "4.2": "Understanding the needs and expectations of interested parties",
    "4.3": "Determining the scope of the AI management system", "4.4": "AI management system",
    "5.1": "Leadership and commitment", "5.2": "AI policy", "5.3": "Roles, responsibilities and authorities",
    "6.1": "Actions to address risks and opportunities", "6.1.1": "General", "6.1.2": "AI risk assessment",
    "6.1.3": "AI risk treatment", "6.1.4": "AI system impact assessment",
    "6.2": "AI objectives and planning to achieve them", "6.3": "Planning of changes",
    "7.1": "Resources", "7.2": "Competence", "7.3": "Awareness", "7.4": "Communication",
    "7.5": "Documented information", "8.1": "Operational planning and control", "8.2": "AI risk assessment",
    "8.3": "AI risk treatment", "8.4": "AI system impact assessment",
    "9.1": "Monitoring, measurement, analysis and evaluation", "9.2": "Internal audit", "9.3": "Management review",
    "10.1": "Continual improvement", "10.2": "Nonconformity and corrective action",
    "A.2.2": "AI policy", "A.2.3": "Alignment with other organizational policies", "A.2.4": "Review of the AI policy",
    "A.3.2": "AI roles and responsibilities", "A.3.3": "Reporting of concerns",
    "A.4.2": "Resource documentation", "A.4.3": "Data resources", "A.4.4": "Tooling resources",
    "A.4.5": "System and computing resources", "A.4.6": "Human resources",
    "A.5.2": "AI system impact assessment process", "A.5.3": "Documentation of AI system impact assessments",
    "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
    "A.5.5": "Assessing societal impacts of AI systems",
    "A.6.1.2": "Objectives for responsible development of AI system",
    "A.6.1.3": "Processes for responsible AI system design and development",
    "A.6.2.2": "AI system requirements and specification",
    "A.6.2.3": "Documentation of AI system design and development", "A.6.2.4": "AI system verification and validation",
    "A.6.2.5": "AI system deployment", "A.6.2.6": "AI system operation and monitoring",
    "A.6.2.7": "AI system technical documentation", "A.6.2.8": "AI system recording of event logs",
    "A.7.2": "Data for development and enhancement of AI system", "A.7.3": "Acquisition of data",
    "A.7.4": "Quality of data for AI systems", "A.7.5": "Data provenance", "A.7.6": "Data preparation",
    "A.8.2": "System documentation and information for users", "A.8.3": "External reporting",
    "A.8.4": "Communication of incidents", "A.8.5": "Information for interested parties",
    "A.9.2": "Processes for responsible use of AI systems", "A.9.3": "Objectives for responsible use of AI system",
    "A.9.4": "Intended use of the AI system", "A.10.2": "Allocating responsibilities", "A.10.3": "Suppliers",
    "A.10.4": "Customers",
}

_NIST_FORM = re.compile(r"^(GOVERN|MAP|MEASURE|MANAGE) (\d+)\.(\d+)$")
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short id in small letters and underscores")]
Reason = Annotated[str, Field(min_length=10, description="one sentence on why the output serves this reference")]


def nist_title(ref: str) -> str | None:
    """``MEASURE 2: trustworthy characteristics evaluated`` for ``MEASURE 2.11``; None if no such subcategory."""
    match = _NIST_FORM.match(ref)
    if not match:
        return None
    function, category, sub = match[1], int(match[2]), int(match[3])
    count, title = NIST_CATEGORIES.get((function, category), (0, ""))
    return f"{function} {category}: {title}" if 1 <= sub <= count else None


class Mapping(ContentModel):
    """One reference and why the output serves it."""

    id: str = Field(description="a NIST subcategory such as 'MEASURE 2.11', or an ISO clause in quotes such as "
                                "'6.1.2' or an Annex A control such as 'A.5.2'")
    reason: Reason


class Output(ContentModel):
    """One lesson output and its references."""

    id: Id
    lesson: Id = Field(description="the id of the lesson that makes it, as in lessons.yaml")
    title: str = Field(min_length=1, description="the output's name as the attendee knows it")
    parts: list[str] = Field(description="the saved parts that hold it, such as [risk.register]; [] if none")
    nist: Items[Mapping] = Field(min_length=1, description="at least one NIST AI RMF subcategory with a reason")
    iso: Items[Mapping] = Field(min_length=1, description="at least one ISO/IEC 42001 clause or control with a reason")

    @model_validator(mode="after")
    def _real_references(self) -> "Output":
        for mapping in self.nist:
            if nist_title(mapping.id) is None:
                raise ValueError(f"{mapping.id!r} ({self.id}) is not a NIST AI RMF 1.0 subcategory; write it as "
                                 "FUNCTION N.N, such as 'MEASURE 2.11'")
        for mapping in self.iso:
            if mapping.id not in ISO_TITLES:
                raise ValueError(f"{mapping.id!r} ({self.id}) is not an ISO/IEC 42001:2023 clause or Annex A "
                                 "control; write it as '6.1.2' or 'A.5.2'")
        unique_ids(f"references of {self.id}")(self.nist + self.iso)
        return self


class Source(ContentModel):
    id: Id
    title: str = Field(min_length=1)
    url: str = ""


class Crosswalk(ContentModel):
    """The whole crosswalk file."""

    as_of: datetime.date = Field(description="the date the mapping was last checked, written as 2025-11-19")
    note: str = Field(min_length=1, description="what the mapping is and is not")
    sources: Items[Source] = Field(min_length=2, description="the two documents, with titles")
    outputs: Items[Output] = Field(description="every output of the workshop, each with nist and iso lists")

    @model_validator(mode="after")
    def _complete(self) -> "Crosswalk":
        unique_ids("outputs")(self.outputs)
        missing = [o for o in OUTPUTS if o not in {output.id for output in self.outputs}]
        if missing:
            raise ValueError(f"the output(s) {', '.join(missing)} are not mapped; add an entry for each")
        lessons = lesson_ids()
        for output in self.outputs:
            if output.lesson not in lessons:
                raise ValueError(f"the output {output.id} names the lesson {output.lesson!r}, which is not in "
                                 f"lessons.yaml; use one of {', '.join(sorted(lessons))}")
        return self


@dataclass(frozen=True)
class CrosswalkRow:
    """One line of the "what this covers" table."""

    output: str
    title: str
    lesson: str
    framework: str
    ref: str
    ref_title: str
    reason: str


def parse_crosswalk(raw) -> Crosswalk:
    """Read parsed YAML as the crosswalk; a :class:`kit.workshop.content.ContentError` names any fault."""
    return validate(raw, Crosswalk, where=f"{NAME}.yaml")


@functools.lru_cache(maxsize=None)
def crosswalk() -> Crosswalk:
    """The crosswalk as the kit ships it (read once)."""
    return load_valid(NAME, Crosswalk)


def crosswalk_rows(outputs=None, content: Crosswalk | None = None) -> list[CrosswalkRow]:
    """The rows of the "what this covers" table, NIST first then ISO, in the file's order.

    Parameters
    ----------
    outputs : iterable of str, optional
        Output ids to keep (such as those the attendee saved); every output by default.
    content : Crosswalk, optional
        The crosswalk; the kit's own file by default.
    """
    content = content or crosswalk()
    keep = None if outputs is None else set(outputs)
    rows = []
    for output in content.outputs:
        if keep is not None and output.id not in keep:
            continue
        rows += [CrosswalkRow(output.id, output.title, output.lesson, NIST, m.id, nist_title(m.id), m.reason)
                 for m in output.nist]
        rows += [CrosswalkRow(output.id, output.title, output.lesson, ISO, m.id, ISO_TITLES[m.id], m.reason)
                 for m in output.iso]
    return rows
