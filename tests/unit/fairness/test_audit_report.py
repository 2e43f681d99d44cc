"""The HTML report: self-contained, escaped, accessible."""

import datetime
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from kit.fairness import audit, audit_html
from kit.fairness._report import audit_sections

EVIL = "<script>alert(1)</script>"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def report():
    df = pd.DataFrame({"group & kind": ["A"] * 100 + [EVIL] * 100,
                       "hired": [1] * 60 + [0] * 40 + [1] * 40 + [0] * 60,
                       "ok": [1, 0] * 100})
    result = audit(df, "hired", "group & kind", label="ok")
    return audit_html(result, title="Audit <Q3>", generated=datetime.date(2025, 3, 14))


def test_user_values_are_escaped(report):
    assert EVIL not in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "group &amp; kind" in report and "Audit &lt;Q3&gt;" in report
    parser = _Collect()
    parser.feed(report)
    assert "script" not in [tag for tag, _ in parser.tags]
    assert EVIL in "".join(parser.text)  # shown as text


def test_self_contained(report):
    assert report.startswith("<!DOCTYPE html>") and report.rstrip().endswith("</html>")
    assert not re.search(r"https?://|src=|<link|@import|url\(", report)


def test_accessible_structure(report):
    parser = _Collect()
    parser.feed(report)
    assert ("html", {"lang": "en"}) in parser.tags
    headers = [attrs for tag, attrs in parser.tags if tag == "th"]
    assert sum(a.get("scope") == "col" for a in headers) == 10
    assert all(a.get("scope") in {"col", "row"} for a in headers)
    assert any(tag == "caption" for tag, _ in parser.tags)


def test_content(report):
    assert "Four-fifths rule: FAILED" in report and "0.667" in report
    assert "2025-03-14" in report and "screening signal, not legal proof" in report
    assert "What the numbers mean" in report and "Caveats" in report
    assert "Equalized odds difference" in report


def test_passing_and_open_verdicts():
    df = pd.DataFrame({"g": ["a", "b"] * 50, "hired": [1, 1] * 50})
    assert "PASSED" in audit_html(audit(df, "hired", "g"))
    df["hired"] = 0
    assert "cannot be judged" in audit_html(audit(df, "hired", "g"))


def test_sections_are_the_parts_of_the_page(report):
    df = pd.DataFrame({"g": ["a", EVIL] * 50, "hired": [1, 0] * 50})
    result = audit(df, "hired", "g")
    sections = audit_sections(result)
    assert set(sections) == {"verdict", "table", "summary", "narration", "caveats"}
    assert sections["table"].startswith("<table>") and EVIL not in sections["table"]
    page = audit_html(result)
    assert all(fragment in page for fragment in sections.values())


def test_summary_shows_differences_as_proportions_and_percentage_points():
    # 'tiny' is too small to judge: the headline covers A and B, the second line every group.
    df = pd.DataFrame({"g": ["A"] * 300 + ["B"] * 300 + ["tiny"] * 6,
                       "hired": [1] * 150 + [0] * 150 + [1] * 90 + [0] * 210 + [1] * 6})
    result = audit(df, "hired", "g")
    rates = df.groupby("g")["hired"].mean()
    headline, everyone = rates["A"] - rates["B"], rates.max() - rates.min()
    summary = audit_sections(result)["summary"]
    assert (f"Demographic parity difference, over the 2 judged groups: "
            f"{headline:.3f} ({100 * headline:.1f} percentage points)") in summary
    assert (f"Demographic parity difference, over all 3 groups shown, with the 1 not judged: "
            f"{everyone:.3f} ({100 * everyone:.1f} percentage points)") in summary
    assert "in percentage points" not in audit_html(result)
    assert "Equalized odds difference: n/a (no label column given)" in summary


def test_no_judged_group_renders():
    result = audit(pd.DataFrame({"g": ["a", "b"] * 10, "hired": [1, 0] * 10}), "hired", "g",
                   min_share=0.6)
    assert "Demographic parity difference, no group can be judged: undefined" in audit_html(result)
