"""The fast stand-ins for trafilatura's selectors return exactly what its XPath does."""

from __future__ import annotations

import gzip
import json
import re

import lxml.html
import pytest
from conftest import BENCH
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trafilatura import xpaths
from trafilatura.metadata import extract_metadata

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.read import decode_bytes

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
        page = decode_bytes(gzip.open(BENCH / "html" / f"{key}.html.gz").read()).text
        extract_article(page)
        # and trafilatura's whole metadata (categories, tags: not read by the indexer,
        # but the stand-ins serve any caller of trafilatura in the process)
        extract_metadata(lxml.html.document_fromstring(page.encode("utf-8")))
    wrong = {path.strip()[:70] for path, same in checked_selectors if not same}
    assert not wrong
    called = {trafilatura_fast.source_key(path) for path, _ in checked_selectors}
    assert called == trafilatura_fast.TRANSLATED  # every stand-in was exercised
    assert len(checked_selectors) > 1500


# Random trees for each selector, built from that selector's own vocabulary: the
# tags it names and the words of its literals and regular expressions (each
# alternative, with regex syntax removed), joined and re-cased, so that every
# branch of a stand-in is reached within a few dozen examples.
_ATTRS = ["id", "class", "style", "role", "itemprop", "aria-hidden",
          "data-lp-replacement-content", "data-component", "rel", "data-testid", "href"]
_EXTRA_TAGS = ["div", "p", "span", "a", "h1", "li", "rel"]


def _vocabulary(path: str) -> tuple[list[str], list[str]]:
    words = {"x", ""}
    for literal in re.findall(r"'([^']*)'", path):
        for alt in literal.split("|"):
            alt = re.sub(r"\[(.)[^\]]*\]", r"\1", alt)  # [Cc]omment -> Comment
            alt = alt.replace("\\s", " ")
            alt = re.sub(r"\(\?[:!=]|[()^$?*+\\]", "", alt)
            words.update({alt, alt.lower(), alt.title()})
    tags = set(re.findall(r"(?:self::|//)(\w+)", path)) | set(_EXTRA_TAGS)
    return sorted(words), sorted(tags)


def _tree_for(path: str):
    words, tags = _vocabulary(path)
    value = st.tuples(st.lists(st.sampled_from(words), min_size=1, max_size=3),
                      st.sampled_from([" ", "-", ""])).map(lambda t: t[1].join(t[0]))
    attrs = st.lists(st.tuples(st.sampled_from(["id", "class"] * 3 + _ATTRS), value),
                     max_size=4, unique_by=lambda kv: kv[0])  # in source order, kept
    node = st.tuples(st.sampled_from(tags), attrs)
    return st.recursive(node.map(lambda n: (n, [])),
                        lambda kids: st.tuples(node, st.lists(kids, max_size=4)), max_leaves=20)


def _build(spec):
    (tag, attrs), children = spec
    el = lxml.html.Element(tag)
    for name, value in attrs:  # in this order: ``@id|@class`` takes the first one
        el.set(name, value)
    el.text = "me" if tag == "rel" else "t"
    for child in children:
        el.append(_build(child))
    return el


def _selector_paths() -> list[str]:
    trafilatura_fast.install()
    return [s.path for s in trafilatura_fast.active_selectors()]


def _one_element_trees(path: str):
    """Every tag × every word × each attribute alone or id/class in both orders × a child."""
    words, tags = _vocabulary(path)
    for tag in tags:
        for word in words:
            configs = [[(name, word)] for name in _ATTRS]
            configs += [[("id", word), ("class", "x")], [("class", word), ("id", "x")],
                        [("id", "x"), ("class", word)], [("class", "x"), ("id", word)]]
            for attrs in configs:
                for child in (None, "h1", "a", "rel"):
                    spec = ((tag, attrs), [((child, [("href", "/")]), [])] if child else [])
                    yield spec


@pytest.mark.parametrize("path", _selector_paths(), ids=trafilatura_fast.source_key)
def test_stand_in_agrees_with_xpath_on_every_one_element_tree(path):
    fast = next(s for s in trafilatura_fast.active_selectors() if s.path == path)
    for spec in _one_element_trees(path):
        root = lxml.html.Element("body")
        root.append(_build(spec))
        assert fast(root) == fast.original(root), spec
        assert fast(root[0]) == fast.original(root[0]), spec


@pytest.mark.parametrize("path", _selector_paths(), ids=trafilatura_fast.source_key)
def test_stand_in_agrees_with_xpath_on_random_trees(path):
    fast = next(s for s in trafilatura_fast.active_selectors() if s.path == path)

    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(spec=_tree_for(path))
    def agree(spec):
        root = lxml.html.Element("body")
        root.append(_build(spec))
        for context in [root, *root.iterdescendants()][:6]:
            assert fast(context) == fast.original(context)

    agree()


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


def test_put_back_after_trafilatura_own_xpath_with_what_they_remember():
    # a benchmark that runs trafilatura's own XPath between two pages must not
    # hand the extraction fresh stand-ins, with nothing remembered, for every page
    trafilatura_fast.install()
    before = {id(s): s for s in trafilatura_fast.active_selectors()}
    with trafilatura_fast.trafilatura_own_xpath():
        assert not list(trafilatura_fast.active_selectors())
    trafilatura_fast.install()
    after = {id(s): s for s in trafilatura_fast.active_selectors()}
    assert after.keys() == before.keys()
