"""Faster equivalents of trafilatura's boilerplate selectors.

trafilatura finds navigation, comment sections, share bars, hidden elements
and the article container with XPath expressions over the whole tree; many
use ``re:test`` (EXSLT regular expressions, which lxml answers by calling
back into Python for every candidate element).  Over the extraction
benchmark they take a third of trafilatura's time.  Each expression here is
answered instead by walking only the candidate tags with ``iterdescendants``
(tag filtering in C) and testing the same attributes with the same regular
expressions in Python: the same elements, in the same (document) order,
about four times faster.

Next door, put in and taken out with these: trafilatura's link density test
(:mod:`._trafilatura_links`), its comparison with its fallback extractors
(:mod:`._trafilatura_compare`), the primary extraction's hand-over of the tree
uncopied (:mod:`._trafilatura_inplace`), htmldate's search of the markup for dates
(:mod:`._htmldate`); and :func:`page_metadata`'s author search without a copy of
the page (:mod:`._trafilatura_author`).

Only expressions whose source text is exactly the one translated here are
replaced (keyed by a hash of the source): a trafilatura release that changes
a selector keeps its own XPath for it, correct and merely slower.
``tests/test_trafilatura_fast.py`` checks that each replacement returns
exactly what the XPath does: at every call the extraction makes on the
benchmark pages, on every one-element tree of the selector's own vocabulary
and on random trees.

Semantics carried over from XPath 1.0 and lxml's EXSLT functions:

- ``.//*[...]`` is every matching descendant of the context element, not the
  element itself, in document order;
- ``re:test(@a, p[, 'i'])`` is ``re.search(p, value)`` with the attribute's
  value, or ``""`` when it is absent (no pattern here matches ``""``);
- ``@a|@b`` as a string is the value of whichever attribute comes first in
  the element's source order;
- ``.//*[...][1]`` is each element that is the first match among its
  parent's children; ``(.//*[...])[1]`` is the first match in the document.

:func:`page_metadata` runs trafilatura's metadata steps without the searches
whose results nothing here reads (categories, tags, licence).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from htmldate import find_date
from lxml import etree
from trafilatura import metadata as trafilatura_metadata
from trafilatura import xpaths

from searchapp.ingest.html import _htmldate, _trafilatura_compare, _trafilatura_links
from searchapp.ingest.html import _trafilatura_author as _author
from searchapp.ingest.html import _trafilatura_inplace as _inplace
from searchapp.ingest.html import _trafilatura_json as _json

_Pred = Callable[[etree._Element], bool]


class _Answers(dict):
    """Whether a pattern is found in each attribute value met so far.

    A page repeats its class and id values many times, and so do the pages of a
    site; trafilatura's patterns are long alternations (the discard pattern for
    classes has ~100 branches: 5-20 µs a value), a lookup costs ~0.1 µs.
    Cleared when full, so a long index run does not grow it without end."""

    __slots__ = ("search",)
    LIMIT = 1 << 12  # values a pattern: at most ~12 MB over the 29 patterns

    def __init__(self, search: Callable[[str], re.Match | None]) -> None:
        super().__init__()
        self.search = search

    def __missing__(self, value: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        found = self[value] = self.search(value) is not None
        return found


def _re(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    """Whether ``pattern`` is found in a value (``re.search``), remembered per value."""
    return _Answers(re.compile(pattern, flags).search).__getitem__


def _first_of(el, a: str, b: str) -> str:
    """The string value of ``@a|@b``: the attribute that comes first in the source."""
    return _first_value(el, a, el.get(a), b, el.get(b))


def _first_value(el, a: str, va: str | None, b: str, vb: str | None) -> str:
    """``_first_of`` where ``va`` and ``vb`` are the values of ``a`` and ``b``, read already."""
    if va is None:
        return vb or ""
    if vb is None:
        return va
    for key in el.keys():
        if key == a:
            return va
        if key == b:
            return vb
    return va


class FastSelector:
    """A callable standing in for one trafilatura ``XPath`` object.

    ``scope`` is ``"descendants"`` for ``.//*`` (the context's descendants)
    or ``"document"`` for ``//*`` (every element of the context's document,
    its root included); ``links`` answers ``<selector>//a[@href]``: the links
    inside any matching element, once each, in document order.
    """

    def __init__(self, original: etree.XPath, tags: tuple, pred: _Pred, pick: str = "all",
                 scope: str = "descendants", links: bool = False) -> None:
        self.original = original
        self.path = original.path
        self.tags = tags
        self.pred = pred
        self.pick = pick  # "all", "first" (document order) or "first_child" (per parent)
        self.scope = scope
        self.links = links

    def _candidates(self, context):
        if self.scope == "document":
            return context.getroottree().getroot().iter(*self.tags)
        return context.iterdescendants(*self.tags)

    def __call__(self, context, **variables):
        if variables or not isinstance(context, etree._Element):
            return self.original(context, **variables)
        return self._select(context, self.pred)

    def _select(self, context, pred: _Pred) -> list:
        found = (el for el in self._candidates(context) if pred(el))
        if self.links:
            return _links_inside(found)
        if self.pick == "all":
            return list(found)
        if self.pick == "first":
            first = next(found, None)
            return [] if first is None else [first]
        seen, out = set(), []
        for el in found:
            parent = el.getparent()
            if parent not in seen:
                seen.add(parent)
                out.append(el)
        return out

    def __repr__(self) -> str:
        return f"FastSelector({self.path.strip()[:60]!r}...)"


def _links_inside(containers: Iterable) -> list:
    """``a`` elements with an ``href`` inside any of ``containers`` (in document order)."""
    out: list = []
    outer = None
    for box in containers:
        if outer is not None and any(a is outer for a in box.iterancestors()):
            continue  # nested in the previous container: its links are listed already
        outer = box
        out.extend(a for a in box.iterdescendants("a") if a.get("href") is not None)
    return out


class _FirstMainUnion(FastSelector):
    """``(.//*[tags][pred])[1] | (.//main)[1]``: both, in document order."""

    def __call__(self, context, **variables):
        if variables or not isinstance(context, etree._Element):
            return self.original(context, **variables)
        out: list = []
        first = main = False
        for el in context.iterdescendants(*self.tags, "main"):  # document order
            if el.tag == "main":
                if not main:
                    main = True
                    out.append(el)
            elif not first and self.pred(el):
                first = True
                out.append(el)
            if first and main:
                break
        return out


# --- the translated selectors ------------------------------------------------
# Predicates here; the tables at the end map each selector's source (by
# ``source_key``) to its candidate tags and predicate.

_COMMENTS = "[Cc]omment(?!ary)"
_COMMENTS_CLASS = _re(rf"^{_COMMENTS}|(?:article|post)-comments")
_COMMENTS_ID = _re(rf"^(?:{_COMMENTS}|comol|disqus_thread|dsq-comments)")
_COMMENTS_ID_LISTS = _re(rf"^(?:{_COMMENTS}|comol)")


# Below, ``value and search(value)`` skips the regex for an absent attribute: no
# pattern here matches the empty string XPath would test it against.


def _remove_comments(el) -> bool:
    i, c = el.get("id"), el.get("class")
    return bool((i and _COMMENTS_ID(i)) or (c and _COMMENTS_CLASS(c)))


def _remove_comments_and_lists(el) -> bool:
    if not _remove_comments(el):
        return False
    i, c = el.get("id"), el.get("class")
    return el.tag not in ("ol", "ul") or bool((i and _COMMENTS_ID_LISTS(i))
                                              or (c and _COMMENTS_CLASS(c)))


_MVP = _re("mvp-post-add-(?:box|wrap)")
_MVP_SCROLL = _re("mvp-post-add-(?:box|wrap)|infinite-?scroll")


def _raw_tree_prune(el) -> bool:
    i, c = el.get("id"), el.get("class")
    if not ((i and _MVP_SCROLL(i)) or (c and _MVP_SCROLL(c))):
        return False
    return next(el.iterdescendants("h1"), None) is None or bool((i and _MVP(i)) or (c and _MVP(c)))


def _elementor_share(el) -> bool:
    return "elementor-share-buttons" in (el.get("class") or "")


def _tokens(src: str, attr: str) -> Callable[[str], bool]:
    """The regular expression of ``re:test(@attr, '...')`` in ``src``, compiled."""
    m = re.search(rf"re:test\(@{attr}, '([^']*)'\)", src)
    if m is None:
        raise LookupError(attr)
    return _re(m.group(1))


def _body_0(src: str) -> _Pred:
    by_id, by_class = _tokens(src, "id"), _tokens(src, "class")

    def pred(el) -> bool:
        c, i = el.get("class"), el.get("id")
        return (c in ("post", "entry") or el.get("itemprop") == "articleBody"
                or i == "articleContent" or bool(i and by_id(i)) or bool(c and by_class(c)))
    return pred


def _body_2(src: str) -> _Pred:
    by_id, by_class = _tokens(src, "id"), _tokens(src, "class")
    fulltext = _re("fulltext", re.I)

    def pred(el) -> bool:
        c, i = el.get("class"), el.get("id")
        return (el.get("role") == "article" or i in ("article", "story")
                or c in ("postarea", "art-postcontent", "text", "cell", "story")
                or bool(i and by_id(i)) or bool(c and (fulltext(c) or by_class(c))))
    return pred


def _body_3(src: str) -> _Pred:
    by_id, by_class = _tokens(src, "id"), _tokens(src, "class")

    def pred(el) -> bool:
        i, c = el.get("id") or "", el.get("class") or ""
        return (i == "content" or c == "content" or bool(by_id(i)) or bool(by_class(c))
                or "main-content" in i.replace("C", "c").replace("M", "m")
                or "main-content" in c.replace("C", "c").replace("M", "m")
                or "page-content" in c.replace("C", "c").replace("P", "p"))
    return pred


def _body_4(el) -> bool:
    return ((el.get("class") or "").startswith("main") or (el.get("id") or "").startswith("main")
            or (el.get("role") or "").startswith("main"))


def _overall_0(src: str) -> _Pred:
    by_id, by_class = _tokens(src, "id"), _tokens(src, "class")
    cookie = _re("cookie")

    def pred(el) -> bool:
        i, c = el.get("id"), el.get("class")
        if ((i and by_id(i)) or (c and by_class(c))
                or el.get("data-lp-replacement-content") is not None
                or "nav" in (el.get("role") or "").replace("N", "n")
                or "MostPopularStories" in (el.get("data-component") or "")):
            return True
        return (i is not None or c is not None) and bool(cookie(_first_value(el, "id", i, "class", c)))
    return pred


_O1_ID = _re("reader-comments|akismet")
_O1_CLASS = _re("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|"
                "hide-print| hidden| hide|noprint|notloaded")
_HIDDEN = _re("hidden")


def _overall_1(el) -> bool:
    i, c, s = el.get("id"), el.get("class"), el.get("style")
    if i is None and c is None and s is None:
        return el.get("aria-hidden") == "true"
    if c == "comments-title" or el.get("aria-hidden") == "true":
        return True
    if s is not None and ("display:none" in s or "display: none" in s):
        return True
    if (i is not None or c is not None) and _first_value(el, "id", i, "class", c).startswith("reply-"):
        return True
    if (i is not None or s is not None) and _HIDDEN(_first_value(el, "id", i, "style", s)):
        return True
    return bool((i and _O1_ID(i)) or (c and _O1_CLASS(c)))


def _teaser(el) -> bool:
    return ("teaser" in (el.get("id") or "").replace("T", "t")
            or "teaser" in (el.get("class") or "").replace("T", "t"))


_BOTTOM = _re(r"(^|\s)bottom|bottom(\s|$)")
_LINK = _re(r"(^|\s)link(\s|$)")


def _precision_1(el) -> bool:
    if "border" in (el.get("style") or ""):
        return True
    if el.get("id") is None and el.get("class") is None:
        return False
    value = _first_of(el, "id", "class")
    return bool(_BOTTOM(value) or _LINK(value))


def _caption(el) -> bool:
    return "caption" in (el.get("id") or "") or "caption" in (el.get("class") or "")


# --- metadata: authors (and what hides them), categories and tags --------------

_AUTHOR_0_CLASS = _re("author-?name|AuthorName|authorName")


def _author_0_attributes(el) -> bool:
    """``_author_0`` but for a ``rel`` child reading "me" (for a page without one)."""
    if el.tag == "author":  # the "|//author" of the union
        return True
    c = el.get("class")
    return (el.get("rel") == "author" or el.get("id") == "author" or c == "author"
            or el.get("itemprop") == "author name"
            or el.get("data-testid") in ("AuthorCard", "AuthorURL")
            or bool(_AUTHOR_0_CLASS(c or "")))


def _author_0(el) -> bool:
    return (_author_0_attributes(el)
            or any(r.text_content() == "me" for r in el.iterchildren("rel")))  # XPath's rel='me'


class _AuthorSelector(FastSelector):
    """The first author selector: its test of a ``<rel>`` child (XPath's ``rel='me'``,
    an element no HTML page has) is left out on a page holding no ``<rel>`` element."""

    def __call__(self, context, **variables):
        if variables or not isinstance(context, etree._Element):
            return self.original(context, **variables)
        has_rel = next(context.getroottree().getroot().iter("rel"), None) is not None
        return self._select(context, _author_0 if has_rel else _author_0_attributes)


_AUTHOR_1_ID = _re("author|zuozhe|bianji|xiaobian")
_AUTHOR_1_CLASS = _re("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                      "journalist-name")


def _author_1(el) -> bool:
    c = el.get("class")
    return (c in ("byline", "username", "byl", "BBL") or "author" in (el.get("itemprop") or "")
            or bool(_AUTHOR_1_ID(el.get("id") or "")) or bool(_AUTHOR_1_CLASS(c or "")))


_AUTHOR_2_ID = _re("[Aa]uthor")
_AUTHOR_2_CLASS = _re("[Aa]uthor|screenname|writer|[Bb]yline")


def _author_2(el) -> bool:
    return ("Byline" in (el.get("data-component") or "") or "author" in (el.get("itemprop") or "")
            or bool(_AUTHOR_2_ID(el.get("id") or "")) or bool(_AUTHOR_2_CLASS(el.get("class") or "")))


_AUTHOR_DISCARD_ID = _re("^comments|comment-?list|ProductReviews")
_AUTHOR_DISCARD_CLASS = _re(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer")


def _author_discard(el) -> bool:
    i, c = el.get("id"), el.get("class")
    return (i == "comments" or c in ("comments", "title", "date")
            or bool(_AUTHOR_DISCARD_ID(i or "")) or bool(_AUTHOR_DISCARD_CLASS(c or ""))
            or "Figure" in (el.get("data-component") or ""))


_CAT_0 = _re("^(?:post-?info|post-?meta|meta|entry-meta|entry-info|entry-utility)")
_TAG_2 = _re("^(?:tag|postmeta|meta)")


def _cls(el) -> str:
    return el.get("class") or ""


_LINK_CONTAINERS: dict[str, tuple[tuple[str, ...], _Pred]] = {
    "1baa6963c7fb": (("div",), lambda el: bool(_CAT_0(_cls(el)))
                     or (el.get("id") or "").startswith("postpath")),
    "2e866ecb99a3": (("p",), lambda el: _cls(el).startswith(("postmeta", "entry-categories"))
                     or el.get("class") == "postinfo" or el.get("id") == "filedunder"),
    "e07bdd9ea616": (("footer",), lambda el: _cls(el).startswith(("entry-meta", "entry-footer"))),
    "d9521229f74d": (("li", "span"), lambda el: el.get("class") in (
        "post-category", "postcategory", "entry-category") or "cat-links" in _cls(el)),
    "e0ebdd0810f5": (("header",), lambda el: el.get("class") == "entry-header"),
    "92cd1aa74e27": (("div",), lambda el: el.get("class") in ("row", "tags")),
    "4db0878cd3ba": (("div",), lambda el: el.get("class") == "tags"),
    "e4fe9c15a935": (("p",), lambda el: _cls(el).startswith("entry-tags")),
    "db065d368b78": (("div",), lambda el: el.get("class") in (
        "row", "jp-relatedposts", "entry-utility") or bool(_TAG_2(_cls(el)))),
    "c46f5026a383": ((etree.Element,), lambda el: el.get("class") == "entry-meta"
                     or "topics" in _cls(el) or "tags-links" in _cls(el)),
}


_BLOCKS = ("article", "div", "main", "section")
_DISCARD = ("div", "item", "list", "p", "section", "span")

_TABLE: dict[str, tuple[tuple[str, ...], Callable[[str], _Pred], str]] = {
    # sha1(source)[:12]: (candidate tags, predicate builder, pick)
    "2465b9ddf0fc": (_BLOCKS, _body_0, "first_child"),
    "b9c180cd1824": (_BLOCKS, _body_2, "first"),
    "1e7b8c5b36e9": (_BLOCKS, _body_3, "first"),
    "2cee30110a45": (("article", "div", "section"), lambda src: _body_4, "union_main"),
    "97b3a45900e7": (("div", "list", "section", "details"), lambda src: _remove_comments, "all"),
    "7e7d885e629a": (("div", "list", "section", "details", "ol", "ul"),
                     lambda src: _remove_comments_and_lists, "all"),
    "c15751070b07": (("div", "section", "aside"), lambda src: _raw_tree_prune, "all"),
    "12b073ccb20e": (("div", "section", "aside"), lambda src: _elementor_share, "all"),
    "d00545c1e3ac": (_DISCARD, _overall_0, "all"),
    "8c88600b0318": ((etree.Element,), lambda src: _overall_1, "all"),
    "db87f1790b6b": (_DISCARD, lambda src: _teaser, "all"),
    "1333a88a4325": (_DISCARD, lambda src: _precision_1, "all"),
    "1c87660c9ae9": (_DISCARD, lambda src: _caption, "all"),
    "c65fe99332df": (("a", "div", "section", "span"), lambda src: _author_discard, "all"),
}
# ``//*`` selectors: the whole document of the context, its root element included.
_DOCUMENT_TABLE: dict[str, tuple[tuple, _Pred]] = {
    "4f5c359594ee": (("a", "address", "div", "link", "p", "span", "strong", "author"), _author_0),
    "73fbf938a6e5": (("a", "div", "h3", "h4", "p", "span"), _author_1),
    "f4cc58faa793": ((etree.Element,), _author_2),
}

_LISTS = ("BODY_XPATH", "REMOVE_COMMENTS_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH",
          "RAW_TREE_PRUNE_XPATH", "OVERALL_DISCARD_XPATH", "TEASER_DISCARD_XPATH",
          "PRECISION_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS", "AUTHOR_XPATHS",
          "AUTHOR_DISCARD_XPATHS", "CATEGORIES_XPATHS", "TAGS_XPATHS")
TRANSLATED = frozenset(set(_TABLE) | set(_DOCUMENT_TABLE) | set(_LINK_CONTAINERS))


def source_key(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]


#: The stand-in built for each of trafilatura's XPath objects (keyed by the object):
#: put back as it was after :func:`uninstall`, with the answers it remembers.
_BUILT: dict[int, FastSelector] = {}


def _fast(original: etree.XPath) -> FastSelector | None:
    built = _BUILT.get(id(original))
    if built is not None and built.original is original:
        return built
    fast = _build(original)
    if fast is not None:
        _BUILT[id(original)] = fast
    return fast


def _build(original: etree.XPath) -> FastSelector | None:
    key = source_key(original.path)
    if key in _DOCUMENT_TABLE:
        kind = _AuthorSelector if _DOCUMENT_TABLE[key][1] is _author_0 else FastSelector
        return kind(original, *_DOCUMENT_TABLE[key], scope="document")
    if key in _LINK_CONTAINERS:
        return FastSelector(original, *_LINK_CONTAINERS[key], scope="document", links=True)
    entry = _TABLE.get(key)
    if entry is None:
        return None
    tags, build, pick = entry
    pred = build(original.path)
    if pick == "union_main":
        return _FirstMainUnion(original, tags, pred)
    return FastSelector(original, tags, pred, pick)


_switched_off = False


def install() -> int:
    """Put the fast selectors into trafilatura's lists (in place); idempotent.

    trafilatura's modules import these lists by reference, so replacing their
    items reaches every caller.  Returns how many selectors are active (none
    inside :func:`trafilatura_own_xpath`).
    """
    if _switched_off:
        return 0
    _trafilatura_links.install()
    _trafilatura_compare.install()
    _inplace.install()
    _htmldate.install()
    active = 0
    for name in _LISTS:
        selectors = getattr(xpaths, name, None)
        if not isinstance(selectors, list):
            continue
        for i, expr in enumerate(selectors):
            if isinstance(expr, FastSelector):
                active += 1
            elif isinstance(expr, etree.XPath) and (fast := _fast(expr)) is not None:
                selectors[i] = fast
                active += 1
    return active


def uninstall() -> None:
    """Restore trafilatura's own XPath objects and functions."""
    _trafilatura_links.uninstall()
    _trafilatura_compare.uninstall()
    _inplace.uninstall()
    _htmldate.uninstall()
    for name in _LISTS:
        selectors = getattr(xpaths, name, None)
        if isinstance(selectors, list):
            selectors[:] = [getattr(e, "original", e) for e in selectors]


@contextmanager
def trafilatura_own_xpath() -> Iterator[None]:
    """Run the block with trafilatura's own selectors (for benchmarks and comparisons)."""
    global _switched_off
    uninstall()
    _switched_off = True
    try:
        yield
    finally:
        _switched_off = False


def active_selectors() -> Iterable[FastSelector]:
    for name in _LISTS:
        for expr in getattr(xpaths, name, ()):
            if isinstance(expr, FastSelector):
                yield expr


# --- metadata ----------------------------------------------------------------

# What :func:`page_metadata` calls in trafilatura.metadata (module functions, not
# its documented API); with any of them gone, extract_metadata itself is called.
METADATA_STEPS = ("examine_meta", "extract_meta_json", "extract_title", "extract_author",
                  "extract_url", "extract_sitename", "META_URL")


def page_metadata(tree, url: str | None, date_params: dict):
    """trafilatura's ``extract_metadata`` (title, author, url, site name, date by
    htmldate with ``date_params``) without the categories, tags and licence it
    also looks for: nothing here reads them, and over the 2025 benchmark pages
    their searches took a quarter of the metadata's time.  The same steps in
    the same order; ``tree`` is not changed."""
    steps = [getattr(trafilatura_metadata, name, None) for name in METADATA_STEPS]
    if any(step is None for step in steps):
        return trafilatura_metadata.extract_metadata(tree, url, date_params)
    examine_meta, _, title, _, page_url, sitename, meta_url = steps
    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = _json.meta_json_step()(tree, doc)  # (trafilatura's, minified in C)
    except Exception:  # as trafilatura: bugs in its JSON-LD reading
        pass
    doc.title = doc.title or title(tree)
    doc.author = doc.author or _author.author_step()(tree)  # (trafilatura's, uncopied)
    doc.url = doc.url or page_url(tree, url)
    doc.date = find_date(tree, **{**date_params, "url": doc.url})
    doc.sitename = doc.sitename or sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (match := meta_url.match(doc.url)):
        doc.sitename = match[1]
    doc.clean_and_trim()
    return doc
