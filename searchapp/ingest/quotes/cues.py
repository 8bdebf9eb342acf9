"""The cues around a name that make it a person's in a pattern of speech: a role
before it, an apposition after it ("X, a retired nurse,", "X, 24,", "X, chief executive
of Y,"), the verb of speech it is the subject of ("X said", "X, who voted against,
said", '"...," said councillor X.'), "X said he ..." with X named as a person elsewhere.
Read by :mod:`.evidenced` (the speech-persons step).
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.persons.words import FIRM_ROLES, ORG_WORDS
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.name_runs import name_word
from searchapp.ingest.quotes.text import Word, words
from searchapp.lexicon import TITLE_WORDS

_SAID = lx.SAID
#: The persons' words of organisations, in lower case: heads of a body's apposition.
_ORG_NOUNS = frozenset(w.lower() for w in ORG_WORDS)


def role_word(w: Word) -> bool:
    """A word of a role or a title ("councillor", "nutritionist", "Dr.")."""
    return w.text.islower() and (lx.role_noun(w.text) or w.lower in lx.SOURCE_NOUNS
                                 or w.lower in ("councillor", "councilor")) \
        or w.text[:1].isupper() and len(w.text) > 1 and w.lower.rstrip(".") in TITLE_WORDS


def apposition_cue(ws: Sequence[Word], n: int) -> bool:
    """After a name at ``ws[n]``: ", a retired nurse", ", 24,", ", who", ", the
    chamber's trade director,", ", chief executive of ...,", ", a delivery rider,"."""
    if n >= len(ws) or ws[n].text != ",":
        return False
    rest = ws[n + 1:n + 9]
    if not rest:
        return False
    if rest[0].lower in ("who", "whose") or rest[0].text.isdigit() and len(rest[0].text) <= 3:
        return True
    phrase = []
    for w in rest:
        if w.text in (",", ".", ";", ":", "Q"):
            break
        phrase.append(w)
    head = []  # the phrase's noun phrase, before any "of", "at" ...
    for w in phrase:
        if w.lower in lx.PREPOSITIONS:
            break
        head.append(w)
    if rest[0].lower in ("a", "an", "the", "his", "her"):
        if any(role_word(w) for w in phrase):
            return True
        # ", a delivery rider, said": a few plain words of a trade, closed by a comma --
        # a person's apposition ("a property company" is a body's)
        return rest[0].lower in ("a", "an") and 2 <= len(head) <= 4 \
            and len(phrase) < len(rest) and rest[len(phrase)].text == "," \
            and all(w.text.isalpha() and w.text.islower() for w in head[1:]) \
            and head[-1].lower not in lx.BODY_NOUNS \
            and head[-1].lower not in _ORG_NOUNS and head[-1].lower not in lx.GROUP_HEADS
    # ", chief executive of Larkspur Foods,": a role without an article
    return rest[0].text.islower() and 0 < len(head) <= 3 \
        and all(w.text.islower() for w in head) and any(role_word(w) for w in head)


def affiliation(ws: Sequence[Word], end: int) -> int:
    """The end of "of Goldman Sachs", "at the Brandt Bank" right after a name ending at
    ``ws[end]`` (a body's capitalised name after "of", "at" or "from"), else ``end``."""
    if end + 1 >= len(ws) or ws[end].lower not in ("of", "at", "from"):
        return end
    j = end + 1
    if ws[j].lower == "the":
        j += 1
    start = j
    while j < len(ws) and (ws[j].text[:1].isupper() and ws[j].text.isalpha()
                           or ws[j].text == "&" or ws[j].lower in ("of", "and", "for")
                           and j + 1 < len(ws) and ws[j + 1].text[:1].isupper()):
        j += 1
    if j == start or not ws[j - 1].text[:1].isupper() or j - start > 6:
        return end
    return j


def role_before(ws: Sequence[Word], k: int) -> bool:
    """A title or role right before the name at ``ws[k]`` ("councillor", "Dr.",
    "managing director")."""
    return k > 0 and role_word(ws[k - 1])


def aged(ws: Sequence[Word], end: int) -> bool:
    """An age in apposition after the name: "Kwabena, 24, who ..."."""
    return end + 2 < len(ws) and ws[end].text == "," and ws[end + 1].text.isdigit() \
        and len(ws[end + 1].text) <= 3 and ws[end + 2].text == ","


def said_by(ws: Sequence[Word], k: int, end: int) -> bool:
    """'"...," said councillor X.': a quotation, a verb of speech, a few role words, the
    name closing the clause."""
    j = k - 1
    while j >= 0 and k - j <= 5 and (ws[j].text.islower() and ws[j].lower not in _SAID
                                     or ws[j].text.endswith(("'s", "’s"))):
        j -= 1
    if j < 1 or ws[j].lower not in _SAID:
        return False
    if not (ws[j - 1].text == "Q" or ws[j - 1].text == "," and j > 1 and ws[j - 2].text == "Q"):
        return False
    return end == len(ws) or ws[end].text in (",", ".", ";", ":", "(") or ws[end].lower == "who"


def says(ws: Sequence[Word], end: int) -> bool:
    """The name is the subject of a verb of speech: "X said", "X, a nurse who ..., said",
    "X, who voted against, said", "X told the committee"."""
    n = end
    if n + 2 < len(ws) and ws[n].text == "," and ws[n + 1].lower == "who":
        m = n + 2  # "X of Goldman Sachs, who told me": the relative clause's verb
        while m < len(ws) and ws[m].lower in lx.LIGHT:
            m += 1
        if m < len(ws) and ws[m].lower in _SAID:
            return True
    if n < len(ws) and ws[n].text == ",":  # an apposition: to its closing comma
        m = n + 1
        while m < len(ws) and m - n <= 24 and ws[m].text not in (",", ".", ";", ":", "Q"):
            m += 1
        if m >= len(ws) or ws[m].text != ",":
            return False
        n = m + 1
    return speaks_at(ws, n)


def speaks_at(ws: Sequence[Word], n: int) -> bool:
    """A verb of speech at ``ws[n]`` (after adverbs), not of a body speaking of itself
    ("Harcastle Estates said it remained ...")."""
    while n < len(ws) and ws[n].lower in lx.LIGHT:
        n += 1
    return n < len(ws) and ws[n].lower in _SAID and not (
        n + 1 < len(ws) and ws[n + 1].lower in ("it", "its", "they", "their"))


def says_he(ws: Sequence[Word], end: int) -> bool:
    """"Durand said he would table an amendment": the name, a verb of speech, then "he"
    or "she" opening what was said -- a person's words about themselves (a body says
    "it"), the cue a name the recognizer typed as a body needs."""
    n = end
    while n < len(ws) and ws[n].lower in lx.LIGHT:
        n += 1
    return n + 1 < len(ws) and ws[n].lower in _SAID and ws[n + 1].lower in ("he", "she")


def cued_elsewhere(word: str, paragraphs: Sequence[tuple[str, str, str]]) -> bool:
    """The document writes ``word`` as a person's somewhere: after a noun of kin or a role
    ("her son, Aksel", "manager Aksel") or closing a full name with an apposition of a
    role ("Emeka Durand, assembly member"): what makes "Durand said he" a person's words,
    not a body's ("Reuters said he had resigned")."""
    for _pid, _kind, text in paragraphs:
        if word not in text:
            continue
        ws = words(text, 0, len(text), [])
        for k, w in enumerate(ws):
            if w.text != word or k == 0:
                continue
            before = ws[k - 2] if ws[k - 1].text == "," and k > 1 else ws[k - 1]
            if before.lower in lx.KIN_SEX or before.text.islower() and lx.role_noun(before.text):
                return True
            if name_word(ws[k - 1]) and ws[k - 1].text[:1].isupper() \
                    and apposition_cue(ws, k + 1):
                return True
    return False


def named_role_says(ws: Sequence[Word], k: int, end: int, personal: bool = False) -> bool:
    """"A company spokesperson, Lara Voss, said ...": the name between commas after a
    role, a verb of speech after it.  ``personal``: the role is one a firm does not take
    ("The chief financial officer, X, said"; not "The developer, X Homes, says")."""
    if k < 2 or ws[k - 1].text != "," or end >= len(ws) or ws[end].text != ",":
        return False
    before = []
    for w in reversed(ws[max(0, k - 7):k - 1]):
        if w.text in (",", ";", ":", "Q"):
            break
        before.append(w)
    phrase = [w.lower for w in reversed(before)]
    one_of = personal and (phrase == ["another"] or phrase[:2] == ["one", "of"])
    if not one_of and not any((role_word(w) or w.lower in lx.SOURCE_NOUNS)
                              and not (personal and w.lower in FIRM_ROLES) for w in before):
        return False  # ("Another, X Y, said", "One of them, X Y, said": one of persons)
    if personal and before and before[0].lower in FIRM_ROLES:
        return False  # "The property developer, X,": the phrase's head is a firm's role
    return speaks_at(ws, end + 1)  # "The developer, Harcastle Homes, said it ...": no
