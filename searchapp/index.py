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
from whoosh.index import LockError
from whoosh.writing import CLEAR

from searchapp.analysis import name_analyzer, text_analyzer
from searchapp.config import Settings
from searchapp.document import Document, doc_id_for, load_document
from searchapp.loaders import MAX_BYTES, LoadError, os_reason, scan_corpus
from searchapp.metadata import Catalog
from searchapp.people import Registry
from searchapp.whoosh_fixes import apply as _apply_whoosh_fixes

_apply_whoosh_fixes()

INDEX_NAME = "paragraphs"
SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
SEP = "\x1f"  # separates the values of a multi-valued facet field

FACETS = ("person", "place", "source", "author", "year")


class IndexError_(Exception):
    """A user-facing problem with the index (missing, unreadable)."""


class IndexBusy(IndexError_):
    def __init__(self, path: Path) -> None:
        super().__init__(f"the index at {path} is being updated by another process; "
                         "try again when it has finished")


class IndexMissing(IndexError_):
    def __init__(self, path: Path) -> None:
        super().__init__(f"no index at {path}; build it with 'searchapp index'")


class IndexDamaged(IndexError_):
    """The index exists but cannot be read: truncated or missing files."""

    def __init__(self, path: Path, reason: str) -> None:
        self.reason = reason
        super().__init__(f"the index at {path} is damaged ({reason})")


class Values(KEYWORD):
    """Exact, case-kept values (canonical names, sources, years) separated by ``SEP``."""

    def __init__(self) -> None:
        super().__init__(scorable=False)
        self.analyzer = RegexTokenizer(r"[^\x1f]+")


def make_schema() -> Schema:
    text = text_analyzer()
    names = name_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),  # doc_id:num
        pid=ID(stored=True),  # content-based paragraph id
        doc_id=ID(stored=True),
        path=ID(stored=True),
        para=NUMERIC(int, bits=32, stored=True, sortable=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, multitoken_query="phrase"),
        body=TEXT(analyzer=text, stored=True, multitoken_query="phrase", spelling=True),
        source=TEXT(analyzer=names, stored=True, multitoken_query="phrase", phrase=True),
        author=TEXT(analyzer=names, multitoken_query="phrase"),
        authors=STORED,
        url=STORED,
        language=ID(stored=True),
        date=ID(stored=True),  # ISO date or ""
        datenum=NUMERIC(int, bits=32, signed=False, sortable=True),  # YYYYMMDD, YYYY0000, 0
        year=NUMERIC(int, bits=32, stored=True),
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
    h = hashlib.sha1(f"schema {SCHEMA_VERSION}".encode())
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
                 progress: Progress | None = None) -> IndexReport:
    """Bring the index at ``settings.index`` up to date with ``settings.corpus``.

    Raises :class:`IndexBusy` when another process is writing.  On any
    exception (KeyboardInterrupt included) the writer is cancelled and the
    previous index stays as it was.  ``rebuild`` re-reads every file; the
    old paragraphs are dropped at the same commit, so an interrupted rebuild
    also keeps the previous index.
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
    if fresh:
        if index_exists(index_dir):
            _check_not_locked(index_dir)
        ix = whoosh_index.create_in(str(index_dir), make_schema(), indexname=INDEX_NAME)
    clear = rebuild and not fresh  # drop every old segment at commit
    reread = fresh or rebuild or manifest.get("fingerprint") != fingerprint
    report.rebuilt = reread
    known = {} if fresh else manifest.get("files", {})
    previous = {} if reread else known
    # files that failed last time are not read again until they change
    failed_before = {} if (fresh or rebuild) else manifest.get("failed", {})
    failures: dict[str, dict] = {}
    try:
        writer = ix.writer(timeout=0.0, limitmb=128)
    except LockError:
        raise IndexBusy(index_dir) from None
    try:
        catalog = Catalog.load(settings.catalog_path)
        registry = Registry.load(settings.registry_dir)
        files: dict[str, dict] = {}
        scan = scan_corpus(settings.corpus)
        report.failed.extend(catalog.problems + registry.problems + scan.problems)
        for rel, entry in known.items():  # kept while their folder cannot be read
            if scan.under_unreadable(rel) and not clear:
                files[rel] = entry
        paths = scan.paths
        for i, path in enumerate(paths, 1):
            rel = path.relative_to(settings.corpus).as_posix()
            if progress:
                progress(i, len(paths), rel)
            _index_file(path, rel, settings, catalog, registry, writer, previous, known,
                        files, report, delete_old=not (fresh or clear),
                        failed_before=failed_before, failures=failures)
        if not (fresh or clear):
            # every document in the index whose file is gone (the manifest may lag behind)
            current = {f["doc_id"] for f in files.values()} | \
                {doc_id_for(p) for p, _ in report.failed}
            with ix.reader() as reader:
                indexed = {t.decode() if isinstance(t, bytes) else t
                           for t in reader.lexicon("doc_id")}
            for doc_id in indexed - current:
                writer.delete_by_term("doc_id", doc_id)
                report.removed += 1
        elif clear:
            report.removed = len(set(known) - set(files))
        writer.commit(mergetype=CLEAR if clear else None)
    except BaseException:
        writer.cancel()
        raise
    _write_manifest(index_dir, {"schema": SCHEMA_VERSION, "fingerprint": fingerprint,
                                "corpus": str(settings.corpus), "files": files,
                                "failed": failures, "updated": time.time()})
    report.total_files = len(files)
    report.total_paragraphs = sum(f.get("paragraphs", 0) for f in files.values())
    report.seconds = time.perf_counter() - start
    return report


def _index_file(path: Path, rel: str, settings: Settings, catalog: Catalog, registry: Registry,
                writer, previous: dict, known: dict, files: dict, report: IndexReport,
                delete_old: bool, failed_before: dict, failures: dict) -> None:
    """Index one file if it changed.  A file that fails keeps any paragraphs it had in
    the index; it is listed under "failed" in the manifest with its size and mtime,
    so later runs report it again without reading it until it changes."""

    def keep_old() -> None:  # its paragraphs stay in the index: so does its entry
        if delete_old and rel in known:
            files[rel] = known[rel]

    def unreadable(exc: OSError) -> None:  # not remembered: a read error may be passing
        report.failed.append((rel, f"cannot read: {os_reason(exc)}"))
        keep_old()

    try:
        st = path.stat()
    except OSError as exc:
        unreadable(exc)
        return
    bad = failed_before.get(rel)
    if _same_stat(bad, st):
        report.failed.append((rel, bad["error"]))
        failures[rel] = bad
        keep_old()
        return

    def fail(reason: str) -> None:
        report.failed.append((rel, reason))
        failures[rel] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "error": reason}
        keep_old()

    entry = previous.get(rel)
    if _same_stat(entry, st):
        files[rel] = entry
        report.unchanged += 1
        return
    if st.st_size > MAX_BYTES:  # never read a huge file into memory
        fail(f"file too large ({st.st_size / 2**20:.0f} MiB, limit {MAX_BYTES >> 20} MiB)")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        unreadable(exc)
        return
    digest = hashlib.sha1(raw).hexdigest()
    if entry and entry.get("hash") == digest:  # touched, not changed
        files[rel] = {**entry, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
        report.unchanged += 1
        return
    try:
        doc = load_document(path, settings.corpus, catalog, registry)
    except LoadError as exc:
        fail(str(exc))
        return
    except Exception as exc:  # one bad file never stops the run
        fail(f"{type(exc).__name__}: {exc}")
        return
    if delete_old:
        writer.delete_by_term("doc_id", doc.doc_id)
    records = paragraph_records(doc)
    for rec in records:
        writer.add_document(**rec)
    report.paragraphs += len(records)
    if rel in known:
        report.updated += 1
    else:
        report.added += 1
    files[rel] = {"hash": digest, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                  "doc_id": doc.doc_id, "paragraphs": len(records), "title": doc.meta.title}


def _check_not_locked(index_dir: Path) -> None:
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    try:
        ix.writer(timeout=0.0).cancel()
    except LockError:
        raise IndexBusy(index_dir) from None
    except Exception:
        pass  # unreadable index: rebuilding replaces it


# -- running an update in a separate process -------------------------------------

def _child_update(settings: Settings, rebuild: bool, queue) -> None:
    """Entry point of the indexer process: reports through ``queue``."""
    last = [0.0]

    def progress(done: int, total: int, rel: str) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.1 or done == total:  # at most ten reports a second
            last[0] = now
            queue.put(("progress", done, total, rel))

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
    import queue as queue_mod

    ctx = multiprocessing.get_context("spawn")  # never fork a process running Qt
    q = ctx.Queue()
    proc = ctx.Process(target=_child_update, args=(settings, rebuild, q), daemon=True,
                       name="searchapp-indexer")
    proc.start()
    try:
        while True:
            try:
                msg = q.get(timeout=0.25)
            except queue_mod.Empty:
                if cancel is not None and cancel.is_set():
                    proc.kill()
                    raise IndexError_("indexing was cancelled; the previous index is unchanged") \
                        from None
                if not proc.is_alive():
                    try:  # it may have reported just before exiting
                        msg = q.get(timeout=0.5)
                    except queue_mod.Empty:
                        raise IndexError_(
                            f"the indexer stopped unexpectedly (exit code {proc.exitcode}); "
                            "the previous index is unchanged") from None
                else:
                    continue
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
