"""Slots that say a capitalized word the model typed a place is no place.

The model types as places words that name a person or a people on pages of languages it
has seen little of: a given name ("Nurbol Sarsenbaiuly ... whom they call Nurbol"), a
father's name after "binti", a people ("an X farmer", "whose X mother"), a language or a
script ("(… in X)" after a name in that script).  A reader tells them from places by the
slot they stand in; these cues read the slot of one use, and :mod:`places` turns a word
down only where the collection never writes it in a place's slot ("in X", "X province",
a dateline, "X, Country").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.words import RELATIVES, ROLE_NOUNS
from searchapp.lexicon import PATRONYMIC_LINKS, POSSESSIVE

#: A patronymic name's link (:data:`searchapp.lexicon.PATRONYMIC_LINKS`) between two
#: capitalized names: "Siti Kalsom binti Yaakub" -- the word after it is a father's given
#: name, not a place.
_PATRONYMIC = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:"
                         + "|".join(sorted(PATRONYMIC_LINKS)) + r")[ \t]+$")
#: ", 71," after a name: an age (not "(49)": "Louisiana (49)" is a count of votes)
_AGE = re.compile(r"^,[ \t]*\d{1,3}[ \t]*,")
#: "X's brother", "X's grandmother": a relative only a person has
_KIN = re.compile(rf"^{POSSESSIVE}[ \t]+(?:[a-z-]+[ \t]+)?([a-z-]+)\b")
#: "her grandfather, X,", "His son, X,": someone's relative or role named after it
_RELATION = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)[ \t]+(?:[a-z-]+[ \t]+)?"
                       r"([a-z-]+),[ \t]*$")
#: ", who" after a name (not "farmers in X who fled": the relative clause is theirs)
_WHO = re.compile(r"^,[ \t]*who\b")
#: What a place holds as often as a people does: "a Paris resident", "a Lagos native".
_PLACE_HOLDS = frozenset({"resident", "residents", "citizen", "citizens", "native", "natives"})
#: The nouns only a people's name qualifies ("the X people", "X clans", "of X descent").
#: Not roles, relatives, trades or "families", "community": a place qualifies those as
#: often ("the Florida governor", "Gaza fishermen", "Texas families", "the Houston
#: community").
_PEOPLE_NOUNS = frozenset({"people", "peoples", "clans", "clan", "tribe", "tribes",
                           "tribesmen", "tribeswomen", "ancestry", "descent", "ethnicity"})
#: "X farmer", "X mother", "X people": the word after the name, in lower case
_NOUN_AFTER = re.compile(r"^[ \t]+([a-z][a-z-]*)\b")
#: "(ⵉⵜⵜⵓ ⴰⵢⵜ in X)": a name in another script glossed "in X" -- a script or a language
_SCRIPT_GLOSS = re.compile(r"\([^()\n]*[^\x00-\u024f\s][^()\n]*[ \t]+in[ \t]+$")
_GLOSS_END = re.compile(r"^[ \t]*\)")
#: "speaks X", "spoken in X", "translated into X", "in X script", "X-speaking"
_LANGUAGE_BEFORE = re.compile(r"\b(?:speak|speaks|speaking|spoke|spoken[ \t]+in|fluent[ \t]+in|"
                              r"translated[ \t]+(?:into|from)|written[ \t]+in[ \t]+(?:the[ \t]+)?"
                              r"(?:old|ancient|classical)?)[ \t]+$")
_LANGUAGE_AFTER = re.compile(rf"^(?:[ \t]+(?:script|alphabet|characters|letters|language|dialect|"
                             rf"words?|name|grammar)\b|[{re.escape(nm.HYPHENS)}]"
                             r"(?:speaking|speakers?|language|medium)\b)")


def person_slot(text: str, s: int, e: int) -> bool:
    """Whether the use of ``text[s:e]`` stands where a person stands: after "binti", with
    an age (", 71,"), a relative after it ("X's brother"), named as someone's relative or
    role ("her grandfather, X"), or ", who" after it."""
    before = text[max(0, s - 60):s]
    after = text[e:e + 40]
    if _PATRONYMIC.search(before) or _AGE.match(after) or _WHO.match(after):
        return True
    m = _KIN.match(after)
    if m and m.group(1) in RELATIVES:
        return True
    m = _RELATION.search(before)
    return bool(m and (m.group(1) in RELATIVES or m.group(1) in ROLE_NOUNS)
                and m.group(1) not in _PLACE_HOLDS)


def people_slot(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` names a people as only a people's name does ("the X people",
    "X clans", "of X descent")."""
    m = _NOUN_AFTER.match(text[e:e + 40])
    return bool(m and m.group(1) in _PEOPLE_NOUNS)


def language_slot(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` names a language or a script: a name in another script glossed
    "(… in X)", "speaks X", "translated into X", "in X script", "X-speaking"."""
    before = text[max(0, s - 80):s]
    if _SCRIPT_GLOSS.search(before) and _GLOSS_END.match(text[e:e + 5]):
        return True
    return bool(_LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(text[e:e + 40]))


def name_words(persons: Iterable[str], spellings: Mapping[str, Iterable[str]],
               spans: Iterable[Iterable[RawMention]]) -> set[str]:
    """The words of the persons' names a document holds: its persons' spellings and all
    but the last word of the names of two words or more the model types a person in it
    ("Nurbol" of "Nurbol Sarsenbaiuly"), not in Han or Hangul."""
    out: set[str] = set()
    for n in persons:
        for spelling in spellings.get(n, (n,)):
            if not nm.HAN.search(spelling) and not nm.HANGUL.search(spelling):
                out.update(spelling.split())
    for ms in spans:  # (not a span's last word: "Tate Liverpool", a gallery, is typed so too)
        for m in ms:
            if m.label == "PERSON" and " " in m.text.strip():
                out.update(m.text.split()[:-1])
    return out


#: "X-bhai", "X-san": a form of address or kinship joined to a name by a hyphen
_JOINED_ADDRESS = re.compile(rf"[{re.escape(nm.HYPHENS)}][a-z]+\b")


def names_a_person(text: str, s: int, e: int, words: set[str]) -> bool:
    """Whether the one word ``text[s:e]`` is a word of a person's name of its document
    (``words``, :func:`name_words`), its plural ("the two Roes" beside "Roe Ann"), or the
    start of one with a form of address joined by a hyphen ("Mofi-bhai" beside "Mofiul
    Roe")."""
    name = text[s:e]
    if name in words or (name.endswith("s") and name[:-1] in words):
        return True
    return bool(len(name) >= 4 and _JOINED_ADDRESS.match(text, e)
                and any(w.startswith(name) for w in words))
