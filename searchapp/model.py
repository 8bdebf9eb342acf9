"""The data that crosses between the core, the engine process, the CLI and the GUI.

Plain dataclasses with no dependency beyond the standard library, so that the
desktop app's process can hold requests, results and reports without importing
the search engine (numpy, Whoosh), the extractors (trafilatura, lxml) or bs4.

:data:`FACETS` is the one table of facet groups: the index schema, the search
engine, the query language, the CLI's filter flags and the GUI's facet panel
and chips all read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Facet:
    """One facet group: how it is named, typed, filtered and explained everywhere."""

    name: str  # the facet's key: facet counts, exclusions, query field (person:)
    title: str  # shown in the app and the CLI ("Person")
    field: str  # the index field holding its exact values
    request: str  # the SearchRequest attribute that filters by it ("persons")
    flag: str  # the CLI's filter flag ("--person")
    help: str  # the CLI flag's help
    value: type = str  # the type of its values in a request (years: int)
    #: the SearchRequest attribute saying how several chosen values combine ("all" or
    #: "any"); None: always any of them
    mode: str | None = None
    #: how a chosen value finds the stored values: "exact"; "loose" (in any case, else
    #: the values holding its words in a row); "place" (a spelling the registry knows,
    #: else loose); "person" (the engine resolves any spelling first)
    match: str = "exact"
    unknown: bool = False  # paragraphs without a value count as UNKNOWN
    #: values only from the persons stage (persons.json), never in the index: the
    #: query parser and the engine add the field themselves (``said:``)
    found: bool = False

    @property
    def metavar(self) -> str:
        """The placeholder of the CLI flag's value."""
        return "YYYY" if self.value is int else "NAME"


FACETS: tuple[Facet, ...] = (
    Facet("person", "Person", "person", "persons", "--person",
          "only paragraphs naming this person (any spelling); repeat: all of them",
          mode="person_mode", match="person"),
    Facet("place", "Place", "place", "places", "--place",
          "only paragraphs naming this place; repeat: all of them",
          mode="place_mode", match="place"),
    Facet("source", "Source", "f_source", "sources", "--source",
          "only this source; repeat: any of them", match="loose", unknown=True),
    Facet("author", "Author", "f_author", "authors", "--author",
          "only this author; repeat: any of them", match="loose", unknown=True),
    Facet("year", "Year", "f_year", "years", "--year",
          "only this year; repeat: any of them", value=int),
    Facet("folder", "Folder", "f_folder", "folders", "--folder",
          "only files of this searched folder (its name in 'searchapp folders'); "
          "repeat: any of them"),
    # who is quoted, found by the persons stage (persons.json); any spelling, as persons
    Facet("speaker", "Speaker", "speaker", "speakers", "--said",
          "only paragraphs quoting this person (any spelling); repeat: any of them",
          match="person", found=True),
)
FACET_NAMES: tuple[str, ...] = tuple(f.name for f in FACETS)
FACET_BY_NAME: dict[str, Facet] = {f.name: f for f in FACETS}

#: The facet value of paragraphs that have none (no source, no author named).
UNKNOWN = "(unknown)"
UNKNOWN_FACETS = tuple(f.name for f in FACETS if f.unknown)

#: Result orders, in the order menus list them.
SORTS: tuple[str, ...] = ("relevance", "newest", "oldest")
SORT_LABELS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}


@dataclass
class SearchRequest:
    """A query plus filters.  Filter values are facet values (canonical names)."""

    query: str = ""
    # one list per facet group (FACETS' ``request``; tests/test_facet_table.py checks)
    persons: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # searched folders, by name
    speakers: list[str] = field(default_factory=list)  # quoted persons (any of them)
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    exclude: dict[str, list[str]] = field(default_factory=dict)  # facet -> values to leave out
    # FACETS' ``mode``: "all": paragraphs naming every person; "any": at least one
    person_mode: str = "all"
    place_mode: str = "all"
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    facet_limit: int = 100  # values per facet group (most frequent first)
    # every copy of a story as a hit of its own (default: one hit per group of copies)
    all_copies: bool = False

    def to_json(self) -> dict:
        return asdict(self)

    def filters(self) -> dict:
        """The filters that are set (for history and saved searches)."""
        keys = {f.request for f in FACETS} | {"date_from", "date_to", "exclude"}
        out = {k: v for k, v in self.to_json().items() if k in keys and v}
        for f in FACETS:
            if f.mode and len(getattr(self, f.request)) > 1:
                out[f.mode] = getattr(self, f.mode)
        return out

    def all_of(self, facet: Facet) -> bool:
        """Several values of ``facet`` are chosen and every one must hold."""
        return bool(facet.mode) and getattr(self, facet.mode) == "all" \
            and len(getattr(self, facet.request)) > 1

    @classmethod
    def from_json(cls, data: dict) -> SearchRequest:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


#: The paragraph kinds a result does not mark: the text of the document itself.
UNMARKED_KINDS = frozenset(("body", "title"))


@dataclass
class Hit:
    """One matching paragraph.  ``para`` is its 1-based number in the document:
    the number shown, cited, exported and accepted by ``bookmarks add``."""

    key: str
    pid: str
    doc_id: str
    path: str
    title: str
    source: str
    date: str | None
    authors: list[str]
    para: int
    kind: str
    text: str
    snippet: str
    persons: list[str]
    places: list[str]
    url: str
    score: float | None
    year: int | None = None  # also set when only the year is known (date is None)
    marks: list[tuple[int, int]] = field(default_factory=list)  # spans of text to highlight
    page: int | None = None  # the page the paragraph starts on (PDF), else None
    folder: str = ""  # the name of the searched folder the file is in
    scan: bool = False  # its text was read by OCR from an image of the page
    # who said what in ``text``: {"speaker": canonical name or None (an unnamed source),
    # "start", "end" (character spans of text), "source" (how the text names the
    # speaker), "kind" ("direct" in quote marks, "reported" speech)}
    quotes: list[dict] = field(default_factory=list)
    # the other matched paragraphs that are copies of this one (other outlets' versions
    # of the story): {"doc_id", "para", "path", "source", "date"}, the earliest first
    copies: list[dict] = field(default_factory=list)

    @property
    def shown_kind(self) -> str:
        """The paragraph's kind as results mark it ("quote" for an e-mail's quoted
        text, "heading", "caption", ...), or ``""`` for the body and the title, which
        are not marked -- the app's rows and the CLI's lines alike."""
        return "" if self.kind in UNMARKED_KINDS else self.kind

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[dict]]
    suggestion: str | None = None
    notices: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # index terms the query matched (body)
    persons: list[str] = field(default_factory=list)  # persons to mark in the text
    # dated results per period over the whole result set, oldest first:
    # "YYYY-MM" when the month is known, "YYYY" when only the year is
    timeline: list[tuple[str, int]] = field(default_factory=list)
    elapsed_ms: float = 0.0
    # facet -> how many values it has in these results (``facets`` lists at most
    # ``facet_limit`` of them)
    facet_sizes: dict[str, int] = field(default_factory=dict)
    # paragraphs matched: ``total`` counts hits, one per group of copies unless the
    # request asked for every copy; facets and the timeline count paragraphs
    paragraphs: int = 0

    def count_text(self) -> str:
        """"12 passages, 31 paragraphs" when copies were folded, else "31 paragraphs"."""
        n = self.paragraphs or self.total
        text = f"{n:,} paragraph{'s' if n != 1 else ''}"
        if self.total != n:
            text = f"{self.total:,} passage{'s' if self.total != 1 else ''}, {text}"
        return text

    def to_json(self) -> dict:
        return {
            "query": self.query, "total": self.total, "paragraphs": self.paragraphs or
            self.total, "page": self.page,
            "page_size": self.page_size, "hits": [h.to_json() for h in self.hits],
            "facets": self.facets, "facet_sizes": self.facet_sizes,
            "suggestion": self.suggestion, "notices": self.notices,
            "timeline": [{"period": p, "count": c} for p, c in self.timeline],
        }


@dataclass
class DocumentData:
    """A document prepared for the viewer (by the engine, off the GUI thread)."""

    doc_id: str
    paragraphs: list[dict]  # stored fields, in order
    marks: dict[int, list[tuple[int, int]]]  # para -> merged spans to highlight
    focus: int | None = None  # paragraph to scroll to and mark
    query: str = ""
    snapshot: bool = False  # a bookmark's saved text: the paragraph is gone from the index
    meta: dict = field(default_factory=dict)
    # the other versions of this story (other outlets' copies), the earliest first:
    # {"doc_id", "title", "source", "date", "year", "path", "shared"}
    versions: list[dict] = field(default_factory=list)
    # compared with another version: para -> spans of the words that version lacks
    differences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    compared_with: dict | None = None  # that version (one of ``versions``)
    missing: list[int] = field(default_factory=list)  # paragraphs that version lacks whole
    why: str = ""  # a snapshot: why the saved text is shown ("" : the paragraph is gone)

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.meta.get("path") or self.doc_id

    @classmethod
    def from_bookmark(cls, bookmark, why: str = "") -> DocumentData:
        """A bookmark's saved text (its paragraph gone, or ``why`` it is shown)."""
        para = {"para": bookmark.para, "pid": bookmark.pid, "doc_id": bookmark.doc_id,
                "body": bookmark.text, "kind": "body", "mentions": [], "path": bookmark.path}
        meta = {"title": bookmark.title, "source": bookmark.source, "date": bookmark.date,
                "url": bookmark.url, "authors": bookmark.authors, "path": bookmark.path}
        return cls(bookmark.doc_id, [para], {}, bookmark.para, snapshot=True, meta=meta, why=why)


@dataclass
class IndexReport:
    """What an update did; ``failed`` lists (path, reason) of the files it could not use,
    ``partial`` those it indexed but not whole (path, what was left out: "3 NUL bytes
    dropped", an attachment that could not be read)."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    partial: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs written in this run
    total_paragraphs: int = 0  # paragraphs in the index afterwards
    total_files: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    recovered: str = ""  # why a damaged index had to be rebuilt, if it was
    upgraded: str = ""  # why an index of an older version was rebuilt, if it was
    checked: bool = False  # nothing had changed: the standing state, nothing was written
    persons: str = ""  # what the persons stage did after the update, if it ran (one line)
    persons_changed: bool = False  # the stage wrote new persons (the engine must re-read)
    scans_pending: int = 0  # scanned pages waiting for OCR after this update
    scans: str = ""  # what the OCR stage did after the update, if it ran (one line)
    copies: str = ""  # what the copies stage did after the commit (one line)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Every file the user should hear about: those not used, then those read in part."""
        return self.failed + self.partial

    @property
    def skipped_files(self) -> int:
        """How many files could not be used (each once, whatever its problems)."""
        return len({path for path, _ in self.failed})

    @property
    def partial_files(self) -> int:
        """How many files were indexed without some of their content."""
        return len({path for path, _ in self.partial} - {path for path, _ in self.failed})

    def problems_line(self) -> str:
        """"2 files skipped, 1 read in part" ("" when every file was read whole)."""
        parts = [f"{counted(self.skipped_files, 'file')} skipped" if self.failed else "",
                 f"{counted(self.partial_files, 'file')} read in part" if self.partial_files
                 else ""]
        return ", ".join(p for p in parts if p)

    def summary(self) -> str:
        partial = self.partial_files
        text = (f"{self.added} added, {self.updated} updated, {self.removed} removed, "
                f"{self.skipped_files} failed, "
                + (f"{partial} read in part, " if partial else "")
                + f"{self.unchanged} unchanged; "
                f"{counted(self.paragraphs, 'paragraph')} written, {self.total_paragraphs:,} "
                f"in the index ({counted(self.total_files, 'file')}); {self.seconds:.1f} s")
        return ("rebuilt: " if self.rebuilt else "") + text

    def to_json(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": [{"path": p, "error": e} for p, e in self.failed],
            "partial": [{"path": p, "error": e} for p, e in self.partial],
            "paragraphs": self.paragraphs, "total_paragraphs": self.total_paragraphs,
            "total_files": self.total_files, "seconds": round(self.seconds, 3),
            "rebuilt": self.rebuilt, "recovered": self.recovered, "upgraded": self.upgraded,
            "scans_pending": self.scans_pending,
            "copies": self.copies,
        }


def counted(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, plural unless one: "1 page", "3 pages", "2 persons"
    (``many``: an irregular plural). Every summary line counts with it."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def cite(title: str, source: str | None = None, date: str | None = None,
         para: int | None = None, page: int | None = None) -> str:
    """A citation as every view prints it: ``Title — Source, 2023 ¶7, p. 12``, with
    the empty parts left out (never "— , ")."""
    rest = ", ".join(x for x in (source, date) if x)
    out = f"{title} — {rest}" if rest else title
    where = ", ".join(x for x in (f"¶{para}" if para else "", f"p. {page}" if page else "") if x)
    return f"{out} {where}" if where else out


def describe_search(query: str, filters: dict | None, default_mode: str = "all") -> str:
    """A search as a person reads it: ``summit — Year 2023, not Person: Donald Trump``
    (history and saved searches, in the CLI and the app).  ``default_mode``: how
    several persons or places combine when ``filters`` does not say (the CLI's
    requests: all of them; the app's: any)."""
    filters = filters or {}
    parts = []
    for f in FACETS:
        values = [str(v) for v in filters.get(f.request) or []]
        if not values:
            continue
        mode = filters.get(f.mode, default_mode) if f.mode else "any"
        sep = " " if f.value is int else ": "  # "Year 2023", "Person: Xi Jinping"
        parts.append(f"{f.title}{sep}{(' and ' if mode == 'all' else ' or ').join(values)}")
    if filters.get("date_from") or filters.get("date_to"):
        parts.append(f"Date {filters.get('date_from') or '…'} – {filters.get('date_to') or '…'}")
    for facet, values in (filters.get("exclude") or {}).items():
        title = FACET_BY_NAME[facet].title if facet in FACET_BY_NAME else facet
        sep = " " if facet == "year" else ": "
        parts.extend(f"not {title}{sep}{v}" for v in values)
    if filters.get("sort") and filters["sort"] != SORTS[0]:
        parts.append(SORT_LABELS.get(filters["sort"], filters["sort"]).lower())
    text = query.strip() or "(filters only)"
    return f"{text} — {', '.join(parts)}" if parts else text


# progress(done, total, path) is called once per file examined
Progress = Callable[[int, int, str], None]
