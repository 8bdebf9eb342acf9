"""searchapp.lexicon: the character classes' bounds, the sentence ends, months and titles,
and that the stages use these declarations rather than their own."""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

from searchapp import config, index, lexicon
from searchapp.folders import folder_list
from searchapp.index.analysis import text_analyzer
from searchapp.ingest.metadata import parse_date
from searchapp.ingest.persons import names as nm
from searchapp.ingest.plausibility import _char_class
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


# -- no stage declares these again ----------------------------------------------------------
# The source of searchapp (the lexicon package aside) is read with ast: a month or weekday list, a
# sentence-end character class, a CJK range (in a regex or a numeric comparison), a list
# of agencies, the names' glued prefixes or the possessive written out again fails here,
# with the place it was written; so does a curation file's or an index folder's file name
# spelled outside the module that declares it.

_LEXICON = Path(lexicon.__file__).resolve().parent  # the package declaring them
_PACKAGE = _LEXICON.parent
_MONTH_WORDS = {m.casefold() for m in lexicon.MONTHS} | {m[:3].casefold() for m in lexicon.MONTHS}
_DAY_WORDS = {d.casefold() for d in lexicon.WEEKDAYS} | {d[:3].casefold() for d in lexicon.WEEKDAYS}
_AGENCY_WORDS = {a for aliases in lexicon.NEWS_AGENCIES.values() for a in aliases} \
    | set(lexicon.PICTURE_AGENCIES)
# each file name, by the module that declares it
_FILE_NAMES = {
    **{getattr(config, c): "searchapp/config.py" for c in (
        "CATALOG_FILE", "PERSONS_REGISTRY", "PLACES_REGISTRY", "CURATION_FILE")},
    **{getattr(index, c): "searchapp/index/__init__.py" for c in (
        "MANIFEST", "CREATE_LOCK", "MENTIONS_DB", "PERSONS_FILE", "COPIES_FILE", "COPIES_STATE")},
    folder_list.FOLDERS_FILE: "searchapp/folders/folder_list.py",
}
_CLASS = re.compile(r"\[\^?((?:\\.|[^\]\\])+)\]")
_RANGE = re.compile(r"(\\?.)-(\\?.)")
_CJK_BLOCK = re.compile(f"[{lexicon.CJK}]")
# a regex class's range given by escapes in a raw string ("\u4e00-\u9fff")
_ESCAPED_RANGE = re.compile(r"\\[uU]([0-9a-fA-F]{4,8})-\\[uU]([0-9a-fA-F]{4,8})")


def _cjk(code: int) -> bool:
    return 0 <= code <= 0x10FFFF and bool(_CJK_BLOCK.match(chr(code)))


def _strings(node: ast.AST) -> list[str]:
    """The string constants of an expression (the literal parts of an f-string too)."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant)
            and isinstance(n.value, str | bytes)]


def _words(text: str | bytes) -> list[str]:
    text = text.decode("latin-1") if isinstance(text, bytes) else text
    return re.findall(r"[A-Za-z]+", text)


def redeclared(source: str, name: str = "<source>") -> list[str]:
    """What ``source`` writes out that searchapp.lexicon declares: (line, what) each."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
            text = node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
            if _FILE_NAMES.get(text, name) != name:
                found.append(f"{name}:{line}: the file name {text!r} ({_FILE_NAMES[text]})")
            words = [w.casefold() for w in _words(text)]
            if len(set(words) & _MONTH_WORDS) >= 6:
                found.append(f"{name}:{line}: month names (lexicon.MONTHS)")
            if len(set(words) & _DAY_WORDS) >= 5:
                found.append(f"{name}:{line}: weekday names (lexicon.WEEKDAYS)")
            for body in _CLASS.findall(text):
                chars = set(re.sub(r"\\(.)", r"\1", body))
                # the stops, and no comma (a class of all punctuation is not about sentences)
                if ({".", "!", "?"} <= chars or {"。", "！", "？"} <= chars) and "," not in chars:
                    found.append(f"{name}:{line}: a sentence-end class [{body}] "
                                 "(lexicon.STOPS, SENTENCE_ENDS, BEFORE_A_SENTENCE)")
                for a, b in _RANGE.findall(body):
                    if _cjk(ord(a[-1])) or _cjk(ord(b[-1])):
                        found.append(f"{name}:{line}: a CJK range {a}-{b} (lexicon.CJK, HAN, ...)")
            for a, b in _ESCAPED_RANGE.findall(text):
                if _cjk(int(a, 16)) or _cjk(int(b, 16)):
                    found.append(f"{name}:{line}: a CJK range U+{a}-U+{b} (lexicon.CJK, HAN, ...)")
            if "Mc|Mac" in text:
                found.append(f"{name}:{line}: name prefixes (lexicon.NAME_PREFIXES)")
            if re.search(r"\[(?:'’|’')\]s", text):
                found.append(f"{name}:{line}: the possessive (lexicon.POSSESSIVE, POSSESSIVE_END)")
            agencies = {a for a in _AGENCY_WORDS if re.search(rf"\b{re.escape(a)}\b", text)}
            if len(agencies) >= 4:
                found.append(f"{name}:{line}: agency names {sorted(agencies)} "
                             "(lexicon.NEWS_AGENCIES, CREDIT_AGENCIES)")
        elif isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            values = [i.value for i in items if isinstance(i, ast.Constant)
                      and isinstance(i.value, str)]
            folded = {v.casefold() for v in values}
            if len(folded & _MONTH_WORDS) >= 6:
                found.append(f"{name}:{line}: a list of month names (lexicon.MONTHS)")
            if len(folded & _DAY_WORDS) >= 5:
                found.append(f"{name}:{line}: a list of weekday names (lexicon.WEEKDAYS)")
            if {".", "!", "?"} <= set(values):
                found.append(f"{name}:{line}: a list of sentence ends (lexicon.STOPS)")
            if len(set(values) & _AGENCY_WORDS) >= 4:
                found.append(f"{name}:{line}: a list of agencies (lexicon.NEWS_AGENCIES)")
        elif isinstance(node, ast.Compare):  # 0x4E00 <= o <= 0x9FFF
            bounds = [n.value for n in [node.left, *node.comparators]
                      if isinstance(n, ast.Constant) and isinstance(n.value, int)
                      and not isinstance(n.value, bool)]
            if len(bounds) >= 2 and any(_cjk(b) for b in bounds):
                found.append(f"{name}:{line}: a CJK range in a comparison {bounds} "
                             "(lexicon.CJK, HAN, ...)")
    return found


def test_no_module_declares_lexicons_facts_again():
    found = []
    for path in sorted(_PACKAGE.rglob("*.py")):
        if path.parent != _LEXICON:
            found += redeclared(path.read_text(encoding="utf-8"),
                                str(path.relative_to(_PACKAGE.parent)))
    assert not found, "declared in searchapp/lexicon/, written out again:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    'MONTHS = ("January", "February", "March", "April", "May", "June", "July")',
    'X = re.compile(r"\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.? \\d+")',
    'DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri"}',
    'END = re.compile(r"[.!?]\\s*$")',
    'REST = re.compile(r"^[^.!?]{0,160}")',
    'END = re.compile("[。！？]$")',
    'ENDS = (".", "!", "?")',
    'HAN = re.compile("[\\u4e00-\\u9fff]")',
    'HAN = re.compile(r"[\\u4e00-\\u9fff]")',
    'HANGUL = re.compile("[가-힣]+")',
    'def f(o):\n    return 0xAC00 <= o <= 0xD7A3',
    'CREDIT = re.compile(r"(?:AFP|Reuters|Getty Images|Xinhua)")',
    'OK = re.compile(r"^(?:Mc|Mac|De|Van)[A-Z]")',
    'END = re.compile(r"[\'’]s?$")',
    'KIN = re.compile(r"^[\'’]s?\\s+(sister|brother)")',
    'path = data_dir / "curation.toml"',
    'PERSONS = "persons.json"',
])
def test_the_check_finds_a_fact_written_again(source):
    assert redeclared(source), source


@pytest.mark.parametrize("source", [
    'X = re.compile(f"[{STOPS}:]$")',
    'NAMES = frozenset(("April", "May", "June", "August"))',  # months that are also names
    'X = re.compile(r"[.,;:]")',
    'AFTER = re.compile(r"(?=[,.;:!?)])")',  # punctuation after a word
    'IDX = ord(ch) - 0xAC00',
    'LINE = re.compile(r"[A-Z][a-z]+-[a-z]+")',
])
def test_the_check_leaves_other_code_alone(source):
    assert redeclared(source) == [], source
