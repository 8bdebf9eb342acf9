"""The window tried as a new user would (issue 29): the status bar's progress, the
viewer after a folder is removed, the window on a small screen and in a short
window, "Did you mean" in the user's case, editing a bookmark cell, and the
sample articles stepping aside for a folder of one's own.  Real index, offscreen."""

from __future__ import annotations

import html

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import (  # noqa: E402
    open_window,
    search,
    wait_for,
    wait_indexed,
    wait_laid_out,
    wait_result,
    wait_shown,
)
from PySide6.QtCore import QRect, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QMainWindow, QMessageBox  # noqa: E402

from searchapp.config import Settings  # noqa: E402


@pytest.fixture
def first_run(tmp_path):
    """A user's first start: no folder list yet (the bundled sample is the folder)."""
    return Settings.resolve(data_dir=tmp_path / "data", env={})


def own_folder(tmp_path, name="Reports"):
    """A folder of the user's own: one article of its own (not a copy of a sample article,
    which would be folded under it as a copy of the same story)."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "camp-david.txt").write_text(
        "Notes on the Camp David meeting\n\n"
        "The three leaders met at Camp David in August and agreed to hold trilateral "
        "exercises every year, a step analysts in Seoul called overdue.\n\n"
        "Officials in Tokyo said the hotline between the three capitals would be tested "
        "before the end of the year, and that the next meeting would be held in Japan.\n",
        encoding="utf-8")
    return folder


def inside_screen(win) -> bool:
    avail = QGuiApplication.primaryScreen().availableGeometry()
    return avail.contains(win.frameGeometry())


def test_the_indexers_progress_is_never_clipped_in_the_status_bar(qtbot, settings):
    from searchapp.procs.indexer import PERSONS_PROGRESS

    win = open_window(qtbot, settings)
    wait_indexed(qtbot, win)  # the launch's own update has said it is done
    win.resize(900, 600)
    win.session.index_started.emit()
    win.session.index_progress.emit(256, 616, PERSONS_PROGRESS)
    qtbot.wait(100)
    label = win.progress_label
    assert label.text() == "Finding persons 256/616 paragraphs"
    assert label.isVisible() and win.progress.isVisible()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    assert label.height() >= label.fontMetrics().height()
    assert win.statusBar().rect().contains(label.geometry())
    assert not win.progress.isTextVisible()  # no text squeezed into the bar
    assert (win.progress.value(), win.progress.maximum()) == (256, 616)
    win.session.index_progress.emit(1234, 5000, "reading files")
    assert label.text() == "Indexing 1,234/5,000 files"


def test_a_finished_step_never_lingers_as_a_full_bar(qtbot, settings):
    """"Indexing 12/12 files" stayed on screen while the persons model loaded: a step
    that is over says the work goes on, with a busy bar, until the next one reports."""
    from searchapp.procs.indexer import PERSONS_PROGRESS

    win = open_window(qtbot, settings)
    wait_indexed(qtbot, win)
    win.session.index_started.emit()
    win.session.index_progress.emit(12, 12, "reading files")
    assert win.progress_label.text() == "Indexing 12/12 files; finishing…"
    assert win.progress.maximum() == 0  # busy
    win.session.index_progress.emit(3, 40, PERSONS_PROGRESS)
    assert win.progress_label.text() == "Finding persons 3/40 paragraphs"
    assert (win.progress.value(), win.progress.maximum()) == (3, 40)


def test_a_first_start_fits_the_screen_whatever_its_size(qtbot, first_run):
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(first_run)  # no window.ini: the default size
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    assert inside_screen(win), (win.frameGeometry(), QGuiApplication.primaryScreen())
    win.close()


def test_a_window_saved_partly_off_this_screen_is_restored_inside_it(qtbot, first_run):
    """Saved on a larger monitor, or at a place this screen does not reach: Qt keeps or
    refuses its record; either way the window comes back whole on this screen."""
    from searchapp.gui.main_window import MainWindow

    avail = QGuiApplication.primaryScreen().availableGeometry()
    other = QMainWindow()
    other.setGeometry(avail.right() - 300, avail.bottom() - 200, avail.width() + 400,
                      avail.height() + 300)
    first_run.data_dir.mkdir(parents=True)
    state = QSettings(str(first_run.data_dir / "window.ini"), QSettings.Format.IniFormat)
    state.setValue("geometry", other.saveGeometry())
    state.setValue("rect", QRect(avail.right() - 300, avail.bottom() - 200, 1600, 1000))
    state.sync()
    win = MainWindow(first_run)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    assert inside_screen(win), (win.frameGeometry(), avail)
    assert win.width() > avail.width() // 2  # shrunk to fit, not to nothing
    win.close()


def test_in_a_short_window_the_bookmarks_panel_yields_to_the_results(qtbot, settings):
    from searchapp.gui.fit import RESULTS_MIN

    win = open_window(qtbot, settings)
    dock = win.docks["bookmarks"]
    win.resize(1280, 800)
    wait_laid_out(qtbot, lambda: dock.height() >= win.bookmarks_panel.sizeHint().height())
    wanted = dock.height()
    win.resize(900, 600)
    smallest = dock.minimumSizeHint().height()
    wait_laid_out(qtbot, lambda: win.results.height() >= RESULTS_MIN
                  or dock.height() <= smallest + 1)
    assert win.results.height() > 1.5 * dock.height()  # the results get the room
    assert win.results.height() >= 230
    # the panel still shows a row and its buttons
    panel = win.bookmarks_panel
    assert panel.table.height() >= panel.row_height()
    assert panel.open_btn.isVisible() and panel.open_btn.height() > 10
    win.resize(1280, 800)  # room again: the panel has its height back
    wait_laid_out(qtbot, lambda: abs(dock.height() - wanted) <= 1)
    # a height the user gives it by hand is the one it comes back to
    win.resizeDocks([dock], [wanted + 60], Qt.Orientation.Vertical)
    wait_laid_out(qtbot, lambda: abs(dock.height() - wanted - 60) <= 1)
    win.resize(900, 600)
    wait_laid_out(qtbot, lambda: dock.height() <= smallest + 1)
    win.resize(1280, 800)
    wait_laid_out(qtbot, lambda: abs(dock.height() - wanted - 60) <= 1)


def test_did_you_mean_keeps_the_capital_the_user_typed(qtbot, settings):
    win = open_window(qtbot, settings)
    result = search(qtbot, win, "Pyongyng")
    assert result.suggestion == "Pyongyang"
    assert "Did you mean" in win.message.text() and ">Pyongyang<" in win.message.text()


def test_editing_a_bookmark_note_in_place_gives_no_qt_warning(qtbot, qtlog, settings,
                                                               monkeypatch):
    from searchapp.gui.panels import NO_BOOKMARKS

    win = open_window(qtbot, settings)
    table = win.bookmarks_panel.table
    panel = win.bookmarks_panel
    assert table.hint == NO_BOOKMARKS  # the empty panel says how to fill it
    assert not (panel.open_btn.isEnabled() or panel.remove_btn.isEnabled()
                or panel.export_btn.isEnabled())
    search(qtbot, win, "summit")
    win.toggle_bookmark(win.model.hits[0].to_json())
    assert table.hint == "" and panel.open_btn.isEnabled() and panel.export_btn.isEnabled()
    cell = win.bookmarks_model.index(0, win.bookmarks_model.NOTE)
    table.setCurrentIndex(cell)
    table.edit(cell)  # the editor is made at once
    editor = table.indexWidget(cell)
    assert editor is not None
    qtbot.keyClicks(editor, "the key passage")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_for(qtbot, [win.bookmarks_model.dataChanged],
             lambda: win.store.list()[0].note == "the key passage")
    qtbot.wait(100)
    assert table.state() != table.State.EditingState
    warnings = [r.message for r in qtlog.records if "editor" in r.message]
    assert warnings == []
    # the row stays current, and a tag typed the same way lists the tag
    assert table.currentIndex().row() == 0
    tags = cell.siblingAtColumn(win.bookmarks_model.TAGS)
    table.setCurrentIndex(tags)
    table.edit(tags)
    editor = table.indexWidget(tags)
    assert editor is not None
    qtbot.keyClicks(editor, "alliance")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_for(qtbot, [win.bookmarks_model.dataChanged],  # the tag list is read again then
             lambda: win.bookmarks_panel.tag.findData("alliance") >= 0)
    assert [r.message for r in qtlog.records if "editor" in r.message] == []
    win.bookmarks_panel.filter.setText("no such words")
    assert table.hint == "No bookmark matches the filter."
    win.bookmarks_panel.filter.clear()
    # a second click on its star asks before the note and tag go: Cancel keeps it all
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Cancel)
    win.toggle_bookmark(win.model.hits[0].to_json())
    assert "Note: the key passage" in asked[0] and "#alliance" in asked[0]
    assert [b.note for b in win.store.list()] == ["the key passage"]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.toggle_bookmark(win.model.hits[0].to_json())
    assert win.store.list() == [] and table.hint == NO_BOOKMARKS


def test_the_viewer_says_so_when_its_documents_folder_is_removed(qtbot, tmp_path, first_run):
    win = open_window(qtbot, first_run)
    reports = own_folder(tmp_path)
    assert win.add_folder(reports)
    win.answer_sample_offer(False)
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    result = search(qtbot, win, "Camp David")
    row = next(i for i, h in enumerate(result.hits) if h.folder == "Reports")
    win.results.setCurrentIndex(win.model.index(row))
    title = wait_shown(qtbot, win.view, lambda d: d is not None
                       and d.meta.get("folder") == "Reports").title
    win.pin_document()
    assert win.pinned_view.data is not None
    assert win.remove_folder("Reports")
    wait_indexed(qtbot, win, lambda r: r.total_files == 5)
    wait_for(qtbot, [win.view.shown, win.pinned_view.shown],
             lambda: win.view.data is None and win.pinned_view.data is None)
    for view in (win.view, win.pinned_view):
        text = html.unescape(view.header.text())
        assert "folder 'Reports' was removed" in text and title in text
        assert view.browser.toPlainText() == ""
        assert not view.find_btn.isEnabled()


def test_the_first_folder_of_ones_own_offers_to_stop_searching_the_sample(qtbot, tmp_path,
                                                                          first_run):
    win = open_window(qtbot, first_run)
    assert win.banner.isVisible() and win.add_docs_btn.isVisible()
    assert not win.aside_btn.isVisible()
    reports = own_folder(tmp_path)
    assert win.add_folder(reports)
    assert win.banner.isVisible() and win.aside_btn.isVisible() and win.keep_btn.isVisible()
    assert "Reports" in win.banner_text.text() and "sample" in win.banner_text.text()
    assert not win.add_docs_btn.isVisible()
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    assert {h.folder for h in search(qtbot, win, "Camp David").hits} == \
        {"Reports", "Sample articles"}
    qtbot.mouseClick(win.aside_btn, Qt.MouseButton.LeftButton)
    assert not win.banner.isVisible()
    wait_indexed(qtbot, win, lambda r: r.total_files == 1)
    assert [f.name for f in win.settings.folders] == ["Reports"]
    search(qtbot, win, "")
    result = search(qtbot, win, "Camp David")
    assert result.total and {h.folder for h in result.hits} == {"Reports"}
    # the sample stays listed in Folders…, where one click searches it again
    dialog = win.show_folders()  # its rows are read off the GUI thread
    wait_for(qtbot, [dialog.model.modelReset], lambda: dialog.model.rowCount() == 2)
    sample = dialog.model.rows[1]
    assert (sample["name"], sample["state"]) == ("Sample articles", "not searched")
    dialog.table.selectRow(1)
    assert dialog.pause_btn.text() == "Search again" and not dialog.remove_btn.isEnabled()
    dialog.toggle_pause()
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    # under its own name again (the Folder facet says "Sample articles", not "corpus")
    assert [f.name for f in win.settings.folders] == ["Reports", "Sample articles"]
    assert not win.banner.isVisible()  # no second offer: the user chose the sample
    wait_for(qtbot, [dialog.model.modelReset], lambda: dialog.model.rowCount() == 2
             and dialog.model.rows[1]["state"] == "active")


def test_keeping_the_sample_keeps_it_searched_and_the_offer_goes(qtbot, tmp_path, first_run):
    win = open_window(qtbot, first_run)
    assert win.add_folder(own_folder(tmp_path))
    qtbot.mouseClick(win.keep_btn, Qt.MouseButton.LeftButton)
    assert not win.banner.isVisible()
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    assert [f.name for f in win.settings.folders] == ["Sample articles", "Reports"]
    assert {h.folder for h in search(qtbot, win, "Camp David").hits} == \
        {"Reports", "Sample articles"}


def test_an_empty_result_list_says_why_it_is_empty(qtbot, settings):
    win = open_window(qtbot, settings)
    assert search(qtbot, win, "summit").total and win.results.empty_text == ""
    assert search(qtbot, win, "zeppelinfactory").total == 0
    assert win.results.empty_text == "No paragraph matches this search."
    win.toggle_filter("person", "Xi Jinping")
    wait_result(qtbot, win, lambda r: win.session.result_request.persons == ["Xi Jinping"])
    assert "with these filters" in win.results.empty_text
    win.results.grab()  # painted into the empty list
    win.search_box.setText("date:[2023")
    win.run_search()
    wait_for(qtbot, [win.session.search_failed], lambda: win.result is None)
    assert "cannot run" in win.results.empty_text
