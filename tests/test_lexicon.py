"""searchapp.lexicon: the character classes' bounds, the sentence ends, months and titles,
and that the stages use these declarations rather than their own."""

from __future__ import annotations

import re
import unicodedata

import pytest

from searchapp import lexicon
from searchapp.index.analysis import text_analyzer
from searchapp.ingest.encoding import _char_class
from searchapp.ingest.metadata import parse_date
from searchapp.ingest.persons import names as nm
from searchapp.ingest.text import split_blocks


def _in(cls: str, ch: str) -> bool:
    return re.fullmatch(f"[{cls}]", ch) is not None


@pytest.mark.parametrize("ch", ["一", "鿿", "㐀", "䶿", "豈", "𠀀", "𠮷", "𪚲", "𰀀", "\U000323af"])
def test_han_holds_every_block_of_ideographs(ch):
    assert _in(lexicon.HAN, ch) and _in(lexicon.CJK, ch)


@pytest.mark.parametrize("ch", ["䷀", "䷿", "〇", "　", "。", "ｱ", "A", "é"])
def test_han_holds_nothing_else(ch):
    """The Yijing hexagrams between extension A and the unified ideographs are symbols;
    the ideographic space, full stop and half-width katakana are not Han."""
    assert not _in(lexicon.HAN, ch)


def test_han_is_exactly_the_ideographs_of_the_bmp():
    """Every BMP character in HAN is named a (compatibility) ideograph or unassigned;
    every character Unicode names an ideograph in the BMP is in HAN."""
    for cp in range(0x3000, 0x10000):
        ch = chr(cp)
        name = unicodedata.name(ch, "")
        ideograph = name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))
        if _in(lexicon.HAN, ch):
            assert ideograph or not name, (hex(cp), name)
        elif ideograph:
            raise AssertionError(f"{hex(cp)} {name} is not in HAN")


def test_hangul_syllables_end_at_the_last_assigned_one():
    assert _in(lexicon.HANGUL_SYLLABLES, "가") and _in(lexicon.HANGUL_SYLLABLES, "힣")  # U+D7A3
    assert not _in(lexicon.HANGUL_SYLLABLES, "\ud7a4")
    assert not _in(lexicon.HANGUL_SYLLABLES, "ㄱ")  # a compatibility jamo
    for ch in "ㄱᄀꥠힰ가힣":  # jamo, compatibility, extended-A, extended-B, syllables
        assert _in(lexicon.HANGUL, ch) and _in(lexicon.CJK, ch)


def test_kana_holds_hiragana_katakana_and_extensions_not_halfwidth():
    for ch in "ぁゟ゠ヿㇰㇿ":
        assert _in(lexicon.KANA, ch)
    assert not _in(lexicon.KANA, "ｱ")  # what Latin-1 bytes read as Shift-JIS become


def test_the_stages_use_the_one_declaration():
    """Person matching, the encoding detector and the analyzer agree with lexicon on a
    supplementary-plane ideograph and a hexagram (they had three different bounds)."""
    assert nm.HAN.search("𠮷") and not nm.HAN.search("䷀")
    assert nm.NATIVE_RUN.fullmatch("𠮷田")
    assert _char_class("𠮷") == "han" and _char_class("䷀") != "han"
    tokens = [t.text for t in text_analyzer()("𠮷野家")]
    assert tokens == ["𠮷野", "野家"]


@pytest.mark.parametrize("text", ["He left.", "Why?", "No!", "“He left.”", "(He left.)",
                                  "It ended…", "他走了。", "本当？", "「終わり。」", "終わり｡"])
def test_sentence_ends(text):
    assert lexicon.SENTENCE_END.search(text)


@pytest.mark.parametrize("text", ["He left", "He said:", "and,", "the 1990s"])
def test_not_sentence_ends(text):
    assert not lexicon.SENTENCE_END.search(text)


def test_full_stops_are_stops_only():
    assert lexicon.FULL_STOP.search("end.") and lexicon.FULL_STOP.search("终。")
    assert not lexicon.FULL_STOP.search("end”") and not lexicon.FULL_STOP.search("end…")


def test_a_line_ending_a_cjk_sentence_is_not_joined_to_the_next():
    lines = ["これは最初の文です。" * 7, "次の段落です。"]
    assert split_blocks("\n".join(lines)) == lines


@pytest.mark.parametrize("name, number", [("Jan", 1), ("january", 1), ("Sept.", 9),
                                          ("SEPTEMBER", 9), ("May", 5), ("dec", 12)])
def test_month_numbers(name, number):
    assert lexicon.month_number(name) == number


def test_month_pattern_matches_names_and_abbreviations_only():
    rx = re.compile(f"{lexicon.MONTH}$", re.I)
    for word in ("Jan", "January", "Sep", "Sept", "September", "May", "June", "Jun"):
        assert rx.match(word), word
    for word in ("Sepember", "Ju", "Mayo", "Septembre"):
        assert not rx.match(word), word
    assert parse_date("Sept. 5, 2023") == "2023-09-05"
    assert parse_date("5 September 2023") == "2023-09-05"


def test_titles_and_their_words():
    assert re.fullmatch(lexicon.TITLES, "Prime Minister")
    assert re.fullmatch(lexicon.TITLES, "Mr.")
    assert {"President", "Minister", "Mr", "Vice"} <= lexicon.TITLE_WORDS


def test_name_token_and_possessive():
    rx = re.compile(lexicon.NAME_TOKEN)
    assert rx.fullmatch("Tae-yul") and rx.fullmatch("Tae\u2013Yul") and not rx.fullmatch("kim")
    assert lexicon.POSSESSIVE_END.sub("", "Yoon’s") == "Yoon"
    assert lexicon.POSSESSIVE_END.sub("", "Chavez'") == "Chavez"
