"""Searching the paragraph index: results, facets, snippets, suggestions.

:class:`SearchEngine` keeps one Whoosh searcher open and refreshes it only
when the index has changed.  For each searcher it reads, once, the postings
of every facet value into numpy arrays (:class:`_Columns`); a request then
turns the query's matching documents into a boolean mask, applies filters
as mask operations, and counts all five facets over the whole result set
with ``numpy.bincount`` -- no per-document Python work after the match.
"""

from __future__ import annotations

import html
import re
import threading
import time
from array import array
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from math import log
from pathlib import Path

import numpy as np
from rapidfuzz import process as rf_process
from rapidfuzz.distance import DamerauLevenshtein
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from searchapp.index.analysis import text_analyzer
from searchapp.index.whoosh.segments import PositionStore, positions_path
from searchapp.index.update import FACETS, open_index
from searchapp.ingest.entities import Registry
from searchapp.search.query import ParsedQuery, QueryBuilder, QueryError, date_bounds

SORTS = ("relevance", "newest", "oldest")
_PLAIN_WORD = re.compile(r"(?<![\w:\"*~])[^\W\d_]{3,}(?![\w:*~])")
_FACET_FIELDS = {"person": "person", "place": "place", "source": "f_source",
                 "author": "f_author", "year": "f_year"}

__all__ = ["Hit", "QueryError", "SearchEngine", "SearchRequest", "SearchResult", "SORTS"]


@dataclass
class SearchRequest:
    """A query plus filters.  Filter values are facet values (canonical names)."""

    query: str = ""
    persons: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    exclude: dict[str, list[str]] = field(default_factory=dict)  # facet -> values to leave out
    person_mode: str = "all"  # "all": paragraphs naming every person; "any": at least one
    place_mode: str = "all"
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    facet_limit: int = 100  # values per facet group (most frequent first)

    def to_json(self) -> dict:
        return asdict(self)

    def filters(self) -> dict:
        """The filters that are set (for history and saved searches)."""
        out = {k: v for k, v in self.to_json().items()
               if k in ("persons", "places", "sources", "authors", "years", "date_from",
                        "date_to", "exclude") and v}
        if len(self.persons) > 1:
            out["person_mode"] = self.person_mode
        if len(self.places) > 1:
            out["place_mode"] = self.place_mode
        return out

    @classmethod
    def from_json(cls, data: dict) -> SearchRequest:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class Hit:
    key: str
    pid: str
    doc_id: str
    path: str
    title: str
    source: str
    date: str | None
    authors: list[str]
    para: int
    kind: str
    text: str
    snippet: str
    persons: list[str]
    places: list[str]
    url: str
    score: float | None
    year: int | None = None  # also set when only the year is known (date is None)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[dict]]
    suggestion: str | None = None
    notices: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # index terms the query matched (body)
    persons: list[str] = field(default_factory=list)  # persons to mark in the text
    # dated results per period over the whole result set, oldest first:
    # "YYYY-MM" when the month is known, "YYYY" when only the year is
    timeline: list[tuple[str, int]] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def to_json(self) -> dict:
        return {
            "query": self.query, "total": self.total, "page": self.page,
            "page_size": self.page_size, "hits": [h.to_json() for h in self.hits],
            "facets": self.facets, "suggestion": self.suggestion, "notices": self.notices,
            "timeline": [{"period": p, "count": c} for p, c in self.timeline],
        }


class _Columns:
    """Per-searcher arrays: live documents, dates, paragraph order and facet postings."""

    def __init__(self, searcher, folder: Path | None = None) -> None:
        reader = searcher.reader()
        n = reader.doc_count_all()
        self.n = n
        self.live = np.ones(n, dtype=bool)
        for leaf, base in reader.leaf_readers():
            if leaf.has_deletions():
                self.live[np.fromiter(leaf.deleted_docs_set, dtype=np.int64) + base] = False
        self.live_count = int(self.live.sum())
        self.datenum = _column(reader, "datenum", n)
        self.para = _column(reader, "para", n)
        self._doc_ord: np.ndarray | None = None
        self.facets: dict[str, tuple[list[str], np.ndarray, np.ndarray, dict[str, int]]] = {}
        for facet, fieldname in _FACET_FIELDS.items():
            values, doc_arr, term_arr = _field_postings(reader, fieldname)
            self.facets[facet] = (values, doc_arr, term_arr,
                                  {v: i for i, v in enumerate(values)})

        self.reader = reader
        self._postings: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = \
            OrderedDict()
        self._cached_bytes = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._spell: list[str] | None = None
        self.folder = folder
        self._stores: dict[tuple[str, str], PositionStore | None] = {}

    def postings(self, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers and weights (term frequencies) of one term, as arrays.

        Read a block at a time; the most recently used terms are kept (up to
        ``_POSTINGS_CACHE_BYTES``), so the words of a query being typed are read once."""
        key = (fieldname, btext)
        hit = self._postings.get(key)
        if hit is not None:
            self._postings.move_to_end(key)
            return hit
        ids_parts: list[np.ndarray] = []
        w_parts: list[np.ndarray] = []
        for leaf, base in self.reader.leaf_readers():
            if (fieldname, btext) not in leaf:
                continue
            ids, weights = _leaf_postings(leaf, fieldname, btext)
            ids_parts.append(ids + base)
            w_parts.append(weights)
        hit = (np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int64),
               np.concatenate(w_parts) if w_parts else np.zeros(0, dtype=np.float32))
        self._postings[key] = hit
        self._cached_bytes += hit[0].nbytes + hit[1].nbytes
        while self._cached_bytes > _POSTINGS_CACHE_BYTES and len(self._postings) > 1:
            _, (ids, weights) = self._postings.popitem(last=False)
            self._cached_bytes -= ids.nbytes + weights.nbytes
        return hit

    @property
    def doc_ord(self) -> np.ndarray:
        """A document ordinal for each paragraph (the same in every segment), read
        when first asked for: there is one ``doc_id`` term per document.

        A document's paragraphs are written one after another, so a term's postings
        are usually the whole range between its first and last document number:
        when its posting count says so, the range is taken from the term's entry
        without reading its postings (52k documents at 1M paragraphs: ~5 s → ~1 s);
        otherwise the postings are read."""
        if self._doc_ord is None:
            doc_ord = np.full(self.n, -1, dtype=np.int64)
            ordinals: dict[bytes, int] = {}
            for leaf, base in self.reader.leaf_readers():
                if "doc_id" not in leaf.indexed_field_names():
                    continue
                for btext, info in leaf.iter_field("doc_id"):
                    k = ordinals.setdefault(btext, len(ordinals))
                    lo, hi = info.min_id(), info.max_id()
                    if lo is not None and hi is not None \
                            and info.doc_frequency() == hi - lo + 1:
                        doc_ord[base + lo:base + hi + 1] = k
                    else:
                        docs, _ = _leaf_postings(leaf, "doc_id", btext, weights=False)
                        doc_ord[docs + base] = k
            self._doc_ord = doc_ord
        return self._doc_ord

    def spell_words(self) -> list[str]:
        """Every word of the spelling list (unstemmed body words), read once."""
        if self._spell is None:
            self._spell = [t.decode("utf-8") for t in self.reader.lexicon("spell_body")] \
                if "spell_body" in self.reader.indexed_field_names() else []
        return self._spell

    def position_store(self, fieldname: str, leaf) -> PositionStore | None:
        """The segment's positions of ``fieldname`` written beside it (None: none, as
        for a segment Whoosh merged, or not whole)."""
        key = (fieldname, leaf.segment().segment_id())
        if key not in self._stores:
            store = None
            if self.folder is not None:
                try:
                    store = PositionStore(positions_path(self.folder, key[1], fieldname))
                except (OSError, ValueError):
                    pass
            self._stores[key] = store
        return self._stores[key]

    def term_mask(self, fieldname: str, btext: bytes) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        mask[self.postings(fieldname, btext)[0]] = True
        return mask

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length of a scorable field, as Whoosh's scorer sees it."""
        out = self._lengths.get(fieldname)
        if out is None:
            out = np.zeros(self.n, dtype=np.float64)
            for leaf, base in self.reader.leaf_readers():
                count = leaf.doc_count_all()
                out[base:base + count] = _segment_lengths(leaf, fieldname, count)
            self._lengths[fieldname] = out
        return out

    def value_mask(self, facet: str, value: str) -> np.ndarray:
        values, docs, terms, index = self.facets[facet]
        mask = np.zeros(self.n, dtype=bool)
        i = index.get(value)
        if i is not None:
            mask[docs[terms == i]] = True
        return mask

    def timeline(self, matched: np.ndarray) -> list[tuple[str, int]]:
        months = self.datenum[matched & (self.datenum > 0)] // 100  # YYYYMM, or YYYY00
        values, counts = np.unique(months, return_counts=True)
        return [(f"{v // 100:04d}-{v % 100:02d}" if v % 100 else f"{v // 100:04d}", int(c))
                for v, c in zip(values.tolist(), counts.tolist(), strict=True)]

    def counts(self, facet: str, matched: np.ndarray, limit: int) -> list[dict]:
        values, docs, terms, _ = self.facets[facet]
        if not len(docs):
            return []
        counts = np.bincount(terms[matched[docs]], minlength=len(values))
        order = np.lexsort((np.arange(len(values)), -counts))
        out = []
        for i in order[:limit]:
            if counts[i] == 0:
                break
            value = values[i]
            out.append({"value": int(value) if facet == "year" else value,
                        "count": int(counts[i])})
        if facet == "year":
            out.sort(key=lambda r: r["value"])
        return out


_BYTE_LENGTHS = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float64)


def _fixed_column(col, count: int) -> np.ndarray:
    """Every value of one segment's fixed-width numeric column (Whoosh stores them
    big-endian, one after the other; documents past the end take the default)."""
    raw = np.frombuffer(col._dbfile.get(col._basepos, min(col._count, count) * col._fixedlen),
                        dtype=np.dtype(col._typecode).newbyteorder(">"))
    out = np.full(count, col._default, dtype=np.int64)
    out[: len(raw)] = raw
    return out


def _segment_lengths(leaf, fieldname: str, count: int) -> np.ndarray:
    """One segment's field lengths (Whoosh stores each as one byte per document)."""
    try:  # the whole column at once
        col = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        return _BYTE_LENGTHS[_fixed_column(col, count)] if col is not None \
            else np.zeros(count, dtype=np.float64)
    except AttributeError:  # another codec: document by document
        return np.array([leaf.doc_field_length(d, fieldname, 0) or 0 for d in range(count)],
                        dtype=np.float64)


def _w3_matcher(m):
    """The Whoosh 3 codec's leaf matcher under ``m`` (which may filter out deleted
    documents), whose blocks can be read whole; None for another codec."""
    raw = getattr(m, "child", m)
    return raw if hasattr(raw, "_read_ids") and hasattr(raw, "_next_block") else None


def _block_positions(m, want: np.ndarray, fmt) -> list[list[int]]:
    """Positions of the term in each of the sorted local docnums ``want``, reading
    only the posting blocks that hold one of them."""
    out: list[list[int]] = [[] for _ in range(len(want))]
    i = 0
    while m.is_active() and i < len(want):
        if m._maxid < want[i]:  # nothing wanted in this block: not even decoded
            m._next_block()
            continue
        m._read_ids()
        ids = np.asarray(m._ids, dtype=np.int64)
        j = int(np.searchsorted(want, ids[-1], side="right"))
        where = np.searchsorted(ids, want[i:j])
        where[where == len(ids)] = 0
        found = ids[where] == want[i:j]
        if found.any():
            m._read_values()
            values = m._values
            for k in np.flatnonzero(found).tolist():
                out[i + k] = fmt.decode_positions(values[int(where[k])])
        i = j
        m._next_block()
    return out


def _block_ids(raw) -> np.ndarray:
    """The current block's document numbers.  Whoosh stores them as differences and
    adds them up one by one in Python (``_read_ids``); numpy does it in one call."""
    if raw._byteids:
        raw._read_ids()
        return np.asarray(raw._ids, dtype=np.int64)
    if raw._data is None:
        raw._read_data()
    return np.cumsum(np.asarray(raw._data[0], dtype=np.int64))


def _leaf_postings(leaf, fieldname: str, btext: bytes,
                   weights: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """One segment's postings of a term as arrays (segment docnums, weights), read a
    block at a time; documents deleted in the segment may be included (callers
    intersect with the live documents)."""
    m = leaf.postings(fieldname, btext)
    raw = _w3_matcher(m)
    ids_parts: list[np.ndarray] = []
    w_parts: list[np.ndarray] = []
    if raw is not None:
        while raw.is_active():
            ids_parts.append(_block_ids(raw))
            if weights:
                raw._read_weights()
                w = raw._weights
                w_parts.append(np.frombuffer(w, dtype=np.float32) if isinstance(w, array)
                               else np.asarray(w, dtype=np.float32))
            raw._next_block()
    else:
        ids, ws = [], []
        while m.is_active():
            ids.append(m.id())
            ws.append(m.weight())
            m.next()
        ids_parts.append(np.asarray(ids, dtype=np.int64))
        w_parts.append(np.asarray(ws, dtype=np.float32))
    ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int64)
    if not weights:
        return ids, None
    return ids, (np.concatenate(w_parts) if w_parts else np.zeros(0, dtype=np.float32))


def _field_postings(reader, fieldname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Every term of a field (sorted, decoded) with the documents holding it: as
    parallel arrays of docnums and term ordinals.  Read segment by segment (a
    term is looked up only in the segments that have it)."""
    found: dict[bytes, list[np.ndarray]] = {}
    for leaf, base in reader.leaf_readers():
        if fieldname not in leaf.indexed_field_names():
            continue
        for btext in leaf.lexicon(fieldname):
            found.setdefault(btext, []).append(
                _leaf_postings(leaf, fieldname, btext, weights=False)[0] + base)
    texts = sorted(found)
    docs = [np.concatenate(found[t]) for t in texts]
    terms = [np.full(len(d), i, dtype=np.int32) for i, d in enumerate(docs)]
    return ([t.decode("utf-8") for t in texts],
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(terms) if terms else np.zeros(0, dtype=np.int32))


def _column(reader, fieldname: str, n: int) -> np.ndarray:
    """A numeric column's values for every document, read segment by segment in bulk."""
    if not reader.has_column(fieldname):
        return np.zeros(n, dtype=np.int64)
    field = reader.schema[fieldname]
    out = np.zeros(n, dtype=np.int64)
    for leaf, base in reader.leaf_readers():
        count = leaf.doc_count_all()
        out[base:base + count] = _leaf_column(leaf, fieldname, field, count)
    return out


def _leaf_column(leaf, fieldname: str, field, count: int) -> np.ndarray:
    """One segment's column, read in bulk and translated as Whoosh's NUMERIC does
    (signed numbers are stored shifted); checked against Whoosh's own reading on
    the first documents, which it falls back to if they differ."""
    reader = leaf.column_reader(fieldname)
    expected = [reader[d] for d in range(min(count, 64))]
    try:
        vals = _fixed_column(leaf._perdoc._cached_reader(fieldname, field.column_type), count)
        if getattr(field, "signed", False):
            vals -= 1 << (field.bits - 1)
        if vals[: len(expected)].tolist() == expected:
            return vals
    except (AttributeError, TypeError, ValueError):
        pass
    return np.fromiter(reader, dtype=np.int64, count=count)


class SearchEngine:
    """Searches one index.  Thread-safe: a lock guards the shared searcher."""

    def __init__(self, index_dir: Path, registry: Registry) -> None:
        self.index_dir = Path(index_dir)
        self.registry = registry
        self._lock = threading.RLock()
        self._closed = False
        self._ix = open_index(self.index_dir)
        self._searcher = self._ix.searcher()
        self._columns: _Columns | None = None
        self._builder = QueryBuilder(self._ix.schema, registry, self._facet_values)
        self._analyzer = text_analyzer()

    @classmethod
    def open(cls, settings) -> SearchEngine:
        return cls(settings.index, Registry.load(settings.registry_dir))

    def close(self) -> None:
        """Close the searcher (again is harmless)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._searcher.close()

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- state ----------------------------------------------------------------

    def refresh(self) -> bool:
        """Pick up a newer commit of the index; True if anything changed."""
        with self._lock:
            try:
                if self._searcher.up_to_date():
                    return False
            except Exception:  # the index was replaced entirely (rebuild with a new schema)
                pass
            # A whole new reader, not Searcher.refresh(): that reuses the readers of
            # segments it already has, and with them their old deletion sets, so
            # paragraphs of removed or changed files would stay visible.
            self._searcher.close()
            self._ix = open_index(self.index_dir)
            self._searcher = self._ix.searcher()
            self._builder = QueryBuilder(self._ix.schema, self.registry, self._facet_values)
            self._columns = None
            return True

    def _cols(self) -> _Columns:
        if self._columns is None:
            self._columns = _Columns(self._searcher, self.index_dir)
        return self._columns

    def _facet_values(self, facet: str) -> list[str]:
        return self._cols().facets[facet][0]

    def facet_values(self, facet: str) -> list[str]:
        with self._lock:
            return list(self._facet_values(facet))

    @property
    def paragraph_count(self) -> int:
        with self._lock:
            return self._cols().live_count

    # -- search ----------------------------------------------------------------

    def parse(self, text: str) -> ParsedQuery:
        """Parse a query string (raises :class:`QueryError` with a readable message)."""
        with self._lock:
            return self._builder.parse(text)

    def search(self, req: SearchRequest) -> SearchResult:
        start = time.perf_counter()
        if req.sort not in SORTS:
            raise QueryError(f"Unknown sort '{req.sort}': use one of {', '.join(SORTS)}")
        if req.page < 1 or req.page_size < 1:
            raise QueryError("Pages and page sizes start at 1")
        with self._lock:
            cols = self._cols()
            parsed = self._builder.parse(req.query)
            notices = list(parsed.notices)
            persons = self._resolve_persons(req.persons)
            filter_mask = self._filter_mask(cols, req, persons, notices)
            if parsed.query is None:
                matched = filter_mask
            else:
                matched = self._match(parsed.query) & filter_mask
            total = int(matched.sum())
            facets = {f: cols.counts(f, matched, req.facet_limit) for f in FACETS}
            timeline = cols.timeline(matched)
            docnums, scores = self._page(cols, parsed, matched, req, total)
            mark_persons = list(dict.fromkeys([*persons, *parsed.persons]))
            terms = self._body_terms(parsed.query)
            hits = [self._hit(d, s, terms, mark_persons) for d, s in zip(docnums, scores, strict=True)]
            suggestion = self._suggest(req, parsed, filter_mask, total) \
                if parsed.query is not None and total < 5 else None
        return SearchResult(
            query=req.query, total=total, page=req.page, page_size=req.page_size, hits=hits,
            facets=facets, suggestion=suggestion, notices=notices, terms=sorted(terms),
            persons=mark_persons, timeline=timeline, elapsed_ms=(time.perf_counter() - start) * 1000,
        )

    def _match(self, q) -> np.ndarray:
        cols = self._cols()
        return self._mask(cols, q) & cols.live

    def _mask(self, cols: _Columns, q) -> np.ndarray:
        """The documents ``q`` matches: terms from the cached posting arrays and
        AND / OR / NOT as array operations; other queries (phrases, wildcards,
        ranges) through Whoosh, with the parts around them still done here."""
        if isinstance(q, wq.Term) and q.fieldname in self._searcher.schema:
            text = q.text if isinstance(q.text, bytes) else \
                self._searcher.schema[q.fieldname].to_bytes(q.text)
            return cols.term_mask(q.fieldname, text)
        if isinstance(q, wq.And):
            out = np.ones(cols.n, dtype=bool)
            for child in q.subqueries:
                out &= self._mask(cols, child)
            return out
        if isinstance(q, wq.Or) and not isinstance(q, wq.DisjunctionMax) \
                and not getattr(q, "minmatch", 0) and q.scale is None:
            out = np.zeros(cols.n, dtype=bool)
            for child in q.subqueries:
                out |= self._mask(cols, child)
            return out
        if isinstance(q, wq.Not):
            return ~self._mask(cols, q.query)
        if isinstance(q, wq.AndNot):
            return self._mask(cols, q.a) & ~self._mask(cols, q.b)
        if isinstance(q, wq.Every) and not q.fieldname:
            return np.ones(cols.n, dtype=bool)
        if isinstance(q, wq.Phrase) and q.fieldname in self._searcher.schema and len(q.words) > 1 \
                and q.slop >= 1 and all(isinstance(w, str) for w in q.words) \
                and self._searcher.schema[q.fieldname].format.supports("positions"):
            return self._phrase_mask(cols, q)
        mask = np.zeros(cols.n, dtype=bool)
        mask[np.fromiter(self._searcher.docs_for_query(q), dtype=np.int64)] = True
        return mask

    def _phrase_mask(self, cols: _Columns, q) -> np.ndarray:
        """Paragraphs with the phrase's words in order, each within ``slop`` positions
        of the one before: the candidates are the paragraphs holding every word
        (array operations), then only their positions are read."""
        field = self._searcher.schema[q.fieldname]
        words = [field.to_bytes(w) for w in q.words]
        cand = np.ones(cols.n, dtype=bool)
        for w in words:
            cand &= cols.term_mask(q.fieldname, w)
        cand &= cols.live
        docs = np.flatnonzero(cand)
        out = np.zeros(cols.n, dtype=bool)
        if not len(docs):
            return out
        if q.slop == 1:  # words next to each other: from the position stores, in bulk
            docs = self._exact_phrase(cols, q.fieldname, words, docs, out)
            if not len(docs):
                return out
        positions = [self._positions(cols, q.fieldname, w, docs) for w in words]
        slop = q.slop
        for i, doc in enumerate(docs.tolist()):
            lists = [p[i] for p in positions]
            later = [set(p) for p in lists[1:]]
            for start in lists[0]:
                cur = start
                for nxt in later:
                    step = next((cur + k for k in range(1, slop + 1) if cur + k in nxt), None)
                    if step is None:
                        break
                    cur = step
                else:
                    out[doc] = True
                    break
        return out

    @staticmethod
    def _exact_phrase(cols: _Columns, fieldname: str, words: list[bytes], docs: np.ndarray,
                      out: np.ndarray) -> np.ndarray:
        """Mark in ``out`` the candidate ``docs`` where ``words`` stand one after the
        other, for every segment with a position store; the candidates of the other
        segments are returned (to be checked through Whoosh's positions).

        A word's positions in a segment are one array, in posting order, with as
        many per posting as its frequency (the posting's weight), so each
        candidate's positions are gathered with array indexing; the phrase holds
        where (paragraph, position of word i - i) is the same for every word."""
        rest: list[np.ndarray] = []
        for leaf, lo in cols.reader.leaf_readers():
            hi = lo + leaf.doc_count_all()
            a, b = np.searchsorted(docs, [lo, hi])
            if a == b:
                continue
            want = docs[a:b]
            store = cols.position_store(fieldname, leaf)
            keys = None
            for i, w in enumerate(words):
                block = store.positions(w) if store is not None else None
                if block is None:
                    keys = None
                    break
                ids, weights = cols.postings(fieldname, w)
                c, d = np.searchsorted(ids, [lo, hi])
                counts = weights[c:d].astype(np.int64)
                if counts.sum() != len(block):  # weights are not frequencies here
                    keys = None
                    break
                rank = np.searchsorted(ids[c:d], want)  # every candidate holds the word
                lens = counts[rank]
                starts = np.cumsum(counts)[rank] - lens
                skip = np.repeat(starts - (np.cumsum(lens) - lens), lens)
                pos = block[skip + np.arange(len(skip))].astype(np.int64)
                k = (np.repeat(want, lens) << 32) + pos - i
                keys = k if keys is None else np.intersect1d(keys, k, assume_unique=True)
            if keys is None:
                rest.append(want)
            elif len(keys):
                out[np.unique(keys >> 32)] = True
        return np.concatenate(rest) if rest else docs[:0]

    def _positions(self, cols: _Columns, fieldname: str, btext: bytes,
                   docs: np.ndarray) -> list[list[int]]:
        """The term's positions in each of ``docs`` (sorted; each holds the term)."""
        out: list[list[int]] = []
        bounds = [(leaf, base, base + leaf.doc_count_all())
                  for leaf, base in cols.reader.leaf_readers()]
        for leaf, lo, hi in bounds:
            a, b = np.searchsorted(docs, [lo, hi])
            if a == b:
                continue
            m = leaf.postings(fieldname, btext)
            want = docs[a:b] - lo
            raw = _w3_matcher(m)
            if raw is not None:
                out.extend(_block_positions(raw, want, self._searcher.schema[fieldname].format))
                continue
            for doc in want.tolist():
                m.skip_to(doc)
                out.append(m.value_as("positions") if m.is_active() and m.id() == doc else [])
        return out

    def _resolve_persons(self, names: list[str]) -> list[str]:
        out = []
        for name in names:
            canonical = self.registry.canonical_person(name)
            if canonical is None:
                known = {v.casefold(): v for v in self._facet_values("person")}
                canonical = known.get(name.casefold())
            if canonical is None:
                raise QueryError(f"Unknown person '{name}': not in the person registry "
                                 "(see 'searchapp persons')")
            out.append(canonical)
        return list(dict.fromkeys(out))

    def _filter_mask(self, cols: _Columns, req: SearchRequest, persons: list[str],
                     notices: list[str]) -> np.ndarray:
        mask = cols.live.copy()
        groups = [
            ("person", persons, req.person_mode),
            ("place", [self._place(p) for p in req.places], req.place_mode),
            ("source", [self._loose("source", s, notices) for s in req.sources], "any"),
            ("author", [self._loose("author", a, notices) for a in req.authors], "any"),
            ("year", [str(int(y)) for y in req.years], "any"),
        ]
        for facet, values, mode in groups:
            if not values:
                continue
            masks = [cols.value_mask(facet, v) for v in values]
            combined = np.logical_and.reduce(masks) if mode == "all" \
                else np.logical_or.reduce(masks)
            mask &= combined
        for facet, values in (req.exclude or {}).items():
            if facet not in _FACET_FIELDS:
                raise QueryError(f"Cannot exclude by '{facet}': use one of {', '.join(FACETS)}")
            for v in values:
                if facet == "person":
                    v = self.registry.canonical_person(v) or v
                mask &= ~cols.value_mask(facet, str(v))
        if req.date_from or req.date_to:
            lo = date_bounds(req.date_from or "", False)
            hi = date_bounds(req.date_to or "", True)
            if lo > hi:
                raise QueryError("The date range ends before it starts")
            mask &= (cols.datenum >= lo) & (cols.datenum <= hi) & (cols.datenum > 0)
        return mask

    def _place(self, name: str) -> str:
        return self.registry.canonical_place(name) or self._loose("place", name, None)

    def _loose(self, facet: str, value: str, notices: list[str] | None) -> str:
        values = self._facet_values(facet)
        if value in values:
            return value
        folded = value.casefold()
        for v in values:
            if v.casefold() == folded:
                return v
        if notices is not None:
            notices.append(f"No {facet} is called '{value}'.")
        return value

    def _page(self, cols: _Columns, parsed: ParsedQuery, matched: np.ndarray,
              req: SearchRequest, total: int) -> tuple[list[int], list[float | None]]:
        first = (req.page - 1) * req.page_size
        if first >= total:
            return [], []
        if req.sort == "relevance" and parsed.query is not None:
            docs = np.flatnonzero(matched)
            scores = self._scores(cols, parsed.query, docs)
            order = np.lexsort((docs, -scores))[first : first + req.page_size]
            return docs[order].tolist(), [float(x) for x in scores[order]]
        docs = np.flatnonzero(matched)
        dates = cols.datenum[docs]
        undated = dates == 0
        if req.sort == "oldest":
            key = np.where(undated, np.iinfo(np.int64).max, dates)
        else:  # newest (and relevance without a text query)
            key = np.where(undated, np.iinfo(np.int64).max, -dates)
        order = np.lexsort((cols.para[docs], docs, key))
        page = docs[order[first : first + req.page_size]]
        return page.tolist(), [None] * len(page)

    def _scores(self, cols: _Columns, q, docs: np.ndarray) -> np.ndarray:
        """BM25F scores of ``docs`` for ``q``, as Whoosh's default weighting gives
        them for terms (B=0.75, K1=1.2, Whoosh's idf and quantized lengths),
        summed over every term the query's positive parts contain: a phrase
        scores as its words, a wildcard as the words it expands to."""
        scores = np.zeros(len(docs), dtype=np.float64)
        if not len(docs):
            return scores
        reader = self._searcher.reader()
        schema = self._searcher.schema
        doc_count = reader.doc_count_all()
        terms: list[tuple[str, bytes, float]] = []
        for leaf in _positive_leaves(q):
            try:
                found = leaf.existing_terms(reader, phrases=True, expand=True)
            except Exception:
                continue
            boost = float(getattr(leaf, "boost", 1.0) or 1.0)
            terms.extend((f, t, boost) for f, t in found)
        for fieldname, btext, boost in dict.fromkeys(terms):
            ids, weights = cols.postings(fieldname, btext)
            pos = np.searchsorted(docs, ids)
            pos[pos == len(docs)] = 0
            hit = docs[pos] == ids
            where, tf = pos[hit], weights[hit].astype(np.float64)
            if not schema[fieldname].scorable:
                scores[where] += tf * boost
                continue
            idf = log(doc_count / (reader.doc_frequency(fieldname, btext) + 1)) + 1
            avgfl = (reader.field_length(fieldname) / (doc_count or 1)) or 1
            fl = cols.lengths(fieldname)[ids[hit]]
            scores[where] += boost * idf * (tf * (_K1 + 1)) / (
                tf + _K1 * ((1 - _B) + _B * fl / avgfl))
        return scores

    # -- hits and snippets -------------------------------------------------------

    def _body_terms(self, q) -> set[str]:
        if q is None:
            return set()
        reader = self._searcher.reader()
        terms: set[str] = set()
        for leaf in _positive_leaves(q):
            try:
                found = leaf.existing_terms(reader, phrases=True, expand=True)
            except Exception:
                continue
            for fieldname, text in found:
                if fieldname == "body":
                    terms.add(text.decode("utf-8") if isinstance(text, bytes) else text)
        return terms

    def _hit(self, docnum: int, score, terms: set[str], persons: list[str]) -> Hit:
        f = self._searcher.stored_fields(docnum)
        text = f.get("body", "")
        spans = self.term_spans(text, terms)
        spans += [(s, e) for s, e, name, kind in f.get("mentions", [])
                  if kind == "person" and name in persons]
        return Hit(
            key=f["key"], pid=f["pid"], doc_id=f["doc_id"], path=f["path"],
            title=f.get("title", ""), source=f.get("source", ""), date=f.get("date") or None,
            authors=f.get("authors", []), para=f["para"], kind=f.get("kind", "body"),
            text=text, snippet=make_snippet(text, spans), persons=f.get("persons", []),
            places=f.get("places", []), url=f.get("url", ""), score=score,
            year=f.get("year") or None,
        )

    def term_spans(self, text: str, terms: set[str] | list[str]) -> list[tuple[int, int]]:
        """Character spans of ``text`` whose analyzed tokens are in ``terms``."""
        if not terms:
            return []
        terms = set(terms)
        return [(t.startchar, t.endchar)
                for t in self._analyzer(text, chars=True, positions=True, mode="index")
                if t.text in terms]

    def _suggest(self, req: SearchRequest, parsed: ParsedQuery, filter_mask: np.ndarray,
                 total: int) -> str | None:
        """A respelling of the query's plain words that finds more, if there is one."""
        words = [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD.finditer(req.query)]
        if not words:
            return None
        reader = self._searcher.reader()
        out, pos, changed = [], 0, False
        for start, end, word in words:
            if word in ("AND", "OR", "NOT"):
                continue
            analyzed = [t.text for t in self._analyzer(word)]
            if analyzed and any(reader.doc_frequency("body", a) >= 3 for a in analyzed):
                continue
            options = self._respell(reader, word.lower())
            if options and options[0] != word.lower():
                out.append(req.query[pos:start])
                out.append(options[0])
                pos = end
                changed = True
        if not changed:
            return None
        out.append(req.query[pos:])
        candidate = "".join(out)
        try:
            parsed2 = self._builder.parse(candidate)
        except QueryError:
            return None
        if parsed2.query is None:
            return None
        if int((self._match(parsed2.query) & filter_mask).sum()) > total:
            return candidate
        return None

    def _respell(self, reader, word: str) -> list[str]:
        """Index words within two edits of ``word``: nearest first, then most frequent."""
        words = self._cols().spell_words()
        found = rf_process.extract(word, words, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=2, limit=50)
        candidates = {cand: int(dist) for cand, dist, _i in found}
        ranked = []
        for cand in candidates:
            if cand == word:
                continue
            stems = [t.text for t in self._analyzer(cand)]
            freq = sum(reader.doc_frequency("body", t) for t in stems)
            ranked.append((candidates[cand], -freq, cand))
        return [c for _, _, c in sorted(ranked)]

    # -- documents -----------------------------------------------------------------

    def document(self, doc_id: str) -> list[dict]:
        """Every paragraph of one document (stored fields), in order."""
        with self._lock:
            docs = [self._searcher.stored_fields(d)
                    for d in self._searcher.document_numbers(doc_id=doc_id)]
        docs.sort(key=lambda f: f["para"])
        return docs

    def paragraph(self, key: str) -> dict | None:
        """One paragraph by its ``doc_id:num`` key or its content id (pid)."""
        with self._lock:
            field_name = "key" if ":" in key else "pid"
            num = self._searcher.document_number(**{field_name: key})
            return None if num is None else self._searcher.stored_fields(num)

    def paragraphs_by_pid(self, pid: str) -> list[dict]:
        with self._lock:
            return [self._searcher.stored_fields(d)
                    for d in self._searcher.document_numbers(pid=pid)]

    def person_document_counts(self) -> dict[str, int]:
        """For each person, in how many documents they are mentioned."""
        with self._lock:
            cols = self._cols()
            values, docs, terms, _ = cols.facets["person"]
            live = cols.live[docs]
            return {v: int(np.unique(cols.doc_ord[docs[(terms == i) & live]]).size)
                    for i, v in enumerate(values)}

    def facet_totals(self, facet: str) -> list[dict]:
        """A facet's counts over the whole index."""
        with self._lock:
            cols = self._cols()
            return cols.counts(facet, cols.live, 10**9)


def _positive_leaves(q):
    """Leaf queries that must or may match (not those under NOT)."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from _positive_leaves(q.a)
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from _positive_leaves(child)


_B, _K1 = 0.75, 1.2  # Whoosh's BM25F defaults
_POSTINGS_CACHE_BYTES = 64 << 20  # posting arrays kept per searcher

_JOINABLE = re.compile(r"[\s\-‐‑–]{1,2}")
SNIPPET_WHOLE = 360  # paragraphs up to this long are shown whole
_CONTEXT = 90


def make_snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML: ``text`` (or fragments of it) with every span in ``<mark>``, all else escaped.

    Short paragraphs are shown whole.  In longer ones a fragment is cut
    around the first occurrence of each distinct marked word (so every
    matched term appears), fragments are merged when they overlap and
    joined with an ellipsis.
    """
    merged = _merge(spans, text)
    if len(text) <= SNIPPET_WHOLE:
        return _render(text, 0, len(text), merged)
    if not merged:
        end = _word_end(text, SNIPPET_WHOLE - 60)
        return _render(text, 0, end, []) + " …"
    firsts: dict[str, tuple[int, int]] = {}
    for s, e in merged:
        firsts.setdefault(text[s:e].casefold(), (s, e))
    windows = []
    for s, e in sorted(firsts.values()):
        windows.append([_word_start(text, s - _CONTEXT), _word_end(text, e + _CONTEXT)])
    windows.sort()
    joined = [windows[0]]
    for w in windows[1:]:
        if w[0] <= joined[-1][1] + 20:
            joined[-1][1] = max(joined[-1][1], w[1])
        else:
            joined.append(w)
    parts = []
    for a, b in joined:
        parts.append(_render(text, a, b, [(s, e) for s, e in merged if s >= a and e <= b]))
    out = " … ".join(parts)
    if joined[0][0] > 0:
        out = "… " + out
    if joined[-1][1] < len(text):
        out += " …"
    return out


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted spans, overlapping ones or ones apart by spaces/hyphens only joined."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or _JOINABLE.fullmatch(text[out[-1][1]:s])):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _render(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    out, pos = [], a
    for s, e in spans:
        s, e = max(s, a), min(e, b)
        if s >= e:
            continue
        out.append(html.escape(text[pos:s], quote=False))
        out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:b], quote=False))
    return "".join(out).strip()


def _word_start(text: str, i: int) -> int:
    if i <= 0:
        return 0
    j = text.rfind(" ", 0, i)
    return 0 if j < 0 or i - j > 30 else j + 1


def _word_end(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    j = text.find(" ", i)
    return len(text) if j < 0 or j - i > 30 else j

