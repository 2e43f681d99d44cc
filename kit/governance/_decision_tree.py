"""The human-in-the-loop decision tree: when may automation decide, when must a person?

The tree lives in ``kit/content/human_in_the_loop.yaml``: question nodes with
answers that lead to other nodes, and recommendation nodes where every path
ends. It is checked when it loads (unknown ids are named, loops and dead ends
refused, unreachable nodes reported), so a trainer's edit can never strand
an attendee half-way. A walk is just the list of answer positions chosen from
the start, which is what the app saves and replays.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping, Sequence

from kit.workshop.content import ContentError, load
from kit.documents import Section

WHERE = "human_in_the_loop.yaml"


@dataclass(frozen=True)
class Answer:
    label: str
    next: str
    reason: str = ""


@dataclass(frozen=True)
class QuestionNode:
    id: str
    question: str
    help: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Recommendation:
    id: str
    recommendation: str
    level: str
    explanation: str
    safeguards: tuple[str, ...]


@dataclass(frozen=True)
class Tree:
    start: str
    nodes: dict[str, QuestionNode | Recommendation]

    def questions_left(self, node_id: str) -> int:
        """The most questions still to answer from ``node_id`` (0 at a recommendation)."""
        node = self.nodes[node_id]
        if isinstance(node, Recommendation):
            return 0
        return 1 + max(self.questions_left(answer.next) for answer in node.answers)


def _node(node_id: str, raw) -> QuestionNode | Recommendation:
    where = f"{WHERE}, node {node_id}"
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: a node must be a block with a question or a recommendation.")
    if ("question" in raw) == ("recommendation" in raw):
        raise ContentError(f"{where}: give it either a question (with answers) or a recommendation, not "
                           f"{'both' if 'question' in raw else 'neither'}.")
    if "recommendation" in raw:
        return Recommendation(node_id, str(raw["recommendation"]), str(raw.get("level", "")),
                              str(raw.get("explanation", "")), tuple(str(s) for s in raw.get("safeguards") or ()))
    answers = raw.get("answers") or []
    if len(answers) < 2:
        raise ContentError(f"{where}: a question needs at least two answers.")
    parsed = []
    for answer in answers:
        if not isinstance(answer, dict) or not answer.get("label") or not answer.get("next"):
            raise ContentError(f"{where}: every answer needs a label and a next node id.")
        parsed.append(Answer(str(answer["label"]), str(answer["next"]), str(answer.get("reason", ""))))
    return QuestionNode(node_id, str(raw["question"]), str(raw.get("help", "")), tuple(parsed))


def _find_loop(nodes: Mapping, start: str) -> list[str] | None:
    """A path that comes back to a node it already visited, or None."""
    state: dict[str, str] = {}

    def visit(node_id: str, path: list[str]) -> list[str] | None:
        if state.get(node_id) == "open":
            return path[path.index(node_id):] + [node_id]
        if state.get(node_id) == "done":
            return None
        state[node_id] = "open"
        node = nodes[node_id]
        for answer in getattr(node, "answers", ()):
            loop = visit(answer.next, path + [node_id])
            if loop:
                return loop
        state[node_id] = "done"
        return None

    return visit(start, [])


def parse_tree(raw: Mapping) -> Tree:
    """Check and build the tree; every mistake names the node and the fix."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("nodes"), Mapping) or not raw["nodes"]:
        raise ContentError(f"{WHERE}: it needs a 'start' id and a block of 'nodes'.")
    nodes = {str(node_id): _node(str(node_id), body) for node_id, body in raw["nodes"].items()}
    start = str(raw.get("start", ""))
    if start not in nodes:
        raise ContentError(f"{WHERE}: start is {start!r}, which is not one of the nodes; name the first question's id.")
    unknown = [f"{node.id} → {answer.next}" for node in nodes.values()
               for answer in getattr(node, "answers", ()) if answer.next not in nodes]
    if unknown:
        raise ContentError(f"{WHERE}: these answers lead to node ids that do not exist: {'; '.join(unknown)}. "
                           "Fix the spelling or add the node.")
    loop = _find_loop(nodes, start)
    if loop:
        raise ContentError(f"{WHERE}: the answers go round in a loop ({' → '.join(loop)}); "
                           "point one of them at a later question or a recommendation.")
    reached, queue = set(), [start]
    while queue:
        node_id = queue.pop()
        if node_id not in reached:
            reached.add(node_id)
            queue += [answer.next for answer in getattr(nodes[node_id], "answers", ())]
    unreachable = sorted(set(nodes) - reached)
    if unreachable:
        raise ContentError(f"{WHERE}: no answer leads to {', '.join(unreachable)}; link to it or remove it.")
    return Tree(start, nodes)


@functools.lru_cache(maxsize=None)
def tree() -> Tree:
    """The walk-through in ``kit/content/human_in_the_loop.yaml``, checked."""
    return parse_tree(load("human_in_the_loop"))


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


def human_in_the_loop_section(saved: Mapping | None) -> Section:
    """The saved walk-through as one section of the action plan (lesson 13)."""
    heading = "When a person decides"
    if not saved or not saved.get("choices"):
        return Section(heading, ["No walk-through yet: use the human-in-the-loop decision tree in lesson 07."])
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
