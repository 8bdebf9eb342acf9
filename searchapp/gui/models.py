"""Qt models over core data: results, facets, persons and bookmarks.

They hold plain core objects (:class:`~searchapp.search.Hit`,
:class:`~searchapp.bookmarks.Bookmark`, facet dicts) and are tested without a
window.  None of them calls the search engine: the window feeds them.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from searchapp.bookmarks import Bookmark, BookmarkStore
from searchapp.search import Hit, SearchResult

HitRole = Qt.ItemDataRole.UserRole + 1
StarRole = Qt.ItemDataRole.UserRole + 2
FacetRole = Qt.ItemDataRole.UserRole + 3
ValueRole = Qt.ItemDataRole.UserRole + 4
StateRole = Qt.ItemDataRole.UserRole + 5
PersonRole = Qt.ItemDataRole.UserRole + 6
BookmarkRole = Qt.ItemDataRole.UserRole + 7

Index = QModelIndex | QPersistentModelIndex

FACET_TITLES = {"person": "Person", "place": "Place", "source": "Source",
                "author": "Author", "year": "Year"}


def _is_root(parent: Index | None) -> bool:
    return parent is None or not parent.isValid()


def when(date: str | None, year: int | None = None) -> str:
    return date or (str(year) if year else "undated")


class ResultsModel(QAbstractListModel):
    """The hits of the current search, a page at a time as the view scrolls.

    ``more_requested`` asks the owner for the next page; the owner answers
    with :meth:`append_page`.
    """

    more_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result: SearchResult | None = None
        self.hits: list[Hit] = []
        self.total = 0
        self._waiting = False
        self._starred: set[tuple[str, str]] = set()

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.hits = list(result.hits) if result else []
        self.total = result.total if result else 0
        self._waiting = False
        self.endResetModel()

    def append_page(self, result: SearchResult) -> None:
        self._waiting = False
        known = {h.key for h in self.hits}
        new = [h for h in result.hits if h.key not in known]
        if not new:
            self.total = len(self.hits)  # the index changed under us: stop asking
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self.hits.extend(new)
        self.endInsertRows()

    def next_page(self) -> int:
        page_size = self.result.page_size if self.result else 20
        return len(self.hits) // page_size + 1

    def set_starred(self, starred: set[tuple[str, str]]) -> None:
        self._starred = set(starred)
        if self.hits:
            self.dataChanged.emit(self.index(0), self.index(len(self.hits) - 1), [StarRole])

    def is_starred(self, hit: Hit) -> bool:
        return (hit.doc_id, hit.pid) in self._starred

    def rowCount(self, parent: Index | None = None) -> int:
        return len(self.hits) if _is_root(parent) else 0

    def canFetchMore(self, parent: Index | None = None) -> bool:
        return _is_root(parent) and not self._waiting and len(self.hits) < self.total

    def fetchMore(self, parent: Index | None = None) -> None:
        if self.canFetchMore(parent):
            self._waiting = True
            self.more_requested.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HitRole:
            return hit
        if role == StarRole:
            return self.is_starred(hit)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title} — {hit.source or 'unknown source'} · {when(hit.date, hit.year)}\n{hit.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.path} · paragraph {hit.para + 1}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}. {hit.text}"
        return None


class _Group:
    """The internal pointer of a facet model index: the group a row belongs to."""

    def __init__(self, facet: str | None) -> None:
        self.facet = facet


_FACET_TIPS = {"include": "Filtering by this value (click to remove)",
               "exclude": "Excluded (click to remove)",
               "": "Click to filter by this value; right-click or '-' to exclude"}


class FacetModel(QAbstractItemModel):
    """Facet groups (Person, Place, Source, Author, Year) with counts for the
    current results; values the user filters by or excludes stay listed even
    when no current result has them.

    Rows are plain Python tuples handed to the view on demand: new counts are
    one model reset, and only the rows on screen are ever asked for (filling
    hundreds of item objects per keystroke cost the GUI thread 10-20 ms).
    """

    COLUMNS = ("Filter", "Results")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.facets = list(FACET_TITLES)
        self.rows: dict[str, list[tuple[str, int, str]]] = {f: [] for f in self.facets}
        self._top = _Group(None)  # the groups' own rows
        self._groups = {f: _Group(f) for f in self.facets}  # their values' rows
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # -- filling ----------------------------------------------------------------------

    def set_counts(self, facets: dict[str, list[dict]], included: dict[str, list],
                   excluded: dict[str, list]) -> None:
        rows = {}
        for facet in self.facets:
            inc = {str(v) for v in included.get(facet, [])}
            exc = {str(v) for v in excluded.get(facet, [])}
            out = [(str(r["value"]), r["count"]) for r in facets.get(facet, [])]
            seen = {v for v, _ in out}
            for v in [*included.get(facet, []), *excluded.get(facet, [])]:
                if str(v) not in seen:
                    out.append((str(v), 0))
                    seen.add(str(v))
            rows[facet] = [(v, c, "include" if v in inc else "exclude" if v in exc else "")
                           for v, c in out]
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def values(self, facet: str) -> list[tuple[str, int, str]]:
        """(value, count, state) rows shown for ``facet``."""
        return list(self.rows[facet])

    def group_index(self, facet: str) -> QModelIndex:
        return self.createIndex(self.facets.index(facet), 0, self._top)

    def value_index(self, facet: str, value: str, column: int = 0) -> QModelIndex:
        """The row of ``value`` in ``facet`` (invalid when it is not listed)."""
        for row, (v, _, _) in enumerate(self.rows[facet]):
            if v == value:
                return self.createIndex(row, column, self._groups[facet])
        return QModelIndex()

    # -- the model interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index | None = None) -> QModelIndex:
        if not self.hasIndex(row, column, parent or QModelIndex()):
            return QModelIndex()
        if _is_root(parent):
            return self.createIndex(row, column, self._top)
        if parent.internalPointer() is self._top and parent.column() == 0:
            return self.createIndex(row, column, self._groups[self.facets[parent.row()]])
        return QModelIndex()

    def parent(self, index: Index | None = None):
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        group = index.internalPointer()
        if group is self._top or group is None:
            return QModelIndex()
        return self.createIndex(self.facets.index(group.facet), 0, self._top)

    def rowCount(self, parent: Index | None = None) -> int:
        if _is_root(parent):
            return len(self.facets)
        if parent.internalPointer() is self._top and parent.column() == 0:
            return len(self.rows[self.facets[parent.row()]])
        return 0

    def columnCount(self, parent: Index | None = None) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalPointer() is self._top:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = index.internalPointer()
        col = index.column()
        if group is self._top:
            facet = self.facets[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return FACET_TITLES[facet] if col == 0 else ""
            if role == FacetRole:
                return facet
            if role == Qt.ItemDataRole.FontRole and col == 0:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                n = len(self.rows[facet])
                return f"{n} values in the current results" if n \
                    else "No values in the current results"
            return None
        rows = self.rows[group.facet]
        if index.row() >= len(rows):
            return None
        value, count, state = rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 1:
                return str(count) if count or state != "exclude" else ""
            return f"not {value}" if state == "exclude" else value
        if role == FacetRole:
            return group.facet
        if role == ValueRole:
            return value
        if role == StateRole:
            return state
        if col == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if state == "include" else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return _FACET_TIPS[state]
            if role == Qt.ItemDataRole.FontRole and state == "exclude":
                return self._struck
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class _RowsModel(QAbstractTableModel):
    """A table of ``self.rows`` with the headers ``COLUMNS``."""

    COLUMNS: tuple[str, ...] = ()
    rows: list

    def rowCount(self, parent: Index | None = None) -> int:
        return len(self.rows) if _is_root(parent) else 0

    def columnCount(self, parent: Index | None = None) -> int:
        return len(self.COLUMNS) if _is_root(parent) else 0

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


class PersonsModel(_RowsModel):
    """Every person of the registry (and any other found in the index), with
    aliases, role and how many paragraphs and documents mention them."""

    COLUMNS = ("Person", "Paragraphs", "Docs", "Role", "Also written")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == PersonRole:
            return row["name"]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row["name"], row["paragraphs"], row["documents"], row.get("role", ""),
                    ", ".join(row.get("aliases", [])))[col]
        if role == Qt.ItemDataRole.EditRole:  # what the sort proxy compares
            return (row["name"].casefold(), row["paragraphs"], row["documents"],
                    row.get("role", ""), "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join([row["name"], *row.get("aliases", [])])
        if role == Qt.ItemDataRole.UserRole:  # what the filter proxy matches
            return " ".join([row["name"], *row.get("aliases", []), row.get("role", "")])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BookmarksModel(_RowsModel):
    """Bookmarks from the store; the note and tags columns are editable and
    write straight through to the store."""

    COLUMNS = ("Passage", "Note", "Tags", "Document", "Status")
    NOTE, TAGS = 1, 2

    def __init__(self, store: BookmarkStore, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[Bookmark] = []
        self.tag: str | None = None
        self.text: str | None = None
        self.refresh()

    def refresh(self, tag: str | None = ..., text: str | None = ...) -> None:
        if tag is not ...:
            self.tag = tag or None
        if text is not ...:
            self.text = text or None
        self.beginResetModel()
        self.rows = self.store.list(tag=self.tag, text=self.text)
        self.endResetModel()

    def keys(self) -> set[tuple[str, str]]:
        return {(b.doc_id, b.pid) for b in self.store.list()}

    def flags(self, index: Index):
        base = super().flags(index)
        if index.column() in (self.NOTE, self.TAGS):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        col = index.column()
        if role == BookmarkRole:
            return b
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                text = " ".join(b.text.split())
                return text if len(text) <= 160 or role == Qt.ItemDataRole.EditRole \
                    else text[:157] + "…"
            if col == self.NOTE:
                return b.note
            if col == self.TAGS:
                return ", ".join(b.tags)
            if col == 3:
                return f"{b.title} — {b.source or 'unknown source'} · {b.date or 'undated'}"
            return {"ok": "", "moved": "moved", "edited": "edited",
                    "missing": "gone from the corpus (saved text)"}.get(b.status, b.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return b.text if col == 0 else f"{b.path} · paragraph {b.para + 1}"
        if role == Qt.ItemDataRole.FontRole and b.status == "missing":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        b = self.rows[index.row()]
        if index.column() == self.NOTE:
            self.rows[index.row()] = self.store.update(b.id, note=str(value))
        elif index.column() == self.TAGS:
            self.rows[index.row()] = self.store.update(b.id, tags=str(value).split(","))
        else:
            return False
        self.dataChanged.emit(index, index)
        return True
