"""Reading a Whoosh index in bulk: posting lists, columns and positions as numpy arrays.

Whoosh's public API reads postings one at a time through Python matchers.
Here the Whoosh 3 codec's blocks are read whole (``_read_ids``, ``_values``,
``_next_block``), fixed-width columns straight from their files
(``_perdoc._cached_reader``, ``_dbfile``) and field lengths from the lengths
column: private names of whoosh-reloaded 2.7.5, the pinned version.  Each use
falls back to the public API when the shape differs, and
``tests/test_whoosh_private.py`` names every one, so an upgrade fails loudly.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from searchapp.index.schema import FACET_FIELDS
from searchapp.index.whoosh.segments import PositionStore, positions_path
from searchapp.model import UNKNOWN, UNKNOWN_FACETS

_POSTINGS_CACHE_BYTES = 64 << 20  # posting arrays kept per searcher
_SPARSE = 8  # a facet's pairs are gathered by paragraph when 1/8 or fewer are matched


class Columns:
    """Per-searcher arrays: live documents, dates, paragraph order and facet postings."""

    def __init__(self, searcher, folder: Path | None = None) -> None:
        reader = searcher.reader()
        n = reader.doc_count_all()
        self.n = n
        self.live = live_mask(reader)
        self.live_count = int(self.live.sum())
        self.datenum = _column(reader, "datenum", n)
        self.para = _column(reader, "para", n)
        self._doc_ord: np.ndarray | None = None
        self.facets: dict[str, tuple[list[str], np.ndarray, np.ndarray, dict[str, int]]] = {}
        for facet, fieldname in FACET_FIELDS.items():
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
        self._has: dict[str, np.ndarray] = {}
        self._pids: tuple[list[str], np.ndarray, np.ndarray] | None = None
        self._replaced: dict[str, str] = {}  # index field -> facet whose values replace it
        self._codes: dict[str, np.ndarray | None] = {}  # facet -> value per paragraph
        self._by_doc: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # facet -> CSR
        self._totals: dict[tuple[str, int], tuple[list[dict], int]] = {}  # over every paragraph
        self._months: tuple[list[str], np.ndarray] | None = None

    def pid_docs(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Every paragraph content id (sorted), and parallel arrays of docnums and pid
        ordinals (read when first asked for)."""
        if self._pids is None:
            self._pids = _field_ranges(self.reader, "pid", self.folder)
        return self._pids

    def set_facet(self, facet: str, values: list[str], docs: np.ndarray,
                  terms: np.ndarray) -> None:
        """Replace a facet's values and postings (persons found beside the index):
        ``person:``/``place:`` terms then match these, not the index's own."""
        self.facets[facet] = (values, docs, terms, {v: i for i, v in enumerate(values)})
        self._has.pop(facet, None)
        self._codes.pop(facet, None)
        self._by_doc.pop(facet, None)
        self._totals.clear()
        self._replaced[FACET_FIELDS[facet]] = facet

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

    def replaced(self, fieldname: str) -> bool:
        """Whether the index field's terms are answered by a replaced facet
        (:meth:`set_facet`) rather than by the index."""
        return fieldname in self._replaced

    def term_mask(self, fieldname: str, btext: bytes) -> np.ndarray:
        if fieldname in self._replaced:
            return self.value_mask(self._replaced[fieldname], btext.decode("utf-8"))
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
        """Paragraphs with this facet value (:data:`UNKNOWN`: with no value at all)."""
        if value == UNKNOWN:
            return ~self.has_value(facet)
        values, docs, terms, index = self.facets[facet]
        mask = np.zeros(self.n, dtype=bool)
        i = index.get(value)
        if i is not None:
            mask[docs[terms == i]] = True
        return mask

    def has_value(self, facet: str) -> np.ndarray:
        """Paragraphs with some value for the facet (read once per searcher)."""
        mask = self._has.get(facet)
        if mask is None:
            mask = self._has[facet] = np.zeros(self.n, dtype=bool)
            mask[self.facets[facet][1]] = True
        return mask

    def timeline(self, matched: np.ndarray, idx: np.ndarray | None = None
                 ) -> list[tuple[str, int]]:
        """(month or year, paragraphs) of the dated ``matched`` paragraphs, in order
        (``idx``: their numbers, when the caller has them)."""
        if self._months is None:  # each paragraph's month (YYYYMM, or YYYY00), once
            months = np.where(self.datenum > 0, self.datenum // 100, 0)
            values, codes = np.unique(months, return_inverse=True)
            labels = [f"{v // 100:04d}-{v % 100:02d}" if v % 100 else f"{v // 100:04d}"
                      for v in values.tolist()]
            self._months = (labels, codes.astype(np.int32))
        labels, codes = self._months
        counts = np.bincount(codes[self._selection(matched, idx)], minlength=len(labels))
        return [(labels[i], int(counts[i])) for i in np.flatnonzero(counts).tolist()
                if labels[i] != "0000"]

    def _selection(self, matched: np.ndarray, idx: np.ndarray | None) -> np.ndarray:
        """What indexes a column at the matched paragraphs: their numbers when they are
        few (a gather of that many), else the mask (a pass over every paragraph)."""
        return idx if idx is not None and len(idx) * _SPARSE <= self.n else matched

    def _single(self, facet: str) -> np.ndarray | None:
        """Each paragraph's value of a facet that has at most one per paragraph
        (source, year, folder) as a column, -1 for none (None for persons, places,
        authors: several per paragraph)."""
        if facet not in self._codes:
            _values, docs, terms, _ = self.facets[facet]
            codes = None
            if len(docs) <= self.n and len(np.unique(docs)) == len(docs):
                codes = np.full(self.n, -1, dtype=np.int32)
                codes[docs] = terms
            self._codes[facet] = codes
        return self._codes[facet]

    def _values_by_doc(self, facet: str) -> tuple[np.ndarray, np.ndarray]:
        """A facet's values grouped by paragraph: ``starts`` (n + 1 offsets) into
        ``terms`` ordered by paragraph (read once per searcher and facet)."""
        hit = self._by_doc.get(facet)
        if hit is None:
            _values, docs, terms, _ = self.facets[facet]
            order = np.argsort(docs, kind="stable")
            starts = np.searchsorted(docs[order], np.arange(self.n + 1))
            hit = self._by_doc[facet] = (starts, terms[order])
        return hit

    def _matched_values(self, facet: str, matched: np.ndarray, idx: np.ndarray
                        ) -> np.ndarray:
        """The value ordinal of every (matched paragraph, value) pair of a facet with
        several values a paragraph: through the paragraphs' ranges when few are
        matched, else by testing every pair's paragraph."""
        _values, docs, terms, _ = self.facets[facet]
        if len(idx) * _SPARSE > len(docs):
            return terms[matched[docs]]
        starts, by_doc = self._values_by_doc(facet)
        first, lens = starts[idx], starts[idx + 1] - starts[idx]
        ends = np.cumsum(lens)
        where = np.repeat(first - (ends - lens), lens) + np.arange(int(ends[-1]) if len(ends)
                                                                    else 0)
        return by_doc[where]

    def counts(self, facet: str, matched: np.ndarray, limit: int,
               idx: np.ndarray | None = None) -> tuple[list[dict], int]:
        """The facet's values among ``matched`` paragraphs, most frequent first (years in
        order), at most ``limit``; and how many values have a count at all.  Sources
        and authors also count :data:`UNKNOWN`: paragraphs with no value.  ``idx``:
        the matched paragraphs' numbers, when the caller has them.  Counts over every
        live paragraph (``matched`` is :attr:`live`) are kept for the searcher."""
        if matched is self.live:
            key = (facet, limit)
            if key not in self._totals:
                self._totals[key] = self._counts(facet, matched, limit, idx)
            out, size = self._totals[key]
            return [dict(r) for r in out], size
        return self._counts(facet, matched, limit, idx)

    def _counts(self, facet: str, matched: np.ndarray, limit: int,
                idx: np.ndarray | None) -> tuple[list[dict], int]:
        values, docs, terms, _ = self.facets[facet]
        out = []
        size = 0
        if idx is None:
            idx = np.flatnonzero(matched)
        sel = self._selection(matched, idx)
        if len(docs):
            single = self._single(facet)
            if single is not None:  # one value a paragraph: count the matched ones' values
                counts = np.bincount(single[sel] + 1, minlength=len(values) + 1)[1:]
            else:  # every (paragraph, value) pair whose paragraph is matched
                counts = np.bincount(self._matched_values(facet, matched, idx),
                                     minlength=len(values))
            size = int(np.count_nonzero(counts))
            order = np.lexsort((np.arange(len(values)), -counts))
            for i in order[:limit]:
                if counts[i] == 0:
                    break
                value = values[i]
                out.append({"value": int(value) if facet == "year" else value,
                            "count": int(counts[i])})
        if facet == "year":
            out.sort(key=lambda r: r["value"])
        if facet in UNKNOWN_FACETS:
            missing = int(np.count_nonzero(self.live[sel] & ~self.has_value(facet)[sel]))
            if missing:
                size += 1
                if len(out) < limit:
                    out.append({"value": UNKNOWN, "count": missing})
        return out, size


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
    return _gathered(found)


def _gathered(found: dict[bytes, list[np.ndarray]]
              ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each term's docnums (gathered per segment) as sorted terms and parallel
    arrays of docnums and term ordinals."""
    texts = sorted(found)
    docs = [np.concatenate(found[t]) for t in texts]
    terms = [np.full(len(d), i, dtype=np.int32) for i, d in enumerate(docs)]
    return ([t.decode("utf-8") for t in texts],
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(terms) if terms else np.zeros(0, dtype=np.int32))


def _field_ranges(reader, fieldname: str, folder: Path | None = None
                  ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """As :func:`_field_postings`, for a field whose terms each hold a run of
    consecutive documents (mostly one: content ids): the run is taken from the
    term's entry, its postings are read only when they are not one run.

    Reading one entry per paragraph costs ~30 µs in Whoosh (3 s at 100k paragraphs),
    so with ``folder`` each segment's answer is kept beside it once read
    (:func:`_leaf_ranges`): segments never change, and the file is named after the
    segment so Whoosh's clean-up deletes it with the segment."""
    texts, counts, ids = [], [], []
    for leaf, base in reader.leaf_readers():
        if fieldname not in leaf.indexed_field_names():
            continue
        t, starts, i = _leaf_ranges(leaf, fieldname, folder)
        texts.append(t)
        counts.append(np.diff(starts))
        ids.append(i + base)
    if not texts or not sum(len(t) for t in texts):
        return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    # the terms of every segment in order (bytewise, as sorted() orders bytes: content
    # ids have no trailing NUL, which fixed-width byte arrays would drop)
    unique, ordinal = np.unique(np.concatenate(texts), return_inverse=True)
    terms = np.repeat(ordinal.astype(np.int32), np.concatenate(counts))
    order = np.argsort(terms, kind="stable")
    return ([t.decode("utf-8") for t in unique.tolist()],
            np.concatenate(ids)[order], terms[order])


def ranges_path(folder, segment_id: str, fieldname: str) -> Path:
    """Where :func:`_leaf_ranges` keeps a segment's terms and their documents."""
    return Path(folder) / f"{segment_id}.{fieldname}_ranges.npz"


def _leaf_ranges(leaf, fieldname: str, folder: Path | None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One segment's terms of ``fieldname`` (bytes, in order), offsets into ``ids`` and
    the segment-local document numbers: read from the file kept beside the segment
    when there is a whole one, else from Whoosh (and the file written)."""
    path = None
    if folder is not None:
        path = ranges_path(folder, leaf.segment().segment_id(), fieldname)
        try:
            with np.load(path, allow_pickle=False) as f:
                texts, starts, ids = f["texts"], f["starts"], f["ids"]
            if len(starts) == len(texts) + 1 and int(starts[-1]) == len(ids):
                return texts, starts, ids
        except (OSError, ValueError, KeyError):
            pass
    texts_l: list[bytes] = []
    parts: list[np.ndarray] = []
    for btext, info in leaf.iter_field(fieldname):
        lo, hi = info.min_id(), info.max_id()
        if lo is not None and hi is not None and info.doc_frequency() == hi - lo + 1:
            ids = np.arange(lo, hi + 1, dtype=np.int64)
        else:
            ids = _leaf_postings(leaf, fieldname, btext, weights=False)[0]
        texts_l.append(btext)
        parts.append(ids)
    starts = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum([len(x) for x in parts], out=starts[1:])
    texts = np.array(texts_l, dtype=bytes) if texts_l else np.zeros(0, dtype="S1")
    ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    if path is not None:
        tmp = path.with_name(path.name + ".tmp")
        try:
            with open(tmp, "wb") as f:
                np.savez(f, texts=texts, starts=starts, ids=ids)
            tmp.replace(path)
        except OSError:  # a read-only index is read every time
            tmp.unlink(missing_ok=True)
    return texts, starts, ids


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


def term_positions(cols: Columns, fieldname: str, btext: bytes,
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
            out.extend(_block_positions(raw, want, cols.reader.schema[fieldname].format))
            continue
        for doc in want.tolist():
            m.skip_to(doc)
            out.append(m.value_as("positions") if m.is_active() and m.id() == doc else [])
    return out


def live_pids(reader, folder: Path | None = None) -> tuple[list[str], np.ndarray]:
    """The content id (pid) of every live paragraph, and its document number."""
    values, docs, terms = _field_ranges(reader, "pid", folder)
    keep = live_mask(reader)[docs]
    docs, terms = docs[keep], terms[keep]
    return [values[t] for t in terms.tolist()], docs


def live_mask(reader) -> np.ndarray:
    """Which document numbers are live (not deleted)."""
    live = np.ones(reader.doc_count_all(), dtype=bool)
    for leaf, base in reader.leaf_readers():
        if leaf.has_deletions():
            live[np.fromiter(leaf.deleted_docs_set, dtype=np.int64) + base] = False
    return live
