"""trafilatura's reading of a page's JSON-LD, with its minification done in C.

``trafilatura.metadata.extract_meta_json`` minifies each JSON-LD script before
parsing it: ``JSON_MINIFY.sub(r"\\1", text)`` keeps every string literal and deletes
every whitespace character outside them.  Each string literal and each space is a
match, and a template replacement is expanded in Python for each: over the 2025
benchmark pages, about 85,000 expansions, 1-2 % of the whole ingestion.

:func:`minified` gives the same text by splitting on the same string literals (the
pattern's first branch alone: a whitespace character never starts one, so the
literals found are the same) and deleting the whitespace of the pieces between them
(``str.split`` and the pattern's ``\\s`` mean the same characters); and
:func:`extract_meta_json` is trafilatura's function with it.

Used only while trafilatura's function and pattern are the ones read here (keyed by
hashes; trafilatura is pinned exactly in ``pyproject.toml``); otherwise trafilatura's
own runs.
"""

from __future__ import annotations

import functools
import json
import re

from trafilatura import metadata

from searchapp.ingest.html._trafilatura_links import source_key_of, text_key

#: sha1 (12 hex digits) of trafilatura 2.3.1's ``extract_meta_json`` and ``JSON_MINIFY``.
_SOURCE_KEY, _PATTERN_KEY = "8e95bc2a6067", "40b0bbc187f4"
_STRING = re.compile(r'("(?:\\.|[^"\\])*")')  # JSON_MINIFY's first branch
_SCRIPTS = './/script[@type="application/ld+json" or @type="application/settings+json"]'


def minified(text: str) -> str:
    """``JSON_MINIFY.sub(r"\\1", text)``: whitespace outside string literals deleted."""
    parts = _STRING.split(text)
    parts[::2] = ["".join(p.split()) for p in parts[::2]]
    return "".join(parts)


def extract_meta_json(tree, doc):
    """``trafilatura.metadata.extract_meta_json(tree, doc)``, minifying in C."""
    for elem in tree.xpath(_SCRIPTS):
        if not elem.text:
            continue
        element_text = metadata.normalize_json(minified(elem.text))
        try:
            schema = json.loads(element_text, strict=False)
            doc = metadata.extract_json(schema, doc)
        except json.JSONDecodeError:
            doc = metadata.extract_json_parse_error(element_text, doc)
    return doc


def meta_json_step():
    """The JSON-LD step of :func:`searchapp.ingest.html._trafilatura.page_metadata`:
    :func:`extract_meta_json` while trafilatura's function is the one read here, else
    trafilatura's own."""
    own = metadata.extract_meta_json
    return extract_meta_json if _read_here(own) else own


@functools.cache
def _read_here(own) -> bool:
    pattern = getattr(metadata, "JSON_MINIFY", None)
    return source_key_of(own) == _SOURCE_KEY and pattern is not None \
        and text_key(pattern.pattern) == _PATTERN_KEY \
        and all(hasattr(metadata, n) for n in ("normalize_json", "extract_json",
                                                "extract_json_parse_error"))
