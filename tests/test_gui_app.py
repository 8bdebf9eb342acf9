"""The whole window, driven as a user would with pytest-qt (offscreen)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, SEED_PARAGRAPHS

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import (  # noqa: E402
    WAIT,
    open_window,
    search,
    wait_for,
    wait_opened,
    wait_result,
    wait_shown,
)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import index_exists, is_stale, update_index  # noqa: E402


@pytest.fixture
def own_corpus(tmp_path):
    """Settings over a private, indexed copy of the corpus that a test may change."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(settings)
    return settings


def facet_index(win, facet, value):
    model = win.facets.model
    group = model.groups[facet]
    for r in range(group.rowCount()):
        if group.child(r, 0).data(Qt.ItemDataRole.UserRole + 4) == value:
            return model.indexFromItem(group.child(r, 0))
    raise AssertionError(f"{value} not in the {facet} facet: {model.values(facet)}")


def test_typing_searches_as_you_type_and_updates_facets(qtbot, settings):
    win = open_window(qtbot, settings)
    assert win.result.total == SEED_PARAGRAPHS  # nothing typed: every paragraph, newest first
    qtbot.keyClicks(win.search_box, "summit")  # no Enter: the debounce fires
    result = wait_result(qtbot, win, lambda r: r.query == "summit")
    assert 0 < result.total < SEED_PARAGRAPHS
    assert win.model.rowCount() == min(result.total, 20)
    assert f"{result.total}" in win.count.text()
    persons = {v: c for v, c, _ in win.facets.model.values("person")}
    assert persons["Xi Jinping"] == next(f["count"] for f in result.facets["person"]
                                         if f["value"] == "Xi Jinping")
    assert sum(c for *_, c in win.timeline.bars) == sum(c for _, c in result.timeline)


def test_clicking_facets_filters_excludes_and_chips_remove(qtbot, settings):
    win = open_window(qtbot, settings)
    total = search(qtbot, win, "Korea").total
    tree = win.facets.tree
    idx = facet_index(win, "person", "Xi Jinping")
    tree.scrollTo(idx)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(idx).center())
    result = wait_result(qtbot, win, lambda r: win.request.persons == ["Xi Jinping"]
                         and r.total < total)
    assert all("Xi Jinping" in h.persons for h in win.model.hits)
    assert [label for label, _ in win.chips.chips] == ["Person: Xi Jinping"]
    # exclude a source with the keyboard
    src_idx = facet_index(win, "source", "The Epoch Times")
    tree.setCurrentIndex(src_idx)
    qtbot.keyClick(tree, Qt.Key.Key_Minus)
    wait_result(qtbot, win, lambda r: win.request.exclude == {"source": ["The Epoch Times"]}
                and r.total < result.total)
    assert all(h.source != "The Epoch Times" for h in win.model.hits)
    assert ("not Source: The Epoch Times", ("exclude", "source", "The Epoch Times")) \
        in win.chips.chips
    # a second value in the same group widens (OR); clear all brings everything back
    win.toggle_filter("person", "Kim Jong-un")
    wait_result(qtbot, win, lambda r: len(win.request.persons) == 2)
    assert all({"Xi Jinping", "Kim Jong-un"} & set(h.persons) for h in win.model.hits)
    chip = win.chips.flow.itemAt(0).widget()
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    wait_result(qtbot, win, lambda r: win.request.persons == ["Kim Jong-un"])
    qtbot.mouseClick(win.facets.clear_btn, Qt.MouseButton.LeftButton)
    wait_result(qtbot, win, lambda r: r.total == total and not win.request.exclude)
    assert not win.chips.isVisible()


def test_show_all_values_of_a_facet_group_by_click_and_keyboard(qtbot, settings):
    from searchapp.gui.models import FacetModel

    win = open_window(qtbot, settings)
    model, tree = win.facets.model, win.facets.tree
    total = len(model.values("person"))
    assert len(model.shown("person")) == FacetModel.SHOWN < total
    group = model.groups["person"]
    more = model.indexFromItem(group.child(group.rowCount() - 1, 0))
    tree.scrollTo(more)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(more).center())
    assert len(model.shown("person")) == total
    assert win.request.persons == []  # the row filters nothing
    fewer = model.indexFromItem(group.child(group.rowCount() - 1, 0))
    tree.setCurrentIndex(fewer)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert len(model.shown("person")) == FacetModel.SHOWN


def test_date_range_and_timeline_filter_by_period(qtbot, settings):
    win = open_window(qtbot, settings)
    qtbot.keyClicks(win.facets.date_from, "2023-10")
    qtbot.keyClick(win.facets.date_from, Qt.Key.Key_Return)
    result = wait_result(qtbot, win, lambda r: win.request.date_from == "2023-10")
    assert result.total and all((h.date or str(h.year)) >= "2023-10" for h in win.model.hits)
    win.facets.date_from.clear()
    qtbot.keyClicks(win.facets.date_from, "10/2023")
    qtbot.keyClick(win.facets.date_from, Qt.Key.Key_Return)
    assert win.facets.date_error.isVisible() and "not a date" in win.facets.date_error.text()
    win.clear_filters()
    wait_result(qtbot, win, lambda r: r.total == SEED_PARAGRAPHS)
    bar = next(i for i, b in enumerate(win.timeline.bars) if b[0] == "2019")
    rect = win.timeline._bar_rects()[bar]
    qtbot.mouseClick(win.timeline, Qt.MouseButton.LeftButton, pos=rect.center())
    result = wait_result(qtbot, win, lambda r: win.request.date_from == "2019")
    assert result.total == 13 and all(h.date.startswith("2019") for h in win.model.hits)


def test_selecting_a_result_shows_the_paragraph_with_marks(qtbot, settings):
    from searchapp.gui.render import MARK_BG

    win = open_window(qtbot, settings)
    search(qtbot, win, '"Camp David"')
    qtbot.keyClick(win.search_box, Qt.Key.Key_Down)  # into the results
    assert win.results.hasFocus() and win.results.currentIndex().row() == 0
    hit = win.model.hits[0]
    data = wait_opened(qtbot, win, hit)
    assert hit.para in data.marks
    assert MARK_BG in win.view.browser.toHtml()
    assert hit.title in win.view.header.text()
    assert len(win.view.hits) >= 2
    opened_on = win.view.current_hit  # the focused paragraph's first highlight
    win.view.next_hit()
    first = win.view.browser.textCursor().selectedText()
    assert first.lower() in ("camp", "david", "camp david")
    win.view.next_hit()
    n = len(win.view.hits)
    assert win.view.current_hit == (opened_on + 2) % n
    assert win.view.hit_label.text() == f"{win.view.current_hit + 1} of {n}"
    # arrow keys move through results and the viewer follows
    qtbot.keyClick(win.results, Qt.Key.Key_Down)
    wait_opened(qtbot, win, win.model.hits[1])
    # find in document
    win.view.show_find()
    qtbot.keyClicks(win.view.find_edit, "Pyongyang")
    assert win.view.browser.textCursor().selectedText() == "Pyongyang" \
        or win.view.find_status.text() == "not found"


def test_person_link_in_the_viewer_filters_by_that_person(qtbot, settings):
    win = open_window(qtbot, settings)
    search(qtbot, win, "Putin")
    win.results.setCurrentIndex(win.model.index(0))
    wait_shown(qtbot, win.view)
    browser = win.view.browser
    block = browser.document().begin()
    target = None
    while block.isValid() and target is None:
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref().startswith("person:"):
                target = frag
                break
            it += 1
        block = block.next()
    assert target is not None
    cursor = QTextCursor(browser.document())
    cursor.setPosition(target.position() + 1)
    browser.ensureCursorVisible()
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    from searchapp.gui.render import href_person

    name = href_person(target.charFormat().anchorHref())
    pos = browser.cursorRect(cursor).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    wait_result(qtbot, win, lambda r: name in win.request.persons)
    assert all(name in h.persons for h in win.model.hits)


def test_pin_and_open_another_document_side_by_side(qtbot, settings):
    win = open_window(qtbot, settings)
    search(qtbot, win, '"Camp David"')
    win.results.setCurrentIndex(win.model.index(0))
    first = wait_shown(qtbot, win.view).doc_id
    win.pin_document()
    assert win.pinned_view.isVisible() and win.pinned_view.data.doc_id == first
    other = next(i for i, h in enumerate(win.model.hits) if h.doc_id != first)
    win.results.setCurrentIndex(win.model.index(other))
    wait_shown(qtbot, win.view, lambda d: d is not None and d.doc_id != first)
    assert win.pinned_view.data.doc_id == first  # unchanged, with its own highlights
    assert win.pinned_view.hits and win.view.hits
    a, b = win.pinned_view.geometry(), win.view.geometry()
    assert a.right() < b.left() and a.width() > 200 and b.width() > 200
    qtbot.mouseClick(win.pinned_view.pin_btn, Qt.MouseButton.LeftButton)
    assert not win.pinned_view.isVisible()


def test_bookmark_survives_restart_and_reindex_and_exports(qtbot, tmp_path, own_corpus):
    from searchapp.gui.models import StarRole
    from searchapp.gui.results import ResultDelegate

    settings, corpus = own_corpus, own_corpus.corpus
    win = open_window(qtbot, settings)
    search(qtbot, win, '"Camp David"')
    hit = win.model.hits[0]
    rect = win.results.visualRect(win.model.index(0))
    qtbot.mouseClick(win.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=ResultDelegate.star_rect(rect).center())
    assert win.model.index(0).data(StarRole) is True
    assert win.bookmarks_model.rowCount() == 1
    b = win.bookmarks_model.rows[0]
    assert (b.doc_id, b.pid, b.text) == (hit.doc_id, hit.pid, hit.text)
    win.bookmarks_model.setData(win.bookmarks_model.index(0, 1), "trilateral summit")
    # the viewer shows the star on that paragraph too, and Ctrl+D there toggles it
    win.results.setCurrentIndex(win.model.index(0))
    wait_shown(qtbot, win.view)
    assert hit.pid in win.view.starred
    win.close()

    win = open_window(qtbot, settings)  # restart
    assert [r.note for r in win.bookmarks_model.rows] == ["trilateral summit"]
    assert win.search_box.text() == '"Camp David"'  # the last query is restored
    wait_result(qtbot, win, lambda r: r.query == '"Camp David"')
    assert win.model.index(0).data(StarRole) is True

    # re-index after the document gained a paragraph before the bookmarked one
    path = corpus / hit.path
    text = path.read_text(encoding="utf-8")
    reports = []  # F5 and the live update may both run: the change is in one of them
    win.session.index_done.connect(reports.append)
    path.write_text("A new opening paragraph added by the editor.\n\n" + text, encoding="utf-8")
    win.update_index()
    # the bookmarks are re-anchored before the update is reported, and reloaded then
    wait_for(qtbot, [win.session.index_done, win.session.index_failed],
             lambda: any(r and r.updated == 1 for r in reports) and not win.session.indexing
             and win.bookmarks_model.rows[0].status in ("ok", "moved"))
    moved = win.bookmarks_model.rows[0]
    assert moved.text == hit.text and moved.note == "trilateral summit"

    for fmt in ("md", "csv", "json"):
        out = win.export_bookmarks(fmt, tmp_path / f"bookmarks.{fmt}")
        assert out is not None and out.exists()
    assert "trilateral summit" in (tmp_path / "bookmarks.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "bookmarks.csv").read_text())))
    assert rows[0]["note"] == "trilateral summit"
    data = json.loads((tmp_path / "bookmarks.json").read_text())
    assert data[0]["text"] == hit.text


def test_missing_bookmark_stays_visible_with_its_saved_text(qtbot, own_corpus):
    corpus = own_corpus.corpus
    win = open_window(qtbot, own_corpus)
    search(qtbot, win, "Sejong")
    hit = win.model.hits[0]
    win.toggle_bookmark(hit.to_json())
    (corpus / hit.path).unlink()
    win.update_index()
    wait_for(qtbot, [win.session.index_done],
             lambda: win.index_report and win.index_report.removed == 1
             and win.bookmarks_model.rows[0].status == "missing")
    assert "gone" in win.bookmarks_model.index(0, 4).data()
    win.open_bookmark(win.bookmarks_model.rows[0])
    assert win.view.data.snapshot and hit.text[:40] in win.view.browser.toPlainText()
    assert "no longer in the corpus" in win.view.header.text()


def test_an_edited_bookmark_says_so_until_its_file_is_restored(qtbot, own_corpus):
    """Bookmark a paragraph, edit its file, update (F5): "edited", saying what changed,
    the saved text kept, the star on the paragraph as it reads now; restore the file and
    update: no longer edited."""
    win = open_window(qtbot, own_corpus)
    hit = search(qtbot, win, '"Camp David"').hits[0]
    win.toggle_bookmark(hit.to_json())
    path = own_corpus.corpus / hit.path
    original = path.read_text(encoding="utf-8")
    word = next(w for w in hit.text.split() if w.isalpha() and len(w) > 4
                and original.count(w) == 1)
    path.write_text(original.replace(word, word.upper() + "X"), encoding="utf-8")
    reports = []
    win.session.index_done.connect(reports.append)
    win.update_index()
    wait_for(qtbot, [win.session.index_done, win.session.index_failed],
             lambda: not win.session.indexing and win.bookmarks_model.rows[0].status == "edited")
    status = win.bookmarks_model.index(0, 4)
    assert status.data() == f"edited: “{word}” → “{word.upper()}X”"
    assert word.upper() + "X" in status.data(Qt.ItemDataRole.ToolTipRole)
    mark = win.bookmarks_model.rows[0]
    assert mark.text == hit.text  # what was bookmarked, not the edit
    win.open_bookmark(mark)
    data = wait_shown(qtbot, win.view, lambda d: d is not None and d.doc_id == mark.doc_id)
    assert mark.pid in win.view.starred  # the paragraph as it reads now is the bookmarked one
    assert data.focus == mark.para
    path.write_text(original, encoding="utf-8")
    win.update_index()
    wait_for(qtbot, [win.session.index_done, win.session.index_failed],
             lambda: not win.session.indexing and win.bookmarks_model.rows[0].status == "ok")
    assert win.bookmarks_model.index(0, 4).data() == ""
    assert win.bookmarks_model.rows[0].pid == hit.pid


def test_bad_query_shows_a_readable_message_and_suggestion_is_clickable(qtbot, settings):
    win = open_window(qtbot, settings)
    win.search_box.clear()
    qtbot.keyClicks(win.search_box, "date:[2023")
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
    wait_for(qtbot, [win.session.search_failed], win.message.isVisible)
    assert "Traceback" not in win.message.text() and "date" in win.message.text().lower()
    result = search(qtbot, win, "Pyongyng")
    assert result.suggestion
    assert "Did you mean" in win.message.text()
    win.message.linkActivated.emit("suggest")
    wait_result(qtbot, win, lambda r: r.query == result.suggestion and r.total > 0)
    assert win.search_box.text() == result.suggestion


def test_completer_offers_persons_and_recent_searches(qtbot, settings):
    win = open_window(qtbot, settings)
    win.search_box.clear()
    qtbot.keyClicks(win.search_box, "summit Yoo")
    assert 'summit "Yoon Suk Yeol"' in win.completions_list()
    win.search_box.clear()
    win.search_box.insert("윤석")  # typed through an input method: no key events
    assert not win.completions_list() or all("Yoon" in c or "윤" in c
                                              for c in win.completions_list())
    search(qtbot, win, "denuclearization")
    win.search_box.clear()
    qtbot.keyClicks(win.search_box, "denuc")
    assert "denuclearization" in win.completions_list()


def test_persons_panel_searches_one_or_two_persons(qtbot, settings):
    win = open_window(qtbot, settings)
    panel = win.persons_panel
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert "Xi Jinping" in names and "Yoon Suk Yeol" in names
    panel.filter.setText("Seok-yeol")  # any spelling finds the person
    assert panel.proxy.rowCount() == 1
    panel.filter.clear()
    panel.select(["Xi Jinping", "Yoon Suk Yeol"])
    qtbot.mouseClick(panel.both_btn, Qt.MouseButton.LeftButton)
    result = wait_result(qtbot, win, lambda r: win.request.person_mode == "all"
                         and len(win.request.persons) == 2)
    assert result.total > 0
    assert all({"Xi Jinping", "Yoon Suk Yeol"} <= set(h.persons) for h in win.model.hits)


def test_sorting_history_and_saved_searches(qtbot, settings):
    win = open_window(qtbot, settings)
    search(qtbot, win, "Korea")
    win.sort.setCurrentIndex(win.sort.findData("oldest"))
    wait_result(qtbot, win, lambda r: win.request.sort == "oldest")
    dates = [h.date or str(h.year) for h in win.model.hits]
    assert dates == sorted(dates)
    qtbot.keyClick(win.search_box, Qt.Key.Key_Return)  # Enter: remembered at once
    wait_for(qtbot, [win.history_timer.timeout], lambda: win.store.history(limit=1))
    assert win.store.history(limit=1)[0]["query"] == "Korea"
    win.toggle_filter("year", "2024")
    wait_result(qtbot, win, lambda r: win.request.years == [2024])
    win.save_search("Korea in 2024")
    saved = win.store.saved_search("Korea in 2024")
    assert saved["query"] == "Korea" and saved["filters"]["years"] == [2024]
    win.clear_filters()
    search(qtbot, win, "")
    win._fill_saved_menu()
    action = next(a for a in win.saved_menu.actions() if a.text() == "Korea in 2024")
    action.trigger()
    result = wait_result(qtbot, win, lambda r: r.query == "Korea" and win.request.years == [2024])
    assert all(h.year == 2024 for h in win.model.hits) and result.total > 0


def test_window_builds_a_missing_index_in_the_background(qtbot, tmp_path):
    settings = Settings(corpus=CORPUS, index=tmp_path / "index", data_dir=tmp_path)
    assert not index_exists(settings.index)
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert win.isVisible()  # at once, before any index exists
    wait_for(qtbot, [win.session.index_done, win.session.index_failed],
             lambda: win.index_report is not None or win.index_error, timeout=2 * WAIT)
    assert win.index_error is None, win.index_error
    assert win.index_report.total_files == 5 and not win.index_report.failed
    assert f"{SEED_PARAGRAPHS} paragraphs" in win.statusBar().currentMessage()
    wait_result(qtbot, win, lambda r: r.total == SEED_PARAGRAPHS)
    assert not is_stale(settings)


def test_index_problems_are_listed_in_a_dialog(qtbot, tmp_path):
    from searchapp.gui.panels import ProblemsDialog

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.html").write_bytes(b"\x00\x01\x02" * 100)
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    win = open_window(qtbot, settings)  # after the launch's update: its report is in
    assert [p for p, _ in win.index_report.failed] == ["broken.html"]
    assert win.problems_btn.isVisible() and "1 file skipped" in win.problems_btn.text()
    # the dialog names the file by its full path (folder and all), as a file manager does
    dialog = win.show_problems()
    assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
    assert Path(dialog.table.item(0, 0).text()) == corpus / "broken.html"
    assert dialog.table.item(0, 1).text()
    dialog.close()


def test_the_app_launches_builds_its_index_and_freezes_its_startup_heap(tmp_path):
    """``searchapp`` with no arguments, as a user starts it: the index is built on first
    start, the first results arrive, and the objects alive then are taken out of the
    garbage collector's full passes (which held the GUI thread ~50 ms each)."""
    code = ("import gc, sys\n"
            "from searchapp.gui.app import run\n"
            "rc = run(sys.argv)\n"
            "print('exit', rc, 'frozen', gc.get_freeze_count())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEARCHAPP_QUIT_WHEN_READY": "1",
           "SEARCHAPP_CORPUS": str(CORPUS), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    words = proc.stdout.split()
    assert words[:2] == ["exit", "0"], proc.stdout
    assert int(words[words.index("frozen") + 1]) > 10_000
    assert index_exists(tmp_path / "index")
