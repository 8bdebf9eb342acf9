"""The first desktop window: corpus loaded off the GUI thread and shown."""

from __future__ import annotations

import pytest
from conftest import CORPUS

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui


def test_document_model_without_window(qtbot, seed_docs):
    from searchapp.gui.models import DocumentListModel, DocumentRole

    model = DocumentListModel()
    model.set_documents(list(seed_docs.values()))
    assert model.rowCount() == 5
    first = model.index(0, 0).data(DocumentRole)
    assert first.meta.year == 2024  # newest first (004: 2024)
    assert "undated" not in model.index(0, 0).data()


def test_window_loads_corpus_and_shows_document(qtbot, tmp_path):
    from searchapp.config import Settings
    from searchapp.gui.main_window import MainWindow

    settings = Settings(corpus=CORPUS, index=tmp_path / "index", data_dir=tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=60000)
    qtbot.waitUntil(lambda: "Persons:" in window.viewer.toPlainText(), timeout=5000)
    assert "documents" in window.statusBar().currentMessage()
    window.list.setCurrentIndex(window.model.index(4, 0))  # oldest: 2019 Sejong Focus
    text = window.viewer.toPlainText()
    assert "The Sejong Institute" in text and "Chairman Kim" in text


def test_window_builds_the_index_in_the_background(qtbot, tmp_path):
    from searchapp.config import Settings
    from searchapp.gui.main_window import MainWindow
    from searchapp.index import index_exists, is_stale

    settings = Settings(corpus=CORPUS, index=tmp_path / "index", data_dir=tmp_path)
    assert not index_exists(settings.index)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.index_report is not None or window.index_error),
                    timeout=120000)
    assert window.index_error is None, window.index_error
    assert window.index_report is not None, window.statusBar().currentMessage()
    assert window.index_report.total_files == 5 and not window.index_report.failed
    assert "index: 95 paragraphs" in window.statusBar().currentMessage()
    assert not is_stale(settings)
