"""The viewers follow the current search and the side-by-side (pytest-qt, offscreen):
a document stays open when a new search runs, with that search's highlights (none, and
a line saying so, when it matches nothing there); closing the version read beside it
takes the comparison's header and marks with it; two versions that differ in their
headline and one word say exactly that."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import open_window, search, wait_for, wait_shown  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402

DATELINE = "OSLO, May 9 (NTB) - "
BODY = [
    "Bus drivers in the Oslo region voted on Thursday to end a six-day {word} that had "
    "left most suburban routes without service, the drivers' union said.",
    "\"Nobody should drive eleven hours without a proper break,\" said Ingrid Haugvaldstad, "
    "who chairs the union's Oslo branch, speaking outside the Alnabru depot.",
    "The transport authority said the agreement would cost about forty million kroner a "
    "year and that timetables would be back to normal by Monday morning.",
]


@pytest.fixture
def versions(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, title, word in (("a_first.txt", "Oslo bus strike ends after six days", "strike"),
                              ("b_second.txt", "Drivers back at the wheel in Oslo", "walkout")):
        body = [DATELINE + BODY[0].format(word=word), *BODY[1:]]
        (folder / name).write_text("\n\n".join([title, *body]), "utf-8")
    (folder / "c_other.txt").write_text(
        "Tramway plans approved\n\nThe city council approved the tramway extension to the "
        "eastern suburbs on Wednesday after a two-year planning dispute.", "utf-8")
    (folder / "catalog.toml").write_text(
        '[[document]]\npath = "a_first.txt"\nsource = "Fjord Post"\ndate = "2024-05-09"\n\n'
        '[[document]]\npath = "b_second.txt"\nsource = "Nordic Ledger"\ndate = "2024-05-10"\n',
        "utf-8")
    s = Settings(corpus=folder, index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    return s


def open_first(qtbot, win, query: str):
    search(qtbot, win, query)
    hit = win.model.hits[0]
    win.results.setCurrentIndex(win.model.index(0, 0))
    return wait_shown(qtbot, win.view, lambda d: d is not None and d.query == query
                      and d.doc_id == hit.doc_id and d.focus == hit.para)


def compare_side_by_side(qtbot, win):
    data = open_first(qtbot, win, "kroner")
    wait_shown(qtbot, win.view, lambda d: d is not None and d.versions)
    win.view.versions_menu.actions()[0].trigger()
    wait_for(qtbot, [win.view.shown, win.pinned_view.shown],
             lambda: win.pinned_view.isVisible() and win.pinned_view.data is not None
             and win.pinned_view.data.compared_with is not None
             and win.view.data is not None and win.view.data.compared_with is not None)
    return data


def test_highlights_follow_the_current_search(qtbot, versions):
    win = open_window(qtbot, versions, persons=False)
    data = open_first(qtbot, win, "kroner")
    assert data.marks and win.view.hits
    doc_id = data.doc_id
    search(qtbot, win, "zzyzxnothing")  # matches nothing: the document stays, unmarked
    assert win.result.total == 0
    shown = wait_shown(qtbot, win.view, lambda d: d is not None and d.query == "zzyzxnothing")
    assert shown.doc_id == doc_id and not shown.marks and not win.view.hits
    assert "kroner" not in [t.lower() for t in _highlighted(win.view)]
    assert "Nothing in this document matches the current search" in win.view.header.text()
    assert win.view.hit_label.text() == "no highlights"
    search(qtbot, win, "depot")  # another word of it: highlighted now, the note gone
    shown = wait_shown(qtbot, win.view, lambda d: d is not None and d.query == "depot")
    assert shown.doc_id == doc_id and shown.marks
    assert [t.lower() for t in _highlighted(win.view)] == ["depot"]
    assert "Nothing in this document" not in win.view.header.text()
    win.view.grab().save(str(versions.data_dir / "follows.png"))


def _highlighted(view) -> list[str]:
    """The text of each highlight the viewer navigates (F3)."""
    text = view.browser.document().toPlainText()
    return [text[pos:pos + length] for pos, length in view.hits]


def test_versions_header_counts_what_is_missing_and_closing_ends_it(qtbot, versions):
    win = open_window(qtbot, versions, persons=False)
    compare_side_by_side(qtbot, win)
    for view in (win.view, win.pinned_view):
        header = view.header.text()
        assert "Beside" in header and "it does not have" not in header, header
        assert "differ in 2 paragraphs" in header, header  # the headline and one word
        marked = [p["body"][s:e] for p in view.data.paragraphs
                  for s, e in view.data.differences.get(p["para"], [])]
        assert not any("OSLO" in m or "NTB" in m for m in marked), marked
        assert any(m in ("strike", "walkout") for m in marked), marked
    win.grab().save(str(versions.data_dir / "versions.png"))
    win.pinned_view.pin_btn.click()  # "Close ✕"
    shown = wait_shown(qtbot, win.view, lambda d: d is not None and d.compared_with is None)
    assert not win.pinned_view.isVisible()
    assert not shown.differences and "Beside" not in win.view.header.text()
    assert "underline" not in win.view.browser.toHtml()
    win.grab().save(str(versions.data_dir / "closed.png"))


def test_opening_another_document_ends_the_pinned_versions_header(qtbot, versions):
    win = open_window(qtbot, versions, persons=False)
    compare_side_by_side(qtbot, win)
    assert "Beside" in win.pinned_view.header.text()
    other = open_first(qtbot, win, "tramway")  # the main viewer: another story
    assert other.compared_with is None
    wait_shown(qtbot, win.pinned_view, lambda d: d is not None and d.compared_with is None)
    assert "Beside" not in win.pinned_view.header.text()
    assert not win.pinned_view.data.differences
