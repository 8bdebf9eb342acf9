"""Property tests: the cleaners, the query parser and the person resolver never
raise on any input, and cleaning is stable on its own output.

The number of examples comes from the hypothesis profile: ``dev`` by default,
``ci`` (many more examples, bounded by a deadline-free time budget) when
``HYPOTHESIS_PROFILE=ci`` is set, as ``.ci/run`` does.
"""

from __future__ import annotations

import html
import os

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from searchapp.ingest.entities import Registry
from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.pipeline import load_document
from searchapp.ingest.read import LoadError
from searchapp.ingest.text import classify, split_blocks
from searchapp.search.query import QueryError

settings.register_profile("dev", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REGISTRY = Registry.load(CORPUS)

WORDS = ["Xi", "Jinping", "Yoon", "Suk-yeol", "President", "Mr.", "Kim", "summit", "Beijing",
         "Seoul", "RelationsCICIR", "BeijingPyongyang", "the", "and", "of", "talks", "韩国",
         "习近平", "윤석열", "Related Articles", "Sponsored Content", "Photo:", "By", "2023-10-05",
         "café", "naïve", "—", "…", "\u00a0", "\u200b", "'", '"', "(", ")", ".", ",", ";", "&amp;",
         "Date", "Writer", "Release Date :", "Adblock Detected", "Back to top button"]

text_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "\n", "\n\n", "\t"]),
                               st.text(max_size=8)), max_size=120).map(" ".join)

TAGS = ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<br>", "<li>",
        "<ul>", "</ul>", "<script>", "</script>", "<style>", "</style>", "<nav>", "</nav>",
        "<article>", "</article>", "<figure><figcaption>", "</figcaption></figure>", "<table><tr><td>",
        "</td></tr></table>", "<a href='/x'>", "</a>", "<!--", "-->", "<![CDATA[", "]]>", "<",
        ">", "&", "&#0;", "&#xD800;", "<meta charset='utf-16'>", "<html>", "<body>", "</body>",
        "<title>", "</title>", "<p class='share'>", "<footer>", "</footer>"]

html_like = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(WORDS), st.text(max_size=12)),
                     max_size=150).map(" ".join)


def _load(tmp_path, name: str, raw: bytes):
    f = tmp_path / name
    f.write_bytes(raw)
    try:
        return load_document(f, tmp_path, None, REGISTRY)
    except LoadError as exc:  # the reported outcome for a file that is not an article
        assert str(exc)
        return None


def _check_paragraphs(doc) -> None:
    assert doc.paragraphs, "a document is never empty"
    for p in doc.paragraphs:
        assert isinstance(p.text, str) and p.text.strip() == p.text and p.text
        assert p.kind in {"title", "heading", "body", "caption", "credit", "list", "quote"} or p.kind


# -- any bytes --------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
@given(raw=st.one_of(st.binary(max_size=3000), text_like.map(lambda t: t.encode("utf-8")),
                     html_like.map(lambda t: t.encode("utf-8")),
                     text_like.map(lambda t: t.encode("utf-16")),
                     html_like.map(lambda t: t.encode("cp1252", "replace"))))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_bytes_load_or_give_a_reason(tmp_path, suffix, raw):
    doc = _load(tmp_path, "fuzz" + suffix, raw)
    if doc is not None:
        _check_paragraphs(doc)
        assert all(isinstance(n, str) and n for n in doc.persons)


# -- idempotence on our own output ------------------------------------------------------

@given(text_like)
def test_text_cleaning_is_idempotent(text):
    once = [b.text for b in classify(split_blocks(text))]
    assert all(t and t == t.strip() for t in once)
    twice = [b.text for b in classify(split_blocks("\n\n".join(once)))]
    assert twice == once


@given(html_like)
@example("\U00018d09")  # unassigned: trafilatura's serializer drops it from a paragraph
@example("x\U00018d09 text before any element")
@example("Release Date : <table><tr><td> President 00000\U00018cd6")  # in a table cell
@example("--> --> Xi Yoon Release Date : <table><tr><td> CICIR \U00018d09")  # read by bs4
def test_html_cleaning_is_idempotent(page):
    once = [b.text for b in extract_article(page).blocks]
    assert all(t and t == t.strip() for t in once)
    rendered = "<html><body><article>" + "".join(
        f"<p>{html.escape(t)}</p>" for t in once) + "</article></body></html>"
    twice = [b.text for b in extract_article(rendered).blocks]
    assert twice == once


# -- query parser -----------------------------------------------------------------------

QUERY_BITS = ['"', "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "-", "+", "\\", "/",
              "AND", "OR", "NOT", "TO", "date:", "person:", "place:", "source:", "author:",
              "year:", "title:", "summit", "Xi", "Yoon", "2023", "2023-10", "2023-13-45", "尹",
              "习近平", "*:*", "\x00", " ", "  "]


@pytest.fixture(scope="module")
def engine(seed_engine):
    return seed_engine


@given(st.one_of(st.lists(st.sampled_from(QUERY_BITS), max_size=16).map("".join),
                 st.lists(st.sampled_from(QUERY_BITS), max_size=10).map(" ".join),
                 st.text(max_size=40)))
@example(text=":\n:")  # a pasted newline: the message quoting the query stays one line
@example(text='year:"')  # an empty quoted number: a readable error, not Whoosh's ValueError
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_query_gives_results_or_a_readable_error(engine, text):
    from searchapp.search.engine import SearchRequest

    try:
        result = engine.search(SearchRequest(query=text, page_size=5))
    except QueryError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert hit.snippet.count("<mark>") == hit.snippet.count("</mark>")


# -- person resolver --------------------------------------------------------------------

def _variant(alias: str, how: int) -> str:
    """A spelling a writer might use: other case, hyphens as spaces or dropped."""
    if how == 1:
        return alias.upper()
    if how == 2:
        return alias.replace("-", " ")
    if how == 3:
        return alias.replace("-", "")
    if how == 4:
        return alias.lower()
    return alias


PEOPLE = sorted((p.name, a) for p in REGISTRY.persons.values() for a in (p.name, *p.aliases))


@given(st.sampled_from(PEOPLE), st.integers(0, 4))
def test_every_alias_spelling_resolves_to_its_person(pair, how):
    name, alias = pair
    assert REGISTRY.canonical_person(_variant(alias, how)) == name


@given(st.lists(text_like, min_size=1, max_size=6), st.sampled_from(PEOPLE))
def test_mentions_are_in_range_and_canonical(paragraphs, pair):
    name, alias = pair
    paragraphs = [*paragraphs, f"Talks were held with {alias} today."]
    found = REGISTRY.find_mentions(paragraphs)
    assert len(found) == len(paragraphs)
    for text, mentions in zip(paragraphs, found, strict=True):
        for m in mentions:
            assert 0 <= m.start < m.end <= len(text)
            if m.kind == "person":
                assert m.name in REGISTRY.persons
    assert name in {m.name for m in found[-1] if m.kind == "person"}
