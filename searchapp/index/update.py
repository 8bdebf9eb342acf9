"""Incremental updates of the paragraph index, its damage checks and its creation.

One Whoosh document per paragraph (:mod:`.schema`).  Next to Whoosh's own files
the index folder holds ``manifest.json`` (:mod:`.manifest`): for every indexed
file its content hash, size, mtime and paragraph count, the schema version, and
each folder's fingerprint of its curation (catalog, persons, places).  An update
compares the folders with the manifest: unchanged files are skipped without
being read, changed files have their paragraphs replaced, deleted files are
removed, and a folder whose curation changed (its own files or the data
folder's) has all its files read again (persons and metadata may differ).
Files are read and written by :mod:`.parallel`.

Safety: Whoosh writes new segments beside the old ones and switches to them
only at commit, so an interrupted run leaves the previous index usable.  The
manifest is replaced atomically after the commit; a manifest older than the
index only causes files to be indexed again, which is idempotent (a file's
paragraphs are deleted before its new ones are added).  A second writer
finds Whoosh's lock taken and gets :class:`IndexBusy`.
"""

from __future__ import annotations

import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.writing import CLEAR

from searchapp.config import Settings
from searchapp.errors import IndexBusy, IndexDamaged, IndexError_, IndexMissing, IndexOutdated
from searchapp.folders.folder_list import prefix_of
from searchapp.folders.sources import curation, file_key, scan_folders
from searchapp.index import CREATE_LOCK, index_exists
from searchapp.index.manifest import (
    config_fingerprint,
    dropped_folders,
    read_manifest,
    same_stat,
    stale_folders,
    write_manifest,
)
from searchapp.index.parallel import Task, load_tasks
from searchapp.index.schema import INDEX_NAME, SCHEMA_VERSION, make_schema
from searchapp.index.whoosh import segments as bulkwrite
from searchapp.index.whoosh.patches import apply as _apply_whoosh_fixes
from searchapp.ingest.pipeline import doc_id_for
from searchapp.ingest.read import MAX_BYTES, os_reason
from searchapp.model import IndexReport, Progress

_apply_whoosh_fixes()


def _leftover_segments(index_dir: Path) -> bool:
    """Segment files or a manifest listing files: an index was here."""
    if any(index_dir.glob(f"{INDEX_NAME}_*.seg")):
        return True
    return bool(read_manifest(index_dir).get("files"))


def open_index(index_dir: Path):
    """The Whoosh index at ``index_dir``, checked to be readable.

    Raises :class:`IndexMissing` when there is none and :class:`IndexDamaged`
    when its table of contents is gone or a segment cannot be read (a
    truncated compound segment loses its directory, which is at its end)."""
    if not index_exists(index_dir):
        if _leftover_segments(index_dir):
            raise IndexDamaged(index_dir, "its table of contents is missing")
        raise IndexMissing(index_dir)
    version = read_manifest(index_dir).get("schema")
    if version is not None and version != SCHEMA_VERSION:
        raise IndexOutdated(index_dir, version)
    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
        with ix.reader() as reader:  # opens every segment
            n = reader.doc_count_all()
            if n:
                reader.stored_fields(n - 1)
            next(iter(reader.lexicon("doc_id")), None)
    except Exception as exc:  # unreadable, truncated, or from an older schema
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise IndexDamaged(index_dir, reason) from exc
    return ix


def index_damage(index_dir: Path) -> str | None:
    """Why the index at ``index_dir`` cannot be used as it is, or None."""
    try:
        open_index(index_dir)
    except IndexDamaged as exc:
        return exc.reason
    except IndexError_:
        return None
    return None


def is_stale(settings: Settings) -> bool:
    """True when the index is missing or the folders/config differ from the manifest."""
    if not index_exists(settings.index) or index_damage(settings.index):
        return True
    from searchapp.index.copies_stage import copies_stale

    if copies_stale(settings.index):  # an update was interrupted before its copies stage
        return True
    manifest = read_manifest(settings.index)
    if stale_folders(settings, manifest) & {f.key for f in settings.active}:
        return True
    files = manifest.get("files", {})
    failed = manifest.get("failed", {})
    cache = _ocr_cache(settings)
    try:
        if any(scans_read(cache, entry) for entry in files.values()):
            return True  # OCR read pages the index has not got yet
    finally:
        if cache is not None:
            cache.close()
    scan = scan_folders(settings)
    listed = set(files) | set(failed)
    kept = sum(1 for key in listed if scan.keeps(key))
    if len(scan.files) + kept != len(listed):
        return True
    for folder, path, rel in scan.files:
        key = file_key(folder, rel)
        entry = failed.get(key) or files.get(key)
        if entry is None:
            return True
        try:
            if not same_stat(entry, path.stat()):
                return True
        except OSError:
            return True
    return False


def standing_report(settings: Settings) -> IndexReport:
    """What the index holds when nothing changed (``checked``), with every file it
    could not use: failed files remembered in the manifest, warnings of files read
    in part, and what the corpus scan skips (unsupported files, loops) -- so the app
    never says every file was indexed when some were not."""
    manifest = read_manifest(settings.index)
    files = manifest.get("files", {})
    report = IndexReport(unchanged=len(files), total_files=len(files), checked=True,
                         total_paragraphs=sum(f.get("paragraphs", 0) for f in files.values()))
    show = settings.display_path
    report.failed.extend(scan_folders(settings).problems)
    report.failed.extend((show(key), e.get("error", ""))
                         for key, e in manifest.get("failed", {}).items())
    report.partial.extend((show(key), w) for key, e in files.items()
                          for w in e.get("warnings", []))
    return report


def update_index(settings: Settings, rebuild: bool = False,
                 progress: Progress | None = None, jobs: int | None = None) -> IndexReport:
    """Bring the index at ``settings.index`` up to date with the folders searched
    (paused folders and folders that cannot be read keep what was indexed).

    Raises :class:`IndexBusy` when another process is writing.  On any
    exception (KeyboardInterrupt included) the writer is cancelled and the
    previous index stays as it was.  ``rebuild`` re-reads every file; the
    old paragraphs are dropped at the same commit, so an interrupted rebuild
    also keeps the previous index.  ``jobs`` processes read and write the
    changed files (default: two on a multi-core machine when there is enough
    to do).
    """
    start = time.perf_counter()
    index_dir = settings.index
    index_dir.mkdir(parents=True, exist_ok=True)
    fingerprints = config_fingerprint(settings)
    manifest = read_manifest(index_dir)
    report = IndexReport()
    ix, writer = _open_for_update(index_dir, manifest, report)
    fresh = writer is not None  # a new, empty index: nothing to delete or compare
    clear = rebuild and not fresh  # drop every old segment at commit
    reread = fresh or rebuild
    known = {} if fresh else manifest.get("files", {})
    stale = tuple(prefix_of(k) for k in stale_folders(settings, manifest))
    previous = {} if reread else {k: e for k, e in known.items() if not k.startswith(stale)}
    report.rebuilt = reread or len(previous) < len(known)  # curation changed: files re-read
    # files that failed last time are not read again until they change
    failed_before = {} if (fresh or rebuild) else manifest.get("failed", {})
    if writer is None:
        try:
            writer = ix.writer(timeout=0.0)  # holds the lock; deletions, merges, the commit
        except LockError:
            raise IndexBusy(index_dir) from None
    show = settings.display_path
    run = _Run(report, known, previous, failed_before, delete_old=not (fresh or clear),
               show=show, cache=_ocr_cache(settings))
    segments: list = []
    try:
        curated, problems = curation(settings)
        scan = scan_folders(settings, include_paused=clear)
        report.failed.extend(problems + scan.problems)
        for key, entry in known.items():  # kept while paused or unreadable
            if scan.keeps(key) and not clear:
                run.files[key] = entry
        total = len(scan.files)
        done = 0
        tasks: list[Task] = []
        for folder, path, rel in scan.files:
            task = run.plan(path, rel, folder)
            if task is None:
                done += 1
                if progress:
                    progress(done, total, show(file_key(folder, rel)))
            else:
                tasks.append(task)

        def loaded(key: str) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, total, show(key))

        outcomes, segments = load_tasks(settings, ix, tasks, curated, loaded, jobs)
        for task, outcome in zip(tasks, outcomes, strict=True):
            run.apply(task, outcome, writer)
        files, failures = run.files, run.failures
        if not (fresh or clear):
            _delete_gone(ix, writer, files, failures, settings, report)
        elif clear:
            report.removed = len(set(known) - set(files))
        bulkwrite.commit(writer, segments, mergetype=CLEAR if clear else None)
    except BaseException:
        if not getattr(writer, "toc_written", False):  # else they are the index now
            if not writer.is_closed:
                writer.cancel()
            bulkwrite.delete_segments(ix.storage, segments)
        raise
    finally:
        if run.cache is not None:
            run.cache.close()
    old = manifest.get("fingerprint") if isinstance(manifest.get("fingerprint"), dict) else {}
    kept = {f.key for f in settings.folders if scan.keeps(f.prefix)}
    fingerprints = {k: (old.get(k, "") if k in kept else fp) for k, fp in fingerprints.items()}
    write_manifest(index_dir, {"schema": SCHEMA_VERSION, "fingerprint": fingerprints,
                                "folders": [f.key for f in settings.folders],
                                "dropped": dropped_folders(manifest, settings), "files": files,
                                "failed": failures, "updated": time.time()})
    report.total_files = len(files)
    report.total_paragraphs = sum(f.get("paragraphs", 0) for f in files.values())
    report.copies = _find_copies(index_dir)
    report.seconds = time.perf_counter() - start
    return report


def _ocr_cache(settings: Settings):
    """The OCR cache if OCR ever read anything, else None."""
    if not settings.ocr_cache.exists():
        return None
    from searchapp.ingest.ocr.cache import OcrCache

    return OcrCache(settings.ocr_cache)


def scans_read(cache, entry: dict | None) -> bool:
    """True when the OCR cache has read a page the manifest ``entry`` waits for."""
    if cache is None or not entry or not entry.get("scans"):
        return False
    return any(cache.get(entry.get("hash", ""), page) is not None for page in entry["scans"])


def _find_copies(index_dir: Path) -> str:
    """The copies stage over the new commit (one line saying what it did).  It never
    fails the update: the index is committed, and the copies are found again by the
    next update (:func:`is_stale` says so)."""
    from searchapp.index.copies_stage import run_copies_stage

    try:
        return run_copies_stage(index_dir).summary()
    except Exception as exc:  # the keyword index is complete: say so, go on
        return f"copies: not found this time ({type(exc).__name__}: {exc})"


def _open_for_update(index_dir: Path, manifest: dict, report: IndexReport):
    """The index to update and None, or a new empty index and its writer when there
    is none, it is of an older version (``report.upgraded``) or it is damaged
    (``report.recovered``): the one repair policy, rebuilding from the corpus."""
    if index_exists(index_dir) or _leftover_segments(index_dir):
        if manifest.get("schema") not in (None, SCHEMA_VERSION):
            report.upgraded = (f"the index was built by an older searchapp (index version "
                               f"{manifest.get('schema')}, now {SCHEMA_VERSION}): rebuilt")
        elif manifest.get("schema") == SCHEMA_VERSION:
            try:
                return open_index(index_dir), None
            except IndexDamaged as exc:  # rebuilt from the corpus
                report.recovered = exc.reason
            except IndexError_:
                pass
    return _create_index(index_dir)


def _delete_gone(ix, writer, files: dict, failures: dict, settings: Settings,
                 report: IndexReport) -> None:
    """Delete every document in the index whose file is gone (the manifest may lag)."""
    current = {d for f in files.values() for d in f.get("doc_ids", [f["doc_id"]])}
    for key in failures:  # a failed file's old paragraphs stay
        folder = settings.folder_of(key)
        if folder is not None:
            current.add(doc_id_for(key[len(folder.prefix):], folder.key))
    with ix.reader() as reader:
        # the lexicon keeps a deleted document's id until its segment is merged away:
        # only an id with a live paragraph is a document still in the index
        gone = [t.decode() if isinstance(t, bytes) else t for t in reader.lexicon("doc_id")]
        gone = [d for d in gone if d not in current and any(
            not reader.is_deleted(n) for n in reader.postings("doc_id", d).all_ids())]
    for doc_id in gone:
        writer.delete_by_term("doc_id", doc_id)
        report.removed += 1


class _Run:
    """What one update has decided so far: the new manifest entries and the report."""

    def __init__(self, report: IndexReport, known: dict, previous: dict, failed_before: dict,
                 delete_old: bool, show, cache=None) -> None:
        self.report = report
        self.show = show  # a file key as the user reads it
        self.known = known  # manifest entries of the files in the index
        self.previous = previous  # entries trusted to skip unchanged files
        self.failed_before = failed_before
        self.delete_old = delete_old
        self.files: dict[str, dict] = {}
        self.failures: dict[str, dict] = {}
        self.cache = cache  # the OCR cache, when there is one

    def keep_old(self, rel: str) -> None:
        """A failed file's paragraphs stay in the index: so does its entry."""
        if self.delete_old and rel in self.known:
            self.files[rel] = self.known[rel]

    def fail(self, rel: str, size: int, mtime_ns: int, reason: str) -> None:
        """Reported now and remembered, so later runs report it without reading it
        until it changes."""
        self.report.failed.append((self.show(rel), reason))
        self.failures[rel] = {"size": size, "mtime_ns": mtime_ns, "error": reason}
        self.keep_old(rel)

    def unreadable(self, rel: str, exc: OSError) -> None:
        """Not remembered: a read error may be passing."""
        self.report.failed.append((self.show(rel), f"cannot read: {os_reason(exc)}"))
        self.keep_old(rel)

    def plan(self, path: Path, rel: str, folder) -> Task | None:
        """The file to index, or None when it is unchanged, unreadable or known bad.
        Entries are kept by file key (``rel`` is the path in ``folder``)."""
        name = rel
        rel = file_key(folder, name)
        try:
            st = path.stat()
        except OSError as exc:
            self.unreadable(rel, exc)
            return None
        bad = self.failed_before.get(rel)
        if same_stat(bad, st):
            self.report.failed.append((self.show(rel), bad["error"]))
            self.failures[rel] = bad
            self.keep_old(rel)
            return None
        entry = self.previous.get(rel)
        if same_stat(entry, st) and scans_read(self.cache, entry):
            # OCR has read some of its scanned pages since: read again with their text
            return Task(path, name, st.st_size, st.st_mtime_ns, "", folder.key, folder.name)
        if same_stat(entry, st):
            self.report.scans_pending += len(entry.get("scans", ()))
            self.files[rel] = entry
            self.report.unchanged += 1
            self.report.partial.extend((self.show(rel), w) for w in entry.get("warnings", []))
            return None
        if st.st_size > MAX_BYTES:  # never read a huge file into memory
            self.fail(rel, st.st_size, st.st_mtime_ns,
                      f"file too large ({st.st_size / 2**20:.0f} MiB, "
                      f"limit {MAX_BYTES >> 20} MiB)")
            return None
        # read once, by the loader: it hashes the bytes and skips a file whose
        # content is the indexed one (touched, not changed)
        return Task(path, name, st.st_size, st.st_mtime_ns, (entry or {}).get("hash", ""),
                    folder.key, folder.name)

    def apply(self, task: Task, outcome: tuple, writer) -> None:
        """Record a loaded file (its paragraphs already written) or its failure."""
        rel = task.key
        if outcome[0] == "failed":
            self.fail(rel, task.size, task.mtime_ns, outcome[1])
            return
        if outcome[0] == "unreadable":  # not remembered: a read error may be passing
            self.report.failed.append((self.show(rel), f"cannot read: {outcome[1]}"))
            self.keep_old(rel)
            return
        if outcome[0] == "same":  # touched, not changed
            entry = self.previous.get(rel, self.known.get(rel, {}))
            self.files[rel] = {**entry, "size": task.size, "mtime_ns": task.mtime_ns}
            self.report.unchanged += 1
            self.report.partial.extend((self.show(rel), w) for w in entry.get("warnings", []))
            return
        _, doc_ids, paragraphs, title, warnings, digest, scans = outcome
        if self.delete_old:  # the old paragraphs go at the commit that adds the new
            old = self.known.get(rel, {})
            for doc_id in set(doc_ids) | set(old.get("doc_ids", [old.get("doc_id")])) - {None}:
                writer.delete_by_term("doc_id", doc_id)
        self.report.partial.extend((self.show(rel), w) for w in warnings)  # read, not all of it
        self.report.paragraphs += paragraphs
        if rel in self.known:
            self.report.updated += 1
        else:
            self.report.added += 1
        self.files[rel] = {"hash": digest, "size": task.size, "mtime_ns": task.mtime_ns,
                           "doc_id": doc_ids[0], "paragraphs": paragraphs, "title": title}
        if len(doc_ids) > 1:  # a mailbox: one document per message
            self.files[rel]["doc_ids"] = doc_ids
        if scans:  # pages for the OCR stage (searchapp/index/ocr_stage.py)
            self.files[rel]["scans"] = scans
            self.report.scans_pending += len(scans)
        if warnings:  # reported again while the file is unchanged
            self.files[rel]["warnings"] = warnings


def _create_index(index_dir: Path):
    """A new, empty index and its writer, under a lock for the creation.

    Whoosh's ``create_in`` first deletes every file of the index: a second
    process creating it at the same moment would delete the first one's table
    of contents.  The creation lock is held until this process also holds the
    writer's lock, which the other then finds taken ("being updated").
    """
    lock = FileStorage(str(index_dir)).lock(CREATE_LOCK)
    if not lock.acquire(blocking=False):
        raise IndexBusy(index_dir)
    try:
        if index_exists(index_dir):
            _check_not_locked(index_dir)
        ix = whoosh_index.create_in(str(index_dir), make_schema(), indexname=INDEX_NAME)
        try:
            return ix, ix.writer(timeout=0.0)
        except LockError:
            raise IndexBusy(index_dir) from None
    finally:
        lock.release()


def _check_not_locked(index_dir: Path) -> None:
    try:
        ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
        ix.writer(timeout=0.0).cancel()
    except LockError:
        raise IndexBusy(index_dir) from None
    except Exception:
        pass  # unreadable index: rebuilding replaces it
