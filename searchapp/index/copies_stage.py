"""The copies stage: which paragraphs are copies of one another, kept up to date
with the index (run by :func:`searchapp.index.update.update_index` after each commit).

Incremental: the stage keeps, beside the index, every paragraph's MinHash
signature and the copies found so far (``copies-state.pickle``); a run reads the
text of new paragraphs only, finds their candidates among all signatures
(:mod:`searchapp.index.copies`), and aligns in full only the document pairs a
new or changed document takes part in.  Deleted paragraphs leave the state (their
groups shrink).  What the engine reads is ``copies.json``:

* ``clusters``: lists of paragraph ids (pids) that are copies of one another, each
  from two documents or more that are versions of one story;
* ``stories``: for each document, the other versions of its story and how much of
  the shorter one they share;
* ``seq``: the order in which documents were first grouped ("first indexed"), which
  breaks ties between undated copies.

Both files are replaced atomically and carry the index generation they
describe: an interrupted run leaves the previous ones, which stay usable (a
paragraph they do not know is simply not folded), and the next update finishes
the work.  A state file that cannot be read is rebuilt from the index.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from searchapp.index import COPIES_FILE, COPIES_STATE
from searchapp.index import copies as cp
from searchapp.model import counted

#: Bumped when ``copies.json`` changes shape or the rules give other groups.
COPIES_VERSION = 1

TextSource = Callable[[list[str]], dict[str, str]]  # pids -> their texts
DocSource = Callable[[str], list[str]]  # doc id -> its pids, in order


def doc_of(pid: str) -> str:
    """The document id a paragraph id starts with (``<doc_id>-<text hash>[-n]``)."""
    return pid.split("-", 1)[0]


@dataclass
class CopiesReport:
    new: int = 0  # paragraphs signed in this run
    removed: int = 0
    clusters: int = 0
    paragraphs: int = 0  # paragraphs in clusters
    stories: int = 0  # document pairs that are versions of one story
    seconds: float = 0.0
    note: str = ""

    def summary(self) -> str:
        if self.note:
            return f"copies: {self.note}"
        if not self.clusters:
            return (f"copies: none ({counted(self.new, 'new paragraph')} read, "
                    f"{self.seconds:.1f} s)")
        n = counted
        return (f"copies: {n(self.paragraphs, 'paragraph')} in {n(self.clusters, 'group')} of "
                f"copies ({n(self.stories, 'pair')} of versions; {n(self.new, 'new paragraph')} "
                f"read, {self.seconds:.1f} s)")


@dataclass
class CopyState:
    """Everything the stage keeps between runs."""

    pids: list[str] = field(default_factory=list)
    sigs: np.ndarray = field(default_factory=lambda: np.zeros((0, cp.PERMUTATIONS), np.uint16))
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    edges: dict[tuple[str, str], float] = field(default_factory=dict)  # LSH-found copies
    # document pair -> (share of the shorter one, aligned paragraph pairs)
    stories: dict[tuple[str, str], tuple[float, list[tuple[str, str, float]]]] = \
        field(default_factory=dict)
    seq: dict[str, int] = field(default_factory=dict)  # doc -> first seen
    version: int = COPIES_VERSION

    # -- the update ----------------------------------------------------------------

    def update(self, current: Iterable[str], texts: TextSource, doc_paragraphs: DocSource,
               report: CopiesReport | None = None) -> CopiesReport:
        """Bring the state to the paragraphs ``current`` (every pid in the index)."""
        report = report or CopiesReport()
        current = list(dict.fromkeys(current))
        now = set(current)
        known = set(self.pids)
        gone = known - now
        added = [p for p in current if p not in known]
        changed = {doc_of(p) for p in gone} | {doc_of(p) for p in added}
        report.removed, report.new = len(gone), len(added)
        if gone:
            keep = np.fromiter((p not in gone for p in self.pids), dtype=bool,
                               count=len(self.pids))
            self.pids = [p for p, k in zip(self.pids, keep, strict=True) if k]
            self.sigs, self.lengths = self.sigs[keep], self.lengths[keep]
            self.edges = {k: v for k, v in self.edges.items()
                          if k[0] not in gone and k[1] not in gone}
        self.stories = {k: v for k, v in self.stories.items()
                        if k[0] not in changed and k[1] not in changed}
        for doc in {doc_of(p) for p in gone} - {doc_of(p) for p in now}:
            self.seq.pop(doc, None)
        tok = cp.Tokenizer()
        known_tokens: dict[str, list[int]] = {}  # read once in this run, used again
        if added:
            got = texts(added)
            known_tokens.update((p, tok(got.get(p, ""))) for p in added)
            seqs = [known_tokens[p] for p in added]
            self.pids = self.pids + added
            self.sigs = np.concatenate([self.sigs, cp.signatures(seqs)])
            self.lengths = np.concatenate(
                [self.lengths, np.fromiter((len(s) for s in seqs), np.int32, len(seqs))])
            following = max(self.seq.values(), default=-1) + 1
            for doc in dict.fromkeys(doc_of(p) for p in added):
                if doc not in self.seq:
                    self.seq[doc] = following
                    following += 1
            self._new_edges(len(added), known_tokens, texts, tok)
        self._align(changed, doc_paragraphs, known_tokens, texts, tok)
        return report

    def _new_edges(self, n_new: int, known: dict[str, list[int]], texts: TextSource,
                   tok: cp.Tokenizer) -> None:
        """Copies found by LSH between a new paragraph and any other."""
        n = len(self.pids)
        usable = self.lengths >= cp.MIN_TOKENS
        rows = np.flatnonzero(usable)
        if not len(rows):
            return
        docs = {}
        groups = np.fromiter((docs.setdefault(doc_of(self.pids[r]), len(docs)) for r in rows),
                             np.int64, len(rows))
        new = rows >= n - n_new
        pairs = cp.candidate_pairs(cp.band_keys(self.sigs[rows]), groups, new)
        if not len(pairs):
            return
        pairs = rows[pairs]
        need = {self.pids[r] for r in np.unique(pairs)} - set(known)
        if need:
            known.update((p, tok(t)) for p, t in texts(sorted(need)).items())
        seqs = known
        for a, b in pairs.tolist():
            pa, pb = self.pids[a], self.pids[b]
            s = cp.similarity(seqs.get(pa, ()), seqs.get(pb, ()))
            if s >= cp.PARA_SIMILARITY:
                self.edges[(pa, pb) if pa < pb else (pb, pa)] = s

    def _align(self, changed: set[str], doc_paragraphs: DocSource, known: dict[str, list[int]],
               texts: TextSource, tok: cp.Tokenizer) -> None:
        """Align in full the document pairs with a changed document whose LSH-found
        copies cover enough of the shorter one."""
        words: dict[str, int] = defaultdict(int)
        for p, n in zip(self.pids, self.lengths.tolist(), strict=True):
            if n >= cp.MIN_TOKENS:
                words[doc_of(p)] += n
        length = dict(zip(self.pids, self.lengths.tolist(), strict=True))
        shared: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
        for pa, pb in self.edges:
            da, db = doc_of(pa), doc_of(pb)
            if da == db or (da not in changed and db not in changed):
                continue
            key, (x, y) = ((da, db), (pa, pb)) if da < db else ((db, da), (pb, pa))
            sa, sb = shared.setdefault(key, (set(), set()))
            sa.add(x)
            sb.add(y)
        cache: dict[str, tuple[list[str], list[list[int]]]] = {}

        def paragraphs(doc: str) -> tuple[list[str], list[list[int]]]:
            if doc not in cache:
                pids = doc_paragraphs(doc)
                need = [p for p in pids if p not in known]
                if need:
                    known.update((p, tok(t)) for p, t in texts(need).items())
                cache[doc] = (pids, [known.get(p, []) for p in pids])
            return cache[doc]

        for (da, db), (sa, sb) in sorted(shared.items()):
            wa, wb = words.get(da, 0), words.get(db, 0)
            if not wa or not wb:
                continue
            got = (sum(length[p] for p in sa) / wa) if wa <= wb else \
                (sum(length[p] for p in sb) / wb)
            if got < cp.CANDIDATE_COVER:
                continue
            (pids_a, seq_a), (pids_b, seq_b) = paragraphs(da), paragraphs(db)
            pairs = cp.same_story(seq_a, seq_b)
            if pairs:
                self.stories[(da, db)] = (cp.cover(seq_a, seq_b, pairs),
                                          [(pids_a[i], pids_b[j], s) for i, j, s in pairs])

    # -- what the engine reads ------------------------------------------------------

    def sidecar(self) -> dict:
        """``copies.json``'s content (see the module docstring)."""
        edges = [(a, b) for _, pairs in self.stories.values() for a, b, _ in pairs]
        pids = sorted({p for e in edges for p in e})
        index = {p: i for i, p in enumerate(pids)}
        clusters = [[pids[i] for i in c]
                    for c in cp.components(len(pids), ((index[a], index[b]) for a, b in edges))]
        stories: dict[str, list] = defaultdict(list)
        for (da, db), (share, _) in sorted(self.stories.items()):
            stories[da].append([db, round(share, 3)])
            stories[db].append([da, round(share, 3)])
        return {"version": COPIES_VERSION, "clusters": clusters, "stories": dict(stories),
                "seq": {d: s for d, s in self.seq.items() if d in stories}}


# -- files ---------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_copies(index_dir: Path) -> dict | None:
    """``copies.json`` (None when absent, unreadable or of another version)."""
    try:
        data = json.loads((Path(index_dir) / COPIES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != COPIES_VERSION:
        return None
    return data


def _load_state(index_dir: Path) -> CopyState | None:
    try:
        with open(Path(index_dir) / COPIES_STATE, "rb") as f:
            state = pickle.load(f)  # written by this stage only, in the user's own index
    except Exception:  # absent, truncated or of an older shape: built again
        return None
    if not isinstance(state, CopyState) or state.version != COPIES_VERSION:
        return None
    return state


# -- the stage over an index -------------------------------------------------------------


def copies_stale(index_dir: Path) -> bool:
    """The copies do not describe the index as it is (a run was interrupted)."""
    from searchapp.index.manifest import index_state

    data = read_copies(index_dir)
    return data is None or data.get("generation") != index_state(Path(index_dir))


def run_copies_stage(index_dir: Path) -> CopiesReport:
    """Find the copies among the paragraphs of the index at ``index_dir`` that are
    new since the last run (nothing to do when the index did not change)."""
    from whoosh import index as whoosh_index

    from searchapp.index import INDEX_NAME
    from searchapp.index.manifest import index_state
    from searchapp.index.whoosh.readers import live_pids

    start = time.perf_counter()
    index_dir = Path(index_dir)
    generation = index_state(index_dir)
    old = read_copies(index_dir)
    if old is not None and old.get("generation") == generation:
        return CopiesReport(note="up to date", clusters=len(old["clusters"]),
                            paragraphs=sum(len(c) for c in old["clusters"]))
    state = (_load_state(index_dir) if old is not None else None) or CopyState()
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)  # just committed
    with ix.reader() as reader:
        pids, docnums = live_pids(reader, index_dir)
        where = dict(zip(pids, docnums.tolist(), strict=True))
        by_doc: dict[str, list[str]] = defaultdict(list)
        for p in pids:
            by_doc[doc_of(p)].append(p)

        def texts(wanted: list[str]) -> dict[str, str]:
            return {p: reader.stored_fields(where[p]).get("body", "") for p in wanted
                    if p in where}

        def doc_paragraphs(doc: str) -> list[str]:
            return sorted(by_doc.get(doc, ()), key=where.__getitem__)

        report = state.update(pids, texts, doc_paragraphs)
    side = state.sidecar()
    side["generation"] = generation
    _write_atomic(index_dir / COPIES_STATE, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    _write_atomic(index_dir / COPIES_FILE,
                  json.dumps(side, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    report.clusters = len(side["clusters"])
    report.paragraphs = sum(len(c) for c in side["clusters"])
    report.stories = len(state.stories)
    report.seconds = time.perf_counter() - start
    return report
