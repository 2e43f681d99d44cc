"""Five advanced moves (the innovation lesson): the framework's Advanced stage as choices with consequences.

The framework names five dimensions of its Advanced stage: proactive ethical
innovation, systemic ethical thinking, ethical advocacy and influence,
long-term value creation and human–AI flourishing. ``kit/content/advanced_moves.yaml``
gives each an idea, a question and moves to choose from, some of which are
sound but earlier-stage work. The attendee picks a move for each dimension,
writes a first step and says when they will start. The feedback says whether
the move reaches the dimension, and the plan counts what starts soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field, field_validator

from kit.culture._text import one_line
from kit.documents import Document, Section
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "advanced_moves"
#: The longest first step kept.
MAX_STEP = 300

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$",
                          description="a short id in small letters, digits and dashes, such as design-review")]


class Move(ContentModel):
    """One move an organisation could make, and whether it reaches the dimension."""

    id: Id
    text: str = Field(min_length=1, description="the move, one sentence starting with a verb")
    advanced: bool = Field(description="true when the move reaches the dimension, false for earlier-stage work")
    feedback: str = Field(min_length=1, description="why the move does or does not reach the dimension")


class Dimension(ContentModel):
    """One dimension of the Advanced stage."""

    id: Id
    title: str = Field(min_length=1, description="the dimension's name, as the framework gives it")
    idea: str = Field(min_length=1, description="the idea in plain words, one or two sentences")
    question: str = Field(min_length=1, description="the question the attendee answers")
    example: str = Field(min_length=1, description="a short example from a small organisation or a council")
    moves: Annotated[Items[Move], AfterValidator(unique_ids("moves"))] = Field(
        min_length=3, description="three or more moves, each with id, text, advanced and feedback")

    @field_validator("moves")
    @classmethod
    def _both_kinds(cls, moves: tuple[Move, ...]) -> tuple[Move, ...]:
        if not any(m.advanced for m in moves) or all(m.advanced for m in moves):
            raise ValueError("give at least one move with advanced: true and one with advanced: false, so the "
                             "choice teaches the difference")
        return moves

    def move(self, move_id: str) -> Move | None:
        return next((m for m in self.moves if m.id == move_id), None)


class Horizon(ContentModel):
    """An answer to "When will you start?"."""

    id: Id
    label: str = Field(min_length=1, description="how the answer reads, such as This quarter")


class AdvancedMoves(ContentModel):
    """The five dimensions in the framework's order, and the horizons, soonest first."""

    title: str = Field(min_length=1, description="the activity's title")
    horizons: Annotated[Items[Horizon], AfterValidator(unique_ids("horizons"))] = Field(
        min_length=2, description="the answers to 'When will you start?', soonest first")
    dimensions: Annotated[Items[Dimension], AfterValidator(unique_ids("dimensions"))] = Field(
        min_length=1, description="the dimensions, each with id, title, idea, question, example and moves")

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    @property
    def labels(self) -> dict[str, str]:
        return {h.id: h.label for h in self.horizons}


def load_moves(name: str = FILE) -> AdvancedMoves:
    """The activity in ``kit/content/<name>.yaml``, checked (a ContentError names any fault and its fix)."""
    return load_valid(name, AdvancedMoves)


def clean_step(text: Any) -> str:
    """A first step as typed, one line; a plain error naming the fix when it is too long."""
    return one_line(text, MAX_STEP, "A first step", ": one action, who does it and by when")


def clean_moves(activity: AdvancedMoves, saved: Any) -> dict[str, dict[str, str]]:
    """The saved choices the activity still knows: ``{dimension id: {"move", "step", "when"}}``."""
    kept = {}
    for dimension_id, choice in (saved or {}).items() if isinstance(saved, dict) else ():
        dimension = activity.dimension(dimension_id)
        if dimension is None or not isinstance(choice, dict):
            continue
        move = choice.get("move") if dimension.move(str(choice.get("move"))) else ""
        when = choice.get("when") if choice.get("when") in activity.labels else ""
        step = " ".join(str(choice.get("step") or "").split())[:MAX_STEP]
        if move or step or when:
            kept[dimension_id] = {"move": move, "step": step, "when": when}
    return kept


@dataclass(frozen=True)
class Choice:
    """One dimension as the attendee answered it."""

    dimension: Dimension
    move: Move | None
    step: str
    when: str  # a horizon id, or "" when not said

    @property
    def advanced(self) -> bool:
        return self.move is not None and self.move.advanced


@dataclass(frozen=True)
class MovesResult:
    """Every dimension's choice, and what it adds up to."""

    activity: AdvancedMoves
    choices: tuple[Choice, ...]

    @property
    def chosen(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.choices if c.move is not None)

    @property
    def advanced(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.choices if c.advanced)

    @property
    def not_yet(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.chosen if not c.advanced)

    def starting(self, horizon: str) -> tuple[Choice, ...]:
        return tuple(c for c in self.advanced if c.when == horizon)

    def summary(self) -> str:
        """One paragraph: how many dimensions have an Advanced move, what starts first, and what to revisit."""
        total = len(self.choices)
        if not self.chosen:
            return f"Choose a move for each of the {total} dimensions; the feedback says whether it reaches it."
        first = self.activity.horizons[0]
        soon = self.starting(first.id)
        text = f"{len(self.advanced)} of {total} dimensions have an Advanced move"
        text += f"; {len(soon)} start {first.label.lower()}." if self.advanced else "."
        if self.not_yet:
            names = ", ".join(c.dimension.title for c in self.not_yet)
            text += f" Look again at {names}: the move chosen is earlier-stage work."
        elif self.advanced and not soon:
            text += f" Nothing starts {first.label.lower()}: pick one move to begin with, so the plan has a first step."
        if len(self.advanced) == total and all(c.step for c in self.advanced):
            text += " Every dimension has a move and a first step."
        return text


def assess_moves(activity: AdvancedMoves, saved: Any) -> MovesResult:
    """Read the saved choices against the activity."""
    kept = clean_moves(activity, saved)
    choices = []
    for dimension in activity.dimensions:
        choice = kept.get(dimension.id, {})
        choices.append(Choice(dimension, dimension.move(choice.get("move", "")), choice.get("step", ""),
                              choice.get("when", "")))
    return MovesResult(activity, tuple(choices))


def moves_table(result: MovesResult) -> tuple[list[str], list[list]]:
    """One row per dimension: the move, whether it is Advanced, the first step and when it starts."""
    labels = result.activity.labels
    rows = [[c.dimension.title, c.move.text if c.move else "not chosen yet",
             ("Advanced" if c.advanced else "earlier-stage work") if c.move else "",
             c.step or "", labels.get(c.when, "not said")] for c in result.choices]
    return ["Dimension", "Move", "Reaches the dimension?", "First step", "When"], rows


def moves_document(activity: AdvancedMoves, saved: Any) -> Document:
    """The five moves as a document (Markdown, web page, Word)."""
    result = assess_moves(activity, saved)
    sections = [Section("Your moves", paragraphs=[result.summary()], table=moves_table(result))]
    for c in result.choices:
        sections.append(Section(c.dimension.title, paragraphs=[c.dimension.idea] + (
            [c.move.feedback] if c.move else [])))
    return Document(activity.title, sections)


def moves_section(saved: Any, activity: AdvancedMoves | None = None) -> Section | None:
    """The saved moves (workspace key ``innovation.advanced_moves``) as a section of the action plan; None if none."""
    activity = activity or load_moves()
    result = assess_moves(activity, (saved or {}).get("moves") if isinstance(saved, dict) else None)
    if not result.chosen and not any(c.step for c in result.choices):
        return None
    return Section("Five advanced moves", paragraphs=[result.summary()], table=moves_table(result))
