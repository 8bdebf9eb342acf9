"""Ranking: BM25F scores computed with numpy over the matched paragraphs."""

from __future__ import annotations

from math import log

import numpy as np

from searchapp.index.whoosh.readers import Columns
from searchapp.search.match import positive_leaves

_B, _K1 = 0.75, 1.2  # Whoosh's BM25F defaults


def query_terms(reader, q) -> list[tuple[str, bytes, float]]:
    """(field, term, boost) of every term the query's positive parts contain: a
    phrase as its words, a wildcard as the words it expands to."""
    terms: list[tuple[str, bytes, float]] = []
    if q is None:
        return terms
    for leaf in positive_leaves(q):
        try:
            found = leaf.existing_terms(reader, phrases=True, expand=True)
        except Exception:
            continue
        boost = float(getattr(leaf, "boost", 1.0) or 1.0)
        terms.extend((f, t, boost) for f, t in found)
    return terms


def scores(searcher, cols: Columns, q, docs: np.ndarray) -> np.ndarray:
    """BM25F scores of ``docs`` for ``q``, as Whoosh's default weighting gives
    them for terms (B=0.75, K1=1.2, Whoosh's idf and quantized lengths),
    summed over every term the query's positive parts contain."""
    out = np.zeros(len(docs), dtype=np.float64)
    if not len(docs):
        return out
    reader = searcher.reader()
    schema = searcher.schema
    doc_count = reader.doc_count_all()
    for fieldname, btext, boost in dict.fromkeys(query_terms(reader, q)):
        ids, weights = cols.postings(fieldname, btext)
        pos = np.searchsorted(docs, ids)
        pos[pos == len(docs)] = 0
        hit = docs[pos] == ids
        where, tf = pos[hit], weights[hit].astype(np.float64)
        if not schema[fieldname].scorable:
            out[where] += tf * boost
            continue
        idf = log(doc_count / (reader.doc_frequency(fieldname, btext) + 1)) + 1
        avgfl = (reader.field_length(fieldname) / (doc_count or 1)) or 1
        fl = cols.lengths(fieldname)[ids[hit]]
        out[where] += boost * idf * (tf * (_K1 + 1)) / (
            tf + _K1 * ((1 - _B) + _B * fl / avgfl))
    return out
