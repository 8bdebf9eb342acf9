"""The side panels' small defects a new user's trial found (session 16): date fields that
showed sample dates, a facet header over nothing, Persons columns cut at the panel's
edge, an edited bookmark that did not say what changed.  Panels built alone, offscreen."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import QModelIndex, Qt  # noqa: E402

ROWS = [  # the Persons tab's rows: a long name, a role, spellings
    {"name": "Gurudev Sri Sri Ravi Shankar Venkataraman", "aliases": ["Ravi Shankar"],
     "role": "spiritual leader", "paragraphs": 1234, "quoted": 56, "documents": 789,
     "curated": False,
     "evidence": {"spellings": [{"text": "Ravi Shankar", "mentions": 3, "documents": 2,
                                 "why": "short name, named in full nearby"}]}},
    {"name": "Yoon Suk Yeol", "aliases": ["Yoon Seok-yeol"], "role": "", "paragraphs": 24,
     "quoted": 3, "documents": 3, "curated": True},
]


def shown(qtbot, widget, width: int, height: int = 500):
    widget.resize(width, height)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_the_date_fields_show_a_format_to_fill_in_not_a_date(qtbot):
    from searchapp.gui.filters import FacetPanel

    panel = shown(qtbot, FacetPanel(), 290)
    for edit in (panel.date_from, panel.date_to):
        hint = edit.placeholderText()
        assert "YYYY" in hint and not re.search(r"\d", hint)  # no sample date to misread
        # the whole hint is on screen at the panel's default width
        assert edit.fontMetrics().horizontalAdvance(hint) < edit.width()


def test_a_facet_group_with_no_value_in_the_results_is_not_shown(qtbot):
    from searchapp.gui.filters import FacetPanel

    panel = shown(qtbot, FacetPanel(), 290)
    groups = panel.model.groups
    panel.set_counts({"person": [{"value": "Cho Tae-oh", "count": 1}], "year": [
        {"value": "2026", "count": 1}]}, {}, {})
    hidden = {f for f, g in groups.items() if panel.tree.isRowHidden(g.row(), QModelIndex())}
    assert "place" in hidden and "source" in hidden and not {"person", "year"} & hidden
    panel.set_counts({"place": [{"value": "Seoul", "count": 2}]}, {}, {})
    place = groups["place"]
    assert not panel.tree.isRowHidden(place.row(), QModelIndex())
    assert panel.tree.isExpanded(panel.model.indexFromItem(place))
    assert panel.tree.isRowHidden(groups["person"].row(), QModelIndex())
    # a value the user excluded keeps its group shown, though no result has it
    panel.set_counts({}, {}, {"place": ["Tokyo"]})
    assert not panel.tree.isRowHidden(place.row(), QModelIndex())


def _cut(table) -> list[str]:
    """The shown columns that do not end inside the table's viewport."""
    width = table.viewport().width()
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if not table.isColumnHidden(c)
            and table.columnViewportPosition(c) + table.columnWidth(c) > width]


def test_no_persons_column_is_cut_at_the_panels_edge(qtbot):
    from searchapp.gui.panels import PersonsPanel

    panel = shown(qtbot, PersonsPanel(), 270)  # the window's dock at its default width
    panel.set_rows(ROWS)
    table = panel.table
    assert _cut(table) == []
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())  # laid out again
    shown_now = [c for c in range(7) if not table.isColumnHidden(c)]
    assert shown_now == [0, 1, 2, 3]  # the name and every count (issue 33)
    # wider (the dock dragged out): the other columns come in, whole, in their order
    panel.resize(900, 500)
    qtbot.waitUntil(lambda: not table.isColumnHidden(6))
    assert _cut(table) == [] and not any(table.isColumnHidden(c) for c in range(7))
    panel.resize(420, 500)
    qtbot.waitUntil(lambda: table.isColumnHidden(6))
    assert _cut(table) == []
    hidden = [c for c in range(7) if table.isColumnHidden(c)]
    assert hidden == list(range(hidden[0], 7))  # never a gap: the columns keep their order


def test_an_edited_bookmark_says_what_changed_and_stops_when_restored(qtbot, tmp_path):
    """The Status column (the place the app says "edited") names the change; its
    tooltip has the text bookmarked and the text now; a restored file clears it."""
    from searchapp.config import Settings
    from searchapp.gui.models import BookmarksModel
    from searchapp.gui.panels import BookmarksPanel
    from searchapp.index.update import update_index
    from searchapp.search.engine import SearchEngine, SearchRequest
    from searchapp.store import open_store

    text = ("Harbour talks\n\nThe port authority said the talks would resume in "
            "Rotterdam next week.\n\nUnion leader Marta Vos said the workers \"will not "
            "accept a pay offer below inflation.\"\n")
    (tmp_path / "corpus").mkdir()
    f = tmp_path / "corpus" / "talks.txt"
    f.write_text(text, encoding="utf-8")
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    store = open_store(s.bookmarks_db)

    def reanchor():
        with SearchEngine.open(s) as engine:
            store.reconcile(engine)

    with SearchEngine.open(s) as engine:
        hit = engine.search(SearchRequest(query="Vos")).hits[0]
        store.add(engine.paragraph(hit.key))
    model = BookmarksModel(store)
    panel = shown(qtbot, BookmarksPanel(model), 1000, 300)
    status = model.index(0, BookmarksModel.STATUS)
    assert status.data() == ""
    f.write_text(text.replace("below inflation", "that trails inflation"), encoding="utf-8")
    update_index(s)
    reanchor()
    panel.reload()
    status = model.index(0, BookmarksModel.STATUS)
    assert status.data() == "edited: “below” → “that trails”"
    tip = status.data(Qt.ItemDataRole.ToolTipRole)
    assert "below inflation" in tip and "that trails inflation" in tip
    # the passage column keeps the text bookmarked
    assert "below inflation" in model.index(0, 0).data()
    # the status is on screen whole; the column is narrow when there is none
    header, metrics = panel.table.horizontalHeader(), panel.table.fontMetrics()
    assert header.sectionSize(BookmarksModel.STATUS) > metrics.horizontalAdvance(status.data())
    f.write_text(text, encoding="utf-8")
    update_index(s)
    reanchor()
    panel.reload()
    assert model.index(0, BookmarksModel.STATUS).data() == ""
    assert model.rows[0].status == "ok"
    assert header.sectionSize(BookmarksModel.STATUS) < metrics.horizontalAdvance(
        "edited: “below”")
    store.close()


def shown_text(tip: str) -> str:
    """A tooltip as Qt shows it: rich text when it looks like rich text, else as written."""
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtGui import QTextDocument

    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


@pytest.mark.parametrize("name", ["Yoon Suk Yeol", "Lee & Kim <Ltd>"])
def test_the_count_tooltips_read_as_written(qtbot, name):
    """The ¶ and Said tooltips said said:&quot;Name&quot; (escaped, shown as plain)."""
    from searchapp.gui.panels import PersonsPanel

    panel = shown(qtbot, PersonsPanel(), 270)
    panel.set_rows([dict(ROWS[1], name=name)])
    for col in (1, 2):
        tip = shown_text(panel.model.index(0, col).data(Qt.ItemDataRole.ToolTipRole))
        assert tip == f'{name}: named in 24 ¶, quoted in 3 ¶ (what they said: said:"{name}")'


def test_removing_a_bookmark_with_a_note_asks_first(qtbot, tmp_path, monkeypatch):
    """Remove (the panel's button) loses the user's note and tags: asked first; a bare
    bookmark goes without a question."""
    from PySide6.QtWidgets import QMessageBox

    from searchapp.gui.models import BookmarksModel
    from searchapp.gui.panels import BookmarksPanel
    from searchapp.store import open_store

    store = open_store(tmp_path / "bookmarks.sqlite3")
    para = {"doc_id": "d1", "path": "a.txt", "title": "Talks"}
    bare = store.add({**para, "pid": "d1-aaa", "para": 1, "body": "First."})
    noted = store.add({**para, "pid": "d1-bbb", "para": 2, "body": "Second."},
                      note="why it matters", tags=["ports"])
    panel = shown(qtbot, BookmarksPanel(BookmarksModel(store)), 900, 300)
    asked = []

    def answer(button):
        def question(*args, **kwargs):
            asked.append(args[2])
            return button
        return question

    def remove(bookmark_id):
        row = next(r for r, b in enumerate(panel.model.rows) if b.id == bookmark_id)
        panel.table.setCurrentIndex(panel.model.index(row, 0))
        panel.remove_btn.click()

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    remove(noted.id)
    assert "Note: why it matters" in asked[-1] and "#ports" in asked[-1]
    assert {b.id for b in store.list()} == {bare.id, noted.id}
    remove(bare.id)  # nothing of the user's own to lose: no question
    assert len(asked) == 1 and [b.id for b in store.list()] == [noted.id]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    remove(noted.id)
    assert store.list() == [] and panel.count.text() == "0 bookmarks"
    store.close()
