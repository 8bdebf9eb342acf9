"""Copies in the window, driven as a user would (pytest-qt, offscreen): a folded
result's "also in 2: …" opens its list, a copy opens in the viewer, "All copies"
lists every copy, and "Other versions" opens one beside the other with the words
that differ marked."""

from __future__ import annotations

import pytest
from copies_fixtures import make_copies

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import (  # noqa: E402
    WAIT,
    open_window,
    search,
    wait_for,
    wait_laid_out,
    wait_result,
    wait_shown,
)
from PySide6.QtCore import Qt  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402


@pytest.fixture
def wire(tmp_path):
    names = make_copies(tmp_path / "wire")
    s = Settings(corpus=tmp_path / "wire", index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    return s, names


def click_link(qtbot, win, row: int, href: str) -> None:
    index = win.model.index(row, 0)
    rect = win.results.visualRect(index)
    where = win.results.delegate.link_rect(index, rect, href)
    assert where is not None, f"no {href} link in row {row}"
    qtbot.mouseClick(win.results.viewport(), Qt.MouseButton.LeftButton, pos=where.center())


def test_folded_result_lists_its_copies_and_opens_one(qtbot, wire):
    settings, names = wire
    win = open_window(qtbot, settings, persons=False)
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
    wait_laid_out(qtbot, lambda: win.results.visualRect(win.model.index(row, 0)).height()
                  > height)
    herald = next(i for i, c in enumerate(hit.copies) if c["path"] == names["herald"])
    with qtbot.waitSignal(win.results.delegate.copy_clicked, timeout=WAIT):
        click_link(qtbot, win, row, f"copy:{herald}")
    wait_shown(qtbot, win.view, lambda d: d is not None
               and d.doc_id == hit.copies[herald]["doc_id"])
    assert win.view.data.focus == hit.copies[herald]["para"]
    assert win.view.data.meta["source"] == "The Korea Herald"


def test_all_copies_toggle_lists_every_copy(qtbot, wire):
    settings, _ = wire
    win = open_window(qtbot, settings, persons=False)
    folded = search(qtbot, win, '"state visit"')
    win.all_copies_btn.click()
    wait_result(qtbot, win, lambda r: r.total == folded.paragraphs)
    assert win.request.all_copies and win.all_copies_action.isChecked()
    assert win.model.rowCount() == folded.paragraphs
    assert "passages" not in win.count.text()
    win.clear_filters()  # clearing the filters keeps the setting
    assert win.request.all_copies
    win.all_copies_action.trigger()
    wait_result(qtbot, win, lambda r: r.total == folded.total)


def test_other_versions_open_side_by_side_with_differences_marked(qtbot, wire):
    settings, _ = wire
    win = open_window(qtbot, settings, persons=False)
    search(qtbot, win, '"state visit"')
    row = next(i for i, h in enumerate(win.model.hits) if h.copies)
    win.results.setCurrentIndex(win.model.index(row, 0))
    original = wait_shown(qtbot, win.view, lambda d: d is not None and d.versions).doc_id
    assert win.view.versions_btn.isVisible()
    assert win.view.versions_btn.text() == "Other versions (2)"
    actions = win.view.versions_menu.actions()
    herald = next(a for a in actions if a.text().startswith("The Korea Herald"))
    herald.trigger()
    wait_for(qtbot, [win.view.shown, win.pinned_view.shown],
             lambda: win.pinned_view.isVisible() and win.pinned_view.data is not None
             and win.pinned_view.data.compared_with is not None
             and win.view.data is not None and win.view.data.compared_with is not None)
    assert win.pinned_view.data.doc_id == original
    assert win.view.data.meta["source"] == "The Korea Herald"
    assert win.view.data.differences and win.pinned_view.data.differences
    text = win.view.browser.toHtml()
    assert "text-decoration: underline" in text or "text-decoration:underline" in text
    # the Herald's copy is the original cut short: every passage of it is in the
    # original (some reworded), while the original has passages the Herald dropped
    assert "it does not have" not in win.view.header.text()
    assert "that differ in" in win.view.header.text()
    assert "passages</span> it does not have" in win.pinned_view.header.text()
