"""Copies in the window, driven as a user would (pytest-qt, offscreen): a folded
result's "also in 2: …" opens its list, a copy opens in the viewer, "All copies"
lists every copy, and "Other versions" opens one beside the other with the words
that differ marked."""

from __future__ import annotations

import pytest
from copies_fixtures import make_copies

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402

WAIT = 60000


@pytest.fixture
def wire(tmp_path):
    names = make_copies(tmp_path / "wire")
    s = Settings(corpus=tmp_path / "wire", index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    return s, names


def open_window(qtbot, settings):
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1300, 820)
    win.show()
    qtbot.waitUntil(lambda: win.result is not None and not win.session.indexing, timeout=WAIT)
    return win


def search(qtbot, win, text):
    win.search_box.setText(text)
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.settled() and win.result.query == text, timeout=WAIT)
    return win.result


def click_link(qtbot, win, row: int, href: str) -> None:
    index = win.model.index(row, 0)
    rect = win.results.visualRect(index)
    where = win.results.delegate.link_rect(index, rect, href)
    assert where is not None, f"no {href} link in row {row}"
    qtbot.mouseClick(win.results.viewport(), Qt.MouseButton.LeftButton, pos=where.center())


def test_folded_result_lists_its_copies_and_opens_one(qtbot, wire):
    settings, names = wire
    win = open_window(qtbot, settings)
    result = search(qtbot, win, '"state visit"')
    assert result.paragraphs > result.total
    assert f"<b>{result.total}</b> passages, {result.paragraphs} paragraphs" in \
        win.count.text()
    row = next(i for i, h in enumerate(win.model.hits) if h.copies)
    hit = win.model.hits[row]
    tip = win.model.data(win.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Also in: Conservative News Daily ¶" in tip
    height = win.results.visualRect(win.model.index(row, 0)).height()
    with qtbot.waitSignal(win.results.delegate.copies_toggled, timeout=WAIT):
        click_link(qtbot, win, row, "copies:toggle")
    assert hit.key in win.model.expanded
    qtbot.waitUntil(lambda: win.results.visualRect(win.model.index(row, 0)).height() > height,
                    timeout=WAIT)
    herald = next(i for i, c in enumerate(hit.copies) if c["path"] == names["herald"])
    with qtbot.waitSignal(win.results.delegate.copy_clicked, timeout=WAIT):
        click_link(qtbot, win, row, f"copy:{herald}")
    qtbot.waitUntil(lambda: win.view.data is not None
                    and win.view.data.doc_id == hit.copies[herald]["doc_id"], timeout=WAIT)
    assert win.view.data.focus == hit.copies[herald]["para"]
    assert win.view.data.meta["source"] == "The Korea Herald"


def test_all_copies_toggle_lists_every_copy(qtbot, wire):
    settings, _ = wire
    win = open_window(qtbot, settings)
    folded = search(qtbot, win, '"state visit"')
    win.all_copies_btn.click()
    qtbot.waitUntil(lambda: win.settled() and win.result.total == folded.paragraphs,
                    timeout=WAIT)
    assert win.request.all_copies and win.all_copies_action.isChecked()
    assert win.model.rowCount() == folded.paragraphs
    assert "passages" not in win.count.text()
    win.clear_filters()  # clearing the filters keeps the setting
    assert win.request.all_copies
    win.all_copies_action.trigger()
    qtbot.waitUntil(lambda: win.settled() and win.result.total == folded.total, timeout=WAIT)


def test_other_versions_open_side_by_side_with_differences_marked(qtbot, wire):
    settings, _ = wire
    win = open_window(qtbot, settings)
    search(qtbot, win, '"state visit"')
    row = next(i for i, h in enumerate(win.model.hits) if h.copies)
    win.results.setCurrentIndex(win.model.index(row, 0))
    qtbot.waitUntil(lambda: win.view.data is not None and bool(win.view.data.versions),
                    timeout=WAIT)
    original = win.view.data.doc_id
    assert win.view.versions_btn.isVisible()
    assert win.view.versions_btn.text() == "Other versions (2)"
    actions = win.view.versions_menu.actions()
    herald = next(a for a in actions if a.text().startswith("The Korea Herald"))
    herald.trigger()
    qtbot.waitUntil(lambda: win.pinned_view.isVisible() and win.pinned_view.data is not None
                    and win.pinned_view.data.compared_with is not None
                    and win.view.data is not None and win.view.data.compared_with is not None,
                    timeout=WAIT)
    assert win.pinned_view.data.doc_id == original
    assert win.view.data.meta["source"] == "The Korea Herald"
    assert win.view.data.differences and win.pinned_view.data.differences
    text = win.view.browser.toHtml()
    assert "text-decoration: underline" in text or "text-decoration:underline" in text
    assert "it does not have" in win.view.header.text()
