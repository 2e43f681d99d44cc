"""pyproject.toml and environment.yml name the same packages with the same lower bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

from kit.paths import REPO_ROOT

# conda-forge spells a few packages differently from PyPI.
CONDA_NAMES = {}


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    return match[1].lower().replace("_", "-"), match[2].replace(" ", "")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_split(r) for r in requirements)


def _environment() -> dict[str, str]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    found: dict[str, str] = {}
    for item in env["dependencies"]:
        entries = item["pip"] if isinstance(item, dict) else [item]
        for entry in entries:
            if entry.startswith("-e") or entry in ("pip",):
                continue
            name, spec = _split(entry)
            if name != "python":
                found[CONDA_NAMES.get(name, name)] = spec
    return found


def test_environment_and_pyproject_agree():
    assert _environment() == _pyproject()


def test_only_lower_bounds_are_pinned():
    for name, spec in _pyproject().items():
        assert spec.startswith(">=") and "," not in spec and "<" not in spec.replace(">=", ""), (name, spec)


def test_python_floor_matches():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]
