"""kit doctor and kit handouts: plain answers for a trainer, the right exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kit.cli import main
from kit.delivery import _doctor, _pdf
from kit.paths import CONTENT_DIR
from kit.workshop import Texts, agenda_names, content, every_texts


def test_doctor_says_ready_on_a_working_machine(capsys, monkeypatch):
    monkeypatch.setattr(_doctor, "_port", lambda ip, port: _doctor.Check("Port", True, "free"))
    assert main(["doctor", "--room", "2"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("Ready.") and "OK   Content files" in out and "a room of 2 needs about" in out


def test_doctor_names_a_broken_content_file_and_what_to_do(capsys, monkeypatch):
    real = content.load
    monkeypatch.setattr(content, "load", lambda name: [{"id": "Bad Id"}] if name == "lessons" else real(name))
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FIX  Content files: lessons.yaml: entry 1 ('Bad Id'), 'id'" in out
    assert "What to do: Correct the file named above" in out and "Not ready:" in out


def test_doctor_names_missing_pdf_libraries_with_the_install_command(capsys, monkeypatch):
    def unavailable():
        raise _pdf.PdfUnavailable("PDF files need WeasyPrint and Debian's Pango library, which could not be "
                                  "loaded (no libpango). Run: sudo apt-get install -y libpango-1.0-0")

    monkeypatch.setattr(_pdf, "_weasyprint", unavailable)
    monkeypatch.setattr(_doctor, "_port", lambda ip, port: _doctor.Check("Port", True, "free"))
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FIX  Printed handouts and certificates" in out
    assert "What to do: Run: sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core" in out


def test_doctor_refuses_a_room_of_nobody(capsys):
    assert main(["doctor", "--room", "0"]) == 2
    assert "--room is the number of people" in capsys.readouterr().err


def test_doctor_reads_every_content_file():
    """Each YAML file under kit/content is read by one of the doctor's readers (a fresh process, no caches)."""
    probe = ("import json\nimport kit.workshop.content as c\nseen = set()\nread = c._read.__wrapped__\n"
             "c._read = lambda name: (seen.add(name), read(name))[1]\n"
             "from kit.delivery._doctor import content_problems\nassert content_problems() == []\n"
             "print(json.dumps(sorted(seen)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = {str(p.relative_to(CONTENT_DIR).with_suffix("")) for p in CONTENT_DIR.rglob("*.yaml")}
    assert files - set(json.loads(done.stdout)) == set()


@pytest.fixture()
def fresh_texts():
    """Texts are read once per process: read them again for the test, and again after it."""
    Texts.texts.cache_clear()
    yield
    Texts.texts.cache_clear()


@pytest.mark.parametrize(("name", "change", "words"), [
    ("feedback/03_bias_in_hiring", lambda d: d["check_impact_by_gender"].update(hint="at least 2% of the pool"),
     "feedback/03_bias_in_hiring.yaml: 'check_impact_by_gender', 'hint': keep {share}"),
    ("feedback/common", lambda d: d["labels"].pop("retry"),
     "feedback/common.yaml: 'labels', 'retry': this is missing; expected a text in quotes"),
    ("narration", lambda d: d["words"].update(points="{value} points of {total}"),
     "narration.yaml: 'words', 'points': {total} is not a value the kit fills in here; it fills in {value}"),
])
def test_doctor_reads_the_feedback_and_narration_texts(monkeypatch, fresh_texts, name, change, words):
    real = content.load
    broken = real(name)
    change(broken)
    monkeypatch.setattr(content, "load", lambda wanted: broken if wanted == name else real(wanted))
    assert [problem for problem in _doctor.content_problems() if words in problem]
    assert name in {texts.name for texts in every_texts()}


@pytest.mark.parametrize(("name", "change", "words"), [
    ("next_steps", lambda d: d.pop("heading"), "next_steps.yaml: 'heading': this is missing; expected the section's"),
    ("vendor_questions", lambda d: d[1].update(good_answer=""),
     "vendor_questions.yaml: entry 2, 'good_answer': String should have at least 1 character; expected what a good"),
    ("model_card", lambda d: d.update(caveat=["x"]), "model_card.yaml: 'caveat': this key is not one the kit reads"),
    ("explanation_letter", lambda d: d.update(opening="{scor}"),
     "explanation_letter.yaml: 'opening': the opening may use only the placeholders"),
    ("use_case_scales", lambda d: d["risk"]["levels"].pop(5),
     "use_case_scales.yaml: 'risk', 'levels': the levels are 1, 2, 3, 4; give exactly the levels 1, 2, 3, 4 and 5"),
])
def test_doctor_names_a_broken_file_its_entry_and_the_fix(monkeypatch, name, change, words):
    real = content.load
    broken = real(name)
    change(broken)
    monkeypatch.setattr(content, "load", lambda wanted: broken if wanted == name else real(wanted))
    problems = [problem for problem in _doctor.content_problems() if problem.startswith(f"{name}.yaml")]
    assert problems and words in problems[0], problems


def test_handouts_for_an_unknown_agenda_lists_the_agendas(capsys, tmp_path):
    assert main(["handouts", "--agenda", "Weekend retreat", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no agenda called 'Weekend retreat'" in err and all(name in err for name in agenda_names())
    assert list(tmp_path.iterdir()) == []


def test_handouts_without_pdf_libraries_say_what_to_install(capsys, tmp_path, monkeypatch):
    def unavailable():
        raise _pdf.PdfUnavailable("PDF files need WeasyPrint ... Run: sudo apt-get install -y libpango-1.0-0")

    monkeypatch.setattr(_pdf, "_weasyprint", unavailable)
    assert main(["handouts", "--agenda", agenda_names()[0], "--out", str(tmp_path)]) == 1
    assert "sudo apt-get install" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["SMB full day", "Sales team half day"])
def test_an_agenda_has_a_folder_name_a_shell_can_type(name):
    from kit.delivery.handouts._write import folder_name

    assert folder_name(name) == name.lower().replace(" ", "-")
