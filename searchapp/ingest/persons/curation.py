"""Curation of persons, kept in the user data folder and applied on top of the registry.

The curated registry is ``persons.toml``/``places.toml`` of the corpus folder
(hand-entered, optional) with the user's curation actions replayed over it.
The actions are what the user did, in order, in ``curation.toml`` of the data
folder (:attr:`searchapp.config.Settings.data_dir`), so they survive
re-indexing and apply to persons the recognizer finds later as well::

    [[action]]
    op = "merge"            # merge | rename | hide | split | role
    name = "Yoon Suk Yeol"
    value = "Yoon Seok-yeol"

* ``merge NAME OTHER``: OTHER (and its aliases) become spellings of NAME;
* ``rename NAME NEW``: the person is called NEW, NAME stays an alias;
* ``hide NAME``: not a person (its spellings are dropped, its mentions too);
* ``split NAME ALIAS``: ALIAS is a person of its own, no longer NAME;
* ``role NAME ROLE``: the person's role.

Applying them needs no model and no re-index: the persons stage re-runs its
resolution step only (:func:`searchapp.index.persons_stage.resolve_persons`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from searchapp.config import CURATION_FILE, PERSONS_REGISTRY, PLACES_REGISTRY
from searchapp.ingest.entities import Person, Registry
from searchapp.ingest.metadata import read_toml
from searchapp.ingest.persons import names as nm

#: The curation actions, each with what its ``value`` means ("" = none).
ACTIONS = {"merge": "OTHER", "rename": "NEW", "hide": "", "split": "ALIAS", "role": "ROLE"}


class CurationError(ValueError):
    """A curation action that cannot be recorded (unknown person or action)."""


@dataclass(frozen=True)
class Action:
    """One curation step: ``op`` on the person ``name`` (``value``: see :data:`ACTIONS`).
    ``spellings`` are the other spellings a hidden found person had when hidden."""

    op: str
    name: str
    value: str = ""
    spellings: tuple[str, ...] = ()

    def to_toml(self) -> str:
        lines = ["[[action]]", f"op = {_s(self.op)}", f"name = {_s(self.name)}"]
        if self.value:
            lines.append(f"value = {_s(self.value)}")
        if self.spellings:
            lines.append("spellings = [" + ", ".join(_s(x) for x in self.spellings) + "]")
        return "\n".join(lines) + "\n"


def _s(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def curation_path(settings) -> Path:
    """Where the user's curation is kept: ``curation.toml`` in the data folder."""
    return Path(settings.data_dir) / CURATION_FILE


def load_actions(path: Path) -> tuple[list[Action], str | None]:
    """The actions recorded at ``path`` (none if it is absent), and a problem, if any."""
    if not path.exists():
        return [], None
    data, problem = read_toml(path)
    out = []
    for row in data.get("action", []):
        try:
            if row["op"] in ACTIONS and str(row["name"]).strip():
                out.append(Action(row["op"], str(row["name"]).strip(),
                                  str(row.get("value", "")).strip(),
                                  tuple(str(x) for x in row.get("spellings", ()))))
        except (KeyError, TypeError):
            continue
    return out, problem


def add_action(path: Path, action: Action) -> None:
    """Record one more action (the file is rewritten whole and replaced atomically)."""
    if action.op not in ACTIONS:
        raise CurationError(f"unknown curation action {action.op!r}: use one of "
                         + ", ".join(ACTIONS))
    if ACTIONS[action.op] and not action.value.strip():
        raise CurationError(f"'{action.op}' needs {ACTIONS[action.op]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text("utf-8") if path.exists() else (
        "# Person curation by searchapp (persons merge|rename|hide|split|role); "
        "applied in order.\n")
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(old.rstrip("\n") + "\n\n" + action.to_toml())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class _Entries:
    """The registry's persons as editable entries, found by any of their spellings."""

    def __init__(self, registry: Registry) -> None:
        self.entries: dict[str, Person] = dict(registry.persons)
        self.not_persons: list[str] = list(registry.not_persons)

    def find(self, name: str) -> Person | None:
        keys = nm.exact_keys(name)
        for p in self.entries.values():
            if any(nm.exact_keys(n) & keys for n in (p.name, *p.aliases)):
                return p
        return None

    def get(self, name: str) -> Person:
        """The entry for ``name``, made (a found person becomes curated) if there is none."""
        p = self.find(name)
        if p is None:
            p = self.entries[name] = Person(name=name)
        return p

    def put(self, old: Person, new: Person) -> None:
        self.entries.pop(old.name, None)
        self.entries[new.name] = new


def _without(names, drop: str) -> tuple[str, ...]:
    keys = nm.exact_keys(drop)
    return tuple(n for n in dict.fromkeys(names) if not nm.exact_keys(n) & keys)


def apply_actions(registry: Registry, actions: list[Action]) -> Registry:
    """A new registry: ``registry`` with ``actions`` applied in order."""
    e = _Entries(registry)
    for a in actions:
        if a.op == "merge":
            keep = e.get(a.name)
            other = e.find(a.value)
            if other is keep:
                continue
            if other is None:
                e.put(keep, replace(keep, aliases=(*keep.aliases, a.value)))
            else:
                e.entries.pop(other.name, None)
                e.put(keep, replace(keep, aliases=_without(
                    (*keep.aliases, other.name, *other.aliases), keep.name),
                    role=keep.role or other.role))
        elif a.op == "rename":
            p = e.get(a.name)
            family = p.family if p.family and p.family in a.value.split() else ""
            e.put(p, replace(p, name=a.value, family=family,
                             aliases=_without((p.name, *p.aliases), a.value)))
        elif a.op == "hide":
            p = e.find(a.name)
            names = [a.name, *a.spellings]
            if p is not None:
                e.entries.pop(p.name, None)
                names += [p.name, *p.aliases]
            e.not_persons.extend(n for n in names if n not in e.not_persons)
        elif a.op == "split":
            p = e.get(a.name)
            e.put(p, replace(p, aliases=_without(p.aliases, a.value)))
            if e.find(a.value) is None:
                e.entries[a.value] = Person(name=a.value)
        elif a.op == "role":
            p = e.get(a.name)
            e.put(p, replace(p, role=a.value))
    out = Registry(list(e.entries.values()), list(registry.places.values()))
    out.not_persons = tuple(e.not_persons)
    out.problems = list(registry.problems)
    return out


def curated_registry(settings) -> Registry:
    """The registry of the data folder and every folder, with the user's curation applied."""
    registry = Registry.load_layers(settings.curation_dirs())
    actions, problem = load_actions(curation_path(settings))
    out = apply_actions(registry, actions)
    if problem:
        out.problems.append((CURATION_FILE, problem))
    return out


def curation_fingerprint(settings) -> str:
    """Changes when the registry files or the curation change."""
    h = hashlib.sha1()
    files = [Path(d) / name for d in settings.curation_dirs()
             for name in (PERSONS_REGISTRY, PLACES_REGISTRY)]
    for f in (*files, curation_path(settings)):
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()
