"""Bylines, titles and dates as documents state them: roles, credentials and agencies
are not names, a producer's placeholder is no title or author, a guessed date is no date.

The cases are written as general forms of byline (not lifted from a benchmark page);
each goes through the public parser, and the file-level ones through load_document."""

from __future__ import annotations

import format_fixtures as fx
import pytest

from searchapp.ingest.bylines import is_placeholder, name_case, parse_byline
from searchapp.ingest.metadata import Catalog
from searchapp.ingest.pipeline import load_document


@pytest.mark.parametrize("byline,names,agency", [
    # a role is not a second author
    ("Park Min-jun, Senior Fellow", ["Park Min-jun"], ""),
    ("Jane Doe, Staff Writer", ["Jane Doe"], ""),
    ("Ana Lima, Professor of Economics at the University of Porto", ["Ana Lima"], ""),
    ("Sam Reed, CEO of Acme Analytics", ["Sam Reed"], ""),
    ("Liz Kenny Former Consultant", ["Liz Kenny"], ""),
    ("Staff Reporter", [], ""),
    ("By Editor", [], ""),
    # a date after the name is no part of it, but a month that is a given name is
    ("By Arlyn Hernandez Nov 14, 2025", ["Arlyn Hernandez"], ""),
    ("By Kim Jun 3, 2024", ["Kim Jun"], ""),
    ("By Jan Nowak Jan 3, 2025", ["Jan Nowak"], ""),
    # a Korean or Chinese byline: the name without "reporter", a native label
    ("By 이민호 기자", ["이민호"], ""),
    ("김민수 기자, 박지훈 특파원", ["김민수", "박지훈"], ""),
    ("作者：刘晓燕", ["刘晓燕"], ""),
    ("记者 王芳", ["王芳"], ""),
    # the outlet before the role is no part of the name; an agency is the source
    ("新华社记者 李晓明", ["李晓明"], "Xinhua"),
    ("新华社记者李晓明", ["李晓明"], "Xinhua"),
    ("中央社記者 王小明", ["王小明"], "Central News Agency"),
    # a desk, section or bureau is no part of the name; an agency in brackets is the source
    ("政治部　山田太郎", ["山田太郎"], ""),
    ("ワシントン支局 佐藤花子", ["佐藤花子"], ""),
    ("外信部次長 鈴木一郎（共同）", ["鈴木一郎"], "Kyodo"),
    ("編集委員 高橋誠", ["高橋誠"], ""),
    ("国际部 李明", ["李明"], ""),
    ("社会部 佐藤花子、経済部 鈴木一郎", ["佐藤花子", "鈴木一郎"], ""),
    ("山田太郎（時事）", ["山田太郎"], "Jiji Press"),
    # ... but a surname ending in the desk's sign is a name
    ("阿部 太郎", ["阿部 太郎"], ""),
    ("長谷部 誠", ["長谷部 誠"], ""),
    ("연합뉴스 김민준 기자", ["김민준"], ""),
    ("(서울=연합뉴스) 김민준 기자 =", ["김민준"], ""),
    ("文在寅", ["文在寅"], ""),
    # a Chinese dateline ("reporting from Taipei") after the reporter is no author
    ("記者 黃志明／台北報導 2026-09-15", ["黃志明"], ""),
    ("記者王明、李華／綜合報導", ["王明", "李華"], ""),
    ("本报记者 张伟 北京电", ["张伟"], ""),
    # a live blog's byline, each name with an aside
    ("Live coverage by Priya Raman-Holt (now) and Ollie Fenwick (earlier)",
     ["Priya Raman-Holt", "Ollie Fenwick"], ""),
    ("Live updates by Dora Quist", ["Dora Quist"], ""),
    # a lower-case word is no author, whatever it starts with
    ("By Jane Doe | e-commerce", ["Jane Doe"], ""),
    # an agency is the source, not part of a name
    ("ERIC TUCKER Associated Press", ["Eric Tucker"], "Associated Press"),
    ("By Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
    ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
    ("AFP", [], "AFP"),
    ("By AFP", [], "AFP"),
    ("Reuters Staff", [], "Reuters"),
    ("The Associated Press", [], "Associated Press"),
    ("Tom Krisher, AP Auto Writer", ["Tom Krisher"], "Associated Press"),
    ("KIM MIN-JI and LEE SEUNG-HO Yonhap News Agency", ["Kim Min-ji", "Lee Seung-ho"], "Yonhap"),
    ("Pablo Ruiz / Agencia EFE", ["Pablo Ruiz"], "EFE"),
    ("Jane Doe (AFP)", ["Jane Doe"], "AFP"),
    ("From Reuters", [], "Reuters"),
    ("Jean Aufranc (CNXSoft)", ["Jean Aufranc"], ""),  # a handle in brackets is not an author
    ("Bloomberg Philanthropies", ["Bloomberg Philanthropies"], ""),  # an agency's name inside another
    ("Maria Apriletti", ["Maria Apriletti"], ""),  # "AP" inside a word is not the agency
    # credentials and honorifics are not names
    ("Dylan Reyes, MS, RD, LDN", ["Dylan Reyes"], ""),
    ("Grace Okafor, Ph.D.", ["Grace Okafor"], ""),
    ("Dr. Helen Brandt", ["Helen Brandt"], ""),
    # an organisation's head word left alone by a cut is no author
    ("Dr Lucia Fenwick; Senior Fellow; Institute", ["Lucia Fenwick"], ""),
    ("Ann Roe; University", ["Ann Roe"], ""),
    ("Victor Ma, Anna Do", ["Victor Ma", "Anna Do"], ""),  # family names that look like degrees
    # several authors
    ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], ""),
    ("Ana Lima, Ben Okoro and Chen Wei", ["Ana Lima", "Ben Okoro", "Chen Wei"], ""),
    ("Ana Lima & Ben Okoro", ["Ana Lima", "Ben Okoro"], ""),
    # where each filed from is no part of the name
    ("Jon Henley in Paris", ["Jon Henley"], ""),
    ("Ana Lima in São Paulo and Ben Okoro in Lagos", ["Ana Lima", "Ben Okoro"], ""),
    ("Ana Lima and Ben Okoro in Berlin", ["Ana Lima", "Ben Okoro"], ""),
    ("Nadia Vance in The Hague", ["Nadia Vance"], ""),
    ("Ana Lima; Ben Okoro; Chen Wei", ["Ana Lima", "Ben Okoro", "Chen Wei"], ""),
    # dates, labels and self-descriptions around a name
    ("Written by Nora Field", ["Nora Field"], ""),
    ("Author: Nora Field", ["Nora Field"], ""),
    ("Nora Field Last updated March 4, 2025", ["Nora Field"], ""),
    ("Nora Field December", ["Nora Field"], ""),
    ("Theresa May", ["Theresa May"], ""),  # a month that is a name stays
    ("Nora Field is a correspondent based in Lima.", ["Nora Field"], ""),
    # the same person twice
    ("Tina Flint Huffman; Tina Huffman", ["Tina Flint Huffman"], ""),
    # a role or a desk between or after names; an author after "and" in a list
    ("By Ingrid Tamsalu, Senior Farm Correspondent, and Oskar Lindfors, Reuters",
     ["Ingrid Tamsalu", "Oskar Lindfors"], "Reuters"),
    ("By Wilhelmina Osei-Brandt, Metro Desk", ["Wilhelmina Osei-Brandt"], ""),
    ("By Caspar Mbeki-Holm | Moscow Bureau Chief | May 9, 2024", ["Caspar Mbeki-Holm"], ""),
    # a date before "by"; a family name with a particle ("al-", "el-")
    ("Posted on 4 February 2023 by Tariq el-Masri, guest contributor", ["Tariq el-Masri"], ""),
    ("Published March 3, 2024 by Nadia al-Khouri", ["Nadia al-Khouri"], ""),
    # Korean names, comma-separated
    ("By Choi Yu-na, Han Dong-wook", ["Choi Yu-na", "Han Dong-wook"], ""),
    # a credit is not an author
    ("Words by Liesbeth Kramer · Photographs by Anouk Visser", ["Liesbeth Kramer"], ""),
    ("By Liesbeth Kramer; Illustrations by Anouk Visser", ["Liesbeth Kramer"], ""),
    # placeholders
    ("Admin", [], ""),
    ("(anonymous)", [], ""),
    ("Unknown", [], ""),
    ("Name", [], ""),
    ("Undefined", [], ""),
])
def test_bylines(byline, names, agency):
    got = parse_byline(byline)
    assert (got.names, got.agency) == (names, agency)


@pytest.mark.parametrize("written,expected", [
    ("ERIC TUCKER", "Eric Tucker"),
    ("RONALD MCDONALD", "Ronald McDonald"),
    ("SAM O'BRIEN", "Sam O'Brien"),
    ("CHARLES DE GAULLE", "Charles de Gaulle"),
    ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
    ("KIM JONG-UN", "Kim Jong-un"),
    ("JEAN-LUC PICARD", "Jean-Luc Picard"),
    # names already in a name's case are kept as written
    ("McDonald", "McDonald"),
    ("Kim Jong-un", "Kim Jong-un"),
    ("Charles de Gaulle", "Charles de Gaulle"),
    ("DeShawn MacKenzie", "DeShawn MacKenzie"),
    ("NATO", "NATO"),  # one word in capitals: an acronym or a handle
])
def test_name_case(written, expected):
    assert name_case(written) == expected


@pytest.mark.parametrize("value", [
    "(anonymous)", "Anonymous", "untitled", "Untitled document", "Unknown", "Administrator",
    "admin", "Microsoft Word - draft.docx", "Microsoft PowerPoint - deck.pptx", "report_v2.pdf",
    "Document1", "Windows User", "CORP\\jdoe", "",
])
def test_placeholders(value):
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["Jane Doe", "Talks in Lima", "A Document of Our Time",
                                   "Notes on the Summit", "The Unknown Soldier"])
def test_real_titles_and_names_are_not_placeholders(value):
    assert not is_placeholder(value)


# --- through load_document ----------------------------------------------------------------

_BODY = ("<p>President Yoon Suk Yeol and President Xi Jinping met in Lima on Friday for their "
         "first talks in two years, officials in both capitals said after the meeting.</p>"
         "<p>They discussed North Korea, trade and the APEC meeting to be held next year.</p>")


def _page(tmp_path, head: str, body: str = "") -> object:
    path = tmp_path / "page.html"
    path.write_text(f"<html lang='en'><head>{head}</head><body><article>{body}{_BODY}"
                    "</article></body></html>", encoding="utf-8")
    return load_document(path, tmp_path, Catalog())


def test_an_agency_in_a_page_byline_is_the_source_when_the_page_names_none(tmp_path):
    doc = _page(tmp_path, '<title>Leaders meet</title><meta name="author" '
                          'content="ERIC TUCKER Associated Press">')
    assert (doc.meta.authors, doc.meta.source) == (["Eric Tucker"], "Associated Press")
    doc = _page(tmp_path, '<title>Leaders meet</title><meta name="author" content="ERIC TUCKER '
                          'Associated Press"><meta property="og:site_name" content="Harbour Ledger">')
    assert (doc.meta.authors, doc.meta.source) == (["Eric Tucker"], "Harbour Ledger")


def test_a_plain_text_byline_with_an_agency(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Court hears the appeal\n\nBy ERIC TUCKER Associated Press\n\n"
                    "The appeals court heard arguments on Monday in a case that has drawn "
                    "attention from both parties.\n", encoding="utf-8")
    doc = load_document(path, tmp_path, Catalog())
    assert (doc.meta.authors, doc.meta.source) == (["Eric Tucker"], "Associated Press")
    # not body text: the byline paragraph, as printed
    assert [(p.kind, p.text) for p in doc.paragraphs if "TUCKER" in p.text] == \
        [("byline", "By ERIC TUCKER Associated Press")]


def test_repeated_author_tags_name_every_author(tmp_path):
    head = ('<title>Stress in students</title>'
            '<meta name="citation_author" content="Huber, Jennifer">'
            '<meta name="citation_author" content="Green, Jeni">'
            '<meta name="citation_author" content="Lee, Chong">')
    assert _page(tmp_path, head).meta.authors == ["Jennifer Huber", "Jeni Green", "Chong Lee"]


def test_structured_data_cleans_a_byline_run_into_its_date(tmp_path):
    head = ('<title>Leaders meet</title><script type="application/ld+json">{"@type": "WebPage",'
            ' "author": {"@type": "Person", "name": "Jordana Ruiz"}}</script>')
    body = '<div class="byline">By Jordana Ruiz December 18, 2025</div>'
    assert _page(tmp_path, head, body).meta.authors == ["Jordana Ruiz"]


@pytest.mark.parametrize("head,body,title", [
    # the site's name on either side of the <title> is not the document's title
    ('<title>Leaders meet in Lima | Harbour Ledger</title>'
     '<meta property="og:site_name" content="Harbour Ledger">', "", "Leaders meet in Lima"),
    ('<title>Harbour Ledger - Leaders meet in Lima</title>'
     '<meta property="og:site_name" content="Harbour Ledger">', "", "Leaders meet in Lima"),
    ('<title>Leaders meet in Lima — harbourledger.com</title>'
     '<meta property="og:url" content="https://www.harbourledger.com/a/1">', "", "Leaders meet in Lima"),
    # a separator inside the headline stays
    ('<title>Lima talks | What was agreed | Harbour Ledger</title>'
     '<meta property="og:site_name" content="Harbour Ledger">', "", "Lima talks | What was agreed"),
    # the page's one headline is the title, whatever the <title> says
    ('<title>Lima summit: what you need to know (2024)</title>',
     "<h1>Leaders meet in Lima for their first talks in two years</h1>",
     "Leaders meet in Lima for their first talks in two years"),
    # a line break inside the headline separates words
    ('<title>x</title>', "<h1>WEEKEND<br>CODING AGENTS</h1>", "WEEKEND CODING AGENTS"),
    # a headline holding the title and more (a date) gives way to the title
    ('<title>Preparing a transition in Debusine</title>',
     '<h1><time>Dec 18 2025</time> Preparing a transition in Debusine</h1>',
     "Preparing a transition in Debusine"),
    # an entity left escaped in the source is decoded
    ('<title>Trade &amp;#x26; security</title>', "", "Trade & security"),
])
def test_page_titles(tmp_path, head, body, title):
    assert _page(tmp_path, head, body).meta.title == title


def test_a_year_found_alone_is_no_date(tmp_path):
    # htmldate completes "© 2021" in a footer to 2021-01-01: not a date the page gives
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Leaders meet</title></head><body><article>{_BODY}"
                    "</article><footer>© 2021 Harbour Ledger</footer></body></html>", "utf-8")
    doc = load_document(path, tmp_path, Catalog())
    assert doc.meta.date == "" and doc.meta.year is None


def test_a_first_of_the_month_the_page_writes_is_a_date(tmp_path):
    doc = _page(tmp_path, '<title>Leaders meet</title>'
                          '<meta property="article:published_time" content="2024-03-01T09:00:00Z">')
    assert doc.meta.date == "2024-03-01"


def test_a_written_date_in_a_meta_tag(tmp_path):
    doc = _page(tmp_path, '<title>Leaders meet</title>'
                          '<meta property="article:published_time" content="Dec 17th 2025">')
    assert doc.meta.date == "2025-12-17"


# --- placeholders in files' properties ------------------------------------------------------


def test_pdf_placeholders_are_no_title_or_author(tmp_path):
    path = fx.make_pdf(tmp_path / "p.pdf", title="", byline=None, dateline=None, header=None,
                       info_title="untitled", info_author="(anonymous)")
    doc = load_document(path)
    assert (doc.meta.title, doc.meta.authors) == ("", [])  # no title printed, none invented


def test_pdf_author_property_is_a_byline(tmp_path):
    path = fx.make_pdf(tmp_path / "p.pdf", title="", byline=None, dateline=None, header=None,
                       info_title="Fishing Rights Briefing",
                       info_author="Park Min-jun, Senior Fellow; AFP")
    doc = load_document(path)
    assert (doc.meta.authors, doc.meta.source) == (["Park Min-jun"], "AFP")


@pytest.mark.parametrize("make,author", [(fx.make_docx, "author"), (fx.make_odt, "creator"),
                                         (fx.make_epub, "creator")])
def test_office_and_epub_bylines_with_an_agency(tmp_path, make, author):
    suffix = {fx.make_docx: ".docx", fx.make_odt: ".odt", fx.make_epub: ".epub"}[make]
    doc = load_document(make(tmp_path / f"f{suffix}", **{author: "By JANE DOE | Reuters"}))
    assert (doc.meta.authors, doc.meta.source) == (["Jane Doe"], "Reuters")


@pytest.mark.parametrize("make,kwargs", [
    (fx.make_docx, {"title": "Microsoft Word - draft.docx", "author": "Administrator"}),
    (fx.make_odt, {"title": "Untitled 1", "creator": "Unknown"}),
    (fx.make_epub, {"title": "untitled", "creator": "(anonymous)"}),
])
def test_office_and_epub_placeholders_are_no_title_or_author(tmp_path, make, kwargs):
    suffix = {fx.make_docx: ".docx", fx.make_odt: ".odt", fx.make_epub: ".epub"}[make]
    doc = load_document(make(tmp_path / f"f{suffix}", **kwargs))
    assert doc.meta.authors == []
    assert doc.meta.title and doc.meta.title not in (kwargs["title"], "")


# --- the site's name and the page's byline elements ------------------------------------------

_ARTICLE = ("<p>The regional council voted on Thursday to extend the night bus network to "
            "the three outer districts, after a year of petitions from shift workers.</p>"
            "<p>The extension will cost about four million a year and start in the spring.</p>")


def _site_page(tmp_path, title: str, head: str = "", body: str = "") -> object:
    path = tmp_path / "site.html"
    path.write_text(f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
                    f"<article>{body}{_ARTICLE}</article></body></html>", encoding="utf-8")
    return load_document(path, tmp_path, Catalog())


@pytest.mark.parametrize("title,h1,site", [
    ("(UPDATE) Council extends night buses: officials | Meridian Wire Service",
     "(UPDATE) Council extends night buses: officials", "Meridian Wire Service"),
    ("Council extends the night bus network — BusBeat", "Council extends the night bus network",
     "BusBeat"),
    ("Why the night buses matter | The Route Diaries", "Why the night buses matter",
     "The Route Diaries"),
    ("Meridian Wire - Council extends the night bus network",
     "Council extends the night bus network", "Meridian Wire"),
])
def test_the_site_side_of_a_title_is_the_source_never_the_headline(tmp_path, title, h1, site):
    doc = _site_page(tmp_path, title, body=f"<h1>{h1}</h1>")
    assert (doc.meta.title, doc.meta.source) == (h1, site)


def test_a_title_without_a_headline_gives_no_source(tmp_path):
    doc = _site_page(tmp_path, "Council extends the night bus network | what it costs")
    assert doc.meta.source != "Council extends the night bus network"


@pytest.mark.parametrize("body,authors", [
    ('<p class="txt-info">By Choi Yu-na, Han Dong-wook</p>', ["Choi Yu-na", "Han Dong-wook"]),
    ('<font size="2">By <b>Caspar Mbeki-Holm</b> | Moscow Bureau Chief | May 9, 2024</font>',
     ["Caspar Mbeki-Holm"]),
    ('<div class="post-meta">Posted on <span>4 February 2023</span> by <span class="author">'
     'Tariq el-Masri</span>, guest contributor</div>', ["Tariq el-Masri"]),
    ('<div data-component="byline-block"><p>Rosalind Achterberg</p>'
     '<p>Fenland Courier, Transport reporter</p></div>', ["Rosalind Achterberg"]),
    ('<p class="byline">By Ingrid Tamsalu, Senior Farm Correspondent, and Oskar Lindfors, '
     'Reuters</p>', ["Ingrid Tamsalu", "Oskar Lindfors"]),
])
def test_byline_elements_of_a_page(tmp_path, body, authors):
    head = ('<meta name="author" content="Ingrid Tamsalu">'
            if "Tamsalu" in body else '<meta property="og:site_name" content="Fenland Courier">')
    doc = _site_page(tmp_path, "Council extends the night bus network", head,
                     "<h1>Council extends the night bus network</h1>" + body)
    assert doc.meta.authors == authors


def test_a_desk_in_a_plain_text_byline_is_not_an_author(tmp_path):
    path = tmp_path / "desk.txt"
    path.write_text("Night buses extended\n\nBy Wilhelmina Osei-Brandt, Metro Desk\n\n"
                    "The regional council voted on Thursday to extend the night bus network "
                    "to the three outer districts.\n", encoding="utf-8")
    assert load_document(path, tmp_path, Catalog()).meta.authors == ["Wilhelmina Osei-Brandt"]


# --- a byline's names are found by a plain search --------------------------------------------

def test_the_byline_is_a_paragraph_after_the_title(tmp_path):
    body = ('<h1>Council extends the night bus network</h1><p class="byline">Words by '
            'Liesbeth Kramer · Photographs by Anouk Visser</p>')
    doc = _site_page(tmp_path, "Council extends the night bus network", "", body)
    assert doc.meta.authors == ["Liesbeth Kramer"]
    assert [(p.kind, p.text) for p in doc.paragraphs[:2]] == [
        ("title", "Council extends the night bus network"),
        ("byline", "Words by Liesbeth Kramer · Photographs by Anouk Visser")]
    assert not any("Kramer" in t for t in doc.body)  # not body text (excerpts, extraction scores)


def test_authors_named_only_in_tags_get_a_byline_paragraph(tmp_path):
    doc = _site_page(tmp_path, "Council extends the night bus network",
                     '<meta name="author" content="Liesbeth Kramer">')
    assert [p.text for p in doc.paragraphs if p.kind == "byline"] == ["By Liesbeth Kramer"]


def test_a_byline_of_linked_names_reads_as_printed(tmp_path):
    """No space before the comma after a linked name ("By Ann Roe , Senior ...")."""
    doc = _page(tmp_path, "<title>Leaders meet</title>",
                '<div class="byline">By <a href="/a/roe">Ann Roe</a>, Senior Correspondent, '
                'and <a href="/a/lind">Per Lind</a> | Reuters</div>')
    assert doc.meta.byline == "By Ann Roe, Senior Correspondent, and Per Lind | Reuters"
    assert doc.meta.authors == ["Ann Roe", "Per Lind"]


@pytest.mark.parametrize(("lede", "author"), [
    ("(부산=한빛뉴스) 김하람 기자 = 부산시는 9일 신항 확장 계획을 발표했다.", "김하람"),
    ("东方日报上海5月6日电（记者 周明远）上海市政府6日宣布扩建港口。", "周明远"),
])
def test_a_korean_or_chinese_wire_lede_names_the_author(tmp_path, lede, author):
    """The reporter named before the story in a wire lede is the author, where the
    page names none elsewhere; the lede stays the story's first paragraph."""
    page = tmp_path / "story.html"
    page.write_text(f"<html><body><h1>항만 확장 계획 발표 港口扩建</h1><p>{lede}</p>"
                    "<p>" + "The plan was approved by the council after a long debate. " * 3
                    + "</p></body></html>", encoding="utf-8")
    doc = load_document(page, tmp_path)
    assert doc.meta.authors == [author]
    assert any(p.text == lede for p in doc.paragraphs if p.kind == "body")


def test_a_lede_that_names_no_reporter_gives_no_author(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<html><body><h1>항만 확장</h1><p>(부산=한빛뉴스) 부산시는 9일 신항 확장 "
                    "계획을 발표했다고 밝혔다. 시는 이날 기자들에게 설명했다.</p><p>"
                    + "The plan was approved by the council after a long debate. " * 3
                    + "</p></body></html>", encoding="utf-8")
    assert load_document(page, tmp_path).meta.authors == []
