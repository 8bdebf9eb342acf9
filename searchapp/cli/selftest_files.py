"""Small documents of every format the indexer reads, made without third-party writers.

The self-test (:mod:`searchapp.cli.selftest`) writes these into a temporary folder,
indexes it and searches each file's own phrase, so an installed or frozen build
proves it can open every format: PDFium's native library through pypdfium2,
python-docx (and the default styles it loads from its package data for a DOCX
without ``styles.xml``), lxml for ODT and EPUB, the standard library's
``email``, striprtf.  The PDF is written by hand (two pages, a text layer in
the standard Helvetica font): reportlab is only a test extra.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

#: File name -> (a phrase found only in it, the page it is on or None).
PHRASES: dict[str, tuple[str, int | None]] = {
    "report.pdf": ("liaison office in Kaesong", 2),
    "notes.docx": ("fisheries patrol agreement", None),
    "minutes.odt": ("joint coast guard exercise", None),
    "history.epub": ("armistice signed at Panmunjom", None),
    "brief.eml": ("family reunions resumed", None),
    "summit.rtf": ("statement signed in Singapore", None),
}


def write_samples(folder: Path) -> dict[str, tuple[str, int | None]]:
    """Write one small document of each format into ``folder``; returns :data:`PHRASES`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.pdf").write_bytes(pdf_bytes(PDF_PAGES))
    (folder / "notes.docx").write_bytes(docx_bytes())
    (folder / "minutes.odt").write_bytes(odt_bytes())
    (folder / "history.epub").write_bytes(epub_bytes())
    (folder / "brief.eml").write_bytes(EML.encode("ascii"))
    (folder / "summit.rtf").write_bytes(RTF.encode("ascii"))
    return PHRASES


# --- PDF --------------------------------------------------------------------------------

PDF_PAGES = [
    ["Talks on the Peninsula",
     "Negotiators from both sides met on Tuesday for the first round of talks",
     "in a year, and agreed an agenda for the summer months ahead of them."],
    ["The second round will discuss reopening the liaison office in Kaesong",
     "and a timetable for family reunions before the end of the year."],
]


def _pdf_string(text: str) -> bytes:
    return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode(
        "latin-1") + b")"


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines (the first line of the first page as a
    20 pt title, the rest 11 pt body text), and an info dictionary."""
    n = len(pages)
    font = 3 + 2 * n  # object numbers: 1 catalog, 2 pages, then page/content pairs
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n)), n)]
    for i, lines in enumerate(pages):
        ops, y = [b"BT"], 720
        for j, line in enumerate(lines):
            size = 20 if i == 0 and j == 0 else 11
            ops.append(b"/F1 %d Tf 1 0 0 1 72 %d Tm %s Tj" % (size, y, _pdf_string(line)))
            y -= 34 if size == 20 else 15
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Title (Talks on the Peninsula) /Author (Jane Doe) >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, len(objects), xref))
    return out.getvalue()


# --- DOCX, ODT, EPUB: zips of XML -------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def docx_bytes() -> bytes:
    """A DOCX of a heading, a paragraph and a one-row table (no styles part: python-docx
    then reads its own default styles from its package data)."""
    def para(text: str, style: str = "") -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"

    cell = "<w:tc>{}</w:tc>"
    body = (para("Fisheries Notes", "Heading1")
            + para("Both ministries welcomed the fisheries patrol agreement reached in May.")
            + "<w:tbl><w:tr>" + cell.format(para("Boats")) + cell.format(para("12"))
            + "</w:tr></w:tbl>")
    document = f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (f'<Relationships xmlns="{_REL}"><Relationship Id="rId1" Type="{_DOC_REL}" '
            'Target="word/document.xml"/></Relationships>')
    return _zip({"[Content_Types].xml": types, "_rels/.rels": rels,
                 "word/document.xml": document})


def odt_bytes() -> bytes:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (f'<office:document-content xmlns:office="{office}" xmlns:text="{text}">'
               "<office:body><office:text>"
               '<text:h text:outline-level="1">Coast Guard Minutes</text:h>'
               "<text:p>The meeting approved a joint coast guard exercise for the autumn."
               "</text:p></office:text></office:body></office:document-content>")
    meta = (f'<office:document-meta xmlns:office="{office}" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
            "<dc:title>Coast Guard Minutes</dc:title></office:meta></office:document-meta>")
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text",
                 "content.xml": content, "meta.xml": meta})


def epub_bytes() -> bytes:
    opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" '
           'version="3.0" unique-identifier="id"><metadata '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">selftest'
           "</dc:identifier><dc:title>A Short History</dc:title><dc:creator>Soo-ah Kim"
           "</dc:creator><dc:date>2021-07-27</dc:date></metadata><manifest>"
           '<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
           '<spine><itemref idref="c1"/></spine></package>')
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles></container>')
    chapter = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
               "<head><title>One</title></head><body><h1>Chapter One</h1><p>The armistice "
               "signed at Panmunjom in July 1953 ended the fighting but not the war, and "
               "nobody expected it to last seventy years.</p></body></html>")
    return _zip({"mimetype": "application/epub+zip", "META-INF/container.xml": container,
                 "OEBPS/content.opf": opf, "OEBPS/c1.xhtml": chapter})


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype"
                        else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- e-mail, RTF ------------------------------------------------------------------------

EML = """Subject: Weekly Peninsula Brief
From: Peninsula Brief <news@brief.example>
Date: Tue, 14 May 2024 08:00:00 +0000
Message-ID: <selftest@brief.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Officials confirmed on Monday that family reunions resumed at the Mount Kumgang centre.
"""

RTF = (r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}"
       r"{\info{\title Notes on the Summit}{\author Ji-ho Choi}}"
       r"\f0\fs24 Notes on the Summit\par\par "
       r"The leaders met and the statement signed in Singapore was short.\par}")


# --- a scan ------------------------------------------------------------------------------

#: The scanned page's file name and a phrase found only in it.
SCAN = ("scanned-letter.png", "ferry service to Incheon")
SCAN_LINES = [
    "The ministry confirmed that the ferry service to Incheon",
    "will resume in the spring, after a pause of three years.",
    "Tickets go on sale at the harbour office next month.",
]


def scan_png(lines: list[str] = SCAN_LINES) -> bytes:
    """A page of typed lines as a scanner or a phone gives it: grey, turned 1.5°, at
    about 200 dpi, in Pillow's own font (nothing from the system)."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1650, 1100), 245)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=34)
    for i, line in enumerate(lines):
        draw.text((160, 180 + i * 62), line, font=font, fill=25)
    page = page.rotate(1.5, resample=Image.BICUBIC, fillcolor=245)
    buf = io.BytesIO()
    page.save(buf, "PNG", dpi=(200, 200))
    return buf.getvalue()
