"""Who a speaker phrase names: a person found in the document, a pronoun or a role that
stands for one, or an unnamed source.

:func:`classify` reads the words between a clause's start and its verb of speech
("Joel Schlabach, a teacher at ... High School," -> the person Joel Schlabach;
"Nisan Ahmado's source inside the camp" -> an unnamed source, never Nisan Ahmado;
"the governor" -> a role).  Whom a pronoun or a role stands for is followed by
:class:`searchapp.ingest.quotes.salience.Salience` (and, first, by the grammar of the
sentence before: :mod:`.antecedents`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.lexicon import DETERMINERS
from searchapp.ingest.quotes.text import Word
from searchapp.lexicon import APOSTROPHES, NAME_PARTICLES

#: Abbreviated titles and the role they name.
TITLE_ROLE = {"gov.": "governor", "gov": "governor", "sen.": "senator", "rep.": "representative",
               "gen.": "general", "pres.": "president", "cmdr.": "commander",
               "dr.": "doctor", "prof.": "professor", "supt.": "superintendent",
               "lt.": "lieutenant", "capt.": "captain", "col.": "colonel", "adm.": "admiral",
               "sgt.": "sergeant", "amb.": "ambassador", "atty.": "attorney"}
#: Verbs that give their subject a role ("X chairs the committee" -> the chair).
ROLE_VERBS = {"chairs": "chair", "chaired": "chair", "heads": "head", "headed": "head",
              "leads": "leader", "led": "leader", "directs": "director",
              "manages": "manager", "coaches": "coach", "edits": "editor",
              "captains": "captain", "founded": "founder",
              "co-founded": "co-founder", "owns": "owner"}
#: Recognizer labels of speakers that are bodies, not persons ("Nissan says").
_BODY_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT")
_SELF_POSSESSIVES = frozenset({"our", "my"})
_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s?(?=\W|$)")


@dataclass(frozen=True)
class Person:
    """A person mention: ``name`` is the canonical person."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Who:
    """What a speaker phrase names."""

    kind: str  # "person", "pronoun", "role", "unnamed", "unknown"
    text: str  # the phrase as written
    name: str | None = None  # the canonical person (kind "person")
    sex: str = ""  # "m"/"f" for pronouns
    role: str = ""  # the role noun (kind "role")
    owner: str | None = None  # "Morrison's lawyer": the person the role belongs to
    indefinite: bool = False  # "a doctor", "one legal expert"
    start: int = -1  # where the phrase starts in its paragraph (for a pronoun's antecedent)


UNKNOWN = Who("unknown", "")

_NAME_WORD = re.compile(rf"^[^\W\d_][\w.{APOSTROPHES}\-]*$")


def trusted(name: str) -> bool:
    """A canonical person the attribution may name: a name as names are written -- one
    line, at most four words (particles aside) that are words, not digits, each but the
    particles capitalised (or of a script without case).  A recognizer's slip ("Cons",
    "Pros", "Sustainable" over three lines; a product line "Alice McCall Mysteria
    Ruffled") is no speaker: better none than a wrong one."""
    if "\n" in name or "\t" in name:
        return False
    words = name.split(" ")
    core = [w for w in words if w.lower() not in NAME_PARTICLES]  # "Ludwig van Beethoven"
    if not core or len(core) > 4 or any(not _NAME_WORD.match(w) for w in words):
        return False
    if len(core) == 4 and not any(len(w.rstrip(".")) == 1 or w.endswith(".") for w in core):
        return False  # four full words: a product or a title, seldom one person
    return all(not w[:1].islower() or lx.GLUED_NAME.match(w) for w in core)


def body_owner(text: str, head: Sequence[Word], persons: Sequence[Person]) -> str | None:
    """The body a role phrase gives its role to: "~committee" for "the committee's
    chair", "~its" for "Its chair" (no person's: "Morrison's lawyer" is the person's)."""
    for w in head:
        if w.lower in ("its", "their"):
            return "~" + w.lower
        possessive = _possessive_after(text, w.end) or w.text.endswith(("'s", "’s"))
        if possessive and not any(p.start <= w.start < p.end for p in persons):
            return "~" + _POSSESSIVE.sub("", w.lower)
    return None


def bodies_agree(learned: str | None, asked: str | None) -> bool:
    """A role learned with one body's owner stands for a role asked of another only when
    either leaves the body unsaid ("the chair" after "Its chair, X"); "the committee's
    chair" is not "Its chair, X" of another body."""
    learned_body = learned is None or learned.startswith("~")
    asked_body = asked is None or asked.startswith("~")
    return learned_body and asked_body and (learned is None or asked is None)


def _possessive_after(text: str, end: int) -> bool:
    return bool(_POSSESSIVE.match(text, end))


#: Kinds of body a name written right after names a body ("the lobby Housebuild
#: Forward", "rights group X", "the dating app X"): never a person.
_BODY_BEFORE_NAME = frozenset("""
firm company group lobby union association federation charity startup app brand label bank
brokerage consortium operator retailer chain manufacturer carmaker automaker maker platform
alliance coalition network outlet newspaper magazine broadcaster station channel
""".split())


def classify(text: str, ws: Sequence[Word], persons: Sequence[Person],
             labels: Sequence[tuple[int, int, str]] = (), verb_first: bool = False,
             family_names: dict[str, list[Person]] | None = None,
             name_words: frozenset[str] = frozenset()) -> Who:
    """The speaker named by the words ``ws`` of ``text`` (a subject before its verb, or
    with ``verb_first`` the words after "said").  ``name_words``: the words (casefolded)
    of the names the document's persons and the recognizer's PERSON spans hold; a bare
    proper noun among them is a person the persons stage did not resolve here, never an
    unnamed source ("Swift" where the page names "Taylor Swift")."""
    ws = [w for w in ws if w.text != "Q"]
    while ws and (ws[0].lower in lx.OPENERS or ws[0].text in ",;:—–-"):
        ws = ws[1:]
    while ws and (ws[-1].lower in lx.LIGHT or ws[-1].text in ",;:—–-"):
        ws = ws[:-1]
    if not ws:
        return UNKNOWN
    if any("\n" in text[a.end:b.start] for a, b in zip(ws, ws[1:], strict=False)):
        return UNKNOWN  # words across lines: a heading or a caption, no phrase
    chunks = _chunks(ws)
    if not chunks:
        return UNKNOWN  # nothing but punctuation between the words
    opened_by_preposition = chunks[0][0].lower in lx.PREPOSITIONS
    if not verb_first:
        while len(chunks) > 1 and (_adverbial(chunks[0]) or _participle(chunks[0], persons)):
            # "When the vice chair, Lionel Ashdown, questioned officers, the manager, X,
            # said": a subordinate clause runs to the phrase with its verb
            through = next((n for n, c in enumerate(chunks[:-1]) if _has_verb(c)), 0) \
                if chunks[0][0].lower in lx.CLAUSE_OPENERS else 0
            chunks = chunks[through + 1:]
    if not verb_first and len(chunks) > 1 and opened_by_preposition \
            and _person_in(text, chunks[-1], persons, whole=True) is not None:
        # "Under cross-examination by Y's barrister, Z KC, Ms X agreed that": the person
        # right before the verb; those before are of the adverbial
        chunks = chunks[-1:]
    head = chunks[0]
    if len(chunks) > 1 and len(head) <= 3 and head[-1].lower.endswith("s") \
            and chunks[1][0].lower in ("among", "including") and not verb_first:
        # "Critics, among them the economist Yusra el-Amin, argue": the one named
        a, b = chunks[1][0].start, chunks[1][-1].end
        named = [p for p in persons if a <= p.start and p.end <= b + 1]
        if len({p.name for p in named}) == 1:
            return Who("person", text[named[0].start:named[0].end], named[0].name)
    phrase = text[head[0].start:head[-1].end]
    lows = [w.lower for w in head]
    # a pronoun after a preposition is no clause ("Deputy Editor Kay Lund in her review")
    core = next((n for n, w in enumerate(head) if w.lower in lx.PREPOSITIONS), len(head))
    clause = any(w.lower in lx.NOT_IN_NOUN_PHRASE and not w.text.isupper()  # "the US"
                 and not (w.lower in ("them", "us") and n and head[n - 1].lower == "of")
                 for n, w in enumerate(head)) or any(
        w.lower in lx.PERSON_PRONOUNS or w.lower in lx.SELF_PRONOUNS for w in head[1:core])
    if _two_persons(text, head, persons):
        return UNKNOWN  # "Xi and Kim agreed ...": two speakers, neither alone
    found = None if clause else _person_in(text, head, persons)
    if found is not None:
        before = [w for w in head if w.end <= found.start]
        if before and before[-1].lower in _BODY_BEFORE_NAME:
            # "Property developers' lobby Housebuild Forward said": a body by its name
            return Who("unnamed", phrase, role=before[-1].lower)
        return Who("person", phrase, found.name)
    # a role, an owner's ("Carlineo's attorney"), or one of a group ("One of the tenants"):
    # a person named in apposition after it is the speaker
    role_phrase = lx.role_noun(head_noun(head)) or any(
        _possessive_after(text, w.end) for w in head) or (
        len(lows) > 2 and lows[0] in ("one", "another") and lows[1] == "of")
    if not clause and role_phrase:
        for chunk in chunks[1:]:  # "Carlineo's attorney, Sonya Zoghlin, said"
            found = _person_in(text, chunk, persons, whole=True)
            if found is not None:
                return Who("person", text[chunk[0].start:chunk[-1].end], found.name)
        if len(chunks) > 1 and head[0].lower == "the" and any(
                label == "ORG" and a <= chunks[1][0].start and chunks[1][-1].end <= b
                for a, b, label in labels):
            # "The operator, Northway Buses, said": a body by its name
            return Who("unnamed", text[head[0].start:chunks[1][-1].end], role=head_noun(head))
    if not verb_first and len(chunks) > 1 and not clause \
            and (role_phrase or lows[0] in ("one", "another")) \
            and named_unresolved(text, chunks[1:], persons, labels):
        # "Another, Ranjit X, said", "one of them, a retired firefighter who gave his
        # name only as Des, said": someone named whom the stage did not resolve -- no
        # unnamed source, and no guess
        return UNKNOWN
    if len(head) == 1 and lows[0] in lx.PERSON_PRONOUNS:
        return Who("pronoun", phrase, sex=lx.PERSON_PRONOUNS[lows[0]], start=head[0].start)
    if lows[0] in _SELF_POSSESSIVES and 1 < len(head) <= 3 and head[-1].text.islower() and (
            lows[-1] in lx.KIN_SEX or lx.role_noun(lows[-1]) and not lows[-1].endswith("s")):
        # "My mother says", "my editor told me": someone of the writer's (or the
        # interviewee's), named nowhere -- an unnamed source
        return Who("unnamed", phrase, role=lows[-1])
    if lows[0] in lx.SELF_PRONOUNS or lows[0] in _SELF_POSSESSIVES:
        return UNKNOWN  # "we", "according to our data": the writer, no source
    if any(_verb_with_object(w, head[n + 1]) for n, w in enumerate(head[:-1])):
        return UNKNOWN  # "restarted the first agent": a verb and its object, a clause
    if len(head) == 1 and lows[0] in lx.GROUP_PRONOUNS:
        return Who("unnamed", phrase, role=lows[0])
    if _share(lows):  # "76% of all social users say", "43% and 36% said": a survey's
        return Who("unnamed", phrase, role="respondents", indefinite=True)
    if any(w in lx.SUBORDINATORS for w in lows) or core > 8 or len(head) > 20:
        return UNKNOWN  # no noun phrase ("the Office for the Western District of ..." is)
    if clause:
        return UNKNOWN  # "people began using them ...": a clause, not a noun phrase
    last = head[-1].text
    family = {p.name for p in (family_names or {}).get(last, ())} if last[:1].isupper() else ()
    if len(family) == 1 and not any(w.lower in lx.PREPOSITIONS for w in head[:-1]):
        # "the 14th-ranked Schwartzman", "Claure" where the document (not "a spokesman
        # for Claure") names the person in full
        return Who("person", phrase, family.pop())
    if any(label == "PERSON" and _heads(head, a, b)
           and not any(p.start < b and a < p.end for p in persons)
           and not _possessive_after(text, b) for a, b, label in labels):
        return UNKNOWN  # a person the persons stage did not keep: not an unnamed source
    noun = head_noun(head)
    if noun not in lx.ROLE_NOUNS and any(
            w.lower.strip(".’'") == noun and w.text[:1].isupper() and n + 1 < len(head)
            and head[n + 1].lower == "of" for n, w in enumerate(head) if n > 0):
        noun = ""  # "the Chamber of Commerce": a body's name, not an agent noun's role
        known_noun = True
    else:
        known_noun = False
    known_noun = known_noun or noun in lx.SOURCE_NOUNS or noun in lx.BODY_NOUNS or lx.role_noun(noun) \
        or noun in lx.GROUP_HEADS
    indefinite = lows[0] in lx.INDEFINITE or lows[0].isdigit()
    owner = next((p.name for p in persons if head[0].start <= p.start < head[-1].end
                  and _possessive_after(text, p.end)), None) or body_owner(text, head, persons)
    if lx.role_noun(noun) and not indefinite and not noun.endswith("s") \
            and noun not in ("police",):
        return Who("role", phrase, role=noun, owner=owner)
    if indefinite and lx.role_noun(noun):
        return Who("unnamed", phrase, role=noun, indefinite=True)
    proper = all(w.text[:1].isupper() or w.lower in ("the", "of", "and", "for", "&")
                 for w in head) and any(w.text[:1].isupper() for w in head) and (
        lows[0] == "the" or _labelled(head, labels, _BODY_LABELS))  # not "Eswar Prasad"
    if proper and lows[0] not in DETERMINERS and name_words and all(
            w.lower in name_words for w in head if w.text[:1].isupper()):
        return UNKNOWN  # a name of a person the persons stage did not resolve here
    if known_noun or proper:
        return Who("unnamed", phrase, role=noun, indefinite=indefinite)
    return UNKNOWN


_PERCENT = r"(?:\d[\d.,]*|[a-z]+(?:-[a-z]+)?) ?(?:%|percent|per cent)"
_FRACTION = (r"(?:half|a third|a quarter|two-thirds|three-quarters|"
             r"(?:\d+|one|two|three|four|five|six|seven|eight|nine) in \w+(?: [a-z]+)?)")
_SHARE = re.compile(rf"(?:{_PERCENT}(?: and {_PERCENT})*|{_FRACTION})(?: of .+)?")


def _share(lows: Sequence[str]) -> bool:
    """A share of people as a survey gives it: "76% of users", "43% and 36%", "12
    percent of voters", "Sixty-two percent", "half of them", "one in five nurses" (the
    words as the tokenizer splits them: "76 % of users")."""
    return bool(_SHARE.fullmatch(" ".join(lows)))


def _verb_with_object(w: Word, after: Word) -> bool:
    """``w`` is a verb with its object after it, not a word of a noun phrase: a past
    form before a determiner ("restarted the agent"), a present one before a
    determiner or a name ("the brand embraces UGC")."""
    if not w.text.islower() or w.lower in lx.ROLE_NOUNS or w.lower in lx.BODY_NOUNS \
            or w.lower in lx.SOURCE_NOUNS or lx.role_noun(w.lower):
        return False
    if w.lower.endswith("ed"):
        return after.lower in DETERMINERS
    if w.lower.endswith("s") and not w.lower.endswith(("ss", "us", "is")):
        return after.lower in DETERMINERS or (after.text[:1].isupper()
                                              and after.lower not in lx.PREPOSITIONS)
    return False


def _two_persons(text: str, ws: Sequence[Word], persons: Sequence[Person]) -> bool:
    """Two persons joined by "and" ("Xi and Kim", "Chiou and Howlett"), not two roles of
    one ("scientist and study co-author Michael Malaska")."""
    for n, w in enumerate(ws):
        if w.lower not in ("and", "&") or n == 0 or n + 1 >= len(ws):
            continue
        left, right = ws[n - 1], ws[n + 1]
        in_person = [any(p.start <= x.start < p.end for p in persons) for x in (left, right)]
        named = [a or x.text[:1].isupper() for a, x in zip(in_person, (left, right),
                                                          strict=True)]
        if not all(named) or not any(in_person):
            continue
        if not in_person[1] and any(p.start > right.end for p in persons
                                    if p.start < ws[-1].end):
            continue  # "Co-Owner and Lead Planner Erica Vanco": titles of one person
        return True
    return False


def _heads(head: Sequence[Word], a: int, b: int) -> bool:
    """The span ``a:b`` is the phrase's head: it ends the phrase (before any preposition)
    and no noun of a body stands before it ("the Strava report", "app Strava" are not)."""
    core = []
    for w in head:
        if w.lower in lx.PREPOSITIONS:
            break
        core.append(w)
    if not core or not (a < core[-1].end <= b + 1):
        return False
    before = [w for w in core if w.end <= a]
    return not (before and before[-1].lower in lx.BODY_NOUNS)


def _labelled(ws: Sequence[Word], labels, kinds=None) -> bool:
    return any(a < ws[-1].end and b > ws[0].start and (kinds is None or label in kinds)
               for a, b, label in labels)


def _chunks(ws: Sequence[Word]) -> list[list[Word]]:
    """The phrases between commas and dashes; an aside in parentheses is left out."""
    out: list[list[Word]] = [[]]
    depth = 0
    for w in ws:
        depth += (w.text == "(") - (w.text == ")")
        if depth > 0 or w.text == ")":
            depth = max(depth, 0)
            if out[-1]:
                out.append([])
            continue
        if w.text in (",", "—", "–", ";"):
            if out[-1]:
                out.append([])
            continue
        out[-1].append(w)
    return [c for c in out if c]


#: Past forms of common verbs that do not end in -ed.
_IRREGULAR_PAST = frozenset("met was were had spoke came went took made gave saw sat ran left "
                            "told said asked got began won lost held led sent put set".split())


def _has_verb(chunk: Sequence[Word]) -> bool:
    """A phrase holds a verb in the past tense ("questioned officers", "met with")."""
    return any(w.text.isalpha() and w.text.islower() and (
        w.lower.endswith("ed") and len(w.lower) > 4 or w.lower in _IRREGULAR_PAST)
        for w in chunk)


def named_unresolved(text: str, chunks: Sequence[Sequence[Word]], persons: Sequence[Person],
                      labels: Sequence[tuple[int, int, str]]) -> bool:
    """A phrase of ``chunks`` (an apposition) names someone by a capitalised name word
    that no person found holds and the recognizer typed as no body, place or date."""
    from searchapp.ingest.quotes.name_runs import name_word

    for chunk in chunks:
        for n, w in enumerate(chunk):
            if n == 0 and w.lower in DETERMINERS or not name_word(w):
                continue
            if any(p.start < w.end and w.start < p.end for p in persons):
                continue
            if any(a < w.end and w.start < b and label not in ("PERSON", "FAC")
                   for a, b, label in labels):
                continue
            return True
    return False


def _participle(chunk: Sequence[Word], persons: Sequence[Person]) -> bool:
    """A participle alone before a comma ("Prosecuting, X said", "Laughing, X added"):
    how the subject after it speaks, not the subject (no person's name)."""
    w = chunk[0]
    return len(chunk) == 1 and w.text.isalpha() and w.lower.endswith("ing") \
        and len(w.lower) > 5 and not any(p.start <= w.start < p.end for p in persons)


def _adverbial(chunk: Sequence[Word]) -> bool:
    """"In his testimony Tuesday morning", "However", "Last week", "Noting that ...":
    not a subject."""
    first = chunk[0].lower
    if len(chunk) <= 4 and chunk[-1].lower in ("ago", "later", "earlier"):
        return True  # "A year ago", "Two days later"
    if 1 < len(chunk) <= 3 and chunk[-1].text.islower() and chunk[-1].lower.endswith("ly") \
            and chunk[-1].lower not in lx.LY_NOT_ADVERBS and first not in DETERMINERS \
            and first not in lx.INDEFINITE:
        return True  # "More recently", "Most importantly", "Even more tellingly"
    if first in ("whatever", "whichever", "whenever", "wherever", "however"):
        return True  # "Whatever the definition"
    if len(chunk) > 1 and first in lx.SELF_PRONOUNS:
        return True  # "(As) we noted, 76% of users said": the writer's aside
    if len(chunk) > 1 and first.endswith(("ing", "ed")) and first not in lx.ROLE_NOUNS:
        return True  # "Noting that ...", "Asked about ..."
    return (first in lx.PREPOSITIONS or first in lx.SUBORDINATORS or first in lx.OPENERS
            or first in ("last", "earlier", "later", "this", "next", "recently", "previously",
                         "outside", "inside", "afterwards", "elsewhere",
                         "now", "today", "yesterday", "meanwhile", "separately", "still",
                         "in", "during", "after", "before", "on", "at", "according")
            or first.endswith("ly") and len(chunk) == 1)


def _person_in(text: str, chunk: Sequence[Word], persons: Sequence[Person],
               whole: bool = False) -> Person | None:
    """The person a noun phrase names: a mention not after a preposition within the
    phrase and not possessive ("Morrison's lawyer" names the lawyer, not Morrison)."""
    a, b = chunk[0].start, chunk[-1].end
    inside = [p for p in persons if a <= p.start and p.end <= b + 1]
    # the phrase's head first: "Estera Events Co-Owner and Lead Planner Erica Vanco"
    inside.sort(key=lambda p: p.end < b - 1)
    for p in inside:
        if _possessive_after(text, p.end):
            continue
        before = [w for w in chunk if w.end <= p.start]
        if any(w.lower in lx.PREPOSITIONS for w in before):
            continue
        if any(w.lower in lx.SUBORDINATORS for w in before):
            continue
        if whole and any(w.end > p.end + 1 for w in chunk):
            continue
        return p
    return None


def head_noun(ws: Sequence[Word]) -> str:
    """The noun a phrase is about: its last word before a preposition or clause."""
    kept = []
    for w in ws:
        if w.lower in lx.PREPOSITIONS or w.lower in lx.SUBORDINATORS:
            break
        if kept and w.text[:1].islower() and w.lower.endswith(("ed", "ing")) \
                and any(k.lower not in DETERMINERS for k in kept):
            break  # "two people briefed on the talks" ("the returning officer" is one)
        kept.append(w)
    if not kept:
        return ""
    for w in reversed(kept):  # "two people familiar": the noun a list knows
        word = TITLE_ROLE.get(w.lower, w.lower.strip(".’'"))
        if lx.role_noun(word) or word in lx.SOURCE_NOUNS or word in lx.BODY_NOUNS:
            return word
    word = kept[-1].lower
    return TITLE_ROLE.get(word, word.strip(".’'"))
