"""Starting the desktop app: the QApplication, the main window, the heap settled."""

from __future__ import annotations

import gc
import os

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from searchapp.config import APP_ID, Settings, desktop_files
from searchapp.errors import BookmarkError, FolderError
from searchapp.gui.main_window import MainWindow


def settle_heap() -> None:
    """Take the objects alive once the app has started (modules, widgets, models,
    the persons list: ~80k) out of the cyclic garbage collector's full passes.

    Each full pass visits every tracked object and held the GUI thread for
    45-55 ms at 100k paragraphs, at moments the collector picks (often while
    the user types).  Frozen objects are still freed by reference counting;
    only cycles among them wait until exit.
    """
    gc.freeze()


def tear_down(window: MainWindow) -> None:
    """Once the event loop has ended, before the interpreter's own teardown: wait
    for the pool threads (a cancelled index run still reporting, a folder listing),
    then delete the window's widgets while the application still exists.

    Left to the interpreter's exit, a pool thread could still be running Python
    while the interpreter finalizes, and widgets were freed in no set order after
    the application: the process crashed on exit (SIGSEGV) once in CI.
    """
    QThreadPool.globalInstance().waitForDone(15_000)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("searchapp")
    app.setOrganizationName("searchapp")
    app.setDesktopFileName(APP_ID)
    icon = desktop_files() / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        window = MainWindow(Settings.resolve())
    except (BookmarkError, FolderError) as exc:  # one readable line, never a traceback
        message = str(exc)
        QMessageBox.critical(None, "searchapp", message[:1].upper() + message[1:])
        return 1
    window.show()

    def first_results(_result) -> None:  # once: the objects alive now stay
        window.session.results.disconnect(first_results)
        QTimer.singleShot(0, settle_heap)

    window.session.results.connect(first_results)
    if os.environ.get("SEARCHAPP_QUIT_WHEN_READY"):  # start-up timing (README, packaging)
        window.session.results.connect(lambda _r: QTimer.singleShot(0, window.close))
    code = app.exec()
    tear_down(window)
    return code


if __name__ == "__main__":
    import sys

    sys.exit(run(sys.argv))
