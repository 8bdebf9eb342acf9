"""trafilatura's search of the page's markup for an author, without copying the page.

``trafilatura.metadata.extract_author`` deep-copies the whole page, deletes from
the copy the elements that hide no author (comment sections, dates, figures, a
sidebar: ``AUTHOR_DISCARD_XPATHS``) and takes the first author element
(``AUTHOR_XPATHS``) whose text is 3-119 characters long.  The copy costs more
than the search: on the 2025 benchmark pages, where a page's meta tags and
JSON-LD name no author (113 of 300), it was about 1.5 % of the whole ingestion.

:func:`extract_author` below gives the same answer on the page itself.  Every
selector of both lists tests an element's own name and attributes only (and the
first author selector a ``<rel>`` child reading "me"), so deleting elements changes
no answer of the selectors but for the deleted elements and those inside them;
and an author element's text is its own and its descendants' text, which the
deletions change only where it holds a deleted element.  So an author element
at or inside a deleted one is passed over, as in the copy it is gone; the first
element holding a deleted one -- or a page with a ``<rel>`` element and something
to delete -- is left to trafilatura's own function, copy and all.

Used only while both trafilatura functions have the source read here (keyed by
hashes; trafilatura is pinned exactly in ``pyproject.toml``); otherwise
trafilatura's own runs.
"""

from __future__ import annotations

import functools

from trafilatura import metadata
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from searchapp.ingest.html._trafilatura_links import source_key_of

#: sha1 (12 hex digits) of trafilatura 2.3.1's ``extract_author`` and ``extract_metainfo``.
_SOURCE_KEYS = {"extract_author": "3022923c1514", "extract_metainfo": "b07a9bed71f7"}
_LEN_LIMIT = 120  # extract_author's: an author's text is shorter


def _inside(el, deleted: set) -> bool:
    """Whether ``el`` or an element above it is in ``deleted``."""
    return el in deleted or any(a in deleted for a in el.iterancestors())


def extract_author(tree) -> str | None:
    """``trafilatura.metadata.extract_author(tree)``, ``tree`` neither copied nor changed."""
    deleted = {el for expression in AUTHOR_DISCARD_XPATHS for el in expression(tree)}
    if deleted and tree.find(".//rel") is not None:
        return metadata.extract_author(tree)
    for expression in AUTHOR_XPATHS:
        for el in expression(tree):
            if deleted and _inside(el, deleted):
                continue
            if deleted and any(d in deleted for d in el.iterdescendants()):
                return metadata.extract_author(tree)
            content = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < _LEN_LIMIT:
                return normalize_authors(None, content)
    return None


def author_step():
    """The author search for :func:`searchapp.ingest.html._trafilatura.page_metadata`:
    :func:`extract_author` while trafilatura's functions are the ones read here,
    else trafilatura's own."""
    own = metadata.extract_author
    return extract_author if _read_here(own, metadata.extract_metainfo) else own


@functools.cache
def _read_here(*functions) -> bool:
    return all(source_key_of(f) == key for f, key in zip(functions, _SOURCE_KEYS.values(),
                                                          strict=True))
