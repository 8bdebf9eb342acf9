"""Index updates in a child process, for the desktop app.

Light to import (no Whoosh, no extractors): the app's process imports this
module only; the child imports the indexer.
"""

from __future__ import annotations

import os
import time

from searchapp import procs
from searchapp.config import Settings
from searchapp.errors import IndexError_
from searchapp.model import IndexReport, Progress

# -- running an update in a separate process -------------------------------------

#: The ``rel`` of progress reports of the persons stage (``done``/``total``: paragraphs).
PERSONS_PROGRESS = "recognizing persons and places"
#: The ``rel`` of progress reports of the OCR stage (``done``/``total``: pages).
SCANS_PROGRESS = "reading scans"


def scans_progress_text(done: int, total: int) -> str:
    """How the OCR stage's progress reads, in the CLI and the app."""
    return f"Reading scans: {done} of {total} page{'s' if total != 1 else ''}"


def _child_update(settings: Settings, rebuild: bool, only_if_stale: bool, persons: bool,
                  queue, scans: bool = True) -> None:
    """Entry point of the indexer process: reports through ``queue``: ``indexed``
    when keyword search has the new index, then the persons stage's progress, then
    (``scans``) the OCR stage's, ``indexed`` again when it added text (and the
    persons stage over that text), then ``done`` (its report's ``persons`` and
    ``scans`` say what the stages did, ``failed`` lists scans that could not be read)."""
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
    from searchapp.index.update import is_stale, standing_report, update_index

    try:
        if not rebuild and only_if_stale and not is_stale(settings):
            report = standing_report(settings)
        else:
            report = update_index(settings, rebuild=rebuild, progress=progress)
        if persons or scans:  # keyword search has it: the later stages take their time
            queue.put(("indexed", report))
        if persons:
            from searchapp.index.persons_stage import run_persons_stage

            stage = run_persons_stage(
                settings, progress=lambda done, total: progress(done, total, PERSONS_PROGRESS))
            report.persons = stage.summary()
            report.persons_changed = stage.resolved  # new persons to show
        if scans:
            _scans_then_persons(settings, report, persons, progress, queue)
        queue.put(("done", report))
    except Exception as exc:  # reported whole, never lost
        queue.put(procs.error_message(exc))


def _scans_then_persons(settings: Settings, report: IndexReport, persons: bool, progress,
                        queue) -> None:
    """The OCR stage after the text documents are searchable; what it adds goes
    through the persons stage too."""
    from searchapp.index.ocr_stage import run_ocr_stage

    ocr = run_ocr_stage(settings, progress=lambda done, total: progress(done, total,
                                                                       SCANS_PROGRESS))
    report.failed.extend(ocr.failed)
    if ocr.pages or ocr.note:
        report.scans = ocr.summary()
    if ocr.update is None:
        return
    report.failed.extend(f for f in ocr.update.failed if f not in report.failed)
    report.partial.extend(f for f in ocr.update.partial if f not in report.partial)
    report.total_paragraphs = ocr.update.total_paragraphs
    report.total_files = ocr.update.total_files
    report.paragraphs += ocr.paragraphs
    if ocr.paragraphs:
        report.checked = False  # the index changed: the app opens it again
        queue.put(("indexed", report))
        if persons:
            from searchapp.index.persons_stage import run_persons_stage

            stage = run_persons_stage(
                settings, progress=lambda done, total: progress(done, total, PERSONS_PROGRESS))
            report.persons = stage.summary()
            report.persons_changed = report.persons_changed or stage.resolved


def update_index_in_process(settings: Settings, rebuild: bool = False,
                            progress: Progress | None = None, cancel=None,
                            only_if_stale: bool = False, persons: bool = True,
                            on_indexed=None) -> IndexReport | None:
    """:func:`update_index` in a child process, so that the calling process
    (the desktop app) never waits for the indexer's interpreter lock: Whoosh
    sorts and merges postings in long C calls that would stall a GUI thread.
    Blocks until the child finishes; raises :class:`IndexError_` (or
    :class:`IndexBusy`) with the child's message.  Setting the event ``cancel``
    kills the child; the index then stays as it was before the run.  With
    ``only_if_stale``, the child first checks whether anything changed and if not
    returns the standing report (``checked``; the check reads the index: done
    there, not here).  With ``persons`` the child then runs the persons stage
    (:func:`searchapp.index.persons_stage.run_persons_stage`): ``on_indexed(report)``
    is called as soon as keyword search has the new index, progress then comes
    with ``rel`` = :data:`PERSONS_PROGRESS` (paragraphs), and the returned
    report's ``persons`` says what the stage did.  Then scanned pages are read
    (progress with ``rel`` = :data:`SCANS_PROGRESS`, pages) and ``on_indexed`` is
    called again when their text is searchable."""
    # not a daemon: it may start a helper process; it is killed on cancel, and a
    # helper stops by itself when its parent is gone
    return _run_child(_child_update, (settings, rebuild, only_if_stale, persons),
                      "searchapp-indexer", progress, cancel,
                      "indexing was cancelled; the previous index is unchanged",
                      on_indexed=on_indexed)


def _run_child(target, args: tuple, name: str, progress, cancel, cancelled_message: str,
               on_indexed=None):
    """Run ``target(*args, queue)`` in a child process until it says ``done``:
    ``progress`` and ``on_indexed`` hear its messages, setting the event ``cancel``
    kills it (:class:`IndexError_` with ``cancelled_message``), its errors are
    raised here whole."""
    q = procs.context().Queue()
    proc = procs.start(target, (*args, q), name)

    def cancelled() -> None:
        if cancel is not None and cancel.is_set():
            proc.kill()
            raise IndexError_(cancelled_message)

    try:
        while True:
            msg = procs.receive(q, lambda: None if proc.is_alive() else proc,
                                on_wait=cancelled)
            if msg[0] == "progress":
                if progress:
                    progress(*msg[1:])
            elif msg[0] == "indexed":
                if on_indexed:
                    on_indexed(msg[1])
            elif msg[0] == "done":
                return msg[1]
    except KeyboardInterrupt:  # Ctrl-C: stop the child now (what it committed is kept)
        proc.kill()
        raise
    finally:
        procs.stop(proc, timeout=10)
        q.close()


# -- a later stage alone in a separate process ---------------------------------------

def _child_stage(stage: str, settings: Settings, queue) -> None:
    """Entry point of a stage's process (``persons`` or ``scans``): reports through
    ``queue``."""
    def progress(done: int, total: int) -> None:
        queue.put(("progress", done, total))

    try:
        if stage == "persons":
            from searchapp.index.persons_stage import run_persons_stage as run
        else:
            from searchapp.index.ocr_stage import run_ocr_stage as run
        queue.put(("done", run(settings, progress=progress)))
    except Exception as exc:  # reported whole, never lost
        queue.put(procs.error_message(exc))


def run_persons_in_process(settings: Settings, progress=None, cancel=None):
    """:func:`searchapp.index.persons_stage.run_persons_stage` in a child process:
    the model's memory is the child's, not added to what indexing left in the
    caller (``searchapp index``), and is returned to the system when it ends.
    ``progress(done, total)`` counts paragraphs to recognize; setting ``cancel``
    kills the child (what it committed is kept).  Returns its ``PersonsReport``."""
    return _run_child(_child_stage, ("persons", settings), "searchapp-persons", progress, cancel,
                      "person recognition was cancelled; what it finished is kept")


def run_scans_in_process(settings: Settings, progress=None, cancel=None):
    """:func:`searchapp.index.ocr_stage.run_ocr_stage` in a child process (Tesseract's
    models and page images are the child's memory; it runs at a lower priority).
    ``progress(done, total)`` counts pages; setting ``cancel`` kills the child (the
    pages read are kept in the OCR cache).  Returns its ``OcrReport``."""
    return _run_child(_child_stage, ("scans", settings), "searchapp-ocr", progress, cancel,
                      "reading scans was cancelled; the pages read are kept")
