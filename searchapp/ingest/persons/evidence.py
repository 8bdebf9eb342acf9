"""Is a capitalized name a person's?  The evidence a collection gives, and the verdict.

A recognizer labels spans one sentence at a time and is often wrong about
person-shaped names of things: "Nintendo Switch", "Blue Moon" (a lander), "Dick
Clark Productions", "Kennedy Space" (cut from "Kennedy Space Center"), "Thank
Biden" (an imperative glued to a family name).  What surrounds a name says much
more, and a collection says it many times over:

* **for** a person -- a title or a role before it ("Sen.", "host", "analyst"), a
  verb of speech ("said X", "X told"), an age ("X, 55,"), ", who", an apposition
  naming a role ("X, the former envoy"), a person's belongings ("X's wife"), a
  personal pronoun later in the sentence;
* **against** -- an article ("the X", "a X"), a thing's noun after it ("X rocket",
  "X cosmetics"), an organisation's or place's word after it ("X Center"), a
  capitalized word before it that is no title (the model took the tail of a longer
  name: "Star [Wars Jedi]"), quotes around it, a price or a model number after it,
  an apposition naming a thing ("X, the U.S. military operation"), a place after it
  in a list of venues ("X, Paris (2016);").

:func:`cues` reads one occurrence; :class:`NameEvidence` adds up a name's
occurrences over the collection (plain counts: it can be kept per document and
summed); :func:`verdict` decides and says why.  Opening and headline positions
prove nothing by themselves: a name seen only there needs a cue for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from searchapp.ingest.persons.words import (
    KIN_NOUNS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_BEFORE,
    SPEECH_VERBS,
    THING_NOUNS,
)
from searchapp.lexicon import TITLE_WORDS, TITLES

#: Cues for a person, and against.  "pronoun" is weak: it counts only where nothing
#: speaks against the name.
FOR = frozenset({"title", "role", "speech", "age", "who", "kin", "apposition", "pronoun",
                 "byline", "listed", "short_name"})
STRONG = FOR - {"pronoun", "listed", "short_name"}
#: Strong cues only a person has: an organisation speaks too ("Acme Catering says").
PERSONAL = STRONG - {"speech"}
AGAINST = frozenset({"article", "thing", "org_after", "quoted", "price", "number",
                     "thing_apposition", "run_cut", "located", "listed_with_things"})
#: Cues against that decide only where they are most of what is known of a name.
SOFT = frozenset({"article", "run_cut"})

_TITLE_BEFORE = re.compile(rf"(?:{TITLES})\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)(,?)[ \t]+$")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|THE|[Aa]n?|[Oo]ur|[Yy]our|[Tt]heir|[Ii]ts|[Mm]y|"
                             r"[Tt]his|[Tt]hese|[Tt]hose|[Ee]ach|[Ee]very)[ \t]+$")
_SPEECH_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_BEFORE)) + r")[ \t]+$", re.I)
_SPEECH_AFTER = re.compile(r"^[ \t]*(?:,[^,.;]{0,40},[ \t]*)?(?:(?:also|then|later|again|"
                           r"has|had|have|once|previously|recently|who)[ \t]+)?(?:"
                           + "|".join(sorted(SPEECH_VERBS)) + r")\b")
_AGE = re.compile(r"^\s*(?:,\s*\d{1,3}\s*[,)]|\(\d{1,3}\))")
_WHO = re.compile(r"^\s*,?\s*who\b")
_KIN = re.compile(r"^['’]s?\s+(?:\w+\s+)?(" + "|".join(sorted(KIN_NOUNS)) + r")\b")
_APPOSITION = re.compile(r"^\s*,\s*((?:[^,.;:()\"“”—–]|(?<=\b[A-Z])\.(?!$)|\.(?!\s|$))+)")
# a thing's noun right after the name, maybe after one short modifier ("pro controller")
_THING_AFTER = re.compile(r"^[ \t]+([a-z]+)\b")
_THING_AFTER_2 = re.compile(r"^[ \t]+(?![a-z]*(?:ed|s)\b)[a-z]{2,5}[ \t]+([a-z]+)\b")
_DEMONYM_ISH = re.compile(r"(?:an|ese|ish|ic|[A-Z]{2,})$")
_CAPITAL_AFTER = re.compile(r"^[ \t]+([A-Z][\w'’-]*)")
# An entry of a list of venues: "Tate Modern, London;", "Huis Marseille, Amsterdam (2017)".
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}"
_LOCATED_AFTER = re.compile(rf"^,[ \t]+{_PLACE_WORDS}(?:,[ \t]+{_PLACE_WORDS})?[ \t]*"
                            r"(?:\((?:19|20)\d\d\)|;)")
# An entry of such a list with no place of its own: "Paris; Kunsthaus Bregenz; and".
_SEMICOLON_BEFORE = re.compile(r";[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?$")
_SEMICOLON_AFTER = re.compile(r"^[ \t]*;")
_VENUE_ENTRY = re.compile(rf"[\w.)],[ \t]+{_PLACE_WORDS}[ \t]*(?:\((?:19|20)\d\d\)[ \t]*)?;")
# The tail of a name in another language cut at its small word: "Museum für [Moderne
# Kunst]", "Haus der [Kunst]", "Museum der bildenden [Künste]".
_PARTICLE_BEFORE = re.compile(r"[A-Z][\w'’-]+[ \t]+(?:für|fur|voor|van|von|der|den|des|del|"
                              r"della|di|da|do|dos|du|de|la|le|les|y|och|og)"
                              r"(?:[ \t]+[a-zäöüéèàáíóú]+)?[ \t]+$")
_QUOTE_BEFORE = re.compile(r"[“\"‘'][ \t]*$")
_QUOTE_AFTER = re.compile(r"^[ \t]*[”\"’']")
_PRICE = re.compile(r"^[ \t]*(?:[\w-]+[ \t]+){0,5}?(?:for|at|from|costs?)[ \t]+[$€£¥]\s?\d"
                    r"|^[ \t]*\(?[$€£¥]\s?\d")
_NUMBER = re.compile(r"^[ \t]+(?:\d{1,4}|[IVX]{2,4})\b(?![-–:/.,]?\d)(?![ \t]*%)(?![ \t]+\d)")
_PASSIVE_THING = re.compile(r"^[ \t]+(?:was|were|is|are|will[ \t]+be|has[ \t]+been)[ \t]+"
                            r"(?:launched|released|unveiled|priced|shipped|discontinued|"
                            r"available|manufactured|downloaded|installed|streaming)\b")
_IS_A_THING = re.compile(r"^[ \t]+(?:is|was|are|were)[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?("
                         + "|".join(sorted(THING_NOUNS)) + r")\b(?=[ \t]*(?:[,.;:!?)]|$|"
                         r"(?:of|that|which|with|for|from|in|on|by|and|to|where|when)\b))")
_SENTENCE_REST = re.compile(r"^[^.!?]{0,160}")
_SENTENCE_END = re.compile(r"[.!?:;\"“”'—–•·|]\s*$|^\s*$|\n\s*$")
_NOT_A_NAME_WORD = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                    "January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December", "I", "A"}
_PARTICIPLE = re.compile(r"[a-z](?:ing|ed)$")
# role nouns that before a name are adjectives ("official Mag Safe", "fellow Republican X")
_ADJECTIVES = frozenset({"official", "fellow", "general", "vice", "chief", "head", "member",
                         "partner", "resident", "citizen", "worker", "employee", "volunteer",
                         "agent", "friend", "lady", "lord", "sir", "dame", "forward"})
_CREDIT_LABEL = re.compile(r"[A-Za-z]_$")
_EXAMPLE_OF = re.compile(r"\b([A-Za-z][a-z]+)[ \t]+(?:like|such[ \t]+as|including)[ \t]+"
                         r"(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*"
                         r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+|[ \t]*,[ \t]*(?:and|or)[ \t]+))*$")
_BY = re.compile(r"\b(?:[Bb]y|BY)[ \t]*:?[ \t]+$")
_FUNCTION_WORDS = {"The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For",
                   "By", "With", "From", "As", "If", "When", "While", "After", "Before", "This",
                   "That", "He", "She", "It", "They", "We", "His", "Her", "Its", "Their", "Our",
                   "Then", "Now", "Also", "So", "Yet", "Under", "Since", "Both", "Even", "Not",
                   "Why", "How", "What", "Who", "Where", "Meanwhile", "Thanks", "Like", "Dear"}


def opening(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence (or its paragraph)."""
    return bool(_SENTENCE_END.search(text, 0, start) or not text[:start].strip())


def cues(text: str, start: int, end: int) -> frozenset[str]:
    """What the words around ``text[start:end]`` say about it (see the module doc)."""
    before = text[max(0, start - 80):start]
    after = text[end:end + 160]
    out: set[str] = set()
    if _TITLE_BEFORE.search(before):
        out.add("title")
    if _CREDIT_LABEL.search(before):  # "Choreographer_Jeong Hye Jin": a credit's role
        out.add("role")
    m = _WORD_BEFORE.search(before)
    if m:
        word = m.group(1)
        if word.casefold().rstrip(".") in ROLE_NOUNS - _ADJECTIVES:
            out.add("role")
        elif (not m.group(2) and word[0].isupper() and not word.isupper()
              and not before[:m.start()].endswith(("#", "@"))
              and word not in TITLE_WORDS and word not in _NOT_A_NAME_WORD
              and word not in _FUNCTION_WORDS):
            out.add("capital_before")
            if not (word.endswith(("'s", "’s", "'", "’", ".")) or word in ORG_WORDS
                    or _DEMONYM_ISH.search(word) or ("-" in word and _PARTICIPLE.search(word))
                    or opening(text, start - len(m.group(0)))):
                out.add("run_cut")  # "Orange [Blossom Comb]": the tail of a longer name
    if _PARTICLE_BEFORE.search(before):
        out.add("run_cut")
    if _LOCATED_AFTER.match(after) or (
            (_SEMICOLON_BEFORE.search(before) or _SEMICOLON_AFTER.match(after))
            and len(_VENUE_ENTRY.findall(text)) >= 2):
        out.add("located")
    if _ARTICLE_BEFORE.search(before):
        out.add("article")
    if _BY.search(before):
        out.add("byline")
    if _SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after):
        out.add("speech")
    m = _EXAMPLE_OF.search(before)  # "tools like Cursor and Claude Code": an instance of what
    if m:
        kind = m.group(1).casefold()
        kinds = {kind, kind[:-1] if kind.endswith("s") else kind,
                 kind[:-2] if kind.endswith("es") else kind}
        if kinds & THING_NOUNS:
            out.add("thing")
        elif kinds & ROLE_NOUNS:
            out.add("role")
    if _AGE.match(after):
        out.add("age")
    if _WHO.match(after):
        out.add("who")
    if _KIN.match(after):
        out.add("kin")
    m = _APPOSITION.match(after)
    if m and not _AGE.match(after):
        words = [w.strip("'’.") for w in m.group(1).casefold().split()]
        if any(w in ROLE_NOUNS for w in words[:8]):
            out.add("apposition")
        elif words and words[0] in ("the", "a", "an") and any(w in THING_NOUNS
                                                               for w in words[:8]):
            out.add("thing_apposition")
    if any((m := rx.match(after)) and m.group(1) in THING_NOUNS
           for rx in (_THING_AFTER, _THING_AFTER_2)):
        out.add("thing")
    if _IS_A_THING.match(after) or _PASSIVE_THING.match(after):
        out.add("thing")
    m = _CAPITAL_AFTER.match(after)
    if m and m.group(1) not in _NOT_A_NAME_WORD:
        word = m.group(1).rstrip("'’s")
        out.add("org_after" if word in ORG_WORDS else "capital_after")
    if _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(after):
        out.add("quoted")
    if _PRICE.match(after):
        out.add("price")
    if _NUMBER.match(after):
        out.add("number")
    rest = _SENTENCE_REST.match(after).group(0).casefold()
    for w in re.findall(r"[a-z]+", rest):
        if w in PRONOUNS:
            out.add("pronoun")
            break
        if w in ("it", "its"):
            break
    return frozenset(out)


@dataclass
class NameEvidence:
    """A name's occurrences over the collection, counted (sums of per-document counts)."""

    occurrences: int = 0
    #: occurrences in a heading or title-case line, or opening a sentence
    openings: int = 0
    headings: int = 0
    cue_counts: Counter = field(default_factory=Counter)
    #: occurrences with a cue for / against
    for_: int = 0
    strong: int = 0
    against: int = 0
    hard: int = 0  # occurrences with a cue against other than an article or a cut run
    documents: set[str] = field(default_factory=set)

    def add(self, doc_id: str, found: frozenset[str], is_opening: bool, heading: bool) -> None:
        self.occurrences += 1
        self.openings += is_opening or heading
        self.headings += heading
        self.cue_counts.update(found)
        self.for_ += bool(found & FOR)
        self.strong += bool(found & STRONG)
        self.against += bool(found & AGAINST)
        self.hard += bool(found & (AGAINST - SOFT))
        self.documents.add(doc_id)

    def to_json(self) -> dict:
        return {"occurrences": self.occurrences, "openings": self.openings,
                "headings": self.headings, "cues": dict(self.cue_counts),
                "documents": len(self.documents)}


@dataclass(frozen=True)
class Verdict:
    """Whether a name is a person's, and the evidence in a few words."""

    person: bool
    why: str


def verdict(ev: NameEvidence, person_votes: int = 0, other_votes: int = 0,
            place_votes: int = 0) -> Verdict:
    """Person or not, from a name's evidence and how the model labeled its exact
    string over the collection (as a person, as an organisation/thing, as a place)."""
    said = ", ".join(sorted(c for c in ev.cue_counts if c in FOR)) or "-"
    against = ", ".join(sorted(c for c in ev.cue_counts if c in AGAINST)) or "-"
    if place_votes > person_votes and not ev.strong:
        return Verdict(False, f"a place (the model: {place_votes} place, {person_votes} person)")
    if ev.strong and ev.strong >= ev.against:
        return Verdict(True, f"context: {said}")
    if ev.against and ev.against >= ev.for_ and (
            ev.hard or ev.against * 2 > ev.occurrences):
        return Verdict(False, f"context against: {against}")
    if other_votes > person_votes and not ev.for_:
        return Verdict(False, f"the model: {other_votes} other, {person_votes} person")
    if ev.for_:
        return Verdict(True, f"context: {said}")
    return Verdict(True, "the model's label")
