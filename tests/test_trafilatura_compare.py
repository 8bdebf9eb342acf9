"""trafilatura's comparison with readability and jusText is skipped only where it
cannot change the article: the same blocks as with the comparison on every page."""

from __future__ import annotations

import gzip
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura
from lxml.html import tostring
from trafilatura import core
from trafilatura.external import try_readability
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.utils import trim
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html import _trafilatura_compare as compare
from searchapp.ingest.html.extract import _TRAF_OPTIONS, _drop_inert, _parse, extract_article
from searchapp.ingest.read import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*(ROOT / "benchmarks" / "extraction_pages").glob("*.html"),
                *(ROOT / "tests" / "fixtures" / "html").glob("*.htm*"),
                *(ROOT / "benchmarks" / "quotes_pages_blind").glob("*.html")])


def _html(path: Path) -> str:
    raw = path.read_bytes()
    return decode_bytes(gzip.decompress(raw) if path.suffix == ".gz" else raw).text


def test_the_stand_in_is_in_with_this_trafilatura():
    trafilatura_fast.install()
    assert core._extract_and_compare is compare._extract_and_compare, \
        "trafilatura's _extract_and_compare changed: translate it again"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_article_is_the_one_the_comparison_everywhere_gives(path, monkeypatch):
    html = _html(path)
    gated = extract_article(html)
    monkeypatch.setattr(compare, "may_change", lambda *args: True)  # the extraction's gate
    everywhere = extract_article(html)
    assert gated.blocks == everywhere.blocks
    assert (gated.title, gated.date, gated.byline) == \
        (everywhere.title, everywhere.date, everywhere.byline)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_backup_made_when_needed_is_the_one_made_up_front(path, monkeypatch):
    """Compared on every page, the comparison reads the same cleaned page, and the
    article is the same, whether the cleaned tree's backup was copied up front
    (trafilatura's own _prepare_tree) or made only when the comparison runs."""
    html = _html(path)
    trafilatura_fast.install()
    assert core._prepare_tree is compare._prepare_tree
    compare_extraction, read = core.compare_extraction, []

    def reading(backup, tree, *rest):
        read.append(tostring(backup))
        return compare_extraction(backup, tree, *rest)

    monkeypatch.setattr(core, "compare_extraction", reading)
    monkeypatch.setattr(compare, "may_change", lambda *args: True)  # the extraction's gate
    deferred = extract_article(html)
    monkeypatch.setattr(core, "_prepare_tree", compare._original["_prepare_tree"])
    up_front = extract_article(html)
    assert deferred.blocks == up_front.blocks
    assert read and read[: len(read) // 2] == read[len(read) // 2:]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_readability_never_gives_more_text_than_the_bound(path):
    tree = _parse(_html(path))
    _drop_inert(tree)
    algo = try_readability(deepcopy(tree))
    length = len(trim(tostring(algo, method="text", encoding="utf-8").decode("utf-8")))
    assert length <= compare.readable_length(tree)


def _readability_in_precision_mode(tree) -> int:
    """The length of readability's text as trafilatura's comparison measures it in
    precision mode (its discard list deleted from a copy of the page first)."""
    pruned = prune_unwanted_nodes(deepcopy(tree), OVERALL_DISCARD_XPATH)
    algo = try_readability(pruned)
    return len(trim(tostring(algo, method="text", encoding="utf-8").decode("utf-8")))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_readability_never_gives_more_text_than_the_tighter_bound(path):
    trafilatura_fast.install()
    tree = _parse(_html(path))
    _drop_inert(tree)
    assert _readability_in_precision_mode(tree) <= compare.pruned_readable_length(tree) \
        <= compare.readable_length(tree)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "bench").is_dir(),
                    reason="../shared/bench is not beside the repo")
def test_the_tighter_bound_holds_on_the_bench_pages():
    trafilatura_fast.install()
    over = []
    for page in sorted((ROOT.parent / "shared" / "bench").glob("*/html/*.html.gz")):
        tree = _parse(_html(page))
        _drop_inert(tree)
        if _readability_in_precision_mode(tree) > compare.pruned_readable_length(tree):
            over.append(page.name)
    assert not over


def test_a_page_whose_body_is_deleted_is_bounded_by_the_whole_document():
    """A hidden body is deleted before readability reads the page, which then gives the
    document's text (its title): the bound is the document's, not an empty body's."""
    tree = _parse("<html><head><title>A title readability falls back to</title></head>"
                  f'<body class="hidden"><p>{SENTENCE * 3}</p></body></html>')
    _drop_inert(tree)
    assert 0 < _readability_in_precision_mode(tree) <= compare.pruned_readable_length(tree)


def test_hidden_and_comment_blocks_do_not_count_in_the_tighter_bound():
    tree = _parse(f'<html><body><p>{SENTENCE}</p><div style="display:none">{SENTENCE * 4}</div>'
                  f'<div id="reader-comments"><p>{SENTENCE * 4}</p></div></body></html>')
    _drop_inert(tree)
    # (each deleted block may leave one space behind: the bound allows for it)
    assert len(SENTENCE.strip()) <= compare.pruned_readable_length(tree) < 2 * len(SENTENCE)
    assert compare.readable_length(tree) > 8 * len(SENTENCE.strip())


def _decision(html: str) -> bool:
    """Whether the gate lets trafilatura compare, for its precision-mode article of ``html``."""
    tree = _parse(html)
    _drop_inert(tree)
    seen = []

    def gate(body, text, options):
        seen.append(compare.may_change(body, text, options,
                                       lambda: compare.readable_length(tree)))
        return seen[-1]

    with compare.compare_when(gate):
        trafilatura.bare_extraction(tree, favor_precision=True, **_TRAF_OPTIONS)
    return seen[0]


SENTENCE = "The council voted on Tuesday to extend the harbour wall by forty metres. "


def _page(article: str, aside: str = "") -> str:
    return (f"<html><body><div class='menu'>{aside}</div><article><h1>Harbour</h1>"
            f"{article}</article></body></html>")


def test_an_article_that_is_the_page_is_not_compared():
    assert _decision(_page("".join(f"<p>{SENTENCE * 3}</p>" for _ in range(6)))) is False


def test_a_short_article_is_compared():
    assert _decision(_page(f"<p>{SENTENCE}</p>")) is True  # jusText's turn


def test_an_article_under_half_the_page_is_compared():
    # readability could find twice as much text in the page
    other = "".join(f"<div>{SENTENCE * 3}</div>" for _ in range(12))
    assert _decision(_page("".join(f"<p>{SENTENCE * 3}</p>" for _ in range(4)), other)) is True


def test_scripts_do_not_count_but_every_other_text_does():
    tree = _parse("<html><body><p>one two</p><script>var x = 'a long script';</script>"
                  "<p>three</p><iframe src='v'></iframe></body></html>")
    # the text is "one two" + "three" (12 characters); a script may leave a space
    # where it stood, and readability may give the iframe the text "VIDEO"
    assert compare.readable_length(tree) == 12 + 1 + len("VIDEO")
