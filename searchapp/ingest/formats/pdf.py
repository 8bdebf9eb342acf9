"""PDF files: text with positions from PDFium (pypdfium2), laid out by :mod:`pdflayout`.

PDFium was chosen over pypdf and pdfplumber by measurement
(``benchmarks/bench_formats.py``): it gives text runs with their boxes in C,
so a page costs a few hundred calls instead of one Python object per
character.  Per page, PDFium's text rectangles (runs of text on one line)
are read with their text and font size, merged into lines, and handed to
:mod:`searchapp.ingest.formats.pdflayout` for columns, running headers and footers,
paragraphs and hyphenation; the values typed into a form's fields are read beside
the text (:mod:`searchapp.ingest.formats.pdfforms`).

Metadata: the author and date printed in the first page's header (above its
first prose) win over the info dictionary's; its title is used where plausible
(not a placeholder such as "Microsoft Word - draft.docx", not a file name, and
printed on the first page or close to the largest line there), else the
largest line(s) at the top.  ``CreationDate`` (else ``ModDate``) records when
the file was made, so it is used only when no date is printed in the header.

Bounds: a Flate stream that is not an image and inflates past
:data:`MAX_STREAM` is refused before PDFium sees the file (PDFium inflates a
page's content whole, so a 200 KB stream of spaces would cost 200 MB);
:data:`MAX_PAGES` pages, :data:`MAX_RECTS_PER_PAGE` text runs per
page, :data:`MAX_TEXT` characters and :data:`TIME_BUDGET` seconds per file;
past them the pages read so far are indexed and a warning says so.  The
file's size is capped before it is opened (:data:`searchapp.ingest.read.MAX_BYTES`).
PDFium is not thread-safe: call this from one thread per process (the
indexer reads in processes).
"""

from __future__ import annotations

import re
import time
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from searchapp.ingest.bylines import parse_byline
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.formats.pdfforms import form_blocks, open_forms
from searchapp.ingest.formats.pdflayout import (
    Line,
    Para,
    body_size,
    drop_furniture,
    order_pages,
    paragraphs,
)
from searchapp.ingest.metadata import (
    Metadata,
    choose_title,
    is_prose,
    parse_date,
    take_byline,
    take_header_blocks,
    take_metadata_lines,
    trailing_date,
)
from searchapp.ingest.ocr.pages import pdf_page, pdf_scan_pages, read_scans
from searchapp.ingest.read import LoadError

MAX_PAGES = 2000
#: Most bytes one compressed (Flate) stream other than an image may inflate to.
MAX_STREAM = 64 * 1024 * 1024
MAX_RECTS_PER_PAGE = 20_000
MAX_TEXT = 16_000_000
TIME_BUDGET = 120.0  # seconds

# typographic ligatures (a search for "financial" must find "ﬁnancial")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
# PDFium ends a line with "\r\n", or with U+FFFE where a word was hyphenated
# across the line end (the next line then follows without a break)
_LINE_END = re.compile("\r\n|\ufffe")
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def load_pdf(raw: bytes, scans=None) -> Extracted:
    """The text of a PDF as paginated blocks with metadata; :class:`LoadError` says
    why a file cannot be read (encrypted, damaged, no text at all).  Pages that are
    scans (:func:`~searchapp.ingest.ocr.pages.pdf_scan_pages`) get the text OCR
    read from them (``scans``, see :func:`~searchapp.ingest.ocr.pages.read_scans`)
    or are named in ``Extracted.scans`` to be read later; typed pages never are."""
    _check_streams(raw)
    pdf = _open(raw)
    try:
        total = len(pdf)
        if total == 0:
            raise LoadError("damaged PDF (no pages)")
        forms = open_forms(pdf)  # before any page is loaded
        pages, heights, warnings = _read_pages(pdf, total)
        fields = form_blocks(pdf, len(pages)) if forms else []
        info = _info(pdf)
        scanned = pdf_scan_pages(pdf, [sum(len(ln.text.strip()) for ln in p) for p in pages])
        ocr = read_scans(scanned, scans, lambda page: pdf_page(pdf, page))
    finally:
        pdf.close()
    pages = [[] if i + 1 in scanned else p for i, p in enumerate(pages)]  # a stamped number
    _check_text_layer(pages, warnings, len(scanned))
    pages = drop_furniture(pages, heights)
    lines = order_pages(pages)
    paras = paragraphs(lines)
    meta = Metadata()
    read = ocr.blocks
    if 1 in scanned and read:  # a scanned first page: its header as OCR read it gives the
        first = [b for b in read if b[2] == 1]  # date ("Oslo, 3 December 2025"), not the
        read = take_header_blocks(first, meta) + [b for b in read if b[2] != 1]  # scanner's
        for _kind, text, _page in first[:2]:  # OCR joins the header's lines: "Press
            if not meta.date and len(text) < 120 and not is_prose(text):  # Release No. 47
                meta.date = trailing_date(text)[1]  # Oslo, 3 December 2025"
    blocks = _blocks(paras, body_size(lines), meta, info)
    if scanned or fields:  # in page order, each page's form values after its text
        blocks = sorted(blocks + read + fields, key=lambda b: b[2] or 0)
    return Extracted(blocks=blocks, meta=meta, extractor="pdfium", encoding="pdf",
                     warnings=warnings + ocr.warnings, scans=ocr.pending, scanned=ocr.read)


def _check_text_layer(pages: list[list[Line]], warnings: list[str], scans: int = 0) -> None:
    """Refuse a file without usable text and without scanned pages; warn when most
    pages have neither."""
    if not any(pages) and not scans:
        raise LoadError("no text layer and no scanned pages")
    text = "".join(ln.text for page in pages for ln in page)
    visible = len("".join(text.split()))  # not a character at a time: ~10 % of a page
    if visible and len(_UNMAPPED.findall(text)) > 0.5 * visible:
        raise LoadError("no usable text layer (its fonts map no characters to Unicode)")
    empty = sum(1 for p in pages if not p) - scans
    if empty > len(pages) // 2:
        warnings.append(f"{empty} of {len(pages)} pages have no text")


_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]")  # a glyph without Unicode, or private use
_STREAM = re.compile(rb"stream\r?\n")


def _check_streams(raw: bytes) -> None:
    """Refuse a file with a decompression bomb: every Flate stream that is not an
    image is inflated in chunks (without keeping the output) up to :data:`MAX_STREAM`."""
    for m in _STREAM.finditer(raw):
        head = raw[max(0, m.start() - 600):m.start()]
        if b"endstream" == raw[m.start() - 3:m.start() + 6] or b"Flate" not in head \
                or b"/Image" in head[head.rfind(b"<<"):]:
            continue
        end = raw.find(b"endstream", m.end())
        data = raw[m.end():end if end > 0 else len(raw)]
        inflater = zlib.decompressobj()
        total = 0
        try:
            while data and total <= MAX_STREAM:
                total += len(inflater.decompress(data, 1 << 20))
                data = inflater.unconsumed_tail
        except zlib.error:
            continue  # damaged data: PDFium decides what it can read
        if total > MAX_STREAM:
            raise LoadError(f"a compressed stream inflates past {MAX_STREAM >> 20} MiB: "
                            "refused as a possible decompression bomb")


def _open(raw: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise LoadError("encrypted (password required)") from exc
        if "security" in msg.lower():
            raise LoadError("encrypted with an unsupported security scheme") from exc
        if "format" in msg.lower() or "file" in msg.lower():
            raise LoadError(f"damaged or truncated PDF ({msg})") from exc
        raise LoadError(f"cannot be read as a PDF ({msg})") from exc


def _read_pages(pdf: pdfium.PdfDocument, total: int
                ) -> tuple[list[list[Line]], list[float], list[str]]:
    """Each page's lines (unordered) and height, within the caps."""
    start = time.monotonic()
    pages: list[list[Line]] = []
    heights: list[float] = []
    warnings: list[str] = []
    chars = 0
    for index in range(min(total, MAX_PAGES)):
        if time.monotonic() - start > TIME_BUDGET or chars > MAX_TEXT:
            why = "time" if chars <= MAX_TEXT else "text size"
            warnings.append(f"only the first {index} of {total} pages were read "
                            f"({why} limit per file)")
            return pages, heights, warnings
        try:
            lines, height, cut = _page_lines(pdf, index)
        except pdfium.PdfiumError as exc:
            warnings.append(f"page {index + 1} could not be read ({exc})")
            lines, height, cut = [], 792.0, False
        if cut:
            warnings.append(f"page {index + 1}: only its first {MAX_RECTS_PER_PAGE} "
                            "text runs were read")
        chars += sum(len(ln.text) for ln in lines)
        pages.append(lines)
        heights.append(height)
    if total > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES} of {total} pages were read (page limit)")
    return pages, heights, warnings


def _page_lines(pdf: pdfium.PdfDocument, index: int) -> tuple[list[Line], float, bool]:
    """The text runs of one page merged into lines; True when the run cap cut it."""
    page = pdf[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            runs, cut = _page_runs(textpage, index + 1)
        finally:
            textpage.close()
    finally:
        page.close()
    return _merge_runs([r for r in runs if r.text.strip()]), height, cut


def _page_runs(textpage: pdfium.PdfTextPage, page_no: int) -> tuple[list[Line], bool]:
    """Text runs with their boxes.  The page's text is read in one call and cut at
    the line breaks PDFium puts in it; each line's box comes from PDFium's text
    rectangles for its character range (one, or one per stretch of a line split
    by a wide gap, as between two columns on the same baseline)."""
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():  # astral characters: text and char indices differ
        return _runs_by_rects(textpage, page_no)
    runs: list[Line] = []
    start = 0
    for m in _LINE_END.finditer(text):
        piece = text[start:m.start() + (1 if m.group() == "\ufffe" else 0)]
        if piece.strip():
            runs += _line_runs(textpage, page_no, start, piece)
        start = m.end()
        if len(runs) >= MAX_RECTS_PER_PAGE:
            return runs[:MAX_RECTS_PER_PAGE], True
    if text[start:].strip():
        runs += _line_runs(textpage, page_no, start, text[start:])
    return runs, False


def _line_runs(textpage: pdfium.PdfTextPage, page_no: int, start: int, text: str) -> list[Line]:
    n = textpage.count_rects(start, len(text))
    if n <= 0:
        return []
    size = _font_size(textpage, start, text)
    text = clean_text(text)
    rects = sorted((textpage.get_rect(k) for k in range(n)), key=lambda r: r[0])
    size = size or (rects[0][3] - rects[0][1])
    groups = _rect_groups(rects, size)
    if len(groups) == 1:
        (left, bottom, right, top), = groups
        return [Line(page_no, left, bottom, right, top, size, text)]
    # stretches far apart (two columns on one baseline): cut the text where each begins
    cuts = [textpage.get_index(g[0] + 0.5, (g[1] + g[3]) / 2, 1.0, 1.0) for g in groups[1:]]
    offsets = [c - start for c in cuts if c is not None]
    if len(offsets) != len(cuts) or offsets != sorted(offsets) or \
            not all(0 < o < len(text) for o in offsets):
        return _split_by_gaps(textpage, page_no, start, text, size)
    pieces = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]
    return [Line(page_no, g[0], g[1], g[2], g[3], size, piece)
            for g, piece in zip(groups, pieces, strict=True)]


def clean_text(text: str) -> str:
    """A line's text as PDFium gives it, made searchable: ligatures spelled out,
    soft hyphens inside the line dropped, the hyphen PDFium marks at a line end
    (U+FFFE) kept as the marker :mod:`pdflayout` joins on (U+0002)."""
    text = text.translate(_LIGATURES).replace("\ufffe", "\x02")
    if "\xad" in text[:-1]:
        text = text[:-1].replace("\xad", "") + text[-1]
    return text


def _rect_groups(rects: list[tuple[float, float, float, float]], size: float
                 ) -> list[tuple[float, float, float, float]]:
    """PDFium's rectangles of one line (words, font changes) joined where they
    are close: a new group starts after a gap wider than the font size, or on
    another baseline."""
    groups = [list(rects[0])]
    for left, bottom, right, top in rects[1:]:
        g = groups[-1]
        if left - g[2] > 1.2 * size or abs(bottom - g[1]) > 0.6 * size and top < g[1]:
            groups.append([left, bottom, right, top])
        else:
            g[1], g[2], g[3] = min(g[1], bottom), max(g[2], right), max(g[3], top)
    return [tuple(g) for g in groups]


def _font_size(textpage: pdfium.PdfTextPage, start: int, text: str) -> float:
    """The line's font size, at its first letter or digit (a bullet or symbol in
    another font says nothing about the line)."""
    first = next((i for i, ch in enumerate(text) if ch.isalnum()),
                 len(text) - len(text.lstrip()))
    return pdfium_c.FPDFText_GetFontSize(textpage.raw, start + first)


def _split_by_gaps(textpage: pdfium.PdfTextPage, page_no: int, start: int, text: str,
                   size: float) -> list[Line]:
    """A line PDFium gives several rectangles: its characters' boxes, cut where the
    gap to the next character is wider than the font size."""
    runs: list[Line] = []
    current: Line | None = None
    for i, ch in enumerate(text):
        if ch.isspace():
            if current is not None:
                current.text += ch
            continue
        left, bottom, right, top = textpage.get_charbox(start + i)
        if current is None or left - current.x1 > max(size, 1.0) or left < current.x0:
            current = Line(page_no, left, bottom, right, top, size or (top - bottom), ch)
            runs.append(current)
        else:
            current.text += ch
            current.x1, current.top = max(current.x1, right), max(current.top, top)
            current.bottom = min(current.bottom, bottom)
    return runs


def _runs_by_rects(textpage: pdfium.PdfTextPage, page_no: int) -> tuple[list[Line], bool]:
    """Text runs from PDFium's rectangles and the text inside each (slower: used
    when the page's text does not line up with its characters)."""
    n = textpage.count_rects()
    return [_run(textpage, i, page_no) for i in range(min(n, MAX_RECTS_PER_PAGE))], \
        n > MAX_RECTS_PER_PAGE


def _run(textpage: pdfium.PdfTextPage, i: int, page_no: int) -> Line:
    left, bottom, right, top = textpage.get_rect(i)
    text = textpage.get_text_bounded(left, bottom, right, top)
    text = clean_text(text.replace("\r", " ").replace("\n", " "))
    idx = textpage.get_index(left + 0.5, (bottom + top) / 2, 1.0, 1.0)
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, idx) if idx is not None else 0.0
    return Line(page_no, left, bottom, right, top, size or (top - bottom), text)


def _merge_runs(runs: list[Line]) -> list[Line]:
    """Runs on the same baseline and close together become one line."""
    out: list[Line] = []
    for run in sorted(runs, key=lambda r: (-round(r.bottom), r.x0)):
        last = out[-1] if out else None
        if last is not None and abs(last.bottom - run.bottom) < 0.3 * run.size \
                and 0 <= run.x0 - last.x1 < 1.2 * run.size:
            gap = "" if last.text.endswith(" ") or run.x0 - last.x1 < 0.1 * run.size else " "
            last.text = f"{last.text}{gap}{run.text}"
            last.x1, last.top = run.x1, max(last.top, run.top)
            last.size = max(last.size, run.size)
        else:
            out.append(run)
    for ln in out:
        ln.text = " ".join(ln.text.split())
    return out


# --- metadata and blocks ----------------------------------------------------------------


def _info(pdf: pdfium.PdfDocument) -> dict[str, str]:
    try:
        return {k: (v or "").strip() for k, v in pdf.get_metadata_dict().items()}
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return {}


def _blocks(paras: list[Para], size: float, meta: Metadata, info: dict[str, str]
            ) -> list[tuple[str, str, int | None]]:
    """Blocks with kinds; the first page's title, byline and date taken into ``meta``.

    The header is page 1 down to the first prose paragraph: only there is a line
    read as the byline or the date ("By Jane Doe", "March 3, 2024", "Published 3
    May 2024"); the title is the largest line (or lines) near its top."""
    visible = _visible_title(paras, size)
    blocks: list[tuple[str, str, int | None]] = []
    header = True
    for i, p in enumerate(paras):
        if any(p is v for v in visible):
            if p is visible[0]:
                blocks.append(("heading", " ".join(v.text for v in visible), p.page))
            continue
        header = header and p.page == 1 and i < 12 and not is_prose(p.text)
        if header and not take_metadata_lines([p.text], meta, scan=1):
            continue  # "By Jane Doe", "Published 3 May 2024", "March 3, 2024"
        if header and visible and not meta.authors and _names_only(p.text, paras):
            meta.byline = p.text  # the authors' line under a report's title, no "By"
            take_byline(meta, p.text)
            continue
        kind = "note" if p.foot else \
            "heading" if p.size > 1.15 * size and len(p.text) < 300 else "body"
        blocks.append((kind, p.text, p.page))
    _apply_info(meta, info, visible, paras)
    return blocks


#: One person's name: two to four capitalized words, particles between ("Ana de la Vega").
_PERSON_NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|da|di|del|la|le|van|von|der|den|bin|"
                          r"al|el)\s+)*[A-Z][\w'’.-]+){1,3}")
_NAME_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def _names_only(text: str, paras: list[Para]) -> bool:
    """Whether a header line is nothing but persons' names ("Fatoumata Diallo-Kergoat and
    Henrik Solberg"): at most six, each two to four capitalized words none of which
    the document writes in lower case ("Policy Brief", "New York" are not), read as
    names by the byline rules."""
    pieces = _NAME_JOIN.split(text.strip())
    if not (1 <= len(pieces) <= 6 and len(text) < 150
            and all(_PERSON_NAME.fullmatch(x) for x in pieces)):
        return False
    lower = {w for p in paras for w in _LOWER_WORD.findall(p.text)}
    return not any(w.casefold() in lower for x in pieces for w in x.split() if w[:1].isupper()) \
        and len(parse_byline(text).names) == len(pieces)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")


def _visible_title(paras: list[Para], size: float) -> list[Para]:
    """The largest text near the top of the first page, if larger than the body: its
    paragraph and those right after it in the same size (a title over two lines)."""
    first = [p for p in paras[:8] if p.page == 1 and len(p.text) < 250]
    if not first:
        return []
    best = max(first, key=lambda p: p.size)
    if best.size <= 1.15 * size:
        return []
    at = paras.index(best)
    title = [best]
    for p in paras[at + 1:at + 3]:
        if p.page != 1 or abs(p.size - best.size) > 0.05 * best.size \
                or sum(len(t.text) for t in title) + len(p.text) > 250:
            break
        title.append(p)
    return title


def _apply_info(meta: Metadata, info: dict[str, str], visible: list[Para],
                paras: list[Para]) -> None:
    """The title: the info dictionary's where it is plausible, else the largest line
    (:func:`~searchapp.ingest.metadata.choose_title`); author and date from it where
    the first page printed none (``CreationDate``, else ``ModDate``)."""
    printed = " ".join(p.text for p in visible)
    first_page = " ".join(p.text for p in paras if p.page == 1)
    meta.title = meta.title or choose_title(info.get("Title", ""), printed, first_page)
    if not meta.authors:
        take_byline(meta, info.get("Author", ""))
    for key in ("CreationDate", "ModDate"):
        m = _PDF_DATE.match(info.get(key, ""))
        if not meta.date and m:
            meta.date = parse_date(f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}")
    if meta.date:
        meta.year = int(meta.date[:4])
