"""Main window.

This first version is a reader for the cleaned corpus: the documents are
loaded off the GUI thread, listed on the left, and the selected one is shown
on the right with its metadata, paragraph kinds and persons.  After loading,
the search index is brought up to date in the background (built on first
start).  The search UI over it is the next step.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTextBrowser,
)

from searchapp.config import Settings
from searchapp.corpus import Corpus
from searchapp.document import Document
from searchapp.gui.jobs import run_job
from searchapp.gui.models import DocumentListModel, DocumentRole
from searchapp.index import IndexReport, is_stale, update_index

KIND_STYLE = {
    "title": "font-size:17pt;font-weight:600;",
    "heading": "font-size:13pt;font-weight:600;margin-top:10px;",
    "caption": "color:palette(mid);font-style:italic;",
    "credit": "color:palette(mid);",
    "note": "color:palette(mid);font-style:italic;",
    "label": "color:palette(mid);text-transform:uppercase;font-size:9pt;",
}


def document_html(doc: Document) -> str:
    """The viewer's HTML for a document; all document text is escaped."""
    m = doc.meta
    esc = html.escape
    head = [f"<p style='color:palette(mid)'>{esc(m.source or 'Unknown source')} · "
            f"{esc(m.date or (str(m.year) if m.year else 'undated'))}"
            + (f" · {esc(', '.join(m.authors))}" if m.authors else "") + "</p>"]
    if doc.persons:
        head.append("<p><b>Persons:</b> " + esc(", ".join(doc.persons)) + "</p>")
    body = []
    for p in doc.paragraphs:
        style = KIND_STYLE.get(p.kind, "")
        tag = "" if p.kind in ("body", "title", "heading") else f"<small>[{p.kind}]</small> "
        body.append(f"<p id='p{p.num}' style='{style}'>{tag}{esc(p.text)}</p>")
    return "".join(body[:1] + head + body[1:])


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("searchapp")
        self.model = DocumentListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.viewer = QTextBrowser()
        self.viewer.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().showMessage(f"Reading {settings.corpus} …")
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self.failures: list[tuple[str, str]] = []
        self.index_report: IndexReport | None = None
        self.index_error: str | None = None
        self.resize(1100, 720)
        state = QSettings("searchapp", "searchapp")
        if state.value("geometry") is not None:
            self.restoreGeometry(state.value("geometry"))
        self._job = run_job(lambda: Corpus.open(settings).load_all(), self._loaded, self._failed)

    def _loaded(self, corpus: Corpus) -> None:
        self.progress.hide()
        self.failures = corpus.failures
        self.model.set_documents(corpus.documents)
        msg = f"{len(corpus.documents)} documents, " \
              f"{sum(len(d.paragraphs) for d in corpus.documents)} paragraphs"
        if corpus.failures:
            msg += f" · {len(corpus.failures)} files skipped"
        self._corpus_message = msg
        self.statusBar().showMessage(msg)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update_index()

    def _update_index(self) -> None:
        """Build or refresh the index off the GUI thread when the corpus changed."""
        settings = self.settings

        def work():
            return update_index(settings) if is_stale(settings) else None

        self.progress.show()
        self._index_job = run_job(work, self._indexed, self._index_failed)

    def _indexed(self, report: IndexReport | None) -> None:
        self.progress.hide()
        self.index_report = report
        base = self._corpus_message
        if report is None:
            self.statusBar().showMessage(f"{base} · index up to date")
            return
        msg = f"{base} · index: {report.total_paragraphs} paragraphs"
        if report.failed:
            msg += f", {len(report.failed)} files failed"
        self.statusBar().showMessage(msg)

    def _index_failed(self, message: str) -> None:
        self.progress.hide()
        self.index_error = message
        self.statusBar().showMessage(f"Index not updated: {message}")

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().showMessage("Could not read the corpus")
        QMessageBox.warning(self, "searchapp", f"Could not read the corpus:\n{message}")

    def _show_current(self, index) -> None:
        doc = index.data(DocumentRole)
        if doc is not None:
            self.viewer.setHtml(document_html(doc))

    def closeEvent(self, event) -> None:
        QSettings("searchapp", "searchapp").setValue("geometry", self.saveGeometry())
        super().closeEvent(event)


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("searchapp")
    window = MainWindow(Settings.resolve())
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
