"""What a document says around a name: the cues of each place it writes it.

Split from :mod:`searchapp.ingest.persons.candidates`: the cues of one occurrence
(:func:`span_cues`: :func:`searchapp.ingest.persons.evidence.cues` plus what the
model's other spans of the paragraph add -- listed with a person, or in an
enumeration of things), and a document's evidence for its names
(:func:`document_evidence`, remembered per document by
:mod:`searchapp.ingest.persons.memo`), summed over the collection
(:func:`collection_evidence`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import NOT_PERSON_LABELS, PLACE_LABELS, DocText
from searchapp.lexicon import LATIN_CAPITALS, NAME_PREFIXES, POSSESSIVE, TITLE_WORDS, TITLES

#: What joins two items of a list, before the second ("Ann Lee and ", "Ann Lee, ").
LIST_AND = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s*&)\s+$")

_ITEM = (rf"[{LATIN_CAPITALS}0-9][\w'’.&-]*(?:[ \t]+(?:(?:of|the|on|in|for|by|to|a|de|du|la)"
         rf"[ \t]+)*[{LATIN_CAPITALS}0-9][\w'’.&-]*)*")
_SEP = r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
_LIST_INTRO = re.compile(r"(?:\b[Ee]xamples?[ \t]+(?:include|are)|\b[Ee]\.g\.,?|\b[Ff]or[ \t]+example,?|"
                         r"\bsuch[ \t]+as|\bincluding|\binclude[sd]?|\blike)[ \t:]+"
                         rf"(?P<items>(?:{_ITEM}{_SEP})*)$")
_LIST_REST = re.compile(rf"(?:{_SEP}{_ITEM})*")
_LIST_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")
_PERSON_SHAPED = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z.]*)*[ \t]+"
                            rf"(?:{NAME_PREFIXES})?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:{POSSESSIVE})?")
_NOT_A_NAME = re.compile(rf"\d|\b(?!{NAME_PREFIXES})[A-Z][a-z]+[A-Z]|\b[a-z]+[A-Z]"
                         r"|\b[A-Z]{2,}\b|\.[a-z]")
_THING_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "NORP", "LOC", "EVENT"}


def listed_with_things(text: str, s: int, e: int, spans: Iterable[RawMention]) -> bool:
    """An item of an enumeration of things: "Examples include Uber Eats, Door Dash and
    Grubhub", "clients such as Acme Pet Foods, Cabo Jim's and Pop-A-Lock" -- the other
    items are more often what the model calls organisations or products, or are not
    shaped like a person's name (one word, a number, capitals), than persons."""
    m = _LIST_INTRO.search(text, max(0, s - 200), s)
    if not m:
        return False
    start = m.start("items")
    if text.startswith(("'s", "’s"), e):
        e += 2
    end = _LIST_REST.match(text, e).end()
    labels = [(r.start, r.end, r.label) for r in spans]
    things = persons = 0
    pos = start
    for part in _LIST_SPLIT.split(text[start:end]) + [""]:
        a = text.find(part, pos) if part else -1
        if a < 0:
            continue
        b = pos = a + len(part)
        if a <= s < b or not part.strip():
            continue
        over = {lab for x, y, lab in labels if x < b and a < y}
        item = part.strip()
        if _NOT_A_NAME.search(item) or (not over & {"PERSON"} and (
                over & _THING_LABELS or not _PERSON_SHAPED.fullmatch(item))):
            things += 1  # "YouTube VR", "A10", "Bill.com": a thing whatever the model says
        elif "PERSON" in over and _PERSON_SHAPED.fullmatch(item):
            persons += 1  # a lone word the model calls a person counts for neither
    return things >= 1 and things >= persons


#: The cues of a name a form of address was cut from: a title stood before it, and a lone
#: word so addressed is a person's name whatever else the model calls the word.
ADDRESSED = frozenset({"title", "addressed"})
#: What a form of address before a name looks like to the words read around the rest
#: ("Matua [Hemi Tane Rangi]": a capitalized word before, so the tail of a longer name).
TITLE_READ_AS_NAME = frozenset({"capital_before", "run_cut"})


def addressed(found: frozenset[str]) -> frozenset[str]:
    """The cues of a name whose form of address was cut: the capitalized word before it
    is that title, not the start of a longer name, so it counts for the name."""
    return (found - TITLE_READ_AS_NAME) | ADDRESSED


def span_cues(text: str, s: int, e: int, spans: Iterable[RawMention]) -> frozenset[str]:
    """The cues of one occurrence (:func:`evidence.cues`) and what the model's other
    spans in the paragraph add: listed with a person, or with things."""
    spans = list(spans)
    found = ev.cues(text, s, e)
    if _beside_person(text, s, e, spans):
        found |= {"listed"}
    if listed_with_things(text, s, e, spans):
        found |= {"listed_with_things"}
    if _listed_with_places(text, s, e, spans):
        found |= {"with_places"}
    if any(sp.label == "ORG" and sp.start <= s and sp.end > e + 1 and text[e:e + 1] == " "
           for sp in spans):
        found |= {"org_after"}  # "[Acme Rowe] Telecom": the model's organisation goes on
    m = _PLACED_LIST_BEFORE.search(text, max(0, s - 200), s)
    if m and (_LIST_GOES_ON.match(text, e) or _LAST_OF_THREE.search(m.group())) and any(
            sp.label in PLACE_LABELS and m.start() < sp.start and sp.end <= s for sp in spans):
        # "tenants from Alfama, Graça and X": a preposition of place holds every item of
        # its list of places -- where places stand, not a list of persons (not "In Austin,
        # Ann Roe opened": a list goes on after the name, or the name ends one of three)
        found = (found - {"listed"}) | {"place_prep", ev.PLACED}
    return found


# the last item of a list of three or more: "A, B and ", "A, B, and "
_LAST_OF_THREE = re.compile(r",[^,]*,?[ \t]+(?:and|or|&)[ \t]+$")
# a preposition of place, then items of a list up to the name
_PLACED_LIST_BEFORE = re.compile(r"\b(?:[Ii]n|[Ff]rom|[Nn]ear|[Aa]cross|[Tt]hrough|[Oo]utside|"
                                 rf"[Aa]round|[Bb]etween)[ \t]+{_ITEM}(?:{_SEP}{_ITEM})*{_SEP}$")


_LIST_GOES_ON = re.compile(r"[ \t]*(?:[,.;:)]|$|(?:and|or)\b)")


def _listed_with_places(text: str, s: int, e: int, spans: Iterable[RawMention]) -> bool:
    """An item of a list of places ("Estremoz, Borba and Vila Serrana", "in Madurai, Tamil
    Nadu, and"): a span the model calls a place right before or after it, and the list
    going on after it -- not "In Austin, Ann Roe opened a bakery".  Neither for nor
    against by itself (the model calls a band a town: "Kate Bush and White Town"): it
    gives a name written only where places stand a word for being one."""
    return bool(_LIST_GOES_ON.match(text, e)) and any(
        m.label in PLACE_LABELS and _listed_beside(text, s, e, m) for m in spans)


@per_document
def document_evidence(doc: DocText, names: Iterable[str], raw: Mapping[str, list[RawMention]],
                      lowercase: set[str] | frozenset[str] = frozenset(),
                      titles: frozenset[str] = frozenset()) -> dict[str, ev.NameEvidence]:
    """What one document says about each of ``names`` (full names): the cues of every
    place it writes the name, headings included (after one of ``titles``, the forms of
    address the document's names were cut from, as after a title), and of every place it writes the
    family name alone ("Levin says" after "Michael Levin") -- a word standing by
    itself, not inside a longer capitalized name; a family name that is also a word
    used in lower case ("Display", "Wall") counts alone only where a cue vouches for it
    ("Wall said").  Per document, so that a collection's evidence is the sum of its
    documents'."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    out = {n: ev.NameEvidence() for n in names}
    if not names:
        return out
    full = re.compile(r"(?<![\w'’.-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    families: dict[str, list[str]] = {}
    for n in names:
        if len(nm.tokens(n)) >= 2:
            fam = nm.family_word(n)
            if len(fam) > 1 and fam[:1].isupper():
                families.setdefault(fam, []).append(n)
    bare = (re.compile(r"(?<![\w'’.&-])(" + "|".join(map(re.escape, sorted(families, key=len,
                                                                           reverse=True)))
                       + r")(?![\w&-]|['’][A-Za-z]{2})") if families else None)
    for pid, kind, text in doc.paragraphs:
        heading = rules.is_heading_kind(kind, text)
        spans = raw.get(pid, ())
        taken: list[tuple[int, int]] = []
        for m in full.finditer(text):
            s, e = m.span(1)
            taken.append((s, e))
            found = span_cues(text, s, e, spans)
            if _TITLE_FIRST.match(m.group(1)):
                found |= {"title"}  # "King Charles", "Pope Francis" (not "Gen Z")
            t = _WORD_BEFORE.search(text, 0, s)
            if t and t.group(1) in titles:  # "Matua [Hemi Tane Rangi]": the title cut
                found = found - TITLE_READ_AS_NAME  # not the first word of a longer name
            out[m.group(1)].add(doc.doc_id, found, ev.opening(text, s), heading)
        if bare is None or heading:
            continue
        for m in bare.finditer(text):
            s, e = m.span(1)
            if any(a <= s < b for a, b in taken) or _in_a_run(text, s, e):
                continue
            found = ev.cues(text, s, e)
            if any(o.start <= s and e <= o.end and o.label in NOT_PERSON_LABELS
                   for o in spans):
                found |= {"labeled_other"}  # the model calls the word something else here
            elif not found & (ev.STRONG | ev.AGAINST) and rules.ordinary(m.group(1), lowercase):
                continue
            for n in families[m.group(1)]:
                out[n].add_bare(found)
    return out


def collection_evidence(docs: Iterable[tuple[DocText, set[str]]],
                        raw: Mapping[str, list[RawMention]],
                        lowercase: set[str] | frozenset[str] = frozenset(),
                        titles: Mapping[str, frozenset[str]] | None = None
                        ) -> dict[str, ev.NameEvidence]:
    """:func:`document_evidence` of each document for its names, summed by name
    (``titles``: by document id, the forms of address cut from its names)."""
    out: dict[str, ev.NameEvidence] = {}
    for doc, names in docs:
        cut = (titles or {}).get(doc.doc_id, frozenset())
        for name, evid in document_evidence(doc, names, raw, lowercase, cut).items():
            out.setdefault(name, ev.NameEvidence()).merge(evid)
    return out


_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*)[ \t]+$")
_TITLE_FIRST = re.compile(rf"(?:{TITLES})[ \t]")
_IN_A_RUN_AFTER = re.compile(r"[ \t]+[A-Z]")


def _in_a_run(text: str, s: int, e: int) -> bool:
    """Whether the word at ``text[s:e]`` is part of a longer capitalized name: a
    capitalized word right after it, or right before it that is neither a title
    ("Dr. Levin") nor a sentence's first word ("Then Levin said")."""
    if _IN_A_RUN_AFTER.match(text, e):
        return True
    m = _WORD_BEFORE.search(text, max(0, s - 40), s)
    if not m:
        return False
    word = m.group(1)
    return not (word in TITLE_WORDS or word.rstrip(".") in TITLE_WORDS
                or ev.opening(text, m.start()))


def _beside_person(text: str, s: int, e: int, spans: Iterable[RawMention]) -> bool:
    """Listed with a person: "Marcel Granollers and Feliciano Lopez" -- not with a name
    that begins with the same word: "Nimbus Notes and Nimbus Mail", "Mono, and Mono
    Display" list a product family."""
    first = text[s:e].split()[0] if text[s:e].split() else ""
    return any(m.label == "PERSON" and m.text.split()[:1] != [first]
               and _listed_beside(text, s, e, m) for m in spans)


def _listed_beside(text: str, s: int, e: int, m: RawMention) -> bool:
    """Whether the model's span ``m`` is the item right before or after ``text[s:e]`` in a
    list ("A and B", "A, B")."""
    return bool(m.end <= s and LIST_AND.fullmatch(text, m.end, s)
                or e <= m.start and LIST_AND.fullmatch(text, e, m.start))
