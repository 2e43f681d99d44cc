"""``kit room``: new, summary, close and list against the SQLite room store in a temp workspace."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from kit.cli import main
from kit.room import contribution_for, reset_room_store, room_store

QUIZ = "quiz.06_chatbot_risk_assessment"


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKSPACE", str(tmp_path))
    monkeypatch.delenv("KIT_DATABASE_URL", raising=False)
    reset_room_store()
    yield tmp_path
    reset_room_store()


def new_room(capsys, name="Leeds council, 4 Dec") -> tuple[str, str]:
    assert main(["room", "new", "--name", name]) == 0
    out = capsys.readouterr().out
    code = re.search(r"Room code:\s+(\S+)", out).group(1)
    trainer = re.search(r"Trainer code:\s+(\S+)", out).group(1)
    assert "give it to attendees" in out and "keep it to yourself" in out
    return code, trainer


def answer(code: str, people: int = 3) -> None:
    store = room_store()
    for n in range(people):
        member = store.join(code)
        store.contribute(member, QUIZ, contribution_for(QUIZ, {"answers": {"prompt-injection": [n % 2]}}))


def test_new_prints_both_codes_and_the_store_is_sqlite_in_the_workspace(capsys, workspace):
    code, trainer = new_room(capsys)
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}", code) and re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){2}", trainer)
    assert (workspace / "rooms.sqlite3").exists()


def test_summary_as_json_html_and_csv(capsys):
    code, trainer = new_room(capsys)
    answer(code)
    assert main(["room", "summary", code, "--trainer-code", trainer, "--lesson", "risk"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["attendees"] == 3 and [p["id"] for p in data["panels"]][0] == QUIZ
    question = next(q for q in data["panels"][0]["data"]["questions"] if q["id"] == "prompt-injection")
    assert (question["answered"], question["right"]) == (3, 2)  # option 0 is right: attendees 0 and 2
    assert main(["room", "summary", code.lower(), "--trainer-code", trainer, "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["room", "summary", code, "--trainer-code", trainer, "--format", "csv", "--lesson", "06"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "Lesson" and {row[0] for row in rows[1:]} == {"risk"}


def test_a_wrong_trainer_code_prints_only_the_refusal(capsys):
    code, trainer = new_room(capsys)
    answer(code)
    wrong = "AAAA-BBBB-CCCC" if trainer != "AAAA-BBBB-CCCC" else "CCCC-BBBB-AAAA"
    assert main(["room", "summary", code, "--trainer-code", wrong]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "not right" in err and "prompt" not in err.lower() and len(err.splitlines()) == 1


def test_an_unknown_lesson_is_named(capsys):
    code, trainer = new_room(capsys)
    assert main(["room", "summary", code, "--trainer-code", trainer, "--lesson", "nope"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "no lesson 'nope'" in err


def test_list_and_close(capsys):
    code, trainer = new_room(capsys, "Room one")
    new_room(capsys, "Room two")
    assert main(["room", "list"]) == 0
    out = capsys.readouterr().out
    assert "2 open rooms" in out and code in out and "Room one" in out and trainer not in out
    assert main(["room", "close", code]) == 0
    assert "deleted" in capsys.readouterr().out
    assert main(["room", "close", code]) == 1
    assert "no open room" in capsys.readouterr().err
    assert main(["room", "summary", code, "--trainer-code", trainer]) == 1
    assert capsys.readouterr().out == ""


def test_a_room_needs_a_name(capsys):
    assert main(["room", "new", "--name", "   "]) == 2
    assert capsys.readouterr().err.startswith("kit room new: ")
