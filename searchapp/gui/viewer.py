"""The document viewer: a whole cleaned document, scrolled to a paragraph,
with query terms highlighted, hit navigation, find, stars and person links."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from searchapp.gui.page_image import PageImagePanel
from searchapp.gui.render import (
    href_person,
    mid_color,
    paragraph_html,
    quote_color,
    speakers_html,
    tint_color,
)
from searchapp.model import DocumentData

#: Characters of text the viewer lays out at once: Qt lays out a rich text of
#: millions of characters (and a highlight on every other word of it) for minutes, on
#: the GUI's thread.  A longer document shows the stretch around the paragraph
#: opened, with links to the text before and after it.
WINDOW_CHARS = 200_000


def text_window(sizes: list[int], around: int, budget: int) -> tuple[int, int]:
    """The paragraphs [start, end) to lay out, of texts ``sizes`` long: all of them
    when they fit in ``budget`` characters, else paragraph ``around`` and as many on
    either side as fit (at least that one)."""
    if sum(sizes) <= budget:
        return 0, len(sizes)
    around = min(max(around, 0), len(sizes) - 1)
    start, end, used = around, around + 1, sizes[around]
    grew = True
    while grew:
        grew = False
        if end < len(sizes) and used + sizes[end] <= budget:
            used, end, grew = used + sizes[end], end + 1, True
        if start > 0 and used + sizes[start - 1] <= budget:
            start, used, grew = start - 1, used + sizes[start - 1], True
    return start, end


KIND_STYLE = {
    "title": "font-size:15pt;font-weight:600;",
    "heading": "font-size:12.5pt;font-weight:600;",
    "caption": "font-style:italic;",
    "credit": "font-style:italic;",
    "byline": "font-style:italic;",
    "note": "font-style:italic;",
}


def compared_html(data: DocumentData, muted: str) -> str:
    """The header line of a document read beside another version of its story: how
    many of its passages that version does not have at all (marked whole) and in how
    many paragraphs words differ (only those words marked)."""
    other = data.compared_with or {}
    esc = html.escape
    name = esc(other.get("source") or other.get("path") or other.get("doc_id", ""))
    mark = "text-decoration:underline;color:#d1495b"
    missing = len(data.missing)
    changed = sum(1 for num in data.differences if num not in set(data.missing))
    bits = []
    if missing:
        bits.append(f"<span style='{mark}'>{missing} passage{'s' if missing != 1 else ''}"
                    "</span> it does not have")
    if changed:
        bits.append(f"<span style='{mark}'>words</span> that differ in {changed} "
                    f"paragraph{'s' if changed != 1 else ''}")
    text = "; ".join(bits) if bits else "the same text"
    return f"<span style='color:{muted}'>Beside {name}: {text}</span>"


class DocumentView(QWidget):
    person_clicked = Signal(str)
    speaker_clicked = Signal(str)  # a "quoted: ..." name: what else they said
    star_clicked = Signal(dict)  # the paragraph's stored fields
    pin_clicked = Signal()
    page_requested = Signal(int)  # show this page's image (text read from a scan)
    version_chosen = Signal(str)  # another version of this story to read beside this one
    #: A document is on screen, scrolled to its paragraph (its DocumentData), or a
    #: message stands in place of one (None).
    shown = Signal(object)

    def __init__(self, pinned: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.pinned = pinned
        self.data: DocumentData | None = None
        self.starred: set[str] = set()  # pids of bookmarked paragraphs of this document
        self.hits: list[tuple[int, int]] = []  # (position, length) of each highlight
        self.current_hit = -1  # the highlight the counter shows ("2 of 4"); -1: none yet
        self.current_para: int | None = None
        #: the paragraphs laid out, [start, end) of data.paragraphs (a long document
        #: shows a stretch of it: :func:`text_window`)
        self.laid_out = (0, 0)
        #: a search is on (words or persons): a document it highlights nothing in says so
        self.searching = False
        self._place = 0  # text position at the top of the page (kept across width changes)
        self._replacing = False  # a width change is being re-laid out: keep _place
        self._rendering = False

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(self._open_url)
        self.header.setContentsMargins(6, 4, 6, 2)

        self.prev_btn = QToolButton(text="◀")
        self.prev_btn.setToolTip("Previous hit (Shift+F3)")
        self.next_btn = QToolButton(text="▶")
        self.next_btn.setToolTip("Next hit (F3)")
        self.hit_label = QLabel("")
        self.find_btn = QToolButton(text="Find")
        self.find_btn.setToolTip("Find in document (Ctrl+F)")
        self.pin_btn = QToolButton(text="Close ✕" if pinned else "Pin")
        self.pin_btn.setToolTip("Close this pinned document" if pinned else
                                "Pin this document and open the next one beside it (Ctrl+P)")
        self.prev_btn.clicked.connect(self.previous_hit)
        self.next_btn.clicked.connect(self.next_hit)
        self.find_btn.clicked.connect(self.show_find)
        self.pin_btn.clicked.connect(self.pin_clicked.emit)
        self.versions_btn = QToolButton(text="Other versions")
        self.versions_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.versions_btn.setToolTip("Other versions of this story (other outlets' copies): "
                                     "open one beside this one, with the words that differ "
                                     "marked")
        self.versions_menu = QMenu(self.versions_btn)
        self.versions_btn.setMenu(self.versions_menu)
        self.versions_btn.hide()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        for w in (self.prev_btn, self.next_btn, self.hit_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.versions_btn)
        bar.addWidget(self.find_btn)
        bar.addWidget(self.pin_btn)

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in document — Enter: next, Shift+Enter: previous, Esc: close")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(lambda: self.find(self.find_edit.text()))
        self.find_edit.textEdited.connect(lambda t: self.find(t, from_start=True))
        self.find_status = QLabel("")
        self.find_bar = QWidget()
        fb = QHBoxLayout(self.find_bar)
        fb.setContentsMargins(4, 0, 4, 0)
        fb.addWidget(self.find_edit, 1)
        fb.addWidget(self.find_status)
        self.find_bar.hide()
        QShortcut(QKeySequence("Shift+Return"), self.find_edit,
                  activated=lambda: self.find(self.find_edit.text(), backward=True))
        QShortcut(QKeySequence("Escape"), self.find_edit, activated=self.hide_find)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.cursorPositionChanged.connect(self._cursor_moved)
        self.browser.document().setDocumentMargin(10)
        self.browser.verticalScrollBar().valueChanged.connect(self._remember_place)
        self.browser.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addWidget(self.find_bar)
        self.page_panel = PageImagePanel()
        self.page_panel.hide()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.browser)
        self.split.addWidget(self.page_panel)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)
        self.clear()

    # -- content ---------------------------------------------------------------

    def clear(self, message: str = "Select a result to read its document here.") -> None:
        self.data = None
        self.hits = []
        self.current_hit = -1
        self.header.setText(f"<span style='color:{mid_color(self.palette())}'>"
                            f"{html.escape(message)}</span>")
        self.browser.clear()
        self.page_panel.hide()
        self.versions_btn.hide()
        self._update_hit_label()
        for w in (self.prev_btn, self.next_btn, self.find_btn, self.pin_btn):
            w.setEnabled(self.pinned and w is self.pin_btn)
        self.shown.emit(None)

    def show_document(self, data: DocumentData, starred: set[str] | None = None) -> None:
        if self.data is None or self.data.doc_id != data.doc_id:
            self.page_panel.hide()
        self.data = data
        self.starred = set(starred or ())
        self.current_para = data.focus
        self.laid_out = (0, 0)  # laid out again around the paragraph opened
        self._render(keep_scroll=False)
        for w in (self.prev_btn, self.next_btn, self.find_btn, self.pin_btn):
            w.setEnabled(True)
        self._fill_versions()

    def _fill_versions(self) -> None:
        """"Other versions (3)": each opens beside this one, differences marked."""
        from searchapp.gui.models import when

        versions = self.data.versions if self.data is not None else []
        self.versions_menu.clear()
        self.versions_btn.setVisible(bool(versions))
        if not versions:
            return
        self.versions_btn.setText(f"Other versions ({len(versions)})")
        for v in versions:
            label = (f"{v.get('source') or v.get('path')} · {when(v.get('date'), v.get('year'))}"
                     f" — {v.get('title') or v.get('path')}  ({v.get('shared', 0):.0%} shared)")
            action = self.versions_menu.addAction(label.replace("&", "&&"))
            action.triggered.connect(lambda _=False, d=v["doc_id"]: self.version_chosen.emit(d))

    def refresh(self, data: DocumentData) -> None:
        """The same document again with what the current search highlights (and its
        current text), kept where the reader is; the paragraph opened from a result
        stays tinted only while the search still highlights something in it."""
        if self.data is None or data.doc_id != self.data.doc_id:
            return
        if data.focus is not None and data.focus not in data.marks:
            data = replace(data, focus=None)
        self.data = data
        self._render(keep_scroll=True)
        self._fill_versions()
        self.shown.emit(self.data)

    def end_comparison(self) -> None:
        """The version beside this one was closed: no differences marked, no word of it
        in the header."""
        if self.data is not None and self.data.compared_with is not None:
            self.data = replace(self.data, compared_with=None, differences={}, missing=[])
            self._render(keep_scroll=True)
            self.shown.emit(self.data)

    def set_starred(self, starred: set[str]) -> None:
        if self.data is not None and set(starred) != self.starred:
            self.starred = set(starred)
            self._render(keep_scroll=True)

    def _render(self, keep_scroll: bool) -> None:
        data = self.data
        pal = self.palette()
        muted = mid_color(pal)
        link = pal.color(QPalette.ColorRole.Link).name()
        m = data.meta
        esc = html.escape
        bits = [esc(m.get("source") or "Unknown source"),
                esc(m.get("date") or (str(m["year"]) if m.get("year") else "undated"))]
        if m.get("authors"):
            bits.append(esc(", ".join(m["authors"])))
        url = m.get("url") or ""
        url_html = ""
        if url.startswith(("http://", "https://")):
            url_html = f"<br><a href='{esc(url, quote=True)}'>{esc(url)}</a>"
        elif url:
            url_html = f"<br>{esc(url)}"
        notes = []
        if data.compared_with is not None:
            notes.append(compared_html(data, muted))
        if data.snapshot:
            why = esc(data.why) if data.why else "This passage is no longer in the corpus"
            notes.append(f"<i style='color:{muted}'>{why}; showing the text saved with the "
                         "bookmark.</i>")
        else:
            if any(p.get("scan") for p in data.paragraphs):
                notes.append(f"<i style='color:{muted}'>Text read by OCR from scanned pages: "
                             "it may hold misread characters. Click “show the page” to see "
                             "a scan.</i>")
            if self.searching and not data.marks:
                notes.append(f"<i style='color:{muted}'>Nothing in this document matches the "
                             "current search.</i>")
        note = "".join(f"<br>{n}" for n in notes)
        self.header.setText(
            f"<b style='font-size:13pt'>{esc(data.title)}</b><br>"
            f"<span style='color:{muted}'>{' · '.join(bits)}</span>{url_html}{note}")
        self.header.setToolTip(m.get("path") or "")

        tint = tint_color(pal)
        quote_bg = quote_color(pal)
        parts: list[str] = []
        n_hits = 0
        lengths: list[int] = []
        page = None
        start, end = self.laid_out = self._window_for(data)
        total = len(data.paragraphs)
        if start > 0:
            parts.append(f"<p style='color:{muted}'><a href='window:before' style='color:{link}'>"
                         f"Show the text before</a> ({start} of {total} paragraphs not shown)</p>")
        for p in data.paragraphs[start:end]:
            num = p["para"]
            if p.get("page") and p["page"] != page:  # a PDF's page starts: say which
                page = p["page"]
                scan = (f" · read from a scan · <a href='page:{page}' style='color:{link}'>"
                        "show the page</a>") if p.get("scan") else ""
                parts.append(f"<p style='color:{muted};font-size:small;margin:0'>"
                             f"— p. {page}{scan} —</p>")
            text = p.get("body", "")
            marks = data.marks.get(num, [])
            persons = [(s, e, name) for s, e, name, kind in p.get("mentions", [])
                       if kind == "person"]
            quotes = p.get("quotes") or []
            body, n = paragraph_html(text, marks, persons, n_hits, link,
                                     data.differences.get(num, ()), quotes, quote_bg)
            if quotes:  # who is quoted: a link each (a line break, not a new block)
                body += "<br>" + speakers_html(quotes, link, muted)
            n_hits += n
            lengths.extend(e - s for s, e in sorted(marks))
            kind = p.get("kind", "body")
            style = KIND_STYLE.get(kind, "")
            if kind in ("caption", "credit", "note", "label"):
                style += f"color:{muted};"
                body = f"<small>[{esc(kind)}]</small> {body}"
            if num == data.focus:
                style += f"background-color:{tint};"
            star = "★" if p.get("pid") in self.starred else "☆"
            parts.append(
                f"<p style='{style}'><a name='p{num}'></a>"
                f"<a href='star:{num}' style='text-decoration:none;color:{link};'>{star}</a>"
                f"&nbsp;{body}</p>")
        if end < total:
            parts.append(f"<p style='color:{muted}'><a href='window:after' style='color:{link}'>"
                         f"Show the text after</a> ({total - end} of {total} paragraphs not "
                         "shown)</p>")
        scroll = self.browser.verticalScrollBar().value()
        self._rendering = True  # setHtml moves the cursor: not the reader's doing
        self.browser.setHtml("".join(parts))
        self._rendering = False
        self.hits = self._locate_hits(lengths)
        if keep_scroll:
            self.browser.verticalScrollBar().setValue(scroll)
            self.current_hit = min(self.current_hit, len(self.hits) - 1)
            self._update_hit_label()
            return
        self.current_hit = -1
        if data.focus is not None:  # the page opens on the focused paragraph's first hit
            first = self._first_hit_in(data.focus)
            if first is not None:
                self.current_hit = first
        self._update_hit_label()
        QTimer.singleShot(0, self._scroll_to_focus)

    def _locate_hits(self, lengths: list[int]) -> list[tuple[int, int]]:
        found: dict[int, int] = {}
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid():
                    for name in frag.charFormat().anchorNames():
                        if name.startswith("h"):
                            found[int(name[1:])] = frag.position()
                it += 1
            block = block.next()
        return [(found[i], lengths[i] if i < len(lengths) else 1) for i in sorted(found)]

    def _para_of_block(self, block_number: int) -> dict | None:
        start, end = self.laid_out
        index = block_number + start - (1 if start > 0 else 0)  # the "before" line
        if self.data is None or not start <= index < end:
            return None
        return self.data.paragraphs[index]

    def _window_for(self, data: DocumentData, around: int | None = None) -> tuple[int, int]:
        """The paragraphs to lay out: those laid out already (a document shown again,
        its highlights changed), else the stretch around the paragraph opened (or
        around index ``around``)."""
        nums = [p["para"] for p in data.paragraphs]
        if around is None:
            start, end = self.laid_out
            if end > start and end <= len(nums):
                return start, end
            around = nums.index(data.focus) if data.focus in nums else 0
        return text_window([len(p.get("body", "")) for p in data.paragraphs], around,
                           WINDOW_CHARS)

    def _first_hit_in(self, para: int) -> int | None:
        doc = self.browser.document()
        for i, (pos, _) in enumerate(self.hits):
            p = self._para_of_block(doc.findBlock(pos).blockNumber())
            if p is not None and p["para"] == para:
                return i
        return None

    def _scroll_to_focus(self) -> None:
        """The turn after a document is rendered (laid out): to its focused paragraph."""
        if self.data is not None and self.data.focus is not None:
            self.browser.scrollToAnchor(f"p{self.data.focus}")
            sb = self.browser.verticalScrollBar()
            sb.setValue(max(0, sb.value() - 40))
        self.shown.emit(self.data)

    # -- hits and find -----------------------------------------------------------

    def next_hit(self) -> None:
        self._go_hit(+1)

    def previous_hit(self) -> None:
        self._go_hit(-1)

    def _go_hit(self, step: int) -> None:
        if not self.hits:
            return
        if self.current_hit < 0 and step < 0:
            self.current_hit = len(self.hits) - 1
        else:
            self.current_hit = (self.current_hit + step) % len(self.hits)
        pos, length = self.hits[self.current_hit]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(pos)
        cursor.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        self._update_hit_label()

    def _update_hit_label(self) -> None:
        n = len(self.hits)
        if not n:
            self.hit_label.setText("no highlights" if self.data else "")
        elif self.current_hit < 0:
            self.hit_label.setText(f"{n} highlight{'s' if n != 1 else ''}")
        else:
            self.hit_label.setText(f"{self.current_hit + 1} of {n}")
        self.prev_btn.setEnabled(n > 0)
        self.next_btn.setEnabled(n > 0)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_bar.hide()
        self.browser.setFocus()

    def find(self, text: str, backward: bool = False, from_start: bool = False) -> bool:
        if not text:
            self.find_status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self.browser.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.browser.setTextCursor(cursor)
        found = self.browser.find(text, flags)
        if not found:  # wrap around
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.find_status.setText("" if found else "not found")
        return found

    # -- links and stars -----------------------------------------------------------

    def _anchor(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("star:"):
            num = int(href[5:])
            p = next((p for p in self.data.paragraphs if p["para"] == num), None) \
                if self.data else None
            if p is not None and not self.data.snapshot:
                self.current_para = num
                self.star_clicked.emit(p)
        elif href.startswith("person:"):
            self.person_clicked.emit(href_person(href))
        elif href.startswith("said:"):
            self.speaker_clicked.emit(href_person(href))
        elif href.startswith("page:") and href[5:].isdigit():
            self.page_requested.emit(int(href[5:]))
        elif href in ("window:before", "window:after") and self.data is not None:
            start, end = self.laid_out
            edge = start - 1 if href == "window:before" else end
            if not 0 <= edge < len(self.data.paragraphs):
                return
            self.laid_out = self._window_for(self.data, around=edge)
            self._render(keep_scroll=True)
            num = self.data.paragraphs[edge]["para"]  # where the reader asked to go on
            QTimer.singleShot(0, lambda: self.browser.scrollToAnchor(f"p{num}"))

    def _open_url(self, href: str) -> None:
        if href.startswith(("http://", "https://")):  # only web links, only in the browser
            QDesktopServices.openUrl(QUrl(href))

    def _cursor_moved(self) -> None:
        if self._rendering:
            return
        cursor = self.browser.textCursor()
        p = self._para_of_block(cursor.blockNumber())
        if p is not None:
            self.current_para = p["para"]
        # a click (or a find) moves the counter: to the hit under the cursor, or the
        # last one before it (F3 then goes on from there)
        pos = cursor.selectionStart()
        before = [i for i, (start, _) in enumerate(self.hits) if start <= pos]
        current = before[-1] if before else -1
        if current != self.current_hit:
            self.current_hit = current
            self._update_hit_label()

    # -- the reading place across width changes (a pinned pane opened or closed) -----

    def _remember_place(self) -> None:
        if not self._replacing and self.data is not None:
            self._place = self.browser.cursorForPosition(QPoint(2, 2)).position()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.browser.viewport() and event.type() == QEvent.Type.ToolTip:
            tip = self.browser.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:  # a quotation: who said it
                QToolTip.showText(event.globalPos(), tip, self.browser.viewport())
            else:
                QToolTip.hideText()
            return True
        if obj is self.browser.viewport() and event.type() == QEvent.Type.Resize \
                and event.oldSize().width() != event.size().width() \
                and event.oldSize().width() > 0 and self.data is not None \
                and not self._replacing:
            self._replacing = True  # the reflow moves the scroll bar: not the reader
            QTimer.singleShot(0, self._restore_place)
        return super().eventFilter(obj, event)

    def _restore_place(self) -> None:
        """After the text re-flowed to a new width, put the same text at the top again."""
        self._replacing = False
        if self.data is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(min(self._place, self.browser.document().characterCount() - 1))
        sb = self.browser.verticalScrollBar()
        sb.setValue(sb.value() + self.browser.cursorRect(cursor).top() - 2)

    def current_paragraph(self) -> dict | None:
        """The paragraph the reader is on (clicked, or opened from a result)."""
        if self.data is None or self.data.snapshot:
            return None
        num = self.current_para if self.current_para is not None else self.data.focus
        return next((p for p in self.data.paragraphs if p["para"] == num), None)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self.data is not None:
            self._render(keep_scroll=True)
