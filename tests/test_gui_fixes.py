"""Regressions of the window found in use: result rows that overlapped after a resize,
a huge error message, the viewer's hit counter and pinned pane, the persons
browser's Together, the status line, the bookmarks dock, recent searches and
facet groups that hid their other values.  Real index, offscreen, no mocks."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from conftest import CORPUS, SEED_PARAGRAPHS  # noqa: E402
from gui_helpers import (  # noqa: E402
    WAIT,
    open_window,
    search,
    wait_for,
    wait_opened,
    wait_result,
    wait_shown,
    wait_update_over,
)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from test_gui_app import facet_index  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402


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
    wait_result(qtbot, win, lambda r: r.total == SEED_PARAGRAPHS)
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
    wait_for(qtbot, [win.session.search_failed],
             lambda: win.message.isVisible() and "query" in win.message.text())
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


def _open_first(qtbot, win, query):
    search(qtbot, win, query)
    win.results.setCurrentIndex(win.model.index(0))
    hit = win.model.hits[0]
    wait_opened(qtbot, win, hit)  # scrolled to the paragraph
    return hit


def _counter_matches(view) -> bool:
    """The counter names the highlight the cursor is on."""
    n = len(view.hits)
    label = view.hit_label.text()
    cursor = view.browser.textCursor()
    on = [i for i, (pos, _) in enumerate(view.hits) if pos <= cursor.selectionStart()]
    return label == f"{on[-1] + 1} of {n}" if on and cursor.hasSelection() else True


def test_the_viewer_counter_follows_the_first_hit_f3_and_clicks(qtbot, settings):
    win = open_window(qtbot, settings)
    hit = _open_first(qtbot, win, "Korea")
    view = win.view
    n = len(view.hits)
    assert n >= 4
    first = next(i for i, (pos, _) in enumerate(view.hits)
                 if view._para_of_block(view.browser.document().findBlock(pos).blockNumber())
                 ["para"] == hit.para)
    assert view.hit_label.text() == f"{first + 1} of {n}"  # the highlight scrolled to
    qtbot.keyClick(view.browser, Qt.Key.Key_F3)
    assert view.hit_label.text() == f"{first + 2} of {n}" and _counter_matches(view)
    qtbot.keyClick(view.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.hit_label.text() == f"{first + 1} of {n}" and _counter_matches(view)
    # a click on a later highlight: the counter goes there, F3 goes on from it
    target = (first + 3) % n
    cursor = view.browser.textCursor()
    cursor.setPosition(view.hits[target][0] + 1)
    view.browser.ensureCursorVisible()
    view.browser.setTextCursor(cursor)
    view.browser.ensureCursorVisible()
    qtbot.mouseClick(view.browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.browser.cursorRect(cursor).center())
    assert view.hit_label.text() == f"{target + 1} of {n}"
    qtbot.keyClick(view.browser, Qt.Key.Key_F3)
    assert view.hit_label.text() == f"{(target + 1) % n + 1} of {n}" and _counter_matches(view)


def test_closing_the_pinned_pane_keeps_the_other_viewers_place(qtbot, settings):
    win = open_window(qtbot, settings)
    _open_first(qtbot, win, '"Camp David"')
    first = win.view.data.doc_id
    win.pin_document()
    other = next(i for i, h in enumerate(win.model.hits) if h.doc_id != first)
    win.results.setCurrentIndex(win.model.index(other))
    wait_shown(qtbot, win.view, lambda d: d is not None and d.doc_id != first)
    qtbot.wait(100)
    view = win.view
    for _ in range(3):
        view.next_hit()
    qtbot.wait(50)
    current, label = view.current_hit, view.hit_label.text()
    top = view.browser.cursorForPosition(view.browser.viewport().rect().topLeft())
    assert view.browser.verticalScrollBar().value() > 0
    qtbot.mouseClick(win.pinned_view.pin_btn, Qt.MouseButton.LeftButton)  # Close ✕
    qtbot.wait(200)
    assert not win.pinned_view.isVisible()
    assert view.current_hit == current and view.hit_label.text() == label
    # the line that was at the top is still at the top (re-flowed to the new width)
    cursor = view.browser.textCursor()
    cursor.setPosition(top.position())
    line = view.browser.cursorRect(cursor)
    assert 0 <= line.top() and line.bottom() < 3 * line.height(), line
    pos, _ = view.hits[current]
    cursor = view.browser.textCursor()
    cursor.setPosition(pos)
    assert view.browser.viewport().rect().contains(view.browser.cursorRect(cursor).center())


def test_together_searches_exactly_those_persons_and_the_count_says_any_or_all(qtbot, settings):
    from searchapp.gui.search_state import app_request
    from searchapp.search.engine import SearchEngine

    two = ["Xi Jinping", "Kim Jong-un"]
    with SearchEngine.open(settings) as engine:
        expect = {mode: engine.search(app_request("", persons=two, person_mode=mode)).total
                  for mode in ("any", "all")}
    assert expect["any"] > expect["all"] > 0
    win = open_window(qtbot, settings)
    win.search_box.clear()
    qtbot.keyClicks(win.search_box, "Yoo")  # the completer writes a person's name
    win._completed(win.completions_list()[0])
    wait_result(qtbot, win, lambda r: r.query == '"Yoon Suk Yeol"')
    win.toggle_exclude("person", "Kim Jong-un")
    wait_result(qtbot, win, lambda r: win.request.exclude == {"person": ["Kim Jong-un"]})
    panel = win.persons_panel
    panel.select(two)
    qtbot.mouseClick(panel.both_btn, Qt.MouseButton.LeftButton)
    result = wait_result(qtbot, win, lambda r: win.request.person_mode == "all")
    assert sorted(win.request.persons) == sorted(two) and not win.request.exclude
    assert result.total == expect["all"] and f"<b>{expect['all']}</b>" in win.count.text()
    assert "all of them" in win.count.text()
    assert "Persons: all of them (click to switch)" in [c for c, _ in win.chips.chips]
    win.chips.removed.emit(("mode", "person", ""))  # the chip switches to "any"
    result = wait_result(qtbot, win, lambda r: win.request.person_mode == "any")
    assert result.total == expect["any"] and "any of them" in win.count.text()
    assert "Persons: any of them (click to switch)" in [c for c, _ in win.chips.chips]
    # a query about something else stays: Together narrows it to those persons
    search(qtbot, win, "summit")
    qtbot.mouseClick(panel.both_btn, Qt.MouseButton.LeftButton)
    result = wait_result(qtbot, win, lambda r: r.query == "summit"
                         and win.request.person_mode == "all")
    assert all(set(two) <= set(h.persons) for h in win.model.hits)


def _launch_line(qtbot, settings) -> str:
    """The count line as the index update starts at launch."""
    from searchapp.gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    seen = []
    win.session.index_started.connect(lambda: seen.append(win.count.text()))
    win.show()
    wait_for(qtbot, [win.session.index_started], lambda: seen)
    wait_update_over(qtbot, win, timeout=2 * WAIT)
    win.close()
    return seen[0]


def test_the_launch_line_says_building_only_when_there_is_no_index(qtbot, settings, tmp_path):
    assert _launch_line(qtbot, settings) == "Checking for changes…"
    fresh = Settings(corpus=CORPUS, index=tmp_path / "fresh-index", data_dir=tmp_path / "d2")
    assert _launch_line(qtbot, fresh) == "Building the index for the first time…"
    assert _launch_line(qtbot, fresh) == "Checking for changes…"  # the next launch


def _bookmark_rows(win) -> tuple[list[int], int]:
    table = win.bookmarks_panel.table
    return [table.rowHeight(r) for r in range(table.model().rowCount())], \
        table.viewport().height()


def test_bookmark_rows_keep_one_height_and_several_fit_after_a_relaunch(qtbot, settings):
    win = open_window(qtbot, settings)
    for query in ("summit", "Trump"):
        search(qtbot, win, query)
        for hit in win.model.hits[:3]:
            win.toggle_bookmark(hit.to_json())
    qtbot.wait(100)
    first, room = _bookmark_rows(win)
    line = win.bookmarks_panel.table.fontMetrics().lineSpacing()
    assert len(first) == 6 and len(set(first)) == 1 and first[0] < 3 * line
    assert room >= 4 * first[0]  # several rows at the default height
    win.close()
    again = open_window(qtbot, settings)  # a relaunch: the window state is restored
    qtbot.wait(100)
    rows, room = _bookmark_rows(again)
    assert rows == first and room >= 4 * rows[0]


def test_recent_searches_read_as_text_once_each_without_cli_searches(qtbot, settings):
    from conftest import run_cli

    win = open_window(qtbot, settings)
    win.toggle_filter("year", "2023")
    win.toggle_exclude("person", "Donald Trump")
    search(qtbot, win, "summit")  # Enter: remembered at once
    wait_for(qtbot, [win.history_timer.timeout], lambda: win.store.history(limit=1))
    search(qtbot, win, "Korea")
    search(qtbot, win, "summit")  # the same search again
    timer = win.history_timer  # remembered when it fires: before the terminal's search
    wait_for(qtbot, [timer.timeout], lambda: not timer.isActive())
    env = {"SEARCHAPP_INDEX": str(settings.index), "SEARCHAPP_DATA_DIR": str(settings.data_dir),
           "SEARCHAPP_CORPUS": str(settings.corpus)}
    proc = run_cli("search", "Pyongyang", env=env)  # a search in the terminal
    assert proc.returncode == 0, proc.stderr
    assert win.store.history(limit=1)[0]["query"] == "Pyongyang"
    win._fill_history_menu()
    labels = [a.text() for a in win.history_menu.actions() if a.isEnabled() and a.text()]
    assert labels == ["summit — Year 2023, not Person: Donald Trump",
                      "Korea — Year 2023, not Person: Donald Trump", "Clear history"]
    win.history_menu.actions()[1].trigger()  # the older one brings its filters back
    result = wait_result(qtbot, win, lambda r: r.query == "Korea")
    assert win.request.years == [2023] and win.request.exclude == {"person": ["Donald Trump"]}
    assert result.total > 0


def test_a_store_of_an_older_version_gains_the_history_origin(tmp_path):
    import sqlite3

    from searchapp.store import open_store

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, query TEXT NOT NULL, "
               "filters TEXT NOT NULL DEFAULT '{}', ts REAL NOT NULL)")
    db.execute("INSERT INTO history (query, filters, ts) VALUES ('old', '{}', 1.0)")
    db.commit()
    db.close()
    with open_store(path) as store:
        store.add_history("new one", {}, origin="app")
        store.add_history("from the terminal")
        assert [h["query"] for h in store.history()] == ["from the terminal", "new one", "old"]
        assert [h["query"] for h in store.history(origin="app")] == ["new one"]
        assert store.history(origin="cli")[0]["origin"] == "cli"


def _click(qtbot, win, facet, value):
    tree = win.facets.tree
    idx = facet_index(win, facet, value)
    tree.scrollTo(idx)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(idx).center())


def test_ticking_a_facet_value_keeps_the_groups_other_values_to_tick(qtbot, settings):
    win = open_window(qtbot, settings)
    everything = wait_result(qtbot, win, lambda r: r.total == SEED_PARAGRAPHS)
    sources = {f["value"]: f["count"] for f in everything.facets["source"]}
    assert len(sources) >= 2
    first, second = sorted(sources, key=sources.get, reverse=True)[:2]
    _click(qtbot, win, "source", first)
    wait_result(qtbot, win, lambda r: win.request.sources == [first])
    shown = {v: (c, s) for v, c, s in win.facets.model.values("source")}
    assert shown[first] == (sources[first], "include")
    # still there, with what ticking it would add (the core counts the group without
    # its own filter)
    assert shown[second] == (sources[second], "")
    assert second in win.facets.model.shown("source")
    _click(qtbot, win, "source", second)  # a second source: OR
    result = wait_result(qtbot, win, lambda r: sorted(win.request.sources) ==
                         sorted([first, second]))
    assert result.total == sources[first] + sources[second]
    states = {v: s for v, _, s in win.facets.model.values("source")}
    assert states[first] == states[second] == "include"
    _click(qtbot, win, "source", second)  # back to one source, then another query:
    result = search(qtbot, win, "Korea")  # the other source: its count for this query
    shown = {v: (c, s) for v, c, s in win.facets.model.values("source")}
    assert shown[first][1] == "include"
    from searchapp.search.engine import SearchEngine, SearchRequest
    with SearchEngine.open(win.settings) as engine:
        alone = engine.search(SearchRequest(query="Korea", sources=[second]))
    assert shown[second] == (alone.total, "") and alone.total > 0
    assert second in win.facets.model.shown("source")
    win.clear_filters()
    result = search(qtbot, win, "")
    # the same for years
    years = {str(f["value"]) for f in result.facets["year"]}
    assert len(years) >= 2
    _click(qtbot, win, "year", "2023")
    wait_result(qtbot, win, lambda r: win.request.years == [2023])
    assert set(years) <= set(win.facets.model.shown("year"))


def test_show_all_is_offered_only_when_it_lists_more(qtbot, settings):
    from searchapp.gui.models import FacetModel, MoreRole
    from searchapp.search.engine import SearchEngine, SearchRequest

    with SearchEngine.open(settings) as engine:
        result = engine.search(SearchRequest())
    persons = [f["value"] for f in result.facets["person"]]
    assert len(persons) > FacetModel.SHOWN
    model = FacetModel()
    model.set_counts(result.facets, {"person": persons[FacetModel.SHOWN:]}, {})
    group = model.groups["person"]
    assert model.shown("person") == persons  # every value is listed already
    assert not any(group.child(r, 0).data(MoreRole) for r in range(group.rowCount()))
    model.set_counts(result.facets, {"person": persons[-1:]}, {})
    last = group.child(group.rowCount() - 1, 0)
    assert last.data(MoreRole) == "person" and last.text() == f"Show all {len(persons)}…"
    model.toggle_all("person")
    assert len(model.shown("person")) == len(persons) > FacetModel.SHOWN + 1


def test_files_that_could_not_be_used_stay_listed_when_nothing_changed(qtbot, tmp_path):
    """An unsupported or broken file indexed before: at the next launch nothing has
    changed, and the window still says which files were skipped (never "every file
    was indexed")."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "corpus" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (tmp_path / "corpus" / "empty.txt").write_text("")
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index", data_dir=tmp_path / "data")
    first = update_index(s)
    assert {p for p, _ in first.failed} == {"photo.png", "empty.txt"}
    win = open_window(qtbot, s)
    wait_for(qtbot, [win.session.index_done], lambda: win.index_report is not None)
    assert win.index_report.checked  # nothing had changed
    assert {p for p, _ in win.index_report.failed} == {"photo.png", "empty.txt"}
    assert win.problems_btn.isVisible() and "2 files skipped" in win.problems_btn.text()


def test_a_file_read_in_part_is_not_called_skipped(qtbot, tmp_path):
    """A text with a stray NUL is indexed without it: the status bar's button and the
    problems dialog tell it apart from a file that could not be used."""
    from PySide6.QtWidgets import QLabel

    shutil.copytree(CORPUS, tmp_path / "corpus")
    body = "The harbour authority said the dredging contract was signed in March. " * 40
    (tmp_path / "corpus" / "notes.txt").write_bytes(
        body[:900].encode() + b"\x00" + body[900:].encode())
    (tmp_path / "corpus" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index", data_dir=tmp_path / "data")
    win = open_window(qtbot, s)
    wait_for(qtbot, [win.session.index_done], lambda: win.index_report is not None)
    assert win.problems_btn.text() == "⚠ 1 file skipped, 1 file read in part"
    dialog = win.show_problems()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 1).text() == "1 NUL byte dropped (not text; the rest was read)"
    assert any(label.text().startswith("1 file was skipped; 1 file was indexed without the "
                                       "part named below")
               for label in dialog.findChildren(QLabel))
    dialog.grab().save(str(tmp_path / "problems.png"))
    dialog.close()
