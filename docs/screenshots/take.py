"""Take screenshots of the app's main flows (offscreen platform).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py

Each screenshot is of the real app on the bundled corpus, driven the way a
user would drive it; the pictures are shown in the README.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.gui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).parent


def wait(pred, timeout_ms=60000) -> None:
    loop = QEventLoop()
    waited = 0
    while not pred() and waited < timeout_ms:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50
    if not pred():
        raise SystemExit(f"timed out waiting for {pred}")


def settle(ms=400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(win, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    win.grab().save(str(path))
    print(path)


def search(win, text: str) -> None:
    before = win.result
    win.search_box.setText(text)
    win.run_search()
    wait(lambda: win.result is not before and win.result.query == text)


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                        (QPalette.ColorRole.AlternateBase, "#262626"),
                        (QPalette.ColorRole.Text, "#e6e6e6"),
                        (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Button, "#353535"),
                        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                        (QPalette.ColorRole.Highlight, "#2f65ca"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff"),
                        (QPalette.ColorRole.Link, "#8ab4f8"),
                        (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
                        (QPalette.ColorRole.Mid, "#444444")):
        pal.setColor(role, QColor(color))
    return pal


def main() -> int:
    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    win = MainWindow(Settings(corpus=ROOT / "corpus", index=tmp / "index", data_dir=tmp))
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and win.result is not None
         and win.result.total > 0)

    search(win, "summit")
    win.toggle_filter("person", "Xi Jinping")
    wait(lambda: win.result.total and "Xi Jinping" in win.request.persons)
    wait(lambda: win.request.persons == ["Xi Jinping"] and win.model.rowCount() > 0)
    win.results.setCurrentIndex(win.model.index(1, 0))
    wait(lambda: win.view.data is not None)
    win.view.next_hit()
    shot(win, "search")

    win.clear_filters()
    search(win, '"Camp David"')
    win.results.setCurrentIndex(win.model.index(0, 0))
    wait(lambda: win.view.data is not None and win.view.data.query == '"Camp David"')
    first = win.view.data.doc_id
    win.pin_document()
    other = next(i for i, hit in enumerate(win.model.hits) if hit.doc_id != first)
    win.results.setCurrentIndex(win.model.index(other, 0))
    wait(lambda: win.view.data is not None and win.view.data.doc_id != first)
    shot(win, "side-by-side")
    win.close_pinned()

    win.docks["persons"].raise_()
    win.persons_panel.select(["Xi Jinping", "Yoon Suk Yeol"])
    win.persons_panel.search_selected("all")
    search(win, "")
    win.toggle_bookmark(win.model.hits[0].to_json())
    win.store.update(win.store.list()[0].id, note="Compare with the Sejong reading",
                     tags=["summit", "china-korea"])
    win.bookmarks_panel.reload()
    wait(lambda: win.model.rowCount() > 0)
    win.results.setCurrentIndex(win.model.index(0, 0))
    wait(lambda: win.view.data is not None)
    shot(win, "persons-bookmarks")

    # the system switches to a dark palette while the app runs
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    win.docks["filters"].raise_()
    win.clear_filters()
    search(win, "denuclearization")
    win.results.setCurrentIndex(win.model.index(0, 0))
    wait(lambda: win.view.data is not None and win.view.data.query == "denuclearization")
    shot(win, "dark")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
