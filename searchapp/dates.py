"""The one date model: exact day, or year only, for filters, facets, the timeline,
display, exports and the CLI.

A document is dated by a day (``2023-10-05``) or only by a year (``2023``), or
not at all.  In the index each paragraph carries a ``datenum``: ``YYYYMMDD``,
``YYYY0000`` for a year-only date, 0 when undated.  A date range (from the
query's ``date:`` clause, the CLI's ``--from/--to`` or the app's date fields)
holds a year-only document exactly when it covers that whole year: 2023-01-01
to 2023-12-31 holds a document dated "2023"; 2023-03-01 to 2023-12-31 does not.
Pure Python: the app's process imports it.
"""

from __future__ import annotations

import re
from datetime import date as _date

from searchapp.errors import QueryError
from searchapp.lexicon import MONTHS

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
NO_END = 99999999


def datenum(date: str | None, year: int | None) -> int:
    """Sortable date: YYYYMMDD, YYYY0000 when only the year is known, 0 when unknown."""
    if date and len(date) >= 10:
        return int(date[:4] + date[5:7] + date[8:10])
    if year:
        return int(year) * 10000
    return 0


def bound(text: str, end: bool) -> int:
    """``2023`` / ``2023-05`` / ``2023-05-04`` as a datenum bound (lower or upper);
    empty or ``*`` is open.  Raises :class:`QueryError` for anything else."""
    text = text.strip()
    if text in ("", "*"):
        return NO_END if end else 0
    m = _PARTIAL_DATE.match(text)
    if not m:
        raise QueryError(f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            _date(year, int(month), int(day))
            return year * 10000 + int(month) * 100 + int(day)
        if month:
            _date(year, int(month), 1)
            return year * 10000 + int(month) * 100 + (99 if end else 1)
    except ValueError:
        wrong = f"there is no month {int(month)}" if not 1 <= int(month) <= 12 else \
            f"{MONTHS[int(month) - 1]} {year} has no day {int(day)}"
        raise QueryError(f"'{text}' is not a real date ({wrong}): write YYYY, YYYY-MM or "
                         "YYYY-MM-DD, e.g. 2024-03-01") from None
    return year * 10000 + (1231 if end else 101)


def intervals(lo: int, hi: int) -> list[tuple[int, int]]:
    """The datenum values inside the range [lo, hi] (bounds from :func:`bound`), as
    closed intervals: every day in it, and each year-only date whose whole year it
    covers (the same answer as :func:`contains`, for the query language)."""
    if lo > hi:
        raise QueryError("The date range ends before it starts")
    lo = max(lo, 1)
    out = [(lo, hi)]
    last = (hi // 10000) * 10000  # hi's year as a year-only value
    if lo <= last <= hi and hi % 10000 < 1231:  # that year is not whole in the range
        out = [(a, b) for a, b in ((lo, last - 1), (last + 1, hi)) if a <= b]
    first = (lo // 10000) * 10000  # lo's year, numerically below lo
    if first and lo % 10000 <= 101 and hi >= first + 1231:
        out.append((first, first))
    return out


def contains(lo: int, hi: int, value: int) -> bool:
    """Is a paragraph with ``datenum`` ``value`` inside the range [lo, hi]?"""
    if value <= 0:
        return False
    if value % 10000 == 0:  # year-only: the range must cover the whole year
        year = value // 10000
        return lo <= year * 10000 + 101 and hi >= year * 10000 + 1231
    return lo <= value <= hi


def display(date: str | None, year: int | None) -> str:
    """How a date is shown everywhere: the day, or the year alone, or ""."""
    return date or (str(year) if year else "")
