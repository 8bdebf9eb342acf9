"""Copies in the app: one result per story run by several outlets ("also in 3:
Yonhap, The Korea Herald, …", listed on a click), a toggle that lists every copy,
and the other versions of a story read side by side with the words that differ
underlined.  A mixin of :class:`~searchapp.gui.main_window.MainWindow`."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from searchapp.model import Hit, SearchResult


def count_html(result: SearchResult) -> str:
    """"<b>12</b> paragraphs", or with copies folded "<b>5</b> passages, 7 paragraphs"."""
    n = result.paragraphs or result.total
    text = f"<b>{n:,}</b> paragraph{'s' if n != 1 else ''}"
    if result.total != n:
        text = (f"<b>{result.total:,}</b> passage{'s' if result.total != 1 else ''}, "
                f"{n:,} paragraph{'s' if n != 1 else ''}")
    return text


class CopiesActions:
    """The window's copies controls (needs ``state``, ``model``, ``results``, ``view``,
    ``pinned_view``, ``viewers`` and ``open_document`` from the window)."""

    def _build_copies(self) -> QToolButton:
        """The "All copies" toggle beside the sort order (and its menu action)."""
        self.all_copies_action = QAction("Show every &copy", self)
        self.all_copies_action.setCheckable(True)
        self.all_copies_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.all_copies_action.setToolTip(
            "List every copy of a story that several outlets ran (Ctrl+Shift+C); off: one "
            "result per story, the other outlets named under it")
        self.all_copies_action.toggled.connect(self.state.set_all_copies)
        self.all_copies_btn = QToolButton()
        self.all_copies_btn.setDefaultAction(self.all_copies_action)
        self.all_copies_btn.setText("All copies")
        self.results.delegate.copies_toggled.connect(self.model.toggle_copies)
        self.results.delegate.copy_clicked.connect(self.open_copy)
        for v in (self.view, self.pinned_view):
            v.version_chosen.connect(lambda doc_id, v=v: self.compare_version(v, doc_id))
        return self.all_copies_btn

    def _show_all_copies(self, on: bool) -> None:
        """Show the request's setting (a restored or saved search) without searching."""
        self.all_copies_action.blockSignals(True)
        self.all_copies_action.setChecked(on)
        self.all_copies_action.blockSignals(False)

    def open_copy(self, hit: Hit, i: int) -> None:
        """Open one of the copies a result stands for in the viewer."""
        c = hit.copies[i]
        self.open_document(c["doc_id"], c["para"])

    def compare_version(self, view, doc_id: str) -> None:
        """Read another version of the story beside the document in ``view``: that one
        pinned on the left, the other on the right, each with the words the other
        lacks underlined."""
        data = view.data
        if data is None:
            return
        here = data.doc_id
        focus = self._paragraph_in(doc_id, data)
        self.open_document(here, view.current_para, self.pinned_view, compare_to=doc_id)
        self.pinned_view.show()
        self.viewers.setSizes([1, 1])
        self.open_document(doc_id, focus, self.view, compare_to=here)

    def _paragraph_in(self, doc_id: str, data) -> int | None:
        """The paragraph of ``doc_id`` that copies the current result, if one does."""
        current = self.results.currentIndex()
        hit = self.model.hits[current.row()] if current.isValid() else None
        if hit is not None and hit.doc_id == data.doc_id:
            return next((c["para"] for c in hit.copies if c["doc_id"] == doc_id), None)
        return None
