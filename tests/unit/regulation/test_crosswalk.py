"""The crosswalk: every output mapped, every reference a real NIST AI RMF subcategory or ISO/IEC 42001 clause."""

from __future__ import annotations

import re

import pytest

from kit.regulation import crosswalk, crosswalk_rows
from kit.regulation._crosswalk import ISO, ISO_TITLES, NIST, NIST_CATEGORIES, OUTPUTS, nist_title
from kit.workshop import lesson_ids, parts

NIST_FORM = re.compile(r"^(GOVERN|MAP|MEASURE|MANAGE) [1-9]\d*\.[1-9]\d*$")
ISO_FORM = re.compile(r"^(([4-9]|10)\.[1-9](\.[1-9])?|A\.([2-9]|10)\.[1-9](\.[1-9])?)$")


def test_every_output_is_mapped_to_both_frameworks():
    content = crosswalk()
    assert {o.id for o in content.outputs} >= set(OUTPUTS)
    for output in content.outputs:
        assert output.nist and output.iso, output.id
        assert output.lesson in lesson_ids()


def test_every_reference_is_well_formed_and_exists():
    for output in crosswalk().outputs:
        for mapping in output.nist:
            assert NIST_FORM.match(mapping.id) and nist_title(mapping.id), mapping.id
        for mapping in output.iso:
            assert ISO_FORM.match(mapping.id) and mapping.id in ISO_TITLES, mapping.id


def test_the_reference_tables_are_the_documents_shape():
    assert {f for f, _ in NIST_CATEGORIES} == {"GOVERN", "MAP", "MEASURE", "MANAGE"}
    assert sum(count for count, _ in NIST_CATEGORIES.values()) == 72  # AI RMF 1.0 has 72 subcategories
    assert sum(ref.startswith("A.") for ref in ISO_TITLES) == 38  # Annex A has 38 controls
    assert all(ISO_FORM.match(ref) for ref in ISO_TITLES)
    assert nist_title("MEASURE 2.13") and nist_title("MEASURE 2.14") is None and nist_title("GOVERN 7.1") is None


def test_the_outputs_name_real_saved_parts():
    known = {part.key for part in vars(parts).values() if isinstance(part, parts.Part)}
    for output in crosswalk().outputs:
        assert set(output.parts) <= known, output.id


def test_rows_for_the_what_this_covers_table():
    rows = crosswalk_rows()
    assert {r.output for r in rows} == {o.id for o in crosswalk().outputs}
    assert {r.framework for r in rows} == {NIST, ISO}
    assert all(r.reason and r.ref_title for r in rows)
    only = crosswalk_rows(["bias_audit"])
    assert {r.output for r in only} == {"bias_audit"}
    assert ("MEASURE 2.11", NIST) in {(r.ref, r.framework) for r in only}
    assert [r.framework for r in only] == sorted((r.framework for r in only), key=[NIST, ISO].index)


def test_sources_and_date_are_named():
    content = crosswalk()
    assert content.as_of and {s.id for s in content.sources} == {"nist_ai_rmf", "iso_42001"}
    assert "not an official" in content.note


@pytest.mark.parametrize("ref", ["MEASURE 2.11", "GOVERN 1.1", "MAP 1.1", "MANAGE 1.3"])
def test_the_issues_examples_are_valid_nist_references(ref):
    assert nist_title(ref)


@pytest.mark.parametrize("ref", ["6.1.2", "6.1.4", "A.5.2", "A.6.2.4"])
def test_the_issues_examples_are_valid_iso_references(ref):
    assert ref in ISO_TITLES
