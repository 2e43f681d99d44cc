"""``kit audit``: outputs, and one plain line with exit code 2 for bad input."""

import argparse
import json
import subprocess
import sys

import pandas as pd
import pytest

from kit.fairness import audit
from kit.fairness._command import add_audit_parser, format_table, main, run_audit
from kit.paths import DATA_DIR

GOOD = ("name,sex,age,hired,qualified\n"
        + "".join(f"p{i},{'F' if i % 2 else 'M'},{'old' if i % 3 else 'young'},"
                  f"{'yes' if i % 4 else 'no'},{'yes' if i % 5 else 'no'}\n" for i in range(200)))


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.csv"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _run(capsys, *argv):
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_parser_plugs_into_a_kit_command_line(good, capsys):
    parser = argparse.ArgumentParser(prog="kit")
    add_audit_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["audit", str(good), "--outcome", "hired", "--group", "sex",
                              "--group", "age", "--positive", "yes"])
    assert args.group == ["sex", "age"] and args.format == "table" and args.out is None
    assert run_audit(args) == 0
    assert "Four-fifths rule:" in capsys.readouterr().out


def test_json_schema(good, capsys):
    code, out, err = _run(capsys, good, "--outcome", "hired", "--group", "sex", "--group", "age",
                          "--label", "qualified", "--positive", "yes", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    types = {"rows": int, "outcome": str, "groups": list, "label": str, "by_group": list,
             "impact_ratio_min": float, "four_fifths_pass": bool,
             "demographic_parity_difference": float,
             "demographic_parity_difference_all_groups": float,
             "equalized_odds_difference": float, "equalized_odds_difference_all_groups": float,
             "warnings": list}
    assert list(data) == list(types)
    assert all(isinstance(data[k], t) for k, t in types.items())
    assert data["rows"] == 200 and data["groups"] == ["sex", "age"] and len(data["by_group"]) == 4
    group_types = {"group": dict, "n": int, "selected": int, "selection_rate": float,
                   "impact_ratio": float, "tpr": float, "fpr": float}
    for entry in data["by_group"]:
        assert all(isinstance(entry[k], t) for k, t in group_types.items())
        assert set(entry["group"]) == {"sex", "age"}
    assert all(isinstance(w, str) for w in data["warnings"])


def test_json_nulls_without_label_and_with_nobody_selected(tmp_path, capsys):
    path = tmp_path / "none.csv"
    path.write_text("g,hired\n" + "a,0\nb,0\n" * 20, encoding="utf-8")
    code, out, _ = _run(capsys, path, "--outcome", "hired", "--group", "g", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["label"] is None and data["equalized_odds_difference"] is None
    assert data["equalized_odds_difference_all_groups"] is None
    assert data["impact_ratio_min"] is None and data["by_group"][0]["impact_ratio"] is None
    assert data["by_group"][0]["tpr"] is None and "NaN" not in out


def test_table_output(good, capsys):
    code, out, _ = _run(capsys, good, "--outcome", "hired", "--group", "sex", "--positive", "yes",
                        "--label", "qualified")
    assert code == 0
    assert out.splitlines()[2].split() == ["group", "n", "selected", "rate", "95%", "range",
                                           "impact", "ratio", "four-fifths", "TPR", "FPR"]
    assert "Four-fifths rule: FAIL" in out and "flagged: M" in out
    assert "screening signal, not legal proof" in out


def _sample_differences():
    """The issue's audit recomputed with pandas: (judged, all groups) for both differences."""
    pool = pd.read_csv(DATA_DIR / "hiring.csv")
    columns = ["gender", "ethnicity"]
    sizes = pool.groupby(columns).size()
    judged = sizes[sizes / len(pool) >= 0.02].index
    out = {}
    for scope, keep in (("judged", judged), ("all", sizes.index)):
        rows = pool[pool.set_index(columns).index.isin(keep)]
        rates = rows.groupby(columns)["shortlisted"].mean()
        gaps = [rows[rows["qualified"] == q].groupby(columns)["shortlisted"].mean()
                for q in (1, 0)]
        out[scope] = (rates.max() - rates.min(), max(g.max() - g.min() for g in gaps),
                      len(keep))
    return out


def test_sample_data_headline_over_judged_groups(capsys):
    expected = _sample_differences()
    dpd, eod, judged = expected["judged"]
    dpd_all, eod_all, shown = expected["all"]
    argv = [DATA_DIR / "hiring.csv", "--outcome", "shortlisted", "--group", "gender",
            "--group", "ethnicity", "--label", "qualified"]
    code, out, _ = _run(capsys, *argv)
    assert code == 0
    scope = f"over the {judged} judged groups"
    everyone = f"over all {shown} groups shown, with the {shown - judged} not judged"
    assert (f"Demographic parity difference, {scope}: "
            f"{dpd:.3f} ({100 * dpd:.1f} percentage points)") in out
    assert (f"Demographic parity difference, {everyone}: "
            f"{dpd_all:.3f} ({100 * dpd_all:.1f} percentage points)") in out
    assert f"Equalized odds difference, {scope}: {eod:.3f} ({100 * eod:.1f} percentage points)" in out
    assert f"Equalized odds difference, {everyone}: {eod_all:.3f}" in out
    assert "Demographic parity difference: 0.667" not in out  # the old headline
    code, out, _ = _run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert data["demographic_parity_difference"] == pytest.approx(dpd, abs=1e-12)
    assert data["equalized_odds_difference"] == pytest.approx(eod, abs=1e-12)
    assert data["demographic_parity_difference_all_groups"] == pytest.approx(dpd_all, abs=1e-12)
    assert data["equalized_odds_difference_all_groups"] == pytest.approx(eod_all, abs=1e-12)
    code, page, _ = _run(capsys, *argv, "--format", "html")
    assert f"{dpd:.3f} ({100 * dpd:.1f} percentage points)" in page
    assert f"{dpd_all:.3f} ({100 * dpd_all:.1f} percentage points)" in page
    assert "in percentage points" not in page


def test_html_to_file(good, tmp_path, capsys):
    target = tmp_path / "report.html"
    code, out, _ = _run(capsys, good, "--outcome", "hired", "--group", "sex", "--positive", "yes",
                        "--format", "html", "--out", target)
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<th scope="col">sex</th>' in page


def test_utf8_bom_and_leading_zeros_are_fine(tmp_path, capsys):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffpostcode,hired\n".encode() + b"01234,1\n01234,0\n02000,1\n" * 20)
    code, out, _ = _run(capsys, path, "--outcome", "hired", "--group", "postcode", "--format", "json")
    assert code == 0
    assert [g["group"]["postcode"] for g in json.loads(out)["by_group"]] == ["01234", "02000"]


BAD_FILES = {
    "empty": (b"", "--outcome hired --group sex", "is empty"),
    "header_only": (b"sex,hired\n", "--outcome hired --group sex", "no data rows"),
    "semicolon": (b"sex;hired\nF;1\nM;0\n", "--outcome hired --group sex", "comma-separated"),
    "tab": (b"sex\thired\nF\t1\nM\t0\n", "--outcome hired --group sex", "comma-separated"),
    "latin1": ("sex,hired\nFrançoise,1\nM,0\n".encode("cp1252"), "--outcome hired --group sex",
               "CSV UTF-8"),
    "duplicate": (b"sex,hired,sex\nF,1,F\n", "--outcome hired --group sex", "Rename one"),
    "ragged": (b"sex,hired\nF,1\nM,0,1\n", "--outcome hired --group sex", "double quotes"),
    "unknown_column": (b"sex,hired\nF,1\nM,0\n", "--outcome hired --group gender",
                       "Available columns: sex, hired"),
    "unknown_outcome": (b"sex,hired\nF,1\nM,0\n", "--outcome hire --group sex", "Did you mean"),
    "not_two_valued": (b"sex,score\nF,1\nM,2\nF,3\n", "--outcome score --group sex", "Recode it"),
    "positive_absent": (b"sex,hired\nF,yes\nM,no\n", "--outcome hired --group sex",
                        "set --positive to one of them"),
    "one_group": (b"sex,hired\nF,1\nF,0\n", "--outcome hired --group sex", "at least two groups"),
    "empty_group": (b"sex,hired\n,1\n,0\n", "--outcome hired --group sex", "Fill it in"),
    "label_not_two_valued": (b"sex,hired,ok\nF,1,a\nM,0,b\nF,1,c\n",
                             "--outcome hired --group sex --label ok", "Recode it"),
    "label_missing": (b"sex,hired,ok\nF,1,1\nM,0,\n", "--outcome hired --group sex --label ok",
                      "fill these in"),
    "same_column": (b"sex,hired\nF,1\nM,0\n", "--outcome hired --group hired",
                    "Choose different columns"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_input_exits_2_with_one_line(case, tmp_path, capsys):
    content, options, fix = BAD_FILES[case]
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    code, out, err = _run(capsys, path, *options.split())
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("kit audit: ")
    assert fix in err and "Traceback" not in err


@pytest.mark.parametrize(("target", "fix"), [("missing.csv", "File not found"), (".", "is a folder")])
def test_missing_file_or_folder(target, fix, tmp_path, capsys):
    code, _, err = _run(capsys, tmp_path / target, "--outcome", "a", "--group", "b")
    assert code == 2 and fix in err and err.count("\n") == 1


def test_unwritable_out(good, tmp_path, capsys):
    code, _, err = _run(capsys, good, "--outcome", "hired", "--group", "sex", "--positive", "yes",
                        "--out", tmp_path / "no" / "such" / "dir.html")
    assert code == 2 and "Choose another --out path" in err and err.count("\n") == 1


def test_as_a_process_no_traceback(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"sex;hired\nF;1\n")
    done = subprocess.run([sys.executable, "-m", "kit.fairness._command", "audit", str(path),
                           "--outcome", "hired", "--group", "sex"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_table_with_no_judged_group_says_undefined():
    result = audit(pd.DataFrame({"g": ["a", "b"] * 10, "hired": [1, 0] * 10}), "hired", "g",
                   min_share=0.6)
    text = format_table(result)
    assert "Demographic parity difference, no group can be judged: undefined" in text
    assert "Demographic parity difference, over all 2 groups shown, with the 2 not judged: 1.000" in text
    assert "Equalized odds difference: n/a (no --label)" in text
