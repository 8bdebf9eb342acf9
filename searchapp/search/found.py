"""Persons and places found by the persons stage, as the engine serves them.

The stage (:mod:`searchapp.index.persons_stage`) writes ``persons.json``
beside the index.  :class:`FoundPersons` reads it once per change and

* replaces the person and place columns of the paragraphs it covers
  (:meth:`FoundPersons.apply`), so facets, ``--person`` and ``person:`` see
  the registry's persons *and* found ones, under the curated names;
* resolves any spelling to the canonical person (:meth:`FoundPersons.canonical`):
  aliases and spellings seen, their hyphen/space/case/order variants, titled
  forms ("President Yoon", "Mr. Xi"), romanization variants and native
  script (尹錫悅, 习近平);
* gives hits and document views their persons, places and mention spans
  (:meth:`FoundPersons.annotate`), and their quotations with their speakers;
* makes the quoted persons a facet of their own ("speaker": ``said:``, ``--said``),
  counted per person in :attr:`FoundPersons.quoted_count`.

Paragraphs indexed after the stage last ran keep the index's own (registry)
persons until it runs again.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np

from searchapp.index import PERSONS_FILE
from searchapp.index.persons_stage import read_sidecar
from searchapp.index.speakers import KINDS
from searchapp.index.whoosh.readers import Columns
from searchapp.ingest.entities import Mention
from searchapp.ingest.persons import names as nm
from searchapp.lexicon import POSSESSIVE_END, TITLES

_TITLE = re.compile(rf"^(?:(?:{TITLES})\s+)+")


def sidecar_stamp(index_dir: Path) -> tuple[int, int] | None:
    """Changes whenever ``persons.json`` is rewritten (None: there is none)."""
    try:
        st = (Path(index_dir) / PERSONS_FILE).stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class FoundPersons:
    """The persons stage's output, indexed for the engine."""

    def __init__(self, data: dict) -> None:
        self.persons: list[dict] = data["persons"]
        self.places: list[str] = data["places"]
        self.paragraphs: dict[str, list] = data["paragraphs"]
        self.pid_index = {pid: i for i, pid in enumerate(self.paragraphs)}
        self._csr = [_csr(self.paragraphs.values(), k) for k in (0, 1)]
        #: pid -> [[start, end, speaker index or -1, source, kind], ...]
        self.quotes: dict[str, list] = data.get("quotes") or {}
        speakers = [[sorted({r[2] for r in self.quotes.get(pid, ()) if r[2] >= 0})]
                    for pid in self.paragraphs]
        self._csr.append(_csr(speakers, 0))
        quoted = Counter(k for row in speakers for k in row[0])
        self.quoted_count = {p["name"]: quoted.get(i, 0) for i, p in enumerate(self.persons)}
        counts = Counter(i for row in self.paragraphs.values() if row for i in row[0])
        self.paragraph_count = {p["name"]: counts.get(i, 0) for i, p in enumerate(self.persons)}
        self._by_key: dict[str, str] = {}
        self._native: dict[str, str] = {}
        self._loose: dict[str, set[str]] = {}
        self._family: dict[str, set[str]] = {}
        for p in self.persons:
            name = p["name"]
            for s in (name, *p["aliases"]):
                if nm.HAN.search(s) or nm.HANGUL.search(s):
                    self._native.setdefault(s, name)
                    continue
                for k in nm.exact_keys(s):
                    self._by_key.setdefault(k, name)
                for k in nm.romanized_keys(s):
                    self._loose.setdefault(k, set()).add(name)
                words = nm.tokens(s)
                if words:
                    for w in {words[0], words[-1]}:
                        self._family.setdefault(nm.fold_word(w), set()).add(name)
        self._places = {p.casefold(): p for p in self.places}
        #: full spellings a query may type (two words or more, or a native-script name of
        #: two characters or more), lower-cased, by their first word -> (the person,
        #: whether the spelling is in native script)
        self._spellings: dict[str, dict[str, tuple[str, bool]]] = {}
        for p in self.persons:
            for s in (p["name"], *p["aliases"]):
                s = " ".join(s.split()).lower()
                native = bool(nm.HAN.search(s) or nm.HANGUL.search(s))
                if native and len(s) >= 2 or not native and len(s.split()) >= 2:
                    self._spellings.setdefault(s.split()[0], {}).setdefault(
                        s, (p["name"], native))

    @classmethod
    def load(cls, index_dir: Path) -> FoundPersons | None:
        data = read_sidecar(index_dir)
        return None if data is None else cls(data)

    # -- names ------------------------------------------------------------------

    def canonical(self, name: str) -> str | None:
        """The canonical person any spelling or titled form names, else None."""
        name = " ".join(name.split())
        if not name:
            return None
        if nm.HAN.search(name) or nm.HANGUL.search(name):
            if name in self._native:
                return self._native[name]
            hits = {n for k in nm.native_keys(name) for n in self._loose.get(k, ())}
            return hits.pop() if len(hits) == 1 else None
        bare = POSSESSIVE_END.sub("", _TITLE.sub("", name)) or name
        for candidate in dict.fromkeys((name, bare)):
            for k in nm.exact_keys(candidate):
                if k in self._by_key:
                    return self._by_key[k]
        words = nm.tokens(bare)
        if len(words) == 1:  # a family (or given) name: the most mentioned person of it
            hits = self._family.get(nm.fold_word(words[0]), set())
        else:
            hits = {n for k in nm.romanized_keys(bare) for n in self._loose.get(k, ())}
        if not hits:
            return None
        return max(sorted(hits), key=lambda n: self.paragraph_count.get(n, 0))

    def canonical_place(self, name: str) -> str | None:
        return self._places.get(" ".join(name.split()).casefold())

    def query_mentions(self, text: str) -> list[Mention]:
        """The persons whose full spelling a query writes as plain text (``Cho Tae-oh``,
        ``조태오``: a native-script name as a word of its own), so that it also finds
        the paragraphs naming them otherwise, as a curated person's name does."""
        low = text.lower()
        if len(low) != len(text):
            return []
        candidates: dict[str, tuple[str, bool]] = {}
        for word in low.split():
            candidates.update(self._spellings.get(word.strip('"()'), {}))
        out = []
        for spelling, (name, native) in candidates.items():
            at = low.find(spelling)
            while at >= 0:
                end = at + len(spelling)
                if all(_query_edge(c, native) for c in (low[at - 1 : at], low[end : end + 1])):
                    out.append(Mention(at, end, name, "person"))
                at = low.find(spelling, at + 1)
        return out

    # -- columns and stored fields ---------------------------------------------------

    def apply(self, cols: Columns) -> None:
        """Replace the person and place postings of every paragraph the stage covered."""
        pids, pdocs, pterms = cols.pid_docs()
        sid = np.fromiter((self.pid_index.get(p, -1) for p in pids), dtype=np.int64,
                          count=len(pids))
        doc_sid = np.full(cols.n, -1, dtype=np.int64)
        doc_sid[pdocs] = sid[pterms]
        covered = doc_sid >= 0
        cdocs = np.flatnonzero(covered)
        csid = doc_sid[cdocs]
        person_names = [p["name"] for p in self.persons]
        for facet, names, (offsets, vals) in (("person", person_names, self._csr[0]),
                                              ("place", self.places, self._csr[1]),
                                              ("speaker", person_names, self._csr[2])):
            values, docs, terms, _ = cols.facets[facet]
            keep = ~covered[docs]
            counts = offsets[csid + 1] - offsets[csid]
            new_docs = np.repeat(cdocs, counts)
            within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
            new_vals = vals[np.repeat(offsets[csid], counts) + within]
            kept_values = {values[i] for i in np.unique(terms[keep]).tolist()}
            merged = sorted(kept_values | set(names))
            pos = {v: i for i, v in enumerate(merged)}
            old_map = np.array([pos.get(v, -1) for v in values], dtype=np.int32)
            new_map = np.array([pos[n] for n in names], dtype=np.int32)
            cols.set_facet(facet, merged,
                           np.concatenate([docs[keep], new_docs]).astype(np.int64),
                           np.concatenate([old_map[terms[keep]] if len(values) else
                                           np.zeros(0, np.int32),
                                           new_map[new_vals] if len(names) else
                                           np.zeros(0, np.int32)]).astype(np.int32))

    def annotate(self, fields: dict) -> dict:
        """A paragraph's stored fields with the stage's persons, places and mentions."""
        row = self.paragraphs.get(fields.get("pid", ""))
        if row is None:
            return fields
        persons, places, spans = row if row else ([], [], [])
        out = dict(fields)
        out["persons"] = [self.persons[i]["name"] for i in persons]
        out["places"] = [self.places[i] for i in places]
        out["mentions"] = [[s, e, self.persons[k]["name"] if kind == 0 else self.places[k],
                            "person" if kind == 0 else "place"] for s, e, k, kind in spans]
        out["quotes"] = [{"speaker": self.persons[k]["name"] if k >= 0 else None,
                          "start": s, "end": e, "source": source, "kind": KINDS[kind]}
                         for s, e, k, source, kind in self.quotes.get(fields.get("pid", ""), ())]
        return out


def _csr(rows, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column ``k`` of each row as offsets and values (compressed sparse rows)."""
    lens, vals = [], []
    for row in rows:
        items = row[k] if row else ()
        lens.append(len(items))
        vals.extend(items)
    offsets = np.zeros(len(lens) + 1, dtype=np.int64)
    np.cumsum(lens, out=offsets[1:])
    return offsets, np.asarray(vals, dtype=np.int64)


def _query_edge(c: str, native: bool) -> bool:
    """Whether ``c`` (a character or ``""``) ends a spelling typed in a query: a space for
    a native-script name (a word of its own), anything but a name's letter for another."""
    return not c or c in '"()' or (c.isspace() if native else not (c.isalnum() or c in "-'’"))


class Names:
    """The registry's questions (canonical person or place, persons named in a query)
    answered with the found persons first: what the query builder and the filters ask."""

    def __init__(self, registry, found: FoundPersons | None) -> None:
        self.registry = registry
        self.found = found

    @property
    def persons(self):
        return self.registry.persons

    def canonical_person(self, name: str) -> str | None:
        if self.found is not None:
            hit = self.found.canonical(name)
            if hit:
                return hit
        return self.registry.canonical_person(name)

    def canonical_place(self, name: str) -> str | None:
        hit = self.registry.canonical_place(name)
        if hit is None and self.found is not None:
            hit = self.found.canonical_place(name)
        return hit

    def query_mentions(self, text: str) -> list[Mention]:
        """Persons a query names as plain text: the registry's, and the found persons'
        full spellings (:meth:`FoundPersons.query_mentions`) where they do not overlap."""
        out = [Mention(m.start, m.end, self.canonical_person(m.name) or m.name, m.kind)
               for m in self.registry.query_mentions(text)]
        if self.found is not None:
            taken = [(m.start, m.end) for m in out]
            out += [m for m in self.found.query_mentions(text)
                    if not any(a < m.end and m.start < b for a, b in taken)]
        return out

    def find_mentions(self, paragraphs: list[str]) -> list[list[Mention]]:
        out = self.registry.find_mentions(paragraphs)
        if self.found is None:
            return out
        return [[Mention(m.start, m.end, self.canonical_person(m.name) or m.name, m.kind)
                 if m.kind == "person" else m for m in ms] for ms in out]
