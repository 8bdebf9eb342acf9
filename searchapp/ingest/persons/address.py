"""Forms of address the model took into names, told by how the collection writes the names.

A capitalized word before names is a title, not a name's first word, when the collection
shows it: it precedes two or more different given names -- each the first word of another
name of its document that goes on with a family name ("Pani Teresa" beside "Teresa
Mroczek", "Pani Ewa" beside "Ewa Zielak") -- and it never stands alone or inside another
name anywhere.  One given name is not enough: "Kimberly David" beside "David Linton" is a
person whose family name is another's given name.  Forms of address that are family names
too (Indonesian "Pak Karyono", Korean "Pak Pong-ju":
:data:`searchapp.lexicon.ADDRESS_WORDS_SHARED`) are titles in a document that writes the
rest alone ("Karyono stayed") and never the word alone ("Pak said").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from searchapp.ingest.persons.context import span_cues
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import Candidate, DocText
from searchapp.lexicon import ADDRESS_WORDS_SHARED, NAME_PARTICLES, TITLE_WORDS


@dataclass
class AddressEvidence:
    """What one document shows of the first words of its names."""

    #: first word -> the given names it precedes there ("Pani" -> {"Teresa"})
    given: dict[str, set[str]] = field(default_factory=dict)
    #: first words standing alone or inside a longer name there (no title)
    named: set[str] = field(default_factory=set)
    #: shared forms of address the document shows as titles ("Pak" before "Karyono")
    shared: set[str] = field(default_factory=set)
    #: every first word of its names
    firsts: set[str] = field(default_factory=set)


def document_address(full: list[Candidate], single: list[Candidate]) -> AddressEvidence:
    """:class:`AddressEvidence` of one document's candidates."""
    out = AddressEvidence()
    alone = {c.text for c in single}
    names = {c.text for c in full}
    out.named = alone | {w for n in names for w in n.split()[1:]}
    by_first: dict[str, set[str]] = {}
    for name in names:
        first, *rest = name.split()
        by_first.setdefault(first, set()).add(" ".join(rest))
    for first, rests in by_first.items():
        if first in TITLE_WORDS or first.lower() in NAME_PARTICLES:
            continue
        out.firsts.add(first)
        if first in ADDRESS_WORDS_SHARED:
            if first not in out.named and all(r in alone or r in names for r in rests):
                out.shared.add(first)
            continue
        given = {r for r in rests if " " not in r and _given_name(r, first, names)}
        if given:
            out.given[first] = given
    return out


def _given_name(word: str, first: str, names: set[str]) -> bool:
    """Whether ``word`` begins another name of the document that goes on with a family
    name of letters ("Teresa" of "Teresa Mroczek"; not "Verhaegen" of "Verhaegen C.")."""
    return any(n.split()[0] == word and n.split()[-1] != word and not n.startswith(first + " ")
               and all(len(w) > 2 and not w.endswith(".") for w in n.split()) for n in names)


def collection_address(docs: Iterable[AddressEvidence]) -> set[str]:
    """The words the collection shows to be forms of address (not the shared ones)."""
    docs = list(docs)
    named = set().union(*(d.named for d in docs)) if docs else set()
    given: dict[str, set[str]] = {}
    for d in docs:
        for first, names in d.given.items():
            given.setdefault(first, set()).update(names)
    return {w for w, names in given.items() if len(names) >= 2 and w not in named}


def cut_address(doc: DocText, raw: Mapping[str, list[RawMention]], full: list[Candidate],
                single: list[Candidate], words: frozenset[str]
                ) -> tuple[list[Candidate], list[Candidate]]:
    """``full`` and ``single`` with the forms of address ``words`` cut off."""
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
