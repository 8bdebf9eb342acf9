"""Background work over QThreadPool: workers report only through signals."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int, str)


_RUNNING: set[Job] = set()  # jobs are kept alive until they report, whatever owns them


class Job(QRunnable):
    """Runs ``func()`` on a pool thread; emits ``finished(result)`` or ``failed(message)``.

    A ``func`` taking one argument is given a ``progress(done, total, label)``
    callable that reports to the GUI thread through ``signals.progress``.
    """

    def __init__(self, func: Callable[..., object]) -> None:
        super().__init__()
        self.func = func
        self.signals = JobSignals()

    def run(self) -> None:  # runs on a pool thread: never touch widgets here
        try:
            try:
                if inspect.signature(self.func).parameters:
                    result = self.func(self._progress)
                else:
                    result = self.func()
            except Exception as exc:  # reported to the GUI thread, never lost
                self.signals.failed.emit(str(exc) or type(exc).__name__)
                return
            self.signals.finished.emit(result)
        except RuntimeError:  # the receiver was closed and deleted meanwhile
            pass
        finally:
            _RUNNING.discard(self)

    def _progress(self, done: int, total: int, label: str = "") -> None:
        try:
            self.signals.progress.emit(int(done), int(total), str(label))
        except RuntimeError:
            pass


def run_job(func: Callable[..., object], on_done: Callable[[object], None],
            on_error: Callable[[str], None], pool: QThreadPool | None = None,
            on_progress: Callable[[int, int, str], None] | None = None) -> Job:
    job = Job(func)
    job.setAutoDelete(False)
    _RUNNING.add(job)
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
