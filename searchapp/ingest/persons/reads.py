"""What a remembered step reads of the collection, recorded (:mod:`searchapp.ingest.persons.memo`).

A per-document step sees the collection's tables only through these read-only views;
each key it asks for is written down with its table, and :class:`Recorder` gives the
step's reads as hashes (:func:`key_hash`) to keep beside its result.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import numpy as np

#: A whole table read (iterated, its size asked).
ALL = "\x00*"


def key_hash(table: str, key) -> int:
    """The hash a read of ``table[key]`` is remembered by (CRC-32: a collision only
    makes a step run again that did not need to)."""
    if not isinstance(key, str):
        key = repr(key)
    return zlib.crc32(key.encode("utf-8", "surrogatepass"), zlib.crc32(table.encode()))


class Recorder:
    """The keys the running step reads, by table (None: no step is recording), and the
    reads of the remembered steps it called."""

    __slots__ = ("reads", "nested")

    def __init__(self) -> None:
        self.reads: dict[str, set] | None = None
        self.nested: list[np.ndarray] = []

    def read(self, table: str, key) -> None:
        if self.reads is not None:
            self.reads.setdefault(table, set()).add(key)

    def hashes(self) -> np.ndarray:
        reads = self.reads or {}
        own = np.fromiter((key_hash(t, k) for t, keys in reads.items() for k in keys),
                          dtype=np.uint32)
        return np.unique(np.concatenate([own, *self.nested])) if self.nested else np.unique(own)


class TrackedSet:
    """A read-only view of a collection's set that records the members asked for."""

    __slots__ = ("_data", "_name", "_rec")

    def __init__(self, data, name: str, rec: Recorder) -> None:
        self._data, self._name, self._rec = data, name, rec

    def __contains__(self, key) -> bool:
        self._rec.read(self._name, key)
        return key in self._data

    def __iter__(self) -> Iterator:
        self._rec.read(self._name, ALL)
        return iter(self._data)

    def __len__(self) -> int:
        self._rec.read(self._name, ALL)
        return len(self._data)

    def __bool__(self) -> bool:
        self._rec.read(self._name, ALL)
        return bool(self._data)

    def __reduce__(self):  # a view is never kept: what it shows is
        raise TypeError(f"the collection table {self._name!r} cannot be kept by a step")


class TrackedMap:
    """A read-only view of a collection's mapping (a dict, a Counter: a missing key
    reads as the mapping itself answers) that records the keys asked for."""

    __slots__ = ("_data", "_name", "_rec")

    def __init__(self, data, name: str, rec: Recorder) -> None:
        self._data, self._name, self._rec = data, name, rec

    def __getitem__(self, key):
        self._rec.read(self._name, key)
        return self._data[key]

    def get(self, key, default=None):
        self._rec.read(self._name, key)
        return self._data.get(key, default)

    def __contains__(self, key) -> bool:
        self._rec.read(self._name, key)
        return key in self._data

    def _all(self):
        self._rec.read(self._name, ALL)
        return self._data

    def __iter__(self) -> Iterator:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __bool__(self) -> bool:
        return bool(self._all())

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()

    def __reduce__(self):
        raise TypeError(f"the collection table {self._name!r} cannot be kept by a step")
