"""Take the screenshot of curating persons in the Persons tab (offscreen platform).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_curation.py

The seed articles without their ``persons.toml`` (persons only found), one
person renamed and given a role in the app, then the tab's context menu on a
found person.  Needs the ``persons`` extra (spaCy and its model).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from docs.screenshots.take import OUT, search, settle, wait  # noqa: E402
from searchapp.config import Settings  # noqa: E402
from searchapp.gui.main_window import MainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus"
    corpus.mkdir()
    for f in [*(ROOT / "corpus").glob("*.txt"), ROOT / "corpus" / "catalog.toml"]:
        shutil.copy(f, corpus / f.name)
    win = MainWindow(Settings(corpus=corpus, index=tmp / "index", data_dir=tmp / "data"))
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and win.result is not None
         and win.result.total > 0 and not win.session.indexing and bool(win.persons),
         timeout_ms=300000)
    app.processEvents()
    panel = win.persons_panel
    for steps in ([("rename", "Yoon Suk Yeol", "Yoon Suk-yeol")],
                  [("role", "Yoon Suk-yeol", "President of South Korea")],
                  [("role", "Xi Jinping", "President of China")]):
        before = win.persons
        win.curate(steps, "Role set")
        wait(lambda b=before: not panel.busy and win.persons is not b)
    search(win, "")
    win.docks["persons"].raise_()
    win.resizeDocks([win.docks["persons"]], [620], Qt.Orientation.Horizontal)
    found = next(r["name"] for r in win.persons if not r["curated"] and r["aliases"])
    panel.select([found])
    settle()
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.proxy.index(r, 0).data() == found)
    rect = panel.table.visualRect(panel.proxy.index(row, 0))
    panel._context_menu(rect.center())
    settle()
    # a popup menu is a window of its own: paint it where it opened
    image = win.grab()
    menu = panel.menu.grab()
    at = win.mapFromGlobal(panel.menu.pos())
    painter = QPainter(image)
    painter.drawPixmap(QPoint(at.x(), at.y()), menu)
    painter.end()
    path = OUT / "persons-curation.png"
    image.save(str(path))
    print(path, found)
    panel.menu.close()
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
