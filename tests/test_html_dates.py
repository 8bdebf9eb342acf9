"""A web page's date: what the page states first, the text searched only where it states none."""

from __future__ import annotations

import copy
import gzip

import lxml.html
import pytest
from conftest import HTML_PAGES, ROOT
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.read import decode_bytes

_BODY = "<p>" + "The council met on Tuesday to discuss the budget for the parks. " * 8 + "</p>"


def _page(head: str = "", byline: str = "") -> str:
    return (f"<html><head><title>Budget talks</title>{head}</head><body><article>"
            f"<h1>Budget talks at the council</h1><p class='byline'>{byline}</p>"
            f"{_BODY}{_BODY}</article></body></html>")


def test_json_ld_date_published_is_the_date_even_beside_another_date_in_the_text():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2025-03-14T09:30:00Z", "dateModified": "2025-06-02"}</script>')
    assert extract_article(_page(ld, "Updated Jun. 2, 2025")).date == "2025-03-14"


def test_meta_published_time_is_the_date():
    meta = '<meta property="article:published_time" content="2024-11-05T18:00:00+01:00">'
    assert extract_article(_page(meta)).date == "2024-11-05"


def test_time_element_and_url_give_the_date_without_the_text_search():
    timed = _page(byline='<time datetime="2023-07-21">July 21</time>')
    assert extract_article(timed, date_search=False).date == "2023-07-21"
    dated_url = _page('<link rel="canonical" href="https://example.org/2022/09/13/budget-talks">')
    assert extract_article(dated_url, date_search=False).date == "2022-09-13"


def test_a_date_written_only_in_the_text_is_found_by_the_search():
    page = _page(byline="Dec. 19, 2025")
    assert extract_article(page).date == "2025-12-19"
    assert extract_article(page, date_search=False).date == ""  # the search's find


def test_a_page_stating_no_date_gets_none():
    assert extract_article(_page(byline="By Jane Doe")).date == ""


def test_a_date_in_a_stylesheet_is_not_the_page_s_date():
    # a designer's note in the head's CSS is read by no one; the page states no date
    style = ("<style>/* 07/02/2024 */ .nav li > a { color: #333; margin: 0 12px; }\n"
             "/* 2023-11-30 redesign */ .btn { padding: 4px 8px; }</style>")
    assert extract_article(_page(style, "By Jane Doe")).date == ""
    # ... and the date the page does write is still found beside such a stylesheet
    assert extract_article(_page(style, "Dec. 19, 2025")).date == "2025-12-19"


def test_a_year_alone_is_no_date():
    assert extract_article(_page(byline="© 2021 The Council Gazette")).date == ""


_PAGES = [*HTML_PAGES, *sorted((ROOT / "benchmarks" / "extraction_pages").glob("*.html"))]


@pytest.mark.parametrize("path", _PAGES, ids=lambda p: p.name)
def test_page_metadata_is_trafilaturas_metadata(path):
    """The room's copy of trafilatura's metadata steps gives what extract_metadata
    gives, and leaves the tree as it was."""
    raw = path.read_bytes()
    text = decode_bytes(gzip.decompress(raw) if path.suffix == ".gz" else raw).text
    tree = lxml.html.document_fromstring(text.encode("utf-8"))
    before = lxml.html.tostring(tree)
    dates = set_date_params(extensive=False)
    ours = trafilatura_fast.page_metadata(tree, None, dates)
    assert lxml.html.tostring(tree) == before
    theirs = extract_metadata(copy.deepcopy(tree), None, dates)
    for name in ("title", "author", "url", "sitename", "date", "description"):
        assert getattr(ours, name) == getattr(theirs, name), name


def test_every_trafilatura_metadata_step_relied_on_exists():
    from trafilatura import metadata

    missing = [n for n in trafilatura_fast.METADATA_STEPS if not hasattr(metadata, n)]
    assert not missing, f"trafilatura.metadata changed ({missing}): update page_metadata"
