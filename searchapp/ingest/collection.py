"""The searched folders loaded whole: their documents, catalogs and registry together."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import CATALOG_FILE, Settings
from searchapp.ingest.entities import Registry, Unknown
from searchapp.ingest.metadata import Catalog
from searchapp.ingest.persons.people import DocText, Persons, find_persons
from searchapp.ingest.persons.recognize import Recognizer
from searchapp.ingest.pipeline import Document, load_documents
from searchapp.ingest.read import LoadError, iter_corpus


def person_rows(registry: Registry, paragraphs, documents, found=None) -> list[dict]:
    """The persons table (the one rule for the CLI, the app and ``--json``): every
    person of the registry and any other found, with aliases, role, paragraph
    and document counts (``name -> count`` mappings), in how many paragraphs each is
    quoted (``quoted``: the persons stage's speakers) and ``curated`` (in the
    registry or the user's curation, else only found), most mentioned first.
    ``found`` (:class:`searchapp.search.found.FoundPersons`): the persons stage's
    persons, which then replace the registry's list, each with its ``evidence``
    (spellings with mention and document counts and why each is this person, the
    number of documents and the first of them).  Persons mentioned in no paragraph
    are left out."""
    listed = found.persons if found is not None else [
        {"name": p.name, "aliases": list(p.aliases), "role": p.role, "curated": True}
        for p in registry.persons.values()]
    quoted = getattr(found, "quoted_count", None) or {}
    rows = [{"name": p["name"], "aliases": list(p["aliases"]), "role": p["role"],
             "paragraphs": paragraphs.get(p["name"], 0),
             "documents": documents.get(p["name"], 0), "quoted": quoted.get(p["name"], 0),
             "curated": p["curated"],
             **({"evidence": p["evidence"]} if p.get("evidence") else {})}
            for p in listed]
    names = {r["name"] for r in rows}
    rows += [{"name": name, "aliases": [], "role": "", "paragraphs": count,
              "documents": documents.get(name, 0), "quoted": quoted.get(name, 0),
              "curated": name in registry.persons}
             for name, count in paragraphs.items() if name not in names]
    # A registered person the collection never mentions is not listed (the registry
    # still finds them as soon as a document does).
    rows = [r for r in rows if r["paragraphs"]]
    rows.sort(key=lambda r: (-r["paragraphs"], r["name"].casefold()))
    return rows


@dataclass
class Corpus:
    """Documents loaded from the searched folders, and the files that failed (with reasons)."""

    roots: list[Path]
    registry: Registry  # every folder's, over the data folder's
    catalog: Catalog
    documents: list[Document] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def open(cls, settings: Settings) -> Corpus:
        dirs = settings.curation_dirs()
        return cls([f.path for f in settings.active], Registry.load_layers(dirs),
                   Catalog.load_layers([d / CATALOG_FILE for d in dirs]))

    def load_all(self) -> Corpus:
        for root in self.roots:
            for path in iter_corpus(root):
                rel = path.relative_to(root).as_posix()
                try:
                    self.documents.extend(load_documents(path, root, self.catalog,
                                                         self.registry, folder=str(root)))
                except LoadError as exc:
                    self.failures.append((rel, str(exc)))
                except Exception as exc:  # one bad file never stops the others
                    self.failures.append((rel, f"{type(exc).__name__}: {exc}"))
        return self

    def person_counts(self) -> list[dict]:
        """Registered persons with their paragraph and document mention counts."""
        paras: Counter = Counter()
        docs: Counter = Counter()
        for doc in self.documents:
            for name in doc.persons:
                docs[name] += 1
            for p in doc.paragraphs:
                for name in p.persons:
                    paras[name] += 1
        return person_rows(self.registry, paras, docs)

    def unknown_persons(self) -> list[Unknown]:
        merged: dict[str, Unknown] = {}
        for doc in self.documents:
            texts = [p.text for p in doc.paragraphs]
            mentions = [list(p.mentions) for p in doc.paragraphs]
            kinds = [p.kind for p in doc.paragraphs]
            for u in self.registry.unknown_persons(texts, mentions, kinds):
                m = merged.setdefault(u.name, Unknown(u.name))
                m.count += u.count
                m.titled = m.titled or u.titled
                for ex in u.examples:
                    if len(m.examples) < 3:
                        m.examples.append(f"{doc.path}: {ex}")
        return sorted(merged.values(), key=lambda u: (-u.count, u.name))

    def found_persons(self, recognizer: Recognizer | None = None,
                      use_registry: bool = True) -> Persons:
        """Persons found by the model and the rules in the loaded documents, merged with
        the registry (or not).  Runs the model on every paragraph: for trying it out;
        the indexer keeps raw mentions and re-runs only :func:`find_persons`."""
        recognizer = recognizer or Recognizer()
        docs = [DocText.of(d) for d in self.documents]
        raw = recognizer.recognize((pid, text) for d in docs for pid, _, text in d.paragraphs)
        return find_persons(docs, raw, self.registry if use_registry else None)


def persons_in_document(document: Document, registry: Registry | None,
                        recognizer: Recognizer) -> list[dict] | None:
    """The persons found in ``document`` alone by the persons stage's recognizer and
    rules (:func:`find_persons` over a collection of one; the registry's and
    curation's names win), for ``extract``: ``{"name", "spellings", "paragraphs"}``
    each (how the document writes the person, in the order written; the numbers of
    the paragraphs that name them),
    the most mentioned first; None when the model is off (:attr:`Recognizer.reason`).

    A collection of one is not the whole index: a family name alone ("Kishida") is
    resolved only where this document also gives the full name, and a name judged on
    its evidence is judged on this document's."""
    if not recognizer.available:
        return None
    doc = DocText.of(document)
    raw = recognizer.recognize((pid, text) for pid, _, text in doc.paragraphs)
    found = find_persons([doc], raw, registry)
    numbers = {p.id: p.num for p in document.paragraphs}
    texts = {pid: text for pid, _, text in doc.paragraphs}
    written: dict[str, dict[str, None]] = {}  # the surfaces, in the order written
    paragraphs: dict[str, set[int]] = {}
    for pid, mentions in found.mentions.items():
        text = texts.get(pid, "")
        for m in mentions:
            if m.kind == "person" and pid in numbers:
                paragraphs.setdefault(m.name, set()).add(numbers[pid])
                written.setdefault(m.name, {})[text[m.start:m.end]] = None
    rows = [{"name": name, "spellings": list(written[name]), "paragraphs": sorted(nums)}
            for name, nums in paragraphs.items()]
    return sorted(rows, key=lambda r: (-len(r["paragraphs"]), r["name"]))

