"""Column flags, k-anonymity and the minimisation checker (lesson 05).

k-anonymity is checked against a plain Python count of the combinations.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import pandas as pd
import pytest

import kit.privacy._checks as checks
from kit.workshop import content, session
from kit.workshop.content import ContentError
from kit.data import load_hiring
from kit.privacy import (K_TARGET, KAnonymity, classify_column, classify_columns, flags_frame, group_sizes,
                         k_anonymity, keyword_match, kinds, minimisation_section, review)


@pytest.fixture(scope="module")
def pool():
    return load_hiring()


@pytest.mark.parametrize(("name", "keyword", "match"), [
    ("age_band", "age", "age"), ("average_score", "age", None), ("Ethnicity", "ethnic", "ethnicity"),
    ("e-mail address", "e mail", "e mail"), ("applicant_id", "id", "id"), ("ideas", "id", None),
    ("Post Code", "post code", "post code"), ("DisabilityStatus", "disab", "disabilitystatus"),
    ("first_name", "name", "name"), ("", "name", None),
])
def test_keyword_match(name, keyword, match):
    assert keyword_match(name, keyword) == match


@pytest.mark.parametrize(("name", "values", "kind"), [
    ("email", ["a@b.org"], "identifier"),
    ("contact", ["ann@example.org", "bo@example.com", None], "identifier"),
    ("Religion", ["none", "christian"], "special"),
    ("health_notes", ["asthma"], "special"),
    ("sex", ["F", "M"], "quasi"),
    ("home", ["SW1A 1AA", "M1 1AE", "B33 8TH"], "quasi"),
    ("ref", [f"R{i}" for i in range(12)], "identifier"),
    ("score", list(range(12)), "personal"),
    ("team", ["sales", "sales", "ops"], "personal"),
], ids=["email-name", "email-values", "religion", "health", "sex", "postcodes", "all-distinct", "numbers", "other"])
def test_classify_column(name, values, kind):
    assert classify_column(name, pd.Series(values)).kind == kind


def test_hiring_data_flags(pool):
    kinds = {f.column: f.kind for f in classify_columns(pool)}
    assert kinds["applicant_id"] == "identifier"
    assert kinds["ethnicity"] == kinds["disability"] == "special"
    assert {c for c, k in kinds.items() if k == "quasi"} == {"gender", "age_band", "postcode_area"}
    assert kinds["skills_test"] == "personal"
    assert list(flags_frame(classify_columns(pool)).columns)[:2] == ["column", "what it likely is"]


def _plain_count(df, columns):
    return Counter(tuple(row) for row in df[columns].itertuples(index=False))


@pytest.mark.parametrize("columns", [["gender"], ["gender", "age_band"], ["gender", "age_band", "postcode_area"],
                                     ["gender", "ethnicity", "age_band", "disability", "postcode_area"]])
def test_k_anonymity_matches_a_plain_count(pool, columns):
    counts = _plain_count(pool, columns)
    result = k_anonymity(pool, columns)
    assert result.k == min(counts.values()) and result.groups == len(counts)
    assert result.unique == sum(1 for c in counts.values() if c == 1)
    assert result.at_risk == sum(c for c in counts.values() if c < K_TARGET)
    assert result.bands["records"].sum() == len(pool)


def test_missing_values_form_their_own_group():
    df = pd.DataFrame({"area": ["a", "a", None, None, None], "sex": ["F", "F", "M", "M", "M"]})
    result = k_anonymity(df, ["area", "sex"])
    assert result.k == 2 and result.groups == 2


def test_no_quasi_identifier_means_one_group():
    df = pd.DataFrame({"x": [1, 2, 3]})
    result = k_anonymity(df, [])
    assert result.k == 3 and result.unique == 0 and "No quasi-identifier" in result.reading()


@pytest.mark.parametrize(("df", "columns", "message"), [
    (pd.DataFrame({"a": []}), ["a"], "no rows"),
    (pd.DataFrame({"a": [1]}), ["b"], "not in the data: b"),
])
def test_bad_input_is_named(df, columns, message):
    with pytest.raises(ValueError, match=message):
        k_anonymity(df, columns)


@pytest.mark.parametrize(("k", "words"), [(1, "are unique"), (3, "groups smaller than 5"), (7, "at least 6 other")])
def test_reading_in_plain_words(k, words):
    assert words in KAnonymity(("gender",), 100, k, 4, 2 if k == 1 else 0, 10 if k < 5 else 0).reading()


def test_review_compares_before_and_after(pool):
    everything = review(pool, {})
    fewer = review(pool, {"ethnicity": False, "disability": False, "postcode_area": False, "applicant_id": False})
    assert everything.risk == everything.before and everything.risk.k == 1
    assert fewer.risk.quasi_identifiers == ("gender", "age_band") and fewer.risk.k == k_anonymity(
        pool, ["gender", "age_band"]).k
    assert set(fewer.dropped) == {"ethnicity", "disability", "postcode_area", "applicant_id"}
    notes = " ".join(everything.notes())
    assert "applicant_id" in notes and "ethnicity, disability" in notes
    assert "Still kept" not in " ".join(fewer.notes())


def test_saved_value_becomes_a_section(pool):
    saved = review(pool, {"ethnicity": False}).saved("the sample", "Shortlisting =cmd")
    assert saved["needed"]["ethnicity"] is False and saved["flags"]["ethnicity"] == "Special-category data"
    section = minimisation_section(saved)
    assert "Shortlisting =cmd" in section.paragraphs[0] and "k = 1" in section.paragraphs[1]
    assert ["ethnicity", "Special-category data", "drop"] in section.table[1]


@pytest.mark.parametrize("saved", [None, {}, "text", {"needed": {}}])
def test_section_is_safe_on_empty_values(saved):
    assert minimisation_section(saved) is None  # the plan lists the part as not started


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw["special"].pop("advice"), "'special', 'advice': this is missing; expected what to do with such"),
    (lambda raw: raw["quasi"].update(keywords="age, gender"), "'quasi', 'keywords': should be a valid list; "
                                                              "expected words of a column name, in a list"),
    (lambda raw: raw["identifier"]["keywords"].append(False), "'identifier', 'keywords', entry 21: should be a "
                                                               "valid string; expected .*put a word such as no"),
    (lambda raw: raw["personal"].update(lable="Other"), "'personal', 'lable': this key is not one the kit reads"),
    (lambda raw: raw.pop("quasi"), "'quasi': this is missing; expected a block with a label, quasi, advice"),
])
def test_a_broken_personal_data_file_names_the_kind_and_the_fix(monkeypatch, change, message):
    raw = content.load("personal_data")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    kinds.cache_clear()
    try:
        with pytest.raises(ContentError, match=f"^personal_data.yaml: {message}"):
            kinds()
    finally:
        kinds.cache_clear()


# The exercise checks --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def answers(pool):
    sizes = pool.groupby(list(checks.QUASI)).size()
    five = pool.groupby(list(checks.QUASI + checks.MORE_QUASI)).size()
    return {"sizes": sizes, "k": int(sizes.min()), "unique": (sizes == 1).sum() / len(pool),
            "risk": sizes[sizes < 5].sum() / len(pool), "five": (five == 1).sum() / len(pool), "drop": "gender"}


@pytest.mark.parametrize(("name", "check"), [
    ("sizes", checks.check_group_sizes), ("k", checks.check_k), ("unique", checks.check_unique_share),
    ("risk", checks.check_at_risk_share), ("five", checks.check_unique_share_five), ("drop", checks.check_best_drop),
])
def test_checks(answers, name, check):
    assert check(answers[name]).kind == "ok"
    assert check(None).kind == "todo"
    assert check(object()).kind == "retry"


def test_checks_spot_percentages_and_counts(answers):
    assert "not a percentage" in checks.check_unique_share(answers["unique"] * 100).message
    assert ".size()" in checks.check_group_sizes(answers["sizes"].to_frame()).message
    assert checks.check_group_sizes(group_sizes(load_hiring(), checks.QUASI)).kind == "ok"


# The widget -------------------------------------------------------------------------------------



def _boxes(app):
    columns = app.children[4]
    return {row.children[0].description: row.children[0] for row in columns.children}


def test_checker_updates_saves_and_restores(fresh_session):
    from kit.privacy.ui import minimisation_checker

    app = minimisation_checker()
    view = app.children[7]
    assert "k = 1" in view.value and session.current() is None
    purpose = app.children[2]
    purpose.value = "Shortlisting <script>x</script>"
    boxes = _boxes(app)
    for column in ("ethnicity", "disability", "postcode_area"):
        boxes[column].value = False
    assert "k = 5" in view.value
    code = session.current().code
    saved = session.current().load("privacy.minimisation")
    assert saved["needed"]["postcode_area"] is False and saved["risk"]["k"] == 5
    record = app.children[8].file("minimisation-record.html").decode()  # made as a click makes it
    assert "Shortlisting &lt;script&gt;x&lt;/script&gt;" in record and "<script>" not in record

    session.reset()  # a reload
    app = minimisation_checker()
    session.resume(code)
    assert app.children[2].value == "Shortlisting <script>x</script>"
    assert _boxes(app)["postcode_area"].value is False and "k = 5" in app.children[7].value


def test_uploaded_file_is_checked_and_errors_are_plain(fresh_session):
    from kit.privacy.ui import minimisation_checker

    app = minimisation_checker()
    upload = app.children[1].children[0]
    rows = "name,sex,town\n" + "".join(f"P{i},{'F' if i % 2 else 'M'},{'A' if i < 6 else 'B'}\n" for i in range(12))
    upload.value = ({"name": "people.csv", "content": memoryview(rows.encode()), "type": "text/csv",
                     "size": len(rows), "last_modified": datetime.now(timezone.utc)},)
    assert set(_boxes(app)) == {"name", "sex", "town"} and "people.csv" in app.children[0].value
    assert "name" in app.children[7].value and "Direct identifier" in str(
        [r.children[1].value for r in app.children[4].children])
    upload.value = ({"name": "bad.csv", "content": memoryview(b"a;b\n1;2\n"), "type": "text/csv",
                     "size": 8, "last_modified": datetime.now(timezone.utc)},)
    assert "commas" in app.children[5].value


def test_share_checks_spot_counts(answers, pool):
    assert "number of records" in checks.check_unique_share(answers["unique"] * len(pool)).message


def test_too_many_columns_get_a_plain_message(fresh_session):
    from kit.privacy.ui import MAX_COLUMNS, minimisation_checker

    app = minimisation_checker()
    header = ",".join(f"c{i}" for i in range(MAX_COLUMNS + 1))
    content = (header + "\n" + ",".join("1" for _ in range(MAX_COLUMNS + 1)) + "\n").encode()
    app.children[1].children[0].value = ({"name": "wide.csv", "content": memoryview(content), "type": "text/csv",
                                          "size": len(content), "last_modified": datetime.now(timezone.utc)},)
    assert "wide.csv has 151 columns" in app.children[5].value
    # a failed upload takes the previous dataset off the page: no earlier result sits beside the error
    assert app.children[4].children == () and app.children[7].value == ""
    assert "Checking" not in app.children[0].value
