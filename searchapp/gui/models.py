"""Qt models over core data: results, facets, persons and bookmarks.

They hold plain core objects (:class:`~searchapp.search.engine.Hit`,
:class:`~searchapp.store.Bookmark`, facet dicts) and are tested without a
window.  None of them calls the search engine: the window feeds them.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from searchapp.api import spelling_notes
from searchapp.config import PERSONS_REGISTRY
from searchapp.dates import display as display_date
from searchapp.model import FACETS, Hit, SearchResult, cite
from searchapp.store import Bookmark, BookmarkStore

HitRole = Qt.ItemDataRole.UserRole + 1
StarRole = Qt.ItemDataRole.UserRole + 2
FacetRole = Qt.ItemDataRole.UserRole + 3
ValueRole = Qt.ItemDataRole.UserRole + 4
StateRole = Qt.ItemDataRole.UserRole + 5
PersonRole = Qt.ItemDataRole.UserRole + 6
BookmarkRole = Qt.ItemDataRole.UserRole + 7
MoreRole = Qt.ItemDataRole.UserRole + 8  # a facet group's "Show all" row: the facet
PersonRowRole = Qt.ItemDataRole.UserRole + 9  # the persons table's whole row (a dict)
ExpandedRole = Qt.ItemDataRole.UserRole + 10  # a hit's copies are listed under it

Index = QModelIndex | QPersistentModelIndex

FACET_TITLES = {f.name: f.title for f in FACETS}


def _is_root(parent: Index | None) -> bool:
    return parent is None or not parent.isValid()


def when(date: str | None, year: int | None = None) -> str:
    return display_date(date, year) or "undated"


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
        self.expanded: set[str] = set()  # keys of hits whose copies are listed

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.expanded = set()
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

    def toggle_copies(self, hit: Hit) -> None:
        """List the copies a hit stands for under it, or fold them again."""
        self.expanded ^= {hit.key}
        row = next((i for i, h in enumerate(self.hits) if h.key == hit.key), None)
        if row is not None:
            self.dataChanged.emit(self.index(row), self.index(row), [ExpandedRole])

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
        if role == ExpandedRole:
            return hit.key in self.expanded
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title} — {hit.source or 'unknown source'} · {when(hit.date, hit.year)}\n{hit.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{hit.path} · paragraph {hit.para}"
            if hit.copies:
                tip += "\nAlso in: " + ", ".join(
                    f"{c['source'] or c['path']} ¶{c['para']}" for c in hit.copies)
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            also = f" Also in {len(hit.copies)} other sources." if hit.copies else ""
            return f"{hit.title}. {hit.text}{also}"
        return None


class FacetModel(QStandardItemModel):
    """Facet groups (one per row of :data:`searchapp.model.FACETS`: Person, Place,
    Source, Author, Year, Folder) with counts for the
    current results; values the user filters by or excludes stay listed even
    when no current result has them.

    A group lists its ``SHOWN`` most frequent values and a "Show all N" row
    (then "Show fewer"); a group opened in full stays so for later results.
    Filling a few dozen rows per result, not hundreds, keeps typing smooth.
    """

    SHOWN = 12

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Filter", "Results"])
        self.groups: dict[str, QStandardItem] = {}
        self.rows: dict[str, list[tuple[str, int, str]]] = {f: [] for f in FACET_TITLES}
        self.show_all: set[str] = set()  # groups listing every value
        # a group's values and counts when it last had no chosen value, and which of
        # the values listed now show those earlier counts
        for facet, title in FACET_TITLES.items():
            item = QStandardItem(title)
            item.setEditable(False)
            item.setSelectable(False)
            item.setData(facet, FacetRole)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            count = QStandardItem("")
            count.setEditable(False)
            count.setSelectable(False)
            self.appendRow([item, count])
            self.groups[facet] = item

    def set_counts(self, facets: dict[str, list[dict]], included: dict[str, list],
                   excluded: dict[str, list]) -> None:
        """The counts of a new result.  Values in a group are OR, so choosing one
        must not hide the others: the core counts a group whose chosen values are
        OR without the group's own filter (``SearchEngine.search``), so its other
        values stay listed with the paragraphs ticking them would add.  Chosen and
        excluded values stay listed even when no result has them."""
        for facet in self.groups:
            inc = {str(v) for v in included.get(facet, [])}
            exc = {str(v) for v in excluded.get(facet, [])}
            out = [(str(r["value"]), r["count"]) for r in facets.get(facet, [])]
            seen = {v for v, _ in out}
            for v in [*included.get(facet, []), *excluded.get(facet, [])]:
                if str(v) not in seen:
                    out.append((str(v), 0))
                    seen.add(str(v))
            self.rows[facet] = [(v, c, "include" if v in inc else "exclude" if v in exc else "")
                                for v, c in out]
            self._fill(facet)

    def toggle_all(self, facet: str) -> None:
        """List every value of ``facet``, or only the most frequent again."""
        self.show_all ^= {facet}
        self._fill(facet)

    def _fill(self, facet: str) -> None:
        group = self.groups[facet]
        rows = self.rows[facet]
        shown = rows if facet in self.show_all else \
            [r for i, r in enumerate(rows) if i < self.SHOWN or r[2]]
        group.removeRows(0, group.rowCount())
        for value, count, state in shown:
            group.appendRow(self._row(facet, value, count, state))
        # "Show all" only when it would list more; "Show fewer" only when it would list fewer
        fewer = [r for i, r in enumerate(rows) if i < self.SHOWN or r[2]]
        if len(fewer) < len(rows):
            group.appendRow(self._more_row(facet, len(rows), facet in self.show_all))
        group.setToolTip(f"{len(rows)} values in the current results" if rows
                         else "No values in the current results")

    def _row(self, facet: str, value: str, count: int, state: str) -> list[QStandardItem]:
        item = QStandardItem(value)
        item.setEditable(False)
        item.setData(facet, FacetRole)
        item.setData(value, ValueRole)
        item.setData(state, StateRole)
        item.setCheckState(Qt.CheckState.Checked if state == "include"
                           else Qt.CheckState.Unchecked)
        tip = {"include": "Filtering by this value (click to remove)",
               "exclude": "Excluded (click to remove)"}.get(state, "Click to filter by this value;"
                                                             " right-click or '-' to exclude")
        item.setToolTip(tip)
        if state == "exclude":
            font = QFont(item.font())
            font.setStrikeOut(True)
            item.setFont(font)
            item.setText(f"not {value}")
        counter = QStandardItem(str(count) if count or state != "exclude" else "")
        counter.setEditable(False)
        counter.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        counter.setData(facet, FacetRole)
        counter.setData(value, ValueRole)
        counter.setData(state, StateRole)
        return [item, counter]

    def _more_row(self, facet: str, total: int, showing_all: bool) -> list[QStandardItem]:
        item = QStandardItem("Show fewer" if showing_all else f"Show all {total}…")
        item.setEditable(False)
        item.setData(facet, MoreRole)
        item.setToolTip("Only the most frequent values" if showing_all
                        else f"List all {total} values of this group")
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        blank = QStandardItem("")
        blank.setEditable(False)
        blank.setData(facet, MoreRole)
        return [item, blank]

    def values(self, facet: str) -> list[tuple[str, int, str]]:
        """(value, count, state) of every value of ``facet`` in the current results
        (and of the values filtered by or excluded), shown or not."""
        return list(self.rows[facet])

    def shown(self, facet: str) -> list[str]:
        """The values listed in the panel for ``facet``, in order."""
        group = self.groups[facet]
        return [v for v in (group.child(r, 0).data(ValueRole) for r in range(group.rowCount()))
                if v is not None]


class RowsModel(QAbstractTableModel):
    """A table of ``self.rows`` with the headers ``COLUMNS``, all replaced at once by
    :meth:`set_rows`."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index | None = None) -> int:
        return len(self.rows) if _is_root(parent) else 0

    def columnCount(self, parent: Index | None = None) -> int:
        return len(self.COLUMNS) if _is_root(parent) else 0

    HEADER_TIPS: tuple[str, ...] = ()

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and section < len(self.HEADER_TIPS)):
            return self.HEADER_TIPS[section]
        return None


class PersonsModel(RowsModel):
    """Every person of the registry (and any other found in the index), with
    aliases, role, how many paragraphs and documents mention them and whether
    they are curated (the registry or the user's curation) or only found."""

    COLUMNS = ("Person", "¶", "Said", "Docs", "Status", "Role", "Also written")
    HEADER_TIPS = ("The person's name", "Paragraphs that mention them (named in N ¶)",
                   "Paragraphs that quote them, in quote marks or reported speech "
                   "(quoted in N ¶)",
                   "Documents that mention them", "Curated or only found", "Their role",
                   "Other spellings, each with why it is this person")
    STATUS = 4
    STATUS_TIPS = {"curated": f"Curated: in a {PERSONS_REGISTRY} registry or edited by you",
                   "found": "Found in the text by the persons stage; not curated yet"}

    @staticmethod
    def status(row: dict) -> str:
        return "curated" if row.get("curated", True) else "found"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == PersonRole:
            return row["name"]
        if role == PersonRowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return (row["name"], row["paragraphs"], row.get("quoted", 0), row["documents"],
                    self.status(row), row.get("role", ""), "; ".join(spelling_notes(row)))[col]
        if role == Qt.ItemDataRole.EditRole:  # what the sort proxy compares
            return (row["name"].casefold(), row["paragraphs"], row.get("quoted", 0),
                    row["documents"], self.status(row), row.get("role", "").casefold(), "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.STATUS_TIPS[self.status(row)]
            if col == self.STATUS:
                return tip
            if col in (1, 2):  # rich text (a tag), or Qt shows the escapes as written
                return "<span>" + html.escape(
                    f"{row['name']}: named in {row['paragraphs']} ¶, quoted in "
                    f"{row.get('quoted', 0)} ¶ (what they said: said:\"{row['name']}\")") \
                    + "</span>"
            return evidence_html(row, limit=8) + f"<p><i>{html.escape(tip)}</i></p>"
        if self.status(row) == "found":  # seen in a narrow panel too: the name in italics
            if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
                return QBrush(QColor("#8a6d00"))
            if role == Qt.ItemDataRole.FontRole and col == 0:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.UserRole:  # what the filter proxy matches
            return " ".join([row["name"], *row.get("aliases", []), row.get("role", "")])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def evidence_html(row: dict, limit: int | None = None) -> str:
    """A person's evidence as rich text: counts, each spelling with its mentions,
    documents and why it is this person, and the first documents -- the Persons tab's
    detail and tooltip.  ``limit``: at most this many spellings."""
    ev = row.get("evidence") or {}
    name = html.escape(row["name"])
    role = f" — {html.escape(row['role'])}" if row.get("role") else ""
    out = [f"<b>{name}</b>{role}<br>{row.get('paragraphs', 0)} paragraphs in "
           f"{row.get('documents', 0)} documents"]
    spellings = ev.get("spellings", [])
    if spellings:
        shown = spellings[:limit] if limit else spellings
        lines = [f"<b>{html.escape(s['text'])}</b> {s['mentions']}× in {s['documents']} "
                 f"doc{'s' if s['documents'] > 1 else ''} — "
                 f"{html.escape(_WHY.get(s['why'], s['why']))}" for s in shown]
        if len(shown) < len(spellings):
            lines.append(f"… {len(spellings) - len(shown)} more")
        out.append("<br>".join(lines))
    elif row.get("aliases"):
        out.append("Also written: " + html.escape(", ".join(row["aliases"])))
    examples = ev.get("examples", [])
    if examples and not limit:
        docs = "".join(f"<li>{html.escape(e['title'] or e['path'])}"
                       + (f" <span style='color:gray'>({html.escape(e['path'])})</span>"
                          if e["title"] else "") + "</li>" for e in examples)
        extra = ev.get("documents", 0) - len(examples)
        out.append(f"<ul style='margin:0'>{docs}</ul>" + (f"… and {extra} more" if extra > 0
                                                           else ""))
    if not limit and any(s["why"] not in ("name", "short name (same article)")
                         for s in spellings):
        out.append("<span style='color:gray'>A spelling that is someone else: More ▸ Split "
                   "alias… makes it a person of its own.</span>")
    return "<br>".join(out)


#: How the reasons read in the app.
_WHY = {"name": "the name", "short name (same article)": "short name, named in full nearby"}


class BookmarksModel(RowsModel):
    """Bookmarks from the store; the note and tags columns are editable and
    write straight through to the store."""

    COLUMNS = ("Passage", "Note", "Tags", "Document", "Status")
    NOTE, TAGS, STATUS = 1, 2, 4
    MISSING = "gone from your folders (saved text)"
    FOLDER_REMOVED = "gone with its folder (saved text)"

    def __init__(self, store: BookmarkStore, parent=None,
                 listed: Callable[[], frozenset[str] | None] = lambda: None) -> None:
        """``listed``: the keys of the user's folders now (:attr:`Settings.listed`)."""
        super().__init__(parent)
        self.store = store
        self.listed = listed
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
            if col == 3:  # the citation, as the CLI and the exports give it
                return cite(b.title or b.path, b.source, b.date or "undated", b.para, b.page)
            if b.changes:
                return f"edited: {b.changes}"
            if b.folder_removed(self.listed()):
                return self.FOLDER_REMOVED
            return {"ok": "", "moved": "moved", "edited": "edited",
                    "missing": self.MISSING}.get(b.status, b.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return b.text
            if col == self.STATUS and b.changes:
                return (f"Changed in the document since you bookmarked it ({b.changes}).\n\n"
                        f"You bookmarked:\n{b.text}\n\nIt now reads:\n{b.now_text}")
            if col == self.STATUS and b.folder_removed(self.listed()):
                return (f"Its folder, {b.folder_path}, was removed from your folders: the "
                        "text you bookmarked is kept, and the bookmark is found again if "
                        "you add the folder back.")
            return f"{b.path} · paragraph {b.para}"
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
