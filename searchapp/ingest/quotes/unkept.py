"""Persons the persons stage did not keep, as the attribution must still respect them.

The recognizer types some names as organisations or places ("Lucía Domínguez" ORG), and
the stage keeps no single given name ("Margaret", "Des").  Such a person is nobody for
the attribution -- yet when a paragraph opens on them ("Lucía Domínguez, who runs a
ferry company, is less hopeful.") and goes on '"...," she said', the "she" is theirs,
not the last speaker of the paragraph before.  :meth:`Unkept._unkept_subject` says so,
and the pronoun is then left unattributed (better none than a wrong one); the persons
stage may still take the name as a person on that evidence
(:func:`searchapp.ingest.quotes.evidenced.speech_persons`).

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.persons.words import ORG_WORDS, RELATIVES
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import TIME_WORDS, Para
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.speakers import Who
from searchapp.ingest.quotes.text import Word, sentences, words
from searchapp.lexicon import MONTHS, NAME_PARTICLES, STOPS

#: "X himself was ...": the words that mark X as a person.
_SELF = frozenset({"himself", "herself"})
#: Recognizer labels a person's name is mistyped as.
_MISTYPED = ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART")


def name_shaped(ws: Sequence[Word]) -> bool:
    """Two to four words written as a person's name is: capitalised words of letters
    (particles between), none a word of a body's name ("Institute", "Bank")."""
    core = [w for w in ws if w.lower not in NAME_PARTICLES]
    return 2 <= len(core) <= 4 and core[0].lower not in lx.DETERMINERS and all(
        w.text[:1].isupper() and w.text.replace("-", "").replace("'", "").isalpha()
        and not w.text.isupper() and w.text not in ORG_WORDS for w in core)


def _full_name(ws: Sequence[Word]) -> bool:
    """Two to five words of letters, the first and last capitalised, any between either
    capitalised or a short particle of any language ("Kahiga wa Muriuki", "Ali bin Said")."""
    return 2 <= len(ws) <= 5 and all(
        w.text.replace("-", "").replace("'", "").replace("’", "").isalpha() for w in ws) \
        and ws[0].text[:1].isupper() and ws[-1].text[:1].isupper() \
        and all(w.text[:1].isupper() or len(w.text) <= 3 for w in ws[1:-1])


def personal_cue(ws: Sequence[Word], end: int) -> bool:
    """After a name at ``ws[:end]``: ", who ...", ", a/an/the <role> ...", ", her
    husband,", ", 34,"."""
    if end + 1 >= len(ws) or ws[end].text != ",":
        return False
    nxt = ws[end + 1]
    if nxt.lower in ("who", "whose") or nxt.text.isdigit() and len(nxt.text) <= 3:
        return True
    if nxt.lower in ("a", "an", "the", "his", "her"):
        for w in ws[end + 2:end + 8]:
            if w.text in (",", ".", ";", ":"):
                break
            if lx.role_noun(w.lower) or w.lower in lx.SOURCE_NOUNS or w.lower in RELATIVES:
                return True
    return False


#: "he"/"she" and a verb of speech right after a quotation or opening a sentence.
_PRONOUN_SAYS = re.compile(r"[”\"’'],?\s+(?:he|she)\s+(?:said|says|added|adds|told|tells|explained|"
                           r"recalled|admitted|insisted|warned|argued|wrote|laughed|sighed)\b|"
                           rf"(?:^|[{STOPS}]\s+)(?:He|She)\s+(?:said|says|added|told|tells)\b")


#: A capitalised word opening a sentence with a personal cue after it ("Des, her husband,").
_CUED_OPENING = re.compile(rf"(?:^|[{STOPS}]\s+)[^\W\d_][\w'’-]*, (?:who|whose|a|an|the|his|her|"
                           r"\d{1,3},)")


def opening_names(text: str, labels: Sequence[tuple[int, int, str]],
                  persons: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names a sentence of the paragraph opens on, the stage did not keep, whose
    paragraph then goes on '"...," she said' with nobody else named between: the
    speech is the evidence they are a person ("Margaret lives two fields away. "...,"
    she said", "Lucía Domínguez, who runs a ferry company, is less hopeful. ...",
    "Des, her husband, nodded. ...").  The name: a single word the recognizer labelled
    a person, a name-shaped phrase it typed otherwise with a personal cue after it, or a
    single word it left unlabelled with a personal cue."""
    said = _PRONOUN_SAYS.search(text)
    if said is None or not _CUED_OPENING.search(text, 0, said.start()) and not any(
            (label == "PERSON" or label in _MISTYPED) and not any(a <= s < b for a, b in persons)
            for s, _, label in labels):
        return []  # no name left out by the stage, nor a given name with a cue: nobody
    spans = [(q.start, q.end) for q in quote_spans([text])[0]]
    for a, b in sentences(text, spans):
        if a >= said.start():
            break
        ws = [w for w in words(text, a, b, spans) if w.text != "Q"]
        while ws and ws[0].lower in lx.OPENERS:
            ws = ws[1:]
        if not ws or any(s <= ws[0].start < e for s, e in persons):
            continue
        found = None
        for s, e, label in labels:
            if s != ws[0].start or text[e:e + 1] in ("'", "’"):
                continue
            end = next((n for n, w in enumerate(ws) if w.start >= e), len(ws))
            if label == "PERSON" and end == 1 and _single_name(ws[0]) \
                    or label in _MISTYPED and name_shaped(ws[:end]) and personal_cue(ws, end):
                found = (s, e)
        if found is None and _single_name(ws[0]) and personal_cue(ws, 1) and not any(
                s <= ws[0].start < e for s, e, _ in labels):
            found = (ws[0].start, ws[0].end)
        if found is None:
            continue
        between = (found[1], said.start())
        if any(between[0] <= s < between[1] for s, _ in persons) or any(
                between[0] <= s < between[1] and label in ("PERSON", *_MISTYPED)
                for s, _, label in labels):
            return []  # someone else named between: the pronoun may be theirs
        return [found]
    return []


#: Words that open a sentence before a comma without naming anyone ("Today, a judge ...").
_NOT_GIVEN_NAMES = TIME_WORDS | {m.lower() for m in MONTHS} | frozenset("""
tonight tomorrow now later earlier recently finally overall instead here there inside
outside afterwards elsewhere again yes no please sadly luckily fortunately unfortunately
""".split())


def _single_name(w: Word) -> bool:
    """A word that may be a given name used alone: capitalised letters, no word that
    opens a sentence otherwise (a pronoun, an article, a preposition, a time)."""
    return w.text[:1].isupper() and w.text.isalpha() and not w.text.isupper() \
        and w.lower not in lx.DETERMINERS and w.lower not in lx.PREPOSITIONS \
        and w.lower not in lx.PERSON_PRONOUNS and w.lower not in lx.SUBORDINATORS \
        and w.lower not in lx.OPENERS and w.text not in ORG_WORDS \
        and w.lower not in _NOT_GIVEN_NAMES and not w.lower.endswith("ly")


class Unkept:
    """Tests on names the persons stage left out (mixed into ``_Document``)."""

    paras: list[Para]

    def _said_around(self, para: Para, ws: Sequence[Word], k: int, pronoun: Word
                     ) -> set[str] | None:
        """"Castell, she said, had misread the ruling": the persons named in the words
        before a parenthetical "she said" (``ws[k]`` the verb), which are what was said --
        not "she"; None when the attribution is no parenthetical ("When Halvor met ...,
        he said ...": he may be Halvor)."""
        if k + 1 < len(ws) and ws[k + 1].text == "," and ws[0].lower not in lx.CLAUSE_OPENERS \
                and ws[0].lower not in lx.SUBORDINATORS and ws[0].lower not in lx.PREPOSITIONS:
            return {p.name for p in para.persons_outside() if ws[0].start <= p.start < pronoun.start}
        return None

    @staticmethod
    def _person_left(para: Para, at: int, name: str) -> bool:
        """Before ``at`` and outside quotations, the paragraph holds a full name (two words
        or more) the recognizer labelled a person that the stage did not keep ("whose chairman, Kahiga wa Muriuki,
        told a rally"), and names ``name`` nowhere before ``at``: a "he"/"she" there may be
        that person's rather than someone's of a paragraph before."""
        if any(p.name == name and p.start < at for p in para.persons_outside()):
            return False
        return any(label == "PERSON" and e <= at and _full_name(para.words(s, e))
                   and not any(a <= s < b for a, b in para.quotes)
                   and not any(p.start < e and s < p.end for p in para.persons)
                   for s, e, label in para.labels)

    def _unkept_subject(self, i: int, who: Who, name: str) -> bool:
        """A sentence of paragraph ``i`` before the pronoun ``who`` (in its sentence or
        the one before) opens on a name the stage did not keep as a person -- one the
        recognizer labelled a person, or a name-shaped phrase it typed otherwise with a
        personal cue after it -- while ``name``, the pronoun's antecedent, is not named
        there: the pronoun may be that name's, so it is nobody's sure."""
        if who.start < 0:
            return False
        para = self.paras[i]
        around = para.sentence_before(who.start)
        if around is None:
            return False
        since, here = around
        if not _CUED_OPENING.search(para.text, max(0, since - 3), who.start) and not any(
                (label == "PERSON" or label in _MISTYPED) and since <= s < who.start
                for s, _, label in para.labels):
            return False  # no name left out there, nor a cued word: read no further
        if any(p.name == name and since <= p.start < who.start for p in para.persons_outside()):
            return False
        if self._person_left(para, who.start, name):
            return True
        for a, b in para.sentences[max(here - 1, 0):here + 1]:
            if a >= who.start:
                break
            ws = [w for w in para.words(a, min(b, who.start)) if w.text != "Q"]
            while ws and ws[0].lower in lx.OPENERS:
                ws = ws[1:]
            if not ws or any(p.start <= ws[0].start < p.end for p in para.persons):
                continue
            if _single_name(ws[0]) and personal_cue(ws, 1) and not any(
                    s <= ws[0].start < e for s, e, _ in para.labels):
                return True  # "Des, her husband, nodded.": a given name the stage left
            if _single_name(ws[0]) and len(ws) > 1 and ws[1].lower in _SELF:
                return True  # "Idir himself was less worried.": a person the stage left
            for s, e, label in para.labels:
                if s != ws[0].start:
                    continue
                end = next((n for n, w in enumerate(ws) if w.start >= e), len(ws))
                if para.text[e:e + 1] in ("'", "’") or end < len(ws) and ws[end].text[:1] in "'’":
                    continue  # "Margaret's farm": an owner, not the subject
                if label == "PERSON" or label in _MISTYPED and name_shaped(ws[:end]) \
                        and personal_cue(ws, end):
                    return True
        return False
