"""A reporter's name typed in a plain search finds the articles they wrote; the site
side of a "headline | Site" title is the source (``source:``), never the headline.

Pages written for this test (invented names), indexed and searched through the core API."""

from __future__ import annotations

import pytest

from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.search.engine import SearchEngine, SearchRequest

_TEXT = ("<p>The regional council voted on Thursday to extend the night bus network to the "
         "three outer districts, after a year of petitions from shift workers.</p>"
         "<p>The extension will cost about four million a year and start in the spring.</p>")

PAGES = {
    "wire.html": "<html><head><title>(UPDATE) Council extends night buses | Meridian Wire "
                 "Service</title><meta property='og:site_name' content='Meridian Wire Service'>"
                 "</head><body><h1>(UPDATE) Council extends night buses</h1>"
                 "<p class='byline'>By Ingrid Tamsalu, Senior Farm Correspondent, and Oskar "
                 f"Lindfors, Reuters</p>{_TEXT}</body></html>",
    "tags.html": "<html><head><title>Night buses for the outer districts</title>"
                 "<meta name='author' content='Wilhelmina Osei-Brandt'></head><body>"
                 f"<article><h1>Night buses for the outer districts</h1>{_TEXT}</article>"
                 "</body></html>",
    "notes.txt": "Night buses extended\n\nBy Caspar Mbeki-Holm, Metro Desk\n\n"
                 "The regional council voted on Thursday to extend the night bus network to "
                 "the three outer districts.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("bylines")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in PAGES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    s = Settings(corpus=corpus, index=root / "index", data_dir=root / "data")
    report = update_index(s)
    assert report.added == len(PAGES) and not report.failed
    with SearchEngine.open(s) as eng:
        yield eng


def _paths(engine, query: str) -> set[str]:
    return {h.path for h in engine.search(SearchRequest(query=query, page_size=100)).hits}


@pytest.mark.slow
@pytest.mark.parametrize("query,path", [
    ("Lindfors", "wire.html"),  # the second author of a byline
    ("Tamsalu", "wire.html"),
    ("Osei-Brandt", "tags.html"),  # named only in a meta tag
    ("Mbeki-Holm", "notes.txt"),  # a plain-text byline line
    ('"Caspar Mbeki-Holm"', "notes.txt"),
])
def test_a_plain_search_finds_the_author(engine, query, path):
    assert _paths(engine, query) == {path}


@pytest.mark.slow
def test_the_site_side_of_the_title_is_the_source(engine):
    assert _paths(engine, 'source:"Meridian Wire Service"') == {"wire.html"}
    assert _paths(engine, "source:Meridian") == {"wire.html"}  # a word of it
    assert _paths(engine, "author:Lindfors") == {"wire.html"}
    # the agency the byline credits is a source too: a wire story is found on any site
    assert _paths(engine, "source:Reuters") == {"wire.html"}
    assert _paths(engine, "author:Desk") == set()  # a desk is not an author


def test_a_byline_printed_in_the_article_is_its_byline_paragraph(tmp_path):
    """"By X, Senior Correspondent" printed as the story's first line is the byline (who
    wrote it, not whom it is about: the persons stage leaves bylines out), once; an
    author's note at the end stays a credit."""
    from searchapp.ingest.pipeline import load_document

    page = tmp_path / "talks.html"
    page.write_text("<html><head><title>Inside the salt talks</title></head><body><article>"
                    "<h1>Inside the salt talks</h1><p>By Tomasz Okafor-Lind, Senior "
                    f"Correspondent</p>{_TEXT}<p>Tomasz Okafor-Lind is a senior correspondent "
                    "at the Ledger and covers transport.</p></article></body></html>",
                    encoding="utf-8")
    doc = load_document(page, tmp_path)
    kinds = [(p.kind, p.text) for p in doc.paragraphs]
    assert ("byline", "By Tomasz Okafor-Lind, Senior Correspondent") in kinds
    assert [k for k, _ in kinds].count("byline") == 1
    assert kinds[-1][0] != "byline"


@pytest.mark.parametrize("body", ["<nav><a href='/'>Home</a></nav>",
                                  "<nav><a href='/'>Home</a> | <a href='/a'>About</a></nav>"])
def test_a_page_of_menus_only_is_reported_not_indexed(tmp_path, body):
    """A page holding nothing but a menu ("Home") is no article: the index report says
    so instead of indexing one paragraph "Home"."""
    from searchapp.errors import LoadError
    from searchapp.ingest.pipeline import load_document

    page = tmp_path / "nav.html"
    page.write_text(f"<html><head><title>Site</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    with pytest.raises(LoadError, match="no article text"):
        load_document(page, tmp_path)
    page.write_text("<html><body><p>Buried deep.</p></body></html>", encoding="utf-8")
    assert [p.text for p in load_document(page, tmp_path).paragraphs] == ["Buried deep."]
