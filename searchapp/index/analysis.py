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

A word written in camel case (``AirPods``, ``WikiLeaks``, ``watchOS``, or
``RelationsCICIR`` where copying lost a space) is indexed as written *and* by its
parts (:class:`CamelCaseFilter`), so ``AirPods``, ``airpods``, ``Air Pods`` and
``air`` all find it: a file cannot tell a brand from glue, so both forms are
kept.  Names written with a particle (``McDonald``, ``DeSantis``, ``MacArthur``)
and lower-case prefixes (``iPhone``, ``eBay``) are one word only.

Wildcard and range texts reach the analyzer untokenized (``tokenize=False``);
they are folded but neither stemmed nor split, so ``pres*`` means "starts with
pres", not "starts with the stem of pres".
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS

from searchapp.ingest.text import camel_parts, letter_folds
from searchapp.lexicon import CJK, CJK_RUN, WORD_HYPHENS
from searchapp.lexicon import CJK_CHAR as _HAS_CJK

# A word: letters and digits, dots inside it kept; for text, also hyphens between
# two letters or a letter and a digit ("e-mail", "Jong-un", "state-of-the-art", "F-35",
# "COVID-19", "3-D"; not between two digits: "2019-2024", "195-106" are figures), and a
# run of CJK characters a word of its own, so that a hyphenated word written against
# one ("F-35の", "KF-21은", "J-20战机") is the word it is elsewhere (the CJK run is split
# into bigrams either way, at the same positions: CJKBigramFilter).
_WORD = r"\w+(\.?\w+)*"
_W = rf"[^\W{CJK}]"  # a letter or digit of no CJK script
_HYPHENATED_WORD = (rf"[{CJK}]+|{_W}+(\.?{_W}+|(?:(?<=[^\W\d_{CJK}])[{WORD_HYPHENS}](?={_W})"
                    rf"|(?<=\d)[{WORD_HYPHENS}](?=[^\W\d_{CJK}])){_W}+)*")
_HYPHEN = re.compile(f"[{WORD_HYPHENS}]")
_HAS_WORD = re.compile(r"[^\W_]")
_JOINED = re.compile(_HYPHENATED_WORD)


def indexed_joined(word: str) -> bool:
    """Whether the text analyzer keeps hyphenated ``word`` as one token, so its joined
    form is indexed ("e-mail" -> "email", "F-35" -> "f35"); not where a hyphen joins two
    figures ("2025-26")."""
    return bool(_HYPHEN.search(word)) and _JOINED.fullmatch(word) is not None


class Tokenizer(RegexTokenizer):
    """Whoosh's word tokenizer that tells later filters whether it split the text,
    and keeps each token as written (``original``: the case :class:`CamelCaseFilter`
    reads after lower-casing).

    Words are runs of letters and digits, dots inside them kept (``U.S``, ``3.14``,
    ``example.com``), and for text hyphens between letters or a letter and a digit
    (``e-mail``, ``F-35``: its parts and its joined form are indexed,
    :class:`CamelCaseFilter`; names keep the parts only, ``hyphens=False``).  Whoosh's default pattern also takes ``*`` into words, so
    "*emphasis*" or a footnote's "Ali***" was indexed as ``*emphasi``/``ali***``
    and never found; wildcards in a query reach the analyzer untokenized, so they
    do not need it.
    """

    def __init__(self, hyphens: bool = True) -> None:
        super().__init__(_HYPHENATED_WORD if hyphens else _WORD)

    def __call__(self, value, tokenize=True, **kwargs):
        kwargs["keeporiginal"] = True
        return super().__call__(value, tokenize=tokenize, whole=not tokenize, **kwargs)


# Where a token's parts meet: a dot, a hyphen, or underscores between letters or
# digits ("snake_case"; a leading "_logger" keeps its underscore).
_SEPARATOR = re.compile(rf"\.|[{WORD_HYPHENS}]|(?<=[^\W_])_+(?=[^\W_])")


def word_parts(token: str) -> list[tuple[int, int]] | None:
    """The (start, end) spans of a token's parts, or None when it is one part.

    The tokenizer keeps ``example.com``, ``icu.Locale.getRoot`` and ``snake_case``
    as one token; their parts are the pieces between dots and underscores, each
    split again where it is written in camel case (:func:`camel_parts`): ``t.co``
    gives ``t`` and ``co``, ``3.14`` gives ``3`` and ``14``.  The query splits them
    the same way, so ``U.S.`` finds "U.S." (its parts, one after the other).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for sep in (*_SEPARATOR.finditer(token), None):
        end = len(token) if sep is None else sep.start()
        inner = camel_parts(token[start:end])
        if inner is None:
            if end > start:
                spans.append((start, end))
        else:
            spans.extend((start + a, start + b) for a, b in inner)
        if sep is not None:
            start = sep.end()
    return spans if len(spans) > 1 else None


@lru_cache(maxsize=1)
def fold_map() -> dict[int, str]:
    """What the analyzers fold a character to: Latin letters without their accents
    (Whoosh's ``accent_map``; ß, æ and œ as two letters: the table of
    :func:`searchapp.ingest.text.letter_folds`, which the persons' keys use too), and a
    traditional Han character to its simplified form (賴 -> 赖, 發 -> 发: OpenCC's t2s,
    character by character, so a Han text keeps its length and offsets), so either
    script finds the other."""
    chars = [chr(c) for lo, hi in _HAN_BLOCKS for c in range(lo, hi)]
    out = dict(letter_folds())
    try:
        import opencc

        simple = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    except Exception:  # noqa: BLE001 -- its tables missing from a build: no script folding,
        return out  # the same for the index and the queries of this install
    if len(simple) == len(chars):  # one line per character, as given
        out.update((ord(a), b) for a, b in zip(chars, simple, strict=True)
                   if a != b and len(b) == 1)
    return out


# the Han blocks OpenCC's tables cover: unified ideographs, extension A, compatibility
_HAN_BLOCKS = ((0x4E00, 0xA000), (0x3400, 0x4DC0), (0xF900, 0xFB00))


def fold(text: str) -> str:
    """Lower-cased, accent- and script-folded, as :func:`text_analyzer` folds a word."""
    return text.lower().translate(fold_map())


class CamelCaseFilter(Filter):
    """Index a camel-case word (or a dotted one: ``example.com``) as written and by
    its parts (:func:`word_parts`).

    When indexing, ``AirPods`` at position p gives ``airpods`` at p, ``air`` at p,
    ``pods`` at p+1 and ``airpods`` again at p+1, and later words move one position
    on: the phrase "new AirPods charger" (its parts), "Air Pods", "new airpods" and
    "airpods charger" all match.  In a query the word gives its parts only (a
    phrase; :func:`searchapp.search.query.rewrite_camel_case` adds the whole word
    beside it).  Tokens a later stage must not count as new words of the text
    (every emission of a split word after the first) carry ``extra = True``: the
    bulk indexer (``index/whoosh/segments.py``) numbers positions from it.
    """

    def __call__(self, tokens):
        shift = 0
        for t in tokens:
            if shift and t.positions:
                t.pos += shift
            t.extra = False
            original = getattr(t, "original", "")
            spans = None
            if not (t.stopped or getattr(t, "whole", False) or original.isalpha()
                    and original.islower()) and not _HAS_CJK.search(original):
                spans = word_parts(original)
            if spans is None:
                yield t
                continue
            whole = t.text = _HYPHEN.sub("", t.text)  # "e-mail" is also "email"
            pos = t.pos if t.positions else 0
            start = t.startchar if t.chars else 0
            query = t.mode == "query"
            if not query:
                yield t  # the word as written, at the first part's position
                t.extra = True
            for i, (a, b) in enumerate(spans):
                t.text = fold(original[a:b])
                if t.positions:
                    t.pos = pos + i
                if t.chars:
                    t.startchar, t.endchar = start + a, start + b
                yield t
                t.extra = True
            if not query:  # ... and again at the last part's
                t.text = whole
                if t.chars:
                    t.startchar, t.endchar = start, start + len(original)
                yield t
            shift += len(spans) - 1


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
        if m.start() > pos and _HAS_WORD.search(text, pos, m.start()):  # not a lone "-"
            out.append((pos, text[pos : m.start()]))
        run = m.group()
        if len(run) == 1:
            out.append((m.start(), run))
        else:
            out.extend((m.start() + i, run[i : i + 2]) for i in range(len(run) - 1))
        pos = m.end()
    if pos < len(text) and _HAS_WORD.search(text, pos):
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
STOP_TERMS = frozenset(STOP_WORDS) | frozenset("abcdefghijklmnopqrstuvwxyz")


def text_analyzer():
    """Analyzer for body and title text (stemmed, stop words dropped)."""
    return (Tokenizer() | LowercaseFilter() | CharsetFilter(fold_map()) | CJKBigramFilter()
            | StopFilter(stoplist=STOP_TERMS, minsize=1, renumber=False) | CamelCaseFilter()
            | QueryAwareStemFilter())


def name_analyzer():
    """Analyzer for names (sources, authors): folded and split, never stemmed."""
    return Tokenizer(hyphens=False) | LowercaseFilter() | CharsetFilter(fold_map()) \
        | CJKBigramFilter()


class TokenCache:
    """The tokens ``analyzer`` gives a text (position, term, start and end character),
    each distinct raw word analyzed once and remembered.

    The text analyzer's chain works on one word at a time (lower case, accent fold,
    CJK bigrams, stop words, camel-case parts, stem) and every piece takes its
    place, a stopped one too: a word's pieces sit at fixed places after the word's
    first (a camel-case word's whole and parts overlap, :class:`CamelCaseFilter`),
    and the next word starts after the last of them; so a word's pieces can be kept.  Highlighting a page of results analyzes every hit's
    paragraph, and the chain's per-token Python was a third of a search request.
    The segment builder (:mod:`searchapp.index.whoosh.segments`) numbers positions
    by the same rule.
    """

    def __init__(self, analyzer, limit: int = 50_000) -> None:
        self.analyzer = analyzer
        self.finditer = analyzer.items[0].expression.finditer  # the tokenizer's words
        self.limit = limit
        # raw word -> ((term or None, place after the word's first, start, end), ...),
        # and how many places the word takes
        self.memo: dict[str, tuple[tuple[tuple[str | None, int, int, int], ...], int]] = {}

    def __call__(self, text: str) -> list[tuple[int, str, int, int]]:
        """``(pos, term, startchar, endchar)`` of each kept token of ``text``, as
        ``analyzer(text, positions=True, chars=True, mode="index")`` gives them."""
        out = []
        pos = 0
        memo = self.memo
        for m in self.finditer(text):
            raw = m.group()
            hit = memo.get(raw)
            if hit is None:
                hit = self._pieces(raw)
            pieces, width = hit
            start = m.start()
            for term, at, s, e in pieces:
                if term is not None:
                    out.append((pos + at, term, start + s, start + e))
            pos += width
        return out

    def _pieces(self, raw: str):
        pieces = tuple((None if t.stopped else t.text, t.pos, t.startchar, t.endchar)
                       for t in self.analyzer(raw, chars=True, positions=True,
                                              removestops=False, mode="index"))
        hit = pieces, max((p[1] for p in pieces), default=-1) + 1
        if len(self.memo) >= self.limit:
            self.memo.clear()
        self.memo[raw] = hit
        return hit
