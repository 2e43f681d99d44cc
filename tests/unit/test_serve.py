"""``kit serve`` starts Voilà with the room-safe settings."""

from __future__ import annotations

import json

import pytest

from kit.cli import build_parser, main
from kit.paths import NOTEBOOKS_DIR
from kit.serve import ServeOptions, lab_command, parse_pool, voila_command


def test_default_command_is_safe_for_a_room():
    argv = voila_command(ServeOptions())
    assert "--Voila.port_retries=0" in argv and "--port=8866" in argv
    assert "--Voila.show_tracebacks=False" in argv and "--MappingKernelManager.allow_tracebacks=False" in argv
    assert "--preheat_kernel=True" in argv and "--MappingKernelManager.cull_idle_timeout=600" in argv
    assert "--Voila.ip=127.0.0.1" in argv and argv[-1].startswith("--")


def test_options_change_the_command():
    argv = voila_command(ServeOptions(port=9000, ip="0.0.0.0", preheat=False, extra=("--theme=dark",)))
    assert "--port=9000" in argv and "--Voila.ip=0.0.0.0" in argv
    assert not any(a.startswith("--preheat") for a in argv) and argv[-1] == "--theme=dark"


def test_start_url_points_at_the_gallery():
    assert ServeOptions(port=8870).url() == "http://localhost:8870/voila/render/00_start_here.ipynb"


def test_lab_command_opens_the_repo():
    assert any(a.startswith("--ServerApp.root_dir=") for a in lab_command())


@pytest.mark.parametrize("command", ["serve", "lab", "exercises", "guide", "audit"])
def test_help_describes_every_command(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_top_level_help_lists_commands():
    text = build_parser().format_help()
    for command in ("serve", "lab", "exercises", "audit"):
        assert command in text


def test_exercises_check_passes_on_the_repo(capsys):
    assert main(["exercises", "--check"]) == 0


def test_serve_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["serve", "--notebooks", str(tmp_path / "nope")]) == 2
    assert "no folder" in capsys.readouterr().err


def test_serve_can_serve_another_folder(tmp_path):
    argv = voila_command(ServeOptions(notebooks=tmp_path))
    assert argv[3] == str(tmp_path)


def test_a_lesson_pool_sized_for_the_room_reaches_voila():
    argv = voila_command(ServeOptions(pool_size=2, pools=(("03_bias_in_hiring.ipynb", 30),)))
    config = next(a for a in argv if a.startswith("--VoilaKernelManager.kernel_pools_config="))
    sizes = json.loads(config.partition("=")[2])
    assert sizes == {"default": {"pool_size": 2}, "03_bias_in_hiring.ipynb": {"pool_size": 30}}
    assert not any("kernel_pools_config" in a for a in voila_command(ServeOptions()))


@pytest.mark.parametrize("text, expected", [("03=30", ("03_bias_in_hiring.ipynb", 30)),
                                            ("06_chatbot_risk_assessment.ipynb=5",
                                             ("06_chatbot_risk_assessment.ipynb", 5))])
def test_pool_names_a_lesson_by_number_or_file(text, expected):
    assert parse_pool(text, NOTEBOOKS_DIR) == expected


@pytest.mark.parametrize("text, words", [("03", "such as --pool 03=30"), ("03=many", "such as --pool 03=30"),
                                         ("99=4", "no single lesson is called '99'"), ("1=4", "no single lesson")])
def test_a_bad_pool_is_refused_in_plain_words(text, words, capsys):
    assert main(["serve", "--pool", text]) == 2
    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error
