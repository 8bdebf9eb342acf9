"""A bare family name the recognizer did not label ("Váradi-Moreno's pots are not
delicate.", "Sy-Holloway, speaking to the club's channel, said ..."): the one person of
the document whose full name ends so, never another -- so that a pronoun after it, or
its own verb of speech, is that person's.  A word that is part of a longer proper name
("Capitol Hill", "Hill Street") or of a longer span the recognizer labelled something
else ("the Hill Foundation") is none; the name alone typed a body ("Váradi-Moreno's") is
the person.

And the other way round (:func:`kept_bodies`): a "person" the recognizer never called
one, named as a word of a longer body's or place's name ("leaving the Harbour Tavern")
or ending on a body's word ("Corvane Holdings"), speaks as a body -- an unnamed source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from searchapp.ingest.persons.words import ORG_WORDS
from searchapp.ingest.quotes.clauses import Para
from searchapp.ingest.quotes.speakers import Person

#: Recognizer labels of bodies and places.
_BODY_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE"})

_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def family_mentions(paras: Sequence[Para], family: Mapping[str, Sequence[Person]]
                    ) -> list[list[Person]]:
    """For each paragraph, the mentions of a family name borne by exactly one person of
    the document that the persons stage left unlabelled there."""
    sole = {key: persons[0].name for key, persons in family.items()
            if len({p.name for p in persons}) == 1 and len(key) > 2 and key[:1].isupper()
            and any(c.islower() for c in key)}
    out: list[list[Person]] = [[] for _ in paras]
    if not sole:
        return out
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(
        re.escape(k) for k in sorted(sole, key=len, reverse=True)) + r")(?![\w-])")
    for para, found in zip(paras, out, strict=True):
        text = para.text
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(p.start < b and a < p.end for p in para.persons) \
                    or any(s < b and a < e and (s < a or e > b + 2)
                           for s, e, label in para.labels if label != "PERSON") \
                    or _CAPITAL_BEFORE.search(text, max(0, a - 30), a) \
                    or _CAPITAL_AFTER.match(text, b) and text[b:b + 2] not in (" I",):
                continue
            found.append(Person(a, b, sole[m.group(1)]))
    return out


def kept_bodies(paras: Sequence[Para]) -> set[str]:
    """Persons of the document that are bodies or venues by what the recognizer and
    their words say: never labelled a person where they are named, and a word of a longer
    name labelled a body or a place ("leaving the Harbour Tavern") or ending on a body's
    word ("... Holdings").  (A name labelled a body by itself is not enough: the
    recognizer types many a hyphenated family name so.)  Their words are a body's: an
    unnamed source, never a person's.  (Whether such a name is a person after all --
    a title, a pronoun of sex -- is for the caller to weigh.)"""
    person, body = set(), set()
    for para in paras:
        for p in para.persons:
            for s, e, label in para.labels:
                if s < p.end and p.start < e:
                    if label == "PERSON":
                        person.add(p.name)
                    elif label in _BODY_LABELS and (s < p.start - 4 or e > p.end + 2):
                        body.add(p.name)  # a word of a longer body's name
            if p.name.split()[-1] in ORG_WORDS:
                body.add(p.name)
    return body - person
