"""The page image beside the text OCR read from it, in the document viewer.

The page is rendered in the engine's process (PDFium or Pillow there, never in
the window's), sent as PNG bytes and shown in a panel at the viewer's right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: Width (pixels) pages are rendered at for the panel.
PAGE_WIDTH = 900


class PageImagePanel(QWidget):
    """A page image with its number, scrollable, with a button to hide it."""

    #: A page's image, or the message in its place, is on screen (the page's number).
    shown = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.page: int | None = None
        self.title = QLabel("")
        self.close_btn = QToolButton(text="Hide page ✕")
        self.close_btn.setToolTip("Hide the page image")
        self.close_btn.clicked.connect(self.hide)
        self.zoom_btn = QToolButton(text="Full size")
        self.zoom_btn.setCheckable(True)
        self.zoom_btn.setToolTip("Show the page at full size (scroll to read) or fitted to the panel")
        self.zoom_btn.toggled.connect(lambda _: self._fit())
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.zoom_btn)
        bar.addWidget(self.close_btn)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._pixmap = QPixmap()

    def show_message(self, page: int, text: str) -> None:
        self.page = page
        self.title.setText(f"Page {page}")
        self.image.setPixmap(QPixmap())
        self.image.setText(text)
        self.show()
        self.shown.emit(page)

    def show_png(self, page: int, png: bytes) -> None:
        """Show page ``page`` from PNG bytes, fitted to the panel's width."""
        self.page = page
        self._pixmap = QPixmap()
        self._pixmap.loadFromData(png, "PNG")
        self.title.setText(f"Page {page}, scanned")
        self.image.setText("")
        self._fit()
        self.show()
        self.shown.emit(page)

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        if self.zoom_btn.isChecked():
            self.image.setPixmap(self._pixmap)
            return
        width = max(100, self.scroll.viewport().width() - 4)
        self.image.setPixmap(self._pixmap.scaledToWidth(
            min(width, self._pixmap.width()), Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


def file_of(settings, paragraph: dict) -> Path | None:
    """The file a stored paragraph comes from: its folder (by name) and path."""
    folders = [f for f in settings.folders if f.name == paragraph.get("folder")] or \
        (list(settings.folders) if len(settings.folders) == 1 else [])
    if not folders or not paragraph.get("path"):
        return None
    return folders[0].path / paragraph["path"]


def show_page(window, view, page: int) -> None:
    """Ask the engine's process for page ``page`` of ``view``'s document and show it
    in the view's page panel."""
    data = view.data
    if data is None:
        return
    para = next((p for p in data.paragraphs if p.get("page") == page), data.paragraphs[0])
    path = file_of(window.settings, para)
    panel = view.page_panel
    if panel.isHidden():  # the page beside the text, at a width it can be read at
        width = sum(view.split.sizes()) or view.width()
        view.split.setSizes([width * 11 // 20, width * 9 // 20])
    if path is None:
        panel.show_message(page, "The file this text was read from is not in your folders.")
        return
    panel.show_message(page, "Loading the page…")

    def done(png: bytes) -> None:
        if view.data is data:
            panel.show_png(page, png)

    def failed(message: str) -> None:
        if view.data is data:
            panel.show_message(page, f"The page cannot be shown: {message}")

    window.session.call(lambda engine: engine.page_image(path, page, PAGE_WIDTH), done, failed)
