"""Filters: the facet panel, the active-filter chips and the hits-over-time chart."""

from __future__ import annotations

import calendar
import math
import re

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from searchapp.gui.models import FacetModel, FacetRole, MoreRole, StateRole, ValueRole

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FacetTree(QTreeView):
    """Click (or Space/Enter) filters by a value; '-', Delete or the context
    menu excludes it."""

    toggled = Signal(str, str)
    excluded = Signal(str, str)

    def __init__(self, model: FacetModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a fixed count column: sizing it to its contents asks the model for every row
        # of every group (thousands of Python calls per result, 25 ms at 100k)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.header().resizeSection(1, self.fontMetrics().horizontalAdvance("Results") + 16)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.clicked.connect(self._clicked)
        self.expandAll()

    def _value(self, index) -> tuple[str, str, str] | None:
        value = index.data(ValueRole)
        if value is None:
            return None
        return index.data(FacetRole), value, index.data(StateRole)

    def _clicked(self, index) -> None:
        more = index.data(MoreRole)
        if more:
            self.model().toggle_all(more)
            return
        v = self._value(index)
        if v is None:
            return
        facet, value, state = v
        if state == "exclude":
            self.excluded.emit(facet, value)  # clicking an exclusion removes it
        else:
            self.toggled.emit(facet, value)

    def keyPressEvent(self, event) -> None:
        v = self._value(self.currentIndex())
        key = event.key()
        if (v is not None or self.currentIndex().data(MoreRole)) and \
                key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._clicked(self.currentIndex())
            return
        if v is not None and key in (Qt.Key.Key_Minus, Qt.Key.Key_Delete):
            self.excluded.emit(v[0], v[1])
            return
        super().keyPressEvent(event)

    def _menu(self, pos: QPoint) -> None:
        v = self._value(self.indexAt(pos))
        if v is None:
            return
        facet, value, state = v
        menu = QMenu(self)
        if state == "include":
            menu.addAction("Remove this filter", lambda: self.toggled.emit(facet, value))
        elif state == "exclude":
            menu.addAction("Stop excluding", lambda: self.excluded.emit(facet, value))
        else:
            menu.addAction(f"Only results with {value}", lambda: self.toggled.emit(facet, value))
            menu.addAction(f"Exclude {value}", lambda: self.excluded.emit(facet, value))
        menu.exec(self.viewport().mapToGlobal(pos))


class FacetPanel(QWidget):
    """Facet groups with counts, a date range and "clear all"."""

    toggled = Signal(str, str)
    excluded = Signal(str, str)
    dates_changed = Signal(object, object)  # from, to (str or None)
    clear_all = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = FacetModel(self)
        self.tree = FacetTree(self.model)
        self.tree.toggled.connect(self.toggled)
        self.tree.excluded.connect(self.excluded)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        # a format to fill in, not a date (a sample date read as a filter already set)
        for edit, text in ((self.date_from, "From YYYY-MM-DD"), (self.date_to, "To YYYY-MM-DD")):
            edit.setToolTip("A year, a month or a day: 2023, 2023-10, 2023-10-05; "
                            "empty: no limit")
            edit.setPlaceholderText(text)
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(self._dates_edited)
            edit.textChanged.connect(lambda _t: self._dates_edited(quiet=True))
        self.date_error = QLabel("")
        self.date_error.setWordWrap(True)
        self.date_error.hide()
        self.clear_btn = QPushButton("Clear all filters")
        self.clear_btn.clicked.connect(self.clear_all)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel("<b>Date</b>")
        layout.addWidget(title)
        layout.addLayout(dates)
        layout.addWidget(self.date_error)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.clear_btn)
        self._dates: tuple[str | None, str | None] = (None, None)

    def set_counts(self, facets, included, excluded) -> None:
        collapsed = {f for f, g in self.model.groups.items()
                     if not self.tree.isExpanded(self.model.indexFromItem(g))}
        self.model.set_counts(facets, included, excluded)
        for facet, group in self.model.groups.items():
            # a group with no value in these results is not shown (a header over nothing)
            self.tree.setRowHidden(group.row(), QModelIndex(), not group.rowCount())
            self.tree.setExpanded(self.model.indexFromItem(group), facet not in collapsed)

    def set_dates(self, date_from: str | None, date_to: str | None) -> None:
        self._dates = (date_from, date_to)
        for edit, value in ((self.date_from, date_from), (self.date_to, date_to)):
            if edit.text() != (value or ""):
                edit.blockSignals(True)
                edit.setText(value or "")
                edit.blockSignals(False)
        self._show_date_error("")

    def _dates_edited(self, quiet: bool = False) -> None:
        values = []
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            if text and not DATE_RE.match(text):
                if not quiet:
                    self._show_date_error(f"'{text}' is not a date: write 2023, 2023-10 or 2023-10-05")
                return
            values.append(text or None)
        self._show_date_error("")
        if (values[0], values[1]) != self._dates and (not quiet or not any(values)):
            self._dates = (values[0], values[1])
            self.dates_changed.emit(values[0], values[1])

    def _show_date_error(self, message: str) -> None:
        self.date_error.setText(message)
        self.date_error.setStyleSheet("color:#c0392b")
        self.date_error.setVisible(bool(message))


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to new lines (Qt's flow layout example)."""

    def __init__(self, parent=None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int):
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int):
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _layout(self, rect: QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class ChipsBar(QWidget):
    """The active filters as removable chips."""

    removed = Signal(object)  # the chip's key

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.chips: list[tuple[str, object]] = []

    def set_chips(self, chips: list[tuple[str, object]]) -> None:
        if list(chips) == self.chips:
            return
        self.chips = list(chips)
        while self.flow.count():
            item = self.flow.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for label, key in chips:
            btn = QToolButton()
            btn.setText(f"{label}  ✕")
            btn.setToolTip("Remove this filter")
            btn.setAutoRaise(False)
            btn.clicked.connect(lambda _=False, k=key: self.removed.emit(k))
            self.flow.addWidget(btn)
            btn.show()
        self.setVisible(bool(chips))
        self.flow.invalidate()
        self.flow.setGeometry(self.contentsRect())
        self.updateGeometry()


class TimelineChart(QWidget):
    """Dated results per year (or per month when they span two years or less);
    clicking a bar filters to that period."""

    period_clicked = Signal(str, str)  # date_from, date_to

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, str, str, int]] = []  # label, from, to, count
        self.note = ""
        self.setMinimumHeight(70)
        self.setMaximumHeight(90)
        self.setMouseTracking(True)
        self.setToolTip("Results over time: click a bar to show only that period")

    def set_timeline(self, timeline: list[tuple[str, int]]) -> None:
        years: dict[int, int] = {}
        months: dict[str, int] = {}
        year_only = 0
        for period, count in timeline:
            years[int(period[:4])] = years.get(int(period[:4]), 0) + count
            if len(period) == 7:
                months[period] = count
            else:
                year_only += count
        self.bars = []
        self.note = ""
        by_month = bool(months) and max(years) - min(years) < 2 \
            and year_only * 4 <= sum(months.values())
        if years and not by_month:
            for y in range(min(years), max(years) + 1):
                self.bars.append((str(y), str(y), str(y), years.get(y, 0)))
        elif by_month:
            first, last = min(months), max(months)
            y, m = int(first[:4]), int(first[5:])
            while f"{y:04d}-{m:02d}" <= last:
                key = f"{y:04d}-{m:02d}"
                self.bars.append((f"{calendar.month_abbr[m]} \u2019{y % 100:02d}", key, key,
                                  months.get(key, 0)))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            if year_only:
                self.note = f"+{year_only} dated by year only"
        self.update()

    def _bar_rects(self) -> list[QRect]:
        n = len(self.bars)
        if not n:
            return []
        label_h = self.fontMetrics().height() + 2
        top = 4 + (label_h if self.note else 0)  # the note has its own line above the bars
        w = self.width() - 8
        h = max(1, self.height() - label_h - 2 - top)
        step = w / n
        peak = max(c for *_, c in self.bars) or 1
        rects = []
        for i, (*_, count) in enumerate(self.bars):
            bh = int(h * count / peak) if count else 0
            x = int(4 + i * step + step * 0.12)
            rects.append(QRect(x, top + h - bh, max(2, int(step * 0.76)), bh))
        return rects

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        rects = self._bar_rects()
        if not rects:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated results")
            return
        fm = self.fontMetrics()
        label_y = self.height() - 4
        widest = max(fm.horizontalAdvance(label) for label, *_ in self.bars)  # "2019", "Sep ’24"
        every = max(1, math.ceil((widest + 8) / max(1, rects[0].width() + 2)))
        for i, (rect, (label, *_)) in enumerate(zip(rects, self.bars, strict=True)):
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
            if i % every == 0:
                painter.setPen(pal.color(QPalette.ColorRole.Text))
                painter.drawText(QRect(rect.center().x() - 40, label_y - fm.height(), 80,
                                       fm.height()), Qt.AlignmentFlag.AlignHCenter, label)
        if self.note:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(0, 2, -4, 0),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.note)

    def bar_at(self, pos: QPoint) -> int | None:
        for i, rect in enumerate(self._bar_rects()):
            column = QRect(rect.left(), 0, rect.width(), self.height())
            if column.contains(pos):
                return i
        return None

    def mouseMoveEvent(self, event) -> None:
        i = self.bar_at(event.position().toPoint())
        if i is not None:
            label, _, _, count = self.bars[i]
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{label}: {count} result{'s' if count != 1 else ''}", self)

    def mouseReleaseEvent(self, event) -> None:
        i = self.bar_at(event.position().toPoint())
        if i is not None:
            self.click_bar(i)

    def click_bar(self, i: int) -> None:
        _, start, end, _ = self.bars[i]
        self.period_clicked.emit(start, end)
