"""Persons inside one document: full names, then short, titled and native-script forms.

The second half of :func:`searchapp.ingest.persons.people.find_persons`, run once per
document after the collection's persons are known (:class:`Lookup`).  Full
names anchor the rest: a bare or titled family name ("Yoon", "President
Yoon", "Mr. Xi") is the nearest full name before it in the document, else
the first after it, else -- for mentions the model or a title vouches for --
the only person of that name in the collection.  Names in Chinese
characters or Hangul link to the romanized person they read as (习近平,
시진핑, 尹錫悅), and a lone character (尹 in a Korean headline) to the person
of that family name in the same document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from searchapp.ingest.entities import Mention, Registry, nearest_mention
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.pipeline import guess_language

#: Model labels returned as places.
PLACE_LABELS = ("GPE", "LOC")
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

    @classmethod
    def of(cls, document) -> DocText:
        """From a :class:`searchapp.ingest.pipeline.Document`."""
        return cls(document.doc_id,
                   tuple((p.id, p.kind, p.text) for p in document.paragraphs),
                   document.meta.language)

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


def model_language(doc: DocText) -> bool:
    """Whether the document is in the model's language (checked on its text when the
    page's own declaration is missing or English: sites mislabel their language)."""
    return doc.in_model_language


class Lookup:
    """Spelling -> canonical name, and family word -> canonical names."""

    def __init__(self, persons: dict[str, list[str]], registry: Registry | None) -> None:
        self.by_key: dict[str, str] = {}
        self.by_family: dict[str, set[str]] = {}
        self.loose: dict[str, str] = {}
        self.family_loose: dict[str, set[str]] = {}
        for canonical, spellings in persons.items():
            for s in spellings:
                if nm.HAN.search(s) or nm.HANGUL.search(s):
                    continue
                for k in nm.exact_keys(s):
                    self.by_key.setdefault(k, canonical)
                for k in nm.romanized_keys(s):
                    self.loose.setdefault(k, canonical)
                words = nm.tokens(s)
                for w in (words[0], words[-1]):
                    self.by_family.setdefault(nm.fold_word(w), set()).add(canonical)
                    self.family_loose.setdefault(nm.loose_key(w), set()).add(canonical)
        self.registry = registry
        #: canonical name -> spellings: persons named in body text or by the registry
        self.spellings = persons

    def add(self, name: str) -> None:
        """A person known only from one document's headline, confirmed by its body."""
        if name in self.spellings:
            return
        self.spellings[name] = [name]
        for k in nm.exact_keys(name):
            self.by_key.setdefault(k, name)
        words = nm.tokens(name)
        for w in (words[0], words[-1]):
            self.by_family.setdefault(nm.fold_word(w), set()).add(name)

    def canonical(self, name: str) -> str | None:
        for k in nm.exact_keys(name):
            if k in self.by_key:
                return self.by_key[k]
        if self.registry is not None:
            return self.registry.canonical_person(name)
        return None


def _resolve_single(word: str, pos: tuple[int, int], order: dict[str, list[tuple[int, int]]],
                    lookup: Lookup, collection_wide: bool) -> str | None:
    """A family (or given) name at ``pos``: the nearest full name before, else after,
    in the document; else the only person of that name in the collection."""
    folded = nm.fold_word(word)
    here = lookup.by_family.get(folded, set())
    nearest = nearest_mention(here, pos, order)
    if nearest:
        return nearest
    if not collection_wide:
        return None
    if len(here) == 1:
        return next(iter(here))
    if lookup.registry is not None:
        return lookup.registry.canonical_person(word)  # a unique registered family name
    return None


def _overlaps(ms: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in ms)


def resolve_document(doc: DocText, full: list[Candidate], single: list[Candidate],
                      raw: Mapping[str, list[RawMention]],
                      registry_found: dict[str, list[tuple[Mention, str]]],
                      lookup: Lookup, lowercase: set[str], mentions: dict[str, list[Mention]],
                      unresolved: Counter) -> None:
    """Person and place mentions of one document into ``mentions`` (by paragraph id);
    single names that resolve to no one are counted in ``unresolved``."""
    paras = doc.paragraphs
    body_singles = {nm.fold_word(c.text) for c in single if not c.heading}
    out: list[list[Mention]] = [[m for m, _ in registry_found.get(pid, ())] for pid, _, _ in paras]
    # Full names first: they anchor the short mentions.
    for c in sorted(full, key=lambda c: (c.para, c.start)):
        name = lookup.canonical(c.text)
        if c.heading and (name is None or name not in lookup.spellings):
            if not _confirmed_in_body(c.text, body_singles):
                continue
            name = name or c.text
            lookup.add(name)
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
    for c in single:
        if _overlaps(out[c.para], c.start, c.end):
            continue
        # Headline words resolve only inside their document ("Xi Grapples" -> "Xi").
        name = _resolve_single(c.text, (c.para, c.start), order, lookup, not c.heading)
        if name:
            out[c.para].append(Mention(c.start, c.end, name, "person"))
        elif not c.heading:
            unresolved[c.text] += 1
    _scan_short(doc, out, order, raw, lookup, lowercase)
    _scan_native(doc, out, order, lookup)
    _add_places(doc, out, raw, lookup.registry)
    for (pid, _, _), ms in zip(paras, out, strict=True):
        ms.sort(key=lambda m: (m.start, m.end))
        mentions[pid] = ms


def _confirmed_in_body(name: str, body_singles: set[str]) -> bool:
    """A headline's full name whose family name the body calls a person ("Joe Biden" in
    a heading, "Biden" in the text below)."""
    words = nm.tokens(name)
    return len(words) >= 2 and nm.fold_word(words[-1]) in body_singles


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
                raw: Mapping[str, list[RawMention]], lookup: Lookup, lowercase: set[str]) -> None:
    """Family names the model missed: "Han noted", "President Yoon", "Mr. Xi"."""
    words = {w for name in order for s in lookup.spellings.get(name, ())
             for w in (nm.tokens(s)[0], nm.tokens(s)[-1]) if not nm.HAN.search(w)
             and not nm.HANGUL.search(w) and len(w) > 1}
    titled = re.compile(rf"\b(?:{rules.TITLES})\s+([A-Z][a-z]+)\b(?![{re.escape(nm.HYPHENS)}])")
    bare = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")\b") if words else None
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
            name = _resolve_single(word, (i, s), order, lookup, is_titled)
            if name:
                s, e = _widen(text, s, e, lookup.spellings.get(name, ()))
                out[i] = [x for x in out[i] if not (x.name == name and x.start < e and s < x.end)]
                out[i].append(Mention(s, e, name, "person"))


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
    """Names in Chinese characters or Hangul that read as a known romanized person."""
    in_doc = set(order)
    for i, (_, _, text) in enumerate(doc.paragraphs):
        for start, end, run in nm.native_runs(text):
            if len(run) == 1:
                if nm.HAN.match(run):
                    hits = {n for k in nm.native_keys(run)
                            for n in lookup.family_loose.get(k, ()) if n in in_doc}
                    if len(hits) == 1 and not _overlaps(out[i], start, end):
                        out[i].append(Mention(start, end, hits.pop(), "person"))
                continue
            hangul = bool(nm.HANGUL.match(run))
            for s in range(0, 1 if hangul else len(run) - 1):
                for n in (4, 3, 2):
                    if s + n > len(run):
                        continue
                    hits = {lookup.loose[k] for k in nm.native_keys(run[s:s + n])
                            if k in lookup.loose}
                    a, b = start + s, start + s + n
                    if len(hits) == 1 and not _overlaps(out[i], a, b):
                        out[i].append(Mention(a, b, hits.pop(), "person"))
                        break


def _add_places(doc: DocText, out: list[list[Mention]], raw: Mapping[str, list[RawMention]],
                registry: Registry | None) -> None:
    if not model_language(doc):
        return
    for i, (pid, _, text) in enumerate(doc.paragraphs):
        for m in raw.get(pid, ()):
            if m.label not in PLACE_LABELS or text[m.start:m.end] != m.text:
                continue
            for s, e in rules.repair(text, m.start, m.end)[:1]:
                if _overlaps(out[i], s, e):
                    continue
                name = text[s:e]
                if registry is not None:
                    name = registry.canonical_place(name) or name
                out[i].append(Mention(s, e, name, "place"))
