"""The search engine in a process of its own, for the desktop app.

Searching is Python and numpy work that holds the interpreter lock.  Run on
a thread of the app's process it competes with the GUI thread's own Python
(paint and size callbacks, models): every hand-off of the lock can cost the
GUI thread up to the switch interval, and a long C call (reading a column,
sorting postings) freezes it outright.  So the app talks to an
:class:`EngineClient`, which runs the engine in a spawned child process and
sends it small requests over a pipe; the GUI process only waits on the pipe
(without the lock) and unpickles small results.

Everything here is core (no Qt): the child imports only the core.  The
child stops when the app asks, or when the pipe closes because the app is
gone; if it dies, the next request starts a new one, reopened on the index.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from searchapp import procs
from searchapp.errors import EngineStopped
from searchapp.model import DocumentData

__all__ = ["DocumentData", "EngineClient", "EngineStopped"]


# -- the engine process ----------------------------------------------------------


class _Engine:
    """The child's side: one engine, opened (or refreshed) on request."""

    def __init__(self, index_dir: Path, registry_dirs: tuple[Path, ...], bookmarks_db: Path) -> None:
        self.index_dir = index_dir
        self.registry_dirs = registry_dirs
        self.bookmarks_db = bookmarks_db
        self.engine = None

    def open(self) -> None:
        from searchapp.ingest.entities import Registry
        from searchapp.search.engine import SearchEngine

        if self.engine is None:
            self.engine = SearchEngine(self.index_dir, Registry.load_layers(self.registry_dirs))
        else:
            self.engine.refresh()

    def reconcile(self, only_if_needed: bool = False) -> dict[str, int] | None:
        from searchapp.store import open_store

        with open_store(self.bookmarks_db) as store:  # the app made it at start
            if only_if_needed:
                return store.reconcile_if_needed(self.engine)
            return store.reconcile(self.engine)

    def search(self, req):
        return self.engine.search(req)

    def persons(self) -> list[dict]:
        from searchapp.api import persons_table

        return persons_table(self.engine)

    def document(self, doc_id: str, focus, persons, query: str = "",
                 compare_to: str | None = None):
        from searchapp.api import viewer_document

        return viewer_document(self.engine, doc_id, focus, persons, query, compare_to)

    def curate(self, settings, steps) -> int:
        from searchapp.api import curate_person

        try:
            for op, name, value in steps:
                curate_person(settings, op, name, value)
        finally:  # what was applied is shown, even when a later step is refused
            self.engine.refresh()
        return len(steps)

    def page_image(self, path: str, page: int, width: int) -> bytes:
        """A page of a scanned file as PNG bytes (the viewer shows it beside its text)."""
        from searchapp.ingest.ocr.pages import thumbnail

        return thumbnail(path, page, width)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()


_NICE = 2  # the engine's priority below the app's (the indexer runs at 5)
_OPS = ("open", "reconcile", "search", "persons", "document", "curate", "page_image")


def _serve(conn, index_dir: Path, registry_dirs: tuple[Path, ...], bookmarks_db: Path) -> None:
    """The engine process: answer requests until asked to stop or the app is gone."""
    try:  # on two cores, the window's thread wins when both want the CPU
        os.nice(_NICE)
    except OSError:
        pass
    state = _Engine(index_dir, registry_dirs, bookmarks_db)
    try:
        while True:
            try:
                op, args = conn.recv()
            except (EOFError, OSError):  # the app closed the pipe or died
                return
            if op == "close":
                return
            try:
                if op not in _OPS:
                    raise ValueError(f"unknown request {op!r}")
                if state.engine is None and op != "open":
                    raise RuntimeError("the index is not open yet")
                reply = ("ok", getattr(state, op)(*args))
            except Exception as exc:
                reply = ("error", procs.portable(exc))
            try:
                conn.send(reply)
            except (EOFError, OSError):
                return
            except Exception as exc:  # a result that does not pickle: say so
                conn.send(("error", RuntimeError(f"cannot send the result: {exc}")))
    finally:
        state.close()


class EngineClient:
    """The app's side: requests run in the engine process, one at a time.

    Calls block the calling thread (never the GUI thread: the app calls from
    a worker) until the answer arrives; the engine's exceptions are raised
    here.  Safe to call from several threads (requests are serialised).
    """

    def __init__(self, index_dir: Path, registry_dirs: tuple[Path, ...], bookmarks_db: Path) -> None:
        self._args = (Path(index_dir), tuple(map(Path, registry_dirs)), Path(bookmarks_db))
        self._lock = threading.Lock()
        self._proc = None
        self._conn = None
        self._opened = False  # "open" succeeded once: a restarted process reopens
        self._closed = False

    @classmethod
    def for_settings(cls, settings) -> EngineClient:
        return cls(settings.index, settings.curation_dirs(), settings.bookmarks_db)

    # the requests

    def open(self) -> None:
        """Open the index (or pick up its newest commit when already open)."""
        self._call("open")
        self._opened = True

    def reconcile(self, only_if_needed: bool = False) -> dict[str, int] | None:
        """Re-anchor the bookmarks in the current index (``only_if_needed``: unless
        they were, in this index as it is now)."""
        return self._call("reconcile", only_if_needed)

    def search(self, req):
        return self._call("search", req)

    def persons(self) -> list[dict]:
        return self._call("persons")

    def document(self, doc_id: str, focus, persons, query: str = "",
                 compare_to: str | None = None):
        """The document ``doc_id`` for the viewer (:func:`searchapp.api.viewer_document`);
        with ``compare_to``, the words it has and that version lacks."""
        return self._call("document", doc_id, focus, list(persons), query, compare_to)

    def page_image(self, path: str, page: int, width: int = 900) -> bytes:
        """Page ``page`` of the PDF or image at ``path`` as a PNG (rendered in the
        engine's process: the window never loads PDFium)."""
        return self._call("page_image", str(path), int(page), int(width))

    def curate(self, settings, steps: list[tuple[str, str, str]]) -> int:
        """Apply curation ``steps`` (``(op, name, value)``, each as
        :func:`searchapp.api.curate_person`) in the engine's process, then pick up
        the persons they give; raises ``CurationError`` for a step refused."""
        return self._call("curate", settings, [tuple(s) for s in steps])

    # the process

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> None:
        parent, child = procs.context().Pipe()
        proc = procs.start(_serve, (child, *self._args), "searchapp-engine", daemon=True)
        child.close()
        self._proc, self._conn = proc, parent
        if self._opened:  # a replacement for one that died: reopen the index first
            self._roundtrip("open", ())

    def _roundtrip(self, op: str, args: tuple):
        try:
            self._conn.send((op, args))
        except OSError:  # it died since the last request: this one never reached it
            self._drop()
            self._start()
            self._conn.send((op, args))
        try:
            status, value = self._conn.recv()
        except (EOFError, OSError) as exc:  # it died on this request
            self._drop()
            raise EngineStopped("the search process stopped unexpectedly; "
                                "it is started again on the next search") from exc
        if status == "error":
            raise value
        return value

    def _call(self, op: str, *args):
        with self._lock:
            if self._closed:
                raise EngineStopped("the search process has been closed")
            if self._proc is None or not self._proc.is_alive():
                self._drop()
                self._start()
            return self._roundtrip(op, args)

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._proc is not None:
            procs.stop(self._proc, timeout=0)
        self._proc = self._conn = None

    def close(self, timeout: float = 5.0) -> None:
        """Stop the engine process (again is harmless).  A request still running
        after ``timeout`` is cut short: the process is killed."""
        self._closed = True
        if not self._lock.acquire(timeout=timeout):
            proc = self._proc
            if proc is not None and proc.is_alive():
                proc.kill()  # the request in flight ends with EngineStopped
            return
        try:
            if self._proc is None:
                return
            try:
                self._conn.send(("close", ()))
            except (EOFError, OSError):
                pass
            self._proc.join(timeout=timeout)
            self._drop()
        finally:
            self._lock.release()
