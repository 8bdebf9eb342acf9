"""Use cases shared by the CLI and the desktop app, each decided once.

* :func:`open_engine`: the one repair policy -- a damaged index is rebuilt from
  the corpus (:func:`~searchapp.index.update.update_index` does the rebuild and
  says why in ``IndexReport.recovered``), the user is told, and bookmarks are
  re-anchored once, after the index changed;
* :func:`reconcile_bookmarks`: re-anchor bookmarks (only after an index change);
* :func:`persons_table`: every person with aliases, role, counts, curated or found;
* :func:`update_persons`: the persons stage (recognize new paragraphs, resolve);
* :func:`curate_person`: one curation action, applied by re-running resolution;
* :func:`viewer_document`: a document for the viewer, with its highlights;
* :func:`folder_rows`: each folder searched, with its state and what the index
  holds from it (``searchapp folders list`` and the app's Folders dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from searchapp.config import Settings
from searchapp.errors import IndexDamaged
from searchapp.model import DocumentData, IndexReport

Notify = Callable[[str], None]


def update(settings: Settings, rebuild: bool = False, progress=None, jobs=None,
           notify: Notify | None = None) -> IndexReport:
    """Bring the index up to date; tell ``notify`` what the user must know (a
    damaged or outdated index rebuilt, files that failed); re-anchor bookmarks
    when the index changed."""
    from searchapp.index.update import update_index

    report = update_index(settings, rebuild=rebuild, progress=progress, jobs=jobs)
    if notify is not None:
        tell_report(report, notify)
    if report.changed or report.rebuilt:
        from searchapp.search.engine import SearchEngine

        with SearchEngine.open(settings) as engine:
            reconcile_bookmarks(settings, engine, notify)
    return report


def tell_report(report: IndexReport, notify: Notify) -> None:
    if report.recovered:
        notify(f"the index was damaged ({report.recovered}); it was rebuilt from the "
               "corpus (bookmarks are kept)")
    if report.upgraded:
        notify(report.upgraded)


def open_engine(settings: Settings, notify: Notify | None = None):
    """The search engine over ``settings.index``.  A damaged index is rebuilt from
    the corpus first (``notify`` is told); nothing else is done on open."""
    from searchapp.search.engine import SearchEngine

    try:
        return SearchEngine.open(settings)
    except IndexDamaged as exc:  # IndexOutdated too: an older searchapp's index
        if notify is not None:
            notify(f"{exc}; rebuilding it from the folders (bookmarks are kept)")
        report = update(settings, rebuild=True)
        if notify is not None:
            for path, reason in report.problems:
                notify(f"{path}: {reason}")
            notify(f"index rebuilt: {report.summary()}")
    return SearchEngine.open(settings)


def open_store(settings: Settings, notify: Notify | None = None):
    """The bookmark store; if it was damaged, ``notify`` hears what was saved and where."""
    from searchapp.store import open_store as _open

    store = _open(settings.bookmarks_db)
    if store.recovered and notify is not None:
        notify(store.recovered)
    return store


def reconcile_bookmarks(settings: Settings, engine, notify: Notify | None = None
                        ) -> dict[str, int]:
    """Re-anchor every bookmark in ``engine``'s index (only if the store exists)."""
    if not settings.bookmarks_db.exists():
        return {}
    with open_store(settings, notify) as store:
        return store.reconcile(engine)


def persons_table(engine) -> list[dict]:
    """Every person of the registry and any other found in the index, with
    aliases, role, paragraph/document counts and whether curated (registry or
    curation) or only found, most mentioned first."""
    from searchapp.ingest.collection import person_rows

    paragraphs = {r["value"]: r["count"] for r in engine.facet_totals("person")}
    documents = engine.person_document_counts()
    return person_rows(engine.registry, paragraphs, documents, getattr(engine, "found", None))


def spelling_notes(row: dict) -> list[str]:
    """A persons-table row's other spellings, each with why it is this person (from its
    evidence: "Pat Carlineo: nickname (same article)"), else its plain aliases -- what
    the CLI prints and the app shows beside a person."""
    ev = row.get("evidence") or {}
    notes: dict[str, None] = {}
    for sp in ev.get("spellings", ()):
        if sp["why"] in ("name", "short name (same article)"):
            continue  # obvious: the name itself, or its family name beside it
        notes[f"{sp['text']}: {sp['why']}" + (f" ({sp['documents']} docs)"
                                             if sp["documents"] > 1 else "")] = None
    if not ev:
        return list(row.get("aliases", ()))
    return list(notes)


def update_persons(settings: Settings, progress=None):
    """The persons stage over the up-to-date index (see
    :func:`searchapp.index.persons_stage.run_persons_stage`): recognizes new
    paragraphs, reporting ``progress(done, total)``, then resolves persons."""
    from searchapp.index.persons_stage import run_persons_stage

    return run_persons_stage(settings, progress=progress)


def curate_person(settings: Settings, op: str, name: str, value: str = ""):
    """Record one curation action (``merge``, ``rename``, ``hide``, ``split``,
    ``role``: :mod:`searchapp.ingest.persons.curation`) for the person ``name``
    (any spelling) and apply it by re-running resolution only (seconds).
    Raises :class:`~searchapp.ingest.persons.curation.CurationError` for an
    unknown person or action; returns the stage's report."""
    from searchapp.index.persons_stage import resolve_persons
    from searchapp.ingest.persons.curation import (
        Action,
        CurationError,
        add_action,
        curated_registry,
        curation_path,
    )
    from searchapp.search.found import FoundPersons

    found = FoundPersons.load(settings.index)
    registry = curated_registry(settings)

    def canonical(who: str) -> str | None:
        return (found.canonical(who) if found else None) or registry.canonical_person(who)

    person = canonical(name)
    if person is None:
        raise CurationError(f"no person called '{name}' (see 'searchapp persons')")
    spellings: tuple[str, ...] = ()
    if op == "merge":
        value = canonical(value) or value
        if value == person:
            raise CurationError(f"'{name}' and that name are one person already")
    elif op == "hide" and found is not None:
        spellings = tuple(a for p in found.persons if p["name"] == person for a in p["aliases"])
    add_action(curation_path(settings), Action(op, person, value.strip(), spellings))
    return resolve_persons(settings)


def viewer_document(engine, doc_id: str, focus: int | None, persons,
                    query: str = "", compare_to: str | None = None) -> DocumentData | None:
    """A document for the viewer, with what ``query`` and ``persons`` highlight in
    each paragraph (as the results list highlights them), the other versions of its
    story, and with ``compare_to`` (one of them) the words of this one that the other
    lacks."""
    paragraphs = engine.document(doc_id)
    if not paragraphs:
        return None
    marks = engine.document_marks(paragraphs, query, persons)
    meta = {key: next((p.get(key) for p in paragraphs if p.get(key)), None)
            for key in ("title", "source", "date", "url", "authors", "path", "year",
                        "folder")}
    versions = engine.versions(doc_id)
    data = DocumentData(doc_id, paragraphs, marks, focus, query, meta=meta, versions=versions)
    if compare_to:
        data.compared_with = next((v for v in versions if v["doc_id"] == compare_to),
                                  {"doc_id": compare_to})
        data.differences, data.missing = engine.differences(doc_id, compare_to)
    return data


def folder_rows(settings: Settings) -> list[dict]:
    """Each folder of ``settings`` as ``{path, name, paused, state, files, paragraphs}``;
    ``state`` is ``active``, ``paused`` or ``missing`` (not there or not a folder);
    files and paragraphs are what the index holds from it (its manifest)."""
    from searchapp.index.manifest import read_manifest

    files = read_manifest(settings.index).get("files", {})
    counts: dict[str, list[int]] = {f.key: [0, 0] for f in settings.folders}
    for key, entry in files.items():
        folder = settings.folder_of(key)
        if folder is not None:
            counts[folder.key][0] += 1
            counts[folder.key][1] += entry.get("paragraphs", 0)
    rows = []
    for f in settings.folders:
        n_files, n_paras = counts[f.key]
        state = "paused" if f.paused else ("active" if f.path.is_dir() else "missing")
        rows.append({**f.to_json(), "state": state, "files": n_files, "paragraphs": n_paras})
    return rows
