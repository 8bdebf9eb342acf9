"""Every private Whoosh name searchapp relies on exists, with the expected shape.

The names are listed once, in ``searchapp.index.whoosh.PRIVATE``; this test reads
the room's source to check the list is complete, and checks each name in the
installed Whoosh.  An upgrade that renames or removes one fails here, naming it.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from searchapp.index.whoosh import PRIVATE

ROOM = Path(__file__).resolve().parent.parent / "searchapp" / "index" / "whoosh"
CORE = ROOM.parent.parent


def _resolve(dotted: str):
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for name in parts[i:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(dotted)


def _private_names_used(path: Path) -> set[str]:
    """Private attributes used on objects other than self/cls, and private names
    imported from whoosh."""
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                and not node.attr.startswith("__"):
            base = node.value
            if isinstance(base, ast.Name) and base.id in ("self", "cls"):
                continue
            found.add(node.attr)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            found.update(a.name for a in node.names if a.name.startswith("_"))
    return found


def _our_private_helpers(path: Path) -> set[str]:
    """Private names the module defines itself (its own helpers)."""
    tree = ast.parse(path.read_text("utf-8"))
    return {n.name for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name.startswith("_")}


def test_the_list_names_every_private_name_the_room_uses():
    listed = {n for methods, attrs in PRIVATE.values() for n in (*methods, *attrs)}
    ours = set().union(*(_our_private_helpers(p) for p in ROOM.glob("*.py")))
    for path in ROOM.glob("*.py"):
        missing = _private_names_used(path) - listed - ours
        assert not missing, f"{path.name} uses private Whoosh names not in PRIVATE: {missing}"


def test_no_private_whoosh_name_outside_the_room():
    for path in CORE.rglob("*.py"):
        if ROOM in path.parents or path.parent == ROOM:
            continue
        text = path.read_text("utf-8")
        if "whoosh" not in text:
            continue
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path}: imports {private} from {node.module}"


@pytest.mark.parametrize("owner", sorted(PRIVATE))
def test_each_private_name_exists_in_the_installed_whoosh(owner):
    obj = _resolve(owner)
    methods, attrs = PRIVATE[owner]
    for name in methods:
        assert callable(getattr(obj, name, None)), f"{owner}.{name} is gone or not callable"
    if attrs:
        source = "".join(inspect.getsource(k) for k in inspect.getmro(obj)
                         if k.__module__.startswith("whoosh"))
        for name in attrs:
            assert re.search(rf"self\.{name}\b\s*=", source), \
                f"{owner} no longer sets self.{name}"


def test_whoosh_is_the_pinned_version():
    from importlib.metadata import version

    pyproject = (CORE.parent / "pyproject.toml").read_text("utf-8")
    pinned = re.search(r'"whoosh-reloaded==([\d.]+)"', pyproject)
    assert pinned, "whoosh-reloaded must be pinned exactly in pyproject.toml"
    assert version("whoosh-reloaded") == pinned.group(1)


def test_the_patches_refuse_to_apply_to_a_changed_whoosh(monkeypatch):
    """Renaming a patched method makes apply() fail loudly, not become dead code."""
    from whoosh.codec import whoosh3

    from searchapp.index.whoosh import patches

    monkeypatch.delattr(whoosh3.W3PerDocReader, "_cached_reader")
    with pytest.raises(RuntimeError, match="_cached_reader"):
        patches.apply()
