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

from searchapp.gui.models import ExpandedRole, HitRole, StarRole, when
from searchapp.gui.render import (
    href_person,
    mid_color,
    paint_empty,
    qt_snippet,
    quote_color,
    speakers_html,
)

STAR_W = 26
LAYOUT_BATCH = 5  # rows laid out per turn of the event loop
PAD = 6


def copies_html(hit, muted: str, link: str, expanded: bool) -> str:
    """"also in 3: Yonhap, The Korea Herald, …" under a hit that stands for copies
    (a link that lists them, each a link that opens it, when ``expanded``)."""
    if not hit.copies:
        return ""
    esc = html.escape
    names = list(dict.fromkeys(c["source"] or c["path"] for c in hit.copies))
    shown = ", ".join(esc(n) for n in names[:3]) + (", …" if len(names) > 3 else "")
    arrow = "▾" if expanded else "▸"
    out = (f"<div style='font-size:small'><a href='copies:toggle' style='color:{link};"
           f"text-decoration:none'>{arrow} also in {len(hit.copies)}: {shown}</a></div>")
    if expanded:
        rows = "".join(
            f"<div style='font-size:small;margin-left:12px'><a href='copy:{i}' "
            f"style='color:{link};text-decoration:none'>{esc(c['source'] or c['path'])}</a>"
            f"<span style='color:{muted}'> · {esc(when(c['date']))} · ¶{c['para']}"
            f" · {esc(c['path'])}</span></div>" for i, c in enumerate(hit.copies))
        out += rows
    return out


def hit_html(hit, muted: str, folder: bool = False, expanded: bool = False,
             link: str = "", quote_bg: str = "") -> str:
    """A result row; ``folder``: name the folder it is in (several are searched);
    ``expanded``: list each copy it stands for; its quotations tinted ``quote_bg``
    and their speakers listed as ``said:`` links."""
    esc = html.escape
    where = f"{esc(hit.source or 'unknown source')} · {esc(when(hit.date, hit.year))} · ¶{hit.para}"
    if hit.page:
        where += f" · p. {hit.page}"
    if hit.scan:
        where += " · read from a scan"
    if folder and hit.folder:
        where += f" · in {esc(hit.folder)}"
    kind = f" · {esc(hit.shown_kind)}" if hit.shown_kind else ""
    persons = ""
    if hit.persons:
        persons = (f"<div style='color:{muted};font-size:small'>"
                   f"{esc(', '.join(hit.persons))}</div>")
    quoted = speakers_html(hit.quotes, link or muted, muted) if hit.quotes else ""
    if quoted:
        quoted = f"<div>{quoted}</div>"
    return (f"<div><b>{esc(hit.title or hit.path)}</b></div>"
            f"<div style='color:{muted};font-size:small'>{where}{kind}</div>"
            f"<div>{qt_snippet(hit, quote_bg)}</div>{persons}{quoted}"
            f"{copies_html(hit, muted, link or muted, expanded)}")


class ResultDelegate(QStyledItemDelegate):
    star_clicked = Signal(object)  # the Hit
    speaker_clicked = Signal(str)  # a quoted person's name (a "quoted: ..." link)
    copies_toggled = Signal(object)  # the Hit whose copies are listed or folded again
    copy_clicked = Signal(object, int)  # the Hit and which of its copies

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._cache: dict[tuple[str, int, bool], QTextDocument] = {}
        self.show_folder = False  # several folders are searched: each row names its own

    def _doc(self, hit, width: int, selected: bool, expanded: bool = False) -> QTextDocument:
        key = (hit.key + hit.snippet, width, selected, expanded)
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
            doc.setHtml(hit_html(hit, mid_color(pal, selected), self.show_folder, expanded,
                                 link, quote_color(pal, selected)))
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
        doc = self._doc(hit, self._text_width(), False, bool(index.data(ExpandedRole)))
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
        doc = self._doc(hit, self._text_width(), selected, bool(index.data(ExpandedRole)))
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
        if event.type() == QEvent.Type.MouseButtonRelease:
            hit = index.data(HitRole)
            pos = event.position().toPoint()
            if hit is not None and self.star_rect(option.rect).contains(pos):
                self.star_clicked.emit(hit)
                return True
            href = self.link_at(index, option.rect, pos) if hit is not None else ""
            if href == "copies:toggle":
                self.copies_toggled.emit(hit)
                self.sizeHintChanged.emit(index)
                return True
            if href.startswith("copy:"):
                self.copy_clicked.emit(hit, int(href[5:]))
                return True
            if href.startswith("said:"):
                self.speaker_clicked.emit(href_person(href))
                return True
        return super().editorEvent(event, model, option, index)

    def _row_doc(self, index) -> QTextDocument:
        """The row's text as drawn (selected or not, its copies listed or not)."""
        return self._doc(index.data(HitRole), self._text_width(),
                         self.view.selectionModel().isSelected(index),
                         bool(index.data(ExpandedRole)))

    def link_at(self, index, rect: QRect, pos) -> str:
        """The link of the row's text under ``pos`` ("" when none)."""
        local = QPointF(pos.x() - rect.left() - PAD, pos.y() - rect.top() - PAD)
        return self._row_doc(index).documentLayout().anchorAt(local)

    def link_rect(self, index, rect: QRect, href: str) -> QRect | None:
        """Where the link ``href`` is drawn in the row at ``rect`` (for tests and
        keyboard users: the view's coordinates)."""
        doc = self._row_doc(index)
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid() and frag.charFormat().anchorHref() == href:
                    box = layout.blockBoundingRect(block)
                    line = block.layout().lineForTextPosition(frag.position() - block.position())
                    x = line.cursorToX(frag.position() - block.position())[0]
                    return QRect(int(rect.left() + PAD + box.left() + x + 2),
                                 int(rect.top() + PAD + box.top() + line.y() + 2), 4,
                                 max(2, int(line.height()) - 4))
                it += 1
            block = block.next()
        return None

    def helpEvent(self, event, view, option, index) -> bool:
        """A quotation's tooltip: who said it."""
        if event.type() == QEvent.Type.ToolTip and index.data(HitRole) is not None:
            doc = self._row_doc(index)
            point = QPointF(event.pos().x() - option.rect.left() - PAD,
                            event.pos().y() - option.rect.top() - PAD)
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

    empty_text = ""  # said in the empty list (no paragraph matches, the query failed)

    def show_empty(self, result_total: int | None, filtered: bool = False) -> None:
        """What the list says when it has no rows: ``result_total`` 0 (nothing matches;
        ``filtered``: with filters set) or None (the query could not run)."""
        if result_total is None:
            self.empty_text = "The query cannot run: see the message above the results."
        elif result_total == 0:
            self.empty_text = ("No paragraph matches this search with these filters. Remove "
                               "a filter (click its chip) or clear them all (Ctrl+Backspace)."
                               if filtered else "No paragraph matches this search.")
        else:
            self.empty_text = ""
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        paint_empty(self, self.empty_text)

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
