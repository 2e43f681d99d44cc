"""The data protection laws of the privacy lesson: who each applies to, sourced and dated in one content file."""

from __future__ import annotations

import datetime

import pytest

from kit.privacy import PrivacyLaws, load_laws
from kit.privacy.ui import law_html
from kit.workshop.content import ContentError, load, validate


def test_the_gdpr_s_reach_is_establishment_or_targeting_not_nationality():
    gdpr = load_laws().law("gdpr")
    first, second = gdpr.applies_to
    assert "establishment in the EU" in first.text and first.source.startswith("GDPR Article 3(1)")
    assert "offering them goods or services" in second.text and "monitoring" in second.text
    assert second.source.startswith("GDPR Article 3(2)") and "UK GDPR Article 3(2)" in second.source
    assert "citizen is not enough" in gdpr.outside and "Article 27" in gdpr.outside_source
    assert "any organisation using personal data" not in " ".join(s.text for s in gdpr.applies_to)


def test_every_statement_has_a_source_and_the_page_shows_the_date():
    laws = load_laws()
    assert isinstance(laws.as_of, datetime.date)
    for law in laws.laws:
        assert all(item.source for item in (*law.applies_to, *law.points)) and law.sources
    html = law_html("gdpr", laws)
    assert f"As of {laws.as_of.day} {laws.as_of:%B %Y}" in html and "GDPR Article 3(1)" in html
    assert "eur-lex.europa.eu" in html and "not legal advice" in html


def test_an_unknown_law_is_named_with_the_ones_there_are():
    with pytest.raises(KeyError, match="it has gdpr, ccpa"):
        load_laws().law("hipaa")


def test_a_statement_without_its_source_is_refused():
    data = load("privacy_law")
    del data["laws"][0]["applies_to"][0]["source"]
    with pytest.raises(ContentError, match="privacy_law.yaml.*source.*this is missing"):
        validate(data, PrivacyLaws, where="privacy_law.yaml")
