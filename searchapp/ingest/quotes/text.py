"""Sentences and words of a paragraph, with its quotations kept whole.

Quote attribution reads the words around a quotation, never inside it: a
sentence ends only outside quote marks (or right after a quotation that ends
one), and :func:`words` skips quoted text.  Abbreviations and initials
("Mr.", "U.S.", "Gov.", "W.") do not end sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from searchapp.lexicon import CJK_STOPS, CLOSERS, ELLIPSIS, MONTH_ABBREVIATIONS, MONTHS, STOPS

#: Abbreviations written with a period that do not end a sentence: these, and the
#: months' (searchapp.lexicon; not "May", a whole word).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj cpl pvt st jr sr inc corp co
ltd no vol vs etc e.g i.e u.s u.k u.n d.c a.m p.m mt ft rev hon fr pres supt det insp ave
blvd dept est fig al approx
""".split()) | {m.lower() for m in MONTH_ABBREVIATIONS if m not in MONTHS}
_END = re.compile(rf"[.!?{ELLIPSIS}]+[{CLOSERS}']*(?=\s+[\"“‘'(\[A-Z0-9]|\s*$)|"
                  rf"[{CJK_STOPS}]+[{CLOSERS}]?")
_WORD = re.compile(r"[\w][\w’'.\-]*|[^\w\s]")
#: Sentence-ending punctuation at a quotation's end ('... realized."').
_QUOTE_END = re.compile(f"[{STOPS}{ELLIPSIS}]\\s*$")
#: After a quotation, its attribution: a few words, then a verb of speech ("Trump tweeted").
_ATTRIBUTION = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|tweeted|wrote|added|asked|"
                          r"told|replied|explained|noted|recalled|continued|insisted|warned)\b")


class Word:
    """A word (or punctuation mark, or "Q" for a quotation) at ``start:end`` of its
    paragraph; ``lower`` its lower case, computed once (the rules read it a million
    times a collection)."""

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Word) and (self.start, self.end, self.text) == (
            other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Word({self.start}, {self.end}, {self.text!r})"


# A wire story's dateline opening its first paragraph: a place in capitals, perhaps
# the day and the agency, then a dash ("BRUSSELS, March 4 (AP) — ", "RIYADH -- ").
_DATELINE = re.compile(
    r"[^\W\d_a-z][^\W\da-z]+(?:[ ,.'’-]+[^\W\d_a-z][^\W\da-z]*)*"  # PORT-AU-PRINCE
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # , March 4
    r"(?:\s*\([^()]{1,40}\))?"  # (AP)
    r"\s*(?:—|–|--?)\s+(?=[\"“‘A-Z])")  # a sentence follows


def sentences(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; ``quotes`` are (start, end) spans never cut.  A
    wire dateline opening the text is no part of its first sentence."""
    dateline = _DATELINE.match(text)
    if dateline and not any(a < dateline.end() for a, _ in quotes):
        cut = dateline.end()
        return [(a + cut, b + cut) for a, b in
                sentences(text[cut:], [(a - cut, b - cut) for a, b in quotes])]
    cuts: list[int] = []
    for m in _END.finditer(text):
        end = m.end()
        if any(a < m.start() < b - 1 for a, b in quotes):
            continue
        if m.group(0).startswith(".") and _abbreviation(text, m.start()):
            continue
        cuts.append(end)
    for a, b in quotes:  # a quotation that ends a sentence: '"... realized." Then ...'
        inner = text[a:b - 1]
        rest = text[b:]
        if _QUOTE_END.search(inner) and re.match(r"\s+[\"“‘(A-Z]", rest) \
                and not _ATTRIBUTION.match(rest):  # not '"...!" Trump tweeted on Monday.'
            cuts.append(b)
    out = []
    start = 0
    for c in sorted(set(cuts)):
        if c <= start:
            continue
        if text[start:c].strip():
            out.append(_trim(text, start, c))
        start = c
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _abbreviation(text: str, dot: int) -> bool:
    """The period at ``dot`` closes an abbreviation or an initial."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    token = text[j:dot].lower()
    if not token:
        return False
    if len(token) == 1 and text[j].isupper():
        return True  # an initial: "George W. Bush"
    return token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS or "." in token


def words(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Word]:
    """The words (and punctuation marks) of ``text[start:end]`` outside quotations; a
    quotation is one word "Q"."""
    out: list[Word] = []
    pos = start
    for a, b in sorted(quotes):
        if b <= start or a >= end:
            continue
        out.extend(_words(text, pos, max(pos, a)))
        out.append(Word(max(a, start), min(b, end), "Q"))
        pos = min(b, end)
    out.extend(_words(text, pos, end))
    return out


def _words(text: str, a: int, b: int) -> Iterator[Word]:
    for m in _WORD.finditer(text, a, b):
        w = m.group(0)
        if len(w) > 1 and w.endswith(".") and w[:-1].lower() not in ABBREVIATIONS \
                and "." not in w[:-1] and not (len(w) == 2 and w[0].isupper()):
            yield Word(m.start(), m.end() - 1, w[:-1])
            yield Word(m.end() - 1, m.end(), ".")
        else:
            yield Word(m.start(), m.end(), w)
