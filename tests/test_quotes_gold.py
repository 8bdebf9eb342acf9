"""The quotes gold files (benchmarks/quotes_gold.txt and the independent set's gold.txt) keep their sets apart by site.

Reads only the repository's file (no ../shared): the page headers and their split.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes",
                                                  ROOT / "benchmarks" / "bench_quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_quotes", module)
    spec.loader.exec_module(module)
    return module


def _pages() -> dict[str, dict]:
    pages = {}
    for line in (ROOT / "benchmarks" / "quotes_gold.txt").read_text("utf-8").splitlines():
        if line.startswith("== "):
            _, key, split, site = line.split()
            pages[key] = {"split": split, "site": site}
    return pages


def test_every_set_is_of_sites_no_earlier_set_used():
    bq = _bench()
    pages = _pages()
    assert {p["split"] for p in pages.values()} == set(bq.SPLITS)
    bq.check_split(pages)  # exits on a page of a site an earlier set used


def test_a_later_page_of_an_earlier_site_is_refused():
    bq = _bench()
    pages = _pages()
    tuning_site = next(p["site"] for p in pages.values() if p["split"] == "tuning")
    pages["extra"] = {"split": "fresh2", "site": tuning_site}
    with pytest.raises(SystemExit):
        bq.check_split(pages)


def test_the_pages_written_for_the_trial_are_in_the_repository_and_every_span_is_found():
    """The written sets need no ../shared: their pages are benchmarks/quotes_pages/, read
    as the app reads them, and every annotated span is in its paragraph."""
    bq = _bench()
    pages = {k: p for k, p in _pages().items() if p["split"] in ("written", "written-held")}
    assert len(pages) == 16
    assert {p["split"] for p in pages.values()} == {"written", "written-held"}
    texts = bq.page_texts(list(pages))
    assert set(texts) == set(pages)
    _, items, _ = bq.read_gold()  # raises if a span of a page it can read is not found
    assert sum(it.page in pages for it in items) >= 140
    for page in pages:
        assert "Written for the quote-attribution trial" in (
            ROOT / "benchmarks" / "quotes_pages" / page).read_text("utf-8")


def test_the_independent_set_is_in_the_repository_of_new_sites_and_every_span_is_found():
    """benchmarks/quotes_pages_independent/: 20 pages with their own gold.txt, none of a
    site of quotes_gold.txt; every annotated span is in its paragraph as the app reads it."""
    bq = _bench()
    gold, folder = bq.SETS["independent"]
    pages, items, texts = bq.read_gold(gold, folder)  # exits on a site of the main file
    assert len(pages) == 20 and set(texts) == set(pages)
    assert {p["split"] for p in pages.values()} == {"independent"}
    assert not {p["site"] for p in pages.values()} & {p["site"] for p in _pages().values()}
    assert sum(it.speaker not in ("?", "x") for it in items) >= 300
    assert all(folder.joinpath(page).is_file() for page in pages)
