"""Where the text does not decide whom "he"/"she" stands for: the attribution abstains.

A wrong speaker costs a researcher's trust; an unattributed quotation only recall.  So a
pronoun whose antecedent grammar does not fix is nobody's when another person it may
mean is in the running:

* **someone of that sex spoken to or about** in the sentence the antecedent was read
  from: an object pronoun ("Lund asked her whether ...", "... told him") or the subject
  of a question put ("X asked what she tells her students") -- a host and a guest, a
  chair and a witness, counsel and a judge: either may speak next; so, whatever its
  sex, anyone a question was put to by name or role ("X asked the provincial director,
  Y, whether ...", "asked the witness whether ...": :mod:`.questions`);
* **someone else named in the sentence before** whose subject decides nothing (a body,
  a clause): "The committee then heard from X, whose father ... She said ..." is not the
  last woman quoted's when proximity would pick her.

(A subject named only in apposition to "one of them", "another" -- someone the persons
stage did not resolve -- leaves the pronoun after it to nobody too:
:meth:`searchapp.ingest.quotes.antecedents.Antecedents._subject_of_sentence`.)

Measured (``benchmarks/RESULTS.md``, round nine): counting a person newly named whose sex
nothing says as a rival too ("The committee then heard from X. She said ...") and
counting every person of unknown sex as one each cost right attributions on sets they
were not written on, so neither is a rule; a name the persons stage did not resolve
anywhere in the sentence before, as a rival, changed nothing the rules above do not.

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import Para, is_verb
from searchapp.ingest.quotes.name_runs import core, run_after
from searchapp.ingest.quotes.questions import question_after
from searchapp.ingest.quotes.salience import Salience
from searchapp.ingest.quotes.text import Word
from searchapp.lexicon import NAME_PARTICLES

#: Verbs that put a question to someone: "X asked what she ...", "pressed him on why".
_ASK = frozenset("ask asks asked asking press presses pressed pressing".split())
#: Words after "her" that make it an object, not an owner ("asked her whether ...").
_AFTER_OBJECT = lx.PREPOSITIONS | lx.SUBORDINATORS | frozenset(
    "what how why whether if to again too , . ; : ? ! Q".split())

#: Words that open a clause, capitalised at a sentence's start: no name's.
_FUNCTION = lx.SUBORDINATORS | lx.OPENERS | lx.PREPOSITIONS | lx.NOT_IN_NOUN_PHRASE \
    | lx.DETERMINERS | frozenset("is are was were if why how what where".split())


def object_pronouns(ws: Sequence[Word], sex: str) -> bool:
    """``ws`` (a sentence) speaks or puts a question to someone of ``sex`` by a
    pronoun: "asked her whether", "told him", "pressed her on", or he/she in a question
    its subject put ("Lund asked what she tells ...")."""
    for n, w in enumerate(ws):
        asked = question_after(ws, n) if n > 0 and ws[n - 1].text not in (",", "Q") else None
        if asked is not None and any(x.text[:1].isupper() or lx.role_noun(x.lower)
                                     for x in ws[asked[0]:asked[1]]):
            return True  # "X asked the provincial director, Y, whether ...": Y may answer
        if n >= 3 and ws[n - 1].lower == "to" and ws[n - 2].lower == "it" \
                and ws[n - 3].lower in ("put", "puts") and w.lower in ("him", "her") \
                and lx.PERSON_PRONOUNS[w.lower] == sex:
            return True  # "X put it to her that ...": a question put to her
        if n < 2 or not (is_verb(ws[n - 1], lx.SAY) or ws[n - 1].lower in _ASK) \
                or ws[n - 2].text in (",", "Q"):
            continue  # a verb of speech or asking after its subject ("Asked what she
            # would like, X thought" is X asked)
        if w.lower == "him" and sex == "m" or w.lower == "her" and sex == "f" and (
                n + 1 == len(ws) or ws[n + 1].lower in _AFTER_OBJECT
                or ws[n + 1].text in _AFTER_OBJECT):
            return True
        if ws[n - 1].lower in _ASK and w.lower in ("whether", "if", "what", "how", "why",
                                                  "when") and n + 1 < len(ws) \
                and ws[n + 1].lower in ("he", "she") \
                and lx.PERSON_PRONOUNS[ws[n + 1].lower] == sex:
            return True
    return False


class Doubt:
    """Tests that leave a pronoun to nobody (mixed into ``_Document``)."""

    paras: list[Para]
    salience: Salience

    _undecided: set[str]

    def _named_undecided(self, name: str) -> bool:
        """The sentence before the pronoun decided nothing by its subject but names
        persons of its sex (or none known), and ``name`` -- proximity's pick -- is none
        of them."""
        return bool(self._undecided) and name not in self._undecided

    def _spoken_to(self, i: int, n: int, sex: str) -> bool:
        """Sentence ``n`` of paragraph ``i`` (an antecedent's) puts a question or speaks
        to someone of ``sex`` by a pronoun: the next "she"/"he" may be either."""
        para = self.paras[i]
        return object_pronouns(para.words(*para.sentences[n]), sex)


def run_families(para: Para) -> set[str]:
    """The family names (casefolded) of full names written outside quotations -- two to
    four name words that the recognizer labelled a person or nothing ("Another, Ranjit
    Sohal-Brandt, said", a list's "Emeka Durand, assembly member:"): a bare mention of
    one ("Sohal-Brandt said", typed a body there) is a person the stage did not
    resolve, never an unnamed source."""
    out: set[str] = set()
    for a, b in para.sentences:
        ws = para.words(a, b)
        n = 0
        while n < len(ws):
            if not ws[n].text[:1].isupper() or n + 1 == len(ws) or not (
                    ws[n + 1].text[:1].isupper() or ws[n + 1].lower in NAME_PARTICLES):
                n += 1  # no name of two words starts here: the common case, read fast
                continue
            end = run_after(ws, n)
            if end == n:
                n += 1
                continue
            run, n = ws[n:end], end
            words = core(run)
            if not 2 <= len(words) <= 4 or any(w.lower in _FUNCTION for w in words):
                continue  # "If Google", "Because Apple": a clause's first word
            s, e = run[0].start, run[-1].end
            if any(x < e and s < y and label != "PERSON" for x, y, label in para.labels):
                continue
            out.add(words[-1].lower)
    return out
