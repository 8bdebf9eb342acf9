"""Where a name's words run in a phrase, as the speech-pattern rules read it ("Jasper ten
Brink", "Hamid al-Rashidi", "Marit van der Linde-Osei"): capitalized words that are no
month, weekday, article, pronoun, honorific, title, role or organisation word, with the
particles between them (:mod:`searchapp.ingest.quotes.evidenced`)."""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.persons.words import ORG_WORDS
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.text import Word
from searchapp.lexicon import MONTHS, NAME_LINK_WORDS, NAME_PARTICLES, TITLE_WORDS, WEEKDAYS

_GLUED = lx.GLUED_NAME
_NOT_NAMES = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS)) | frozenset(
    "the a an this that these those i we you he she it they mr mrs ms dr".split())


def name_word(w: Word) -> bool:
    """A word that can be part of a person's name (not "Vice", "Critics", "Moving's")."""
    t = w.text
    if t.lower() in _NOT_NAMES or t in ORG_WORDS or not t[:1].isupper() or t.isupper() \
            and len(t) > 1 or t.endswith(("'s", "’s", "'", "’")):
        return False  # "Maxi Moving's": an owner, no name of its own
    if w.lower in lx.ROLE_NOUNS or w.lower.rstrip(".") in TITLE_WORDS \
            or w.lower in lx.SOURCE_NOUNS or w.lower in lx.GROUP_HEADS:
        return False  # "Vice President", "Councillor", "Critics": no name
    # a family prefix is part of a name even in capitals ("Ó" of "Flannán Ó Gairbhí")
    return t in NAME_LINK_WORDS or all(c.isalpha() or c in "-'’." for c in t) \
        and any(c.islower() for c in t)


def run_after(ws: Sequence[Word], k: int) -> int:
    """The end (exclusive) of a name's words from ``ws[k]`` ("Jasper ten Brink",
    "Hamid al-Rashidi", "Marit van der Linde-Osei"), or ``k`` when none starts there."""
    n = k
    while n < len(ws):
        w = ws[n]
        if name_word(w) or _GLUED.match(w.text) and n > k:
            n += 1
            continue
        if w.lower in NAME_PARTICLES and n > k:  # "ten Brink", "van der Linde-Osei"
            m = n
            while m < len(ws) and ws[m].lower in NAME_PARTICLES:
                m += 1
            if m < len(ws) and (name_word(ws[m]) or _GLUED.match(ws[m].text)):
                n = m
                continue
        break
    return n


def core(ws: Sequence[Word]) -> list[Word]:
    """A name's words without its particles ("van", "der")."""
    return [w for w in ws if w.lower not in NAME_PARTICLES]


def double_barrelled(w: Word) -> bool:
    """A family name of two or more capitalised parts joined by hyphens, each a word of
    lower-case letters after its capital ("Akinwande-Pennycook", "Klingbeil-Hoffmann";
    not "France-KLM", "Ji-hoon", "Hong-Kong-based")."""
    parts = w.text.split("-")
    return len(parts) >= 2 and all(
        len(p) >= 2 and p[0].isupper() and p[1:].isalpha() and p[1:].islower() for p in parts)
