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
6. **embedded posts** ("— Name (@handle) Month D, YYYY" after the post's text), quotations
   **signed** on the lines after them and
   **transcripts** ("ROSIE CURTS: ..." turns).

Speakers are read by :mod:`searchapp.ingest.quotes.speakers`: a person found in
the document, a pronoun or a role standing for one, or an unnamed source.  Text
inside quotation marks is never read for a speaker, so a person only mentioned in
someone's quotation is never its speaker.  Korean and Chinese: :mod:`.cjk`.
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.antecedents import Antecedents
from searchapp.ingest.quotes.clauses import (
    BOUNDS,
    EMBEDDING,
    PARTICIPLES,
    SAID_BY,
    SAY_TO,
    TEXT_NOUNS,
    Para,
    apposed_name,
    is_verb,
    not_passive,
    participle_before,
    points_out,
    speech_like,
    verb_form,
)
from searchapp.ingest.quotes.crowds import Crowds
from searchapp.ingest.quotes.doubt import Doubt, run_families
from searchapp.ingest.quotes.families import family_mentions, kept_bodies
from searchapp.ingest.quotes.marks import Span, quote_spans
from searchapp.ingest.quotes.nearby import Nearby, affiliations, unlabelled_families
from searchapp.ingest.quotes.ledes import identify_ledes
from searchapp.ingest.quotes.nested import Nested
from searchapp.ingest.quotes.posts import Signatures
from searchapp.ingest.quotes.quote import Quote
from searchapp.ingest.quotes.readings import documents_read
from searchapp.ingest.quotes.reported import ReportedSpeech
from searchapp.ingest.quotes.salience import Salience, learn_roles
from searchapp.ingest.quotes.speakers import (
    UNKNOWN,
    Person,
    Who,
    classify,
    trusted,
)
from searchapp.ingest.quotes.text import Word, sentences
from searchapp.ingest.quotes.unkept import Unkept

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


#: What "they" (people, not texts) do when they speak: "they note that", "they argue".
_GROUP_SAYS = frozenset("note noted argue argued claim claimed insist insisted warn warned "
                        "admit admitted complain complained".split())


class _Document(ReportedSpeech, Signatures, Nearby, Unkept, Crowds, Antecedents, Nested,
                Doubt):
    """One document's paragraphs, persons and what the rules learn of them."""

    def __init__(self, texts: Sequence[str], kinds: Sequence[str],
                 persons: Sequence[Sequence[Person]], labels: Sequence[Sequence]) -> None:
        spans = quote_spans(list(texts))
        self.paras = []
        for text, kind, sp, ps, lb in zip(texts, kinds, spans, persons, labels, strict=True):
            quotes = [(s.start, s.end) for s in sp]
            self.paras.append(Para(text, sp, sorted(ps, key=lambda p: p.start),
                                    list(lb), sentences(text, quotes),
                                    kind not in ("body", "quote", "list", "")))
        self.salience = Salience()
        #: the last speaker phrase read named a person or pronoun it could not resolve
        self.abstained = False
        self.question_put = False  # the last sentence read puts a question (.questions)
        self.out: list[list[Quote]] = [[] for _ in texts]
        self.chain_speaker: dict[int, tuple[str | None, str]] = {}
        #: a last name -> the persons of the document it ends ("Claure")
        self.family: dict[str, list[Person]] = {}
        #: the words of the persons' names, of the recognizer's PERSON spans and the
        #: family names of full names it did not label
        self.name_words = frozenset(
            w.casefold() for para in self.paras
            for a, b, label in [*((p.start, p.end, "PERSON") for p in para.persons),
                                *para.labels]
            if label == "PERSON" and " " in para.text[a:b].strip()
            for w in para.text[a:b].split()) | frozenset(
            family for para in self.paras for family in unlabelled_families(para)) \
            | frozenset(family for para in self.paras for family in run_families(para))
        #: persons the document names as a person's affiliation ("Grace X of Goldman
        #: Sachs") that the recognizer calls a body somewhere: bodies, not speakers
        self.bodies = affiliations(self.paras)
        #: persons the recognizer calls bodies or places wherever they are named
        self.kept_bodies = kept_bodies(self.paras)
        self._index_names()
        for para in self.paras:
            for p in para.persons:
                for name in (para.text[p.start:p.end], p.name):
                    parts = [w for w in name.split() if w.rstrip(".").lower() not in _SUFFIXES]
                    if len(parts) > 1 and parts[-1][:1].isupper():
                        self.family.setdefault(parts[-1], []).append(p)
        for para, more in zip(self.paras, family_mentions(self.paras, self.family),
                              strict=True):
            if more:  # a bare family name of one person of the document
                para.persons = sorted([*para.persons, *more], key=lambda p: p.start)
                para.__dict__.pop("_outside", None)

    # -- pass 1: roles and sexes ------------------------------------------------------

    def learn(self) -> None:
        prev_subject: str | None = None
        gap = 0  # sentences since prev_subject was a sentence's subject
        for i, para in enumerate(self.paras):
            persons = para.persons_outside()
            self.salience.named[i] = {p.name for p in persons}
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

    # -- resolution ----------------------------------------------------------------------

    def _classify(self, para: Para, ws: Sequence[Word], verb_first: bool = False) -> Who:
        return classify(para.text, ws, para.persons_outside(), para.labels, verb_first,
                        self.family, self.name_words)

    def resolve(self, who: Who, para: int, exclude: set[str],
                local: Sequence[str] = ()) -> tuple[str | None, str] | None:
        """(person or None for unnamed, source text), or None when nobody is named.
        ``local``: persons named earlier in the sentence, for a pronoun."""
        if who.kind in ("person", "pronoun"):
            # a speaker named, but not surely: nobody, and no other rule guesses instead
            self.abstained = True
        if who.kind == "person":
            if who.name in self.bodies or who.name in self.kept_bodies \
                    and not self.salience.sex_of(who.name) and not any(
                        n == who.name for _, n in self.salience.titled):
                return None, who.text  # "Goldman Sachs said": a body's words
            return (who.name, who.text) if trusted(who.name) else None
        if who.kind == "pronoun":
            self._undecided = set()
            if self._adverbial_only(para, who, local):
                local = ()  # "Asked by X, ..., she said": X asked; she is another
            unnamed = None if local else self._indefinite_antecedent(para, who)
            if unnamed is not None:
                return None, unnamed
            ante = None if local else self._grammar_antecedent(para, who)
            if ante is not None:  # the subject of the sentence before decides
                kind, name = ante
                if kind == "person" and name not in exclude:
                    if not self.salience.sex_of(name):
                        self.salience.vote_sex(name, who.sex)  # "she said" after them
                    return name, who.text
                return (None, name) if kind == "unnamed" else None
            name = self.salience.pronoun(para, who.sex, exclude, local)
            if name is None and self.salience.unsure \
                    and self._only_one_named(para, who, self.salience.unsure, exclude):
                name = self.salience.unsure  # '..., stated Mak. While he agrees ...'
            if name and self._named_undecided(name):
                return None  # "The committee then heard from X. She said": X's or not
            if name and (self._someone_between(para, who, name, exclude)
                         or self._unkept_subject(para, who, name)
                         or self._crowded(para, who, name, exclude, local)):
                return None
            if name and not self.salience.sex_of(name):
                self.salience.vote_sex(name, who.sex)  # "he said" after them: a man
            return (name, who.text) if name and trusted(name) else None
        if who.kind == "role":
            name = self.salience.role(who, para)
            if name and name not in exclude:
                return (name, who.text) if trusted(name) else None
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
        answers = {} if turns else self._interview()
        prev_last: tuple[str | None, str] | None = None
        for i, para in enumerate(self.paras):
            if i in turns:
                self._emit(i, *turns[i], para.text.index(":") + 1, len(para.text), "direct")
                prev_last = None
                continue
            if i in answers:  # the answer is theirs; quotations in it are read as usual
                name, label, start = answers[i]
                self._emit(i, name, label, start, len(para.text), "direct")
            prev_last = self._paragraph(i, para, prev_last)
        self._embeds()
        self._signed()
        self._role_signed()
        self._quote_boxes()
        self._nested()
        identify_ledes(self.paras, self.out)
        documents_read(self.paras, self.out)
        return self.out

    def _emit(self, i: int, speaker: str | None, source: str, a: int, b: int, kind: str,
              note: bool = True) -> None:
        text = self.paras[i].text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1] in " ,;:—–":
            b -= 1
        if b - a < 2:
            return
        if speaker is None and source.lower() == "it" and (
                kind == "reported" or len(self.paras[i].text[a:b].split()) < 6):
            return  # "it says bleach kills ...", 'the label says "natural"': a text's words
        self.out[i].append(Quote(a, b, speaker, source, kind))
        if speaker and note:
            self.salience.note(i, speaker)
            self.salience.quoted.append((i, speaker))

    def _paragraph(self, i: int, para: Para, prev_last) -> tuple[str | None, str] | None:
        attributed: dict[int, tuple[str | None, str]] = {}  # span index -> speaker
        last_direct: tuple[str | None, str] | None = None
        last_in_final_sentence = None
        for si, (a, b) in enumerate(para.sentences):
            ws = para.words(a, b)
            subject = self._sentence_subject(i, para, ws)
            if subject is not None and subject[0]:
                self.salience.note(i, subject[0])
                if si == len(para.sentences) - 1:
                    self.salience.closing[i] = subject[0]
            in_sentence = [k for k, s in enumerate(para.spans) if a <= s.start < b]
            proper: list[int] = []  # quotes attributed before/after: not inside a clause
            for k in in_sentence:
                span = para.spans[k]
                self.abstained = False
                found, how = self._direct(i, para, span, a, b, subject)
                if found is not None and found[0] and found[1].lower() in lx.PERSON_PRONOUNS \
                        and any(p.name == found[0] and span.start <= p.start < span.end
                                for p in para.persons):
                    # '"... easy for Mary Lund to ...," she said': nobody names herself so
                    found, self.abstained = None, True
                if found is None and self.abstained:
                    last_direct = None  # its speaker is named, but not surely: no guess,
                    continue  # and the quotations after it are nobody's sure either
                if found is None and span.open_before and span.chain in self.chain_speaker:
                    found, how = self.chain_speaker[span.chain], "chain"
                if found is None and last_direct is not None and (
                        span.start == a or participle_before(para.words(a, span.start))):
                    found, how = last_direct, "same"  # '"...," X said, adding: "..."'
                if found is None and si > 0 and span.start == a and speech_like(para.text, span):
                    found = self._gesture_before(i, para, para.sentences[si - 1])
                    how = "gesture"  # 'Marchal shrugs. "We have been reviewed before."'
                if found is None and k == 0 and si == 0 and span.start == a \
                        and prev_last is not None and not self._has_verb(ws) \
                        and not self._signed_below(i) \
                        and speech_like(para.text, span) \
                        and span.end - span.start >= 0.6 * (b - a) and not self._chant(i, span):
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
            self.question_put = False
            reported = self._reported(i, para, a, b, ws, subject,
                                      [para.spans[k] for k in proper])
            final = si == len(para.sentences) - 1
            if self.question_put:  # "X asked whether ...": the answer that follows is
                last_direct = None  # another's, and X no subject for a pronoun after it
            elif reported is not None:
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
        if last_in_final_sentence is not None and last_in_final_sentence[0]:
            self.salience.closing[i] = last_in_final_sentence[0]
        return last_in_final_sentence

    def _announced(self, i: int, para: Para, ws: Sequence[Word], subject
                   ) -> tuple[str | None, str] | None:
        """The speaker of a sentence that announces a quotation with a colon ("Okonkwo
        explained:", "He put it this way:"): the subject of its verb of speech, else its
        subject when no text is named ("the statement reads:", "the sign said:")."""
        for k in range(len(ws) - 1, -1, -1):
            if is_verb(ws[k], lx.SAY) and not_passive(ws, k):
                return self._subject_of(i, para, ws, k, subject, set())
        if subject is None or not subject[0] or any(
                w.lower in lx.BODY_NOUNS or w.lower in TEXT_NOUNS for w in ws):
            return None
        return subject

    def _has_verb(self, ws: Sequence[Word]) -> bool:
        return any(is_verb(w, lx.SAY) for w in ws)

    # -- subjects -------------------------------------------------------------------------

    def _sentence_subject(self, i: int, para: Para, ws: Sequence[Word]
                          ) -> tuple[str | None, str] | None:
        first = self._opening(para, ws)
        if isinstance(first, Person):
            return first.name, para.text[first.start:first.end]
        if isinstance(first, Word):
            sex = lx.PERSON_PRONOUNS[first.lower]
            name = self.salience.pronoun(i, sex, set())
            if name and self._crowded(i, Who("pronoun", first.text, sex=sex, start=first.start),
                                      name, set()):
                name = None  # another of that sex named right before: not sure
            if not name:  # "When Ottilie Brenner opened her bakery, she priced ..."
                name = para.clause_subject(ws)
                if name and (not trusted(name) or self.salience.sex_of(name) not in (sex, "")):
                    name = None
            if name:
                return name, first.text
        if len(ws) > 2 and ws[0].lower == "the" and ws[1].text.islower() \
                and lx.role_noun(ws[1].text) and verb_form(ws[2]):
            # "The minister rejects that reading.": the one that role stands for
            name = self.salience.role(Who("role", "", role=ws[1].lower), i)
            if name and trusted(name):
                return name, para.text[ws[0].start:ws[1].end]
        return None

    def _subject_of(self, i: int, para: Para, ws: Sequence[Word], k: int,
                    subject, exclude: set[str]) -> tuple[str | None, str] | None:
        """The speaker of the verb ``ws[k]``: the words before it back to a clause's
        start, or the sentence's subject after "and", a participle or an infinitive."""
        j = k - 1
        while j >= 0 and ws[j].lower in lx.LIGHT:
            j -= 1
        if j < 0:
            return None
        if ws[j].lower == "who" and j > 1 and ws[j - 1].text == ",":
            # "..., and to the author Imogen Farrow-Biel, who told the meeting: "...":
            # the person the relative clause is of
            before_who = next((p for p in para.persons_outside()
                               if ws[j - 2].start <= p.end - 1 < ws[j - 1].start), None)
            if before_who is not None:  # "Grace X of Goldman Sachs, who": not the body
                before_who = self._affiliated(para, before_who)
            if before_who is not None and before_who.name not in exclude:
                return before_who.name, para.text[before_who.start:before_who.end]
        if ws[j].lower == "to" and j > 0:  # "leading Mr. Emanuel to quip": who quips
            before_to = next((p for p in para.persons_outside()
                              if ws[j - 1].start <= p.end <= ws[j].start), None)
            if before_to is not None:
                return before_to.name, para.text[before_to.start:before_to.end]
        own = ws[k].lower in PARTICIPLES and ws[j].text not in (",", "Q") \
            and ws[j].lower not in ("and", "but", "or", "to", "then")  # "with forecasters warning"
        if not own and (ws[k].lower in PARTICIPLES
                        or ws[j].lower in ("and", "but", "or", "to", "then")):
            # "..., saying ...", "and added, ...", "to describe ...": the sentence's subject,
            # unless a subordinate clause stands between ("where a recipe ... and tells")
            chunk = next((n for n in range(k - 1, -1, -1) if ws[n].text == ","), 0)
            if any(w.lower in lx.SUBORDINATORS and not (  # 'described it as "..." and'
                    w.lower == "as" and m + 1 < k and ws[m + 1].text == "Q")
                   for m, w in enumerate(ws[:k]) if m >= max(chunk, 1)):
                return None
            if subject is not None and subject[0] and self._object_of_verb(para, ws[:k],
                                                                            subject[0]):
                return None  # "Police arrested X, saying ...": X is the verb's object
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
                    and ws[start - 1].text == "," and (not any(
                        w.text == "," for w in ws[start + 1:j + 1])
                        or apposed_name(para, ws[start + 1:j + 1])):
                # "..., yet Nissan says it will ...": a clause of its own; so is "...,
                # and Brellco's chief executive, Marta X, warned that ..."
                break
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
        said = None
        if comma >= 0 and len(region) - comma - 1 == 1 and region[-1].lower in lx.PERSON_PRONOUNS:
            region = region[comma + 1:]  # "It's also possible, he said, that ..."
            said = self._said_around(para, ws, k, region[0])
            exclude = exclude | (said or set())
        if 0 < start < len(ws) and region and not is_verb(ws[start - 1], lx.ALL_VERBS) and (
                ws[start].lower == "who" or ws[start].lower == "that" and region[0].text.islower()
                and region[0].lower not in lx.DETERMINERS):
            # "analysts who have done the sums say ...", "the man who knew X said": the
            # noun the relative clause is of
            end = start
            while start > 0 and end - start < 8 and ws[start - 1].text not in BOUNDS \
                    and ws[start - 1].lower not in lx.SUBORDINATORS | {"and", "but", "or"}:
                start -= 1
            region = ws[start:end]
        who = self._classify(para, region)
        if who is UNKNOWN or who.kind == "unknown":
            return None
        if who.role in lx.GROUP_PRONOUNS and ws[k].lower not in SAID_BY | {"told", "tells"} \
                and not (who.role == "they" and ws[k].lower in _GROUP_SAYS):
            return None  # "it suggests that ...": no speaker ("they note that": a group's)
        if who.kind == "pronoun":
            subject_name = para.clause_subject(ws)
            if subject_name and subject_name not in exclude and trusted(subject_name) \
                    and self.salience.sex_of(subject_name) in (who.sex, ""):
                return subject_name, who.text
        return self.resolve(who, i, exclude, () if said is not None
                            else self._local(para, ws[0].start, ws[k].start))

    # -- direct quotations ----------------------------------------------------------------

    def _direct(self, i: int, para: Para, span: Span, a: int, b: int, subject
                ) -> tuple[tuple[str | None, str] | None, str]:
        text = para.text
        before = para.words(a, span.start)
        # 0. 'and said, "...", the office said': the verb right before the mark wins
        if len(before) >= 2 and before[-1].text in (",", ":") and is_verb(before[-2], lx.SAY) \
                and not_passive(before, len(before) - 2):
            got = self._subject_of(i, para, before, len(before) - 2, subject, set())
            if got is not None:
                return got, "before"
        after = para.words(span.end, b)
        cut = next((n for n, w in enumerate(after) if w.text == "Q"), len(after))
        after = after[:cut]
        if before and before[-1].lower in lx.DETERMINERS:
            after = []  # 'a review of the "...," researchers noted': a title in a phrase
        tail = after[1:] if after and after[0].text == "," else after
        # 1. '..., said NAME' / '..., NAME said' / '..., explains NAME' (any verb before a name)
        if tail and (is_verb(tail[0], lx.SAY) and not_passive(tail, 0)
                     or self._verb_before_name(para, tail)):
            region = []
            for w in tail[1:]:
                if w.text in lx.CLAUSE_BREAKS or w.lower in ("who", "which",
                                                                        "that", "when"):
                    break
                region.append(w)
            who = self._classify(para, region, verb_first=True)
            n = len(region) + 1
            titled = who.kind == "unknown" and 0 < len(region) <= 5 and all(
                w.text[:1].isupper() or lx.role_noun(w.text) for w in region) and not any(
                region[0].start <= p.start < region[-1].end for p in para.persons)
            if (who.kind == "role" or titled) and n < len(tail) and tail[n].text == ",":
                # '"...," says Maxi Moving's Vice President, Ivan Cheptenari.', '"...,"
                # says Co-Founder, Brenna X.': the name after the role, closing the clause
                name = next((p for p in para.persons_outside()
                             if n + 1 < len(tail) and p.start == tail[n + 1].start), None)
                k = next((m for m, x in enumerate(tail) if name and x.start >= name.end),
                         len(tail))
                if name is not None and (k == len(tail) or tail[k].text in lx.CLAUSE_BREAKS):
                    who = self._classify(para, tail[1:k], verb_first=True)
            got = self.resolve(who, i, set())
            if got is not None:
                return got, "after"
        last = text[span.inner[0]:span.inner[1]].rstrip().rstrip("’'”\"")[-1:]
        if tail and (after[0].text == "," or last in (",", "?", "!", "—", "–", "-", "…")
                     or self._name_said(para, tail)):
            relative = False  # '"...," Lind, who wrote a book on it, told ...'
            for n, w in enumerate(tail[:32]):
                if w.text in lx.CLAUSE_STOPS:
                    break
                if w.text == ",":
                    relative = n + 1 < len(tail) and tail[n + 1].lower in ("who", "whose")
                if relative:
                    continue
                if (is_verb(w, lx.SAY) or self._said_after_subject(para, tail, n)
                        or points_out(tail, n) or self._verb_after_name(para, tail, n)) \
                        and n > 0 and not_passive(tail, n):
                    if tail[0].lower in ("and", "but", "or", "while", "which", "who") or (
                            tail[0].lower == "as" and (n < 2 or tail[1].lower in ("well", "if",
                                                                                "though"))):
                        break  # a clause of its own, not an attribution
                    region = tail[1:n] if tail[0].lower == "as" else tail[:n]  # '"...," as
                    # one banker told me
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
        if before and (before[-1].text in (",", ":") or is_verb(before[-1], lx.SAY)):
            for k in range(len(before) - 1, max(-1, len(before) - 10), -1):
                w = before[k]
                if w.text == "Q":
                    break
                put_it = w.lower in ("put", "puts") and k + 1 < len(before) and before[k + 1].lower == "it"
                if (is_verb(w, lx.SAY) or put_it) and not_passive(before, k):
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
        # 3. 'As the writer X once put it, a library is "..."': the opening's speaker
        opening = self._as_opening(i, para, para.words(a, b))
        if opening is not None and para.words(a, b)[opening[1]].start < span.start:
            return opening[0], "inside"
        # 4. a few quoted words inside a clause with a speech verb
        for k in range(len(before) - 1, -1, -1):
            w = before[k]
            if k + 1 < len(before) and before[k + 1].lower == "to" and not (
                    w.lower in SAY_TO and k + 2 == len(before)):
                continue  # "agreed to return ...": no speech ('says to "open ..."' is)
            if is_verb(w, EMBEDDING) and not_passive(before, k):
                exclude = self._objects(para, before[k + 1:])
                got = self._subject_of(i, para, before, k, subject, exclude)
                if got is not None:
                    return got, "inside"
                break
        return None, ""

def english_quotes(texts: Sequence[str], kinds: Sequence[str],
                   persons: Sequence[Sequence[Person]],
                   labels: Sequence[Sequence[tuple[int, int, str]]]) -> list[list[Quote]]:
    """The quotations of one document in English (or any language written with
    spaces and quote marks), per paragraph; see the module doc."""
    return _Document(texts, kinds, persons, labels).run()
