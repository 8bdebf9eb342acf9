"""Real files of every supported format, generated for the tests and the benchmark.

PDFs are laid out line by line with reportlab's canvas, so the tests know
exactly where each line, column, hyphen and page break falls.  A ``|`` in a
paragraph forces a line break there (after a hyphen: a hyphenated line end).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TITLE = "Seoul and Beijing Test a Two-Track Approach"
HEADER = "Korea Policy Review"

PARAGRAPHS = [
    "The two governments opened talks in March on a framework that both sides describe "
    "as a two-track process, with security questions separated from trade. Officials "
    "said the first round was cordial and produced an agreed agenda for the summer.",
    "Observers noted that the diplo-|matic calendar is crowded. The China-|Korea "
    "consultations will run beside the trade talks, and neither side wants the agenda "
    "of one to slow the other. Diplomatic staff on both sides have been enlarged.",
    "A senior official said the two-|track design was chosen because earlier talks "
    "had stalled whenever a single issue became contentious. Keeping the tracks apart "
    "lets negotiators bank progress where it is possible.",
    "Trade officials focused on supply chains for batteries and semiconductors, where "
    "both economies depend on each other more than their public statements suggest. "
    "Exporters in both countries have asked for predictable rules on licences.",
    "Security officials discussed maritime incidents in the Yellow Sea, fishing "
    "disputes and the hotline between the two navies, which has gone unanswered "
    "several times this year according to people familiar with the talks.",
    "Analysts in Seoul were cautious. One researcher said the process could survive "
    "a change of government only if parliament endorsed it, while another argued "
    "that informal channels had always mattered more than formal frameworks.",
]


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy line breaking; ``|`` forces a break."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for chunk in text.split("|"):
        line = ""
        for word in chunk.split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return [ln for ln in lines if ln]


def make_pdf(path: Path, paragraphs: list[str] | None = None, *, title: str = TITLE,
             columns: int = 2, pages_min: int = 2, info_title: str = "Microsoft Word - draft3.docx",
             byline: str | None = "By Jane Doe", dateline: str | None = "March 3, 2024",
             header: str | None = HEADER, page_numbers: bool = True,
             column_lines: int = 11, encrypt: str | None = None,
             info_author: str | None = None) -> Path:
    """A report laid out in ``columns`` columns, with a spanning title block on
    page 1, a running header and "Page N of M" footers.  ``column_lines``
    lines fit in a column, so a paragraph can be made to cross a column or
    page break."""
    from reportlab.pdfgen import canvas

    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    width, height = 612.0, 792.0
    margin, gutter, size, leading = 54.0, 24.0, 10.0, 13.0
    col_w = (width - 2 * margin - gutter * (columns - 1)) / columns
    lines: list[tuple[str, bool]] = []  # (text, paragraph starts here)
    for para in paragraphs:
        for i, ln in enumerate(_wrap(para, col_w, "Helvetica", size)):
            lines.append((ln, i == 0))
    # lay out: a paragraph start after the first line of a column gets a gap line
    pages: list[list[tuple[float, float, str]]] = []  # per page: (x, y, text)
    page: list[tuple[float, float, str]] = []
    col, row, top = 0, 0, height - margin - (110 if title else 30)
    for text, starts in lines:
        if starts and row > 0:
            row += 0.6
        if row + 1 > column_lines:
            col, row = col + 1, 0
            if col == columns:
                pages.append(page)
                page, col, top = [], 0, height - margin - 30
        x = margin + col * (col_w + gutter)
        page.append((x, top - row * leading, text))
        row += 1
    pages.append(page)
    while len(pages) < pages_min:
        pages.append([])
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=1)
    c.setTitle(info_title)
    if info_author is not None:
        c.setAuthor(info_author)
    c.setCreator("reportlab")
    for n, body in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(margin, height - 30, header)
        if n == 1 and title:
            c.setFont("Helvetica-Bold", 20)
            c.drawString(margin, height - margin - 20, title)
            c.setFont("Helvetica", 10)
            if byline:
                c.drawString(margin, height - margin - 45, byline)
            if dateline:
                c.drawString(margin, height - margin - 60, dateline)
        c.setFont("Helvetica", size)
        for x, y, text in body:
            c.drawString(x, y, text)
        if page_numbers:
            c.setFont("Helvetica", 8)
            c.drawString(width / 2 - 20, 30, f"Page {n} of {len(pages)}")
        c.showPage()
    c.save()
    data = buf.getvalue()
    if encrypt is not None:
        data = _encrypt(data, encrypt)
    path.write_bytes(data)
    return path


def _encrypt(data: bytes, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner",
                   algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_long_pdf(path: Path, pages: int) -> Path:
    """A ``pages``-page two-column report (for the page cap and the benchmark)."""
    paras = []
    for i in range(pages * 13):
        base = PARAGRAPHS[i % len(PARAGRAPHS)].replace("|", "")
        paras.append(f"Section {i}: {base}")
    return make_pdf(path, paras, pages_min=pages, column_lines=40)


#: What :func:`make_layout_pdf` draws: ("column", x, width, paragraphs[, first-line
#: indent]) flows paragraphs down a box from ``top``; ("text", x, text[, size]) one line;
#: ("centre", text[, size]) one line centred on the page; ("gap", points) moves down.
LayoutItem = tuple


def make_layout_pdf(path: Path, pages: list[list[list[LayoutItem]]], *, size: float = 10.0,
                    leading: float = 13.0, top: float = 720.0) -> Path:
    """A PDF drawn line by line from ``pages``: each page a list of bands from the top
    down, each band a list of items placed side by side from the band's top
    (``LayoutItem``); the next band starts below the lowest line of this one.
    Paragraphs in a column are wrapped to its width and separated by a blank
    half line; a paragraph given as ``["a", "b"]`` is already broken into lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    width = 612.0
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, 792.0), invariant=1)
    for page in pages:
        y = top
        for band in page:
            lowest = y
            for item in band:
                kind = item[0]
                if kind == "gap":
                    lowest = min(lowest, y - item[1])
                    continue
                if kind in ("text", "centre"):
                    text = item[2] if kind == "text" else item[1]
                    fsize = (item[3] if kind == "text" else item[2]) if len(item) > (
                        3 if kind == "text" else 2) else size
                    x = item[1] if kind == "text" else (width - stringWidth(
                        text, "Helvetica", fsize)) / 2
                    c.setFont("Helvetica", fsize)
                    c.drawString(x, y, text)
                    lowest = min(lowest, y - leading * fsize / size)
                    continue
                _, x, col_w, paras, *rest = item
                indent = rest[0] if rest else 0.0
                c.setFont("Helvetica", size)
                yy = y
                for n, para in enumerate(paras):
                    if n:
                        yy -= leading * 0.5
                    lines = para if isinstance(para, list) else \
                        _wrap(para, col_w - indent, "Helvetica", size)
                    for i, ln in enumerate(lines):
                        c.drawString(x + (indent if i == 0 else 0), yy, ln)
                        yy -= leading
                lowest = min(lowest, yy)
            y = lowest - leading * 0.5
        c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def make_scanned_pdf(path: Path, text_pages: int = 0, pages: int = 2) -> Path:
    """Pages with only a drawing on them (no text layer); the first ``text_pages``
    carry a line of text."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792), invariant=1)
    for n in range(pages):
        if n < text_pages:
            c.drawString(72, 700, "A cover page typed before the scanned pages were added.")
        c.rect(100, 100, 300, 400, fill=1)
        c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())
    return path


def make_stream_bomb_pdf(path: Path, megabytes: int = 200) -> Path:
    """A one-page PDF whose content stream (about 200 KB) inflates to ``megabytes`` MiB."""
    import zlib

    packer = zlib.compressobj(9)
    parts = [packer.compress(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n")]
    spaces = b" " * (1 << 20)
    parts += [packer.compress(spaces) for _ in range(megabytes)]
    stream = b"".join(parts) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


# --- office documents -----------------------------------------------------------------


def make_docx(path: Path, *, title: str = "Alliance Costs in Review",
              author: str = "Min-ji Park") -> Path:
    """A DOCX with a heading, paragraphs, a table between them and core properties."""
    import datetime

    import docx

    d = docx.Document()
    d.core_properties.title = title
    d.core_properties.author = author
    d.core_properties.created = datetime.datetime(2023, 5, 17, 9, 30)
    d.add_heading("Alliance Costs in Review", level=1)
    d.add_paragraph("The cost-sharing agreement was renewed after long negotiations "
                    "between the allies, with a rise tied to the defence budget.")
    d.add_heading("The numbers", level=2)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Year"
    table.cell(0, 1).text = "Contribution"
    table.cell(1, 0).text = "2023"
    table.cell(1, 1).text = "1.2 trillion won"
    merged = table.add_row()
    merged.cells[0].merge(merged.cells[1]).text = "Agreed in March"
    d.add_paragraph("Critics said the formula ignores inflation and the cost of land "
                    "provided free of charge to the bases.")
    d.save(str(path))
    return path


def make_odt(path: Path, *, title: str = "Fisheries Dispute Notes",
             creator: str = "Hae-won Lee") -> Path:
    """An ODT made with odfpy: a heading, two paragraphs, a table and metadata."""
    from odf import dc, meta, table, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(dc.Creator(text=creator))
    doc.meta.addElement(meta.CreationDate(text="2022-11-08T10:00:00"))
    doc.text.addElement(text.H(outlinelevel=1, text="Fisheries Dispute Notes"))
    doc.text.addElement(text.P(text="Fishing boats crossed the line again in October, "
                                    "and the coast guard seized two of them."))
    t = table.Table(name="Seizures")
    t.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for a, b in (("Month", "Boats"), ("October", "2")):
        tr = table.TableRow()
        for v in (a, b):
            tc = table.TableCell()
            tc.addElement(text.P(text=v))
            tr.addElement(tc)
        t.addElement(tr)
    doc.text.addElement(t)
    doc.text.addElement(text.P(text="Both governments promised a joint patrol scheme "
                                    "before the winter season begins."))
    doc.save(str(path))
    return path


def make_zip_bomb_docx(path: Path, megabytes: int = 300) -> Path:
    """A DOCX whose document.xml inflates to ``megabytes`` MiB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"0" * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)
    return path


def make_deep_xml_docx(path: Path, depth: int = 100_000) -> Path:
    """A valid DOCX whose document.xml then nests ``depth`` elements."""
    good = make_docx(path.with_name("deep-source.docx"))
    body = "<w:r>" * depth + "</w:r>" * depth
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    good.unlink()
    return path


# --- EPUB -----------------------------------------------------------------------------

_CHAPTERS = {  # file name -> (heading, paragraphs); the spine order is c3, c1, c2
    "c3.xhtml": ("Chapter One: Origins", ["The armistice was signed in July 1953.",
                                          "Nobody expected it to last seventy years."]),
    "c1.xhtml": ("Chapter Two: The Long Freeze", ["Talks resumed only in the 1970s."]),
    "c2.xhtml": ("Chapter Three: Thaw", ["A hotline was opened and then closed again."]),
}


def make_epub(path: Path, *, title: str = "A Short History of the Armistice",
              creator: str = "Soo-ah Kim") -> Path:
    """An EPUB 3 whose spine order (c3, c1, c2) is not the alphabetical one."""
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="id">urn:uuid:1234</dc:identifier>
  <dc:title>{title}</dc:title>
  <dc:creator>{creator}</dc:creator>
  <dc:date>2021-07-27</dc:date>
  <dc:language>en</dc:language>
 </metadata>
 <manifest>
  <item id="a" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
  <item id="b" href="text/c2.xhtml" media-type="application/xhtml+xml"/>
  <item id="c" href="text/c3.xhtml" media-type="application/xhtml+xml"/>
  <item id="css" href="style.css" media-type="text/css"/>
 </manifest>
 <spine><itemref idref="c"/><itemref idref="a"/><itemref idref="b"/></spine>
</package>"""
    container = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
 <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
 </rootfiles></container>"""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        zf.writestr("OEBPS/style.css", "p { margin: 0 }")
        for name, (heading, paras) in _CHAPTERS.items():
            body = "".join(f"<p>{p}</p>" for p in paras)
            zf.writestr(f"OEBPS/text/{name}", (
                '<?xml version="1.0" encoding="utf-8"?>\n'
                '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>'
                f"<body><section><h1>{heading}</h1>{body}</section></body></html>"))
    return path


# --- e-mail ---------------------------------------------------------------------------

NEWSLETTER_HTML = """<html><body>
<h1>Weekly Peninsula Brief</h1>
<p>Negotiators from both Koreas met at Panmunjom on Tuesday for the first time in a year.</p>
<p>The agenda covered family reunions and the reopening of the liaison office in Kaesong.</p>
<p>Unsubscribe | Manage preferences</p>
<p>View in browser</p>
<p>Peninsula Brief, 123 Main Street, Springfield, IL 62701</p>
</body></html>"""

NEWSLETTER_TEXT = """Weekly Peninsula Brief

Negotiators from both Koreas met at Panmunjom on Tuesday for the first time in a year.

The agenda covered family reunions and the reopening of the liaison office in Kaesong.

Unsubscribe | Manage preferences
"""


def newsletter_message(subject: str = "Weekly Peninsula Brief", msgid: str = "<brief-1@x>"):
    """A multipart/alternative newsletter (text and HTML) with a footer."""
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "Peninsula Brief <news@brief.example>"
    msg["To"] = "reader@example.org"
    msg["Date"] = "Tue, 14 May 2024 08:00:00 +0000"
    msg["Message-ID"] = msgid
    msg.set_content(NEWSLETTER_TEXT)
    msg.add_alternative(NEWSLETTER_HTML, subtype="html")
    return msg


def make_eml(path: Path) -> Path:
    path.write_bytes(bytes(newsletter_message()))
    return path


def make_latin1_eml(path: Path) -> Path:
    """A single-part text message in ISO-8859-1, declared in its Content-Type."""
    body = ("Die Gespräche über die Fischerei wurden in Genf fortgesetzt, "
            "und die Delegationen äußerten sich zufrieden.\n")
    raw = ("Subject: =?iso-8859-1?q?Gespr=E4che_in_Genf?=\n"
           "From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <jm@example.de>\n"
           "Date: Wed, 02 Oct 2019 10:00:00 +0200\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=iso-8859-1\n"
           "Content-Transfer-Encoding: 8bit\n\n").encode("ascii") + body.encode("latin-1")
    path.write_bytes(raw)
    return path


def make_mbox(path: Path, count: int = 3) -> Path:
    """An mbox of ``count`` plain-text messages (a body line starting with "From "
    quoted as ">From ", as mboxrd does)."""
    chunks = []
    for i in range(1, count + 1):
        chunks.append(
            f"From r@example.org Mon Apr  1 09:00:00 2024\n"
            f"Subject: Dispatch {i}: talks in Geneva\n"
            f"From: Reporter {i} <r{i}@example.org>\n"
            f"Date: Mon, {(i - 1) % 28 + 1:02d} Apr 2024 09:00:00 +0000\n"
            f"Message-ID: <dispatch-{i}@example.org>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            f"Delegates met for round {i} of the Geneva talks on fishing rights.\n\n"
            ">From the floor, several speakers asked for a timetable.\n\n")
    path.write_text("".join(chunks), encoding="utf-8")
    return path


def make_mhtml(path: Path) -> Path:
    """A saved web page: multipart/related with the HTML and an image."""
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = "Saved page: Port city expands"
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://news.example/port-city"
    msg["Date"] = "Fri, 09 Feb 2024 12:00:00 +0000"
    msg.make_related()
    html = ("<html><head><title>Port city expands</title></head><body><article>"
            "<h1>Port city expands</h1><p>The port of Busan will add three container berths "
            "by 2027, the ministry said on Friday, as volumes recover after the pandemic "
            "slump and shipping lines return to their earlier schedules.</p>"
            "<p>Local groups asked for a study of the effect on the fishing harbour "
            "nearby, which has been in use since the nineteenth century.</p>"
            "</article></body></html>")
    msg.add_related(html, subtype="html", headers=["Content-Location: https://news.example/port-city"])
    msg.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 20, maintype="image", subtype="png",
                    headers=["Content-Location: https://news.example/a.png"])
    path.write_bytes(bytes(msg))
    return path


# --- RTF and others -------------------------------------------------------------------

RTF = (r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}"
       r"{\info{\title Notes on the Summit}{\author Ji-ho Choi}{\creatim\yr2020\mo6\dy15}}"
       r"\f0\fs24 Notes on the Summit\par\par "
       r"The leaders met in Singapore and agreed on a short statement.\par\par "
       r"Caf\'e9 talk afterwards was cordial, aides said.\par}")


def make_rtf(path: Path) -> Path:
    path.write_text(RTF, encoding="ascii")
    return path


def make_png(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return path
