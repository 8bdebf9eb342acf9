"""The words and persons around a quotation or a pronoun, as the attribution weighs
them: a name and a verb closing the clause after a quotation ('"...," Okonkwo
clarifies'), a verb before a name ('"...," explains Okonkwo'), and whether a pronoun
may stand for one person only (nobody else who may be meant named nearby); a person's
affiliation ("X of Goldman Sachs"), a person made an object ("Police arrested X, ..."),
a gesture before a quotation ("Marchal shrugs.").

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import TEXT_NOUNS, Para, closes_clause, is_verb, verb_form
from searchapp.ingest.quotes.doubt import object_pronouns
from searchapp.ingest.quotes.marks import Span
from searchapp.ingest.quotes.speakers import Person, Who, trusted
from searchapp.ingest.quotes.text import Word

_FULL_NAME = re.compile(r"(?<=[,;(—–] )([A-Z][a-z]{1,20}) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


#: The first person's words (a closed class): outside quotation marks, an interview's
#: answer, a letter or a column in the writer's own voice.
_FIRST_PERSON = frozenset({"i", "me", "my"})


def _own_words(para: Para, at: int) -> bool:
    """The paragraph, before ``at`` and outside quotation marks, speaks in the first
    person: someone's own words (an answer, a letter), where a "he"/"she" stands for
    someone of theirs, not for a person of the paragraphs before."""
    return any(w.lower in _FIRST_PERSON and (w.lower != "i" or w.text == "I")
               for a, b in para.sentences if a < at for w in para.words(a, min(b, at)))


def unlabelled_families(para: Para) -> set[str]:
    """Family names of full names the recognizer left unlabelled after a comma or a
    dash ("Clinique's Senior Brand Manager, Lysis Bourget-Vennin, ..."): their bare
    mentions ("Bourget-Vennin shared ...") are a person's, never an unnamed source."""
    out = set()
    for m in _FULL_NAME.finditer(para.text):
        if m.group(1).lower() in lx.ROLE_NOUNS or m.group(1).lower() in lx.DETERMINERS:
            continue
        if any(a < m.end() and m.start() < b for a, b, _ in para.labels):
            continue
        out.add(m.group(2).casefold())
    return out


_AFFILIATION = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")


def affiliations(paras: Sequence[Para]) -> set[str]:
    """Persons named right after another person and "of", "at" or "from" ("Grace
    Okwuosa-Lind of Goldman Sachs") and labelled a body by the recognizer somewhere in
    the document: a body the persons stage kept as a person."""
    after: set[str] = set()
    for para in paras:
        for q in para.persons:
            for p in para.persons:
                if q.end < p.start and _AFFILIATION.fullmatch(para.text, q.end, p.start):
                    after.add(p.name)
    return {name for name in after if any(
        label in ("ORG", "FAC", "GPE") and a <= p.start and p.end <= b
        for para in paras for p in para.persons if p.name == name
        for a, b, label in para.labels)}


class Nearby:
    """Tests on the words and persons near a quotation (mixed into ``_Document``)."""

    def _crowded(self, i: int, who: Who, name: str, exclude: set[str],
                 local: Sequence[str] = ()) -> bool:
        """Another person than ``name`` known to be of the pronoun ``who``'s sex was
        named or spoke in its paragraph before it or in the paragraph before, and
        ``name`` is not the one the paragraph before closed on nor the last speaker of
        this one: the pronoun is then nobody's sure.  Asked only when the grammar of the
        sentence before did not decide (a profile's subject and the woman she talks
        about, a judge and counsel: the nearer is as often the wrong one).  Measured:
        counting persons whose sex nothing says as rivals too cost recall on every set
        and precision on one it was not written on, so they are not counted."""
        sal = self.salience
        para = self.paras[i]
        if sal.closing.get(i - 1) == name or any(n == name for p, n in sal.events[-1:]
                                                 if p == i):
            return False
        live = {p.name for p in para.persons_outside() if who.start < 0 or p.start < who.start}
        live.update(local)
        live.update(n for p, n in sal.events if p == i)
        if i > 0 and not para.heading:
            live.update(sal.named.get(i - 1, ()))
            live.update(n for p, n in sal.events if p == i - 1)
        return any(n != name and n not in exclude and sal.sex_of(n) == who.sex for n in live)

    def _only_one_named(self, i: int, who: Who, name: str, exclude: set[str]) -> bool:
        """``name`` is named (outside quotations) in the sentence before the pronoun
        ``who`` or in its own sentence before it, and nobody else who may be meant is."""
        if who.start < 0:
            return False
        para = self.paras[i]
        here = next((n for n, (a, b) in enumerate(para.sentences) if a <= who.start < b), 0)
        if not para.sentences:
            return False
        since = para.sentences[max(here - 1, 0)][0]
        named = {p.name for p in para.persons_outside() if since <= p.start < who.start
                 and p.name not in exclude and self.salience.sex_of(p.name) in (who.sex, "")}
        return named == {name}

    def _indefinite_antecedent(self, i: int, who: Who) -> str | None:
        """The unnamed person "he"/"she" stands for: an indefinite role ("a council
        officer", "one engineer") in its sentence before it or in the sentence before,
        where no person is named -- '... to a council officer, she told me that ...'."""
        if who.start < 0:
            return None
        para = self.paras[i]
        around = para.sentence_before(who.start)
        if around is None:
            return None
        since, here = around
        if any(since <= p.start < who.start for p in para.persons_outside()):
            return None
        start = para.sentences[here][0]
        ws = para.words(since, who.start)
        found = None
        for n, w in enumerate(ws):
            if w.lower not in ("a", "an", "one", "another"):
                continue
            if not (w.start >= start and n > 0 and ws[n - 1].lower in ("to", "with")
                    and any(x.text == "," for x in ws[n:]) or w.start == since < start):
                continue  # only one spoken to in the pronoun's sentence ("When I put it to
                # a council officer, she told me"), or the sentence before's subject
            for m in range(n + 1, min(n + 4, len(ws))):
                x = ws[m]
                if not x.text.isalpha() or not x.text.islower():
                    break
                if (lx.role_noun(x.text) or x.lower in lx.SOURCE_NOUNS) \
                        and not x.lower.endswith("s"):
                    found = para.text[w.start:x.end]
                    break
        return found

    def _someone_between(self, i: int, who: Who, name: str, exclude: set[str]) -> bool:
        """Another person who may be meant by the pronoun ``who`` is named (outside
        quotations) between the start of the sentence before it and the pronoun: "she"
        then stands for nobody sure (a man named in between whose sex is not known, or
        a woman other than the one followed)."""
        if who.start < 0:
            return False
        para = self.paras[i]
        if _own_words(para, who.start) and not any(
                p.name == name and p.start < who.start for p in para.persons_outside()):
            return True  # "a trader who sells to my family. Last year he told me": his
        here = next((n for n, (a, b) in enumerate(para.sentences) if a <= who.start < b), 0)
        window = para.sentences[max(here - 1, 0):here + 1]
        named = [p for p in para.persons_outside()
                 if window and window[0][0] <= p.start < who.start]
        if window and self._unresolved_named(para, window[0][0], who.start):
            return True  # "The governor, Beatriz X, ... she warned": X is nobody known
        others = [p for p in named if p.name != name and p.name not in exclude
                  and self.salience.sex_of(p.name) in (who.sex, "")]
        if not others:
            return False
        own = [p for p in named if p.name == name]
        if not own:
            return True
        for a, b in window:  # the one followed opens a sentence there: its subject
            first = self._opening(para, para.words(a, b))
            if isinstance(first, Person) and first.name == name and first.start < who.start:
                return False
        return any(o.start > own[-1].start for o in others)

    def _unresolved_named(self, para, a: int, b: int) -> bool:
        """A person named in apposition to a role between ``a`` and ``b`` ("The
        governor, Beatriz Olmedo-Ruiz,") whom the persons stage did not resolve."""
        for m in lx.ROLE_APPOSITION.finditer(para.text, a, b):
            if lx.role_noun(m.group("role")) and not any(
                    p.start < m.end("name") and m.start("name") < p.end for p in para.persons):
                return True
        return False

    def _verb_after_name(self, para: Para, ws: Sequence[Word], n: int) -> bool:
        """'"...," Okonkwo clarifies.' / '"...," she laughs, ...': after a quotation, a
        person's name or he/she and one verb that closes the clause is its attribution,
        whatever the verb (features use many: reveals, weighs in, laughs)."""
        if not 1 <= n <= 5 or not verb_form(ws[n]):
            return False
        subject = list(ws[:n])
        while len(subject) > 1 and subject[-1].lower in lx.LIGHT:
            subject.pop()
        if len(subject) == 1 and subject[0].lower in ("he", "she"):
            pass
        elif not any(p.start == subject[0].start and p.end == subject[-1].end
                     for p in para.persons_outside()):
            return False
        return closes_clause(ws, n + 1)

    def _name_said(self, para: Para, ws: Sequence[Word]) -> bool:
        """'"... continue to see" Mayer said.': a person's name and a verb of speech that
        closes the clause attribute a quotation even without its comma."""
        person = next((p for p in para.persons_outside() if p.start == ws[0].start), None)
        if person is None:
            return False
        n = next((m for m, w in enumerate(ws) if w.start >= person.end), len(ws))
        return n < len(ws) and is_verb(ws[n], lx.SAY) and closes_clause(ws, n + 1)

    def _verb_before_name(self, para: Para, ws: Sequence[Word]) -> bool:
        """'"...," explains Okonkwo.': a verb, then a person's name closing the clause."""
        if len(ws) < 2 or not verb_form(ws[0]):
            return False
        person = next((p for p in para.persons_outside() if p.start == ws[1].start), None)
        if person is None:
            return False
        k = next((m for m, w in enumerate(ws) if w.start >= person.end), len(ws))
        return closes_clause(ws, k) or ws[k].text == ","

    def _introduced(self, para: Para, before: Sequence[Word], span: Span, subject
                    ) -> tuple[str | None, str] | None:
        """'Okonkwo also weighs in on what to avoid: "..."': a quotation right after a
        colon closing a clause whose subject is a person is that person's words, unless
        the clause names a text (a statement, a sign, a post) that holds them."""
        if not before or before[-1].text != ":" or subject is None or not subject[0]:
            return None
        if any(w.text == "Q" for w in before) or len(para.text[span.inner[0]:span.inner[1]].split()) < 4:
            return None
        if any(w.lower in lx.BODY_NOUNS or w.lower in TEXT_NOUNS for w in before[-6:]):
            return None
        return subject

    def _said_after_subject(self, para: Para, ws: Sequence[Word], n: int) -> bool:
        """``ws[n]`` is a verb that is as often a noun ("shares", "notes") used as a verb
        of speech: right after "he"/"she" or a person's name."""
        if n == 0 or not is_verb(ws[n], lx.SAY_AFTER_SUBJECT):
            return False
        prev = ws[n - 1]
        return prev.lower in ("he", "she") or any(p.end == prev.end
                                                   for p in para.persons_outside())

    def _local(self, para: Para, a: int, b: int) -> list[str]:
        """Persons named (outside quotations) in ``text[a:b]``, in order."""
        return [p.name for p in para.persons_outside() if a <= p.start < b]

    def _objects(self, para: Para, ws: Sequence[Word]) -> set[str]:
        """Persons named after a verb (its listeners: "he told Cook")."""
        if not ws:
            return set()
        a, b = ws[0].start, ws[-1].end
        return {p.name for p in para.persons_outside() if a <= p.start < b}

    def _object_of_verb(self, para: Para, ws: Sequence[Word], name: str) -> bool:
        """The first mention of ``name`` in ``ws`` follows a verb in the past tense in
        the same clause ("Police arrested X"): it is an object, not the subject."""
        first = next((p for p in para.persons_outside() if p.name == name and ws
                      and ws[0].start <= p.start < ws[-1].end), None)
        if first is None:
            return False
        before = [w for w in ws if w.end <= first.start]
        cut = max((n for n, w in enumerate(before) if w.text in (",", "Q", ";", ":")),
                  default=-1)
        clause = before[cut + 1:]
        # a past form after its subject ("Police arrested"), not an adjective after a
        # determiner or an adverb ("the retired teacher", "the newly elected mayor")
        return any(w.text.isalpha() and w.text.islower() and len(w.text) > 4
                   and w.lower.endswith("ed") and not lx.role_noun(w.text) and n > 0
                   and clause[n - 1].lower not in lx.DETERMINERS
                   and not clause[n - 1].lower.endswith("ly")
                   for n, w in enumerate(clause))

    def _gesture_before(self, i: int, para: Para, sentence: tuple[int, int]
                        ) -> tuple[str | None, str] | None:
        """The sentence before a quotation is a person (or he/she) and a gesture or a verb
        of speech, an adverb at most ("Marchal shrugs.", "She laughs softly."): that
        person's words follow."""
        ws = [w for w in para.words(*sentence) if w.text not in lx.SENTENCE_STOPS]
        if not 2 <= len(ws) <= 5 or any(w.text == "Q" for w in ws):
            return None
        verb = next((n for n, w in enumerate(ws) if n > 0 and (
            w.lower in lx.GESTURES or w.lower in lx.SAY)), None)
        if verb is None or any(not (w.lower in lx.LIGHT or w.lower.endswith("ly"))
                               for w in ws[verb + 1:]):
            return None
        if ws[0].lower in ("he", "she") and self._asked_before(para, sentence, ws[0].lower):
            return None  # "X asks him whether .... He laughs.": him or X, not sure
        subject = self._sentence_subject(i, para, ws)
        if subject is None or not subject[0] or not trusted(subject[0]):
            return None
        person = next((p for p in para.persons_outside() if p.start == ws[0].start), None)
        if ws[0].lower not in ("he", "she") and (person is None or person.end < ws[verb - 1].end):
            return None  # the whole subject before the verb is the person
        return subject

    @staticmethod
    def _asked_before(para: Para, sentence: tuple[int, int], pronoun: str) -> bool:
        """The sentence before ``sentence`` in its paragraph speaks or puts a question
        to someone of the pronoun's sex ("X asks him whether ...")."""
        n = para.sentences.index(sentence)
        return n > 0 and object_pronouns(para.words(*para.sentences[n - 1]),
                                         lx.PERSON_PRONOUNS[pronoun])

    def _affiliated(self, para: Para, p: Person) -> Person:
        """The person ``p`` is the affiliation of ("Grace X of Goldman Sachs", a body
        the persons stage kept as a person): the person right before "of", "at" or
        "from" ``p``, else ``p``."""
        gap = para.text[:p.start]
        for q in para.persons_outside():
            if q.end <= p.start and _AFFILIATION.fullmatch(gap, q.end):
                return q
        return p
