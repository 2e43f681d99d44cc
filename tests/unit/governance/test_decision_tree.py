"""The human-in-the-loop tree: it is checked on load, every walk ends in a recommendation."""

from __future__ import annotations

import pytest

from kit.workshop.content import ContentError, load
from kit.governance._decision_tree import (
    QuestionNode,
    Recommendation,
    follow,
    human_in_the_loop_section,
    parse_tree,
    saved_value,
    tree,
)
from kit.documents import Document, to_docx


def every_walk(given=None) -> list[list[int]]:
    """Every complete list of choices from the start to a recommendation."""
    given = given or tree()
    walks, stack = [], [[]]
    while stack:
        choices = stack.pop()
        node = follow(choices, given).current
        if isinstance(node, Recommendation):
            walks.append(choices)
        else:
            stack += [choices + [i] for i in range(len(node.answers))]
    return walks


def test_every_walk_ends_in_a_recommendation_and_every_recommendation_is_reached():
    walks = every_walk()
    outcomes = {follow(choices).outcome.id for choices in walks}
    recommendations = {nid for nid, node in tree().nodes.items() if isinstance(node, Recommendation)}
    assert outcomes == recommendations
    assert max(len(choices) for choices in walks) == tree().questions_left(tree().start)
    for node in tree().nodes.values():
        if isinstance(node, Recommendation):
            assert node.recommendation and node.level and node.explanation and node.safeguards


# Answer positions: 0 = first answer in the file, and so on ("Not sure" is always the last).
@pytest.mark.parametrize(
    ("choices", "outcome"),
    [
        ([0, 0], "automate"),                      # not about people, mistakes minor
        ([0, 1, 0], "person_on_the_loop"),         # not about people, costly mistakes easily corrected
        ([0, 2, 2], "person_in_the_loop"),         # unsure twice: the cautious branch each time
        ([1, 0], "person_decides"),                # a law requires a person
        ([1, 1, 0, 0], "person_decides"),          # significant effect on vulnerable people
        ([1, 1, 0, 2], "person_decides"),          # unsure about vulnerability: assume it
        ([1, 1, 0, 1, 0, 0], "person_in_the_loop"),
        ([1, 1, 0, 1, 0, 1], "fix_oversight"),     # staff cannot really override
        ([1, 1, 0, 1, 1], "not_yet"),              # untested, significant
        ([1, 1, 1, 0], "person_on_the_loop"),      # limited effect, easily corrected
        ([1, 1, 1, 1], "person_in_the_loop"),
        ([2, 2, 2, 1, 2], "not_yet"),
    ],
)
def test_walks_end_where_the_guidance_says(choices, outcome):
    walk = follow(choices)
    assert walk.outcome is not None and walk.outcome.id == outcome


def test_reasons_are_collected_along_the_path():
    walk = follow([1, 1, 0, 1, 0, 0])
    assert len(walk.reasons) == 4 and "legal or similarly significant effect" in walk.reasons[1]
    assert follow([1, 2]).reasons[-1].startswith("Check with your data protection or legal adviser")
    assert "cautious branch" in follow([2]).reasons[0]


def test_follow_strict_and_lenient():
    with pytest.raises(ValueError, match="does not fit"):
        follow([7])
    with pytest.raises(ValueError, match="does not fit"):
        follow([0, 0, 0])  # a choice after the recommendation
    assert follow([0, 9, 1], strict=False).choices == [0]
    assert follow([0, 0, 0, 1], strict=False).outcome.id == "automate"
    assert follow(["1"], strict=False).choices == []
    walk = follow([])
    assert isinstance(walk.current, QuestionNode) and walk.current.id == tree().start and walk.outcome is None


def test_questions_left_counts_the_longest_remaining_path():
    assert tree().questions_left("automate") == 0
    assert tree().questions_left("staff_authority") == 1
    assert tree().questions_left("about_people") == 6


def _tree(**nodes):
    return {"start": "a", "nodes": nodes}


Q = lambda *targets: {"question": "Q?", "answers": [{"label": t, "next": t} for t in targets]}  # noqa: E731
R = {"recommendation": "Do this", "level": "L", "explanation": "E", "safeguards": ["S"]}


def test_a_small_valid_tree():
    small = parse_tree(_tree(a=Q("b", "r1"), b=Q("r1", "r2"), r1=R, r2=R))
    assert sorted(follow(c, small).outcome.id for c in every_walk(small)) == ["r1", "r1", "r2"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_tree(a=Q("b", "r1"), r1=R), "these answers lead to node ids that do not exist: a → b; fix the spelling"),
        (_tree(a=Q("b", "r1"), b=Q("a", "r1"), r1=R), r"loop \(a → b → a\); point one of them at a later question"),
        (_tree(a=Q("a", "r1"), r1=R), r"loop \(a → a\)"),
        (_tree(a=Q("r1", "r1"), r1=R, orphan=R), "no answer leads to orphan; link to it from an answer or remove it"),
        (_tree(a=Q("r1"), r1=R), "'nodes', 'a', 'answers': List should have at least 2 items"),
        (_tree(a={**Q("r1", "r1"), **R}, r1=R), "'nodes', 'a': give the node either a question .* or a recommendation, "
                                                "not both"),
        (_tree(a={"help": "?"}, r1=R), "'nodes', 'a': give the node either .* not neither"),
        (_tree(a={"question": "Q?", "answers": [{"label": "x"}, {"label": "y", "next": "r1"}]}, r1=R),
         r"'nodes', 'a', 'answers', entry 1 \('x'\), 'next': this is missing"),
        (_tree(a=Q("r1", "r1"), r1={**R, "safeguard": ["S"]}), "'nodes', 'r1', 'safeguard': this key is not one the "
                                                               r"kit reads \(a misspelling\?\)"),
        ({"start": "zz", "nodes": {"a": Q("r1", "r1"), "r1": R}}, "start is 'zz', which is not one of the nodes; "
                                                                  "name the first question's id"),
        ({"start": "a"}, "'nodes': this is missing; expected every question and recommendation"),
        (_tree(a="just text"), "'nodes', 'a': a node must be a block with a question"),
    ],
)
def test_a_broken_tree_is_refused_with_the_fix(raw, message):
    with pytest.raises(ContentError, match=r"^human_in_the_loop\.yaml: .*" + message):
        parse_tree(raw)


def _real(change) -> dict:
    raw = load("human_in_the_loop")
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "entry", "fix"),
    [
        (lambda raw: raw["nodes"]["cost_of_error"]["answers"][0].update(next="automte"), "cost_of_error → automte",
         "fix the spelling or add the node"),
        (lambda raw: raw["nodes"]["automate"].update(safegards=raw["nodes"]["automate"].pop("safeguards")),
         "'nodes', 'automate', 'safegards'", "a misspelling?"),
        (lambda raw: raw.update(start=["about_people"]), "'start'", "expected the id of the first question"),
        (lambda raw: raw["nodes"]["cost_of_error"]["answers"][1].update(next="about_people"),
         "about_people → cost_of_error → about_people", "point one of them at a later question"),
    ],
)
def test_a_broken_copy_of_the_real_file_names_the_file_the_node_and_the_fix(change, entry, fix):
    with pytest.raises(ContentError) as problem:
        parse_tree(_real(change))
    message = str(problem.value)
    assert message.startswith("human_in_the_loop.yaml: ") and entry in message and fix in message


def test_the_real_file_is_what_tree_loads():
    assert set(parse_tree(load("human_in_the_loop")).nodes) == set(tree().nodes)


def test_saved_value_and_the_action_plan_section():
    saved = saved_value("  Ranking <leads> ", [1, 1, 1, 0])
    assert saved["choices"] == [1, 1, 1, 0] and saved["outcome"] == "person_on_the_loop"
    assert saved["decision"] == "Ranking <leads>" and saved["path"][0]["answer"] == "Yes"
    section = human_in_the_loop_section(saved)
    assert section.paragraphs[0] == "Decision: Ranking <leads>."
    assert section.paragraphs[1].startswith("Recommendation: Automation is acceptable, with a person able to step in.")
    assert section.bullets == list(tree().nodes["person_on_the_loop"].safeguards)
    assert section.table[0] == ["Question", "Answer"] and len(section.table[1]) == 4
    assert to_docx(Document("Plan", [section]))


def test_sections_for_nothing_saved_and_an_unfinished_walk():
    assert human_in_the_loop_section(None) is None  # the action plan lists the part as not started
    assert human_in_the_loop_section({"decision": "x", "choices": []}) is None
    unfinished = human_in_the_loop_section(saved_value("", [1, 1]))
    assert unfinished.paragraphs == ["Decision: the decision walked through.", "The walk-through was not finished."]
    assert saved_value("", [1, 1])["outcome"] is None
    # a saved walk that no longer fits the tree is replayed as far as it fits
    assert human_in_the_loop_section({"choices": [0, 0, 5]}).paragraphs[1].startswith("Recommendation: Automated")
