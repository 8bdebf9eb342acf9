"""trafilatura's author search, run on the page itself instead of a copy of it,
gives trafilatura's answer and leaves the page as it was."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from trafilatura import metadata

from searchapp.ingest.html import _trafilatura as trafilatura_fast
from searchapp.ingest.html import _trafilatura_author as author
from searchapp.ingest.html.extract import _drop_inert, _parse
from searchapp.ingest.read import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
PAGES = sorted([*(ROOT / "benchmarks" / "extraction_pages").glob("*.html"),
                *(ROOT / "tests" / "fixtures" / "html").glob("*.htm*"),
                *(ROOT / "benchmarks" / "quotes_pages_blind").glob("*.html")])


def _html(path: Path) -> str:
    raw = path.read_bytes()
    return decode_bytes(gzip.decompress(raw) if path.suffix == ".gz" else raw).text


def _tree(html: str):
    trafilatura_fast.install()
    tree = _parse(html)
    _drop_inert(tree)
    return tree


def _both(tree) -> tuple[str | None, str | None]:
    before = lxml.html.tostring(tree)
    ours = author.extract_author(tree)
    assert lxml.html.tostring(tree) == before, "the page was changed"
    return ours, metadata.extract_author(tree)


def test_it_is_used_with_this_trafilatura():
    assert author.author_step() is author.extract_author, \
        "trafilatura's extract_author changed: read it again"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_author_is_trafilaturas_on_every_page(path):
    tree = _tree(_html(path))
    ours, theirs = _both(tree)
    assert ours == theirs


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/bench is not beside the repo")
def test_the_author_is_trafilaturas_on_the_bench_pages():
    pages = sorted(SHARED.glob("*/html/*.html.gz"))
    differ = []
    for page in pages:
        ours, theirs = _both(_tree(_html(page)))
        if ours != theirs:
            differ.append((page.name, ours, theirs))
    assert len(pages) > 300 and not differ


CASES = {
    "an author inside a comment section is passed over": """
        <div class="comments"><span class="author">Reader Name</span></div>
        <p class="byline">Ada Quill</p>""",
    "an author holding a date (a deleted element) is read without it": """
        <div class="author">Ada Quill <span class="date">3 May 2024</span></div>""",
    "an author after a deleted figure keeps its text": """
        <figure><figcaption class="author">Photo Desk</figcaption></figure>
        <span class="author-name">Ada Quill</span>""",
    "a page with a rel element and something to delete": """
        <time>2024</time><span><rel>me</rel>Ada Quill</span>
        <a class="author">Bo Reed</a>""",
    "no author at all": """<p>Nothing here names one.</p><time>2024</time>""",
    "too long a text is passed over for the next": """
        <div class="author">""" + "word " * 40 + """</div><span class="byline">Ada Quill</span>""",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_the_cases_where_the_copy_matters(body):
    tree = _tree(f"<html><head><title>t</title></head><body><article>{body}"
                 "<p>Some article text long enough to be one.</p></article></body></html>")
    ours, theirs = _both(tree)
    assert ours == theirs
