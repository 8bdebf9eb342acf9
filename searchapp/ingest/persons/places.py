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
  otherwise;
* a person's or a people's slot (:mod:`place_slots`): a word never in a place's slot
  that names a person of its page, stands where a person stands ("binti X", "X, 71,")
  or qualifies a people or names a language ("an X farmer", "(… in X)").
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from searchapp.ingest.entities import Mention
from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import place_slots, rules
from searchapp.ingest.persons.memo import active, per_document, tracked
from searchapp.ingest.persons.native_places import native_places
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import (
    PLACE_LABELS,
    DocText,
    Lookup,
    family_key,
    model_language,
)
from searchapp.ingest.persons.words import (
    CREDENTIALS,
    FIRM_WORDS,
    ORG_HEADS,
    ORG_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    THING_NOUNS,
)
from searchapp.lexicon import APOSTROPHES, POSSESSIVE, PREFIXED_NAME, TITLE_WORDS, WEEKDAYS

#: What follows a dateline's place in capitals: "MUSCAT, March 3", "NEW DELHI (Reuters) -".
_CAPS_DATELINE_END = re.compile(r"[ \t]*(?:,|\(|[—–-][ \t])")
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
# a noun a brand's name qualifies ("Acme flights", "Acme products"), not a small word
# ("secured France an opening win", "Ohio and")
_MODIFIES = re.compile(r"^[ \t]+(?!(?:a|an|the|and|or|but|to|in|on|at|of|for|by|with|as|is|was|"
                       r"are|were|has|had|have|will|would|can|could|may|might|said|says|that|"
                       r"this|its|his|her|their|our|from|into|after|before|since|over|under|"
                       r"about|than|then|so|if|when|where|while|who|which|also|now|not|again|today|"
                       r"yesterday|tomorrow|last|next|once|twice|too|still|already|here|there|"
                       r"together|alone|instead|until|during|every|each|all|both)\b)"
                       r"[a-z]{3,}\b")
_TEMPORAL = re.compile(r"\b(?:during|since|until|till|ahead[ \t]+of|celebrat\w*)[ \t]+"
                       r"(?:the[ \t]+)?$", re.I)
# where a body sits and is spoken to: "speaking in the X", "told the X", "elected to the X",
# "a seat in the X", "defended the plan in the X" -- a parliament or an assembly
_SITS_BEFORE = re.compile(r"\b(?:told|addressed|elected[ \t]+to|seats?[ \t]+in|debated?[ \t]+in|"
                          r"voted?[ \t]+in|votes[ \t]+in|speech(?:es)?[ \t]+(?:in|to)|"
                          r"speaking[ \t]+(?:in|to|before)|spoke[ \t]+(?:in|to|before)|"
                          r"members?[ \t]+of|deputies[ \t]+(?:in|of)|lawmakers[ \t]+in|"
                          r"majority[ \t]+in|(?:defended|presented|introduced|tabled)[ \t]+"
                          r"(?:the|a|his|her|its|their)[ \t]+\w+[ \t]+(?:in|to|before))"
                          r"[ \t]+the[ \t]+$", re.I)
_CREDIT = re.compile(r"(?:©|\(c\)|Copyright)\s*$", re.I)
_ACTS_AFTER = re.compile(r"^(?:" + POSSESSIVE + r")?[ \t]+(?:said|says|reported|reports|announced|told|"
                         r"tweeted|wrote|declined|launched|acquired|bought|hired|offers|"
                         r"shares|stock|ceo|founder|app|users|subscribers|platform)\b", re.I)


def judge_places(documents: Iterable[DocText], raw: Mapping[str, list[RawMention]], coll,
                 mentions: dict[str, list[Mention]], lookup: Lookup) -> dict[str, str]:
    """Add the collection's trusted place mentions to ``mentions``; a person's family
    name the model labeled a place becomes a mention of that person.  Returns the
    place names turned down, with why."""
    occurrences: list[tuple[str, int, int, str, frozenset[str]]] = []
    cue_counts: dict[str, Counter] = defaultdict(Counter)
    paragraphs: dict[str, set[str]] = defaultdict(set)
    said_elsewhere = []
    votes = place_words(coll)
    touched: set[str] = set()  # the paragraphs whose mentions grow (the others are in order)
    opening: list[tuple[str, int, str, str]] = []
    for doc in documents:
        if not model_language(doc):  # Chinese, Japanese, Korean: the slots news writes
            for pid, ms in native_places(doc).items():  # places in ("／高雄報導", "東京都")
                ms = [m for m in ms if not _overlaps(mentions.get(pid, ()), m.start, m.end)]
                if ms:
                    mentions.setdefault(pid, []).extend(ms)
                    touched.add(pid)
            continue
        here = {pid: mentions[pid] for pid in doc.pids if mentions.get(pid)}
        persons, found, elsewhere = place_occurrences(doc, here, raw, coll, lookup, votes)
        for pid, ms in persons.items():
            mentions.setdefault(pid, []).extend(ms)
            touched.add(pid)
        occurrences.extend(found)
        said_elsewhere.append(elsewhere)
        texts = None
        for pid, s, e, name, _ in found:  # a name in capitals opening its paragraph
            if s <= 1 and len(name) >= 4 and name.isupper():
                if texts is None:  # (a paragraph id is its document's own)
                    texts = {p: text for p, _, text in doc.paragraphs}
                opening.append((pid, e, name, texts.get(pid, "")))
    # a dateline's "SEOUL" is the Seoul the collection writes elsewhere: one place, judged
    # on all its uses (an acronym the collection never writes otherwise stays as it is)
    written: dict[str, Counter] = defaultdict(Counter)
    for *_, name, _ in occurrences:
        if not name.isupper():
            written[name.casefold()][name] += 1
    twin = {name: written[name.casefold()].most_common(1)[0][0]
            for *_, name, _ in occurrences
            if name.isupper() and len(name) >= 4 and written.get(name.casefold())}  # not US
    twin.update(compass_twins({name for *_, name, _ in occurrences}, written))
    # a dateline's "MUSCAT" the collection writes nowhere else: the place as a name is
    # written ("Muscat"), not in the dateline's capitals
    for _, e, name, text in opening:
        if name not in twin and _CAPS_DATELINE_END.match(text, e):
            twin[name] = " ".join(w.capitalize() for w in name.split())
    occurrences = [(pid, s, e, twin.get(name, name), cues)
                   for pid, s, e, name, cues in occurrences]
    # (74k uses at 100k paragraphs, a few thousand distinct: counted by kind first)
    for (name, cues), k in Counter((name, cues) for *_, name, cues in occurrences).items():
        counts = cue_counts[name]
        for c in cues:
            counts[c] += k
        counts["n"] += k
    for elsewhere in said_elsewhere:
        for name, (counts, digests) in elsewhere.items():
            name = twin.get(name, name)
            cue_counts[name].update(counts)
            paragraphs[name] |= digests
    for name, digests in paragraphs.items():
        cue_counts[name]["texts"] = len(digests)  # distinct paragraphs (copies count once)
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
    canonical: dict[str, str] = {}  # a few hundred places, 74k uses at 100k paragraphs
    for pid, s, e, name, _ in occurrences:
        if name in rejected or _overlaps(mentions.get(pid, ()), s, e):
            continue
        if name not in canonical:
            canonical[name] = (lookup.registry.canonical_place(name) or name
                               if lookup.registry is not None else name)
        mentions.setdefault(pid, []).append(Mention(s, e, canonical[name], "place"))
        touched.add(pid)
    for pid in touched:  # (resolution gives each paragraph's mentions in order)
        mentions[pid].sort(key=lambda m: (m.start, m.end))
    return rejected


#: A compass word and its initial as a place's name abbreviates it ("S. Korea", "N. Ireland").
_COMPASS_WORDS = {"N": ("North", "Northern"), "S": ("South", "Southern"),
                  "E": ("East", "Eastern"), "W": ("West", "Western")}
_ABBREVIATED_COMPASS = re.compile(r"([NSEW])\.[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)")


def compass_twins(names: Iterable[str], written: Mapping[str, Counter]) -> dict[str, str]:
    """Places written with an abbreviated compass word ("S. Korea", "N. Ireland") -> the
    place the collection writes in full ("South Korea", "Northern Ireland"): one place.
    ``written`` holds the collection's place names by their case-folded form.  An
    abbreviation the collection never writes in full stays as it is."""
    out = {}
    for name in names:
        m = _ABBREVIATED_COMPASS.fullmatch(name)
        if not m:
            continue
        full = [f"{w} {m.group(2)}" for w in _COMPASS_WORDS[m.group(1)]
                if written.get(f"{w} {m.group(2)}".casefold())]
        if len(full) == 1:
            out[name] = written[full[0].casefold()].most_common(1)[0][0]
    return out


@dataclass
class PlaceWords:
    """What the model's votes say of a string, as one document's place candidates read
    it: whether it is ever called a place (``any``), and whether mostly (``mostly``:
    more often than a person or a thing).  A new count that leaves both answers as they
    were changes no document's place candidates (:func:`place_occurrences` is kept)."""

    any: set[str] = field(default_factory=set)
    mostly: set[str] = field(default_factory=set)


def place_words(coll) -> PlaceWords:
    """:class:`PlaceWords` of the collection's votes (under a memo, as recording views
    of the tables ``places.any`` and ``places.mostly``)."""
    votes = coll.place_votes  # (read by the collection step: no document's reads)
    out = PlaceWords({w for w, n in votes.items() if n > 0},
                     {w for w, n in votes.items()
                      if n > 0 and n > coll.person_votes[w] + coll.thing_votes[w]})
    memo = active()
    return out if memo is None else tracked(out, memo, "places", ("any", "mostly"))


@per_document
def place_occurrences(doc: DocText, mentions: dict[str, list[Mention]],
                      raw: Mapping[str, list[RawMention]], coll, lookup: Lookup,
                      votes: PlaceWords) -> tuple[dict[str, list[Mention]], list[tuple],
                                                  dict[str, tuple[dict[str, int],
                                                                  frozenset[str]]]]:
    """One document's part of :func:`judge_places`, given its person ``mentions`` by
    paragraph: the person mentions a place span makes (a person's family name labeled
    a place), by paragraph, the place candidates ``(pid, start, end, name, cues)``, and
    what the document says of each candidate elsewhere: the cues of its other uses
    (:func:`_read_unlabeled`) and digests of the paragraphs the model calls it a place in
    (a paragraph copied into several documents is one).  ``votes``: the collection's
    votes as it reads them (:func:`place_words`)."""
    persons: dict[str, list[Mention]] = {}
    occurrences: list[tuple[str, int, int, str, frozenset[str]]] = []
    elsewhere: dict[str, tuple[dict[str, int], frozenset[str]]] = {}
    if not model_language(doc):
        return persons, occurrences, elsewhere
    persons_here = {m.name for pid, _, _ in doc.paragraphs
                    for m in mentions.get(pid, ()) if m.kind == "person"}
    families = {family_key(w): n for n in persons_here
                for s in lookup.spellings.get(n, (n,))
                if not nm.HAN.search(s) and not nm.HANGUL.search(s)
                for w in (nm.family_word(s),)}
    labeled: dict[str, set[tuple[str, int]]] = {}
    texts: dict[str, set[str]] = {}
    name_words = None  # the words of its persons' names ("Nurbol" of "Nurbol Sarsenbaiuly")
    # "Kshitij" beside "Kshitij Aerospace": the short form of a firm the document names, a
    # name and an organisation's word (not "Amsterdam Light Festival", "Indiana State")
    spans = {pid: raw.get(pid, ()) for pid in doc.pids}  # (a store may load each on asking)
    firms = {words[0] for ms in spans.values() for m in ms
             if m.label == "ORG" and len(words := m.text.split()) == 2
             and (last := words[-1].rstrip("'’s")) in ORG_WORDS | FIRM_WORDS
             and last not in PLACE_HEADS}
    for pid, _, text in doc.paragraphs:
        for m in spans[pid]:
            if m.label not in PLACE_LABELS or text[m.start:m.end] != m.text:
                continue
            span = rules.repair_place(text, m.start, m.end)
            if span is None:
                continue
            for part in rules.place_parts(text, *span, lambda w: w in votes.any):
                s, e = rules.whole_place(text, *part, lambda w: w in votes.any)
                name = text[s:e]
                if _overlaps([*mentions.get(pid, ()), *persons.get(pid, ())], s, e):
                    continue
                person = families.get(family_key(name)) if " " not in name else None
                if person and not name.isupper():
                    persons.setdefault(pid, []).append(
                        Mention(s, e, person, "person", "short name (same article)"))
                    continue
                found = _cues(text, m.start, m.end, s, e, spans[pid], votes)
                if name in firms:
                    found |= {"firm_short"}
                if " " not in name:
                    if name_words is None:
                        name_words = place_slots.name_words(persons_here, lookup.spellings,
                                                            spans.values())
                    if place_slots.names_a_person(text, s, e, name_words):
                        found |= {"name_word"}
                occurrences.append((pid, s, e, name, found))
                labeled.setdefault(name, set()).add((pid, s))
                texts.setdefault(name, set()).add(text)
    occurrences += _unlabeled_datelines(doc, labeled)
    counts: dict[str, Counter] = defaultdict(Counter)
    _read_unlabeled(doc, labeled, raw, votes, counts)
    elsewhere = {name: (dict(counts.get(name, {})),
                        frozenset(hashlib.blake2b(t.encode(), digest_size=8).hexdigest()
                                  for t in seen))
                 for name, seen in texts.items()}
    return persons, occurrences, elsewhere


def _read_unlabeled(doc: DocText, labeled: Mapping[str, set[tuple[str, int]]],
                    raw: Mapping[str, list[RawMention]], votes: PlaceWords,
                    cue_counts: dict[str, Counter]) -> None:
    """Add the cues of every place ``doc`` writes a place candidate of its own without the
    model calling it a place there ("Preply offers trial lessons", "Javalin is a new
    framework" beside a "Preply" or "Javalin" the model took for a town): a name is judged
    on all its uses in its documents, as persons are."""
    if not labeled:
        return
    rx = re.compile(r"(?<![\w'’.&-])(" + "|".join(map(re.escape, sorted(labeled, key=len,
                                                                        reverse=True)))
                    + r")(?![\w&-])")
    for pid, _, text in doc.paragraphs:
        for m in rx.finditer(text):
            s, e = m.span(1)
            if (pid, s) in labeled[m.group(1)] or _IN_A_RUN.match(text, e) \
                    or _CAPITAL_BEFORE.search(text, max(0, s - 30), s) and not ev.opening(text, s):
                continue
            found = _cues(text, s, e, s, e, raw.get(pid, ()), votes) & _UNLABELED_CUES
            cue_counts[m.group(1)].update(found)


#: A paragraph opening with a dateline in capitals: "ŁÓDŹ —", "TROMSØ, Norway, March 14".
_CAPS_DATELINE = re.compile(r"\s*([^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){0,3})"
                            r"(?=[ \t]*(?:,|\(|[—–-][ \t]))")


def _unlabeled_datelines(doc: DocText, labeled: Mapping[str, set[tuple[str, int]]]
                         ) -> list[tuple[str, int, int, str, frozenset[str]]]:
    """Place candidates of the datelines the model did not call a place ("ŁÓDŹ —", typed
    an organisation) where the document writes the same name as a place candidate of its
    own ("Łódź"): the dateline is the strongest evidence of a place there is, and the
    model's English reading of capitals with marks is the weakest."""
    if not labeled:
        return []
    written = {name.casefold() for name in labeled if not name.isupper()}
    out = []
    for pid, _, text in doc.paragraphs[:8]:
        m = _CAPS_DATELINE.match(text)
        if m and m.group(1).isupper() and m.group(1).casefold() in written \
                and m.group(1) not in labeled:
            out.append((pid, m.start(1), m.end(1), m.group(1), frozenset({"dateline"})))
    return out


_IN_A_RUN = re.compile(r"[ \t]+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")


def _overlaps(ms, s: int, e: int) -> bool:
    for m in ms:  # (a loop: 74k calls at 100k paragraphs, any() over a generator 2x slower)
        if m.start < e and s < m.end:
            return True
    return False


#: What ev.cues finds that says a thing or a firm ("Acme offers", "using Acme", "Acme's
#: pricing", "At Acme, we") or a person ("Dr. X", "X, 45,", "X's wife").
_THING_CUES = frozenset({"thing", "quoted", "thing_apposition", "thing_verb", "used",
                         "belongings", "at_org"})
#: What the places of a document the model did not label a place add to a candidate's cues:
#: what says a thing or a firm, and what says a place -- not the weak shapes (a capital
#: after it, an opening position, a lower-case word after it).
_UNLABELED_CUES = frozenset({*_THING_CUES, "acts", "firm", "personal", "people", "language",
                             "preposition",
                             "in_only", "a_thing", "dateline", "compound", "city_state"})
#: What says a thing in a name's own uses, not in its neighbours' (a place is listed beside
#: firms or persons as often).
_USED_AS_A_THING = ("thing", "thing_verb", "used", "a_thing", "quoted", "belongings")
# (not an age, a credential or life dates: "Louisiana (49)", "Boston, MA", "in Paris
# (1981–1986)"; not "X's election")
_PERSON_CUES = frozenset({"title"})
# "thanks to X", "thank you to X": a person
_THANKS = re.compile(r"\b(?:[Tt]hanks|[Tt]hank[ \t]+you)[ \t]+(?:to[ \t]+)?$")
# "CEO of Acme", "customers of Acme": a firm or a product
_OF_A_FIRM = re.compile(r"\b(?:CEO|CFO|CTO|COO|founder|co-founder|cofounder|owner|employees?|staff|"
                        r"customers?|clients?|users?|subscribers?|shareholders?|investors?|versions?|"
                        r"features?|shares|stock|board|subsidiary|acquisition|makers?|creators?|"
                        r"developers?)[ \t]+(?:of|at)[ \t]+$", re.I)
# "who founded Acme in 2019", "bought Acme": a firm
_FOUNDED_BEFORE = re.compile(r"\b(?:founded|co-?founded|cofounded|acquired|bought|invested[ \t]+in)"
                             r"[ \t]+$")
# "France-based Acme": what follows a place's compound is a firm
_BASED_BEFORE = re.compile(rf"\w[{re.escape(nm.HYPHENS)}](?:based|headquartered)[ \t]+$")
_POWERED_AFTER = re.compile(rf"^[{re.escape(nm.HYPHENS)}](?:powered|driven|enabled|native|"
                            r"compatible|certified|branded)\b")
_ORG_WORD_AFTER = re.compile(r"^[ \t]+([A-Z][\w'’]*)")
# "St. John['s University]", "King['s College]": the start of an institution's name
# (not "the U.K.'s University of York": a place's institution)
_INSTITUTION_AFTER = re.compile(rf"^{POSSESSIVE}[ \t]+(?:University|College|Hospital|Infirmary|"
                                r"Church|Cathedral|Abbey|Academy|School|Chapel)\b(?![ \t]+of\b)")


def _cues(text: str, ms: int, me: int, s: int, e: int, spans: Iterable[RawMention],
          votes: PlaceWords) -> frozenset[str]:
    found = ev.cues(text, s, e)
    out = set(found & _THING_CUES)
    if "run_cut" in found and " " not in text[s:e] and not any(
            m.end <= s and not text[m.end:s].strip() for m in spans):
        # "Mohandes Kourosh [X]": the last word of a longer name the model left untyped
        # (not "the Swiss [Alps]", "Oriental [Mindoro]": a word the model types itself)
        out.add("tail")
    if found & _PERSON_CUES or _THANKS.search(text, max(0, s - 20), s) \
            or place_slots.person_slot(text, s, e):
        out.add("personal")  # "Dr. X", "binti X", "X, 71,", "X's brother", "her son, X"
    if place_slots.people_slot(text, s, e):
        out.add("people")  # "an X farmer", "whose X mother", "X families"
    language = place_slots.language_slot(text, s, e)
    if language:
        out.add("language")  # "(ⵉⵜⵜⵓ in X)", "speaks X", "in X script"
    before = text[max(0, s - 40):s]
    after = text[e:e + 60]
    if _TEMPORAL.search(before):
        out.add("temporal")
    if _SITS_BEFORE.search(before):
        out.add("assembly")  # "speaking in the X", "told the X", "a seat in the X"
    if _CREDIT.search(before):
        out.add("credit")
    if _OF_A_FIRM.search(before) or _BASED_BEFORE.search(before) or _POWERED_AFTER.match(after) \
            or _FOUNDED_BEFORE.search(before):
        out.add("firm")
    if _INSTITUTION_AFTER.match(after):
        out.add("firm")  # "St. John's University", "King's College": an institution's name
    m = _ORG_WORD_AFTER.match(after)
    if m and m.group(1) in FIRM_WORDS:
        out.add("firm")  # "Southwest Airlines": the start of a firm's name
    elif m and m.group(1) not in TITLE_WORDS and m.group(1) not in _NOT_A_NAME_WORD:
        out.add("run_cut")  # "South [Africa]": the model cut a longer name
    for m in spans:  # listed with organisations ("Marvel, Lucasfilm and BamTech") or places
        after_org = m.end <= s and _COMMA.fullmatch(text, m.end, s)
        beside = ((m.end <= s and _AND.fullmatch(text, m.end, s))
                  or (e <= m.start and _AND.fullmatch(text, e, m.start)))
        if after_org and m.label in ("ORG", "FAC") and _VENUE_END.match(text, e):
            out.add("org_city")  # "the Museum of Modern Art, New York;"
        elif beside and m.label in ("ORG", "PRODUCT") and m.text.isascii():
            # (not a name with marks: "Poznań, Wrocław and X", the English model's weakest
            # reading, of towns as of firms)
            out.add("listed_with_org")
        elif beside and m.label in PLACE_LABELS:
            out.add("listed_with_place")
        elif beside and m.label == "NORP":
            out.add("listed_with_norp")  # "Hebrew, Arabic, Tamil": languages
        elif beside and m.label == "PERSON" and _AND_OR.fullmatch(
                text, *((m.end, s) if m.end <= s else (e, m.start))):
            out.add("listed_with_person")  # "Gucci, Balenciaga and Alexander McQueen"
        if m.label == "PERSON" and _COMMA.fullmatch(text, m.end, s):
            out.add("after_person")  # "Ann Roe, M.A.": a degree
    if _PREPOSITION.search(before) and not _POSSESSIVE.match(after) and not language:
        out.add("preposition")  # not "from Becca's review", "from the Gando brothers'"
        if _IN_ONLY.search(before):
            out.add("in_only")  # "in Acme": a file is made in an app too
    m = _INDEFINITE_APPOSITION.match(after)
    if m and any(w in THING_NOUNS for w in m.group(1).split()):
        out.add("a_thing")  # "in Quillpad, an encrypted notebook app"
    if not text[:s].strip() and _DATELINE_AFTER.match(after):
        out.add("dateline")
    if _COMPOUND_AFTER.match(text[e:me + 12]):
        out.add("compound")
    # "Paris, France": the other half a place too ("Windows, Linux" is a list of brands)
    m = _CITY_STATE.match(after) or _STATE_OF.search(before)
    if m and m.group(1) in votes.mostly:  # the model mostly calls it a place
        out.add("city_state")
    if _LOWER_AFTER.match(after):
        out.add("lower_after")
        if _MODIFIES.match(after):
            out.add("modifies")
    if _ACTS_AFTER.match(after):
        out.add("acts")
    if rules.is_heading_kind("body", text) or ev.opening(text, s):
        out.add("opening")
    return frozenset(out)


_COMMA = re.compile(r",[ \t]+")
_IN_ONLY = re.compile(r"\b(?:in|inside|within)[ \t]+(?:the[ \t]+)?$", re.I)
# "X, an encrypted notebook app": what X is, said at once (a town is "a town", not "an app")
_INDEFINITE_APPOSITION = re.compile(r"^,[ \t]+(?:an?)[ \t]+((?:[\w-]+[ \t]+){0,3}[a-z]+)\b")
_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s?(?![\w{APOSTROPHES}])"
                         rf"|[ \t]+[a-z]+s[{APOSTROPHES}](?![\w{APOSTROPHES}])")
_AND_OR = re.compile(r",?[ \t]+(?:and|or|&)[ \t]+")
_VENUE_END = re.compile(r"[ \t]*(?:[;()]|$|\.(?:\s|$)|,[ \t]+(?:and[ \t]+)?the\b)")
_NOT_A_NAME_WORD = frozenset({"I", "A", *WEEKDAYS})
_PLACE_CUES = ("preposition", "dateline", "compound", "city_state", "listed_with_place",
               "org_city")
_CAMEL = re.compile(r"[a-z][A-Z]")
_AGAINST = ("thing", "quoted", "thing_apposition", "a_thing", "temporal", "listed_with_org", "credit",
            "thing_verb", "used", "belongings", "at_org", "personal", "firm", "listed_with_norp",
            "listed_with_person", "tail")
_AND = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s*&)\s+")


def _problem(name: str, cues: Counter, coll, lookup: Lookup) -> str | None:
    """Why ``name`` is not a place, or None."""
    letters = re.sub(r"[^A-Za-z\u00c0-\u024f]", "", name)
    if len(letters) < 2 or not name[:1].isupper() or any(ch.isdigit() for ch in name):
        return "not a place name's letters"
    placed = sum(cues[c] for c in _PLACE_CUES)
    strongly = sum(cues[c] for c in _PLACE_CUES if c != "preposition")
    n = cues["n"]
    if any(_CAMEL.search(w) and not PREFIXED_NAME.match(w) for w in name.split()):
        return "a brand's capitals"
    if " " not in name and cues["assembly"] * 2 >= n and not strongly:
        return "a body that sits and is spoken to ('speaking in the X', 'told the X')"
    shape = _shape_problem(name, cues, coll)
    if shape:
        return shape
    if name.split()[-1] in ORG_WORDS and name.split()[-1] not in PLACE_HEADS and " " in name:
        return "an organisation's or a work's last word"
    if name.endswith("s") and family_key(name[:-1]) in lookup.families:
        return "a family (a person's name in the plural)"
    if " " not in name and lookup.families.get(family_key(name)) and not placed:
        return "a person's family name"
    if " " not in name and not name.isupper() and not placed:
        if cues["name_word"]:
            return "a word of a person's name of its document, never in a place's slot"
        if cues["people"] + cues["language"] >= n:  # each use (not "Vermont farmers"
            # beside "Storms hit Vermont")
            return "a people, a language or a script ('an X farmer', 'in X script')"
    norp = coll.norp_votes[name]
    if ((_DEMONYM.search(name) and cues["lower_after"] >= n / 2) or norp > coll.place_votes[name]) \
            and not placed:
        return "a nationality"
    if (" " not in name and not name.isupper() and rules.ordinary(name, coll.lowercase)
            and not strongly):  # "US" is not "us"
        return "an ordinary word"
    places = coll.place_votes[name]
    others = coll.person_votes[name] + coll.thing_votes[name] - places
    if " " not in name and coll.person_votes[name] and not strongly:
        return "the model calls it a person too"  # a family name, not a town
    if others > places + placed:
        return f"the model: {others} organisation or person, {places} place"
    if others and not strongly and (others >= places if n <= 2 else others * 2 >= places):
        return f"the model also calls it an organisation or a person ({others} of {places + others})"
    if re.fullmatch(r"[A-Z]{2,4}", name) and others and places < 3 * others and not strongly:
        return f"an acronym the model also calls an organisation ({others} of {places + others})"
    against = sum(cues[c] for c in _AGAINST)
    used = sum(cues[c] for c in _USED_AS_A_THING)
    if used and not strongly and cues["preposition"] <= cues["in_only"] and used >= placed:
        # "in" is all that says place, and its uses say thing as often: a file is made in
        # an app, a tip sent in a service ("in Quillpad, an encrypted notebook app")
        return "only 'in' before it, and used as a thing: " + ", ".join(
            c for c in _USED_AS_A_THING if cues[c])
    if against and against >= strongly and against > placed:
        return "context against: " + ", ".join(c for c in _AGAINST if cues[c])
    firmish = sum(cues[c] for c in ("firm", *_THING_CUES))
    if cues["firm"] >= 2 and firmish * 5 >= n and not strongly:
        return "a company's (its CEO, its users, using it) in a fifth of its uses or more"
    if cues["firm_short"] and cues["firm"] and not placed:
        # ("Indiana" beside "Indiana House" is a place's name inside an organisation's)
        return "a firm its document names in full ('founded X'), nothing says place"
    if cues["acts"] and cues["acts"] >= n / 2 and not placed:
        return "acts like an organisation (reported, said, its CEO)"
    if not placed and (places < 2 or others):
        return _ALONE
    if not placed and n >= 3 and not name.isupper() and cues["modifies"] * 3 >= n * 2:
        # before a lower-case word in most of its uses, and nothing says place: a brand's
        # name as a modifier ("Acme flights", "Acme products"), not a town
        return _ALONE
    if not placed and cues["texts"] < 2 and cues["lower_after"] >= n:
        # one paragraph's text (copied into several documents), before a lower-case word
        # each time: a brand's name as a modifier ("my Tollund secateurs")
        return _ALONE
    return None


def _shape_problem(name: str, cues: Counter, coll) -> str | None:
    """Why a place candidate's words make it a product, a firm or a degree."""
    words = name.split()
    if len(words) == 1 and name in ORG_HEADS:  # "Musée" of "Musée d'Art Contemporain"
        return "an institution's first word (a longer name cut)"
    if re.search(r"\.[a-z]", name):
        return "a file or a software name (.js, .io)"
    if re.fullmatch(rf"(?:{CREDENTIALS})", name) and ("." in name or cues["after_person"]):
        return "a degree or a credential"
    if len(words) > 1:
        first, last = words[0], words[-1]
        if coll.other_votes[first] + coll.prefix_votes[first] >= 2 and not coll.place_votes[first] \
                and not coll.person_votes[first]:
            return f"its first word names an organisation ({first})"
        if (last not in PLACE_HEADS and first not in PLACE_FIRST_WORDS
                and (last.isupper() or rules.ordinary(last, coll.lowercase))):
            return f"its last word is a common word ({last})"  # "Acme Server", "Rocket Languages"
    return None




_ALONE = "nothing around it says it is a place"
