"""Small widgets of the main window, and the query-language help text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy

QUERY_HELP = """
<h3>Query language</h3>
<table cellspacing='4'>
<tr><td><code>summit Seoul</code></td><td>both words (stemmed, case- and accent-folded)</td></tr>
<tr><td><code>"Camp David"</code></td><td>phrase</td></tr>
<tr><td><code>a AND b</code>, <code>a OR b</code>, <code>a NOT b</code>, <code>-b</code>,
 <code>( … )</code></td><td>boolean</td></tr>
<tr><td><code>pres*</code>, <code>wom?n</code></td><td>wildcards</td></tr>
<tr><td><code>Pyongyng~</code>, <code>Pyongyng~2</code></td><td>fuzzy</td></tr>
<tr><td><code>person:"Yoon Seok-yeol"</code>, <code>person:尹</code></td>
 <td>a person by any alias or spelling</td></tr>
<tr><td><code>said:Xi</code></td><td>a paragraph quoting that person</td></tr>
<tr><td><code>place:</code>, <code>source:</code>, <code>author:</code>, <code>title:</code>,
 <code>year:2023</code>, <code>folder:</code></td><td>fields</td></tr>
<tr><td><code>person:Okonkwo-Salas</code></td><td>a field's value runs to the next space:
 a hyphen is part of the name; quote a name with spaces</td></tr>
<tr><td><code>date:2023-10</code>, <code>date:[2023-01-01 TO 2023-06-30]</code></td>
 <td>dates</td></tr>
<tr><td><code>习近平</code>, <code>정상회의</code></td><td>Chinese, Korean and Japanese text</td></tr>
</table>
<p>A person's name typed as text also finds every other spelling of that person.</p>
"""


class SearchBox(QLineEdit):
    """The query line; Down moves to the results."""

    def __init__(self, on_down, parent=None) -> None:
        super().__init__(parent)
        self._on_down = on_down

    def keyPressEvent(self, event) -> None:
        popup = self.completer().popup() if self.completer() else None
        if event.key() == Qt.Key.Key_Down and not (popup and popup.isVisible()):
            self._on_down()
            return
        super().keyPressEvent(event)


class MessageLine(QLabel):
    """The one line under the search bar: notices and "Did you mean" (rich text,
    with links), or an error, elided to the width it has (the whole text in its
    tooltip).  Its width never comes from its text, so a long message cannot
    grow the window's layout."""

    ERROR_STYLE = "color:#c0392b"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.error = ""  # the whole error message shown, if any
        self.hide()

    def show_notes(self, rich: str) -> None:
        self.error = ""
        self.setStyleSheet("")
        self.setToolTip(rich)  # the whole of it, should the line be too narrow
        self.setText(rich)
        self.setVisible(bool(rich))

    def show_error(self, message: str) -> None:
        self.error = " ".join(message.split())
        self.setStyleSheet(self.ERROR_STYLE)
        self.setToolTip(f"<p>{html.escape(self.error, quote=False)}</p>")
        self._elide()
        self.show()

    def _elide(self) -> None:
        text = self.fontMetrics().elidedText(self.error, Qt.TextElideMode.ElideRight,
                                             max(40, self.contentsRect().width()))
        self.setText(html.escape(text))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.error:
            self._elide()
