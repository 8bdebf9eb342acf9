"""The main window's folders: add (menu, drop, first-run banner), the Folders
dialog (remove, pause, resume), and live updates from the folder watcher.

A mixin of :class:`~searchapp.gui.main_window.MainWindow`.  The folder list
itself is the core's (:mod:`searchapp.folders.folder_list`); after each change the window
takes fresh settings (``Settings.reload``), the session indexes in the
background (progress in the status bar) and restarts its engine over the new
folders, and the watcher is restarted over the active ones.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from searchapp.api import folder_rows
from searchapp.config import bundled_corpus
from searchapp.errors import FolderError
from searchapp.folders import folder_list
from searchapp.folders.watch import FolderWatcher
from searchapp.gui.jobs import run_job
from searchapp.gui.models import RowsModel

NOT_SEARCHED = "not searched"  # the bundled sample, removed from the list
SAMPLE_OFFER = ("Your folder '{name}' is searched together with the sample articles. Stop "
                "searching the sample? It stays listed in File ▸ Folders…, to search again "
                "in one click.")
REMOVE_TEXT = ("Stop searching '{name}'?\n\n{path}\n\nIts paragraphs leave the index. "
               "Your bookmarks in it are kept (marked as gone) and come back if you add "
               "the folder again. No file is deleted.")


class WatchEvents(QObject):
    """Carries the watcher's reports (from its thread) to the GUI thread."""

    changed = Signal(object)  # frozenset of paths
    said = Signal(str)


class FoldersModel(RowsModel):
    """The folder rows of :func:`searchapp.api.folder_rows`."""

    COLUMNS = ("Folder", "State", "Files", "Paragraphs", "Location")
    KEYS = ("name", "state", "files", "paragraphs", "path")  # each column's row field

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[key]
            return f"{value:,}" if isinstance(value, int) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("files", "paragraphs"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["path"]
        if role == Qt.ItemDataRole.ForegroundRole and row["state"] != "active":
            return QColor("#c0392b") if row["state"] == "missing" else QColor("#888888")
        return None


class FoldersDialog(QDialog):
    """Each folder with its state and counts; Add…, Remove, Pause/Resume."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Folders")
        self.resize(860, 320)
        self.model = FoldersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.intro = QLabel("The folders searched. Changes in them are picked up while "
                            "the app runs; a paused folder stays searchable but is not read.")
        self.intro.setWordWrap(True)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#c0392b")
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_btn = QPushButton("Add…")
        self.remove_btn = QPushButton("Remove")
        self.pause_btn = QPushButton("Pause")
        self.add_btn.clicked.connect(self._add)
        self.remove_btn.clicked.connect(lambda: self.remove_selected())
        self.pause_btn.clicked.connect(self.toggle_pause)
        buttons = QHBoxLayout()
        for b in (self.add_btn, self.remove_btn, self.pause_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        window.session.index_done.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        """Read the rows again (off the GUI thread: the manifest may be large)."""
        settings = self.window_.settings
        run_job(lambda: folder_rows(settings), self._rows, self.show_error)

    def _rows(self, rows: list[dict]) -> None:
        selected = self.selected()
        sample = bundled_corpus().resolve()
        if not self.window_.settings.one_off \
                and not any(Path(r["path"]).resolve() == sample for r in rows):
            # the bundled sample stays listed after it was removed, to search it again
            rows = [*rows, {"path": str(sample), "name": folder_list.SAMPLE_NAME,
                            "paused": False, "state": NOT_SEARCHED, "files": 0,
                            "paragraphs": 0}]
        self.model.set_rows(rows)
        names = [r["name"] for r in rows]
        row = names.index(selected["name"]) if selected and selected["name"] in names else 0
        if rows:
            self.table.selectRow(row)
        self._enable()

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and self.model.rows else None

    def _enable(self) -> None:
        row = self.selected()
        listed = row is not None and row["state"] != NOT_SEARCHED
        self.remove_btn.setEnabled(listed)
        self.pause_btn.setEnabled(row is not None)
        self.pause_btn.setText("Search again" if row and not listed else
                               "Resume" if row and row["paused"] else "Pause")
        self.pause_btn.setToolTip("Search the sample articles again" if row and not listed
                                  else "A paused folder stays searchable but is not read")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _add(self) -> None:
        self.show_error("")
        self.window_.add_folder_dialog(self)

    def remove_selected(self, confirm: bool = True) -> None:
        row = self.selected()
        if row is None:
            return
        if confirm and QMessageBox.question(
                self, "Remove folder", REMOVE_TEXT.format(**row)) != \
                QMessageBox.StandardButton.Yes:
            return
        self.show_error("")
        self.window_.remove_folder(row["name"])

    def toggle_pause(self) -> None:
        """Pause or resume the selected folder (search the sample again, if it is that)."""
        row = self.selected()
        if row is None:
            return
        self.show_error("")
        if row["state"] == NOT_SEARCHED:
            self.window_.add_folder(row["path"])
        else:
            self.window_.set_folder_paused(row["name"], not row["paused"])


class FolderActions:
    """Folders added, removed, paused; the first-run banner; live updates."""

    watcher: FolderWatcher | None = None
    folders_dialog: FoldersDialog | None = None
    sample_offer: str | None = None  # the folder whose adding offers to drop the sample

    def _build_folders(self) -> QWidget:
        """The watcher's signals, drops; returns the first-run banner (for the layout)."""
        self.folder_message = ""  # the last folder error told
        self.changed_paths: set[Path] = set()  # the last changes the watcher reported
        self.watch_events = WatchEvents(self)
        self.watch_events.changed.connect(self._files_changed)
        self.watch_events.said.connect(lambda m: self.statusBar().showMessage(m, 10000))
        self.setAcceptDrops(True)
        self.banner = QWidget()
        self.banner.setObjectName("first-run")
        self.banner.setStyleSheet("#first-run { background: palette(alternate-base); "
                                  "border: 1px solid palette(mid); border-radius: 4px; }")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(8, 4, 8, 4)
        self.banner_text = text = QLabel("")
        text.setWordWrap(True)
        self.add_docs_btn = QPushButton("Add your documents…")
        self.add_docs_btn.setDefault(False)
        self.add_docs_btn.clicked.connect(lambda: self.add_folder_dialog())
        # after the first folder of one's own: stop searching the sample, or keep it
        self.aside_btn = QPushButton("Stop searching the sample")
        self.aside_btn.clicked.connect(lambda: self.answer_sample_offer(True))
        self.keep_btn = QPushButton("Keep it")
        self.keep_btn.clicked.connect(lambda: self.answer_sample_offer(False))
        row.addWidget(text, 1)
        for b in (self.add_docs_btn, self.aside_btn, self.keep_btn):
            row.addWidget(b)
        self._show_banner()
        return self.banner

    def _show_banner(self) -> None:
        """Offer to add documents while only the sample (or nothing) is searched;
        results name their folder when there are several."""
        folders = self.settings.folders
        offer = self.sample_offer is not None and self._sample_folder() is not None
        if offer:
            self.banner_text.setText(SAMPLE_OFFER.format(name=self.sample_offer))
        else:
            self.banner_text.setText(
                ("You are searching the sample articles that come with searchapp. " if folders
                 else "No folder is searched. ")
                + "Add a folder of your own documents (PDF, Word, OpenDocument, EPUB, e-mail, "
                  "RTF, HTML, text) — or drop one onto this window.")
        self.add_docs_btn.setVisible(not offer)
        self.aside_btn.setVisible(offer)
        self.keep_btn.setVisible(offer)
        self.banner.setVisible(offer or self.settings.only_sample or not folders)
        if self.results.delegate.show_folder != (len(folders) > 1):
            self.results.delegate.show_folder = len(folders) > 1
            self.results.delegate.invalidate()
            self.results.viewport().update()

    def _add_folder_menu(self, menu) -> None:
        menu.addAction("&Add folder…", lambda: self.add_folder_dialog(), QKeySequence("Ctrl+O"))
        menu.addAction("&Folders…", self.show_folders)
        menu.addSeparator()

    def folders_html(self) -> str:
        """The folders searched, for *About*."""
        lines = []
        for f in self.settings.folders:
            state = " (paused)" if f.paused else "" if f.path.is_dir() else " (missing)"
            lines.append(f"{html.escape(f.name)}{state}: {html.escape(str(f.path))}")
        label = "Folder given for this run" if self.settings.one_off else "Folders"
        return f"{label}:<br>&nbsp;&nbsp;" + "<br>&nbsp;&nbsp;".join(lines)

    # -- changing the list ----------------------------------------------------------------

    def add_folder_dialog(self, parent=None) -> None:
        start = str(Path.home())
        path = QFileDialog.getExistingDirectory(parent or self, "Add a folder to search", start)
        if path:
            self.add_folder(path)

    def add_folder(self, path: str | Path) -> bool:
        """Search the folder at ``path`` too (index it now); False with a message if not.
        The first folder of one's own comes with the offer to stop searching the sample."""
        first_own = self.settings.only_sample
        folder = self._change(lambda d, s: folder_list.add_folder(d, s, path))
        if folder is None:
            return False
        self._folders_changed(f"Added '{folder.name}': indexing it…")
        if first_own:
            self.offer_sample_aside(folder.name)
        return True

    def offer_sample_aside(self, name: str) -> None:
        """Offer, in the banner above the results, to stop searching the sample
        articles now that the user searches a folder of their own (``name``)."""
        self.sample_offer = name
        self._show_banner()

    def answer_sample_offer(self, aside: bool) -> None:
        """The banner's answer: stop searching the sample (it stays listed in the
        Folders dialog) or keep it; either way the banner goes."""
        self.sample_offer = None
        self._show_banner()
        if aside and self._sample_folder() is not None:
            self._remove(bundled_corpus(), "Stopped searching the sample articles; "
                                           "File ▸ Folders… searches them again")

    def _sample_folder(self):
        sample = bundled_corpus().resolve()
        return next((f for f in self.settings.folders if f.path.resolve() == sample), None)

    def remove_folder(self, which: str) -> bool:
        return self._remove(which, "Removed '{name}'; its bookmarks are kept")

    def _remove(self, which: str | Path, said: str) -> bool:
        folder = self._change(lambda d, s: folder_list.remove_folder(d, s, which))
        if folder is None:
            return False
        self._folders_changed(said.format(name=folder.name))
        return True

    def set_folder_paused(self, which: str, paused: bool) -> bool:
        folder = self._change(lambda d, s: folder_list.set_paused(d, s, which, paused))
        if folder is None:
            return False
        self._folders_changed(f"Paused '{folder.name}': what was indexed from it stays "
                              "searchable" if paused else f"Resumed '{folder.name}'")
        return True

    def _change(self, func):
        """Run a change of the folder list; a FolderError is told in one line."""
        if self.settings.one_off:
            self.folder_error("This window searches a folder given for this run (--corpus "
                              "or SEARCHAPP_CORPUS); start searchapp without it to change "
                              "your folders")
            return None
        try:
            return func(self.settings.data_dir, bundled_corpus())
        except FolderError as exc:
            self.folder_error(str(exc))
            return None

    def folder_error(self, message: str) -> None:
        message = message[:1].upper() + message[1:]
        self.folder_message = message
        self.statusBar().showMessage(message, 10000)
        if self.folders_dialog is not None and self.folders_dialog.isVisible():
            self.folders_dialog.show_error(message)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, "Folders", message,
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _folders_changed(self, message: str) -> None:
        try:
            settings = self.settings.reload()
        except FolderError as exc:
            self.folder_error(str(exc))
            return
        self.settings = settings
        self.session.set_settings(settings)
        self._show_banner()
        self.statusBar().showMessage(message, 8000)
        self.start_watching()
        self.session.request_update()
        if self.folders_dialog is not None:
            self.folders_dialog.refresh()

    def show_folders(self) -> FoldersDialog:
        if self.folders_dialog is None:
            self.folders_dialog = FoldersDialog(self)
        else:
            self.folders_dialog.refresh()
        self.folders_dialog.show()
        self.folders_dialog.raise_()
        return self.folders_dialog

    # -- drops ---------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.drop_paths(paths)

    def drop_paths(self, paths: list[Path]) -> None:
        """Folders dropped onto the window are added; a file is not a folder."""
        dirs = [p for p in paths if p.is_dir()]
        if not dirs:
            self.folder_error("Drop a folder, not a file: searchapp searches whole folders "
                              "(add the folder that holds the file)")
            return
        for d in dirs:
            self.add_folder(d)

    # -- live updates ----------------------------------------------------------------

    def start_watching(self) -> None:
        """Watch the active folders (again, after the list changed)."""
        self.stop_watching()
        events = self.watch_events
        self.watcher = FolderWatcher.for_settings(self.settings, events.changed.emit,
                                                  notify=events.said.emit)
        self.watcher.start(wait=False)  # the watches are set up on its thread

    def stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop(wait=False)  # its threads end on their own
            self.watcher = None

    def _files_changed(self, paths) -> None:
        """Files changed in the folders: the incremental update (after the one
        under way, if any); results follow when it is done."""
        if self.session.closed:
            return
        self.changed_paths = set(paths)
        self.session.request_update(since=getattr(paths, "last", None))
