"""Regressions of the window found in use: result rows that overlapped after a resize,
a huge error message, the viewer's hit counter and pinned pane, the persons
browser's Together, the status line, the bookmarks dock, recent searches and
facet groups that hid their other values.  Real index, offscreen, no mocks."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from test_gui_app import (  # noqa: E402, F401
    WAIT,
    built_index,
    facet_index,
    open_window,
    search,
    settings,
    wait_result,
)


def _visible_rows(view) -> list[int]:
    rows = []
    for row in range(view.model().rowCount()):
        rect = view.visualRect(view.model().index(row))
        if rect.isValid() and rect.intersects(view.viewport().rect()):
            rows.append(row)
    return rows


def _rows_fit(win) -> list[str]:
    """What is wrong with the visible result rows: overlaps, or text taller than its row."""
    from searchapp.gui.models import HitRole
    from searchapp.gui.results import PAD, STAR_W, hit_html

    view = win.results
    problems = []
    rows = _visible_rows(view)
    width = view.viewport().width() - STAR_W - 3 * PAD
    for a, b in zip(rows, rows[1:], strict=False):
        ra, rb = view.visualRect(view.model().index(a)), view.visualRect(view.model().index(b))
        if ra.bottom() >= rb.top():
            problems.append(f"rows {a} and {b} overlap: {ra} {rb}")
    for row in rows:
        index = view.model().index(row)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(view.font())
        doc.setHtml(hit_html(index.data(HitRole), "#777"))
        doc.setTextWidth(width)
        need = doc.size().height() + 2 * PAD
        if need > view.visualRect(index).height():
            problems.append(f"row {row}: text {need:.0f} px in a {view.visualRect(index).height()}"
                            " px row")
    return problems


def test_result_rows_never_overlap_after_the_panels_are_resized(qtbot, settings):
    win = open_window(qtbot, settings)
    wait_result(qtbot, win, lambda r: r.total == 95)
    qtbot.wait(200)
    assert _visible_rows(win.results)
    total = sum(win.splitter.sizes())
    for left in (260, 900, 300, total - 380, 320):  # narrow, wide, narrow ...
        win.splitter.setSizes([left, total - left])
        qtbot.wait(30)  # dragged, not jumped: each width lives a moment
    qtbot.wait(400)
    assert _rows_fit(win) == []
    win.resize(900, 700)  # the window itself narrower
    qtbot.wait(400)
    assert _rows_fit(win) == []


def test_a_pasted_page_long_bad_query_gives_one_line_and_clears_the_results(qtbot, settings):
    win = open_window(qtbot, settings)
    search(qtbot, win, "summit")
    list_height = win.results.height()
    assert win.model.rowCount() > 0
    pasted = ("summit AND -(Korea OR -) " * 250)[:6000]
    win.search_box.clear()
    win.search_box.insert(pasted)  # a paste: one edit, no key events
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(win.message.isVisible() and "query" in win.message.text()),
                    timeout=WAIT)
    qtbot.wait(50)
    error = getattr(win.message, "error", win.message.text())  # the whole message
    line = win.message.fontMetrics().height()
    assert win.message.height() < 2 * line  # one line
    assert win.message.width() <= win.centralWidget().width()
    assert win.results.height() >= list_height - 2 * line  # the list keeps its room
    shown = win.message.text()
    assert len(shown) < 400 and "…" in shown
    assert error in win.message.toolTip()
    assert len(error) < 300  # the core quotes only the query's start
    assert error.startswith("Cannot understand the query 'summit AND")
    # the previous results are gone, and the count says why
    assert win.model.rowCount() == 0
    assert all(not win.facets.model.values(f) for f in win.facets.model.groups)
    assert win.timeline.bars == []
    assert "cannot run" in win.count.text() and win.count.text() != "—"
    # a good query afterwards: results, facets and a plain message line again
    result = search(qtbot, win, "summit")
    assert win.model.rowCount() == min(20, result.total) and not win.message.isVisible()
