"""Scans in the app: searchable after the text, marked as read from a scan, and the
page image shown beside its text (pytest-qt, offscreen)."""

from __future__ import annotations

import os

import pytest
import scan_fixtures as sf
from test_ocr import make_corpus

pytest.importorskip("PySide6")
pytestmark = [pytest.mark.gui, pytest.mark.slow]

from gui_helpers import search, wait_for, wait_result  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.ingest.ocr.engine import unavailable as missing  # noqa: E402

WAIT = 240_000  # the indexer reads six pages on a busy machine


@pytest.mark.skipif(bool(missing()), reason=missing() or "OCR is installed")
@pytest.mark.skipif(not sf.fonts_available(), reason="apt-get install fonts-noto-cjk")
def test_a_scan_is_found_marked_and_its_page_shown(qtbot, tmp_path):
    from searchapp.gui.main_window import MainWindow
    from searchapp.gui.results import hit_html
    from searchapp.procs.indexer import SCANS_PROGRESS

    corpus = make_corpus(tmp_path / "corpus")
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    labels = []
    win.session.index_progress.connect(lambda done, total, label: labels.append(label))
    partial = []
    win.session.index_partial.connect(partial.append)
    with qtbot.waitSignal(win.session.index_done, timeout=WAIT) as done:
        win.show()
    report = done.args[0]
    assert SCANS_PROGRESS in labels and partial  # the text was searchable before the scans
    assert report.scans.startswith("scans: 5 pages of 4 files read")
    assert win.progress.isHidden()

    result = search(qtbot, win, '"Camp David"')
    # the photo of the scan's first page is a copy of it, folded under it
    assert len(result.hits) == 1 and result.hits[0].scan
    found = {(h.path, h.page) for h in result.hits} | {
        (c["path"], None) for c in result.hits[0].copies}
    assert {p for p, _ in found} == {"two-page-scan.pdf", "photo.jpg"}
    assert "read from a scan" in hit_html(result.hits[0], "#888")

    win.search_box.setText("喫茶店")  # QtTest types ASCII only
    win.search_box.returnPressed.emit()
    result = wait_result(qtbot, win, lambda r: r.query == "喫茶店")
    hit = result.hits[0]
    view = win.view
    win.open_document(hit.doc_id, hit.para)
    wait_for(qtbot, [view.shown], lambda: view.data is not None
             and view.data.doc_id == hit.doc_id, WAIT)
    text = view.browser.toPlainText()
    assert "— p. 1 —" in text and "p. 2 · read from a scan · show the page" in text
    assert "Text read by OCR" in view.header.text()
    with qtbot.waitSignal(view.page_requested, timeout=5000):
        from PySide6.QtCore import QUrl

        view.browser.anchorClicked.emit(QUrl("page:2"))
    panel = view.page_panel
    wait_for(qtbot, [panel.shown], lambda: panel.isVisible() and panel.image.pixmap() is not None
             and not panel.image.pixmap().isNull(), WAIT)  # the image, not "Loading…"
    assert panel.page == 2 and panel.title.text().startswith("Page 2")
    shot = os.environ.get("SEARCHAPP_SCREENSHOT_DIR")
    if shot:  # looked at by hand: docs/screenshots/take_scan.py
        win.grab().save(str(tmp_path / "scan.png") if shot == "tmp" else
                        os.path.join(shot, "scan.png"))
    win.close()


@pytest.mark.skipif(not sf.fonts_available(), reason="apt-get install fonts-noto-cjk")
def test_without_ocr_the_window_says_so_and_lists_the_scans(qtbot, tmp_path, monkeypatch):
    from searchapp.gui.main_window import MainWindow

    corpus = make_corpus(tmp_path / "corpus")
    (tmp_path / "no-tessdata").mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "no-tessdata"))  # the indexer's
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.session.index_done, timeout=WAIT) as done:
        win.show()
    report = done.args[0]
    assert ("korean.png", "scanned: OCR not installed (1 page not read)") in report.failed
    assert ("mixed.pdf", "scanned: OCR not installed (1 page not read)") in report.failed
    message = win.statusBar().currentMessage()
    assert "scanned: OCR not installed (" in message
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng" in message
    assert win.problems_btn.isVisible() and win.problems_btn.text() == "⚠ 4 files skipped"
    wait_for(qtbot, [win.results_shown], lambda: win.result is not None
             and win.result.total >= 3, WAIT)  # the typed text is searchable
    win.close()
