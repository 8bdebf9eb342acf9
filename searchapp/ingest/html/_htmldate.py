"""htmldate's search of a page's markup for date patterns, on less of the markup.

Where a page states no date in its URL, meta tags, JSON-LD or ``<time>``
elements, htmldate's extensive search runs its date patterns over the whole
serialized page (``htmldate.core.search_page``: up to nine ``findall`` over
hundreds of kilobytes of markup): on the 2025 benchmark pages that is half of
the date search's time.  Most of a page is long runs of characters that hold no
digit, where no date pattern can match.

Each pattern translated here matches only a date's digits and separators with at
most one character before them (after a look-behind of at most six) and one
after, so a match, or a failed attempt, only ever reads within 8 characters of
a digit.  Every run of more than 16 characters without a digit is shortened to
its first 8 and last 8: ``findall`` gives the same list on the shortened text
(the same matches, in the same order, consumed alike), which is about a third of
the length.  The copyright pattern (``\\D{0,99}`` between its word and its year)
keeps the whole text.

htmldate's last full-text pattern (``regex_parse``: a month's name, a day and a year
in either order, "March 5, 2024", "5th of March 2024") has no literal start and is
tried at every letter of the markup.  Every match ends with a year, and once each
run of 14 or more letters is cut to its last 13 (the pattern's month word is a whole
run: written first, only its last 12 letters are read; written after the day, a run of
10 or more letters is no month of htmldate's) a match starts at most 28 characters
before its year (24 written first, 27 after a day).  The stand-in of ``regex_parse``
hands htmldate's own function, in turn, the stretches from 32 characters before each
year to 8 after it (runs cut the same way; no match crosses from one stretch to the
next) and keeps the first date found: the same matches in the same order, read on a
few kilobytes instead of the page.

The stand-in of ``htmldate.core.plausible_year_filter`` below shortens the text
for those patterns and calls htmldate's own filter.  It is put in only while
htmldate's filter has the source translated here and each pattern the text it
was checked with (keyed by hashes; htmldate is pinned exactly in
``pyproject.toml``); a pattern it does not know gets the whole text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from htmldate import core, extractors, validators

from searchapp.ingest.html._trafilatura_links import source_key_of, text_key
from searchapp.ingest.text import stretches

#: sha1 (12 hex digits) of each local pattern's text: THREE, THREE_LOOSE,
#: SELECT_YMD, DATESTRINGS, SLASHES, YYYYMM, MMYYYY, SIMPLE of htmldate 1.11.0.
LOCAL_PATTERNS = frozenset((
    "e5819d6fa5a0", "605b9f18a7ff", "857ec836be70", "b2af285d75ce",
    "7f536b0970df", "8eea20edf9b0", "b59a13d4362e", "28e07545722e"))
#: sha1 of ``htmldate.validators.plausible_year_filter``'s source.
_FILTER_SOURCE = "2bd00be47692"
#: sha1 of ``htmldate.extractors.regex_parse``'s source, of its ``LONG_TEXT_PATTERN``
#: and of ``_fold_month_name``'s source (htmldate 1.11.0).
_PARSE_SOURCE, _LONG_TEXT, _FOLD_SOURCE = "1f51cf9934db", "e2a4cc39f322", "9e47fff41a9d"

REACH = 8  # characters a local pattern reads on either side of a digit
_GAP = re.compile(rf"\D{{{2 * REACH + 1},}}")


@functools.lru_cache(maxsize=64)
def is_local(pattern: re.Pattern) -> bool:
    """Whether ``pattern`` is one whose matches read only near digits."""
    return text_key(pattern.pattern) in LOCAL_PATTERNS


def shortened(text: str) -> str:
    """``text`` with every run of more than ``2 * REACH`` characters without a
    digit cut to its first and last ``REACH``."""
    return _GAP.sub(lambda m: m[0][:REACH] + m[0][-REACH:], text)


class _LastShortened:
    """The last text shortened and its shortened form (search_page passes the
    same text to each pattern in turn)."""

    text: str | None = None
    short: str = ""

    def __call__(self, text: str) -> str:
        if text is not self.text:
            self.text, self.short = text, shortened(text)
        return self.short


_last = _LastShortened()
_original: list[Callable] = []


def plausible_year_filter(htmlstring: str, *, pattern: re.Pattern, yearpat: re.Pattern,
                          earliest, latest):
    """htmldate's filter of a pattern's matches to plausible years, on the shortened
    text where the pattern allows it (the same counter)."""
    if is_local(pattern):
        htmlstring = _last(htmlstring)
    return _original[0](htmlstring, pattern=pattern, yearpat=yearpat,
                        earliest=earliest, latest=latest)


def install() -> bool:
    """Put the stand-ins into htmldate's core module (idempotent); whether the filter's
    is in (the full-text parse's: :func:`install_parse`)."""
    install_parse()
    current = getattr(core, "plausible_year_filter", None)
    if current is plausible_year_filter:
        return True
    own = getattr(validators, "plausible_year_filter", None)
    if current is None or current is not own or source_key_of(own) != _FILTER_SOURCE:
        return False
    _original[:] = [own]
    core.plausible_year_filter = plausible_year_filter
    return True


def uninstall() -> None:
    """Restore htmldate's own filter and full-text parse."""
    if _original:
        core.plausible_year_filter = _original[0]
    if _original_parse:
        core.regex_parse = _original_parse[0]
    _last.text = None


# --- the full-text pattern, near the years ----------------------------------------------

KEEP_LETTERS = 13  # letters kept of a longer run (the last ones)
_LONG_RUN = re.compile(rf"[^\W\d_]{{{KEEP_LETTERS + 1},}}")
_YEAR = re.compile(r"(?:199|20[0-3])[0-9]")  # htmldate's YEAR_RE
BEFORE_YEAR, AFTER_YEAR = 32, 8  # a match: at most 28 characters before its year's start
_original_parse: list[Callable] = []


def near_years(text: str) -> Iterator[str]:
    """The stretches of ``text`` where a month's name, a day and a year can be written
    together, in order (overlapping ones joined), each with its letter runs cut to their
    last :data:`KEEP_LETTERS` letters.  A run that a stretch starts inside of keeps over
    20 letters in it (its month word ends at most 9 characters before the year), more
    than the pattern reads of it."""
    years = (m.start() for m in _YEAR.finditer(text))
    for start, end in stretches(years, BEFORE_YEAR, AFTER_YEAR):
        yield _LONG_RUN.sub(lambda m: m[0][-KEEP_LETTERS:], text[start:end])


def regex_parse(string: str):
    """htmldate's full-text parse of ``string``, read only near its years: the first
    stretch's date (the same date)."""
    parse = _original_parse[0]
    for stretch in near_years(string):
        found = parse(stretch)
        if found is not None:
            return found
    return None


def install_parse() -> bool:
    """Put the stand-in of ``regex_parse`` into htmldate's core module (idempotent)."""
    current = getattr(core, "regex_parse", None)
    if current is regex_parse:
        return True
    own = getattr(extractors, "regex_parse", None)
    pattern = getattr(extractors, "LONG_TEXT_PATTERN", None)
    fold = getattr(extractors, "_fold_month_name", None)
    months = getattr(extractors, "MONTH_NUMBERS", None)
    if current is None or current is not own or pattern is None or fold is None \
            or not months or source_key_of(own) != _PARSE_SOURCE \
            or text_key(pattern.pattern) != _LONG_TEXT or source_key_of(fold) != _FOLD_SOURCE \
            or max(map(len, months)) >= KEEP_LETTERS - 3:
        return False
    _original_parse[:] = [own]
    core.regex_parse = regex_parse
    return True
