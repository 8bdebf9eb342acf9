"""The current search's filters: a QObject without widgets.

It holds the request (query, facet values, exclusions, dates, person mode)
and the rules for changing it that the facet panel, the chips, the timeline
and the persons browser share; every change emits :attr:`changed`, and the
window runs the search.  Tested without a window.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from searchapp.model import FACETS, SearchRequest, describe_search

LIST_FIELDS = {f.name: f.request for f in FACETS}  # facet -> SearchRequest attribute
FACET_TITLES = {f.name: f.title for f in FACETS}


def app_request(query: str = "", filters: dict | None = None, **kw) -> SearchRequest:
    """A request as the app makes it: values within a facet group combine as OR
    (the core's default for persons and places is AND)."""
    return SearchRequest.from_json({"person_mode": "any", "place_mode": "any",
                                    **(filters or {}), **kw, "query": query})


class SearchState(QObject):
    changed = Signal()  # the filters changed: search again
    dates_changed = Signal(object, object)  # date_from, date_to (for the date fields)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.request = app_request()

    def included(self, req: SearchRequest | None = None) -> dict[str, list]:
        """facet -> chosen values (of ``req``, by default the current request)."""
        req = req or self.request
        return {f: list(getattr(req, attr)) for f, attr in LIST_FIELDS.items()}

    def _set(self, **changes) -> None:
        self.request = replace(self.request, **changes)
        self.changed.emit()

    def toggle_filter(self, facet: str, value: str) -> None:
        """Choose a facet value, or unchoose it; a chosen value is no longer excluded."""
        attr = LIST_FIELDS[facet]
        v = int(value) if facet == "year" else value
        values = list(getattr(self.request, attr))
        values.remove(v) if v in values else values.append(v)
        exclude = {k: [x for x in vs if not (k == facet and str(x) == str(value))]
                   for k, vs in self.request.exclude.items()}
        self._set(**{attr: values}, exclude={k: vs for k, vs in exclude.items() if vs})

    def toggle_exclude(self, facet: str, value: str) -> None:
        """Exclude a facet value, or include it again; an excluded value is unchosen."""
        exclude = {k: list(vs) for k, vs in self.request.exclude.items()}
        values = exclude.setdefault(facet, [])
        values.remove(value) if value in values else values.append(value)
        attr = LIST_FIELDS[facet]
        kept = [x for x in getattr(self.request, attr) if str(x) != value]
        self._set(**{attr: kept}, exclude={k: vs for k, vs in exclude.items() if vs})

    def set_dates(self, date_from: str | None, date_to: str | None) -> None:
        self.dates_changed.emit(date_from, date_to)
        self._set(date_from=date_from, date_to=date_to)

    def set_sort(self, sort: str) -> None:
        self._set(sort=sort)

    def set_all_copies(self, on: bool) -> None:
        """Every copy of a story as a result of its own, or one per group of copies."""
        if on != self.request.all_copies:
            self._set(all_copies=on)

    def clear(self, query: str) -> None:
        """Every filter off (the query, the sort order and the copies setting stay)."""
        self.request = app_request(query, sort=self.request.sort,
                                   all_copies=self.request.all_copies)
        self.dates_changed.emit(None, None)
        self.changed.emit()

    def filter_person(self, name: str) -> None:
        if name not in self.request.persons:
            self.toggle_filter("person", name)

    def filter_speaker(self, name: str) -> None:
        """What ``name`` said: the paragraphs quoting them (a quoted name was clicked)."""
        if name not in self.request.speakers:
            self.toggle_filter("speaker", name)

    def set_speakers(self, names: list[str]) -> None:
        """What ``names`` said: they replace the speakers filtered by."""
        names = list(dict.fromkeys(names))
        exclude = {k: [v for v in vs if not (k == "speaker" and v in names)]
                   for k, vs in self.request.exclude.items()}
        self._set(speakers=names, exclude={k: vs for k, vs in exclude.items() if vs})

    def set_persons(self, names: list[str], mode: str) -> None:
        """Search exactly ``names`` (the persons browser): they replace the persons
        filtered by, and are no longer excluded."""
        names = list(dict.fromkeys(names))
        exclude = {k: [v for v in vs if not (k == "person" and v in names)]
                   for k, vs in self.request.exclude.items()}
        self._set(persons=names, person_mode=mode if len(names) > 1 else "any",
                  exclude={k: vs for k, vs in exclude.items() if vs})

    def set_person_filters(self, persons: list[str], exclude: dict[str, list]) -> None:
        """The persons chosen and the exclusions after persons were curated."""
        self._set(persons=list(persons), exclude=exclude)

    def chips(self, req: SearchRequest | None = None) -> list[tuple[str, tuple[str, str, str]]]:
        """The active filters of ``req`` (the current request) as (label, key) chips."""
        req = req or self.request
        chips = []
        for facet, attr in LIST_FIELDS.items():
            values = getattr(req, attr)
            for v in values:
                chips.append((f"{FACET_TITLES[facet]}: {v}", ("include", facet, str(v))))
            if facet == "person" and len(values) > 1:
                chips.append((f"Persons: {persons_mode_text(req)} (click to switch)",
                              ("mode", "person", "")))
        for facet, values in req.exclude.items():
            for v in values:
                chips.append((f"not {FACET_TITLES.get(facet, facet)}: {v}",
                              ("exclude", facet, str(v))))
        if req.date_from or req.date_to:
            chips.append((f"Date: {req.date_from or '…'} – {req.date_to or '…'}",
                          ("dates", "", "")))
        return chips

    def remove_chip(self, key: tuple[str, str, str]) -> None:
        what, facet, value = key
        if what == "include":
            self.toggle_filter(facet, value)
        elif what == "exclude":
            self.toggle_exclude(facet, value)
        elif what == "mode":
            self._set(person_mode="any" if self.request.person_mode == "all" else "all")
        elif what == "dates":
            self.set_dates(None, None)


def persons_mode_text(req: SearchRequest) -> str:
    """How several persons combine, as the chip and the count say it ("" for one)."""
    if len(req.persons) < 2:
        return ""
    return "all of them" if req.person_mode == "all" else "any of them"


_NAME_PART = re.compile(r'(?:person:)?"([^"]*)"?|person:(\S+)')


def is_person_query(text: str, names: list[tuple[str, str]]) -> bool:
    """Whether ``text`` only names persons (``"Yoon Suk Yeol"`` as the completer
    writes it, ``person:尹``, ``Xi Jinping``): ``names`` are (alias, canonical) pairs."""
    known = {alias.casefold() for alias, _ in names} | {c.casefold() for _, c in names}
    parts: list[str] = []
    rest = _NAME_PART.sub(lambda m: parts.append(m.group(1) or m.group(2) or "") or " ", text)
    if rest.strip():
        parts.append(" ".join(rest.split()))
    return bool(parts) and all(p.strip().casefold() in known for p in parts)


def describe(query: str, filters: dict) -> str:
    """A search as a person reads it (:func:`searchapp.model.describe_search`), with the
    app's default of any of several persons."""
    return describe_search(query, filters, default_mode="any")
