"""Copies: paragraphs near-identical across documents, and documents that are
versions of one story (a wire story run by several outlets, an updated edition).

Pure functions over texts and token sequences (no index, no files), used by the
copies stage (:mod:`searchapp.index.copies_stage`) and measured by
``benchmarks/bench_copies.py``, whose labelled set chose the thresholds below.

1. :func:`tokens`: casefolded words (each Han, Kana or Hangul character is one),
   punctuation, quote styles and dashes dropped, a wire dateline at the start
   ("SEOUL, Nov. 15 (Yonhap) --") left out.
2. :func:`signatures`: MinHash of each paragraph's word 3-shingles (numpy; the
   same values in every run and process).
3. :func:`candidate_pairs`: paragraphs sharing one LSH band of their signatures.
4. :func:`similarity`: how much of two token sequences is the same words in the same
   order (``2 * LCS / (len(a) + len(b))``; :data:`MIN_RUN` > 1 would count only runs
   of that many words: the labelled set preferred 1).
5. Two documents are **versions of one story** when the paragraphs of the shorter
   one that have a copy in the other hold at least :data:`STORY_COVER` of its
   words (:func:`align`); only paragraphs of such documents fold, so a quote or a
   boilerplate paragraph shared by two different stories never does.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
from rapidfuzz.distance import Indel

from searchapp.lexicon import CJK, CJK_CHAR

#: Paragraphs with fewer words than this are never matched ("Advertisement", a byline).
MIN_TOKENS = 5
#: Words per shingle of the MinHash signatures.
SHINGLE = 3
#: MinHash functions per paragraph, and LSH bands of ``ROWS`` values each.
PERMUTATIONS = 64
ROWS = 4
BANDS = PERMUTATIONS // ROWS
#: The shortest run of shared words that counts in :func:`similarity`.
MIN_RUN = 1
#: Two paragraphs are copies at this :func:`similarity` or more (the labelled set's
#: threshold, benchmarks/bench_copies.py).
PARA_SIMILARITY = 0.7
#: Documents are versions of one story when the paragraphs with a copy hold at least
#: this share of the shorter document's words.
STORY_COVER = 0.5
#: ... and share at least this many words (a story, not a one-line note from a template).
MIN_STORY_WORDS = 25
#: Doc pairs whose LSH-found copies already cover this share are aligned in full.
CANDIDATE_COVER = 0.2
#: An LSH bucket larger than this (boilerplate, or a story run by very many outlets)
#: links each member to its first ``STAR`` members only.
MAX_BUCKET = 40
STAR = 4

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W_])+")  # each CJK character a word
_DATE = r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?"
_AGENCY = r"\s*\([^()\n]{1,40}\)"
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){{0,3}}{_DATE}(?:{_AGENCY})?"
    rf"|(?:[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,3}}{_DATE})?{_AGENCY})"
    r"\s*(?:--|[—–\-:])\s+")

_MASK64 = (1 << 64) - 1


def strip_dateline(text: str) -> str:
    """``text`` without a wire dateline at its start ("SEOUL, Nov. 15 (Yonhap) --",
    "WASHINGTON (AP) —", "Seoul (AFP) -")."""
    m = _DATELINE.match(text)
    return text[m.end():] if m else text


def words(text: str) -> list[str]:
    """The words :func:`tokens` hashes: casefolded, NFKC, no punctuation, no dateline."""
    text = unicodedata.normalize("NFKC", strip_dateline(text)).casefold()
    if CJK_CHAR.search(text):
        return _TOKEN.findall(text)
    return _WORD.findall(text)


class Tokenizer:
    """Texts to token ids: a stable 32-bit hash per word (the same in every process
    and run), each word hashed once per tokenizer."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def __call__(self, text: str) -> list[int]:
        ids = self._ids
        return [ids.get(w) or self._new(w) for w in words(text)]

    def _new(self, word: str) -> int:
        h = self._ids[word] = zlib.crc32(word.encode("utf-8")) or 1
        return h


def tokens(text: str) -> list[int]:
    """Token ids of ``text`` (see :class:`Tokenizer`)."""
    return Tokenizer()(text)


def _params(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0x5EA2C4)  # fixed: signatures are stored between runs
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    return a, b


_A, _B = _params(PERMUTATIONS)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: every bit of the shingle hash depends on every word."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def signatures(seqs: Sequence[Sequence[int]]) -> np.ndarray:
    """MinHash signatures (``len(seqs)`` × :data:`PERMUTATIONS`, uint16: the low 16
    bits of each 32-bit minimum) of the word 3-shingles of each token sequence.  A
    sequence shorter than a shingle is one shingle; an empty one gets all zeros."""
    n = len(seqs)
    out = np.zeros((n, PERMUTATIONS), dtype=np.uint16)
    lens = np.fromiter((len(s) for s in seqs), dtype=np.int64, count=n)
    if not n or not lens.sum():
        return out
    pad = SHINGLE - 1
    flat = np.zeros(int(lens.sum()) + pad * n, dtype=np.uint64)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lens[:-1] + pad, out=starts[1:])
    pos = np.repeat(starts, lens) + (np.arange(int(lens.sum())) - np.repeat(
        np.cumsum(lens) - lens, lens))
    flat[pos] = np.fromiter(chain.from_iterable(seqs), dtype=np.uint64, count=int(lens.sum()))
    count = np.where(lens > 0, np.maximum(lens - pad, 1), 0)
    first = np.repeat(starts, count) + (np.arange(int(count.sum())) - np.repeat(
        np.cumsum(count) - count, count))
    with np.errstate(over="ignore"):
        sh = flat[first] * np.uint64(0x9E3779B97F4A7C15)
        for k in range(1, SHINGLE):
            sh = _mix(sh ^ (flat[first + k] * np.uint64(0xC2B2AE3D27D4EB4F + 2 * k)))
        rows = np.flatnonzero(count)
        offsets = np.zeros(len(rows), dtype=np.int64)
        np.cumsum(count[rows][:-1], out=offsets[1:])
        for i in range(PERMUTATIONS):
            h = (sh * _A[i] + _B[i]) >> np.uint64(32)
            out[rows, i] = (np.minimum.reduceat(h, offsets) & np.uint64(0xFFFF)).astype(np.uint16)
    return out


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of ``ROWS`` 16-bit values (rows × :data:`BANDS`)."""
    sigs = np.ascontiguousarray(sigs, dtype=np.uint16)
    return sigs.view(np.uint64).reshape(len(sigs), BANDS)


def candidate_pairs(keys: np.ndarray, groups: np.ndarray, new: np.ndarray | None = None
                    ) -> np.ndarray:
    """Pairs of rows (i < j) that share a band key and are in different ``groups``
    (documents); with ``new`` (a boolean mask) only pairs with a new row.  A bucket
    larger than :data:`MAX_BUCKET` links each member to its first :data:`STAR` only."""
    found: list[np.ndarray] = []
    n = len(keys)
    for band in range(keys.shape[1] if n else 0):
        col = keys[:, band]
        order = np.argsort(col, kind="stable")
        sorted_keys = col[order]
        cut = np.flatnonzero(np.diff(sorted_keys)) + 1
        bounds = np.concatenate([[0], cut, [n]])
        sizes = np.diff(bounds)
        starts = bounds[:-1]
        for size in np.unique(sizes[(sizes > 1) & (sizes <= MAX_BUCKET)]).tolist():
            members = order[starts[sizes == size][:, None] + np.arange(size)]  # a row each
            i, j = np.triu_indices(size, 1)
            _keep(found, members[:, i].ravel(), members[:, j].ravel(), groups, new)
        for start, size in zip(starts[sizes > MAX_BUCKET].tolist(),
                               sizes[sizes > MAX_BUCKET].tolist(), strict=True):
            members = order[start:start + size]  # boilerplate: each to the first few
            i = np.repeat(np.arange(STAR), size)
            j = np.tile(np.arange(size), STAR)
            keep = i < j
            _keep(found, members[i[keep]], members[j[keep]], groups, new)
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found), axis=0)


def _keep(found: list[np.ndarray], a: np.ndarray, b: np.ndarray, groups: np.ndarray,
          new: np.ndarray | None) -> None:
    """Add the pairs ``(a, b)`` of different groups (with a new row, if ``new``)."""
    keep = groups[a] != groups[b]
    if new is not None:
        keep &= new[a] | new[b]
    found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)[keep])


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of ``a`` and ``b`` that is the same words in the same order, in runs
    of :data:`MIN_RUN` words or more: ``2 * matched / (len(a) + len(b))``."""
    total = len(a) + len(b)
    if not total:
        return 0.0
    run = MIN_RUN
    if run <= 1:  # every shared word counts: the LCS ratio
        return Indel.normalized_similarity(a, b)
    matched = sum(op.src_end - op.src_start for op in Indel.opcodes(a, b)
                  if op.tag == "equal" and op.src_end - op.src_start >= run)
    return 2.0 * matched / total


def align(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]],
          threshold: float | None = None) -> list[tuple[int, int, float]]:
    """Paragraphs of document ``a`` paired one to one with paragraphs of ``b`` that
    are copies of them (most similar first): ``(i, j, similarity)``."""
    threshold = PARA_SIMILARITY if threshold is None else threshold
    la = np.fromiter(map(len, a), dtype=np.int64, count=len(a))
    lb = np.fromiter(map(len, b), dtype=np.int64, count=len(b))
    total = la[:, None] + lb[None, :]
    # the best two sequences of these lengths can do: 2 * shorter / (both)
    ok = (2 * np.minimum(la[:, None], lb[None, :]) >= threshold * total) \
        & (la[:, None] >= MIN_TOKENS) & (lb[None, :] >= MIN_TOKENS)
    scored = []
    for i, j in zip(*np.nonzero(ok), strict=True):
        x, y = a[i], b[j]
        if MIN_RUN > 1 and Indel.normalized_similarity(x, y, score_cutoff=threshold) < threshold:
            continue  # its runs of any length are fewer than the threshold asks
        s = similarity(x, y)
        if s >= threshold:
            scored.append((s, int(i), int(j)))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, s))
    return out


def cover(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]],
          pairs: Iterable[tuple[int, int, float]]) -> float:
    """The share of the shorter document's words (in paragraphs long enough to match)
    that lie in paragraphs paired with the other's."""
    pairs = list(pairs)
    words_a = sum(len(x) for x in a if len(x) >= MIN_TOKENS)
    words_b = sum(len(y) for y in b if len(y) >= MIN_TOKENS)
    if not words_a or not words_b:
        return 0.0
    if words_a <= words_b:
        return sum(len(a[i]) for i, _, _ in pairs) / words_a
    return sum(len(b[j]) for _, j, _ in pairs) / words_b


def same_story(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]]
               ) -> list[tuple[int, int, float]] | None:
    """The paragraph pairs of two documents that are versions of one story, else None:
    they share :data:`STORY_COVER` of the shorter one's words, and at least
    :data:`MIN_STORY_WORDS` words (one-line notes or short messages written from one
    template are not versions of a story)."""
    pairs = align(a, b)
    if not pairs or cover(a, b, pairs) < STORY_COVER:
        return None
    shared = min(sum(len(a[i]) for i, _, _ in pairs), sum(len(b[j]) for _, j, _ in pairs))
    return pairs if shared >= MIN_STORY_WORDS else None


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components (of two members or more) of ``n`` nodes, each sorted."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    return [g for g in groups.values() if len(g) > 1]
