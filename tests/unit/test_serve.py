"""``kit serve`` starts Voilà with the room-safe settings."""

from __future__ import annotations

import pytest

from kit.cli import build_parser, main
from kit.serve import ServeOptions, lab_command, voila_command


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
