"""The regulation parts of the action plan and the guide, the LL144 spreadsheet, the automated-decisions content."""

from __future__ import annotations

import copy
import csv
import io

import pytest

from kit.data import load_hiring
from kit.documents import neutralise_cell, to_html, to_markdown
from kit.hiring import decisions_at
from kit.regulation import (automated_decisions, covers_section, crosswalk, crosswalk_guide_lines, crosswalk_rows,
                            ll144_csv, ll144_summary, parse_automated_decisions, saved_outputs, triage,
                            triage_section)
from kit.workshop import Store, build_plan, parts
from kit.workshop.content import ContentError, load

CV = {"title": "Screen CVs <fast>", "kind": "use_case", "answers": {"annex_iii": ["employment"], "profiling": True}}
CHAT = {"title": "Website chatbot", "kind": "example", "answers": {"transparency": ["interacts_with_people"]}}


def test_the_triage_section_works_each_use_out_again_with_every_duty_and_date():
    section = triage_section({"use_case:Screen CVs <fast>": CV, "example:website_chatbot": CHAT})
    assert section.heading == "EU AI Act triage of our AI uses"
    assert section.paragraphs[0] == ("Screen CVs <fast>: High-risk. Fundamental-rights impact assessment "
                                     "(Article 27): not required.")
    assert any("digital omnibus" in p for p in section.paragraphs)
    assert "not legal advice" in section.paragraphs[-1] and "as of 19 November 2025" in section.paragraphs[-1]
    header, rows = section.table
    assert header == ["AI use", "Tier", "What we must do", "Article", "Applies from"]
    cv = triage(CV["answers"])
    assert [r[3] for r in rows if r[0] == CV["title"]] == [o.article for o, _ in cv.obligations]
    assert ["Website chatbot", "Transparency duties"] == rows[-1][:2] and rows[-1][3] == "50(1)"
    assert rows[-1][4] == "2 August 2026"


def test_a_saved_answer_the_content_no_longer_knows_is_refused_plainly():
    with pytest.raises(ValueError, match="'hiring' is not an id of 'annex_iii'"):
        triage_section({"x": {"title": "Old", "answers": {"annex_iii": ["hiring"]}}})


def test_the_covers_table_lists_the_saved_outputs_and_the_plan_itself():
    assert saved_outputs([]) == [] and covers_section([]) is None
    assert saved_outputs(["bias.own_audit", "regulation.triage"]) == ["bias_audit", "ai_act_triage", "action_plan"]
    section = covers_section(["risk.register"])
    header, rows = section.table
    assert header == ["Our output", "Framework", "Reference", "What it is", "Why it counts"]
    expected = crosswalk_rows(["risk_register", "action_plan"])
    assert [(r[2], r[4]) for r in rows] == [(r.ref, r.reason) for r in expected]
    assert "not an official crosswalk" in section.paragraphs[1] and "as of 19 November 2025" in section.paragraphs[2]


def test_the_plan_carries_the_triage_and_the_covers_table_before_the_next_steps(tmp_path):
    workspace = Store(tmp_path).create()
    workspace.save(parts.TRIAGE.key, {"use_case:Screen CVs <fast>": CV}, schema=parts.TRIAGE.version)
    workspace.save(parts.GOAL.key, "Use AI in hiring fairly")
    plan = build_plan(workspace)
    headings = [s.heading for s in plan.document.sections]
    assert headings[-3:] == ["EU AI Act triage of our AI uses", "What this covers: NIST AI RMF and ISO/IEC 42001",
                             "Keep reviewing and adapting"]
    covered = plan.document.sections[-2].table[1]
    assert {row[0] for row in covered} == {"EU AI Act triage", "Action plan"}
    assert "Screen CVs &lt;fast&gt;" in to_html(plan.document) and "ISO/IEC 42001:2023" in to_markdown(plan.document)
    assert parts.TRIAGE not in plan.missing


def test_the_guide_has_every_crosswalk_row_with_its_lesson_number():
    lines = crosswalk_guide_lines()
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| Output")]
    assert len(rows) == len(crosswalk_rows())
    assert "| Bias audit | 03 | NIST AI RMF 1.0 | MEASURE 2.11 |" in "\n".join(lines)
    assert lines[0] == "## What the workshop's outputs cover" and "not an official crosswalk" in lines[2]
    assert all(source.title in lines[-2] for source in crosswalk().sources)


def test_the_ll144_spreadsheet_matches_the_summary_and_is_safe():
    pool = load_hiring()
    frame = pool.assign(shortlisted=decisions_at(pool, 0.5))
    frame.loc[frame.index[:3], "ethnicity"] = ["=HYPERLINK(1)", None, None]
    summary = ll144_summary(frame, "gender", "ethnicity", outcome="shortlisted")
    rows = list(csv.reader(io.StringIO(ll144_csv(summary))))
    assert rows[0] == ["Table", "Category", "People", "Selected", "Selection rate", "Impact ratio",
                       "Under 2% (excluded from impact ratios)"]
    body = [r for r in rows[1:] if not r[1].startswith("Unknown")]
    expected = [row for name in ("sex", "race_ethnicity", "intersectional") for row in summary.tables[name]]
    assert [(r[1], int(r[2]), int(r[3])) for r in body] == [(neutralise_cell(e.category), e.n, e.selected)
                                                             for e in expected]
    assert "'=HYPERLINK(1)" in [r[1] for r in body]
    assert all(r[5] == "excluded" for r, e in zip(body, expected) if e.impact_ratio is None)
    assert ["Race/ethnicity", "Unknown (left out of the table)", "2", "", "", "", ""] in rows
    assert not any(cell.startswith("=") for row in rows for cell in row)  # a formula is never live


def test_the_automated_decisions_content_sources_and_dates_every_statement():
    content = automated_decisions()
    assert content.as_of and "not legal advice" in content.not_legal_advice
    regimes = {r.id: r for r in content.regimes}
    assert regimes["eu"].law == "EU GDPR, Article 22" and "22A to 22D" in regimes["uk"].law
    for regime in content.regimes:
        for statement in [regime.in_force, regime.rule, regime.special, *regime.allowed, *regime.safeguards]:
            assert len(statement.source) >= 3 and statement.text
    assert [s.source for s in regimes["eu"].allowed] == [f"GDPR Article 22(2)({x})" for x in "abc"]
    assert "5 February 2026" in regimes["uk"].in_force.text
    said = " ".join(s.text for s in regimes["uk"].safeguards)
    for safeguard in ("information", "representations", "human intervention", "contest"):
        assert safeguard in said
    assert "explicit consent" in content.key_point and "special category" in content.key_point


def test_a_broken_automated_decisions_file_is_refused_with_the_fix():
    raw = copy.deepcopy(load("regulation/automated_decisions"))
    del raw["regimes"][0]["rule"]["source"]
    with pytest.raises(ContentError, match=r"automated_decisions\.yaml: .*source"):
        parse_automated_decisions(raw)
