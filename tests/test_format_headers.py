"""What a document's header says -- title, byline, date -- read the same way in every
format: text files, e-mail, PDF, DOCX and ODT (real files generated here, read through
load_document, the CLI's extract and the index).

A date is only ever one printed in the header (the lines above the first prose) or the
file's own record; a title stated in a file's properties is used only where it is
plausible, and a title the text does not print is still a paragraph a plain search finds.
"""

from __future__ import annotations

import datetime

import format_fixtures as fx
import pytest
from conftest import extract_json

from searchapp.ingest.metadata import choose_title, date_line, is_file_name
from searchapp.ingest.pipeline import load_document

BODY = ("The ministry announced on Tuesday that ferry services will run twice a day from "
        "next month, replacing a timetable many passengers found confusing.\n\n"
        "Officials said the change would cut waiting times at the port by half. The last "
        "review was published on 3 March 2019, they said.\n")


def _kinds(doc):
    return [(p.kind, p.text) for p in doc.paragraphs]


# --- text files ---------------------------------------------------------------------------


@pytest.mark.parametrize("header,date", [
    ("Ferry Schedule Changes\n2025-02-20\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\n\n20 February 2025\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\nBy Ann Roe\nFebruary 20, 2025\n\n", "2025-02-20"),
    ("Thursday, February 20, 2025\n\nFerry Schedule Changes\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\nPublished: Feb. 20, 2025 10:30 AM\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\nDate: 2025-02-20T10:30:00Z\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\nBy Ann Roe | Thursday, February 20, 2025\n\n", "2025-02-20"),
    ("Ferry Schedule Changes\n\n", ""),  # the body's "3 March 2019" is not the date
])
def test_a_text_files_header_gives_its_date(tmp_path, header, date):
    path = tmp_path / "ferry.txt"
    path.write_text(header + BODY, encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.date == date
    assert doc.meta.title == "Ferry Schedule Changes"
    assert doc.paragraphs[0].kind == "title"
    assert not any(date_line(p.text) for p in doc.paragraphs)  # the date line is not text
    assert any("3 March 2019" in t for t in doc.body)
    if "By Ann Roe" in header:
        assert doc.meta.authors == ["Ann Roe"]
        assert [p.text for p in doc.paragraphs if p.kind == "byline"] == ["By Ann Roe"]


@pytest.mark.parametrize("header,encoding,title,author,date,source", [
    ("Title: Ferry Schedule Changes\nBy: Ann Roe\nDate: 2025-02-20\nSource: Harbour Radio\n\n",
     "utf-8", "Ferry Schedule Changes", "Ann Roe", "2025-02-20", "Harbour Radio"),
    ("제목: 여객선 운항 시간 변경\n작성자: 이수진 기자\n날짜: 2025-12-02\n\n", "euc-kr",
     "여객선 운항 시간 변경", "이수진", "2025-12-02", ""),
    ("標題：渡輪時刻表調整\n記者：陳怡君\n日期：2025-05-20\n來源：港口電台\n\n", "big5",
     "渡輪時刻表調整", "陳怡君", "2025-05-20", "港口電台"),
])
def test_labelled_header_lines_in_english_korean_and_chinese(tmp_path, header, encoding, title,
                                                              author, date, source):
    """"Title:", "제목:", "標題：" are labels, not part of the title; "Date:"/"날짜:"/"日期："
    give the date and "Source:"/"來源：" the source."""
    path = tmp_path / "ferry.txt"
    path.write_bytes((header + BODY).encode(encoding))
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors, doc.meta.date, doc.meta.source) == \
        (title, [author], date, source)


def test_a_date_deep_in_a_text_is_not_its_date(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Ferry notes\n\n" + BODY + "\n20 February 2025\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.date == ""
    assert "20 February 2025" in [p.text for p in doc.paragraphs]


def test_a_list_of_short_lines_has_no_header_past_its_first_lines(tmp_path):
    path = tmp_path / "list.txt"
    lines = ["Reading list", "Ports", "Cables", "Fisheries", "Tariffs", "Shipping", "Grain",
             "Energy", "20 February 2025", "Rail"]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.date == "" and "20 February 2025" in [p.text for p in doc.paragraphs]


def test_title_and_author_lines_of_a_text_file(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Title: Ferry Schedule Changes\nAuthor: Ann Roe\nDate: Thursday, 20 "
                    "February 2025\n\n" + BODY, encoding="utf-8")
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors, doc.meta.date) == \
        ("Ferry Schedule Changes", ["Ann Roe"], "2025-02-20")
    # the title is the first paragraph, without its label
    assert doc.paragraphs[0].kind == "title" and doc.paragraphs[0].text == doc.meta.title


def test_a_long_labelled_title_line_is_the_title_without_its_label(tmp_path):
    """A headline of fifteen words and more reads like prose, but labelled on the first
    line it is still the title ("Title: …" was kept whole, label and all)."""
    title = ('"We never thought the river would come this far": a ferry pilot on thirty '
             'years of floods in the delta towns')
    path = tmp_path / "interview.txt"
    path.write_text(f"Title: {title}\nAuthor: Ann Roe\n\n" + BODY, encoding="utf-8")
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors) == (title, ["Ann Roe"])
    assert doc.paragraphs[0].kind == "title" and doc.paragraphs[0].text == title


@pytest.mark.parametrize("line,date", [
    ("2025-02-20", "2025-02-20"), ("20 February 2025", "2025-02-20"),
    ("Feb. 20, 2025", "2025-02-20"), ("Thu 20 Feb 2025 14:05 KST", "2025-02-20"),
    ("SEOUL, March 3, 2024", "2024-03-03"), ("May 3, 2024.", "2024-05-03"),
    ("The talks of 3 March 2019", ""), ("3 March 2019 was a Monday", ""),
    ("Budget Talks - 3 March 2025", ""), ("2025-02-30", ""),
])
def test_a_date_line_is_a_date_and_nothing_else(line, date):
    assert date_line(line) == date


# --- e-mail -------------------------------------------------------------------------------


def test_an_emails_subject_is_its_first_paragraph(tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(b"From: Ann Roe <ann@example.com>\r\nSubject: Quarterly zanzibar "
                     b"figures\r\nDate: Tue, 4 Mar 2025 10:00:00 +0000\r\nContent-Type: "
                     b"text/plain; charset=utf-8\r\n\r\nHello team, the figures for the "
                     b"last quarter are in and they look good. Please read them first.\r\n")
    doc = load_document(path)
    assert _kinds(doc)[:2] == [("title", "Quarterly zanzibar figures"), ("byline", "By Ann Roe")]
    assert (doc.meta.authors, doc.meta.date) == (["Ann Roe"], "2025-03-04")
    assert doc.body == ["Hello team, the figures for the last quarter are in and they look "
                        "good. Please read them first."]


@pytest.mark.slow
def test_a_word_only_in_the_subject_or_page_title_is_found_by_a_plain_search(tmp_path):
    from searchapp.config import Settings
    from searchapp.index.update import update_index
    from searchapp.search.engine import SearchEngine, SearchRequest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "m.eml").write_bytes(
        b"From: Ann Roe <ann@example.com>\r\nSubject: Quarterly zanzibar figures\r\n"
        b"Date: Tue, 4 Mar 2025 10:00:00 +0000\r\n\r\nHello team, the figures for the "
        b"last quarter are in and they look good. Please read them first.\r\n")
    (corpus / "p.html").write_text(
        "<html><head><title>Quokka census results</title></head><body><article><p>The "
        "survey counted more animals on the island than last year, rangers said on "
        "Monday.</p><p>Volunteers walked every trail twice to make sure none were "
        "missed.</p></article></body></html>", encoding="utf-8")
    s = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    assert not update_index(s).failed
    with SearchEngine.open(s) as eng:
        for word, path in (("zanzibar", "m.eml"), ("quokka", "p.html")):
            hits = eng.search(SearchRequest(query=word)).hits
            assert [(h.path, h.kind) for h in hits] == [(path, "title")], word


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_info_title_that_is_a_file_name_is_no_title(tmp_path):
    path = fx.make_pdf(tmp_path / "a.pdf", title="", byline=None, dateline=None,
                       info_title="report_final_v2", header=None)
    doc = load_document(path)
    assert doc.meta.title == ""
    assert doc.paragraphs[0].kind == "body"


def test_pdf_title_over_two_lines_and_a_printed_date(tmp_path):
    path = fx.make_layout_pdf(tmp_path / "e.pdf", [[
        [("text", 54, "Seoul and Beijing Test", 20)], [("text", 54, "a Two-Track Approach", 20)],
        [("text", 54, "12 January 2024")], [("column", 54, 500, fx.PARAGRAPHS[:3])]]])
    doc = load_document(path)
    assert doc.meta.title == "Seoul and Beijing Test a Two-Track Approach"
    assert doc.meta.date == "2024-01-12"  # printed, not the CreationDate (2000-01-01)
    assert _kinds(doc)[0] == ("title", doc.meta.title)
    assert not any("12 January" in p.text for p in doc.paragraphs)


def test_pdf_a_dated_line_in_the_body_is_not_its_date(tmp_path):
    paras = [fx.PARAGRAPHS[0], "Meeting of 3 May 2019", "3 May 2019", fx.PARAGRAPHS[1]]
    path = fx.make_pdf(tmp_path / "d.pdf", paras, title="Fishing Talks", byline=None,
                       dateline=None, columns=1, column_lines=40)
    doc = load_document(path)
    assert doc.meta.date == "2000-01-01"  # the CreationDate
    assert "Meeting of 3 May 2019" in doc.body and "3 May 2019" in doc.body


def test_pdf_moddate_when_there_is_no_creation_date(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    src = fx.make_pdf(tmp_path / "src.pdf", title="", byline=None, dateline=None,
                      info_title="Fishing Rights Briefing", header=None)
    writer = PdfWriter(clone_from=PdfReader(src))
    writer.metadata = {"/Title": "Fishing Rights Briefing", "/ModDate": "D:20210914120000Z"}
    out = io.BytesIO()
    writer.write(out)
    (tmp_path / "mod.pdf").write_bytes(out.getvalue())
    doc = load_document(tmp_path / "mod.pdf")
    assert (doc.meta.title, doc.meta.date) == ("Fishing Rights Briefing", "2021-09-14")
    # a title the page does not print is its first paragraph (found by a plain search)
    assert _kinds(doc)[0] == ("title", "Fishing Rights Briefing")


# --- DOCX, ODT ----------------------------------------------------------------------------


def _docx(path, core_title: str, lines: list[tuple[str | None, str]]):
    import docx

    d = docx.Document()
    d.core_properties.title = core_title
    d.core_properties.author = "Administrator"
    d.core_properties.created = datetime.datetime(2019, 1, 2, 9, 30)
    for style, text in lines:
        d.add_paragraph(text, style=style)
    d.save(str(path))
    return path


_PROSE = ("The ministry announced on Tuesday that ferry services will run twice a day from "
          "next month, replacing the current timetable.")


def test_docx_printed_title_byline_and_date_win_over_stale_properties(tmp_path):
    path = _docx(tmp_path / "a.docx", "Quarterly Report Template", [
        ("Title", "Ferry Schedule Changes"), (None, "By Ann Roe"), (None, "20 February 2025"),
        (None, _PROSE)])
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors, doc.meta.date) == \
        ("Ferry Schedule Changes", ["Ann Roe"], "2025-02-20")
    assert _kinds(doc) == [("title", "Ferry Schedule Changes"), ("byline", "By Ann Roe"),
                           ("body", _PROSE)]


def test_docx_empty_properties_and_a_heading(tmp_path):
    path = _docx(tmp_path / "b.docx", "", [("Heading 1", "Ferry Schedule Changes"),
                                           (None, "February 20, 2025"), (None, _PROSE),
                                           (None, "Meeting of 3 May 2019")])
    rec = extract_json(path)[0]
    assert (rec["title"], rec["date"]) == ("Ferry Schedule Changes", "2025-02-20")


def test_docx_plausible_properties_title_is_kept(tmp_path):
    path = _docx(tmp_path / "c.docx", "Ferry schedule changes: the review",
                 [("Title", "Ferry Schedule Changes — the Review"), (None, _PROSE)])
    doc = load_document(path)
    assert doc.meta.title == "Ferry schedule changes: the review"
    assert doc.meta.date == "2019-01-02"  # nothing printed: the created date
    assert [p.kind for p in doc.paragraphs] == ["title", "body"]


def test_odt_title_style_and_date_line(tmp_path):
    from odf import dc, meta, style, text
    from odf.opendocument import OpenDocumentText

    odt = OpenDocumentText()
    odt.meta.addElement(dc.Title(text="Untitled 1"))
    odt.meta.addElement(meta.CreationDate(text="2018-04-01T10:00:00"))
    title_style = style.Style(name="Title", family="paragraph")
    odt.styles.addElement(title_style)
    odt.text.addElement(text.P(stylename=title_style, text="Fisheries Dispute Notes"))
    odt.text.addElement(text.P(text="8 November 2022"))
    odt.text.addElement(text.P(text="Fishing boats crossed the line again in October, and "
                                    "the coast guard seized two of them."))
    odt.save(str(tmp_path / "n.odt"))
    doc = load_document(tmp_path / "n.odt")
    assert (doc.meta.title, doc.meta.date) == ("Fisheries Dispute Notes", "2022-11-08")
    assert [p.kind for p in doc.paragraphs] == ["title", "body"]


# --- the rules themselves ---------------------------------------------------------------


@pytest.mark.parametrize("title,name", [
    ("report_final_v2", True), ("scan0001", True), ("draft3.tex", True),
    ("C:/Users/ann/notes", True), ("Fishing Rights Briefing", False), ("COVID-19", False),
    ("2024 Outlook", False), ("Brexit", False),
])
def test_a_file_name_is_no_title(title, name):
    assert is_file_name(title) is name


def test_choose_title():
    # a stale stated title loses to the printed one; a close one is kept; either alone wins
    assert choose_title("Quarterly Outlook 2019", "Ferry Talks", "Ferry Talks By Ann") == \
        "Ferry Talks"
    assert choose_title("Ferry talks: two tracks", "Ferry Talks, Two Tracks", "") == \
        "Ferry talks: two tracks"
    assert choose_title("Microsoft Word - draft3.docx", "Ferry Talks", "") == "Ferry Talks"
    assert choose_title("Fishing Rights Briefing", "", "") == "Fishing Rights Briefing"


@pytest.mark.parametrize("front", [
    "---\ntitle: Ferry Schedule Changes\nauthor: Ann Roe\ndate: 2025-02-20\ntags: [ferry]\n---\n",
    "---\ntitle: \"Ferry Schedule Changes\"\nauthors:\n  - Ann Roe\ndate: 2025-02-20T09:00:00+01:00\n"
    "...\n",
    "+++\ntitle = \"Ferry Schedule Changes\"\nauthors = [\"Ann Roe\"]\ndate = 2025-02-20\n+++\n",
])
def test_a_markdown_notes_front_matter(tmp_path, front):
    path = tmp_path / "note.md"
    path.write_text(front + "\n" + BODY, encoding="utf-8")
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors, doc.meta.date) == \
        ("Ferry Schedule Changes", ["Ann Roe"], "2025-02-20")
    assert [p.kind for p in doc.paragraphs][:2] == ["title", "byline"]
    assert not any("tags" in p.text or "title" in p.text for p in doc.paragraphs)


def test_a_text_files_updated_line(tmp_path):
    path = tmp_path / "u.txt"
    path.write_text("Ferry Schedule Changes\nLast updated: 21 February 2025\n\n" + BODY)
    assert load_document(path).meta.date == "2025-02-21"


def test_cjk_header_and_a_byline_with_particles(tmp_path):
    zh = tmp_path / "zh.txt"
    zh.write_text("张伟明谈新能源汽车出口\n作者：刘晓燕\n2025年1月8日\n\n比亚迪董事长张伟明在北京表示："
                  "“今年出口目标是一百万辆。”分析人士认为，欧洲的关税将影响出口。\n", encoding="utf-8")
    doc = load_document(zh)
    assert (doc.meta.title, doc.meta.authors, doc.meta.date) == \
        ("张伟明谈新能源汽车出口", ["刘晓燕"], "2025-01-08")
    assert [p.kind for p in doc.paragraphs] == ["title", "byline", "body"]
    md = tmp_path / "ports.md"
    md.write_text("# Why mid-size ports matter\n\n*By Lucía Fernández de la Vega*  \n"
                  "*January 30, 2025*\n\n" + BODY, encoding="utf-8")
    doc = load_document(md)
    assert (doc.meta.authors, doc.meta.date) == (["Lucía Fernández de la Vega"], "2025-01-30")


def test_a_stated_title_printed_inside_a_header_line_marks_that_line(tmp_path):
    """An info title "Ferry talks" and a first line "Briefing note: Ferry talks, 2024":
    that line is the title paragraph (not a second copy of the title)."""
    path = fx.make_layout_pdf(tmp_path / "brief.pdf", [[
        [("text", 54, "Briefing note: Baltic cable incidents, 2023-2024")],
        [("column", 54, 500, fx.PARAGRAPHS[:2])]]])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/Title": "Baltic cable incidents"})
    with open(path, "wb") as fh:
        writer.write(fh)
    doc = load_document(path)
    assert doc.meta.title == "Baltic cable incidents"
    assert _kinds(doc)[0] == ("title", "Briefing note: Baltic cable incidents, 2023-2024")
    assert sum(p.kind == "title" for p in doc.paragraphs) == 1


def test_a_printed_title_holding_the_stated_one_is_the_fuller_title():
    assert choose_title("Arctic shipping outlook", "Arctic shipping outlook 2025", "") == \
        "Arctic shipping outlook 2025"


@pytest.mark.parametrize("line,authors", [
    ("Fatoumata Diallo-Kergoat and Henrik Solberg", ["Fatoumata Diallo-Kergoat", "Henrik Solberg"]),
    ("Ana de la Vega, Tom Ridge and Li Wei", ["Ana de la Vega", "Tom Ridge", "Li Wei"]),
    ("Policy Brief", []),  # words the report writes in lower case: no names
])
def test_pdf_a_line_of_names_under_the_title_is_its_authors(tmp_path, line, authors):
    """A report prints its authors under the title without "By"."""
    path = fx.make_layout_pdf(tmp_path / "brief.pdf", [[
        [("text", 54, "After the Withdrawal", 20)], [("text", 54, line, 12)],
        [("column", 54, 500, [*fx.PARAGRAPHS[:3], "This policy brief is short."])]]])
    doc = load_document(path)
    assert doc.meta.authors == authors
    if authors:
        assert [p.text for p in doc.paragraphs if p.kind == "byline"] == [line]
