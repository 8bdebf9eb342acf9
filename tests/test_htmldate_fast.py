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


# --- the full-text parse read only near the years ---------------------------------------

from htmldate import extractors as htmldate_extractors  # noqa: E402


def test_the_full_text_parse_is_replaced_with_this_htmldate():
    trafilatura_fast.install()
    assert htmldate_core.regex_parse is _htmldate.regex_parse


# pieces of text around written dates: month names (glued to words, in long runs,
# foreign), days with suffixes, years, and the letters and digits between them
_DATE_TEXT = st.sampled_from([
    "March", "march", "Mar", "Sept", "Dezember", "décembre", "Aralık", "İ", "ı", "of ",
    "5", "05", "31", "1st", "2nd", "23rd", "4th", ".", ",", " ", "\n", "2024", "1999",
    "2039", "2040", "12345", "Smith", "x" * 11, "Jonathan" * 3, "_", "²", "<b>", "é"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_DATE_TEXT, max_size=40).map("".join))
def test_the_full_text_parse_finds_the_same_date_near_the_years(text):
    assert _htmldate.install_parse()
    assert _htmldate.regex_parse(text) == htmldate_extractors.regex_parse(text)


@pytest.mark.parametrize("path", sorted((ROOT / "benchmarks" / "extraction_pages").glob("*.html")),
                         ids=lambda p: p.name)
def test_the_full_text_parse_finds_the_same_date_on_a_real_page(path):
    text = path.read_text(encoding="utf-8")
    assert _htmldate.install_parse()
    assert _htmldate.regex_parse(text) == htmldate_extractors.regex_parse(text)


def test_a_date_written_after_a_long_run_of_letters_is_read_as_htmldate_reads_it():
    assert _htmldate.install_parse()
    own = htmldate_extractors.regex_parse
    for text in ("x" * 500 + " Published Supercalifragilisticmarch 5, 2024 by",
                 "<p>" + "y" * 40 + " 5 of Verylongwordseptember 2024 and 7 March 2023</p>",
                 "data " + "9" * 300 + " on the 3rd of March 2021 " + "z" * 200):
        assert _htmldate.regex_parse(text) == own(text)
    assert _htmldate.regex_parse("x" * 500 + " Published Supercalifragilisticmarch 5, 2024") \
        is not None
