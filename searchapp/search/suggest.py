""""Did you mean": respellings of a query's plain words that find more."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import process as rf_process
from rapidfuzz.distance import DamerauLevenshtein

from searchapp.errors import QueryError

_PLAIN_WORD = re.compile(r"(?<![\w:\"*~])[^\W\d_]{3,}(?![\w:*~])")


def suggest(query: str, reader, analyzer, spell_words: list[str],
            count_with: Callable[[str], int | None], total: int) -> str | None:
    """A respelling of ``query``'s plain words that finds more than ``total``, if
    there is one.  ``count_with(candidate)`` counts the candidate's results under
    the same filters (None when it does not parse)."""
    words = [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD.finditer(query)]
    if not words:
        return None
    out, pos, changed = [], 0, False
    for start, end, word in words:
        if word in ("AND", "OR", "NOT"):
            continue
        analyzed = [t.text for t in analyzer(word)]
        if not analyzed or any(reader.doc_frequency("body", a) for a in analyzed):
            continue  # a word the index has is never "corrected" (summit is not commit)
        options = respell(reader, analyzer, spell_words, word.lower())
        if options and options[0] != word.lower():
            out.append(query[pos:start])
            out.append(cased_like(word, options[0]))
            pos = end
            changed = True
    if not changed:
        return None
    out.append(query[pos:])
    candidate = "".join(out)
    try:
        found = count_with(candidate)
    except QueryError:
        return None
    return candidate if found is not None and found > total else None


def cased_like(typed: str, word: str) -> str:
    """``word`` (an index word, lower case) written in the case of what was typed:
    "Sondlnad" -> "Sondland", "NATP" -> "NATO", "sondlnad" -> "sondland"."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def respell(reader, analyzer, spell_words: list[str], word: str) -> list[str]:
    """Index words within two edits of ``word``: nearest first, then most frequent."""
    found = rf_process.extract(word, spell_words, scorer=DamerauLevenshtein.distance,
                               score_cutoff=2, limit=50)
    ranked = []
    for cand, dist, _i in found:
        if cand == word:
            continue
        freq = sum(reader.doc_frequency("body", t.text) for t in analyzer(cand))
        ranked.append((int(dist), -freq, cand))
    return [c for _, _, c in sorted(ranked)]
