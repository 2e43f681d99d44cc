"""Lessons 04 and 05 in the browser: the decision explainer, the minimisation checker, the glossary."""

from __future__ import annotations

import re

import pytest

from tests.browser.voila import assert_clean, chart_alt, open_app, saved_value, reopen_workspace

EXPLAIN = "04_transparency_and_explainability.ipynb"
PRIVACY = "05_privacy_and_data_governance.ipynb"
SLOW = 120_000  # as long as voila.py waits for widgets: a busy machine renders slowly


@pytest.fixture()
def open_lesson(page, kit_server):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    logs = []

    def opener(notebook):
        logs.append(open_app(page, kit_server, notebook))
        return page

    yield opener
    for log in logs:
        assert log.unexpected() == []


def _reasons(page) -> str:
    text = page.locator(".kit-decision-explainer").inner_text()
    return text.split("Main reasons for the decision", 1)[1].split("What would have changed", 1)[0]


def test_choosing_an_applicant_changes_the_reasons_and_comes_back(open_lesson, workspace_root):
    page = open_lesson(EXPLAIN)
    app = page.locator(".kit-decision-explainer")
    app.get_by_text("Main reasons for the decision").wait_for(timeout=SLOW)
    first = _reasons(page)
    picker = app.get_by_label("Example applicant")
    labels = picker.locator("option").all_inner_texts()
    chosen = re.match(r"A\d{5}", labels[1])[0]
    picker.select_option(label=labels[1])
    app.get_by_role("heading", name=f"Applicant {chosen}").wait_for(timeout=SLOW)
    assert _reasons(page) != first
    assert "What the applicant would read" in app.inner_text()
    alt = chart_alt(app, f"score of applicant {chosen}", timeout=SLOW)  # drawn by the browser
    assert app.get_by_role("img", name=re.compile(f"applicant {chosen}")).count() == 1
    assert "Skills test score" in alt and app.locator(".kit-vega-picture svg").count() == 1

    code = page.locator(".kit-code").inner_text(timeout=SLOW).strip()  # choosing started a workspace
    saved = saved_value(workspace_root, code, "transparency.explainer")
    assert saved["current"] == chosen and saved["explained"][-1]["applicant_id"] == chosen

    reopen_workspace(page, code)
    page.locator(".kit-decision-explainer").get_by_role("heading", name=f"Applicant {chosen}").wait_for(timeout=SLOW)
    assert page.locator(".kit-decision-explainer").get_by_label("Or type an applicant id").input_value() == chosen


def test_typed_ids_are_explained_and_unknown_ids_get_a_plain_message(open_lesson):
    page = open_lesson(EXPLAIN)
    app = page.locator(".kit-decision-explainer")
    box = app.get_by_label("Or type an applicant id")
    box.fill("<b>Z999</b>")
    app.get_by_role("button", name="Explain").click()
    alert = app.get_by_role("alert")
    alert.wait_for(timeout=SLOW)
    message = alert.inner_text()
    assert "There is no applicant with the id '<b>Z999</b>'" in message and "A00001 to A05000" in message
    assert box.input_value() == "<b>Z999</b>"  # what was typed stays in the form
    box.fill("a42")
    app.get_by_role("button", name="Explain").click()
    app.get_by_role("heading", name="Applicant A00042").wait_for(timeout=SLOW)
    app.get_by_role("alert").wait_for(state="detached", timeout=SLOW)  # the old message is cleared
    assert_clean(page)


def test_model_card_is_shown_with_downloads(open_lesson):
    page = open_lesson(EXPLAIN)
    card = page.locator(".kit-model-card-panel")
    card.get_by_text("Performance by group").wait_for(timeout=SLOW)
    for label in ("Markdown", "HTML", "Word"):
        assert card.get_by_role("link", name=re.compile(label)).count() == 1
    assert "below four-fifths" in card.inner_text()


def test_glossary_filter_narrows_the_list(open_lesson):
    page = open_lesson(EXPLAIN)
    page.get_by_text("Glossary: search every term of the kit").click()
    glossary = page.locator(".kit-glossary")
    search = glossary.get_by_label("Search the glossary")
    search.wait_for(timeout=SLOW)
    assert "selection rate" in glossary.inner_text()
    search.fill("counterfactual")
    glossary.get_by_text(re.compile(r"Showing \d+ of \d+ terms")).wait_for(timeout=SLOW)
    text = glossary.inner_text()
    assert "The smallest change to someone's situation" in text and "selection rate" not in text
    search.fill("nothing-like-this")
    glossary.get_by_text("No term matches").wait_for(timeout=SLOW)


def _checker_text(page) -> str:
    return page.locator(".kit-minimisation").inner_text()


def test_unticking_columns_changes_k_and_comes_back(open_lesson, workspace_root):
    page = open_lesson(PRIVACY)
    checker = page.locator(".kit-minimisation")
    checker.get_by_text("(k = 1)").first.wait_for(timeout=SLOW)
    checker.get_by_label("Purpose: what is this data for?").fill("Shortlisting applicants")
    checker.get_by_label("Purpose: what is this data for?").blur()
    for column in ("ethnicity", "disability", "postcode_area"):
        checker.get_by_role("checkbox", name=column, exact=True).uncheck()
    checker.get_by_text("(k = 5)").first.wait_for(timeout=SLOW)
    assert "Still kept (special-category data)" not in _checker_text(page)

    code = page.locator(".kit-code").inner_text(timeout=SLOW).strip()
    # the page redraws before the save lands: wait for the save of the last change
    saved = saved_value(workspace_root, code, "privacy.minimisation",
                        lambda v: bool(v) and v["needed"].get("postcode_area") is False)
    assert saved["purpose"] == "Shortlisting applicants" and saved["needed"]["postcode_area"] is False
    assert saved["risk"]["k"] == 5

    reopen_workspace(page, code)
    checker = page.locator(".kit-minimisation")
    checker.get_by_text("(k = 5)").first.wait_for(timeout=SLOW)
    assert not checker.get_by_role("checkbox", name="postcode_area", exact=True).is_checked()
    assert checker.get_by_label("Purpose: what is this data for?").input_value() == "Shortlisting applicants"


def test_uploaded_csv_is_checked_with_markup_shown_as_text(open_lesson, tmp_path):
    page = open_lesson(PRIVACY)
    path = tmp_path / "people.csv"
    rows = ["email,<img src=x onerror=alert(1)>,town"]
    rows += [f"p{i}@example.org,{i % 2},{'North' if i < 10 else 'South'}" for i in range(20)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    checker = page.locator(".kit-minimisation")
    with page.expect_file_chooser() as chooser:
        checker.get_by_role("button", name=re.compile("Upload a CSV file")).click()
    chooser.value.set_files(str(path))
    checker.get_by_text("Checking people.csv: 20 rows and 3 columns").wait_for(timeout=SLOW)
    text = _checker_text(page)
    assert "<img src=x onerror=alert(1)>" in text and "Direct identifier" in text
    assert page.locator("img[src='x']").count() == 0
