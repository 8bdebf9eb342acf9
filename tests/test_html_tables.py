"""Tables in HTML pages: a table laying out the page is read as blocks, a table of
data keeps its rows, and no serializer escape reaches the text."""

from __future__ import annotations

from conftest import FIXTURES

from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.pipeline import load_document

PAGE = FIXTURES / "html" / "harbor-levy-tables.html"

PARAGRAPHS = [
    "BRACKENPORT — The port council voted early Thursday to charge a levy on every container "
    "landed at the south quay, ending a debate that ran past two in the morning.",
    "The levy, a dollar and a half a container, will pay for dredging the channel that silted "
    "up after the winter storms, said council chair Teodoro Vasquez-Lindgren.",
    '"We either pay to dig the channel now or we watch the ships go to Carrow Bay," '
    "Vasquez-Lindgren told the chamber before the vote.",
    "Shipping agents had asked for the levy to be phased in over three years. Their "
    'spokeswoman, Ingrid Fairweather-Obi, said the council had "picked the fastest road | '
    'and the bumpiest one" and that agents would appeal to the state board.',
]


def test_table_layout_page_keeps_its_paragraphs():
    doc = load_document(PAGE, FIXTURES / "html")
    texts = [p.text for p in doc.paragraphs]
    for para in PARAGRAPHS:  # each <p> of the story cell is a paragraph of its own
        assert para in texts, texts
    assert texts.index(PARAGRAPHS[0]) < texts.index(PARAGRAPHS[3])
    assert doc.meta.title == "Port council approves harbor levy after long night"


def test_table_layout_page_drops_menu_and_footer():
    texts = [p.text for p in load_document(PAGE, FIXTURES / "html").paragraphs]
    joined = " ".join(texts)
    for junk in ("FRONT PAGE", "Obituaries", "Classifieds", "All rights reserved", "Privacy"):
        assert junk not in joined, texts


def test_no_backslash_reaches_the_text():
    texts = [b.text for b in extract_article(PAGE.read_text("latin-1")).blocks]
    assert not any("\\" in t for t in texts), texts


def test_table_of_figures_keeps_its_rows():
    texts = [p.text for p in load_document(PAGE, FIXTURES / "html").paragraphs]
    rows = ["Ward | For | Against", "North Quay | 3 | 1", "South Quay | 4 | 0",
            "Harbor Hill | Old Town | 1 | 2"]  # a "|" written in a cell stays a "|"
    assert [t for t in texts if t in rows] == rows, texts


def _story(cell: str) -> str:
    return f"""<html><head><title>Ferry timetable changes</title></head><body>
    <table><tr><td class="nav"><a href="/">Home</a> | <a href="/news">News</a></td></tr>
    <tr><td>{cell}</td></tr></table></body></html>"""


SENTENCES = [
    "The ferry company will drop its last evening crossing from the first of June, "
    "a spokesman for the operator said on Monday afternoon.",
    "Commuters who work late shifts at the hospital on the island said the change "
    "would leave them with a two hour wait at the terminal.",
    "The council has asked the operator to keep the crossing through the summer season "
    "while a subsidy for the route is discussed.",
]


def test_cell_with_paragraphs_split_by_blank_breaks():
    art = extract_article(_story("<br><br>".join(SENTENCES)))
    texts = [b.text for b in art.blocks]
    assert [t for t in texts if t in SENTENCES] == SENTENCES, texts


def test_data_table_whose_cells_wrap_values_in_p_keeps_rows():
    rows = [("Quarter", "Revenue", "Margin"), ("First", "12.5", "3.1"), ("Second", "14.0", "3.4"),
            ("Third", "15.2", "3.9")]
    table = "".join("<tr>" + "".join(f"<td><p>{v}</p></td>" for v in r) + "</tr>" for r in rows)
    html = f"""<html><head><title>Results</title></head><body><article>
    <h1>Results of the quarter</h1>
    <p>{SENTENCES[0]}</p><table>{table}</table><p>{SENTENCES[1]}</p></article></body></html>"""
    texts = [b.text for b in extract_article(html).blocks]
    assert [" | ".join(r) for r in rows] == [t for t in texts if "|" in t], texts


def test_menu_cell_without_links_and_copyright_line_are_dropped():
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    html = f"""<html><head><title>Ferry timetable changes</title></head><body>
    <table width="100%"><tr><td class="topnav">HOME · ISLANDS · TRANSPORT</td></tr>
    <tr><td><h2>Ferry timetable changes</h2>{body}</td></tr></table>
    <p class="small">Island Courier (c) 2019</p></body></html>"""
    texts = [p.text for p in extract_article(html).blocks]
    assert [t for t in texts if t in SENTENCES] == SENTENCES, texts
    assert not any("HOME" in t or "(c) 2019" in t for t in texts), texts


def test_prose_mentioning_a_copyright_year_is_kept():
    claim = ("The publisher argued in court that the photographs, marked © 2019 on every print "
             "sold at the fair, had been copied without permission by the rival magazine.")
    html = f"""<html><head><title>Photo dispute</title></head><body><article>
    <h1>Photo dispute</h1><p>{SENTENCES[0]}</p><p>{claim}</p><p>{SENTENCES[1]}</p>
    </article></body></html>"""
    assert claim in [b.text for b in extract_article(html).blocks]
