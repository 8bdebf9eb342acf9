"""The app's folders, driven offscreen: add one holding a PDF, search it, read the
page, bookmark it, remove the folder, add it back; live updates while it runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_fixtures import make_pdf

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import (  # noqa: E402
    WAIT,
    open_window,
    search,
    search_again,
    wait_for,
    wait_indexed,
    wait_laid_out,
    wait_opened,
    wait_result,
)
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.model import cite  # noqa: E402


@pytest.fixture
def first_run(tmp_path):
    """A user's first start: no folder list yet (the bundled sample is the folder)."""
    return Settings.resolve(data_dir=tmp_path / "data", env={})


def bookmark_status(win) -> str:
    win.bookmarks_panel.reload()
    [b] = win.store.list()
    return b.status


def test_add_a_folder_search_its_pdf_bookmark_remove_and_add_back(qtbot, tmp_path, first_run):
    win = open_window(qtbot, first_run)
    assert win.banner.isVisible() and win.settings.only_sample
    assert win.add_docs_btn.text() == "Add your documents…"
    reports = tmp_path / "Reports"
    reports.mkdir()
    make_pdf(reports / "two-track.pdf")  # two pages; "maritime" is on page 2
    progress = []
    win.session.index_progress.connect(lambda *a: progress.append(a))

    assert win.add_folder(reports)  # what File ▸ Add folder… does with the chosen folder
    assert win.progress.isVisible()  # the index progress in the status bar
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    assert progress and not win.progress.isVisible()
    # a folder of one's own: the banner offers to stop searching the sample; kept here
    assert win.banner.isVisible() and win.aside_btn.isVisible()
    win.answer_sample_offer(False)
    assert not win.banner.isVisible()
    assert [f.name for f in win.settings.folders] == ["Sample articles", "Reports"]

    result = search(qtbot, win, "maritime")
    [hit] = [h for h in result.hits if h.folder == "Reports"]
    assert hit.page == 2
    assert "Reports" in win.facets.model.values("folder")[0]
    assert win.results.delegate.show_folder  # two folders: each row names its own
    win.results.setCurrentIndex(win.model.index(result.hits.index(hit), 0))
    wait_opened(qtbot, win, hit)
    assert "p. 2" in win.view.browser.toPlainText()

    win.toggle_bookmark(hit.to_json())
    [b] = win.store.list()
    assert b.page == 2
    assert "p. 2" in cite(b.title, b.source, b.date, b.para, b.page)
    assert "p. 2" in win.bookmarks_model.index(0, 3).data()

    assert win.remove_folder("Reports")
    wait_indexed(qtbot, win, lambda r: r.total_files == 5)
    # re-anchored in the engine before the update is reported
    wait_for(qtbot, [win.session.index_done], lambda: bookmark_status(win) == "missing")
    assert "gone" in win.bookmarks_model.index(0, 4).data()
    # told apart from a paragraph gone from its file, and how to have it back
    assert win.bookmarks_model.index(0, 4).data() == win.bookmarks_model.FOLDER_REMOVED
    assert "add the folder back" in win.bookmarks_model.index(0, 4).data(
        Qt.ItemDataRole.ToolTipRole)
    assert not any(h.folder == "Reports" for h in search_again(qtbot, win, "maritime").hits)

    assert win.add_folder(reports)
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    wait_for(qtbot, [win.session.index_done], lambda: bookmark_status(win) == "ok")
    assert win.bookmarks_model.index(0, 4).data() == ""
    assert any(h.folder == "Reports" for h in search_again(qtbot, win, "maritime").hits)


def test_folders_dialog_pause_resume_and_errors_in_one_line(qtbot, tmp_path, first_run):
    win = open_window(qtbot, first_run)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "memo.txt").write_text("A memo about the ferry timetable.\n\nSecond paragraph.\n")
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 not really a PDF")
    dialog = win.show_folders()  # its rows are read off the GUI thread
    rows_read = [dialog.model.modelReset]
    wait_for(qtbot, rows_read, lambda: dialog.model.rowCount() == 1)
    assert dialog.model.rows[0]["state"] == "active" and dialog.model.rows[0]["files"] == 5
    assert win.add_folder(notes)
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    wait_for(qtbot, rows_read, lambda: dialog.model.rowCount() == 2
             and dialog.model.rows[1]["paragraphs"] == 2)
    # Index problems name the file in its folder
    assert [p for p, _ in win.index_report.failed] == ["notes/broken.pdf"]
    assert win.problems_btn.isVisible()
    problems = win.show_problems()  # ... and the app by its full path, folder and all
    assert Path(problems.table.item(0, 0).text()) == notes / "broken.pdf"
    problems.close()
    dialog.table.selectRow(1)
    dialog.toggle_pause()
    wait_for(qtbot, rows_read, lambda: dialog.model.rowCount() == 2
             and dialog.model.rows[1]["state"] == "paused")
    assert dialog.pause_btn.text() == "Resume"
    assert search_again(qtbot, win, "ferry").total == 1  # a paused folder stays searchable
    # errors: one readable line in the dialog, no traceback
    assert not win.add_folder(notes / "memo.txt")
    assert dialog.error.isVisible() and "not a folder" in dialog.error.text()
    assert "\n" not in dialog.error.text() and "Traceback" not in dialog.error.text()
    assert not win.add_folder(tmp_path)  # around a folder already searched
    assert "cannot nest" in dialog.error.text()
    dialog.table.selectRow(1)
    dialog.toggle_pause()
    wait_for(qtbot, rows_read, lambda: dialog.model.rows[1]["state"] == "active")
    dialog.table.selectRow(1)
    dialog.remove_selected(confirm=False)
    wait_for(qtbot, rows_read, lambda: dialog.model.rowCount() == 1)
    wait_indexed(qtbot, win, lambda r: r.total_files == 5)
    assert "Sample articles" in win.folders_html()


def test_a_dropped_folder_is_added_and_a_dropped_file_is_refused(qtbot, tmp_path, first_run):
    win = open_window(qtbot, first_run)
    dropped = tmp_path / "dropped"
    dropped.mkdir()
    (dropped / "note.txt").write_text("Notes on the harbour crane contract.\n")

    def drop(path):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        win.dropEvent(event)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    mime.setText("just text")
    mime.setUrls([])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dragEnterEvent(enter)
    assert not enter.isAccepted()
    drop(dropped / "note.txt")
    assert "Drop a folder" in win.folder_message
    drop(dropped)
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    assert search_again(qtbot, win, "crane").total == 1


def test_a_file_written_while_the_app_runs_becomes_searchable(qtbot, tmp_path, first_run):
    live = tmp_path / "live"
    live.mkdir()
    (live / "first.txt").write_text("The first note mentions lighthouses.\n")
    win = open_window(qtbot, first_run)
    assert win.add_folder(live)
    wait_indexed(qtbot, win, lambda r: r.total_files == 6)
    # the watches are set up on the watcher's thread, which says so with an Event
    assert win.watcher.ready.wait(WAIT / 1000) and live in win.watcher.watched
    assert search(qtbot, win, "zeppelin").total == 0
    (live / "second.txt").write_text("A second note, written later, about a zeppelin.\n")
    # no user action: the watcher sees it, the index is updated, the results follow
    wait_result(qtbot, win, lambda r: r.query == "zeppelin" and r.total == 1)
    assert any(p.name == "second.txt" for p in win.changed_paths)
    win.close()
    assert win.watcher is None


def test_folders_model_shows_rows_without_a_window(qtbot):
    from searchapp.gui.folders import FoldersModel

    model = FoldersModel()
    model.set_rows([{"name": "Reports", "path": "/x/Reports", "paused": False,
                     "state": "missing", "files": 1200, "paragraphs": 34567}])
    assert (model.rowCount(), model.columnCount()) == (1, 5)
    row = [model.index(0, c).data() for c in range(5)]
    assert row == ["Reports", "missing", "1,200", "34,567", "/x/Reports"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Paragraphs"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_more_than_a_page_of_short_rows_is_laid_out(qtbot, tmp_path):
    """A folder of one-line notes: 21 hits, 20 short rows on the first page (a scroll
    bar appearing mid-layout once left this list blank under "21 paragraphs")."""
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(21):
        (notes / f"n{i}.txt").write_text(f"Note {i}: the lighthouse keeper's log, entry {i}.\n")
    settings = Settings.resolve(corpus=notes, data_dir=tmp_path / "data", env={})
    win = open_window(qtbot, settings, persons=False)  # no persons in these notes
    search(qtbot, win, "lighthouse")
    view = win.results
    # the rows are laid out a turn after the model is reset, and the scroll bar may keep
    # the range of the list before (21 rows too): only the rows' places tell
    wait_laid_out(qtbot, lambda: view.verticalScrollBar().maximum() > 0
                  and view.indexAt(QPoint(10, 10)).row() == 0)
    assert view.visualRect(win.model.index(19)).top() > view.visualRect(win.model.index(0)).top()


def test_updates_asked_for_while_one_runs_are_coalesced(qtbot, first_run):
    import time

    win = open_window(qtbot, first_run)
    win.stop_watching()  # only the updates asked for here
    started = []
    win.session.index_started.connect(lambda: started.append(time.monotonic()))
    assert win.session.update_index()
    win.session.request_update()  # twice while it runs: one more update, after it
    win.session.request_update()
    win.session.request_update(since=time.monotonic() - 3600)  # seen by the one running
    s = win.session
    wait_for(qtbot, [s.index_started, s.index_done, s.index_failed],
             lambda: len(started) == 2 and not s.indexing)
    qtbot.wait(1500)
    assert len(started) == 2 and not win.session.indexing
    win.session.request_update(since=started[-1] - 1)  # older than the last update: nothing
    assert len(started) == 2 and not win.session.indexing
