"""How much a decoded text looks like writing in one language.

:func:`plausibility` scores a text decoded from bytes: about 1 for ordinary
writing, near or below 0 for a wrong decoding or binary data.  Used by
:mod:`searchapp.ingest.encoding` to choose among candidate encodings and to
tell binary data read as text.

Short legacy CJK files are the hard case: the byte ranges of GB18030, Big5,
EUC-KR, EUC-JP and Shift_JIS overlap, so a two-line file usually decodes
without error in three of them.  What tells them apart is the *result*: real
text uses frequent characters of one writing system, while a wrong decoding
gives rare characters, characters of another script in the middle of words,
Hangul mixed syllable by syllable with Han characters, half-width katakana,
or Chinese characters separated by spaces every few characters (Korean
words read as GB18030).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer.constant import FREQUENCIES

from searchapp.lexicon import ELLIPSIS, HAN, HANGUL_JAMO, HANGUL_SYLLABLES, KANA, STOPS

# Non-ASCII letters of the languages written in Latin script (lower case).
_LATIN_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßé",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "éëïóöüè",  # Dutch
    "åäöé",  # Swedish, Finnish
    "æøåé",  # Danish, Norwegian
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Slovene, Croatian, Bosnian, Serbian
    "ăâîșşțţ",  # Romanian
    "çğıöşüâî",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
)
_CYRILLIC_BASIC = "абвгдежзийклмнопрстуфхцчшщьюя"
# Letters of the languages written in Cyrillic beyond the basic ones above.
_ALPHABETS = {
    "latin": _LATIN_ALPHABETS,
    "cyrillic": tuple(_CYRILLIC_BASIC + extra for extra in (
        "ъыэё",  # Russian
        "єіїґ'",  # Ukrainian
        "ыэёўі",  # Belarusian
        "ъ",  # Bulgarian
        "ђјљњћџ",  # Serbian
        "ѓѕјљњќџ",  # Macedonian
    )),
}
_ALPHABETIC = frozenset(("latin", "cyrillic", "greek"))
_CJK = frozenset(("han", "kana", "hangul"))
# Scripts written without spaces between words (the long-word rule skips them).
_UNSPACED = _CJK | {"thai", "lao", "khmer", "myanmar", "tibetan"}
_NOT_LETTERS = frozenset(("punct", "symbol", "cjkpunct", "bad"))
_NOT_SCRIPTS = _NOT_LETTERS | {"latin", "halfkana", "jamo"}
_WORD_PUNCT = frozenset("’'·\u2010\u2011\u00ad")


def _frequent_letters_by_script() -> dict[str, tuple[frozenset[str], ...]]:
    """charset-normalizer's most frequent letters of each language, grouped by
    script (Cyrillic, Greek, Arabic, Hebrew, Thai…; Latin and CJK have their own rules)."""
    out: dict[str, list[frozenset[str]]] = {}
    for letters in FREQUENCIES.values():
        script = unicodedata.name(letters[0], "").split(" ", 1)[0].lower()
        if script and script not in ("latin", "cjk", "hiragana", "katakana", "hangul"):
            out.setdefault(script, []).append(frozenset(ch.lower() for ch in letters))
    return {script: tuple(lists) for script, lists in out.items()}


_FREQUENT_LETTERS = _frequent_letters_by_script()
# Frequent characters of CJK languages (charset-normalizer's tables).
_FREQUENT = {lang: frozenset(FREQUENCIES.get(lang, ())) for lang in ("Chinese", "Korean", "Japanese")}
_ODD = re.compile(r"[^\t\n\r\x0b\x0c\x1b\x20-\x7e]")  # the characters scored
_MAX_SCORED = 4000
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_SENTENCE_END = re.compile(f"\\n|[{STOPS}{ELLIPSIS}](?=\\s)")
# The scripts of Chinese, Japanese and Korean (Hangul: its syllables, as text writes it).
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
_JAMO = re.compile(f"[{HANGUL_JAMO}]")  # letters of Hangul not in a syllable
_HAN_GAP = re.compile(f"[{HAN}{KANA}] +(?=[{HAN}{KANA}])")
_LONG_WORD = re.compile(r"""[^\s<>/"'=.,;:!?()\[\]{}-]{25,}""")


@lru_cache(maxsize=1 << 16)
def _char_class(ch: str) -> str:
    """The writing system or kind of one non-ASCII (or control) character."""
    for name, pattern in (("han", _HAN), ("hangul", _HANGUL), ("kana", _KANA)):
        if pattern.match(ch):
            return name
    if _JAMO.match(ch):
        return "jamo"
    o = ord(ch)
    if 0xFF61 <= o <= 0xFF9F:
        return "halfkana"
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6:
        return "cjkpunct"
    if 0xFE10 <= o <= 0xFE1F or 0xFE30 <= o <= 0xFE6F:
        return "symbol"  # vertical and small form variants: rare in running text
    cat = unicodedata.category(ch)
    if ch == "\ufffd" or cat in ("Cc", "Cn", "Co", "Cs"):
        return "bad"
    if cat[0] in "LM":
        name = unicodedata.name(ch, "")
        return name.split(" ", 1)[0].lower() if name else "other"
    if cat[0] in "PZ" or ch in "€£¥$¢°№§©®™":
        return "punct"
    return "symbol"


@lru_cache(maxsize=1 << 16)
def _han_weight(ch: str, japanese: bool) -> float:
    """How common a Han character is: 1 in the first (frequent) level of
    GB2312, Big5 or (in Japanese text) JIS X 0208, 0.5 in the second, else 0.1."""
    if japanese:
        levels = (("euc_jp", 0xB0, 0xCF, 0xF4),)
    else:
        levels = (("gb2312", 0xB0, 0xD7, 0xF7), ("big5", 0xA4, 0xC6, 0xF9))
    best = 0.1
    for enc, first, last1, last2 in levels:
        try:
            lead = ch.encode(enc)[0]
        except UnicodeEncodeError:
            continue
        if first <= lead <= last1:
            return 1.0
        if last1 < lead <= last2:
            best = 0.5
    return best


@lru_cache(maxsize=1 << 14)
def _in_ks_x_1001(ch: str) -> bool:
    """A Hangul syllable of KS X 1001's 2,350 (those in ordinary use)."""
    try:
        return len(ch.encode("euc_kr")) == 2  # others as 8-byte make-up sequences
    except UnicodeEncodeError:
        return False


@dataclass
class _Reading:
    """What the whole text is, for weighing each of its characters."""

    text: str
    odd: list[int]  # positions of the scored characters
    classes: list[str]  # their classes (:func:`_char_class`)
    counts: dict[str, int]
    japanese: bool
    korean: bool
    main: str  # the main non-Latin script
    latin_text: bool  # mostly ASCII letters
    ends: list[int]  # sentence ends
    alphabets: dict[str, list[str]]  # script -> the alphabet of each sentence
    frequent_letters: dict[str, frozenset[str]]

    @classmethod
    def of(cls, text: str, odd: list[int], whole: str = "") -> _Reading:
        """``text``: up to just after the last of the characters at ``odd``; ``whole``:
        all of it (the words of that character's sentence are counted there)."""
        classes = [_char_class(text[i]) for i in odd]
        counts: dict[str, int] = {}
        for c in classes:
            counts[c] = counts.get(c, 0) + 1
        han, kana, hangul = (counts.get(c, 0) for c in ("han", "kana", "hangul"))
        japanese = kana > 0 and kana + han > hangul
        scripts = {c: n for c, n in counts.items() if c not in _NOT_SCRIPTS}
        if japanese:
            scripts["kana"] = scripts.get("kana", 0) + scripts.pop("han", 0)
        ends = [m.start() for m in _SENTENCE_END.finditer(text)] \
            if "latin" in counts or "cyrillic" in counts else []
        return cls(
            text, odd, classes, counts, japanese, korean=hangul > han and not japanese,
            main=max(scripts, key=scripts.get) if scripts else "latin",
            latin_text=len(_ASCII_LETTER.findall(text)) > 2 * (han + kana + hangul),
            ends=ends,
            alphabets={script: _sentence_alphabets(whole or text, odd, classes, ends, script)
                       for script in _ALPHABETS if script in counts},
            frequent_letters=_best_frequency_lists(text, odd, classes),
        )

    @property
    def cjk(self) -> bool:
        return any(self.counts.get(c) for c in _CJK)

    def weight(self, i: int, c: str) -> float:
        """How common character ``text[i]`` of class ``c`` is in this text."""
        ch = self.text[i]
        if c == "bad":
            return -3.0
        if c == "han":
            return 0.3 if self.korean else _han_weight(ch, self.japanese)
        if c == "hangul":
            return 1.0 if _in_ks_x_1001(ch) else 0.2
        if c in ("kana", "cjkpunct"):
            return 1.0 if self.cjk else 0.3
        if c in ("jamo", "halfkana", "symbol"):
            return 0.2
        if c == "punct":
            inside = 0 < i < len(self.text) - 1 and self.text[i - 1].isalpha() \
                and self.text[i + 1].isalpha()
            return 0.0 if inside and ch not in _WORD_PUNCT and not self.cjk else 1.0
        if c in self.alphabets:
            w = 1.0 if ch.lower() in self.alphabets[c][bisect(self.ends, i)] else \
                0.3 if c == "latin" else 0.5
        else:
            w = 1.0 if c == self.main else 0.2
        if ch.lower() not in self.frequent_letters.get(c, ch.lower()):
            w *= 0.5  # one of the script's rare letters
        return w


def plausibility(text: str) -> float:
    """How much ``text`` looks like ordinary writing: about 1 for real text
    (pure ASCII is 1), near or below 0 for a wrong decoding or binary data.

    Each non-ASCII character is weighted by how common it is in the text's
    main writing system (rare, private-use, unassigned and control characters
    weigh -3); the mean is lowered by script changes inside words, case
    changes inside words, Han characters separated by spaces, over-long
    "words" in alphabetic scripts and an implausible share of capitals, and
    raised when the text's CJK characters are among the most frequent ones.
    """
    odd = [m.start() for m, _ in zip(_ODD.finditer(text), range(_MAX_SCORED), strict=False)]
    if not odd:
        return 1.0
    whole = text
    text = text[: odd[-1] + 2]  # what follows the last scored character is not looked at
    r = _Reading.of(text, odd, whole)
    common = _FREQUENT["Japanese" if r.japanese else "Korean" if r.korean else "Chinese"]
    weights = 0.0
    switches = cased = upper = frequent = 0
    prev_i, prev_c = -2, ""
    for i, c in zip(odd, r.classes, strict=True):
        ch = text[i]
        w = r.weight(i, c)
        group = "kana" if r.japanese and c == "han" else c
        if c in _ALPHABETIC and ch.isalpha():
            cased += 1
            if ch.isupper():
                upper += 1
                if i > 0 and text[i - 1].islower():
                    w = 0.0  # a capital inside a word
        if c not in _NOT_LETTERS and prev_i == i - 1 and prev_c not in _NOT_LETTERS \
                and group != prev_c:
            switches += 1  # two scripts inside one word
        if c in _CJK and (_lone_in_latin_word(text, i) or r.latin_text and _alone(text, i)):
            w = 0.0
        elif c not in _NOT_LETTERS and c != "latin":
            switches += _ascii_letters_around(text, i)
        frequent += ch in common
        weights += w
        prev_i, prev_c = i, group
    n = len(odd)
    return weights / n - switches / n - _layout_penalty(r, cased, upper) \
        + _cjk_bonus(r, frequent)


def _ascii_letters_around(text: str, i: int) -> int:
    """ASCII letters stuck to a letter of another script, before and after it."""
    return sum(0 <= j < len(text) and text[j].isascii() and text[j].isalpha()
               for j in (i - 1, i + 1))


def _layout_penalty(r: _Reading, cased: int, upper: int) -> float:
    """Spaces between Chinese or Japanese words, mostly capitals, over-long words."""
    han, kana, hangul = (r.counts.get(c, 0) for c in ("han", "kana", "hangul"))
    penalty = 0.0
    if (han or kana) and not hangul:  # Chinese and Japanese have no spaces between words
        penalty += 2 * len(_HAN_GAP.findall(r.text)) / (han + kana)
    if cased >= 6 and upper > 0.5 * cased:
        penalty += upper / cased - 0.3
    if r.main not in _UNSPACED:
        long_chars = sum(len(m) for m in _LONG_WORD.findall(r.text)
                         if sum(not ch.isascii() for ch in m) > 0.3 * len(m))
        penalty += min(1.0, long_chars / len(r.odd))
    return penalty


def _cjk_bonus(r: _Reading, frequent: int) -> float:
    """Up to 0.3 for CJK text made of its language's most frequent characters
    (growing with the evidence: over a few characters a hit or two is chance),
    and up to 0.3 for Japanese with kana (a wrong decoding gives them only by
    chance, and scattered)."""
    han, kana, hangul = (r.counts.get(c, 0) for c in ("han", "kana", "hangul"))
    cjk = han + kana + hangul
    bonus = 0.0
    if cjk:
        bonus += 0.3 * min(1.0, frequent / (0.25 * cjk)) * min(1.0, cjk / 20)
    if r.japanese and kana > 1:
        bonus += 0.3 * min(1.0, kana / (0.2 * (kana + han)))
    return bonus


def _lone_in_latin_word(text: str, i: int) -> bool:
    """A single CJK character stuck to ASCII letters (``Rz康``): a wrong decoding
    of accented Latin text, as real CJK text comes in runs."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _is_cjk(before) or _is_cjk(after):
        return False
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _alone(text: str, i: int) -> bool:
    """A CJK character without a CJK character or punctuation next to it."""
    return not any(0 <= j < len(text) and not text[j].isascii()
                   and _char_class(text[j]) in _CJK | {"cjkpunct"} for j in (i - 1, i + 1))


def _is_cjk(ch: str) -> bool:
    return not ch.isascii() and _char_class(ch) in _CJK


def _best_frequency_lists(text: str, odd: list[int], classes: list[str]
                          ) -> dict[str, frozenset[str]]:
    """For each script of :data:`_FREQUENT_LETTERS` in the text, the frequent
    letters of the language that covers most of the text's letters."""
    out: dict[str, frozenset[str]] = {}
    for script, lists in _FREQUENT_LETTERS.items():
        if script not in classes:
            continue
        letters = [text[i].lower() for i, c in zip(odd, classes, strict=True) if c == script]
        out[script] = max(lists, key=lambda f: sum(ch in f for ch in letters))
    return out


def _sentence_alphabets(text: str, odd: list[int], classes: list[str], ends: list[int],
                        script: str) -> list[str]:
    """For each sentence of ``text`` (split at ``ends``), the alphabet of
    :data:`_ALPHABETS` ``[script]`` holding most of its letters of that script; in a
    sentence of plain ASCII words with a few words borrowed from other languages
    (Latin script: "the naïve plan for the Bärenfels dam"), the alphabets of each of
    those words together (French's ï and German's ä are both at home there)."""
    found: list[set[str]] = [set() for _ in range(len(ends) + 1)]
    for i, c in zip(odd, classes, strict=True):
        if c == script:
            found[bisect(ends, i)].add(text[i].lower())
    out = [_best_alphabet(script, f) if f else "" for f in found]
    if script != "latin":
        return out
    last = _SENTENCE_END.search(text, odd[-1]) if odd else None
    bounds = [0, *ends, last.start() if last else len(text)]
    for n, letters in enumerate(found):
        if letters and not letters <= set(out[n]):
            words = _LATIN_WORD.findall(text, bounds[n], bounds[n + 1])
            borrowed = [w.lower() for w in words if not w.isascii()]
            if len(words) >= 4 and len(borrowed) <= _BORROWED_SHARE * len(words):
                out[n] = "".join(_best_alphabet(script, set(w) - _ASCII) for w in borrowed)
    return out


#: At most this share of a sentence's words may hold non-ASCII letters for each of them
#: to be judged by its own language (loanwords and names in an English sentence).
_BORROWED_SHARE = 0.25
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")


def _best_alphabet(script: str, letters: set[str]) -> str:
    return max(_ALPHABETS[script], key=lambda a: len(letters.intersection(a)))
