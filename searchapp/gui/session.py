"""The app's connection to the core: one search engine, used off the GUI thread.

The engine runs in a process of its own (``searchapp.procs.engine``), so its
Python and numpy work never holds this process's interpreter lock while the
GUI thread paints.  Every request to it is made from one worker thread, in
the order asked.  Searches carry a
generation number: a search overtaken by a newer one before it starts is
skipped, and results of an overtaken search are dropped, so typing fast
never queues up stale work.  Indexing runs on another pool thread and
reports progress; when it commits, the engine picks up the new index and
bookmarks are re-anchored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, Signal

from searchapp.config import Settings
from searchapp.errors import IndexDamaged
from searchapp.gui.jobs import run_job
from searchapp.index import index_exists
from searchapp.model import IndexReport, SearchRequest, SearchResult
from searchapp.procs.engine import EngineClient
from searchapp.procs.indexer import update_index_in_process


class SearchSession(QObject):
    ready = Signal()  # the engine is open on a new state of the index
    results = Signal(object)  # SearchResult of the current request (page 1)
    more = Signal(object)  # SearchResult with a further page of the current request
    search_failed = Signal(str)  # a readable message (bad query, unknown person ...)
    index_started = Signal()
    index_progress = Signal(int, int, str)
    index_done = Signal(object)  # IndexReport, or None when nothing had changed
    # IndexReport: new text is searchable while the indexer goes on (persons, scans)
    index_partial = Signal(object)
    index_failed = Signal(str)
    persons = Signal(list)  # rows for the persons browser
    # bookmarks were re-anchored in the engine (status counts): the panel reads them again
    bookmarks_reanchored = Signal(object)
    _searchable = Signal(object)  # from the indexing thread: an IndexReport committed

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.engine = EngineClient.for_settings(settings)
        self.engine_open = False  # the engine has the index open
        self.request = SearchRequest()
        self.result: SearchResult | None = None
        self.result_request: SearchRequest | None = None  # the request ``result`` answers
        self.indexing = False
        self.update_started: float | None = None  # time.monotonic() of the last update
        self._again: bool | None = None  # an update asked for while one runs (rebuild?)
        self._new_engine = False  # the folders changed: a new engine at the next reopen
        self._gen = 0
        self._pending = False  # a search waits for the engine
        self.closed = False
        self._cancel = threading.Event()  # stops a running indexer process on close
        self._searchable.connect(self._partly_indexed)

    # -- engine ----------------------------------------------------------------

    def start(self) -> None:
        """Open the existing index at once (if any), then bring it up to date."""
        if index_exists(self.settings.index):
            self.call(self._open_existing, self._opened_existing, self._open_failed)
        self.update_index()

    def _open_existing(self, engine: EngineClient) -> tuple[bool, dict | None]:
        """Open the index; re-anchor bookmarks last re-found in another index (a
        one-off folder) or state.  (opened, re-anchoring counts or None)"""
        try:
            engine.open()
            return True, engine.reconcile(only_if_needed=True)
        except IndexDamaged:
            return False, None  # the update that follows sees the damage and rebuilds it

    def _opened_existing(self, outcome: tuple[bool, dict | None]) -> None:
        ok, counts = outcome
        if ok:
            self._reanchored(counts)
            self._opened()

    def _reanchored(self, counts: dict | None) -> None:
        """Tell the window the engine re-anchored the bookmarks (None: it had no need)."""
        if counts is not None:
            self.bookmarks_reanchored.emit(counts)

    def _opened(self) -> None:
        self.engine_open = True
        self.ready.emit()
        if self._pending:  # the results first: the persons list reads more of the index
            self._pending = False
            self.search(self.request)
        self.load_persons()

    def _open_failed(self, message: str) -> None:
        self.index_failed.emit(f"Cannot open the index: {message}")

    def call(self, func: Callable[[EngineClient], object],
             on_done: Callable[[object], None],
             on_error: Callable[[str], None] | None = None) -> None:
        """Run ``func(engine)`` on the engine's thread; report to the GUI thread
        (nothing is reported once the session is closed)."""
        on_error = on_error or self.search_failed.emit

        def done(result):
            if not self.closed:
                on_done(result)

        def failed(message):
            if not self.closed:
                on_error(message)

        run_job(lambda: func(self.engine), done, failed, pool=self.pool)

    def close(self) -> None:
        self.closed = True
        self._cancel.set()
        self._gen += 1
        self.pool.clear()
        self.pool.waitForDone(5000)
        self.engine.close()

    # -- searching -------------------------------------------------------------

    def search(self, request: SearchRequest) -> None:
        """Search ``request`` (page 1); results arrive through ``results``."""
        if self.closed:
            return
        self._gen += 1
        self.request = replace(request, page=1)
        if not self.engine_open:
            self._pending = True
            return
        self._run(self.request, self._show_results, self.search_failed.emit)

    def fetch_more(self, page: int) -> None:
        """A further page of the current request; it arrives through ``more``."""
        if self.engine_open:
            self._run(replace(self.request, page=page), lambda _req, r: self.more.emit(r),
                      lambda _m: None)

    def _show_results(self, req: SearchRequest, result: SearchResult) -> None:
        self.result = result
        self.result_request = req
        self.results.emit(result)

    def _run(self, req: SearchRequest, on_result, on_error) -> None:
        """Search ``req`` unless a newer search overtakes it (then nothing is reported)."""
        gen = self._gen

        def work(engine):
            return None if gen != self._gen else engine.search(req)

        def done(result):
            if result is not None and gen == self._gen:
                on_result(req, result)

        def failed(message):
            if gen == self._gen:
                on_error(message)

        self.call(work, done, failed)

    def load_persons(self) -> None:
        self.call(lambda engine: engine.persons(), self.persons.emit, lambda m: None)

    def curate(self, steps: list[tuple[str, str, str]], on_done: Callable[[object], None],
               on_error: Callable[[str], None]) -> None:
        """Apply curation ``steps`` (``(op, name, value)``) in the engine's process
        (resolution takes seconds, off this process), which then serves the new
        persons: they are sent through ``persons`` before ``on_done`` is called."""
        settings = self.settings

        def work(engine):
            try:
                engine.curate(settings, steps)
            except Exception as exc:  # earlier steps may have applied: show them
                return engine.persons(), str(exc) or type(exc).__name__
            return engine.persons(), None

        def done(result):
            rows, error = result
            self.persons.emit(rows)
            if error is None:
                on_done(rows)
            else:
                on_error(error)

        self.call(work, done, on_error)

    # -- indexing --------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """New settings (the folder list changed): the next update reads them and the
        engine is started again over them (its curation folders) when it is done."""
        self.settings = settings
        self._new_engine = True

    def request_update(self, since: float | None = None) -> None:
        """Update the index now, or once more after the update under way (files
        changed or folders changed meanwhile): never two at once, never one lost.
        Changes seen at ``since`` (``time.monotonic()``) before the last update
        started are in it already: no update for them."""
        if since is not None and self.update_started is not None and since < self.update_started:
            return
        if not self.update_index():
            self._again = bool(self._again)

    def update_index(self, rebuild: bool = False) -> bool:
        """Build or refresh the index in the background; False if already running."""
        if self.closed:
            return False
        if self.indexing:
            return False
        self.indexing = True
        self.update_started = time.monotonic()
        settings = self.settings
        self.index_started.emit()

        def work(progress):
            # a separate process: its long C calls never stall the GUI thread, and
            # it checks first whether anything changed (None if not)
            return update_index_in_process(settings, rebuild=rebuild, progress=progress,
                                           cancel=self._cancel, only_if_stale=True,
                                           on_indexed=self._searchable.emit)

        run_job(work, self._indexed, self._index_error, on_progress=self.index_progress.emit)
        return True

    def _indexed(self, report: IndexReport | None) -> None:
        self.indexing = False
        if self.closed:
            return
        if (report is None or (report.checked and not report.persons_changed)) \
                and self.engine_open and not self._new_engine:
            self.index_done.emit(report)  # nothing changed: no reopening
            self._next_update()
            return
        new_engine, self._new_engine = self._new_engine, False
        settings = self.settings

        def reopen(engine):
            if new_engine:  # another folder list: the registry is read from other folders
                engine.close()
                engine = self.engine = EngineClient.for_settings(settings)
            engine.open()
            return engine.reconcile(only_if_needed=not (report is not None and report.changed))

        def done(counts):
            self._reanchored(counts)
            self.index_done.emit(report)
            self._pending = True  # search again on the new index
            self._opened()
            self._next_update()

        def failed(message):
            self._open_failed(message)
            self._next_update()

        self.call(reopen, done, failed)

    def _partly_indexed(self, report: IndexReport) -> None:
        """The indexer committed (the text documents, or the text of scans) and goes
        on with its later stages: search the new index now."""
        if self.closed or not self.indexing or self._new_engine:
            return

        def reopen(engine):
            engine.open()

        def done(_):
            self.index_partial.emit(report)
            self._pending = True
            self._opened()

        self.call(reopen, done, lambda message: None)  # the final reopen reports errors

    def _index_error(self, message: str) -> None:
        self.indexing = False
        if not self.closed:
            self.index_failed.emit(message)
            self._next_update()

    def _next_update(self) -> None:
        """The update asked for while the last one ran (kept when another is running:
        the engine's reopening after an update may finish after the next one began)."""
        if self._again is not None and not self.closed and self.update_index(self._again):
            self._again = None
