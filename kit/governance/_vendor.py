"""Vendor due diligence: score a supplier's answers and list the questions to send back.

The questions live in ``kit/content/vendor_checklist.yaml``. The scale, used
everywhere the kit shows a score:

- Each answer is **strong** (score 2), **partial** (1) or **weak** (0).
- A question earns ``weight × score / 2`` points: a strong answer its full
  weight, a partial one half of it, a weak one nothing.
- An area's score is the points it earned as a share of the weights of the
  questions answered in it, as a percentage. Questions not yet answered do
  not count either way; the summary says how many were answered.
- Bands (:data:`BANDS`): 75% or more is *Strong*, 50% up to 75% *Adequate*,
  25% up to 50% *Weak*, below 25% *Serious gaps*. Scores are compared as
  exact fractions, so 3 points out of 4 is exactly 75% and Strong.
  Percentages are shown rounded down, so a score shown as 75% has reached it.
- A weak answer to a **critical** question is a deal-breaker: resolve it
  before signing, whatever the scores say.
- A follow-up question is listed for every answer short of strong:
  deal-breakers first, then weak before partial answers, heavier questions
  first, then in checklist order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kit.governance._vendor_checklist import Area, Checklist, Question, load_checklist
from kit.documents import Document, Section

__all__ = ["BANDS", "STRENGTHS", "Area", "Checklist", "Question", "load_checklist", "AreaScore", "FollowUp",
           "VendorSummary", "band_for", "clean_answers", "summarise", "vendor_document", "vendor_section",
           "summary_alt", "example_summary", "scale_text", "area_table", "check_name", "NAME_LIMIT"]

#: Lowest percentage of each band, best first.
BANDS: tuple[tuple[int, str], ...] = ((75, "Strong"), (50, "Adequate"), (25, "Weak"), (0, "Serious gaps"))
#: What each option score means.
STRENGTHS = {2: "strong", 1: "partial", 0: "weak"}
TOP_SCORE = 2
#: The longest supplier or tool name accepted, in characters.
NAME_LIMIT = 120


def band_for(share: Fraction) -> str:
    """The band of a score given as a fraction between 0 and 1 (see :data:`BANDS`)."""
    return next(label for floor, label in BANDS if share * 100 >= floor)


def scale_text() -> str:
    """How answers are scored and what each band means, in words (from :data:`BANDS`)."""
    uppers = [None] + [floor for floor, _ in BANDS[:-1]]
    ranges = [(f"{label} below {upper}%" if floor == 0 else f"{label} from {floor}%"
               + (f" to below {upper}%" if upper else "")) for (floor, label), upper in zip(BANDS, uppers)]
    return ("Each answer is strong, partial or weak. A question earns its full weight for a strong answer, "
            "half of it for a partial one and nothing for a weak one. An area's score is the points it earned "
            "as a share of the points possible on the questions answered, rounded down. Bands: "
            + "; ".join(ranges) + ". A weak answer to a critical question must be resolved before signing.")


@dataclass(frozen=True)
class AreaScore:
    """How one area of the checklist scored."""

    area: Area
    answered: int
    total: int
    share: Fraction | None  # points earned over points possible; None when nothing is answered

    @property
    def percent(self) -> int | None:
        """The score as a whole percentage, rounded down (None when nothing is answered)."""
        return None if self.share is None else int(self.share * 100)

    @property
    def band(self) -> str:
        return "Not answered yet" if self.share is None else band_for(self.share)


@dataclass(frozen=True)
class FollowUp:
    """A question to send back to the supplier, because their answer was not strong."""

    question: Question
    answer: str
    strength: str
    priority: str  # "Before signing", "High" or "Medium"


@dataclass(frozen=True)
class VendorSummary:
    """The scored checklist for one supplier and tool."""

    vendor: str
    tool: str
    areas: tuple[AreaScore, ...]
    overall: AreaScore
    follow_ups: tuple[FollowUp, ...]
    answers: tuple[tuple[Question, str, str], ...]  # question, the answer chosen, its strength

    @property
    def deal_breakers(self) -> tuple[FollowUp, ...]:
        return tuple(f for f in self.follow_ups if f.priority == "Before signing")

    @property
    def name(self) -> str:
        """The supplier and tool in words, for titles."""
        parts = [p for p in (self.vendor, self.tool) if p]
        return ", ".join(parts) if parts else "Unnamed supplier"

    def headline(self) -> str:
        """One sentence with the overall result."""
        if self.overall.share is None:
            return "No questions answered yet: choose the answer the supplier gave to each question."
        text = (f"Overall score for {self.name}: {self.overall.percent}% ({self.overall.band}), from "
                f"{self.overall.answered} of {self.overall.total} questions answered; "
                f"{len(self.follow_ups)} follow-up question{'s' if len(self.follow_ups) != 1 else ''} to send.")
        count = len(self.deal_breakers)
        if count:
            text += (f" {count} critical question{' has' if count == 1 else 's have'} a weak answer: "
                     "resolve before signing.")
        return text


def check_name(text: str, what: str) -> str:
    """Return the name the learner typed, trimmed, or raise a ValueError saying how to fix it."""
    text = (text or "").strip()
    if len(text) > NAME_LIMIT:
        raise ValueError(f"The {what} is {len(text)} characters long; shorten it to {NAME_LIMIT} characters "
                         "or fewer.")
    return text


def clean_answers(checklist: Checklist, answers: dict | None) -> dict[str, int]:
    """Keep the answers that still fit the checklist (known question, valid option position).

    A trainer may have edited the questions since the answers were saved;
    answers that no longer fit are dropped rather than misread.
    """
    known = {q.id: q for q in checklist.questions}
    kept = {}
    for qid, position in (answers or {}).items():
        question = known.get(qid)
        if question is not None and isinstance(position, int) and not isinstance(position, bool) \
                and 0 <= position < len(question.options):
            kept[qid] = position
    return kept


def _score(area: Area, questions: list[Question], answers: dict[str, int]) -> AreaScore:
    answered = [q for q in questions if q.id in answers]
    possible = sum(q.weight for q in answered)
    earned = sum(Fraction(q.weight * q.options[answers[q.id]].score, TOP_SCORE) for q in answered)
    return AreaScore(area, len(answered), len(questions), Fraction(earned, possible) if possible else None)


def _priority(question: Question, score: int) -> str:
    if score == 0 and question.critical:
        return "Before signing"
    return "High" if score == 0 else "Medium"


def summarise(checklist: Checklist, answers: dict, vendor: str = "", tool: str = "") -> VendorSummary:
    """Score the supplier's answers area by area and list the follow-up questions.

    Parameters
    ----------
    checklist : Checklist
        The questions (see :func:`load_checklist`).
    answers : dict
        Question id → position of the chosen option (0 is the first).
        Unknown ids and positions are ignored (see :func:`clean_answers`).
    vendor, tool : str
        The supplier's name and the tool's, as the learner typed them.
    """
    answers = clean_answers(checklist, answers)
    areas = tuple(_score(a, list(checklist.in_area(a.id)), answers) for a in checklist.areas)
    overall = _score(Area(id="all", title="All areas"), list(checklist.questions), answers)
    order = {q.id: i for i, q in enumerate(checklist.questions)}
    rank = {"Before signing": 0, "High": 1, "Medium": 2}
    follow_ups, rows = [], []
    for question in checklist.questions:
        if question.id not in answers:
            continue
        option = question.options[answers[question.id]]
        rows.append((question, option.text, STRENGTHS[option.score]))
        if option.score < TOP_SCORE:
            follow_ups.append(FollowUp(question, option.text, STRENGTHS[option.score],
                                       _priority(question, option.score)))
    follow_ups.sort(key=lambda f: (rank[f.priority], -f.question.weight, order[f.question.id]))
    return VendorSummary(vendor.strip(), tool.strip(), areas, overall, tuple(follow_ups), tuple(rows))


def area_table(summary: VendorSummary) -> tuple[list[str], list[list]]:
    """The score of each area as a table: header and rows."""
    header = ["Area", "Questions answered", "Score (%)", "Rating"]
    rows = [[s.area.title, f"{s.answered} of {s.total}", "" if s.percent is None else s.percent, s.band]
            for s in summary.areas]
    return header, rows


def summary_alt(summary: VendorSummary) -> str:
    """The text alternative of the area chart: every bar in words."""
    parts = [f"{s.area.title} {s.percent}% ({s.band})" if s.percent is not None
             else f"{s.area.title} not answered yet" for s in summary.areas]
    return (f"Bar chart of due-diligence scores by area for {summary.name}: {'; '.join(parts)}. "
            f"Lines mark the bands at {', '.join(f'{floor}%' for floor, _ in BANDS[:-1])}.")


def _area_title(summary: VendorSummary, question: Question) -> str:
    return next(s.area.title for s in summary.areas if s.area.id == question.area)


def _follow_up_lines(summary: VendorSummary) -> list[str]:
    return [f"[{f.priority}] {f.question.follow_up}" for f in summary.follow_ups]


def vendor_document(summary: VendorSummary) -> Document:
    """The scored checklist as a document to take home or send to the supplier."""
    answers = (["Area", "Question", "Their answer", "Strength"],
               [[_area_title(summary, q), q.question, text, strength] for q, text, strength in summary.answers])
    return Document(
        title=f"Supplier due diligence: {summary.name}",
        subtitle=summary.headline(),
        sections=[
            Section("Scores by area", paragraphs=[scale_text()], table=area_table(summary)),
            Section("Follow-up questions to send", bullets=_follow_up_lines(summary) or
                    ["None: every answer so far was strong."]),
            Section("The answers you recorded", table=answers),
        ],
    )


def vendor_section(saved: dict | None, checklist: Checklist | None = None) -> Section | None:
    """The saved checklist as one section of the action plan; None while no question is answered."""
    saved = saved or {}
    summary = summarise(checklist or load_checklist(), saved.get("answers") or {},
                        str(saved.get("vendor") or ""), str(saved.get("tool") or ""))
    if summary.overall.share is None:
        return None
    return Section(f"Supplier due diligence: {summary.name}", paragraphs=[summary.headline()],
                   bullets=_follow_up_lines(summary), table=area_table(summary))


def example_summary(checklist: Checklist | None = None) -> VendorSummary:
    """The worked example of the checklist file, scored."""
    checklist = checklist or load_checklist()
    example = checklist.example
    return summarise(checklist, example["answers"], example["vendor"], example["tool"])
