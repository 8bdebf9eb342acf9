"""Text analysis for the index: English stemming, case and accent folding, CJK bigrams.

Latin-script words are lower-cased, folded (``Séoul`` finds ``Seoul``), stop
words dropped and Porter-stemmed.  A dropped stop word keeps its place: the
words after it are not moved up, so "all the time" is not the phrase "all
time" (nor what the hyphenated ``all-time`` searches), and the phrase
"Bank of America" asks for *america* two places after *bank*
(:mod:`searchapp.search.phrase`).  Han, Hangul and Kana have no spaces
between words, so any run of them becomes overlapping character bigrams
(``习近平`` -> ``习近 近平``); the query parser turns a multi-token word into a
phrase, so typing ``习近平`` or ``정상회의`` finds exactly the paragraphs
containing it, wherever it sits inside a longer run.

Wildcard and range texts reach the analyzer untokenized (``tokenize=False``);
they are folded but neither stemmed nor split, so ``pres*`` means "starts with
pres", not "starts with the stem of pres".
"""

from __future__ import annotations

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.support.charset import accent_map

from searchapp.lexicon import CJK_CHAR as _HAS_CJK
from searchapp.lexicon import CJK_RUN


class Tokenizer(RegexTokenizer):
    """Whoosh's word tokenizer that tells later filters whether it split the text."""

    def __call__(self, value, tokenize=True, **kwargs):
        return super().__call__(value, tokenize=tokenize, whole=not tokenize, **kwargs)


class CJKBigramFilter(Filter):
    """Split runs of CJK characters inside a token into overlapping bigrams."""

    def __call__(self, tokens):
        shift = 0  # positions added by earlier splits
        for t in tokens:
            if shift and t.positions:
                t.pos += shift
            text = t.text
            if getattr(t, "whole", False) or not _HAS_CJK.search(text):
                yield t
                continue
            pieces = _pieces(text)
            base_pos = t.pos if t.positions else 0
            base_char = t.startchar if t.chars else 0
            for i, (start, piece) in enumerate(pieces):
                t.text = piece
                if t.positions:
                    t.pos = base_pos + i
                if t.chars:
                    t.startchar = base_char + start
                    t.endchar = base_char + start + len(piece)
                yield t
            shift += len(pieces) - 1


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each bigram of the CJK runs and each other part of ``text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in CJK_RUN.finditer(text):
        if m.start() > pos:
            out.append((pos, text[pos : m.start()]))
        run = m.group()
        if len(run) == 1:
            out.append((m.start(), run))
        else:
            out.extend((m.start() + i, run[i : i + 2]) for i in range(len(run) - 1))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


class QueryAwareStemFilter(StemFilter):
    """Porter stemming, except for untokenized texts (wildcards, ranges) and CJK."""

    def __call__(self, tokens):
        stem = self._stem
        for t in tokens:
            if not (t.stopped or getattr(t, "whole", False) or _HAS_CJK.search(t.text)):
                t.text = stem(t.text)
            yield t


# Whoosh drops every one-character token by default, which would lose a lone
# Han character such as 尹; only single Latin letters are dropped here.
_STOP = frozenset(STOP_WORDS) | frozenset("abcdefghijklmnopqrstuvwxyz")


def text_analyzer():
    """Analyzer for body and title text (stemmed, stop words dropped)."""
    return (Tokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | CJKBigramFilter()
            | StopFilter(stoplist=_STOP, minsize=1, renumber=False) | QueryAwareStemFilter())


def name_analyzer():
    """Analyzer for names (sources, authors): folded and split, never stemmed."""
    return Tokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | CJKBigramFilter()


class TokenCache:
    """The tokens ``analyzer`` gives a text (position, term, start and end character),
    each distinct raw word analyzed once and remembered.

    The text analyzer's chain works on one word at a time (lower case, accent fold,
    CJK bigrams, stop words, stem) and every piece takes one position, a stopped
    one too: so a text's tokens are its words' pieces one after the other, and a
    word's pieces can be kept.  Highlighting a page of results analyzes every hit's
    paragraph, and the chain's per-token Python was a third of a search request.
    The segment builder (:mod:`searchapp.index.whoosh.segments`) numbers positions
    by the same rule.
    """

    def __init__(self, analyzer, limit: int = 50_000) -> None:
        self.analyzer = analyzer
        self.finditer = analyzer.items[0].expression.finditer  # the tokenizer's words
        self.limit = limit
        self.memo: dict[str, tuple[tuple[str | None, int, int], ...]] = {}

    def __call__(self, text: str) -> list[tuple[int, str, int, int]]:
        """``(pos, term, startchar, endchar)`` of each kept token of ``text``, as
        ``analyzer(text, positions=True, chars=True, mode="index")`` gives them."""
        out = []
        pos = 0
        memo = self.memo
        for m in self.finditer(text):
            raw = m.group()
            pieces = memo.get(raw)
            if pieces is None:
                pieces = self._pieces(raw)
            start = m.start()
            for term, s, e in pieces:
                if term is not None:
                    out.append((pos, term, start + s, start + e))
                pos += 1
        return out

    def _pieces(self, raw: str) -> tuple[tuple[str | None, int, int], ...]:
        pieces = tuple((None if t.stopped else t.text, t.startchar, t.endchar)
                       for t in self.analyzer(raw, chars=True, removestops=False,
                                              mode="index"))
        if len(self.memo) >= self.limit:
            self.memo.clear()
        self.memo[raw] = pieces
        return pieces
