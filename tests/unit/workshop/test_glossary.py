"""The glossary: content checks, look-up, search, terms used in a text, and its widgets."""

from __future__ import annotations

import pytest

from kit.workshop import _glossary as glossary
from kit.workshop import content
from kit.workshop.content import ContentError
from kit.workshop import UnknownTerm, lesson_terms, load_glossary, lookup, search, terms_in

#: Terms the lessons rely on; the brief for the glossary names them.
REQUIRED = ["selection rate", "impact ratio", "four-fifths rule", "proxy", "intersectional", "true positive rate",
            "false positive rate", "demographic parity", "equalized odds", "mitigation", "reweighing", "threshold",
            "model card", "reason code", "counterfactual", "k-anonymity", "quasi-identifier", "minimisation",
            "lawful basis", "consent", "retention", "DPIA", "human in the loop", "risk register", "likelihood",
            "severity", "residual risk", "KPI", "drift"]


@pytest.mark.parametrize("term", REQUIRED)
def test_every_required_term_is_defined(term):
    entry = lookup(term)
    assert entry.term == term and len(entry.definition) > 30


def test_terms_are_sorted_and_unique():
    names = [t.term.lower() for t in load_glossary()]
    assert names == sorted(names) and len(names) == len(set(names)) >= 60


@pytest.mark.parametrize(("typed", "term"), [("Proxies", "proxy"), ("  selection   RATE ", "selection rate"),
                                             ("TPR", "true positive rate"), ("data minimisation", "minimisation")])
def test_lookup_by_alias_case_and_spacing(typed, term):
    assert lookup(typed).term == term


def test_unknown_term_suggests_the_nearest():
    with pytest.raises(UnknownTerm, match="Did you mean 'proxy'") as caught:
        lookup("proxxy")
    assert str(caught.value).startswith("'proxxy' is not in the glossary")
    assert isinstance(caught.value, KeyError)


def test_search_puts_name_matches_first():
    found = [t.term for t in search("consent")]
    assert found[0] == "consent" and "lawful basis" in found
    assert len(search("")) == len(load_glossary())
    assert search("zzzz-nothing") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Selection rates by group", {"selection rate"}),
    ("two proxies and a quasi identifier", {"proxy", "quasi-identifier"}),
    ("Compute the k-anonymity; watch for drift in KPIs.", {"k-anonymity", "drift", "KPI"}),
    ("the average age of staff", set()),
    ("the thresholds moved", {"threshold"}),
    ("", set()),
], ids=["plural", "alias-and-space", "hyphen-acronym", "no-false-match", "plural-s", "empty"])
def test_terms_in_text(text, expected):
    assert {t.term for t in terms_in(text)} == expected


@pytest.mark.parametrize(("notebook", "wanted"), [
    ("04_transparency_and_explainability", {"reason code", "counterfactual", "model card", "transparency"}),
    ("05_privacy_and_data_governance.ipynb", {"k-anonymity", "lawful basis", "consent", "retention"}),
])
def test_lesson_terms_come_from_the_notebook_text(notebook, wanted):
    assert wanted <= {t.term for t in lesson_terms(notebook)}


def test_unknown_lesson_is_named():
    with pytest.raises(ValueError, match="no lesson notebook 99_nothing.ipynb"):
        lesson_terms("99_nothing")


def _fake(monkeypatch, raw):
    real = content.load
    monkeypatch.setattr(content, "load", lambda name: raw if name == "glossary" else real(name))
    glossary.load_glossary.cache_clear()


@pytest.mark.parametrize(("raw", "message"), [
    ([{"term": "a"}], r"entry 1 \('a'\), 'definition': this is missing; expected one or two plain sentences"),
    ([{"term": "a", "definition": "x", "lesson": "3"}], r"entry 1 \('a'\), 'lesson': lesson '3' is not in lessons.yaml; "
                                                         "use one of its ids"),
    ([{"term": "a", "definition": "x"}, {"term": "A", "definition": "y"}], "'A' is used by both 'a' and 'A'"),
    ([{"term": "a", "definition": "x", "aliases": ["b"]}, {"term": "b", "definition": "y"}], "used by both"),
    ([{"term": "a", "definition": "x", "see": ["c"]}], "'see' of 'a' names c, which is not a term"),
    ([{"term": "a", "definition": "x", "aliases": "b"}], r"'aliases': should be a valid tuple; expected other spellings"),
    ({"term": "a"}, "should be a list of entries"),
    (["just text"], "entry 1: should be a valid dictionary"),
], ids=["no-definition", "bad-lesson", "duplicate", "alias-clash", "bad-see", "aliases-not-list", "not-a-list",
        "not-a-mapping"])
def test_bad_glossary_file_names_the_fix(monkeypatch, raw, message):
    _fake(monkeypatch, raw)
    try:
        with pytest.raises(ContentError, match=message):
            load_glossary()
    finally:
        glossary.load_glossary.cache_clear()


def test_glossary_widget_filters_and_escapes():
    from kit.workshop.ui import glossary_panel, glossary_widget

    widget = glossary_widget()
    box, status, errors, results = widget.children
    assert f"Showing all {len(load_glossary())} terms" in status.value
    box.value = "anonym"
    assert f"Showing {len(search('anonym'))} of {len(load_glossary())} terms" in status.value
    assert "k-anonymity" in results.value and "selection rate" not in results.value
    box.value = "<img src=x>"
    assert "&lt;img src=x&gt;" in status.value and "<img" not in status.value and results.value == ""
    assert glossary_panel().selected_index is None


def test_lesson_terms_block_lists_definitions():
    from kit.workshop.ui import lesson_terms_html

    html = lesson_terms_html("04_transparency_and_explainability")
    assert html.startswith('<details class="kit-lesson-terms">') and "<dt><strong>reason code</strong></dt>" in html
    assert "Taught in lesson 04 · Transparency and explainability" in html
