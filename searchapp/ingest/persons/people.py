"""From raw recognizer mentions to persons: repaired, judged, merged with evidence, resolved.

This is the cheap second step after :mod:`searchapp.ingest.persons.recognize`: it
needs the paragraphs' text and kind and the stored raw mentions, never the
model, so it is re-run whenever the rules or the curated registry change.

Contract for the indexer::

    raw = recognizer.recognize(new_or_changed)          # slow, once per paragraph
    store.update(raw)                                   # keep raw mentions by paragraph id
    found = find_persons(documents, store.all(), registry)   # cheap, whole collection
    found.mentions[paragraph_id]  -> [Mention(start, end, name, kind, why)]   (entities)
    found.persons                 -> {canonical name: [spellings]}
    found.evidence                -> {canonical name: {"spellings": [...], ...}}

``documents`` are :class:`DocText` (id and ``(paragraph id, kind, text)``
triples).  The whole collection is needed because three facts are collection
wide: whether a name is a person's at all (what surrounds it everywhere it is
written), which spellings are one person, and who a bare family name means in a
document that never gives the full name ("Kishida" alone -> Kishida Fumio, when
the collection knows exactly one Kishida).

Steps: per document, model PERSON spans are repaired and filtered
(:mod:`searchapp.ingest.persons.rules`, :mod:`searchapp.ingest.persons.candidates`);
over the collection each full name is judged on its evidence
(:mod:`searchapp.ingest.persons.evidence`: "said X", "the X rocket" ...), a
sentence's opening word glued to a family name is cut off, and the trusted
spellings are merged where a rule or the document says so
(:func:`searchapp.ingest.persons.names.cluster_spellings`: spelling, romanization,
middle name, same article -- never a similar spelling across documents), then
mapped onto the curated registry, whose canonical names and ``[[not_person]]``
entries win.  Then, per document again, bare and titled family names resolve to
the nearest person of that name in the document, else to the only trusted person
of that family in the collection, and native-script forms link where they stand
as names (:mod:`searchapp.ingest.persons.resolve`); places are judged
(:mod:`searchapp.ingest.persons.places`).  Every person keeps why: each
spelling's reason and counts (:attr:`Persons.evidence`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

from searchapp.ingest.entities import Mention, Registry
from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.address import collection_address, cut_address, document_address
from searchapp.ingest.persons.candidates import (
    Collection,
    cut_glued_tails,
    doc_candidates,
    entity_prefix,
    given_name_before,
    glued_opener,
    glued_to_its_rest,
    promote,
    shape_problem,
    to_longer_names,
)
from searchapp.ingest.persons.context import collection_evidence
from searchapp.ingest.persons.name_edges import named_for_a_person, person_words
from searchapp.ingest.persons.memo import (
    ByDocument,
    Memo,
    RawStore,
    per_document,
    tracked,
    using,
)
from searchapp.ingest.persons.not_persons import thing_shaped, written_as_a_place
from searchapp.ingest.persons.places import judge_places
from searchapp.ingest.persons.recognize import RawMention
from searchapp.ingest.persons.words import RELATIVES
from searchapp.ingest.persons.resolve import (
    MODEL_LANGUAGES,
    PLACE_LABELS,
    Candidate,
    DocText,
    Lookup,
    given_name_titled,
    headline_persons,
    resolve_document,
)

__all__ = ["DocText", "Persons", "find_persons", "merge_persons", "MODEL_LANGUAGES",
           "PLACE_LABELS"]


@dataclass
class Persons:
    """What :func:`find_persons` found in a collection."""

    #: paragraph id -> person and place mentions, by position
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    #: canonical name -> spellings seen (the canonical one first)
    persons: dict[str, list[str]] = field(default_factory=dict)
    #: single names (family or given) that could not be resolved, with counts
    unresolved: Counter = field(default_factory=Counter)
    #: canonical name -> its evidence (:func:`person_evidence`)
    evidence: dict[str, dict] = field(default_factory=dict)
    #: full names the model labeled as persons and the rules turned down, and why
    rejected: dict[str, str] = field(default_factory=dict)

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


#: A relative's noun right before a name ("his father, Juan Roe", "her son Ali Roe").
_RELATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(RELATIVES))})[ \t]*,?[ \t]+$", re.I)
_NAME_GOES_ON = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")  # the span is part of a longer name there


# --- the collection's persons ------------------------------------------------------------


def merge_persons(spellings: Counter, registry: Registry | None = None,
                  docs: Mapping[str, set[str]] | None = None,
                  reasons: dict[str, str] | None = None,
                  kin: Iterable[str] = ()) -> dict[str, list[str]]:
    """Cluster full-name spellings into persons, curated by the registry.

    ``spellings`` counts full names as found, ``docs`` the documents each was found
    in (None: as if all in one).  Returns ``{canonical: spellings}``: the registry's
    canonical name when the person is registered (its aliases and order variants
    map there, and two clusters mapping to one registered person merge), else the
    most frequent spelling.  Names the registry lists under ``[[not_person]]`` are
    dropped.  ``reasons``, when given, receives why each spelling joined its person;
    ``kin``: spellings written as someone's relative (:func:`names.cluster_spellings`).
    """
    not_persons = {k for n in getattr(registry, "not_persons", ()) for k in nm.exact_keys(n)}
    counts = Counter({n: c for n, c in spellings.items()
                      if not nm.exact_keys(n) & not_persons})
    groups, why = nm.cluster_spellings(counts, docs, frozenset(kin))
    out: dict[str, list[str]] = {}
    for display, members in groups.items():
        canonical = display
        own: dict[str, str] = {}  # spelling -> the registered person it names itself
        if registry is not None:
            own = {n: h for n in members if (h := registry.canonical_person(n))}
            hits = list(own.values()) or _registry_match(display, registry)
            if hits:
                canonical = Counter(hits).most_common(1)[0][0]
        for n in members:  # a spelling registered as another person stays apart (split)
            bucket = out.setdefault(own.get(n, canonical), [])
            if n not in bucket:
                bucket.append(n)
            if own.get(n):
                why[n] = "curated"
            elif canonical != display and n == display:
                why[n] = "curated" if registry.canonical_person(n) else "romanization"
    for canonical, members in out.items():
        members.sort(key=lambda n: (n != canonical, -counts.get(n, 0), n))
        if canonical not in members:
            members.insert(0, canonical)
        why.pop(canonical, None)
    if reasons is not None:
        reasons.update(why)
    return out


def _registry_match(name: str, registry: Registry) -> list[str]:
    """Registered persons a found name is by a rule (romanization), never by a similar
    spelling alone."""
    keys = nm.family_keys(name)
    return [p.name for p in registry.persons.values()
            if nm.family_keys(p.name) & keys and any(
                nm.merge_reason(name, alias, False) for alias in (p.name, *p.aliases)
                if not nm.HAN.search(alias) and not nm.HANGUL.search(alias))]


# --- the whole run -----------------------------------------------------------------------


def find_persons(documents: Iterable[DocText], raw: Mapping[str, list[RawMention]],
                 registry: Registry | None = None, memo: Memo | None = None) -> Persons:
    """Persons (and places) in every paragraph of a collection; see the module doc.

    Documents are taken in the order of their ids, so the result never depends on
    the order they come in.  With a ``memo`` (:mod:`searchapp.ingest.persons.memo`)
    the per-document steps of the last run are reused where neither the document
    nor any collection fact they read changed: the same result, computed for the
    documents a change touches."""
    documents = sorted(documents, key=lambda d: d.doc_id)
    if memo is not None and not isinstance(raw, RawStore):
        raw = RawStore(raw)
    with using(memo):
        return _find(documents, raw, registry, memo)


def _find(documents: list[DocText], raw: Mapping[str, list[RawMention]],
          registry: Registry | None, memo: Memo | None) -> Persons:
    references = {pid for d in documents for pid in reference_paragraphs(d)}
    if references:  # a reference list's authors are citations, not the text's persons
        raw = (raw.without(references) if isinstance(raw, RawStore) else
               {pid: ([] if pid in references else ms) for pid, ms in raw.items()})
    coll = _view(memo, _collection(documents, raw, memo), "coll", _COLLECTION_TABLES, False)
    found: list[tuple[DocText, list[Candidate], list[Candidate]]] = []
    for doc in documents:
        full, single = doc_candidates(doc, raw, coll)
        found.append((doc, full, single))
    every = _table(memo, "every", frozenset(c.text for _, f, _ in found for c in f))
    # ("Khin Maung Htwe" elsewhere)
    shown = {d.doc_id: document_address(d, f, s, _spans(d, raw), every) for d, f, s in found}
    titles = collection_address(shown.values())
    named = set().union(*(a.named for a in shown.values()))  # "Pani" alone anywhere: a name
    back = frozenset().union(*(a.dropped for a in shown.values())) - named  # "Batono Zviad"
    address = {k: frozenset(a.shared | a.after | a.firsts & titles | (a.dropped - named))
               for k, a in shown.items()}
    found = [(d, *cut_address(d, raw, f, s, address[d.doc_id], (), back)) for d, f, s in found]
    rejected = _judge(found, coll, raw, address)
    spellings: Counter = Counter()
    spelling_docs: dict[str, set[str]] = defaultdict(set)
    for doc, full, _ in found:
        to_longer_names(full, doc)
        for c in full:  # a headline's name counts when its own words vouch for it
            if not c.heading or c.cues & ev.STRONG:
                spellings[c.text] += 1
                spelling_docs[c.text].add(doc.doc_id)
    given = _table(memo, "given", {nm.tokens(n)[0] for n in spellings})
    turned_down = _table(memo, "rejected", rejected)
    before = {id(c) for _, full, _ in found for c in full}
    promote(found, raw, coll, given, turned_down)
    found = [(d, *cut_address(d, raw, f, s, address[d.doc_id], before)) if address[d.doc_id]
             else (d, f, s) for d, f, s in found]  # "Kyria Eleftheria" typed ORG
    for doc, full, _ in found:
        for c in full:
            if id(c) not in before:
                spellings[c.text] += 1
                spelling_docs[c.text].add(doc.doc_id)
    families = _table(memo, "families", {nm.fold_word(nm.family_word(n)) for n in spellings})
    for doc, full, single in found:
        for given_name in given_names(doc, single, families, registry, coll, turned_down,
                                      address[doc.doc_id]):
            full.append(given_name)
            spellings[given_name.text] += 1
            spelling_docs[given_name.text].add(doc.doc_id)
    registry_found: dict[str, list[tuple[Mention, str]]] = {}
    if registry is not None:
        for doc in documents:
            registry_found.update(registry_mentions(doc, registry))
    reasons: dict[str, str] = {}
    kin = {c.text for doc, full, _ in found for c in full  # "his father, Juan Roe"
           if _RELATIVE_BEFORE.search(doc.paragraphs[c.para][2][max(0, c.start - 30):c.start])
           and not _NAME_GOES_ON.match(doc.paragraphs[c.para][2], c.end)}
    persons = merge_persons(spellings, registry, spelling_docs, reasons, kin)
    for ms in registry_found.values():
        for m, surface in ms:
            if m.kind == "person" and is_full_name(surface):
                bucket = persons.setdefault(m.name, [m.name])
                if surface not in bucket:
                    bucket.append(surface)
                    reasons.setdefault(surface, "curated")
    lookup = Lookup(persons, registry)
    for canonical, spelled in persons.items():
        lookup.spread[canonical] = len(set().union(*(spelling_docs.get(s, ()) for s in spelled)))
    result = Persons(persons=persons, rejected=rejected)
    for _, _, single in found:  # a lone word the model mostly calls something else
        single[:] = [c for c in single if "addressed" in c.cues
                     or coll.other_votes[c.text] <= coll.person_votes[c.text]]
    lookup.add_families(c.text for doc, _, single in found for c in single
                        if "title" in c.cues
                        and not given_name_titled(doc.paragraphs[c.para][2], c.start))
    # headline names a document's body confirms, known to every document
    for doc, full, single in found:
        for name in headline_persons(doc, full, single, lookup, coll.lowercase):
            lookup.add(name)
    known = _view(memo, lookup, "lookup", _LOOKUP_TABLES)
    for doc, full, single in found:
        curated = {pid: registry_found[pid] for pid in doc.pids
                   if pid in registry_found} if registry_found else {}
        mentions, unresolved = resolve_document(doc, full, single, raw, curated, known,
                                                coll.lowercase)
        result.mentions.update(mentions)
        result.unresolved.update(unresolved)
    judge_places(documents, raw, coll, result.mentions, known)
    # "Weyzero [Yeshimebet]": a person's name wherever written, whatever the model says
    addressed = {c.text for _, _, single in found for c in single if "addressed" in c.cues}
    for pid, ms in result.mentions.items() if addressed else ():
        result.mentions[pid] = [m for m in ms if m.kind != "place" or m.name not in addressed]
    result.evidence = person_evidence(documents, result, _table(memo, "reasons", reasons))
    return result


#: The collection facts per-document steps may read, as :class:`Collection` names them.
_COLLECTION_TABLES = tuple(f.name for f in fields(Collection))
#: The collection's persons as :class:`Lookup` holds them.
_LOOKUP_TABLES = ("by_key", "by_family", "families", "loose", "family_loose", "spread",
                  "spellings")


def _table(memo: Memo | None, name: str, data):
    """``data`` as per-document steps read it (a recording view under a memo)."""
    return data if memo is None else memo.table(name, data)


def _view(memo: Memo | None, obj, prefix: str, tables: tuple[str, ...], keep: bool = True):
    return obj if memo is None else tracked(obj, memo, prefix, tables, keep)


def _collection(documents: list[DocText], raw: Mapping[str, list[RawMention]],
                memo: Memo | None) -> Collection:
    """What the collection says about words and strings: the sum of each document's
    part (:func:`document_collection`), kept from run to run under a memo (a changed
    or deleted document's old part taken off, its new one added)."""
    if memo is None:
        return Collection.of(documents, raw)
    coll = memo.sums("coll", documents, document_collection, raw, factory=Collection)
    # the tables keyed by a document: each document's own part, read when asked for
    by_id = {d.doc_id: d for d in documents}
    memo.carry(document_keyed.step, by_id)
    parts: dict[str, dict] = {}

    def part(doc_id: str) -> dict:
        got = parts.get(doc_id)
        if got is None:
            kept = memo.reusable(document_keyed.step, doc_id)  # (no arguments to compare)
            got = parts[doc_id] = (kept.result if kept is not None else
                                   document_keyed(by_id[doc_id], raw) if doc_id in by_id
                                   else {})
        return got

    for name in Collection.DOCUMENT_KEYED:
        setattr(coll, name, ByDocument(lambda d, name=name: part(d).get(name, {}), by_id))
    return coll


@per_document
def document_collection(doc: DocText, raw: Mapping[str, list[RawMention]]) -> Collection:
    """One document's part of :class:`Collection` (its tables keyed by the document
    left out: :func:`document_keyed`)."""
    part = Collection.of([doc], raw)
    for name in Collection.DOCUMENT_KEYED:
        setattr(part, name, {})
    return part


@per_document
def document_keyed(doc: DocText, raw: Mapping[str, list[RawMention]]) -> dict[str, dict]:
    """One document's tables of :class:`Collection` keyed by ``(document id, word)``, by
    field name."""
    part = Collection.of([doc], raw)
    return {name: getattr(part, name) for name in Collection.DOCUMENT_KEYED}


@per_document
def reference_paragraphs(doc: DocText) -> list[str]:
    """The paragraphs of a reference list (their authors are citations)."""
    return [pid for pid, _, text in doc.paragraphs if rules.is_reference_entry(text)]


@per_document
def given_names(doc: DocText, single: list[Candidate], families: set[str],
                registry: Registry | None, coll: Collection, rejected: Mapping[str, str],
                address: frozenset[str] = frozenset()) -> list[Candidate]:
    """Full names a document gives its lone family names the collection names no one
    by ("Rahm Emanuel" for "Emanuel"; :func:`given_name_before`), each family once."""
    out: list[Candidate] = []
    done: set[str] = set()
    for c in single:
        key = nm.fold_word(c.text)
        if c.heading or key in families or key in done:
            continue
        if registry is not None and registry.canonical_person(c.text):
            continue
        given_name = given_name_before(c.text, doc, coll, rejected, address)
        if given_name:
            out.append(given_name)
            done.add(key)
    return out


def _votes(name: str, coll: Collection) -> tuple[int, int, int]:
    return (coll.person_votes[name], coll.other_votes[name] + coll.prefix_votes[name],
            coll.place_votes[name])


def _judge(found: list[tuple[DocText, list[Candidate], list[Candidate]]],
           coll: Collection, raw: Mapping[str, list[RawMention]],
           address: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Keep the full names the collection vouches for (in place, in ``found``); cut
    a sentence's opening word glued to a family name ("Thank Biden" -> "Biden", and the
    rest is judged in turn).  Returns the names turned down, with why."""
    rejected: dict[str, str] = cut_glued_tails(found, coll)
    docs_by_id = {doc.doc_id: doc for doc, _, _ in found}
    given_mid = {c.text.split()[0] for _, full, _ in found for c in full
                 if not c.opening and not c.heading}
    for _ in range(3):  # a glued word cut, the rest judged again ("Off Dell Alienware")
        by_name: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
        for doc, full, _ in found:
            for c in full:
                by_name[c.text].append((doc.doc_id, c))
        first_words: dict[str, set[str]] = defaultdict(set)
        in_doc: dict[str, set[str]] = defaultdict(set)
        for name, occ in by_name.items():
            first_words[name.split()[0]].add(name)
            for doc_id, _ in occ:
                in_doc[doc_id].add(name)
        glued = {name for name, occ in by_name.items() if not shape_problem(name, coll)
                 and (glued_opener(name, [c for _, c in occ], coll, given_mid,
                                   _anothers_family(name, [in_doc[d] for d, _ in occ]))
                      or glued_to_its_rest(name, [c for _, c in occ],
                                           [docs_by_id[d] for d in {d for d, _ in occ}],
                                           coll, first_words))}
        if not glued:
            break
        for name in glued:
            rejected[name] = "a sentence's opening word glued to a name"
        for _, full, single in found:
            kept = []
            for c in full:
                if c.text not in glued:
                    kept.append(c)
                    continue
                rest = c.text.split(None, 1)[1]  # a name of its own (maybe a family name)
                short = Candidate(c.para, c.end - len(rest), c.end, rest, c.heading, c.cues,
                                  True)
                (kept if len(nm.tokens(rest)) >= 2 else single).append(short)
            full[:] = kept
    by_name = defaultdict(list)
    for doc, full, _ in found:
        for c in full:
            by_name[c.text].append((doc.doc_id, c))
    # every place the documents of a name write it, and its family name alone
    read = collection_evidence([(doc, {c.text for c in full}) for doc, full, _ in found], raw,
                               coll.lowercase, address)
    keep: set[str] = set()
    in_doc: dict[str, set[str]] = defaultdict(set)
    for name, occ in by_name.items():
        for doc_id, _ in occ:
            in_doc[doc_id].add(name)
    words_of_persons = person_words(coll.given_of)
    for name, occ in by_name.items():
        problem = shape_problem(name, coll)
        if problem:
            rejected[name] = problem
            continue
        evid = read.get(name)
        if evid is None or not evid.occurrences:  # written otherwise than found
            evid = ev.NameEvidence()
            for doc_id, c in occ:
                evid.add(doc_id, c.cues, c.opening, c.heading)
        if entity_prefix(name, coll) and not evid.strong:
            rejected[name] = "its first words name an organisation or a place"
            continue
        if (evid.headings >= evid.occurrences and not evid.strong
                and rules.ordinary(nm.family_word(name), coll.lowercase)):
            rejected[name] = "only in headlines, and its last word is a common word"
            continue
        thing = thing_shaped(name, evid, coll, [d for d, _ in occ])
        if thing:
            rejected[name] = thing
            continue
        named_for = evid.headings < evid.occurrences and named_for_a_person(
            name, set().union(*(in_doc[d] for d in evid.documents | {d for d, _ in occ})),
            words_of_persons, coll.person_votes, evid.cue_counts, evid.bare)
        if named_for:
            rejected[name] = named_for
            continue
        where = written_as_a_place(name, evid, coll)
        if where:
            rejected[name] = where
            continue
        if evid.against and (evid.bare or evid.bare_against) and _shares_family(
                name, [in_doc[d] for d in evid.documents | {d for d, _ in occ}]):
            # the family name alone is another person's of its documents too ("the
            # hazelnut company Ann Roe" beside "Bo Roe"): it vouches for neither
            evid = replace(evid, bare=0, bare_strong=0, bare_against=0)
        verdict = ev.verdict(evid, *_votes(name, coll))
        if verdict.person:
            keep.add(name)
        else:
            rejected[name] = verdict.why
    for _, full, _ in found:
        full[:] = [c for c in full if c.text in keep]
    return rejected


def _spans(doc: DocText, raw: Mapping[str, list[RawMention]]) -> set[str]:
    """The model's spans of two words or more in ``doc`` that are not typed PERSON."""
    return {m.text for pid in doc.pids for m in raw.get(pid, ())
            if m.label != "PERSON" and " " in m.text}


def _shares_family(name: str, doc_names: list[set[str]]) -> bool:
    """Whether the family name of ``name`` ends another full name of its documents that
    begins otherwise."""
    family, first = nm.family_word(name), name.split()[0]
    return any(o != name and " " in o and o.split()[0] != first and nm.family_word(o) == family
               for names in doc_names for o in names)


def _anothers_family(name: str, doc_names: list[set[str]]) -> bool:
    """Whether the last word of a two-word name ends another name of its documents that
    begins otherwise ("Tell Roe" beside "Ann Roe")."""
    words = name.split()
    return len(words) == 2 and any(
        o.split()[-1] == words[1] and o.split()[0] != words[0]
        and not o.casefold().endswith(" " + name.casefold())  # "Di Roe" of "Ann di Roe"
        for names in doc_names for o in names if o != name and " " in o)


@per_document
def registry_mentions(doc: DocText, registry: Registry) -> dict[str, list[tuple[Mention, str]]]:
    """The registry's mentions in one document, by paragraph, with the text each stands
    on (photo credits left out)."""
    out: dict[str, list[tuple[Mention, str]]] = {}
    texts = [t for _, _, t in doc.paragraphs]
    for (pid, _, text), ms in zip(doc.paragraphs, registry.find_mentions(texts), strict=True):
        out[pid] = [(Mention(m.start, m.end, m.name, m.kind, "curated"),
                     text[m.start:m.end]) for m in ms
                    if not (m.kind == "person" and rules.is_credit(text, m.start, m.end))]
    return out


def person_evidence(documents: Iterable[DocText], found: Persons,
                    reasons: Mapping[str, str]) -> dict[str, dict]:
    """Each person's evidence: every spelling under which it was found, with how many
    mentions and documents and why it is this person ("name" for the canonical name,
    "spelling", "romanization", "middle name", "same article", "curated", "short name
    (same article)", "family name (the only one in the collection)", "native script
    (beside the romanized name)" ...), and the documents (ids) it is mentioned in."""
    mentions: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    person_docs: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        here = {pid: found.mentions[pid] for pid in doc.pids if found.mentions.get(pid)}
        for name, surface, why in document_spellings(doc, here, reasons):
            mentions[name][(surface, why)] += 1
            docs_of[(name, surface, why)].add(doc.doc_id)
            person_docs[name].add(doc.doc_id)
    out: dict[str, dict] = {}
    for name, counts in mentions.items():
        rows = [{"text": surface, "mentions": n,
                 "documents": len(docs_of[(name, surface, why)]), "why": why}
                for (surface, why), n in counts.most_common()]
        out[name] = {"spellings": rows, "documents": sorted(person_docs[name])}
    return out


@per_document
def document_spellings(doc: DocText, mentions: dict[str, list[Mention]],
                       reasons: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """``(person, spelling, why)`` for each person mention of one document, given its
    ``mentions`` by paragraph (see :func:`person_evidence`)."""
    out = []
    for pid, _, text in doc.paragraphs:
        for m in mentions.get(pid, ()):
            if m.kind != "person":
                continue
            surface = " ".join(text[m.start:m.end].split())
            if m.why:
                why = m.why
            elif nm.exact_keys(surface) & nm.exact_keys(m.name):
                why = "name"
            else:
                why = reasons.get(surface) or "spelling"
            out.append((m.name, surface, why))
    return out


_TITLED = re.compile(rf"(?:{rules.TITLES})\s")


@lru_cache(maxsize=65536)
def is_full_name(surface: str) -> bool:
    """A full name or a native-script form (not "President Yoon", not "Yoon")."""
    if nm.HAN.search(surface) or nm.HANGUL.search(surface):
        return True
    return len(nm.tokens(surface)) >= 2 and not _TITLED.match(surface)
