"""trafilatura's article tree as blocks (:class:`~searchapp.ingest.html.rules.Block`), in order.

Each element is rendered by trafilatura's own text serializer (``xmltotxt``) and
split at its lines; tables are read row by row (:func:`table_blocks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trafilatura.utils import remove_control_characters
from trafilatura.xml import xmltotxt

from searchapp.ingest.html.rules import Block
from searchapp.ingest.text import normalize_space
from searchapp.lexicon import STOPS

_LIST_MARKER = re.compile(r"^\s*- ")


def blocks_from_xml(body) -> list[Block]:
    """trafilatura's article tree as blocks, in order.

    Each element of the article is rendered by trafilatura's own text serializer
    (``xmltotxt``: the spaces between inline elements, an element's tail, list
    items and table cells as ``trafilatura.extract`` gives them), then split at
    its lines: a heading, a quote, one block per list item (nested items once
    each); a paragraph's lines broken by a ``<br>`` are joined back unless the
    line before ends a sentence.  A table is one block per row of data
    (``cell | cell``), its cells holding paragraphs read as paragraphs
    (:func:`table_blocks`).  The text after a block (its tail: a byline after a
    headline) is body text.
    """
    out: list[Block] = []
    # text before the first element, cleaned as the serializer cleans the rest
    lead = normalize_space(remove_control_characters(body.text or ""))
    if lead:
        out.append(Block("body", lead))
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            out.extend(table_blocks(el, blocks_from_xml))
        elif tag in _XML_BLOCKS:
            tail, el.tail = el.tail, None  # the text after a block is body text
            out.extend(_element_blocks(el, tag))
            el.tail = tail
        else:  # an inline element (code, a link): its tail continues its line
            out.extend(_element_blocks(el, tag))
            continue
        tail = normalize_space(remove_control_characters(el.tail or ""))
        if tail:
            out.append(Block("body", tail))
    return out


def _element_blocks(el, tag: str) -> list[Block]:
    """One element of trafilatura's article (its tail aside) as blocks."""
    lines = xmltotxt(el, False).split("\n")
    if tag == "list":
        items: list[str] = []
        for line in lines:
            marked = _LIST_MARKER.match(line)
            line = normalize_space(line[marked.end():] if marked else line)
            if line and (marked or not items):
                items.append(line)
            elif line:
                items[-1] += " " + line  # an item's second line (a <br> inside it)
        return [Block("body", t) for t in items]
    kind = "heading" if tag == "head" else "quote" if tag == "quote" else "body"
    return [Block(kind, text)
            for text in merge_single_breaks([normalize_space(line) for line in lines])]


_XML_BLOCKS = frozenset(("p", "head", "list", "quote", "table"))
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _is_container_xml(cell) -> bool:
    """Two or more blocks (paragraphs, a heading and its text, lists...) in ``cell``."""
    return sum(1 for c in cell if c.tag in _XML_BLOCKS) >= 2


def table_blocks(table, blocks_of: Callable[[object], list[Block]]) -> list[Block]:
    """trafilatura's ``<table>`` element as blocks: a row of data is one block
    (``cell | cell``, a cell of bare ``|`` or ``-`` left out); a row with a cell
    holding two or more blocks (paragraphs, a heading and its text, lists) is
    read cell by cell with ``blocks_of`` (the renderer of an element's children
    as blocks).

    trafilatura's serializer escapes a ``|`` inside a cell as ``\\|`` (GFM);
    cells are split at the unescaped ones and the escapes undone, so no
    backslash reaches the text."""
    out: list[Block] = []
    for row in table:
        if row.tag == "row" and any(_is_container_xml(c) for c in row if c.tag == "cell"):
            for cell in row:
                out.extend(blocks_of(cell))
            continue
        for line in xmltotxt(row, False).split("\n"):
            cells = [normalize_space(c.replace("\\|", "|"))
                     for c in _UNESCAPED_PIPE.split(line.strip().strip("|"))]
            text = " | ".join(c for c in cells if c and not set(c) <= {"-", "|"})
            if text:
                out.append(Block("body", text))
    return out


# A line ending so is not continued by the next after one <br> (closing brackets and
# ellipses are not among these ends here: measured, lists and links split otherwise).
_LINE_END = re.compile(f"[{STOPS}:\"”]$")


def merge_single_breaks(texts: list[str]) -> list[str]:
    """Lines split by one ``<br>`` belong together; ``<br><br>`` ends a paragraph."""
    out: list[str] = []
    gap = True
    for t in texts:
        if not t:
            gap = True
            continue
        if out and not gap and not _LINE_END.search(out[-1]):
            out[-1] += " " + t
        else:
            out.append(t)
        gap = False
    return out
