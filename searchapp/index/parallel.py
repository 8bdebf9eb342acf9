"""Reading files and writing their paragraphs, in one process or two: a large batch
is shared with a helper process (:func:`searchapp.procs.start`), each writing
segments of its own that the update commits together."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from searchapp import procs
from searchapp.config import Settings
from searchapp.folders.folder_list import file_key_of
from searchapp.index.schema import INDEX_NAME, paragraph_records
from searchapp.index.whoosh import segments as bulkwrite
from searchapp.ingest.ocr.cache import CachedScans, OcrCache
from searchapp.ingest.pipeline import load_documents
from searchapp.ingest.read import LoadError, os_reason, read_bytes

PARALLEL_MIN_BYTES = 4 << 20  # below this a second process costs more than it saves
SEGMENT_DOCS = 50_000  # paragraphs per new segment: bounds the writer's memory


@dataclass
class Task:
    """A file to read and index: it is new or its content changed."""

    path: Path
    rel: str  # in its folder
    size: int
    mtime_ns: int
    known_hash: str  # the indexed content's hash ("" for a new file)
    folder: str  # the folder's key (its path)
    folder_name: str  # the Folder facet's value

    @property
    def key(self) -> str:
        """The file's key in the manifest (see :mod:`searchapp.folders.sources`)."""
        return file_key_of(self.folder, self.rel)


Curation = dict  # folder key -> (Catalog, Registry)


def _load_shard(ix, tasks: list[Task], curated: Curation,
                loaded: Callable[[str], None], alive: Callable[[], bool] | None = None,
                ocr: Path | None = None) -> tuple[list[tuple], list]:
    """Read ``tasks`` and write their paragraphs as new (uncommitted) segments;
    scanned pages get the text the OCR cache at ``ocr`` holds for them.

    Returns one outcome per task — ``("indexed", doc_ids, paragraphs, title, warnings,
    hash, scans)`` (several documents for a mailbox; ``scans``: pages still to be
    read by OCR),
    ``("same",)`` (content unchanged), ``("unreadable", reason)``
    or ``("failed", reason)`` — and the segments written.  One bad file never
    stops the run."""
    builder = bulkwrite.SegmentBuilder(ix, max_docs=SEGMENT_DOCS)
    outcomes: list[tuple] = []
    cache = OcrCache(ocr) if ocr is not None and ocr.exists() else None
    try:
        for task in tasks:
            if alive is not None and not alive():
                raise SystemExit(1)
            try:
                raw = read_bytes(task.path)
            except LoadError as exc:
                outcomes.append(("failed", str(exc)))
                loaded(task.key)
                continue
            except OSError as exc:
                outcomes.append(("unreadable", os_reason(exc)))
                loaded(task.key)
                continue
            digest = hashlib.sha1(raw).hexdigest()
            if digest == task.known_hash:
                outcomes.append(("same",))
                loaded(task.key)
                continue
            catalog, registry = curated[task.folder]
            try:
                docs = load_documents(task.path, Path(task.folder), catalog, registry, raw=raw,
                                      folder=task.folder, scans=CachedScans(cache, digest))
            except LoadError as exc:
                outcomes.append(("failed", str(exc)))
            except Exception as exc:  # one bad file never stops the run
                outcomes.append(("failed", f"{type(exc).__name__}: {exc}"))
            else:
                count = 0
                for doc in docs:  # several for a mailbox
                    doc.folder = task.folder_name
                    for rec in paragraph_records(doc):
                        builder.add(rec)
                        count += 1
                outcomes.append(("indexed", [d.doc_id for d in docs], count, docs[0].meta.title,
                                 [w for d in docs for w in d.warnings], digest,
                                 [p for d in docs for p in d.scans]))
            loaded(task.key)
        return outcomes, builder.finish()
    except BaseException:
        builder.cancel()
        raise
    finally:
        if cache is not None:
            cache.close()


def _jobs(tasks: list[Task], jobs: int | None) -> int:
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


def load_tasks(settings: Settings, ix, tasks: list[Task], curated: Curation,
               loaded: Callable[[str], None], jobs: int | None = None
               ) -> tuple[list[tuple], list]:
    """Outcomes of ``tasks`` in order, and the new segments.  A large batch is
    shared between processes; this one takes the first share."""
    n = _jobs(tasks, jobs)
    if n == 1:
        return _load_shard(ix, tasks, curated, loaded, ocr=settings.ocr_cache)
    # shares of about equal size: largest files first, each to the lightest share
    shares: list[list[int]] = [[] for _ in range(n)]
    weight = [0] * n
    for i in sorted(range(len(tasks)), key=lambda i: -tasks[i].size):
        side = weight.index(min(weight))
        shares[side].append(i)
        weight[side] += tasks[i].size
    shares = [sorted(share) for share in shares]
    q = procs.context().Queue()
    helpers = [procs.start(_child_shard, (k, settings, [tasks[i] for i in share], q),
                           f"searchapp-indexer-{k}")
               for k, share in enumerate(shares[1:], 1)]
    finished: dict[int, tuple] = {}  # share number -> (outcomes, segments)

    def helpers_done() -> bool:
        return sum(1 for k in finished if k) == len(helpers)

    def lost():  # a helper that exited without reporting its share
        return next((p for k, p in enumerate(helpers, 1)
                     if k not in finished and not p.is_alive()), None)

    def drain(block: bool) -> None:
        """Handle the helpers' messages: those waiting, or (``block``) until all are done."""
        while not (block and helpers_done()):
            msg = procs.receive(q, lost, block)
            if msg is None:
                return
            if msg[0] == "loaded":
                loaded(msg[1])
            elif msg[0] == "done":
                finished[msg[1]] = (msg[2], msg[3])

    def own_loaded(rel: str) -> None:
        loaded(rel)
        drain(block=False)

    try:
        finished[0] = _load_shard(ix, [tasks[i] for i in shares[0]], curated, own_loaded,
                                  ocr=settings.ocr_cache)
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
        for proc in helpers:
            procs.stop(proc, timeout=5)
        q.close()


def _child_shard(share: int, settings: Settings, tasks: list[Task], queue) -> None:
    """Entry point of the second indexer process: writes segments, reports through
    ``queue``; stops (removing what it wrote) if its parent dies."""
    parent = os.getppid()
    try:
        ix = whoosh_index.open_dir(str(settings.index), indexname=INDEX_NAME)
        from searchapp.folders.sources import curation

        outcomes, segments = _load_shard(
            ix, tasks, curation(settings)[0],
            lambda key: queue.put(("loaded", key)), alive=lambda: os.getppid() == parent,
            ocr=settings.ocr_cache)
        queue.put(("done", share, outcomes, segments))
    except Exception as exc:  # reported, never lost
        queue.put(procs.error_message(exc))
