"""Places found in a collection: the model's place spans, judged like persons' names.

The model labels as places words that are not: a contraction's "n" (from "n't"),
a common word opening a sentence ("Paranoia"), a family in the plural ("the
Bidens"), a demonym ("Ukrainian officials"), a company ("Netflix"), a person's
family name ("Sondland's role").  Each candidate is judged over the collection:

* its letters: two or more, a capital first, no digits;
* a person's name: the family name of a person of the same document is that
  person (and becomes a person mention), its plural is a family;
* a demonym: a word ending like one (-ian, -ese, -ish, -ean) followed by a
  lower-case word, or labeled a nationality by the model more often than a place;
* an ordinary word: a single word used in lower case in the collection is a place
  only after a preposition of place ("in", "from", "near" ...) or in a dateline;
* the model's votes: a string labeled an organisation, a person or a product more
  often than a place is one, unless a preposition of place or a dateline says
  otherwise.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from searchapp.ingest.entities import Mention
from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import (
    PLACE_LABELS,
    DocText,
    Lookup,
    family_key,
    model_language,
)
from searchapp.ingest.persons.words import ORG_WORDS

_PREPOSITION = re.compile(r"\b(?:in|from|to|into|across|throughout|near|outside|inside|around|"
                          r"toward|towards|via|within|across|through|visit|visited|visiting|"
                          r"entered|left|invaded|based|leaves|arrived|headed|flew|"
                          r"born|raised|lives|lived)[ \t]+(?:the[ \t]+)?$", re.I)
_DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][\w.]*\.?\s*)?(?:\([A-Z]+\)\s*)?[—–:-]")
_COMPOUND_AFTER = re.compile(rf"^[{re.escape(nm.HYPHENS)}](?:based|born|area|bound|headquartered)\b")
_CITY_STATE = re.compile(r"^,[ \t]+([A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+)?)\b")
_STATE_OF = re.compile(r"((?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+),[ \t]+$")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ans)$")
_LOWER_AFTER = re.compile(r"^[ \t]+[a-z]")
_TEMPORAL = re.compile(r"\b(?:during|since|until|till|ahead[ \t]+of|celebrat\w*)[ \t]+"
                       r"(?:the[ \t]+)?$", re.I)
_CREDIT = re.compile(r"(?:©|\(c\)|Copyright)\s*$", re.I)
_ACTS_AFTER = re.compile(r"^(?:['’]s)?[ \t]+(?:said|says|reported|reports|announced|told|"
                         r"tweeted|wrote|declined|launched|acquired|bought|hired|offers|"
                         r"shares|stock|ceo|founder|app|users|subscribers|platform)\b", re.I)


def judge_places(documents: Iterable[DocText], raw: Mapping[str, list[RawMention]], coll,
                 mentions: dict[str, list[Mention]], lookup: Lookup) -> dict[str, str]:
    """Add the collection's trusted place mentions to ``mentions``; a person's family
    name the model labeled a place becomes a mention of that person.  Returns the
    place names turned down, with why."""
    occurrences: list[tuple[str, int, int, str, frozenset[str]]] = []
    cue_counts: dict[str, Counter] = defaultdict(Counter)
    for doc in documents:
        here = {pid: mentions[pid] for pid in doc.pids if mentions.get(pid)}
        persons, found = place_occurrences(doc, here, raw, coll, lookup)
        for pid, ms in persons.items():
            mentions.setdefault(pid, []).extend(ms)
        for occurrence in found:
            occurrences.append(occurrence)
            name = occurrence[3]
            cue_counts[name].update(occurrence[4])
            cue_counts[name]["n"] += 1
    rejected = {name: why for name in cue_counts
                if (why := _problem(name, cue_counts[name], coll, lookup))}
    # A place nothing else speaks for counts beside another place of its paragraph
    # ("Germany would help Ukraine" after "in Berlin"), not alone among brands.
    alone = {n for n, why in rejected.items() if why == _ALONE}
    if alone:
        placed_in: dict[str, set[str]] = defaultdict(set)
        for pid, _, _, name, _ in occurrences:
            if name not in rejected:
                placed_in[pid].add(name)
        for pid, _, _, name, _ in occurrences:
            if name in alone and placed_in[pid] - {name}:
                rejected.pop(name, None)
    for pid, s, e, name, _ in occurrences:
        if name in rejected or _overlaps(mentions.get(pid, ()), s, e):
            continue
        canonical = name
        if lookup.registry is not None:
            canonical = lookup.registry.canonical_place(name) or name
        mentions.setdefault(pid, []).append(Mention(s, e, canonical, "place"))
    for ms in mentions.values():
        ms.sort(key=lambda m: (m.start, m.end))
    return rejected


@per_document
def place_occurrences(doc: DocText, mentions: dict[str, list[Mention]],
                      raw: Mapping[str, list[RawMention]], coll, lookup: Lookup
                      ) -> tuple[dict[str, list[Mention]], list[tuple]]:
    """One document's part of :func:`judge_places`, given its person ``mentions`` by
    paragraph: the person mentions a place span makes (a person's family name labeled
    a place), by paragraph, and the place candidates ``(pid, start, end, name, cues)``."""
    persons: dict[str, list[Mention]] = {}
    occurrences: list[tuple[str, int, int, str, frozenset[str]]] = []
    if not model_language(doc):
        return persons, occurrences
    persons_here = {m.name for pid, _, _ in doc.paragraphs
                    for m in mentions.get(pid, ()) if m.kind == "person"}
    families = {family_key(w): n for n in persons_here
                for s in lookup.spellings.get(n, (n,))
                if not nm.HAN.search(s) and not nm.HANGUL.search(s)
                for w in (nm.family_word(s),)}
    for pid, _, text in doc.paragraphs:
        for m in raw.get(pid, ()):
            if m.label not in PLACE_LABELS or text[m.start:m.end] != m.text:
                continue
            span = rules.repair_place(text, m.start, m.end)
            if span is None:
                continue
            s, e = span
            name = text[s:e]
            if _overlaps([*mentions.get(pid, ()), *persons.get(pid, ())], s, e):
                continue
            person = families.get(family_key(name)) if " " not in name else None
            if person and not name.isupper():
                persons.setdefault(pid, []).append(
                    Mention(s, e, person, "person", "short name (same article)"))
                continue
            found = _cues(text, m.start, m.end, s, e, raw.get(pid, ()), coll)
            occurrences.append((pid, s, e, name, found))
    return persons, occurrences


def _overlaps(ms, s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in ms)


def _a_place(word: str, coll) -> bool:
    """Whether the model mostly calls ``word`` a place over the collection."""
    places = coll.place_votes[word]
    return places > 0 and places > coll.person_votes[word] + coll.thing_votes[word]


def _cues(text: str, ms: int, me: int, s: int, e: int, spans: Iterable[RawMention], coll
          ) -> frozenset[str]:
    out = set(ev.cues(text, s, e) & {"thing", "quoted", "thing_apposition"})
    before = text[max(0, s - 40):s]
    after = text[e:e + 60]
    if _TEMPORAL.search(before):
        out.add("temporal")
    if _CREDIT.search(before):
        out.add("credit")
    for m in spans:  # listed with organisations ("Marvel, Lucasfilm and BamTech") or places
        beside = ((m.end <= s and _AND.fullmatch(text, m.end, s))
                  or (e <= m.start and _AND.fullmatch(text, e, m.start)))
        if beside and m.label in ("ORG", "PRODUCT"):
            out.add("listed_with_org")
        elif beside and m.label in PLACE_LABELS:
            out.add("listed_with_place")
    if _PREPOSITION.search(before):
        out.add("preposition")
    if not text[:s].strip() and _DATELINE_AFTER.match(after):
        out.add("dateline")
    if _COMPOUND_AFTER.match(text[e:me + 12]):
        out.add("compound")
    # "Paris, France": the other half a place too ("Windows, Linux" is a list of brands)
    m = _CITY_STATE.match(after) or _STATE_OF.search(before)
    if m and _a_place(m.group(1), coll):
        out.add("city_state")
    if _LOWER_AFTER.match(after):
        out.add("lower_after")
    if _ACTS_AFTER.match(after):
        out.add("acts")
    if rules.is_heading_kind("body", text) or not text[:s].strip() or re.search(
            r"[.!?:;\"“”]\s*$", before):
        out.add("opening")
    return frozenset(out)


_PLACE_CUES = ("preposition", "dateline", "compound", "city_state", "listed_with_place")
_CAMEL = re.compile(r"[a-z][A-Z]")
_CAMEL_OK = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z]")
_AGAINST = ("thing", "quoted", "thing_apposition", "temporal", "listed_with_org", "credit")
_AND = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s*&)\s+")


def _problem(name: str, cues: Counter, coll, lookup: Lookup) -> str | None:
    """Why ``name`` is not a place, or None."""
    letters = re.sub(r"[^A-Za-z\u00c0-\u024f]", "", name)
    if len(letters) < 2 or not name[:1].isupper() or any(ch.isdigit() for ch in name):
        return "not a place name's letters"
    placed = sum(cues[c] for c in _PLACE_CUES)
    strongly = sum(cues[c] for c in _PLACE_CUES if c != "preposition")
    n = cues["n"]
    if any(_CAMEL.search(w) and not _CAMEL_OK.match(w) for w in name.split()):
        return "a brand's capitals"
    if name.split()[-1] in ORG_WORDS and " " in name:
        return "an organisation's or a work's last word"
    if name.endswith("s") and family_key(name[:-1]) in lookup.families:
        return "a family (a person's name in the plural)"
    if " " not in name and lookup.families.get(family_key(name)) and not placed:
        return "a person's family name"
    norp = coll.norp_votes[name]
    if ((_DEMONYM.search(name) and cues["lower_after"] >= n / 2) or norp > coll.place_votes[name]) \
            and not placed:
        return "a nationality"
    if (" " not in name and not name.isupper() and rules.ordinary(name, coll.lowercase)
            and not strongly):  # "US" is not "us"
        return "an ordinary word"
    places = coll.place_votes[name]
    others = coll.person_votes[name] + coll.thing_votes[name] - places
    if others > places + placed:
        return f"the model: {others} organisation or person, {places} place"
    if re.fullmatch(r"[A-Z]{2,4}", name) and others and places < 3 * others and not strongly:
        return f"an acronym the model also calls an organisation ({others} of {places + others})"
    against = sum(cues[c] for c in _AGAINST)
    if against and against >= placed and against >= n / 2:
        return "context against: " + ", ".join(c for c in _AGAINST if cues[c])
    if cues["acts"] and cues["acts"] >= n / 2 and not placed:
        return "acts like an organisation (reported, said, its CEO)"
    if not placed and (places < 2 or others):
        return _ALONE
    return None


_ALONE = "nothing around it says it is a place"
