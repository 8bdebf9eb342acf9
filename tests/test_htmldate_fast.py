"""htmldate's date patterns find the same on the shortened markup as on the whole."""

from __future__ import annotations

from pathlib import Path

import htmldate.core as htmldate_core
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchapp.ingest.html import _htmldate
from searchapp.ingest.html import _trafilatura as trafilatura_fast

ROOT = Path(__file__).resolve().parent.parent
LOCAL = [p for p in (getattr(htmldate_core, name) for name in dir(htmldate_core)
                     if name.endswith("_PATTERN"))
         if hasattr(p, "findall") and _htmldate.is_local(p)]


def test_every_translated_pattern_is_known_with_this_htmldate():
    assert len(LOCAL) == len(_htmldate.LOCAL_PATTERNS), "htmldate's patterns changed"
    trafilatura_fast.install()
    assert htmldate_core.plausible_year_filter is _htmldate.plausible_year_filter


# pieces a page's markup is made of near its dates, and long runs without digits
_PIECES = st.sampled_from([
    "0", "1", "2", "9", "19", "20", "2024", "1999", "12", "31", "/", ".", "-", " ",
    "w3.org", "©", "Copyright", "<div class='a'>", "x", "é", "٣", "\n",
    "a long run of words without any digit at all, " * 3])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_each_local_pattern_finds_the_same_on_the_shortened_text(text):
    short = _htmldate.shortened(text)
    for pattern in LOCAL:
        assert pattern.findall(short) == pattern.findall(text), pattern.pattern


@pytest.mark.parametrize("path", sorted((ROOT / "benchmarks" / "extraction_pages").glob("*.html")),
                         ids=lambda p: p.name)
def test_each_local_pattern_finds_the_same_on_a_real_page(path):
    text = path.read_text(encoding="utf-8")
    short = _htmldate.shortened(text)
    assert len(short) < len(text)
    for pattern in LOCAL:
        assert pattern.findall(short) == pattern.findall(text), pattern.pattern


def test_a_date_is_found_as_before_in_a_page_that_states_none_elsewhere():
    # no URL, meta tag or <time>: htmldate's extensive search reads the text
    page = ("<html><body><div>" + "Navigation text without numbers. " * 40 +
            "</div><p>Filed on 2023/04/17 by the desk.</p>" +
            "<footer>" + "More links and words here. " * 40 + "</footer></body></html>")
    trafilatura_fast.install()
    found = htmldate_core.find_date(page, extensive_search=True)
    _htmldate.uninstall()
    try:
        assert htmldate_core.find_date(page, extensive_search=True) == found == "2023-04-17"
    finally:
        trafilatura_fast.install()
