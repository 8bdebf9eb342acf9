"""Take screenshots of the app's main flows (offscreen platform).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take.py
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
from PySide6.QtWidgets import QApplication  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.gui.main_window import MainWindow  # noqa: E402


def wait(app, pred, timeout_ms=60000):
    loop = QEventLoop()
    waited = 0
    while not pred() and waited < timeout_ms:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50


def main() -> int:
    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    win = MainWindow(Settings(corpus=ROOT / "corpus", index=tmp / "index", data_dir=tmp))
    win.resize(1280, 800)
    win.show()
    wait(app, lambda: win.model.rowCount() == 5)
    wait(app, lambda: win.index_report is not None or win.index_error is not None)
    win.list.setCurrentIndex(win.model.index(2, 0))
    wait(app, lambda: False, 300)
    out = Path(__file__).parent / "reader.png"
    win.grab().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
