"""The results list: a QListView over :class:`ResultsModel`, painted by a
delegate (title, source and date, highlighted snippet, persons, a star)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QToolTip,
)

from searchapp.gui.models import HitRole, StarRole, when
from searchapp.gui.render import (
    href_person,
    mid_color,
    qt_snippet,
    quote_color,
    speakers_html,
)

STAR_W = 26
LAYOUT_BATCH = 5  # rows laid out per turn of the event loop
PAD = 6


def hit_html(hit, muted: str, folder: bool = False, quote_bg: str = "",
             link: str = "") -> str:
    """A result row; ``folder``: name the folder it is in (several are searched);
    its quotations tinted ``quote_bg`` and their speakers listed as ``said:`` links."""
    esc = html.escape
    where = f"{esc(hit.source or 'unknown source')} · {esc(when(hit.date, hit.year))} · ¶{hit.para}"
    if hit.page:
        where += f" · p. {hit.page}"
    if folder and hit.folder:
        where += f" · in {esc(hit.folder)}"
    kind = f" · {esc(hit.kind)}" if hit.kind not in ("body", "title") else ""
    persons = ""
    if hit.persons:
        persons = (f"<div style='color:{muted};font-size:small'>"
                   f"{esc(', '.join(hit.persons))}</div>")
    quoted = speakers_html(hit.quotes, link or muted, muted) if hit.quotes else ""
    if quoted:
        quoted = f"<div>{quoted}</div>"
    return (f"<div><b>{esc(hit.title or hit.path)}</b></div>"
            f"<div style='color:{muted};font-size:small'>{where}{kind}</div>"
            f"<div>{qt_snippet(hit, quote_bg)}</div>{persons}{quoted}")


class ResultDelegate(QStyledItemDelegate):
    star_clicked = Signal(object)  # the Hit
    speaker_clicked = Signal(str)  # a quoted person's name (a "quoted: ..." link)

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._cache: dict[tuple[str, int, bool], QTextDocument] = {}
        self.show_folder = False  # several folders are searched: each row names its own

    def _doc(self, hit, width: int, selected: bool) -> QTextDocument:
        key = (hit.key + hit.snippet, width, selected)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 400:
                self._cache.clear()
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.view.font())
            pal = self.view.palette()
            link = pal.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Link).name()
            doc.setHtml(hit_html(hit, mid_color(pal, selected), self.show_folder,
                                 quote_color(pal, selected), link))
            doc.setTextWidth(max(80, width))
            self._cache[key] = doc
        return doc

    def invalidate(self) -> None:
        self._cache.clear()

    def _text_width(self) -> int:
        return self.view.viewport().width() - STAR_W - 3 * PAD

    def sizeHint(self, option, index) -> QSize:
        hit = index.data(HitRole)
        if hit is None:
            return super().sizeHint(option, index)
        doc = self._doc(hit, self._text_width(), False)
        return QSize(self.view.viewport().width(), int(doc.size().height()) + 2 * PAD + 2)

    def paint(self, painter, option, index) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        style = self.view.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, self.view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self._doc(hit, self._text_width(), selected)
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PAD, rect.top() + PAD)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        star = self.star_rect(rect)
        painter.save()
        starred = bool(index.data(StarRole))
        painter.setPen(option.palette.color(role if not starred else QPalette.ColorRole.Link))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        painter.setFont(font)
        painter.drawText(star, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         "★" if starred else "☆")
        painter.restore()
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    @staticmethod
    def star_rect(rect: QRect) -> QRect:
        return QRect(rect.right() - STAR_W - PAD // 2, rect.top() + PAD - 2, STAR_W, STAR_W)

    def editorEvent(self, event, model, option, index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and \
                self.star_rect(option.rect).contains(event.position().toPoint()):
            hit = index.data(HitRole)
            if hit is not None:
                self.star_clicked.emit(hit)
                return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            href = self.anchor_at(index, option.rect, event.position().toPoint())
            if href.startswith("said:"):
                self.speaker_clicked.emit(href_person(href))
                return True
        return super().editorEvent(event, model, option, index)

    def _doc_point(self, index, rect: QRect, pos) -> tuple[QTextDocument | None, QPointF]:
        hit = index.data(HitRole)
        if hit is None:
            return None, QPointF()
        doc = self._doc(hit, self._text_width(), self.view.selectionModel().isSelected(index))
        return doc, QPointF(pos.x() - rect.left() - PAD, pos.y() - rect.top() - PAD)

    def anchor_at(self, index, rect: QRect, pos) -> str:
        """The link under ``pos`` in the row ``index`` drawn in ``rect`` ("" if none)."""
        doc, point = self._doc_point(index, rect, pos)
        return doc.documentLayout().anchorAt(point) if doc is not None else ""

    def helpEvent(self, event, view, option, index) -> bool:
        """A quotation's tooltip: who said it."""
        if event.type() == QEvent.Type.ToolTip:
            doc, point = self._doc_point(index, option.rect, event.pos())
            if doc is not None:
                at = doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
                if at >= 0:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(at + 1)
                    tip = cursor.charFormat().toolTip()
                    if tip:
                        QToolTip.showText(event.globalPos(), tip, view)
                        return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().helpEvent(event, view, option, index)


class ResultsView(QListView):
    """Results with word-wrapped rich rows; re-lays out when its width changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._laid_width = -1  # the viewport width the rows were measured at
        self.delegate = ResultDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always shown: a scroll bar appearing while the rows are laid out in batches
        # changed the viewport's width mid-layout, and the relayout that asked for left a
        # list of more than a page of short rows laid out to nothing (a blank list under
        # "40 paragraphs"; tests/test_gui_folders.py)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        # rows are rich text laid out to their height (~0.5 ms each): lay them out a few
        # at a time, so that a new page of results never holds the GUI thread for long
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setMouseTracking(True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._width_changed()

    def updateGeometries(self) -> None:
        super().updateGeometries()  # a scroll bar shown or hidden changes the viewport's width
        self._width_changed()

    def _width_changed(self) -> None:
        """Rows are as tall as their text at the viewport's width: when that width
        changes, forget the laid-out text and lay the rows out again.  (QListView
        re-lays out a top-to-bottom list only when its height changes, so rows
        measured at the old width overlapped or left gaps.)"""
        width = self.viewport().width()
        if width == self._laid_width:
            return
        self._laid_width = width
        self.delegate.invalidate()
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.delegate.invalidate()
        super().changeEvent(event)
