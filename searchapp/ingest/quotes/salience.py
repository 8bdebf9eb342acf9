"""Following a document: who it has been talking about, for "he"/"she" and a definite
role ("the governor said" after "Gov. Eric Holcomb"; "the doctor said" after "a doctor on
the scene told ..." is that unnamed doctor), and the roles and sexes its sentences give
persons (:func:`learn_roles`).  Split from :mod:`.speakers`, which reads a speaker phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.lexicon import DETERMINERS
from searchapp.ingest.quotes.speakers import (
    ROLE_VERBS,
    TITLE_ROLE,
    Person,
    Who,
    bodies_agree,
    body_owner,
    head_noun,
)
from searchapp.ingest.quotes.text import Word
from searchapp.lexicon import TITLES

#: Words before a role noun that make another rank of it: a prime minister is not "the
#: minister", a vice president not "the president".
_OTHER_RANK = frozenset("prime vice deputy assistant associate under lieutenant shadow junior "
                        "former".split())

#: Words joining a clause before a role's phrase ("..., and its chief executive, X,").
_JOINING = ("and", "but", "while", "as")

#: How many paragraphs back "he"/"she" may reach for a person of that sex when the
#: paragraphs right before name nobody of it.
FARTHEST_PRONOUN = 4


@dataclass
class Salience:
    """Who a document has been talking about, for pronouns and roles."""

    #: (paragraph, person) of sentence subjects and speakers, oldest first
    events: list[tuple[int, str]] = field(default_factory=list)
    #: (paragraph, person) of the speakers of quotations, oldest first
    quoted: list[tuple[int, str]] = field(default_factory=list)
    sex: dict[str, dict[str, int]] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    #: role nouns introduced as unnamed ("a doctor on the scene")
    unnamed_roles: set[str] = field(default_factory=set)
    #: persons called by a role as a title before their name ("President Trump"), not
    #: only described by it ("Williams, the president of the Fed")
    titled: set[tuple[str, str]] = field(default_factory=set)
    #: (role, person) -> the words a person's title put before the role noun
    #: ("finance" of "Finance Minister X", "prime" of "Prime Minister Y")
    qualified: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    #: paragraph -> the person its last sentence is about (its subject or speaker)
    closing: dict[int, str] = field(default_factory=dict)
    #: paragraph -> the persons it names outside quotations
    named: dict[int, set[str]] = field(default_factory=dict)
    #: the nearest person the last pronoun left unresolved may have meant
    unsure: str | None = None
    #: person -> the sexes a title or a noun of kin gave them
    said_sex: dict[str, set[str]] = field(default_factory=dict)


    def note(self, para: int, name: str) -> None:
        self.events.append((para, name))

    def vote_sex(self, name: str, sex: str, weight: int = 1) -> None:
        """A sign of ``name``'s sex; ``weight`` 3 for what the text says outright (a
        title, "her son, X"), which outweighs any number of pronouns read near them."""
        votes = self.sex.setdefault(name, {"m": 0, "f": 0})
        votes[sex] += weight
        if weight >= 3:
            self.said_sex.setdefault(name, set()).add(sex)

    def sex_of(self, name: str) -> str:
        said = self.said_sex.get(name, ())
        if len(said) == 1:
            return next(iter(said))
        v = self.sex.get(name)
        if not v or v["m"] == v["f"]:
            return ""
        return "m" if v["m"] > v["f"] else "f"

    def pronoun(self, para: int, sex: str, exclude: set[str],
                local: Sequence[str] = ()) -> str | None:
        """The person "he"/"she" in paragraph ``para`` stands for, or None: of the persons
        named earlier in its sentence (``local``, nearest last) and the subjects and
        speakers of this paragraph, else those of the previous paragraph that names
        anybody: the nearest of that sex; one whose sex is not known only when nobody
        else there may be meant (or the paragraph before closes on them), else None with
        :attr:`unsure` set to them (the caller may still take them when the sentence
        before names nobody else); else the nearest of that sex a few paragraphs back."""
        self.unsure = None
        active = sorted({p for p, _ in self.events if p < para}, reverse=True)[:1]
        window = {para, *active}
        here = [n for n in reversed(local) if n not in exclude]
        here += [n for p, n in reversed(self.events) if p == para and n not in exclude]
        before = [n for p, n in reversed(self.events) if p in window - {para}
                  and n not in exclude]
        for recent in (here, before):
            fits = list(dict.fromkeys(n for n in recent if self.sex_of(n) in (sex, "")))
            if fits:
                # the nearest who may be meant; one whose sex is not known yet stands
                # only when nobody else there may be meant, or when the paragraph
                # before closes on them ('... Mahler says.' / '"...," she says') --
                # else better no speaker than a wrong one
                # (in this paragraph, the persons named right before the pronoun are
                # weighed by the caller: those after it are no rivals)
                rivals = {n for p in window - {para} for n in self.named.get(p, ())
                          if recent is before and n not in exclude and n != fits[0]
                          and self.sex_of(n) in (sex, "")}
                if recent is before and self._named_since(fits[0], sex, exclude,
                                                          max(window - {para}), para):
                    return None  # another of that sex named after them: not sure
                if self.sex_of(fits[0]) == sex or len(fits) == 1 and not rivals:
                    return fits[0]
                if recent is before and any(self.closing.get(p) == fits[0]
                                            for p in window - {para}):
                    return fits[0]
                self.unsure = fits[0]
                return None
        # nobody of that sex nearby: the nearest of that sex a few paragraphs back (a
        # feature returns to its subject after a word from someone else)
        for p, n in reversed(self.events):
            if para - p > FARTHEST_PRONOUN:
                break
            if n not in exclude and self.sex_of(n) == sex:
                # unless another of that sex was named since (a profile's subject named
                # only in passing after the woman she talks about spoke)
                if self._named_since(n, sex, exclude, p, para):
                    return None
                return n
        return None

    def _named_since(self, name: str, sex: str, exclude: set[str], since: int,
                     para: int) -> bool:
        """Another person known to be of ``sex`` is named in a paragraph after ``since``
        up to ``para``: a pronoun may be theirs rather than ``name``'s."""
        return any(m != name and m not in exclude and self.sex_of(m) == sex
                   for q in range(since + 1, para + 1) for m in self.named.get(q, ()))

    def qualify(self, role: str, name: str, word: Word | None) -> None:
        """Note the word before the role noun in a person's title ("Finance" Minister)."""
        low = word.lower if word is not None and word.text.isalpha() else ""
        if low in DETERMINERS or low in lx.PREPOSITIONS or low in lx.PERSON_PRONOUNS:
            low = ""
        self.qualified.setdefault((role, name), set()).add(low)

    def _qualified(self, who: Who, names: list[str]) -> list[str]:
        """Of the persons a role may stand for, those whose title it matches best: "the
        finance minister" is the one titled "Finance Minister", and "the minister" is not
        one whose title makes another rank of it ("Prime Minister", "Vice President")."""
        if len(names) < 2:
            return names
        words = [w.strip(".,’'").lower() for w in who.text.split()]
        at = max((n for n, w in enumerate(words) if TITLE_ROLE.get(w, w) == who.role),
                 default=-1)
        asked = words[at - 1] if at > 0 and words[at - 1] not in DETERMINERS else ""
        quals = {n: self.qualified.get((who.role, n), set()) for n in names}
        if asked:
            same = [n for n in names if asked in quals[n]]
            return same or names
        plain = [n for n in names if not quals[n] & _OTHER_RANK]
        return plain or names

    def role(self, who: Who, para: int | None = None) -> str | None:
        """The person a definite role stands for ("the governor") in paragraph ``para``,
        or None."""
        hits = [n for n, owner in self.roles.get(who.role, ()) if owner == who.owner
                or bodies_agree(owner, who.owner)]
        names = self._qualified(who, list(dict.fromkeys(hits)))
        if len(names) == 1:
            return names[0]
        if para is not None and names:  # "The minister added" after the one just quoted
            recent = [n for p, n in self.quoted if para - 1 <= p <= para]
            if recent and recent[-1] in names:
                return recent[-1]
        if len(names) > 1:  # "The Bluefin chief executive": the one of that body
            asked = {w.strip(".,’'").lower() for w in who.text.split()}
            owned = [n for n, owner in self.roles.get(who.role, ()) if n in names
                     and owner and owner.startswith("~") and owner[1:] in asked]
            if len(set(owned)) == 1:
                return owned[0]
        titled = [n for n in names if (who.role, n) in self.titled]
        if len(titled) == 1:  # "the president" after "President Trump", not "X, the
            return titled[0]  # president of the Federal Reserve Bank"
        if len(names) > 1:  # the one talked about most recently
            for _, n in reversed(self.events):
                if n in names:
                    return n
        return None


#: The words that open a role phrase in apposition ("the supply minister, X,").
_OWNERS = frozenset({"the", "his", "her", "its", "their"})
#: A title of address before a name ("Dr", "Mr.", "Colonel").
_ADDRESS = re.compile(TITLES)


def learn_roles(text: str, ws: Sequence[Word], persons: Sequence[Person],
                salience: Salience) -> None:
    """Record the roles persons are given in one sentence: "Gov. Eric Holcomb",
    "Interior Minister Wolfgang Peschorn", "Zippy Duvall, the president of ...",
    "The suspect, Michael Webb," and "Mr."/"Ms." for their sex."""
    for p in persons:
        i = next((k for k, w in enumerate(ws) if w.start >= p.start), None)
        if i is None:
            continue
        j = next((k for k, w in enumerate(ws) if w.start >= p.end), len(ws))
        if i >= 1:  # "Interior Minister Wolfgang Peschorn", "Gov. Eric Holcomb", "host Tom ..."
            low = ws[i - 1].lower
            role = TITLE_ROLE.get(low, low)
            if lx.role_noun(role):
                salience.roles.setdefault(role, []).append((p.name, None))
                salience.titled.add((role, p.name))
                salience.qualify(role, p.name, ws[i - 2] if i >= 2 else None)
            if low in lx.MALE_TITLES:
                salience.vote_sex(p.name, "m", 3)
            elif low in lx.FEMALE_TITLES:
                salience.vote_sex(p.name, "f", 3)
        # "Name, the president of X," / "Name, a teacher at ..."
        if j < len(ws) and ws[j].text == ",":
            _appositive_role(ws[j + 1:], p.name, salience)
        # "Hilary Crosswaite chairs the transport committee", "X, who chairs the ...":
        # the role the verb gives
        k = j + 2 if j + 1 < len(ws) and ws[j].text == "," and ws[j + 1].lower == "who" else j
        while k < len(ws) and ws[k].lower in lx.LIGHT:
            k += 1
        if k + 1 < len(ws) and ws[k].lower in ROLE_VERBS \
                and ws[k + 1].lower in ("the", "a", "an", "its", "their", "his", "her"):
            salience.roles.setdefault(ROLE_VERBS[ws[k].lower], []).append((p.name, None))
        # "The suspect, Michael Webb,", "The supply minister, Dr Hesham X," (a title of
        # address before the name is none of the phrase's)
        if i >= 2 and _ADDRESS.fullmatch(ws[i - 1].text) and ws[i - 2].text == ",":
            i -= 1
        if i >= 2 and ws[i - 1].text == ",":
            k = i - 2
            phrase = []
            while k >= 0 and ws[k].text not in (",", ".", ";", ":", "Q") and len(phrase) < 8:
                # (8: "the fire chief of Callowhill County, X," reaches its article)
                phrase.insert(0, ws[k])
                k -= 1
            while phrase and phrase[0].lower in _JOINING:
                phrase.pop(0)  # "..., and its chief executive, X, told analysts"
            det = max((n for n, w in enumerate(phrase) if n > 0 and w.lower in _OWNERS
                       and phrase[n - 1].lower not in lx.PREPOSITIONS), default=0)
            phrase = phrase[det:]  # "X asked the provincial director, Y,": its object's
            if phrase and (phrase[0].lower in _OWNERS
                           or phrase[0].text.endswith(("'s", "’s")) and len(phrase) > 1
                           and phrase[0].text[:1].isupper()):  # "Skyvale's chief executive, X,"
                noun = head_noun(phrase)
                ranked = any(phrase[n - 1].lower in _OTHER_RANK for n, w in enumerate(phrase)
                             if n > 0 and TITLE_ROLE.get(w.lower, w.lower) == noun)
                if (lx.role_noun(noun) or noun in lx.KIN_SEX) and not ranked:
                    # "Her son, Hiroshi X,"; not "the committee's vice chair, X,": the chair
                    # is another
                    salience.roles.setdefault(noun, []).append(
                        (p.name, body_owner(text, phrase, persons)))
            if len(phrase) >= 2 and phrase[-1].lower in lx.KIN_SEX \
                    and phrase[-2].lower in DETERMINERS:
                # "confirmed by her son, X", "a daughter, X": X's sex; "her son" stands
                # for X later ("Her son said")
                kin = phrase[-1].lower
                salience.vote_sex(p.name, lx.KIN_SEX[kin], 3)
                if phrase[-2].lower in ("his", "her", "their") and phrase[0] is not phrase[-2]:
                    salience.roles.setdefault(kin, []).append((p.name, None))


def _body_of(phrase: Sequence[Word]) -> str | None:
    """The body a role phrase without its article names after "of"/"at" ("chief executive
    of the low-cost carrier Bluefin": "~bluefin"), or None."""
    at = next((n for n, w in enumerate(phrase) if w.lower in ("of", "at")), None)
    if at is None:
        return None
    names = [w for w in phrase[at + 1:] if w.text[:1].isupper()]
    return "~" + names[-1].lower if names else None


def _appositive_role(ws: Sequence[Word], name: str, salience: Salience) -> None:
    phrase = []
    for w in ws:
        if w.text in (",", ".", ";", ":", "Q", "—", ")"):
            break
        phrase.append(w)
    if not phrase or len(phrase) > 12:
        return
    first = phrase[0].lower
    if first in DETERMINERS and len(phrase) > 1 and phrase[1].lower in lx.KIN_SEX:
        salience.vote_sex(name, lx.KIN_SEX[phrase[1].lower], 3)  # "X, her son,"
    if lx.role_noun(first) and phrase[0].text.islower():
        # "X, minister for rural affairs,": a role without its article; "X, chief
        # executive of the carrier Bluefin,": the executive, of the body named last
        head = head_noun(phrase)
        role = head if lx.role_noun(head) else first
        salience.roles.setdefault(role, []).append((name, _body_of(phrase)))
        return
    if first not in ("the", "a", "an") and not phrase[0].text[:1].isupper():
        return
    for n, w in enumerate(phrase):
        low = TITLE_ROLE.get(w.lower, w.lower)
        if w.lower in lx.PREPOSITIONS:
            break
        if lx.role_noun(low):
            salience.roles.setdefault(low, []).append((name, None))
            salience.qualify(low, name, phrase[n - 1] if n else None)
