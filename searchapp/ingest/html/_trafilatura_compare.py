"""trafilatura's comparison with its fallback extractors, asked only where it may matter.

After its own extraction, trafilatura (in any mode but "fast") runs its ports of
readability and jusText over fresh copies of the page and keeps one of their
texts instead of its own only when (``trafilatura.external.compare_extraction``):

* its own text is empty, or readability's is more than twice as long;
* its own text has no paragraph text or more tables than paragraphs;
* its text is shorter than ``min_extracted_size`` or holds leftover page
  furniture (jusText's turn).

On the 2025 benchmark pages that comparison is about a sixth of the whole
ingestion and changes the article on 14 pages of 300 (1 of 88 on 2019).  Every
condition but readability's length is read here on trafilatura's own result at
no cost, and readability's text, taken from the page, is not longer than the
page's text -- nor than what is left of it once the comparison has deleted its
hidden, comment and navigation blocks: where that is under twice the article,
the comparison cannot change it.  :func:`compare_when` sets, for the
calls inside its block, the test that decides whether the comparison runs; the
stand-in of ``trafilatura.core._extract_and_compare`` below asks it.

The comparison reads a backup of the cleaned page, which trafilatura copies on
every extraction (``core._prepare_tree``) before converting the cleaned tree in
place.  Inside :func:`compare_when` (comments off) the stand-in of
``_prepare_tree`` below defers that copy: where the comparison runs, the backup is
made then, by cleaning a copy of the same raw tree again (trafilatura's cleaning
reads only the tree and the options, and the raw tree is not changed in between),
and where it does not run -- most pages -- no backup is made.

Like the selectors of :mod:`searchapp.ingest.html._trafilatura`, the stand-ins
replace trafilatura's private functions only while each function's source is the
one translated here (keyed by a hash; trafilatura is pinned exactly in
``pyproject.toml``); with another release trafilatura's own run, and every
page gets the comparison as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import copy

from lxml import etree
from trafilatura import core

from searchapp.ingest.html._trafilatura_links import source_key_of

try:  # the furniture jusText is called for (trafilatura's own expression)
    from trafilatura.external import SANITIZED_XPATH
except ImportError:  # another release: every page is compared
    SANITIZED_XPATH = None
try:  # what the comparison deletes from the page before readability reads it
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH
except ImportError:  # another release: the page's text bounds readability's
    OVERALL_DISCARD_XPATH = None

#: trafilatura's private functions replaced -> the sha1 (12 hex digits) of the
#: source translated.
_SOURCE_KEYS = {"_extract_and_compare": "040360116096", "_prepare_tree": "bfc95d6a60d5"}

#: The backup of the cleaned tree, not made yet (see :func:`_prepare_tree`).
_DEFERRED = object()

#: (trafilatura's article body, its text, its options) -> whether to compare;
#: None (outside :func:`compare_when`): always, as trafilatura does.
_gate: Callable[[object, str, object], bool] | None = None


def _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options):
    """trafilatura's stages 1-2: its extractor, then the comparison unless in fast
    mode -- or unless the gate of :func:`compare_when` says it cannot change the result."""
    postbody, temp_text = core.extract_content(cleaned_tree, options)
    if not options.fast and (_gate is None or _gate(postbody, temp_text, options)):
        if cleaned_tree_backup is _DEFERRED:  # made now, as _prepare_tree would have
            cleaned_tree_backup = core.tree_cleaning(copy(tree), options)
        postbody, temp_text = core.compare_extraction(
            cleaned_tree_backup, copy(tree), postbody, temp_text, options)
    return postbody, temp_text


def _prepare_tree(tree, options, url):
    """trafilatura's cleaning and conversion of a copy of the raw ``tree``, and the
    backup of the cleaned tree its comparison reads -- inside :func:`compare_when`
    with comments off (the backup's only reader then is the comparison), a mark
    that it is not made yet, for :func:`_extract_and_compare` to make it if needed."""
    if _gate is None or options.comments:
        return _original["_prepare_tree"](tree, options, url)
    cleaned = core.tree_cleaning(copy(tree), options)
    return core.convert_tags(cleaned, options, url), _DEFERRED


# Lengths with XML whitespace runs collapsed, computed by libxml2: the body's text,
# and each script's and style's (readability deletes those first).
_BODY_LENGTH = etree.XPath("string-length(normalize-space(//body))")
_DELETED = etree.XPath("//body//script | //body//style")
_LENGTH = etree.XPath("string-length(normalize-space(.))")
_IFRAMES = etree.XPath("count(//body//iframe)")
_VIDEO = len("VIDEO")  # the text readability gives each iframe it keeps


def readable_length(tree) -> int:
    """An upper bound of the length of readability's text for the page ``tree``.

    Readability's article is elements of the page's body kept in document order
    (the best candidate and its siblings, misused ``<div>`` text moved into ``<p>``
    where it stood, scripts and styles deleted), each iframe given the text
    "VIDEO"; trafilatura measures it with every whitespace run collapsed.  No
    such text is longer than the body's text without its scripts and styles,
    whitespace runs collapsed; nor than the same with only XML whitespace
    collapsed (libxml2's ``normalize-space``); and deleting a script whose text
    collapses to n characters shortens the body's collapsed text by at least
    n - 1 (its characters from the first to the last that is not a space stay
    together in the collapsed body)."""
    deleted = sum(max(0, int(_LENGTH(el)) - 1) for el in _DELETED(tree))
    return int(_BODY_LENGTH(tree)) - deleted + _VIDEO * int(_IFRAMES(tree))


_DOCUMENT_LENGTH = etree.XPath("string-length(normalize-space(/))")
_ALL_IFRAMES = etree.XPath("count(//iframe)")


def pruned_readable_length(tree) -> int:
    """A tighter bound than :func:`readable_length`, of the same text: in precision
    mode trafilatura's comparison first deletes from the page the elements of its
    ``OVERALL_DISCARD_XPATH`` (hidden, comment and navigation blocks; their tails kept),
    and readability reads what is left.  Each of those selectors tests an element's
    own attributes only, so the elements deleted are the ones they find on the whole
    page; each outermost one (or script, or style) whose text collapses to n
    characters shortens the body's collapsed text by at least n - 1, as in
    :func:`readable_length`.  Where the body itself is deleted, readability reads
    the whole document: its collapsed text is the bound."""
    if OVERALL_DISCARD_XPATH is None:
        return readable_length(tree)
    found = {el for expression in OVERALL_DISCARD_XPATH for el in expression(tree)}
    body = tree.find("body")
    if body is None or body in found:
        return int(_DOCUMENT_LENGTH(tree)) + _VIDEO * int(_ALL_IFRAMES(tree))
    gone = found.union(_DELETED(tree))
    outermost = [el for el in gone if not any(a in gone for a in el.iterancestors())]
    deleted = sum(max(0, int(_LENGTH(el)) - 1) for el in outermost)
    return int(_BODY_LENGTH(tree)) - deleted + _VIDEO * int(_IFRAMES(tree))


def may_change(body, text: str, options, page_length: Callable[[], int],
               pruned_length: Callable[[], int] | None = None) -> bool:
    """Whether trafilatura's comparison could replace its article (``body``,
    ``text``) in precision mode; ``page_length()`` gives the bound of readability's
    text for the page it extracts from (:func:`readable_length`), and
    ``pruned_length()``, where given, the tighter one (:func:`pruned_readable_length`),
    each asked only when needed (the tighter one costs a pass over the page).

    Exact: every trigger of the comparison is read as trafilatura reads it, and
    readability's text (taken from the page) is over twice as long as the article
    only if the page's text is.  Any other mode is always compared."""
    if options.focus != "precision" or SANITIZED_XPATH is None:
        return True
    if len(text) < options.min_extracted_size or body.xpath(SANITIZED_XPATH):
        return True  # jusText's turn: short, or furniture left in the article
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True  # readability's turn: no paragraph text, or a table page
    return page_length() > 2 * len(text) and (pruned_length is None
                                              or pruned_length() > 2 * len(text))


@contextmanager
def compare_when(gate: Callable[[object, str, object], bool]) -> Iterator[None]:
    """Within the block, trafilatura compares its article with its fallback
    extractors only where ``gate(body, text, options)`` is true."""
    global _gate
    before, _gate = _gate, gate
    try:
        yield
    finally:
        _gate = before


_STAND_INS = {"_extract_and_compare": _extract_and_compare, "_prepare_tree": _prepare_tree}
_original: dict[str, Callable] = {}


def install() -> bool:
    """Put the stand-ins into trafilatura's core module (idempotent, both or
    neither: the deferred backup needs both); whether they are in."""
    current = {name: getattr(core, name, None) for name in _STAND_INS}
    if all(current[name] is f for name, f in _STAND_INS.items()):
        return True
    if any(f is None or source_key_of(f) != _SOURCE_KEYS[name] for name, f in current.items()):
        return False
    _original.update(current)
    for name, f in _STAND_INS.items():
        setattr(core, name, f)
    return True


def uninstall() -> None:
    """Restore trafilatura's own functions."""
    for name, f in _original.items():
        setattr(core, name, f)
