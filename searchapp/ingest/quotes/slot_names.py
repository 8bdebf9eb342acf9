"""A name in an unmistakable speech slot, matched with the document's other spelling of it.

The recognizer types names it has never seen as bodies, places or works ("Sandro
Iturriaga-Pascoe" ORG, "Honorine Dassault-Okeahialam" FAC), so the persons stage keeps
neither the full name nor its later family name.  When the syntax alone makes a span the
speaker -- '"...," X recalls', 'X said', 'X, who ..., said', '"...," said X', 'according
to X' -- and the document writes that span and a longer or shorter form of it the way
persons are written, it is a person:

* a **family name** in the slot ("Iturriaga-Pascoe recalls") that closes exactly one
  full name elsewhere in the document ("the fire chief ..., Sandro Iturriaga-Pascoe");
* a **full name** in the slot whose family name (its last word, after any particles)
  stands alone elsewhere in the document;
* a **first family name** in the slot ("Céspedes said") that opens the two family names
  of exactly one full name of three words or more ("Reinier Céspedes Arencibia") and
  closes none: Spanish naming, where a person is called by the paternal surname.

The agreement is the evidence, not the label: a person is shortened to the last word of
their name, a body to its first ("Carewell Staffing" -> "Carewell", "Goldman Sachs" ->
"Goldman"), so a name and its *last* word both written is a person's shape.  A family
name closing two full names ("Ana Ruiz", "Pablo Ruiz") decides nothing.  Read by
:func:`searchapp.ingest.quotes.evidenced.speech_persons`, which adds the full name and
its family name as mentions of one person (so ``said:``, ``person:`` and the Speaker
facet find them) unless curation says the name is no person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from searchapp.ingest.persons.words import FIRM_ROLES
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.cues import said_by, says
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.name_runs import core, name_word, run_after
from searchapp.ingest.quotes.text import Word, words
from searchapp.lexicon import NAME_PARTICLES, POSSESSIVE, STOPS

_GLUED = lx.GLUED_NAME
_SAID_WORDS = "|".join(sorted(lx.SAID, key=len, reverse=True))
#: A capitalised word right before a verb of speech, or a verb of speech right after a
#: closing quote mark: a paragraph worth reading for a slot (most are not).
_MAY_HAVE_SLOT = re.compile(rf"[^\W\d_a-z][\w'’-]*,?\s+(?:\w+ly\s+)?(?:{_SAID_WORDS})\b|"
                            rf"[\"”’'],?\s+(?:{_SAID_WORDS})\s+[^\W\d_a-z]|"
                            r"\baccording to [^\W\d_a-z]")
#: Words that open a clause before its subject ('"...," and X said', 'as X recalls').
_CLAUSE_JOINS = frozenset("and but as while when so".split())
_OPENING_MARKS = frozenset({"Q", ",", ";", ":", "(", "—", "–", "-"})


#: What may stand right before a sentence's first word.
_SENTENCE_OPENING = frozenset({"Q", *STOPS, ":", "\"", "“", "(", "—", "–", "-"})


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'’-"


class Lowered:
    """The words a document writes in lower case (``word in lowered``, the word in lower
    case): a capitalised one among them opening a sentence ("Yesterday", "Asked") is a
    common word, no given name.  Looked up in the document's text as asked, remembered."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._text = "\n".join(texts)
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self._seen:
            self._seen[word] = word.islower() and self._written(word)
        return self._seen[word]

    def _written(self, word: str) -> bool:
        text, at = self._text, self._text.find(word)
        while at >= 0:  # a substring search first: the text is long, the words few
            end = at + len(word)
            if (at == 0 or not _word_char(text[at - 1])) and (
                    end == len(text) or not _word_char(text[end])):
                return True
            at = text.find(word, at + 1)
        return False


def lowered_words(texts: Sequence[str]) -> Lowered:
    """:class:`Lowered` of a document's texts."""
    return Lowered(texts)


def opens_with_common_word(text: str, start: int, lowered: Lowered) -> bool:
    """The name at ``start`` of ``text`` opens its sentence with a word ``lowered``
    holds ("Yesterday Kowalczyk-Ade said")."""
    before = text[:start].rstrip()
    m = re.match(r"[^\W\d_]+", text[start:])
    return bool(m) and (not before or before[-1] in _SENTENCE_OPENING
                        or before[-1] == "”") and m.group(0).lower() in lowered


#: Capitalised words next to a verb of speech that name nobody by themselves.
_NO_NAME = frozenset("he she it they we i you the a an this that his her its their our my "
                     "but and as".split())
_CAPITAL = re.compile(r"[^\W\d_a-z][\w'’-]*")


def _unfound_in_slot(text: str, taken: Sequence[tuple[int, int]]) -> bool:
    """A capitalised word right next to a verb of speech that no found person holds and
    that may be a name ("Iturriaga-Pascoe recalls", '"...," said Walburga'): most
    paragraphs of news name their speakers where the persons stage found them, or by a
    pronoun, and are not read again."""
    for m in _MAY_HAVE_SLOT.finditer(text):
        at = m.start() if text[m.start()].isupper() else m.end() - 1
        w = _CAPITAL.match(text, at)
        if w is None or w.group(0).lower() in _NO_NAME:
            continue
        if not any(s <= w.start() < e for s, e in taken):
            return True
    return False


def _family(ws: Sequence[Word]) -> tuple[Word, ...]:
    """A name's family part: its last word and the particles right before it ("von
    Kastellhain-Obunga")."""
    k = len(ws) - 1
    while k > 1 and ws[k - 1].lower in NAME_PARTICLES:
        k -= 1
    return tuple(ws[k:])


def _key(ws: Sequence[Word]) -> str:
    return " ".join(w.text for w in ws)


def _runs(ws: Sequence[Word]) -> list[tuple[int, int]]:
    """The name runs of a sentence's words: (start, end) word indexes, each starting
    where no name word is right before it."""
    out = []
    k = 0
    while k < len(ws):
        if not name_word(ws[k]):
            k += 1
            continue
        end = run_after(ws, k)
        if end > k:
            out.append((k, end))
            k = end
        else:
            k += 1
    return out


def _opens_clause(ws: Sequence[Word], k: int) -> bool:
    return k == 0 or ws[k - 1].text in _OPENING_MARKS or ws[k - 1].lower in _CLAUSE_JOINS


def _in_slot(ws: Sequence[Word], k: int, end: int) -> bool:
    """The name ``ws[k:end]`` is, by syntax alone, the speaker: '"...," said X', 'X said'
    or 'X, who ..., said' opening a clause, 'according to X'."""
    if said_by(ws, k, end):
        return True
    if k >= 2 and ws[k - 2].lower == "according" and ws[k - 1].lower == "to":
        return True
    return _opens_clause(ws, k) and says(ws, end)


def _plain(ws: Sequence[Word], k: int, end: int, lowered: Lowered) -> bool:
    """A run that may be a name as written: not after a determiner, not an owner ("X's
    chief"), and its first word no common word capitalised to open a sentence
    ("Yesterday Lund said": "yesterday" is written in lower case elsewhere)."""
    if k > 0 and ws[k - 1].lower in lx.DETERMINERS:
        return False
    if end < len(ws) and ws[end].text[:1] in "'’" and ws[end].text[1:2] in ("s", ""):
        return False
    first = ws[k]
    if first.lower in lx.OPENERS or first.lower in lx.LIGHT \
            or first.lower in lx.SUBORDINATORS or first.lower in lx.PREPOSITIONS:
        return False
    if (k == 0 or ws[k - 1].text in _SENTENCE_OPENING) and first.lower in lowered:
        return False
    return all(name_word(w) or _GLUED.match(w.text) or w.lower in NAME_PARTICLES
               for w in ws[k:end])


def _names(text: str, taken: Sequence[tuple[int, int]], lowered: Lowered,
           slot_here: bool) -> list[tuple[str, str | None, bool]]:
    """The name runs of a paragraph no resolved person holds: (family part, full name or
    None for a family name alone, in a speech slot)."""
    spans = [(s.start, s.end) for s in quote_spans([text])[0]]
    ws = words(text, 0, len(text), spans)
    out = []
    for k, end in _runs(ws):
        if not _plain(ws, k, end, lowered):
            continue
        a, b = ws[k].start, ws[end - 1].end
        if any(s < b and a < e for s, e in taken):
            continue  # someone the stage found: its own family names follow it
        names = core(ws[k:end])
        family = _family(ws[k:end])
        if len(names) > 4 or len(names) == 1 and end - k != len(family):
            continue
        slot = slot_here and _in_slot(ws, k, end)
        out.append((_key(family), _key(ws[k:end]) if len(names) >= 2 else None, slot))
    return out


def slot_names(paragraphs: Sequence[tuple[str, str, str]],
               resolved: Mapping[str, Sequence[tuple[int, int]]],
               speaking: Sequence[int] | None = None,
               short_forms: dict[str, str] | None = None) -> list[str]:
    """Full names (as written) the document makes persons by a speech slot and the other
    spelling of the name: see the module doc.  ``resolved``: the persons stage's person
    spans by paragraph id (a name overlapping one is already someone); ``speaking``: the
    paragraphs (by position) worth reading for a slot, when the caller knows them (those
    with a verb of speech no found person holds), else every one; ``short_forms``, when
    given, gets the short form of each full name found by its first family name (the
    short form -> the full name)."""
    slotted = [n for n in (range(len(paragraphs)) if speaking is None else speaking)
               if _unfound_in_slot(paragraphs[n][2], resolved.get(paragraphs[n][0], ()))]
    if not slotted:
        return []
    lowered = lowered_words([text for _, _, text in paragraphs])
    read: dict[int, list[tuple[str, str | None, bool]]] = {}
    for n in slotted:
        pid, _, text = paragraphs[n]
        read[n] = _names(text, resolved.get(pid, ()), lowered, True)
    wanted = {family for n in slotted for family, _, slot in read[n] if slot}
    if not wanted:
        return []
    # the other spellings: only the paragraphs that write a family name in question
    for n, (pid, _, text) in enumerate(paragraphs):
        if n not in read and any(family in text for family in wanted):
            read[n] = _names(text, resolved.get(pid, ()), lowered, False)
    fulls: dict[str, set[str]] = {}  # family part -> the full names it closes
    firsts: dict[str, set[str]] = {}  # a first family name -> the full names it opens
    alone: set[str] = set()  # family parts standing alone somewhere
    slotted_fulls: set[str] = set()  # full names in a slot
    slotted_alone: set[str] = set()  # single-part names in a slot
    for found in read.values():
        for family, full, slot in found:
            if full is not None:
                fulls.setdefault(family, set()).add(full)
                parts = full.split()
                if len(parts) >= 3 and parts[-2][:1].isupper() and family == parts[-1]:
                    firsts.setdefault(parts[-2], set()).add(full)
                if slot:
                    slotted_fulls.add(full)
            else:
                alone.add(family)
                if slot:
                    slotted_alone.add(family)
    out = []
    for family, names in fulls.items():
        if family not in wanted or len(names) != 1:
            continue  # a family name two full names share: whose it is is not said here
        full = next(iter(names))
        if family in slotted_alone or full in slotted_fulls and family in alone:
            out.append(full)
    # two family names, the person called by the first ("Reinier Céspedes Arencibia" ...
    # '"...," Céspedes said'): Spanish naming, the paternal surname before the maternal
    # one, the first the one used alone; the word in the slot closes no full name and
    # opens the family names of exactly one
    for name in sorted(slotted_alone - fulls.keys()):
        names = firsts.get(name, set())
        if len(names) == 1:
            full = next(iter(names))
            out.append(full)
            if short_forms is not None:
                short_forms[name] = full
    # one name and no full name anywhere ("Her daughter, Walburga, said", '"...,"
    # Walburga said'): a person where the document writes it as one (after a noun of kin
    # or a role, or a full name's apposition), never on the slot alone (a body speaks too)
    out += [name for name in sorted(slotted_alone - fulls.keys() - firsts.keys())
            if _apposed_to_a_person(name, paragraphs)]
    return out


_POSSESSOR = rf"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Mm]y|[Oo]ur|[^\W\d_][\w-]*{POSSESSIVE})"


def _apposed_to_a_person(name: str, paragraphs: Sequence[tuple[str, str, str]]) -> bool:
    """The document writes the one name in apposition to a noun of kin or a person's role
    ("Her daughter, Walburga,", "the caretaker, Ilse,"; not a firm's role: "the developer,
    Harcastle,")."""
    pat = re.compile(rf"\b{_POSSESSOR}\s+(?P<noun>[a-z][a-z-]+),\s+{re.escape(name)}\s*,")
    for _, _, text in paragraphs:
        if name not in text:
            continue
        for m in pat.finditer(text):
            noun = m.group("noun")
            if noun in lx.KIN_SEX or lx.role_noun(noun) and noun not in FIRM_ROLES \
                    and noun not in lx.BODY_NOUNS:
                return True
    return False
