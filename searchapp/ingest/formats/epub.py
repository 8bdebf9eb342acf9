"""EPUB books: chapters in spine order, read from the zip with lxml (no ebooklib).

``META-INF/container.xml`` names the package document (OPF); its
``<metadata>`` gives ``dc:title``, ``dc:creator``, ``dc:date`` and
``dc:language``, its ``<spine>`` the reading order of the manifest's XHTML
files (``linear="no"`` items, such as pop-up notes, are left out).

Each chapter's block elements are taken directly (headings as headings,
paragraphs, list items, table cells, quotes) instead of going through the
web-page cleaner (:func:`searchapp.ingest.html.extract.extract_article`): a chapter
is the author's clean XHTML, with no navigation or adverts to remove, and
trafilatura's boilerplate rules are tuned for web pages — they drop short
paragraphs, lists and chapter openings that look like teasers.  Taking the
blocks keeps every line of the book in order; the pipeline's boilerplate
filter still drops furniture such as "Copyright" lines.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from searchapp.ingest.bylines import parse_byline
from searchapp.ingest.formats.container import has_member, local, open_zip, parse_xml, read_member
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.metadata import Metadata, iso_date
from searchapp.ingest.read import LoadError

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LEAF_BLOCKS = {"p", "li", "dt", "dd", "pre", "blockquote", "td", "th", "figcaption",
                "caption", "div", "section", "article", "address"} | _HEADINGS
_CONTAINERS = {"div", "section", "article", "blockquote", "li", "td", "th", "dd", "body",
               "main", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure",
               "header", "footer", "aside", "hgroup", "details", "span", "a"}
_SKIP = {"script", "style", "nav", "head", "title", "svg", "math", "img", "audio", "video"}
_BLOCK_TAGS = _LEAF_BLOCKS | _CONTAINERS - {"span", "a"} | {"p", "ul", "ol", "table", "hr"}


def load_epub(raw: bytes) -> Extracted:
    """An EPUB's chapters as blocks, with the package metadata."""
    with open_zip(raw, "EPUB") as zf:
        opf_path = _opf_path(zf)
        opf = parse_xml(read_member(zf, opf_path, "EPUB"), "EPUB package document")
        meta = _metadata(opf)
        spine = _spine(opf, posixpath.dirname(opf_path))
        if set(spine) & _encrypted(zf):
            raise LoadError("encrypted (DRM-protected EPUB)")
        blocks: list[tuple[str, str, None]] = []
        for href in spine:
            if not has_member(zf, href):
                continue  # a broken manifest entry: the other chapters still count
            root = parse_xml(read_member(zf, href, "EPUB"), f"EPUB chapter {href}", recover=True)
            body = next((el for el in root.iter() if local(el.tag) == "body"), root)
            _walk(body, blocks)
    if not blocks:
        raise LoadError("EPUB has no readable chapters")
    return Extracted(blocks=blocks, meta=meta, extractor="epub", encoding="epub")


def _opf_path(zf) -> str:
    container = parse_xml(read_member(zf, "META-INF/container.xml", "EPUB"),
                          "EPUB container.xml")
    for el in container.iter():
        if local(el.tag) == "rootfile" and el.get("full-path"):
            return el.get("full-path")
    raise LoadError("damaged EPUB: container.xml names no package document")


def _encrypted(zf) -> set[str]:
    """Zip paths that META-INF/encryption.xml lists as encrypted (DRM; fonts are
    often "encrypted" too, by obfuscation, which does not matter here)."""
    if not has_member(zf, "META-INF/encryption.xml"):
        return set()
    root = parse_xml(read_member(zf, "META-INF/encryption.xml", "EPUB"), "EPUB encryption.xml")
    return {unquote(el.get("URI", "")) for el in root.iter()
            if local(el.tag) == "CipherReference" and el.get("URI")}


def _metadata(opf) -> Metadata:
    found: dict[str, list[str]] = {}
    for el in opf.iter():
        name = local(el.tag)
        if name in ("title", "creator", "date", "language") and el.text and el.text.strip():
            found.setdefault(name, []).append(" ".join(el.text.split()))
    authors: list[str] = []
    agency = ""
    for creator in found.get("creator", []):
        byline = parse_byline(creator)
        authors += [a for a in byline.names if a not in authors]
        agency = agency or byline.agency
    return Metadata(title=(found.get("title") or [""])[0], authors=authors, source=agency,
                    date=iso_date((found.get("date") or [""])[0]),
                    language=(found.get("language") or [""])[0][:2].lower())


def _spine(opf, base: str) -> list[str]:
    """The zip paths of the spine's documents, in reading order."""
    manifest = {el.get("id"): el.get("href") for el in opf.iter()
                if local(el.tag) == "item" and el.get("id") and el.get("href")}
    out: list[str] = []
    for el in opf.iter():
        if local(el.tag) != "itemref" or el.get("linear") == "no":
            continue
        href = manifest.get(el.get("idref"))
        if href:
            path = posixpath.normpath(posixpath.join(base, unquote(href.split("#")[0])))
            if path not in out:
                out.append(path)
    return out


def _walk(el, out: list) -> None:
    """Blocks below ``el``: an element holding block children is looked into,
    one holding only text and inline markup is a block."""
    for child in el:
        name = local(child.tag)
        if name in _SKIP or not name:
            _tail(child, out)
            continue
        if name in _CONTAINERS and _has_block_child(child):
            if child.text and child.text.strip():
                out.append(("body", child.text, None))
            _walk(child, out)
        elif name in _LEAF_BLOCKS or name in _CONTAINERS:
            text = " ".join(_text(child).split())
            if text:
                out.append(("heading" if name in _HEADINGS else
                            "quote" if name == "blockquote" else "body", text, None))
        else:  # inline text directly in a container
            text = " ".join(_text(child).split())
            if text:
                out.append(("body", text, None))
        _tail(child, out)


def _tail(el, out: list) -> None:
    if el.tail and el.tail.strip():
        out.append(("body", el.tail, None))


def _has_block_child(el) -> bool:
    return any(local(c.tag) in _BLOCK_TAGS for c in el)


def _text(el) -> str:
    """Text of an element, ``<br>`` as a space, scripts and notes left out."""
    parts = [el.text or ""]
    for child in el:
        name = local(child.tag)
        if name == "br":
            parts.append(" ")
        elif name not in _SKIP:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
