"""The window fits its screen, and the results keep their room in a small window.

A mixin of :class:`~searchapp.gui.main_window.MainWindow`:

* the geometry restored from ``window.ini`` (or the default size on a first
  start) is clamped to the available geometry of the screen it lands on: a
  window saved on a larger or a since-unplugged monitor, or a default size
  larger than a laptop's screen, never sits partly off screen;
* the Bookmarks panel yields height to the results when the window is short:
  it keeps the height the user gave it while there is room, and shrinks down
  to its minimum before the results list drops below ``RESULTS_MIN`` pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QStyle

RESULTS_MIN = 300  # pixels the results list keeps before the Bookmarks panel yields
DEFAULT_SIZE = (1280, 800)


def screen_rect(at: QPoint):
    """The available geometry of the screen at ``at`` (the primary one if none is there)."""
    screen = QGuiApplication.screenAt(at) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def clamped(rect: QRect, avail: QRect, title: int, frame: int) -> QRect:
    """``rect`` (a window's inside) moved and shrunk so that it, with a title bar of
    ``title`` and borders of ``frame`` pixels, lies inside ``avail``."""
    width = min(rect.width(), avail.width() - 2 * frame)
    height = min(rect.height(), avail.height() - title - frame)
    x = min(max(rect.x(), avail.left() + frame), avail.right() + 1 - frame - width)
    y = min(max(rect.y(), avail.top() + title), avail.bottom() + 1 - frame - height)
    return QRect(x, y, width, height)


class _DockWatch(QObject):
    """Tells the window when the user resized the Bookmarks panel by hand."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.window_._bookmarks_resized()
        return False


class WindowFit:
    """Restore and clamp the window's geometry; let the Bookmarks panel yield."""

    ui_state: QSettings

    def restore_geometry(self) -> None:
        """The saved geometry (Qt's own record, else the saved rectangle), or the
        default size, clamped to the available screen."""
        self.resize(*DEFAULT_SIZE)
        saved = self.ui_state.value("geometry")
        restored = False
        if saved is not None and not isinstance(saved, str):
            # Qt refuses its record when the screen it names is gone or smaller
            restored = self.restoreGeometry(saved)
        if not restored:
            rect = self.ui_state.value("rect")
            if isinstance(rect, QRect) and rect.isValid():
                self.setGeometry(rect)
                restored = True
        # a first start: only the size is fitted, the window manager places the window
        self.fit_to_screen(move=restored)

    def save_geometry(self) -> None:
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.setValue("rect", self.normalGeometry())

    def fit_to_screen(self, move: bool = True) -> None:
        """Move and shrink the window so that all of it, frame included, is on the
        screen that holds its centre (or the primary screen); ``move`` False: shrink
        it only (where it goes is the window manager's choice)."""
        if self.isMaximized() or self.isFullScreen():
            return
        rect = self.geometry()
        avail = screen_rect(rect.center())
        if self.isVisible() and self.frameGeometry() != rect:  # the frame is known
            title = rect.top() - self.frameGeometry().top()
            frame = self.frameGeometry().right() - rect.right()
        else:  # not shown yet: the style's title bar, as Qt's own restore check does
            style = QApplication.style()
            title = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) + 4
            frame = 4
        fitted = clamped(rect, avail, title, frame)
        if not move:
            self.resize(fitted.size())
        elif fitted != rect:
            self.setGeometry(fitted)

    # -- the Bookmarks panel yields --------------------------------------------------

    def _watch_bookmarks(self, dock: QDockWidget, height: int) -> None:
        """``dock`` (bottom) wants ``height`` until the user sizes it otherwise."""
        self._bookmarks_dock = dock
        self._bookmarks_wanted = height
        self._fitted: int | None = None  # the height last given to it here
        self._last_size = None
        dock.installEventFilter(_DockWatch(self))

    def _bookmarks_resized(self) -> None:
        """The panel changed height while the window did not: the user dragged its
        edge, and that height is what they want while there is room for it."""
        height = self._bookmarks_dock.height()
        if self._last_size == self.size() and self.isVisible() and self._fitted is not None \
                and abs(height - self._fitted) > 1:
            self._bookmarks_wanted = height
            self._fitted = height

    def fit_bookmarks(self) -> None:
        """Give the results list at least ``RESULTS_MIN`` pixels by shrinking the
        Bookmarks panel (down to its minimum), and let it grow back to the height
        wanted when there is room again."""
        dock = getattr(self, "_bookmarks_dock", None)
        self._last_size = self.size()
        if dock is None or not dock.isVisible() or dock.isFloating() \
                or self.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        spare = self.results.height() - RESULTS_MIN  # negative: the results lack room
        target = max(dock.minimumSizeHint().height(),
                     min(self._bookmarks_wanted, dock.height() + spare))
        self._fitted = target  # its resize events that follow are not the user's
        if abs(target - dock.height()) > 1:
            self.resizeDocks([dock], [target], Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # after the layouts have placed the panels at the new size
        QTimer.singleShot(0, self.fit_bookmarks)
