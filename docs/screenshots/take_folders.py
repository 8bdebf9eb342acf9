"""Screenshots of the folders flow: first run, a folder of one's own, the Folders dialog.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_folders.py [OUTDIR]
    xvfb-run -a env QT_QPA_PLATFORM=xcb python docs/screenshots/take_folders.py [OUTDIR]

A fresh data folder (the bundled sample is the one folder: the first-run
banner shows), then a folder with a generated two-page PDF report and a DOCX
note is added the way *File ▸ Add folder…* adds one.
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
    from format_fixtures import make_docx, make_pdf
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication
    from take import search, settle, wait

    from searchapp.config import Settings
    from searchapp.gui.main_window import MainWindow

    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    settings = Settings.resolve(data_dir=tmp / "data", env={})
    win = MainWindow(settings)
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and win.result is not None
         and win.result.total > 0 and not win.session.indexing)
    settle(600)
    win.grab().save(str(out / "first-run.png"))
    print(out / "first-run.png")

    mine = tmp / "Think-tank reports"
    mine.mkdir()
    make_pdf(mine / "two-track.pdf")
    make_docx(mine / "notes.docx")
    win.add_folder(mine)
    wait(lambda: not win.session.indexing and win.index_report is not None
         and win.index_report.total_files > 5)
    settle(600)  # the banner offers to stop searching the sample articles
    win.grab().save(str(out / "sample-offer.png"))
    print(out / "sample-offer.png")
    win.answer_sample_offer(False)  # kept: both folders in the next pictures
    search(win, "talks")
    wait(lambda: win.settled() and any(h.folder == mine.name for h in win.model.hits))
    row = next(i for i, h in enumerate(win.model.hits) if h.folder == mine.name)
    win.results.setCurrentIndex(win.model.index(row, 0))
    wait(lambda: win.view.data is not None)
    dialog = win.show_folders()
    wait(lambda: dialog.model.rowCount() == 2 and dialog.model.rows[1]["files"] > 0)
    settle(600)
    dialog.resize(900, 230)
    settle(300)
    shot = win.grab()
    pic = dialog.grab()  # a top-level window of its own: drawn over the window, framed
    painter = QPainter(shot)
    bar = 26
    x, y = (shot.width() - pic.width()) // 2, shot.height() - pic.height() - bar - 60
    frame = QRect(x - 1, y - bar - 1, pic.width() + 1, pic.height() + bar + 1)
    painter.fillRect(frame, QColor("#dcdcdc"))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRect(x, y - bar, pic.width(), bar), Qt.AlignmentFlag.AlignCenter,
                     dialog.windowTitle())
    painter.drawPixmap(x, y, pic)
    painter.setPen(QColor("#666666"))
    painter.drawRect(frame)
    painter.end()
    shot.save(str(out / "folders.png"))
    print(out / "folders.png")
    dialog.close()
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(OUT))
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
