"""Chinese news is printed in two scripts: a researcher searching 赖清德 must find the
Taiwanese paper that prints 賴清德, and the other way round (through the engine, on
documents indexed from files)."""

from __future__ import annotations

import pytest

from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.search.engine import SearchEngine, SearchRequest


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("scripts")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "taipei.txt").write_text(
        "總統談話\n\n總統賴清德二十日發表就職週年談話，表示台灣不會挑釁。\n", "utf-8")
    (corpus / "beijing.txt").write_text(
        "国台办回应\n\n国台办发言人批评赖清德的讲话，称其为麻烦制造者。\n", "utf-8")
    s = Settings.resolve(corpus=corpus, index=root / "index", data_dir=root / "data")
    update_index(s)
    with SearchEngine.open(s) as eng:
        yield eng


@pytest.mark.parametrize("query", ["赖清德", "賴清德", '"赖清德"'])
def test_either_script_finds_both_papers(engine, query):
    hits = engine.search(SearchRequest(query=query, page_size=10)).hits
    assert {h.path for h in hits} == {"taipei.txt", "beijing.txt"}


def test_the_match_is_highlighted_as_printed(engine):
    [hit] = [h for h in engine.search(SearchRequest(query="赖清德", page_size=10)).hits
             if h.path == "taipei.txt"]
    assert "賴清德" in hit.snippet and "<" in hit.snippet
    marked = hit.snippet[hit.snippet.index("<"):]
    assert "賴" in marked.split(">", 1)[1][:12]
