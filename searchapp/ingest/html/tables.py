"""Tables in HTML pages: layout tables read as containers, data tables as rows.

Pages built before CSS (and many e-mails) lay the page out with a ``<table>``: a
row for the menu, a cell holding the story's headline and paragraphs, a row for
the footer.  Such a table is a container, not a table of data: its cells are
turned into ``<div>``s before extraction (:func:`unwrap_layout_tables`), so the
extractor sees the same page as a CSS layout (the story's ``<p>``s stay
paragraphs; menu and footer cells are judged as the extractor judges any
navigation or footer block).  A table of figures is left alone and comes out
one block per row (``cell | cell``,
:func:`searchapp.ingest.html.serialize.table_blocks`).

A cell is a container when it holds a heading, a nested table, or two or more
pieces of text set apart as blocks (paragraphs, list items, quotes, text split
by a blank ``<br><br>``); a table is a layout table when such cells hold at
least half of its text.  A data table whose cells each wrap one value in a
``<p>`` or ``<div>`` is not one.
"""

from __future__ import annotations

from lxml import etree

from searchapp.ingest.html.flat import HEADING_TAGS
from searchapp.ingest.text import normalize_space

#: HTML elements that set their text apart as a block inside a cell
_HTML_BLOCKS = frozenset(("p", "div", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
                          "center", "address", "form", "hr", *HEADING_TAGS))
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
_OWN_CELLS = etree.XPath("./tr/td | ./tr/th | ./*[self::thead or self::tbody or self::tfoot]"
                         "/tr/*[self::td or self::th]")
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
    sizes = [(len(normalize_space(c.text_content())), c) for c in cells]
    total = sum(n for n, _ in sizes)
    inside = sum(n for n, c in sizes if n and _is_container_cell(c))
    return total > 0 and inside >= _CONTAINER_SHARE * total


def unwrap_layout_tables(tree) -> int:
    """Turn every layout table of ``tree`` (its table, rows and cells; nested
    data tables stay) into ``<div>``s, attributes kept; how many tables were."""
    layout = [t for t in tree.iter("table") if is_layout_table(t)]  # decided before any change
    for table in layout:
        parts = [table, *(el for el in table.iter(*_TABLE_PARTS[1:])
                          if _owning_table(el) is table)]
        for el in parts:
            el.tag = "div"
    return len(layout)


def _owning_table(el):
    for anc in el.iterancestors("table"):
        return anc
    return None
