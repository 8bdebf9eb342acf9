"""Filters by facet value, and facet counts (the counting itself is in
:class:`~searchapp.index.whoosh.readers.Columns`)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from searchapp import dates
from searchapp.errors import QueryError
from searchapp.index.whoosh.readers import Columns
from searchapp.ingest.entities import Registry
from searchapp.ingest.text import fold_letters
from searchapp.model import FACET_BY_NAME, FACET_NAMES, FACETS, UNKNOWN, Facet, SearchRequest


def resolve_persons(registry: Registry, cols: Columns, names: list[str],
                    holders: Callable[[str], list[str]] | None = None,
                    notices: list[str] | None = None) -> list[str]:
    """Canonical names for ``names`` (any spelling the registry knows, a found person's
    name in any case, or part of exactly one person's name: ``holders`` lists the
    persons whose names hold a value, and a note in ``notices`` says whom it was taken
    as); an unknown one is a :class:`QueryError` (naming the persons it is part of)."""
    out = []
    for name in names:
        canonical = registry.canonical_person(name)
        if canonical is None:
            known = {v.casefold(): v for v in cols.facets["person"][0]}
            canonical = known.get(name.casefold())
        found = holders(name) if canonical is None and holders is not None else []
        if canonical is None and len(found) == 1:
            canonical = found[0]
            if notices is not None:
                notices.append(f"'{name}' taken as {canonical}, the only person whose "
                               "name holds it.")
        if canonical is None:
            part = f"; it is part of the name of {' or '.join(found[:3])}" if found else ""
            raise QueryError(f"Unknown person '{name}': not in the person registry{part} "
                             "(see 'searchapp persons')")
        out.append(canonical)
    return list(dict.fromkeys(out))


def resolved_persons(registry: Registry, cols: Columns, req: SearchRequest,
                     holders: Callable[[str], list[str]] | None = None,
                     notices: list[str] | None = None) -> dict[str, list[str]]:
    """The canonical names chosen in each facet whose values are persons (the persons
    named, the persons quoted), any spelling resolved (:func:`resolve_persons`)."""
    return {f.name: resolve_persons(registry, cols, getattr(req, f.request), holders, notices)
            for f in FACETS if f.match == "person"}


def _words(text: str) -> list[str]:
    """Case- and accent-folded words, letters folded as person names are
    (:func:`searchapp.ingest.text.fold_letters`)."""
    return re.findall(r"\w+", fold_letters(text))


def loose_values(cols: Columns, facet: str, value: str, notices: list[str] | None) -> list[str]:
    """The facet's stored values a filter value means, as the query language's field
    would: the value itself, else those in any case, else those holding its words
    in a row ("Epoch Times" -> "The Epoch Times", "Liou" -> "Liou Yi-hsuan").  A
    notice says when the value was widened or matched nothing."""
    values = cols.facets[facet][0]
    if value in values or value == UNKNOWN:
        return [value]
    folded = value.casefold()
    same = [v for v in values if v.casefold() == folded]
    if same:
        return same
    want = _words(value)
    n = len(want)
    found = [v for v in values if want and any(
        w[i:i + n] == want for w in (_words(v),) for i in range(len(w) - n + 1))]
    if notices is not None:
        if not found:
            notices.append(f"No {facet} is called '{value}'.")
        elif len(found) <= 3:
            notices.append(f"{facet.capitalize()} '{value}' taken as "
                           + " or ".join(f"'{v}'" for v in found) + ".")
        else:
            notices.append(f"{facet.capitalize()} '{value}' matches {len(found)} values.")
    return found or [value]


def date_mask(datenum: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """:func:`searchapp.dates.contains` over a datenum column: days inside the range,
    and year-only dates whose whole year the range covers."""
    day = datenum % 10000
    year_start = datenum - day
    whole_year = (lo <= year_start + 101) & (hi >= year_start + 1231)
    return (datenum > 0) & np.where(day == 0, whole_year, (datenum >= lo) & (datenum <= hi))


def _requested(facet: Facet, cols: Columns, registry: Registry, req: SearchRequest,
               persons: dict[str, list[str]], notices: list[str]) -> list[list[str]]:
    """Per value chosen in ``facet``, the stored values it means (``facet.match``)."""
    if facet.match == "person":
        return [[p] for p in persons.get(facet.name, ())]
    chosen = getattr(req, facet.request)
    if facet.match == "place":
        return [[canonical] if (canonical := registry.canonical_place(p))
                else loose_values(cols, facet.name, p, notices) for p in chosen]
    if facet.match == "loose":
        return [loose_values(cols, facet.name, v, notices) for v in chosen]
    return [[str(facet.value(v))] for v in chosen]


def filter_masks(cols: Columns, registry: Registry, req: SearchRequest,
                 persons: dict[str, list[str]], notices: list[str]
                 ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The request's filters as masks: the live paragraphs passing the exclusions
    and the date range, and one mask per facet group with chosen values.  Within a
    group the values combine by the group's mode (persons and places: all or any;
    the others: any); groups combine with AND.  Kept apart so that each group's
    counts can leave out its own filter (ticking a source keeps the other sources).
    ``persons``: per facet matched as persons (persons named, persons quoted), the
    canonical names chosen (:func:`resolved_persons`)."""
    base = cols.live.copy()
    groups = {}
    for facet in FACETS:
        requested = _requested(facet, cols, registry, req, persons, notices)
        if requested:
            masks = [np.logical_or.reduce([cols.value_mask(facet.name, v) for v in values])
                     for values in requested]
            mode = getattr(req, facet.mode) if facet.mode else "any"
            groups[facet.name] = np.logical_and.reduce(masks) if mode == "all" \
                else np.logical_or.reduce(masks)
    for facet, values in (req.exclude or {}).items():
        if facet not in FACET_BY_NAME:
            raise QueryError(f"Cannot exclude by '{facet}': use one of {', '.join(FACET_NAMES)}")
        for v in values:
            if FACET_BY_NAME[facet].match == "person":
                v = registry.canonical_person(v) or v
            base &= ~cols.value_mask(facet, str(v))
    if req.date_from or req.date_to:
        lo = dates.bound(req.date_from or "", False)
        hi = dates.bound(req.date_to or "", True)
        if lo > hi:
            raise QueryError("The date range ends before it starts")
        base &= date_mask(cols.datenum, lo, hi)
    return base, groups


def combine(base: np.ndarray, groups: dict[str, np.ndarray], leave_out: str | None = None
            ) -> np.ndarray:
    """``base`` AND every group's mask (but ``leave_out``'s)."""
    out = base.copy()
    for facet, mask in groups.items():
        if facet != leave_out:
            out &= mask
    return out
