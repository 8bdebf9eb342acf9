"""Person candidates of one document, from the model's spans, and what the collection says
about them.

The first step of :func:`searchapp.ingest.persons.people.find_persons`: the model's
PERSON spans are repaired and filtered (:mod:`searchapp.ingest.persons.rules`);
full names (two words or more) and single words are kept apart, each with the cues
around it (:func:`searchapp.ingest.persons.evidence.cues`) and whether it opens its
sentence.  :class:`Collection` holds the few collection-wide facts the judgement
needs: the words used in lower case, how the model labeled each string, and the
words written as one ("PolitiFact" for a "Politi Fact").  Names the model typed as
something else are promoted back when their surroundings vouch for a person
(:func:`promote`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.context import span_cues
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.name_edges import name_starts_before, name_starts_before_link
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import (
    NOT_PERSON_LABELS,
    PLACE_LABELS,
    Candidate,
    DocText,
    model_language,
)
from searchapp.ingest.persons.words import FUNCTION_WORDS, ROLE_NOUNS
from searchapp.lexicon import (
    APOSTROPHES,
    GAELIC_ARTICLES,
    NAME_HYPHENS,
    NAME_LINK_WORDS,
    NAME_PARTICLES,
    NAME_TOKEN,
    PATRONYMIC_LINKS,
    POSSESSIVE_END,
    PREFIXED_NAME,
    STOPS,
    TITLE_WORDS,
)

_WORD = re.compile(rf"(?<![\w'’{re.escape(nm.HYPHENS)}])[a-z][a-z]+\b")
_TOKEN = re.compile(r"(?<![@#/.\w])[A-Za-z][A-Za-z'’]*[A-Za-z]\b")
_THE = re.compile(r"^(?:the|The)\s+")
# Organisations, places and things (not nationalities: "Han" is NORP and a family name).
THING_LABELS = ("ORG", "GPE", "LOC", "FAC", "PRODUCT")
_CAMEL = re.compile(r"[a-z][A-Z]")
_ROMAN = re.compile(r"^(?:[IVX]{2,5})$")
_FIRM_COMPOUND = re.compile(rf"\w[{re.escape(nm.HYPHENS)}](?:based|headquartered)$")
# lower-case words inside names ("Alex de Minaur", "al-Ghazali"): the particles, and
# words that a byline's capitals would not turn lower-case ("St", "Mac", "Abu")
_PARTICLES = NAME_PARTICLES | PATRONYMIC_LINKS | {"af", "av", "st", "mac", "abu", "ul", "ud"}


def vote_key(text: str) -> str:
    """"the Air Pods" and "Air Pods’" vote as "Air Pods"."""
    return POSSESSIVE_END.sub("", _THE.sub("", text))


@dataclass
class Collection:
    """What the whole collection says about words and strings."""

    #: words seen in lower case
    lowercase: set[str] = field(default_factory=set)
    #: how often each string was labeled a person / an organisation or thing / a place
    person_votes: Counter = field(default_factory=Counter)
    thing_votes: Counter = field(default_factory=Counter)
    place_votes: Counter = field(default_factory=Counter)
    other_votes: Counter = field(default_factory=Counter)  # any not-person label
    norp_votes: Counter = field(default_factory=Counter)  # a nationality or group
    #: how often a string begins a longer name the model labeled something else ("Air
    #: Pods" in "Air Pods Pro")
    prefix_votes: Counter = field(default_factory=Counter)
    #: words written with capitals inside ("PolitiFact"), case-folded
    one_words: set[str] = field(default_factory=set)
    #: (document, first word) -> the distinct names of two words or more it begins there,
    #: whatever the model's label ("Apache Kafka", "Apache Flink", "Apache Spark")
    first_words: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    #: (document, last word) -> the distinct names of two words or more it ends there,
    #: whatever the model's label ("MATLAB Onramp", "Simulink Onramp", "Statistics Onramp")
    last_words: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    #: word -> the distinct names of two words or more it begins that the model calls a
    #: person anywhere in the collection (is it a given name here?)
    given_of: dict[str, set[str]] = field(default_factory=dict)

    #: word -> the names of two words or more it ends that the model calls an organisation
    #: or a building ("Acme Energija", "Rowe Energija": a trade word of another language)
    org_last: dict[str, set[str]] = field(default_factory=dict)

    #: The fields keyed by ``(document id, word)``: only that document writes them (under
    #: a memo they are kept with each document, not summed over the collection).
    DOCUMENT_KEYED: ClassVar[tuple[str, ...]] = ("first_words", "last_words")

    @classmethod
    def of(cls, documents: Iterable[DocText], raw: Mapping[str, list[RawMention]]
           ) -> Collection:
        c = cls()
        for doc in documents:
            for pid, _, text in doc.paragraphs:
                for m in raw.get(pid, ()):
                    words = vote_key(m.text).split()
                    if len(words) >= 2 and words[0][:1].isupper():
                        c.first_words.setdefault((doc.doc_id, words[0]), set()).add(
                            " ".join(words[:2]))
                        c.last_words.setdefault((doc.doc_id, words[-1]), set()).add(
                            " ".join(words))
                c.lowercase.update(_WORD.findall(text))
                c.one_words.update(w.casefold() for w in _TOKEN.findall(text)
                                   if _CAMEL.search(w))
                for m in raw.get(pid, ()):
                    k = vote_key(m.text)
                    if m.label == "PERSON":
                        c.person_votes[k] += 1
                        if len(words := k.split()) >= 2:
                            c.given_of.setdefault(words[0], set()).add(k)
                    elif m.label in NOT_PERSON_LABELS:
                        c.other_votes[k] += 1
                        if m.label in ("ORG", "FAC") and len(words := k.split()) >= 2 \
                                and words[0][:1].isupper():
                            c.org_last.setdefault(words[-1], set()).add(k)
                        if m.label in THING_LABELS:
                            c.thing_votes[k] += 1
                        if m.label in PLACE_LABELS:
                            c.place_votes[k] += 1
                        if m.label == "NORP":
                            c.norp_votes[k] += 1
                        words = k.split()
                        for n in range(2, len(words)):
                            c.prefix_votes[" ".join(words[:n])] += 1
        return c

    def label_of(self, text: str) -> tuple[int, int]:
        return self.person_votes[text], self.thing_votes[text]


#: Capitalized small words inside a title ("Anonymous Was A Woman", "The Foundations
#: Of Buddhism"), never inside a person's name.
_TITLE_SMALL_WORDS = frozenset({"The", "Of", "And", "In", "For", "To", "With", "On", "At",
                                "From", "Is", "Was", "Are", "Were", "Into", "Or", "An"})


def shape_problem(name: str, coll: Collection) -> str | None:
    """Why a name cannot be a person's from its letters alone, or None."""
    words = name.split()
    if not name[:1].isupper() or any(ch.isdigit() for ch in name):
        return "not a name's letters"
    if name.isupper():
        return "all capitals"
    if re.match(r"I['’]", words[0]):
        return "a contraction"
    if _FIRM_COMPOUND.search(words[0]):
        return f"a firm ({words[0]} ...)"  # "Denver-based Acme"; not "Denver-born Ann Roe"
    if re.search(f"[^\\w\\s.{APOSTROPHES}{NAME_HYPHENS}]", name):
        return "not a name's letters"
    for k, w in enumerate(words):
        if w[:1].islower() and w.casefold().strip(".").split("-")[0] not in _PARTICLES and not (
                w in GAELIC_ARTICLES and k and words[k - 1] in NAME_LINK_WORDS):  # "Mac an Bhaird"
            return f"a word in lower case ({w})"
        core = w.strip(".,'’")
        for part in re.split(rf"[{re.escape(nm.HYPHENS)}]", core):
            if _CAMEL.search(part) and not PREFIXED_NAME.match(part):
                return f"a brand's capitals ({w})"
        if len(core) >= 2 and core.isupper() and not (
                re.fullmatch(r"(?:[A-Z]\.){1,3}", w) or (w is words[0] and len(core) <= 2)):
            return f"a word in capitals ({w})"
        if _ROMAN.match(core) and w is not words[-1]:
            return f"a number ({w})"
        if w in _TITLE_SMALL_WORDS and w is not words[0]:
            return f"a title's small word ({w})"
    if len(words) > 1 and all(w.strip(".,") in TITLE_WORDS for w in words):
        return "a title alone"  # "Rear Admiral", "Vice President": whose, it does not say
    if len(words) > 1 and len({nm.fold_word(w.strip(".,'’")) for w in words}) == 1:
        return "one word repeated"  # "Geneva Geneva": a word written twice, not a name
    if len(words) > 1 and "".join(w.strip(".,'’") for w in words).casefold() in coll.one_words:
        return "written as one word elsewhere"
    return None


def entity_prefix(text: str, coll: Collection) -> bool:
    """Whether the name starts with a word or words the model, in the collection, calls
    an organisation, place or product and never a person ("Apple Thunderbolt",
    "Pittsburgh Steelers", "Nintendo Switch")."""
    words = text.split()
    for k in range(1, len(words)):
        prefix = " ".join(words[:k])
        person, other = coll.label_of(prefix)
        other += coll.norp_votes[prefix]  # "Sufi al-Ghazali": a people before a name
        if other >= 2 and other >= 3 * person:
            return True
    return False


_SENTENCE = re.compile(f"[^{STOPS}\n]+(?:[{STOPS}]+|$)")
_ITEM_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+and\s+")
_TITLE_MARK = re.compile(r"(?<![\d-])\d+(?![\d]*[-–:/%.]\d)\b|:|\b[A-Z][\w'’]*\s+(?:of|on|the|of the|in)\s+[A-Z]")


def title_lists(text: str) -> list[tuple[int, int]]:
    """Sentences that list titles of works ("They include: Assassin's Creed Odyssey,
    Attack on Titan: Final Battle 2, Farming Simulator 2019, ..."): four or more
    capitalized items, two or more with a number, a colon or a title's small word.
    Names in them are titles, not persons."""
    out = []
    for m in _SENTENCE.finditer(text):
        items = [x.strip() for x in _ITEM_SPLIT.split(m.group(0)) if x.strip()]
        if len(items) < 4:
            continue
        capitalized = [x for x in items if x[:1].isupper() and len(x.split()) <= 6]
        marked = [x for x in capitalized if _TITLE_MARK.search(x)]
        if len(capitalized) >= 0.75 * len(items) and len(marked) >= 2:
            out.append(m.span())
    return out


@per_document
def doc_candidates(doc: DocText, raw: Mapping[str, list[RawMention]], coll: Collection
                   ) -> tuple[list[Candidate], list[Candidate]]:
    """Full-name and single-word person candidates of one document."""
    full: list[Candidate] = []
    single: list[Candidate] = []
    if not model_language(doc):
        return full, single
    for i, (pid, kind, text) in enumerate(doc.paragraphs):
        heading = rules.is_heading_kind(kind, text)
        spans = raw.get(pid, ())
        lists = title_lists(text) if text.count(",") >= 3 else []
        for m in spans:
            if m.label != "PERSON" or text[m.start:m.end] != m.text:
                continue
            if any(a <= m.start and m.end <= b for a, b in lists):
                continue
            for s, e in rules.repair(text, name_starts_before_link(text, m.start, m.end), m.end):
                s = rules.after_participle(text, s, e, coll.lowercase)
                if not heading and e >= m.end:  # the model stopped there (not a repair's cut)
                    e = rules.name_goes_on(text, s, e, spans, coll.lowercase)
                if not heading and s == m.start:  # the model began there ("Selasi" + ...)
                    s = name_starts_before(text, s, e, spans, coll.lowercase)
                name = text[s:e]
                if (rules.is_credit(text, s, e) or rules.looks_like_org(text, s, e)
                        or rules.after_model_number(text, s)
                        or rules.is_character(text, s, e) or not name[:1].isupper()
                        or name.isupper() or any(ch.isdigit() for ch in name)
                        or (rules.owned(text, m.start, s)  # "Google's Gemini Advanced"
                            and rules.ordinary(name.split()[-1], coll.lowercase))):
                    continue
                found_cues = span_cues(text, s, e, spans)
                cand = Candidate(i, s, e, name, heading, found_cues, ev.opening(text, s))
                words = nm.tokens(name)
                if len(words) >= 2:
                    if rules.ordinary_words(name, coll.lowercase):
                        continue
                    full.append(cand)
                elif len(name) > 1:
                    single.append(cand)
    return full, single


def common_word_name(name: str, coll: Collection) -> str | None:
    """Why a name nothing strong vouches for is a phrase or a thing's name, or None: its
    first word is a word the collection uses in lower case ("Chocolate Chai", "Site
    Mailer", "Salt Typhoon") and is not known here as a given name -- it begins no other
    name the model calls a person, the model never calls it or the last word alone a
    person, and it is no title or role ("Coach Lee") nor a name's particle ("Van Morrison").
    (A common last word is no such sign:
    "West", "Guest", "Wall" are family names.)"""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = words[0], nm.family_word(name)
    if (not rules.ordinary(first, coll.lowercase) or first.casefold() in _PARTICLES
            or coll.given_of.get(first, set()) - {name}
            or coll.person_votes[first] or coll.person_votes[last] or first in TITLE_WORDS
            or first.casefold().rstrip(".") in ROLE_NOUNS):
        return None
    return f"its first word is a common word of the collection ({first.casefold()})"


def thing_family(name: str, coll: Collection, doc_ids: Iterable[str]) -> str | None:
    """Why a name nothing vouches for is a thing's by the company its words keep in the
    collection, or None: its last word ends three or more names of one of its documents,
    one of them made of common words before it and called something other than a person
    by the model -- a product line or a kind of thing ("MATLAB Onramp", "Simulink Onramp",
    "Signal Processing Onramp"); a family ("Ann Roe", "Ben Roe", "Cy Roe") has no such
    member.
    (A last word the model calls an organisation when written alone was tried and
    dropped: it turned down Fiona Hill -- "the Hill" -- and removed nothing on the tuning
    pages.)"""
    words = name.split()
    if len(words) < 2:
        return None
    last = nm.family_word(name)
    for d in doc_ids:
        others = coll.last_words.get((d, last), set()) - {name}
        if len(others) >= 2 and any(
                coll.other_votes[o] >= coll.person_votes[o]
                and all(rules.ordinary(w, coll.lowercase) for w in o.split()[:-1])
                for o in others):
            return f"its last word ends several names of one document, not all persons ({last})"
    return None


def unknown_given_name(name: str, coll: Collection) -> str | None:
    """Why a two-word name with nothing at all for it (no cue, weak or strong, and no
    family name alone) reads as a thing's, or None: its last word is a common word of the
    collection ("Nimbus View", "Acme Compose") and neither word is known here as a name --
    the first begins no other name the model calls a person, is no initial, and the model
    never calls either word alone a person ("Kate Bush" stays where the collection
    knows another Kate; "Trevor Brown" where "Brown" alone is a person)."""
    words = name.split()
    if len(words) != 2:
        return None
    first, last = words[0], words[-1]
    if (not rules.ordinary(last, coll.lowercase) or first.casefold() in _PARTICLES
            or "." in first
            or coll.given_of.get(first, set()) - {name} or coll.person_votes[first]
            or coll.person_votes[last] or first in TITLE_WORDS):
        return None  # "Trevor Brown" where the model calls "Brown" alone a person
    return f"its last word is a common word ({last.casefold()}) and its first is no known given name"


def glued_opener(name: str, occurrences: list[Candidate], coll: Collection,
                 given_mid_sentence: set[str], anothers_family: bool = False) -> bool:
    """Whether the first word of a full name is a sentence's opening word glued to a
    name ("Thank Biden for ...", "Enter Lugg, Instacart ..."): the word is used in lower
    case in the collection, the name is seen only opening a sentence or in headings,
    nothing but a pronoun speaks for it, and the word never begins a name
    mid-sentence.  Where the rest is the family name of another person of the name's
    documents (``anothers_family``: "Tell Roe we ..." beside "Ann Roe"), what is said
    around it is said of that person: only a title or a byline speaks for the name."""
    first = name.split()[0]
    if not rules.ordinary(first, coll.lowercase) or first in given_mid_sentence:
        return False
    against = {"title", "byline"} if anothers_family else ev.STRONG | {"byline"}
    return all((c.opening or c.heading) and not (c.cues & against) for c in occurrences)


def glued_to_its_rest(name: str, occurrences: list[Candidate], docs: list[DocText],
                      coll: Collection, first_words: Mapping[str, set[str]]) -> bool:
    """Whether the first word of a two-word name is an ordinary word glued to a name
    the documents write alone again and again ("Plans and Pricing Allianz is ..." in a
    review that says "Allianz" twenty times): the word is used in lower case in the
    collection and begins no other name, nothing strong speaks for the full name, and
    its documents write the second word alone at least twice as often as the name, which
    the model calls something else more often than a person."""
    words = name.split()
    if (len(words) != 2 or not rules.ordinary(words[0], coll.lowercase)
            or first_words.get(words[0], set()) - {name}
            or any(c.cues & ev.STRONG for c in occurrences)
            or coll.person_votes[words[1]] >= coll.other_votes[words[1]]):
        return False  # "Rich Sutton ... Sutton's lesson": the model calls Sutton a person
    rest = re.compile(rf"(?<![\w'’-])(?<!{re.escape(words[0])} ){re.escape(words[1])}(?![\w-])")
    full = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
    texts = [t for d in docs for _, _, t in d.paragraphs]
    alone = sum(len(rest.findall(t)) for t in texts)
    return alone >= 2 and alone >= 2 * sum(len(full.findall(t)) for t in texts)


def cut_glued_tails(found: list[tuple[DocText, list[Candidate], list[Candidate]]],
                    coll: Collection) -> dict[str, str]:
    """A word of the page glued after a name the collection knows ("Ann Roe Subject" where
    "Ann Roe" is found elsewhere): the last word is a word used in lower case and the name
    without it is a candidate of its own -- cut it (in place).  Returns the names cut."""
    names = {c.text for _, full, _ in found for c in full}
    cut: dict[str, str] = {}
    for _, full, _ in found:
        for c in full:
            words = c.text.split()
            if len(words) < 3 or not rules.ordinary(words[-1], coll.lowercase):
                continue
            shorter = c.text.rsplit(None, 1)[0]
            if shorter in names:
                cut[c.text] = f"a word of the page glued after {shorter}"
                c.end = c.start + len(shorter)
                c.text = shorter
    return cut


_NAME_WORD = re.compile(NAME_TOKEN)
# Not places: "New Delhi" is a place even in a collection that knows a "New Shepard".
_PROMOTABLE = {"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "GPE"}
_PLACE_BEFORE = re.compile(r"\b(?:in|from|to|at|of|near|into|across|through|via)[ \t]+$", re.I)


def promote(found: list[tuple[DocText, list[Candidate], list[Candidate]]],
            raw: Mapping[str, list[RawMention]], coll: Collection, given: set[str],
            rejected: Mapping[str, str] | None = None) -> None:
    """Name-shaped spans the model typed as something else ("Novak Djokovic" ORG), kept
    as persons where the text vouches for one: a title or a role before them ("host
    Jeanine Pirro", "Chancellor Olaf Scholz"), a verb of speech or an age, listed with a
    person ("Marcel Granollers and Feliciano Lopez"), a given name that starts another
    person's name in the collection, or the family name alone as PERSON in the same
    document -- and nothing in the collection against them (every place a document of
    theirs writes them is read: "the Magic Keyboard", “Magic Keyboard”)."""
    pending: dict[str, list[tuple[list[Candidate], Candidate]]] = {}
    docs_of: dict[str, list[DocText]] = {}
    for doc, full, single in found:
        for name, cand in promotable(doc, full, single, raw, coll, given,
                                     {} if rejected is None else rejected):
            pending.setdefault(name, []).append((full, cand))
            docs = docs_of.setdefault(name, [])
            if all(d is not doc for d in docs):
                docs.append(doc)
    for name, cands in pending.items():
        if any("listed_with_things" in c.cues for _, c in cands):
            continue
        evid = ev.NameEvidence()
        for doc in docs_of[name]:
            _read_all(name, doc, evid)
        # the model called it something else: something must speak for a person
        vouched = any(c.cues & ev.FOR for _, c in cands) or evid.for_
        strong = evid.strong or any(c.cues & ev.STRONG for _, c in cands)
        if not strong and common_word_name(name, coll):
            continue
        if vouched and ev.verdict(evid).person:
            for full, cand in cands:
                full.append(cand)


@per_document
def promotable(doc: DocText, full: list[Candidate], single: list[Candidate],
               raw: Mapping[str, list[RawMention]], coll: Collection, given: set[str],
               rejected: Mapping[str, str]) -> list[tuple[str, Candidate]]:
    """The spans of one document :func:`promote` may keep, with their names: typed as
    something else, shaped like a name, vouched for here and not turned down."""
    out: list[tuple[str, Candidate]] = []
    if not model_language(doc):
        return out
    singles = {c.text for c in single}
    taken = {(c.para, c.start) for c in full}
    for i, (pid, kind, text) in enumerate(doc.paragraphs):
        if rules.is_heading_kind(kind, text):
            continue
        for m in raw.get(pid, ()):
            if m.label not in _PROMOTABLE or text[m.start:m.end] != m.text:
                continue
            for s, e in rules.repair(text, name_starts_before_link(text, m.start, m.end), m.end):
                if e >= m.end:  # a name's last word the model left out, as for persons
                    e = rules.name_goes_on(text, s, e, raw.get(pid, ()), coll.lowercase)
                words = text[s:e].split()
                if not 2 <= len(words) <= 3 or (i, s) in taken or rules.owned(text, m.start, s):
                    continue  # (what an organisation's possessive owns is its product)
                if not all(_NAME_WORD.fullmatch(w) for w in words):
                    continue
                found_cues = span_cues(text, s, e, raw.get(pid, ()))
                personal = found_cues & {"title", "role", "age", "kin", "apposition"}
                vouched = bool(found_cues & ev.STRONG) and not found_cues & ev.AGAINST
                listed = "listed" in found_cues
                if m.label in ("GPE", "NORP") and not (
                        (personal or (listed and "with_places" not in found_cues
                                      and not _PLACE_BEFORE.search(text, 0, s)))
                        and not found_cues & ev.AGAINST
                        and coll.place_votes[text[s:e]] + coll.norp_votes[text[s:e]] <= 1):
                    continue  # a place or a people unless the text says otherwise
                reused = words[-1] in singles
                if not (vouched or listed or words[0] in given or reused):
                    continue
                name = text[s:e]
                if (rules.looks_like_org(text, s, e) or rules.is_credit(text, s, e)
                        or rules.is_character(text, s, e)
                        or rules.ordinary_words(name, coll.lowercase)
                        or entity_prefix(name, coll) or name in rejected
                        or shape_problem(name, coll)):
                    continue
                taken.add((i, s))
                if reused:
                    found_cues |= {"short_name"}
                out.append((name, Candidate(i, s, e, name, False, found_cues,
                                            ev.opening(text, s))))
    return out


@lru_cache(maxsize=4096)
def _given_names_before(word: str) -> re.Pattern:
    return re.compile(rf"\b((?:{NAME_TOKEN}\s+){{1,2}})"
                      rf"{re.escape(word)}\b")


#: A capitalized word right after a name: the name goes on ("Yeun Joon Kim").
_NEXT_NAME_WORD = re.compile(r"[ \t]+[A-Z]")


def given_name_before(word: str, doc: DocText, coll: Collection,
                      rejected: Mapping[str, str] | None = None,
                      address: frozenset[str] = frozenset()) -> Candidate | None:
    """"Rahm Emanuel" somewhere in the document, for a lone "Emanuel" -- not a place
    ("New Delhi" for "Delhi"), an organisation, an ordinary phrase, a role played, a
    form of address the document shows (``address``: "Pak Karyono" for "Karyono") or a
    name the collection turned down; its evidence is read at every place the document
    writes it."""
    rx = _given_names_before(word)
    for i, (_, kind, text) in enumerate(doc.paragraphs):
        if word not in text or rules.is_heading_kind(kind, text):  # most paragraphs: cheap
            continue
        for m in rx.finditer(text):
            for s, e in rules.repair(text, m.start(), m.end()):
                name = text[s:e]
                words = name.split()
                if (len(words) > 1 and e == m.end() and not _NEXT_NAME_WORD.match(text, e)
                        and words[0] not in address
                        and not rules.looks_like_org(text, s, e)
                        and not any(w in TITLE_WORDS or w in FUNCTION_WORDS
                                    or w.casefold() in ROLE_NOUNS for w in words)
                        and name not in (rejected or {})
                        and not coll.place_votes[name] and not coll.place_votes[word]
                        and not rules.ordinary_words(name, coll.lowercase)
                        and not rules.is_character(text, s, e)
                        and not (ev.opening(text, s) and rules.ordinary(words[0], coll.lowercase))
                        and not entity_prefix(name, coll) and not shape_problem(name, coll)
                        and _document_verdict(name, doc, coll)):
                    return Candidate(i, s, e, name, False, ev.cues(text, s, e),
                                     ev.opening(text, s))
    return None


def _read_all(name: str, doc: DocText, evid: ev.NameEvidence) -> None:
    """The cues of every place ``doc`` writes ``name`` (titles and headings too)."""
    for found_cues, is_opening, heading in name_occurrences(name, doc):
        evid.add(doc.doc_id, found_cues, is_opening, heading)


@per_document
def name_occurrences(name: str, doc: DocText) -> list[tuple[frozenset[str], bool, bool]]:
    """Every place ``doc`` writes ``name``: its cues, whether it opens its sentence,
    whether it stands in a heading."""
    rx = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return [(ev.cues(text, m.start(), m.end()), ev.opening(text, m.start()),
             rules.is_heading_kind(kind, text))
            for _, kind, text in doc.paragraphs for m in rx.finditer(text)]


def _document_verdict(name: str, doc: DocText, coll: Collection) -> bool:
    """A name's verdict from every place a document writes it, and the model's votes."""
    evid = ev.NameEvidence()
    _read_all(name, doc, evid)
    if not evid.strong and (common_word_name(name, coll)
                            or thing_family(name, coll, [doc.doc_id])):
        return False
    if not (evid.for_ or evid.bare) and unknown_given_name(name, coll):
        return False
    return ev.verdict(evid, coll.person_votes[name],
                      coll.other_votes[name] + coll.prefix_votes[name],
                      coll.place_votes[name]).person


def to_longer_names(full: list[Candidate], doc: DocText | None = None) -> None:
    """"Van Der Beek" (or "Van Gogh") in a document that says "James Van Der Beek" ("Vincent
    van Gogh") is him (unless another of the family is named: :func:`nm.kin_beside`); a name
    the model cut before its last word ("Carrie Mae" in "Carrie Mae Weems: In Dialogue")
    is the longer name of the document its text goes on into."""
    names = {c.text for c in full}
    if len(names) < 2:
        return
    # each name under what follows and what precedes each of its spaces, in the set's
    # order (the longest wins, the first of them on a tie): a document's candidates
    # looked up, not each compared with every other
    order = {n: i for i, n in enumerate(names)}
    after: dict[str, list[str]] = {}
    after_folded: dict[str, list[str]] = {}
    before: dict[str, list[str]] = {}
    for n in names:
        folded = n.casefold()
        for i, ch in enumerate(n):
            if ch == " ":
                after.setdefault(n[i + 1:], []).append(n)
                before.setdefault(n[:i], []).append(n)
        for i, ch in enumerate(folded):
            if ch == " ":
                after_folded.setdefault(folded[i + 1:], []).append(n)
    for c in full:
        # a particle is capitalized where the family name stands alone ("Van Gogh" for
        # "Vincent van Gogh")
        particle = c.text.split()[0].casefold() in _PARTICLES
        longer = after.get(c.text, [])
        if particle:
            longer = sorted({*longer, *after_folded.get(c.text.casefold(), ())},
                            key=order.__getitem__)
        if longer and (particle or not nm.kin_beside(c.text, max(longer, key=len), names)):
            c.text = max(longer, key=len)  # not the father's "Saleh Roe" of "Nizar Saleh Roe"
            continue
        if doc is None:
            continue
        text = doc.paragraphs[c.para][2]
        going_on = [n for n in before.get(c.text, ())
                    if text.startswith(n[len(c.text):], c.end)]
        if going_on:
            c.text = max(going_on, key=len)
            c.end = c.start + len(c.text)
