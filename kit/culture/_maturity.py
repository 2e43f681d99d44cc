"""Maturity self-assessment: place each dimension at Fundamentals, Intermediate or Advanced.

The statements and next steps live in ``kit/content/maturity.yaml``. How a
level is worked out:

- The learner rates each statement 0 (not in place), 1 (started), 2 (mostly
  in place) or 3 (fully in place); see :data:`RATINGS`.
- A dimension's score is the points of its rated statements as a share of 3
  points each, as a percentage. Statements not rated yet do not count; the
  summary says how many were rated.
- Levels (:data:`LEVELS`): 75% or more is *Advanced*, 40% up to 75%
  *Intermediate*, below 40% *Fundamentals*. Scores are compared as exact
  fractions (9 points of 12 is exactly 75%, Advanced) and shown rounded down.
- The action plan takes the :data:`FOCUS` weakest dimensions below Advanced
  (lowest score first; a tie keeps the order of the file), with the next steps
  for their level and the statements rated below "mostly in place". When every
  rated dimension is Advanced, it takes the weakest one, to keep it there.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kit.culture._maturity_model import RATINGS, Dimension, MaturityModel, Statement, load_model
from kit.documents import Document, Section

__all__ = ["RATINGS", "LEVELS", "FOCUS", "Dimension", "Statement", "MaturityModel", "load_model",
           "DimensionResult", "Assessment", "PlanItem", "level_for", "thresholds_text", "clean_ratings", "assess",
           "action_plan", "radar_alt", "maturity_table", "maturity_document", "maturity_section",
           "example_assessment"]

#: The workspace key the app saves to: ``{"organisation", "ratings": {statement id: 0-3}}``.
#: Lowest percentage of each level, highest level first.
LEVELS: tuple[tuple[int, str], ...] = ((75, "Advanced"), (40, "Intermediate"), (0, "Fundamentals"))
#: How many of the weakest dimensions the action plan covers.
FOCUS = 2
TOP_RATING = RATINGS[-1][0]
GAP_BELOW = 2  # statements rated below "mostly in place" are listed as gaps


def level_for(share: Fraction) -> str:
    """The level of a score given as a fraction between 0 and 1 (see :data:`LEVELS`)."""
    return next(label for floor, label in LEVELS if share * 100 >= floor)


def thresholds_text() -> str:
    """How the levels are worked out, in words (from :data:`LEVELS` and :data:`RATINGS`)."""
    scale = ", ".join(f"{value} {label.lower()}" for value, label in RATINGS)
    (adv, advanced), (mid, intermediate), (_, fundamentals) = LEVELS
    return (f"Each statement is rated {scale}. A dimension's score is its points as a share of "
            f"{TOP_RATING} points per rated statement, rounded down. {advanced}: {adv}% or more. "
            f"{intermediate}: {mid}% to below {adv}%. {fundamentals}: below {mid}%.")


@dataclass(frozen=True)
class DimensionResult:
    """Where one dimension stands."""

    dimension: Dimension
    rated: int
    share: Fraction | None  # None when no statement is rated
    gaps: tuple[str, ...]  # statements rated below "mostly in place"

    @property
    def percent(self) -> int | None:
        return None if self.share is None else int(self.share * 100)

    @property
    def level(self) -> str:
        return "Not assessed" if self.share is None else level_for(self.share)


@dataclass(frozen=True)
class PlanItem:
    """One dimension of the action plan: where it stands and what to do next."""

    result: DimensionResult
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """The results of every dimension, in the order of the model."""

    results: tuple[DimensionResult, ...]
    organisation: str = ""

    @property
    def assessed(self) -> tuple[DimensionResult, ...]:
        return tuple(r for r in self.results if r.share is not None)

    def summary(self) -> str:
        """One sentence on where the organisation stands."""
        if not self.assessed:
            return "No statements rated yet: rate each statement to see your level in each dimension."
        rated = sum(r.rated for r in self.results)
        total = sum(len(r.dimension.statements) for r in self.results)
        counts = [f"{n} {label}" for _, label in LEVELS if (n := sum(r.level == label for r in self.assessed))]
        return f"{rated} of {total} statements rated. Dimensions by level: {', '.join(counts)}."


def clean_ratings(model: MaturityModel, ratings: dict | None) -> dict[str, int]:
    """Keep the ratings that still fit the model (known statement, rating 0 to 3)."""
    known = {s.id for s in model.statements}
    valid = {value for value, _ in RATINGS}
    return {sid: value for sid, value in (ratings or {}).items()
            if sid in known and value in valid and not isinstance(value, bool)}


def assess(model: MaturityModel, ratings: dict, organisation: str = "") -> Assessment:
    """Score each dimension from the learner's ratings (statement id → 0 to 3)."""
    ratings = clean_ratings(model, ratings)
    results = []
    for dimension in model.dimensions:
        rated = [s for s in dimension.statements if s.id in ratings]
        points = sum(ratings[s.id] for s in rated)
        share = Fraction(points, TOP_RATING * len(rated)) if rated else None
        gaps = tuple(s.text for s in rated if ratings[s.id] < GAP_BELOW)
        results.append(DimensionResult(dimension, len(rated), share, gaps))
    return Assessment(tuple(results), organisation.strip())


def action_plan(assessment: Assessment, focus: int = FOCUS) -> list[PlanItem]:
    """The next steps for the weakest dimensions (see the module docstring for the rule)."""
    ranked = sorted(assessment.assessed, key=lambda r: r.share)  # stable: ties keep the file order
    chosen = [r for r in ranked if r.level != "Advanced"][:focus] or ranked[:1]
    return [PlanItem(r, r.dimension.next_steps[r.level]) for r in chosen]


def radar_alt(assessment: Assessment) -> str:
    """The text alternative of the radar chart: every dimension's score and level in words."""
    parts = [f"{r.dimension.title} {r.percent}% ({r.level})" if r.share is not None
             else f"{r.dimension.title} not assessed (drawn at 0)" for r in assessment.results]
    (adv, _), (mid, _), _ = LEVELS
    plan = action_plan(assessment)
    weakest = f" Weakest: {', '.join(item.result.dimension.title for item in plan)}." if plan else ""
    return (f"Radar chart of maturity by dimension, 0 to 100%: {'; '.join(parts)}. "
            f"Rings mark the level thresholds at {mid}% and {adv}%.{weakest}")


def maturity_table(assessment: Assessment) -> tuple[list[str], list[list]]:
    """Each dimension's score and level as a table: header and rows."""
    rows = [[r.dimension.title, f"{r.rated} of {len(r.dimension.statements)}",
             "" if r.percent is None else r.percent, r.level] for r in assessment.results]
    return ["Dimension", "Statements rated", "Score (%)", "Level"], rows


def _plan_sections(plan: list[PlanItem]) -> list[Section]:
    sections = []
    for item in plan:
        r = item.result
        gaps = (["What you rated below 'mostly in place': " + "; ".join(g.rstrip(".") for g in r.gaps) + "."]
                if r.gaps else [])
        sections.append(Section(f"Next steps: {r.dimension.title} ({r.level}, {r.percent}%)",
                                paragraphs=[r.dimension.about] + gaps, bullets=list(item.steps)))
    return sections


def maturity_document(assessment: Assessment, model: MaturityModel, ratings: dict) -> Document:
    """The action plan as a document to take home: levels, next steps, and every rating."""
    ratings = clean_ratings(model, ratings)
    labels = dict(RATINGS)
    answers = [[d.title, s.text, labels[ratings[s.id]]] for d in model.dimensions for s in d.statements
               if s.id in ratings]
    who = f" for {assessment.organisation}" if assessment.organisation else ""
    return Document(
        title=f"AI ethics maturity and action plan{who}",
        subtitle=assessment.summary(),
        sections=[Section("Where you are now", paragraphs=[thresholds_text()], table=maturity_table(assessment))]
        + _plan_sections(action_plan(assessment))
        + [Section("Your ratings", table=(["Dimension", "Statement", "Your rating"], answers))],
    )


def maturity_section(saved: dict | None, model: MaturityModel | None = None) -> Section | None:
    """The saved self-assessment (workspace key ``culture.maturity``) as one section of the action plan.

    None when no statement is rated yet: the plan lists the part as not started.
    """
    saved = saved or {}
    model = model or load_model()
    assessment = assess(model, saved.get("ratings") or {}, str(saved.get("organisation") or ""))
    if not assessment.assessed:
        return None
    steps = [f"{item.result.dimension.title}: {step}" for item in action_plan(assessment) for step in item.steps]
    return Section("AI ethics maturity", paragraphs=[assessment.summary()], bullets=steps,
                   table=maturity_table(assessment))


def example_assessment(model: MaturityModel | None = None) -> Assessment:
    """The worked example of the content file, scored."""
    model = model or load_model()
    return assess(model, model.example["ratings"], model.example["name"])
