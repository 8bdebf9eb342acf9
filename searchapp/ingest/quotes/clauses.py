"""Word-level tests of English clauses that the attribution rules share: verbs of
speech in use (not passive, not nouns), where a reported clause opens, what closes an
attribution, and the verb lists these tests read.

Helpers of :mod:`searchapp.ingest.quotes.attribute`; general English, never names of
persons, outlets or pages (those lists are in :mod:`searchapp.ingest.quotes.lexicon`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.marks import Span
from searchapp.ingest.quotes.speakers import Person
from searchapp.ingest.quotes.text import Word, words


@dataclass
class Para:
    """A paragraph as the rules read it: its text, quotation spans, persons found
    (outside and inside quotations), recognizer labels and sentences."""

    text: str
    spans: list[Span]
    persons: list[Person]
    labels: list[tuple[int, int, str]]
    sentences: list[tuple[int, int]]
    heading: bool
    _words: dict[tuple[int, int], list[Word]] = field(default_factory=dict, repr=False,
                                                      compare=False)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.spans]

    def words(self, a: int, b: int) -> list[Word]:
        """The words of ``text[a:b]`` (:func:`searchapp.ingest.quotes.text.words`), read
        once per span: the rules ask for the same sentence many times.  Never change the
        list returned."""
        got = self._words.get((a, b))
        if got is None:
            got = self._words[(a, b)] = words(self.text, a, b, self.quotes)
        return got

    def persons_outside(self) -> list[Person]:
        """The persons named outside quotations (the list is kept: never change it)."""
        return self._outside

    @cached_property
    def _outside(self) -> list[Person]:
        return [p for p in self.persons if not any(a <= p.start < b for a, b in self.quotes)]

    def sentence_before(self, pos: int) -> tuple[int, int] | None:
        """``(since, here)``: where the sentence before the one holding ``pos`` starts (its
        own start for the first) and the number of the one holding it; None outside them."""
        here = next((n for n, (a, b) in enumerate(self.sentences) if a <= pos < b), None)
        return None if here is None else (self.sentences[max(here - 1, 0)][0], here)

    def clause_subject(self, ws: Sequence[Word]) -> str | None:
        """"When Halvorsen met with Solheim, he said": a sentence opening with a
        subordinate clause whose subject is a person -- the "he" after it is that person
        (nobody else named in the clause stands in for him)."""
        if len(ws) < 3 or ws[0].lower not in lx.CLAUSE_OPENERS:
            return None
        first = next((p for p in self.persons_outside() if p.start == ws[1].start), None)
        return first.name if first is not None else None


#: Verbs that may come before the speaker at a sentence's end ("..., said Darren Tipton").
SAID_BY = frozenset("said says say added adds explained noted wrote writes argued insisted "
                     "warned claimed stated recalled continued".split())
#: Verbs of a clause that ends a sentence after what was said ("..., the office announced").
TRAILING = frozenset("announced confirmed reported explained noted added recalled wrote stated "
                      "argued insisted warned claimed predicted estimated speculated speculates".split())
#: Verbs whose clause may hold a few quoted words: reporting and characterizing verbs,
#: not those that only stand beside a whole quotation ("responded", "laughed").
EMBEDDING = lx.REPORT | lx.REPORT_THAT | lx.CHARACTERIZE | frozenset(
    "begged urged warned insisted vowed pledged promised quipped joked".split())
#: Words ending like a verb that are none ("'...,' Okonkwo always ...").
NOT_VERBS = frozenset("""
has was does goes always perhaps sometimes afterwards besides whereas towards its his hers
ours yours theirs this thus yes less unless needs news series species bias
""".split())
#: Nouns of texts that hold the words after a colon ("the sign read:", "the caption:").
TEXT_NOUNS = frozenset("""
sign signs caption captions message messages text texts motto slogan headline headlines
title banner placard label line lines lyrics words phrase quote email emails tweet tweets
""".split())
TIME_WORDS = lx.WEEKDAYS_LOWER | frozenset("today yesterday last this earlier late".split())
PARTICIPLES = frozenset(w for w in lx.ALL_VERBS if w.endswith("ing"))
POINT = frozenset({"points", "pointed", "point", "pointing"})
#: Verbs after which "to" + a verb is advice given ("Holloway says to opt for ...").
SAY_TO = frozenset({"say", "says", "said", "advises", "advised", "suggests", "suggested",
                     "recommends", "recommended"})
#: Words after "said to" that make no advice: "said to be", "said to have", "said to the
#: committee", "said to him".
NO_ADVICE = frozenset({"be", "have", "been", "having", "the", "a", "an", "this", "that",
                        "these", "those", "his", "her", "their", "its", "my", "our", "your",
                        "him", "them", "us", "me", "reporters", "journalists"})

def participle_before(before: Sequence[Word]) -> bool:
    """The words before a quotation end with a participle of speech and a comma or colon
    ('..., adding: "', '..., before adding, "')."""
    return len(before) >= 2 and before[-1].text in (",", ":") \
        and before[-2].lower in PARTICIPLES and is_verb(before[-2], lx.SAY)


def verb_form(w: Word) -> bool:
    """``w`` looks like a verb in the present or past tense ("clarifies", "weighed"), or
    is a verb of speech."""
    low = w.text
    if not low.isalpha() or not low.islower() or len(low) < 3 or low in NOT_VERBS:
        return False
    return low in lx.SAY or low.endswith("ed") or (low.endswith("s") and not low.endswith(
        ("ss", "us", "is", "ous")))


def speech_like(text: str, span: Span) -> bool:
    """A quotation that can stand as someone's words on its own: a sentence (it ends
    with a stop) or a few words at least -- not a title ("Wild Rose")."""
    inner = text[span.inner[0]:span.inner[1]].rstrip()
    return len(inner.split()) >= 4 or inner.endswith(lx.QUOTE_STOPS)


def closes_clause(ws: Sequence[Word], n: int) -> bool:
    """Nothing but punctuation, a preposition, a time or an adverb follows ``ws[n - 1]``
    (the attribution's verb ends its clause: '..., she reveals.', '..., he says in ...')."""
    if n >= len(ws):
        return True
    w = ws[n]
    return w.text in lx.CLAUSE_BREAKS or w.text in ("—", "–") or w.lower in lx.PREPOSITIONS \
        or w.lower in TIME_WORDS or w.lower in ("out", "up", "back", "again", "too", "now") \
        or (w.lower.endswith("ly") and w.lower not in lx.LY_NOT_ADVERBS)


def is_verb(w: Word, verbs: frozenset[str] | set[str]) -> bool:
    """``w`` is one of ``verbs`` written as a verb (lower case: "Islamic State" is none)."""
    return w.lower in verbs and w.text[:1].islower()


def not_passive(ws: Sequence[Word], k: int) -> bool:
    """``ws[k]`` is a verb of speech in use: not "was told", "That said", "so-called"."""
    j = k - 1
    while j >= 0 and ws[j].lower in ("not", "never", "also", "widely", "often"):
        j -= 1
    if j >= 0 and ws[j].lower in lx.PASSIVE_BEFORE:
        return False
    if ws[k].lower == "said" and j >= 0 and ws[j].lower == "that" and (j == 0 or ws[j - 1].text
                                                                      in (".", ",")):
        return False
    if j >= 0 and ws[j].lower in ("when", "if", "as", "once") and ws[k].lower.endswith("ed"):
        return False  # "when asked about ..."
    return True


def after_quote(ws: Sequence[Word], k: int) -> bool:
    """The verb ``ws[k]`` and its subject follow a quotation directly."""
    j = k - 1
    while j >= 0 and ws[j].text not in ("Q", ".", ";") and k - j <= 12:
        if ws[j].text == "," and j > 0 and ws[j - 1].text != "Q":
            return False
        j -= 1
    if j < 0 or ws[j].text != "Q":
        return False
    nxt = ws[j + 2] if j + 2 < len(ws) and ws[j + 1].text == "," else ws[j + 1]
    return nxt.lower not in ("and", "but", "or", "while", "as")  # '"...," and others said


def points_out(ws: Sequence[Word], n: int) -> bool:
    """"points out" / "pointed out": a verb of speech in two words."""
    return is_verb(ws[n], POINT) and n + 1 < len(ws) and ws[n + 1].lower == "out"


def instruction(ws: Sequence[Word], k: int) -> int | None:
    """Where the advice starts in "X says to opt for ...", "X says not to worry ...": the
    index of its "to" (or "not"), else None ("said to be", "said to reporters", "is said
    to have" are no advice)."""
    if ws[k].lower not in SAY_TO or k == 0 or ws[k - 1].text in (",", "Q"):
        return None
    n = k + 1
    t = n + 1 if n < len(ws) and ws[n].lower == "not" else n
    if t + 1 >= len(ws) or ws[t].lower != "to":
        return None
    verb = ws[t + 1]
    if not verb.text.isalpha() or not verb.text.islower() or verb.lower in NO_ADVICE:
        return None
    return n


#: Words after "X said" that open a clause of time, not the words said ("..., Cook said
#: while visiting ...", "..., she said as she left").
WHILE = frozenset("while as when after before".split())
BOUNDS = frozenset(("Q", ",", ";", ":", ".", "—", "–"))
NOT_CLAUSE_START = frozenset("and or but not to it them him her me us you what how why".split())
SUBJECT_PRONOUNS = frozenset("he she they it there we i".split())
FINITE = frozenset("is are was were will would could can should may might must has have had "
                    "does did do isn't wasn't won't can't doesn't didn't".split())


def pronoun_clause(ws: Sequence[Word], n: int) -> bool:
    """``ws[n:]`` opens a clause with a subject pronoun and a finite verb ("there's no
    ...", "it was ...", "they will ..."): reported words even without "that"."""
    if n + 1 >= len(ws):
        return False
    low = ws[n].lower.replace("’", "'")
    base, _, tail = low.partition("'")
    if base in SUBJECT_PRONOUNS and tail in ("s", "re", "ll", "d", "ve", "m"):
        return True
    if low in SUBJECT_PRONOUNS:
        return ws[n + 1].lower.replace("’", "'") in FINITE
    # "acknowledged the town was not ready": a short noun phrase, then a finite verb
    for m in range(n, min(n + 6, len(ws))):
        w = ws[m]
        if m > n and w.lower.replace("’", "'") in FINITE:
            return True
        if not w.text.replace("-", "").replace("’", "").replace("'", "").isalnum() \
                or w.lower in lx.PREPOSITIONS or w.lower in lx.SUBORDINATORS \
                or w.lower in lx.ALL_VERBS \
                or w.lower in NOT_CLAUSE_START or w.lower.endswith("ly"):
            return False
    return False


def opens_clause(w: Word) -> bool:
    """Not an adverb after the verb ("testified side-by-side", "said again"): a word a
    reported clause may open with ("said he had ...", "said lawmakers would ...")."""
    low = w.lower
    return not (low in lx.NOT_CLAUSE_OPENERS or (low.endswith("ly") and low not in
                                                 lx.LY_NOT_ADVERBS) or low.count("-") >= 2)


def adverbial_chunk(ws: Sequence[Word]) -> bool:
    """"With a tone of certainty", "While ...", "According to ...", "However": no clause
    of its own."""
    first = ws[0].lower
    if first == "that":
        return False  # "That figure has grown, X said": a determiner opening the sentence
    return first in lx.PREPOSITIONS or first in lx.SUBORDINATORS or first == "according" or (
        first in lx.OPENERS and len(ws) == 1)


def comma_chunks(ws: Sequence[Word]) -> list[list[Word]]:
    out: list[list[Word]] = [[]]
    for w in ws:
        if w.text in (",", ".", ";", "—", "–"):
            if out[-1]:
                out.append([])
            continue
        out[-1].append(w)
    return [c for c in out if c]


def apposed_name(para: Para, region: Sequence[Word]) -> bool:
    """``region`` is a role phrase and a person's name between commas, closing on the
    second comma ("Brellco's chief executive , Marta X ,"): the subject of the verb after
    it, so a ", and" before it opens that verb's clause ("Sales fell, and Brellco's chief
    executive, Marta X, warned that ...")."""
    commas = [n for n, w in enumerate(region) if w.text == ","]
    if len(commas) != 2 or commas[1] != len(region) - 1 or commas[0] == 0 \
            or commas[1] - commas[0] < 2 or not region[0].text[:1].islower() and not (
                region[0].text.endswith(("'s", "’s")) and region[0].text[:1].isupper()):
        return False
    head = region[:commas[0]]
    if not any(w.text.islower() and lx.role_noun(w.text) for w in head) \
            or any(w.text == "Q" for w in head):
        return False
    name = region[commas[0] + 1:commas[1]]
    return any(p.start == name[0].start and p.end == name[-1].end
               for p in para.persons_outside())
