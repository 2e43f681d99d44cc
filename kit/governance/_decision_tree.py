"""The human-in-the-loop decision tree: when may automation decide, when must a person?

The tree lives in ``kit/content/human_in_the_loop.yaml``: question nodes with
answers that lead to other nodes, and recommendation nodes where every path
ends. Its schema (:class:`Tree`) checks it when it loads (unknown ids are
named, loops and dead ends refused, unreachable nodes reported), so a
trainer's edit can never strand an attendee half-way. A walk is just the list
of answer positions chosen from the start, which is what the app saves and replays.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated, Any, Mapping, Sequence, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator, model_validator

from kit.documents import Section
from kit.workshop.content import ContentModel, Items, load_valid, validate

WHERE = "human_in_the_loop.yaml"


class Answer(ContentModel):
    """One answer to a question, and the node it leads to."""

    label: str = Field(min_length=1, description='the answer as the attendee reads it, in quotes ("Yes", "No")')
    next: str = Field(min_length=1, description="the id of the node this answer leads to")
    reason: str = Field("", description="optional: one sentence on why this answer matters")


class QuestionNode(ContentModel):
    """A question asked on the way; its ``id`` is its name under ``nodes``."""

    id: str
    question: str = Field(min_length=1, description="the question the attendee is asked")
    help: str = Field("", description="optional: an example or a hint shown under the question")
    answers: Items[Answer] = Field(min_length=2, description="at least two answers, each with a label and next")


class Recommendation(ContentModel):
    """Where a walk ends: the advice and what to put in place."""

    id: str
    recommendation: str = Field(min_length=1, description="the headline of the advice")
    level: str = Field(min_length=1, description="a short name for the level of human involvement")
    explanation: str = Field(min_length=1, description="one paragraph on what the recommendation means")
    safeguards: Items[str] = Field(min_length=1, description="what to put in place, one bullet each")


def _one_kind(raw: Any) -> Any:
    """A node is a block with a question or a recommendation, never both or neither."""
    if isinstance(raw, (QuestionNode, Recommendation)):
        return raw
    if not isinstance(raw, dict):
        raise ValueError("a node must be a block with a question (and answers) or a recommendation; "
                         "check the indentation")
    if ("question" in raw) == ("recommendation" in raw):
        raise ValueError("give the node either a question (with answers) or a recommendation, not "
                         f"{'both' if 'question' in raw else 'neither'}")
    return raw


def _kind(raw: Any) -> str:
    recommends = isinstance(raw, Recommendation) or (isinstance(raw, dict) and "recommendation" in raw)
    return "Recommendation" if recommends else "QuestionNode"


Node = Annotated[Union[Annotated[QuestionNode, Tag("QuestionNode")], Annotated[Recommendation, Tag("Recommendation")]],
                 Discriminator(_kind), BeforeValidator(_one_kind)]


class Tree(ContentModel):
    """The whole walk-through: the first question's id and every node by id."""

    start: str = Field(min_length=1, description="the id of the first question")
    nodes: dict[str, Node] = Field(min_length=1, description="every question and recommendation, each under its id")

    @field_validator("nodes", mode="before")
    @classmethod
    def _named(cls, nodes: Any) -> Any:
        """A node's id is its name under ``nodes``."""
        if not isinstance(nodes, dict):
            return nodes
        return {str(key): {**body, "id": str(key)} if isinstance(body, dict) else body for key, body in nodes.items()}

    @model_validator(mode="after")
    def _walkable(self) -> "Tree":
        """Every walk from the start ends in a recommendation, and every node can be reached."""
        if self.start not in self.nodes:
            raise ValueError(f"start is {self.start!r}, which is not one of the nodes; name the first question's id")
        unknown = [f"{node.id} → {answer.next}" for node in self.nodes.values()
                   for answer in getattr(node, "answers", ()) if answer.next not in self.nodes]
        if unknown:
            raise ValueError(f"these answers lead to node ids that do not exist: {'; '.join(unknown)}; "
                             "fix the spelling or add the node")
        loop = _find_loop(self.nodes, self.start)
        if loop:
            raise ValueError(f"the answers go round in a loop ({' → '.join(loop)}); "
                             "point one of them at a later question or a recommendation")
        unreachable = sorted(set(self.nodes) - _reached(self.nodes, self.start))
        if unreachable:
            raise ValueError(f"no answer leads to {', '.join(unreachable)}; link to it from an answer or remove it")
        return self

    def questions_left(self, node_id: str) -> int:
        """The most questions still to answer from ``node_id`` (0 at a recommendation)."""
        node = self.nodes[node_id]
        if isinstance(node, Recommendation):
            return 0
        return 1 + max(self.questions_left(answer.next) for answer in node.answers)


def _find_loop(nodes: Mapping, start: str) -> list[str] | None:
    """A path that comes back to a node it already visited, or None."""
    state: dict[str, str] = {}

    def visit(node_id: str, path: list[str]) -> list[str] | None:
        if state.get(node_id) == "open":
            return path[path.index(node_id):] + [node_id]
        if state.get(node_id) == "done":
            return None
        state[node_id] = "open"
        for answer in getattr(nodes[node_id], "answers", ()):
            loop = visit(answer.next, path + [node_id])
            if loop:
                return loop
        state[node_id] = "done"
        return None

    return visit(start, [])


def _reached(nodes: Mapping, start: str) -> set[str]:
    """The ids of every node some walk from ``start`` passes through."""
    reached, queue = set(), [start]
    while queue:
        node_id = queue.pop()
        if node_id not in reached:
            reached.add(node_id)
            queue += [answer.next for answer in getattr(nodes[node_id], "answers", ())]
    return reached


def parse_tree(raw: Any) -> Tree:
    """The tree in ``raw`` (parsed YAML), checked; a :class:`ContentError` names the node and the fix."""
    return validate(raw, Tree, where=WHERE)


@functools.lru_cache(maxsize=None)
def tree() -> Tree:
    """The walk-through in ``kit/content/human_in_the_loop.yaml``, checked."""
    return load_valid("human_in_the_loop", Tree)


@dataclass(frozen=True)
class Walk:
    """Where a list of choices leads: the questions answered, and the node reached."""

    steps: tuple[tuple[QuestionNode, int], ...]
    current: QuestionNode | Recommendation

    @property
    def choices(self) -> list[int]:
        return [index for _, index in self.steps]

    @property
    def outcome(self) -> Recommendation | None:
        return self.current if isinstance(self.current, Recommendation) else None

    @property
    def reasons(self) -> list[str]:
        """The reasons attached to the answers given, in order (empty ones skipped)."""
        return [node.answers[index].reason for node, index in self.steps if node.answers[index].reason]


def follow(choices: Sequence[int], given: Tree | None = None, strict: bool = True) -> Walk:
    """Walk from the start, taking answer ``choices[0]``, then ``choices[1]``, ...

    With ``strict`` a choice that does not fit raises ValueError; without it the
    walk stops at the last choice that fits (used to replay saved walks after
    the tree was edited). Choices after a recommendation are ignored the same way.
    """
    given = given or tree()
    node, steps = given.nodes[given.start], []
    for index in choices:
        fits = isinstance(node, QuestionNode) and isinstance(index, int) and 0 <= index < len(node.answers)
        if not fits:
            if strict:
                raise ValueError(f"Answer {index!r} does not fit the question reached; start again.")
            break
        steps.append((node, index))
        node = given.nodes[node.answers[index].next]
    return Walk(tuple(steps), node)


def saved_value(decision: str, choices: Sequence[int], given: Tree | None = None) -> dict:
    """What the app saves under ``policy.human_in_the_loop``: the decision, the path and the outcome."""
    walk = follow(choices, given, strict=False)
    outcome = walk.outcome
    return {"decision": str(decision or "").strip(), "choices": walk.choices,
            "path": [{"question": node.question, "answer": node.answers[index].label} for node, index in walk.steps],
            "outcome": outcome.id if outcome else None,
            "recommendation": outcome.recommendation if outcome else None}


def human_in_the_loop_section(saved: Mapping | None) -> Section | None:
    """The saved walk-through as one section of the action plan; None when no walk was started."""
    heading = "When a person decides"
    if not saved or not saved.get("choices"):
        return None
    walk = follow(saved["choices"], strict=False)
    decision = str(saved.get("decision") or "").strip() or "the decision walked through"
    table = (["Question", "Answer"], [[node.question, node.answers[i].label] for node, i in walk.steps])
    if walk.outcome is None:
        return Section(heading, [f"Decision: {decision}.", "The walk-through was not finished."], table=table)
    outcome = walk.outcome
    paragraphs = [f"Decision: {decision}.",
                  f"Recommendation: {outcome.recommendation}. Level of human involvement: {outcome.level}.",
                  outcome.explanation, "Why: " + " ".join(walk.reasons), "Safeguards:"]
    return Section(heading, paragraphs, list(outcome.safeguards), table)
