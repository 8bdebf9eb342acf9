"""A bare family name two persons of the document share ("Santos" for the mayor Rui
Santos and the senator Ana Santos): whose it is, or nobody's.

The persons stage links a bare family name to one person; when the document names two
persons of that family, the link is a guess.  Here the text decides: a title before the
name ("Senator Santos") or a role in apposition after it ("Santos, the senator,") that
the document gives one of them alone ("Senator Ana Santos", "The mayor of Porto Verde,
Rui Santos,"), or "he"/"she" opening the words reported ("Santos said she ...") when the
document writes one of them with that pronoun's honorific or pronoun only.  Otherwise
the mention is nobody's: its quotation is left unattributed rather than given to either
(a person mentioned nowhere else is never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.speakers import Person
from searchapp.lexicon import STOPS, TITLE_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: Where a sentence or a clause before a name ends.
_SENTENCE_BREAK = re.compile(f"[{re.escape(STOPS)};:]\\s")
#: Honorifics that say a person's sex.
_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                  "lord": "m", "lady": "f"}


def _family(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _role_words(words: Sequence[str]) -> set[str]:
    out = set()
    for w in words:
        low = w.lower().rstrip(".")
        if lx.role_noun(low) or low in TITLE_WORDS and low not in _HONORIFIC_SEX:
            out.add(low)
    return out


def _before(text: str, start: int, n: int = 5) -> list[str]:
    """The words right before ``start`` back to a comma or a sentence's stop."""
    head = _SENTENCE_BREAK.split(text[max(0, start - 80):start])[-1]
    if head.rstrip().endswith(","):  # "The mayor of Porto Verde, Rui Santos"
        head = head.rstrip()[:-1]
    else:
        head = head.split(",")[-1]
    return _WORD.findall(head)[-n:]


def _after(text: str, end: int) -> list[str]:
    """An apposition right after ``end``: ", the senator," -> its words."""
    m = re.match(r",\s*([^,.;:\"“”]{1,60})[,.;]", text[end:])
    return _WORD.findall(m.group(1)) if m else []


def _said_pronoun(text: str, end: int) -> str:
    """The sex of "he"/"she" right after the name's verb of speech ("Santos said she"),
    after an apposition if one stands between; "" when none."""
    rest = text[end:end + 120]
    m = re.match(r"(?:,[^,.;:\"“”]{1,60},)?\s+(\w+)\s+(he|she)\b", rest)
    if not m or m.group(1).lower() not in lx.SAID:
        return ""
    return lx.PERSON_PRONOUNS[m.group(2)]


def shared_families(texts: Sequence[str], persons: list[list[Person]]) -> list[list[Person]]:
    """``persons`` with each bare family name two persons share given to the one the text
    says, or dropped when it says neither."""
    names = {p.name for ps in persons for p in ps}
    by_family: dict[str, set[str]] = {}
    for name in names:
        if len(name.split()) >= 2:
            by_family.setdefault(_family(name), set()).add(name)
    shared = {f: ns for f, ns in by_family.items() if len(ns) >= 2}
    if not shared:
        return persons
    roles: dict[str, set[str]] = {}
    sexes: dict[str, set[str]] = {}
    for text, ps in zip(texts, persons, strict=True):
        for p in ps:
            if p.name not in names or len(text[p.start:p.end].split()) < 2 \
                    or _family(p.name) not in shared:
                continue  # a full name's mention: the roles the document gives it
            before = _before(text, p.start)
            roles.setdefault(p.name, set()).update(_role_words(before + _after(text, p.end)))
            if before and before[-1].lower().rstrip(".") in _HONORIFIC_SEX:
                sexes.setdefault(p.name, set()).add(_HONORIFIC_SEX[before[-1].lower().rstrip(".")])
            sex = _said_pronoun(text, p.end)
            if sex:
                sexes.setdefault(p.name, set()).add(sex)
    out = []
    for text, ps in zip(texts, persons, strict=True):
        kept = []
        for p in ps:
            surface = text[p.start:p.end]
            family = surface.casefold()
            if len(surface.split()) != 1 or family not in shared:
                kept.append(p)
                continue
            who = _decide(text, p, shared[family], roles, sexes)
            if who is not None:
                kept.append(Person(p.start, p.end, who))
        out.append(kept)
    return out


def _decide(text: str, p: Person, candidates: set[str], roles: dict[str, set[str]],
            sexes: dict[str, set[str]]) -> str | None:
    """The one of ``candidates`` the title, apposition or pronoun at ``p`` names."""
    before = _before(text, p.start, 2)
    cue = _role_words(before[-1:] + _after(text, p.end))
    if cue:
        fit = [c for c in candidates if cue & roles.get(c, set())]
        if len(fit) == 1:
            return fit[0]
    sex = _HONORIFIC_SEX.get(before[-1].lower().rstrip("."), "") if before else ""
    sex = sex or _said_pronoun(text, p.end)
    if sex:
        fit = [c for c in candidates if sexes.get(c) == {sex}]
        if len(fit) == 1:
            return fit[0]
    return None
