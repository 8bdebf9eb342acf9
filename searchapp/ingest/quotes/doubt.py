"""Where the text does not decide whom "he"/"she" stands for: the attribution abstains.

A wrong speaker costs a researcher's trust; an unattributed quotation only recall.  So a
pronoun whose antecedent grammar does not fix is nobody's when another person it may
mean is in the running:

* **someone of that sex spoken to or about** in the sentence the antecedent was read
  from: an object pronoun ("Lund asked her whether ...", "... told him") or the subject
  of a question put ("X asked what she tells her students") -- a host and a guest, a
  chair and a witness, counsel and a judge: either may speak next;
* **a name the persons stage did not resolve** in the pronoun's sentence before it or
  in the sentence before (two or more name words, or one joining two capitalised parts,
  that no person of the document holds, the recognizer typed as no place or date, as a
  subject or in apposition): "Outside court, one of the victims, Marisa Okonjo-Bell, 74,
  said ... "...," she said" may be hers, not the last woman quoted.

Measured (``benchmarks/RESULTS.md``, round nine): counting a person newly named whose sex
nothing says as a rival too ("The committee then heard from X. She said ...") and
counting every person of unknown sex as one each cost right attributions on sets they
were not written on, so neither is a rule.

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import Para, is_verb, verb_form
from searchapp.ingest.quotes.name_runs import core, run_after
from searchapp.ingest.quotes.salience import Salience
from searchapp.ingest.quotes.speakers import Who
from searchapp.ingest.quotes.text import Word

#: Recognizer labels a name left out of the persons is never: places, dates, numbers.
_NOT_NAME_LABELS = frozenset("GPE LOC DATE TIME MONEY PERCENT QUANTITY CARDINAL ORDINAL "
                             "EVENT LAW LANGUAGE".split())
#: Verbs that put a question to someone: "X asked what she ...", "pressed him on why".
_ASK = frozenset("ask asks asked asking press presses pressed pressing".split())
#: Words after "her" that make it an object, not an owner ("asked her whether ...").
_AFTER_OBJECT = lx.PREPOSITIONS | lx.SUBORDINATORS | frozenset(
    "what how why whether if to again too , . ; : ? ! Q".split())

#: Words after a name that keep it a subject ("X of Tasmere Securities disagreed").
_AFTER_NAME = frozenset("of at from is was has had".split())
#: Words that open a clause, capitalised at a sentence's start: no name's.
_FUNCTION = lx.SUBORDINATORS | lx.OPENERS | lx.PREPOSITIONS | lx.NOT_IN_NOUN_PHRASE \
    | lx.DETERMINERS | frozenset("is are was were if why how what where".split())
_OPENING = frozenset('"“‘\'(—–-')


def object_pronouns(ws: Sequence[Word], sex: str) -> bool:
    """``ws`` (a sentence) speaks or puts a question to someone of ``sex`` by a
    pronoun: "asked her whether", "told him", "pressed her on", or he/she in a question
    its subject put ("Lund asked what she tells ...")."""
    for n, w in enumerate(ws):
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


def unresolved_names(para: Para, a: int, b: int) -> bool:
    """``text[a:b]`` names (outside quotations) someone the persons stage did not
    resolve: a run of two or more name words, or one joining two capitalised parts, that
    no person found there holds and the recognizer typed as no place or date."""
    ws = para.words(a, b)
    n = 0
    while n < len(ws):
        end = run_after(ws, n)
        if end == n:
            n += 1
            continue
        run = ws[n:end]
        n = end
        words = core(run)
        if not words:
            continue
        if len(words) < 2 and not (words[0].text.count("-") == 1 and all(
                part[:1].isupper() and len(part) > 1 for part in words[0].text.split("-"))):
            continue
        s, e = run[0].start, run[-1].end
        if any(p.start < e and s < p.end for p in para.persons):
            continue
        if any(x < e and s < y and label in _NOT_NAME_LABELS for x, y, label in para.labels):
            continue
        k = end - len(run)
        opens = k == 0 or ws[k - 1].text in (",", "Q") or ws[k - 1].text in _OPENING
        nxt = ws[end] if end < len(ws) else None
        if opens and nxt is not None and (nxt.text == "," or verb_form(nxt)
                                          or nxt.lower in _AFTER_NAME):
            return True  # a subject or an apposition: "X of Y disagreed", ", X, 74,"
    return False


class Doubt:
    """Tests that leave a pronoun to nobody (mixed into ``_Document``)."""

    paras: list[Para]
    salience: Salience

    def _spoken_to(self, i: int, n: int, sex: str) -> bool:
        """Sentence ``n`` of paragraph ``i`` (an antecedent's) puts a question or speaks
        to someone of ``sex`` by a pronoun: the next "she"/"he" may be either."""
        para = self.paras[i]
        return object_pronouns(para.words(*para.sentences[n]), sex)

    def _unresolved_before(self, i: int, who: Who) -> bool:
        """Someone the persons stage did not resolve is named in the pronoun's sentence
        before it or in the sentence before (in the paragraph before, when the pronoun's
        sentence opens its paragraph)."""
        if who.start < 0:
            return False
        para = self.paras[i]
        around = para.sentence_before(who.start)
        if around is None:
            return False
        since, here = around
        if unresolved_names(para, since, who.start):
            return True
        if here == 0 and i > 0 and not para.heading and self.paras[i - 1].sentences:
            prev = self.paras[i - 1]
            return unresolved_names(prev, prev.sentences[-1][0], prev.sentences[-1][1])
        return False


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
