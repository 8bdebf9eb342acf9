"""Tesseract 5 through tesserocr: a page image in, its paragraphs out.

Per page (:meth:`Reader.read`):

1. the image is prepared (:func:`searchapp.ingest.ocr.prepare.prepare`: greyscale,
   scaled, deskewed);
2. a first pass, Tesseract's orientation and script detection (``osd``), says
   which way up the page is and its script;
3. the script picks the language model (:data:`SCRIPT_LANGUAGES`); where a
   script has several (Han: simplified or traditional Chinese) the page is read
   with each and the most confident reading wins (each model reads the other's
   characters as its own, so the text itself cannot tell; a band of the first six
   lines chose wrong on 1 of 12 pages, the whole page on none: ``bench_ocr.py``);
4. the page is read with a time limit (:data:`PAGE_SECONDS`), again as a single
   column when Tesseract's automatic layout read it with little confidence
   (:data:`RETRY_BELOW`) or cut its lines into pieces; its paragraphs
   (Tesseract's own) are joined line by line as the script writes: no space
   between Han or Kana characters, a hyphen at a line end joined.

Only tesserocr's public API is used.  The language files (``*.traineddata``)
are Debian's (``tesseract-ocr-eng`` …), found by :func:`tessdata_dir`.
"""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from searchapp import lexicon
from searchapp.ingest.ocr import APT_HINT, INSTALL_HINT, NOT_INSTALLED, PIP_HINT

#: Bumped when reading the same image gives different text: pages cached by an
#: older reader are read again when the engine is there.
ENGINE_VERSION = 1
#: Longest time one page may take to read (seconds); past it the page is given up
#: with one line in the report.
PAGE_SECONDS = 60.0
#: The language models a script may be written in, the most common first.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": ("eng",),
    "Korean": ("kor",),
    "Hangul": ("kor",),
    "Japanese": ("jpn",),
    "Hiragana": ("jpn",),
    "Katakana": ("jpn",),
    "Han": ("chi_sim", "chi_tra"),
    "Cyrillic": ("rus", "ukr"),
    "Greek": ("ell",),
    "Arabic": ("ara",),
    "Hebrew": ("heb",),
    "Devanagari": ("hin",),
    "Thai": ("tha",),
    "Fraktur": ("deu",),
}
#: A page read with less mean confidence (0-100) is read again as one column.
RETRY_BELOW = 85.0
#: Pages are made at most this wide (pixels) for the first pass: on the 25 pages of
#: five languages, 300/200/150 dpi, turned 90° and 180°, every script and orientation
#: came out as at full size (at 900 pixels one did not).
OSD_WIDTH = 1200
#: Below this paragraph confidence (0-100) a short paragraph is taken for specks
#: or a picture read as letters, and dropped.
MIN_CONFIDENCE = 45.0
# Where Debian, Fedora, Homebrew and a source build put the language files.
_TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
             "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")


@dataclass
class PageText:
    """What was read from one page image."""

    paragraphs: list[str] = field(default_factory=list)
    language: str = ""  # the model used ("kor")
    script: str = ""  # the script the first pass found ("Hangul")
    confidence: float = 0.0  # Tesseract's mean word confidence, 0-100
    angle: float = 0.0  # degrees the page was turned to read it
    seconds: float = 0.0
    error: str = ""  # why the page could not be read ("" when it was)
    missing_language: str = ""  # a model the script needs that is not installed


def tessdata_dir() -> Path | None:
    """The folder with the language files: ``TESSDATA_PREFIX`` when it is set (as
    for Tesseract itself: that folder only), else the built app's own or where the
    system's packages put them (the first holding ``eng``)."""
    if os.environ.get("TESSDATA_PREFIX"):
        candidates = [os.environ["TESSDATA_PREFIX"]]
    else:
        own = Path(getattr(sys, "_MEIPASS", ".")) / "tessdata"
        candidates = ([str(own)] if getattr(sys, "frozen", False) else []) + list(_TESSDATA)
    for folder in candidates:
        for path in (Path(folder), Path(folder) / "tessdata"):
            if (path / "eng.traineddata").is_file():
                return path
    return None


@lru_cache(maxsize=1)
def _probe() -> tuple[str, tuple[str, ...]]:
    """(why OCR cannot run or "", the installed language models)."""
    folder = tessdata_dir()
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        if folder is None:
            return f"{NOT_INSTALLED} (install: {INSTALL_HINT})", ()
        return (f"{NOT_INSTALLED} (Tesseract's Python binding is missing; install: "
                f"{PIP_HINT})"), ()
    if folder is None:
        return f"{NOT_INSTALLED} (no Tesseract language files; install: {APT_HINT})", ()
    langs = tuple(sorted(p.name[:-len(".traineddata")] for p in folder.glob("*.traineddata")))
    if "osd" not in langs:
        return (f"{NOT_INSTALLED} (Tesseract's script detection, osd.traineddata, is missing; "
                f"install: {APT_HINT})"), langs
    return "", langs


def unavailable() -> str:
    """Why pages cannot be read here (one line saying how to install), or ""."""
    return _probe()[0]


def installed_languages() -> tuple[str, ...]:
    """The language models installed (``eng``, ``kor`` …; ``osd`` included)."""
    return _probe()[1]


def version() -> str:
    """Tesseract's version as the binding reports it ("5.5.4"), or ""."""
    try:
        import tesserocr
    except ImportError:
        return ""
    return tesserocr.tesseract_version().split()[1] if unavailable() == "" else ""


_HK = f"{lexicon.HAN}{lexicon.KANA}\u3000-\u303f\uff00-\uffef"  # Han, Kana, CJK punctuation
# a space Tesseract put between two Han/Kana characters, or between one and a number
_HAN_KANA_GAP = re.compile(f"(?<=[{_HK}])[ \t]+(?=[{_HK}0-9])|(?<=[0-9])[ \t]+(?=[{_HK}])")
_HYPHEN_END = re.compile(r"(?<=[a-z])-$")


def join_lines(lines: list[str]) -> str:
    """One paragraph's lines as the script writes them: Han and Kana run on without
    spaces, other scripts with one; a word hyphenated at a line end ("diplo-",
    "matic") is joined when the next line goes on in lower case."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[0].islower():
            out = out[:-1] + line
        elif lexicon.CJK_CHAR.match(out[-1]) and lexicon.CJK_CHAR.match(line[0]) and \
                not re.match(f"[{lexicon.HANGUL}]", line[0]):
            out += line
        else:
            out += " " + line
    return _HAN_KANA_GAP.sub("", out)


def _fragmented(paragraphs: list[str]) -> bool:
    """Paragraphs mostly a few characters long: the layout analysis cut the lines
    into pieces (seen on Korean pages), not a page of short items."""
    lengths = sorted(len(p) for p in paragraphs)
    return len(lengths) >= 6 and lengths[len(lengths) // 2] < 20


class Reader:
    """Reads page images; keeps one Tesseract instance per language model loaded
    (a model takes 0.1-0.5 s to load).  Not thread-safe: one per thread."""

    def __init__(self, page_seconds: float = PAGE_SECONDS) -> None:
        why = unavailable()
        if why:
            raise RuntimeError(why)
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core: the indexer runs beside the app
        import tesserocr

        self._tess = tesserocr
        self._path = str(tessdata_dir())
        self._apis: dict[str, object] = {}
        self.page_seconds = page_seconds
        self.languages = set(installed_languages())

    def close(self) -> None:
        for api in self._apis.values():
            api.End()
        self._apis.clear()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _api(self, lang: str):
        if lang not in self._apis:
            psm = self._tess.PSM.OSD_ONLY if lang == "osd" else self._tess.PSM.AUTO
            self._apis[lang] = self._tess.PyTessBaseAPI(path=self._path, lang=lang, psm=psm)
        return self._apis[lang]

    def read(self, image, dpi: float | None = None) -> PageText:
        """The text of one page image (a Pillow image); never raises for a page
        that cannot be read: ``error`` says why."""
        from searchapp.ingest.ocr.prepare import greyscale, level, turn

        start = time.monotonic()
        try:
            page = greyscale(image)
            script, orient = self._script(page, round(dpi or 300))
            if orient:
                page = turn(page, orient)
            page, dpi_used, angle = level(page, dpi)
            angle += orient
            langs = [lg for lg in SCRIPT_LANGUAGES.get(script, ("eng",)) if lg in self.languages]
            result = PageText(script=script, angle=angle)
            if not langs:
                wanted = SCRIPT_LANGUAGES.get(script, ("eng",))[0]
                result.missing_language = wanted
                langs = ["eng"]
            self._recognize(page, dpi_used, langs, result, start)
        except Exception as exc:  # a damaged image, a Tesseract error: one line, never a crash
            return PageText(error=f"OCR failed ({type(exc).__name__}: {exc})",
                            seconds=time.monotonic() - start)
        result.seconds = time.monotonic() - start
        return result

    def _script(self, page, dpi: int) -> tuple[str, int]:
        """The page's script and how far to turn it upright (0, 90, 180, 270), from
        Tesseract's orientation and script detection; Latin, upright, when it has
        too little text to tell."""
        api = self._api("osd")
        if page.width > OSD_WIDTH:  # a third faster, the same answers (bench_ocr pages)
            factor = OSD_WIDTH / page.width
            page = page.resize((OSD_WIDTH, max(1, round(page.height * factor))))
            dpi = max(70, round(dpi * factor))
        api.SetImage(page)
        api.SetSourceResolution(dpi)
        try:
            found = api.DetectOrientationScript()
        except RuntimeError:
            found = None
        if not found:
            return "Latin", 0
        orient = int(found["orient_deg"]) if found["orient_conf"] >= 2.0 else 0
        return str(found["script_name"]), orient

    def _recognize(self, page, dpi: int, langs: list[str], result: PageText,
                   start: float) -> None:
        """Read ``page`` with each model of its script at Tesseract's automatic page
        segmentation; a page read with little confidence is read again as one
        column (Korean pages lost whole lines to the automatic layout); the most
        confident reading is kept."""
        tess = self._tess
        best = None
        tries = [(lang, tess.PSM.AUTO) for lang in langs]
        while tries:
            lang, psm = tries.pop(0)
            api = self._api(lang)
            api.SetPageSegMode(psm)
            api.SetImage(page)
            api.SetSourceResolution(dpi)
            left = self.page_seconds - (time.monotonic() - start)
            if left <= 0 or not api.Recognize(timeout=int(left * 1000)):
                if best is None:
                    result.error = (f"OCR gave up after {self.page_seconds:g} s "
                                    "(time limit per page)")
                break
            conf = float(api.MeanTextConf())
            if best is None or conf > best[0]:
                best = (conf, lang, self._paragraphs(api))
            if not tries and psm == tess.PSM.AUTO and (best[0] < RETRY_BELOW
                                                       or _fragmented(best[2])):
                tries.append((best[1], tess.PSM.SINGLE_COLUMN))
        if best is not None:
            result.error = ""
            result.confidence, result.language, result.paragraphs = best

    def _paragraphs(self, api) -> list[str]:
        """The paragraphs Tesseract found, rebuilt word by word from its boxes
        (:func:`words_to_lines`), without specks."""
        tess = self._tess
        para_level, line_level, word_level = tess.RIL.PARA, tess.RIL.TEXTLINE, tess.RIL.WORD
        out: list[str] = []
        lines: list[list[tuple[str, tuple[int, int, int, int]]]] = []
        confs: list[float] = []

        def flush() -> None:
            joined = join_lines(words_to_lines(lines))
            conf = sum(confs) / len(confs) if confs else 0.0
            if joined.strip() and not (conf < MIN_CONFIDENCE and len(joined) < 40
                                       or conf < MIN_CONFIDENCE / 2):
                out.append(joined)  # else specks, rules or a picture read as letters
            lines.clear()
            confs.clear()

        for word in tess.iterate_level(api.GetIterator(), word_level):
            if word.IsAtBeginningOf(para_level) and lines:
                flush()
            if word.IsAtBeginningOf(line_level) or not lines:
                lines.append([])
            text = (word.GetUTF8Text(word_level) or "").strip()
            box = word.BoundingBox(word_level)
            if text and box:
                lines[-1].append((text, box))
                confs.append(word.Confidence(word_level))
        if lines:
            flush()
        return out


_HANGUL = re.compile(f"[{lexicon.HANGUL}]")
#: Two Hangul words closer than this share of their height are one word.
HANGUL_GAP = 0.25


def words_to_lines(lines: list[list[tuple[str, tuple[int, int, int, int]]]]) -> list[str]:
    """Lines of text from Tesseract's words and their boxes ``(left, top, right,
    bottom)``.  Tesseract's Korean model cuts words into syllables ("회 담"), which
    no search for "회담" finds; two Hangul words closer than :data:`HANGUL_GAP` of
    their height are joined (a real space between Korean words is wider), as is a
    number and the Hangul counter after it ("7 일")."""
    out = []
    for words in lines:
        text, prev = "", None
        for word, box in words:
            if prev is not None and (_HANGUL.match(text[-1]) or text[-1].isdigit()) \
                    and _HANGUL.match(word[0]):
                height = max(box[3] - box[1], prev[3] - prev[1], 1)
                gap = box[0] - prev[2]
                text += word if gap < HANGUL_GAP * height else " " + word
            else:
                text += (" " if text else "") + word
            prev = box
        if text:
            out.append(text)
    return out
