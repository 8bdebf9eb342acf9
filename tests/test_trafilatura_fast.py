"""The fast stand-ins for trafilatura's selectors return exactly what its XPath does."""

from __future__ import annotations

import gzip
import json

import lxml.html
import pytest
from conftest import BENCH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trafilatura import xpaths

from searchapp import trafilatura_fast
from searchapp.htmlclean import extract_article
from searchapp.loaders import decode_bytes

TRUTH = json.loads((BENCH / "ground-truth.json").read_text()) if BENCH.exists() else {}


def test_every_translated_selector_is_active_with_this_trafilatura():
    trafilatura_fast.install()
    active = {trafilatura_fast.source_key(s.path) for s in trafilatura_fast.active_selectors()}
    missing = trafilatura_fast.TRANSLATED - active
    assert not missing, f"trafilatura's selectors changed ({sorted(missing)}): re-translate them"
    assert trafilatura_fast.install() == len(trafilatura_fast.TRANSLATED)  # idempotent


class _Checked:
    """Calls both the XPath and its stand-in; records any difference."""

    def __init__(self, fast, log):
        self.fast, self.log = fast, log

    def __call__(self, context, **kw):
        want, got = self.fast.original(context, **kw), self.fast(context, **kw)
        self.log.append((self.fast.path, want == got))
        return got


@pytest.fixture
def checked_selectors():
    trafilatura_fast.install()
    log: list = []
    saved = {name: list(getattr(xpaths, name)) for name in trafilatura_fast._LISTS}
    for name in trafilatura_fast._LISTS:
        items = getattr(xpaths, name)
        items[:] = [_Checked(e, log) if isinstance(e, trafilatura_fast.FastSelector) else e
                    for e in items]
    yield log
    for name, items in saved.items():
        getattr(xpaths, name)[:] = items


@pytest.mark.skipif(not TRUTH, reason="../shared/bench/extraction not present")
def test_every_call_on_the_benchmark_pages_agrees_with_xpath(checked_selectors):
    for key in sorted(TRUTH):  # the article and its metadata, as the indexer extracts them
        extract_article(decode_bytes(gzip.open(BENCH / "html" / f"{key}.html.gz").read()).text)
    wrong = {path.strip()[:70] for path, same in checked_selectors if not same}
    assert not wrong
    called = {trafilatura_fast.source_key(path) for path, _ in checked_selectors}
    assert called == trafilatura_fast.TRANSLATED  # every stand-in was exercised
    assert len(checked_selectors) > 1500


# Attribute values built from the selectors' own vocabulary, so that random
# trees hit every branch: tokens alone, joined, with case changes and spaces.
_WORDS = ["comment", "Comments", "commentary", "post-comments", "comol", "disqus_thread",
          "mvp-post-add-box", "infinite-scroll", "elementor-share-buttons", "post", "entry",
          "articleBody", "articleContent", "article-body", "story", "story-body", "text",
          "fulltext", "FullText", "content", "main-content", "Main-Content", "page-Content",
          "Page-content", "content-main", "main", "mainbar", "primary", "article ", "cookie",
          "share", "shareit", "nav", "Nav", "ad", "ad-slot", "widget", "comments-title",
          "reply-box", "hidden", "display:none", "display: none", "akismet", "hide-print",
          "teaser", "Teaser", "bottom", "link", "border-top", "caption", "navigation",
          "true", "MostPopularStories", "cell", "author", "author name", "AuthorCard",
          "authorName", "Byline", "byline", "writer", "zuozhe", "Figure", "sidebar",
          "comments", "title", "date", "quote", "postmeta", "meta", "entry-meta",
          "entry-footer", "entry-header", "entry-tags", "post-category", "cat-links",
          "tags", "tags-links", "topics", "row", "postpath", "postinfo", "filedunder",
          "me", "x", ""]
_ATTRS = ["id", "class", "style", "role", "itemprop", "aria-hidden",
          "data-lp-replacement-content", "data-component", "rel", "data-testid", "href"]
_TAGS = ["div", "section", "article", "main", "aside", "p", "span", "ul", "ol", "li",
         "details", "h1", "header", "a", "list", "item", "footer", "address", "link",
         "strong", "h3", "h4", "author", "rel"]

_value = st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
                   st.sampled_from([" ", "-", ""])).map(lambda t: t[1].join(t[0]))
_attrs = st.lists(st.tuples(st.sampled_from(_ATTRS), _value), max_size=4,
                  unique_by=lambda kv: kv[0])


def _node():
    return st.tuples(st.sampled_from(_TAGS), _attrs)


_tree = st.recursive(
    _node().map(lambda n: (n, [])),
    lambda children: st.tuples(_node(), st.lists(children, max_size=4)),
    max_leaves=30,
)


def _build(spec):
    (tag, attrs), children = spec
    el = lxml.html.Element(tag)
    for name, value in attrs:  # in this order: ``@id|@class`` takes the first one
        el.set(name, value)
    el.text = "me" if tag == "rel" else "t"
    for child in children:
        el.append(_build(child))
    return el


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(spec=_tree)
def test_stand_ins_agree_with_xpath_on_random_trees(spec):
    root = lxml.html.Element("body")
    root.append(_build(spec))
    trafilatura_fast.install()
    contexts = [root, *root.iterdescendants()][:6]
    for fast in trafilatura_fast.active_selectors():
        for context in contexts:
            assert fast(context) == fast.original(context), fast.path.strip()[:70]


def test_whole_document_trees_fall_back_to_xpath():
    trafilatura_fast.install()
    doc = lxml.html.document_fromstring(
        "<html><body><div class='comment-list'><p>hi</p></div></body></html>").getroottree()
    fast = next(s for s in trafilatura_fast.active_selectors() if "disqus" in s.path)
    assert fast(doc) == fast.original(doc) and len(fast(doc)) == 1


def test_links_inside_nested_containers_are_listed_once_in_order():
    trafilatura_fast.install()
    root = lxml.html.document_fromstring(
        "<html><body><div class='tags'><a href='/tag/a'>a</a>"
        "<div class='row'><a href='/tag/b'>b</a><a>no href</a></div><a href='/tag/c'>c</a></div>"
        "<p>between <a href='/x'>x</a></p>"
        "<div class='row'><a href='/tag/d'>d</a></div></body></html>")
    fast = next(s for s in trafilatura_fast.active_selectors()
                if "@class='row' or @class='tags'" in s.path)
    got = fast(root.find("body"))
    assert [a.get("href") for a in got] == ["/tag/a", "/tag/b", "/tag/c", "/tag/d"]
    assert got == fast.original(root.find("body"))
