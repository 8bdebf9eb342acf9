"""The quick paths of the HTML ingestion give what the slow ones gave (issue 28, speed).

Each shortcut taken for speed (a word test before a slow search, a remembered
pattern answer, a visibility asked once per element, trafilatura's article tree
without its text rendering, one classification per block) is checked here
against the work it skips, on the repo's own pages and on generated text.
"""

from __future__ import annotations

import re
import sys

import lxml.html
import pytest
import trafilatura
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from searchapp.ingest import text as textclean
from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html import _trafilatura_links, extract
from searchapp.ingest.html.meta import written_or_precise
from searchapp.ingest.html.rules import (
    _COPYRIGHT,
    _COPYRIGHT_WORDS,
    _PROMO,
    _PROMO_WORDS,
    is_notice,
)
from searchapp.ingest.html.serialize import blocks_from_xml
from searchapp.ingest.read import decode_bytes
from searchapp.lexicon import MONTHS

PAGES = sorted((ROOT / "benchmarks" / "extraction_pages").glob("*.html"))


def _page(path) -> str:
    return decode_bytes(path.read_bytes()).text


# --- word tests before slow searches ------------------------------------------------

# the words of the patterns, their letters re-cased, the characters a case-insensitive
# pattern matches to an ASCII letter (İ ı ſ K), spaces and punctuation
_PIECES = st.sampled_from([
    "sign up", "subscribe", "newsletter", "inbox", "get access to", "click here for more",
    "follow us on twitter", "follow them on instagram", "does not", "do not",
    "necessarily reflect", "reflect the views", "views expressed here", "those of the author",
    "personal opinion and does not", "copyright 2024", "© 2019", "(c) 2021", "(C)2020",
    "ſubſcribe", "newſletter", "ſign up", "İnbox", "clıck here for more", "KELVIN", "the ",
    " ", "  ", ", ", ". ", "\u00a0", "ab", "Zebra", "2023",
])
_TEXTS = st.lists(_PIECES, max_size=12).map("".join) | st.text(max_size=60)


def _recase(text: str, flips: list[bool]) -> str:
    return "".join(c.upper() if f else c for c, f in zip(text, flips + [False] * len(text),
                                                          strict=False))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.lists(st.booleans(), max_size=80))
def test_a_word_test_never_skips_a_search_that_would_match(text, flips):
    text = _recase(text, flips)
    for pattern, words in ((_PROMO, _PROMO_WORDS), (_COPYRIGHT, _COPYRIGHT_WORDS),
                           (textclean._DISCLAIMER, textclean._DISCLAIMER_WORDS)):
        if pattern.search(text):
            assert textclean.may_contain(text, words), (pattern.pattern[:40], text)


def test_the_characters_a_case_insensitive_pattern_takes_for_ascii_letters_are_known():
    # every character other than ASCII that re.I matches to an ASCII letter
    ascii_letter = re.compile("[a-z]", re.I)
    twins = {chr(cp) for cp in range(0x80, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(cp))}
    lowered = {t for t in twins if t.lower().isascii()}  # the Kelvin sign lowers to k
    assert twins - lowered == set(textclean._CASE_TWINS)


def test_notices_and_disclaimers_still_found_as_written():
    assert is_notice("Sign up for our daily NEWSLETTER to get the news")
    assert is_notice("Follow us on Twitter for updates")
    assert is_notice("Photos © 2019 The Ledger")
    assert is_notice("ſign up for our newſletter")  # a long s: the search, not the word test
    assert not is_notice("The senator said she would follow the committee's advice.")
    assert textclean.is_boilerplate("The views expressed here are those of the author.")
    assert not textclean.is_boilerplate("The committee does not meet on Sundays.")


# --- one-pass text helpers -------------------------------------------------------------


def _normalize_space_slow(text: str) -> str:
    text = textclean._CONTROL.sub("", text)
    text = textclean._SPACE.sub(" ", text.replace("\r", " ").replace("\n", " "))
    return text.strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("ab Z.,\t\r\n\x0b\x1f\x85\u00a0\u2003\u200b\u3000\u2028漢字ー  ")),
    max_size=40) | st.text(max_size=40))
def test_normalize_space_and_text_size_quick_paths_agree_with_the_patterns(text):
    assert textclean.normalize_space(text) == _normalize_space_slow(text)
    assert textclean.text_size(text) == len(text) + 2 * len(textclean._CJK_CHAR.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abJ nNoAug.(1)2 ")), max_size=30))
def test_glue_repair_quick_tests_change_nothing(text):
    slow = textclean._ABBR_DIGIT.sub(r"\1. ", textclean._LETTER_PAREN.sub(" (", text))
    assert textclean.repair_glued_words(text) == slow


def test_one_blocks_kind_is_the_one_classify_gives_it():
    lines = [b.text for path in PAGES for b in extract.extract_article(_page(path)).blocks]
    lines += ["Photo: Jane Doe (Reuters)", "Translator's note: the quote is abridged.",
              "[APEC 정상회의]", "Dr. Jane Doe", "jane@example.org", "1234", "   ",
              "Kim Min-jun, Professor of Political Science, Seoul National University"]
    assert len(lines) > 80
    for line in lines:
        text = textclean.repair_glued_words(line)
        if textclean.is_boilerplate(text):
            continue
        whole = textclean.classify([text])
        assert textclean.line_kind(text) == (whole[0].kind if whole else ""), line


# --- remembered pattern answers --------------------------------------------------------


def test_remembered_pattern_answers_are_the_searches_and_stay_bounded(monkeypatch):
    monkeypatch.setattr(trafilatura_fast._Answers, "LIMIT", 8)
    test = trafilatura_fast._re("nav|menu|^foot")
    values = [f"{w}-{i}" for i in range(10) for w in ("nav", "main", "footer", "x-menu", "")]
    for value in values + values:
        assert test(value) == bool(re.search("nav|menu|^foot", value))
    assert len(test.__self__) <= 8


# --- trafilatura's tree without its text rendering -------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_the_article_tree_is_the_one_the_python_format_gives(path):
    trafilatura_fast.install()
    tree = extract._parse(_page(path))
    extract._drop_inert(tree)
    for mode in ({"favor_precision": True}, {"fast": True, "favor_recall": True}):
        options = {**extract._TRAF_OPTIONS, **mode}
        ours = trafilatura.bare_extraction(tree, **options)
        python = trafilatura.bare_extraction(tree, **{**options, "output_format": "python"})
        assert (ours is None) == (python is None)
        if ours is not None:
            assert blocks_from_xml(ours.body) == blocks_from_xml(python.body)


# --- the visible-text estimate ---------------------------------------------------------


def _estimate_slow(tree) -> int:
    """The estimate as it was written before: every text's ancestors walked."""
    total = 0
    texts = extract._LONG_TEXT_XPATH(tree)
    cjk = extract.has_cjk("".join(texts)) or (tree.get("lang") or "")[:2].lower() in ("ja", "zh", "ko")
    for text in extract._CJK_TEXT_XPATH(tree) if cjk else texts:
        n = textclean.text_size(text.strip()) if cjk else len(text.strip())
        el = text.getparent().getparent() if text.is_tail else text.getparent()
        if n >= 40 and el.tag not in extract._SKIP_ESTIMATE and not any(
                a.tag in extract._SKIP_ESTIMATE for a in el.iterancestors()):
            total += n
    return total


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_visibility_asked_once_per_element_gives_the_same_estimate(path):
    tree = extract._parse(_page(path))
    assert extract._visible_text_estimate(tree) == _estimate_slow(tree)


def test_a_nested_skipped_element_hides_its_texts_from_the_estimate():
    long = "word " * 20
    tree = lxml.html.document_fromstring(
        f"<html><body><div><p>{long}</p><nav><div><p>{long}</p><p>{long}</p></div></nav>"
        f"<p>{long}<a>link</a>{long}</p></div></body></html>")
    assert extract._visible_text_estimate(tree) == _estimate_slow(tree) == 3 * len(long.strip())



# --- a first of the month written in the page ------------------------------------------


def _written_slow(iso: str, page: str) -> bool:
    """written_or_precise as it is specified: every pattern searched over the whole page
    (the function searches only around the year's occurrences)."""
    y, mo, d = iso.split("-")
    if d != "01":
        return True
    name, mo1 = MONTHS[int(mo) - 1].lower(), mo.lstrip("0")
    patterns = (
        rf"{y}[-/.]{mo}[-/.]01(?!\d)", rf"{y}[-/.]{mo1}[-/.]1(?!\d)",
        rf"(?<!\d)0?1[-/.]0?{mo1}[-/.]{y}", rf"(?<!\d)0?{mo1}[-/.]0?1[-/.]{y}",
        rf"(?i:{name[:3]}[a-z]{{0,9}}\.?\s{{1,64}}0?1(?:st)?,?\s{{1,64}}{y})",
        rf"(?i:(?<!\d)0?1(?:st)?\s{{1,64}}(?:of\s{{1,64}})?{name[:3]}[a-z]{{0,9}}\.?,?"
        rf"\s{{1,64}}{y})",
        rf"{y}\s{{0,64}}[년年]\s{{0,64}}0?{mo1}\s{{0,64}}[월月]\s{{0,64}}0?1\s{{0,64}}[일日]",
        rf"(?<!\d){y}{mo}01(?!\d)",
    )
    return any(re.search(p, page) for p in patterns)


_DATE_PIECES = st.sampled_from([
    "2024", "2023", "-", "/", ".", " ", "01", "1", "03", "3", "12", "Mar", "march", "MARCH",
    "Dec", "December", "ſep", "Sept.", "1st", "of", ",", "년", "월", "일", "年", "月", "日",
    "20240301", "<p>", "x", "0",
    # far apart: the year's occurrences in stretches of their own, or the month's name
    # or a space run too long to count
    " " * 20, "<div class='a'>" * 8, "y" * 12, "\n" * 17,
])


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(["2024-03-01", "2023-12-01", "2024-09-01", "2024-03-15"]),
       st.lists(_DATE_PIECES, max_size=24).map("".join))
def test_a_written_first_of_the_month_is_found_as_its_patterns_over_the_whole_page(iso, page):
    assert written_or_precise(iso, page) == _written_slow(iso, page)


# --- trafilatura's link density test, lengths measured as far as needed ----------------


def _link_density_pairs(pages) -> list[tuple]:
    """(trafilatura's answer, ours) at every link density test the extraction of ``pages``
    makes (trafilatura's test run beside ours on the same element)."""
    from trafilatura import htmlprocessing

    trafilatura_fast.install()
    original = _trafilatura_links._ORIGINALS["trafilatura.htmlprocessing", "link_density_test"]
    assert htmlprocessing.link_density_test is _trafilatura_links.link_density_test
    pairs = []

    def both(element, favor_precision=False):
        ours = _trafilatura_links.link_density_test(element, favor_precision)
        pairs.append((original(element, favor_precision), ours))
        return ours

    htmlprocessing.link_density_test = both
    try:
        for page in pages:
            extract.extract_article(page)
    finally:
        htmlprocessing.link_density_test = _trafilatura_links.link_density_test
    return pairs


def test_the_link_density_test_answers_as_trafilatura_s_on_the_repo_pages():
    pairs = _link_density_pairs(_page(path) for path in PAGES)
    assert len(pairs) > 150
    assert sum(1 for theirs, _ in pairs if theirs[0]) >= 5  # some sections are dropped
    assert all(theirs == ours for theirs, ours in pairs)


_LONG = "word " * 600  # past the measured start (2,048 characters)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from(["p", "div", "list"]),
    st.sampled_from(["", " ", "\u00a0\n", "short text", "a longer sentence of some words. " * 3,
                     _LONG, " " * 3000 + "tail"]),
    st.lists(st.sampled_from(["", "x", "a link", "a much longer link text " * 6, _LONG]),
             max_size=7),
    st.booleans()), min_size=1, max_size=4), st.booleans())
def test_the_link_density_test_answers_as_trafilatura_s_on_generated_sections(sections,
                                                                              precise):
    from trafilatura import htmlprocessing

    trafilatura_fast.install()
    original = _trafilatura_links._ORIGINALS["trafilatura.htmlprocessing", "link_density_test"]
    body = lxml.html.fromstring("<div></div>")
    for tag, text, links, graphic in sections:
        el = lxml.html.Element(tag)
        el.text = text
        for link in links:
            ref = lxml.html.Element("ref")
            ref.text = link
            ref.tail = text[:40]
            el.append(ref)
        if graphic:
            el.append(lxml.html.Element("graphic"))
        body.append(el)
    for el in body.iter():
        assert htmlprocessing.link_density_test(el, precise) == original(el, precise)


# --- the title test folds a block only where it can be the title ------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbßẞİıſΣσς_-. 1١Ǆǅǆﬁ🙂")), max_size=8),
       st.text(alphabet=st.sampled_from(list("aAbßẞİıſΣσς_-. 1١Ǆǅǆﬁ")), max_size=8))
def test_a_block_that_folds_to_the_title_is_never_skipped(text, title):
    from searchapp.ingest.pipeline import _fold, _may_fold_to

    for target in (_fold(title), _fold(text)):
        if target and _fold(text) == target:
            assert _may_fold_to(text, target)


def test_the_title_test_finds_a_repeat_of_the_title_as_before():
    from searchapp.ingest.metadata import Metadata
    from searchapp.ingest.pipeline import _mark_title

    meta = Metadata(title="Straße der Einheit: the “vote”")
    blocks = [("body", "Politics"), ("heading", "STRASSE DER EINHEIT — THE VOTE"),
              ("body", "The vote came late."), ("body", "straße der einheit: the vote")]
    assert _mark_title(blocks, meta) == [("label", "Politics"),
                                         ("title", "STRASSE DER EINHEIT — THE VOTE"),
                                         ("body", "The vote came late.")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\x0b\x0c\x1c\x85\u00a0\u2003\u3000\ufffd\x00é")),
               max_size=40) | st.text(max_size=40))
def test_non_space_characters_are_counted_as_before(text):
    assert len("".join(text.split())) == len(text) - sum(map(str.isspace, text))


def test_a_first_of_the_month_written_across_indented_source_lines_is_found():
    # markup indents a date's pieces on lines of their own, the year is met elsewhere too
    far = "<p>© 2024 The Gazette</p>" + "<div class='filler'>" * 40
    page = far + "<span>1st of\n              March,\n              2024</span>" + far
    deep = far + "<span class='date'>\n" + " " * 24 + "March\n" + " " * 24 + "1,\n" + " " * 24 + "2024"
    assert written_or_precise("2024-03-01", deep)
    pad = "\n" + " " * 60
    farthest = far + f"<b>1st{pad}of{pad}March,{pad}2024</b>"  # each run at its longest
    assert written_or_precise("2024-03-01", farthest) == _written_slow("2024-03-01", farthest)
    assert written_or_precise("2024-03-01", farthest)
    assert written_or_precise("2024-03-01", page) == _written_slow("2024-03-01", page)
    assert written_or_precise("2024-03-01", page)
    assert not written_or_precise("2024-04-01", page)
    dated = far + "<time>2024년\n          3월\n          1일</time>"
    assert written_or_precise("2024-03-01", dated)
