"""Cleaning of plain-text articles and of text in general.

Plain-text articles (such as the seed corpus) arrive as copied web pages:
non-breaking spaces, lines broken inside paragraphs, page furniture ("Related
Articles", "Back to top button", ad-block notices, affiliate notices and
disclaimers), photo captions and author credits mixed with the body, and words
glued together where markup was lost ("RelationsCICIR": kept as written, found
by its parts through the index's analyzer).  This module turns
such text into classified blocks; :mod:`searchapp.paragraphs` numbers them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from whoosh.support.charset import accent_map

from searchapp import lexicon

_SPACE = re.compile(r"[ \t\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b]+")
# C0 and C1 control characters (NEL, U+0085, is a line break: white space above)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def normalize_space(text: str) -> str:
    """Collapse runs of white space (non-breaking spaces included) to one space."""
    if not text.isprintable():  # (every control character is unprintable)
        text = _CONTROL.sub("", text)
    text = text.replace("\r", " ").replace("\n", " ")
    if not text.isascii() or "  " in text or "\t" in text:  # else nothing to collapse
        text = _SPACE.sub(" ", text)
    return text.strip()


def stretches(starts: Iterable[int], before: int, after: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the stretches from ``before`` characters before each of
    ``starts`` (positions in increasing order) to ``after`` characters after it, those
    that overlap or touch joined, in order: where a bounded pattern that must hold what
    stands at those positions can match."""
    stretch: list[int] | None = None
    for i in starts:
        start, end = max(0, i - before), i + after
        if stretch is not None and start <= stretch[1]:
            stretch[1] = end
            continue
        if stretch is not None:
            yield stretch[0], stretch[1]
        stretch = [start, end]
    if stretch is not None:
        yield stretch[0], stretch[1]


# --- letters folded ---------------------------------------------------------

#: Letters Whoosh's ``accent_map`` leaves alone or folds to one letter where a reader
#: types two: "Weiß" is typed "Weiss", "Ærø" "Aero", "Œuvre" "Oeuvre", "Þór" "Thor".
_TWO_LETTER_FOLDS = {"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                     "þ": "th", "Þ": "th"}


@lru_cache(maxsize=1)
def letter_folds() -> dict[int, str]:
    """What a Latin letter is folded to, for :meth:`str.translate`: Whoosh's
    ``accent_map`` (accents dropped, and the letters Unicode does not decompose:
    ı, ł, ø, đ, ð ... -> i, l, o, d, d) with :data:`_TWO_LETTER_FOLDS` over it.  The one
    table for the index's analyzers (:func:`searchapp.index.analysis.fold_map`) and
    for the keys persons and facet values are compared by (:func:`fold_letters`), so
    that a name typed without its letters finds what the text search finds."""
    out = dict(accent_map)
    out.update((ord(a), b) for a, b in _TWO_LETTER_FOLDS.items())
    return out


def fold_letters(text: str) -> str:
    """``text`` case-folded, compatibility forms and accents dropped (NFKD) and its
    Latin letters folded (:func:`letter_folds`): "Aydınlı", "AYDINLI" and "Aydinli"
    give "aydinli", "Wałęsa" "walesa", "Weiß" "weiss".  How person names, facet
    values and name parts are compared (:func:`searchapp.ingest.persons.names.plain`)."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(letter_folds()).casefold()


# --- glued words ------------------------------------------------------------
# Words are never split here: a plain-text file cannot tell glue ("RelationsCICIR",
# copied from a page) from a word written that way ("AirPods", "WikiLeaks"), so
# the text stays as written and the index finds both forms
# (searchapp.index.analysis.camel_parts).  HTML glue is separated where the
# markup shows it (searchapp.ingest.html.markup.separate_glued_texts).

# Particles and prefixes that start names and brands written in one word: McDonald,
# DeSantis, LaGuardia (a capitalised head of one or two letters), MacArthur,
# VanderBilt-like heads, and iPhone, eBay, iOS (a lower-case head of one or two).
_NAME_HEADS = frozenset(("mac", "van", "von", "della"))


def camel_parts(word: str) -> list[tuple[int, int]] | None:
    """The (start, end) spans of the parts of a word written in camel case, or
    None when ``word`` is one part.

    A part starts where a lower-case letter runs into a capital (``Air|Pods``,
    ``watch|OS``, ``Relations|CICIR``) or where a run of capitals ends before a
    capitalised word (``CICIR|Report``, ``USA|Today``).  Not split: names with a
    particle or a short lower-case prefix (see ``_NAME_HEADS``), and words with a
    part under two letters (``FooA``, ``PDFs``).  The one rule for the index and
    the query (``searchapp.index.analysis``, ``searchapp.search.query``) and the
    registry's mentions (``searchapp.ingest.entities``).
    """
    n = len(word)
    cuts = [i for i in range(1, n)
            if word[i].isupper() and (
                word[i - 1].islower()
                or (i >= 2 and word[i - 1].isupper() and word[i - 2].isupper()
                    and i + 2 < n and word[i + 1].islower() and word[i + 2].islower()))]
    if not cuts:
        return None
    head = word[: cuts[0]]
    if (len(head) <= 2 or head.lower() in _NAME_HEADS) and head.isalpha():
        return None  # McDonald, DeSantis, MacArthur, iPhone, eBay, iOS
    bounds = [0, *cuts, n]
    spans = list(zip(bounds, bounds[1:], strict=False))
    if any(b - a < 2 for a, b in spans):
        return None
    return spans


_LETTER_PAREN = re.compile(r"(?<=[A-Za-z])\((?=[^\s)])")
_CJK_CHAR = lexicon.CJK_CHAR
_ABBR_DIGIT = re.compile(rf"\b({'|'.join(lexicon.MONTH_ABBREVIATIONS)}|No)\.(?=\d)")
_DOT_DIGIT = re.compile(r"\.\d")  # what every _ABBR_DIGIT match holds


def text_size(text: str) -> int:
    """The length of ``text`` in Latin-letter equivalents.

    A CJK character carries about as much as three Latin letters (a Chinese
    word is 1-2 characters, an English one 5-6 with its space), so length
    thresholds written for spaced scripts count each CJK character three
    times: a 40-character Japanese sentence is as long as a 120-letter one.
    """
    if text.isascii():
        return len(text)
    return len(text) + 2 * len(_CJK_CHAR.findall(text))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any kana, CJK ideograph or Hangul."""
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def repair_glued_words(text: str) -> str:
    """Space what lost spacing glued where no word is written that way: a word run
    into an opening parenthesis (``Zedong(毛泽东)`` -> ``Zedong (毛泽东)``) and a
    month abbreviation into its day (``Aug.18`` -> ``Aug. 18``).

    Words themselves are kept as written: ``RelationsCICIR`` and ``AirPods``
    stay one word, which the index finds as written and by its parts.
    """
    if "(" in text:
        text = _LETTER_PAREN.sub(" (", text)
    if _DOT_DIGIT.search(text):  # a quick test: the abbreviations' alternation is slow
        text = _ABBR_DIGIT.sub(r"\1. ", text)
    return text


# --- line-level classification ---------------------------------------------

_BOILERPLATE_LINE = re.compile(
    r"^(?:related articles?|related posts?|related stories|sponsored content|sponsored|"
    r"back to top(?: button)?|available for amazon prime|close|adblock detected|"
    r"ad ?block(?:er)? detected|please consider supporting us.*|advertisement|"
    r"share (?:this|on).*|click to share.*|subscribe(?: now)?|sign up.*newsletter.*|"
    r"read more|continue reading|skip to (?:main )?content|print|email|\(end\)|"
    r"view \d[\d,]*|loading\.*|you may also like|recommended(?: for you)?|"
    r"\*?as an amazon associate.*|.*\bearn from qualifying purchases\b.*|"
    r"all rights reserved.*|copyright ©.*|© ?\d{4}.*)$",
    re.I,
)
_DISCLAIMER = re.compile(
    r"(?:does not (?:always )?(?:share|support|necessarily reflect)|do not necessarily reflect|"
    r"(?:does not|doesn't) reflect the views|views (?:and opinions )?expressed (?:here|in this)"
    r"|are (?:just )?those of the (?:writer|author)|personal opinions? and does not)",
    re.I,
)
_PHOTO_CREDIT = re.compile(  # the agencies: searchapp.lexicon
    rf"\((?:[^()]*/[^()]*|[^()]*\b(?:{lexicon.CREDIT_AGENCIES}|Handout|Photo|Pool)\b[^()]*)\)\s*$"
)
_CAPTION_START = re.compile(r"^(?:\((?:L-R|R-L|From left|Left|Right|Top|Above)\)|Photo:|"
                            r"Pictured:|Image:|File photo)", re.I)
_TRANSLATOR = re.compile(
    r"^\(?\s*(?:translated (?:to|into) \w+ by|translation by|translator:)\s*[^)]*\)?$", re.I
)
_AFFILIATION = re.compile(
    r"\b(?:Professor|Fellow|Researcher|Research Fellow|Director|Analyst|Lecturer|"
    r"Ph\.?D|Dr\.|Correspondent|Reporter|Editor|Institute|University|Center|Centre)\b"
)
# A reporter's address, as wire stories end ("sjh@yna.co.kr (END)").
_EMAIL = re.compile(r"^\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?(?:\s*\((?i:end)\))?$")
_SENTENCE_END = lexicon.SENTENCE_END
_FULL_STOP = lexicon.FULL_STOP


@dataclass(frozen=True)
class TextBlock:
    """A classified block of text: ``kind`` is one of :data:`KINDS`."""

    kind: str
    text: str


# body: article text; heading: section heading; caption: photo caption;
# credit: author/translator credit or affiliation; note: translator's or
# editor's note; label: series or outlet label printed above the title, or a line that is
# only a date or time above or below the text (ingest.furniture); byline: who
# wrote the document, as printed (or its authors, where only its properties name them).
KINDS = ("title", "heading", "body", "caption", "credit", "note", "label", "byline")


def split_blocks(text: str) -> list[str]:
    """Split a plain-text article into paragraph strings.

    Blank lines separate paragraphs; inside a paragraph, lines broken in the
    middle of a sentence are joined.  A file written one paragraph per line
    (no blank lines) gives one paragraph per line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [normalize_space(line) for line in text.split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not _continues(current[-1], line):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [_join_hyphenation(p) for p in paragraphs]


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence that ``previous`` broke off."""
    if _SENTENCE_END.search(previous) or previous.endswith(":"):
        return False
    first = line[0]
    if first.islower() or first in ",;–—-":
        return True
    # Hard-wrapped prose: a long line cut at a word boundary.
    return len(previous) >= 60 and len(previous) <= 100 and not looks_like_heading(line)


def _join_hyphenation(text: str) -> str:
    return re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2)
                  if m.group(2).islower() and m.group(1).islower() else m.group(0), text)


_BULLETS = ("●", "■", "▶", "◆", "▲", "○", "□", "◇")


def looks_like_heading(line: str) -> bool:
    words = line.split()
    if line.startswith(_BULLETS) and len(line) <= 200:
        return True
    if not words or len(words) > 14 or len(line) > 110:
        return False
    if _SENTENCE_END.search(line) or line.endswith((",", ";")):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.5


# What every match of _DISCLAIMER holds (see may_contain).
_DISCLAIMER_WORDS = ("does not", "do not", "reflect the views", "expressed", "those of the")
# Characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (İ and ı to i, ſ to s; the Kelvin sign lowers to k): where one is present,
# a lower-cased text may not show what the pattern sees.
_CASE_TWINS = ("\u0130", "\u0131", "\u017f")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower case) as a
    case-insensitive pattern (``re.I``) sees it: False only where none is there,
    so a slow search for a pattern that needs one of them can be skipped."""
    if not text.isascii() and any(twin in text for twin in _CASE_TWINS):
        return True
    low = text.lower()
    return any(word in low for word in words)


def is_boilerplate(text: str) -> bool:
    """Page furniture, affiliate notices and publisher disclaimers."""
    bare = text.strip(" \"'“”*")
    if len(bare) < 300 and _BOILERPLATE_LINE.match(bare):  # furniture is short
        return True
    return len(text) < 400 and may_contain(text, _DISCLAIMER_WORDS) \
        and bool(_DISCLAIMER.search(text))


def classify(paragraphs: list[str]) -> list[TextBlock]:
    """Classify plain-text paragraphs: boilerplate dropped, others given a kind."""
    out: list[TextBlock] = []
    n = len(paragraphs)
    for i, raw in enumerate(paragraphs):
        text = repair_glued_words(raw)
        if not text.strip() or is_boilerplate(text) or not _has_letters(text):
            continue
        out.append(TextBlock(_kind(text, i, n), text))
    return out


def line_kind(text: str) -> str:
    """The kind :func:`classify` gives ``text`` (repaired, not boilerplate: the
    caller has checked) as a paragraph on its own, or ``""`` for a text it
    drops (blank, or without a letter).  One paragraph's work, without
    :func:`classify`'s repair and boilerplate test a second time."""
    if not text.strip() or not _has_letters(text):
        return ""
    return _kind(text, 0, 1)


def _has_letters(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


_NOTE = re.compile(r"^(?:translator|editor)[’'`]?s note\b", re.I)
_LABEL = re.compile(r"^\[[^\]]{1,40}\]$")  # a section tag such as "[APEC 정상회의]"
_DR_NAME = re.compile(r"^(?:Dr|Prof)\.\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}$")
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|said|says|will|would)\b")


def _kind(text: str, index: int, total: int) -> str:
    stripped = text.strip()
    if _CAPTION_START.match(stripped) or (
        len(stripped) < 600 and "(" in stripped and _PHOTO_CREDIT.search(stripped)
    ):
        return "caption"
    if _TRANSLATOR.match(stripped) or _EMAIL.match(stripped):
        return "credit"
    if _NOTE.match(stripped):
        return "note"
    if _LABEL.match(stripped):
        return "label"  # a section tag such as "[APEC 정상회의]"
    if _is_affiliation(stripped, index, total):
        return "credit"
    if looks_like_heading(stripped):
        return "heading"
    return "body"


def _is_affiliation(text: str, index: int, total: int) -> bool:
    """Short "Name, Professor of ..." lines that credit an author."""
    if len(text) > 260:
        return False
    words = text.strip("()").split()
    if _DR_NAME.match(text):
        return True
    if not _AFFILIATION.search(text) or _FULL_STOP.search(text):
        return False  # a credit is a label; a line ending in a full stop is a sentence
    near_edge = index <= 8 or index >= total - 3
    sentence_verbs = _SENTENCE_VERB.search(text)
    return near_edge and not sentence_verbs and len(words) <= 30
