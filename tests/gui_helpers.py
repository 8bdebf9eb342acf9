"""Waiting on the window in the GUI tests: on the signals that mark events, not by
polling.

Each wait checks its condition, then waits for one of the signals it names and checks
again, until the condition holds.  Nothing can slip between a check and the wait that
follows: the session's workers report through queued signals, which Qt delivers only
while an event loop runs, that is inside the wait; and the signals reach the wait
through a queued connection, so the condition is read once the code that emitted them
has finished.  The product emits each signal after the state it announces is in place
(``MainWindow.results_shown`` after the list, count, facets, timeline and chips;
``DocumentView.shown`` after the document is rendered and scrolled to its paragraph).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal

WAIT = 60000  # ms: an upper bound for a real index under load, never a pause


class _Relay(QObject):
    """Any of several signals, re-emitted on the next turn of the event loop (a queued
    connection): the condition is then read after the slots and the code that emitted
    the signal have finished (an update's ``index_done`` is followed, in the same call,
    by the next update starting)."""

    fired = Signal()


def wait_for(qtbot, signals: Sequence, condition: Callable[[], object],
             timeout: int = WAIT) -> None:
    """Return once ``condition()`` is true: checked now, then each time one of
    ``signals`` has fired; fail after ``timeout`` ms without it."""
    deadline = time.monotonic() + timeout / 1000
    relay = _Relay()
    for signal in signals:
        signal.connect(relay.fired, Qt.ConnectionType.QueuedConnection)
    try:
        while not condition():
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                break
            qtbot.waitSignal(relay.fired, timeout=left, raising=False).wait()
    finally:
        for signal in signals:
            try:
                signal.disconnect(relay.fired)
            except (RuntimeError, TypeError):  # its object is gone already
                pass
    assert condition(), (f"{getattr(condition, '__qualname__', condition)} still false "
                         f"after {timeout} ms of {len(signals)} signal(s)")


def session_events(win) -> list:
    """What the window's session reports: results, failed searches, persons, the
    engine opened on a new index, an update done or failed."""
    s = win.session
    return [win.results_shown, s.results, s.search_failed, s.persons, s.ready,
            s.index_started, s.index_done, s.index_failed]


def open_window(qtbot, settings, persons: bool = True, size=(1300, 820)):
    """The main window over ``settings``, shown and active, once the launch's index
    update has reported (done or failed), its results are on screen and (``persons``)
    the persons are loaded."""
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(settings)  # the launch's update starts on the first event loop turn
    reported = []
    win.session.index_done.connect(lambda *_: reported.append("done"))
    win.session.index_failed.connect(lambda *_: reported.append("failed"))
    qtbot.addWidget(win)
    win.resize(*size)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    wait_for(qtbot, session_events(win),
             lambda: reported and not win.session.indexing and win.settled()
             and (win.persons or not persons))
    return win


def wait_result(qtbot, win, pred: Callable[[object], object]):
    """The results on screen once they answer the current request and ``pred`` holds."""
    wait_for(qtbot, [win.results_shown], lambda: win.settled() and pred(win.result))
    return win.result


def search(qtbot, win, text: str):
    """Type ``text`` in the search box and press Enter; its results."""
    win.search_box.clear()
    qtbot.keyClicks(win.search_box, text)
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
    return wait_result(qtbot, win, lambda r: r.query == text)


def search_again(qtbot, win, text: str):
    """``text`` searched anew (not the results already on screen for it)."""
    search(qtbot, win, "")
    return search(qtbot, win, text)


def wait_indexed(qtbot, win, pred: Callable[[object], object] = lambda r: True) -> None:
    """Once no update runs, the engine is open on the index and the last report
    satisfies ``pred``."""
    s = win.session
    wait_for(qtbot, [s.index_done, s.index_failed, s.ready],
             lambda: not s.indexing and s.engine_open and win.index_report is not None
             and pred(win.index_report))


def wait_update_over(qtbot, win, timeout: int = WAIT) -> None:
    """Once the index update under way (if any) has finished or failed."""
    s = win.session
    wait_for(qtbot, [s.index_done, s.index_failed], lambda: not s.indexing, timeout)


def wait_shown(qtbot, view, pred: Callable[[object], object] = lambda data: data is not None):
    """Once ``view`` (a DocumentView) shows a document for which ``pred(view.data)``
    holds (``view.data`` is None while it shows a message instead)."""
    wait_for(qtbot, [view.shown], lambda: pred(view.data))
    return view.data


def wait_opened(qtbot, win, hit, para: bool = True):
    """Once the viewer shows ``hit``'s document (at ``hit``'s paragraph)."""
    return wait_shown(qtbot, win.view, lambda d: d is not None and d.doc_id == hit.doc_id
                      and (not para or d.focus == hit.para))


def wait_laid_out(qtbot, condition: Callable[[], object], timeout: int = WAIT) -> None:
    """Once a geometry ``condition`` holds.  Polled, the one wait here that is: a resize
    or a row's new height is laid out over several turns of the event loop (the resize,
    the layouts, the window's own fitting, the view's delayed item layout), and no
    signal marks the last of them."""
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
