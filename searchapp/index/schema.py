"""The index schema: one Whoosh document per paragraph, and how a document becomes records.

The facet fields come from :data:`searchapp.model.FACETS`, the one facet table.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.analysis import RegexTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from searchapp.dates import datenum
from searchapp.index import INDEX_NAME  # noqa: F401  (re-exported)
from searchapp.index.analysis import name_analyzer, text_analyzer
from searchapp.ingest.pipeline import Document, Paragraph
from searchapp.model import FACETS

# 2: para not indexed, fewer numeric tiers; 3: modules moved (the analyzers' pickled
# class paths changed), so an index of version 2 is rebuilt by itself; 4: a paragraph's page;
# 5: several folders (folder facet, ids made with the folder), text ids for moved files;
# 6: CJK bigrams also for the ideographs of planes 2 and 3 (searchapp.lexicon.HAN);
# 7: a stop word keeps its place in the body's positions (phrases do not skip over it);
# 8: text read by OCR is marked (scan);
# 9: camel-case, dotted and snake_case words indexed whole and by their parts
# (analysis.CamelCaseFilter); "*" is no longer part of a word; 10: words hyphenated
# between letters also indexed joined ("e-mail" as "email"); 11: traditional Han characters
# folded to simplified (analysis.fold_map); 12: words hyphenated between a letter and a
# digit also indexed joined ("F-35" as "f35": a search for F-35 no longer finds every "35");
# 13: the spelling words' postings carry their values (segments of 12 made every update
# fail once Whoosh merged two of them holding live documents); 14: ß, æ, œ and þ folded
# to two letters ("Weiß" as "weiss": ingest.text.letter_folds); 15: a run of CJK
# characters is a word of its own, so "F-35の", "KF-21은" index F-35 and KF-21 as elsewhere
SCHEMA_VERSION = 15
SEP = "\x1f"  # separates the values of a multi-valued facet field
FACET_FIELDS = {f.name: f.field for f in FACETS}
#: Facet fields the index never holds: filled from the persons stage's persons.json
#: (who is quoted), searched through the query parser's copy of the schema.
FOUND_ONLY = frozenset(f.field for f in FACETS if f.found)


class Values(KEYWORD):
    """Exact, case-kept values (canonical names, sources, years) separated by ``SEP``."""

    def __init__(self) -> None:
        super().__init__(scorable=False)
        self.analyzer = RegexTokenizer(r"[^\x1f]+")


class Ordinal(NUMERIC):
    """A stored, sortable number that is never searched (no terms, only a column)."""

    def __init__(self) -> None:
        super().__init__(int, bits=32, stored=True, sortable=True)
        self.indexed = False


def make_schema() -> Schema:
    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),  # doc_id:num
        pid=ID(stored=True),  # content-based paragraph id
        doc_id=ID(stored=True),
        text_id=ID,  # the paragraph's text hash: finds it again in a moved file
        path=ID(stored=True),  # relative to its folder
        folder=STORED,  # the folder's name
        para=Ordinal(),
        kind=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, multitoken_query="phrase"),
        body=TEXT(analyzer=text, stored=True, multitoken_query="phrase", spelling=True),
        source=TEXT(analyzer=names, stored=True, multitoken_query="phrase", phrase=True),
        author=TEXT(analyzer=names, multitoken_query="phrase"),
        authors=STORED,
        url=STORED,
        language=ID(stored=True),
        date=ID(stored=True),  # ISO date or ""
        # YYYYMMDD, YYYY0000 or 0; 4 range tiers (Whoosh's default 8 doubled the postings
        # written for these two fields; a date range still reads only a few dozen terms)
        datenum=NUMERIC(int, bits=32, signed=False, sortable=True, shift_step=8),
        year=NUMERIC(int, bits=32, stored=True, shift_step=8),
        # each facet group's exact values (not those found beside the index: said:)
        **{f.field: Values() for f in FACETS if not f.found},
        persons=STORED,
        places=STORED,
        mentions=STORED,  # [[start, end, name, kind], ...]
        page=STORED,  # the page a paragraph starts on (PDF), else absent
        scan=STORED,  # True when OCR read the text from an image of the page, else absent
    )


def text_id(pid: str) -> str:
    """The text part of a paragraph id (``<doc_id>-<text hash>[-n]``): the same
    paragraph in a file moved or renamed has the same one."""
    return pid.split("-", 1)[-1]


#: Each facet group's values for one paragraph of a document, by facet name.
FACET_VALUES: dict[str, Callable[[Document, Paragraph], list[str]]] = {
    "person": lambda doc, p: list(p.persons),
    "place": lambda doc, p: list(p.places),
    # the site, and the news agency its byline credits (a wire story is found by either)
    "source": lambda doc, p: list(dict.fromkeys(s for s in (doc.meta.source, doc.meta.agency)
                                                if s)),
    "author": lambda doc, p: list(doc.meta.authors),
    "year": lambda doc, p: [str(doc.meta.year)] if doc.meta.year else [],
    "folder": lambda doc, p: [doc.folder] if doc.folder else [],
}


def paragraph_records(doc: Document) -> list[dict]:
    """The Whoosh documents of one cleaned document, one per paragraph."""
    m = doc.meta
    out = []
    for p in doc.paragraphs:
        rec = {
            "key": f"{doc.doc_id}:{p.num}",
            "pid": p.id,
            "doc_id": doc.doc_id,
            "text_id": text_id(p.id),
            "path": doc.path,
            "folder": doc.folder,
            "para": p.num,
            "kind": p.kind,
            "title": m.title or "",
            "body": p.text,
            # the agency its byline credits is searched with source: (not shown as the source)
            "source": " ; ".join(dict.fromkeys(s for s in (m.source, m.agency) if s)),
            "_stored_source": m.source or "",
            "author": " ; ".join(m.authors),
            "authors": list(m.authors),
            "url": m.url or "",
            "language": m.language or "",
            "date": m.date or "",
            "datenum": datenum(m.date, m.year),
            "persons": list(p.persons),
            "places": list(p.places),
            "mentions": [[x.start, x.end, x.name, x.kind] for x in p.mentions],
            "page": p.page if p.page is not None else "",
            "scan": True if p.scan else "",
            **{f.field: SEP.join(FACET_VALUES[f.name](doc, p)) for f in FACETS if not f.found},
        }
        if m.year:
            rec["year"] = int(m.year)
        out.append({k: v for k, v in rec.items() if v != "" or k in ("body",)})
    return out

