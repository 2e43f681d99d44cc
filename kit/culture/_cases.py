"""Sector case studies read through regional and stakeholder lenses (lesson 11).

The three regional profiles live in ``kit/content/cultural_regions.yaml`` and
each case in its own file under ``kit/content/cases/``: a trainer adds a case
by adding a file, and the explorer lists it. Every file is checked here, and a
broken one gets a message naming the file, the problem and the fix, while the
other cases still load. The team's decisions are saved to the workspace as
``{case id: {"decision", "reasoning", "lenses", "title"}}`` under
:data:`kit.workshop.parts.CASES`, and :func:`decisions_section` puts them in the action plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kit.workshop.content import ContentError, load
from kit.documents import Section
from kit.paths import CONTENT_DIR

CASES_DIR = CONTENT_DIR / "cases"
MAX_REASONING = 2000
_REGION_LISTS = ("values", "priorities", "implications")


@dataclass(frozen=True)
class Region:
    """One regional profile: dominant values, AI ethical priorities, strategic implications."""

    id: str
    name: str
    examples: str
    values: tuple[str, ...]
    priorities: tuple[str, ...]
    implications: tuple[str, ...]


@dataclass(frozen=True)
class Lens:
    """One way of reading a case: a region's or a stakeholder's priorities and safeguards."""

    id: str
    name: str
    kind: str  # "region" or "stakeholder"
    priorities: tuple[str, ...]
    safeguards: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{'Region' if self.kind == 'region' else 'Stakeholder'}: {self.name}"


@dataclass(frozen=True)
class Case:
    """A short scenario, the decision to take, its options, the stakeholders and the lenses."""

    id: str
    title: str
    sector: str
    source: str
    scenario: str
    decision: str
    options: tuple[str, ...]
    stakeholders: tuple[tuple[str, str], ...]
    lenses: tuple[Lens, ...]
    order: float = 100

    def lens(self, lens_id: str) -> Lens:
        """The lens with this id, or a plain error listing the lenses there are."""
        for lens in self.lenses:
            if lens.id == lens_id:
                return lens
        raise ValueError(f"The case '{self.title}' has no lens {lens_id!r}; its lenses are "
                         f"{', '.join(lens.id for lens in self.lenses)}.")


def _texts(value, where: str, what: str, minimum: int = 1) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or len(value) < minimum:
        raise ContentError(f"{where}: '{what}' needs a list of at least {minimum}, one per line starting "
                           "with '- '.")
    items = tuple("" if item is None else str(item).strip() for item in value)
    if not all(items):
        raise ContentError(f"{where}: '{what}' has an empty line; write something after each '- '.")
    return items


def _required(raw, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: expected 'key: value' lines; check the indentation.")
    missing = [key for key in keys if raw.get(key) in (None, "", [], {})]
    if missing:
        raise ContentError(f"{where}: {', '.join(missing)} missing; add {'it' if len(missing) == 1 else 'them'}.")


def load_regions() -> tuple[Region, ...]:
    """The three regional profiles, checked."""
    raw = load("cultural_regions") or []
    regions = []
    for i, item in enumerate(raw, start=1):
        where = f"cultural_regions.yaml, profile {i}"
        _required(item, ("id", "name", "examples", *_REGION_LISTS), where)
        lists = {key: _texts(item[key], where, key) for key in _REGION_LISTS}
        regions.append(Region(str(item["id"]), str(item["name"]), str(item["examples"]), **lists))
    if len({r.id for r in regions}) != len(regions) or not regions:
        raise ContentError("cultural_regions.yaml: list the profiles, each with its own id.")
    return tuple(regions)


def regions_frame() -> pd.DataFrame:
    """The regional profiles as the framework's table: region, values, priorities, implications."""
    return pd.DataFrame([{"cultural region": f"{r.name} (e.g. {r.examples})",
                          "dominant ethical values": ", ".join(r.values),
                          "AI ethical priorities": ", ".join(r.priorities),
                          "strategic implications": "; ".join(r.implications)} for r in load_regions()])


def _lens(lens_id: str, raw, regions: dict, where: str) -> Lens:
    where = f"{where}, lens {lens_id}"
    _required(raw, ("priorities", "safeguards"), where)
    if lens_id in regions:
        name, kind = regions[lens_id].name, "region"
    elif raw.get("name"):
        name, kind = str(raw["name"]), "stakeholder"
    else:
        raise ContentError(f"{where}: a stakeholder lens needs a name (or use a region id: "
                           f"{', '.join(regions)}).")
    return Lens(lens_id, name, kind, _texts(raw["priorities"], where, "priorities"),
                _texts(raw["safeguards"], where, "safeguards"))


def parse_case(case_id: str, raw, regions: tuple[Region, ...] | None = None) -> Case:
    """Check one case's data (as read from ``cases/<case_id>.yaml``) and return it.

    Parameters
    ----------
    case_id : str
        The file name without ``.yaml``; named in every error message.
    raw : object
        The parsed YAML.
    regions : tuple of Region, optional
        The regional profiles (read from their file when not given).

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the file, what is missing or wrong, and the fix.
    """
    where = f"cases/{case_id}.yaml"
    _required(raw, ("title", "sector", "source", "scenario", "decision", "options", "stakeholders", "lenses"), where)
    by_id = {r.id: r for r in (regions or load_regions())}
    stakeholders = []
    for item in raw["stakeholders"] if isinstance(raw["stakeholders"], list) else [None]:
        _required(item, ("name", "interest"), f"{where}, stakeholders")
        stakeholders.append((str(item["name"]), str(item["interest"]).strip()))
    if not isinstance(raw["lenses"], dict) or len(raw["lenses"]) < 2:
        raise ContentError(f"{where}: 'lenses' needs at least two lenses to compare, each under its own id.")
    lenses = tuple(_lens(str(key), value, by_id, where) for key, value in raw["lenses"].items())
    try:
        order = float(raw.get("order", 100))
    except (TypeError, ValueError):
        raise ContentError(f"{where}: 'order' must be a number, such as 6.") from None
    return Case(case_id, str(raw["title"]).strip(), str(raw["sector"]).strip(), str(raw["source"]).strip(),
                " ".join(str(raw["scenario"]).split()), str(raw["decision"]).strip(),
                _texts(raw["options"], where, "options", 2), tuple(stakeholders), lenses, order)


def scan_cases() -> tuple[list[Case], list[str]]:
    """Every case that loads, in teaching order, and a plain message for each file that does not."""
    regions = load_regions()
    cases, problems = [], []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        try:
            cases.append(parse_case(path.stem, load(f"cases/{path.stem}"), regions))
        except ContentError as problem:
            problems.append(str(problem))
    cases.sort(key=lambda case: (case.order, case.title))
    return cases, problems


def load_cases() -> list[Case]:
    """Every case, in teaching order; a ContentError if any file is broken (for tests and trainers)."""
    cases, problems = scan_cases()
    if problems:
        raise ContentError(" ".join(problems))
    return cases


def cases_frame(cases: list[Case] | None = None) -> pd.DataFrame:
    """The cases as a table: sector, title, the decision to take, and the lenses it offers."""
    return pd.DataFrame([{"sector": c.sector, "case": c.title, "the decision": c.decision,
                          "lenses": ", ".join(lens.name for lens in c.lenses)}
                         for c in (load_cases() if cases is None else cases)])


def lens_table(case: Case, lens_ids: list[str]) -> pd.DataFrame:
    """Priorities and safeguards of several lenses side by side, one column per lens."""
    lenses = [case.lens(i) for i in lens_ids]
    rows = []
    for part in ("priorities", "safeguards"):
        for n in range(max(len(getattr(lens, part)) for lens in lenses)):
            row = {"part": part if n == 0 else ""}
            for lens in lenses:
                items = getattr(lens, part)
                row[lens.label] = items[n] if n < len(items) else ""
            rows.append(row)
    return pd.DataFrame(rows)


def record_decision(saved, case: Case, decision: str | None, reasoning: str, lenses: list[str]) -> dict:
    """A new saved value with the team's decision on ``case`` (earlier decisions kept).

    Parameters
    ----------
    saved : dict or None
        The value saved so far under :data:`kit.workshop.parts.CASES` (anything else counts as empty).
    case : Case
        The case decided on.
    decision : str or None
        One of ``case.options``.
    reasoning : str
        Why; stripped, at most :data:`MAX_REASONING` characters.
    lenses : list of str
        Ids of the lenses the team read it through.

    Returns
    -------
    dict
        Case id to ``{"title", "decision", "reasoning", "lenses", "lens_ids",
        "number"}``; ``number`` counts up, so the latest decision is known.

    Raises
    ------
    ValueError
        When no option is chosen, the reasoning is empty or too long, or a lens
        is not one of the case's.
    """
    if decision not in case.options:
        raise ValueError("Choose one of the options for your team's decision first.")
    reasoning = (reasoning or "").strip()
    if not reasoning:
        raise ValueError("Write a sentence or two on why your team chose this, then record it.")
    if len(reasoning) > MAX_REASONING:
        raise ValueError(f"Keep the reasoning under {MAX_REASONING} characters (it has {len(reasoning)}).")
    ids = list(dict.fromkeys(lenses))
    earlier = {k: v for k, v in saved.items() if k != case.id} if isinstance(saved, dict) else {}
    record = {"title": case.title, "decision": decision, "reasoning": reasoning,
              "lenses": [case.lens(lens_id).name for lens_id in ids], "lens_ids": ids,
              "number": 1 + max((_number(r) for r in earlier.values()), default=0)}
    return {**earlier, case.id: record}


def _number(record) -> int:
    """The order in which a saved decision was recorded (0 when unknown)."""
    try:
        return int(record.get("number", 0)) if isinstance(record, dict) else 0
    except (TypeError, ValueError):
        return 0


def latest_case_id(saved) -> str | None:
    """The case whose decision was recorded last, or None."""
    records = saved.items() if isinstance(saved, dict) else []
    return max(records, key=lambda item: _number(item[1]), default=(None, None))[0]


def decisions_section(saved) -> Section:
    """The team's decisions (workspace ``cases.decisions``) as a section of the action plan."""
    rows = []
    for case_id, record in sorted(saved.items() if isinstance(saved, dict) else [], key=lambda i: _number(i[1])):
        if isinstance(record, dict) and record.get("decision"):
            lenses = record.get("lenses") or []
            rows.append([str(record.get("title") or case_id), str(record["decision"]),
                         ", ".join(map(str, lenses)) if isinstance(lenses, list) else str(lenses),
                         str(record.get("reasoning") or "")])
    if not rows:
        return Section("Case decisions", paragraphs=["No case decision recorded yet (lesson 11)."])
    return Section("Case decisions",
                   paragraphs=[f"Your team recorded {len(rows)} decision{'s' if len(rows) != 1 else ''} on "
                               "the sector cases, after reading them through different lenses."],
                   table=(["Case", "Decision", "Lenses weighed", "Reasoning"], rows))
