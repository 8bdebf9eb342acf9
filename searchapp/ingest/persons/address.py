"""A form of address the model took into a name, told by how the document writes the name.

A word before a name is a title, not the name's first word, when the document shows it:
the rest of the name stands elsewhere in the document without it as a given name ("Pani
Teresa" beside "Teresa Mroczek"), and the word itself never stands alone or inside
another name.  Forms of address that are family names too (Indonesian "Pak Karyono",
Korean "Pak Pong-ju": :data:`searchapp.lexicon.ADDRESS_WORDS_SHARED`) are titles where
the document writes the rest alone ("Karyono stayed") and never the word alone ("Pak
said").  A given name before a family name ("Ann Roe" beside "Roe Baker") is no title:
the family name is no one's first word there, or the name is longer than two words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from searchapp.ingest.persons.context import span_cues
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import Candidate, DocText
from searchapp.lexicon import ADDRESS_WORDS_SHARED, NAME_PARTICLES, TITLE_WORDS


def address_words(full: list[Candidate], single: list[Candidate]) -> set[str]:
    """The first words of ``full`` names that the document shows to be forms of address."""
    alone = {c.text for c in single}
    inner = {w for c in full for w in c.text.split()[1:]}
    names = {c.text for c in full}
    by_first: dict[str, set[str]] = {}
    for name in names:
        first, *rest = name.split()
        by_first.setdefault(first, set()).add(" ".join(rest))
    out = set()
    for first, rests in by_first.items():
        if first in alone or first in inner or first in TITLE_WORDS or first.lower() in NAME_PARTICLES:
            continue
        if first in ADDRESS_WORDS_SHARED:
            if all(r in alone or r in names for r in rests):
                out.add(first)
            continue
        if all(" " not in r and _given_name(r, first, names) for r in rests):
            out.add(first)
    return out


def _given_name(word: str, first: str, names: set[str]) -> bool:
    """Whether ``word`` begins another name of the document that goes on with another
    family name ("Teresa" of "Teresa Mroczek" beside "Pani Teresa")."""
    return any(n.split()[0] == word and n.split()[-1] != word and not n.startswith(first + " ")
               for n in names)


def cut_address(doc: DocText, raw: Mapping[str, list[RawMention]], full: list[Candidate],
                single: list[Candidate], words: frozenset[str]
                ) -> tuple[list[Candidate], list[Candidate]]:
    """``full`` and ``single`` with the forms of address ``words`` (what
    :func:`address_words` found in the document) cut off."""
    kept, single = [], list(single)
    for c in full:
        first = c.text.split()[0]
        if first not in words:
            kept.append(c)
            continue
        pid, _, text = doc.paragraphs[c.para]
        s = c.start + len(first)
        while s < c.end and text[s].isspace():
            s += 1
        cut = replace(c, start=s, text=text[s:c.end], cues=span_cues(text, s, c.end, raw.get(pid, ())))
        (kept if " " in cut.text else single).append(cut)
    return kept, single
