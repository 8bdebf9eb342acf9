"""Tables in HTML pages that lay out the page rather than hold data.

Pages built before CSS (and many e-mails) lay the page out with a ``<table>``: a
row for the menu, a cell holding the story's headline and paragraphs, a row for
the footer.  Such a table is a container, not a table of data: before
extraction, its cells marked as menu, footer or masthead are deleted as the
extractor deletes such a ``<div>``, and so are its cells that are lists of links
(four fifths of their words in three links or more: the menus of pages of 2005,
which no class marks) (:func:`drop_furniture_cells`), and its
cells holding paragraphs are read as paragraphs, one block each
(:func:`searchapp.ingest.html.serialize.table_blocks`).  A table of figures
comes out one block per row (``cell | cell``).

(Turning a layout table's cells into ``<div>``s instead, for trafilatura to judge
as any CSS layout, was measured and dropped: on 5 of the 300 pages of 2025 it
then dropped boxes of the article it kept as tables, recall -0.18 on one page.)

A cell is a container when it holds a heading, a nested table, or two or more
pieces of text set apart as blocks (paragraphs, list items, quotes, text split
by a blank ``<br><br>``); a table is a layout table when such cells hold at
least half of its text (in words).  A data table whose cells each wrap one value in a
``<p>`` or ``<div>`` is not one.
"""

from __future__ import annotations

import re

from lxml import etree

from searchapp.ingest.html.flat import HEADING_TAGS

#: HTML elements that set their text apart as a block inside a cell
_HTML_BLOCKS = frozenset(("p", "div", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
                          "center", "address", "form", "hr", *HEADING_TAGS))
_OWN_CELLS = etree.XPath("./tr/td | ./tr/th | ./*[self::thead or self::tbody or self::tfoot]"
                         "/tr/*[self::td or self::th]")
#: what marks a layout table's cell or row as furniture: one of these in its class or
#: id (``topnav``, ``leftmenu``, ``site-footer``), as trafilatura marks a ``<div>``
LAYOUT_FURNITURE = re.compile("nav|menu|footer|masthead|sidebar|banner|bread-?crumb", re.I).search
_FURNITURE_ROLES = ("navigation", "banner", "contentinfo", "complementary")
_CONTAINER_SHARE = 0.5  # of the table's text in container cells: a layout table


def _is_container_cell(cell) -> bool:
    """A heading, a nested table, or two or more blocks of text in ``cell``."""
    pieces = 0
    has_text = False  # text since the last block boundary
    after_br = False  # a <br> with no text since: a second one ends a paragraph

    def boundary() -> None:
        nonlocal pieces, has_text
        if has_text:
            pieces += 1
        has_text = False

    for event, el in etree.iterwalk(cell, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not cell and (tag in HEADING_TAGS or tag == "table"):
                return True
            if tag in _HTML_BLOCKS:
                boundary()
            elif tag == "br":
                if after_br:
                    boundary()
                after_br = True
            if el.text and el.text.strip():
                has_text, after_br = True, False
        else:
            if el is cell:
                break
            if tag in _HTML_BLOCKS:
                boundary()
            if el.tail and el.tail.strip():
                has_text, after_br = True, False
    boundary()
    return pieces >= 2


def is_layout_table(table) -> bool:
    """Whether ``table`` (an lxml HTML element) lays out a page rather than holding data."""
    cells = _OWN_CELLS(table)
    if not cells:
        return False
    sizes = [(_words(c), c) for c in cells]
    total = sum(n for n, _ in sizes)
    inside = sum(n for n, c in sizes if n and _is_container_cell(c))
    return total > 0 and inside >= _CONTAINER_SHARE * total


def drop_furniture_cells(tree) -> int:
    """Delete the cells and rows of ``tree``'s layout tables that their class, id
    or role mark as page furniture (menu, footer, masthead, sidebar: the words
    that mark such a ``<div>``), and the cells that are lists of links (a menu no
    class names: :data:`LINK_LIST`), unless one holds half its table's text or more;
    how many were deleted.  A data table is left whole."""
    doomed = []
    for table in tree.iter("table"):
        if not is_layout_table(table):
            continue
        half = None
        for el in table.iter("tr", "td", "th"):
            if _is_furniture(el) and _owning_table(el) is table:
                half = _words(table) / 2 if half is None else half
                if _words(el) < half:
                    doomed.append(el)
    marked = set(doomed)
    for el in doomed:
        if el.getparent() is not None and not any(a in marked for a in el.iterancestors()):
            el.drop_tree()
    return len(doomed)


def _is_furniture(el) -> bool:
    if el.get("role") in _FURNITURE_ROLES:
        return True
    if any(LAYOUT_FURNITURE(el.get(a) or "") for a in ("class", "id")):
        return True
    return el.tag != "tr" and _link_list(el)


#: A cell is a list of links (a menu no class names, as pages of 2005 wrote them) when
#: it holds this many links or more and they are this share of its words or more.
LINK_LIST = (3, 0.8)


def _link_list(cell) -> bool:
    """Whether ``cell`` is mostly links: a menu, a list of sections or of other stories."""
    links = [a for a in cell.iter("a") if a.get("href")]
    if len(links) < LINK_LIST[0]:
        return False
    linked = sum(len(a.text_content().split()) for a in links)
    return linked >= LINK_LIST[1] * _words(cell)


def _words(el) -> int:
    """How many words ``el``'s text holds (the measure of a cell's share)."""
    return len(el.text_content().split())


def _owning_table(el):
    for anc in el.iterancestors("table"):
        return anc
    return None
