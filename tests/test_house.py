"""The house's layout: no import circles among searchapp's modules, few modules loose at
the package's top, and the names the packaging and the entry points use exist.

Imports are read with ``ast`` (every ``import`` and ``from … import``, also those inside
functions: an import deferred to call time is still a dependency); a module importing
its own package's ``__init__`` is not a circle unless that ``__init__`` imports it back.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE = ROOT / "searchapp"
MAX_LOOSE = 10  # modules directly in searchapp/, __init__.py and __main__.py included


def modules(package: Path) -> dict[str, Path]:
    """Every module of ``package`` by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(package: Path) -> dict[str, set[str]]:
    """Each module of ``package`` -> the modules of ``package`` it imports."""
    mods = modules(package)
    root = package.name

    def owner(name: str) -> str | None:  # the module a dotted name lives in
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                deps.update(owner(a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    base = ".".join(up + ([node.module] if node.module else []))
                if base != root and not base.startswith(root + "."):
                    continue
                for a in node.names:  # `from pkg import module` names a module
                    full = f"{base}.{a.name}"
                    deps.add(full if full in mods else owner(base))
        deps.discard(None)
        deps.discard(name)
        graph[name] = {d for d in deps if d == root or d.startswith(root + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm,
    iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in graph:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def test_no_import_circles_among_searchapp_modules():
    groups = circles(imports(PACKAGE))
    assert not groups, "modules that import each other (directly or round a loop):\n" + \
        "\n".join("  " + " <-> ".join(g) for g in groups)


def test_at_most_ten_modules_loose_at_the_top():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE, f"{len(loose)} modules at searchapp/'s top: {loose}"


def test_the_circle_finder_finds_a_circle(tmp_path):
    """The checks above can fail: a package with a loop through a deferred import,
    a relative import and a package ``__init__``."""
    pkg = tmp_path / "searchapp"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from searchapp.sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("from .c import thing\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from searchapp.sub import thing\n")
    (pkg / "sub" / "c.py").write_text("def g():\n    import searchapp.a\nthing = 1\n")
    (pkg / "lone.py").write_text("from searchapp import a\n")
    graph = imports(pkg)
    assert graph["searchapp.a"] == {"searchapp.sub.b"}
    assert graph["searchapp.sub"] == {"searchapp.sub.c"}
    assert circles(graph) == [["searchapp.a", "searchapp.sub", "searchapp.sub.b",
                               "searchapp.sub.c"]]
    (pkg / "sub" / "c.py").write_text("thing = 1\n")
    assert circles(imports(pkg)) == []


def test_entry_points_resolve():
    """The console and GUI scripts of pyproject.toml, and the frozen app's entry."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    targets = [*project["scripts"].values(), *project["gui-scripts"].values()]
    assert "searchapp.cli:main" in targets
    for target in targets:
        module, _, attr = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attr)), target
    frozen = (ROOT / "packaging" / "searchapp_main.py").read_text(encoding="utf-8")
    for module, name in re.findall(r"from (searchapp[\w.]*) import (\w+)", frozen):
        assert hasattr(importlib.import_module(module), name), (module, name)


def test_the_pyinstaller_specs_hidden_imports_exist():
    spec = (ROOT / "packaging" / "searchapp.spec").read_text(encoding="utf-8")
    named = re.findall(r"""["'](searchapp(?:\.\w+)+)["']""", spec)
    assert named, "the spec names no searchapp module"
    missing = [m for m in named if m not in modules(PACKAGE)]
    assert not missing, f"packaging/searchapp.spec names modules that do not exist: {missing}"

