"""Curating persons in the app's Persons tab (pytest-qt, offscreen, the seed corpus).

The dialogs are answered by patching ``QInputDialog``/``QMessageBox``; the
actions run through the tab's own actions, off the GUI thread, and the
persons stage's resolution (the ``persons`` extra) applies them.
"""

from __future__ import annotations

import pytest
from gui_helpers import open_window, search, wait_for, wait_result

pytest.importorskip("PySide6")
pytest.importorskip("spacy")
pytestmark = pytest.mark.gui

from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: E402


def _rows(win) -> dict[str, dict]:
    return {r["name"]: r for r in win.persons_panel.model.rows}


def _facet(win) -> dict[str, int]:
    return {v: c for v, c, _ in win.facets.model.values("person")}


def _act(qtbot, win, op, names):
    """Select ``names`` in the Persons tab and trigger its action ``op``; wait until
    the curation is applied and the persons are loaded again."""
    panel = win.persons_panel
    panel.select(names)
    assert sorted(panel.selected()) == sorted(names)
    before = win.persons
    panel.curation_actions[op].trigger()
    wait_for(qtbot, [panel.busy_changed], lambda: not panel.busy and win.persons is not before)
    assert win.curation_error is None


def test_rename_merge_hide_in_the_persons_tab_and_they_stay(qtbot, settings, monkeypatch):
    win = open_window(qtbot, settings)
    xi = _rows(win)["Xi Jinping"]
    assert xi["curated"] and win.persons_panel.model.status(xi) == "curated"
    xi_hits = search(qtbot, win, 'person:"Xi Jinping"').total
    assert xi_hits == xi["paragraphs"]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Xi Big", True))
    _act(qtbot, win, "rename", ["Xi Jinping"])
    rows = _rows(win)
    assert "Xi Jinping" not in rows and rows["Xi Big"]["paragraphs"] == xi["paragraphs"]
    assert "Xi Jinping" in rows["Xi Big"]["aliases"]
    assert search(qtbot, win, 'person:"Xi Big"').total == xi_hits
    assert _facet(win)["Xi Big"] == xi_hits and "Xi Jinping" not in _facet(win)
    assert "Renamed 'Xi Jinping' to 'Xi Big'" in win.statusBar().currentMessage()

    # merge: the less mentioned into the most mentioned, one row, their paragraphs
    # (two persons never named in one paragraph, each by full names)
    a, b = rows["Donald Trump"], rows["Joe Biden"]
    either = search(qtbot, win, f'person:"{a["name"]}" OR person:"{b["name"]}"').total
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    _act(qtbot, win, "merge", [b["name"], a["name"]])
    rows = _rows(win)
    assert b["name"] not in rows and b["name"] in rows[a["name"]]["aliases"]
    assert rows[a["name"]]["paragraphs"] == either == a["paragraphs"] + b["paragraphs"]
    search(qtbot, win, "")  # every paragraph, after the curation
    assert _facet(win)[a["name"]] == either and b["name"] not in _facet(win)
    assert win.persons_panel.selected() == [a["name"]]

    # not a person: gone from the table and the facet
    hidden = next(r["name"] for r in sorted(rows.values(), key=lambda r: -r["paragraphs"])
                  if r["name"] not in ("Xi Big", a["name"]))
    _act(qtbot, win, "hide", [hidden])
    search(qtbot, win, "Korea")
    assert hidden not in _rows(win) and hidden not in _facet(win)
    win.close()

    # a new window on the same data folder: all of it still applied
    win2 = open_window(qtbot, settings)
    rows = _rows(win2)
    assert "Xi Big" in rows and "Xi Jinping" not in rows and hidden not in rows
    assert b["name"] not in rows and rows[a["name"]]["paragraphs"] == either
    assert search(qtbot, win2, 'person:"Xi Big"').total == xi_hits
    # and after rebuilding the index from scratch
    rebuilt, loaded = [], []  # the persons the rebuilt index gives
    win2.session.index_done.connect(rebuilt.append)
    win2.session.persons.connect(lambda rows: rebuilt and loaded.append(rows))
    win2.update_index(rebuild=True)
    wait_for(qtbot, [win2.session.persons], lambda: loaded and not win2.session.indexing)
    wait_result(qtbot, win2, lambda r: r is not None)
    assert "Xi Big" in _rows(win2)
    assert hidden not in _rows(win2) and "Xi Big" in _facet(win2)


def test_split_role_and_a_refusal_in_one_line(qtbot, settings, monkeypatch):
    win = open_window(qtbot, settings)
    yoon = _rows(win)["Yoon Suk Yeol"]
    assert "Yoon Seok-yeol" in yoon["aliases"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Yoon Seok-yeol", True))
    _act(qtbot, win, "split", ["Yoon Suk Yeol"])
    rows = _rows(win)
    assert "Yoon Seok-yeol" in rows and "Yoon Seok-yeol" not in rows["Yoon Suk Yeol"]["aliases"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Former president", True))
    _act(qtbot, win, "role", ["Yoon Suk Yeol"])
    assert _rows(win)["Yoon Suk Yeol"]["role"] == "Former president"
    panel = win.persons_panel
    panel.select(["Yoon Suk Yeol"])
    assert panel.curation_actions["rename"].isEnabled()
    assert not panel.curation_actions["merge"].isEnabled()  # one selected
    win.curate([("rename", "Nobody At All", "Somebody")])
    wait_for(qtbot, [panel.busy_changed], lambda: not panel.busy)
    assert win.curation_error is not None
    assert "no person called 'Nobody At All'" in win.curation_error
    assert "\n" not in win.curation_error and "Traceback" not in win.curation_error
    assert win.statusBar().currentMessage().startswith("Not applied: ")
    assert not panel.busy


def test_the_persons_table_says_curated_or_found_without_a_window(qtbot):
    from PySide6.QtCore import Qt

    from searchapp.gui.models import PersonRowRole, PersonsModel

    model = PersonsModel()
    model.set_rows([
        {"name": "Xi Jinping", "aliases": [], "role": "President", "paragraphs": 46,
         "documents": 5, "curated": True},
        {"name": "Zhuge Mingyang", "aliases": ["诸葛明阳"], "role": "", "paragraphs": 3,
         "documents": 1, "curated": False},
    ])
    col = PersonsModel.COLUMNS.index("Status")
    assert [model.index(r, col).data() for r in range(2)] == ["curated", "found"]
    assert "not curated" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, 0).data(PersonRowRole)["aliases"] == ["诸葛明阳"]


def test_merge_goes_into_the_most_mentioned():
    from searchapp.gui.curation import merge_steps

    rows = [{"name": "A", "paragraphs": 2}, {"name": "B", "paragraphs": 9},
            {"name": "C", "paragraphs": 1}]
    assert merge_steps(rows) == ("B", [("merge", "B", "A"), ("merge", "B", "C")])


EVIDENCE_ROWS = [
    {"name": "Yoon Suk Yeol", "aliases": ["Yoon Seok-yeol"], "role": "", "paragraphs": 24,
     "documents": 3, "curated": False,
     "evidence": {"spellings": [
         {"text": "Yoon Suk Yeol", "mentions": 3, "documents": 1, "why": "name"},
         {"text": "Yoon Seok-yeol", "mentions": 2, "documents": 1, "why": "romanization"},
         {"text": "Yoon", "mentions": 1, "documents": 1,
          "why": "family name (the only one in the collection)"}],
         "documents": 3, "examples": [{"path": "a.txt", "title": "Summit in Lima"}]}},
    {"name": "Gurudev Sri Sri Ravi Shankar Venkataraman", "aliases": [], "role": "",
     "paragraphs": 2, "documents": 1, "curated": False},
]


def test_a_persons_evidence_is_in_its_tooltip_and_detail(qtbot):
    from PySide6.QtCore import Qt

    from searchapp.gui.panels import PersonsPanel

    panel = PersonsPanel()
    qtbot.addWidget(panel)
    panel.set_rows(EVIDENCE_ROWS)
    tip = panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Yoon Seok-yeol" in tip and "romanization" in tip
    also = panel.model.COLUMNS.index("Also written")
    assert "Yoon Seok-yeol: romanization" in panel.model.index(0, also).data()
    panel.select(["Yoon Suk Yeol"])
    detail = panel.detail.toPlainText()
    assert "Yoon Seok-yeol 2× in 1 doc — romanization" in detail
    assert "the only one in the collection" in detail and "Summit in Lima" in detail
    assert "Split alias" in detail  # how to undo a merge
    panel.select([])
    assert panel.detail.toPlainText().startswith("Select a person to see each spelling")


def test_the_count_columns_stay_in_view_in_a_narrow_panel(qtbot):
    from searchapp.gui.panels import PersonsPanel

    panel = PersonsPanel()
    qtbot.addWidget(panel)
    panel.resize(270, 500)  # the main window's dock at its default width
    with qtbot.waitExposed(panel):  # laid out at that size
        panel.show()
    panel.set_rows(EVIDENCE_ROWS)
    table = panel.table
    assert table.viewport().width() > 0
    right = table.columnViewportPosition(2) + table.columnWidth(2)
    assert right <= table.viewport().width()  # ¶ and Docs are on screen
    assert table.columnWidth(0) < table.fontMetrics().horizontalAdvance(EVIDENCE_ROWS[1]["name"])
