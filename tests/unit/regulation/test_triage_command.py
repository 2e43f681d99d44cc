"""``kit triage``: JSON and text out, exit code 2 with one plain line for a bad answers file."""

from __future__ import annotations

import json

import pytest

from kit.cli import main


def _run(capsys, tmp_path, content, *extra):
    path = tmp_path / "answers.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    code = main(["triage", "--answers", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_the_issues_shape(capsys, tmp_path):
    code, out, err = _run(capsys, tmp_path, {"annex_iii": ["creditworthiness"], "profiling": True},
                          "--format", "json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["tier"] == "high_risk" and result["fria_required"] is True
    assert result["transparency_duties"] == [] and "27" in result["articles"]


def test_text_is_the_default(capsys, tmp_path):
    code, out, _ = _run(capsys, tmp_path, {"transparency": ["interacts_with_people"]})
    assert code == 0 and "tier: Transparency duties" in out and "Article 50(1)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"annex_iii": ["hiring"]}, "'hiring' is not an id of 'annex_iii'. Valid ids: biometrics,"),
        ({"annex_3": []}, "'annex_3' is not a question id. Valid ids: practices,"),
        ({"profiling": "true"}, "'profiling' must be true or false"),
        ({"practices": "social_scoring"}, "'practices' must be a list of ids"),
        ('{"profiling": true,}', "is not valid JSON"),
        ("", "is not valid JSON"),
        ("[1, 2]", "must be one JSON object"),
        (b"\xff\xfe{}", "save it as a UTF-8 text file"),
    ],
)
def test_bad_answers_exit_2_with_one_plain_line(capsys, tmp_path, content, message):
    code, out, err = _run(capsys, tmp_path, content)
    assert code == 2 and out == ""
    assert err.startswith("kit triage: ") and message in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_a_missing_file_is_named(capsys, tmp_path):
    code = main(["triage", "--answers", str(tmp_path / "nope.json")])
    err = capsys.readouterr().err
    assert code == 2 and "there is no file" in err and "nope.json" in err


def test_a_wrong_format_is_refused_by_the_parser(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        _run(capsys, tmp_path, {}, "--format", "html")
    assert stop.value.code == 2
