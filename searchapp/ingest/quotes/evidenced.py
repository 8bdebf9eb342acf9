"""Speakers the persons stage did not keep, taken as persons on the evidence of a clear
pattern of speech.

The recognizer misses names it has never seen, or types them as places and
organisations ("Yvonne" GPE, "Declan Furey" GPE, "Jasper" GPE of "Jasper ten Brink"),
and the persons stage keeps a single given name nowhere.  A name-shaped phrase in a
clear pattern of speech is a person all the same -- the pattern is the evidence:

* after a quotation, a verb of speech, a role and a name closing the clause
  ('"...," said councillor Magnus Lindqvist-Ahola.');
* a name with a personal cue, then a verb of speech: a title or role before it
  ("Conservative councillor Jasper ten Brink, who voted against, said"), or an
  apposition of a role, an age or "who" after it ("Yvonne, a retired nurse ..., said",
  "Kwabena, 24, who sells ...");
* a line "Name, role:" right before a paragraph that is a quotation;
* Korean and Chinese: the shapes news names a person in (:mod:`.cjk_names`: "한지원
  금융위원회 위원장은", "김도윤(52)씨", "董事长韩志远在", "王海峰表示", and "한 위원장",
  "王组长" standing for them);
* a document's shape: interview turns signed by a family name, the one full name of a
  Q&A's introduction, "The governor, X," whose role speaks later, a family name opening
  a sentence with a personal apposition, "— Name, role" under a quotation.

A phrase the recognizer typed as something else needs a personal cue (a title, a role,
an age, "who"), never the verb alone: an organisation speaks too ("Harcastle Estates
said").  Its later mentions in the document (the family name alone, "정 차관") are the
same person.  :func:`speech_persons` returns the mentions to add; the persons stage
adds them to its own (so ``person:``, ``said:`` and the Speaker facet know them), and
the attribution reads them like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from searchapp.ingest.entities import Mention
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.cjk_names import native_names
from searchapp.ingest.quotes.cues import (
    affiliation,
    aged,
    apposition_cue,
    cued_elsewhere,
    named_role_says,
    role_before,
    role_word,
    said_by,
    says,
    says_he,
)
from searchapp.ingest.quotes.interviews import INTERVIEWER, question_pairs
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.name_runs import core as _core
from searchapp.ingest.quotes.name_runs import double_barrelled as _double_barrelled
from searchapp.ingest.quotes.name_runs import name_word as _name_word
from searchapp.ingest.quotes.name_runs import run_after as _run_after
from searchapp.ingest.quotes.posts import NAMED_TURN, QA_TURN
from searchapp.ingest.quotes.slot_names import lowered_words, opens_with_common_word, slot_names
from searchapp.ingest.quotes.text import Word, sentences, words
from searchapp.ingest.quotes.unkept import opening_names
from searchapp.lexicon import (
    NAME_PARTICLES,
    STOPS,
)

_SAID = lx.SAID
_GLUED = lx.GLUED_NAME
#: Recognizer labels of things that speak too: a phrase so labelled needs a personal cue.
_THING_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT")


def _labelled_thing(name: tuple[int, int], labels: Sequence[tuple[int, int, str]]) -> bool:
    a, b = name
    return any(s < b and a < e and label in _THING_LABELS for s, e, label in labels)


#: A signature's role after the name: ", harbour master".
_ROLE_TAIL = r"(?:,\s*[^,\n\"“”]{1,60})?"
#: A paragraph worth reading for a speaker: a verb of speech, a line closed by a colon, a
#: signature closing it.
_MAY_SPEAK = re.compile(r"\b(?:" + "|".join(sorted(_SAID, key=len, reverse=True))
                        + r")\b|:\s*$|[—–-]\s*[^\W\d][\w'’. -]{0,40}" + _ROLE_TAIL + "$")


#: A quotation's signature that is a name, closing its paragraph: '"..." - Jennifer',
#: '"..." — Marisol Ekwueme-Hart, harbour master'.
_NAME_SIGNATURE = re.compile(r"[\"”’']\s*(?:--|[—–-])\s*"
                             r"(?P<who>[^\W\d][\w'’.-]*(?: [\w'’.-]+){0,3})"
                             + _ROLE_TAIL + r"\s*$")


_VERB = re.compile(r"\b(?:" + "|".join(sorted(_SAID, key=len, reverse=True)) + r")\b")
_LINE_CUES = re.compile(r"^[^\W\d_a-z][\w'’.-]*(?: [\w'’.-]+){0,5},[^:\n]{0,150}:\s*$|"
                        r"[\"”’']\s*(?:--|[—–-])\s*[^\W\d][\w'’. -]{0,40}" + _ROLE_TAIL + "$")
#: Words that open a sentence or stand for a speaker without naming one.
#: Verbs of speech whose object is the listener: a person right after them is no speaker.
_TOLD = frozenset({"told", "tell", "tells", "telling"})
_NOT_NAMING = frozenset("the a an he she it they we i you his her its their this that but and "
                        "in on at as for if when while after before so yet or our my".split())
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’-]*")


def _unresolved_speech(text: str, persons: Sequence[tuple[int, int]]) -> bool:
    """Worth reading for a speaker the persons stage did not find: a verb of speech with
    no resolved person right before it ("Lund said") or just after it ("said Dr. Lund"),
    or a line a signature or an interview turn may be.  Most paragraphs of news name
    their speakers where the stage found them: they are not read again."""
    if _LINE_CUES.search(text):
        return True
    for m in _VERB.finditer(text):
        told = m.group(0).lower() in _TOLD  # "X has told our reporter Y": Y is the listener
        if any(m.start() - 3 <= e <= m.start() or not told and m.end() <= s <= m.end() + 25
               for s, e in persons):
            continue
        a, b = max(0, m.start() - 100), m.end() + 60
        for w in _CAPITALISED.finditer(text, a, b):
            if w.group(0).lower() not in _NOT_NAMING and not any(
                    s <= w.start() < e for s, e in persons):
                return True  # a capitalised word near the verb that is nobody yet
    return False


def _english(text: str, labels: Sequence[tuple[int, int, str]], next_text: str,
             cued: list[tuple[int, int]] | None = None,
             saying_he: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of names in clear patterns of speech in one paragraph; ``cued`` gets the
    full names with a personal cue but no verb of speech of their own ("the economist
    Yusra el-Amin of the Centre ..."), whose family name may speak later; ``saying_he``
    single words saying "he"/"she" ("Aksel says he ..."), persons when the document
    names them as persons elsewhere."""
    if not _MAY_SPEAK.search(text):
        return []
    spans = [(s.start, s.end) for s in quote_spans([text])[0]]
    out: list[tuple[int, int]] = []
    for a, b in sentences(text, spans):
        ws = words(text, a, b, spans)
        named = [w.text[:1].isupper() and _name_word(w) for w in ws]
        for k in range(len(ws)):
            if not named[k] or k > 0 and (named[k - 1] or ws[k - 1].lower in NAME_PARTICLES
                                          and k > 1 and named[k - 2]):
                continue  # not the start of a name
            end = _run_after(ws, k)
            core = _core(ws[k:end])
            if not core or len(core) > 4:
                continue
            span = (ws[k].start, ws[end - 1].end)
            signed = _signed_line(text, ws, k, end, next_text)
            # "Grace Okwuosa-Lind of Goldman Sachs, who told me": the person, then the
            # body they speak for -- read on after the body
            aff = affiliation(ws, end) if len(core) >= 2 else end
            cue = role_before(ws, k) or apposition_cue(ws, aff) or signed or (
                aff > end and (says(ws, aff) or said_by(ws, k, aff))) or (
                # "The chief financial officer, Dashiell Vukašinović-Asiedu, said": a
                # full name between commas after a role, then its verb -- a person even
                # where the recognizer typed it as a body
                len(core) >= 2 and named_role_says(ws, k, end, personal=True))
            if len(core) == 1 and not cue and saying_he is not None and says_he(ws, end) \
                    and not (k > 0 and ws[k - 1].lower in lx.DETERMINERS):
                saying_he.append(span)  # "Durand said he would ...": a person if named so
                continue  # elsewhere
            # '"...," Clémence Akinwande-Pennycook said': a given name and a family name of
            # two parts, the subject of a verb of speech -- a person's shape, whatever the
            # recognizer typed it as (a body's name is no double-barrelled family name)
            barrelled = 2 <= len(core) <= 3 and _double_barrelled(core[-1]) \
                and (said_by(ws, k, end) or says(ws, end))
            if _labelled_thing(span, labels) and not cue and not barrelled:
                continue
            if k > 0 and ws[k - 1].lower in lx.DETERMINERS:
                continue
            if end < len(ws) and ws[end].text[:1] in "'’" and ws[end].text[1:2] in ("s", ""):
                continue  # "Harcastle's managing director": an owner, not the speaker
            if len(core) == 1 and aged(ws, end) and (k == 0 or ws[k - 1].text in (",", "Q")) \
                    and not _labelled_thing(span, labels):
                out.append(span)  # "Kwabena, 24, who sells phone repairs ...": an age
                continue
            if len(core) == 1 and not cue:
                # '"...," says Richter.' -- one word the recognizer typed as nothing else,
                # right after a quotation and its verb, closing the sentence
                if not _labelled_thing(span, labels) and said_by(ws, k, end) \
                        and (end == len(ws) or ws[end].text in (".", ";")):
                    out.append(span)
                continue
            if said_by(ws, k, aff) or says(ws, aff) or signed or named_role_says(ws, k, end) \
                    or aged(ws, end) and not _labelled_thing(span, labels):
                out.append(span)
            elif cue and cued is not None:
                cued.append(span)
    sig = _NAME_SIGNATURE.search(text)
    if sig and spans and text.lstrip()[:1] in "\"“‘'«" and sig.start() >= spans[-1][1] - 1:
        a, b = sig.span("who")
        if not _labelled_thing((a, b), labels) and all(
                _name_word(w) or _GLUED.match(w.text) or w.lower in NAME_PARTICLES
                for w in words(text, a, b, [])):
            out.append((a, b))  # '"..." - Jennifer': a quotation signed by a name alone
    return out


_SAID_WORDS = "|".join(sorted(_SAID, key=len, reverse=True))
_ROLE_SPEAKS = re.compile(rf"\b[Tt]he (?P<a>[a-z][a-z-]+),?\s+(?:\w+ly\s+)?(?:{_SAID_WORDS})\b|"
                          rf"\b(?:{_SAID_WORDS})\s+the (?P<b>[a-z][a-z-]+)\b")


_DASH_LINE = re.compile(r"^\s*(?:--|[—–-])\s*(?=\S)")


def _signature_under(text: str, prev: str) -> list[tuple[int, int]]:
    """"— Marisol Ekwueme-Hart, harbour master" as a paragraph of its own right under one
    that is a quotation (a blockquote's signature): the name it opens with, two to four
    name words closing at a comma or the line's end."""
    m = _DASH_LINE.match(text)
    prev = prev.strip()
    if not m or "\n" in text.strip() or len(text) > 160 or prev[:1] not in "\"“‘'«" \
            or prev[-1:] not in "\"”’'»":
        return []
    ws = words(text, m.end(), len(text), [])
    end = _run_after(ws, 0)
    if not 2 <= len(_core(ws[:end])) <= 4 or end < len(ws) and ws[end].text != ",":
        return []
    return [(ws[0].start, ws[end - 1].end)]


def _role_named(text: str, labels: Sequence[tuple[int, int, str]]
                ) -> list[tuple[tuple[int, int], str]]:
    """"The governor, Beatriz Olmedo-Ruiz,": the name a definite role is given in
    apposition, with the role (a name the recognizer calls a body is no person's: "the
    operator, Northway Buses,")."""
    out = []
    for m in lx.ROLE_APPOSITION.finditer(text):
        a, b = m.span("name")
        ws = words(text, a, b, [])
        if not lx.role_noun(m.group("role")) or m.group("role") in lx.BODY_NOUNS \
                or any(label in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART") and s < b and a < e
                       for s, e, label in labels) \
                or _run_after(ws, 0) != len(ws) or not 2 <= len(_core(ws)) <= 4:
            continue
        out.append(((a, b), m.group("role")))
    return out


def _speaking_roles(paragraphs: Sequence[tuple[str, str, str]]) -> set[str]:
    """The roles that speak in a document: 'the governor said', '"...," the governor
    said', '"...," said the governor'."""
    return {m.group("a") or m.group("b") for _, _, text in paragraphs
            for m in _ROLE_SPEAKS.finditer(text)}


def _family_speaks(name: str, paragraphs: Sequence[tuple[str, str, str]]) -> bool:
    """The family name of ``name`` speaks somewhere in the document: 'el-Amin wrote',
    '"...," said el-Amin'."""
    parts = name.split()
    k = len(parts) - 1
    while k > 1 and parts[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    if k < 1:
        return False
    written = " ".join(parts[k:])
    texts = [text for _, _, text in paragraphs if written in text]  # (the pattern holds it)
    if not texts:
        return False
    family = re.escape(written)
    pat = re.compile(rf"(?<![\w'’-]){family},?\s+(?:{_SAID_WORDS})\b|"
                     rf"[”\"’'],?\s+(?:{_SAID_WORDS})\s+{family}(?![\w-])")
    return any(pat.search(text) for text in texts)


def _signed_line(text: str, ws: Sequence[Word], k: int, end: int, next_text: str) -> bool:
    """"Declan Furey, passenger, travelling to a conference:" -- a line naming a person
    and their role, closed by a colon, right before a paragraph that is a quotation."""
    if k != 0 or end >= len(ws) or ws[end].text != "," or not text.rstrip().endswith(":"):
        return False
    if len(_core(ws[k:end])) < 2 or len(ws) > 24 or not any(role_word(w) for w in ws[end:]):
        return False
    nxt = next_text.lstrip()
    return bool(nxt) and nxt[0] in "\"“‘'«「『"




def _interviewed(paragraphs: Sequence[tuple[str, str, str]], labels: Mapping[str, Sequence]
                 ) -> list[str]:
    """Full names of persons whose answers in an interview are signed by their family
    name ("Armitage-Rhys: It was ..."), two turns or more, and who are named in full in
    the document ("Solveig Armitage-Rhys became director ..."), whatever the recognizer
    made of them."""
    turns: dict[str, int] = {}
    for _pid, _kind, text in paragraphs:
        m = NAMED_TURN.match(text)
        if m and all(_name_word(w) or _GLUED.match(w.text) or w.lower in NAME_PARTICLES
                     for w in words(m.group("who"), 0, len(m.group("who")), [])):
            turns[m.group("who")] = turns.get(m.group("who"), 0) + 1
    out = []
    for who, n in turns.items():
        if n < 2:
            continue
        for _pid, _kind, text in paragraphs:
            if " " + who.casefold() not in text.casefold():  # the name cannot end here
                continue
            ws = words(text, 0, len(text), [])
            for k in range(len(ws)):
                end = _run_after(ws, k)
                core = _core(ws[k:end])
                if 2 <= len(core) <= 4 and text[ws[k].start:ws[end - 1].end].casefold(
                        ).endswith(" " + who.casefold()):
                    out.append(text[ws[k].start:ws[end - 1].end])
                    break
            if out and out[-1].casefold().endswith(" " + who.casefold()):
                break
    return out


_FAMILY_APPOSITION = re.compile(rf"(?:^|[{STOPS}]\s+)(?P<family>[A-Z][\w'’-]+), (?:a|an|the|\d{{1,3}},) ")


def _full_name_of_cued_family(paragraphs: Sequence[tuple[str, str, str]],
                              labels: Mapping[str, Sequence],
                              mentions: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Full names whose family name alone opens a sentence with a personal apposition
    ("Marchal, a former accountant, keeps the books", "Bakare, 71, ...") elsewhere in
    the document: "Hélène Marchal" is a person whatever the recognizer made of it (never
    a name the recognizer calls PERSON-less body: its words must be names)."""
    out = []
    for pid, _kind, text in paragraphs:
        for m in _FAMILY_APPOSITION.finditer(text):
            if any(p.start <= m.start("family") < p.end for p in mentions.get(pid, ())
                   if p.kind == "person"):
                continue  # a person the stage resolved
            ws = words(text, m.start("family"), min(len(text), m.start("family") + 200), [])
            if len(ws) < 3 or not _name_word(ws[0]) or not (
                    apposition_cue(ws, 1) or aged(ws, 1)) or _labelled_thing(
                    m.span("family"), [(r.start, r.end, r.label) for r in labels.get(pid, ())]):
                continue
            family = m.group("family")
            full = {f.group(0) for _, _, other in paragraphs for f in re.finditer(
                rf"(?<![\w'’-])[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? {re.escape(family)}(?![\w'’-])",
                other)}
            full = {f for f in full if all(_name_word(w) for w in words(f, 0, len(f), []))}
            if len(full) == 1:
                out.append(full.pop())
    return list(dict.fromkeys(out))


def _qa_interviewee(paragraphs: Sequence[tuple[str, str, str]],
                    mentions: Mapping[str, Sequence[Mention]]) -> list[str]:
    """The one full name of an interview's introduction ("Tobiah Lindgren-Afolabi took
    over the archive in January. He spoke to us ...") when its answers are "A: ..." turns
    after "Q: ..." ones (two of each) and the persons stage found nobody there: the
    person whose answers they are, whatever the recognizer made of the name."""
    turns = [m.group("label") for _, _, text in paragraphs if (m := QA_TURN.match(text))]
    if sum(t in ("Q", "Question") for t in turns) < 2 or sum(t in ("A", "Answer")
                                                              for t in turns) < 2:
        return []
    first = next(n for n, (_, _, text) in enumerate(paragraphs) if QA_TURN.match(text))
    intro = paragraphs[:first]
    if any(m.kind == "person" for pid, _, _ in intro for m in mentions.get(pid, ())):
        return []
    names = set()
    for _pid, _kind, text in intro:
        ws = words(text, 0, len(text), [])
        k = 0
        while k < len(ws):
            end = _run_after(ws, k)
            if end > k and 2 <= len(_core(ws[k:end])) <= 4:
                names.add(text[ws[k].start:ws[end - 1].end])
            k = max(end, k + 1)
    return list(names) if len(names) == 1 else []


def _interviewer(paragraphs: Sequence[tuple[str, str, str]]) -> list[str]:
    """The full name right after "spoke to" / "interviewed by" in the introduction of an
    interview printed as unlabelled questions and answers (:mod:`.interviews`): the
    interviewer, whatever the recognizer made of the name."""
    texts = [text for _, _, text in paragraphs]
    pairs = question_pairs(texts, [[] for _ in texts], [[] for _ in texts])
    out = []
    for text in texts[:pairs[0]] if pairs else ():
        ws = words(text, 0, len(text), [])
        for k in range(len(ws)):
            if INTERVIEWER.search(text[max(0, ws[k].start - 30):ws[k].start]):
                end = _run_after(ws, k)
                if end > k and 2 <= len(_core(ws[k:end])) <= 4:
                    out.append(text[ws[k].start:ws[end - 1].end])
    return out[:1] if len(set(out)) == 1 else []


# --- the document --------------------------------------------------------------------


def speech_persons(paragraphs: Sequence[tuple[str, str, str]],
                   mentions: Mapping[str, Sequence[Mention]],
                   labels: Mapping[str, Sequence] | None = None,
                   known: Callable[[str], str | None] | None = None) -> dict[str, list[Mention]]:
    """Person mentions to add to one document's: names in clear patterns of speech the
    persons stage did not keep, and their later mentions in the document.  Paragraphs
    are ``(id, kind, text)``; ``mentions`` the stage's resolved ones by paragraph id;
    ``labels`` the recognizer's raw spans (``start``, ``end``, ``label``); ``known``
    gives the canonical person a spelling already stands for (a curated or found
    person), "" for a name curation says is no person (never added), None otherwise."""
    labels = {} if labels is None else labels  # a lazy store is empty until read
    known = known or (lambda _name: None)
    found: dict[str, str] = {}  # surface -> canonical
    new: dict[str, list[tuple[int, int, str]]] = {}
    speaking_roles: set[str] | None = None
    lowered = None  # the document's words in lower case, read when first needed
    speaking: list[int] = []  # paragraphs with a verb of speech no found person holds
    for n, (pid, _kind, text) in enumerate(paragraphs):
        taken = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
        lab = [(r.start, r.end, r.label) for r in labels.get(pid, ())]
        nxt = paragraphs[n + 1][2] if n + 1 < len(paragraphs) else ""
        cued: list[tuple[int, int]] = []
        saying_he: list[tuple[int, int]] = []
        unresolved = _unresolved_speech(text, taken)
        if unresolved:
            speaking.append(n)
        english = _english(text, lab, nxt, cued, saying_he) if unresolved else []
        english += _signature_under(text, paragraphs[n - 1][2] if n else "")
        named = _role_named(text, lab)
        if named and speaking_roles is None:  # the roles that speak in the document
            speaking_roles = _speaking_roles(paragraphs)
        english += [span for span, role in named if role in (speaking_roles or ())]
        if english:  # "Yesterday Kowalczyk-Ade said": no given name "Yesterday"
            if lowered is None:
                lowered = lowered_words([t for _, _, t in paragraphs])
            english = [(a, b) for a, b in english
                       if not opens_with_common_word(text, a, lowered)]
        spans = [(a, b, "") for a, b in english]
        spans += [(a, b, "") for a, b in opening_names(text, lab, taken)]  # "Margaret ..."
        spans += [(a, b, "") for a, b in cued if _family_speaks(text[a:b], paragraphs)]
        spans += [(a, b, "") for a, b in saying_he if cued_elsewhere(text[a:b], paragraphs)]
        for a, b, _title in spans:
            if any(s < b and a < e for s, e in taken):
                continue
            surface = " ".join(text[a:b].split())
            if surface not in found:
                canonical = known(surface)
                if canonical == "":
                    continue  # curation: not a person
                found[surface] = canonical or surface
            new.setdefault(pid, []).append((a, b, found[surface]))
    resolved = {pid: [(m.start, m.end) for m in ms if m.kind == "person"]
                for pid, ms in mentions.items()}
    short_forms: dict[str, str] = {}
    for surface in [*_interviewed(paragraphs, labels), *_qa_interviewee(paragraphs, mentions),
                    *_interviewer(paragraphs),
                    *_full_name_of_cued_family(paragraphs, labels, mentions),
                    *slot_names(paragraphs, resolved, speaking, short_forms)]:
        if known(surface) == "":
            continue
        found.setdefault(surface, known(surface) or surface)
        for pid, _kind, text in paragraphs:
            taken = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?![\w-])", text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    new.setdefault(pid, []).append((m.start(), m.end(), found[surface]))
    native = native_names(
        [text for _, _, text in paragraphs],
        [[(m.start, m.end, m.name) for m in mentions.get(pid, ()) if m.kind == "person"]
         for pid, _, _ in paragraphs], known)
    if not found and not any(native):
        return {}
    # later mentions: the family name alone ("ten Brink", "el-Masri"), a single name
    # again, "정 차관"
    family: dict[str, str] = {}
    for surface, canonical in found.items():
        parts = surface.split()
        if len(parts) == 1:
            family.setdefault(surface, canonical)
            continue
        k = len(parts) - 1
        while k > 1 and parts[k - 1].lower() in NAME_PARTICLES:
            k -= 1
        family.setdefault(" ".join(parts[k:]), canonical)
    for short, full in short_forms.items():  # "Céspedes" of "Reinier Céspedes Arencibia"
        if full in found:
            family.setdefault(short, found[full])
    out: dict[str, list[Mention]] = {}
    for n, (pid, _kind, text) in enumerate(paragraphs):
        have = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
        spans = [*new.get(pid, ()), *native[n]]
        for word, canonical in family.items():
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text):
                spans.append((m.start(), m.end(), canonical))
        kept: list[Mention] = []
        for a, b, canonical in sorted(spans, key=lambda s: (s[0], -s[1])):
            if any(s < b and a < e for s, e in have) or any(
                    m.start < b and a < m.end for m in kept):
                continue
            kept.append(Mention(a, b, canonical, "person", "speech"))
        if kept:
            out[pid] = kept
    return out


def with_speech_persons(paragraphs: Sequence[tuple[str, str, str]],
                        mentions: dict[str, list[Mention]],
                        labels: Mapping[str, Sequence] | None = None,
                        known: Callable[[str], str | None] | None = None,
                        added: Mapping[str, Sequence[Mention]] | None = None
                        ) -> dict[str, list[str]]:
    """Add :func:`speech_persons` to ``mentions`` in place (a place mention the new
    person overlaps gives way); the canonical names added with their spellings.
    ``added``: what :func:`speech_persons` returned for these paragraphs and mentions,
    when the caller has it (a remembered result)."""
    if added is None:
        added = speech_persons(paragraphs, mentions, labels, known)
    spellings: dict[str, list[str]] = {}
    texts = {pid: text for pid, _, text in paragraphs}
    for pid, ms in added.items():
        old = [m for m in mentions.get(pid, ())
               if not any(m.start < n.end and n.start < m.end for n in ms)]
        mentions[pid] = sorted([*old, *ms], key=lambda m: (m.start, m.end))
        for m in ms:
            names = spellings.setdefault(m.name, [m.name])
            surface = texts[pid][m.start:m.end]
            if surface not in names:
                names.append(surface)
    return spellings
