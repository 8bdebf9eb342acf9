"""The main window's menu bar and keyboard shortcuts: File, Search, View, Help.

A mixin of :class:`~searchapp.gui.main_window.MainWindow`.  Every menu entry calls
an action the window (or one of its other mixins) defines; the menus themselves hold
no state beyond the actions other parts enable or fill (``update_action``,
``history_menu``, ``saved_menu``, ``timeline_action``).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from searchapp.gui.panels import ShortcutsDialog
from searchapp.gui.widgets import QUERY_HELP
from searchapp.model import SORT_LABELS, SORTS


class WindowMenus:
    """The menu bar; Help's dialogs."""

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._add_folder_menu(file)
        self.update_action = file.addAction("&Update index", self.update_index, QKeySequence("F5"))
        file.addAction("&Rebuild index from scratch", lambda: self.update_index(rebuild=True))
        file.addAction("Index &problems…", self.show_problems)
        export = file.addMenu("&Export bookmarks")
        for label, fmt in (("Markdown…", "md"), ("CSV…", "csv"), ("JSON…", "json")):
            export.addAction(label, lambda f=fmt: self.export_bookmarks(f))
        file.addSeparator()
        file.addAction("&Quit", self.close, QKeySequence("Ctrl+Q"))

        search = bar.addMenu("&Search")
        search.addAction("&Go to search box", self.focus_search, QKeySequence("Ctrl+L"))
        for i, key in enumerate(SORTS, start=1):
            search.addAction(f"Sort: {SORT_LABELS[key]}",
                             lambda k=key: self.sort.setCurrentIndex(self.sort.findData(k)),
                             QKeySequence(f"Ctrl+{i}"))
        search.addAction("&Clear all filters", self.clear_filters, QKeySequence("Ctrl+Backspace"))
        search.addAction(self.all_copies_action)
        search.addSeparator()
        self.history_menu = search.addMenu("Recent searches")
        self.history_menu.aboutToShow.connect(self._fill_history_menu)
        self.saved_menu = search.addMenu("Saved searches")
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        search.addAction("&Save this search…", self.save_search, QKeySequence("Ctrl+S"))

        view = bar.addMenu("&View")
        for name, key in (("filters", "Ctrl+Shift+F"), ("persons", "Ctrl+Shift+E"),
                          ("bookmarks", "Ctrl+Shift+B")):
            action = self.docks[name].toggleViewAction()
            action.setShortcut(QKeySequence(key))
            view.addAction(action)
            action.triggered.connect(lambda on, n=name: on and self._raise_dock(n))
        self.timeline_action = view.addAction("Hits over &time")
        self.timeline_action.setCheckable(True)
        self.timeline_action.setChecked(True)
        self.timeline_action.toggled.connect(self.timeline.setVisible)
        view.addSeparator()
        view.addAction("&Pin document", self.pin_document, QKeySequence("Ctrl+P"))
        view.addAction("Close pinned document", self.close_pinned, QKeySequence("Ctrl+Shift+P"))
        view.addAction("Next highlight", lambda: self._active_view().next_hit(), QKeySequence("F3"))
        view.addAction("Previous highlight", lambda: self._active_view().previous_hit(),
                       QKeySequence("Shift+F3"))
        view.addAction("&Find in document", lambda: self._active_view().show_find(),
                       QKeySequence("Ctrl+F"))
        view.addAction("&Bookmark passage", self.bookmark_current, QKeySequence("Ctrl+D"))

        helpm = bar.addMenu("&Help")
        helpm.addAction("&Keyboard shortcuts", lambda: ShortcutsDialog(self).exec(),
                        QKeySequence("F1"))
        helpm.addAction("&Query language", self._query_help)
        helpm.addAction("&About searchapp", self._about)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.focus_search)

    def _raise_dock(self, name: str) -> None:
        self.docks[name].raise_()
        self.docks[name].widget().setFocus()

    def _query_help(self) -> None:
        QMessageBox.information(self, "Query language", QUERY_HELP)

    def _about(self) -> None:
        from searchapp import __version__

        QMessageBox.about(self, "About searchapp",
                          f"<b>searchapp</b> {__version__}<br>Paragraph search over news and "
                          f"analysis articles.<br><br>{self.folders_html()}"
                          f"<br>Index: {html.escape(str(self.settings.index))}"
                          f"<br>Bookmarks: {html.escape(str(self.settings.bookmarks_db))}")
