"""Persons inside one document: full names, then short, titled and native-script forms.

The second half of :func:`searchapp.ingest.persons.people.find_persons`, run once per
document after the collection's trusted persons are known (:class:`Lookup`).  Full
names anchor the rest: a bare or titled name ("Yoon", "President Yoon", "Mr. Xi")
is the nearest person of that name before it in the document, else the first
after it, else -- for mentions the model or a title vouches for -- the only
person of that *family* name in the collection (a given name alone never goes
to another document's person: "Charles" is not Charles Simpson).  Names in
Chinese characters or Hangul link to the romanized person they read as (习近平,
시진핑, 尹錫悅) where they stand as names: beside the romanized name, with a
title, in a byline, and then elsewhere in that document; a lone character (尹
in a Korean headline) to the person of that family name in the same document.
Every mention carries how it was resolved (:attr:`Mention.why`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from searchapp.ingest.entities import Mention, Registry, nearest_mention
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.evidence import AGAINST, SOFT, STRONG, cues, opening
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.recognize import PLACE_LABELS, RawMention  # noqa: F401 (re-exported)
from searchapp.ingest.persons.words import (
    KOREAN_PARTICLES,
    NATIVE_BYLINE,
    NATIVE_TITLES,
    RELATIVES,
)
from searchapp.ingest.pipeline import guess_language
from searchapp.lexicon import GIVEN_NAME_TITLES, TITLE_WORDS

#: Languages of the documents whose model spans are used ("" = not known): an
#: English model reads capitalized German nouns or Indonesian words as names.
MODEL_LANGUAGES = ("en", "")
#: Labels that say a span is not a person.
NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT",
                               "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class DocText:
    """One document as the person finder needs it."""

    doc_id: str
    paragraphs: tuple[tuple[str, str, str], ...]  # (paragraph id, kind, text)
    #: two-letter code; the model's spans count only in English text ("" = unknown)
    language: str = ""
    #: where it is and what it is called (shown with a person's evidence)
    path: str = ""
    title: str = ""

    @classmethod
    def of(cls, document) -> DocText:
        """From a :class:`searchapp.ingest.pipeline.Document`."""
        return cls(document.doc_id,
                   tuple((p.id, p.kind, p.text) for p in document.paragraphs),
                   document.meta.language, document.path,
                   getattr(document.meta, "title", "") or "")

    @cached_property
    def pids(self) -> tuple[str, ...]:
        """The paragraph ids, in order."""
        return tuple(pid for pid, _, _ in self.paragraphs)

    @cached_property
    def in_model_language(self) -> bool:
        """See :func:`model_language` (computed once per document)."""
        if self.language not in MODEL_LANGUAGES:
            return False
        sample = " ".join(t for _, _, t in self.paragraphs[:30])[:5_000]
        guess = guess_language(sample)
        # Too little text to tell (a headline, a caption): trust the declaration.
        return guess == "en" or (guess == "" and len(sample.split()) < 40)


@dataclass
class Candidate:
    """A person name found in paragraph ``para`` at ``start:end`` (``text`` is the name
    it stands for, which a later step may lengthen: "Van Der Beek" -> "James Van Der Beek")."""

    para: int
    start: int
    end: int
    text: str
    heading: bool  # in a title-case line, where capitals prove nothing
    #: what surrounds it (:func:`searchapp.ingest.persons.evidence.cues`)
    cues: frozenset[str] = frozenset()
    opening: bool = False  # opens its sentence


def model_language(doc: DocText) -> bool:
    """Whether the document is in the model's language (checked on its text when the
    page's own declaration is missing or English: sites mislabel their language)."""
    return doc.in_model_language


def family_key(word: str) -> str:
    """A bare name compared with persons' family names: romanization folded for words of
    four letters or more ("Zelenskyy" = "Zelensky"), exact for shorter ones ("Ali" is
    not "Ally", "Neo" not "Neu")."""
    return nm.fold_word(word) if len(nm.plain(word)) >= 4 else nm.plain(word)


def _name_word(word: str) -> bool:
    """A word that can stand alone for a person: not a lone letter, not an acronym."""
    return len(word) > 1 and not word.isupper() and not nm.HAN.search(word) \
        and not nm.HANGUL.search(word)


class Lookup:
    """Spelling -> canonical name; first or last word -> canonical names (inside one
    document); family name -> canonical names (over the collection)."""

    def __init__(self, persons: dict[str, list[str]], registry: Registry | None) -> None:
        self.by_key: dict[str, str] = {}
        self.by_family: dict[str, set[str]] = {}
        #: family word -> persons: the last word of a name, or its first when written
        #: after a title somewhere ("President Xi" -> Xi Jinping)
        self.families: dict[str, set[str]] = {}
        self.loose: dict[str, str] = {}
        self.family_loose: dict[str, set[str]] = {}
        self.registry = registry
        #: canonical name -> how many documents name it in full (set by the caller)
        self.spread: dict[str, int] = {}
        #: canonical name -> spellings: persons named in body text or by the registry
        self.spellings = persons
        for canonical, spellings in persons.items():
            for s in spellings:
                self._index(canonical, s)

    def _index(self, canonical: str, s: str) -> None:
        if nm.HAN.search(s) or nm.HANGUL.search(s):
            return
        for k in nm.exact_keys(s):
            self.by_key.setdefault(k, canonical)
        for k in nm.romanized_keys(s):
            self.loose.setdefault(k, canonical)
        words = nm.tokens(s)
        family = nm.family_word(s)
        for w in (words[0], family):
            if _name_word(w):
                self.by_family.setdefault(family_key(w), set()).add(canonical)
                self.family_loose.setdefault(nm.loose_key(w), set()).add(canonical)
        for w in words[1:-1]:  # "Lula" of "Luiz Inácio Lula da Silva", in the same article
            if len(w) >= 3 and w[:1].isupper() and _name_word(w) and w != family:
                self.by_family.setdefault(family_key(w), set()).add(canonical)
        if len(words) >= 2 and _name_word(family):
            self.families.setdefault(family_key(family), set()).add(canonical)

    def add(self, name: str) -> None:
        """A person known only from one document's headline, confirmed by its body."""
        if name in self.spellings:
            return
        self.spellings[name] = [name]
        self._index(name, name)

    def add_families(self, titled: Iterable[str]) -> None:
        """Words written after a title ("President Xi"): family names of the persons
        whose name they begin."""
        for word in set(titled):
            k = family_key(word)
            for name in self.by_family.get(k, ()):
                if any(family_key(nm.tokens(s)[0]) == k for s in self.spellings.get(name, ())
                       if not nm.HAN.search(s) and not nm.HANGUL.search(s)):
                    self.families.setdefault(k, set()).add(name)

    def canonical(self, name: str) -> str | None:
        for k in nm.exact_keys(name):
            if k in self.by_key:
                return self.by_key[k]
        if self.registry is not None:
            return self.registry.canonical_person(name)
        return None


_GIVEN_TITLE_BEFORE = re.compile(rf"\b(?:{GIVEN_NAME_TITLES})[ \t]+$")


# "her husband, John", "his son John": a relative is named by a given name
_RELATIVE_BEFORE = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)[ \t]+(?:late[ \t]+|younger[ \t]+|"
    rf"elder[ \t]+|older[ \t]+)?(?:{'|'.join(sorted(RELATIVES))}),?[ \t]+$")


def given_name_titled(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a title that takes a given name ("Queen
    [Elizabeth]", "Sir [Keir]")."""
    return bool(_GIVEN_TITLE_BEFORE.search(text, max(0, start - 20), start))


def names_before(doc: DocText, raw: Mapping[str, list[RawMention]],
                 lowercase: set[str] | frozenset[str]) -> dict[str, set[str]]:
    """Family key -> the first words of the longer names the model calls persons in a
    document that end with that word ("Al Brown", whether the rules kept it or not): the
    document names someone of that family.  Not a title, nor a sentence's opening word
    used in lower case ("Blame Brown for ...")."""
    out: dict[str, set[str]] = {}
    for pid, _, text in doc.paragraphs:
        for r in raw.get(pid, ()):
            words = nm.tokens(r.text)
            if (r.label != "PERSON" or len(words) < 2 or words[0] in TITLE_WORDS
                    or (words[0].casefold() in lowercase and opening(text, r.start))):
                continue
            out.setdefault(family_key(words[-1]), set()).add(words[0])
    return out


def _resolve_single(word: str, pos: tuple[int, int], order: dict[str, list[tuple[int, int]]],
                    lookup: Lookup, collection_wide: bool,
                    weak: bool = False,
                    before: Mapping[str, set[str]] | None = None) -> tuple[str, str] | None:
    """A family (or given) name at ``pos`` and how it was resolved: the nearest person
    of that name before, else after, in the document; else -- ``collection_wide`` --
    the only person of that family name in the collection (when the word stands
    ``weak``ly -- after an article -- only a person named in two documents or more; never
    when the document writes another name ending in the word, ``before``: "Al Brown")."""
    if not _name_word(word):
        return None
    key = family_key(word)
    nearest = nearest_mention(lookup.by_family.get(key, set()), pos, order)
    if nearest:
        return nearest, "short name (same article)"
    if not collection_wide:
        return None
    here = lookup.families.get(key, set())
    if len(here) == 1:
        name = next(iter(here))
        if weak and lookup.spread.get(name, 0) < 2:
            return None  # "the Coward condition": a lone mention of one list's person
        own = {nm.tokens(s)[0] for s in lookup.spellings.get(name, ())}
        if before and before.get(key, set()) - own:
            return None  # the document names another of that family ("Al Brown")
        return name, "family name (the only one in the collection)"
    if lookup.registry is not None:
        name = lookup.registry.canonical_person(word)  # a unique registered family name
        if name:
            return name, "curated"
    return None


def _overlaps(ms: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in ms)


def headline_persons(doc: DocText, full: list[Candidate], single: list[Candidate],
                     lookup: Lookup, lowercase: set[str]) -> list[str]:
    """Persons known only from this document's headlines whose family name its body
    calls a person ("Joe Biden" in a heading, "Biden" in the text below): the names to
    add to the collection's persons (:meth:`Lookup.add`) before any document is
    resolved, so that every document's headlines see them, whatever the order.  (Not
    remembered per document: it reads only a document's headings, cheaper than its
    arguments' digest -- 0.04 against 0.11 CPU-s for 4,000 documents.)"""
    body_singles = _body_singles(single, lowercase)
    added: dict[str, str] = {}  # exact key -> name, as Lookup.add would index it
    out: list[str] = []
    for c in sorted(full, key=lambda c: (c.para, c.start)):
        if not c.heading:
            continue
        name = None
        for k in nm.exact_keys(c.text):
            if k in lookup.by_key or k in added:
                name = lookup.by_key[k] if k in lookup.by_key else added[k]
                break
        if name is None and lookup.registry is not None:
            name = lookup.registry.canonical_person(c.text)
        if (name is None or (name not in lookup.spellings and name not in out)) \
                and _confirmed_in_body(c.text, body_singles):
            name = name or c.text
            out.append(name)
            if not nm.HAN.search(name) and not nm.HANGUL.search(name):
                for k in nm.exact_keys(name):
                    if k not in lookup.by_key:
                        added.setdefault(k, name)
    return out


def _body_singles(single: list[Candidate], lowercase: set[str]) -> set[str]:
    return {family_key(c.text) for c in single if not c.heading
            and c.text.casefold() not in lowercase and not c.cues & AGAINST}


@per_document
def resolve_document(doc: DocText, full: list[Candidate], single: list[Candidate],
                     raw: Mapping[str, list[RawMention]],
                     registry_found: dict[str, list[tuple[Mention, str]]],
                     lookup: Lookup, lowercase: set[str]
                     ) -> tuple[dict[str, list[Mention]], Counter]:
    """Person mentions of one document by paragraph id, and the single names that
    resolve to no one, counted.  Headline names confirmed by a document's body are
    already in ``lookup`` (:func:`headline_persons`)."""
    paras = doc.paragraphs
    mentions: dict[str, list[Mention]] = {}
    unresolved: Counter = Counter()
    single = list(single)
    registry_out = [[m for m, _ in registry_found.get(pid, ())] for pid, _, _ in paras]
    out: list[list[Mention]] = [list(ms) for ms in registry_out]
    # Full names first: they anchor the short mentions.
    for c in sorted(full, key=lambda c: (c.para, c.start)):
        name = lookup.canonical(c.text)
        if c.heading and (name is None or name not in lookup.spellings):
            continue  # a headline's name no document's body confirmed
        if name and not _overlaps(out[c.para], c.start, c.end):
            out[c.para].append(Mention(c.start, c.end, name, "person"))
    _scan_full(doc, out, raw, lookup)
    order: dict[str, list[tuple[int, int]]] = {}
    for i, ms in enumerate(out):
        for m in ms:
            if m.kind == "person":
                order.setdefault(m.name, []).append((i, m.start))
    for spots in order.values():
        spots.sort()
    # Headline words after a known family name ("Xi Grapples") become the family name.
    for c in full:
        if c.heading:
            first = nm.tokens(c.text)[0]
            s = paras[c.para][2].find(first, c.start)
            single.append(Candidate(c.para, s, s + len(first), first, True))
    before = names_before(doc, raw, lowercase)
    for c in single:
        if _overlaps(out[c.para], c.start, c.end):
            continue
        # Headline words resolve only inside their document ("Xi Grapples" -> "Xi").
        hit = _resolve_single(c.text, (c.para, c.start), order, lookup,
                              not c.heading and not c.cues & (AGAINST - SOFT)
                              and not given_name_titled(paras[c.para][2], c.start)
                              and not _RELATIVE_BEFORE.search(paras[c.para][2], max(0, c.start - 40),
                                                           c.start),
                              bool(c.cues & SOFT), before)
        if hit:
            out[c.para].append(Mention(c.start, c.end, hit[0], "person", hit[1]))
        elif not c.heading:
            unresolved[c.text] += 1
    _scan_short(doc, out, order, raw, lookup, lowercase, before)
    _scan_native(doc, out, order, lookup)
    for (pid, _, text), ms, curated in zip(paras, out, registry_out, strict=True):
        if rules.is_reference_entry(text):
            ms = curated  # a reference list names authors of citations
        ms.sort(key=lambda m: (m.start, m.end))
        mentions[pid] = ms
    return mentions, unresolved


def _confirmed_in_body(name: str, body_singles: set[str]) -> bool:
    """A headline's full name whose family name the body calls a person ("Joe Biden" in
    a heading, "Biden" in the text below)."""
    words = nm.tokens(name)
    return len(words) >= 2 and family_key(nm.family_word(name)) in body_singles


#: A run of two or more capitalized words (hyphenated parts kept: "Han Duck-soo"); a
#: possessive ends it ("Xi Jinping's").
_NAME_WORD = rf"[A-Z][^\W\d_]*(?:[{re.escape(nm.HYPHENS)}][^\W\d_]+)*"
_CAPITAL_RUN = re.compile(rf"(?<![\w{re.escape(nm.HYPHENS)}]){_NAME_WORD}(?:[ \t]+{_NAME_WORD})+")
_WORD = re.compile(_NAME_WORD)


def _scan_full(doc: DocText, out: list[list[Mention]], raw: Mapping[str, list[RawMention]],
               lookup: Lookup) -> None:
    """Full names of persons known in the collection where the model missed them here
    ("Xi Jinping met ..." at the start of a paragraph): within each run of capitalized
    words, the longest word sequences that are a known spelling (or its hyphen, case or
    order variant), unless they lie inside a longer organisation, place or work the
    model found ("Xi Jinping Thought")."""
    for i, (pid, _, text) in enumerate(doc.paragraphs):
        runs = list(_CAPITAL_RUN.finditer(text))
        if not runs:
            continue
        others = [m for m in raw.get(pid, ()) if m.label in NOT_PERSON_LABELS]
        for run in runs:
            words = [(w.start() + run.start(), w.end() + run.start())
                     for w in _WORD.finditer(run.group())]
            k = 0
            while k < len(words) - 1:
                for n in range(min(4, len(words) - k), 1, -1):
                    s, e = words[k][0], words[k + n - 1][1]
                    # the window's own order is enough: the keys of a known spelling
                    # are all its rotations (nm.orders), as are the window's
                    name = lookup.by_key.get("".join(nm.plain(text[a:b])
                                                     for a, b in words[k:k + n]))
                    if (name and not _overlaps(out[i], s, e)
                            and not any(o.start <= s and e <= o.end and (o.start < s or o.end > e)
                                        for o in others)):
                        out[i].append(Mention(s, e, name, "person"))
                        k += n - 1
                        break
                k += 1


def _scan_short(doc: DocText, out: list[list[Mention]], order: dict[str, list[tuple[int, int]]],
                raw: Mapping[str, list[RawMention]], lookup: Lookup, lowercase: set[str],
                before: Mapping[str, set[str]] | None = None) -> None:
    """Family names the model missed: "Han noted", "President Yoon", "Mr. Xi"."""
    words = {w for name in order for s in lookup.spellings.get(name, ())
             if not nm.HAN.search(s) and not nm.HANGUL.search(s)
             for w in (nm.tokens(s)[0], nm.family_word(s)) if _name_word(w)}
    titled = _TITLED
    bare = _bare_words(frozenset(words)) if words else None
    for i, (pid, _, text) in enumerate(doc.paragraphs):
        others = [m for m in raw.get(pid, ()) if m.label in NOT_PERSON_LABELS]
        hits = [(m, True) for m in titled.finditer(text)]
        if bare is not None:
            hits += [(m, False) for m in bare.finditer(text)]
        for m, is_titled in hits:
            s, e = m.span(1)
            word = m.group(1)
            if _overlaps(out[i], s, e) or rules.followed_by_name(text, e):
                continue
            if not is_titled and word.casefold() in lowercase:
                continue
            if any(o.start <= s and e <= o.end and (o.start < s or o.end > e) for o in others):
                continue  # part of a longer organisation or place name ("Trump Tower")
            hit = _resolve_single(word, (i, s), order, lookup,
                                  is_titled and not given_name_titled(text, s), before=before)
            if hit:
                name, why = hit
                s, e = _widen(text, s, e, lookup.spellings.get(name, ()))
                out[i] = [x for x in out[i] if not (x.name == name and x.start < e and s < x.end)]
                out[i].append(Mention(s, e, name, "person",
                                      f"title, {why}" if is_titled else why))


_TITLED = re.compile(rf"\b(?:{rules.TITLES})\s+([A-Z][a-z]+)\b(?![{re.escape(nm.HYPHENS)}])")


@lru_cache(maxsize=512)
def _bare_words(words: frozenset[str]) -> re.Pattern:
    return re.compile(r"(?<![\w.#@])(" + "|".join(map(re.escape, sorted(words, key=len,
                                                                       reverse=True)))
                      + r")\b")


def _widen(text: str, s: int, e: int, spellings: Iterable[str]) -> tuple[int, int]:
    """The full spelling around a found word ("Jinping" inside "Xi Jinping"), if any."""
    for spelling in spellings:
        lo = max(0, e - len(spelling))
        k = text.find(spelling, lo, s + len(spelling))
        if k != -1 and k <= s and e <= k + len(spelling):
            return k, k + len(spelling)
    return s, e


def _scan_native(doc: DocText, out: list[list[Mention]],
                 order: dict[str, list[tuple[int, int]]], lookup: Lookup) -> None:
    """Names in Chinese characters or Hangul that read as a known romanized person, where
    they stand as names: beside the romanized name ("Xi Jinping(习近平)"), followed or
    preceded by a title ("시진핑 주석", "国家主席习近平"), in a byline ("글 김민지 기자") --
    and then anywhere else in the same document.  Never a bare common word that happens
    to read like a name (이상 "more than").  A lone Chinese character (尹 in a Korean
    headline) is the person of that family name in the same document."""
    in_doc = set(order)
    established: dict[str, str] = {}  # native form -> person, in this document
    pending: list[tuple[int, int, int, str, str]] = []
    for i, (_, _, text) in enumerate(doc.paragraphs):
        byline = text.lstrip().startswith(NATIVE_BYLINE)
        for start, end, run in nm.native_runs(text):
            if len(run) == 1:
                if nm.HAN.match(run):
                    hits = {n for k in nm.native_keys(run)
                            for n in lookup.family_loose.get(k, ()) if n in in_doc}
                    if len(hits) == 1 and not _overlaps(out[i], start, end):
                        out[i].append(Mention(start, end, hits.pop(), "person",
                                              "family name in native script (same article)"))
                continue
            for a, b, form, name in _native_forms(text, start, end, run, lookup):
                if _overlaps(out[i], a, b):
                    continue
                why = _native_context(text, a, b, lookup.spellings.get(name, ()), byline)
                if why:
                    established[form] = name
                    out[i].append(Mention(a, b, name, "person", why))
                else:
                    pending.append((i, a, b, form, name))
    for i, a, b, form, name in pending:
        if established.get(form) == name and not _overlaps(out[i], a, b):
            out[i].append(Mention(a, b, name, "person", "native script (same article)"))


def _native_forms(text: str, start: int, end: int, run: str, lookup: Lookup):
    """(start, end, form, person) for the parts of a run that read as one known person:
    a Hangul run minus a particle ("김정은은" -> 김정은), or two to four Chinese
    characters anywhere in a run."""
    if nm.HANGUL.match(run):
        cuts = [run] + [run[:-len(p)] for p in KOREAN_PARTICLES + NATIVE_TITLES
                        if run.endswith(p) and len(run) - len(p) >= 2]
        for form in cuts:
            hits = {lookup.loose[k] for k in nm.native_keys(form) if k in lookup.loose}
            if len(hits) == 1:
                yield start, start + len(form), form, hits.pop()
                return
        return
    s = 0
    while s < len(run) - 1:
        for n in (4, 3, 2):
            if s + n > len(run):
                continue
            form = run[s:s + n]
            hits = {lookup.loose[k] for k in nm.native_keys(form) if k in lookup.loose}
            if len(hits) == 1:
                yield start + s, start + s + n, form, hits.pop()
                s += n - 1
                break
        s += 1


# Chinese verbs of speech right after a name: "张伟明表示" (said), "张伟明说" (says)
_NATIVE_SPEECH = ("表示", "说", "說", "指出", "强调", "強調", "透露", "告诉", "告訴")
_LATIN = re.compile(r"[A-Za-z]")
_CREDIT_AFTER = re.compile(r"[ \t]+contributed[ \t]+(?:reporting|to[ \t]+this)\b")
_BESIDE = re.compile(r"^[\s(（\[【「『“\"'’,/·・-]{0,3}$")


def _latin_text(text: str) -> bool:
    """A paragraph written in Latin script (English, say) with native forms inside it."""
    return len(_LATIN.findall(text)) > 2 * sum(len(r) for _, _, r in nm.native_runs(text))


def _native_context(text: str, a: int, b: int, spellings: Iterable[str], byline: bool
                    ) -> str | None:
    """Why a native-script form at ``text[a:b]`` stands where a name stands, or None."""
    after = text[b:b + 8].lstrip(" ")
    before = text[max(0, a - 8):a].rstrip(" ")
    if any(after.startswith(t) for t in NATIVE_TITLES) or any(before.endswith(t)
                                                             for t in NATIVE_TITLES):
        return "native script (with a title)"
    if byline:
        return "native script (byline)"
    if any(after.startswith(v) for v in _NATIVE_SPEECH):
        return "native script (a speaker: said)"  # "张伟明表示", "张伟明说"
    if _latin_text(text) and (cues(text, a, b) & STRONG or _CREDIT_AFTER.match(text, b)):
        # in a sentence of Latin script: "张伟明 told reporters", "analyst 张伟明",
        # "张伟明 contributed reporting"
        return "native script (where a name stands: said, a title or a role)"
    for spelling in spellings:
        if nm.HAN.search(spelling) or nm.HANGUL.search(spelling):
            continue
        k = text.rfind(spelling, 0, a)
        if k != -1 and _BESIDE.match(text[k + len(spelling):a]):
            return "native script (beside the romanized name)"
        k = text.find(spelling, b)
        if k != -1 and _BESIDE.match(text[b:k]):
            return "native script (beside the romanized name)"
    return None
