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

The stand-in of ``htmldate.core.plausible_year_filter`` below shortens the text
for those patterns and calls htmldate's own filter.  It is put in only while
htmldate's filter has the source translated here and each pattern the text it
was checked with (keyed by hashes; htmldate is pinned exactly in
``pyproject.toml``); a pattern it does not know gets the whole text.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable

from htmldate import core, validators

from searchapp.ingest.html._trafilatura_links import source_key_of

#: sha1 (12 hex digits) of each local pattern's text: THREE, THREE_LOOSE,
#: SELECT_YMD, DATESTRINGS, SLASHES, YYYYMM, MMYYYY, SIMPLE of htmldate 1.11.0.
LOCAL_PATTERNS = frozenset((
    "e5819d6fa5a0", "605b9f18a7ff", "857ec836be70", "b2af285d75ce",
    "7f536b0970df", "8eea20edf9b0", "b59a13d4362e", "28e07545722e"))
#: sha1 of ``htmldate.validators.plausible_year_filter``'s source.
_FILTER_SOURCE = "2bd00be47692"

REACH = 8  # characters a local pattern reads on either side of a digit
_GAP = re.compile(rf"\D{{{2 * REACH + 1},}}")


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@functools.lru_cache(maxsize=64)
def is_local(pattern: re.Pattern) -> bool:
    """Whether ``pattern`` is one whose matches read only near digits."""
    return _key(pattern.pattern) in LOCAL_PATTERNS


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
    """Put the stand-in into htmldate's core module (idempotent); whether it is in."""
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
    """Restore htmldate's own filter."""
    if _original:
        core.plausible_year_filter = _original[0]
    _last.text = None
