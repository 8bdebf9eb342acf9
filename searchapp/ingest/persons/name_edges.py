"""Where a name begins, and names that are another person's name put to a firm's use.

Three readings of a candidate against the words around it and the other names of its
document -- no list of names (only the lexicon's closed classes: titles, forms of address,
patronymic links):

* :func:`name_starts_before`: the model began a name one word late ("Selasi" +
  "Dzifa Agbenyega", "Ánde" + "Niillas Juuso"): one capitalized word right before the
  span, after a comma, a sentence's start, a word in lower case or a form of address
  ("Dasho" + "Karma" + "Pelden Dorji"), that the collection never writes in lower case
  and that is no title, organisation, calendar or function word nor any entity of the
  model's.
* :func:`name_starts_before_link`: the model began a name at its patronymic link ("bin"
  + "Rashid Al-Nuaimi"): the person's own given name stands before the link.
* :func:`named_for_a_person`: a firm, works or venue named for a person of its document
  ("Dragan Vidaković" -> "Vidaković Energija", "Ann Mae Roe" -> "Ann Roe Builders"): the
  name is another person's family name (or the same person's name) with one more word
  after it, that word is no word of any name the model calls a person, and nothing
  personal stands beside the name (no title, role, age or speech, never its last word
  alone).  Not read on a name only headlines write ("Roe Watches": a headline's verb).
  A person's name never goes on after a family name with a word nobody is named by.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.words import FUNCTION_WORDS, ORG_WORDS, ROLE_NOUNS
from searchapp.lexicon import (ADDRESS_WORDS_BEFORE, CLOSERS, NAME_PARTICLES, PATRONYMIC_LINKS,
                               STOPS, TITLE_WORDS)
from searchapp.lexicon.address import LANGUAGES

# one capitalized word ending right before ``start`` (the span's first word), after a
# sentence's start, a comma or colon, or a word in lower case; no possessive
_WORD_BEFORE = re.compile(rf"(?:^|[,;:(“\"]|[{STOPS}][{CLOSERS}]?|(?<![\w'’.-])[a-z][a-z'’-]*)"
                          r"[ \t]+"
                          r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]*[a-zà-ÿ])[ \t]+$")
# Titles and forms of address written right before a given name ("Professor", "Dasho",
# "Daw"); not the English forms of address, which begin ranks of several words ("Chief
# Inspector": the rank's second word is no title word of ours).
_BEFORE_GIVEN_NAMES = TITLE_WORDS | frozenset(
    w for a in LANGUAGES if a.language != "English" for w in (*a.before, *a.titles))
# one capitalized word right before ``start`` after another (a title: "Dasho Karma")
_WORD_AFTER_TITLE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][\w'’.-]*)[ \t]+"
                               r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]*[a-zà-ÿ])[ \t]+$")
# another name coordinated with the span: a word before both is a title or a label
# ("Councilmembers Ann Roe and Bo Li")
_AND_ANOTHER = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+[A-ZÀ-ÖØ-Þ]")
# "Minister of [Transport] Ann Roe": a title's field before the name, not its first word
_FIELD_OF = re.compile(r"\b(?:of|for)[ \t]+$")
_NOT_NAME_WORDS = rules.NOT_NAME_ENDS
# closed-class words that are never a given name before a name: titles, calendar,
# organisation and function words
_NEVER_GIVEN = _NOT_NAME_WORDS | ORG_WORDS | FUNCTION_WORDS | TITLE_WORDS
# one capitalized word ending right before ``start`` (the given name before a link)
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][\w'’-]*)[ \t]+$")


def name_starts_before(text: str, start: int, end: int, spans, lowercase_words) -> int:
    """Where a person's name starts when the model began it a word late; ``start`` when
    not so.  The span must hold two words or more (the model's name, cut)."""
    if len(text[start:end].split()) < 2:
        return start
    m = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if not m:  # "Dasho [Karma] Pelden Dorji": after a form of address
        m = _WORD_AFTER_TITLE.search(text, max(0, start - 60), start)
        if not m or m.group(1) not in _BEFORE_GIVEN_NAMES:
            return start
    word = m.group(m.lastindex)
    if (word == text[start:end].split()[0] or _FIELD_OF.search(text, 0, m.start(1)) or _AND_ANOTHER.match(text, end)
            or word in _NEVER_GIVEN or word.casefold() in ROLE_NOUNS
            or word.casefold() in NAME_PARTICLES or rules.ordinary(word, lowercase_words)
            or any(sp.start < m.end(1) and m.start(1) < sp.end for sp in spans)):
        return start
    return m.start(m.lastindex)


def name_starts_before_link(text: str, start: int, end: int) -> int:
    """Where a person's name starts when the model began it at a patronymic link
    (:data:`~searchapp.lexicon.PATRONYMIC_LINKS`): "[bin Rashid Al-Nuaimi]" of "Sheikh
    Khalid bin Rashid Al-Nuaimi" is the father's name after the person's own, so the name
    begins at the capitalized word right before the link when it is no title ("Khalid");
    ``start`` when not so.  One word: the word before it may be a title the lexicon does
    not hold ("Sayyid Hilal bin ...") as well as a first given name ("Nur Aisyah binti").
    """
    words = text[start:end].split()
    if len(words) < 2 or words[0] not in PATRONYMIC_LINKS or not words[1][:1].isupper():
        return start
    m = _GIVEN_BEFORE.search(text, max(0, start - 60), start)
    word = m.group(1) if m else ""
    if not m or word in _NEVER_GIVEN or word in ADDRESS_WORDS_BEFORE:  # "On Tuesday bin X"
        return start
    return m.start(1)


def person_words(given_of: Mapping[str, set[str]]) -> Counter:
    """In how many names the model calls a person each word stands (``given_of`` of
    :class:`~searchapp.ingest.persons.candidates.Collection`)."""
    return Counter(w for names in given_of.values() for n in names for w in set(n.split()))


def named_for_a_person(name: str, persons: Iterable[str], words_of_persons: Counter,
                       person_votes: Mapping[str, int], cues: Mapping[str, int],
                       bare: int) -> str | None:
    """Why ``name`` is a firm's (or a work's, a venue's) named for one of ``persons`` (the
    other full names of its documents), or None.  ``words_of_persons`` is
    :func:`person_words`, ``person_votes`` the collection's; ``cues`` are the name's
    counted cues over its documents, ``bare`` its last word's uses alone."""
    words = name.split()
    if len(words) < 2 or bare or any(cues.get(c) for c in _PERSONAL):
        return None
    head, last = words[:-1], words[-1]
    if (last[:1].islower() or last in _NOT_NAME_WORDS or person_votes.get(last)
            or words_of_persons[last] > (last in words and person_votes.get(name, 0) > 0)):
        return None
    for other in persons:
        if other == name:
            continue
        o = other.split()
        if len(o) < 2 or nm.family_word(other) != o[-1]:
            continue  # the family name first ("Kim Jong-un"): no such reading
        # "Vidaković Energija" beside "Dragan Vidaković"; "Ann Roe Builders" beside
        # "Ann Mae Roe" -- the family name, or the given and family names, then a word
        # ("Abebe Tesfaye Gebremariam" beside "Abebe Tesfaye" is one person's longer name)
        if head == o[-1:] or (len(head) >= 2 and head[-1] == o[-1] and set(head) < set(o)):
            return f"a firm's or a place's named for {other} (a word after the name)"
    return None


#: The cues only a person has, and speech (an apposition is left out: "X, a Belgrade
#: company controlled by the businessman ..." reads as one; so are authors).
_PERSONAL = (ev.PERSONAL - {"apposition", "authors"}) | {"speech"}
