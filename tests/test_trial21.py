"""A new user's trial (session 21, leftovers): files made in the test the way people
save them, read through the core API (``load_documents``) or the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.ingest.pipeline import load_documents

MAIL = ("From: Odile Farrant <odile@example.org>\nTo: desk@example.org\n"
        "Subject: Ferry timetable\nDate: Tue, 10 Feb 2026 08:30:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")


def _paras(docs) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for d in docs for p in d.paragraphs
            if p.kind not in ("title", "byline")]


def _mail(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "note.eml"
    path.write_bytes((MAIL + body).encode("utf-8"))
    return _paras(load_documents(path, tmp_path))


@pytest.mark.parametrize("delimiter", ["-- ", "--"])
def test_an_e_mail_signature_under_its_delimiter_is_not_body_text(tmp_path, delimiter):
    """The standard delimiter is "-- "; many type "--": the signature under either was
    indexed as the message's text, its phone number and title found as if written."""
    paras = _mail(tmp_path, "The winter timetable starts on Monday -- two sailings a day.\n\n"
                            f"Best,\nOdile\n{delimiter}\nOdile Farrant\nPort liaison, "
                            "Kessock Ferries\n+44 1463 000000\n")
    assert paras == [
        ("body", "The winter timetable starts on Monday -- two sailings a day."),
        ("body", "Best,"), ("body", "Odile"),
        ("credit", "Odile Farrant · Port liaison, Kessock Ferries · +44 1463 000000")]


def test_a_dash_dash_line_in_the_middle_of_a_message_is_prose(tmp_path):
    """Only a line that is exactly "--" near the end opens a signature: one between
    sections of a long message, or "--" inside a sentence, is the sender's text."""
    sections = "\n\n".join(f"Point {n}: the berth {n} fenders need replacing." for n in range(12))
    paras = _mail(tmp_path, f"Notes from the inspection.\n--\n{sections}\n")
    assert all(kind == "body" for kind, _ in paras)
    assert ("body", "Point 11: the berth 11 fenders need replacing.") in paras


def test_a_signature_above_the_quoted_message_of_a_reply_ends_the_senders_text(tmp_path):
    paras = _mail(tmp_path, "Yes, Thursday suits.\n--\nOdile Farrant\n\n"
                            "On Mon, 9 Feb 2026, Piet Ossel <piet@example.org> wrote:\n"
                            "> Can we meet on Thursday?\n")
    assert paras == [("body", "Yes, Thursday suits."), ("credit", "Odile Farrant"),
                     ("quote", "On Mon, 9 Feb 2026, Piet Ossel <piet@example.org> wrote:"),
                     ("quote", "Can we meet on Thursday?")]


@pytest.mark.parametrize("query, field", [("title:(", "title"), ("title:( )", "title"),
                                          ("person:(", "person")])
def test_a_field_with_an_empty_group_is_one_readable_line(seed_settings, query, field):
    """`searchapp search 'title:('` searched "title:(" as a word (0 matches, a note on
    parentheses) where 'title:' says in one line that the field needs a value."""
    from conftest import run_cli

    proc = run_cli("search", query, "--no-history",
                   env={"SEARCHAPP_CORPUS": str(seed_settings.corpus),
                        "SEARCHAPP_INDEX": str(seed_settings.index),
                        "SEARCHAPP_DATA_DIR": str(seed_settings.data_dir)})
    assert proc.returncode == 2 and f"'{field}:' needs a value right after the colon" \
        in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not proc.stdout.strip()


def test_an_unclosed_group_after_a_field_keeps_its_field(seed_engine):
    """'title:(summit' searched title: for nothing and summit anywhere; the parenthesis
    left out, it is title:summit."""
    from searchapp.model import SearchRequest

    def total(q):
        return seed_engine.search(SearchRequest(query=q)).total
    assert total("title:(summit") == total("title:summit") > 0


def test_a_docx_comment_is_found_as_a_note_and_its_header_and_footer_once(tmp_path):
    """A reviewer's comment (word/comments.xml) was not read at all; nor were the running
    header and footer.  The comment is a note of its own (not glued into the paragraph it
    is anchored on); a header printed on every page of three sections is one paragraph,
    and a footer's page number is left out."""
    import docx
    from docx.enum.section import WD_SECTION

    d = docx.Document()
    first = d.add_paragraph("The trust approved the dredging plan for the eastern berth "
                            "after three meetings.")
    d.add_comment(first.runs, text="Check the tonnage with Ilse Varga first.",
                  author="Mara Quist", initials="MQ")
    for n in range(2):
        section = d.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False  # a header part of its own, same text
        section.header.paragraphs[0].text = "Harbour Trust, internal"
        d.add_paragraph(f"Phase {n + 2} covers the western quay and its cranes.")
    d.sections[0].header.paragraphs[0].text = "Harbour Trust, internal"
    footer = d.sections[0].footer
    footer.paragraphs[0].text = "Draft for the board"
    footer.add_paragraph("Page 1 of 3")
    path = tmp_path / "plan.docx"
    d.save(path)
    paras = _paras(load_documents(path, tmp_path))
    assert paras[0] == ("body", "The trust approved the dredging plan for the eastern berth "
                                "after three meetings.")
    assert ("note", "Comment by Mara Quist: Check the tonnage with Ilse Varga first.") in paras
    assert [p for p in paras if p[0] == "label"] == [("label", "Harbour Trust, internal"),
                                                     ("label", "Draft for the board")]


@pytest.mark.parametrize("byline, names", [
    ("기자 김민서", ["김민서"]), ("김민서 기자", ["김민서"]),
    ("김민서 이서준 기자 ms@bada.example.kr", ["김민서", "이서준"]),
    ("By Jane Roe, Staff Writer", ["Jane Roe"]), ("By Jane Roe, staff writer", ["Jane Roe"]),
    ("By Jane Roe, Herald Staff Writer", ["Jane Roe"]),
    ("By Jane Roe, Staff Writer for the Tribune", ["Jane Roe"])])
def test_a_bylines_name_is_the_author_without_reporter_or_job_title(tmp_path, byline, names):
    """"김민서 기자" (name, then 기자 "reporter") at a text's top was an editors' sign-off,
    no author; a job title in lower case or after an outlet's name was a name or no byline."""
    path = tmp_path / "story.txt"
    path.write_text(f"Harbour dues cut\n\n{byline}\n\nThe port authority cut harbour dues on "
                    "Monday, it said in a statement to the shipping lines.\n", "utf-8")
    (doc,) = load_documents(path, tmp_path)
    assert doc.meta.authors == names
    assert [p.text for p in doc.paragraphs if p.kind == "byline"] == [byline]


def test_a_sentence_opening_with_by_is_no_byline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Harbour dues cut\n\nBy Monday, the port had closed\n\nThe port authority "
                    "cut harbour dues, it said in a statement to the shipping lines.\n", "utf-8")
    (doc,) = load_documents(path, tmp_path)
    assert doc.meta.authors == [] and "By Monday, the port had closed" in \
        [p.text for p in doc.paragraphs if p.kind == "body"]


def _mhtml(tmp_path: Path, page: str) -> Path:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Subject"] = "Quay repairs"
    msg["Date"] = "Thu, 14 Nov 2024 16:05:12 -0000"
    msg["Snapshot-Content-Location"] = "https://harbour.example.org/quay"
    msg.set_content(page, subtype="html")
    msg.make_related()
    path = tmp_path / "quay.mhtml"
    path.write_bytes(bytes(msg))
    return path


PAGE_BODY = ("<h1>Quay repairs</h1><p>The harbour board inspected the north quay on Tuesday "
             "and found three cracked piles under the crane rail.</p><p>Repairs will close "
             "the quay to container traffic for six weeks, the board said.</p>")


def test_a_saved_page_without_a_date_is_dated_when_it_was_saved(tmp_path):
    """An .mhtml page that states no date had none, though its envelope's Date header
    says when it was saved; a page's own date still comes first."""
    page = f"<html><head><title>Quay repairs</title></head><body>{PAGE_BODY}</body></html>"
    (doc,) = load_documents(_mhtml(tmp_path, page), tmp_path)
    assert doc.meta.date == "2024-11-14"
    dated = page.replace("<head>", "<head><meta property='article:published_time' "
                                   "content='2024-03-02T08:00:00Z'>")
    (doc,) = load_documents(_mhtml(tmp_path, dated), tmp_path)
    assert doc.meta.date == "2024-03-02"


def test_a_page_saved_by_word_gives_its_documents_author(tmp_path):
    """Word's "Save as Web Page" keeps the author in <o:DocumentProperties> inside a
    conditional comment, not in a <meta> tag: the author was not read."""
    path = tmp_path / "quay.htm"
    path.write_text(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
        '<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft '
        'Word 15"><title>Quay repairs</title><!--[if gte mso 9]><xml><o:DocumentProperties>'
        "<o:Author>Tomasz Wierzbicki</o:Author><o:LastAuthor>Office Admin</o:LastAuthor>"
        "<o:Created>2024-05-02T09:12:00Z</o:Created></o:DocumentProperties></xml>"
        f"<![endif]--></head><body><div class=WordSection1>{PAGE_BODY}</div></body></html>",
        "utf-8")
    (doc,) = load_documents(path, tmp_path)
    assert doc.meta.authors == ["Tomasz Wierzbicki"] and doc.meta.date == "2024-05-02"


def _justified_pdf(path: Path, pages: list[tuple[list[str], list[str]]], body: float,
                   small: float) -> None:
    """Pages of justified lines (body type), each with a foot of smaller type."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def line(text: str, y: float, size: float, last: bool) -> None:
        t = c.beginText(72, y)
        t.setFont("Times-Roman", size)
        if not last:  # stretched to the right margin, as a justified line is
            t.setWordSpace((451 - c.stringWidth(text, "Times-Roman", size))
                           / max(1, text.count(" ")))
        t.textLine(text)
        c.drawText(t)

    for lines, foot in pages:
        y = 770.0
        for i, text in enumerate(lines):
            line(text, y, body, last=i == len(lines) - 1 and pages[-1][0] is lines)
            y -= 1.2 * body
        y -= 4
        for i, text in enumerate(foot):
            line(text, y, small, last=i == len(foot) - 1)
            y -= 1.2 * small
        c.showPage()
    c.save()


def test_a_pdf_pages_footnotes_are_notes_apart_from_the_paragraph_over_the_page(tmp_path):
    """The footnote under a page's last line of text was joined to the body's paragraph
    (type 9 pt under 10 pt is too close in size to break it), which then stopped at the
    page: the notes come apart, and the paragraph goes on over the page."""
    words = [f"In session {n} the board weighed item {n * 7} of the dredging budget, which "
             f"the engineers priced at {n * 13} thousand." for n in range(1, 13)]
    text = " ".join(words).split()
    lines = [" ".join(text[i:i + 14]) for i in range(0, len(text), 14)]
    half = len(lines) // 2
    note = ["1 Minutes of the harbour board, item 4, as circulated to its members before the "
            "meeting and amended", "by the secretary on the day it was held."]
    path = tmp_path / "minutes.pdf"
    _justified_pdf(path, [(lines[:half], note), (lines[half:], [])], 10, 9)
    (doc,) = load_documents(path, tmp_path)
    notes = [(p.kind, p.page) for p in doc.paragraphs if "Minutes of the harbour" in p.text]
    assert notes == [("note", 1)]
    body = [p.text for p in doc.paragraphs if p.kind == "body"]
    assert not any("secretary" in t for t in body)
    crossing = f"{lines[half - 1]} {lines[half]}"
    assert any(crossing in t for t in body)


def test_the_values_typed_into_a_pdf_forms_fields_are_searched(tmp_path):
    """A filled AcroForm's values are in its widgets, not in the page's text: the
    applicant's name typed into the form could not be found.  Text fields and choices
    are read ("label: value", the tooltip the label), check boxes and empty fields not."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "application.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Times-Roman", 12)
    c.drawString(72, 760, "Harbour berth application form")
    c.drawString(72, 730, "Fill in every field and return the form to the harbour office.")
    form = c.acroForm
    form.textfield(name="applicant", tooltip="Applicant name", value="Reinholt Asquith-Mabery",
                   x=160, y=690, width=250, height=20)
    form.textfield(name="vessel_name", value="Morwenna II", x=160, y=650, width=250, height=20)
    form.textfield(name="remarks", value="", x=160, y=620, width=250, height=20)
    form.checkbox(name="insured", checked=True, x=160, y=590)
    form.choice(name="berth", value="East quay", options=["East quay", "West quay"],
                x=160, y=550, width=200, height=20)
    c.showPage()
    c.save()
    (doc,) = load_documents(path, tmp_path)
    fields = [(p.text, p.page) for p in doc.paragraphs if ": " in p.text]
    assert fields == [("Applicant name: Reinholt Asquith-Mabery", 1),
                      ("vessel name: Morwenna II", 1), ("berth: East quay", 1)]


def test_a_table_layout_pages_menu_cell_is_not_kept_as_paragraphs(tmp_path):
    """A page of 2005 laid out with a table: its menu, a cell of links one per line with
    no class naming it, came out as one paragraph per link ("Home", "Sports" ...)."""
    menu = "".join(f'<a href="/{w.lower()}/">{w}</a><br>' for w in (
        "Home", "Harbour News", "Fishing Reports", "Tide Tables", "Letters", "Contact Us"))
    story = ("<p>The pilot boat Corran Star ran aground on the outer bar on Sunday night "
             "while guiding a grain ship into the harbour, the port authority said.</p>"
             "<p>Its two crew were taken off by the lifeboat from Ardmullan and were unhurt; "
             "the boat was refloated on the morning tide with minor damage to its hull.</p>"
             "<p>The authority has asked the marine accident branch to examine why the "
             "channel buoys were out of position after last week's storm.</p>")
    page = (f"<html><head><title>Pilot boat aground - Ardmullan Gazette</title></head><body>"
            f"<table width=760><tr><td colspan=2><img src=logo.gif alt=Gazette></td></tr>"
            f"<tr><td width=150 valign=top>{menu}<p><b>Sections</b><br><a href='/a/'>Farm "
            f"and Market</a><br><a href='/b/'>Church Notices</a></p></td><td valign=top>"
            f"<font size=4><b>Pilot boat aground</b></font>{story}</td></tr></table>"
            "</body></html>")
    path = tmp_path / "aground.html"
    path.write_text(page, "utf-8")
    (doc,) = load_documents(path, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    assert not {"Home", "Tide Tables", "Contact Us"} & set(texts)
    assert not any("Church Notices" in t for t in texts)
    assert any(t.startswith("Its two crew were taken off") for t in texts)


@pytest.mark.parametrize("signature", ["<p>--</p><p>Odile Farrant<br>+44 1463 000000</p>",
                                       "<div>-- <br>Odile Farrant<br>+44 1463 000000</div>"])
def test_an_html_messages_signature_is_not_body_text(tmp_path, signature):
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "Odile Farrant <odile@example.org>"
    msg["Subject"] = "Ferry timetable"
    msg["Date"] = "Tue, 10 Feb 2026 08:30:00 +0000"
    msg.set_content("The winter timetable starts on Monday.")
    msg.add_alternative("<html><body><p>The winter timetable starts on Monday, with two "
                        f"sailings a day from the north pier.</p>{signature}</body></html>",
                        subtype="html")
    path = tmp_path / "timetable.eml"
    path.write_bytes(bytes(msg))
    paras = _paras(load_documents(path, tmp_path))
    assert paras[-1][0] == "credit" and "Odile Farrant" in paras[-1][1]
    assert all("+44" not in text for kind, text in paras if kind == "body")


def test_accents_stored_apart_from_their_letters_are_composed(tmp_path):
    """A file that stores each accent apart from its letter (NFD, as some PDFs and Mac
    tools write text) reads as the same words as one that does not: the paragraph holds
    the composed letters, so a search or a person typed with them finds it."""
    import unicodedata

    text = "The mayor, José Peña Ruíz, said the Kealiʻi stream would be kept whole.\n"
    (tmp_path / "decomposed.txt").write_text(unicodedata.normalize("NFD", text), "utf-8")
    (tmp_path / "composed.txt").write_text(text, "utf-8")
    read = {name: [p.text for d in load_documents(tmp_path / name, tmp_path)
                   for p in d.paragraphs] for name in ("decomposed.txt", "composed.txt")}
    assert read["decomposed.txt"] == read["composed.txt"]
    assert any("José Peña Ruíz" in t for t in read["decomposed.txt"])


def test_a_name_written_with_a_modifier_letter_is_whole():
    """The Hawaiian ʻokina (a modifier letter, not punctuation) belongs to the name."""
    from searchapp.ingest.persons.people import find_persons
    from tests.test_persons_trust import FILLER, collection

    docs, raw = collection([
        ("The board's chair, Noelani Kahaleʻole-Pua, said the well was dry.",
         [("Noelani Kahaleʻole-Pua", "PERSON")]),
        ("Kahaleʻole-Pua said the county would pay.", [("Kahaleʻole-Pua", "PERSON")]),
    ], [(FILLER, [])])
    assert "Noelani Kahaleʻole-Pua" in find_persons(docs, raw).persons


def test_a_name_typed_without_its_okina_is_the_same_person():
    from searchapp.ingest.persons.people import find_persons
    from tests.test_persons_trust import FILLER, collection

    docs, raw = collection([
        ("The board's chair, Noelani Kahaleʻole-Pua, said the well was dry.",
         [("Noelani Kahaleʻole-Pua", "PERSON")]),
    ], [("Noelani Kahaleole-Pua, who chairs the board, said the county would pay.",
         [("Noelani Kahaleole-Pua", "PERSON")]), (FILLER, [])])
    persons = find_persons(docs, raw).persons
    assert len([n for n in persons if n.startswith("Noelani")]) == 1


def test_a_korean_headline_ending_in_reporter_is_the_title_not_a_byline(tmp_path):
    """"언론사 떠나는 젊은 기자" ("young reporters leaving the press") ends in 기자 like a
    byline: as a text's first line and its only title it is the title, with no authors."""
    path = tmp_path / "story.txt"
    path.write_text("언론사 떠나는 젊은 기자\n\n지난해 신문사와 방송사를 떠난 기자 가운데 절반이 "
                    "30대 이하였다고 협회가 밝혔다. 조사는 전국 언론사를 대상으로 했다.\n", "utf-8")
    (doc,) = load_documents(path, tmp_path)
    assert doc.meta.authors == [] and doc.meta.title == "언론사 떠나는 젊은 기자"


def test_a_block_quotation_in_smaller_type_ending_a_page_is_no_footnote(tmp_path):
    """Smaller type at a page's foot is a footnote only when its first line opens with a
    note's mark (a number, an asterisk, a dagger): a block quotation set in 10 pt under
    11 pt body, ending the page, stays the body's."""
    words = [f"On day {n} the council heard from {n * 3} residents about the bridge, which "
             f"the county had closed for {n + 2} weeks." for n in range(1, 9)]
    text = " ".join(words).split()
    lines = [" ".join(text[i:i + 13]) for i in range(0, len(text), 13)]
    quote = ["We have waited long enough for the county to tell us when the bridge will open "
             "again, and we are", "tired of driving the long way round to the market each week."]
    path = tmp_path / "council.pdf"
    _justified_pdf(path, [(lines[:6], quote), (lines[6:], [])], 11, 10)
    (doc,) = load_documents(path, tmp_path)
    kinds = [p.kind for p in doc.paragraphs if "tired of driving" in p.text]
    assert kinds and "note" not in kinds


@pytest.mark.parametrize("holder", ["Northwind Traders Inc.", "Kestrel Ltd", "Acme Widgets GmbH",
                                    "Harbour Labs LLC", "Administrator", "Windows User"])
def test_a_word_saved_pages_licence_holder_is_no_author(tmp_path, holder):
    """Word writes the licence holder or the account (a firm, "Administrator") as
    o:Author when the writer set no name: that is no author."""
    path = tmp_path / "quay.htm"
    path.write_text(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
        '<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft '
        'Word 15"><title>Quay repairs</title><!--[if gte mso 9]><xml><o:DocumentProperties>'
        f"<o:Author>{holder}</o:Author><o:Created>2024-05-02T09:12:00Z</o:Created>"
        "</o:DocumentProperties></xml>"
        f"<![endif]--></head><body><div class=WordSection1>{PAGE_BODY}</div></body></html>",
        "utf-8")
    (doc,) = load_documents(path, tmp_path)
    assert doc.meta.authors == [] and doc.meta.date == "2024-05-02"
