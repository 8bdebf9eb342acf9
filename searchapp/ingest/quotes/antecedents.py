"""Whom "he"/"she" stands for, by the grammar of the sentences before it.

News writes a pronoun for the subject of the sentence before it far more often than
for the person named last: 'Domínguez is less hopeful. "...," she said' is
Domínguez's, even when the paragraph before closed on another woman's quotation.  So
before the rules of proximity (:meth:`searchapp.ingest.quotes.speakers.Salience.pronoun`)
the attribution reads the subject of the sentence before the pronoun -- walking back over
sentences whose subject is the same pronoun ("He consulted his neighbour."), into the
paragraph before when the pronoun's sentence opens its paragraph:

* a person (the head of "Redmoor manager Frank X", not the club before it) whose sex is
  known to match: theirs;
* a definite role ("The minister", "Her son") standing for one person of that sex:
  theirs; standing for nobody the document names: nobody's (the role's own speaker was
  never found, so no one else is guessed instead);
* an indefinite role ("a government whip", "one engineer"): an unnamed source;
* a name the persons stage did not keep (a word the recognizer labelled, opening the
  sentence before a verb: "Margaret", "de Vries" typed as an organisation): the person
  of the document whose name holds that word, when one does; else nobody's.

Anything else (a thing, a clause, a quotation with no speaker) decides nothing.  A
subject whose sex nothing says is taken only when nobody of the pronoun's sex is named
beside it in its sentence's main clause (then the pronoun is nobody's).

The subject a sentence opens with (:meth:`Antecedents._opening`, after adverbials and a
participle's clause) is read here too: the attribution's first pass learns sexes from it,
and the second notes it as the one a paragraph talks about.

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import Para, comma_chunks, is_verb, verb_form
from searchapp.ingest.quotes.name_runs import name_word
from searchapp.ingest.quotes.salience import Salience
from searchapp.ingest.quotes.speakers import Person, Who, named_unresolved, trusted
from searchapp.ingest.quotes.text import Word
from searchapp.lexicon import HONORIFICS, NAME_PARTICLES

#: How many sentences back the subject of a chain of pronouns is looked for.
_CHAIN = 3
#: Recognizer labels a name left out of the persons may carry.
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART")
_OPENING_MARKS = frozenset('"“‘\'(—–-')
#: Adverbs that open a sentence before its subject ("Back in Jaén, X is ...").
_ADVERBS = frozenset("""back afterwards later earlier yesterday today still meanwhile elsewhere
outside inside there here now then again instead separately tonight""".split())
#: English modal and auxiliary verbs (a closed class): "The chief executive would not
#: name the chain." has its verb here.
_AUXILIARIES = frozenset("would will could can should shall may might must did does do".split())
#: A sentence that is a quotation only: the speaker before it goes on.
_SAME = ("same", "")
#: An antecedent found: ("person", name), ("unnamed", phrase) or ("nobody", "").
Antecedent = tuple[str, str]


def _subject_start(ws: Sequence[Word]) -> int:
    """Where a sentence's subject starts: after opening marks and adverbials closed by a
    comma ("Afterwards, in the corridor, a whip ...")."""
    n = 0
    while n < len(ws):
        w = ws[n]
        if w.text in _OPENING_MARKS or w.text == "," or w.lower in lx.OPENERS \
                or n <= 2 and (w.text.isdigit() or w.text == ":"):  # a live blog's "19:47"
            n += 1
            continue
        if w.lower in lx.PREPOSITIONS or w.lower in lx.SUBORDINATORS or w.lower in _ADVERBS \
                or n == 0 and w.text[:1].isupper() and w.lower.endswith(("ed", "ing")):
            comma = next((k for k in range(n + 1, min(n + 14, len(ws))) if ws[k].text == ","),
                         None)
            if comma is None:
                return _short_adverbial(ws, n)
            n = comma + 1
            continue
        return n
    return n


def _short_adverbial(ws: Sequence[Word], n: int) -> int:
    """"During a break she said ...": a preposition and two or three lowercase words
    with no comma before he/she -- the pronoun is the subject (where it is); else none."""
    if ws[n].lower not in lx.PREPOSITIONS:
        return len(ws)
    k = next((k for k in range(n + 2, min(n + 4, len(ws))) if ws[k].lower in ("he", "she")),
             None)
    if k is None or not all(w.text.islower() for w in ws[n + 1:k]):
        return len(ws)
    return k


def _name_shaped(run: Sequence[Word]) -> bool:
    """Words only a person's name is made of: two or more name words ("Aurélien
    Dufresne-Kamara"), or one joining two capitalized parts ("Sy-Holloway")."""
    words = [w for w in run if w.lower not in NAME_PARTICLES]
    if not words or not all(name_word(w) for w in words):
        return False
    return len(words) > 1 or all(part[:1].isupper() and len(part) > 1
                                 for part in words[0].text.split("-")) \
        and words[0].text.count("-") == 1


class Antecedents:
    """Sentences' subjects, and the subject of the sentence before a pronoun (mixed into
    ``_Document``)."""

    paras: list[Para]
    salience: Salience
    name_index: dict[str, set[str]]
    family: dict[str, list[Person]]
    #: the persons named in the sentence whose subject is being read
    _rivals: set[str] = set()  # noqa: RUF012 -- replaced, never changed in place
    #: the persons (of the pronoun's sex or none known) the sentence before names when its
    #: subject decided nothing
    _undecided: set[str] = set()  # noqa: RUF012 -- replaced, never changed in place

    def _subject_person(self, para: Para, ws: Sequence[Word]) -> Person | None:
        """The person a sentence opens with (its subject, as news writes it): the first
        person or pronoun of its first clause after any adverbial ("During the call, he
        ..." is "he", not a person named later)."""
        first = self._opening(para, ws)
        return first if isinstance(first, Person) else None

    def _opening(self, para: Para, ws: Sequence[Word]) -> Person | Word | None:
        persons = para.persons_outside()
        chunk_start = True
        seen = 0
        for n, w in enumerate(ws):
            if w.text == "Q":
                return None
            if w.text == ",":
                chunk_start = True
                continue
            if chunk_start and (w.lower in lx.PREPOSITIONS or w.lower in lx.SUBORDINATORS
                                or w.lower in lx.OPENERS or n == 0 and w.text[:1].isupper()
                                and w.lower.endswith(("ed", "ing"))  # "Asked how ..., X"
                                and not any(p.start == w.start for p in persons)) \
                    and n + 1 < len(ws) \
                    and any(x.text == "," for x in ws[n + 1:n + 14]):
                # an adverbial opening the sentence: skip to its comma
                k = next(k for k in range(n + 1, len(ws)) if ws[k].text == ",")
                return self._opening(para, ws[k + 1:])
            chunk_start = False
            if w.lower in ("he", "she"):
                return w
            p = next((p for p in persons if p.start == w.start), None)
            if p is None and w.text[:1].isupper() and len({x.name for x in
                                                           self.family.get(w.text, ())}) == 1:
                p = Person(w.start, w.end, self.family[w.text][0].name)  # "Carlineo faces ..."
            if p is not None:
                rest = para.text[p.end:p.end + 3]
                after = next((m for m in range(n + 1, len(ws)) if ws[m].start >= p.end), None)
                if after is not None and ws[after].start == p.end + 1 \
                        and para.text[p.end] == " " and ws[after].text.islower() \
                        and lx.role_noun(ws[after].text):
                    # "Redmoor manager Frank X": the one the title is of; "the Redmoor
                    # manager shrugged": a role, not the body before it
                    return next((q for q in persons if after + 1 < len(ws)
                                 and q.start == ws[after + 1].start), None)
                if not rest.startswith(("'s", "’s", "' ", "’ ")):
                    return p
                continue  # "Delhi's Chief Minister Arvind Kejriwal ..."
            if w.lower in lx.PREPOSITIONS:
                return None
            seen += 1
            if seen > 8:
                return None
        return None

    def _index_names(self) -> None:
        """Each word of the persons' names (particles aside) -> the persons it is of."""
        self.name_index = {}
        for para in self.paras:
            for p in para.persons:
                for w in p.name.split():
                    if w.lower() not in NAME_PARTICLES and len(w) > 1:
                        self.name_index.setdefault(w, set()).add(p.name)

    def _grammar_antecedent(self, i: int, who: Who) -> Antecedent | None:
        """The antecedent of the pronoun ``who`` in paragraph ``i`` by the subject of the
        sentence before it, or None when that decides nothing."""
        self._undecided = set()
        if who.start < 0:
            return None
        para = self.paras[i]
        here = next((n for n, (a, b) in enumerate(para.sentences) if a <= who.start < b), None)
        if here is None:
            return None
        if not self._opens_sentence(para, here, who):
            return None  # the pronoun is not its sentence's subject: the sentence decides
        steps = 0
        at, n = i, here - 1
        while steps < _CHAIN:
            if n < 0:
                if at == 0 or self.paras[at - 1].heading:
                    return None
                at -= 1
                n = len(self.paras[at].sentences) - 1
                if n < 0:
                    return None
            steps += 1
            self._rivals = self._main_clause_persons(self.paras[at], n)
            got = self._subject_of_sentence(at, n, who.sex)
            if got is None:
                if self._spoken_to(at, n, who.sex):
                    return ("nobody", "")  # "X asked the director, Y, whether ...": either
                para = self.paras[at]
                a, b = para.sentences[n]
                self._undecided = {p.name for p in para.persons_outside() if a <= p.start < b
                                   and self.salience.sex_of(p.name) in (who.sex, "")}
                return None
            if got[0] == "person" and self._spoken_to(at, n, who.sex):
                return ("nobody", "")  # "X asked her whether ...": she may be either
            if got[0] == "pronoun" and got[1] != who.sex:
                return None  # "he" before "she": someone else, found as before
            if got not in (("pronoun", who.sex), _SAME):
                return got
            n -= 1
        return None

    @staticmethod
    def _opens_sentence(para: Para, here: int, who: Who) -> bool:
        """The pronoun ``who`` is the subject sentence ``here`` opens with, after its
        marks or an adverbial ("Asked by the presenter, X, whether ..., he said:")."""
        a, _ = para.sentences[here]
        ws = para.words(a, who.start)
        if all(w.text in _OPENING_MARKS or w.text in ("Q", ",") for w in ws):
            return True
        if len(ws) > 2 and ws[0].text[:1].isupper() and ws[0].lower.endswith("ed") \
                and ws[1].lower == "by" and ws[-1].text == ",":
            return True  # "Asked by the presenter, X, whether ..., he said"
        if 1 < len(ws) <= 4 and ws[0].lower in lx.PREPOSITIONS \
                and all(w.text.islower() for w in ws[1:]):
            return True  # "During a break she said": a short adverbial with no comma
        return 0 < _subject_start([*ws, *para.words(who.start, who.start + len(who.text))]) == len(ws) \
            and ws[0].text != "Q"

    def _adverbial_only(self, i: int, who: Who, local: Sequence[str]) -> bool:
        """The persons ``local`` named before the pronoun ``who`` in its sentence are
        all in an adverbial opening it ("Asked by Rautenbach who had told her that, she
        said:"): the asker, not the one the pronoun is."""
        if not local or who.start < 0:
            return False
        para = self.paras[i]
        here = next((n for n, (a, b) in enumerate(para.sentences) if a <= who.start < b), None)
        if here is None:
            return False
        first = para.words(para.sentences[here][0], who.start)[:2]
        if not first or first[0].lower in lx.SUBORDINATORS:
            return False  # "When Judge X ruled that ..., he acknowledged": X
        return self._opens_sentence(para, here, who)

    @staticmethod
    def _main_clause_persons(para: Para, n: int) -> set[str]:
        """The persons sentence ``n`` names in its main clause, not after a preposition
        nor as an owner ("X met Ms Y" names Y; "... harm to Y", "Y's lawyer", "... that
        Y" do not): those a pronoun after it may mean besides the subject."""
        a, b = para.sentences[n]
        ws = para.words(a, b)
        out: set[str] = set()
        for p in para.persons_outside():
            if not a <= p.start < b:
                continue
            before = [w for w in ws if w.end <= p.start]
            if any(w.lower in lx.SUBORDINATORS or w.text == "Q" for w in before) \
                    or before and before[-1].lower in lx.PREPOSITIONS \
                    or para.text[p.end:p.end + 2] in ("'s", "’s"):
                continue
            out.add(p.name)
        return out

    def _subject_of_sentence(self, i: int, n: int, sex: str) -> Antecedent | None:
        para = self.paras[i]
        a, b = para.sentences[n]
        ws = para.words(a, b)
        k = _subject_start(ws)
        if k >= len(ws):
            return None
        w = ws[k]
        if w.text == "Q":
            return self._speaker_after_quote(para, ws[k + 1:], sex)
        if w.lower in ("he", "she"):
            return ("pronoun", lx.PERSON_PRONOUNS[w.lower])
        persons = para.persons_outside()
        p = next((p for p in persons if p.start == w.start), None)
        if p is not None:
            return self._person_subject(i, para, ws, p, persons, sex)
        if w.lower in ("a", "an", "one", "another"):
            verb = next((m for m in range(k + 1, len(ws)) if is_verb(ws[m], lx.SAY)), len(ws))
            chunks = comma_chunks(ws[k:verb])
            named = next((p for p in persons if len(chunks) > 1
                          and p.start == chunks[1][0].start and p.end == chunks[1][-1].end),
                         None)
            if named is not None:  # "A caller, Dilwyn, who ..., told the programme": his
                return self._fits(named.name, sex)
            if len(chunks) > 1 and named_unresolved(para.text, chunks[1:], persons,
                                                    para.labels):
                return ("nobody", "")  # "one of them, ... who gave his name as Des,"
            # "a government whip was philosophical": the one that noun phrase describes
            for m in range(k + 1, min(k + 5, len(ws) - 1)):
                x = ws[m]
                if not x.text.isalpha() or x.lower in lx.PREPOSITIONS or not (
                        x.text.islower() or any(label == "NORP" and a <= x.start < b
                                                for a, b, label in para.labels)):
                    return None  # ("One European ambassador": a nationality is no name)
                nxt = ws[m + 1]
                if not x.lower.endswith("s") and (
                        nxt.lower in ("was", "is", "has", "had", "said", "says", "told")
                        or nxt.text in (",", "Q") and lx.role_noun(x.text)):
                    return ("unnamed", para.text[w.start:x.end])
            return None
        if w.lower in ("the", "his", "her", "their", "my", "our") or w.text.endswith(
                ("'s", "’s")) and w.text[:1].isupper() and k + 1 < len(ws) \
                and ws[k + 1].text.islower():  # "Lumenvale's chief executive, X, said"
            return self._role_subject(i, para, ws, k, sex)
        return self._unkept_name(para, ws, k, sex)

    def _speaker_after_quote(self, para: Para, ws: Sequence[Word], sex: str
                             ) -> Antecedent | None:
        """'"...," Quintanilla said.' / '"...," she said': who spoke the quotation the
        sentence opens on."""
        ws = [w for w in ws if w.text != ","]
        if not ws or ws[0].text in lx.QUOTE_STOPS:
            return _SAME  # the paragraph's quotation alone: its speaker is the one before
        persons = para.persons_outside()
        for w in ws[:2]:
            if w.lower in ("he", "she"):
                return ("pronoun", lx.PERSON_PRONOUNS[w.lower])
            p = next((p for p in persons if p.start == w.start), None)
            if p is not None:
                return self._fits(p.name, sex)
        return None

    def _person_subject(self, i: int, para: Para, ws: Sequence[Word], p: Person,
                        persons: Sequence[Person], sex: str) -> Antecedent | None:
        if para.text[p.end:p.end + 2] in ("'s", "’s") or para.text[p.end:p.end + 2] == "' ":
            return self._owned(i, para, ws, p, persons, sex)
        after = next((n for n, w in enumerate(ws) if w.start >= p.end), len(ws))
        # "Redmoor manager Frank X": the person the title is of, not the body before it
        if after + 1 < len(ws) and ws[after].start == p.end + 1 and ws[after].text.islower() \
                and lx.role_noun(ws[after].text):
            head = next((q for q in persons if q.start == ws[after + 1].start), None)
            if head is not None:
                p = head
        return self._fits(p.name, sex)

    def _owned(self, i: int, para: Para, ws: Sequence[Word], p: Person,
               persons: Sequence[Person], sex: str) -> Antecedent | None:
        """"Okafor's mother, Ada, sat in the front row. She said": the subject is the kin
        of the pronoun's sex the owner has, never the owner -- the person apposed to it,
        else nobody; with nothing apposed, the one the noun already stood for, else it
        decides nothing ("Okafor's mother died when she was ten. She said": Okafor may be meant).  Anything else after the owner ("Delhi's
        Chief Minister X", "Okafor's publisher": of either sex) decides nothing."""
        k = next((n for n, w in enumerate(ws) if w.start > p.end), len(ws))
        noun = ws[k].lower if k < len(ws) and ws[k].text.islower() else ""
        if lx.KIN_SEX.get(noun) != sex:
            return None  # "X's son ... She said", "X's publisher": decides nothing
        if k + 2 < len(ws) and ws[k + 1].text == ",":  # "'s son, filmmaker Y (...),"
            close = next((m for m in range(k + 2, len(ws)) if ws[m].text == ","), len(ws))
            apposed = next((q for q in persons if ws[k + 2].start <= q.start
                            and q.end <= ws[min(close, k + 5) - 1].end), None)
            return ("nobody", "") if apposed is None else self._fits(apposed.name, sex)
        name = self.salience.role(Who("role", para.text[ws[k - 1].start:ws[k].end],
                                      role=noun, owner=p.name), i)
        if name is None:
            return None  # "X's mother died when she was ten. She said": no one apposed
        return ("nobody", "") if name == p.name else self._fits(name, sex)

    def _fits(self, name: str, sex: str) -> Antecedent | None:
        known = self.salience.sex_of(name)
        if known == sex and trusted(name):
            return ("person", name)
        if known or not trusted(name):
            return None  # another sex: the pronoun is someone else's, found as before
        if any(r != name and self.salience.sex_of(r) == sex for r in self._rivals):
            return ("nobody", "")  # "Lee met Ms Aske. She said": she may be either
        return ("person", name)  # not known, and alone in its sentence: the one meant

    def _role_subject(self, i: int, para: Para, ws: Sequence[Word], k: int, sex: str
                      ) -> Antecedent | None:
        """"The minister consulted a folder.", "Her son said ...": the one the role
        stands for, or nobody when the document names nobody for it."""
        if k + 2 < len(ws) and ws[k + 1].text.islower() and lx.role_noun(ws[k + 1].text) \
                and ws[k + 2].text[:1].isupper():
            # "My neighbour Margaret, who is 79, put it simply.": the name
            persons = para.persons_outside()
            p = next((p for p in persons if p.start == ws[k + 2].start), None)
            return self._fits(p.name, sex) if p is not None \
                else self._unkept_name(para, ws, k + 2, sex)
        verb = next((m for m in range(k + 1, min(k + 5, len(ws))) if verb_form(ws[m])
                     or ws[m].lower in ("is", "was", "has", "had")
                     or ws[m].lower in _AUXILIARIES), None)
        comma = next((m for m in range(k + 1, min(k + 11, len(ws) - 1)) if ws[m].text == ","),
                     None)
        if comma is not None and (verb is None or comma < verb) and ws[comma + 1].text[:1].isupper():
            # "His counterpart from Belvaria, Ingrid X, was more cautious.": the apposition
            persons = para.persons_outside()
            p = next((p for p in persons if p.start == ws[comma + 1].start), None)
            if p is not None:
                return self._fits(p.name, sex)
            return self._unkept_name(para, ws, comma + 1, sex)
        if verb is None:
            return None
        if ws[verb].lower in ("is", "was") and verb + 1 < len(ws) \
                and ws[verb + 1].lower not in lx.SUBORDINATORS:
            # "The first witness is Marguerite X, who ...": the one the copula names
            p = next((p for p in para.persons_outside() if p.start > ws[verb].start
                      and para.text[p.end:p.end + 2] not in ("'s", "’s")), None)
            between = [x for x in ws[verb + 1:] if p is not None and x.end <= p.start]
            if p is not None and not any(x.lower in lx.PREPOSITIONS or verb_form(x)
                                         or x.lower.endswith("ed") for x in between):
                return self._fits(p.name, sex)  # not "The clinic was opened by X"
        phrase = ws[k:verb]
        comma = next((m for m, x in enumerate(phrase) if x.text == ","), len(phrase))
        phrase = phrase[:comma]
        noun = phrase[-1].lower if phrase and phrase[-1].text.islower() else ""
        if not (lx.role_noun(noun) and not noun.endswith("s") or noun in lx.KIN_SEX):
            return None
        if noun in lx.KIN_SEX and lx.KIN_SEX[noun] != sex:
            return None
        name = self.salience.role(Who("role", para.text[phrase[0].start:phrase[-1].end],
                                      role=noun), i)
        if name is None:
            return ("nobody", "")
        return self._fits(name, sex)

    def _unkept_name(self, para: Para, ws: Sequence[Word], k: int, sex: str
                     ) -> Antecedent | None:
        """A name opening the sentence that the persons stage did not keep, before a
        verb: the person whose name holds its word, else nobody."""
        m = k
        while m < len(ws) and ws[m].text.rstrip(".") in HONORIFICS:
            m += 1  # "Dr. Anneliese X": the name after the title
        run: list[Word] = []
        while m < len(ws) and len(run) < 4 and (
                ws[m].text[:1].isupper() and ws[m].text.replace("-", "").replace("'", "")
                .replace("’", "").isalpha() and not ws[m].text.isupper()
                or ws[m].lower in NAME_PARTICLES and m + 1 < len(ws)
                and ws[m + 1].text[:1].isupper()):
            run.append(ws[m])
            m += 1
        if not run or m >= len(ws):
            return None
        nxt = ws[m]
        if not (verb_form(nxt) or nxt.lower in ("is", "was", "has", "had", "grinned",
                                                "shrugged", "nodded", "smiled", "laughed")
                or nxt.text == ","):
            return None
        a, b = run[0].start, run[-1].end
        names = set().union(*(self.name_index.get(w.text, set()) for w in run
                               if w.lower not in NAME_PARTICLES))
        if not any(s < b and a < e and label in _NAME_LABELS for s, e, label in para.labels):
            if _name_shaped(run) and nxt.text == ",":
                # "Sy-Holloway, speaking to ..., said": a person, the one of the document
                # whose name it is, else someone nobody knows
                return self._fits(next(iter(names)), sex) if len(names) == 1 \
                    else ("nobody", "")
            return None  # a word nobody labelled a name ("Negotiators", "Swiss authorities")
        if len(names) == 1:
            name = next(iter(names))
            return self._fits(name, sex)
        return ("nobody", "")
