"""Telling text from binary data, and finding the encoding of legacy text.

Pure functions over bytes, used by :func:`searchapp.ingest.read.decode_bytes`:

* :func:`binary_format` names a binary file from its first bytes (magic
  numbers), or from NUL and control bytes, before anything is decoded;
* :func:`declared_charset` finds an HTML ``<meta charset>``/``http-equiv``,
  an XML declaration's ``encoding=`` or a MIME ``Content-Type: …; charset=``;
* :func:`~searchapp.ingest.plausibility.plausibility` scores how much a
  decoded text looks like writing in one language (0 = garbage, about 1 =
  ordinary text);
* :func:`best_decoding` decodes with every candidate encoding (a fixed list of
  the common ones plus charset-normalizer's candidates) and keeps the most
  plausible result;
* :func:`not_writing` says why a decoded text is binary data after all, in
  whatever encoding it was read (a byte-order mark or strict UTF-8 prove the
  encoding, not that the bytes are text).

The scoring of a decoded text (:func:`plausibility`) lives in
:mod:`searchapp.ingest.plausibility`.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes

from searchapp.ingest.plausibility import plausibility
from searchapp.lexicon import HAN, HANGUL_SYLLABLES, KANA

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


#: What a PDF has besides its header (a text that begins "%PDF-1.7 is a version" has
#: none): near its end, the end-of-file marker or the cross-reference table's offset;
#: a truncated PDF, at least one whole object near its start, or the comment of four
#: bytes over 127 the specification asks for after the header (ISO 32000 7.5.2).
_PDF_END = re.compile(rb"%%EOF|startxref\s+\d")
_PDF_BINARY_COMMENT = re.compile(rb"%PDF-\d\.\d[ \t]*\r?\n?%[\x80-\xff]{4}")
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def is_pdf(raw: bytes) -> bool:
    """Whether ``raw`` is a PDF file: the header ``%PDF-`` and a PDF's body."""
    if not raw.startswith(b"%PDF-"):
        return False
    start = raw[:65536]
    return _PDF_BINARY_COMMENT.match(raw) is not None or \
        _PDF_END.search(raw[-4096:]) is not None or \
        (_PDF_OBJECT.search(start) is not None and b"endobj" in start)


def binary_format(raw: bytes) -> str | None:
    """The name of a binary format recognised by its magic number, else None."""
    if is_pdf(raw):
        return "PDF document"
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
    size = len("".join(sample.split())) if bad or odd else 0  # characters but white space
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


# The scripts of Chinese, Japanese and Korean (Hangul: its syllables, as text writes it).
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
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
