"""Main-article extraction from HTML pages.

The page is parsed once with lxml; where two texts meet at a tag with no space
and a lower-case letter or digit runs into a capital, a space is put in the tree
(:func:`~searchapp.ingest.html.markup.separate_glued_texts`), so no extractor glues
them into one word.

1. trafilatura (``bare_extraction`` in its precision mode, with its own
   comparison against its fallback extractors) finds the article, and its
   metadata steps read the page's title, author, url, site and date
   (:func:`searchapp.ingest.html._trafilatura.page_metadata`: htmldate without
   its extensive search; that search only where the page states no date,
   :func:`searchapp.ingest.html.meta.searched_date`); its XPath selectors are
   answered by the faster, equal stand-ins of
   :mod:`searchapp.ingest.html._trafilatura`, and its article is rendered by its
   own text serializer (:func:`searchapp.ingest.html.serialize.blocks_from_xml`);
   a table laying out the page is read as blocks, its menu and footer cells left
   out (:mod:`searchapp.ingest.html.tables`).
2. On pages where that article holds less than the page's visible text, a
   second opinion (trafilatura's fast recall mode) and a third (a
   beautifulsoup4 pass over the densest block of text: text length, link
   density, boilerplate class names) are computed, and the one the others
   agree with is kept (:func:`searchapp.ingest.html.rules.agree`).

Both return an ordered list of :class:`Block` (headings kept with their own
kind), which :mod:`searchapp.ingest.pipeline` turns into paragraphs.  Which
candidate is kept, how it is cleaned, and the fallback to trafilatura's recall
mode when the result is short are the rules of
:mod:`searchapp.ingest.html.rules`, chosen by cross-validation over pages of
2019 and 2025 (``benchmarks/bench_extraction_cv.py``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from bs4 import BeautifulSoup, Tag
from lxml import etree
from trafilatura.settings import set_date_params
from trafilatura.utils import remove_control_characters

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html import _trafilatura_compare as trafilatura_compare
from searchapp.ingest.html._trafilatura_inplace import InPlace, may_extract_in_place
from searchapp.ingest.html.flat import DROP_TAGS as _DROP_TAGS
from searchapp.ingest.html.flat import HEADING_TAGS as _HEADING_TAGS
from searchapp.ingest.html.flat import LIBXML2_MAX_DEPTH, flat_blocks
from searchapp.ingest.html.markup import (
    keep_post_times,
    keep_quotation_signatures,
    separate_glued_texts,
)
from searchapp.ingest.html.meta import complete_metadata, page_tags, searched_date
from searchapp.ingest.html.rules import (
    DEFAULT_RULES,
    PRIMARY_MODES,
    Block,
    Candidates,
    Rules,
    choose,
    clean_blocks,
    is_notice,
)
from searchapp.ingest.html.serialize import blocks_from_xml, merge_single_breaks
from searchapp.ingest.html.tables import drop_furniture_cells
from searchapp.ingest.text import has_cjk, normalize_space, text_size

_TRAF_OPTIONS = dict(
    # the article as trafilatura's XML tree (``doc.body``, read by blocks_from_xml); any
    # format but "python" skips rendering it as a text nothing here reads (the same tree)
    output_format="txt",
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    deduplicate=False,
)
#: trafilatura's options for each of :data:`~searchapp.ingest.html.rules.PRIMARY_MODES`
TRAFILATURA_MODES = {
    "precision": {"favor_precision": True},
    "balanced": {},
    "fast+precision": {"fast": True, "favor_precision": True},
    "fast": {"fast": True},
}
assert set(TRAFILATURA_MODES) == set(PRIMARY_MODES)
_SECOND = {"fast": True, "favor_recall": True}  # the second opinion (rules.agree)


@dataclass
class HtmlArticle:
    """The article found in a page, with whatever metadata the page carries."""

    blocks: list[Block]
    title: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""  # the byline as found (names in ``authors``)
    date: str = ""
    source: str = ""
    agency: str = ""  # the news agency the byline credits ("Reuters"), or ""
    url: str = ""
    language: str = ""
    extractor: str = "trafilatura"

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def extract_article(html: str, url: str | None = None, with_metadata: bool = True,
                    rules: Rules = DEFAULT_RULES, date_search: bool = True) -> HtmlArticle:
    """Extract the main article of ``html`` (a decoded page) as ordered blocks.

    The date is the one the page states (its URL, meta tags, JSON-LD, ``<time>``
    elements: htmldate without its extensive search); only where it states none
    is the text searched (:func:`searched_date`).  ``date_search=False`` skips that
    search (for a page whose date is known otherwise, an e-mail's ``Date``): it
    hands phrases to dateparser, whose first call in a process compiles every
    locale's patterns (seconds)."""
    if not html or not html.strip():
        return HtmlArticle(blocks=[])
    trafilatura_fast.install()
    tree = _parse(html)
    if tree is None:
        return HtmlArticle(blocks=_printable(clean_blocks(_bs4_blocks(html), rules)),
                           extractor="bs4")
    tags = page_tags(tree) if with_metadata else None
    article, found = _gather(html, tree, url, with_metadata, rules)
    article.blocks, article.extractor = choose(found, rules)
    got = sum(len(b.text) for b in article.blocks)
    if got < 200:
        # libxml2 stops building the tree 256 levels deep: salvage the text flat
        flat, depth = flat_blocks(html)
        flat = clean_blocks(_dedupe(flat), rules)
        if depth > LIBXML2_MAX_DEPTH and sum(len(b.text) for b in flat) > got:
            article.blocks, article.extractor = flat, "flat"
    article.blocks = _printable(article.blocks)
    if tags is not None:
        complete_metadata(article, tags, html)
        if not article.date and date_search:
            article.date = searched_date(tree, article.url, html)
    return article


def _printable(blocks: list[Block]) -> list[Block]:
    """Every extractor's text cleaned as trafilatura's serializer cleans a paragraph:
    unassigned and control code points dropped (bs4's, the flat reader's and a
    table cell's text are not), so the text reads back the same."""
    out = []
    for b in blocks:
        text = b.text if b.text.isprintable() else normalize_space(remove_control_characters(b.text))
        if text:
            out.append(b if text is b.text else Block(b.kind, text))
    return out


def article_candidates(html: str, rules: Rules = DEFAULT_RULES) -> Candidates | None:
    """What :func:`extract_article` chooses from (for the benchmarks), or None."""
    trafilatura_fast.install()
    tree = _parse(html) if html and html.strip() else None
    return None if tree is None else _gather(html, tree, None, False, rules=rules)[1]


def _gather(html: str, tree, url: str | None, with_metadata: bool,
            rules: Rules = DEFAULT_RULES) -> tuple[HtmlArticle, Candidates]:
    """trafilatura's article in ``rules.primary`` mode (uncleaned, with metadata) and
    the candidates beside it."""
    estimate = _visible_text_estimate(tree)
    _drop_inert(tree)
    page_length = functools.cache(lambda: trafilatura_compare.readable_length(tree))
    pruned_length = functools.cache(lambda: trafilatura_compare.pruned_readable_length(tree))
    with trafilatura_compare.compare_when(
            lambda body, text, options: trafilatura_compare.may_change(
                body, text, options, page_length, pruned_length)):
        article = _trafilatura_article(tree, url, with_metadata, TRAFILATURA_MODES[rules.primary])
    # the other trafilatura candidates, when a rule asks for them: trafilatura copies
    # the tree it is given and the metadata only read it, so ``tree`` is as parsed
    return article, Candidates(
        {rules.primary: article.blocks}, estimate, lambda: _densest_region(html), _bs4_blocks,
        recall=lambda: _trafilatura_blocks(tree, favor_recall=True),
        second=lambda: _trafilatura_blocks(tree, **_SECOND),
        extract=lambda mode: _trafilatura_blocks(tree, **TRAFILATURA_MODES[mode]))


# trafilatura's parser settings, but with lxml's C-level element class lookup:
# lxml.html's default lookup calls back into Python for every element proxy
# created, about 7% of the extraction time.  trafilatura only needs HtmlElement.
_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                               remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment))


# Characters XML forbids: lxml refuses them in the element text trafilatura
# builds.  Deleted from the UTF-8 bytes (bytes.translate is ~50x faster than a
# regex over the page); U+FFFE/U+FFFF are three-byte sequences.
_XML_INVALID = bytes(range(0x20)).translate(None, b"\t\n\r")
_DOCTYPE_SLASH = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.I)  # libxml2 chokes on these
_HTML_SELF_CLOSED = re.compile(r"(<html[^\n]*?)\s*/>", re.I)


def _parse(html: str):
    """The page as an lxml tree (parsed once, shared by every stage), or None."""
    start = html[:4096]
    head = _DOCTYPE_SLASH.sub("", start.lstrip(), count=1)
    if any("<html" in line and line.endswith("/>") for line in head.splitlines()[:4]):
        head = _HTML_SELF_CLOSED.sub(r"\1>", head, count=1)
    page = html if head == start else head + html[4096:]  # (a copy of the page only if changed)
    data = page.encode("utf-8", "replace").translate(None, _XML_INVALID)
    # (asked of the text: a page of one-byte characters answers at once, the bytes
    # would be read through)
    if "\ufffe" in page or "\uffff" in page:
        data = data.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
    try:
        tree = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(tree.tag, str):
        return None
    stamps: list = []  # a live blog's time stamps, met on the walk that separates texts
    separate_glued_texts(tree, stamps)
    drop_furniture_cells(tree)  # a layout table's menu and footer cells
    keep_quotation_signatures(tree)
    keep_post_times(tree, stamps)  # a live blog's post times, before extractors drop them
    return tree


# Elements trafilatura deletes anyway in its cleaning step.  Its first passes
# (raw-tree XPath prunes with regex callbacks per element) and the three copies it
# makes of the tree run before that step, so removing them up front makes it
# faster with the same output (the whole ingestion byte for byte the same on the
# 388 bench pages and the repo's 126 pages and seeds).  Not <nav> nor <form>,
# which trafilatura's raw-tree steps read: without them one bench page's article
# came out otherwise; nor <head>, <figure> and <time>, which the metadata reads.
_INERT = ("script", "style", "noscript", "iframe", "embed", "object", "applet",
          "svg", "canvas", "audio", "video", "map", "area", "menu", "aside", "footer", "button",
          "link", "input", "select", "option", "optgroup", "textarea", "label", "fieldset",
          "legend", "datalist", "dialog", "source", "track", "param", "progress", "output",
          "picture", "math", "marquee", "blink", "menuitem", "rp", "rt", "rtc", "use", "frame",
          "frameset", "noindex")


_HOLDS_LANDMARK = etree.XPath("boolean(.//h1 | .//main | .//article)")


def _drop_inert(tree) -> None:
    """Delete ``_INERT`` elements (keeping their tails; JSON-LD stays for the
    metadata), but unwrap one that swallowed the page: it holds the page's
    ``<h1>``, ``<main>`` or ``<article>`` and more than half of the body's text
    (an unclosed ``<button>`` or ``<aside>`` nests everything after it; deleted,
    it would take the article with it).  The head's stylesheets go too: no
    extractor or metadata step reads them, and htmldate's search of the page's
    markup for dates would read every digit of their rules (a third of the
    markup's digits on some pages: that search's time)."""
    head = tree.find("head")
    if head is not None:
        for el in list(head.iter("style")):
            el.drop_tree()
    body = tree.find("body")
    if body is None:
        return
    inert = list(body.iter(*_INERT, etree.Comment))
    swallowing = [el for el in inert if len(el) and _HOLDS_LANDMARK(el)]
    if swallowing:  # measured on the whole page, before anything is deleted
        half = len(body.text_content()) / 2
        swallowing = [el for el in swallowing if len(el.text_content()) > half]
    for el in inert:
        if el.getparent() is None or (el.tag == "script" and "json" in el.get("type", "")):
            continue
        if el in swallowing:
            el.drop_tag()  # the tags go, the content stays
        else:
            el.drop_tree()


def article_text(html: str) -> str:
    """The article's text alone, blocks separated by blank lines."""
    return extract_article(html, with_metadata=False).text


# --- trafilatura -----------------------------------------------------------


def _trafilatura_article(tree, url: str | None, with_metadata: bool,
                         mode: dict | None = None) -> HtmlArticle:
    """trafilatura's article in ``tree`` (left as it was: trafilatura copies it, or
    works on it where that changes nothing) and, ``with_metadata``, the page's
    metadata as trafilatura reads it, its date by htmldate without the extensive
    search (that one is :func:`searched_date`'s, where this finds none)."""
    meta = None
    if with_metadata:
        try:
            meta = trafilatura_fast.page_metadata(tree, url, set_date_params(extensive=False))
        except Exception:  # trafilatura raises assorted errors on hostile markup
            pass
    options = {**_TRAF_OPTIONS, **(mode or {})}
    page = InPlace(tree) if may_extract_in_place(tree, options) else tree
    try:
        doc = trafilatura.bare_extraction(page, url=url, **options)
    except Exception:  # as above
        doc = None
    blocks = [] if doc is None or doc.body is None else blocks_from_xml(doc.body)
    if not with_metadata:
        return HtmlArticle(blocks=blocks)  # cleaned by rules.choose
    if meta is None:
        return HtmlArticle(blocks=blocks, url=url or "")
    return HtmlArticle(
        blocks=blocks,
        title=normalize_space(meta.title or ""),
        byline=meta.author or "",
        date=meta.date or "",
        source=normalize_space(meta.sitename or ""),
        url=meta.url or url or "",
        language=meta.language or "",
    )


def _trafilatura_blocks(tree, **mode) -> list[Block]:
    """trafilatura's article blocks (no metadata) in ``mode`` from a parsed page whose
    inert elements are dropped (trafilatura works on a copy: ``tree`` is unchanged)."""
    try:
        doc = trafilatura.bare_extraction(tree, with_metadata=False, **_TRAF_OPTIONS, **mode)
    except Exception:  # as in _trafilatura_article
        doc = None
    return [] if doc is None or doc.body is None else blocks_from_xml(doc.body)


# --- cheap estimate --------------------------------------------------------

_SKIP_ESTIMATE = frozenset((
    "script", "style", "noscript", "nav", "header", "footer", "aside", "a", "form",
    "button", "select", "template", "svg", "head", "figcaption"))
# Text nodes of 40+ Latin-letter equivalents (whitespace collapsed; a CJK
# character counts three, so on pages with CJK text 14+ characters) in the body, found by
# libxml2's XPath engine; whether one lies inside a skipped element is then
# answered in Python, once per element (an ``ancestor::`` test in the XPath
# cost more than the rest of the estimate).
_LONG_TEXT_XPATH = etree.XPath(
    "//body//text()[string-length(.) >= 40][string-length(normalize-space(.)) >= 40]")
_CJK_TEXT_XPATH = etree.XPath(
    "//body//text()[string-length(.) >= 14][string-length(normalize-space(.)) >= 14]")


def _visible_text_estimate(tree) -> int:
    """Size of visible, unlinked text in runs of 40+ (lxml, a few ms; see ``text_size``).

    An upper bound of the article's length: when trafilatura kept much less
    than this, the beautifulsoup4 pass is worth running.
    """
    total = 0
    visible: dict = {}  # element -> no skipped element at or above it
    texts = _LONG_TEXT_XPATH(tree)
    cjk = has_cjk("".join(texts)) or (tree.get("lang") or "")[:2].lower() in ("ja", "zh", "ko")
    for text in _CJK_TEXT_XPATH(tree) if cjk else texts:
        n = text_size(text.strip()) if cjk else len(text.strip())
        if n < 40:
            continue
        el = text.getparent()
        if text.is_tail:  # a tail belongs to the element's parent
            el = el.getparent()
        if _visible(el, visible):
            total += n
    return total


def _visible(el, known: dict) -> bool:
    """Whether no element at or above ``el`` is one of ``_SKIP_ESTIMATE`` (``known``:
    the answers so far, an element's parent asked once for all its children)."""
    ok = known.get(el)
    if ok is None:
        chain = [el]  # el and its ancestors up to the first with a known answer
        parent = el.getparent()
        while parent is not None and (ok := known.get(parent)) is None:
            chain.append(parent)
            parent = parent.getparent()
        ok = True if parent is None else ok
        for node in reversed(chain):  # from the top down
            ok = ok and node.tag not in _SKIP_ESTIMATE
            known[node] = ok
        ok = known[el]
    return ok


# --- densest region (lxml) -------------------------------------------------


def _densest_region(html: str) -> tuple[str | None, int]:
    """The HTML of the element holding the densest article-like text, and its length.

    Each block element's own text (its strings and inline children) is scored
    by length and commas, discounted by link density, and credited to its
    parent and grandparent, as readability does.  Runs on lxml (fast); the
    region it returns is cleaned by :func:`_bs4_blocks`.
    """
    tree = _parse(html)
    if tree is None:
        return None, 0
    for el in list(tree.iter(*_DROP_TAGS)):  # a list: dropping ends a live iteration
        el.drop_tree()
    scores: dict = {}
    own_len: dict = {}
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _INLINE or tag == "br":
            continue
        text, linked = _own_text(el)
        n = text_size(text)
        if n < 25 or tag in _HEADING_TAGS or _is_boilerplate_attrs(el.attrib):
            continue
        own_len[el] = n
        score = (1 + min(n / 100, 3) + text.count(",")) * (1 - linked / n)
        parent, weight = el.getparent(), 1.0
        for _ in range(3):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0.0) + score * weight
            parent, weight = parent.getparent(), weight / 2
    if not scores:
        return None, 0
    best = max(scores, key=scores.get)
    length = sum(n for el, n in own_len.items() if el is best or best in el.iterancestors())
    return etree.tostring(best, encoding="unicode"), length


def _own_text(el) -> tuple[str, int]:
    """An element's text without its block-level children, and its linked part."""
    parts = [el.text or ""]
    linked = 0
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _INLINE:
            t = child.text_content()
            parts.append(t)
            if tag == "a":
                linked += text_size(t.strip())
        parts.append(child.tail or "")
    text = normalize_space(" ".join(parts))
    return text, linked


# --- beautifulsoup4 pass ---------------------------------------------------

# Elements whose content is never article text, removed before parsing (the
# bs4 tree of a page is several times faster to build without them).
_STRIP = re.compile(
    r"<(script|style|svg|noscript|template|iframe)\b.*?</\1\s*>|<!--.*?-->|<head\b.*?</head\s*>",
    re.S | re.I,
)
_BOILER_WORDS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead", "footer",
    "sidebar", "aside", "widget", "share", "sharing", "sharebar", "social", "related",
    "recommended", "recirc", "promo", "advert", "advertisement", "ad", "ads", "adslot",
    "sponsor", "sponsored", "newsletter", "subscribe", "signup", "paywall", "cookie", "cookies",
    "consent", "gdpr", "popup", "modal", "adblock", "comment", "comments", "disqus",
    "byline", "bio", "tags", "topics", "caption", "credit", "toolbar", "pagination",
    "outbrain", "taboola", "banner", "login", "sr", "skip",
}
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "ins", "del", "big", "tt", "nobr",
}


def _bs4_blocks(html: str) -> list[Block]:
    """Density-based article extraction with beautifulsoup4 and general rules.

    Every element's own text (its strings and inline children, split at
    ``<br><br>``) is a text node; each node's length, discounted by link
    density, is credited to its parent and grandparent, and the best-scored
    container's text nodes are the article, in document order.  Pages that
    put their text in bare ``<div>``s with ``<br>`` work as well as ``<p>``.
    """
    soup = BeautifulSoup(_STRIP.sub(" ", html), "lxml")
    for el in soup(_DROP_TAGS):
        el.decompose()
    root = soup.body or soup
    total = len(root.get_text())
    for el in [el for el in root.find_all(True) if el.attrs and _is_boilerplate(el)]:
        if not el.decomposed and len(el.get_text()) < 0.5 * total:
            el.decompose()
    nodes = list(_text_nodes(root))
    if not nodes:
        return []
    scores: dict[int, list] = {}
    for el, texts, linked in nodes:
        length = sum(text_size(t) for t in texts)
        if length < 25 or el.name in _HEADING_TAGS:
            continue
        score = (1 + min(length / 100, 3) + sum(t.count(",") for t in texts)) * (1 - linked)
        parent, weight = el.parent, 1.0
        for _ in range(3):
            if not isinstance(parent, Tag):
                break
            entry = scores.setdefault(id(parent), [0.0, parent])
            entry[0] += score * weight
            parent, weight = parent.parent, weight / 2
    if not scores:
        return []
    best = max(scores.values(), key=lambda e: e[0])[1]
    inside = {id(d) for d in best.descendants if isinstance(d, Tag)} | {id(best)}
    blocks: list[Block] = []
    for el, texts, linked in nodes:
        if id(el) not in inside:
            continue
        for text in texts:
            if is_notice(text):
                continue
            if el.name in _HEADING_TAGS:
                blocks.append(Block("heading", text))
            elif linked > 0.5 or (el.name != "p" and text_size(text) < 30 and not blocks):
                continue
            else:
                blocks.append(Block("quote" if el.find_parent("blockquote") else "body", text))
    return _dedupe(blocks)  # cleaned by the caller (rules)


def _text_nodes(root: Tag):
    """(element, own text pieces, link density) for each element carrying text."""
    for el in [root, *root.find_all(True)]:
        if el.name in _INLINE or el.name == "br":
            continue
        pieces: list[list[str]] = [[]]
        linked = chars = 0
        for child in el.children:
            if isinstance(child, Tag):
                if child.name == "br":
                    pieces.append([])
                    continue
                if child.name not in _INLINE:
                    pieces.append([])
                    continue
                text = child.get_text()  # as written: glued texts are spaced in the tree
                if child.name == "a" or child.find("a"):
                    linked += len(text.strip())
            else:
                text = str(child)
            pieces[-1].append(text)
            chars += len(text.strip())
        texts = [normalize_space("".join(p)) for p in pieces]
        texts = merge_single_breaks(texts)
        if texts:
            yield el, texts, (linked / chars if chars else 0.0)


def _is_boilerplate(el: Tag) -> bool:
    if not isinstance(el, Tag) or el.name in ("html", "body", "article", "main"):
        return False
    return _is_boilerplate_attrs(el.attrs)


def _is_boilerplate_attrs(attrs) -> bool:
    """Whether an element's hidden/role/class/id attributes mark page furniture."""
    if not attrs:
        return False
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary", "dialog"):
        return True
    classes = attrs.get("class") or []
    tokens = classes.split() if isinstance(classes, str) else list(classes)
    if attrs.get("id"):
        tokens.append(str(attrs["id"]))
    for token in tokens:
        parts = [p for p in re.split(r"[-_\s]+", token.lower()) if p]
        if parts and (parts[0] in _BOILER_WORDS or parts[-1] in _BOILER_WORDS):
            return True
    return False


def _dedupe(blocks: list[Block]) -> list[Block]:
    seen: set[str] = set()
    out = []
    for b in blocks:
        if b.text in seen:
            continue
        seen.add(b.text)
        out.append(b)
    return out
