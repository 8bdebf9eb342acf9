"""Quotations signed rather than attributed in a sentence: an embedded post ("— Name
(@handle) Month D, YYYY" after its text), a quotation signed on the lines after it, and
the turns of a transcript ("ROSIE CURTS: ...").

A mixin of :class:`searchapp.ingest.quotes.attribute._Document` (it reads the
document's paragraphs and persons and emits through it).
"""

from __future__ import annotations

import re

from searchapp.ingest.quotes.interviews import english_turns
from searchapp.ingest.quotes.lexicon import GLUED_NAME, role_noun
from searchapp.ingest.quotes.speakers import trusted
from searchapp.lexicon import NAME_PARTICLES

#: Marks that open a quotation.
QUOTE_OPENERS = "\"“‘'«「『„"

_EMBED = re.compile(r"^[—–-]\s*(?P<who>[^()@]{2,80}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2},"
                    r" \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$")
_TURN = re.compile(r"^(?P<who>[A-Z][A-Z.'’\- ]{1,60}?(?:,[A-Z ,.'’\-]{1,40})?(?: #\d+)?):\s+\S")
_LINK = re.compile(r"\s*pic\.twitter\.com/\S+\s*$")
#: A line signing the quotation above it: "-- Senior SRE at a payments company",
#: "— Care worker, 41, Station Road".
_SIGNATURE = re.compile(r"^(?:--|[—–-])\s*(?P<who>[^\s\"“”‘’'«»].{1,118})$")
#: A turn of an interview: "Q: ...", "A: ...", "Question: ...", "Answer: ...".
QA_TURN = re.compile(r"^(?P<label>Q|A|Question|Answer)\s*[:.]\s+\S")
#: A turn opened by its speaker's name: "Armitage-Rhys: It was ...".
#: A box's label announcing a quotation without its speaker ("Key quote", "Quote of the day").
_QUOTE_LABEL = re.compile(r"^(?:(?:key|top|notable|best)\s+)?quotes?(?:\s+of\s+the\s+(?:day|week))?\s*:?$",
                          re.I)
_NAME = re.compile(r"[^\W\d_a-z][\w'’.-]*")
NAMED_TURN = re.compile(r"^(?P<who>[^\W\d][^:\n]{0,48}?):\s+\S")


def _turn_person(label: str, names: set[str]) -> str | None:
    """The person of the document a turn's label names: the label is a name as written
    (capitalised words and particles: "Van der Linde", "de la Cruz", "O'Neill",
    "al-Rashid") and the whole of one person's name or its end ("Marieke van der
    Linde"), case aside -- never a half of the label, never a person it only mentions."""
    parts = label.split()
    if not parts or len(parts) > 5 or not all(
            _NAME.fullmatch(w) or w.lower() in NAME_PARTICLES or GLUED_NAME.match(w)
            for w in parts) or not any(c.isupper() for c in label):
        return None
    want = " ".join(parts).casefold()
    hits = {n for n in names if trusted(n) and (
        n.casefold() == want or n.casefold().endswith(" " + want))}
    longest = max(hits, key=len, default=None)
    if longest is None or any(not longest.casefold().endswith(" " + n.casefold())
                              for n in hits - {longest}):
        return None  # nobody, or two persons of that family name
    return longest  # the full name, never a half of it the stage kept apart


class Signatures:
    """The signed quotations of a document (mixed into its ``_Document``)."""

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

    def _signed(self) -> None:
        """A quotation signed on the lines after it in its paragraph ('"..."' then
        "Dana Roy" then "Museum President"): the person the first line names, whole."""
        for i, para in enumerate(self.paras):
            if not para.spans or self.out[i]:
                continue
            last = para.spans[-1]
            rest = para.text[last.end:]
            if not rest.startswith("\n") or sum(s.end - s.start for s in para.spans) \
                    < 0.6 * len(para.text[:last.end].strip()):
                continue
            line = rest.strip().split("\n")[0]
            start = last.end + rest.index(line)
            signer = line.strip(" —–-")
            person = next((p for p in para.persons
                           if para.text[p.start:p.end] == signer), None)
            if person is None or not trusted(person.name) or len(rest.strip().split("\n")) > 3:
                continue
            for s in para.spans:
                self._emit(i, person.name, para.text[start:start + len(line)], s.start, s.end,
                           "direct")

    def _role_signed(self) -> None:
        """A paragraph that is a quotation and nobody's, signed by the line after it
        ("-- Senior engineer at a bank", "— Retired teacher, 67"): the person that line
        names, else an unnamed source described by it."""
        for i, para in enumerate(self.paras):
            if not para.spans or self.out[i] or para.text.lstrip()[:1] not in QUOTE_OPENERS:
                continue
            rest = para.text[para.spans[-1].end:]
            if rest.strip():  # '"..." -- Rust developer at a startup' in one paragraph
                sign, line, quoted = para, rest.strip(), para.text[:para.spans[-1].end]
            elif i + 1 < len(self.paras) and not self.paras[i + 1].spans:
                sign = self.paras[i + 1]
                line, quoted = sign.text.strip(), para.text
            else:
                continue
            if sum(s.end - s.start for s in para.spans) < 0.8 * len(quoted.strip()):
                continue
            m = _SIGNATURE.match(line)
            if not m or len(m.group("who").split()) > 16:
                continue
            who = m.group("who").strip()
            at = sign.text.rindex(who)
            first = next((p for p in sign.persons if at <= p.start <= at + 1), None)
            if first is not None and not trusted(first.name):
                continue
            head = who.split(",")[0].split()
            if first is None and len(head) <= 3 and all(_NAME.fullmatch(w) for w in head) \
                    and not any(role_noun(w) for w in head):
                continue  # "- Jennifer": a person's name the stage did not keep, no role
            for s in para.spans:
                self._emit(i, first.name if first else None, who, s.start, s.end, "direct")

    def _signed_below(self, i: int) -> bool:
        """The paragraph after paragraph ``i`` is a line signing it ("— Mother of two,
        Lenn Terrace"): its quotation is the signer's, not the last speaker's."""
        if i + 1 >= len(self.paras):
            return False
        line = self.paras[i + 1].text.strip()
        return "\n" not in line and bool(_SIGNATURE.match(line)) \
            and len(line.split()) <= 16 and not self.paras[i + 1].spans

    def _quote_boxes(self) -> None:
        """"Key quote" over a quotation that names nobody: an unnamed source's words (the
        box gives no speaker; a quotation attributed elsewhere keeps its speaker)."""
        for i in range(1, len(self.paras)):
            para = self.paras[i]
            if self.out[i] or not para.spans or not _QUOTE_LABEL.match(self.paras[i - 1].text.strip()):
                continue
            if para.text.lstrip()[:1] not in QUOTE_OPENERS or sum(
                    s.end - s.start for s in para.spans) < 0.8 * len(para.text.strip()):
                continue
            for s in para.spans:
                self._emit(i, None, self.paras[i - 1].text.strip(), s.start, s.end, "direct")

    def _interview(self) -> dict[int, tuple[str | None, str, int]]:
        """The answers of an interview, by paragraph: (speaker, label, where the answer
        starts).  "Name: ..." turns of a person named in the document (two or more), and
        "A: ..." turns after "Q: ..." ones, which are the words of the one person the
        paragraphs before the first question name."""
        named: dict[int, tuple[str, str, int]] = {}
        everyone = {p.name for para in self.paras for p in para.persons}
        for i, para in enumerate(self.paras):
            m = NAMED_TURN.match(para.text)
            if not m or QA_TURN.match(para.text):
                continue
            name = _turn_person(m.group("who"), everyone)
            if name is not None:
                named[i] = (name, m.group("who"), m.end() - 1)
        out = {i: t for i, t in named.items()
               if sum(n == t[0] for n, _, _ in named.values()) >= 2}
        labels = {i: m.group("label") for i, para in enumerate(self.paras)
                  if (m := QA_TURN.match(para.text))}
        questions = [i for i, x in labels.items() if x in ("Q", "Question")]
        answers = [i for i, x in labels.items() if x in ("A", "Answer")]
        if len(questions) >= 2 and len(answers) >= 2:
            intro = {p.name for para in self.paras[:questions[0]] for p in para.persons_outside()}
            if len(intro) == 1 and trusted(next(iter(intro))):
                name = intro.pop()
                for i in answers:
                    text = self.paras[i].text
                    out[i] = (name, labels[i], text.index(labels[i]) + len(labels[i]) + 1)
        if not out:  # questions set in bold, unlabelled: the exchange's shape
            turns = english_turns([p.text for p in self.paras], [p.quotes for p in self.paras],
                                  [[(x.start, x.end, x.name) for x in p.persons_outside()]
                                   for p in self.paras])
            out = {i: (name, label, a) for i, (name, label, a, _) in turns.items()
                   if trusted(name)}
        return out

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
