"""Qt models over core data (tested without a window)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from searchapp.document import Document

DocumentRole = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractListModel):
    """The corpus's documents: title, source and date per row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._docs: list[Document] = []

    def set_documents(self, docs: list[Document]) -> None:
        self.beginResetModel()
        self._docs = sorted(docs, key=lambda d: (d.meta.date or str(d.meta.year or ""), d.path),
                            reverse=True)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._docs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = doc.meta.date or (str(doc.meta.year) if doc.meta.year else "undated")
            source = doc.meta.source or "unknown source"
            return f"{doc.meta.title or doc.path}\n{source} · {when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.path
        if role == DocumentRole:
            return doc
        return None
