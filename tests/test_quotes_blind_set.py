"""The blind quote-attribution set (benchmarks/quotes_pages_blind/) is whole and readable.

Reads only repository files: the 20 pages, their gold.txt, and quotes_gold.txt's page
headers.  Runs the app's extraction (load_document) to find each annotated span in its
paragraph, never the attribution: the set is measured by ``bench_quotes.py --set blind``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import pytest
from conftest import ROOT

BLIND = ROOT / "benchmarks" / "quotes_pages_blind"


def _bench():
    path = ROOT / "benchmarks" / "bench_quotes.py"
    if not (BLIND / "gold.txt").exists() or not path.exists():
        pytest.skip("the blind set or bench_quotes.py is not in this checkout")
    spec = importlib.util.spec_from_file_location("bench_quotes", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_quotes", module)  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    except ImportError as exc:  # a module the bench imports has moved or is absent
        pytest.skip(f"bench_quotes.py does not import here: {exc}")
    return module


def _headers(path) -> dict[str, tuple[str, str]]:
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("== "):
            _, key, split, site = line.split()
            out[key] = (split, site)
    return out


def test_every_annotated_span_is_found_in_its_page_and_the_set_is_whole():
    bq = _bench()
    assert bq.SETS["blind"] == (BLIND / "gold.txt", BLIND)
    pages, items, texts = bq.read_gold(*bq.SETS["blind"])
    files = {p.name for p in BLIND.glob("*.html")}
    assert len(pages) == 20 and set(pages) == files
    assert {p["split"] for p in pages.values()} == {"blind"}
    assert len({p["site"] for p in pages.values()}) == 20  # one site a page
    assert set(texts) == files
    # read_gold raises on a span it cannot find; every item also lies inside its
    # paragraph and is not empty
    lines = sum(1 for line in (BLIND / "gold.txt").read_text("utf-8").splitlines()
                if line.strip() and not line.startswith(("#", "== ")))
    assert len(items) == lines
    for it in items:
        assert 0 <= it.start < it.end <= len(texts[it.page][it.para])
        assert it.speaker and it.tags or it.speaker in "?x"
    judged = [it for it in items if it.speaker not in ("?", "x")]
    assert len(judged) >= 300
    per_page = Counter(it.page for it in judged)
    assert all(12 <= per_page[p] <= 20 for p in pages), per_page
    by_language = Counter(p[:2] for p in pages)
    assert by_language == {"en": 13, "ko": 4, "zh": 3}
    for page in files:
        assert "Written for the blind quote-attribution set" in (BLIND / page).read_text("utf-8")


def test_no_page_or_site_of_the_blind_set_is_in_the_main_gold_file():
    if not (BLIND / "gold.txt").exists():
        pytest.skip("the blind set is not in this checkout")
    blind = _headers(BLIND / "gold.txt")
    main = _headers(ROOT / "benchmarks" / "quotes_gold.txt")
    assert blind and main
    assert not set(blind) & set(main)
    assert not {s for _, s in blind.values()} & {s for _, s in main.values()}
