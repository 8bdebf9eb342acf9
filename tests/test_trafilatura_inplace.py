"""trafilatura's primary extraction works on the parsed page uncopied only where that
leaves the page as it was: the same tree after it, the same article and metadata."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from trafilatura import core

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html import _trafilatura_inplace as inplace
from searchapp.ingest.html.extract import (
    _TRAF_OPTIONS,
    TRAFILATURA_MODES,
    _drop_inert,
    _parse,
    extract_article,
)
from searchapp.ingest.read import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*(ROOT / "benchmarks" / "extraction_pages").glob("*.html"),
                *(ROOT / "tests" / "fixtures" / "html").glob("*.htm*"),
                *(ROOT / "benchmarks" / "quotes_pages_blind").glob("*.html")])
PRECISION = {**_TRAF_OPTIONS, **TRAFILATURA_MODES["precision"]}

# A page with a comment section and an infinite-scroll container: trafilatura prunes
# both from the tree it is given.
_PRUNED_PAGE = """<html><body><article><h1>Harbour dues rise</h1>
<p>The port authority of Valmora raised its harbour dues by a tenth on Monday, the
first rise in six years, citing the cost of dredging the eastern channel.</p>
<p>Shipping lines said the rise would be passed on to importers within weeks.</p>
</article>
<div id="comments"><p>Reader one: this is a scandal and nobody will be held to account.</p></div>
<div class="infinite-scroll"><p>Next story: the ferry timetable changes in spring.</p></div>
</body></html>"""


def _html(path: Path) -> str:
    raw = path.read_bytes()
    return decode_bytes(gzip.decompress(raw) if path.suffix == ".gz" else raw).text


def _tree(html: str):
    tree = _parse(html)
    _drop_inert(tree)
    return tree


def test_the_stand_in_is_in_with_this_trafilatura():
    trafilatura_fast.install()
    assert core.load_html is inplace._load_html, \
        "trafilatura's bare_extraction or trafilatura_sequence changed: read them again"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_page_handed_over_uncopied_comes_out_as_it_went_in(path):
    trafilatura_fast.install()
    tree = _tree(_html(path))
    if not inplace.may_extract_in_place(tree, PRECISION):
        pytest.skip("a raw-tree prune has work on this page: it is copied")
    before = etree.tostring(tree)
    copied = trafilatura.bare_extraction(tree, **PRECISION)
    uncopied = trafilatura.bare_extraction(inplace.InPlace(tree), **PRECISION)
    assert etree.tostring(tree) == before
    assert (copied is None) == (uncopied is None)
    if copied is not None:
        assert etree.tostring(copied.body) == etree.tostring(uncopied.body)


def test_most_repo_pages_are_handed_over_uncopied():
    """The check can say yes: it is not a test that skips every page."""
    trafilatura_fast.install()
    said = [inplace.may_extract_in_place(_tree(_html(p)), PRECISION) for p in PAGES]
    assert sum(said) > len(said) / 2


def test_a_page_trafilatura_would_prune_is_copied():
    trafilatura_fast.install()
    tree = _tree(_PRUNED_PAGE)
    assert not inplace.may_extract_in_place(tree, PRECISION)
    # what the copy protects: handed over anyway, the page loses its comment section
    before = etree.tostring(tree)
    trafilatura.bare_extraction(inplace.InPlace(tree), **PRECISION)
    assert etree.tostring(tree) != before
    article = extract_article(_PRUNED_PAGE)
    assert "harbour dues" in article.text and "Reader one" not in article.text


@pytest.mark.parametrize("mode", ["balanced", "fast", "recall", "comments", "metadata"])
def test_other_modes_are_always_copied(mode):
    """Their baseline rescue and recall escalation read and change the raw tree."""
    trafilatura_fast.install()
    tree = _tree(_html(PAGES[0]))
    options = {**_TRAF_OPTIONS, **{
        "balanced": {}, "fast": {"fast": True},
        "recall": {"favor_precision": True, "favor_recall": True},
        "comments": {"favor_precision": True, "include_comments": True},
        "metadata": {"favor_precision": True, "with_metadata": True}}[mode]}
    assert inplace.may_extract_in_place(tree, PRECISION)
    assert not inplace.may_extract_in_place(tree, options)


def test_nothing_is_handed_over_with_trafilatura_own_code():
    tree = _tree(_html(PAGES[0]))
    with trafilatura_fast.trafilatura_own_xpath():
        assert not inplace.may_extract_in_place(tree, PRECISION)
    trafilatura_fast.install()
    assert inplace.may_extract_in_place(tree, PRECISION)
