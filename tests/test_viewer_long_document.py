"""A very long document opens at once: the viewer lays out the stretch around the
paragraph opened, and the reader moves on with "Show the text before/after"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl

from searchapp.gui.viewer import WINDOW_CHARS, DocumentView
from searchapp.model import DocumentData

pytestmark = pytest.mark.gui

SENTENCE = ("The ministry said steel tariff quotas would be reviewed in the spring, "
            "and exporters in Seoul and Accra asked for a longer transition. ")


def _document(paragraphs: int, focus: int) -> DocumentData:
    paras, marks = [], {}
    for num in range(1, paragraphs + 1):
        body = f"Paragraph {num}. " + SENTENCE * 4
        paras.append({"para": num, "pid": f"d-{num}", "doc_id": "d", "body": body,
                      "kind": "body", "mentions": [], "quotes": []})
        marks[num] = [(m.start(), m.end()) for m in re.finditer(r"steel|tariff", body)]
    return DocumentData("d", paras, marks, focus, "steel tariff",
                        meta={"title": "A long transcript", "path": "long.txt"})


def _shown(view: DocumentView) -> str:
    return view.browser.toPlainText()


def test_a_long_document_is_laid_out_around_the_paragraph_opened(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    data = _document(2000, focus=1500)  # ~700,000 characters, ~8,000 highlights
    view.show_document(data)
    start, end = view.laid_out
    assert start <= 1499 < end
    text = _shown(view)
    assert "Paragraph 1500." in text and "Paragraph 1. " not in text
    assert sum(len(p["body"]) for p in data.paragraphs[start:end]) <= WINDOW_CHARS
    assert "Show the text before" in text and "Show the text after" in text
    assert view.hits  # the highlights of the stretch shown are there to step through


def test_the_reader_moves_on_to_the_text_before_and_after(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_document(_document(2000, focus=1500))
    start, end = view.laid_out
    view.browser.anchorClicked.emit(QUrl("window:before"))
    before = view.laid_out
    assert before[0] < start and before[0] <= start - 1 < before[1]
    assert f"Paragraph {start}." in _shown(view)  # the one just before the old stretch
    view.browser.anchorClicked.emit(QUrl("window:after"))
    assert view.laid_out[1] > before[1]


def test_the_same_document_refreshed_keeps_the_stretch_the_reader_is_in(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    data = _document(2000, focus=1500)
    view.show_document(data)
    view.browser.anchorClicked.emit(QUrl("window:after"))
    moved = view.laid_out
    view.refresh(data)  # new highlights for the same document (another search)
    assert view.laid_out == moved


def test_a_short_document_is_shown_whole_without_links(qtbot):
    view = DocumentView()
    qtbot.addWidget(view)
    data = _document(40, focus=20)
    view.show_document(data)
    assert view.laid_out == (0, 40)
    text = _shown(view)
    assert "Paragraph 1. " in text and "Paragraph 40." in text
    assert "Show the text" not in text
