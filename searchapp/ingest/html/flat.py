"""Text of HTML nested too deep for libxml2's tree (it stops building it at 256
levels): collected from parser events in bounded memory, block boundaries kept.
Also the tag lists the tree-based extraction (:mod:`searchapp.ingest.html.extract`) uses."""

from __future__ import annotations

import lxml.html
from lxml import etree

from searchapp.ingest.html.rules import Block
from searchapp.ingest.text import normalize_space

#: elements whose text is never article text
DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "button", "iframe", "svg", "canvas", "select", "input", "textarea",
    "figure", "figcaption", "picture", "video", "audio", "object", "embed", "menu", "head",
)
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

LIBXML2_MAX_DEPTH = 256  # without XML_PARSE_HUGE; 2,048 with it


class _FlatText:
    """An lxml parser target that keeps text and block boundaries, not a tree:
    no depth limit, and memory bounded by the text itself.  It also measures
    the nesting depth (the events come balanced, after libxml2's own fixes)."""

    _SKIP = frozenset(DROP_TAGS) - {"header", "figure", "picture"}
    _BLOCK = frozenset(("p", "div", "br", "li", "tr", "td", "th", "blockquote", "pre",
                        "article", "section", "main", "dd", "dt", "table", "ul", "ol",
                        *HEADING_TAGS))

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._skip = 0  # depth inside skipped elements
        self._heading = False
        self.depth = self.max_depth = 0

    def start(self, tag, attrib) -> None:
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK and not self._skip:
            self._flush()
            self._heading = tag in HEADING_TAGS

    def end(self, tag) -> None:
        self.depth -= 1
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK and not self._skip:
            self._flush()

    def data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def comment(self, text) -> None:
        pass

    def close(self) -> list[Block]:
        self._flush()
        return self.blocks

    def _flush(self) -> None:
        if not self._text:
            self._heading = False
            return
        text = normalize_space("".join(self._text))
        self._text = []
        if text:
            self.blocks.append(Block("heading" if self._heading else "body", text))
        self._heading = False


def flat_blocks(html: str) -> tuple[list[Block], int]:
    """The page's visible text as blocks, from parser events without building a
    tree (:class:`_FlatText`), and the page's nesting depth: the fallback for
    pages nested too deep for libxml2's tree."""
    target = _FlatText()
    parser = lxml.html.HTMLParser(target=target, encoding="utf-8", remove_comments=True,
                                  remove_pis=True)
    try:
        blocks = etree.fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return [], target.max_depth
    return list(blocks or []), target.max_depth  # deduplicated and cleaned by the caller
