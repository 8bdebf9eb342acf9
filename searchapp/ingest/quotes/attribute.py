"""Quotations and reported speech in a document, each with its speaker.

Rules over the words around each quotation (no parser: the persons stage runs only
the recognizer, and a dependency parse would double its time, see
benchmarks/RESULTS.md "Quotes"), in the order a reader uses them:

1. **after the quotation**, in its sentence: '"...," Volker said', '"...," said
   Aseem Prakash, founding director ...', '"...," Morrison, Vindman's superior, said';
2. **before it**: 'Morrison told the committee, "..."', 'He added: "..."';
3. **around a few quoted words**: 'Noem called it a "bold effort"', 'Richardson said
   that Rudolph "can't antagonize a fight"' -- the subject of the speech verb;
4. **the same speaker goes on**: a second quotation opening a sentence after an
   attributed one in the paragraph, a quotation continued into the next paragraph
   (opened there again, not closed before), and a paragraph that is only a
   quotation right after one whose last sentence is an attributed quotation;
5. **reported speech** without marks: "Volker said he had no knowledge ...",
   "..., Cook said.", "..., Mayer said, and ...", "according to X, ...";
6. **embedded posts** ("— Name (@handle) Month D, YYYY" after the post's text) and
   **transcripts** ("ROSIE CURTS: ..." turns).

Speakers are read by :mod:`searchapp.ingest.quotes.speakers`: a person found in
the document, a pronoun or a role standing for one, or an unnamed source.  Text
inside quotation marks is never read for a speaker, so a person only mentioned in
someone's quotation is never its speaker.  Korean and Chinese: :mod:`.cjk`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.marks import Span, quote_spans
from searchapp.ingest.quotes.quote import Quote
from searchapp.ingest.quotes.speakers import (
    UNKNOWN,
    Person,
    Salience,
    Who,
    classify,
    learn_roles,
)
from searchapp.ingest.quotes.text import Word, sentences, words

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Verbs that may come before the speaker at a sentence's end ("..., said Darren Tipton").
_SAID_BY = frozenset("said says say added adds explained noted wrote writes argued insisted "
                     "warned claimed stated recalled continued".split())
#: Verbs of a clause that ends a sentence after what was said ("..., the office announced").
_TRAILING = frozenset("announced confirmed reported explained noted added recalled wrote stated "
                      "argued insisted warned claimed predicted estimated".split())
#: Verbs whose clause may hold a few quoted words: reporting and characterizing verbs,
#: not those that only stand beside a whole quotation ("responded", "laughed").
_EMBEDDING = lx.REPORT | lx.REPORT_THAT | lx.CHARACTERIZE | frozenset(
    "begged urged warned insisted vowed pledged promised quipped joked".split())
#: Words ending like a verb that are none ("'...,' Okonkwo always ...").
_NOT_VERBS = frozenset("""
has was does goes always perhaps sometimes afterwards besides whereas towards its his hers
ours yours theirs this thus yes less unless needs news series species bias
""".split())
#: Nouns of texts that hold the words after a colon ("the sign read:", "the caption:").
_TEXT_NOUNS = frozenset("""
sign signs caption captions message messages text texts motto slogan headline headlines
title banner placard label line lines lyrics words phrase quote email emails tweet tweets
""".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today "
                        "yesterday last this earlier late".split())
_PARTICIPLES = frozenset(w for w in lx.ALL_VERBS if w.endswith("ing"))
_POINT = frozenset({"points", "pointed", "point", "pointing"})
#: Verbs after which "to" + a verb is advice given ("Holloway says to opt for ...").
_SAY_TO = frozenset({"say", "says", "said", "advises", "advised", "suggests", "suggested",
                     "recommends", "recommended"})
#: Words after "said to" that make no advice: "said to be", "said to have", "said to the
#: committee", "said to him".
_NO_ADVICE = frozenset({"be", "have", "been", "having", "the", "a", "an", "this", "that",
                        "these", "those", "his", "her", "their", "its", "my", "our", "your",
                        "him", "them", "us", "me", "reporters", "journalists"})
_EMBED = re.compile(r"^[—–-]\s*(?P<who>[^()@]{2,80}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2},"
                    r" \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$")
_TURN = re.compile(r"^(?P<who>[A-Z][A-Z.'’\- ]{1,60}?(?:,[A-Z ,.'’\-]{1,40})?(?: #\d+)?):\s+\S")
_LINK = re.compile(r"\s*pic\.twitter\.com/\S+\s*$")


@dataclass
class _Para:
    text: str
    spans: list[Span]
    persons: list[Person]
    labels: list[tuple[int, int, str]]
    sentences: list[tuple[int, int]]
    heading: bool

    @property
    def quotes(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.spans]

    def words(self, a: int, b: int) -> list[Word]:
        return words(self.text, a, b, self.quotes)

    def persons_outside(self) -> list[Person]:
        return [p for p in self.persons if not any(a <= p.start < b for a, b in self.quotes)]


class _Document:
    def __init__(self, texts: Sequence[str], kinds: Sequence[str],
                 persons: Sequence[Sequence[Person]], labels: Sequence[Sequence]) -> None:
        spans = quote_spans(list(texts))
        self.paras = []
        for text, kind, sp, ps, lb in zip(texts, kinds, spans, persons, labels, strict=True):
            quotes = [(s.start, s.end) for s in sp]
            self.paras.append(_Para(text, sp, sorted(ps, key=lambda p: p.start),
                                    list(lb), sentences(text, quotes),
                                    kind not in ("body", "quote", "list", "")))
        self.salience = Salience()
        self.out: list[list[Quote]] = [[] for _ in texts]
        self.chain_speaker: dict[int, tuple[str | None, str]] = {}
        #: a last name -> the persons of the document it ends ("Claure")
        self.family: dict[str, list[Person]] = {}
        for para in self.paras:
            for p in para.persons:
                for name in (para.text[p.start:p.end], p.name):
                    parts = [w for w in name.split() if w.rstrip(".").lower() not in _SUFFIXES]
                    if len(parts) > 1 and parts[-1][:1].isupper():
                        self.family.setdefault(parts[-1], []).append(p)

    # -- pass 1: roles and sexes ------------------------------------------------------

    def learn(self) -> None:
        prev_subject: str | None = None
        gap = 0  # sentences since prev_subject was a sentence's subject
        for para in self.paras:
            persons = para.persons_outside()
            for a, b in para.sentences:
                ws = para.words(a, b)
                learn_roles(para.text, ws, persons, self.salience)
                first = next((w for w in ws if w.text not in ('"', "“", "‘", "'")), None)
                if first is not None and first.lower in ("he", "she") and prev_subject:
                    self.salience.vote_sex(prev_subject, lx.PERSON_PRONOUNS[first.lower])
                subject = self._subject_person(para, ws)
                gap += 1
                if subject is not None:
                    prev_subject, gap = subject.name, 0
                    for w in ws:  # "Heyward said that he ..."
                        if w.start > subject.end and w.lower in ("he", "she"):
                            self.salience.vote_sex(subject.name, lx.PERSON_PRONOUNS[w.lower])
                            break
                elif gap > 1:
                    prev_subject = None
            if para.heading:
                prev_subject = None

    def _subject_person(self, para: _Para, ws: Sequence[Word]) -> Person | None:
        """The person a sentence opens with (its subject, as news writes it): the first
        person or pronoun of its first clause after any adverbial ("During the call, he
        ..." is "he", not a person named later)."""
        first = self._opening(para, ws)
        return first if isinstance(first, Person) else None

    def _opening(self, para: _Para, ws: Sequence[Word]) -> Person | Word | None:
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
                                or w.lower in lx.OPENERS) and n + 1 < len(ws) \
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
                if not rest.startswith(("'s", "’s", "' ", "’ ")):
                    return p
                continue  # "Delhi's Chief Minister Arvind Kejriwal ..."
            if w.lower in lx.PREPOSITIONS:
                return None
            seen += 1
            if seen > 8:
                return None
        return None

    # -- resolution ----------------------------------------------------------------------

    def _classify(self, para: _Para, ws: Sequence[Word], verb_first: bool = False) -> Who:
        return classify(para.text, ws, para.persons_outside(), para.labels, verb_first,
                        self.family)

    def resolve(self, who: Who, para: int, exclude: set[str],
                local: Sequence[str] = ()) -> tuple[str | None, str] | None:
        """(person or None for unnamed, source text), or None when nobody is named.
        ``local``: persons named earlier in the sentence, for a pronoun."""
        if who.kind == "person":
            return who.name, who.text
        if who.kind == "pronoun":
            name = self.salience.pronoun(para, who.sex, exclude, local)
            if name and not self.salience.sex_of(name):
                self.salience.vote_sex(name, who.sex)  # "he said" after them: a man
            return (name, who.text) if name else None
        if who.kind == "role":
            name = self.salience.role(who, para)
            if name and name not in exclude:
                return name, who.text
            if who.role in lx.SOURCE_NOUNS or who.role in self.salience.unnamed_roles:
                return None, who.text
            return None if lx.role_noun(who.role) else (None, who.text)
        if who.kind == "unnamed":
            if who.indefinite and who.role:
                self.salience.unnamed_roles.add(who.role)
            return None, who.text
        return None

    # -- pass 2 ------------------------------------------------------------------------

    def run(self) -> list[list[Quote]]:
        self.learn()
        turns = self._transcript()
        prev_last: tuple[str | None, str] | None = None
        for i, para in enumerate(self.paras):
            if i in turns:
                self._emit(i, *turns[i], para.text.index(":") + 1, len(para.text), "direct")
                prev_last = None
                continue
            prev_last = self._paragraph(i, para, prev_last)
        self._embeds()
        return self.out

    def _emit(self, i: int, speaker: str | None, source: str, a: int, b: int, kind: str) -> None:
        text = self.paras[i].text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1] in " ,;:—–":
            b -= 1
        if b - a < 2:
            return
        self.out[i].append(Quote(a, b, speaker, source, kind))
        if speaker:
            self.salience.note(i, speaker)
            self.salience.quoted.append((i, speaker))

    def _paragraph(self, i: int, para: _Para, prev_last) -> tuple[str | None, str] | None:
        attributed: dict[int, tuple[str | None, str]] = {}  # span index -> speaker
        last_direct: tuple[str | None, str] | None = None
        last_in_final_sentence = None
        for si, (a, b) in enumerate(para.sentences):
            ws = para.words(a, b)
            subject = self._sentence_subject(i, para, ws)
            if subject is not None and subject[0]:
                self.salience.note(i, subject[0])
            in_sentence = [k for k, s in enumerate(para.spans) if a <= s.start < b]
            proper: list[int] = []  # quotes attributed before/after: not inside a clause
            for k in in_sentence:
                span = para.spans[k]
                found, how = self._direct(i, para, span, a, b, subject)
                if found is None and span.open_before and span.chain in self.chain_speaker:
                    found, how = self.chain_speaker[span.chain], "chain"
                if found is None and last_direct is not None and (
                        span.start == a or _participle_before(para.words(a, span.start))):
                    found, how = last_direct, "same"  # '"...," X said, adding: "..."'
                if found is None and k == 0 and si == 0 and span.start == a \
                        and prev_last is not None and not self._has_verb(ws) \
                        and _speech_like(para.text, span) \
                        and span.end - span.start >= 0.6 * (b - a):
                    found, how = prev_last, "previous"
                if found is None:
                    continue
                attributed[k] = found
                if found[0]:
                    self.salience.note(i, found[0])  # for "He added that ..." after it
                self.chain_speaker.setdefault(span.chain, found)
                if how != "inside":
                    proper.append(k)
                    last_direct = found
                if si == len(para.sentences) - 1:
                    last_in_final_sentence = found
            reported = self._reported(i, para, a, b, ws, subject,
                                      [para.spans[k] for k in proper])
            final = si == len(para.sentences) - 1
            if reported is not None:
                last_direct = reported  # '..., Madry added. "I don't think ..."'
                if final and reported[0]:  # the next paragraph's quotation goes on
                    last_in_final_sentence = reported
            elif proper and attributed[proper[-1]][0]:
                self._participle_after(i, para, para.spans[proper[-1]].end, b,
                                       attributed[proper[-1]])
            if final and not in_sentence and para.text[a:b].rstrip().endswith(":"):
                # 'She put it this way:' -- the quotation is the next paragraph
                last_in_final_sentence = self._announced(i, para, ws, subject) \
                    or last_in_final_sentence

        for k, (speaker, source) in attributed.items():
            s = para.spans[k]
            self._emit(i, speaker, source, s.start, s.end, "direct")
        if para.spans and para.spans[-1].open_after and len(para.spans) - 1 in attributed:
            self.chain_speaker.setdefault(para.spans[-1].chain, attributed[len(para.spans) - 1])
        return last_in_final_sentence

    def _participle_after(self, i: int, para: _Para, a: int, b: int,
                          speaker: tuple[str | None, str]) -> None:
        """'"...," Vanco shares, noting that portrait painters are ...': the clause after
        a participle of speech that follows a quotation's attribution is the same
        speaker's reported speech."""
        ws = para.words(a, b)
        for k, w in enumerate(ws):
            if w.text == "Q":
                return
            if not (w.lower in _PARTICIPLES and _is(w, lx.REPORT | lx.REPORT_THAT)) \
                    or k == 0 or ws[k - 1].text != ",":
                continue
            n = k + 1
            if n < len(ws) and ws[n].lower == "that":
                n += 1
            elif w.lower in lx.REPORT_THAT:
                return
            clause = [x for x in ws[n:] if x.text not in (".", "!", "?")]
            if len(clause) >= 3 and _opens_clause(clause[0]):
                self._emit(i, *speaker, clause[0].start, clause[-1].end, "reported")
            return

    def _announced(self, i: int, para: _Para, ws: Sequence[Word], subject
                   ) -> tuple[str | None, str] | None:
        """The speaker of a sentence that announces a quotation with a colon ("Okonkwo
        explained:", "He put it this way:"): the subject of its verb of speech, else its
        subject when no text is named ("the statement reads:", "the sign said:")."""
        for k in range(len(ws) - 1, -1, -1):
            if _is(ws[k], lx.SAY) and _not_passive(ws, k):
                return self._subject_of(i, para, ws, k, subject, set())
        if subject is None or not subject[0] or any(
                w.lower in lx.BODY_NOUNS or w.lower in _TEXT_NOUNS for w in ws):
            return None
        return subject

    def _has_verb(self, ws: Sequence[Word]) -> bool:
        return any(_is(w, lx.SAY) for w in ws)

    # -- subjects -------------------------------------------------------------------------

    def _sentence_subject(self, i: int, para: _Para, ws: Sequence[Word]
                          ) -> tuple[str | None, str] | None:
        first = self._opening(para, ws)
        if isinstance(first, Person):
            return first.name, para.text[first.start:first.end]
        if isinstance(first, Word):
            name = self.salience.pronoun(i, lx.PERSON_PRONOUNS[first.lower], set())
            if name:
                return name, first.text
        return None

    def _subject_of(self, i: int, para: _Para, ws: Sequence[Word], k: int,
                    subject, exclude: set[str]) -> tuple[str | None, str] | None:
        """The speaker of the verb ``ws[k]``: the words before it back to a clause's
        start, or the sentence's subject after "and", a participle or an infinitive."""
        j = k - 1
        while j >= 0 and ws[j].lower in lx.LIGHT:
            j -= 1
        if j < 0:
            return None
        if ws[j].lower == "to" and j > 0:  # "leading Mr. Emanuel to quip": who quips
            before_to = next((p for p in para.persons_outside()
                              if ws[j - 1].start <= p.end <= ws[j].start), None)
            if before_to is not None:
                return before_to.name, para.text[before_to.start:before_to.end]
        own = ws[k].lower in _PARTICIPLES and ws[j].text not in (",", "Q") \
            and ws[j].lower not in ("and", "but", "or", "to", "then")  # "with forecasters warning"
        if not own and (ws[k].lower in _PARTICIPLES
                        or ws[j].lower in ("and", "but", "or", "to", "then")):
            # "..., saying ...", "and added, ...", "to describe ...": the sentence's subject,
            # unless a subordinate clause stands between ("where a recipe ... and tells")
            chunk = next((n for n in range(k - 1, -1, -1) if ws[n].text == ","), 0)
            if any(w.lower in lx.SUBORDINATORS for w in ws[max(chunk, 1):k]):
                return None
            return subject
        if own:  # "with forecasters warning that": the words right before the participle
            start = j
            while start >= 0 and ws[start].text not in ("Q", ";", ":", ",") \
                    and ws[start].lower not in lx.PREPOSITIONS and j - start < 8:
                start -= 1
            who = self._classify(para, ws[start + 1:j + 1])
            return None if who.kind == "unknown" else self.resolve(who, i, exclude)
        if ws[j].lower in ("he", "she") and j > 0 and ws[j - 1].text not in ("Q", ","):
            # "In a post at the time she described ...": a subject pronoun right before
            # the verb is its subject, whatever phrase comes first
            who = self._classify(para, ws[j:j + 1])
            return self.resolve(who, i, exclude, self._local(para, ws[0].start, ws[k].start))
        start = j
        while start >= 0 and ws[start].text not in ("Q", ";", ":"):
            if ws[start].lower in lx.SUBORDINATORS and not any(
                    w.text == "," for w in ws[start + 1:j + 1]):
                break  # "where Tipton said": the clause opens here
            if ws[start].lower in ("and", "but", "yet", "so", "or") and start > 0 \
                    and ws[start - 1].text == "," and not any(
                        w.text == "," for w in ws[start + 1:j + 1]):
                break  # "..., yet Nissan says it will ...": a clause of its own
            if k - start > 30:
                # no clause start in sight: the subject after the last comma, if that
                # follows an adverbial ("When rummaging ... (or ...), Cameron Forbes says")
                comma = max((n for n in range(start, j + 1) if ws[n].text == ","), default=-1)
                if comma < 0 or j - comma > 12:
                    return None
                start = comma
                break
            start -= 1
        region = ws[start + 1:j + 1]
        if region and region[0].lower == "as" and len(region) > 1:
            region = region[1:]
        comma = max((n for n, w in enumerate(region) if w.text == ","), default=-1)
        if comma >= 0 and len(region) - comma - 1 == 1 and region[-1].lower in lx.PERSON_PRONOUNS:
            region = region[comma + 1:]  # "It's also possible, he said, that ..."
        if 0 < start < len(ws) and region and not _is(ws[start - 1], lx.ALL_VERBS) and (
                ws[start].lower == "who" or ws[start].lower == "that" and region[0].text.islower()
                and region[0].lower not in _DETERMINERS):
            # "analysts who have done the sums say ...", "the man who knew X said": the
            # noun the relative clause is of
            end = start
            while start > 0 and end - start < 8 and ws[start - 1].text not in _BOUNDS \
                    and ws[start - 1].lower not in lx.SUBORDINATORS | {"and", "but", "or"}:
                start -= 1
            region = ws[start:end]
        who = self._classify(para, region)
        if who is UNKNOWN or who.kind == "unknown":
            return None
        if who.role in lx.GROUP_PRONOUNS and ws[k].lower not in _SAID_BY | {"told", "tells"}:
            return None  # "it suggests that ...": no speaker
        return self.resolve(who, i, exclude, self._local(para, ws[0].start, ws[k].start))

    # -- direct quotations ----------------------------------------------------------------

    def _direct(self, i: int, para: _Para, span: Span, a: int, b: int, subject
                ) -> tuple[tuple[str | None, str] | None, str]:
        text = para.text
        before = para.words(a, span.start)
        # 0. 'and said, "...", the office said': the verb right before the mark wins
        if len(before) >= 2 and before[-1].text in (",", ":") and _is(before[-2], lx.SAY) \
                and _not_passive(before, len(before) - 2):
            got = self._subject_of(i, para, before, len(before) - 2, subject, set())
            if got is not None:
                return got, "before"
        after = para.words(span.end, b)
        cut = next((n for n, w in enumerate(after) if w.text == "Q"), len(after))
        after = after[:cut]
        tail = after[1:] if after and after[0].text == "," else after
        # 1. '..., said NAME' / '..., NAME said' / '..., explains NAME' (any verb before a name)
        if tail and (_is(tail[0], lx.SAY) and _not_passive(tail, 0)
                     or self._verb_before_name(para, tail)):
            region = []
            for w in tail[1:]:
                if w.text in (",", ".", ";", ":", "!", "?") or w.lower in ("who", "which",
                                                                        "that", "when"):
                    break
                region.append(w)
            who = self._classify(para, region, verb_first=True)
            got = self.resolve(who, i, set())
            if got is not None:
                return got, "after"
        last = text[span.inner[0]:span.inner[1]].rstrip().rstrip("’'”\"")[-1:]
        if tail and (after[0].text == "," or last in (",", "?", "!", "—", "–", "-", "…")
                     or self._name_said(para, tail)):
            relative = False  # '"...," Lind, who wrote a book on it, told ...'
            for n, w in enumerate(tail[:32]):
                if w.text in (".", ";", ":", "!", "?"):
                    break
                if w.text == ",":
                    relative = n + 1 < len(tail) and tail[n + 1].lower in ("who", "whose")
                if relative:
                    continue
                if (_is(w, lx.SAY) or self._said_after_subject(para, tail, n)
                        or _points_out(tail, n) or self._verb_after_name(para, tail, n)) \
                        and n > 0 and _not_passive(tail, n):
                    if tail[0].lower in ("and", "but", "or", "while", "as", "which", "who"):
                        break  # a clause of its own, not an attribution
                    region = tail[:n]
                    comma = max((m for m, x in enumerate(region) if x.text == ","), default=-1)
                    if 0 <= comma == len(region) - 2:  # '"..." mutually shared ..., he warned'
                        region = region[comma + 1:]
                    who = self._classify(para, region)
                    got = self.resolve(who, i, self._objects(para, tail[n + 1:]),
                                       self._local(para, a, span.start))
                    if got is not None:
                        return got, "after"
                    break
        # 2. 'NAME told the committee, "...' / 'He added: "...'
        if before and (before[-1].text in (",", ":") or _is(before[-1], lx.SAY)):
            for k in range(len(before) - 1, max(-1, len(before) - 10), -1):
                w = before[k]
                if w.text == "Q":
                    break
                put_it = w.lower == "put" and k + 1 < len(before) and before[k + 1].lower == "it"
                if (_is(w, lx.SAY) or put_it) and _not_passive(before, k):
                    # 'She told the committee, "...', 'As Lind put it, "...'
                    exclude = self._objects(para, before[k + 1:])
                    got = self._subject_of(i, para, before, k, subject, exclude)
                    if got is not None:
                        return got, "before"
                    break
            else:
                got = self._introduced(para, before, span, subject)
                if got is not None:
                    return got, "before"
        # 3. a few quoted words inside a clause with a speech verb
        for k in range(len(before) - 1, -1, -1):
            w = before[k]
            if k + 1 < len(before) and before[k + 1].lower == "to" and not (
                    w.lower in _SAY_TO and k + 2 == len(before)):
                continue  # "agreed to return ...": no speech ('says to "open ..."' is)
            if _is(w, _EMBEDDING) and _not_passive(before, k):
                exclude = self._objects(para, before[k + 1:])
                got = self._subject_of(i, para, before, k, subject, exclude)
                if got is not None:
                    return got, "inside"
                break
        return None, ""

    def _verb_after_name(self, para: _Para, ws: Sequence[Word], n: int) -> bool:
        """'"...," Okonkwo clarifies.' / '"...," she laughs, ...': after a quotation, a
        person's name or he/she and one verb that closes the clause is its attribution,
        whatever the verb (features use many: reveals, weighs in, laughs)."""
        if not 1 <= n <= 5 or not _verb_form(ws[n]):
            return False
        subject = list(ws[:n])
        while len(subject) > 1 and subject[-1].lower in lx.LIGHT:
            subject.pop()
        if len(subject) == 1 and subject[0].lower in ("he", "she"):
            pass
        elif not any(p.start == subject[0].start and p.end == subject[-1].end
                     for p in para.persons_outside()):
            return False
        return _closes_clause(ws, n + 1)

    def _name_said(self, para: _Para, ws: Sequence[Word]) -> bool:
        """'"... continue to see" Mayer said.': a person's name and a verb of speech that
        closes the clause attribute a quotation even without its comma."""
        person = next((p for p in para.persons_outside() if p.start == ws[0].start), None)
        if person is None:
            return False
        n = next((m for m, w in enumerate(ws) if w.start >= person.end), len(ws))
        return n < len(ws) and _is(ws[n], lx.SAY) and _closes_clause(ws, n + 1)

    def _verb_before_name(self, para: _Para, ws: Sequence[Word]) -> bool:
        """'"...," explains Okonkwo.': a verb, then a person's name closing the clause."""
        if len(ws) < 2 or not _verb_form(ws[0]):
            return False
        person = next((p for p in para.persons_outside() if p.start == ws[1].start), None)
        if person is None:
            return False
        k = next((m for m, w in enumerate(ws) if w.start >= person.end), len(ws))
        return _closes_clause(ws, k) or ws[k].text == ","

    def _introduced(self, para: _Para, before: Sequence[Word], span: Span, subject
                    ) -> tuple[str | None, str] | None:
        """'Okonkwo also weighs in on what to avoid: "..."': a quotation right after a
        colon closing a clause whose subject is a person is that person's words, unless
        the clause names a text (a statement, a sign, a post) that holds them."""
        if not before or before[-1].text != ":" or subject is None or not subject[0]:
            return None
        if any(w.text == "Q" for w in before) or len(para.text[span.inner[0]:span.inner[1]].split()) < 4:
            return None
        if any(w.lower in lx.BODY_NOUNS or w.lower in _TEXT_NOUNS for w in before[-6:]):
            return None
        return subject

    def _said_after_subject(self, para: _Para, ws: Sequence[Word], n: int) -> bool:
        """``ws[n]`` is a verb that is as often a noun ("shares", "notes") used as a verb
        of speech: right after "he"/"she" or a person's name."""
        if n == 0 or not _is(ws[n], lx.SAY_AFTER_SUBJECT):
            return False
        prev = ws[n - 1]
        return prev.lower in ("he", "she") or any(p.end == prev.end
                                                   for p in para.persons_outside())

    def _local(self, para: _Para, a: int, b: int) -> list[str]:
        """Persons named (outside quotations) in ``text[a:b]``, in order."""
        return [p.name for p in para.persons_outside() if a <= p.start < b]

    def _objects(self, para: _Para, ws: Sequence[Word]) -> set[str]:
        """Persons named after a verb (its listeners: "he told Cook")."""
        if not ws:
            return set()
        a, b = ws[0].start, ws[-1].end
        return {p.name for p in para.persons_outside() if a <= p.start < b}

    # -- reported speech ------------------------------------------------------------------

    def _reported(self, i: int, para: _Para, a: int, b: int, ws: Sequence[Word], subject,
                  proper: list[Span]) -> tuple[str | None, str] | None:
        """Reported speech in the sentence ``text[a:b]`` (emitted); its speaker."""
        if para.heading or len([w for w in ws if w.text not in ("Q", ",", ".")]) < 4:
            return None
        stop = min([s.start for s in proper] + [b])
        # "X said (that) ..." with the speaker opening the clause
        for k, w in enumerate(ws):
            if w.start >= stop:
                break
            low = w.lower
            if not _is(w, lx.REPORT) and not _is(w, lx.REPORT_THAT):
                continue
            if w.lower.startswith("point") and not (k + 1 < len(ws) and ws[k + 1].lower == "out"):
                continue
            advice = _instruction(ws, k) if _not_passive(ws, k) else None
            if advice is not None and not _after_quote(ws, k):
                got = self._subject_of(i, para, ws, k, subject, set())
                end = max((x.end for x in ws[advice:] if x.start < stop
                           and x.text not in (".", "Q")), default=ws[advice].end)
                if got is not None and end > ws[advice].end:
                    self._emit(i, *got, ws[advice].start, end, "reported")
                    return got
                continue
            if not _not_passive(ws, k) or (k + 1 < len(ws) and ws[k + 1].lower == "to"):
                continue
            if k > 0 and ws[k - 1].lower == "to":
                continue  # "declined to say when ...": no speech
            if k > 0 and (ws[k - 1].lower in _DETERMINERS
                          or ws[k - 1].lower.endswith(("'s", "’s", "s'", "s’"))):
                continue  # "the claims that ...", "the ministry's claims that": nouns
            n = k + 1
            if n < len(ws) and ws[n].text == ",":
                continue  # ", Mayer said, and ...": read below as an attribution
            out = low.startswith("point") and n < len(ws) and ws[n].lower == "out"
            if out:  # "pointed out (that) ..."
                n += 1
            if low in lx.REPORT_THAT and not out:
                # "reported on Sunday that", "confirmed on Monday that"
                bare = low not in _PARTICIPLES and _pronoun_clause(ws, n)
                that = None if bare else next(
                    (m for m in range(n, min(n + 5, len(ws))) if ws[m].lower == "that"), None)
                if that is None and bare:
                    that = n - 1  # "noted there's no ...", "admits it's complex"
                if that is None or any(x.text in (",", "Q") for x in ws[n:that]) or (
                        that > n and ws[n].lower not in lx.PREPOSITIONS
                        and ws[n].lower not in _TIME_WORDS):
                    continue  # "explains recent research that ...": a relative clause
                n = that
                if ws[n].lower != "that":
                    n += 1
            exclude = set()
            if low in ("told", "tells", "tell", "telling"):
                obj_end = n
                while obj_end < len(ws) and obj_end - n < 8 and ws[obj_end].lower != "that" \
                        and ws[obj_end].lower not in lx.PERSON_PRONOUNS \
                        and ws[obj_end].lower not in ("the", "a", "an", "it", "they", "there",
                                                       "his", "her", "its", "their", "this"):
                    obj_end += 1
                if obj_end == n + 0 and n < len(ws) and ws[n].lower in ("the", "a", "an"):
                    obj_end = n + 2
                exclude = self._objects(para, ws[n:obj_end])
                n = obj_end
                if n < len(ws) and ws[n].lower == "to":
                    continue  # "tells the baker to mix": an order, not speech
            if n < len(ws) and (ws[n].lower in lx.PREPOSITIONS or ws[n].lower in _TIME_WORDS
                                or ws[n].lower in lx.SUBORDINATORS - {"that"}
                                or ws[n].lower.endswith("ly") and ws[n].text.islower()):
                # "said in a statement that ..." / "said on Tuesday." (no clause: an
                # attribution closing the sentence, read below)
                that = next((m for m in range(n, min(n + 8, len(ws))) if ws[m].lower == "that"),
                            None)
                if that is None or any(x.text in (",", "Q") for x in ws[n:that]):
                    continue
                n = that
            if n < len(ws) and ws[n].lower == "that":
                n += 1
            elif n < len(ws) and not _opens_clause(ws[n]):
                continue  # "testified side-by-side before ...": no clause reported
            clause = [x for x in ws[n:] if x.start < stop and x.text not in (",", ".")]
            if len(clause) < 3 or all(x.text == "Q" for x in clause):
                continue
            if _after_quote(ws, k):
                continue  # '"...," she wrote in her letter.': the quotation's attribution
            got = self._subject_of(i, para, ws, k, subject, exclude)
            if got is None:
                continue
            self._emit(i, *got, ws[n].start, stop, "reported")
            return got
        # "..., Cook said." / "..., said NAME, ..." / "..., Mayer said, and ..."
        chunks = _comma_chunks(ws)
        for c in range(1, len(chunks)):
            chunk = chunks[c]
            if chunk[0].start >= stop:
                break
            got = self._attribution_chunk(i, para, chunk, subject, last=c == len(chunks) - 1)
            if got is None:
                continue
            left = [w for ch in chunks[:c] for w in ch if w.text not in ("Q",)]
            if any(w.text == "Q" for ch in chunks[:c] for w in ch) and len(left) < 4:
                continue  # '"...," announced in October, said X': the quotation's
            right = [w for ch in chunks[c + 1:] for w in ch if w.start < stop]
            verb_first = _is(chunk[0], lx.SAY)
            # "More likely, he said, the car company ...": the words after it
            parenthetical = not verb_first and right and para.text[chunk[-1].end:
                                                                 right[0].start].strip() == ","
            # "..., because, he said, quality is key": the words after it are what was said
            cut = left and left[-1].lower in lx.SUBORDINATORS | {"and", "but", "so"}
            if (c == 1 and _adverbial_chunk(chunks[0])) or cut or \
                    len([w for w in left if w.text.isalnum()]) < 3:
                if parenthetical and len(right) >= 3 and "Q" not in [w.text for w in right] \
                        and right[0].lower not in lx.PREPOSITIONS | lx.SUBORDINATORS - {"that"}:
                    self._emit(i, *got, right[0].start, right[-1].end, "reported")
                    return got
                continue  # "With a tone of certainty, the source said, ..."
            self._emit(i, *got, left[0].start, left[-1].end, "reported")
            if parenthetical and len(right) >= 3 and right[0].lower == "that":
                self._emit(i, *got, right[0].start, right[-1].end, "reported")
            return got
        # "..., according to X" (not over a quotation attributed in the sentence)
        for k, w in enumerate(ws[:-2] if not proper else ()):
            if w.lower == "according" and ws[k + 1].lower == "to":
                region = []
                for x in ws[k + 2:]:
                    if x.text in (",", ".", ";"):
                        break
                    region.append(x)
                who = self._classify(para, region, verb_first=True)
                got = self.resolve(who, i, set())
                if got is None and region and who.kind == "unknown" and len(region) <= 8 \
                        and any(x.text[:1].isupper() for x in region) and not any(
                        p.start >= region[0].start and p.end <= region[-1].end
                        for p in para.persons):
                    # "according to data from X": always a source, never a person unknown
                    got = (None, para.text[region[0].start:region[-1].end])
                if got is None:
                    return None
                rest = [x for x in ws if not (w.start <= x.start < (region[-1].end if region
                                                                     else w.end))
                        and x.text not in (",", ".")]
                if len(rest) >= 3:
                    self._emit(i, *got, rest[0].start, rest[-1].end, "reported")
                    return got
                return None
        return None

    def _attribution_chunk(self, i: int, para: _Para, chunk: Sequence[Word], subject,
                           last: bool) -> tuple[str | None, str] | None:
        """A comma-delimited "Cook said" / "said Darren Tipton" / "he said" chunk."""
        if not chunk or any(w.text == "Q" for w in chunk) or chunk[0].lower in ("and", "but",
                                                                                  "or", "yet"):
            return None  # "and Vindman reported to him": a clause of its own
        if _is(chunk[0], _SAID_BY):
            if not last and len(chunk) < 2:
                return None
            who = self._classify(para, chunk[1:], verb_first=True)
            return self.resolve(who, i, set())
        for k, w in enumerate(chunk[:12]):
            if _is(w, lx.SAY) and k > 0:
                if w.lower not in lx.REPORT and w.lower not in _TRAILING:
                    return None
                if len(chunk) - k > 10 and not (last and chunk[k + 1].lower in lx.PREPOSITIONS):
                    return None  # "..., Malone wrote in a recent research brief about ..."
                after = chunk[k + 1:]
                if after and after[0].lower == "to" and w.lower != "told":
                    return None  # "reported to him"
                if len(after) > 3 and not (after[0].lower in lx.PREPOSITIONS
                                           or after[0].lower in _TIME_WORDS
                                           or after[0].lower in _WHILE):
                    return None  # "Nissan says it will offer ...": a clause follows
                if not _not_passive(chunk, k):
                    return None
                exclude = self._objects(para, chunk[k + 1:])
                who = self._classify(para, chunk[:k])
                if who.kind == "unknown":
                    return None
                return self.resolve(who, i, exclude)
            if w.lower in lx.SUBORDINATORS or w.lower in lx.PREPOSITIONS and k == 0:
                return None
        return None

    # -- posts and transcripts ------------------------------------------------------------

    def _embeds(self) -> None:
        """"— Name (@handle) November 3, 2019" after an embedded post: the paragraph
        before is Name's."""
        for i in range(1, len(self.paras)):
            para = self.paras[i]
            m = _EMBED.match(para.text.strip())
            if not m:
                continue
            who_end = para.text.index("(@")
            person = next((p for p in para.persons if p.start < who_end), None)
            prev = self.paras[i - 1]
            if self.out[i - 1] or sum(s.end - s.start for s in prev.spans) > len(prev.text) / 2:
                continue  # the post is a quotation of its own, or already someone's
            body = _LINK.sub("", prev.text)
            if person is not None:
                self._emit(i - 1, person.name, m.group("who"), 0, len(body), "direct")
            else:
                name = m.group("who").strip()
                if not any(c.isupper() for c in name[1:]):
                    self._emit(i - 1, None, name, 0, len(body), "direct")

    def _transcript(self) -> dict[int, tuple[str | None, str]]:
        """Turns of a transcript ("ROSIE CURTS: ...", "UNIDENTIFIED PERSON #1: ..."):
        three or more in a document."""
        turns = {i: m.group("who") for i, para in enumerate(self.paras)
                 if (m := _TURN.match(para.text))}
        if len(turns) < 3:
            return {}
        known: dict[str, str] = {}
        for para in self.paras:
            for p in para.persons:
                known.setdefault(para.text[p.start:p.end].casefold(), p.name)
                known.setdefault(p.name.casefold(), p.name)
                for part in p.name.split():
                    known.setdefault(part.casefold(), p.name)
        out = {}
        for i, label in turns.items():
            name = label.split(",")[0].strip()
            if name.startswith("UNIDENTIFIED"):
                out[i] = (None, label.title())
                continue
            if "," in label:  # "SACHA PFEIFFER, HOST": the program's own voice
                continue
            hit = known.get(name.casefold()) or known.get(name.split()[-1].casefold())
            if hit:
                out[i] = (hit, label.title())
        return out


def _participle_before(before: Sequence[Word]) -> bool:
    """The words before a quotation end with a participle of speech and a comma or colon
    ('..., adding: "', '..., before adding, "')."""
    return len(before) >= 2 and before[-1].text in (",", ":") \
        and before[-2].lower in _PARTICIPLES and _is(before[-2], lx.SAY)


def _verb_form(w: Word) -> bool:
    """``w`` looks like a verb in the present or past tense ("clarifies", "weighed"), or
    is a verb of speech."""
    low = w.text
    if not low.isalpha() or not low.islower() or len(low) < 3 or low in _NOT_VERBS:
        return False
    return low in lx.SAY or low.endswith("ed") or (low.endswith("s") and not low.endswith(
        ("ss", "us", "is", "ous")))


def _speech_like(text: str, span: Span) -> bool:
    """A quotation that can stand as someone's words on its own: a sentence (it ends
    with a stop) or a few words at least -- not a title ("Wild Rose")."""
    inner = text[span.inner[0]:span.inner[1]].rstrip()
    return len(inner.split()) >= 4 or inner.endswith((".", "!", "?", "…"))


def _closes_clause(ws: Sequence[Word], n: int) -> bool:
    """Nothing but punctuation, a preposition, a time or an adverb follows ``ws[n - 1]``
    (the attribution's verb ends its clause: '..., she reveals.', '..., he says in ...')."""
    if n >= len(ws):
        return True
    w = ws[n]
    return w.text in (",", ".", ";", ":", "!", "?", "—", "–") or w.lower in lx.PREPOSITIONS \
        or w.lower in _TIME_WORDS or w.lower in ("out", "up", "back", "again", "too", "now") \
        or (w.lower.endswith("ly") and w.lower not in lx.CLAUSE_OPENERS)


def _is(w: Word, verbs: frozenset[str] | set[str]) -> bool:
    """``w`` is one of ``verbs`` written as a verb (lower case: "Islamic State" is none)."""
    return w.lower in verbs and w.text[:1].islower()


def _not_passive(ws: Sequence[Word], k: int) -> bool:
    """``ws[k]`` is a verb of speech in use: not "was told", "That said", "so-called"."""
    j = k - 1
    while j >= 0 and ws[j].lower in ("not", "never", "also", "widely", "often"):
        j -= 1
    if j >= 0 and ws[j].lower in lx.PASSIVE_BEFORE:
        return False
    if ws[k].lower == "said" and j >= 0 and ws[j].lower == "that" and (j == 0 or ws[j - 1].text
                                                                      in (".", ",")):
        return False
    if j >= 0 and ws[j].lower in ("when", "if", "as", "once") and ws[k].lower.endswith("ed"):
        return False  # "when asked about ..."
    return True


def _after_quote(ws: Sequence[Word], k: int) -> bool:
    """The verb ``ws[k]`` and its subject follow a quotation directly."""
    j = k - 1
    while j >= 0 and ws[j].text not in ("Q", ".", ";") and k - j <= 12:
        if ws[j].text == "," and j > 0 and ws[j - 1].text != "Q":
            return False
        j -= 1
    if j < 0 or ws[j].text != "Q":
        return False
    nxt = ws[j + 2] if j + 2 < len(ws) and ws[j + 1].text == "," else ws[j + 1]
    return nxt.lower not in ("and", "but", "or", "while", "as")  # '"...," and others said


def _points_out(ws: Sequence[Word], n: int) -> bool:
    """"points out" / "pointed out": a verb of speech in two words."""
    return _is(ws[n], _POINT) and n + 1 < len(ws) and ws[n + 1].lower == "out"


def _instruction(ws: Sequence[Word], k: int) -> int | None:
    """Where the advice starts in "X says to opt for ...", "X says not to worry ...": the
    index of its "to" (or "not"), else None ("said to be", "said to reporters", "is said
    to have" are no advice)."""
    if ws[k].lower not in _SAY_TO or k == 0 or ws[k - 1].text in (",", "Q"):
        return None
    n = k + 1
    t = n + 1 if n < len(ws) and ws[n].lower == "not" else n
    if t + 1 >= len(ws) or ws[t].lower != "to":
        return None
    verb = ws[t + 1]
    if not verb.text.isalpha() or not verb.text.islower() or verb.lower in _NO_ADVICE:
        return None
    return n


#: Words after "X said" that open a clause of time, not the words said ("..., Cook said
#: while visiting ...", "..., she said as she left").
_WHILE = frozenset("while as when after before".split())
_BOUNDS = frozenset(("Q", ",", ";", ":", ".", "—", "–"))
_DETERMINERS = frozenset("the a an his her its their our these those such any no".split())
_NOT_CLAUSE_START = frozenset("and or but not to it them him her me us you what how why".split())
_SUBJECT_PRONOUNS = frozenset("he she they it there we i".split())
_FINITE = frozenset("is are was were will would could can should may might must has have had "
                    "does did do isn't wasn't won't can't doesn't didn't".split())


def _pronoun_clause(ws: Sequence[Word], n: int) -> bool:
    """``ws[n:]`` opens a clause with a subject pronoun and a finite verb ("there's no
    ...", "it was ...", "they will ..."): reported words even without "that"."""
    if n + 1 >= len(ws):
        return False
    low = ws[n].lower.replace("’", "'")
    base, _, tail = low.partition("'")
    if base in _SUBJECT_PRONOUNS and tail in ("s", "re", "ll", "d", "ve", "m"):
        return True
    if low in _SUBJECT_PRONOUNS:
        return ws[n + 1].lower.replace("’", "'") in _FINITE
    # "acknowledged the town was not ready": a short noun phrase, then a finite verb
    for m in range(n, min(n + 6, len(ws))):
        w = ws[m]
        if m > n and w.lower.replace("’", "'") in _FINITE:
            return True
        if not w.text.replace("-", "").replace("’", "").replace("'", "").isalnum() \
                or w.lower in lx.PREPOSITIONS or w.lower in lx.SUBORDINATORS \
                or w.lower in lx.ALL_VERBS \
                or w.lower in _NOT_CLAUSE_START or w.lower.endswith("ly"):
            return False
    return False


def _opens_clause(w: Word) -> bool:
    """Not an adverb after the verb ("testified side-by-side", "said again"): a word a
    reported clause may open with ("said he had ...", "said lawmakers would ...")."""
    low = w.lower
    return not (low in lx.NOT_CLAUSE_OPENERS or (low.endswith("ly") and low not in
                                                 lx.CLAUSE_OPENERS) or low.count("-") >= 2)


def _adverbial_chunk(ws: Sequence[Word]) -> bool:
    """"With a tone of certainty", "While ...", "According to ...", "However": no clause
    of its own."""
    first = ws[0].lower
    if first == "that":
        return False  # "That figure has grown, X said": a determiner opening the sentence
    return first in lx.PREPOSITIONS or first in lx.SUBORDINATORS or first == "according" or (
        first in lx.OPENERS and len(ws) == 1)


def _comma_chunks(ws: Sequence[Word]) -> list[list[Word]]:
    out: list[list[Word]] = [[]]
    for w in ws:
        if w.text in (",", ".", ";", "—", "–"):
            if out[-1]:
                out.append([])
            continue
        out[-1].append(w)
    return [c for c in out if c]


def _appositive(ws: Sequence[Word]) -> bool:
    """Words after "said Name," that describe the speaker ("founding director of ...")."""
    return not any(w.lower in lx.ALL_VERBS or w.lower in ("is", "are", "was", "were", "will",
                                                           "would", "has", "have", "can")
                   for w in ws)


def english_quotes(texts: Sequence[str], kinds: Sequence[str],
                   persons: Sequence[Sequence[Person]],
                   labels: Sequence[Sequence[tuple[int, int, str]]]) -> list[list[Quote]]:
    """The quotations of one document in English (or any language written with
    spaces and quote marks), per paragraph; see the module doc."""
    return _Document(texts, kinds, persons, labels).run()


def tidy(quotes: list[Quote]) -> list[Quote]:
    """In order; a quotation inside another one of the same speaker is left out."""
    quotes = sorted(set(quotes), key=lambda q: (q.start, -q.end))
    out: list[Quote] = []
    for q in quotes:
        if any(o.start <= q.start and q.end <= o.end and o.speaker == q.speaker for o in out):
            continue
        out.append(q)
    return out
