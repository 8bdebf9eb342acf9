"""Side panels and dialogs: persons browser, bookmarks, index problems, shortcuts."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from searchapp.gui.models import (
    BookmarkRole,
    BookmarksModel,
    PersonRole,
    PersonRowRole,
    PersonsModel,
    evidence_html,
)
from searchapp.gui.render import paint_empty
from searchapp.model import IndexReport, counted

#: The persons table's curation actions: (op, label, tooltip, how many selected persons).
CURATION_ACTIONS = (
    ("rename", "Rename…", "Give the selected person another name (the old one stays a "
     "spelling of them)", "one"),
    ("merge", "Merge", "The selected persons are one person: merge them into the most "
     "mentioned", "several"),
    ("split", "Split alias…", "One of the selected person's spellings is someone else: "
     "make it a person of its own", "one"),
    ("role", "Set role…", "The role shown for the selected person", "one"),
    ("hide", "Not a person", "The selected names are not persons: drop them from the "
     "table, the facets and the results", "some"),
)


class PersonsPanel(QWidget):
    """All persons with counts and aliases.  Enter or double-click searches by
    one; with two or more selected, "Together" shows paragraphs naming all.
    The curation actions (buttons and the table's context menu) ask the window
    through ``curate_requested``; the window applies them off the GUI thread."""

    search_person = Signal(list, str)  # names, mode ("any" | "all")
    search_speaker = Signal(list)  # names: what they said (paragraphs quoting any of them)
    curate_requested = Signal(str, list)  # op (CURATION_ACTIONS), the selected rows (dicts)
    busy_changed = Signal(bool)  # a curation started (True) or was applied or refused

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.busy = False  # a curation is being applied
        self.model = PersonsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter persons (any spelling or role)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)
        # The detail of the selected person: each spelling with why it is theirs.
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.detail.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.detail.setHtml(self._detail_hint())
        # a double-click also emits activated: connect only that, or it runs twice
        self.table.activated.connect(lambda _i: self.search_selected("any"))
        self.one_btn = QPushButton("Search")
        self.one_btn.setToolTip("Paragraphs naming the selected person (any of them)")
        self.both_btn = QPushButton("Together")
        self.both_btn.setToolTip("Paragraphs naming every selected person")
        self.said_btn = QPushButton("Quotes")
        self.said_btn.setToolTip("What the selected person said: paragraphs quoting them "
                                 "(said:)")
        self.one_btn.clicked.connect(lambda: self.search_selected("any"))
        self.both_btn.clicked.connect(lambda: self.search_selected("all"))
        self.said_btn.clicked.connect(self.search_quotes)
        self.curation_actions = {}
        for op, label, tip, _n in CURATION_ACTIONS:
            action = QAction(label, self)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _c=False, o=op: self.request_curation(o))
            self.curation_actions[op] = action
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.rename_btn = QPushButton("Rename…")
        self.merge_btn = QPushButton("Merge")
        self.more_btn = QToolButton()
        self.more_btn.setText("More")
        self.more_btn.setToolTip("Split an alias, set the role, or mark as not a person")
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        for op in ("split", "role", "hide"):
            more.addAction(self.curation_actions[op])
        self.more_btn.setMenu(more)
        for btn, op in ((self.rename_btn, "rename"), (self.merge_btn, "merge")):
            btn.setToolTip(self.curation_actions[op].toolTip())
            btn.clicked.connect(lambda _c=False, o=op: self.request_curation(o))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.one_btn)
        buttons.addWidget(self.both_btn)
        buttons.addWidget(self.said_btn)
        curate = QHBoxLayout()
        curate.addWidget(self.rename_btn)
        curate.addWidget(self.merge_btn)
        curate.addWidget(self.more_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addLayout(curate)
        self._selection_changed()

    def set_rows(self, rows: list[dict]) -> None:
        names = self.selected()
        self.model.set_rows(rows)
        for col in range(len(self.model.COLUMNS)):  # a hidden column measures nothing
            self.table.setColumnHidden(col, False)
        self._natural = [self._wanted(col) for col in range(len(self.model.COLUMNS))]
        self.fit_columns()
        self.select(names)  # what stays after a curation stays selected
        self._selection_changed()

    COUNTS = (1, 2, 3)  # ¶, Said, Docs: always in view
    TEXT_MIN = 10  # characters the last text column shows (eliding) when it is shown at all
    TEXT_WIDE = 24  # characters a text column before it takes at most

    _natural: list[int] = []  # each column's width for its values, measured in set_rows

    def _wanted(self, col: int) -> int:
        """A column's width for its widest value and its header (hidden or not)."""
        return max(self.table.sizeHintForColumn(col),
                   self.table.horizontalHeader().sectionSizeHint(col))

    def fit_columns(self) -> None:
        """Every column shown whole, never cut at the panel's edge: the counts always;
        the name as wide as the names but never so wide that the counts leave the
        panel (names elide); then Status, Role and Also written, each only while it
        fits in the room left (the last one eliding), as the panel is made wider.  The
        row's tooltip and the detail below say all of it in a narrow panel."""
        table, header = self.table, self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        natural = self._natural or [self._wanted(c) for c in range(len(self.model.COLUMNS))]
        for col in self.COUNTS:
            table.setColumnHidden(col, False)
            table.setColumnWidth(col, natural[col])
        counts = sum(table.columnWidth(c) for c in self.COUNTS)
        room = table.viewport().width() - counts - 2
        name = max(min(natural[0], room), char * 8)
        table.setColumnWidth(0, name)
        room -= name
        last = len(self.model.COLUMNS) - 1
        for col in range(self.COUNTS[-1] + 1, last + 1):
            # a long role elides at TEXT_WIDE characters; the last column may elide sooner
            need = min(natural[col], char * self.TEXT_WIDE if col < last else
                       header.sectionSizeHint(col) + char * self.TEXT_MIN)
            fits = need <= room
            table.setColumnHidden(col, not fits)
            if not fits:  # and the ones after it too: the columns keep their order
                for later in range(col + 1, last + 1):
                    table.setColumnHidden(later, True)
                break
            table.setColumnWidth(col, need)
            room -= need

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        """The columns fitted again whenever the table's visible width changes (the
        panel resized, a scroll bar come or gone): the table's own width, not the
        panel's, which changes first."""
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize \
                and event.size().width() != event.oldSize().width() and self.model.rows:
            self.fit_columns()
        return False

    def selected(self) -> list[str]:
        return [row["name"] for row in self.selected_rows()]

    def selected_rows(self) -> list[dict]:
        """The selected persons' rows, in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(PersonRowRole) for r in rows]

    def select(self, names: list[str]) -> None:
        sel = self.table.selectionModel()
        sel.clear()
        first = None
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(PersonRole) in names:
                sel.select(self.proxy.index(r, 0),
                           sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
                first = first or self.proxy.index(r, 0)
        if first is not None:  # a person chosen elsewhere (a name in the viewer) is shown,
            self.table.doItemsLayout()  # with rows it may just have been given laid out
            self.table.scrollTo(first)

    def set_busy(self, busy: bool) -> None:
        """While a curation is applied no other one starts (they apply in order)."""
        self.busy = busy
        self._selection_changed()
        self.busy_changed.emit(busy)

    def _detail_hint(self) -> str:
        """What the detail says before one person is selected: wrapped to the panel's
        width, in the placeholder colour (a QTextEdit placeholder is one unwrapped line)."""
        color = self.palette().color(QPalette.ColorRole.PlaceholderText).name(
            QColor.NameFormat.HexArgb)
        return (f'<p style="color:{color}">Select a person to see each spelling, how often '
                "it is used and why it is this person.</p>")

    def _selection_changed(self, *_args) -> None:
        rows = self.selected_rows()
        n = len(rows)
        self.detail.setHtml(evidence_html(rows[0]) if n == 1 else self._detail_hint())
        self.one_btn.setEnabled(n >= 1)
        self.both_btn.setEnabled(n >= 2)
        self.said_btn.setEnabled(any(r.get("quoted") for r in rows))
        wanted = {"one": n == 1, "several": n >= 2, "some": n >= 1}
        for op, _label, _tip, count in CURATION_ACTIONS:
            ok = wanted[count] and not self.busy
            if op == "split":
                ok = ok and bool(rows[0].get("aliases"))
            self.curation_actions[op].setEnabled(ok)
        self.rename_btn.setEnabled(self.curation_actions["rename"].isEnabled())
        self.merge_btn.setEnabled(self.curation_actions["merge"].isEnabled())
        self.more_btn.setEnabled(any(self.curation_actions[op].isEnabled()
                                     for op in ("split", "role", "hide")))

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("Search", lambda: self.search_selected("any"))
        if len(self.selected()) > 1:
            menu.addAction("Search together", lambda: self.search_selected("all"))
        menu.addSeparator()
        for op, *_rest in CURATION_ACTIONS:
            menu.addAction(self.curation_actions[op])
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.menu = menu  # kept for tests and screenshots

    def request_curation(self, op: str) -> None:
        rows = self.selected_rows()
        if rows and self.curation_actions[op].isEnabled():
            self.curate_requested.emit(op, rows)

    def search_selected(self, mode: str) -> None:
        names = self.selected()
        if names:
            self.search_person.emit(names, mode if len(names) > 1 else "any")

    def search_quotes(self) -> None:
        names = [r["name"] for r in self.selected_rows() if r.get("quoted")]
        if names:
            self.search_speaker.emit(names)


NO_BOOKMARKS = ("No bookmarks yet: ☆ on a result or before a paragraph in the document "
                "(Ctrl+D) keeps the passage here, with a note and tags.")


class HintTable(QTableView):
    """A table that says why it is empty (``hint``) when it has no rows."""

    hint = ""

    def set_hint(self, text: str) -> None:
        self.hint = text
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        paint_empty(self, self.hint)


class BookmarksPanel(QWidget):
    """Bookmarks with filters by text and tag; note and tags edit in place."""

    open_bookmark = Signal(object)  # Bookmark
    export_requested = Signal(str)  # format
    changed = Signal()

    def __init__(self, model: BookmarksModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter bookmarks (text, note, title)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda t: self.apply_filter())
        self.tag = QComboBox()
        self.tag.setToolTip("Show bookmarks with this tag")
        self.tag.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table = HintTable()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        # one line of text per row (the whole passage in its tooltip): rows measured to
        # their wrapped text took the widths of a panel not yet laid out, and grew to
        # ~180 px after a relaunch
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.row_height())
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # in a short window the panel yields down to one row (gui/fit.py)
        self.table.setMinimumHeight(header.sizeHint().height() + self.row_height() + 4)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 140)
        header.resizeSection(2, 100)
        header.resizeSection(3, 200)
        self.table.activated.connect(self._activated)  # double-click or Enter
        self.open_btn = QPushButton("Open")
        self.open_btn.clicked.connect(self._open_current)
        self.remove_btn = QPushButton("Remove")
        self.remove_btn.clicked.connect(self.remove_current)
        self.export_btn = QToolButton()
        self.export_btn.setText("Export")
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_btn)
        for label, fmt in (("Markdown…", "md"), ("CSV…", "csv"), ("JSON…", "json")):
            menu.addAction(label, lambda f=fmt: self.export_requested.emit(f))
        self.export_btn.setMenu(menu)
        self.count = QLabel("")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.tag)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.open_btn)
        bottom.addWidget(self.remove_btn)
        bottom.addWidget(self.export_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        model.modelReset.connect(self._counted)
        self.reload()

    ROWS_SHOWN = 5  # rows the panel shows at its default height

    def row_height(self) -> int:
        return self.table.fontMetrics().lineSpacing() + 10

    def sizeHint(self) -> QSize:
        """Room for a few bookmarks: the filter line, the header, ``ROWS_SHOWN`` rows
        and the buttons."""
        hint = super().sizeHint()
        line = self.filter.sizeHint().height()
        height = (2 * line + self.table.horizontalHeader().sizeHint().height()
                  + self.ROWS_SHOWN * self.row_height() + 24)
        return QSize(hint.width(), height)

    def reload(self) -> None:
        """The tags and the rows read again (after bookmarks were added or removed)."""
        self.reload_tags()
        self.apply_filter()

    def reread(self) -> None:
        """The bookmarks read again after their states changed under the panel (the
        engine re-anchored them after an index update), the one selected kept
        selected; while a note or tags are being edited, once the editor has closed."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            QTimer.singleShot(self.REREAD_WAIT_MS, self.reread)
            return
        current = self.current()
        self.reload()
        if current is not None:
            row = next((i for i, b in enumerate(self.model.rows) if b.id == current.id), None)
            if row is not None:
                self.table.setCurrentIndex(self.model.index(row, 0))
        self.changed.emit()

    REREAD_WAIT_MS = 300  # how often a re-read waits for an editor to close

    def reload_tags(self) -> None:
        """The tag list read again, the rows left as they are: after a note or tags
        were edited in place (resetting the model then would delete the cell's editor
        while the view commits its text: Qt's "commitData called with an editor that
        does not belong to this view")."""
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", None)
        for tag, n in self.model.store.tags():
            self.tag.addItem(f"#{tag} ({n})", tag)
        i = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, i))
        self.tag.blockSignals(False)
        if i < 0 and current is not None:  # the tag filtered by is gone: show all, once
            QTimer.singleShot(0, self.apply_filter)  # the editor has closed by then

    def apply_filter(self) -> None:
        self.model.refresh(tag=self.tag.currentData(), text=self.filter.text().strip())

    def _counted(self) -> None:
        n = self.model.rowCount()
        total = len(self.model.store.list())
        self.count.setText(f"{n} of {total} bookmarks" if n != total else
                           f"{total} bookmark{'s' if total != 1 else ''}")
        self.table.set_hint(NO_BOOKMARKS if not total else
                            "No bookmark matches the filter." if not n else "")
        for b in (self.open_btn, self.remove_btn):
            b.setEnabled(n > 0)
        self.export_btn.setEnabled(total > 0)
        self.fit_status()

    def fit_status(self) -> None:
        """The Status column as wide as the states shown (narrow when every bookmark is
        where it was, so the passage has the room), up to the longest state whole;
        an edit's description beyond that elides (its tooltip has it all)."""
        col = BookmarksModel.STATUS
        widest = self.table.fontMetrics().horizontalAdvance(BookmarksModel.MISSING) + 24
        self.table.horizontalHeader().resizeSection(col, min(widest, max(
            self.table.sizeHintForColumn(col),
            self.table.horizontalHeader().sectionSizeHint(col))))

    def current(self):
        index = self.table.currentIndex()
        return index.data(BookmarkRole) if index.isValid() else None

    def _activated(self, index) -> None:
        if index.column() not in (BookmarksModel.NOTE, BookmarksModel.TAGS):
            self._open_current()

    def _open_current(self) -> None:
        b = self.current()
        if b is not None:
            self.open_bookmark.emit(b)

    def remove_current(self) -> None:
        b = self.current()
        if b is not None and self.confirm_removal(b):
            self.model.store.remove(b.id)
            self.reload()
            self.changed.emit()

    def confirm_removal(self, bookmark) -> bool:
        """Whether to remove ``bookmark``: asked only when it holds the user's own
        writing (a note or tags), which removing it would lose; a bare star is cheap to
        put back."""
        if not (bookmark.note or bookmark.tags):
            return True
        kept = [f"Note: {bookmark.note}"] if bookmark.note else []
        if bookmark.tags:
            kept.append("Tags: " + ", ".join("#" + t for t in bookmark.tags))
        answer = QMessageBox.question(
            self, "Remove bookmark",
            "Remove this bookmark? Its note and tags go with it.\n\n" + "\n".join(kept),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes


class ProblemsDialog(QDialog):
    """Files the indexer could not read, then those it read in part, with the reason for
    each: each file by its full path (its folder's path and its path there: ``locate``
    finds it from the path the report shows), the path a user finds it by in their file
    manager."""

    def __init__(self, report: IndexReport | None, error: str | None, parent=None,
                 locate: Callable[[str], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Index problems")
        self.resize(960, 380)
        layout = QVBoxLayout(self)
        if error:
            label = QLabel(f"<b>The index could not be updated:</b> {html.escape(error)}")
            label.setWordWrap(True)
            layout.addWidget(label)
        problems = report.problems if report is not None else []
        skipped = report.skipped_files if report is not None else 0
        partial = report.partial_files if report is not None else 0
        said = [f"{counted(skipped, 'file')} {'were' if skipped != 1 else 'was'} skipped"
                if skipped else "",
                f"{counted(partial, 'file')} {'were' if partial != 1 else 'was'} indexed "
                "without the part named below" if partial else ""]
        text = ("; ".join(p for p in said if p) + "; the rest of your folders is searchable."
                if problems else "Every file of your folders was indexed.")
        layout.addWidget(QLabel(text))
        self.table = QTableWidget(len(problems), 2)
        self.table.setHorizontalHeaderLabels(["File", "Problem"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, (path, reason) in enumerate(problems):
            full = locate(path) if locate is not None else None
            shown = QDir.toNativeSeparators(str(full)) if full is not None else path
            item = QTableWidgetItem(shown)
            item.setToolTip(shown)
            self.table.setItem(r, 0, item)
            cause = QTableWidgetItem(reason)
            cause.setToolTip(reason)
            self.table.setItem(r, 1, cause)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the file's name
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 480)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()  # long paths and reasons wrap, whole
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


SHORTCUTS = [
    ("Ctrl+L", "Go to the search box"),
    ("Enter (in the search box)", "Search now (otherwise searches as you type)"),
    ("Down (in the search box)", "Go to the results"),
    ("Up / Down", "Move through the results; the document follows"),
    ("F3 / Shift+F3", "Next / previous highlight in the document"),
    ("Ctrl+F", "Find in the document"),
    ("Ctrl+D", "Bookmark the selected passage (or remove the bookmark)"),
    ("Ctrl+P", "Pin the document and open the next one beside it"),
    ("Ctrl+Shift+P", "Close the pinned document"),
    ("Ctrl+Shift+C", "List every copy of a story several outlets ran (or one result each)"),
    ("Ctrl+1 / Ctrl+2 / Ctrl+3", "Sort by relevance / newest / oldest"),
    ("Ctrl+S", "Save this search"),
    ("Ctrl+Shift+F", "Filters panel"),
    ("Ctrl+Shift+E", "Persons panel"),
    ("Ctrl+Shift+B", "Bookmarks panel"),
    ("Ctrl+Backspace", "Clear all filters"),
    ("Ctrl+O", "Add a folder to search (or drop one onto the window)"),
    ("F5", "Update the index from your folders"),
    ("Space / Enter (in filters)", "Filter by the value; '-' or Delete excludes it"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        view = QTextBrowser()
        rows = "".join(f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in SHORTCUTS)
        view.setHtml(f"<table cellspacing='4'>{rows}</table>")
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
