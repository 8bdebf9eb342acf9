"""Telling text from binary data, and finding the encoding of legacy text.

Pure functions over bytes, used by :func:`searchapp.ingest.read.decode_bytes`:

* :func:`binary_format` names a binary file from its first bytes (magic
  numbers), or from NUL and control bytes, before anything is decoded;
* :func:`declared_charset` finds an HTML ``<meta charset>``/``http-equiv``,
  an XML declaration's ``encoding=`` or a MIME ``Content-Type: …; charset=``;
* :func:`plausibility` scores how much a decoded text looks like writing in
  one language (0 = garbage, about 1 = ordinary text);
* :func:`best_decoding` decodes with every candidate encoding (a fixed list of
  the common ones plus charset-normalizer's candidates) and keeps the most
  plausible result;
* :func:`not_writing` says why a decoded text is binary data after all, in
  whatever encoding it was read (a byte-order mark or strict UTF-8 prove the
  encoding, not that the bytes are text).

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

import codecs
import math
import re
import unicodedata
from bisect import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes
from charset_normalizer.constant import FREQUENCIES

from searchapp.lexicon import ELLIPSIS, HAN, HANGUL_JAMO, HANGUL_SYLLABLES, KANA, STOPS

#: Bytes of a file's head that are looked at for magic numbers and declarations.
HEAD = 4096
#: Bytes decoded by every candidate to score it (cut at a line end).
SAMPLE = 32 * 1024

# --- binary files ----------------------------------------------------------

# (offset, magic, name): checked in order at the start of the file.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (OLE)"),
    (0, b"\x1f\x8b", "gzip data"),
    (0, b"BZh", "bzip2 data"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"\x28\xb5\x2f\xfd", "zstd data"),
    (0, b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xfe\xed\xfa\xce", "Mach-O executable"),
    (0, b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (0, b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class file or Mach-O universal binary"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x00asm", "WebAssembly module"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (0, b"%!PS", "PostScript document"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")


def binary_format(raw: bytes) -> str | None:
    """The name of a binary format recognised by its magic number, else None."""
    for offset, magic, name in _MAGIC:
        if raw.startswith(magic, offset):
            if name == "ZIP archive" and b"[Content_Types].xml" in raw[:HEAD]:
                return "ZIP archive (Office document)"
            return name
    if raw.startswith(b"RIFF") and raw[8:12] in _RIFF:
        return _RIFF[raw[8:12]]
    if raw.startswith(b"ID3") and len(raw) > 5 and raw[3] < 5:
        return "MP3 audio"
    if raw.startswith(b"MZ") and len(raw) > 0x40:
        pe = int.from_bytes(raw[0x3C:0x40], "little")
        if raw[pe : pe + 4] == b"PE\x00\x00" or b"\x00" in raw[:0x40]:
            return "Windows executable"
    return None


def has_binary_bytes(raw: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes, in the file's first 8 KB."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > 0.05 * len(head)


def byte_entropy(raw: bytes) -> float:
    """Shannon entropy in bits per byte (8.0 for random data)."""
    counts = [0] * 256
    for b in raw:
        counts[b] += 1
    n = len(raw)
    return -sum(c / n * math.log2(c / n) for c in counts if c)


# --- declared encodings ----------------------------------------------------

_DECLARATIONS = (
    re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I),
    re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I),
    re.compile(rb"""(?m)^content-type:[^\n]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I),
)
# What a declared or detected name means in practice (as browsers read them).
_PREFERRED = {"euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030",
              "latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252",
              "windows-1252": "cp1252", "iso8859_9": "cp1254", "tis_620": "cp874"}


def codec_name(name: str) -> str | None:
    """Python's codec for an encoding name, mapped to its usual superset; None if unknown."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _PREFERRED.get(canonical, canonical)


def declared_charset(raw: bytes) -> str | None:
    """The codec a document declares in its head, if it names a known one."""
    head = raw[:HEAD]
    if b"\x1b$" in head or b"\x1b(" in head:
        return "iso2022_jp" if b"\x1b$B" in head or b"\x1b$@" in head else "iso2022_kr"
    for pattern in _DECLARATIONS:
        m = pattern.search(head)
        if m:
            enc = codec_name(m.group(1).decode("ascii", "ignore"))
            if enc and not enc.startswith("utf_16") and not enc.startswith("utf_32"):
                return enc
    return None


# --- plausibility of a decoded text ----------------------------------------

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
    def of(cls, text: str, odd: list[int]) -> _Reading:
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
            alphabets={script: _sentence_alphabets(text, odd, classes, ends, script)
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
    text = text[: odd[-1] + 2]  # what follows the last scored character is not looked at
    r = _Reading.of(text, odd)
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
    :data:`_ALPHABETS` ``[script]`` holding most of its letters of that script."""
    found: list[set[str]] = [set() for _ in range(len(ends) + 1)]
    for i, c in zip(odd, classes, strict=True):
        if c == script:
            found[bisect(ends, i)].add(text[i].lower())
    return [max(_ALPHABETS[script], key=lambda a: len(f.intersection(a))) if f else ""
            for f in found]


# --- decoded text that is not writing -----------------------------------------

# Characters no text is made of: C0/C1 controls (but tab, line breaks, form
# feed and the escape of terminal colours), the replacement character,
# noncharacters; unassigned and private-use code points are found by category.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd\ufdd0-\ufdef\ufffe\uffff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
#: Fewer than this many of a text's characters may be unusable (U+FFFD, controls ...).
BAD_SHARE = 0.05
# How evenly a text's non-ASCII characters are spread.  Every language uses a
# few of its characters far more than the rest: the most frequent tenth of the
# distinct characters covers a third or more of a text of 400 characters or
# more, and at most two thirds of the characters of a text of 100 or more occur
# only once (measured over fixtures, seeds, bench pages and the example
# sentences of 60 languages).  Bytes read as text spread evenly: 0.10-0.23 and
# over 0.9 for random data.  Text that merely repeats itself (one sentence five
# times) spreads evenly too, but reads as plausible writing.
_EVEN_SPREAD = 0.28
_SPREAD_FROM = 400
_LONELY = 0.85
_LONELY_FROM = 100


@lru_cache(maxsize=1 << 16)
def _unusable(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cn", "Co", "Cs")


def not_writing(text: str) -> str | None:
    """Why ``text``, decoded from a file, is binary data rather than writing; None
    if it is writing (or too little to tell).

    Looked at: the first :data:`SAMPLE` characters.  Binary data decoded as text
    shows as (1) many characters no text is made of: controls, U+FFFD where bytes
    did not decode, unassigned and private-use code points (over
    :data:`BAD_SHARE` of the characters); or (2) non-ASCII characters, a third or
    more of the text, spread evenly over many distinct characters (every
    language uses a few of its characters far more than the rest: from 200
    characters, nearly all of them appearing once is enough) and not
    plausible writing (:func:`plausibility` under 0.6), or implausible for any
    writing system (under 0.3: scripts mixed inside words, rare letters)
    without repeating a few characters as tables and drawings do.
    """
    sample = text[:SAMPLE]
    odd = _NON_ASCII.findall(sample)
    bad = len(_BAD_CHARS.findall(sample)) + sum(map(_unusable, odd))
    size = len(sample) - sum(map(str.isspace, sample)) if bad or odd else 0
    if bad >= 8 and bad > BAD_SHARE * size:
        return "control, unassigned or private-use characters"
    if len(odd) < 30 or len(odd) < 0.3 * size:
        return None  # mostly ASCII text, or too little to tell
    counts = sorted(Counter(odd).values(), reverse=True)
    spread = sum(counts[: math.ceil(len(counts) / 10)]) / len(odd)
    lonely = counts.count(1) / len(odd)
    even = lonely > _LONELY and len(odd) >= _LONELY_FROM or \
        spread < _EVEN_SPREAD and len(odd) >= _SPREAD_FROM
    if even and (lonely > _LONELY and len(odd) >= 2 * _LONELY_FROM or plausibility(sample) < 0.6):
        return "characters spread evenly, as in no language"
    if spread < 0.4 and plausibility(sample) < 0.3:
        return "characters of no writing system"
    return None


# --- choosing among candidate encodings ------------------------------------

#: Encodings always tried, in the order that breaks ties (windows-1252 first:
#: like browsers, short Western text that fits it is read as windows-1252).
CANDIDATES = (
    "cp1252", "gb18030", "big5", "cp950", "cp949", "shift_jis", "cp932", "euc_jp",
    "cp1251", "iso8859_2", "cp1250", "koi8_r", "koi8_u", "cp866", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "cp1257", "cp1255", "cp1256", "cp874",
    "utf_16_le", "utf_16_be",
)


@dataclass(frozen=True)
class Guess:
    text: str
    encoding: str
    score: float


def best_decoding(raw: bytes, extra: tuple[str, ...] = ()) -> Guess | None:
    """The most plausible strict decoding of ``raw`` among :data:`CANDIDATES`,
    charset-normalizer's candidates and ``extra`` (tried first), or None when
    no candidate decodes it."""
    sample = _sample(raw)
    names = list(extra) + list(CANDIDATES) + _detector_candidates(sample)
    scored: list[tuple[float, int, str, str]] = []
    seen: set[str] = set()
    for order, name in enumerate(names):
        enc = codec_name(name)
        if enc is None or enc in seen or enc.startswith(("utf_8", "utf_32", "mbcs")):
            continue
        seen.add(enc)
        if enc.startswith("utf_16") and len(raw) % 2:
            continue
        try:
            text = codecs.getincrementaldecoder(enc)().decode(sample, final=sample is raw)
        except UnicodeDecodeError:
            continue
        score = plausibility(text) - _foreign_script(enc, text)
        if enc == "cp1252":
            score += 0.02
        scored.append((score, -order, enc, text))
    for score, _, enc, text in sorted(scored, reverse=True):
        if sample is not raw:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
        return Guess(text, enc, score)
    return None


_KOREAN_CODECS = frozenset(("cp949", "euc_kr", "johab", "iso2022_kr"))
_JAPANESE_CODECS = frozenset(("shift_jis", "cp932", "euc_jp", "iso2022_jp", "shift_jis_2004",
                              "shift_jisx0213", "euc_jis_2004", "euc_jisx0213"))
_CHINESE_CODECS = frozenset(("gb18030", "gbk", "gb2312", "hz", "big5", "cp950", "big5hkscs"))


def _foreign_script(enc: str, text: str) -> float:
    """A prior against a codec whose text lacks its language's own script:
    0.2 when a Korean codec gives Han characters without any Hangul (modern
    Korean is written in Hangul: that is Chinese or Japanese read wrongly),
    0.1 when a Japanese codec gives Han without any kana, or a Chinese codec
    kana or Hangul."""
    if enc in _KOREAN_CODECS and _HAN.search(text) and not _HANGUL.search(text):
        return 0.2
    if enc in _JAPANESE_CODECS and _HAN.search(text) and not _KANA.search(text):
        return 0.1  # kanji without any kana: rarer in Japanese than Han text in Chinese
    if enc in _CHINESE_CODECS and (_KANA.search(text) or _HANGUL.search(text)):
        return 0.1
    return 0.0


def _sample(raw: bytes) -> bytes:
    if len(raw) <= SAMPLE:
        return raw
    cut = raw.rfind(b"\n", SAMPLE // 2, SAMPLE)
    return raw[: cut + 1 if cut > 0 else SAMPLE]


def _detector_candidates(sample: bytes) -> list[str]:
    try:
        return [m.encoding for m in from_bytes(sample)]
    except Exception:  # a detector failure only means fewer candidates
        return []


def utf16_without_bom(raw: bytes) -> Guess | None:
    """UTF-16 (or UTF-32) text without a byte-order mark, when it decodes
    strictly to plausible text."""
    best: Guess | None = None
    for enc, unit in (("utf_16_le", 2), ("utf_16_be", 2), ("utf_32_le", 4), ("utf_32_be", 4)):
        if len(raw) % unit:
            continue
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text[:SAMPLE])
        if best is None or score > best.score:
            best = Guess(text, enc, score)
    return best
