"""The main window's bookmarks, exports, history and saved searches.

A mixin of :class:`~searchapp.gui.main_window.MainWindow` (it uses the window's
store, models, views and status bar); kept apart so that the window's module
holds only its layout and wiring.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from searchapp.errors import BookmarkError
from searchapp.gui.models import HitRole
from searchapp.gui.search_state import app_request, describe
from searchapp.model import DocumentData

HISTORY_SCAN = 300  # history rows read to find the latest distinct searches


class LibraryActions:
    """Bookmarks (star, open, export), history and saved searches."""

    def _starred_pids(self, doc_id: str) -> set[str]:
        return {pid for d, pid in self._starred if d == doc_id}

    def _refresh_stars(self) -> None:
        """Re-read which passages are bookmarked (after a bookmark or index change)."""
        self._starred = self.bookmarks_model.keys()
        self.model.set_starred(self._starred)
        for v in (self.view, self.pinned_view):
            if v.data is not None and not v.data.snapshot:
                v.set_starred(self._starred_pids(v.data.doc_id))

    def toggle_bookmark(self, paragraph: dict) -> None:
        """Bookmark a passage, or remove its bookmark if it has one."""
        try:
            existing = self.store.find(paragraph["doc_id"], paragraph["pid"])
            if existing:
                if not self.bookmarks_panel.confirm_removal(existing):
                    return
                self.store.remove(existing.id)
                self.statusBar().showMessage("Bookmark removed", 3000)
            else:
                self.store.add(paragraph, folder_path=self.settings.folder_path_of(paragraph))
                self.statusBar().showMessage(
                    "Bookmarked — add a note or tags in the Bookmarks panel", 4000)
        except BookmarkError as exc:
            QMessageBox.warning(self, "searchapp", str(exc))
            return
        self.bookmarks_panel.reload()
        self._refresh_stars()

    def bookmark_current(self) -> None:
        focus = QApplication.focusWidget()
        for v in (self.pinned_view, self.view):
            if v.isVisible() and focus is not None and v.isAncestorOf(focus):
                p = v.current_paragraph()
                if p is not None:
                    self.toggle_bookmark(p)
                return
        hit = self.results.currentIndex().data(HitRole)
        if hit is not None:
            self.toggle_bookmark(hit.to_json())

    def open_bookmark(self, bookmark) -> None:
        """Its document, at its paragraph; else the text saved with it, saying why."""
        if bookmark.folder_removed(self.settings.listed):
            self.view.show_document(DocumentData.from_bookmark(
                bookmark, f"Its folder, {bookmark.folder_path}, was removed from your folders"))
        elif bookmark.status == "missing":
            self.view.show_document(DocumentData.from_bookmark(bookmark))
        else:  # a bookmark of a folder this index does not hold (a one-off folder's)
            where = bookmark.folder_path or "another folder"
            self.open_document(bookmark.doc_id, bookmark.para, fallback=DocumentData.from_bookmark(
                bookmark, f"This passage is in {where}, which is not searched here"))

    def export_bookmarks(self, fmt: str, path: str | Path | None = None, rows=None) -> Path | None:
        if path is None:
            ext = {"md": "Markdown (*.md)", "csv": "CSV (*.csv)", "json": "JSON (*.json)"}[fmt]
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export bookmarks", str(Path.home() / f"bookmarks.{fmt}"), ext)
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        try:
            path.write_text(self.store.export(fmt, rows), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, "searchapp", f"Could not write {path}: {exc.strerror or exc}")
            return None
        self.statusBar().showMessage(f"Bookmarks exported to {path}", 5000)
        return path

    # -- history and saved searches -------------------------------------------------------

    def recent_searches(self, limit: int = 20) -> list[dict]:
        """The app's own searches, each distinct one once, the most recent first."""
        seen, out = set(), []
        for h in self.store.history(limit=HISTORY_SCAN, origin="app"):
            key = (h["query"], json.dumps(h["filters"], sort_keys=True))
            if key not in seen:
                seen.add(key)
                out.append(h)
        return out[:limit]

    def _fill_history_menu(self) -> None:
        menu = self.history_menu
        menu.clear()
        entries = self.recent_searches()
        if not entries:
            menu.addAction("(no searches yet)").setEnabled(False)
        for h in entries:
            label = describe(h["query"], h["filters"])
            action = menu.addAction(label if len(label) <= 90 else label[:89] + "…",
                                    lambda h=h: self.apply_request(
                                        app_request(h["query"], h["filters"])))
            action.setToolTip(label)
        menu.addSeparator()
        menu.addAction("Clear history", self.store.clear_history)

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        saved = self.store.saved_searches()
        if not saved:
            menu.addAction("(none: Search ▸ Save this search…)").setEnabled(False)
        for s in saved:
            menu.addAction(s["name"], lambda s=s: self.apply_request(
                app_request(s["query"], s["filters"])))
        if saved:
            delete = menu.addMenu("Delete")
            for s in saved:
                delete.addAction(s["name"], lambda n=s["name"]: self.store.delete_saved_search(n))

    def save_search(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, "Save search", "Name of this search:",
                                            text=self.search_box.text()[:40])
            if not ok:
                return
        req = self._current_request()
        try:
            self.store.save_search(name, req.query, {**req.filters(), "sort": req.sort})
        except BookmarkError as exc:
            QMessageBox.warning(self, "searchapp", str(exc))
            return
        self.statusBar().showMessage(f"Saved search '{name}'", 4000)
