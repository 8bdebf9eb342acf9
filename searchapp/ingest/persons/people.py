"""From raw recognizer mentions to persons: repaired, filtered, resolved, merged.

This is the cheap second step after :mod:`searchapp.ingest.persons.recognize`: it
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
(:mod:`searchapp.ingest.persons.rules`); full names (two words or more) are
kept, single words wait; names in title-case paragraphs count only when the
body text of the collection confirms them.  Over the collection, spellings
are clustered (:func:`searchapp.ingest.persons.names.cluster_names`) and mapped onto
the curated registry, whose canonical names and ``[[not_person]]`` entries
win.  Then, per document again, bare and titled family names ("Yoon",
"President Yoon", "Mr. Xi") resolve to the nearest full name in the
document, else to the only collection person of that family, and native
script forms (习近平, 시진핑, 尹錫悅, or a lone 尹 in a Korean headline) link
to the romanized persons they read as (that step: :mod:`searchapp.ingest.persons.resolve`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from searchapp.ingest.entities import Mention, Registry
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.resolve import (
    MODEL_LANGUAGES,
    NOT_PERSON_LABELS,
    PLACE_LABELS,
    Candidate,
    DocText,
    Lookup,
    model_language,
    resolve_document,
)
from searchapp.lexicon import NAME_TOKEN, POSSESSIVE_END, TITLE_WORDS

__all__ = ["DocText", "Persons", "find_persons", "merge_persons", "MODEL_LANGUAGES",
           "PLACE_LABELS"]
_WORD = re.compile(r"\b[a-z][a-z]+\b")
_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_END = POSSESSIVE_END
# Organisations, places and things (not nationalities: "Han" is NORP and a family name).
_THING_LABELS = ("ORG", "GPE", "LOC", "FAC", "PRODUCT")
# Words that start sentences or are capitalized for other reasons than names.
_FUNCTION = {"The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For", "By",
             "With", "From", "As", "If", "When", "While", "After", "Before", "This", "That",
             "He", "She", "It", "They", "We", "His", "Her", "Its", "Their", "Our", "Former",
             "Then", "Now", "Also", "So", "Yet", "Under", "Since", "Both", "Even", "Not"}


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

    def paragraph_counts(self) -> Counter:
        """In how many paragraphs each person is mentioned."""
        return Counter(n for pid in self.mentions for n in self.paragraph_persons(pid))

    def unregistered(self, registry: Registry | None) -> list[tuple[str, int]]:
        """Persons found but not in the registry, most mentioned first: what a curator
        might add (replaces guessing persons from capitalized words)."""
        known = set(registry.persons) if registry is not None else set()
        counts = self.paragraph_counts()
        return sorted(((n, c) for n, c in counts.items() if n not in known),
                      key=lambda x: (-x[1], x[0]))

    def document_counts(self, documents: Iterable[DocText]) -> Counter:
        """In how many documents each person is mentioned."""
        c: Counter = Counter()
        for doc in documents:
            c.update({n for pid, _, _ in doc.paragraphs for n in self.paragraph_persons(pid)})
        return c


# --- step 1: per document, model spans repaired and filtered ----------------------


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
                lowercase: set[str]) -> tuple[list[Candidate], list[Candidate]]:
    """Full-name and single-word person candidates of one document."""
    full: list[Candidate] = []
    single: list[Candidate] = []
    if not model_language(doc):
        return full, single
    for i, (pid, kind, text) in enumerate(doc.paragraphs):
        heading = rules.is_heading_kind(kind, text)
        for m in raw.get(pid, ()):
            if m.label != "PERSON" or text[m.start:m.end] != m.text:
                continue
            for s, e in rules.repair(text, m.start, m.end):
                s = rules.after_participle(text, s, e, lowercase)
                name = text[s:e]
                if (rules.is_credit(text, s, e) or rules.looks_like_org(text, s, e)
                        or rules.after_model_number(text, s)
                        or rules.is_character(text, s, e) or not name[:1].isupper()
                        or name.isupper() or any(ch.isdigit() for ch in name)):
                    continue
                cand = Candidate(i, s, e, name, heading)
                words = nm.tokens(name)
                if len(words) >= 2:
                    if not heading and rules.ordinary_words(name, lowercase):
                        continue
                    full.append(cand)
                elif len(name) > 1:
                    single.append(cand)
    return full, single


def _votes(raw: Mapping[str, list[RawMention]], others: Iterable[str] = NOT_PERSON_LABELS
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
        own: dict[str, str] = {}  # spelling -> the registered person it names itself
        if registry is not None:
            own = {n: h for n in members if (h := registry.canonical_person(n))}
            hits = list(own.values()) or _fuzzy_registry(display, registry)
            if hits:
                canonical = Counter(hits).most_common(1)[0][0]
        for n in members:  # a spelling registered as another person stays apart (split)
            bucket = out.setdefault(own.get(n, canonical), [])
            if n not in bucket:
                bucket.append(n)
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


# --- a lone family name completed from its document --------------------------------


@lru_cache(maxsize=4096)
def _given_names_before(word: str) -> re.Pattern:
    return re.compile(rf"\b((?:[A-Z][a-z]+(?:[{re.escape(nm.HYPHENS)}][a-z]+)?\s+){{1,2}})"
                      rf"{re.escape(word)}\b")


def _given_name_before(word: str, doc: DocText) -> Candidate | None:
    """"Rahm Emanuel" somewhere in the document, for a lone "Emanuel"."""
    rx = _given_names_before(word)
    for i, (_, kind, text) in enumerate(doc.paragraphs):
        if rules.is_heading_kind(kind, text):
            continue
        for m in rx.finditer(text):
            for s, e in rules.repair(text, m.start(), m.end()):
                words = text[s:e].split()
                if (len(words) > 1 and e == m.end() and not rules.looks_like_org(text, s, e)
                        and not any(w in TITLE_WORDS or w in _FUNCTION for w in words)):
                    return Candidate(i, s, e, text[s:e], False)
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
    found: list[tuple[DocText, list[Candidate], list[Candidate]]] = []
    spellings: Counter = Counter()
    for doc in documents:
        full, single = _candidates(doc, raw, lowercase)
        full = [c for c in full if other_votes[c.text] <= person_votes[c.text]
                and not _entity_prefix(c.text, label_of)]
        _to_longer_names(full)
        spellings.update(c.text for c in full if not c.heading)
        found.append((doc, full, single))
    _promote(found, raw, lowercase, spellings, label_of)
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
    lookup = Lookup(persons, registry)
    result = Persons(persons=persons)
    for doc, full, single in found:
        resolve_document(doc, full, single, raw, registry_found, lookup, lowercase,
                         result.mentions, result.unresolved)
    return result


_NAME_WORD = re.compile(NAME_TOKEN)
# Not places: "New Delhi" is a place even in a collection that knows a "New Shepard".
_PROMOTABLE = {"ORG", "PRODUCT", "WORK_OF_ART", "NORP"}


def _promote(found: list[tuple[DocText, list[Candidate], list[Candidate]]],
             raw: Mapping[str, list[RawMention]], lowercase: set[str], spellings: Counter,
             label_of: Mapping[str, tuple[int, int]]) -> None:
    """Name-shaped spans the model typed as something else ("Novak Djokovic" ORG), kept
    as persons after a person's title ("Chancellor Olaf Scholz"), listed with a person
    ("Marcel Granollers and Feliciano Lopez"), or when the model calls their given
    name or family name a person's elsewhere: a given name that
    starts another full name in the collection, or the family name alone as PERSON
    in the same document."""
    given = {nm.tokens(n)[0] for n in spellings}
    for doc, full, single in found:
        if not model_language(doc):
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
                    listed = _beside_person(text, s, e, raw.get(pid, ()))
                    if not (titled or listed or words[0] in given or words[-1] in singles):
                        continue
                    if (rules.looks_like_org(text, s, e) or rules.is_credit(text, s, e)
                            or rules.ordinary_words(text[s:e], lowercase)
                            or _entity_prefix(text[s:e], label_of)):
                        continue
                    full.append(Candidate(i, s, e, text[s:e], False))
                    spellings[text[s:e]] += 1


_AND = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s*&)\s+$")


def _beside_person(text: str, s: int, e: int, spans: Iterable[RawMention]) -> bool:
    """Listed with a person: "Marcel Granollers and Feliciano Lopez"."""
    for m in spans:
        if m.label != "PERSON":
            continue
        if m.end <= s and _AND.fullmatch(text, m.end, s):
            return True
        if e <= m.start and _AND.fullmatch(text, e, m.start):
            return True
    return False


def _to_longer_names(full: list[Candidate]) -> None:
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


def is_full_name(surface: str) -> bool:
    """See :func:`_is_full` (for the persons stage's list of spellings)."""
    return _is_full(surface)


def _is_full(surface: str) -> bool:
    """A full name or a native-script form (not "President Yoon", not "Yoon")."""
    if nm.HAN.search(surface) or nm.HANGUL.search(surface):
        return True
    return len(nm.tokens(surface)) >= 2 and not _TITLED.match(surface)


