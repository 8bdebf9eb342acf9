"""Who said what in the app: tinted quotations with their speaker on hover, "quoted:"
names that filter, the Speaker facet and the Persons tab's Quoted column.

The window over the seeds and one more article (tests/fixtures/quotes), its persons
stage run by the window's own indexer, driven with pytest-qt (offscreen).
"""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, FIXTURES

pytest.importorskip("PySide6")
# gui: the window; slow: the window's indexer runs a real persons stage
pytestmark = [pytest.mark.gui, pytest.mark.slow]

from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QHelpEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402

WAIT = 120000


@pytest.fixture(scope="module")
def talks(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("guiquotes")
    shutil.copytree(CORPUS, root / "corpus")
    shutil.copy(FIXTURES / "quotes" / "seoul-talks.txt", root / "corpus" / "seoul-talks.txt")
    s = Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")
    update_index(s)
    return s


def open_window(qtbot, settings):
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1300, 820)
    win.show()
    qtbot.waitUntil(lambda: bool(win.result is not None and not win.session.indexing
                                 and any(p.get("quoted") for p in win.persons_panel.model.rows)),
                    timeout=WAIT)
    win.clear_filters()  # a window restores the last one's filters
    qtbot.waitUntil(lambda: bool(win.settled() and not win.request.speakers), timeout=WAIT)
    return win


def search(qtbot, win, text):
    win.search_box.setText(text)
    win.run_search()
    qtbot.waitUntil(lambda: bool(win.settled() and win.result.query == text), timeout=WAIT)
    return win.result


def _fragment(browser, pred):
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and pred(frag):
                return frag
            it += 1
        block = block.next()
    return None


def _point_of(browser, position: int) -> QPoint:
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    return browser.cursorRect(cursor).center()


def test_the_viewer_tints_quotations_names_their_speaker_on_hover_and_filters_by_it(
        qtbot, talks):
    win = open_window(qtbot, talks)
    search(qtbot, win, "tariffs")
    row = next(i for i, h in enumerate(win.model.hits) if h.text.startswith("Chinese President"))
    win.results.setCurrentIndex(win.model.index(row))
    qtbot.waitUntil(lambda: win.view.data is not None, timeout=WAIT)
    browser = win.view.browser
    quote = _fragment(browser, lambda f: f.charFormat().toolTip() == "Xi Jinping — quoted")
    assert quote is not None and quote.text().startswith("“We value") or \
        "We value" in quote.text()
    pos = _point_of(browser, quote.position() + 2)
    QApplication.sendEvent(browser.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, pos, browser.viewport().mapToGlobal(pos)))
    assert QToolTip.text() == "Xi Jinping — quoted"
    link = _fragment(browser, lambda f: f.charFormat().anchorHref() == "said:Xi%20Jinping")
    assert link is not None and link.text() == "Xi Jinping"
    with qtbot.waitSignal(win.view.speaker_clicked, timeout=5000) as sig:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                         pos=_point_of(browser, link.position() + 1))
    assert sig.args == ["Xi Jinping"]
    qtbot.waitUntil(lambda: bool(win.settled() and win.request.speakers == ["Xi Jinping"]),
                    timeout=WAIT)
    assert win.result.total == 1  # tariffs, quoted from Xi Jinping
    assert "Speaker: Xi Jinping" in [label for label, _ in win.state.chips()]


def test_a_results_row_tints_its_quotation_and_its_quoted_name_filters(qtbot, talks):
    win = open_window(qtbot, talks)
    search(qtbot, win, "tariffs")
    row = next(i for i, h in enumerate(win.model.hits) if h.text.startswith('"Tariffs help'))
    index = win.model.index(row)
    win.results.scrollTo(index)
    rect = win.results.visualRect(index)
    delegate = win.results.delegate
    points = [QPoint(x, y) for y in range(rect.top(), rect.bottom(), 3)
              for x in range(rect.left(), rect.right(), 4)]
    where = delegate.link_rect(index, rect, "said:Wang%20Yi")
    assert where is not None, "no 'quoted: Wang Yi' link drawn in the row"
    assert delegate.link_at(index, rect, where.center()) == "said:Wang%20Yi"
    link = where.center()
    tips = set()
    for p in points[::7]:  # hover over the row: the quotation's words name their speaker
        QToolTip.hideText()
        QApplication.sendEvent(win.results.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, p, win.results.viewport().mapToGlobal(p)))
        tips.add(QToolTip.text())
    assert tips == {"", "Wang Yi — quoted"}
    qtbot.mouseClick(win.results.viewport(), Qt.MouseButton.LeftButton, pos=link)
    qtbot.waitUntil(lambda: bool(win.settled() and win.request.speakers == ["Wang Yi"]),
                    timeout=WAIT)
    assert win.result.total >= 1
    assert all(any(q["speaker"] == "Wang Yi" for q in h.quotes) for h in win.model.hits)


def test_the_speaker_facet_and_the_persons_tab_say_who_is_quoted(qtbot, talks):
    win = open_window(qtbot, talks)
    search(qtbot, win, "said:Xi")
    assert win.result.total >= 3
    speakers = {r["value"]: r["count"] for r in win.result.facets["speaker"]}
    assert speakers["Xi Jinping"] == win.result.total
    assert ("Xi Jinping", win.result.total, "") in win.facets.model.values("speaker")
    panel = win.persons_panel
    col = panel.model.COLUMNS.index("Said")
    rows = {panel.proxy.index(r, 0).data(): panel.proxy.index(r, col).data()
            for r in range(panel.proxy.rowCount())}
    assert rows["Xi Jinping"] == speakers["Xi Jinping"]
    win.search_box.setText("")
    panel.select(["Wang Yi"])
    assert panel.said_btn.isEnabled()
    qtbot.mouseClick(panel.said_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(win.settled() and win.request.speakers == ["Wang Yi"]),
                    timeout=WAIT)
    assert win.result.total >= 2
