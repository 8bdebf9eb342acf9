"""Background work over QThreadPool: workers report only through signals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


_RUNNING: set[Job] = set()  # jobs are kept alive until they report, whatever owns them


class Job(QRunnable):
    """Runs ``func()`` on a pool thread; emits ``finished(result)`` or ``failed(message)``."""

    def __init__(self, func: Callable[[], object]) -> None:
        super().__init__()
        self.func = func
        self.signals = JobSignals()

    def run(self) -> None:  # runs on a pool thread: never touch widgets here
        try:
            try:
                result = self.func()
            except Exception as exc:  # reported to the GUI thread, never lost
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
                return
            self.signals.finished.emit(result)
        except RuntimeError:  # the receiver was closed and deleted meanwhile
            pass
        finally:
            _RUNNING.discard(self)


def run_job(func: Callable[[], object], on_done: Callable[[object], None],
            on_error: Callable[[str], None], pool: QThreadPool | None = None) -> Job:
    job = Job(func)
    job.setAutoDelete(False)
    _RUNNING.add(job)
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
