"""Standards and certifications: every entry sourced, the list dated, the page shows both."""

from __future__ import annotations

import datetime

import pytest

from kit.culture import Standards, load_standards, standards_frame
from kit.culture.ui import standards_html
from kit.workshop.content import ContentError, load, validate


def test_every_standard_names_its_source_and_the_list_is_dated():
    standards = load_standards()
    assert isinstance(standards.as_of, datetime.date)
    assert {s.id for s in standards.standards} >= {"iso-42001", "nist-ai-rmf", "atrs"}
    assert all(str(s.url).startswith("https://") and s.source for s in standards.standards)
    certifiable = {s.id for s in standards.standards if s.certifiable}
    assert certifiable == {"iso-42001"}
    assert list(standards_frame(standards).columns)[:4] == ["Standard", "Published by", "Kind", "Certification?"]


def test_the_page_shows_each_source_and_the_date():
    standards = load_standards()
    html = standards_html(standards)
    assert html.count('class="kit-card kit-standard"') == len(standards.standards)
    assert f"List checked {standards.as_of.day} {standards.as_of:%B %Y}" in html
    assert all(str(s.url) in html for s in standards.standards)


def test_a_standard_without_a_web_address_is_refused():
    data = load("standards")
    data["standards"][0]["url"] = "iso.org"
    with pytest.raises(ContentError, match="standards.yaml.*url"):
        validate(data, Standards, where="standards.yaml")
