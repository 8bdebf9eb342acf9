"""Screenshot of a scan in the viewer: a mixed PDF whose second page is a scanned
Japanese page, read by OCR, with its page image beside the text.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_scan.py [OUTDIR]

The folder is generated (``tests/scan_fixtures.py``: typed pages, a scanned page
typeset in Noto CJK and made to look scanned, a photo, a Korean page); needs
Tesseract and ``fonts-noto-cjk``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).parent


def main(out: Path) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "tests"))
    from PySide6.QtWidgets import QApplication
    from take import search, settle, wait
    from test_ocr import make_corpus

    from searchapp.config import Settings
    from searchapp.gui.main_window import MainWindow
    from searchapp.gui.page_image import show_page

    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    corpus = make_corpus(tmp / "Scanned reports")
    settings = Settings(corpus=corpus, index=tmp / "index", data_dir=tmp / "data")
    win = MainWindow(settings)
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and not win.session.indexing
         and win.result is not None, timeout_ms=600_000)
    search(win, "喫茶店")
    wait(lambda: win.settled() and win.model.rowCount() > 0)
    win.results.setCurrentIndex(win.model.index(0, 0))
    wait(lambda: win.view.data is not None)
    show_page(win, win.view, win.view.data.paragraphs[1]["page"])
    wait(lambda: win.view.page_panel.image.pixmap() is not None
         and not win.view.page_panel.image.pixmap().isNull())
    settle(600)
    path = out / "scan.png"
    win.grab().save(str(path))
    print(path)
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
