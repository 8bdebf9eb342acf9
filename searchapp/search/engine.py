"""The search engine: one facade over the paragraph index.

:class:`SearchBackend` is the seam: the CLI, the engine process and the app
ask only these questions (search, document, paragraph, persons, facet totals,
a document's highlights) with the types of :mod:`searchapp.model`.  :class:`SearchEngine`
answers them from the local Whoosh index; another engine -- a team's shared
OpenSearch or Elasticsearch server one day -- would implement the same
Protocol and nothing else would change.

Inside, :class:`SearchEngine` keeps one Whoosh searcher open and refreshes it
only when the index has changed.  For each searcher it reads, once, the
postings of every facet value into numpy arrays
(:class:`~searchapp.index.whoosh.readers.Columns`); a request then turns the
query's matching documents into a boolean mask (:mod:`.match`), applies
filters as mask operations (:mod:`.facets`; persons found by the persons stage
come from :mod:`.found`), counts all facets over the whole result set with
``numpy.bincount``, ranks (:mod:`.rank`), marks what the query highlights
(:mod:`.marks`), cuts snippets (:mod:`.highlight`) and suggests respellings
(:mod:`.suggest`).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Protocol

import numpy as np

from searchapp.errors import QueryError
from searchapp.index.analysis import TokenCache, text_analyzer
from searchapp.index.update import open_index
from searchapp.index.whoosh.readers import Columns
from searchapp.ingest.entities import Registry
from searchapp.model import FACET_NAMES, FACETS, SORTS, Hit, SearchRequest, SearchResult
from searchapp.search import rank
from searchapp.search.copies import COPY_KEYS, Folding, compare, copies_stamp
from searchapp.search.facets import combine, filter_masks, resolved_persons
from searchapp.search.found import FoundPersons, Names, sidecar_stamp
from searchapp.search.highlight import make_snippet, merge_spans
from searchapp.search.marks import Highlight
from searchapp.search.match import query_mask
from searchapp.search.query import ParsedQuery, QueryBuilder
from searchapp.search.suggest import suggest

__all__ = ["Hit", "QueryError", "SearchBackend", "SearchEngine", "SearchRequest",
           "SearchResult", "SORTS"]


class SearchBackend(Protocol):
    """What the CLI, the engine process and the app ask of a search engine."""

    registry: Registry

    def search(self, req: SearchRequest) -> SearchResult: ...

    def document(self, doc_id: str) -> list[dict]: ...

    def paragraph(self, key: str) -> dict | None: ...

    def paragraphs_by_pid(self, pid: str) -> list[dict]: ...

    def paragraphs_by_text(self, pid: str) -> list[dict]: ...

    def facet_totals(self, facet: str) -> list[dict]: ...

    def person_document_counts(self) -> dict[str, int]: ...

    def versions(self, doc_id: str) -> list[dict]: ...

    def differences(self, doc_id: str, other_id: str
                    ) -> tuple[dict[int, list[tuple[int, int]]], list[int]]: ...

    def _copy(self, docnum: int) -> dict:
        f = self._searcher.stored_fields(docnum)
        return {k: (f.get(k) or None) if k == "date" else f.get(k, "") for k in COPY_KEYS}

    def document_marks(self, paragraphs: list[dict], query: str, persons
                       ) -> dict[int, list[tuple[int, int]]]: ...

    def refresh(self) -> bool: ...

    def close(self) -> None: ...


class SearchEngine:
    """Searches one local index.  Thread-safe: a lock guards the shared searcher."""

    def __init__(self, index_dir: Path, registry: Registry) -> None:
        self.index_dir = Path(index_dir)
        self.registry = registry
        self._lock = threading.RLock()
        self._closed = False
        self._ix = open_index(self.index_dir)
        self._searcher = self._ix.searcher()
        self._columns: Columns | None = None
        self._folding: Folding | None = None
        self._load_found()
        self._load_copies()
        self._builder = QueryBuilder(self._ix.schema, self._names, self._facet_values)
        self._analyzer = text_analyzer()
        self._tokens = TokenCache(self._analyzer)  # highlighting: words analyzed once

    @classmethod
    def open(cls, settings) -> SearchEngine:
        return cls(settings.index, Registry.load_layers(settings.curation_dirs()))

    def close(self) -> None:
        """Close the searcher (again is harmless)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._searcher.close()

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- state ----------------------------------------------------------------

    def _load_found(self) -> None:
        """Read the persons stage's output (again): persons found beside the index."""
        self._found_stamp = sidecar_stamp(self.index_dir)
        self.found = FoundPersons.load(self.index_dir) if self._found_stamp else None
        self._names = Names(self.registry, self.found)

    def _load_copies(self) -> None:
        """Read the copies stage's groups (again)."""
        from searchapp.index.copies_stage import read_copies

        self._copies_stamp = copies_stamp(self.index_dir)
        self._copies = (read_copies(self.index_dir) if self._copies_stamp else None) or {}
        self._folding = None

    def refresh(self) -> bool:
        """Pick up a newer commit of the index or newer persons; True if anything changed."""
        with self._lock:
            persons_changed = sidecar_stamp(self.index_dir) != self._found_stamp
            if persons_changed:
                self._load_found()
                self._builder = QueryBuilder(self._ix.schema, self._names, self._facet_values)
                self._columns = None
            if copies_stamp(self.index_dir) != self._copies_stamp:
                self._load_copies()
                persons_changed = True  # (the results change too)
            try:
                if self._searcher.up_to_date():
                    return persons_changed
            except Exception:  # the index was replaced entirely (rebuild with a new schema)
                pass
            # A whole new reader, not Searcher.refresh(): that reuses the readers of
            # segments it already has, and with them their old deletion sets, so
            # paragraphs of removed or changed files would stay visible.
            self._searcher.close()
            self._ix = open_index(self.index_dir)
            self._searcher = self._ix.searcher()
            self._builder = QueryBuilder(self._ix.schema, self._names, self._facet_values)
            self._columns = None
            return True

    def _cols(self) -> Columns:
        if self._columns is None:
            self._columns = Columns(self._searcher, self.index_dir)
            self._folding = None
            if self.found is not None:
                self.found.apply(self._columns)
        return self._columns

    def _fold(self) -> Folding | None:
        """The groups of copies over the current searcher (None: there are none)."""
        cols = self._cols()
        if self._folding is None and self._copies.get("clusters"):
            self._folding = Folding(self._copies, cols)
        return self._folding if self._folding is not None and self._folding.active else None

    def _facet_values(self, facet: str) -> list[str]:
        return self._cols().facets[facet][0]

    @property
    def paragraph_count(self) -> int:
        with self._lock:
            return self._cols().live_count

    # -- search ----------------------------------------------------------------

    def search(self, req: SearchRequest) -> SearchResult:
        start = time.perf_counter()
        if req.sort not in SORTS:
            raise QueryError(f"Unknown sort '{req.sort}': use one of {', '.join(SORTS)}")
        if req.page < 1 or req.page_size < 1:
            raise QueryError("Pages and page sizes start at 1")
        with self._lock:
            cols = self._cols()
            parsed = self._builder.parse(req.query)
            notices = list(parsed.notices)
            chosen = resolved_persons(self._names, cols, req, self._builder.holders, notices)
            persons = chosen["person"]
            base, groups = filter_masks(cols, self._names, req, chosen, notices)
            filters = combine(base, groups)
            text = None if parsed.query is None else self._match(parsed.query)
            matched = filters if text is None else text & filters
            idx = np.flatnonzero(matched)  # the matched paragraphs, once for all below
            total = len(idx)
            facets, facet_sizes = {}, {}
            everything = int(np.count_nonzero(base)) == cols.live_count  # no exclusion, no dates
            and_groups = {f.name for f in FACETS if req.all_of(f)}
            for f in FACET_NAMES:
                # a group whose chosen values are OR (any of them: one value, or several
                # in "any" mode) counts without its own filter, so that its other values
                # stay offered; an AND group of several values narrows like any filter
                among, among_idx = matched, idx
                if f in groups and f not in and_groups:
                    if text is None and len(groups) == 1 and everything:
                        among = cols.live  # the group's own filter alone: index-wide counts
                    else:
                        among = combine(base, groups, leave_out=f)
                        if text is not None:
                            among &= text
                    among_idx = None
                facets[f], facet_sizes[f] = cols.counts(f, among, req.facet_limit, among_idx)
            timeline = cols.timeline(matched, idx)
            # copies folded: one hit per group of copies (facets and timeline count them all)
            fold = self._fold()
            listed = idx if fold is None or req.all_copies else np.flatnonzero(
                fold.faces(matched))
            n_listed = len(listed)
            docnums, scores = self._page(cols, parsed, listed, req, n_listed)
            mark_persons = list(dict.fromkeys([*persons, *parsed.persons]))
            hl = Highlight.of(self._searcher.reader(), parsed.query)
            hits = [self._hit(d, s, hl, mark_persons)
                    for d, s in zip(docnums, scores, strict=True)]
            if fold is not None:
                for d, hit in zip(docnums, hits, strict=True):
                    hit.copies = [self._copy(c) for c in fold.copies(d, matched)]
            suggestion = None
            if parsed.query is not None and total < 5:
                suggestion = suggest(req.query, self._searcher.reader(), self._analyzer,
                                     cols.spell_words(), lambda q: self._count(q, filters),
                                     total)
        return SearchResult(
            query=req.query, total=n_listed, paragraphs=total, page=req.page,
            page_size=req.page_size, hits=hits,
            facets=facets, suggestion=suggestion, notices=notices, terms=sorted(hl.terms),
            persons=mark_persons, timeline=timeline,
            elapsed_ms=(time.perf_counter() - start) * 1000, facet_sizes=facet_sizes,
        )

    def _match(self, q) -> np.ndarray:
        cols = self._cols()
        return query_mask(self._searcher, cols, q) & cols.live

    def _count(self, text: str, filters: np.ndarray) -> int | None:
        parsed = self._builder.parse(text)
        return None if parsed.query is None else int((self._match(parsed.query) & filters).sum())

    def _page(self, cols: Columns, parsed: ParsedQuery, docs: np.ndarray,
              req: SearchRequest, total: int) -> tuple[list[int], list[float | None]]:
        """The requested page of the matched paragraphs ``docs`` (sorted numbers)."""
        first = (req.page - 1) * req.page_size
        if first >= total:
            return [], []
        if req.sort == "relevance" and parsed.query is not None:
            scores = rank.scores(self._searcher, cols, parsed.query, docs)
            order = np.lexsort((docs, -scores))[first : first + req.page_size]
            return docs[order].tolist(), [float(x) for x in scores[order]]
        dates = cols.datenum[docs]
        undated = dates == 0
        if req.sort == "oldest":
            key = np.where(undated, np.iinfo(np.int64).max, dates)
        else:  # newest (and relevance without a text query)
            key = np.where(undated, np.iinfo(np.int64).max, -dates)
        order = np.lexsort((cols.para[docs], docs, key))
        page = docs[order[first : first + req.page_size]]
        return page.tolist(), [None] * len(page)

    # -- hits and highlights -----------------------------------------------------

    def _stored(self, docnum: int) -> dict:
        """A paragraph's stored fields, with the persons stage's persons if it ran."""
        f = self._searcher.stored_fields(docnum)
        return f if self.found is None else self.found.annotate(f)

    def _hit(self, docnum: int, score, hl: Highlight, persons: list[str]) -> Hit:
        f = self._stored(docnum)
        text = f.get("body", "")
        spans = hl.spans(self._tokens, text, f.get("mentions", []), persons)
        return Hit(
            key=f["key"], pid=f["pid"], doc_id=f["doc_id"], path=f["path"],
            title=f.get("title", ""), source=f.get("source", ""), date=f.get("date") or None,
            authors=f.get("authors", []), para=f["para"], kind=f.get("kind", "body"),
            text=text, snippet=make_snippet(text, spans), persons=f.get("persons", []),
            places=f.get("places", []), url=f.get("url", ""), score=score,
            year=f.get("year") or None, marks=spans, page=f.get("page") or None,
            scan=bool(f.get("scan")),
            folder=f.get("folder", ""), quotes=f.get("quotes", []),
        )

    def _copy(self, docnum: int) -> dict:
        f = self._searcher.stored_fields(docnum)
        return {k: (f.get(k) or None) if k == "date" else f.get(k, "") for k in COPY_KEYS}

    def document_marks(self, paragraphs: list[dict], query: str, persons
                       ) -> dict[int, list[tuple[int, int]]]:
        """What ``query`` highlights in each stored paragraph (para -> merged spans):
        the same rule as the results list (:class:`~searchapp.search.marks.Highlight`),
        and the quotations of the persons ``said:`` names."""
        with self._lock:
            try:
                parsed = self._builder.parse(query)
            except QueryError:
                parsed = None
            hl = Highlight.of(self._searcher.reader(), parsed.query if parsed else None)
            persons = [*persons, *(parsed.persons if parsed else [])]
        speakers = set(parsed.speakers) if parsed else set()
        out = {}
        for p in paragraphs:
            spans = hl.spans(self._tokens, p.get("body", ""), p.get("mentions", []), persons)
            said = [(q["start"], q["end"]) for q in p.get("quotes") or ()
                    if q.get("speaker") in speakers]
            if said:
                spans = merge_spans([*spans, *said])
            if spans:
                out[p["para"]] = spans
        return out

    # -- documents -----------------------------------------------------------------

    def document(self, doc_id: str) -> list[dict]:
        """Every paragraph of one document (stored fields), in order."""
        with self._lock:
            docs = [self._stored(d)
                    for d in self._searcher.document_numbers(doc_id=doc_id)]
        docs.sort(key=lambda f: f["para"])
        return docs

    def paragraph(self, key: str) -> dict | None:
        """One paragraph by its ``doc_id:num`` key or its content id (pid)."""
        with self._lock:
            field_name = "key" if ":" in key else "pid"
            num = self._searcher.document_number(**{field_name: key})
            return None if num is None else self._stored(num)

    def paragraphs_by_pid(self, pid: str) -> list[dict]:
        with self._lock:
            return [self._stored(d)
                    for d in self._searcher.document_numbers(pid=pid)]

    def paragraphs_by_text(self, pid: str) -> list[dict]:
        """Paragraphs anywhere with the same text as paragraph ``pid`` had (a file
        moved to another path or folder)."""
        from searchapp.index.schema import text_id

        with self._lock:
            return [self._stored(d)
                    for d in self._searcher.document_numbers(text_id=text_id(pid))]

    def versions(self, doc_id: str) -> list[dict]:
        """The other versions of ``doc_id``'s story (documents that share most of their
        paragraphs with it), the earliest first: ``doc_id``, ``title``, ``source``,
        ``date``, ``year``, ``path`` and ``shared`` (the share of the shorter one)."""
        with self._lock:
            out = []
            for other, shared in self._copies.get("stories", {}).get(doc_id, []):
                num = next(iter(self._searcher.document_numbers(doc_id=other)), None)
                if num is None:
                    continue
                f = self._searcher.stored_fields(num)
                out.append({"doc_id": other, "title": f.get("title", ""),
                            "source": f.get("source", ""), "date": f.get("date") or None,
                            "year": f.get("year") or None, "path": f.get("path", ""),
                            "shared": shared})
        out.sort(key=lambda v: (v["date"] is None and v["year"] is None,
                                v["date"] or str(v["year"] or ""), v["doc_id"]))
        return out

    def differences(self, doc_id: str, other_id: str
                    ) -> tuple[dict[int, list[tuple[int, int]]], list[int]]:
        """The words of ``doc_id`` that the version ``other_id`` does not have, as spans
        per paragraph, and the paragraphs with no counterpart there (marked whole):
        :func:`searchapp.search.copies.compare`."""
        return compare(self.document(doc_id), self.document(other_id))

    def person_document_counts(self) -> dict[str, int]:
        """For each person, in how many documents they are mentioned."""
        with self._lock:
            cols = self._cols()
            values, docs, terms, _ = cols.facets["person"]
            live = cols.live[docs]
            return {v: int(np.unique(cols.doc_ord[docs[(terms == i) & live]]).size)
                    for i, v in enumerate(values)}

    def facet_totals(self, facet: str) -> list[dict]:
        """A facet's counts over the whole index."""
        with self._lock:
            cols = self._cols()
            return cols.counts(facet, cols.live, 10**9)[0]
