"""Which paragraphs a parsed query matches, as a boolean mask over the index.

Terms come from the cached posting arrays (:class:`~searchapp.index.whoosh.readers.Columns`)
and AND / OR / NOT are array operations; phrases are checked on the candidate
paragraphs' positions only (our own position files where a segment has them);
other queries (wildcards, ranges, fuzzy) are answered by Whoosh and combined here.
``tests/test_differential.py`` compares the result with Whoosh's own matcher.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from whoosh import query as wq

from searchapp.index.schema import FOUND_ONLY
from searchapp.index.whoosh.readers import Columns, term_positions


def query_mask(searcher, cols: Columns, q) -> np.ndarray:
    """The documents ``q`` matches (deleted ones included: callers AND with ``cols.live``)."""
    schema = searcher.schema
    if isinstance(q, wq.Term) and q.fieldname in schema:
        text = q.text if isinstance(q.text, bytes) else schema[q.fieldname].to_bytes(q.text)
        return cols.term_mask(q.fieldname, text)
    if isinstance(q, wq.Term) and q.fieldname in FOUND_ONLY:  # said: (persons.json only)
        text = q.text if isinstance(q.text, bytes) else q.text.encode("utf-8")
        return cols.term_mask(q.fieldname, text)
    if isinstance(q, wq.And):
        out = np.ones(cols.n, dtype=bool)
        for child in q.subqueries:
            out &= query_mask(searcher, cols, child)
        return out
    if isinstance(q, wq.Or) and not isinstance(q, wq.DisjunctionMax) \
            and not getattr(q, "minmatch", 0) and q.scale is None:
        out = np.zeros(cols.n, dtype=bool)
        for child in q.subqueries:
            out |= query_mask(searcher, cols, child)
        return out
    if isinstance(q, wq.Not):
        return ~query_mask(searcher, cols, q.query)
    if isinstance(q, wq.AndNot):
        return query_mask(searcher, cols, q.a) & ~query_mask(searcher, cols, q.b)
    if isinstance(q, wq.AndMaybe):  # ``+a b``, ``a ANDMAYBE b``: b only adds to the score;
        # not left to Whoosh, whose AndNot under it can keep an excluded paragraph
        return query_mask(searcher, cols, q.a)
    if isinstance(q, wq.Every) and not q.fieldname:
        return np.ones(cols.n, dtype=bool)
    if isinstance(q, wq.Phrase) and q.fieldname in schema and len(q.words) > 1 \
            and q.slop >= 1 and all(isinstance(w, str) for w in q.words) \
            and schema[q.fieldname].format.supports("positions"):
        return phrase_mask(searcher, cols, q)
    if isinstance(q, wq.Prefix | wq.Wildcard) and q.fieldname in schema \
            and not cols.replaced(q.fieldname):
        # the words it expands to, as arrays (Whoosh walks each one's documents in
        # Python: 54k ids for "secur*" at 100k paragraphs); ranking reads them too
        mask = np.zeros(cols.n, dtype=bool)
        for fieldname, btext in q.expanded_terms(searcher.reader()):
            mask[cols.postings(fieldname, btext)[0]] = True
        return mask
    mask = np.zeros(cols.n, dtype=bool)
    mask[np.fromiter(searcher.docs_for_query(q), dtype=np.int64)] = True
    return mask


def phrase_mask(searcher, cols: Columns, q) -> np.ndarray:
    """Paragraphs with the phrase's words in order, each within ``slop`` positions
    of the one before: the candidates are the paragraphs holding every word
    (array operations), then only their positions are read."""
    field = searcher.schema[q.fieldname]
    words = [field.to_bytes(w) for w in q.words]
    cand = np.ones(cols.n, dtype=bool)
    for w in words:
        cand &= cols.term_mask(q.fieldname, w)
    cand &= cols.live
    docs = np.flatnonzero(cand)
    out = np.zeros(cols.n, dtype=bool)
    if not len(docs):
        return out
    offsets = phrase_offsets(q)
    if q.slop == 1:  # words at their places: from the position stores, in bulk
        docs = exact_phrase(cols, q.fieldname, words, docs, out, offsets)
        if not len(docs):
            return out
    positions = [term_positions(cols, q.fieldname, w, docs) for w in words]
    gaps = [b - a for a, b in zip(offsets, offsets[1:], strict=False)]
    for i, doc in enumerate(docs.tolist()):
        if _in_order([p[i] for p in positions], q.slop, gaps):
            out[doc] = True
    return out


def phrase_offsets(q) -> tuple[int, ...]:
    """Each word's place after the first word's (:class:`~.phrase.Phrase`; a plain
    Whoosh phrase's words are next to each other)."""
    return getattr(q, "offsets", None) or tuple(range(len(q.words)))


def _in_order(lists: list[list[int]], slop: int, gaps=None) -> bool:
    """Some position of each word, in order, each ``gap .. gap + slop - 1`` positions
    after the one chosen for the word before (``gap`` 1 unless stop words stand
    between them; Whoosh's ``SpanNear2``, ordered, ``mindist=gap``).

    Every chain is followed -- the set of positions a chain can have reached so
    far -- not only the nearest next position: with slop 2, ``a b b x c`` holds
    ``"a b c"~2`` through the second ``b`` only (the first one leaves ``c`` three
    positions away).  ``tests/test_differential.py`` keeps that example."""
    ends = sorted(set(lists[0]))
    for k, nxt in enumerate(lists[1:]):
        gap = gaps[k] if gaps else 1
        # p is reachable when some end e has p - (gap + slop - 1) <= e <= p - gap
        ends = sorted({p for p in nxt
                       if (i := bisect_left(ends, p - gap - slop + 1)) < len(ends)
                       and ends[i] <= p - gap})
        if not ends:
            return False
    return True


def exact_phrase(cols: Columns, fieldname: str, words: list[bytes], docs: np.ndarray,
                 out: np.ndarray, offsets=None) -> np.ndarray:
    """Mark in ``out`` the candidate ``docs`` where ``words`` stand at their places
    (word i ``offsets[i]`` after the first; by default one after the other), for
    every segment with a position store; the candidates of the other segments are
    returned (to be checked through Whoosh's positions).

    A word's positions in a segment are one array, in posting order, with as
    many per posting as its frequency (the posting's weight), so each
    candidate's positions are gathered with array indexing; the phrase holds
    where (paragraph, position of word i - offsets[i]) is the same for every word."""
    offsets = offsets or tuple(range(len(words)))
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
            k = (np.repeat(want, lens) << 32) + pos - offsets[i]
            keys = k if keys is None else np.intersect1d(keys, k, assume_unique=True)
        if keys is None:
            rest.append(want)
        elif len(keys):
            out[np.unique(keys >> 32)] = True
    return np.concatenate(rest) if rest else docs[:0]


def positive_leaves(q):
    """Leaf queries that must or may match (not those under NOT)."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from positive_leaves(q.a)
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from positive_leaves(child)
