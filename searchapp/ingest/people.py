"""From raw recognizer mentions to persons: repaired, filtered, resolved, merged.

This is the cheap second step after :mod:`searchapp.ingest.recognize`: it
needs the paragraphs' text and kind and the stored raw mentions, never the
model, so it is re-run whenever the rules or the curated registry change.

Contract for the indexer::

    raw = recognizer.recognize(new_or_changed)          # slow, once per paragraph
    store.update(raw)                                   # keep raw mentions by paragraph id
    found = find_persons(documents, store.all(), registry)   # cheap, whole collection
    found.mentions[paragraph_id]  -> [Mention(start, end, name, kind)]   (entities.Mention)
    found.persons                 -> {canonical name: [spellings]}

``documents`` are :class:`DocText` (id and ``(paragraph id, kind, text)``
triples).  The whole collection is needed because two facts are collection
wide: which spellings are one person, and who a bare family name means in a
document that never gives the full name ("Kishida" alone -> Kishida Fumio,
when the collection knows exactly one Kishida).

Steps, per document: model PERSON spans are repaired and filtered
(:mod:`searchapp.ingest.person_rules`); full names (two words or more) are
kept, single words wait; names in title-case paragraphs count only when the
body text of the collection confirms them.  Over the collection, spellings
are clustered (:func:`searchapp.ingest.names.cluster_names`) and mapped onto
the curated registry, whose canonical names and ``[[not_person]]`` entries
win.  Then, per document again, bare and titled family names ("Yoon",
"President Yoon", "Mr. Xi") resolve to the nearest full name in the
document, else to the only collection person of that family, and native
script forms (习近平, 시진핑, 尹錫悅, or a lone 尹 in a Korean headline) link
to the romanized persons they read as.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from searchapp.ingest import names as nm
from searchapp.ingest import person_rules as rules
from searchapp.ingest.entities import Mention, Registry
from searchapp.ingest.pipeline import guess_language
from searchapp.ingest.recognize import RawMention

#: Model labels returned as places.
PLACE_LABELS = ("GPE", "LOC")
#: Languages of the documents whose model spans are used ("" = not known): an
#: English model reads capitalized German nouns or Indonesian words as names.
MODEL_LANGUAGES = ("en", "")
_WORD = re.compile(r"\b[a-z][a-z]+\b")
_NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART",
                      "LAW"}
_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# Organisations, places and things (not nationalities: "Han" is NORP and a family name).
_THING_LABELS = ("ORG", "GPE", "LOC", "FAC", "PRODUCT")
# Words that start sentences or are capitalized for other reasons than names.
_FUNCTION = {"The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For", "By",
             "With", "From", "As", "If", "When", "While", "After", "Before", "This", "That",
             "He", "She", "It", "They", "We", "His", "Her", "Its", "Their", "Our", "Former",
             "Then", "Now", "Also", "So", "Yet", "Under", "Since", "Both", "Even", "Not"}


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


@dataclass
class Persons:
    """What :func:`find_persons` found in a collection."""

    #: paragraph id -> person and place mentions, by position
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    #: canonical name -> spellings seen (the canonical one first)
    persons: dict[str, list[str]] = field(default_factory=dict)
    #: single names (family or given) that could not be resolved, with counts
    unresolved: Counter = field(default_factory=Counter)

    def paragraph_persons(self, pid: str) -> list[str]:
        return list(dict.fromkeys(m.name for m in self.mentions.get(pid, ())
                                  if m.kind == "person"))

    def document_counts(self, documents: Iterable[DocText]) -> Counter:
        """In how many documents each person is mentioned."""
        c: Counter = Counter()
        for doc in documents:
            c.update({n for pid, _, _ in doc.paragraphs for n in self.paragraph_persons(pid)})
        return c


@dataclass
class _Cand:
    para: int
    start: int
    end: int
    text: str
    heading: bool
    name: str = ""  # resolved canonical name


# --- step 1: per document, model spans repaired and filtered ----------------------


def _model_language(doc: DocText) -> bool:
    """Whether the document is in the model's language (checked on its text when the
    page's own declaration is missing or English: sites mislabel their language)."""
    if doc.language not in MODEL_LANGUAGES:
        return False
    sample = " ".join(t for _, _, t in doc.paragraphs[:30])[:20_000]
    guess = guess_language(sample)
    # Too little text to tell (a headline, a caption): trust the declaration.
    return guess == "en" or (guess == "" and len(sample.split()) < 40)


def _entity_prefix(text: str, label_of: Mapping[str, tuple[int, int]]) -> bool:
    """Whether the name starts with a word or words the model, in the collection, calls
    an organisation, place or product and never a person ("Apple Thunderbolt",
    "Pittsburgh Steelers", "Nintendo Switch")."""
    words = text.split()
    for k in range(1, len(words)):
        person, other = label_of.get(" ".join(words[:k]), (0, 0))
        if other >= 2 and person == 0:
            return True
    return False


def _candidates(doc: DocText, raw: Mapping[str, list[RawMention]],
                lowercase: set[str]) -> tuple[list[_Cand], list[_Cand]]:
    """Full-name and single-word person candidates of one document."""
    full: list[_Cand] = []
    single: list[_Cand] = []
    if not _model_language(doc):
        return full, single
    for i, (pid, kind, text) in enumerate(doc.paragraphs):
        heading = rules.is_heading_kind(kind, text)
        for m in raw.get(pid, ()):
            if m.label != "PERSON" or text[m.start:m.end] != m.text:
                continue
            for s, e in rules.repair(text, m.start, m.end):
                name = text[s:e]
                if (rules.is_credit(text, s, e) or rules.looks_like_org(text, s, e)
                        or rules.is_character(text, s, e) or not name[:1].isupper()
                        or name.isupper()):
                    continue
                cand = _Cand(i, s, e, name, heading)
                words = nm.tokens(name)
                if len(words) >= 2:
                    if not heading and rules.ordinary_words(name, lowercase):
                        continue
                    full.append(cand)
                elif len(name) > 1:
                    single.append(cand)
    return full, single


def _votes(raw: Mapping[str, list[RawMention]], others: Iterable[str] = _NOT_PERSON_LABELS
           ) -> tuple[Counter, Counter]:
    """How often each exact string was labeled a person, and one of ``others``."""
    person: Counter = Counter()
    other: Counter = Counter()
    others = set(others)
    for ms in raw.values():
        for m in ms:
            if m.label == "PERSON":
                person[_vote_key(m.text)] += 1
            elif m.label in others:
                other[_vote_key(m.text)] += 1
    return person, other


def _vote_key(text: str) -> str:
    """"the Air Pods" and "Air Pods’" vote as "Air Pods"."""
    return _POSSESSIVE_END.sub("", _THE.sub("", text))


# --- step 2: the collection's persons ----------------------------------------------


def merge_persons(spellings: Counter, registry: Registry | None = None) -> dict[str, list[str]]:
    """Cluster full-name spellings into persons, curated by the registry.

    ``spellings`` counts full names as found.  Returns ``{canonical: spellings}``:
    the registry's canonical name when the person is registered (its aliases
    and order variants map there, and two clusters mapping to one registered
    person merge), else the most frequent spelling.  Names the registry lists
    under ``[[not_person]]`` are dropped.
    """
    not_persons = {k for n in getattr(registry, "not_persons", ()) for k in nm.exact_keys(n)}
    counts = Counter({n: c for n, c in spellings.items()
                      if not nm.exact_keys(n) & not_persons})
    out: dict[str, list[str]] = {}
    for display, members in nm.cluster_names(counts).items():
        canonical = display
        if registry is not None:
            hits = [registry.canonical_person(n) for n in members]
            hits = [h for h in hits if h] or _fuzzy_registry(display, registry)
            if hits:
                canonical = Counter(hits).most_common(1)[0][0]
        bucket = out.setdefault(canonical, [])
        bucket.extend(n for n in members if n not in bucket)
    for canonical, members in out.items():
        members.sort(key=lambda n: (n != canonical, -counts.get(n, 0), n))
        if canonical not in members:
            members.insert(0, canonical)
    return out


def _fuzzy_registry(name: str, registry: Registry) -> list[str]:
    keys = nm.family_keys(name)
    return [p.name for p in registry.persons.values()
            if nm.family_keys(p.name) & keys and any(
                nm.same_person(name, alias) for alias in (p.name, *p.aliases)
                if not nm.HAN.search(alias) and not nm.HANGUL.search(alias))]


# --- step 3: resolution inside each document -----------------------------------------


class _Lookup:
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
                    lookup: _Lookup, collection_wide: bool) -> str | None:
    """A family (or given) name at ``pos``: the nearest full name before, else after,
    in the document; else the only person of that name in the collection."""
    folded = nm.fold_word(word)
    here = lookup.by_family.get(folded, set())
    before: tuple[tuple[int, int], str] | None = None
    after: tuple[tuple[int, int], str] | None = None
    for name in here:
        spots = order.get(name)
        if not spots:
            continue
        k = bisect.bisect_left(spots, pos)
        if k and (before is None or spots[k - 1] > before[0]):
            before = (spots[k - 1], name)
        if after is None or spots[0] < after[0]:
            after = (spots[0], name)
    if before or after:
        return (before or after)[1]
    if not collection_wide:
        return None
    if len(here) == 1:
        return next(iter(here))
    if lookup.registry is not None:
        return lookup.registry.canonical_person(word)  # a unique registered family name
    return None


def _given_name_before(word: str, doc: DocText) -> _Cand | None:
    """"Rahm Emanuel" somewhere in the document, for a lone "Emanuel"."""
    rx = re.compile(rf"\b((?:[A-Z][a-z]+(?:[{re.escape(nm.HYPHENS)}][a-z]+)?\s+){{1,2}})"
                    rf"{re.escape(word)}\b")
    for i, (_, kind, text) in enumerate(doc.paragraphs):
        if rules.is_heading_kind(kind, text):
            continue
        for m in rx.finditer(text):
            for s, e in rules.repair(text, m.start(), m.end()):
                words = text[s:e].split()
                if (len(words) > 1 and e == m.end() and not rules.looks_like_org(text, s, e)
                        and not any(w in rules.TITLE_WORDS or w in _FUNCTION for w in words)):
                    return _Cand(i, s, e, text[s:e], False)
    return None


# --- the whole run -----------------------------------------------------------------


def find_persons(documents: Iterable[DocText], raw: Mapping[str, list[RawMention]],
                 registry: Registry | None = None) -> Persons:
    """Persons (and places) in every paragraph of a collection; see the module doc."""
    documents = list(documents)
    lowercase: set[str] = set()
    for doc in documents:
        for _, _, text in doc.paragraphs:
            lowercase.update(_WORD.findall(text))
    person_votes, other_votes = _votes(raw)
    thing_votes = _votes(raw, _THING_LABELS)[1]
    label_of = {t: (person_votes[t], thing_votes[t]) for t in thing_votes}
    found: list[tuple[DocText, list[_Cand], list[_Cand]]] = []
    spellings: Counter = Counter()
    for doc in documents:
        full, single = _candidates(doc, raw, lowercase)
        full = [c for c in full if other_votes[c.text] <= person_votes[c.text]
                and not _entity_prefix(c.text, label_of)]
        spellings.update(c.text for c in full if not c.heading)
        found.append((doc, full, single))
    _promote(found, raw, lowercase, spellings, label_of)
    for _, full, _ in found:
        _to_longer_names(full)
    families = {nm.fold_word(w) for n in spellings for w in (nm.tokens(n)[0], nm.tokens(n)[-1])}
    for doc, full, single in found:
        for c in single:
            if c.heading or nm.fold_word(c.text) in families:
                continue
            if registry is not None and registry.canonical_person(c.text):
                continue
            given = _given_name_before(c.text, doc)
            if given and not (rules.ordinary_words(given.text, lowercase)
                              or _entity_prefix(given.text, label_of)):
                full.append(given)
                spellings[given.text] += 1
                families.add(nm.fold_word(c.text))
    registry_found = _registry_mentions(documents, registry)
    persons = merge_persons(spellings, registry)
    for ms in registry_found.values():
        for m, surface in ms:
            if m.kind == "person" and _is_full(surface):
                bucket = persons.setdefault(m.name, [m.name])
                if surface not in bucket:
                    bucket.append(surface)
    lookup = _Lookup(persons, registry)
    result = Persons(persons=persons)
    for doc, full, single in found:
        _resolve_document(doc, full, single, raw, registry_found, lookup, lowercase, result)
    return result


_NAME_WORD = re.compile(rf"[A-Z][a-z]+(?:[{re.escape(nm.HYPHENS)}][A-Za-z][a-z]+)*")
# Not places: "New Delhi" is a place even in a collection that knows a "New Shepard".
_PROMOTABLE = {"ORG", "PRODUCT", "WORK_OF_ART", "NORP"}


def _promote(found: list[tuple[DocText, list[_Cand], list[_Cand]]],
             raw: Mapping[str, list[RawMention]], lowercase: set[str], spellings: Counter,
             label_of: Mapping[str, tuple[int, int]]) -> None:
    """Name-shaped spans the model typed as something else ("Novak Djokovic" ORG), kept
    as persons after a person's title ("Chancellor Olaf Scholz"), or when the model
    calls their given name or family name a person's elsewhere: a given name that
    starts another full name in the collection, or the family name alone as PERSON
    in the same document."""
    given = {nm.tokens(n)[0] for n in spellings}
    for doc, full, single in found:
        if not _model_language(doc):
            continue
        singles = {c.text for c in single}
        taken = {(c.para, c.start) for c in full}
        for i, (pid, kind, text) in enumerate(doc.paragraphs):
            if rules.is_heading_kind(kind, text):
                continue
            for m in raw.get(pid, ()):
                if m.label not in _PROMOTABLE or text[m.start:m.end] != m.text:
                    continue
                for s, e in rules.repair(text, m.start, m.end):
                    words = text[s:e].split()
                    if not 2 <= len(words) <= 3 or (i, s) in taken:
                        continue
                    if not all(_NAME_WORD.fullmatch(w) for w in words):
                        continue
                    titled = rules.TITLE_BEFORE.search(text, max(0, s - 30), s)
                    if not (titled or words[0] in given or words[-1] in singles):
                        continue
                    if (rules.looks_like_org(text, s, e) or rules.is_credit(text, s, e)
                            or rules.ordinary_words(text[s:e], lowercase)
                            or _entity_prefix(text[s:e], label_of)):
                        continue
                    full.append(_Cand(i, s, e, text[s:e], False))
                    spellings[text[s:e]] += 1


def _to_longer_names(full: list[_Cand]) -> None:
    """"Van Der Beek" in a document that says "James Van Der Beek" is him."""
    names = {c.text for c in full}
    for c in full:
        longer = [n for n in names if n.endswith(" " + c.text)]
        if longer:
            c.text = max(longer, key=len)


def _registry_mentions(documents: list[DocText], registry: Registry | None
                       ) -> dict[str, list[tuple[Mention, str]]]:
    out: dict[str, list[tuple[Mention, str]]] = {}
    if registry is None:
        return out
    for doc in documents:
        texts = [t for _, _, t in doc.paragraphs]
        for (pid, _, text), ms in zip(doc.paragraphs, registry.find_mentions(texts), strict=True):
            out[pid] = [(m, text[m.start:m.end]) for m in ms
                        if not (m.kind == "person" and rules.is_credit(text, m.start, m.end))]
    return out


_TITLED = re.compile(rf"(?:{rules.TITLES})\s")


def _is_full(surface: str) -> bool:
    """A full name or a native-script form (not "President Yoon", not "Yoon")."""
    if nm.HAN.search(surface) or nm.HANGUL.search(surface):
        return True
    return len(nm.tokens(surface)) >= 2 and not _TITLED.match(surface)


def _overlaps(ms: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in ms)


def _resolve_document(doc: DocText, full: list[_Cand], single: list[_Cand],
                      raw: Mapping[str, list[RawMention]],
                      registry_found: dict[str, list[tuple[Mention, str]]],
                      lookup: _Lookup, lowercase: set[str], result: Persons) -> None:
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
            single.append(_Cand(c.para, s, s + len(first), first, True))
    for c in single:
        if _overlaps(out[c.para], c.start, c.end):
            continue
        # Headline words resolve only inside their document ("Xi Grapples" -> "Xi").
        name = _resolve_single(c.text, (c.para, c.start), order, lookup, not c.heading)
        if name:
            out[c.para].append(Mention(c.start, c.end, name, "person"))
        elif not c.heading:
            result.unresolved[c.text] += 1
    _scan_short(doc, out, order, raw, lookup, lowercase)
    _scan_native(doc, out, order, lookup)
    _add_places(doc, out, raw, lookup.registry)
    for (pid, _, _), ms in zip(paras, out, strict=True):
        ms.sort(key=lambda m: (m.start, m.end))
        result.mentions[pid] = ms


def _confirmed_in_body(name: str, body_singles: set[str]) -> bool:
    """A headline's full name whose family name the body calls a person ("Joe Biden" in
    a heading, "Biden" in the text below)."""
    words = nm.tokens(name)
    return len(words) >= 2 and nm.fold_word(words[-1]) in body_singles


def _scan_short(doc: DocText, out: list[list[Mention]], order: dict[str, list[tuple[int, int]]],
                raw: Mapping[str, list[RawMention]], lookup: _Lookup, lowercase: set[str]) -> None:
    """Family names the model missed: "Han noted", "President Yoon", "Mr. Xi"."""
    words = {w for name in order for s in lookup.spellings.get(name, ())
             for w in (nm.tokens(s)[0], nm.tokens(s)[-1]) if not nm.HAN.search(w)
             and not nm.HANGUL.search(w) and len(w) > 1}
    titled = re.compile(rf"\b(?:{rules.TITLES})\s+([A-Z][a-z]+)\b(?![{re.escape(nm.HYPHENS)}])")
    bare = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")\b") if words else None
    for i, (pid, _, text) in enumerate(doc.paragraphs):
        others = [m for m in raw.get(pid, ()) if m.label in _NOT_PERSON_LABELS]
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
                 order: dict[str, list[tuple[int, int]]], lookup: _Lookup) -> None:
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
    if not _model_language(doc):
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
