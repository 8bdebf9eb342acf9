"""Copies as the engine serves them: one hit per group of copies, who else ran
it, the other versions of a story and the words that differ.

The copies stage (:mod:`searchapp.index.copies_stage`) writes ``copies.json``
beside the index.  :class:`Folding` turns it into per-paragraph arrays once per
searcher: each paragraph's group (-1: none) and its rank within the group (the
earliest dated first, undated after dated, then the first indexed).  A search
then keeps, of the paragraphs it matched, the best-ranked of each group (the
*face*) and lists the other matched members as its copies; facets and the
timeline still count every paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from searchapp.index import COPIES_FILE
from searchapp.index.copies import MIN_TOKENS, align
from searchapp.index.copies import words as copy_words
from searchapp.index.whoosh.readers import Columns

#: The keys of each entry of ``Hit.copies``.
COPY_KEYS = ("doc_id", "para", "path", "source", "date")


def copies_stamp(index_dir: Path) -> tuple[int, int] | None:
    """Changes whenever ``copies.json`` is rewritten (None: there is none)."""
    try:
        st = (Path(index_dir) / COPIES_FILE).stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Folding:
    """Groups of copies over one searcher's document numbers."""

    def __init__(self, data: dict, cols: Columns) -> None:
        n = cols.n
        self.group = np.full(n, -1, dtype=np.int64)
        self.stories: dict[str, list] = data.get("stories", {})
        pids, docs, terms = cols.pid_docs()
        ordinal = {p: i for i, p in enumerate(pids)} if data.get("clusters") else {}
        members, groups = [], []
        for g, cluster in enumerate(data.get("clusters", [])):
            for p in cluster:
                i = ordinal.get(p)
                if i is not None:
                    members.append(i)
                    groups.append(g)
        ords = np.asarray(members, dtype=np.int64)
        lo = np.searchsorted(terms, ords, "left")
        hi = np.searchsorted(terms, ords, "right")
        counts = hi - lo
        at = np.repeat(lo, counts) + (np.arange(int(counts.sum())) -
                                      np.repeat(np.cumsum(counts) - counts, counts))
        docnums = docs[at] if len(at) else np.zeros(0, dtype=np.int64)
        member_group = np.repeat(np.asarray(groups, dtype=np.int64), counts)
        member_ord = np.repeat(ords, counts)
        live = cols.live[docnums]
        docnums, member_group, member_ord = docnums[live], member_group[live], member_ord[live]
        self.group[docnums] = member_group
        # rank: dated before undated, earliest first, then first indexed
        seq = data.get("seq", {})
        dates = cols.datenum[docnums]
        first = np.fromiter((seq.get(pids[i].split("-", 1)[0], 1 << 40)
                             for i in member_ord.tolist()), dtype=np.int64, count=len(docnums))
        undated = dates == 0
        order = np.lexsort((docnums, first, np.where(undated, np.iinfo(np.int64).max, dates),
                            member_group))
        self.rank = np.zeros(n, dtype=np.int64)
        self.rank[docnums[order]] = np.arange(len(order))
        self.members = docnums[order]  # by group, best first
        n_groups = len(data.get("clusters", []))
        self.starts = np.searchsorted(member_group[order], np.arange(n_groups + 1))

    @property
    def active(self) -> bool:
        return bool(len(self.members))

    def faces(self, matched: np.ndarray) -> np.ndarray:
        """``matched`` with only the best-ranked matched paragraph of each group."""
        grouped = matched & (self.group >= 0)
        out = matched & ~grouped
        idx = np.flatnonzero(grouped)
        if len(idx):
            order = np.lexsort((self.rank[idx], self.group[idx]))
            g = self.group[idx][order]
            out[idx[order][np.r_[True, g[1:] != g[:-1]]]] = True
        return out

    def copies(self, docnum: int, matched: np.ndarray) -> list[int]:
        """The other matched members of ``docnum``'s group, best-ranked first."""
        g = int(self.group[docnum])
        if g < 0:
            return []
        members = self.members[self.starts[g]:self.starts[g + 1]]
        return [int(d) for d in members if d != docnum and matched[d]]


# -- versions of a story: which words differ ---------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Each word of ``text`` with its span and folded form (as copies compare them)."""
    return [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]


def compare(paragraphs: list[dict], other: list[dict]
            ) -> tuple[dict[int, list[tuple[int, int]]], list[int]]:
    """A document (stored fields, with ``para``, ``body`` and ``kind``) beside another
    version of its story: for each paragraph the spans of its words that the paragraph
    paired with it does not have, and the paragraphs with no counterpart at all (marked
    whole: the passages the other version does not have).

    Paragraphs are paired as the copies stage pairs them (:func:`align`, dateline left
    out); the headlines are paired with each other even when reworded (a new headline
    is a changed passage, not a missing one).  Words are then compared as written on
    both sides, dateline included, so text the two share is never marked."""
    from rapidfuzz.distance import Indel

    tok = [copy_words(p.get("body", "")) for p in paragraphs]
    other_tok = [copy_words(p.get("body", "")) for p in other]
    pairs = {i: j for i, j, _ in align(tok, other_tok, threshold=0.5)}
    titles = [i for i, p in enumerate(paragraphs) if p.get("kind") == "title"]
    other_titles = [j for j, p in enumerate(other) if p.get("kind") == "title"]
    if titles and other_titles and titles[0] not in pairs \
            and other_titles[0] not in pairs.values():
        pairs[titles[0]] = other_titles[0]
    out: dict[int, list[tuple[int, int]]] = {}
    missing: list[int] = []
    for i, p in enumerate(paragraphs):
        text = p.get("body", "")
        words = _spans(text)
        if not words:
            continue
        if i not in pairs:
            if len(tok[i]) >= MIN_TOKENS:
                out[p["para"]] = [(words[0][0], words[-1][1])]
                missing.append(p["para"])
            continue
        theirs = [w for _, _, w in _spans(other[pairs[i]].get("body", ""))]
        mine = [w for _, _, w in words]
        spans = [(words[op.src_start][0], words[op.src_end - 1][1])
                 for op in Indel.opcodes(mine, theirs) if op.tag in ("delete", "replace")]
        if spans:
            out[p["para"]] = _merge(spans, text)
    return out, missing


def differences(paragraphs: list[dict], other: list[dict]) -> dict[int, list[tuple[int, int]]]:
    """For each paragraph of a document, the spans of its words that the other version
    does not have (see :func:`compare`); a paragraph with no counterpart is marked
    whole."""
    return compare(paragraphs, other)[0]


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Adjacent word spans (only spaces or punctuation between) as one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and not _WORD.search(text, out[-1][1], s):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
