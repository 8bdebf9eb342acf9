"""trafilatura's JSON-LD reading with its minification done in C: the same text, the
same metadata."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura import metadata
from trafilatura.settings import Document

from searchapp.ingest.html import _trafilatura_json
from searchapp.ingest.html.extract import _parse

# pieces of JSON-LD as pages write it, broken strings and escapes included
_PIECES = st.sampled_from([
    '"', '\\"', "\\", "\\\\", "\\n", " ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "{", "}",
    "[", "]", ":", ",", "@type", "NewsArticle", "Jane Doe", "x", "é", "한국", "0"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_minified_text_is_trafilatura_s(text):
    assert _trafilatura_json.minified(text) == metadata.JSON_MINIFY.sub(r"\1", text)


def test_trafilatura_s_function_is_the_one_read_here():
    assert _trafilatura_json.meta_json_step() is _trafilatura_json.extract_meta_json


def test_a_page_s_json_ld_gives_the_same_metadata_as_trafilatura_s_reading():
    page = """<html><head>
      <script type="application/ld+json">
      { "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Tunnel   works \\"delayed\\" again",
        "author": [ {"@type": "Person", "name": "Maren  Holt"},
                    {"@type": "Person", "name": "Olu Adeyemi"} ],
        "publisher": {"@type": "Organization", "name": "The  Harbour Post"},
        "datePublished": "2025-03-14T09:30:00Z" }
      </script>
      <script type="application/ld+json">{ "broken": "json" , </script>
      </head><body><p>Text.</p></body></html>"""
    tree = _parse(page)
    ours = _trafilatura_json.extract_meta_json(tree, Document())
    theirs = metadata.extract_meta_json(tree, Document())
    fields = ("title", "author", "sitename", "date", "categories", "tags", "pagetype")
    assert [getattr(ours, f, None) for f in fields] == [getattr(theirs, f, None) for f in fields]
    assert "Maren Holt" in (ours.author or "") and re.search("delayed", ours.title or "")
