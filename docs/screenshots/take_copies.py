"""Screenshots of copies: a story run by three outlets shown once, its copies listed,
and two versions side by side with the words that differ underlined.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_copies.py [OUTDIR]

The folder is the bundled sample plus two versions of one of its articles as other
outlets ran it (``tests/copies_fixtures.py``: new headline, datelines, words changed,
paragraphs dropped) and an unrelated article that quotes it.
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
    sys.path.insert(0, str(OUT))
    from copies_fixtures import make_copies
    from PySide6.QtWidgets import QApplication
    from take import search, settle, wait

    from searchapp.config import Settings
    from searchapp.gui.main_window import MainWindow

    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    make_copies(tmp / "Wire stories")
    settings = Settings.resolve(corpus=str(tmp / "Wire stories"), data_dir=tmp / "data",
                                env={})
    win = MainWindow(settings)
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and not win.session.indexing)
    search(win, '"state visit"')
    wait(lambda: win.settled() and any(h.copies for h in win.model.hits))
    row = next(i for i, h in enumerate(win.model.hits) if h.copies)
    hit = win.model.hits[row]
    win.model.toggle_copies(hit)  # as a click on "also in 2: …" does
    win.results.setCurrentIndex(win.model.index(row, 0))
    wait(lambda: win.view.data is not None and win.view.data.versions)
    settle(600)
    win.grab().save(str(out / "copies.png"))
    print(out / "copies.png")
    other = next(v["doc_id"] for v in win.view.data.versions if v["source"] == "The Korea Herald")
    win.compare_version(win.view, other)
    wait(lambda: win.view.data is not None and win.view.data.doc_id == other
         and win.view.data.compared_with is not None
         and win.pinned_view.data is not None and win.pinned_view.data.compared_with)
    settle(600)
    win.grab().save(str(out / "copies-versions.png"))
    print(out / "copies-versions.png")
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
