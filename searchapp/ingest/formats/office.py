"""Word-processor files: DOCX (python-docx) and ODT (content.xml read with lxml).

Headings, paragraphs and tables come in document order, a DOCX's footnotes, endnotes
and comments after them (notes), then its running headers and footers, each once; a table gives one block per row, its cells joined with `` | ``
(merged cells once).  What the
document prints at its top wins over its properties (which a template or an
earlier draft may have left): a byline and a date line above the first prose
are its author and date; the core properties' title is kept where plausible
(:func:`~searchapp.ingest.metadata.choose_title`), else the Title-styled
paragraph or the first heading.  The properties' author and created date are
used where nothing is printed.

Both formats are zip containers: the directory is checked against
:mod:`searchapp.ingest.formats.container`'s caps before anything is inflated
(Python's zipfile then never inflates a member past its declared size), and
XML is parsed without entities, DTDs or huge trees.  ODT is read with lxml
rather than odfpy: odfpy builds its whole DOM through xml.sax (entities
resolved by the expat defaults) and has not been released since 2020;
content.xml is simple to walk.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from searchapp.ingest.formats.container import local, open_zip, parse_xml, read_member
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.metadata import (
    Metadata,
    choose_title,
    is_prose,
    printed_over_properties,
    property_date,
    take_byline,
)
from searchapp.ingest.read import LoadError

_HEADING_STYLES = ("heading", "title", "subtitle")


# --- DOCX -------------------------------------------------------------------------------


def load_docx(raw: bytes) -> Extracted:
    """A DOCX file's blocks and core properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _not_ole(raw, "DOCX")
    open_zip(raw, "DOCX").close()  # the zip-bomb and damage checks
    try:
        document = docx.Document(io.BytesIO(raw))
        warnings: list[str] = []
        blocks = list(_docx_blocks(document)) + _docx_notes(document, warnings)
        props = document.core_properties
        meta = Metadata(title=(props.title or "").strip(),
                        date=property_date(props.created, props.modified),
                        language=(props.language or "")[:2].lower())
        take_byline(meta, props.author or "")
    except etree.XMLSyntaxError as exc:
        raise LoadError(_xml_reason("DOCX", exc)) from exc
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise LoadError(f"damaged DOCX ({type(exc).__name__}: {exc})") from exc
    except (AttributeError, TypeError, IndexError) as exc:
        # python-docx assumes a well-formed package; a part missing an expected
        # element surfaces as one of these
        raise LoadError(f"damaged DOCX (unexpected structure: {type(exc).__name__})") from exc
    blocks = _printed_header(blocks, meta)
    return Extracted(blocks=blocks, meta=meta, extractor="python-docx", encoding="docx",
                     warnings=warnings)


def _printed_header(blocks: list[tuple], meta: Metadata) -> list[tuple]:
    """``blocks`` without the byline and date lines of the document's header, whose
    facts win over the properties in ``meta``; the title chosen between the stated
    and the printed one.  Blocks of kind ``title`` (a Title-styled paragraph) become
    headings."""
    blocks, printed = printed_over_properties(blocks, meta)
    head = []
    for block in blocks:
        if is_prose(block[1]):
            break
        head.append(block)
    title = next((b[1] for b in head if b[0] == "title"), "") or \
        next((b[1] for b in head if b[0] == "heading"), "")
    meta.title = choose_title(meta.title, title or printed.title,
                              " ".join(b[1] for b in blocks[:12]))
    return [("heading" if b[0] == "title" else b[0], *b[1:]) for b in blocks]


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _not_ole(raw: bytes, what: str) -> None:
    """Password-protected Office files are OLE2 containers, not zips."""
    if raw.startswith(_OLE2):
        raise LoadError(f"encrypted (password required), or an old binary file renamed .{what.lower()}")


def _xml_reason(what: str, exc: etree.XMLSyntaxError) -> str:
    if "depth" in str(exc).lower():
        return f"{what}: XML nested too deeply (limit 256 levels)"
    return f"{what}: broken XML ({exc})"


def _docx_blocks(document):
    """(kind, text, None) for the body's paragraphs and table rows, in order."""
    from docx.text.paragraph import Paragraph

    style_of = _style_names()
    for el in _docx_items(document.element.body):
        if el.tag == _W + "tbl":
            yield from _docx_table(el)
            continue
        text = docx_text(el).strip()
        if not text:
            continue
        style = style_of(Paragraph(el, document))
        kind = "title" if style.startswith("title") else \
            "heading" if style.startswith(_HEADING_STYLES) else "body"
        yield (kind, text, None)


def _docx_notes(document, warnings: list[str]) -> list[tuple]:
    """What the document holds beside its body, after it (python-docx reads none of it,
    so a source a footnote names or a reviewer's remark was lost to search): a ``note``
    block for each footnote, endnote and comment ("Comment by Ann Roe: ..."), and a
    ``label`` block for each distinct running header and footer (printed on every page,
    read once).  A damaged part is said in ``warnings`` (the file is read in part),
    never the whole file refused."""
    out: list[tuple] = []
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in _SIDE_PARTS:
            continue
        try:
            root = parse_xml(rel.target_part.blob, "DOCX")
        except LoadError as exc:
            warnings.append(f"{kind} not read ({exc})")
            continue
        for block in _SIDE_PARTS[kind](root, kind):
            if block not in out:  # one header on every section is printed once
                out.append(block)
    return out


def _paragraphs_text(el) -> str:
    return " ".join(t for p in el.iter(_W + "p") if (t := docx_text(p).strip()))


def _notes(root, kind: str):
    for note in root.iterchildren(_W + kind[:-1]):
        if note.get(_W + "type") in (None, "normal"):  # not a separator line
            if text := _paragraphs_text(note):
                yield ("note", text, None)


def _comments(root, kind: str):
    for comment in root.iterchildren(_W + "comment"):
        if text := _paragraphs_text(comment):
            author = " ".join((comment.get(_W + "author") or "").split())
            yield ("note", f"Comment by {author}: {text}" if author else f"Comment: {text}",
                   None)


def _running(root, kind: str):
    """A header's or footer's lines as one block, without a page number ("Page 2 of 9")."""
    lines = [t for p in root.iter(_W + "p")
             if (t := docx_text(p).strip()) and not _PAGE_NUMBER.fullmatch(t)]
    if any(c.isalpha() for line in lines for c in line):
        yield ("label", " · ".join(lines), None)


#: A header's or footer's line that is only a page number: "3", "- 3 -", "Page 3 of 9".
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:page\s*)?\d*\s*(?:(?:of|/)\s*\d*)?[-–—\s]*", re.I)
#: The parts of a DOCX read beside its body, by relationship type, and how.
_SIDE_PARTS = {"footnotes": _notes, "endnotes": _notes, "comments": _comments,
               "header": _running, "footer": _running}


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What a paragraph holds that is not its text now: deleted and moved-away text of
#: tracked changes, field codes, the paragraphs of a text box, properties, and a ruby's
#: reading (``w:rt``: the small kana over its base text).
_NOT_TEXT = frozenset(_W + t for t in ("del", "moveFrom", "instrText", "delText", "p",
                                       "txbxContent", "pPr", "rPr", "sdtPr", "rt"))
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n",
          _W + "noBreakHyphen": "-"}


def docx_text(el) -> str:
    """The text a Word paragraph shows, tracked changes accepted: its runs wherever they
    sit (python-docx's ``Paragraph.text`` reads only the runs and links directly in the
    paragraph, so text inserted with changes tracked (``w:ins``), in a content control
    (``w:sdt``), a simple field or a smart tag was lost), without deleted text."""
    out: list[str] = []
    for child in el.iterchildren():
        tag = child.tag
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        elif tag not in _NOT_TEXT and isinstance(tag, str):
            out.append(docx_text(child))
    return "".join(out)


#: Elements that wrap paragraphs, rows or cells without being one: content controls,
#: tracked insertions, custom XML (python-docx's ``iter_inner_content`` skips them).
_WRAPPERS = frozenset(_W + t for t in ("sdt", "sdtContent", "ins", "customXml"))


def _docx_items(el, kinds=("p", "tbl")):
    """The ``w:`` elements of ``kinds`` directly in ``el`` (a body, a table, a row or a
    cell), in order, also those inside content controls and tracked insertions."""
    tags = {_W + k for k in kinds}
    for child in el.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _docx_items(child, kinds)


_NO_ID = object()


def _style_names():
    """A paragraph's style name (lower case), resolved once per style id of a document.

    python-docx's ``Paragraph.style`` finds the default paragraph style by reading
    every style of the document on each call: ~70 % of reading a DOCX with many
    unstyled paragraphs (python-docx's own template has 160 styles).  The style id
    (``w:pStyle``, None for the default) is what that lookup depends on, so its
    answer is kept per id; without python-docx's ``_p.style`` it asks every time."""
    names: dict[object, str] = {}

    def style_of(paragraph) -> str:
        style_id = getattr(getattr(paragraph, "_p", None), "style", _NO_ID)
        if style_id is _NO_ID or style_id not in names:
            style = paragraph.style
            name = (style.name or "" if style is not None else "").lower()
            if style_id is _NO_ID:
                return name
            names[style_id] = name
        return names[style_id]

    return style_of


def _docx_table(tbl):
    """One block per row of the table element ``tbl``: its cells' text joined with
    `` | ``, a cell spanning several grid columns taken once, and a cell continuing a
    vertical merge read as the cell it continues (as python-docx's ``Row.cells``)."""
    above: dict[int, str] = {}  # grid column -> the text of the cell that starts there
    for tr in _docx_items(tbl, ("tr",)):
        cells: list[str] = []
        column = 0
        for tc in _docx_items(tr, ("tc",)):
            props = tc.find(_W + "tcPr")
            span = props.find(_W + "gridSpan") if props is not None else None
            merge = props.find(_W + "vMerge") if props is not None else None
            if merge is not None and merge.get(_W + "val", "continue") == "continue":
                text = above.get(column, "")
            else:
                text = " ".join(" ".join(docx_text(p) for p in _docx_items(tc, ("p",))).split())
                above[column] = text
            if text:
                cells.append(text)
            width = span.get(_W + "val") if span is not None else None
            column += int(width) if width and width.isdigit() and int(width) > 0 else 1
        if cells:
            yield ("body", " | ".join(cells), None)


# --- ODT --------------------------------------------------------------------------------

_DC = "http://purl.org/dc/elements/1.1/"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_SKIP = {"note", "annotation", "tracked-changes", "sequence-decls", "variable-decls",
         "user-field-decls", "table-of-content", "bibliography", "index-title"}


def load_odt(raw: bytes) -> Extracted:
    """An ODT file's blocks (content.xml) and metadata (meta.xml)."""
    _not_ole(raw, "ODT")
    with open_zip(raw, "ODT") as zf:
        content = parse_xml(read_member(zf, "content.xml", "ODT"), "ODT content.xml")
        try:
            meta_root = parse_xml(read_member(zf, "meta.xml", "ODT"), "ODT meta.xml")
        except LoadError:
            meta_root = None  # metadata is optional
    body = content.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    if body is None:
        raise LoadError("not a text document (ODT without office:text)")
    blocks: list[tuple[str, str, None]] = []
    _odt_walk(body, blocks, _title_styles(content))
    meta = _odt_meta(meta_root)
    blocks = _printed_header(blocks, meta)
    return Extracted(blocks=blocks, meta=meta, extractor="odt", encoding="odt")


def _title_styles(content) -> set[str]:
    """The paragraph styles of content.xml that are the Title style or made from it
    (LibreOffice writes a title as ``text:p`` in "Title", or in an automatic style
    "P1" whose parent is "Title")."""
    names = {"Title"}
    for style in content.iter(f"{{{_STYLE}}}style"):
        if style.get(f"{{{_STYLE}}}parent-style-name", "").startswith("Title"):
            names.add(style.get(f"{{{_STYLE}}}name", ""))
    return names


def _odt_walk(el, out: list, titles: set[str]) -> None:
    """Headings, paragraphs and table rows below ``el``, in document order; a
    paragraph in one of the ``titles`` styles is of kind ``title``."""
    for child in el:
        name = local(child.tag)
        if name in _SKIP:
            continue
        if name in ("h", "p"):
            text = " ".join(_odt_text(child).split())
            style = child.get(f"{{{_TEXT}}}style-name", "")
            if text:
                out.append(("heading" if name == "h" else
                            "title" if style in titles else "body", text, None))
        elif name == "table-row":
            cells = [" ".join(_odt_text(c).split()) for c in child if local(c.tag) == "table-cell"]
            cells = [c for c in cells if c]
            if cells:
                out.append(("body", " | ".join(cells), None))
        else:  # sections, lists, list items, tables, frames: look inside
            _odt_walk(child, out, titles)


def _odt_text(el) -> str:
    """The text of a paragraph element, with ``text:s``/``tab``/``line-break`` as spaces."""
    parts = [el.text or ""]
    for child in el:
        name = local(child.tag)
        if name == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1") or 1))
        elif name in ("tab", "line-break"):
            parts.append(" ")
        elif name not in _SKIP:
            parts.append(_odt_text(child) if name != "p" else " " + _odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_meta(root) -> Metadata:
    meta = Metadata()
    if root is None:
        return meta

    def first(path: str) -> str:
        el = root.find(f".//{path}")
        return (el.text or "").strip() if el is not None else ""

    meta.title = first(f"{{{_DC}}}title")
    take_byline(meta, first(f"{{{_DC}}}creator") or first(f"{{{_META}}}initial-creator"))
    meta.date = property_date(first(f"{{{_META}}}creation-date"), first(f"{{{_DC}}}date"))
    meta.language = first(f"{{{_DC}}}language")[:2].lower()
    return meta
