"""Screenshot of who said what (offscreen platform), for the README.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_quotes.py

The real app on the bundled corpus: once the persons stage has found the persons
and their quotations, ``said:Xi`` with a word, the Speaker facet, a result's tinted
quotation with its speaker's tooltip, the document with its quotations tinted and
"quoted:" links, and the Persons tab's "Quoted in" column.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip
from take import ROOT, Settings, search, settle, wait

from searchapp.gui.main_window import MainWindow

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    import tempfile
    from pathlib import Path

    app = QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    win = MainWindow(Settings(corpus=ROOT / "corpus", index=tmp / "index", data_dir=tmp))
    win.resize(1400, 860)
    win.show()
    wait(lambda: win.index_report is not None and win.result is not None
         and win.result.total > 0)
    # the persons stage runs after the keyword index: wait for who said what
    for _ in range(90):
        search(win, "said:Xi")
        if win.result.total:
            break
        settle(2000)
    search(win, "said:Xi visit")
    wait(lambda: win.model.rowCount() > 0)
    win.docks["filters"].raise_()
    win.results.setCurrentIndex(win.model.index(0, 0))
    wait(lambda: win.view.data is not None)
    settle(600)
    # hover the first quotation of the document's focused paragraph: its tooltip
    view = win.view.browser
    para = next(p for p in win.view.data.paragraphs if p["para"] == win.view.data.focus)
    quote = para["quotes"][0]
    block = view.document().findBlockByNumber(win.view.data.paragraphs.index(para))
    cursor = view.textCursor()
    cursor.setPosition(block.position() + 2 + quote["start"] + 5)
    rect = view.cursorRect(cursor)
    pos = view.viewport().mapToGlobal(QPoint(rect.center().x(), rect.center().y()))
    from searchapp.gui.render import quote_tip

    QToolTip.showText(pos, quote_tip(quote), view.viewport())
    settle(300)
    image = win.grab()
    tip = next((w for w in app.topLevelWidgets()
                if w.isVisible() and w.metaObject().className() == "QTipLabel"), None)
    if tip is not None:  # offscreen, the tooltip is a window of its own: paint it in place
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        painter.drawPixmap(win.mapFromGlobal(tip.pos()), tip.grab())
        painter.end()
    image.save(str(OUT / "quotes.png"))
    print(OUT / "quotes.png")

    win.docks["persons"].raise_()
    win.resizeDocks([win.docks["persons"]], [430], Qt.Orientation.Horizontal)
    win.persons_panel.select(["Xi Jinping"])
    settle(400)
    win.grab().save(str(OUT / "quotes-persons.png"))
    print(OUT / "quotes-persons.png")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
