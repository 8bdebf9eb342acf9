"""The Bookmarks panel shows the states the engine re-anchored its bookmarks to, without
being reopened (a new user's trial, session 18: they stayed as they were until then)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import open_window, wait_for  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QLineEdit  # noqa: E402
from test_bookmark_anchor import TALKS  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402
from searchapp.model import SearchRequest  # noqa: E402
from searchapp.search.engine import SearchEngine  # noqa: E402
from searchapp.store import open_store  # noqa: E402

EDITED = "edited: “below” → “that trails”"
#: where the panel's screenshots are saved to be looked at (a test's own folder if unset)
SHOTS = os.environ.get("SEARCHAPP_SHOTS")


def statuses(win) -> list[str]:
    """The Status column as the panel shows it now (not read again from the store)."""
    model = win.bookmarks_model
    return [model.index(r, model.STATUS).data() for r in range(model.rowCount())]


def shot(widget, tmp_path, name: str) -> None:
    folder = SHOTS or str(tmp_path)
    assert widget.grab().save(os.path.join(folder, name))


@pytest.fixture()
def talks(tmp_path) -> Settings:
    """Two bookmarks re-anchored in the index, then the file edited and re-indexed by
    another process that did not re-anchor them (a CLI update cut short, an index built
    by a one-off run of an earlier version): the store says "ok" for both."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "talks.txt").write_text(TALKS, encoding="utf-8")
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index",
                 data_dir=tmp_path / "data")
    update_index(s)
    with SearchEngine.open(s) as engine, open_store(s.bookmarks_db) as store:
        for query, note in (("Rotterdam", "talks resume"), ('"Marta Vos"', "Vos on pay")):
            hit = engine.search(SearchRequest(query=query)).hits[0]
            store.add(engine.paragraph(hit.key), note=note)
        store.reconcile(engine)
    (s.corpus / "talks.txt").write_text(
        TALKS.replace("below inflation", "that trails inflation").replace(
            "The port authority said on Monday that negotiations with the dockworkers' union "
            "would resume next week in Rotterdam.\n\n", ""), encoding="utf-8")
    update_index(s)
    return s


def test_the_panel_shows_the_states_the_engine_re_anchored_at_launch(qtbot, tmp_path, talks):
    from searchapp.gui.main_window import MainWindow

    before = MainWindow(talks)  # built, its session not started: the store as it was
    qtbot.addWidget(before)
    before.resize(1100, 700)
    assert statuses(before) == ["", ""]
    shot(before.bookmarks_panel, tmp_path, "bookmarks-before-reanchoring.png")
    before.close()

    win = open_window(qtbot, talks, persons=False)
    # re-anchored by the engine as it opened the index; the panel was not reopened
    wait_for(qtbot, [win.session.bookmarks_reanchored, win.session.index_done],
             lambda: sorted(statuses(win)) == [EDITED, win.bookmarks_model.MISSING])
    shot(win.bookmarks_panel, tmp_path, "bookmarks-after-reanchoring.png")
    # the stars follow: the edited paragraph is starred where it is now
    with open_store(talks.bookmarks_db) as store:
        edited = next(b for b in store.list() if b.status == "edited")
    assert (edited.doc_id, edited.pid) in win._starred


def test_an_update_while_a_note_is_edited_waits_for_it_and_keeps_the_selection(
        qtbot, talks):
    """F5 while the user types a note: the panel is read again once the note is
    committed (a reset would delete the editor under the user), the row kept selected."""
    win = open_window(qtbot, talks, persons=False)
    panel, model = win.bookmarks_panel, win.bookmarks_model
    wait_for(qtbot, [win.session.bookmarks_reanchored], lambda: EDITED in statuses(win))
    row = statuses(win).index(EDITED)
    note = model.index(row, model.NOTE)
    panel.table.setCurrentIndex(note)
    panel.table.edit(note)
    assert panel.table.state() == QAbstractItemView.State.EditingState
    (talks.corpus / "talks.txt").write_text(TALKS, encoding="utf-8")  # both restored
    with qtbot.waitSignal(win.session.bookmarks_reanchored, timeout=60_000) as signal:
        win.update_index()
    # the edit undone, the paragraph deleted above it put back: found where it was
    assert signal.args[0] == {"ok": 1, "moved": 1, "edited": 0, "missing": 0}
    wait_for(qtbot, [win.session.index_done], lambda: not win.session.indexing)
    assert panel.table.state() == QAbstractItemView.State.EditingState  # still typing
    editor = panel.table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Vos, pay below inflation")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_for(qtbot, [panel.changed], lambda: sorted(statuses(win)) == ["", "moved"])
    assert panel.current().note == "Vos, pay below inflation"  # the same one selected


def test_the_app_over_a_folder_indexed_once_leaves_the_user_s_bookmarks_alone(
        qtbot, tmp_path, talks):
    """``searchapp --corpus OTHER``: the user's bookmarks keep their states (the engine
    of the one-off index does not judge them), and one opens with its saved text,
    saying where it is, rather than "no longer in the index"."""
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text(
        "Notes\n\nA folder indexed once, about the harbour of Rotterdam and its talks.\n",
        encoding="utf-8")
    with SearchEngine.open(talks) as engine, open_store(talks.bookmarks_db) as store:
        store.reconcile(engine)  # in the user's own index: one edited, one gone
        before = {b.id: (b.status, b.now_text) for b in store.list()}
    other = Settings(corpus=tmp_path / "other", index=tmp_path / "other-index",
                     data_dir=talks.data_dir)
    win = open_window(qtbot, other, persons=False)
    assert sorted(statuses(win)) == [EDITED, win.bookmarks_model.MISSING]
    with open_store(talks.bookmarks_db) as store:
        assert {b.id: (b.status, b.now_text) for b in store.list()} == before
    row = statuses(win).index(EDITED)
    mark = win.bookmarks_model.rows[row]
    with qtbot.waitSignal(win.view.shown):
        win.open_bookmark(mark)
    assert win.view.data.snapshot and "Marta Vos" in win.view.browser.toPlainText()
    assert "which is not searched here" in win.view.header.text()
    shot(win, tmp_path, "one-off-window-bookmark-of-another-folder.png")
