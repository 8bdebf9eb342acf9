"""Resolution remembered per document: one new file re-resolves only what it touches.

Finding persons (:func:`searchapp.ingest.persons.people.find_persons`) alternates
*per-document* steps (a document's candidates, its mentions, its places ...) with
*collection* steps over their results (which names are persons, which spellings are
one person, who a bare family name is).  The per-document steps are the costly
ones, and each depends on its document and on a few facts of the collection: the
words used in lower case, the model's votes for a string, whether a name was turned
down, which persons a family name can mean.

:class:`Memo` keeps each per-document step's result with the facts it *read* (as
hashes of ``(table, key)``): a step marked :func:`per_document` whose document is
unchanged and none of whose facts changed since the last run is not run again; its
result is returned as it was.  Collection facts reach the steps only through
:meth:`Memo.table` views, which record every key read and refuse to be changed; a
table is compared with its previous contents when it is made, so what changed is
known before any step reads it.  Iterating over a whole table counts as reading all
of it.  The collection steps themselves run over every document's results each time
(they are cheap); the result is the same as a run that computed everything, which
``tests/test_persons_incremental.py`` checks on real documents.
"""

from __future__ import annotations

import contextvars
import dataclasses
import functools
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from searchapp.ingest.persons.plain import digest, plain
from searchapp.ingest.persons.reads import ALL as _ALL
from searchapp.ingest.persons.reads import Recorder, TrackedMap, TrackedSet, key_hash

#: Bumped when what :meth:`Memo.state` holds changes shape: an older state is ignored.
#: 2: each result pickled on its own (:attr:`Entry.blob`).  3: arguments kept as a digest.
#: 4: the kept sums' dicts of sets hold each member's count (a key written by two
#: documents lost one's members, or all of them when the other was removed).
#: 5: those counts in plain dicts, not Counters (pickled through ``__reduce__``: the kept
#: sums, 11 MB at 100k paragraphs, were written 2x and read 2.7x slower).  6: tables keyed
#: by a document (:class:`ByDocument`) kept with the document, not in the kept sums (9.2 of
#: their 9.4 MB at 100k paragraphs, pickled after every change and read before it).
FORMAT = 6


def _frozen(value):
    """A table's value as it is now (a set or list a later step may grow, copied)."""
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    if isinstance(value, list):
        return tuple(value)
    return value


def _diff(old, new) -> set:
    """Keys whose value (or membership) differs between two versions of a table."""
    if old is None:
        return {_ALL}
    if isinstance(new, (set, frozenset)):
        keys = set(old) ^ set(new)
    else:
        keys = {k for k in old.keys() | new.keys() if old.get(k, _MISSING) != new.get(k, _MISSING)}
    if keys:
        keys.add(_ALL)
    return keys


_MISSING = object()


@dataclass
class Entry:
    """One step's result for one document, and what it depended on."""

    sig: str  # the document's content
    args: bytes  # the step's other arguments as plain data, digested (plain.digest)
    reads: bytes  # hashes of the collection keys read (uint32)
    blob: bytes  # the result, pickled: each use unpickles a copy of its own, and a
    #              remembered run costs its bytes, not a graph of small objects

    def read_keys(self) -> list[int]:
        return np.frombuffer(self.reads, dtype=np.uint32).tolist()

    @property
    def result(self):
        return pickle.loads(self.blob)


@dataclass
class Stats:
    """What a run computed and reused, by step, and the documents it computed steps for."""

    computed: Counter = field(default_factory=Counter)
    reused: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)


class Memo:
    """Per-document step results of the last run and this one (see the module doc).

    ``state`` is what :meth:`state` returned at the end of the last run (None:
    nothing is remembered, every step runs); ``fingerprint`` names everything
    global the results depend on (the rules, the model, the registry): another one
    forgets everything.  ``sigs`` maps each document of this run to its content's
    signature."""

    def __init__(self, state: dict | None, fingerprint: str, sigs: Mapping[str, str]) -> None:
        if not state or state.get("fingerprint") != fingerprint or state.get("format") != FORMAT:
            state = {}
        #: whether this run started from nothing remembered
        self.fresh = not state
        self.fingerprint = fingerprint
        self.sigs = dict(sigs)
        self._old_entries: dict[tuple, Entry] = state.get("entries", {})
        self._old_tables: dict[str, object] = state.get("tables", {})
        self._kept_old: dict[str, dict] = state.get("kept", {})
        self._kept: dict[str, dict] = {}
        self._entries: dict[tuple, Entry] = {}
        self._tables: dict[str, object] = {}
        self._changed: set[int] = set()
        self.recorder = Recorder()
        self.stats = Stats()

    # -- collection tables --------------------------------------------------------------

    def table(self, name: str, data, keep: bool = True):
        """A read-only, recording view of the collection table ``data`` (a set or a
        mapping), compared with its contents at the last run (``keep``: a copy is
        remembered for the next run; False when the caller stores it otherwise and
        passes :meth:`changed_keys`)."""
        if name in self._tables:
            raise ValueError(f"the table {name!r} is made twice in one run")
        self._tables[name] = None
        if keep:  # (a table stored otherwise is not copied: the collection's are large)
            snapshot = (frozenset(data) if isinstance(data, (set, frozenset)) else
                        {k: _frozen(v) for k, v in data.items()})
            self._tables[name] = snapshot
            self.changed_keys(name, _diff(self._old_tables.get(name), snapshot))
        view = TrackedSet if isinstance(data, (set, frozenset)) else TrackedMap
        return view(data, name, self.recorder)

    def changed_keys(self, name: str, keys: Iterable) -> None:
        """Declare the keys of table ``name`` that changed since the last run."""
        self._changed.update(key_hash(name, k) for k in keys)

    # -- per-document steps ------------------------------------------------------------

    def call(self, step: str, fn: Callable, args: tuple, kwargs: dict):
        doc, short, full = _split_args((*args, *kwargs.values()))
        full = digest(full)
        key = (step, doc.doc_id, short)
        sig = self.sigs.get(doc.doc_id)
        rec = self.recorder
        old = self._entries.get(key) or self._old_entries.get(key)
        if (old is not None and sig is not None and old.sig == sig and old.args == full
                and (not old.reads or self._changed.isdisjoint(old.read_keys()))):
            self._entries[key] = old
            self.stats.reused[step] += 1
            if rec.reads is not None:  # called by a step: that step read this too
                rec.nested.append(np.frombuffer(old.reads, dtype=np.uint32))
            return old.result
        outer = (rec.reads, rec.nested)
        rec.reads, rec.nested = {}, []
        try:
            result = fn(*args, **kwargs)
            reads = rec.hashes()
        finally:
            rec.reads, rec.nested = outer
        if rec.reads is not None:
            rec.nested.append(reads)
        if sig is not None:
            self._entries[key] = Entry(sig, full, reads.tobytes(),
                                       pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
        self.stats.computed[step] += 1
        self.stats.documents.add(doc.doc_id)
        return result

    def reusable(self, step: str, doc_id: str) -> Entry | None:
        """The last run's result of a step called with the document alone, if it still
        holds (then it is kept for the next run as it is)."""
        key = (step, doc_id, ())
        old = self._old_entries.get(key)
        sig = self.sigs.get(doc_id)
        if (old is not None and sig is not None and old.sig == sig
                and (not old.reads or self._changed.isdisjoint(old.read_keys()))):
            self._entries[key] = old
            self.stats.reused[step] += 1
            return old
        return None

    def carry(self, step: str, doc_ids: Iterable[str]) -> None:
        """Keep for the next run the last run's results of ``step`` (called with the
        document alone) for ``doc_ids`` that still hold, though this run did not ask for
        them (a :class:`ByDocument` table reads only the documents it is asked about)."""
        for doc_id in doc_ids:
            key = (step, doc_id, ())
            if key in self._entries:
                continue
            old = self._old_entries.get(key)
            sig = self.sigs.get(doc_id)
            if (old is not None and sig is not None and old.sig == sig
                    and (not old.reads or self._changed.isdisjoint(old.read_keys()))):
                self._entries[key] = old

    def sums(self, prefix: str, documents: Iterable, step: Callable, *args, factory=None):
        """The field-by-field sum of ``step(doc, *args)`` over ``documents`` (a dataclass
        of Counters -- summed --, sets -- united -- and dicts of sets -- united key by
        key: a member stays while any document has it), as a ``factory`` instance, kept from run to run: only the parts of
        changed documents are computed, a changed or gone document's old part is taken
        off, and the keys whose sum changed are declared for the tables
        ``prefix.field``."""
        name = f"{step.__module__}.{step.__qualname__}"
        sums: dict[str, dict] = self._kept_old.get(prefix) or {}
        changed: dict[str, set] = {}
        seen = set()
        for doc in documents:
            seen.add(doc.doc_id)
            if self.reusable(name, doc.doc_id) is not None:
                continue
            old = self._old_entries.get((name, doc.doc_id, ()))
            if old is not None:
                _add(sums, old.result, -1, changed)
            _add(sums, step(doc, *args), 1, changed)
        for (step_name, doc_id, _), old in self._old_entries.items():
            if step_name == name and doc_id not in seen:
                _add(sums, old.result, -1, changed)
        for f, keys in changed.items():
            self.changed_keys(f"{prefix}.{f}", keys | {_ALL} if keys else keys)
        self._kept[prefix] = sums
        out = factory()
        for f in dataclasses.fields(out):
            value = getattr(out, f.name)
            agg = sums.get(f.name, {})
            if isinstance(value, Counter):
                setattr(out, f.name, Counter(agg))
            elif isinstance(value, (set, frozenset)):
                setattr(out, f.name, set(agg))
            else:  # a dict of sets, each kept as its members' counts
                setattr(out, f.name, {k: set(members) for k, members in agg.items()})
        return out

    # -- the next run --------------------------------------------------------------------

    def delta(self) -> tuple[bool, dict[tuple, Entry], list[tuple], dict, dict]:
        """What a store keeping :meth:`state` writes after this run: whether it started
        from nothing (then every entry is new), the entries computed in this run (keyed
        ``(step, document id, scalar arguments)``), the keys of the last run's entries
        no longer kept (documents gone or changed), the tables and the kept sums."""
        old = self._old_entries
        changed = {k: e for k, e in self._entries.items() if old.get(k) is not e}
        gone = [k for k in old if k not in self._entries]
        state = self.state()
        return self.fresh, changed, gone, state["tables"], state["kept"]

    def state(self) -> dict:
        """What the next run starts from: this run's results (the steps it ran or
        reused; a document gone takes its results along) and tables."""
        tables = {**{k: v for k, v in self._old_tables.items() if k not in self._tables},
                  **{k: v for k, v in self._tables.items() if v is not None}}
        return {"format": FORMAT, "fingerprint": self.fingerprint, "entries": self._entries,
                "tables": tables, "kept": self._kept}


def _add(sums: dict[str, dict], part, sign: int, changed: dict[str, set]) -> None:
    """Add (``sign`` 1) or take off (-1) one document's part; note the keys whose
    total (or membership) changes."""
    for f in dataclasses.fields(part):
        value = getattr(part, f.name)
        agg = sums.setdefault(f.name, {})
        moved = changed.setdefault(f.name, set())
        if isinstance(value, Counter):
            for k, n in value.items():
                total = agg.get(k, 0) + sign * n
                if total:
                    agg[k] = total
                else:
                    agg.pop(k, None)
                if n:
                    moved.add(k)
        elif isinstance(value, (set, frozenset)):
            for k in value:
                before = agg.get(k, 0)
                total = before + sign
                if total:
                    agg[k] = total
                else:
                    agg.pop(k, None)
                if (before > 0) != (total > 0):
                    moved.add(k)
        elif isinstance(value, dict):  # of sets: each member counted, as sets are
            for k, v in value.items():
                if not isinstance(v, (set, frozenset)):
                    raise TypeError(f"cannot sum the field {f.name!r} (a dict of "
                                    f"{type(v).__name__})")
                have = agg.get(k)
                if have is None:  # (a plain dict: pickled faster than a Counter)
                    have = agg[k] = {}
                flipped = False
                for x in v:
                    before = have.get(x, 0)
                    total = before + sign
                    if total:
                        have[x] = total
                    else:
                        del have[x]
                    flipped = flipped or (before > 0) != (total > 0)
                if not have:
                    del agg[k]
                if flipped:
                    moved.add(k)
        else:
            raise TypeError(f"cannot sum the field {f.name!r} ({type(value).__name__})")


_ACTIVE: contextvars.ContextVar[Memo | None] = contextvars.ContextVar("persons_memo",
                                                                       default=None)


def active() -> Memo | None:
    return _ACTIVE.get()


class using:  # noqa: N801 -- a context manager named for what it does
    """``with using(memo):`` per-document steps called inside remember and reuse."""

    def __init__(self, memo: Memo | None) -> None:
        self.memo = memo
        self._token = None

    def __enter__(self) -> Memo | None:
        self._token = _ACTIVE.set(self.memo)
        return self.memo

    def __exit__(self, *exc) -> None:
        _ACTIVE.reset(self._token)


def per_document(fn: Callable) -> Callable:
    """Mark a step that depends on one document (its first argument that is a
    :class:`DocText`) and on collection facts read through :meth:`Memo.table` views:
    under :func:`using` a memo, its result is remembered and reused (see the module
    doc).  Its other arguments must be plain data (strings, numbers, candidates,
    mentions ...), the raw mentions (:class:`RawStore`, read for the document's own
    paragraphs) or a registry (part of the memo's fingerprint); anything else is
    refused, so that no collection fact reaches it unrecorded."""
    step = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        memo = _ACTIVE.get()
        if memo is None:
            return fn(*args, **kwargs)
        return memo.call(step, fn, args, kwargs)

    wrapper.step = step  # the name its results are kept under (Memo.carry)
    return wrapper


class ByDocument(Mapping):
    """A collection table keyed by ``(document id, ...)``: only that document writes its
    keys, so nothing is summed or kept for it over the collection -- each document's part
    (``part(doc_id)``: a remembered step's result) is read when a key of it is asked for
    (at 100k paragraphs a collection step asks about a few documents; the whole table,
    kept summed, was 9.2 MB pickled after every change).  Iterating reads every part."""

    def __init__(self, part: Callable[[str], Mapping], doc_ids: Iterable[str]) -> None:
        self._part = part
        self._doc_ids = tuple(doc_ids)
        self._parts: dict[str, Mapping] = {}

    def _of(self, doc_id: str) -> Mapping:
        got = self._parts.get(doc_id)
        if got is None:
            got = self._parts[doc_id] = self._part(doc_id)
        return got

    def __getitem__(self, key):
        return self._of(key[0])[key]

    def get(self, key, default=None):
        return self._of(key[0]).get(key, default)

    def __contains__(self, key) -> bool:
        return key in self._of(key[0])

    def __iter__(self) -> Iterator:
        for doc_id in self._doc_ids:
            yield from self._of(doc_id)

    def __len__(self) -> int:
        return sum(len(self._of(d)) for d in self._doc_ids)


# -- arguments ---------------------------------------------------------------------------

class RawStore(Mapping):
    """The raw recognizer mentions by paragraph id, as steps read them: a mapping that
    may load what it holds only when asked (``load(pids)``)."""

    def __init__(self, data: Mapping | None = None,
                 load: Callable[[str], Mapping] | None = None) -> None:
        self._data = dict(data or {})
        self._load = load

    def __getitem__(self, pid: str):
        if pid not in self._data and self._load is not None:
            self._data.update(self._load(pid))
        return self._data[pid]

    def without(self, pids: Iterable[str]) -> RawStore:
        """The same mentions with none for ``pids``."""
        out = RawStore(self._data, self._load)
        out._data = _Blank(self._data, frozenset(pids))
        return out

    def get(self, pid: str, default=None):
        try:
            return self[pid]
        except KeyError:
            return default

    def __contains__(self, pid) -> bool:
        return self.get(pid) is not None

    def __iter__(self) -> Iterator:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class _Blank(dict):
    """Raw mentions with some paragraphs' left out (their lists read as empty)."""

    def __init__(self, data: dict, blank: frozenset[str]) -> None:
        super().__init__(data)
        self._shared, self._blank = data, blank

    def __getitem__(self, pid: str):
        return [] if pid in self._blank else dict.__getitem__(self, pid)

    def get(self, pid, default=None):
        return [] if pid in self._blank else dict.get(self, pid, default)

    def update(self, more) -> None:  # loaded later: kept by the original too
        self._shared.update(more)
        dict.update(self, more)


def _split_args(args: tuple) -> tuple:
    """The document among a step's arguments, and the rest as plain data: ``(doc,
    short, full)`` -- ``short`` (its scalar arguments: the word a step is called with
    for each of a document's candidates) names the entry, ``full`` is compared."""
    doc = None
    short: list = []
    full: list = []
    for a in args:
        role = _ROLES.get(type(a)) or _role(type(a))
        if role is _DOCUMENT and doc is None:
            doc = a
            continue
        if role is _SKIPPED or getattr(a, "_tracked_view", False) is True:
            continue
        value = plain(a)
        full.append(value)
        if role is _SCALAR:
            short.append(value)
    if doc is None:
        raise TypeError("a per-document step was called without a document")
    return doc, tuple(short), tuple(full)


#: What an argument of each type is to :func:`_split_args` (41k step calls at 100k
#: paragraphs, several arguments each: the type is classified once).
_DOCUMENT, _SKIPPED, _SCALAR, _DATA = "document", "skipped", "scalar", "data"
_ROLES: dict[type, str] = {}


def _role(t: type) -> str:
    """A type's role: a :class:`searchapp.ingest.persons.resolve.DocText` (known by its
    fields: resolve imports this module), left out of the comparison (the recording
    views, the raw mentions, a registry: part of the memo's fingerprint), a scalar (it
    names the entry too) or other data.  A collection object whose tables are tracked
    views (:func:`tracked`) is known by the copy itself, not by its type."""
    from searchapp.ingest.entities import Registry

    fields = getattr(t, "__dataclass_fields__", None)
    if fields is not None and "doc_id" in fields and "paragraphs" in fields:
        role = _DOCUMENT
    elif issubclass(t, (TrackedSet, TrackedMap, RawStore, Registry)):
        role = _SKIPPED
    elif issubclass(t, (str, int, float, bool, type(None))):
        role = _SCALAR
    else:
        role = _DATA
    _ROLES[t] = role
    return role


def tracked(obj, memo: Memo, prefix: str, tables: Iterable[str], keep: bool = True):
    """A shallow copy of ``obj`` (a dataclass or plain object) whose attributes named
    in ``tables`` are recording views (:meth:`Memo.table` as ``prefix.name``): what
    per-document steps are given instead of the collection's own object."""
    import copy

    view = copy.copy(obj)
    for name in tables:
        object.__setattr__(view, name, memo.table(f"{prefix}.{name}", getattr(obj, name), keep))
    object.__setattr__(view, "_tracked_view", True)
    return view
