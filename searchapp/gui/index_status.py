"""The main window's side of indexing: progress, results, problems, warnings.

A mixin of :class:`~searchapp.gui.main_window.MainWindow`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from searchapp.gui.panels import ProblemsDialog
from searchapp.index import index_exists
from searchapp.model import IndexReport
from searchapp.procs.indexer import PERSONS_PROGRESS, SCANS_PROGRESS, scans_progress_text


class IndexStatus:
    """Index updates as the window shows them."""

    def update_index(self, rebuild: bool = False) -> None:
        if not self.session.update_index(rebuild=rebuild):
            self.statusBar().showMessage("The index is already being updated", 3000)

    def _index_started(self) -> None:
        self.index_error = None
        self.progress.setRange(0, 0)
        self._show_progress("Checking your folders…")
        self.update_action.setEnabled(False)
        if not self.session.engine_open:  # at launch: say what is going on
            if index_exists(self.settings.index):
                self.count.setText("Checking for changes…")
            else:
                self.count.setText("Building the index for the first time…")

    def _index_progress(self, done: int, total: int, label: str) -> None:
        if label == PERSONS_PROGRESS:  # the persons stage, after keyword indexing
            text = f"Finding persons {done:,}/{total:,} paragraphs"
        elif label == SCANS_PROGRESS:  # the OCR stage, after the text documents
            text = scans_progress_text(done, total)
        else:
            text = f"Indexing {done:,}/{total:,} files"
        if total and done >= total:  # a step is over and the next has not said so yet:
            self.progress.setRange(0, 0)  # busy, not a full bar that seems stuck
            text = f"{text}; finishing…"
        else:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)
        self._show_progress(text, label)

    def _show_progress(self, text: str, tip: str = "") -> None:
        """The indexer's step, in the status bar's label beside the bar."""
        self.progress_label.setText(text)
        for w in (self.progress_label, self.progress):
            w.setToolTip(tip)
            w.show()

    def _hide_progress(self) -> None:
        self.progress_label.hide()
        self.progress.hide()

    def _indexed(self, report: IndexReport | None) -> None:
        self._hide_progress()
        self.update_action.setEnabled(True)
        if report is None or report.checked:  # nothing changed
            self.statusBar().showMessage("Index up to date", 4000)
            if report is not None:  # what could not be used stays listed
                self.index_report = report
                self._set_problems(report)
            return
        self.index_report = report
        if report.recovered:
            self._warn("The index was damaged",
                       f"The index at {self.settings.index} could not be read "
                       f"({report.recovered}). It has been rebuilt from the corpus; "
                       "your bookmarks were not touched.")
        msg = (f"Index: {report.total_paragraphs:,} paragraphs from {report.total_files} files"
               f" ({report.added} added, {report.updated} updated, {report.removed} removed)")
        if report.upgraded:  # one line: the index of an older version was rebuilt
            msg = f"{report.upgraded[0].upper()}{report.upgraded[1:]}. {msg}"
        if report.scans:  # "scans: 40 pages of 3 files read …" or "OCR not installed …"
            msg = f"{msg}; {report.scans}"
        self.statusBar().showMessage(msg)
        self._set_problems(report)
        self.bookmarks_panel.reread()  # the stars with it (panel.changed)
        if report.removed or report.updated:
            self.recheck_documents()

    def recheck_documents(self) -> None:
        """A document open in a viewer that left the index (its folder removed, its
        file deleted) is closed with a line saying why, not left on screen as if it
        were still searched."""
        for view in (self.view, self.pinned_view):
            data = view.data
            if data is None or data.snapshot:
                continue

            def gone(missing: bool, view=view, data=data) -> None:
                if missing and view.data is data:
                    view.clear(self._gone_text(data))

            self.session.call(lambda engine, d=data.doc_id: engine.document(d, None, [], []) is None,
                              gone,
                              lambda _m: None)

    def _gone_text(self, data) -> str:
        title = data.title
        folder = data.meta.get("folder")
        if folder and folder not in {f.name for f in self.settings.folders}:
            return f"“{title}” is no longer searched: its folder '{folder}' was removed."
        return f"“{title}” is no longer in your folders: its file was deleted or moved."

    def _index_partial(self, report: IndexReport) -> None:
        """New text is searchable; the indexer goes on (persons, scans)."""
        self.statusBar().showMessage(
            f"Searchable: {report.total_paragraphs:,} paragraphs from {report.total_files} "
            "files; still working…")
        self.progress.setRange(0, 0)
        self._show_progress("Files indexed; still working…")

    def _index_failed(self, message: str) -> None:
        self._hide_progress()
        self.update_action.setEnabled(True)
        self.index_error = message
        self.statusBar().showMessage(f"Index not updated: {message}")
        self._set_problems(self.index_report)

    def _set_problems(self, report: IndexReport | None) -> None:
        """The status bar's button: how many files were skipped and how many read in part
        (each file once, whatever the number of its problems)."""
        text = report.problems_line() if report is not None else ""
        n = bool(text) + (1 if self.index_error else 0)
        self.problems_btn.setText(f"⚠ {text}" if text else "⚠ index problem")
        self.problems_btn.setToolTip("Show what the indexer could not read")
        self.problems_btn.setVisible(n > 0)

    def _warn(self, title: str, text: str) -> None:
        """Tell the user about damage that was found and repaired (a non-blocking dialog)."""
        self.warnings.append(text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_problems(self) -> ProblemsDialog:
        """The Index problems dialog (window-modal, closed by the user): each file the
        indexer could not read, by its full path, and why."""
        dialog = ProblemsDialog(self.index_report, self.index_error, self,
                                locate=self.settings.file_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
