"""Text analysis for the index: English stemming, case and accent folding, CJK bigrams.

Latin-script words are lower-cased, folded (``Séoul`` finds ``Seoul``), stop
words dropped and Porter-stemmed.  Han, Hangul and Kana have no spaces
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
            | StopFilter(stoplist=_STOP, minsize=1) | QueryAwareStemFilter())


def name_analyzer():
    """Analyzer for names (sources, authors): folded and split, never stemmed."""
    return Tokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | CJKBigramFilter()
