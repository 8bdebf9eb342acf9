"""The paragraph index: schema, incremental updates and the file manifest.

One Whoosh document per paragraph.  Next to Whoosh's own files the index
folder holds ``manifest.json``: for every indexed file its content hash,
size, mtime and paragraph count, plus a fingerprint of the schema, the
catalog and the person/place registry.  An update compares the corpus with
the manifest: unchanged files are skipped without being read, changed files
have their paragraphs replaced, deleted files are removed, and a changed
catalog or registry re-indexes everything (persons and metadata may differ).

Safety: Whoosh writes new segments beside the old ones and switches to them
only at commit, so an interrupted run leaves the previous index usable.  The
manifest is replaced atomically after the commit; a manifest older than the
index only causes files to be indexed again, which is idempotent (a file's
paragraphs are deleted before its new ones are added).  A second writer
finds Whoosh's lock taken and gets :class:`IndexBusy`.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import RegexTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.writing import CLEAR

from searchapp.index.whoosh import segments as bulkwrite
from searchapp.ingest import pipeline as document
from searchapp.index.analysis import name_analyzer, text_analyzer
from searchapp.config import Settings
from searchapp.ingest.pipeline import Document, doc_id_for, load_documents
from searchapp.ingest.read import MAX_BYTES, LoadError, os_reason, scan_corpus
from searchapp.ingest.metadata import Catalog
from searchapp.ingest.entities import Registry
from searchapp.index.whoosh.patches import apply as _apply_whoosh_fixes

_apply_whoosh_fixes()

INDEX_NAME = "paragraphs"
SCHEMA_VERSION = 3  # 2: para not indexed, fewer numeric tiers; 3: analyzers moved to searchapp.index.analysis (pickled class paths)
MANIFEST = "manifest.json"
CREATE_LOCK = "CREATING.lock"  # not "_paragraphs_*": Whoosh's create deletes those
SEP = "\x1f"  # separates the values of a multi-valued facet field

FACETS = ("person", "place", "source", "author", "year")


class IndexError_(Exception):
    """A user-facing problem with the index (missing, unreadable)."""

    _init_args: tuple = ()

    def __reduce__(self):  # pickled with the arguments it was made from (the app's
        # engine process sends its errors to the app)
        return (type(self), self._init_args) if self._init_args else super().__reduce__()


class IndexBusy(IndexError_):
    def __init__(self, path: Path) -> None:
        self._init_args = (path,)
        super().__init__(f"the index at {path} is being updated by another process; "
                         "try again when it has finished")


class IndexMissing(IndexError_):
    def __init__(self, path: Path) -> None:
        self._init_args = (path,)
        super().__init__(f"no index at {path}; build it with 'searchapp index'")


class IndexDamaged(IndexError_):
    """The index exists but cannot be read: truncated or missing files."""

    def __init__(self, path: Path, reason: str) -> None:
        self._init_args = (path, reason)
        self.reason = reason
        super().__init__(f"the index at {path} is damaged ({reason})")


class Values(KEYWORD):
    """Exact, case-kept values (canonical names, sources, years) separated by ``SEP``."""

    def __init__(self) -> None:
        super().__init__(scorable=False)
        self.analyzer = RegexTokenizer(r"[^\x1f]+")


class Ordinal(NUMERIC):
    """A stored, sortable number that is never searched (no terms, only a column)."""

    def __init__(self) -> None:
        super().__init__(int, bits=32, stored=True, sortable=True)
        self.indexed = False


def make_schema() -> Schema:
    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),  # doc_id:num
        pid=ID(stored=True),  # content-based paragraph id
        doc_id=ID(stored=True),
        path=ID(stored=True),
        para=Ordinal(),
        kind=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, multitoken_query="phrase"),
        body=TEXT(analyzer=text, stored=True, multitoken_query="phrase", spelling=True),
        source=TEXT(analyzer=names, stored=True, multitoken_query="phrase", phrase=True),
        author=TEXT(analyzer=names, multitoken_query="phrase"),
        authors=STORED,
        url=STORED,
        language=ID(stored=True),
        date=ID(stored=True),  # ISO date or ""
        # YYYYMMDD, YYYY0000 or 0; 4 range tiers (Whoosh's default 8 doubled the postings
        # written for these two fields; a date range still reads only a few dozen terms)
        datenum=NUMERIC(int, bits=32, signed=False, sortable=True, shift_step=8),
        year=NUMERIC(int, bits=32, stored=True, shift_step=8),
        person=Values(),
        place=Values(),
        f_source=Values(),
        f_author=Values(),
        f_year=Values(),
        persons=STORED,
        places=STORED,
        mentions=STORED,  # [[start, end, name, kind], ...]
    )


def datenum(date: str, year: int | None) -> int:
    """Sortable date: YYYYMMDD, YYYY0000 when only the year is known, 0 when unknown."""
    if date and len(date) >= 10:
        return int(date[:4] + date[5:7] + date[8:10])
    if year:
        return int(year) * 10000
    return 0


def paragraph_records(doc: Document) -> list[dict]:
    """The Whoosh documents of one cleaned document, one per paragraph."""
    m = doc.meta
    out = []
    for p in doc.paragraphs:
        rec = {
            "key": f"{doc.doc_id}:{p.num}",
            "pid": p.id,
            "doc_id": doc.doc_id,
            "path": doc.path,
            "para": p.num,
            "kind": p.kind,
            "title": m.title or "",
            "body": p.text,
            "source": m.source or "",
            "author": " ; ".join(m.authors),
            "authors": list(m.authors),
            "url": m.url or "",
            "language": m.language or "",
            "date": m.date or "",
            "datenum": datenum(m.date, m.year),
            "persons": list(p.persons),
            "places": list(p.places),
            "mentions": [[x.start, x.end, x.name, x.kind] for x in p.mentions],
            "person": SEP.join(p.persons),
            "place": SEP.join(p.places),
            "f_source": m.source or "",
            "f_author": SEP.join(m.authors),
            "f_year": str(m.year) if m.year else "",
        }
        if m.year:
            rec["year"] = int(m.year)
        out.append({k: v for k, v in rec.items() if v != "" or k in ("body",)})
    return out


@dataclass
class IndexReport:
    """What an update did; ``failed`` lists (path, reason)."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs written in this run
    total_paragraphs: int = 0  # paragraphs in the index afterwards
    total_files: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    recovered: str = ""  # why a damaged index had to be rebuilt, if it was

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        text = (f"{self.added} added, {self.updated} updated, {self.removed} removed, "
                f"{len(self.failed)} failed, {self.unchanged} unchanged; "
                f"{self.paragraphs} paragraphs written, {self.total_paragraphs} in the index "
                f"({self.total_files} files); {self.seconds:.1f} s")
        return ("rebuilt: " if self.rebuilt else "") + text

    def to_json(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": [{"path": p, "error": e} for p, e in self.failed],
            "paragraphs": self.paragraphs, "total_paragraphs": self.total_paragraphs,
            "total_files": self.total_files, "seconds": round(self.seconds, 3),
            "rebuilt": self.rebuilt, "recovered": self.recovered,
        }


# progress(done, total, path) is called once per file examined
Progress = Callable[[int, int, str], None]


def config_fingerprint(settings: Settings) -> str:
    """Changes when anything other than the files themselves changes what is indexed."""
    h = hashlib.sha1(f"schema {SCHEMA_VERSION} pipeline {document.PIPELINE_VERSION}".encode())
    for f in (settings.catalog_path, settings.registry_dir / "persons.toml",
              settings.registry_dir / "places.toml"):
        h.update(f.name.encode())
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()


def read_manifest(index_dir: Path) -> dict:
    try:
        data = json.loads((index_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(index_dir: Path, manifest: dict) -> None:
    tmp = index_dir / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=0)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / MANIFEST)


def index_exists(index_dir: Path) -> bool:
    return whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME)


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
    """True when the index is missing or the corpus/config differs from the manifest."""
    if not index_exists(settings.index) or index_damage(settings.index):
        return True
    manifest = read_manifest(settings.index)
    if manifest.get("fingerprint") != config_fingerprint(settings):
        return True
    files = manifest.get("files", {})
    failed = manifest.get("failed", {})
    scan = scan_corpus(settings.corpus)
    listed = set(files) | set(failed)
    kept = sum(1 for rel in listed if scan.under_unreadable(rel))
    if len(scan.paths) + kept != len(listed):
        return True
    for path in scan.paths:
        rel = path.relative_to(settings.corpus).as_posix()
        entry = failed.get(rel) or files.get(rel)
        if entry is None:
            return True
        try:
            if not _same_stat(entry, path.stat()):
                return True
        except OSError:
            return True
    return False


def _same_stat(entry: dict | None, st: os.stat_result) -> bool:
    """The manifest entry still describes the file (same size and mtime): skip it unread."""
    return bool(entry) and entry.get("size") == st.st_size and \
        entry.get("mtime_ns") == st.st_mtime_ns


def update_index(settings: Settings, rebuild: bool = False,
                 progress: Progress | None = None, jobs: int | None = None) -> IndexReport:
    """Bring the index at ``settings.index`` up to date with ``settings.corpus``.

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
    fingerprint = config_fingerprint(settings)
    manifest = read_manifest(index_dir)
    report = IndexReport()
    ix = None
    if (index_exists(index_dir) or _leftover_segments(index_dir)) \
            and manifest.get("schema") == SCHEMA_VERSION:
        try:
            ix = open_index(index_dir)
        except IndexDamaged as exc:  # rebuilt from the corpus below
            report.recovered = exc.reason
        except IndexError_:
            pass
    fresh = ix is None  # a new, empty index: nothing to delete or compare
    writer = None
    if fresh:
        ix, writer = _create_index(index_dir)
    clear = rebuild and not fresh  # drop every old segment at commit
    reread = fresh or rebuild or manifest.get("fingerprint") != fingerprint
    report.rebuilt = reread
    known = {} if fresh else manifest.get("files", {})
    previous = {} if reread else known
    # files that failed last time are not read again until they change
    failed_before = {} if (fresh or rebuild) else manifest.get("failed", {})
    if writer is None:
        try:
            writer = ix.writer(timeout=0.0)  # holds the lock; deletions, merges, the commit
        except LockError:
            raise IndexBusy(index_dir) from None
    run = _Run(report, known, previous, failed_before, delete_old=not (fresh or clear))
    segments: list = []
    try:
        catalog = Catalog.load(settings.catalog_path)
        registry = Registry.load(settings.registry_dir)
        scan = scan_corpus(settings.corpus)
        report.failed.extend(catalog.problems + registry.problems + scan.problems)
        for rel, entry in known.items():  # kept while their folder cannot be read
            if scan.under_unreadable(rel) and not clear:
                run.files[rel] = entry
        paths = scan.paths
        done = 0
        tasks: list[_Task] = []
        for path in paths:
            rel = path.relative_to(settings.corpus).as_posix()
            task = run.plan(path, rel)
            if task is None:
                done += 1
                if progress:
                    progress(done, len(paths), rel)
            else:
                tasks.append(task)

        def loaded(rel: str) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(paths), rel)

        outcomes, segments = _load_tasks(settings, ix, tasks, catalog, registry, loaded, jobs)
        for task, outcome in zip(tasks, outcomes, strict=True):
            run.apply(task, outcome, writer)
        files, failures = run.files, run.failures
        if not (fresh or clear):
            # every document in the index whose file is gone (the manifest may lag behind)
            current = {d for f in files.values() for d in f.get("doc_ids", [f["doc_id"]])} | \
                {doc_id_for(p) for p, _ in report.failed}
            with ix.reader() as reader:
                indexed = {t.decode() if isinstance(t, bytes) else t
                           for t in reader.lexicon("doc_id")}
            for doc_id in indexed - current:
                writer.delete_by_term("doc_id", doc_id)
                report.removed += 1
        elif clear:
            report.removed = len(set(known) - set(files))
        bulkwrite.commit(writer, segments, mergetype=CLEAR if clear else None)
    except BaseException:
        if not getattr(writer, "toc_written", False):  # else they are the index now
            if not writer.is_closed:
                writer.cancel()
            bulkwrite.delete_segments(ix.storage, segments)
        raise
    _write_manifest(index_dir, {"schema": SCHEMA_VERSION, "fingerprint": fingerprint,
                                "corpus": str(settings.corpus), "files": files,
                                "failed": failures, "updated": time.time()})
    report.total_files = len(files)
    report.total_paragraphs = sum(f.get("paragraphs", 0) for f in files.values())
    report.seconds = time.perf_counter() - start
    return report


@dataclass
class _Task:
    """A file to read and index: it is new or its content changed."""

    path: Path
    rel: str
    size: int
    mtime_ns: int
    digest: str


class _Run:
    """What one update has decided so far: the new manifest entries and the report."""

    def __init__(self, report: IndexReport, known: dict, previous: dict, failed_before: dict,
                 delete_old: bool) -> None:
        self.report = report
        self.known = known  # manifest entries of the files in the index
        self.previous = previous  # entries trusted to skip unchanged files
        self.failed_before = failed_before
        self.delete_old = delete_old
        self.files: dict[str, dict] = {}
        self.failures: dict[str, dict] = {}

    def keep_old(self, rel: str) -> None:
        """A failed file's paragraphs stay in the index: so does its entry."""
        if self.delete_old and rel in self.known:
            self.files[rel] = self.known[rel]

    def fail(self, rel: str, size: int, mtime_ns: int, reason: str) -> None:
        """Reported now and remembered, so later runs report it without reading it
        until it changes."""
        self.report.failed.append((rel, reason))
        self.failures[rel] = {"size": size, "mtime_ns": mtime_ns, "error": reason}
        self.keep_old(rel)

    def unreadable(self, rel: str, exc: OSError) -> None:
        """Not remembered: a read error may be passing."""
        self.report.failed.append((rel, f"cannot read: {os_reason(exc)}"))
        self.keep_old(rel)

    def plan(self, path: Path, rel: str) -> _Task | None:
        """The file to index, or None when it is unchanged, unreadable or known bad."""
        try:
            st = path.stat()
        except OSError as exc:
            self.unreadable(rel, exc)
            return None
        bad = self.failed_before.get(rel)
        if _same_stat(bad, st):
            self.report.failed.append((rel, bad["error"]))
            self.failures[rel] = bad
            self.keep_old(rel)
            return None
        entry = self.previous.get(rel)
        if _same_stat(entry, st):
            self.files[rel] = entry
            self.report.unchanged += 1
            self.report.failed.extend((rel, w) for w in entry.get("warnings", []))
            return None
        if st.st_size > MAX_BYTES:  # never read a huge file into memory
            self.fail(rel, st.st_size, st.st_mtime_ns,
                      f"file too large ({st.st_size / 2**20:.0f} MiB, "
                      f"limit {MAX_BYTES >> 20} MiB)")
            return None
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.unreadable(rel, exc)
            return None
        digest = hashlib.sha1(raw).hexdigest()
        if entry and entry.get("hash") == digest:  # touched, not changed
            self.files[rel] = {**entry, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
            self.report.unchanged += 1
            return None
        return _Task(path, rel, st.st_size, st.st_mtime_ns, digest)

    def apply(self, task: _Task, outcome: tuple, writer) -> None:
        """Record a loaded file (its paragraphs already written) or its failure."""
        rel = task.rel
        if outcome[0] == "failed":
            self.fail(rel, task.size, task.mtime_ns, outcome[1])
            return
        _, doc_ids, paragraphs, title, warnings = outcome
        if self.delete_old:  # the old paragraphs go at the commit that adds the new
            old = self.known.get(rel, {})
            for doc_id in set(doc_ids) | set(old.get("doc_ids", [old.get("doc_id")])) - {None}:
                writer.delete_by_term("doc_id", doc_id)
        self.report.failed.extend((rel, w) for w in warnings)  # read, but not all of it
        self.report.paragraphs += paragraphs
        if rel in self.known:
            self.report.updated += 1
        else:
            self.report.added += 1
        self.files[rel] = {"hash": task.digest, "size": task.size, "mtime_ns": task.mtime_ns,
                           "doc_id": doc_ids[0], "paragraphs": paragraphs, "title": title}
        if len(doc_ids) > 1:  # a mailbox: one document per message
            self.files[rel]["doc_ids"] = doc_ids
        if warnings:  # reported again while the file is unchanged
            self.files[rel]["warnings"] = warnings


# -- reading files and writing their paragraphs, in one or two processes ---------------

PARALLEL_MIN_BYTES = 4 << 20  # below this a second process costs more than it saves
SEGMENT_DOCS = 50_000  # paragraphs per new segment: bounds the writer's memory


def _load_shard(ix, tasks: list[_Task], corpus: Path, catalog: Catalog, registry: Registry,
                loaded: Callable[[str], None], alive: Callable[[], bool] | None = None
                ) -> tuple[list[tuple], list]:
    """Read ``tasks`` and write their paragraphs as new (uncommitted) segments.

    Returns one outcome per task — ``("indexed", doc_ids, paragraphs, title,
    warnings)`` or ``("failed", reason)`` — and the segments written.  One bad file never
    stops the run."""
    builder = bulkwrite.SegmentBuilder(ix, max_docs=SEGMENT_DOCS)
    outcomes: list[tuple] = []
    try:
        for task in tasks:
            if alive is not None and not alive():
                raise SystemExit(1)
            try:
                docs = load_documents(task.path, corpus, catalog, registry)
            except LoadError as exc:
                outcomes.append(("failed", str(exc)))
            except Exception as exc:  # one bad file never stops the run
                outcomes.append(("failed", f"{type(exc).__name__}: {exc}"))
            else:
                count = 0
                for doc in docs:  # several for a mailbox
                    for rec in paragraph_records(doc):
                        builder.add(rec)
                        count += 1
                outcomes.append(("indexed", [d.doc_id for d in docs], count, docs[0].meta.title,
                                 [w for d in docs for w in d.warnings]))
            loaded(task.rel)
        return outcomes, builder.finish()
    except BaseException:
        builder.cancel()
        raise


def _jobs(tasks: list[_Task], jobs: int | None) -> int:
    """How many processes read and write: ``jobs`` if given, else one per core (at
    most two) when the batch is large enough to pay for starting them."""
    import multiprocessing

    if multiprocessing.current_process().daemon:  # a daemon may not start processes
        return 1
    if jobs is None:
        if sum(t.size for t in tasks) < PARALLEL_MIN_BYTES:
            return 1
        jobs = min(2, os.cpu_count() or 1)
    return max(1, min(jobs, len(tasks)))


def _load_tasks(settings: Settings, ix, tasks: list[_Task], catalog: Catalog,
                registry: Registry, loaded: Callable[[str], None], jobs: int | None = None
                ) -> tuple[list[tuple], list]:
    """Outcomes of ``tasks`` in order, and the new segments.  A large batch is
    shared between processes; this one takes the first share."""
    import multiprocessing

    n = _jobs(tasks, jobs)
    if n == 1:
        return _load_shard(ix, tasks, settings.corpus, catalog, registry, loaded)
    # shares of about equal size: largest files first, each to the lightest share
    shares: list[list[int]] = [[] for _ in range(n)]
    weight = [0] * n
    for i in sorted(range(len(tasks)), key=lambda i: -tasks[i].size):
        side = weight.index(min(weight))
        shares[side].append(i)
        weight[side] += tasks[i].size
    shares = [sorted(share) for share in shares]
    ctx = multiprocessing.get_context("spawn")  # never fork: the caller may run threads
    q = ctx.Queue()
    procs = [ctx.Process(target=_child_shard, name=f"searchapp-indexer-{k}",
                         args=(k, settings, [tasks[i] for i in share], q))
             for k, share in enumerate(shares[1:], 1)]
    for proc in procs:
        proc.start()
    finished: dict[int, tuple] = {}  # share number -> (outcomes, segments)

    def helpers_done() -> bool:
        return sum(1 for k in finished if k) == len(procs)

    def lost():  # a helper that exited without reporting its share
        return next((p for k, p in enumerate(procs, 1)
                     if k not in finished and not p.is_alive()), None)

    def drain(block: bool) -> None:
        """Handle the helpers' messages: those waiting, or (``block``) until all are done."""
        while not (block and helpers_done()):
            msg = _receive(q, lost, block)
            if msg is None:
                return
            if msg[0] == "loaded":
                loaded(msg[1])
            elif msg[0] == "done":
                finished[msg[1]] = (msg[2], msg[3])
            else:
                raise IndexError_(msg[1])

    def own_loaded(rel: str) -> None:
        loaded(rel)
        drain(block=False)

    try:
        finished[0] = _load_shard(ix, [tasks[i] for i in shares[0]], settings.corpus,
                                  catalog, registry, own_loaded)
        drain(block=True)
        outcomes: list[tuple] = [()] * len(tasks)
        segments: list = []
        for k, share in enumerate(shares):
            share_outcomes, share_segments = finished[k]
            segments.extend(share_segments)
            for i, outcome in zip(share, share_outcomes, strict=True):
                outcomes[i] = outcome
        return outcomes, segments
    except BaseException:  # this share's builder removed its own if it failed
        bulkwrite.delete_segments(ix.storage,
                                  [seg for _, segs in finished.values() for seg in segs])
        raise
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        q.close()


def _child_shard(share: int, settings: Settings, tasks: list[_Task], queue) -> None:
    """Entry point of the second indexer process: writes segments, reports through
    ``queue``; stops (removing what it wrote) if its parent dies."""
    parent = os.getppid()
    try:
        ix = whoosh_index.open_dir(str(settings.index), indexname=INDEX_NAME)
        catalog = Catalog.load(settings.catalog_path)
        registry = Registry.load(settings.registry_dir)
        outcomes, segments = _load_shard(
            ix, tasks, settings.corpus, catalog, registry,
            lambda rel: queue.put(("loaded", rel)), alive=lambda: os.getppid() == parent)
        queue.put(("done", share, outcomes, segments))
    except Exception as exc:  # reported, never lost
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


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
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    try:
        ix.writer(timeout=0.0).cancel()
    except LockError:
        raise IndexBusy(index_dir) from None
    except Exception:
        pass  # unreadable index: rebuilding replaces it


def _receive(q, lost: Callable[[], object], block: bool = True,
             on_wait: Callable[[], None] | None = None) -> tuple | None:
    """The next message from indexer processes (None at once if ``block`` is false
    and none is waiting).  While waiting, ``on_wait()`` runs every quarter second;
    ``lost()`` names a process that exited without reporting: its last message is
    waited for briefly, then :class:`IndexError_` is raised."""
    import queue as queue_mod

    while True:
        try:
            return q.get(timeout=0.25) if block else q.get_nowait()
        except queue_mod.Empty:
            if not block:
                return None
        if on_wait is not None:
            on_wait()
        dead = lost()
        if dead is not None:
            try:  # it may have reported just before exiting
                return q.get(timeout=1.0)
            except queue_mod.Empty:
                raise IndexError_(f"the indexer stopped unexpectedly (exit code "
                                  f"{dead.exitcode}); the previous index is unchanged") from None


# -- running an update in a separate process -------------------------------------

def _child_update(settings: Settings, rebuild: bool, queue) -> None:
    """Entry point of the indexer process: reports through ``queue``."""
    last = [0.0]

    def progress(done: int, total: int, rel: str) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.1 or done == total:  # at most ten reports a second
            last[0] = now
            queue.put(("progress", done, total, rel))

    try:  # the desktop stays smooth while the indexer (and its helper) use the cores
        os.nice(5)
    except (AttributeError, OSError):
        pass
    try:
        queue.put(("done", update_index(settings, rebuild=rebuild, progress=progress)))
    except IndexError_ as exc:
        queue.put(("error", type(exc).__name__, str(exc)))
    except Exception as exc:  # reported, never lost
        queue.put(("error", "IndexError_", f"{type(exc).__name__}: {exc}"))


def update_index_in_process(settings: Settings, rebuild: bool = False,
                            progress: Progress | None = None, cancel=None) -> IndexReport:
    """:func:`update_index` in a child process, so that the calling process
    (the desktop app) never waits for the indexer's interpreter lock: Whoosh
    sorts and merges postings in long C calls that would stall a GUI thread.
    Blocks until the child finishes; raises :class:`IndexError_` (or
    :class:`IndexBusy`) with the child's message.  Setting the event ``cancel``
    kills the child; the index then stays as it was before the run."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # never fork a process running Qt
    q = ctx.Queue()
    # not a daemon: it may start a helper process; it is killed on cancel, and a
    # helper stops by itself when its parent is gone
    proc = ctx.Process(target=_child_update, args=(settings, rebuild, q),
                       name="searchapp-indexer")
    proc.start()

    def cancelled() -> None:
        if cancel is not None and cancel.is_set():
            proc.kill()
            raise IndexError_("indexing was cancelled; the previous index is unchanged")

    try:
        while True:
            msg = _receive(q, lambda: None if proc.is_alive() else proc, on_wait=cancelled)
            if msg[0] == "progress":
                if progress:
                    progress(*msg[1:])
            elif msg[0] == "done":
                return msg[1]
            else:
                kind = {"IndexBusy": IndexBusy, "IndexMissing": IndexMissing}.get(msg[1],
                                                                                 IndexError_)
                raise kind(msg[2])
    finally:
        proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()
        q.close()
