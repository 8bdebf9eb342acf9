"""Document metadata: dates, authors and the like, from the text and the catalog.

Plain-text articles carry their metadata as lines near the top ("Release
Date : 2023-10-05", "Date 2019-06-26 View 2,395 Writer Jae-hung Chung",
"By Jane Doe", "Published June 26, 2019").  Those lines are read and removed
from the body; so are, in the header alone (the lines above the first prose), a
date on a line of its own ("20 February 2025") and a "Title:" line, and a
Markdown note's front matter.  A title stated in a file's properties is weighed
against the one printed at its top (:func:`choose_title`), for PDF, DOCX and
ODT alike.  Dates are only ever real calendar dates written in the
document or the catalog, never guessed.  Bylines are reduced to names (and the
agency they credit, which becomes the source) by :mod:`searchapp.ingest.bylines`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from searchapp.ingest.bylines import BYLINE_OPENING, is_placeholder, is_role, parse_byline
from searchapp.ingest.persons.words import KOREAN_ROLES_AFTER, NATIVE_BYLINE
from searchapp.ingest.read import os_reason
from searchapp.ingest.text import has_cjk, normalize_space, text_size
from searchapp.lexicon import (
    HANGUL_SYLLABLES,
    MONTH,
    NAME_PARTICLES,
    SENTENCE_END,
    STOPS,
    WEEKDAYS,
    month_number,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_MONTH_RE = MONTH + r"\.?"
_ISO = re.compile(r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b")
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.I)

_RELEASE = re.compile(r"^(?:release date|published(?: on)?|posted(?: on)?|(?:last )?updated(?: on)?|date(?:d)?"
                      r"|날짜|일자|작성일|입력|등록일|日期|发布时间|發布時間|发布日期|發佈日期|时间|時間)"
                      r"\s*[:：]?\s*(?P<date>.+?)"
                      r"(?:\s+view\s+[\d,]+)?(?:\s+writer\s+(?P<writer>.+))?$", re.I)
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\s+"  # "de la" in a name
_BYLINE = re.compile(rf"^(?i:{BYLINE_OPENING}|writer|author)\s*:?\s+"
                     rf"(?P<names>[A-Z][\w.'’-]+(?:(?:[\s,|&]|\s-\s)+(?:and\s+)?(?:{_PARTICLE})*"
                     r"[A-Z][\w.'’-]+){0,9})$")
#: A byline whose name a job title follows in any case: "By Jane Roe, staff writer for X".
_BYLINE_ROLE = re.compile(rf"^(?i:{BYLINE_OPENING})\s*:?\s+(?P<names>[A-Z][\w.'’-]+"
                          r"(?:\s+[A-Z][\w.'’-]+){0,3})(?:,|\s[-–—|])\s*"
                          rf"(?P<role>[^{STOPS}]{{1,60}})$")
#: A memo's header written as labelled fields on one line ("To: Director. From: Ann Roe.
#: Date: 12 March 2025."): it opens with an addressing field, and its date field is the
#: document's date.
_MEMO_LINE = re.compile(r"^(?:to|from|cc|subject|re|memo(?:randum)?(?:\s+(?:for|to))?|"
                        r"수신|발신|제목|收件人|发件人|發件人|主题|主題|宛先|差出人|件名)\s*[:：]", re.I)
_MEMO_DATE = re.compile(r"(?:^|[.;|,]\s+|\s{2,}|\t)(?:date[d]?|날짜|일자|日期|日付)\s*[:：]?\s*"
                        r"(?P<date>[^;|]{4,40})", re.I)
#: A byline written with a CJK label: "作者：刘晓燕", "记者 王明", "글 김철수".
_NATIVE_BYLINE = re.compile(rf"^(?:作者|{'|'.join(NATIVE_BYLINE)})\s*[:：]?\s*"
                            rf"(?P<names>[^\s:：].{{0,40}})$")
#: Korean names as a byline writes them: one to three names of a family syllable and a
#: given name, 2-4 syllables each (two-syllable family names exist), apart by a space, "·"
#: or ",". Shared with the sign-offs' shape (furniture).
KOREAN_NAMES = (rf"[{HANGUL_SYLLABLES}]{{2,4}}"
                rf"(?:\s*[·,]?\s*[{HANGUL_SYLLABLES}]{{2,4}}){{0,2}}")
#: A Korean byline, the names before the role: "김민서 기자", "김민서·이서준 기자 ms@x.kr".
_KOREAN_BYLINE = re.compile(
    rf"^(?P<names>{KOREAN_NAMES})\s*"
    rf"(?:{'|'.join(KOREAN_ROLES_AFTER)})(?:\s*=)?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$")
#: A date as Chinese, Japanese and Korean write it: "2025年1月8日", "2025년 1월 8일".
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_ISSUE_LINE = re.compile(r"^No\.\s*\d{4}-\d+\s*\((?P<date>[^)]+)\)$")
_TITLE_LINE = re.compile(r"^(?:title|headline|제목|标题|標題|题目|題目)\s*[:：]\s*(?P<title>\S.{0,298})$",
                         re.I)
#: A header line naming where the text comes from: "Source: Radio Frontera", "출처: …".
_SOURCE_LINE = re.compile(r"^(?:source|출처|来源|來源)\s*[:：]\s*(?P<source>\S.{0,78})$", re.I)
#: What may stand around a date on a line of its own: a weekday or a place before it
#: ("Thursday, 20 February 2025", "Thu — 20 Feb 2025", "SEOUL, March 3, 2024"), a
#: time after it ("10:30 AM", "14:05 KST").
_DAY_OR_PLACE = re.compile(
    rf"^(?:(?:{'|'.join(d[:3] + '(?:' + d[3:] + ')?' for d in WEEKDAYS)})\.?\s*[,—–-]?|"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s*,)\s*")
# a time of day, perhaps with its zone ("at 10:42", "10.42am", "14:05 (KST)", "10:42 +09:00")
_CLOCK = (r"(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
          r"(?:\s*\(?[A-Z]{2,5}\)?|\s*[+-]\d{2}:?\d{2})?")
_TIME = re.compile(rf"^(?:,?\s*{_CLOCK})?$", re.I)
#: The header of a text ends at its first prose: a sentence of this many words or more,
#: or a paragraph of twice as many.
_PROSE_WORDS = 8
#: ... and after this many lines at most (a title, a standfirst, a byline, a date, a
#: label or two): a list of short lines has no header past them.
_HEADER_LINES = 6


def parse_date(text: str) -> str:
    """The first real calendar date written in ``text``, as ISO, or ``""``."""
    for rx, order in ((_ISO, "ymd"), (_MDY, "mdy"), (_DMY, "dmy"), (_CJK_DATE, "ymd")):
        m = rx.search(text or "")
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if order == "ymd":
                y, mo, d = int(a), int(b), int(c)
            elif order == "mdy":
                y, mo, d = int(c), month_number(a), int(b)
            else:
                y, mo, d = int(c), month_number(b), int(a)
            return date(y, mo, d).isoformat()
        except (ValueError, KeyError):
            continue
    return ""


def date_line(text: str) -> str:
    """The date a line is made of, as ISO, or ``""``: the line is one date ("2025-02-20",
    "20 February 2025", "Feb. 20, 2025"), perhaps after a weekday or a place and before
    a time ("Thursday, February 20, 2025 10:30 AM"); a line that says more is not one."""
    line = normalize_space(text).strip(" .|·•")
    line = _DAY_OR_PLACE.sub("", line, count=1) if not line[:1].isdigit() else line
    for rx in (_ISO_STAMP, _ISO, _MDY, _DMY, _CJK_DATE):
        m = rx.match(line)
        if m and _TIME.match(line[m.end():].strip(" .")):
            return iso_date(m.group(0))
    return ""


#: an ISO timestamp ("2025-02-20T10:30:00Z") as a whole
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?")


# a time of day alone ("10:42", "10.42am", "10:42 BST", "14:05 (KST)") or how long ago
# ("3 hours ago", "2 mins ago")
_TIME_ONLY = re.compile(rf"{_CLOCK}|"
                        r"(?:about |just )?\d{1,3}\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|"
                        r"days?)\s+ago|just now", re.I)
_STAMP_WRAP = " .|·•()[]（）【】"
_STAMP_LENGTH = 80  # characters: a line of a date or time alone is shorter
# what every date and time pattern above holds: a digit, or "just now"
_STAMP_NEEDS = re.compile(r"\d|just\s+now", re.I)


def may_be_stamp(text: str) -> bool:
    """Whether :func:`stamp_line` may find ``text`` a line of a date or time (a quick
    test: false only where it would say None)."""
    return bool(_STAMP_NEEDS.search(text)) and (
        len(text) <= _STAMP_LENGTH
        or len(text.split(None, _STAMP_LENGTH // 2)) <= _STAMP_LENGTH // 2)


def stamp_line(text: str) -> str | None:
    """What a line that is only a date and/or a time says: its date as ISO ("" for a
    time alone: "10:42 BST", "3 hours ago"), perhaps labelled ("Updated: ...",
    "发布时间：..."); None for a line that says anything more."""
    if not may_be_stamp(text):  # no digit, or a paragraph's words: no collapsing
        return None               # brings it under the length
    line = normalize_space(text).strip(_STAMP_WRAP)
    if not line or len(line) > _STAMP_LENGTH:
        return None
    m = _RELEASE.match(line)
    if m and not m.group("writer"):
        line = m.group("date").strip(_STAMP_WRAP)
    when = date_line(line)
    if when:
        return when
    return "" if _TIME_ONLY.fullmatch(line) else None


def is_prose(text: str) -> bool:
    """Whether a paragraph is the body's prose (a sentence of some words, or a long
    paragraph) rather than a line of a document's header (title, byline, date)."""
    words = len(text.split())
    if has_cjk(text):  # unspaced writing: a word for every six Latin letters' worth
        words = max(words, text_size(text) // 6)
    return words >= 2 * _PROSE_WORDS or words >= _PROSE_WORDS and bool(
        SENTENCE_END.search(text.rstrip()))


def iso_date(value: object) -> str:
    """An ISO date from a timestamp or property ("2022-11-08T10:00:00Z", which
    :func:`parse_date` does not read as a date) or from any written date
    ("Dec 17th 2025"), or ``""``."""
    text = str(value or "")
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})(?!\d)", text)
    return parse_date(m.group(1) if m else text)


@dataclass
class Metadata:
    """What is known about a document; empty strings where nothing is known."""

    title: str = ""
    source: str = ""
    url: str = ""
    date: str = ""
    year: int | None = None
    authors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    language: str = ""
    note: str = ""
    #: the byline as the document prints it ("By Jane Doe, Staff Writer | Reuters"), or
    #: "" -- kept as the document's byline paragraph, so its names are found by any search
    byline: str = ""
    #: the news agency the byline credits ("Reuters" in "By Jane Doe, Reuters"), or "":
    #: the source itself when the document names no site, else found by source: beside it
    agency: str = ""

    def merge(self, override: dict) -> Metadata:
        """Fields given (non-empty) in ``override`` replace ours."""
        for key, value in override.items():
            if key == "path" or value in ("", None, []):
                continue
            if key == "date":
                value = parse_date(str(value))
                if not value:
                    continue
            if key in ("authors", "translators") and isinstance(value, str):
                value = [value]
            if hasattr(self, key):
                setattr(self, key, value)
        if self.date:
            self.year = int(self.date[:4])
        return self


def take_metadata_lines(paragraphs: list[str], meta: Metadata, scan: int = 12) -> list[str]:
    """Read metadata lines near the top of a plain-text article into ``meta``
    and return the paragraphs without them.

    Labelled lines ("Date: ...", "Published ...", "By ...") are read in the first
    ``scan`` paragraphs; lines that say what they are only by their place -- a date
    on a line of its own, "Title: ..." -- only in the header, the lines before the
    first prose (:func:`is_prose`): a date deep in the body is never the document's."""
    return [p for p, kept in zip(paragraphs, _kept(paragraphs, meta, scan), strict=True) if kept]


def take_header_blocks(blocks: list[tuple], meta: Metadata, scan: int = 12) -> list[tuple]:
    """:func:`take_metadata_lines` over a loader's blocks (``(kind, text, ...)``)."""
    texts = [b[1] for b in blocks]
    return [b for b, kept in zip(blocks, _kept(texts, meta, scan), strict=True) if kept]


def printed_over_properties(blocks: list[tuple], meta: Metadata) -> tuple[list[tuple], Metadata]:
    """A document file's blocks without its header's byline and date lines, whose
    facts win over the file's properties in ``meta`` (a template's or an earlier
    draft's): a date the document writes ("Date: 12 March 2025", "日期：…", "날짜:") is
    its date, the properties' only where it writes none; so is a printed byline.
    Returns the blocks and what the header printed (its title, for the caller)."""
    printed = Metadata()
    blocks = take_header_blocks(blocks, printed)
    meta.date = printed.date or meta.date
    if meta.date:
        meta.year = int(meta.date[:4])
    if printed.authors:
        meta.authors, meta.byline = printed.authors, printed.byline
        meta.source = meta.source or printed.source
        meta.agency = meta.agency or printed.agency
    return blocks, printed


#: Creation stamps of the empty documents that tools copy into every new file (python-docx's
#: default template: every DOCX it writes says it was created then): no document's date.
TEMPLATE_STAMPS = frozenset(("2013-12-23T23:15:00",))


def property_date(*stamps: object) -> str:
    """The first of a file's property dates (created, modified, ...) that is not a
    template's stamp (:data:`TEMPLATE_STAMPS`), as ISO, or ``""``."""
    for stamp in stamps:
        text = stamp.isoformat() if hasattr(stamp, "isoformat") else str(stamp or "")
        if text and text.replace("Z", "")[:19].replace("+00:00", "") not in TEMPLATE_STAMPS:
            when = iso_date(text)
            if when:
                return when
    return ""


def _kept(paragraphs: list[str], meta: Metadata, scan: int) -> list[bool]:
    """For each paragraph: not a metadata line (its facts are put in ``meta``)."""
    out = []
    header = True
    for i, para in enumerate(paragraphs):
        header = header and i < min(scan, _HEADER_LINES) and (
            not is_prose(para) or not i and len(para) <= 300 and _TITLE_LINE.match(para))
        out.append(not (header and _header_line(para, meta, first=not i)
                        or i < scan and len(para) < 200 and _labelled_line(para, meta)))
    if meta.date and not meta.year:
        meta.year = int(meta.date[:4])
    return out


def _header_line(para: str, meta: Metadata, first: bool = False) -> bool:
    """A line of the header that is a date, a labelled title or source, or a Korean
    byline (the name before the role), read into ``meta``. The ``first`` line, while no
    title is known, is no byline: it is the title ("언론사 떠나는 젊은 기자", a headline)."""
    when = date_line(para)
    if when:
        meta.date = meta.date or when
        return True
    m = _TITLE_LINE.match(para)
    if m:
        meta.title = meta.title or m.group("title").strip()
        return True
    m = _SOURCE_LINE.match(para)
    if m:
        meta.source = meta.source or m.group("source").strip()
        return True
    m = None if first and not meta.title else _KOREAN_BYLINE.match(para)
    if m:  # names apart: Korean names are written without a space inside
        meta.byline = meta.byline or para
        take_byline(meta, "·".join(re.split(r"\s*[·,]?\s+|\s*[·,]\s*", m.group("names"))))
        return True
    return False


def _labelled_line(para: str, meta: Metadata) -> bool:
    """A release-date, issue or byline line, read into ``meta``."""
    m = _RELEASE.match(para)
    if m and iso_date(m.group("date")):
        meta.date = meta.date or iso_date(m.group("date"))
        if m.group("writer"):
            take_byline(meta, m.group("writer"))
        return True
    if _MEMO_LINE.match(para):
        m = _MEMO_DATE.search(para)
        when = parse_date(m.group("date")) if m else ""
        if when:
            meta.date = meta.date or when
        return False  # the addressing stays in the body, to be read and searched
    m = _ISSUE_LINE.match(para)
    if m and parse_date(m.group("date")):
        meta.date = meta.date or parse_date(m.group("date"))
        return True
    head, when = trailing_date(para)
    m = _BYLINE.match(head) or _NATIVE_BYLINE.match(head) or _role_byline(head)
    if m:
        meta.byline = meta.byline or head
        take_byline(meta, m.group("names"))
        meta.date = meta.date or when
        return True
    return False


def _role_byline(head: str) -> re.Match | None:
    """"By" and a name, then its job title (:data:`_BYLINE_ROLE`), where the name is one."""
    m = _BYLINE_ROLE.match(head)
    return m if m and is_role(m.group("role")) and parse_byline(m.group("names")).names \
        else None


_WEEKDAY_END = re.compile(rf"[\s,|·•—–-]*\b(?:{'|'.join(d[:3] for d in WEEKDAYS)})[a-z]*\.?$", re.I)


def trailing_date(line: str) -> tuple[str, str]:
    """A line ending in a date ("By Ann Roe | March 3, 2024 10:30"): what comes before
    it and the date as ISO; else the line and ``""``."""
    for rx in (_ISO, _MDY, _DMY, _CJK_DATE):
        for m in rx.finditer(line):
            when = iso_date(m.group(0))
            if when and m.start() and _TIME.match(line[m.end():].strip(" .")):
                head = _WEEKDAY_END.sub("", line[:m.start()].rstrip(" |·•,—–-/"))
                return head.rstrip(" |·•,—–-/"), when
    return line, ""


#: A file name or path where a title should be ("report_final_v2", "scan0001",
#: "C:/Users/ann/draft.tex"): one word holding an underscore, a path separator, a file
#: extension or a long run of digits.
_FILE_NAME = re.compile(r"[^\s]*(?:_|/|\\|\.[A-Za-z]\w{1,4}$|\d{3,})[^\s]*")
#: How alike (rapidfuzz's ratio of the folded texts) a file's own title and the title
#: printed on its first page are to be taken as the same title written two ways.
_SAME_TITLE = 85


def is_file_name(title: str) -> bool:
    """Whether a stated title is a file's name or path rather than a title."""
    return bool(_FILE_NAME.fullmatch(normalize_space(title)))


def choose_title(stated: str, printed: str, top: str) -> str:
    """A document's title: the one its properties state (a PDF's info dictionary, a
    DOCX's core properties) when it is plausible, else the one printed at its top
    (``printed``: the largest line, the Title-styled paragraph; ``top``: the text of
    its first page or first paragraphs).  A stated title is implausible when it is a
    producer's placeholder or a file name, or when the document prints another title
    and not this one (a stale title left by a template or an earlier draft); a printed
    title that holds the stated one whole is the fuller title."""
    stated = normalize_space(stated)
    if is_placeholder(stated) or is_file_name(stated):
        stated = ""
    if not stated or not printed:
        return stated or printed
    short, full = _fold(stated), _fold(printed)
    if short != full and short in full:  # "Annual Report" printed "Annual Report 2024"
        return printed
    if short in _fold(top) or fuzz.ratio(short, full) >= _SAME_TITLE:
        return stated
    return printed


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


#: A Markdown note's front matter: YAML between "---" lines (Jekyll, Hugo, Obsidian,
#: Pandoc) or TOML between "+++" lines (Hugo), at the very top of the file.
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")
_FRONT_ITEM = re.compile(r"^\s+-\s+(?P<value>.+)$")


def take_front_matter(text: str, meta: Metadata) -> str:
    """``text`` without its front matter, whose title, author(s) and date are read
    into ``meta`` (simple ``key: value`` lines, a list as ``[a, b]`` or as ``- a``
    lines; other keys are left alone)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    fields: dict[str, list[str]] = {}
    key = ""
    for line in m.group("body").splitlines():
        km, im = _FRONT_KEY.match(line), _FRONT_ITEM.match(line)
        if km:
            key = km.group("key").lower()
            value = km.group("value").strip()
            items = value[1:-1].split(",") if value.startswith("[") and value.endswith("]") \
                else [value]
            fields[key] = [v.strip().strip("'\"") for v in items if v.strip().strip("'\"")]
        elif im and key:
            fields.setdefault(key, []).append(im.group("value").strip().strip("'\""))
    title = fields.get("title", [])
    meta.title = meta.title or (title[0] if title else "")
    for key in ("date", "published", "created"):
        when = iso_date(fields.get(key, [""])[0]) if fields.get(key) else ""
        if when:
            meta.date = meta.date or when
            break
    names = fields.get("author") or fields.get("authors") or []
    if names:
        take_byline(meta, ", ".join(names))
    if meta.date and not meta.year:
        meta.year = int(meta.date[:4])
    return text[m.end():]


def take_byline(meta: Metadata, text: str) -> None:
    """A byline's names as ``meta``'s authors (if it has none yet), the agency it
    credits as its source (if it has none yet)."""
    byline = parse_byline(text)
    meta.byline = meta.byline or normalize_space(text)
    meta.authors = meta.authors or byline.names
    meta.source = meta.source or byline.agency
    meta.agency = meta.agency or byline.agency


class Catalog:
    """Curated per-document metadata from ``catalog.toml``, keyed by relative path."""

    def __init__(self, entries: dict[str, dict] | None = None) -> None:
        self.entries = entries or {}
        self.problems: list[tuple[str, str]] = []  # (file name, reason): reported, not fatal

    @classmethod
    def load(cls, path: Path | str) -> Catalog:
        """The catalog; one that cannot be read is reported in ``problems`` and ignored."""
        path = Path(path)
        if not path.exists():
            return cls()
        data, problem = read_toml(path)
        rows = data.get("document", [])
        catalog = cls({str(row["path"]): row for row in rows
                       if isinstance(row, dict) and "path" in row})
        if problem:
            catalog.problems.append((path.name, problem))
        return catalog

    @classmethod
    def load_layers(cls, paths) -> Catalog:
        """The catalogs at ``paths`` combined: a later one's fields for a document
        replace an earlier one's (the data folder's, then a folder's own)."""
        layers = [cls.load(p) for p in dict.fromkeys(Path(p) for p in paths)]
        if len(layers) == 1:
            return layers[0]
        entries: dict[str, dict] = {}
        for layer in layers:
            for key, row in layer.entries.items():
                entries[key] = {**entries.get(key, {}), **row}
        catalog = cls(entries)
        catalog.problems = [p for layer in layers for p in layer.problems]
        return catalog

    def get(self, relpath: str) -> dict:
        return self.entries.get(relpath, {})


def read_toml(path: Path) -> tuple[dict, str | None]:
    """A TOML file's contents, or ``({}, reason)`` when it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text("utf-8")), None
    except OSError as exc:
        return {}, f"cannot read: {os_reason(exc)}"
    except UnicodeDecodeError:
        return {}, "not UTF-8 text; it was ignored"
    except tomllib.TOMLDecodeError as exc:
        return {}, f"invalid TOML ({exc}); it was ignored until fixed"
