"""pyproject.toml and environment.yml name the same packages, with the same lower bounds, and all that the kit imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import yaml

from kit.paths import PACKAGE_DIR, REPO_ROOT

# conda-forge spells a few packages differently from PyPI.
CONDA_NAMES = {}


def _split(requirement: str) -> tuple[str, str]:
    """Name and version bounds; extras (``psycopg[binary]``) are pip's spelling only, so they are left out."""
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(.*)$", requirement)
    return match[1].lower().replace("_", "-"), match[2].replace(" ", "")


def _pyproject(extras: bool = True) -> dict[str, str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + (project["optional-dependencies"]["test"] if extras else [])
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


def _imported_modules() -> dict[str, str]:
    """Top-level modules imported anywhere in kit/, outside the standard library, each with a file that imports it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top != "kit" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(REPO_ROOT)))
    return found


def test_every_import_is_declared():
    distributions = packages_distributions()
    runtime = _pyproject(extras=False)
    conda = _environment()
    imported = _imported_modules()
    assert "pandas" in imported and "psutil" in imported  # the scan finds imports
    for module, where in imported.items():
        names = [_split(name)[0] for name in distributions.get(module, [])]
        assert names, f"{module} (imported in {where}) is not installed, so no package provides it"
        for declared, where_declared in ((runtime, "pyproject.toml"), (conda, "environment.yml")):
            assert any(name in declared for name in names), \
                f"{module} is imported in {where}: add {names[0]} to {where_declared}"
