"""A new user's trial (session 20): files saved the way the earlier trials did not try,
read through the core API (``load_documents``) on files made in the test."""

from __future__ import annotations

import codecs
import os
from email.message import EmailMessage

import pytest

from searchapp.errors import LoadError
from searchapp.ingest import read
from searchapp.ingest.pipeline import load_documents

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour levy vote</title>"
        "</head><body><article><h1>Harbour levy vote</h1><p>The council of Vennick Bay "
        "approved the harbour levy after a long night of debate about the dredging "
        "costs.</p><p>The treasurer, Amsel Krowther, said the levy would fund the "
        "breakwater repairs within two years.</p></article></body></html>")


def _text(docs) -> str:
    return "\n".join(p.text for d in docs for p in d.paragraphs)


@pytest.mark.parametrize("bom, codec, name", [
    (codecs.BOM_UTF8, "utf-8", "levy.pdf"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "levy.docx"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "levy.epub")])
def test_an_html_page_with_a_byte_order_mark_saved_under_a_binary_name_is_read(
        tmp_path, bom, codec, name):
    """An HTML page saved with a byte-order mark (Notepad, some browsers) under a .pdf
    name was refused as a damaged PDF: the mark hid its <!DOCTYPE html>."""
    path = tmp_path / name
    path.write_bytes(bom + PAGE.encode(codec))
    text = _text(load_documents(path, tmp_path))
    assert "Amsel Krowther" in text and "breakwater repairs" in text


def test_a_text_file_that_begins_with_the_pdf_header_words_stays_text(tmp_path):
    """A note that begins "%PDF-1.7 is ..." was read as a PDF and refused as damaged:
    a PDF has its header and a body (objects, an xref offset, an end-of-file mark)."""
    path = tmp_path / "formats.txt"
    path.write_text("%PDF-1.7 is the version our archive converter writes.\n\n"
                    "The archivist Dorotea Plumridge checks each file by hand.\n", "utf-8")
    assert "Dorotea Plumridge" in _text(load_documents(path, tmp_path))

    # a real PDF, or a truncated one, under a text name is still read as a PDF
    import format_fixtures as fx

    pdf = fx.make_pdf(tmp_path / "made.pdf", ["The quarry inspector Halvard Ostrem closed "
                                             "the northern pit after the landslide."])
    named_txt = tmp_path / "report.txt"
    named_txt.write_bytes(pdf.read_bytes())
    assert "Halvard Ostrem" in _text(load_documents(named_txt, tmp_path))
    cut = tmp_path / "cut.txt"
    cut.write_bytes(pdf.read_bytes()[:1500])  # its first objects, no xref or %%EOF
    with pytest.raises(LoadError, match="PDF"):
        load_documents(cut, tmp_path)


def test_inline_images_do_not_count_towards_the_attachment_cap(tmp_path):
    """A newsletter with 25 inline images and one attached text file: the cap of 20
    attachments counted the images, so the text was never read."""
    msg = EmailMessage()
    msg["From"] = "Newsdesk <desk@example.org>"
    msg["To"] = "reader@example.net"
    msg["Subject"] = "Weekly digest"
    msg["Date"] = "Mon, 02 Mar 2026 08:00:00 +0000"
    msg.set_content("This week's digest, with the dossier attached.\n")
    for i in range(25):
        msg.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image",
                           subtype="png", filename=f"banner{i}.png")
    msg.add_attachment(b"Dossier\n\nThe ferry operator Quintrel Lines hid the hull "
                       b"reports from the inspectors.\n", maintype="text", subtype="plain",
                       filename="dossier.txt")
    path = tmp_path / "digest.eml"
    path.write_bytes(bytes(msg))
    docs = load_documents(path, tmp_path)
    assert "Quintrel Lines" in _text(docs)
    assert not any("only the first" in w for d in docs for w in d.warnings)


def test_a_file_growing_while_it_is_read_is_read_up_to_its_size_when_opened(
        tmp_path, monkeypatch):
    """A file still being written (a download, a log) was read to whatever end it had
    reached, past the size limit checked when it was opened."""
    path = tmp_path / "feed.txt"
    path.write_bytes(b"First line of the feed.\n")
    real_fstat = os.fstat

    def fstat_then_grow(fd):
        st = real_fstat(fd)
        with open(path, "ab") as f:  # the writer adds more after the size was seen
            f.write(b"x" * 4096)
        return st

    monkeypatch.setattr(read.os, "fstat", fstat_then_grow)
    assert read.read_bytes(path) == b"First line of the feed.\n"


def test_a_pdf_whose_only_lines_read_as_its_title_is_still_indexed(tmp_path):
    """A one-page form with two lines of text ("... request form" / "Applicant: X") was
    refused with "no text found": both lines went into its title and header, and
    nothing of it could be searched."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "request.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Times-Roman", 11)
    c.drawString(72, 760, "Freedom of information request form")
    c.drawString(72, 740, "Applicant: Reinholt Asquith-Mabery")
    c.showPage()
    c.save()
    docs = load_documents(path, tmp_path)
    assert "Asquith-Mabery" in _text(docs)


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _with_notes(path, notes: dict[str, str]) -> None:
    """Give a python-docx file a footnotes and/or endnotes part (``kind`` -> its text),
    each note referenced from the first paragraph, as Word writes them."""
    import zipfile

    src = zipfile.ZipFile(path)
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    src.close()
    for n, (kind, text) in enumerate(notes.items(), start=1):
        one = kind[:-1]
        parts[f"word/{kind}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:{kind} {_WNS}>'
            f'<w:{one} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{one}>'
            f'<w:{one} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{one}></w:{kind}>'
        ).encode()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/word/{kind}.xml" '
                         f'ContentType="{_CT}{kind}+xml"/></Types>'.encode())
        parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>", f'<Relationship Id="rIdN{n}" Type="{_REL}{kind}" '
                                 f'Target="{kind}.xml"/></Relationships>'.encode())
        parts["word/document.xml"] = parts["word/document.xml"].replace(
            b"</w:t></w:r>", f'</w:t></w:r><w:r><w:{one}Reference w:id="1"/></w:r>'.encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_the_footnotes_and_endnotes_of_a_docx_are_searched(tmp_path):
    """A memo's footnote named its source and an endnote a second one: python-docx reads
    neither, so neither name could be found."""
    import docx

    d = docx.Document()
    d.add_heading("Depot contract memo", 1)
    d.add_paragraph("The council awarded the depot contract to Brellwick Haulage without "
                    "a tender, according to the committee minutes.")
    path = tmp_path / "memo.docx"
    d.save(path)
    _with_notes(path, {"footnotes": "Minutes obtained by Yevgenia Thornquist in March.",
                       "endnotes": "Confirmed by the auditor Casimir Oddleigh."})
    text = _text(load_documents(path, tmp_path))
    assert "Yevgenia Thornquist" in text and "Casimir Oddleigh" in text
    assert "Brellwick Haulage" in text


def test_a_docx_with_a_damaged_footnotes_part_is_read_without_them(tmp_path):
    """Reading the notes must not cost the body: a DOCX whose footnotes part is broken XML
    was refused whole ("DOCX: broken XML"), though its body reads; the notes not read
    are a warning (the file read in part)."""
    import docx

    d = docx.Document()
    d.add_paragraph("The harbour board sold the old pilot station to Quillan Trust after "
                    "a single bid, the board's minutes show.")
    path = tmp_path / "board.docx"
    d.save(path)
    _with_notes(path, {"footnotes": "Minutes of March <w:p> filed late."})
    docs = load_documents(path, tmp_path)
    assert "Quillan Trust" in _text(docs)
    assert any("footnotes" in w for doc in docs for w in doc.warnings)


def test_a_web_page_saved_complete_is_one_document_and_its_files_folder_is_not_read(
        tmp_path):
    """A page saved "Web page, complete" comes with a folder of its stylesheets, scripts,
    images and ad frames: the ad frame was indexed as an article and every stylesheet
    and script reported as a failure.  A folder the page does not link into is read."""
    import json
    import subprocess
    import sys

    from conftest import ROOT, run_cli

    folder = tmp_path / "clips"
    res = folder / "Levy vote – Bay Herald_files"
    res.mkdir(parents=True)
    (folder / "Levy vote – Bay Herald.html").write_text(
        PAGE.replace("</head>", "<link rel='stylesheet' href='./Levy%20vote%20%E2%80%93%20"
                                "Bay%20Herald_files/site.css'></head>"), "utf-8")
    (res / "site.css").write_text("body { color: black }", "utf-8")
    (res / "tracker.js").write_text("var seen = 1;", "utf-8")
    (res / "ad.html").write_text("<html><body><article><h1>Win a cruise</h1><p>Readers of "
                                 "the Herald can win a cruise with Marvello Travel this "
                                 "week, if they enter before Sunday.</p></article></body>"
                                 "</html>", "utf-8")
    kept = folder / "Levy vote – Bay Herald_notes"  # not linked from the page
    kept.mkdir()
    (kept / "call.txt").write_text("Call with the harbour clerk Tobias Wrenfield.\n", "utf-8")
    env = {"SEARCHAPP_CORPUS": str(folder), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "searchapp", "index", "--json", "--no-persons"],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["added"] == 2  # the folder is told once, never silently left out
    assert report["failed"] == [{"path": "Levy vote – Bay Herald_files",
                                 "error": "not read: the stylesheets, scripts and images of "
                                          "the saved page Levy vote – Bay Herald.html"}]
    for query, paths in (("Krowther", ["Levy vote – Bay Herald.html"]), ("Marvello", []),
                         ("Wrenfield", ["Levy vote – Bay Herald_notes/call.txt"])):
        found = json.loads(run_cli("search", "--json", "--no-history", query, env=env).stdout)
        assert [h["path"] for h in found["hits"]] == paths, query


def test_a_table_layout_page_without_h1_is_titled_by_the_headline_it_prints(tmp_path):
    """A 2005 page titled "Site - Headline" that sets its headline in <b><font> (no
    <h1>) was titled by the site's name."""
    path = tmp_path / "mill.htm"
    path.write_bytes(
        b"<HTML><HEAD><TITLE>Dale Courier - Tannery flood closes Ostry Lane</TITLE></HEAD>"
        b"<BODY><TABLE><TR><TD><A HREF='/'>Home</A> | <A HREF='/news'>News</A></TD></TR>"
        b"<TR><TD><FONT SIZE='4'><B>Tannery flood closes Ostry Lane</B></FONT><BR>"
        b"<FONT SIZE='2'>A burst main flooded the old tannery on Ostry Lane overnight, and "
        b"the road will stay shut until Friday, the council said.<BR><BR>Engineers from the "
        b"water board were pumping the cellars on Tuesday morning.</FONT></TD></TR>"
        b"<TR><TD><FONT SIZE='1'>Copyright 2005 the Dale Courier. All rights reserved."
        b"</FONT></TD></TR></TABLE></BODY></HTML>")
    doc = load_documents(path, tmp_path)[0]
    assert doc.meta.title == "Tannery flood closes Ostry Lane"
    assert doc.meta.source == "Dale Courier"


def test_a_labelled_date_after_a_byline_is_no_author(tmp_path):
    """"By X, Staff Writer<br>Published: March 12, 2005" gave a second author,
    "Staff Writer Published": the label's colon hid it from the trailing-date rule."""
    path = tmp_path / "fire.html"
    path.write_text(
        "<html><head><title>Granary fire in Lusk</title></head><body><article>"
        "<h1>Granary fire in Lusk</h1><p><i>By Ansel Throckmorton, Staff Writer<br>"
        "Updated: March 12, 2005</i></p><p>A fire destroyed the old granary in Lusk on "
        "Saturday night, the fire service said.</p><p>Nobody was inside the building when "
        "the roof fell in shortly after midnight.</p></article></body></html>", "utf-8")
    doc = load_documents(path, tmp_path)[0]
    assert doc.meta.authors == ["Ansel Throckmorton"]


def _justified_pdf(path, blocks: list[str]) -> None:
    """A PDF of one narrow column (Times 11 pt, 200 pt wide) with each of ``blocks``
    set justified, its last line left short, one under another without a gap."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font, size, left, width = "Times-Roman", 11, 72, 200
    c = canvas.Canvas(str(path))
    c.setFont(font, size)
    y = 760
    for block in blocks:
        lines, cur = [], []
        for w in block.split():
            if cur and stringWidth(" ".join([*cur, w]), font, size) > width:
                lines.append(cur)
                cur = []
            cur.append(w)
        lines.append(cur)
        for i, ln in enumerate(lines):
            gap = stringWidth(" ", font, size)
            if i < len(lines) - 1 and len(ln) > 1:
                gap = (width - sum(stringWidth(w, font, size) for w in ln)) / (len(ln) - 1)
            x = left
            for w in ln:
                c.drawString(x, y, w)
                x += stringWidth(w, font, size) + gap
            y -= 14
    c.showPage()
    c.save()


def test_in_justified_text_a_short_line_without_punctuation_ends_its_paragraph(tmp_path):
    """A caption ending without punctuation, right above a paragraph whose first word
    would not have fitted after it, was joined to that paragraph as a word "pushed down":
    in justified text every line but a paragraph's last reaches the right edge."""
    path = tmp_path / "survey.pdf"
    _justified_pdf(path, [
        "The survey boat measured the sediment at forty stations along the channel between "
        "March and May, and the engineers compared every sample with the readings taken "
        "before the dredging began in the spring, when the water was still clear and the "
        "tide tables were kind to the crews on the boat.",
        "Figure 2: sampling stations to north",
        "Independent monitoring was promised by the port authority, which said the results "
        "of every sample would be published on its website within a week of being taken, "
        "and that the mussel farms would be told first, before the results were sent to "
        "the council and the fishermen of the bay."])
    paras = [p.text for d in load_documents(path, tmp_path) for p in d.paragraphs]
    assert "Figure 2: sampling stations to north" in paras
    assert any(p.startswith("Independent monitoring") for p in paras)


def test_an_attachment_of_a_format_not_read_is_told_not_dropped(tmp_path):
    """A spreadsheet and an archive attached to a message are not read: each is a warning
    of the message (its file "read in part"), not left out without a word; the attached
    text is read and the logo image says nothing."""
    msg = EmailMessage()
    msg["From"] = "Ledger desk <desk@example.org>"
    msg["To"] = "reader@example.net"
    msg["Subject"] = "Budget figures"
    msg["Date"] = "Tue, 03 Mar 2026 08:00:00 +0000"
    msg.set_content("The figures are attached, with the auditor's note.\n")
    msg.add_attachment(b"PK\x03\x04" + bytes(60), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       filename="budget.xlsx")
    msg.add_attachment(b"PK\x03\x04" + bytes(60), maintype="application", subtype="zip",
                       filename="scans.zip")
    msg.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png",
                       filename="logo.png")
    msg.add_attachment(b"Auditor's note\n\nThe harbour fund of Velmaric Port was spent "
                       b"twice.\n", maintype="text", subtype="plain", filename="note.txt")
    path = tmp_path / "budget.eml"
    path.write_bytes(bytes(msg))
    docs = load_documents(path, tmp_path)
    assert any("Velmaric" in p.text for d in docs for p in d.paragraphs)
    assert docs[0].warnings == ["attachment budget.xlsx not read: unsupported file type (.xlsx)",
                                "attachment scans.zip not read: unsupported file type (.zip)"]
