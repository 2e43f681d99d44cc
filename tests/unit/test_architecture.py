"""The house plan holds: few top-level modules, small modules, no import circle, logic never imports widgets."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[2] / "kit"
#: Packages of widgets: the shared toolkit and every capability's ``ui`` beneath its logic; and the printed
#: handouts, which draw the apps' own charts onto paper.
WIDGET_ROOTS = ("kit.toolkit", "kit.delivery.handouts")
#: Entry points, like notebooks, may start any page or print any handout.
ENTRY_POINTS = ("kit.cli", "kit.__main__", "kit.delivery._command")
MAX_TOP_LEVEL, MAX_LINES = 10, 400


def _module(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_widgets(module: str) -> bool:
    return module.startswith(WIDGET_ROOTS) or ".ui" in f"{module}." and ".ui." in f"{module}."


def _imports(path: Path, module: str) -> set[str]:
    """Every kit module ``path`` imports, at the top or inside a function (relative imports resolved)."""
    found = set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from pkg import module`
    return found


MODULES = {_module(p): p for p in KIT.rglob("*.py")}
GRAPH = {name: {m for m in _imports(path, name) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_few_modules_at_the_top_of_the_package():
    top = sorted(p.name for p in KIT.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, top


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_long_to_read(name):
    assert len(MODULES[name].read_text().splitlines()) <= MAX_LINES


def test_no_import_circle():
    """Walk the graph depth first; a module met again on the current path closes a circle."""
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for other in sorted(GRAPH[name]):
            if other.startswith(f"{name}.") or name.startswith(f"{other}."):
                continue  # a package and its own modules: the face imports its parts
            if state.get(other) == "open":
                pytest.fail("import circle: " + " → ".join(path[path.index(other):] + [other]))
            if other not in state:
                visit(other, path + [other])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not _is_widgets(n) and n not in ENTRY_POINTS))
def test_logic_never_imports_widgets(name):
    """Pure logic stays testable without a page: no ipywidgets, no widget module of the kit."""
    imported = _imports(MODULES[name], name)
    assert not {m for m in imported if m.split(".")[0] in ("ipywidgets", "IPython")}, name
    assert not {m for m in imported if m in MODULES and _is_widgets(m)}, name


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n not in ("kit.toolkit._plots",)))
def test_matplotlib_is_imported_in_one_place(name):
    assert not {m for m in _imports(MODULES[name], name) if m.split(".")[0] == "matplotlib"}, name


def test_the_checker_finds_a_circle_and_a_widget_import(tmp_path):
    """The checks above can fail: a made-up circle and a logic module importing a widget."""
    graph = {"kit.a": {"kit.b"}, "kit.b": {"kit.a"}}
    assert "kit.b" in graph["kit.a"] and "kit.a" in graph["kit.b"]
    bad = tmp_path / "bad.py"
    bad.write_text("from kit.toolkit import notice\nimport ipywidgets\n")
    imported = _imports(bad, "kit.measure._bad")
    assert "kit.toolkit.notice" in imported and "ipywidgets" in imported and _is_widgets("kit.toolkit")
    assert _is_widgets("kit.risk.ui._register") and not _is_widgets("kit.risk._register")


def _kit_imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "kit":
            yield node.module, [alias.name for alias in node.names]


SCRIPTS = {str(p.relative_to(KIT.parent)): p for p in sorted((KIT.parent / "bench").glob("*.py"))}


@pytest.mark.parametrize("name", sorted(MODULES) + sorted(SCRIPTS))
def test_every_import_of_the_kit_resolves(name):
    """Imports inside functions (and in benchmarks, run by hand) run late: check each names something real."""
    for module, names in _kit_imports(MODULES.get(name) or SCRIPTS[name]):
        found = importlib.import_module(module)
        missing = [n for n in names if not hasattr(found, n) and importlib.util.find_spec(f"{module}.{n}") is None]
        assert not missing, f"{name}: from {module} import {', '.join(missing)}"
