"""Reported speech without quote marks, each clause with its speaker: "Volker said he
had no knowledge ...", "..., Cook said.", "..., Mayer said, and ...", "according to X,
...", advice ("X says to opt for ..."), and the clause after a participle that follows
a quotation's attribution ('"...," X shares, noting that ...').

A mixin of :class:`searchapp.ingest.quotes.attribute._Document` (it reads the
document's subjects, speakers and emits through it).
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import (
    PARTICIPLES,
    SAID_BY,
    TIME_WORDS,
    TRAILING,
    WHILE,
    Para,
    adverbial_chunk,
    after_quote,
    comma_chunks,
    instruction,
    is_verb,
    not_passive,
    opens_clause,
    pronoun_clause,
)
from searchapp.ingest.quotes.marks import Span
from searchapp.ingest.quotes.questions import answered, asked_opening, question_after
from searchapp.ingest.quotes.text import Word


class ReportedSpeech:
    """The reported-speech rules of a document (mixed into its ``_Document``)."""

    def _participle_after(self, i: int, para: Para, a: int, b: int,
                          speaker: tuple[str | None, str]) -> None:
        """'"...," Vanco shares, noting that portrait painters are ...': the clause after
        a participle of speech that follows a quotation's attribution is the same
        speaker's reported speech."""
        ws = para.words(a, b)
        for k, w in enumerate(ws):
            if w.text == "Q":
                return
            if not (w.lower in PARTICIPLES and is_verb(w, lx.REPORT | lx.REPORT_THAT)) \
                    or k == 0 or ws[k - 1].text != ",":
                continue
            n = k + 1
            if n < len(ws) and ws[n].lower == "that":
                n += 1
            elif w.lower in lx.REPORT_THAT:
                return
            clause = [x for x in ws[n:] if x.text not in lx.SENTENCE_STOPS]
            if len(clause) >= 3 and opens_clause(clause[0]):
                self._emit(i, *speaker, clause[0].start, clause[-1].end, "reported")
            return


    # -- reported speech ------------------------------------------------------------------

    def _reported(self, i: int, para: Para, a: int, b: int, ws: Sequence[Word], subject,
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
            # "Katie notes that ...": a verb as often a noun, after a person or he/she
            noun_verb = k + 1 < len(ws) and ws[k + 1].lower == "that" \
                and self._said_after_subject(para, ws, k)
            asked = question_after(ws, k) if k > 0 and ws[k - 1].lower != "to" \
                and not_passive(ws, k) else None
            if asked is not None and ws[k - 1].text == "," and answered(ws, asked[1]):
                asked = None  # "X, asked whether she was tired, replied": put to X
            if asked is not None:  # "X asked the captain why ...", "X put it to him that"
                got = self._question(i, para, ws, k, asked, subject, stop)
                if got is not None:
                    return got
                continue
            if not is_verb(w, lx.REPORT) and not is_verb(w, lx.REPORT_THAT) and not noun_verb:
                continue
            if w.lower.startswith("point") and not (k + 1 < len(ws) and ws[k + 1].lower == "out"):
                continue
            advice = instruction(ws, k) if not_passive(ws, k) else None
            if advice is not None and not after_quote(ws, k):
                got = self._subject_of(i, para, ws, k, subject, set())
                end = max((x.end for x in ws[advice:] if x.start < stop
                           and x.text not in (".", "Q")), default=ws[advice].end)
                if got is not None and end > ws[advice].end:
                    self._emit(i, *got, ws[advice].start, end, "reported")
                    return got
                continue
            written_to = low in ("wrote", "writes", "write") and k + 1 < len(ws) \
                and ws[k + 1].lower == "to" and next(
                    (m for m in range(k + 2, min(k + 10, len(ws))) if ws[m].lower == "that"
                     and not any(x.text in (",", "Q") for x in ws[k + 2:m])), None)
            if written_to:  # "wrote to the regional health department that ...": a letter
                got = self._subject_of(i, para, ws, k, subject,
                                       self._objects(para, ws[k + 2:written_to]))
                clause = [x for x in ws[written_to + 1:] if x.start < stop
                          and x.text not in (",", ".")]
                if got is not None and got[0] is not None and len(clause) >= 3:
                    self._emit(i, *got, clause[0].start, stop, "reported")
                    return got
                continue
            if not not_passive(ws, k) or (k + 1 < len(ws) and ws[k + 1].lower == "to"):
                continue
            if k > 0 and ws[k - 1].lower == "to":
                continue  # "declined to say when ...": no speech
            if k > 0 and (ws[k - 1].lower in ("not", "never")
                          or ws[k - 1].lower.endswith(("n't", "n’t"))):
                continue  # "a father who will not admit he is ill": nothing said
            if k > 0 and (ws[k - 1].lower in lx.DETERMINERS
                          or ws[k - 1].lower.endswith(("'s", "’s", "s'", "s’"))):
                continue  # "the claims that ...", "the ministry's claims that": nouns
            n = k + 1
            if n < len(ws) and ws[n].text == ",":
                continue  # ", Mayer said, and ...": read below as an attribution
            out = low.startswith("point") and n < len(ws) and ws[n].lower == "out"
            if out:  # "pointed out (that) ..."
                n += 1
            if (low in lx.REPORT_THAT or noun_verb) and not out:
                # "reported on Sunday that", "confirmed on Monday that"
                bare = low not in PARTICIPLES and pronoun_clause(ws, n)
                that = None if bare else next(
                    (m for m in range(n, min(n + 5, len(ws))) if ws[m].lower == "that"), None)
                if that is None and bare:
                    that = n - 1  # "noted there's no ...", "admits it's complex"
                if that is None or any(x.text in (",", "Q") for x in ws[n:that]) or (
                        that > n and ws[n].lower not in lx.PREPOSITIONS
                        and ws[n].lower not in TIME_WORDS):
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
            if n < len(ws) and (ws[n].lower in lx.PREPOSITIONS or ws[n].lower in TIME_WORDS
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
            elif n < len(ws) and not opens_clause(ws[n]):
                continue  # "testified side-by-side before ...": no clause reported
            clause = [x for x in ws[n:] if x.start < stop and x.text not in (",", ".")]
            if len(clause) < 3 or all(x.text == "Q" for x in clause):
                continue
            if clause[-1].text == ":" and stop < b and len(clause) <= 6 \
                    and ws[n - 1].lower != "that":
                continue  # "told the meeting in January: "..."": the quotation's verb
            if after_quote(ws, k):
                continue  # '"...," she wrote in her letter.': the quotation's attribution
            got = self._subject_of(i, para, ws, k, subject, exclude)
            if got is None:
                continue
            self._emit(i, *got, ws[n].start, stop, "reported")
            return got
        got = self._as_says(i, para, ws, stop)
        if got is not None:
            return got
        # "..., Cook said." / "..., said NAME, ..." / "..., Mayer said, and ..."
        chunks = comma_chunks(ws)
        asked = asked_opening(ws)  # "Asked whether ..., X said": the question is not X's
        for c in range(1, len(chunks)):
            chunk = chunks[c]
            if chunk[0].start >= stop:
                break
            # "Castell, she said, had misread ...": a person in the words said is not "she"
            aside = c + 1 < len(chunks) and para.text[chunk[-1].end:chunks[c + 1][0].start
                                                     ].strip() == "," \
                and not adverbial_chunk(chunks[0])
            said = set(self._local(para, chunks[0][0].start, chunk[0].start)) if aside else set()
            got = self._attribution_chunk(i, para, chunk, subject, last=c == len(chunks) - 1,
                                          said=said)
            if got is None:
                continue
            left = [w for ch in chunks[:c] for w in ch if w.text not in ("Q",)]
            if any(w.text == "Q" for ch in chunks[:c] for w in ch) and len(left) < 4:
                continue  # '"...," announced in October, said X': the quotation's
            right = [w for ch in chunks[c + 1:] for w in ch if w.start < stop]
            verb_first = is_verb(chunk[0], lx.SAY)
            # "More likely, he said, the car company ...": the words after it
            parenthetical = not verb_first and right and para.text[chunk[-1].end:
                                                                 right[0].start].strip() == ","
            # "..., because, he said, quality is key": the words after it are what was said
            cut = left and left[-1].lower in lx.SUBORDINATORS | {"and", "but", "so"}
            if (c == 1 and (adverbial_chunk(chunks[0]) or asked is not None)) or cut or \
                    len([w for w in left if w.text.isalnum()]) < 3:
                if parenthetical and len(right) >= 3 and "Q" not in [w.text for w in right] \
                        and right[0].lower not in lx.PREPOSITIONS | lx.SUBORDINATORS - {"that", "because"}:
                    self._emit(i, *got, right[0].start, right[-1].end, "reported")
                    return got
                continue  # "With a tone of certainty, the source said, ..."
            self._emit(i, *got, left[0].start, left[-1].end, "reported")
            if parenthetical and len(right) >= 3 and right[0].lower == "that":
                self._emit(i, *got, right[0].start, right[-1].end, "reported")
            return got
        # "..., according to X" (not over a quotation attributed in the sentence)
        for k, w in enumerate(ws[:-2] if not proper else ()):
            per = w.lower == "per" and (k == 0 or ws[k - 1].text == ",") and (
                ws[k + 1].lower in ("the", "data") or ws[k + 1].text[:1].isupper())
            if w.lower == "according" and ws[k + 1].lower == "to" or per:
                region = []  # "according to X, ...", "Per the 2025 Index, ..."
                for x in ws[k + (1 if per else 2):]:
                    if x.text in (",", ".", ";", ":"):
                        break
                    region.append(x)
                if per and len(region) + k + 1 < len(ws) and ws[len(region) + k + 1].text == ":":
                    return None  # "Bonus points, per the experts: ...": a heading's aside
                who = self._classify(para, region, verb_first=True)
                named = self._name_after_role(para, who, ws, k + (1 if per else 2) + len(region))
                if named is not None:  # "according to Lumeo's brand manager, Odile X, ..."
                    who, region = named
                got = self.resolve(who, i, set())
                if got is None and region and who.kind == "unknown" and len(region) <= 8 \
                        and any(x.text[:1].isupper() for x in region) and not any(
                        p.start >= region[0].start and p.end <= region[-1].end
                        for p in para.persons) and not all(
                        x.lower in self.name_words for x in region if x.text[:1].isupper()) \
                        and not any(label == "PERSON" and a < region[-1].end
                                    and region[0].start < b for a, b, label in para.labels):
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

    def _question(self, i: int, para: Para, ws: Sequence[Word], k: int,
                  asked: tuple[int, int], subject, stop: int) -> tuple[str | None, str] | None:
        """A question put by the subject of ``ws[k]`` (:mod:`.questions`), emitted from
        the word that opens it; whom it was put to is not its speaker."""
        to, n = asked
        clause = [x for x in ws[n:] if x.start < stop and x.text not in (",", ".")]
        if len(clause) < 3 or any(x.text == "Q" for x in clause[:2]):
            return None
        got = self._subject_of(i, para, ws, k, subject, self._objects(para, ws[to:n]))
        if got is None or got[0] is None:
            return None  # "Another analyst, X, asked": a name the stage did not keep
        self._emit(i, *got, ws[n].start, clause[-1].end, "reported", note=False)
        self.question_put = True
        return got

    def _name_after_role(self, para: Para, who, ws: Sequence[Word], comma: int):
        """A role phrase then ", Name," closing on a comma or the sentence's end ("Lumeo's
        Senior Brand Engagement Manager, Odile X,", "Co-Founder, Brenna Y."): the
        person (a :class:`Who`) and the words naming them; None otherwise."""
        if who.kind not in ("role", "unknown", "unnamed") or comma >= len(ws) \
                or ws[comma].text != ",":
            return None
        head = ws[comma + 1:]
        person = next((p for p in para.persons_outside() if head and p.start == head[0].start),
                      None)
        if person is None:
            return None
        end = next((m for m, x in enumerate(head) if x.start >= person.end), len(head))
        if end < len(head) and head[end].text not in lx.CLAUSE_BREAKS:
            return None
        return self._classify(para, head[:end], verb_first=True), list(head[:end])

    def _as_says(self, i: int, para: Para, ws: Sequence[Word], stop: int
                 ) -> tuple[str | None, str] | None:
        """"As Dr. X, a sleep physician with Y, explains, the key is ...", "As a
        Ledgerline article on the tool explains, ...": the clause after the opening's
        comma is its speaker's (emitted); the speaker.  A quotation in it is read as one
        (:meth:`_as_opening` gives it the same speaker)."""
        opening = self._as_opening(i, para, ws)
        if opening is None:
            return None
        got, k = opening
        clause = [x for x in ws[k + 1:] if x.start < stop and x.text not in (",", ".")]
        if len(clause) < 3 or any(x.text == "Q" for x in clause) \
                or not opens_clause(clause[0]):
            return None
        self._emit(i, *got, clause[0].start, clause[-1].end, "reported")
        return got

    def _as_opening(self, i: int, para: Para, ws: Sequence[Word]
                    ) -> tuple[tuple[str | None, str], int] | None:
        """A sentence opened by "as", a speaker and a verb of speech ("As X explains,",
        "As the writer X once put it,"): (the speaker, the index of the opening's
        closing comma), or None."""
        n = 0
        while n < len(ws) and ws[n].lower in ("and", "but", "so", "yet"):
            n += 1
        if n + 2 >= len(ws) or ws[n].lower != "as":
            return None
        verbs = lx.SAY | lx.SAY_AFTER_SUBJECT  # "As X notes, ..."
        apposition = False
        for k in range(n + 2, min(len(ws), n + 30)):
            if ws[k].text in ("Q", ";", ":") or ws[k].text in lx.SENTENCE_STOPS:
                return None
            if ws[k].text != ",":
                continue
            # the verb closes the phrase, or a short phrase of a preposition follows it
            verb = next((v for v in range(k - 1, max(n + 1, k - 6), -1)
                         if is_verb(ws[v], verbs) and not_passive(ws, v)
                         and (v == k - 1 or ws[v + 1].lower in lx.PREPOSITIONS)), None)
            if verb is None and k - 2 > n + 1 and ws[k - 1].lower == "it" \
                    and ws[k - 2].lower in ("put", "puts"):
                verb = k - 2  # "As the writer X once put it,"
            if verb is None:
                nxt = next((x for x in ws[k + 1:k + 4] if x.lower not in lx.LIGHT), None)
                if not apposition and k + 1 < len(ws) and ws[k + 1].lower in ("a", "an", "the"):
                    apposition = True  # "As Dr. X, a sleep physician ..., explains,"
                    continue
                if apposition and nxt is not None and is_verb(nxt, verbs):
                    continue  # the apposition's closing comma, its verb next
                return None
            who = self._classify(para, ws[n + 1:verb])
            got = self.resolve(who, i, set()) if who.kind != "unknown" else None
            return None if got is None else (got, k)
        return None

    def _attribution_chunk(self, i: int, para: Para, chunk: Sequence[Word], subject,
                           last: bool, said: set[str] = frozenset()
                           ) -> tuple[str | None, str] | None:
        """A comma-delimited "Cook said" / "said Darren Tipton" / "he said" chunk;
        ``said``: persons named in the words it attributes, whom a pronoun is not."""
        if not chunk or any(w.text == "Q" for w in chunk) or chunk[0].lower in ("and", "but",
                                                                                  "or", "yet"):
            return None  # "and Vindman reported to him": a clause of its own
        if is_verb(chunk[0], SAID_BY):
            if not last and len(chunk) < 2:
                return None
            who = self._classify(para, chunk[1:], verb_first=True)
            return self.resolve(who, i, set(said) if who.kind == "pronoun" else set())
        for k, w in enumerate(chunk[:12]):
            if is_verb(w, lx.SAY) and k > 0:
                if w.lower not in lx.REPORT and w.lower not in TRAILING:
                    return None
                if len(chunk) - k > 10 and not (last and chunk[k + 1].lower in lx.PREPOSITIONS):
                    return None  # "..., Malone wrote in a recent research brief about ..."
                after = chunk[k + 1:]
                if after and after[0].lower == "to" and w.lower != "told":
                    return None  # "reported to him"
                if len(after) > 3 and not (after[0].lower in lx.PREPOSITIONS
                                           or after[0].lower in TIME_WORDS
                                           or after[0].lower in WHILE):
                    return None  # "Nissan says it will offer ...": a clause follows
                if not not_passive(chunk, k):
                    return None
                exclude = self._objects(para, chunk[k + 1:])
                who = self._classify(para, chunk[:k])
                if who.kind == "unknown":
                    return None
                if who.kind == "pronoun":
                    exclude |= said
                return self.resolve(who, i, exclude)
            if w.lower in lx.SUBORDINATORS or w.lower in lx.PREPOSITIONS and k == 0:
                return None
        return None
