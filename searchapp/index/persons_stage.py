"""The persons stage: recognized persons and places for an up-to-date index.

Runs after keyword indexing (keyword search works before it finishes) in two
steps, each kept in a file beside the index:

1. **recognize** -- the spaCy recognizer (:mod:`searchapp.ingest.persons.recognize`)
   reads only the paragraphs whose content id (pid) it has not read before
   and stores their raw mentions in ``mentions.sqlite3``, a batch per
   transaction (an interrupted run keeps what it finished).  The store
   carries the recognizer's fingerprint (model and rules version): another
   model reads everything again.
2. **resolve** -- the raw mentions of the whole collection become persons and
   places (:func:`~searchapp.ingest.persons.people.find_persons`, with the
   corpus registry and the user's curation, :mod:`~searchapp.ingest.persons.curation`),
   written to ``persons.json`` (replaced atomically), which the search engine
   reads into its person and place columns (:mod:`searchapp.search.found`).
   A curation change re-runs this step only (:func:`resolve_persons`).
   Each document's resolution steps are kept in ``persons-memo.sqlite3``
   (:mod:`searchapp.ingest.persons.memo`, stored by :mod:`searchapp.index.persons_memo`):
   the next run computes them again only for the documents that changed and those a
   changed collection fact reaches, and its result is the same as resolving
   everything again.

:func:`run_persons_stage` does both and reports ``progress(done, total)``;
it is a no-op with a one-line note when spaCy or its model is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from searchapp import __version__
from searchapp.config import Settings
from searchapp.index import MENTIONS_DB, PERSONS_FILE
from searchapp.index.manifest import index_state
from searchapp.index.persons_memo import (
    no_gc,
    read_kept,
    read_memo,
    with_gc,
    write_memo,
)
from searchapp.index.speakers import QUOTES_VERSION, add_speech_persons, quote_rows
from searchapp.index.whoosh.stored import stored_rows
from searchapp.ingest.persons.curation import curated_registry, curation_fingerprint
from searchapp.ingest.persons.memo import Memo, RawStore
from searchapp.ingest.persons.people import DocText, Persons, find_persons, is_full_name
from searchapp.ingest.persons.recognize import (
    RECOGNIZER_VERSION,
    RawMention,
    Recognizer,
)
from searchapp.model import counted

#: Bumped when what ``persons.json`` holds changes shape (2: quotations and speakers).
SIDECAR_VERSION = 2
#: Bumped when the resolution rules (people.py, resolve.py, rules.py, names.py, evidence.py,
#: candidates.py, context.py, places.py) change what they make of the same raw mentions: the
#: next run resolves again.  4: persons judged on their evidence, merges by rule, evidence kept.
#: 5: every place a document writes a name read, its family name alone, things and firms.
#: 6: firms by what only they have (", which", its officers, a firm's apposition, written in
#: full every time), job titles cut from names, brands before a noun no places.
#: 7: a lone word written after "her husband," is nobody's family name across documents;
#: a name written in full every time is no longer taken for a firm's; a place written in
#: capitals ("SEOUL") is the one the collection writes in lower case.  8: a wire story's
#: staff credit ("Editing by A and B") names no person; labels read on every run.
#: 9: a kind of firm or thing before a name ("the insurer X", "the tanker X"); a town written
#: only after a preposition of place; "in X" alone is no place for a thing; "S. Korea" is
#: "South Korea"; a Chinese name in native script where a name stands (said, a role).
#: 10: the name after one word's possessive in a span is a person too ("Labour’s Pat
#: McFadden"), never an organisation's product; an inner word of a long name alone later
#: in the article is that person ("Lula").  11: a dateline's place in capitals that the
#: collection writes nowhere else is listed as a name is written ("MUSCAT" -> Muscat).
#: 12: a role a firm takes too ("the developer X", "the broker X") decides with the rest;
#: a place is the whole name over its small words ("Vila do Conde"); a name cut before
#: one, listed with places or named a town, written only where places stand, is no person.
#: 13: a courtesy title without its dot is no part of a name ("Ms Whitcombe" is Whitcombe).
#: 14: firms by what only a firm has, a firm's role in an apposition, a workplace, a plural
#: role before one name; a country in lists of places, "from Loch X"; a name not cut at a
#: Latin letter; two places in one span split, a place's inner small words kept.
#: 15: a name's particles kept ("von der"), title words alone and one word twice no name.
#: 16: names compared with the letters no accent makes folded ("Aydınlı" is "Aydinli":
#: ingest.text.fold_letters), so such spellings now merge.
#:     and an apposition naming a place decides; titles of faith, honour and address cut
#: ("Alhaji", "Sister", "Dona"); a name the model cut before its last word grown; "her
#: cooperative, X" and "X's managing director" a firm's; a place listed with places, or
#: whose apposition is another person's title and name, not promoted to a person; a list
#: after a preposition of place is where places stand; a name ending the one longer name
#: of its article is that person.
#: 17: forms of address the collection shows ("Pani Teresa" beside "Teresa Mroczek"), other
#: languages' titles before and after a name ("Tannie", "Encik", "Apa"); a title's field cut
#: ("Minister of [Transport] ..."); no person in "the University of X"; a name cut at a
#: family name's prefix grown ("Mac an Bhaird"); where a person is from ("Ann Roe, 70, from
#: X") a place; a body's members and officers, an organisation the model's span goes on into.
#: Also 17 (merged): places in Chinese, Japanese and Korean documents (native_places), a body
#: that sits ("in the X", "told the X") is no place, "X's interior minister" no thing's belonging.
#: 18 (round ten): a name the model began a word late gets its first word back ("Selasi" +
#: "Dzifa Agbenyega"); a name that is another person's of its page with one more word is a
#: firm's named for them ("Vidaković Energija"); forms of address of more languages, "Don"
#: and "Dr" where the page names the person in full without them; what only an organisation
#: undergoes ("X, founded by", "shares in X"), an office over a place ("the chief of X"), a
#: list ending in a kind of place ("A, X and B provinces"); a shared family name alone
#: vouches for neither name against a cue; a last word the collection shows heading
#: organisations' names -- persons and places stored by 17 change (and the memo's
#: collection sums gain a table).
#: 19 (round eleven): a first word the page drops when it names the person again is a form
#: of address ("Batono Zviad" beside "Zviad Roe", the page writing "Zviad" and "Roe" by
#: themselves, or saying "T G, as the crew call him"), also cut from names promoted from
#: another type ("Kyria X" typed ORG) and where round ten's first word back put it; the word
#: left is a person's, not a place, wherever written -- persons and places stored by 18 change.
#: 20 (round twelve): forms of address of the world's languages from a sourced lexicon
#: (lexicon.address: "Daw", "Oknha", "Ramatoa" cut wherever they begin a name; "U", "Pak",
#: "Sri", "Gogo" where the collection writes the rest without them; runs of them, "Pak
#: Cik"; after-words at a name's end only), so the person is listed without the title
#: ("Khin Maung Htwe", not "U Khin Maung Htwe"); a quote before a name no longer hides it
#: from the after-words' check -- persons and places stored by 19 change.
#: 21 (places round twelve): a single word no page writes in a place's slot is no place
#: where it stands in a person's slot ("binti X", "X, 71,", "X's brother", "her grandfather,
#: X", "X, who"), is a word of a person's name of its document (or its plural, or its start
#: with a form of address joined by a hyphen: "X-bhai"), the last word of a longer name the
#: model left untyped, or qualifies a person or a people or names a language or a script
#: ("an X farmer", "(… in X)", "X-speaking"); places stored by 20 change (persons do not).
#: 22: an initial never joins two spellings that each write out a given name the other
#: lacks ("S. Ramanathan Chettiar" is not "Somasundaram Chettiar") -- persons stored by 21
#: change.
#: 23: "Kyrie" and "Maame" are given names too (Kyrie Irving, Maame Biney): shared forms
#: of address, no longer cut wherever they begin a name; a family name with a particle
#: written alone ("Gus Van Sant" ... "Van Sant said") no longer shows a shared word before
#: it a form of address -- persons stored by 22 change.
#: 24 (review): a form of address after a name that is a family name too ("Dai", "Sama",
#: "Bobo": lexicon.address.AFTER_NAMES_TOO) is cut only where the page writes the name before
#: it by itself ("Jinhua Dai" in full stays a person); a place is no people's name for
#: qualifying a role, a relative or a trade ("the Florida governor", "Gaza fishermen"):
#: only "the X people", "X clans", "of X descent" say so -- persons and places stored by 23
#: change.
#: 25 (round thirteen): a name the model began at its patronymic link ("bin Rashid X") or a
#: word late after a form of address begins with its given name; a cut form of address no
#: longer reads as a longer name's first word; a word the page drops from a name in every
#: way is a form of address; a name that begins a longer one of its article is that person
#: -- persons stored by 24 change.
#: 26: such a person is listed under the name written out, not the short form the article
#: uses most ("Anna Pavlovna Roe", not "Anna Pavlovna") -- display names stored by 25 change.
#: 27: a modifier letter or a combining accent in a name is no break ("Kealiʻi" was cut to
#: "Keali") -- persons stored by 26 change.
#: 28 (review): a name written as someone's relative ("his father, Juan Roe") does not join
#: the longer name it begins (the son "Juan Roe García"); a weekday or function word before
#: "bin" is no given name; a first given name the page says the person does not go by
#: ("known as Thomas Roe") is no form of address -- persons stored by 27 change.
#: 29: a name's ʻokina or modifier apostrophe (ʼ ʾ ʿ) is dropped when spellings are compared,
#: as an apostrophe is ("Kealii" and "Kealiʻi" are one person) -- merges stored by 28 change.
RESOLUTION_VERSION = 29
#: Documents listed with a person's evidence (the count is always there).
EVIDENCE_DOCUMENTS = 8
#: Paragraphs recognized (and committed) at a time, by one process.
BATCH = 256
#: At least this many new paragraphs use two spaCy processes (on two cores or more).
PARALLEL_FROM = 4000

StageProgress = Callable[[int, int], None]


@dataclass
class PersonsReport:
    """What one run of the stage did."""

    recognized: int = 0  # paragraphs read by the model in this run
    paragraphs: int = 0  # paragraphs in the index
    persons: int = 0
    places: int = 0
    resolved: bool = False  # persons.json was rewritten
    note: str = ""  # why the stage did nothing ("" when it ran)
    seconds: float = 0.0
    resolve_seconds: float = 0.0
    #: documents whose resolution steps ran (the others' were reused from the last run)
    documents_resolved: int = 0
    documents: int = 0

    def summary(self) -> str:
        if self.note:
            return f"persons: {self.note}"
        if not self.resolved:
            return "persons: up to date"
        return (f"persons: {counted(self.recognized, 'paragraph')} recognized, "
                f"{counted(self.persons, 'person')}, {counted(self.places, 'place')} "
                f"({self.seconds:.1f} s, resolution {self.resolve_seconds:.1f} s, "
                f"{self.documents_resolved} of {counted(self.documents, 'document')})")

    def to_json(self) -> dict:
        return {"recognized": self.recognized, "paragraphs": self.paragraphs,
                "persons": self.persons, "places": self.places, "resolved": self.resolved,
                "note": self.note, "seconds": round(self.seconds, 3),
                "resolve_seconds": round(self.resolve_seconds, 3),
                "documents_resolved": self.documents_resolved, "documents": self.documents}


# --- the raw mentions ----------------------------------------------------------------


class MentionStore:
    """Raw recognizer mentions by paragraph content id, in SQLite."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS raw (pid TEXT PRIMARY KEY, mentions TEXT)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> MentionStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def fingerprint(self) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        return row[0] if row else ""

    def use_fingerprint(self, fingerprint: str) -> None:
        """Mentions of another recognizer are dropped (all is read again)."""
        if fingerprint != self.fingerprint:
            with self.db:
                self.db.execute("DELETE FROM raw")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)",
                                (fingerprint,))

    def known(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT pid FROM raw")}

    def add(self, found: dict[str, list[RawMention]]) -> None:
        """One transaction: all of ``found`` or nothing."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO raw VALUES (?, ?)",
                [(pid, json.dumps([m.to_json() for m in ms], ensure_ascii=False))
                 for pid, ms in found.items()])

    def load(self, pids: set[str]) -> dict[str, list[RawMention]]:
        out = {}
        for pid, text in self.db.execute("SELECT pid, mentions FROM raw"):
            if pid in pids:
                out[pid] = [RawMention.from_json(r) for r in json.loads(text)]
        return out

    def load_some(self, pids: Iterable[str]) -> dict[str, list[RawMention]]:
        """The raw mentions of ``pids`` (those the store has)."""
        out: dict[str, list[RawMention]] = {}
        pids = list(pids)
        for i in range(0, len(pids), 500):
            part = pids[i:i + 500]
            rows = self.db.execute(
                f"SELECT pid, mentions FROM raw WHERE pid IN ({','.join('?' * len(part))})",
                part)
            for pid, text in rows:
                out[pid] = [RawMention.from_json(r) for r in json.loads(text)]
        return out

    def by_document(self, docs: Iterable[DocText]) -> RawStore:
        """The raw mentions as resolution reads them: a document's paragraphs are read
        from the store when a step first asks for one of them (steps reused from the
        last run read none)."""
        siblings = {pid: d.pids for d in docs for pid in d.pids}
        return RawStore(load=lambda pid: self.load_some(siblings.get(pid, (pid,))))

    def prune(self, keep: set[str], known: set[str] | None = None) -> int:
        """Forget paragraphs no longer in the index (``known``: what the store held
        before paragraphs of ``keep`` were added, when the caller has it)."""
        gone = (self.known() if known is None else known) - keep
        if gone:
            with self.db:
                self.db.executemany("DELETE FROM raw WHERE pid=?", [(p,) for p in gone])
        return len(gone)


# --- reading the index -----------------------------------------------------------------


#: The stored fields the persons stage reads of each paragraph.
_STORED = ("doc_id", "para", "pid", "kind", "body", "language", "path", "title")


def index_documents(index_dir: Path) -> tuple[list[DocText], str]:
    """Every document of the index as the person finder needs it, and its state."""
    from searchapp.index.update import open_index

    ix = open_index(index_dir)
    by_doc: dict[str, list[tuple[int, str, str, str]]] = {}
    about: dict[str, tuple[str, str, str]] = {}  # language, path, title
    with ix.reader() as reader, no_gc():  # each segment's rows kept beside it once read
        for doc_id, para, pid, kind, body, language, path, title in stored_rows(
                reader, _STORED, Path(index_dir), "persons"):
            if kind == "byline":
                continue  # who wrote it, not who it is about (the author: facet has them)
            by_doc.setdefault(doc_id, []).append(
                (para, pid, "body" if kind is None else kind, "" if body is None else body))
            about.setdefault(doc_id, ("" if language is None else language,
                                      "" if path is None else path, title or ""))
    generation = index_state(index_dir)
    docs = []
    for doc_id, rows in by_doc.items():
        rows.sort()
        docs.append(DocText(doc_id, tuple((pid, kind, text) for _, pid, kind, text in rows),
                            *about[doc_id]))
    return docs, generation


# --- the stage ---------------------------------------------------------------------------


def recognize_new(store: MentionStore, docs: list[DocText], recognizer: Recognizer,
                  progress: StageProgress | None = None, seen: set[str] | None = None) -> int:
    """Recognize the paragraphs ``store`` has not seen (``seen``: its paragraph ids, when
    the caller has them); how many were read."""
    seen = store.known() if seen is None else seen
    todo: dict[str, str] = {}
    for d in docs:
        for pid, _, text in d.paragraphs:
            if pid not in seen:
                todo.setdefault(pid, text)
    items = list(todo.items())
    total = len(items)
    if progress and total:
        progress(0, total)
    if not items:
        return 0
    processes = recognizer.config.processes
    if total >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2:
        processes = max(processes, 2)
    done = 0
    with with_gc(total > BATCH):  # (a few paragraphs make little garbage: see no_gc)
        for found in recognizer.recognize_in_processes(items, processes, BATCH):
            store.add(found)
            done += len(found)
            if progress:
                progress(done, total)
    return total


def resolve_persons(settings: Settings, docs: list[DocText] | None = None,
                    raw: dict[str, list[RawMention]] | None = None,
                    stamp: dict | None = None, quotes: bool = True,
                    old: dict | None = None) -> PersonsReport:
    """Re-run resolution over the stored raw mentions (after a curation change: no
    model, no re-index) and rewrite ``persons.json``; then who said what
    (:mod:`searchapp.index.speakers`; ``quotes=False`` leaves it out, for the
    benchmark that times it).  ``old``: ``persons.json`` as the caller already read
    it (read here when None)."""
    start = time.perf_counter()
    index_dir = Path(settings.index)
    if docs is None:
        docs, generation = index_documents(index_dir)
        stamp = stamp or {}
        stamp["generation"] = generation
    registry = curated_registry(settings)
    curation = curation_fingerprint(settings)
    with contextlib.ExitStack() as stack:
        stack.enter_context(no_gc())  # many small objects, no cycles: see no_gc
        if raw is None:
            store = stack.enter_context(MentionStore(index_dir / MENTIONS_DB))
            stamp = {**(stamp or {}), "recognizer": store.fingerprint}
            raw = store.by_document(docs)
        fingerprint = (f"{__version__}/{RESOLUTION_VERSION}/q{QUOTES_VERSION}|"
                       f"{(stamp or {}).get('recognizer', '')}|{curation}")
        memo = Memo(read_memo(index_dir, fingerprint), fingerprint,
                    {d.doc_id: document_signature(d) for d in docs})
        found = find_persons(docs, raw, registry, memo)
        if quotes:
            add_speech_persons(docs, found, raw, registry, memo)
        side = sidecar(docs, found, registry)
        computed = None
        if quotes:
            kept, _ = read_kept(index_dir)  # each document's rows, kept beside the memo
            if kept is None and old is None:  # (a store of an earlier version)
                old = read_sidecar(index_dir)
            side["quotes"], side["quote_docs"], computed = quote_rows(
                docs, found.mentions, raw, side["persons"], old, kept)
        else:
            side["quotes"], side["quote_docs"] = {}, {}
        side["stamp"] = {**(stamp or {}), "curation": curation}
        # written with the collector still off: switched on earlier, it walks the millions
        # of objects resolution made (twice, as they age) while json.dumps allocates --
        # 0.7 CPU-s at 100k paragraphs; left to it, they are freed by their counts when
        # this function returns
        write_sidecar(index_dir, side)
        write_memo(index_dir, memo, computed, _sidecar_state(index_dir, side))
    report = PersonsReport(paragraphs=sum(len(d.paragraphs) for d in docs),
                           persons=len(side["persons"]), places=len(side["places"]),
                           resolved=True, documents_resolved=len(memo.stats.documents),
                           documents=len(docs))
    report.resolve_seconds = report.seconds = time.perf_counter() - start
    return report


def run_persons_stage(settings: Settings, progress: StageProgress | None = None,
                      recognizer: Recognizer | None = None) -> PersonsReport:
    """Recognize the new paragraphs of the index at ``settings.index``, then resolve
    persons over the whole collection (skipped when nothing changed since the last
    run).  ``progress(done, total)`` counts paragraphs to recognize."""
    with no_gc():  # see resolve_persons: what the run made is freed before it is on again
        return _run_persons_stage(settings, progress, recognizer)


def _run_persons_stage(settings: Settings, progress: StageProgress | None,
                       recognizer: Recognizer | None) -> PersonsReport:
    start = time.perf_counter()
    recognizer = recognizer or Recognizer()
    index_dir = Path(settings.index)
    # what persons.json holds, known without reading it (9 MB at 100k paragraphs): its
    # stamp and counts as the last run kept them beside the memo, while the file is the
    # one that run wrote; else the file itself
    _, state = read_kept(index_dir, quotes=False)
    old = None
    if state is None or state.get("file") != _file_state(index_dir):
        old = read_sidecar(index_dir)
        state = None if old is None else {"stamp": old.get("stamp", {}),
                                          "persons": len(old["persons"]),
                                          "places": len(old["places"])}
    if state is not None and _unchanged(state["stamp"], settings, recognizer):
        return PersonsReport(persons=state["persons"], places=state["places"],
                             seconds=time.perf_counter() - start)
    if not recognizer.available:
        return PersonsReport(note=recognizer.reason)
    docs, generation = index_documents(index_dir)
    pids = {pid for d in docs for pid, _, _ in d.paragraphs}
    with MentionStore(index_dir / MENTIONS_DB) as store:
        store.use_fingerprint(recognizer.fingerprint)
        seen = store.known()
        recognized = recognize_new(store, docs, recognizer, progress, seen)
        store.prune(pids, seen)
        stamp = {"generation": generation, "recognizer": recognizer.fingerprint,
                 "curation": curation_fingerprint(settings),
                 "model": recognizer.config.model, "rules": RECOGNIZER_VERSION,
                 "resolution": f"{__version__}/{RESOLUTION_VERSION}/q{QUOTES_VERSION}"}
        if not recognized and state is not None and state["stamp"] == stamp:
            return PersonsReport(paragraphs=len(pids), persons=state["persons"],
                                 places=state["places"], seconds=time.perf_counter() - start)
    report = resolve_persons(settings, docs, None, stamp, old=old)
    report.recognized = recognized
    report.seconds = time.perf_counter() - start
    return report


def _unchanged(stamp: dict, settings: Settings, recognizer: Recognizer) -> bool:
    """Nothing to do, known without loading the model or reading the index: the same
    index generation, curation, model name and rules as the last run."""
    db = Path(settings.index) / MENTIONS_DB
    if not db.exists():
        return False
    with MentionStore(db) as store:
        if store.fingerprint != stamp.get("recognizer"):
            return False
    return (stamp.get("generation") == index_state(Path(settings.index))
            and stamp.get("curation") == curation_fingerprint(settings)
            and stamp.get("model") == recognizer.config.model
            and stamp.get("rules") == RECOGNIZER_VERSION
            and stamp.get("resolution") == f"{__version__}/{RESOLUTION_VERSION}/q{QUOTES_VERSION}")


# --- the sidecar the engine reads ----------------------------------------------------------


def sidecar(docs: Iterable[DocText], found: Persons, registry) -> dict:
    """What the engine needs: every person (canonical name, spellings, role, curated or
    found) and place, and per paragraph its persons, places and mention spans; each found
    person with its evidence (spellings, reasons, documents)."""
    docs = sorted(docs, key=lambda d: d.doc_id)  # numbered the same whatever the index order
    names: dict[str, int] = {}
    places: dict[str, int] = {}
    spellings: dict[str, dict[str, None]] = {}
    for canonical, members in found.persons.items():
        spellings.setdefault(canonical, {}).update(dict.fromkeys(members))
    paragraphs: dict[str, list] = {}
    for doc in docs:
        for pid, _, text in doc.paragraphs:
            ms = found.mentions.get(pid, ())
            if pid in paragraphs:
                continue
            if not ms:  # covered, with nobody in it
                paragraphs[pid] = []
                continue
            row_persons: dict[int, None] = {}
            row_places: dict[int, None] = {}
            spans = []
            for m in ms:
                table = names if m.kind == "person" else places
                k = table.setdefault(m.name, len(table))
                (row_persons if m.kind == "person" else row_places)[k] = None
                spans.append([m.start, m.end, k, 0 if m.kind == "person" else 1])
                surface = text[m.start:m.end]
                if m.kind == "person" and len(surface) > 1 and is_full_name(surface):
                    spellings.setdefault(m.name, {})[surface] = None
            paragraphs[pid] = [list(row_persons), list(row_places), spans]
    titles = {d.doc_id: (d.path, d.title) for d in docs}
    persons = []
    for name in names:
        p = registry.persons.get(name)
        aliases = [a for a in dict.fromkeys([*(p.aliases if p else ()),
                                             *spellings.get(name, ())]) if a != name]
        persons.append({"name": name, "aliases": aliases, "role": p.role if p else "",
                        "curated": p is not None,
                        "evidence": _evidence(found.evidence.get(name), titles)})
    listed = set(names)
    persons += [{"name": p.name, "aliases": list(p.aliases), "role": p.role, "curated": True,
                 "evidence": _evidence(None, titles)}
                for p in registry.persons.values() if p.name not in listed]
    return {"version": SIDECAR_VERSION, "persons": persons, "places": list(places),
            "paragraphs": paragraphs}


def _evidence(ev: dict | None, titles: dict[str, tuple[str, str]]) -> dict:
    """A person's evidence for the sidecar: spellings with counts and reasons, how many
    documents, and the first of them by path and title."""
    if not ev:
        return {"spellings": [], "documents": 0, "examples": []}
    docs = ev.get("documents", [])
    examples = sorted((titles.get(d, ("", "")) for d in docs), key=lambda x: x[0])
    return {"spellings": ev.get("spellings", []), "documents": len(docs),
            "examples": [{"path": p, "title": t} for p, t in examples[:EVIDENCE_DOCUMENTS]]}


# --- what the next resolution starts from --------------------------------------------------


def document_signature(doc: DocText) -> str:
    """What a document's remembered resolution steps were computed from: its id,
    language, path, title and paragraphs (content ids, kinds and text)."""
    h = hashlib.blake2b(digest_size=16)
    for part in (doc.doc_id, doc.language, doc.path, doc.title):
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    for pid, kind, text in doc.paragraphs:
        h.update(f"{pid}\x00{kind}\x00{text}\x01".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _file_state(index_dir: Path) -> list | None:
    """``persons.json``'s size and modification time (None when absent): whether the
    file is still the one a run wrote."""
    try:
        st = (Path(index_dir) / PERSONS_FILE).stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _sidecar_state(index_dir: Path, side: dict) -> dict:
    """What the next run needs of the ``persons.json`` just written without reading it
    (:func:`~searchapp.index.persons_memo.read_kept`): its stamp, counts and file state."""
    return {"stamp": side["stamp"], "persons": len(side["persons"]),
            "places": len(side["places"]), "file": _file_state(index_dir)}


def write_sidecar(index_dir: Path, data: dict) -> None:
    tmp = Path(index_dir) / (PERSONS_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:  # dumps: json's C encoder (dump is Python's)
        f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, Path(index_dir) / PERSONS_FILE)


def read_sidecar(index_dir: Path) -> dict | None:
    """``persons.json`` (None when absent, unreadable or of another version)."""
    try:
        data = json.loads((Path(index_dir) / PERSONS_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != SIDECAR_VERSION:
        return None
    return data

