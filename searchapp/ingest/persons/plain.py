"""A per-document step's arguments as plain data, and a digest of them.

:class:`searchapp.ingest.persons.memo.Memo` reuses a step's remembered result only when
the step is called with the same arguments as then.  The arguments (candidates,
mentions, sets of names ...) are taken as plain, canonical data (:func:`plain`: a
dataclass field by field, a set as its members sorted) and kept as 16 bytes
(:func:`digest`), equal for equal arguments in any process.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
from collections.abc import Mapping

_SCALARS = (str, int, float, bool, type(None), bytes)


def plain(a):
    """A step's argument as plain, comparable data taken now (a copy of what a later
    step may change), canonical: a set becomes its members sorted (:func:`_set`), so
    that equal arguments give equal bytes in any process (:func:`digest`)."""
    if isinstance(a, _SCALARS):
        return a
    if type(a) is frozenset:
        return _set(a)
    kind = _KINDS.get(type(a))
    if kind is None:
        kind = _KINDS[type(a)] = _kind(type(a))
    if kind == "frozen":
        return a
    if kind == "seq":
        if not a:
            return ()
        first = _KINDS.get(type(a[0])) or _plain_kind(a[0])
        if first == "frozen" and all(type(x) is type(a[0]) for x in a):
            return tuple(a)
        if callable(first) and all(type(x) is type(a[0]) for x in a):
            return tuple(map(first, a))
        return tuple(map(plain, a))
    if kind == "set":
        return _set(plain(x) for x in a)
    if kind == "map":
        return tuple((plain(k), plain(v)) for k, v in a.items())
    return (type(a).__name__, *(plain(x) for x in kind(a)))


#: Marks a canonical set in plain data (a set and a tuple of the same members differ):
#: a constant marshal writes (:func:`digest`) and no argument holds.
_SET = ...


def _set(items) -> tuple:
    """Set members as a tuple in a fixed order (their own when they compare, else by
    their repr): the order of a set of strings changes from process to process."""
    items = list(items)
    try:
        items.sort()
    except TypeError:
        items.sort(key=repr)
    return (_SET, *items)


def digest(full: tuple) -> bytes:
    """16 bytes that stand for a step's plain arguments (:func:`plain`): equal for equal
    arguments in any process, different otherwise but by a 128-bit collision.  Written
    by marshal's version 2, which has no references and no interned strings: its bytes
    depend on values, never on which objects are shared (4x faster than a pickle
    without memo, the same guarantee)."""
    return hashlib.blake2b(marshal.dumps(full, 2), digest_size=16).digest()


@functools.lru_cache(maxsize=65536)
def _frozen(value: frozenset) -> tuple:
    """:func:`_set` of a frozenset, remembered (a few distinct sets of cues are met
    hundreds of thousands of times at 100k paragraphs)."""
    return _set(value)


def _plain_kind(x):
    if isinstance(x, _SCALARS):
        return "frozen"
    kind = _KINDS[type(x)] = _kind(type(x))
    return kind


_KINDS: dict[type, object] = {}
#: Field annotations of values that cannot change once made.
_IMMUTABLE = frozenset({"int", "str", "bool", "float", "bytes", "frozenset[str]",
                        "tuple[str,...]", "tuple[int,...]"})
#: ... and those taken as they are (a frozenset's order depends on the process).
_SCALAR_TYPES = frozenset({"int", "str", "bool", "float", "bytes", "tuple[str,...]",
                           "tuple[int,...]"})


def _kind(t: type):
    """How a type's values are taken as plain data: a dataclass field by field (a tuple
    of its fields when they are all scalars), containers item by item."""
    import operator

    if dataclasses.is_dataclass(t):
        fs = dataclasses.fields(t)
        types = [str(f.type).replace(" ", "") for f in fs]
        get = operator.attrgetter(*(f.name for f in fs))
        if len(fs) > 1 and all(x in _IMMUTABLE for x in types):
            if all(x in _SCALAR_TYPES for x in types):
                return get  # every field immutable: taken as they are
            sets = [i for i, x in enumerate(types) if x not in _SCALAR_TYPES]
            if len(sets) == 1:  # (a candidate's cues): that field's plain form remembered
                i = sets[0]
                return lambda a: (*(t := get(a))[:i], _frozen(t[i]) if type(t[i]) is frozenset
                                  else plain(t[i]), *t[i + 1:])
            return lambda a: tuple(_frozen(v) if type(v) is frozenset else v for v in get(a))
        return (lambda a: tuple(map(plain, get(a)))) if len(fs) > 1 else \
            (lambda a: (plain(get(a)),))
    if issubclass(t, (list, tuple)):
        return "seq"
    if issubclass(t, (set, frozenset)):
        return "set"
    if issubclass(t, Mapping):
        return "map"
    raise TypeError(f"a per-document step got a {t.__name__}: only plain data, "
                    "tracked collection tables, the raw mentions or the registry may reach it")
