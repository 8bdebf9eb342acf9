"""Quotations inside quotations: '"She would say, 'Thank the family who said yes.'
That was who she was," Ms. Marchetti said.'

The outer quotation is its speaker's; the inner one is the words of someone the outer
speaker quotes, never the outer speaker's.  The inner speaker is read from the words
right before the inner quotation, inside the outer one: a person named there, "my
mother" (someone of the speaker's, named nowhere: an unnamed source), or "she"/"he" --
a person of that sex the document has been talking about other than the outer speaker,
when only one may be meant.  "I said, '...'" (the outer speaker again), a title or a
term in marks ('the so-called "reform"') and anything unclear are left unattributed.

A mixin of :class:`searchapp.ingest.quotes.attribute._Document`.
"""

from __future__ import annotations

import re

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import Para, is_verb
from searchapp.ingest.quotes.quote import Quote
from searchapp.ingest.quotes.salience import Salience
from searchapp.ingest.quotes.speakers import trusted
from searchapp.ingest.quotes.text import words
from searchapp.lexicon import STOPS

#: The inner marks of each outer one: single inside double, double inside single.
_INNER = {'"': r"'‘", "“": r"'‘", "„": r"'‘", "«": r"'‘‹", "'": '"“', "‘": '"“'}
_STOP = re.compile(rf"[{re.escape(STOPS)};]\s")
_CLOSING = {"'": "'’", "‘": "’'", '"': '"”', "“": "”\"", "‹": "›"}


def inner_spans(text: str, a: int, b: int, outer: str) -> list[tuple[int, int]]:
    """Quotations in the other family's marks inside ``text[a:b]`` (an outer quotation's
    words): opened after a space, a colon or a comma, closed before a space, a stop or
    the outer mark; at least three words (a term in marks is no one's words)."""
    opens = _INNER.get(outer, "")
    out: list[tuple[int, int]] = []
    n = a
    while n < b:
        ch = text[n]
        if ch in opens and (n == a or text[n - 1] in " ,:—–(") and n + 1 < b \
                and text[n + 1].isalnum():
            closers = _CLOSING.get(ch, ch)
            m = n + 1
            while m < b:
                if text[m] in closers and not (text[m - 1].isalnum() and m + 1 < b
                                               and text[m + 1].isalnum()):
                    break  # not the apostrophe of "doesn't"
                m += 1
            if m < b and len(text[n + 1:m].split()) >= 3:
                out.append((n, m + 1))
                n = m + 1
                continue
        n += 1
    return out


class Nested:
    """Inner quotations of the attributed ones (mixed into ``_Document``)."""

    paras: list[Para]
    out: list[list[Quote]]
    salience: Salience

    def _nested(self) -> None:
        for i, para in enumerate(self.paras):
            for q in list(self.out[i]):
                if q.kind != "direct" or q.speaker is None:
                    continue
                outer = para.text[q.start:q.start + 1]
                if outer not in _INNER:
                    continue
                for s, e in inner_spans(para.text, q.start + 1, q.end - 1, outer):
                    got = self._inner_speaker(i, para, q, s)
                    if got is not None:
                        self.out[i].append(Quote(s, e, got[0], got[1], "direct"))

    def _inner_speaker(self, i: int, para: Para, outer: Quote, s: int
                       ) -> tuple[str | None, str] | None:
        """Who speaks the inner quotation at ``s``: the subject of the verb of speech
        right before it, inside the outer quotation."""
        start = max((m.end() for m in _STOP.finditer(para.text, outer.start + 1, s)),
                    default=outer.start + 1)
        ws = [w for w in words(para.text, start, s, []) if w.text not in ",:"]
        verb = next((n for n in range(len(ws) - 1, max(-1, len(ws) - 5), -1)
                     if is_verb(ws[n], lx.SAY)), None)
        if verb is None or verb == 0:
            return None
        subject = [w for w in ws[:verb] if w.lower not in ("would", "will", "used", "to",
                                                            "once", "always", "then", "just")]
        if not subject or any(w.text == "Q" for w in subject):
            return None
        if len(subject) > 2 and subject[0].lower in ("he", "she") and subject[-1].lower == "and" \
                and all(w.text.islower() for w in subject[1:]):
            subject = subject[:1]  # "He laughed and said, '...'", "She came running ... and said"
        head = subject[-2:] if len(subject) >= 2 and subject[-2].lower in _OWN \
            else subject[-1:]
        low = [w.lower for w in head]
        if low[0] in ("i", "we"):
            return None  # the outer speaker quoting themselves: theirs, already
        if low[0] in _OWN and len(low) == 2 and (
                low[1] in lx.KIN_SEX or lx.role_noun(low[1])):
            return None, para.text[head[0].start:head[-1].end]  # "My mother says, '...'"
        named = [p for p in para.persons if subject[0].start <= p.start and p.end <= s
                 and p.name != outer.speaker]
        if named and named[-1].end >= head[-1].end - 1:
            p = named[-1]
            return (p.name, para.text[p.start:p.end]) if trusted(p.name) else None
        if len(head) == 1 and low[0] in ("he", "she"):
            someone = _someone_before(para, subject[0].start, lx.PERSON_PRONOUNS[low[0]],
                                      outer.speaker)
            if someone is not None:
                return someone
            name = self._story_person(i, lx.PERSON_PRONOUNS[low[0]], outer.speaker)
            if name is not None:
                return name, head[0].text
        return None

    def _story_person(self, i: int, sex: str, speaker: str | None) -> str | None:
        """The person of that sex the document is about so far (subject or speaker of
        at least twice as many sentences as anyone else of that sex), not ``speaker``:
        whom "she" in someone's quotation of her means ('She would say, ...')."""
        counts: dict[str, int] = {}
        for p, name in self.salience.events:
            if p <= i and name != speaker and self.salience.sex_of(name) == sex:
                counts[name] = counts.get(name, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0] if trusted(ranked[0][0]) else None



#: Words that open a noun phrase of someone not named ("a young engineer", "the cleaner").
_ARTICLES = frozenset({"a", "an", "the", "one", "another"})
#: The outer speaker's own ("my brother", "our foreman"): someone of theirs, not named.
_OWN = frozenset({"my", "our"})
#: What opens a mention of someone not named: an article, or the speaker's own word.
_SOMEONE = _ARTICLES | _OWN
#: Marks that close a quotation: a pronoun after one is its attribution ('," he said').
_CLOSERS = frozenset('"”’\'')


def _someone_before(para: Para, at: int, sex: str, speaker: str | None
                    ) -> tuple[str | None, str] | None:
    """"They sent us a young engineer. He said, '...'", "We found out from the cleaner.
    She said, '...'": the he/she at ``at`` inside an outer quotation stands for the last
    person the paragraph mentions before it -- a noun of a role or of kin after an article
    or the speaker's "my"/"our" ("My father drove this road. He told me, '...'"; someone
    not named: an unnamed source), or a person named after it (that person) --
    when that mention is nearer than any named person but the outer speaker.  None when
    nothing decides (then the document's story decides, as before)."""
    ws = words(para.text, 0, at, [])
    last_named = max((p.end for p in para.persons if p.end <= at and p.name != speaker),
                     default=-1)
    for n in range(len(ws) - 1, 0, -1):
        w = ws[n]
        if w.start < last_named:
            return None  # a person named nearer: the rules of the story decide
        if not w.text.islower() or not (w.lower in lx.ROLE_NOUNS or w.lower in lx.KIN_SEX or (
                lx.role_noun(w.lower) and not w.lower.endswith(("ent", "ant")))):
            continue  # (by its ending alone, "-ent" is as often a thing: "the basement")
        if lx.KIN_SEX.get(w.lower, sex) != sex:
            return None  # "his father. She said": not that one
        k = n - 1
        while k >= 0 and k > n - 4 and ws[k].lower not in _SOMEONE and (
                ws[k].text.islower() or "-" in ws[k].text):
            k -= 1  # "a young engineer", "a Miami-based agent"
        if k < 0 or ws[k].lower not in _SOMEONE:
            return None  # "his engineer", "Lund's lawyer": someone's, perhaps named
        pronoun = "he" if sex == "m" else "she"
        opening = next((m + 1 for m in range(k - 1, -1, -1)
                        if ws[m].text in STOPS or ws[m].text in "“\"‘'"), 0)
        if any(x.lower == pronoun and ws[m - 1].text not in _CLOSERS
               for m, x in enumerate(ws[n + 1:], n + 1)) or opening < len(ws) \
                and ws[opening].lower == pronoun:
            return None  # "He turned away a banker. He said": the subject goes on
        if n + 1 < len(ws) and ws[n + 1].text == "," and n + 2 < len(ws) \
                and ws[n + 2].text[:1].isupper():
            return None  # "A nurse, Lesia, ...": named after it
        return None, para.text[ws[k].start:w.end]
    return None
