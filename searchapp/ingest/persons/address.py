"""Forms of address the model took into names, told by how the collection writes the names.

A capitalized word before names is a title, not a name's first word, when the collection
shows it: it precedes two or more different given names -- each the first word of another
name of its document that goes on with a family name ("Pani Teresa" beside "Teresa
Mroczek", "Pani Ewa" beside "Ewa Zielak") -- and it never stands alone or inside another
name anywhere.  One given name is not enough: "Kimberly David" beside "David Linton" is a
person whose family name is another's given name.  The forms of address of the world's
languages (:mod:`searchapp.lexicon.address`) are cut as the lexicon classes
them: those never a name word ("Daw", "Oknha") wherever they begin a name; those that are
names too (Burmese "U", Indonesian "Pak Karyono" but Korean "Pak Pong-ju":
:data:`searchapp.lexicon.ADDRESS_WORDS_SHARED`) where the collection writes the rest
without them ("Karyono stayed") and the document never the word alone ("Pak said"),
:func:`_listed_run`.  A form of address
written after a name (:data:`searchapp.lexicon.TITLES_AFTER`: "Ahmet Bey", "Munni Apa") is
cut where the document never writes the word alone ("Bey began his career": Dawoud Bey's
family name).  Those that are given names too (Spanish "Don", Portuguese "Dom":
:data:`searchapp.lexicon.ADDRESS_WORDS_GIVEN`) are titles where the document writes the
rest again as a full name ("Don Ana Ruiz" ... "Ana Ruiz said"); "Dr" and "Prof" without
a dot where the word after them is a word of another name of the document ("Dr Hà" of
"Nguyễn Thị Thu Hà").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from searchapp.ingest.persons import names as nm
from searchapp.lexicon.address import ADDRESS_WORDS_SINGLE, AFTER_NAMES_TOO
from searchapp.ingest.persons.context import addressed, span_cues
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import Candidate, DocText
from searchapp.lexicon import (
    ADDRESS_WORDS_BEFORE,
    ADDRESS_WORDS_GIVEN,
    ADDRESS_WORDS_SHARED,
    NAME_PARTICLES,
    TITLE_WORDS,
    TITLES_AFTER,
)


@dataclass
class AddressEvidence:
    """What one document shows of the first words of its names."""

    #: first word -> the given names it precedes there ("Pani" -> {"Teresa"})
    given: dict[str, set[str]] = field(default_factory=dict)
    #: first words standing alone or inside a longer name there (no title)
    named: set[str] = field(default_factory=set)
    #: shared forms of address the document shows as titles ("Pak" before "Karyono")
    shared: set[str] = field(default_factory=set)
    #: every first word of its names
    firsts: set[str] = field(default_factory=set)
    #: forms of address after a name the document never writes alone ("Apa")
    after: set[str] = field(default_factory=set)
    #: first words the document drops when it names the person again (:func:`_dropped`)
    dropped: set[str] = field(default_factory=set)


@per_document
def document_address(doc: DocText, full: list[Candidate], single: list[Candidate],
                     spans: Iterable[str] = (), elsewhere: frozenset[str] = frozenset()
                     ) -> AddressEvidence:
    """:class:`AddressEvidence` of one document's candidates; ``spans``: the model's other
    spans of two words or more there ("Kyria Eleftheria" typed ORG), read for
    :attr:`AddressEvidence.dropped` and the lexicon's forms of address; ``elsewhere``: the
    collection's full names (:func:`_listed_run`; a recording view under a memo, so that
    the step is computed again only for the documents whose own names changed, or whose
    names a change of the collection's reaches: it read every document's paragraphs on
    every run)."""
    out = AddressEvidence()
    spans = set(spans)
    alone = {c.text for c in single}
    texts = [t for _, _, t in doc.paragraphs]
    # a form of address after a name ("Ahmet Bey") where the document never writes the word
    # alone; one that is a family name too only where it writes the name before it alone
    # ("Pemba said"): "Jinhua Dai", "Jeff Bobo", "Lamine Sama" in full keep their name
    befores: dict[str, set[str]] = {}
    for n in {c.text for c in full} | spans:
        *rest, last = n.split()
        if rest and last in _AFTER:
            befores.setdefault(last, set()).add(rest[-1] if len(rest) == 1 else " ".join(rest))
    out.after = {w for w, rests in befores.items()
                 if not any(_alone(w, text) for text in texts)
                 and (w not in AFTER_NAMES_TOO
                      or any(r in alone or " " not in r and any(_by_itself(r, t) for t in texts)
                             for r in rests))}
    names = {c.text for c in full}
    out.named = alone | {w for c in full for w in c.text.split()[_titled(c.text.split(),
                                                                      c.opening):]}
    words_of_others = {w for n in names for w in n.split()[1:] if n.split()[0] not in _DOTLESS}
    by_first: dict[str, set[str]] = {}
    for name in names:
        first, *rest = name.split()
        by_first.setdefault(first, set()).add(" ".join(rest))
    for first, rests in by_first.items():
        if first in _DOTLESS:  # "Dr Hà" beside "Nguyễn Thu Hà"; "Dr Roe" alone stays
            if all(" " not in r and r in words_of_others for r in rests):
                out.shared.add(first)
            continue
        if first in TITLE_WORDS or first.lower() in NAME_PARTICLES:
            continue
        out.firsts.add(first)
        if first in _LISTED:  # "Daw Aye Aye", "U Khin Maung" beside "Khin Maung"
            runs = [_listed_run(first + " " + r, out.named, alone, names, elsewhere, texts)
                    for r in rests]
            out.shared.update(*runs)  # one name so written shows the word a title here
            continue
        if first in ADDRESS_WORDS_GIVEN:  # "Don Ana Ruiz" beside "Ana Ruiz", not "Don Ruiz"
            if first not in out.named and all(" " in r and r in names for r in rests):
                out.shared.add(first)
            continue
        if first not in out.named and any(_named_without(first, r, names, elsewhere, texts)
                                          for r in rests):
            out.shared.add(first)  # "Bari Hamadoun Tall" ... "Hamadoun Tall", "Tall said"
            continue
        given = {r for r in rests if " " not in r and _given_name(r, first, names)}
        if given:
            out.given[first] = given
    for span in spans:  # "Kyria Eleftheria" typed ORG, promoted later
        out.shared.update(_listed_run(span, out.named, alone, names, elsewhere, texts))
    others = {w for s in spans for w in s.split()[:1]} - TITLE_WORDS - ADDRESS_WORDS_SHARED
    others = {w for w in others if w.lower() not in NAME_PARTICLES and w not in _DOTLESS}
    out.dropped = _dropped(doc, names | set(spans), names, (out.firsts | others)
                           - ADDRESS_WORDS_SHARED - ADDRESS_WORDS_GIVEN)
    return out


def _titled(words: list[str], opening: bool = False) -> int:
    """How many words before a name's first are titles or forms of address ("Sayadaw U
    Pannasami": 2), at least 1 (the first word of a name is not inside it).  A name that
    opens a sentence may begin with a word glued to it ("Tell Ko Zaw the rake is
    broken"): forms of address right after its first word are no words inside it."""
    i = 0
    while i < len(words) - 1 and (words[i] in _LISTED or words[i] in TITLE_WORDS):
        i += 1
    if opening and i == 0:
        i = 1
        while i < len(words) - 1 and words[i] in _LISTED:
            i += 1
    return max(i, 1)


def _listed_run(name: str, named: set[str], alone: set[str], names: set[str],
                elsewhere: frozenset[str] = frozenset(), texts: Iterable[str] = ()) -> set[str]:
    """The forms of address of the lexicon (:mod:`searchapp.lexicon.address`)
    that begin ``name`` and are titles there ("Pak Cik" of "Pak Cik Wan Ismail"), or an
    empty set.  Those never a name word ("Daw", "Weyzero") always are.  With one that is
    also a name word ("U", "Sri", "Gogo"), only where the collection writes the rest of the
    name without them and the document never writes one of them inside another name
    (``named``): the rest is a name of the document (``names``) or a full name of another
    (``elsewhere``), not a family name with a particle ("Gus Van Sant" ... "Van Sant"); its given name is written by itself (``texts``: "Sri Rohani Ghazali"
    ... "Rohani said"); one word is the given name of a full name of the document ("Gogo
    Thandi" beside "Thandi Roe"); or one word after those before single or given names
    (:data:`~searchapp.lexicon.address.ADDRESS_WORDS_SINGLE`: "Pak Karyono")
    stands alone (``alone``, ``texts``) -- after the others that is the shape of "Nan
    Goldin" then "Goldin", a family name."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and words[i] in _LISTED:
        i += 1
    run, rest = words[:i], " ".join(words[i:])
    if not run or rest.lower() in NAME_PARTICLES:
        return set()
    if all(w in ADDRESS_WORDS_BEFORE for w in run) or _called(name, texts, True) and (
            _honorific(rest) or any(_by_itself(rest.split()[0], t) for t in texts)):
        return set(run)  # "Papa Lukeni, as the town called him" ... "Lukeni would laugh"
    if any(w in named for w in run if w not in ADDRESS_WORDS_BEFORE):
        return set()
    family = rest.split()[0].lower() in NAME_PARTICLES  # "Gus Van Sant" ... "Van Sant said"
    if not family and (rest in names or " " in rest and rest in elsewhere):
        return set(run)
    if run[-1] in ADDRESS_WORDS_SINGLE and (  # "Bu Sumarni" ... "— Sumarni has drawn"
            rest in alone or any(_by_itself(rest, t) for t in texts)):
        return set(run)
    given = rest.split()[0]  # "Sri Rohani Ghazali" ... "Rohani said"
    if " " in rest and len(given) > 1 and any(_by_itself(given, t) for t in texts):
        return set(run)
    of_full = " " not in rest and any(
        n.split()[0] == rest and n.split()[-1] != rest and n.split()[-1] not in _LISTED
        for n in names)
    return set(run) if of_full else set()


def _named_without(first: str, rest: str, names: set[str], elsewhere: frozenset[str],
                   texts: list[str]) -> bool:
    """Whether the document names the person of "``first`` ``rest``" without the first
    word, in every way a name is written: the rest as a full name by itself, its given
    name by itself and its family name by itself ("Bari Hamadoun Tall" ... "Hamadoun
    Tall said", "Hamadoun decides", "the younger Tall") -- so the first word is a form of
    address the lexicon does not hold.  Not where the first word begins another person's
    name in the collection (a given name), nor for a rest with a particle ("Van Sant",
    "Zanella do Amaral": Portuguese family names written whole, and each alone); a
    Spanish double family name ("Gabriel Roa Pineda" ... "Roa Pineda", "Roa said") is
    seldom written by its second half alone."""
    words = rest.split()
    if (len(words) < 2 or any(w.lower() in NAME_PARTICLES for w in words)
            or not (rest in names or any(_alone(rest, t) for t in texts))):
        return False
    if any(n.split()[0] == first and not n.startswith(f"{first} {rest}") for n in elsewhere):
        return False
    if any(_WENT_BY.search(t, max(0, s - 60), s) for t in texts
           for s, _ in _written_at(rest, t, _LETTER)):  # "known all his life as Thomas
        return False  # Kelly": a given name he does not use, not a title
    return all(len(w) > 1 and not w.endswith(".") and any(_by_itself(w, t) for t in texts)
               for w in (words[0], words[-1]))


def _dropped(doc: DocText, names: set[str], persons: set[str], firsts: set[str]) -> set[str]:
    """First words of the document's names that it drops when it names the person again:
    "T G" beside a person's full name "G F" (``persons``) whose given name G and family
    name F the page writes by themselves too ("Batono Zviad" beside "Zviad Roe", then
    "Zviad said" and "Roe's deputy").  A given name alone is the evidence: "John Smith"
    then "Smith" drops the given name, and "Kimberly David" beside "David Linton" with no
    "David" alone is left to the collection (:func:`collection_address`).  "T G F" then
    "G" alone was tried and dropped: Spanish and Portuguese names write the father's
    family name alone ("Solís" of "Ana Solís Arancibia").  Or the page says "T G" is what
    people call the person (:func:`_called`: "Paron Aram, as his engineers call him") and
    writes G alone or as the given name of a person's full name.  T is never written
    alone in the document (nor, checked by the caller, anywhere in the collection)."""
    texts = [t for _, _, t in doc.paragraphs]
    out: set[str] = set()
    for name in names:
        words = name.split()
        if words[0] not in firsts or len(words) < 2:
            continue
        g = words[1]
        if (len(g) < 2 or g.endswith(".") or g.lower() in NAME_PARTICLES
                or g in TITLE_WORDS or g == words[-1] and len(words) > 2):
            continue
        if len(words) != 2 or any(_by_itself(words[0], t) for t in texts):
            continue
        alone = any(_by_itself(g, t) for t in texts)
        if alone and _given_of(g, words[0], persons, texts) or _called(name, texts) and (
                alone or any(n.split()[0] == g and " " in n and nm.fold_word(words[0]) not in
                             {nm.fold_word(w) for w in n.split()} for n in persons)):
            out.add(words[0])
    return out


def _honorific(rest: str) -> bool:
    """Whether the words after a form of address are an honorific too, no name ("Giani
    ji", "Chaudhry Sahib"): in lower case, or a form of address written after names."""
    return rest[:1].islower() or rest.split()[0] in _AFTER


def _called(name: str, texts: Iterable[str], known: bool = False) -> bool:
    """Whether the page says ``name`` is what people call the person ("T G, as the crew
    call him", "T G, as she is known"): a form of address, not a full name.  With
    ``known``, also what people know the person as ("T G, as the town knew her", "known
    as T G") -- said of nicknames too ("Nyar Odhiambo, as the beach knows her"), so read
    only for a form of address of the lexicon."""
    after = _KNOWN if known else _CALLED
    return any(after.match(t, end) or known and not _WORD_GOES_ON.match(t, end)
               and _KNOWN_AS.search(t, max(0, start - 20), start)
               for t in texts for start, end in _written_at(name, t, overlapping=True))


def _given_of(g: str, t: str, names: set[str], texts: list[str]) -> bool:
    """Whether ``g`` is the given name of a person's full name "G F" of the page (``names``)
    whose family name it writes by itself too ("Zviad Roe" ... "Roe's deputy"), F no form
    of ``t`` ("Yoko Sawamura" beside "Sawamura Yōko" is one name in two orders)."""
    fs = {n.split()[-1] for n in names if n.split()[0] == g and len(n.split()) >= 2}
    return any(f != g and nm.fold_word(f) != nm.fold_word(t)
               and any(_by_itself(f, x) for x in texts) for f in fs)


def _by_itself(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with no capitalized word right before or after it
    (a name of one word: "Dawit said", "Zviad's brother")."""
    return _written_apart(word, text, after=True)


_AFTER = frozenset(TITLES_AFTER)
#: The lexicon's forms of address before a name that the rules do not cut already.
_LISTED = ADDRESS_WORDS_BEFORE | ADDRESS_WORDS_SHARED
#: Forms of address only ever written after a name ("Pemba Dai"): never cut before one
#: ("Dai Bingguo").
_AFTER_ONLY = _AFTER - _LISTED - ADDRESS_WORDS_GIVEN
#: Academic titles British style writes without a dot ("Dr Roe", "Prof Roe"), which the
#: model takes into the name: cut where the document names the person in full too (else
#: the titled name is all there is of them).
_DOTLESS = frozenset({"Dr", "Prof"})


def _alone(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with no capitalized word right before it."""
    return _written_apart(word, text, after=False)


def _written_apart(word: str, text: str, after: bool) -> bool:
    """Whether ``text`` writes ``word`` with no capitalized word right before it (a
    sentence's end between them does not count) and, with ``after``, none right after."""
    for start, end in _written_at(word, text, _WORD_GOES_ON):
        before = text[:start].rstrip().rsplit(None, 1)
        if before and _capitalized(before[-1]) and before[-1][-1:] not in ".,;:!?\"”":
            continue
        nxt = re.match(r"[ \t]+([^\s]+)", text[end:]) if after else None
        if not (nxt and nxt.group(1)[:1].isupper()):
            return True
    return False


#: What after "T G" says it is what people call the person (:func:`_called`); with "knew"
#: too, what people know someone as ("T G, as the town knew her")
_AS_PEOPLE_SAY = (r",?[ \t]+as[ \t]+(?:(?:[a-z’'-]+[ \t]+){{0,4}}?(?:{verbs})\b"
                  r"|(?:s?he|they)[ \t]+(?:is|are|was|were)[ \t]+(?:known|called)\b)")
_CALLED = re.compile(_AS_PEOPLE_SAY.format(verbs="calls?|called|address(?:es)?"))
_KNOWN = re.compile(_AS_PEOPLE_SAY.format(verbs="calls?|called|address(?:es|ed)?|knows?|knew"))
_KNOWN_AS = re.compile(r"\b(?:known|called)[ \t]+as[ \t]+$")
# what a person goes by, before the name ("known all his life as", "went by")
_WENT_BY = re.compile(r"\b(?:known|went|goes|go)\b[^.;]{0,30}?\b(?:as|by)[ \t]+$")
_LETTER = re.compile(r"\w")
_WORD_GOES_ON = re.compile(r"[\w-]")
_WORD_BEFORE = re.compile(r"[\w'’-]")


def _written_at(word: str, text: str, goes_on: re.Pattern | None = None,
                overlapping: bool = False) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` of each place ``text`` writes ``word`` not inside a longer word:
    no letter, digit, apostrophe or hyphen right before it (and with ``goes_on``, nothing
    it matches right after), left to right, as ``re.finditer`` finds
    ``(?<![\w'’-])word(?![\w-])`` (``overlapping``: as ``re.search`` tries each start) --
    found by ``str.find``, with no expression compiled for each word: thousands per
    collection, each compiled anew once re's cache is full."""
    i, n = text.find(word), len(word)
    while i >= 0:
        end = i + n
        if (i == 0 or not _WORD_BEFORE.match(text, i - 1)) and (
                goes_on is None or not goes_on.match(text, end)):
            yield i, end
            i = text.find(word, i + 1 if overlapping else end)
        else:
            i = text.find(word, i + 1)


def _capitalized(word: str) -> bool:
    """Whether ``word`` is capitalized after an opening quote or bracket ("“Pemba")."""
    return word.lstrip("\"“‘'([«„")[:1].isupper()


def _given_name(word: str, first: str, names: set[str]) -> bool:
    """Whether ``word`` begins another name of the document that goes on with a family
    name of letters ("Teresa" of "Teresa Mroczek"; not "Verhaegen" of "Verhaegen C.")."""
    return any(n.split()[0] == word and n.split()[-1] != word and not n.startswith(first + " ")
               and all(len(w) > 2 and not w.endswith(".") for w in n.split()) for n in names)


def collection_address(docs: Iterable[AddressEvidence]) -> set[str]:
    """The words the collection shows to be forms of address (not the shared ones)."""
    docs = list(docs)
    named = set().union(*(d.named for d in docs)) if docs else set()
    given: dict[str, set[str]] = {}
    for d in docs:
        for first, names in d.given.items():
            given.setdefault(first, set()).update(names)
    return {w for w, names in given.items() if len(names) >= 2 and w not in named}


def cut_address(doc: DocText, raw: Mapping[str, list[RawMention]], full: list[Candidate],
                single: list[Candidate], words: frozenset[str], done: Iterable[int] = (),
                back: frozenset[str] = frozenset()) -> tuple[list[Candidate], list[Candidate]]:
    """``full`` and ``single`` with the forms of address ``words`` cut off (not from the
    candidates whose ``id`` is in ``done``: cut already), and those of ``back`` (shown
    elsewhere in the collection) where the rules, not the model, put them before the name
    (:func:`searchapp.ingest.persons.name_edges.name_starts_before`)."""
    kept, single, done = [], list(single), set(done)
    for c in full:
        first, last = c.text.split()[0], c.text.split()[-1]
        pid, _, text = doc.paragraphs[c.para]
        cut_first = first in words and first not in _AFTER_ONLY or first in back and not any(
            m.start == c.start for m in raw.get(pid, ()))
        cut_last = last in words and last in _AFTER  # "Ahmet Bey"; not "Jack Ma"
        if id(c) in done or not cut_first and not cut_last:
            kept.append(c)
            continue
        s, e = c.start, c.end
        if cut_first:  # "Pak Cik Wan Ismail": each form of address of the run
            lead = list(re.finditer(r"\S+", c.text))
            n = 1
            while (n < len(lead) - 1 and lead[n].group() in words
                   and lead[n].group() not in _AFTER_ONLY):
                n += 1
            s = c.start + lead[n - 1].end()
        e -= len(last) if cut_last else 0
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        cues = span_cues(text, s, e, raw.get(pid, ()))
        cut = replace(c, start=s, end=e, text=text[s:e],  # a title stood before it
                      cues=addressed(cues) if cut_first else cues)
        (kept if " " in cut.text else single).append(cut)
    return kept, single
