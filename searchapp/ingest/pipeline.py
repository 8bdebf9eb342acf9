"""From a corpus file to a clean document: metadata and ordered, classified paragraphs.

:func:`load_document` is the ingestion entry point used by the indexer, the
CLI (``searchapp extract``) and the tests.  It reads and decodes the file
(:mod:`searchapp.ingest.read`), extracts the article (:mod:`searchapp.ingest.html.extract`
for HTML, markdown-it for Markdown, :mod:`searchapp.ingest.text` for text),
reads metadata (:mod:`searchapp.ingest.metadata`, the catalog overriding), numbers
the paragraphs with stable ids and finds persons and places in them
(:mod:`searchapp.ingest.entities`).  PDF, DOCX, ODT, EPUB, e-mail and RTF files
go through their loaders (:mod:`searchapp.ingest.formats`); :func:`load_documents`
returns every document of a file (an ``.mbox`` holds one per message).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from searchapp import lexicon
from searchapp.ingest import text as textclean
from searchapp.ingest.bylines import BYLINE_OPENING, lede_byline, parse_byline
from searchapp.ingest.entities import Mention, Registry
from searchapp.ingest.furniture import edge_furniture
from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.markdown import markdown_blocks
from searchapp.ingest.metadata import (
    Catalog,
    Metadata,
    is_prose,
    parse_date,
    take_metadata_lines,
)
from searchapp.ingest.read import (
    BINARY_FORMATS,
    LoadError,
    SourceFile,
    content_format,
    document_format,
    not_empty,
    read_raw,
    read_source,
    unsupported_reason,
)

if TYPE_CHECKING:
    from searchapp.ingest.formats.extracted import Extracted

#: Paragraphs longer than this are split at sentence boundaries.
MAX_PARAGRAPH = 4000
# Bumped whenever reading the same file gives different documents (cleaning,
# extraction, metadata, persons rules): indexes built before are then re-read
# in full on the next update, so an upgrade never leaves old results behind.
# 2: HTML bylines reduced to names (job titles, dates, non-names dropped).
# 3: HTML extraction rules chosen by cross-validation (ingest/article_rules.py):
#    CJK-aware lengths, fallbacks to trafilatura's own output; a page whose
#    lines were all classified as captions, credits or labels keeps them as body.
#    (Reading PDF/DOCX/... files needed no bump of its own: those files were never
#    scanned before, so they arrive as new files.)
# 4: the registry knows more titles (one list with the recognizer's: Mayor, Judge, Sir ...).
# 5: words kept as written (no camel-case splitting: "AirPods" stays one word); HTML texts
#    glued at a tag are spaced in the tree (html.markup.separate_glued_texts).
# 6 (5 is taken by the glued-words work of the same issue): bylines without roles,
#    credentials and agencies (an agency is the source), placeholders ("(anonymous)",
#    "Untitled") no title or author, page titles from the headline without the site's
#    name, no first-of-the-month date a page never writes, PDF columns from the gutter,
#    decoded text that is not writing refused as binary.
# 7: trafilatura's precision mode with its own comparison, the per-page choice by agreement,
#    its text serializer (html.serialize.blocks_from_xml); glued digits spaced at tags; an
#    unclosed element that swallowed the page unwrapped, not deleted.
# 8: the byline is a paragraph of its own (kind "byline", after the title): its names are
#    found by a plain search; page byline elements read; a title's site side is the source;
#    a byline printed as the story's own line ("By Ann Roe, Senior Correspondent") is it.
# 9: "Live coverage by A (now) and B (earlier)" gives both;
#    the outlet before a Korean/Chinese reporter's role is no part of the name; text with
#    a few stray NUL bytes is read.
# 10: a document's header read alike in every format: a date on a line of its own and a
#     "Title:" line in a text file's header; a title not printed near the top (an e-mail's
#     subject, a page's <title>, a file's properties) is the first paragraph; PDF/DOCX/ODT
#     titles from the properties only where plausible, printed header dates first.
# 11: a scanned first page's printed date (as OCR read it) before the file's CreationDate;
#    no space before the punctuation after a linked name in a byline; a PDF's line of
#    names under its title is its byline.
# 12: where a reporter filed from is no part of a byline's name ("X in Paris"), a Chinese
#    dateline piece ("台北報導") no author, a lone organisation word ("Institute") no
#    author; a Korean or Chinese wire lede's reporter is the author where nothing else
#    names one.
# 13: date/time lines and editors' sign-offs at a document's edges are label and credit
#     paragraphs (ingest/furniture.py); a live blog's post times kept; an e-mail's quoted
#     earlier messages are quote paragraphs.
# 14: "Analysis by X" text bylines, CJK desks; home-link site names; memo/template dates; NULs.
# 15: PDF lines left short by a long word that wrapped; one-line text files kept; a line
#     ending in "。" no title; files under another format's extension read as what they are;
#     an e-mail's readable attachments are documents of its file (formats/attachments.py);
#     DOCX text inserted with changes tracked or in content controls read (office.docx_text);
#     a page's source is the site its title names before trafilatura's bare host name, also
#     after a CJK "_" or a full-width bar; an English line's loanwords of two languages
#     no longer make windows-1252 text Central European (plausibility._sentence_alphabets).
# 16: an HTML page with a byte-order mark under a binary format's name read as HTML, a
#     text that merely begins "%PDF-" stays text (read.content_format, encoding.is_pdf);
#     inline images no longer count towards an e-mail's attachment cap; a PDF, DOCX or
#     other document whose only lines read as its title and header is their text; a
#     DOCX's footnotes and endnotes read (office._docx_notes; a damaged notes part
#     a warning, the rest read); a "Site - Headline" page
#     without <h1> that prints its headline in an element is titled by it (meta._printed_side);
#     "Published:"/"Updated:" with a colon after a byline is a date label, not an author;
#     in a justified PDF a short line ends its paragraph (pdflayout._justified).
# 17: an e-mail's signature under its delimiter ("-- " or "--" alone on a line near the
#     end of the sender's text) is one ``credit`` paragraph, not body (mail._signature_at);
#     a loader's ``note`` and ``credit`` blocks keep their kind (a DOCX's footnotes are notes).
#     A DOCX's comments are notes ("Comment by A: ..."), its running headers and footers
#     one ``label`` paragraph each, once (office._docx_notes).
#     Bylines: "김민서 기자" at the top gives the author (metadata._KOREAN_BYLINE), "By A,
#     staff writer" too (metadata._role_byline); "Herald Staff Writer" is a role. A saved
#     page (.mhtml) without a date is dated by its envelope; a Word-saved page's
#     o:Author and o:Created are its author and date (html.meta._office_properties).
#     A PDF page's foot in smaller type (footnotes) is its own note paragraphs, after the
#     paragraph that goes on over the page (pdflayout._page_feet). A PDF form's filled text
#     fields are read, "label: value" on their page (formats.pdfforms). A layout table's cell
#     that is a list of links (a 2005 menu no class marks) is furniture (tables._link_list).
# 18: a paragraph's text is in composed form (NFC): an accent a file stores apart from its
#     letter ("José" as e + U+0301, as some PDFs and Mac text give it) is one letter again.
# 19 (review): a bare "--" is a mail signature's delimiter only when it is the body's only
#     one, an HTML "-- text" block is a list item; a PDF page's smaller foot is footnotes
#     only under a note's mark; a Korean headline ending in 기자 is no byline; a Word page's
#     licence holder ("HP Inc.") is no author.
PIPELINE_VERSION = 19
#: Kinds that are not body text (excluded from ``Document.body``).
NON_BODY = ("title", "heading", "caption", "credit", "note", "label", "byline")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document.

    ``id`` is stable: it depends on the document's path and the paragraph's
    own text only, so it survives edits elsewhere in the document and any
    change to other documents.  ``num`` is the 1-based position.  ``page`` is
    the 1-based page where the paragraph starts (PDF), None for formats
    without pages.
    """

    id: str
    num: int
    kind: str
    text: str
    persons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    page: int | None = None
    scan: bool = False  # the text was read by OCR from an image of the page


@dataclass
class Document:
    doc_id: str
    path: str
    format: str
    encoding: str
    meta: Metadata
    paragraphs: list[Paragraph] = field(default_factory=list)
    extractor: str = ""
    #: the document inside a file holding several (an mbox message), else ""
    part: str = ""
    #: what was left out of the file (pages or messages past a cap)
    warnings: list[str] = field(default_factory=list)
    #: the name of the searched folder it is in (the Folder facet), "" outside one
    folder: str = ""
    #: scanned pages whose text is still to be read by OCR (the OCR stage reads them)
    scans: list[int] = field(default_factory=list)

    @property
    def body(self) -> list[str]:
        """Body paragraphs' text, in order (headings, captions, credits excluded)."""
        return [p.text for p in self.paragraphs if p.kind not in NON_BODY]

    @property
    def persons(self) -> list[str]:
        return _ordered_unique(n for p in self.paragraphs for n in p.persons)

    @property
    def places(self) -> list[str]:
        return _ordered_unique(n for p in self.paragraphs for n in p.places)

    def to_json(self) -> dict:
        """The JSON form printed by ``searchapp extract --json``."""
        m = self.meta
        return {
            "path": self.path,
            "doc_id": self.doc_id,
            "title": m.title,
            "source": m.source,
            "agency": m.agency,
            "url": m.url,
            "date": m.date or None,
            "year": m.year,
            "authors": m.authors,
            "translators": m.translators,
            "language": m.language,
            "format": self.format,
            "encoding": self.encoding,
            "part": self.part,
            "warnings": self.warnings,
            "scans_unread": self.scans,
            "paragraphs": self.body,
            "blocks": [
                {"id": p.id, "num": p.num, "kind": p.kind, "text": p.text, "page": p.page,
                 "scan": p.scan, "persons": list(p.persons), "places": list(p.places)}
                for p in self.paragraphs
            ],
            "persons": self.persons,
            "places": self.places,
        }


def _ordered_unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def doc_id_for(relpath: str, folder: str = "") -> str:
    """A document's id: stable for its path relative to its folder and that
    folder's path (``folder``: the same file in a folder removed and added again
    gets the same id)."""
    key = f"{folder}\x00{relpath}" if folder else relpath
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def load_document(
    path: Path | str,
    corpus_root: Path | str | None = None,
    catalog: Catalog | None = None,
    registry: Registry | None = None,
    raw: bytes | None = None,
) -> Document:
    """Read, clean and analyse one file (``raw``: its bytes, when the caller has
    read them already).  Raises :class:`LoadError` with a reason.

    A file holding several documents (an ``.mbox``) gives its first; use
    :func:`load_documents` for all of them."""
    return load_documents(path, corpus_root, catalog, registry, raw)[0]


def load_documents(
    path: Path | str,
    corpus_root: Path | str | None = None,
    catalog: Catalog | None = None,
    registry: Registry | None = None,
    raw: bytes | None = None,
    folder: str = "",
    scans=None,
) -> list[Document]:
    """Every document in one file: one for most formats, one per message of an
    ``.mbox`` (each with its own ``part`` and a ``doc_id`` made from
    ``"<relpath>#<part>"``, the key its catalog entry is found under too).
    ``scans`` gives the text of scanned pages (PDF, images:
    :mod:`searchapp.ingest.ocr.cache`); without it, or for a page it has not
    read, the page is named in ``Document.scans`` to be read later -- a file
    with nothing but such pages gives a document without paragraphs.
    Raises :class:`LoadError` with a reason when the file gives no document."""
    path = Path(path)
    fmt = document_format(path)
    if fmt is None:
        raise LoadError(unsupported_reason(path))
    raw = read_raw(path) if raw is None else not_empty(raw)
    fmt = content_format(raw, fmt)  # a file saved under another format's name
    if fmt not in BINARY_FORMATS:
        return [_load_text_document(path, corpus_root, catalog, registry, raw, folder, fmt)]
    from searchapp.ingest.formats import extract

    relpath = _relpath(path, corpus_root)
    docs, reasons = [], []
    for ex in extract(fmt, raw, path, scans):
        try:
            docs.append(_from_extracted(ex, fmt, relpath, catalog, registry, folder))
        except LoadError as exc:
            reasons.append(str(exc))
    if not docs:
        raise LoadError(reasons[0] if reasons else "no document found")
    return docs


def _from_extracted(ex: Extracted, fmt: str, relpath: str, catalog: Catalog | None,
                    registry: Registry | None, folder: str = "") -> Document:
    """A :class:`Document` from a loader's blocks and metadata."""
    meta = ex.meta
    key = f"{relpath}#{ex.part}" if ex.part else relpath
    if catalog is not None:
        meta.merge(catalog.get(key))
    blocks = edge_furniture(_classified(ex.blocks), meta)
    _finish_meta(meta, blocks)
    # a form or a one-line note whose only text reads as its title and byline is its text
    blocks = _ensure_body(_with_byline(_mark_title(blocks, meta), meta), title_too=True)
    if not any(b[0] not in NON_BODY for b in blocks) and not ex.scans:
        if ex.scanned:  # every page a scan, and OCR found nothing (or gave up: say why)
            raise LoadError("no text found by OCR" +
                            (f" ({'; '.join(ex.warnings)})" if ex.warnings else ""))
        raise LoadError("no text found" + (f" in message {ex.part}" if ex.part else ""))
    doc_id = doc_id_for(key, folder)
    return Document(
        doc_id=doc_id, path=relpath, format=fmt, encoding=ex.encoding, meta=meta,
        paragraphs=_number(doc_id, blocks, registry, set(ex.scanned)), extractor=ex.extractor,
        part=ex.part, warnings=list(ex.warnings), scans=list(ex.scans),
    )


#: Kinds a loader gives that its structure vouches for (a DOCX's heading, comment,
#: footnote or running header, an e-mail's quoted text or signature): kept, not classified again.
_LOADERS_KINDS = ("heading", "title", "quote", "note", "credit", "label")


def _classified(blocks: list[tuple]) -> list[tuple]:
    """Loaders' blocks with boilerplate dropped and body text classified
    (captions, credits, notes) as for HTML articles; headings kept.  The text
    is kept as the loader gave it."""
    out = []
    for kind, text, page in blocks:
        text = textclean.normalize_space(text)
        if not text or textclean.is_boilerplate(text):
            continue
        if kind in _LOADERS_KINDS:
            out.append((kind, text, page))
            continue
        cls = textclean.classify([text])
        if cls:
            out.append((cls[0].kind if cls[0].kind != "heading" else "body", text, page))
    return out


def _finish_meta(meta: Metadata, blocks: list[tuple]) -> None:
    if not meta.authors:  # a Korean or Chinese wire lede names its reporter
        for b in blocks[:4]:
            lede = lede_byline(b[1]) if b[0] == "body" else ""
            if lede and (names := parse_byline(lede).names):
                meta.authors, meta.byline = names, lede
                break
    if meta.date and not meta.year:
        meta.year = int(meta.date[:4])
    if not meta.language:
        meta.language = guess_language(" ".join(b[1] for b in blocks[:20]))


def _load_text_document(path: Path, corpus_root: Path | str | None, catalog: Catalog | None,
                        registry: Registry | None, raw: bytes | None = None,
                        folder: str = "", fmt: str | None = None) -> Document:
    """A text, Markdown or HTML file's document (``fmt``: if not its name's)."""
    relpath = _relpath(path, corpus_root)
    source = read_source(path, raw, fmt)
    meta = Metadata()
    if source.format == "html":
        blocks, extractor = _html_blocks(source, meta)
    elif source.format == "markdown":
        blocks, extractor = markdown_blocks(source.text, meta), "markdown-it"
    else:
        blocks, extractor = _text_blocks(source.text, meta), "text"
    if catalog is not None:
        meta.merge(catalog.get(relpath))
    blocks = edge_furniture(blocks, meta)
    _finish_meta(meta, blocks)
    blocks = _ensure_body(_with_byline(_mark_title(blocks, meta), meta),
                          title_too=source.format != "html")
    body = [text for kind, text, *_ in blocks if kind not in NON_BODY]
    if not body or source.format == "html" and sum(map(len, body)) < _FEWEST_HTML_CHARS \
            and not any(_SENTENCE_END.search(t) for t in body):
        raise LoadError("no article text found")  # a page of menus only ("Home")
    doc_id = doc_id_for(relpath, folder)
    paragraphs = _number(doc_id, blocks, registry)
    return Document(
        doc_id=doc_id, path=relpath, format=source.format, encoding=source.encoding,
        meta=meta,
        paragraphs=paragraphs, extractor=extractor, warnings=list(source.warnings),
    )


def _relpath(path: Path, root: Path | str | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


# --- per-format block extraction -------------------------------------------


def _text_blocks(text: str, meta: Metadata) -> list[tuple[str, str]]:
    paragraphs = textclean.split_blocks(text)
    paragraphs = take_metadata_lines(paragraphs, meta)
    return [(b.kind, b.text) for b in textclean.classify(paragraphs)]


def _html_blocks(source: SourceFile, meta: Metadata) -> tuple[list[tuple[str, str]], str]:
    art = extract_article(source.text)
    meta.title = art.title
    meta.source = art.source
    meta.url = art.url
    meta.date = parse_date(art.date)
    meta.authors = art.authors
    meta.byline = art.byline if art.authors else ""
    meta.agency = art.agency
    meta.language = art.language
    blocks: list[tuple[str, str]] = []
    for b in art.blocks:
        text = textclean.repair_glued_words(b.text)
        if textclean.is_boilerplate(text):
            continue
        if b.kind == "heading":
            blocks.append(("heading", text))
        else:
            kind = textclean.line_kind(text)  # as classify([text]) would give it
            blocks.append((kind if kind and kind != "heading" else "body", text))
    return blocks, art.extractor


# --- title, numbering, persons ---------------------------------------------


_NOT_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    return _NOT_WORD.sub("", text).casefold()


_WORD_CHAR = re.compile(r"[^\W_]")


def _may_fold_to(text: str, folded: str) -> bool:
    """False where ``_fold(text)`` cannot be ``folded`` (its first letter or digit,
    case-folded, does not start it): a quick test before folding a whole paragraph."""
    first = _WORD_CHAR.search(text)
    return first is not None and folded.startswith(first.group().casefold())


#: A web page whose article holds fewer characters than this, and no sentence, is page
#: furniture ("Home"; "Buried deep." is a page's text).
_FEWEST_HTML_CHARS = 20
_SENTENCE_END = re.compile(f"[{lexicon.STOPS}]")
#: The longest line taken for a printed byline (a name or two, a role, an agency) ...
_BYLINE_LINE = 160
#: ... and how it opens (an author's note at the end, "Ann Roe is a fellow at ...", is no
#: byline).
_BY = re.compile(BYLINE_OPENING, re.I)


def _with_byline(blocks: list[tuple], meta: Metadata) -> list[tuple]:
    """``blocks`` with the document's byline as a block of its own after the title
    (kind ``byline``, not body text), so that a reporter's name typed in a plain
    search finds the document: its byline as printed, else "By" and its authors.
    Where the text already holds every author near its top, the short line that holds
    them all becomes the byline."""
    if not meta.authors:
        return blocks
    text = textclean.normalize_space(meta.byline)
    if _fold(text) in ("", _fold("".join(meta.authors))):  # the names alone (a meta tag)
        text = "By " + ", ".join(meta.authors)
    top = _fold(" ".join(b[1] for b in blocks[:8]))
    if _fold(text) in top or all(_fold(a) in top for a in meta.authors):
        # the byline printed as a line of its own ("By Ann Roe, Senior Correspondent")
        # is the byline: who wrote the piece, not whom it is about
        for i, b in enumerate(blocks[:8]):
            if b[0] in ("body", "credit") and len(b[1]) <= _BYLINE_LINE \
                    and _BY.match(b[1]) and all(_fold(a) in _fold(b[1]) for a in meta.authors):
                return [*blocks[:i], ("byline", *b[1:]), *blocks[i + 1:]]
        return blocks
    at = next((i + 1 for i, b in enumerate(blocks[:6]) if b[0] == "title"), 0)
    rest = tuple(blocks[at][2:]) if at < len(blocks) else tuple(blocks[0][2:]) if blocks else ()
    return [*blocks[:at], ("byline", text, *rest), *blocks[at:]]


def _mark_title(blocks: list[tuple], meta: Metadata) -> list[tuple]:
    """Mark the title block, label lines above it, and drop repeats of the title.
    A title the text does not print near its top (an e-mail's subject, a page's
    ``<title>``, a document's properties, a "Title:" line) becomes the first block,
    so that its words are found by a plain search as a printed headline's are; one
    printed inside a line of the header marks that line.

    Blocks are ``(kind, text)`` or ``(kind, text, page)``; extra items are kept."""
    if not blocks:
        return blocks
    if not meta.title:
        kind, first = blocks[0][:2]
        # a full stop ends no title, a CJK one ("…発表した。") neither ("？" may: "…企稳？")
        if len(first) <= 200 and (kind == "heading" or not first.endswith((".", "。", "｡"))):
            meta.title = first
    target = _fold(meta.title)
    out: list[tuple] = []
    found = False
    for i, (kind, text, *rest) in enumerate(blocks):
        if target and _may_fold_to(text, target) and _fold(text) == target:
            if not found and i < 6:
                # Short lines printed above the title are outlet/series labels.
                out = [("label" if len(t) < 60 else k, t, *r) for k, t, *r in out]
                out.append(("title", text, *rest))
                found = True
            continue  # a repeat of the title
        out.append((kind, text, *rest))
    if target and not found:
        # a line of the header that holds the title ("Briefing note: Baltic cable
        # incidents, 2023-2024" for "Baltic cable incidents") is the title's paragraph
        at = next((i for i, (kind, text, *_) in enumerate(out[:3])
                   if kind != "byline" and target in _fold(text) and not is_prose(text)), None)
        if at is not None:
            out[at] = ("title", *out[at][1:])
        else:
            out.insert(0, ("title", textclean.normalize_space(meta.title), *blocks[0][2:]))
    return out


def _ensure_body(blocks: list[tuple], title_too: bool = False) -> list[tuple]:
    """Blocks whose body, if classification left none, is every block but the title
    (``title_too``: and the title: a text file of one line is its title and its text).

    The kinds are guesses made line by line (a short dateline read as a credit,
    a one-sentence item as a heading); when they leave a page with no body at
    all, the guesses are wrong, not the page empty.
    """
    if any(kind not in NON_BODY for kind, *_ in blocks):
        return blocks
    return [(kind if kind == "title" and not title_too else "body", *rest)
            for kind, *rest in blocks]


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_PARAGRAPH:
        return [text]
    sentences = re.split(f"(?<=[{lexicon.STOPS}])\\s+", text)
    chunks, current = [], ""
    for s in sentences:
        while len(s) > MAX_PARAGRAPH:  # one enormous "sentence": cut at spaces
            cut = s.rfind(" ", 0, MAX_PARAGRAPH)
            cut = cut if cut > MAX_PARAGRAPH // 2 else MAX_PARAGRAPH
            if current:
                chunks.append(current)
                current = ""
            chunks.append(s[:cut].strip())
            s = s[cut:].strip()
        if current and len(current) + len(s) + 1 > MAX_PARAGRAPH:
            chunks.append(current)
            current = s
        else:
            current = f"{current} {s}".strip()
    if current:
        chunks.append(current)
    return [c for c in chunks if c]


def _number(doc_id: str, blocks: list[tuple], registry: Registry | None,
            scanned: set[int] = frozenset()) -> list[Paragraph]:
    """Paragraphs from ``(kind, text)`` or ``(kind, text, page)`` blocks; those on
    ``scanned`` pages were read by OCR."""
    flat = [(kind, unicodedata.normalize("NFC", piece), rest[0] if rest else None)
            for kind, text, *rest in blocks for piece in _split_long(text)]
    texts = [t for _, t, _ in flat]
    mentions = registry.find_mentions(texts) if registry else [[] for _ in texts]
    seen: dict[str, int] = {}
    out = []
    for num, ((kind, text, page), ms) in enumerate(zip(flat, mentions, strict=True), start=1):
        digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        pid = f"{doc_id}-{digest}" + (f"-{n + 1}" if n else "")
        out.append(Paragraph(
            id=pid, num=num, kind=kind, text=text,
            persons=tuple(_ordered_unique(m.name for m in ms if m.kind == "person")) if ms else (),
            places=tuple(_ordered_unique(m.name for m in ms if m.kind == "place")) if ms else (),
            mentions=tuple(ms), page=page, scan=page in scanned,
        ))
    return out


_SCRIPTS = (  # the first script with over 30 % of the letters decides
    ("ko", re.compile(f"[{lexicon.HANGUL}]+")),
    ("ja", re.compile(f"[{lexicon.KANA}]+")),
    ("zh", re.compile(f"[{lexicon.HAN}]+")),
    ("ru", re.compile(r"[\u0400-\u04ff]+")),
)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|on)\b", re.I)


def guess_language(text: str) -> str:
    """A two-letter language code from the script (and English function words).

    Deliberately simple: the catalog or the page's own ``lang`` wins over it.
    """
    if not text:
        return ""
    letters = sum(map(str.isalpha, text)) or 1
    for code, rx in _SCRIPTS:
        if sum(map(len, rx.findall(text))) > 0.3 * letters:
            return code
    words = len(text.split()) or 1
    if len(_EN_WORDS.findall(text)) > 0.1 * words:
        return "en"
    return ""
