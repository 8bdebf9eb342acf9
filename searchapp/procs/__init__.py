"""The one way searchapp runs work in child processes.

Used by the indexer's helper (:mod:`searchapp.index.parallel`), the update and the
persons stage run for the app and the CLI (:mod:`searchapp.procs.indexer`), the
engine process (:mod:`searchapp.procs.engine`) and the recognizer's pool of workers
(:mod:`searchapp.ingest.persons.recognize`):

* children are *spawned* (:func:`start`), never forked from a process that loaded Qt
  (its threads would be copied half-way); only a pool of workers that shares what
  its parent loaded is forked, and only from a process without Qt
  (:func:`pool_context`);
* a child that outstays its welcome is killed (:func:`stop`);
* exceptions cross the boundary pickled whole (:func:`portable`): every
  user-facing error in :mod:`searchapp.errors` pickles with the arguments it
  was made from, so its message is never rebuilt from text;
* a parent waits on a queue with :func:`receive`, which notices a child that
  died without a word and can be interrupted (cancel) while waiting.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue as queue_mod
import sys
from collections.abc import Callable

from searchapp.errors import IndexError_


def context():
    """The multiprocessing context every child is started from (spawn)."""
    return multiprocessing.get_context("spawn")


def start(target: Callable, args: tuple, name: str, daemon: bool = False):
    """``target(*args)`` in a new spawned process, started; returns the process.  A
    daemon is killed with its parent but may not start processes of its own."""
    proc = context().Process(target=target, args=args, name=name, daemon=daemon)
    proc.start()
    return proc


def stop(proc, timeout: float) -> None:
    """Wait up to ``timeout`` seconds for ``proc`` to end, then kill it."""
    proc.join(timeout=timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()


def pool_context(share_parent: bool = False) -> tuple:
    """``(context, forked)`` for a pool of worker processes.  Spawned, unless
    ``share_parent`` asks the workers to start with what this process has loaded (a
    language model: no load per worker, its memory shared): then forked, where the
    platform can and this process has not loaded Qt."""
    if share_parent and "fork" in multiprocessing.get_all_start_methods() \
            and "PySide6.QtCore" not in sys.modules:
        return multiprocessing.get_context("fork"), True
    return context(), False


def portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError with its message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(str(exc) or type(exc).__name__)


def error_message(exc: BaseException) -> tuple:
    """The message a child sends for ``exc``: ``("error", exception)``.  Errors
    that are not ours carry their type's name in the text."""
    from searchapp.errors import UserFacingError

    if not isinstance(exc, UserFacingError):
        exc = IndexError_(f"{type(exc).__name__}: {exc}") if str(exc) else \
            IndexError_(type(exc).__name__)
    return ("error", portable(exc))


def receive(q, lost: Callable[[], object], block: bool = True,
            on_wait: Callable[[], None] | None = None) -> tuple | None:
    """The next message from child processes (None at once if ``block`` is false
    and none is waiting).  While waiting, ``on_wait()`` runs every quarter second;
    ``lost()`` names a process that exited without reporting: its last message is
    waited for briefly, then :class:`IndexError_` is raised.  An ``("error",
    exception)`` message is raised here."""
    while True:
        try:
            msg = q.get(timeout=0.25) if block else q.get_nowait()
        except queue_mod.Empty:
            if not block:
                return None
            msg = None
        if msg is None:
            if on_wait is not None:
                on_wait()
            dead = lost()
            if dead is None:
                continue
            try:  # it may have reported just before exiting
                msg = q.get(timeout=1.0)
            except queue_mod.Empty:
                raise IndexError_(f"the indexer stopped unexpectedly (exit code "
                                  f"{dead.exitcode}); the previous index is unchanged") from None
        if msg[0] == "error":
            raise msg[1]
        return msg
