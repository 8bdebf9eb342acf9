"""The main window: search bar, filters, results, document viewers, panels.

All work on the index runs through :class:`SearchSession` off the GUI thread;
the window only holds the current request (query + filters) and shows what
comes back.  Bookmarks are small SQLite writes done directly.
"""

from __future__ import annotations

import gc
import html
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from searchapp.store import BookmarkError, open_store
from searchapp.config import Settings, desktop_files
from searchapp.desktop import APP_ID
from searchapp.gui.filters import ChipsBar, FacetPanel, TimelineChart
from searchapp.gui.models import BookmarksModel, HitRole, ResultsModel
from searchapp.gui.panels import BookmarksPanel, PersonsPanel, ProblemsDialog, ShortcutsDialog
from searchapp.gui.results import ResultsView
from searchapp.gui.session import SearchSession
from searchapp.gui.viewer import DocumentView
from searchapp.model import FACETS, DocumentData, SORT_LABELS, SORTS, IndexReport, SearchRequest, SearchResult

PANELS_DELAY_MS = 8  # facets, timeline and chips follow the results list by this much
DEBOUNCE_MS = 40  # overtaken searches are skipped (and run in another process)
HISTORY_IDLE_MS = 2000
LIST_FIELDS = {f.name: f.request for f in FACETS}  # facet -> SearchRequest attribute
FACET_TITLES = {f.name: f.title for f in FACETS}


def app_request(query: str = "", filters: dict | None = None, **kw) -> SearchRequest:
    """A request as the app makes it: values within a facet group combine as OR
    (the core's default for persons and places is AND)."""
    return SearchRequest.from_json({"person_mode": "any", "place_mode": "any",
                                    **(filters or {}), **kw, "query": query})

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
<tr><td><code>place:</code>, <code>source:</code>, <code>author:</code>, <code>title:</code>,
 <code>year:2023</code></td><td>fields</td></tr>
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


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("searchapp")
        self.resize(1280, 800)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.ui_state = QSettings(str(settings.data_dir / "window.ini"),
                                  QSettings.Format.IniFormat)
        self.store = open_store(settings.bookmarks_db)
        self.session = SearchSession(settings, self)
        self.request = app_request()
        self._starred: set[tuple[str, str]] = set()  # (doc_id, pid) of every bookmark
        self.result: SearchResult | None = None
        self._panels_pending: SearchResult | None = None  # results whose facets wait their turn
        self.index_report: IndexReport | None = None
        self.index_error: str | None = None
        self.persons: list[dict] = []
        self._person_names: list[str] = []
        self.warnings: list[str] = []  # damage found and repaired, as told to the user
        self._build_search_row()
        self._build_center()
        self._build_docks()
        self._build_status()
        self._build_menus()
        self._connect_session()
        self._restore_state()
        self._refresh_stars()
        if self.store.recovered:
            QTimer.singleShot(0, lambda: self._warn(
                "Your bookmark store was damaged", self.store.recovered[0].upper()
                + self.store.recovered[1:] + "."))
        QTimer.singleShot(0, self.session.start)
        self.run_search()

    # -- construction -------------------------------------------------------------

    def _build_search_row(self) -> None:
        self.search_box = SearchBox(self.focus_results)
        self.search_box.setPlaceholderText(
            "Search paragraphs: words, \"phrases\", person:…, date:2023, AND/OR/NOT …  (Ctrl+L)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(self._typed)
        self.search_box.textChanged.connect(lambda t: t or self._typed(t))  # clear button
        self.search_box.returnPressed.connect(self._enter)
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.activated.connect(self._completed)
        self.search_box.setCompleter(self.completer)
        self.sort = QComboBox()
        for key in SORTS:
            self.sort.addItem(SORT_LABELS[key], key)
        self.sort.setToolTip("Order of the results (Ctrl+1, Ctrl+2, Ctrl+3)")
        self.sort.currentIndexChanged.connect(self._sort_changed)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.linkActivated.connect(self._message_link)
        self.message.hide()
        self.chips = ChipsBar()
        self.chips.removed.connect(self._chip_removed)
        self.chips.hide()
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.history_timer = QTimer(self, singleShot=True, interval=HISTORY_IDLE_MS)
        self.history_timer.timeout.connect(self._remember)

    def _build_center(self) -> None:
        self.model = ResultsModel(self)
        self.model.more_requested.connect(self._more)
        self.results = ResultsView()
        self.results.setModel(self.model)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.delegate.star_clicked.connect(lambda hit: self.toggle_bookmark(hit.to_json()))
        self.count = QLabel("")
        self.timeline = TimelineChart()
        self.timeline.period_clicked.connect(self._period_clicked)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(2)
        lv.addWidget(self.count)
        lv.addWidget(self.timeline)
        lv.addWidget(self.results, 1)

        self.view = DocumentView()
        self.pinned_view = DocumentView(pinned=True)
        self.pinned_view.hide()
        for v in (self.view, self.pinned_view):
            v.person_clicked.connect(self.filter_person)
            v.star_clicked.connect(self.toggle_bookmark)
        self.view.pin_clicked.connect(self.pin_document)
        self.pinned_view.pin_clicked.connect(self.close_pinned)
        self.viewers = QSplitter(Qt.Orientation.Horizontal)
        self.viewers.addWidget(self.pinned_view)
        self.viewers.addWidget(self.view)
        self.viewers.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.viewers)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 600])
        self.splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(QLabel("Sort:"))
        top.addWidget(self.sort)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(6, 6, 6, 0)
        cv.addLayout(top)
        cv.addWidget(self.message)
        cv.addWidget(self.chips)
        cv.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.facets = FacetPanel()
        self.facets.toggled.connect(self.toggle_filter)
        self.facets.excluded.connect(self.toggle_exclude)
        self.facets.dates_changed.connect(self.set_dates)
        self.facets.clear_all.connect(self.clear_filters)
        self.persons_panel = PersonsPanel()
        self.persons_panel.search_person.connect(self.search_persons)
        self.bookmarks_model = BookmarksModel(self.store, self)
        self.bookmarks_panel = BookmarksPanel(self.bookmarks_model)
        self.bookmarks_panel.open_bookmark.connect(self.open_bookmark)
        self.bookmarks_panel.export_requested.connect(
            lambda fmt: self.export_bookmarks(fmt, rows=self.bookmarks_model.rows))
        self.bookmarks_panel.changed.connect(self._refresh_stars)
        self.bookmarks_model.dataChanged.connect(lambda *_: self.bookmarks_panel.reload())
        self.docks = {}
        for name, title, widget, area in (
                ("filters", "Filters", self.facets, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("persons", "Persons", self.persons_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("bookmarks", "Bookmarks", self.bookmarks_panel,
                 Qt.DockWidgetArea.BottomDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.tabifyDockWidget(self.docks["filters"], self.docks["persons"])
        self.docks["filters"].raise_()
        self.resizeDocks([self.docks["filters"]], [270], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["bookmarks"]], [170], Qt.Orientation.Vertical)

    def _build_status(self) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.problems_btn = QToolButton()
        self.problems_btn.setAutoRaise(True)
        self.problems_btn.clicked.connect(self.show_problems)
        self.problems_btn.hide()
        self.statusBar().addPermanentWidget(self.problems_btn)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.update_action = file.addAction("&Update index", self.update_index, QKeySequence("F5"))
        file.addAction("&Rebuild index from scratch", lambda: self.update_index(rebuild=True))
        file.addAction("Index &problems…", self.show_problems)
        export = file.addMenu("&Export bookmarks")
        for label, fmt in (("Markdown…", "md"), ("CSV…", "csv"), ("JSON…", "json")):
            export.addAction(label, lambda f=fmt: self.export_bookmarks(f))
        file.addSeparator()
        file.addAction("&Quit", self.close, QKeySequence("Ctrl+Q"))

        search = bar.addMenu("&Search")
        search.addAction("&Go to search box", self.focus_search, QKeySequence("Ctrl+L"))
        for i, key in enumerate(SORTS, start=1):
            search.addAction(f"Sort: {SORT_LABELS[key]}",
                             lambda k=key: self.sort.setCurrentIndex(self.sort.findData(k)),
                             QKeySequence(f"Ctrl+{i}"))
        search.addAction("&Clear all filters", self.clear_filters, QKeySequence("Ctrl+Backspace"))
        search.addSeparator()
        self.history_menu = search.addMenu("Recent searches")
        self.history_menu.aboutToShow.connect(self._fill_history_menu)
        self.saved_menu = search.addMenu("Saved searches")
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        search.addAction("&Save this search…", self.save_search, QKeySequence("Ctrl+S"))

        view = bar.addMenu("&View")
        for name, key in (("filters", "Ctrl+Shift+F"), ("persons", "Ctrl+Shift+E"),
                          ("bookmarks", "Ctrl+Shift+B")):
            action = self.docks[name].toggleViewAction()
            action.setShortcut(QKeySequence(key))
            view.addAction(action)
            action.triggered.connect(lambda on, n=name: on and self._raise_dock(n))
        self.timeline_action = view.addAction("Hits over &time")
        self.timeline_action.setCheckable(True)
        self.timeline_action.setChecked(True)
        self.timeline_action.toggled.connect(self.timeline.setVisible)
        view.addSeparator()
        view.addAction("&Pin document", self.pin_document, QKeySequence("Ctrl+P"))
        view.addAction("Close pinned document", self.close_pinned, QKeySequence("Ctrl+Shift+P"))
        view.addAction("Next highlight", lambda: self._active_view().next_hit(), QKeySequence("F3"))
        view.addAction("Previous highlight", lambda: self._active_view().previous_hit(),
                       QKeySequence("Shift+F3"))
        view.addAction("&Find in document", lambda: self._active_view().show_find(),
                       QKeySequence("Ctrl+F"))
        view.addAction("&Bookmark passage", self.bookmark_current, QKeySequence("Ctrl+D"))

        helpm = bar.addMenu("&Help")
        helpm.addAction("&Keyboard shortcuts", lambda: ShortcutsDialog(self).exec(),
                        QKeySequence("F1"))
        helpm.addAction("&Query language", self._query_help)
        helpm.addAction("&About searchapp", self._about)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.focus_search)

    def _connect_session(self) -> None:
        s = self.session
        s.results.connect(self._results)
        s.more.connect(self.model.append_page)
        s.search_failed.connect(self._search_failed)
        s.index_started.connect(self._index_started)
        s.index_progress.connect(self._index_progress)
        s.index_done.connect(self._indexed)
        s.index_failed.connect(self._index_failed)
        s.persons.connect(self._persons_loaded)

    # -- state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        st = self.ui_state
        for key, fn in (("geometry", self.restoreGeometry), ("window", self.restoreState),
                        ("splitter", self.splitter.restoreState),
                        ("viewers", self.viewers.restoreState)):
            value = st.value(key)
            if isinstance(value, QByteArray | bytes):
                fn(value)
        last = st.value("request")
        if isinstance(last, str) and last:
            try:
                self._show_request(SearchRequest.from_json(json.loads(last)))
            except (ValueError, TypeError):
                pass

    def save_state(self) -> None:
        st = self.ui_state
        st.setValue("geometry", self.saveGeometry())
        st.setValue("window", self.saveState())
        st.setValue("splitter", self.splitter.saveState())
        st.setValue("viewers", self.viewers.saveState())
        st.setValue("request", json.dumps(replace(self._current_request(), page=1).to_json()))
        st.sync()

    def closeEvent(self, event) -> None:
        self.debounce.stop()
        self.history_timer.stop()
        self.save_state()
        self._remember()
        self.session.close()
        self.store.close()
        super().closeEvent(event)

    # -- searching ------------------------------------------------------------------

    def _current_request(self) -> SearchRequest:
        return replace(self.request, query=self.search_box.text())

    def settled(self) -> bool:
        """The results on screen answer the current query and filters."""
        return (self.result is not None and not self.debounce.isActive()
                and self._panels_pending is None
                and self.session.result_request == replace(self._current_request(), page=1))

    def run_search(self) -> None:
        self.debounce.stop()
        self.request = self._current_request()
        self.session.search(self.request)

    def _typed(self, text: str) -> None:
        self._update_completions(text)
        self.debounce.start()

    def _enter(self) -> None:
        if self.completer.popup().isVisible():
            return
        self.run_search()
        self.history_timer.start(0)

    def _completed(self, text: str) -> None:
        self.search_box.setText(text)
        self.run_search()

    def _results(self, result: SearchResult) -> None:
        """New results: the list, count and message now; the facets, timeline and
        chips on the next turn of the event loop, so that neither half holds the
        GUI thread for long (input and paint events are handled in between)."""
        self.result = result
        self.model.set_result(result)
        self.model.set_starred(self._starred)
        n = result.total
        took = f" · {result.elapsed_ms:.0f} ms"
        self.count.setText(f"<b>{n:,}</b> paragraph{'s' if n != 1 else ''}{took}")
        self._show_message(result)
        if result.query.strip():
            self.history_timer.start()
        self._panels_pending = result
        # not 0: a zero timer is a posted event handled in the same batch as the list's
        # paint request, so both would still run back to back
        QTimer.singleShot(PANELS_DELAY_MS, self._update_panels)

    def _update_panels(self) -> None:
        result = self._panels_pending
        if result is None or result is not self.result:
            return
        self._panels_pending = None
        req = self.request
        included = {f: list(getattr(req, attr)) for f, attr in LIST_FIELDS.items()}
        self.facets.set_counts(result.facets, included, req.exclude)
        self.timeline.set_timeline(result.timeline)
        self._update_chips()

    def _show_message(self, result: SearchResult) -> None:
        bits = []
        if result.suggestion:
            bits.append(f"Did you mean <a href='suggest'>{html.escape(result.suggestion)}</a>?")
        bits.extend(html.escape(n) for n in result.notices)
        self.message.setStyleSheet("")
        self.message.setText("  ".join(bits))
        self.message.setVisible(bool(bits))

    def _search_failed(self, message: str) -> None:
        self.message.setStyleSheet("color:#c0392b")
        self.message.setText(html.escape(message))
        self.message.show()
        self.count.setText("—")

    def _message_link(self, href: str) -> None:
        if href == "suggest" and self.result and self.result.suggestion:
            self.search_box.setText(self.result.suggestion)
            self.run_search()

    def _more(self) -> None:
        self.session.fetch_more(self.model.next_page())

    def _sort_changed(self, _i: int) -> None:
        self.request = replace(self.request, sort=self.sort.currentData())
        self.run_search()

    def apply_request(self, req: SearchRequest) -> None:
        """Search a whole request (from history or saved searches)."""
        self._show_request(req)
        self.run_search()

    def _show_request(self, req: SearchRequest) -> None:
        """Make ``req`` the current request and show it in the search bar and filters."""
        self.request = replace(req, page=1)
        self.search_box.setText(req.query)
        self.sort.blockSignals(True)
        self.sort.setCurrentIndex(max(0, self.sort.findData(req.sort)))
        self.sort.blockSignals(False)
        self.facets.set_dates(req.date_from, req.date_to)

    def _remember(self) -> None:
        req = self._current_request()
        if req.query.strip() or req.filters():
            try:
                self.store.add_history(req.query, req.filters())
            except Exception:  # history is a convenience: never interrupt the user for it
                pass

    # -- filters ---------------------------------------------------------------------

    def toggle_filter(self, facet: str, value: str) -> None:
        attr = LIST_FIELDS[facet]
        v = int(value) if facet == "year" else value
        values = list(getattr(self.request, attr))
        values.remove(v) if v in values else values.append(v)
        exclude = {k: [x for x in vs if not (k == facet and str(x) == str(value))]
                   for k, vs in self.request.exclude.items()}
        self.request = replace(self.request, **{attr: values},
                               exclude={k: vs for k, vs in exclude.items() if vs})
        self.run_search()

    def toggle_exclude(self, facet: str, value: str) -> None:
        exclude = {k: list(vs) for k, vs in self.request.exclude.items()}
        values = exclude.setdefault(facet, [])
        values.remove(value) if value in values else values.append(value)
        attr = LIST_FIELDS[facet]
        kept = [x for x in getattr(self.request, attr) if str(x) != value]
        self.request = replace(self.request, **{attr: kept},
                               exclude={k: vs for k, vs in exclude.items() if vs})
        self.run_search()

    def set_dates(self, date_from: str | None, date_to: str | None) -> None:
        self.request = replace(self.request, date_from=date_from, date_to=date_to)
        self.facets.set_dates(date_from, date_to)
        self.run_search()

    def _period_clicked(self, start: str, end: str) -> None:
        self.set_dates(start, end)

    def clear_filters(self) -> None:
        self.request = app_request(self.search_box.text(), sort=self.request.sort)
        self.facets.set_dates(None, None)
        self.run_search()

    def filter_person(self, name: str) -> None:
        if name not in self.request.persons:
            self.toggle_filter("person", name)

    def search_persons(self, names: list[str], mode: str) -> None:
        self.request = replace(self.request, persons=list(names), person_mode=mode)
        self.run_search()

    def _update_chips(self) -> None:
        req = self.request
        chips = []
        for facet, attr in LIST_FIELDS.items():
            values = getattr(req, attr)
            for v in values:
                chips.append((f"{FACET_TITLES[facet]}: {v}", ("include", facet, str(v))))
            if facet == "person" and len(values) > 1:
                mode = "all of them" if req.person_mode == "all" else "any of them"
                chips.append((f"Persons: {mode} (click to switch)", ("mode", "person", "")))
        for facet, values in req.exclude.items():
            for v in values:
                chips.append((f"not {FACET_TITLES.get(facet, facet)}: {v}",
                              ("exclude", facet, str(v))))
        if req.date_from or req.date_to:
            chips.append((f"Date: {req.date_from or '…'} – {req.date_to or '…'}",
                          ("dates", "", "")))
        self.chips.set_chips(chips)

    def _chip_removed(self, key) -> None:
        what, facet, value = key
        if what == "include":
            self.toggle_filter(facet, value)
        elif what == "exclude":
            self.toggle_exclude(facet, value)
        elif what == "mode":
            mode = "any" if self.request.person_mode == "all" else "all"
            self.request = replace(self.request, person_mode=mode)
            self.run_search()
        elif what == "dates":
            self.set_dates(None, None)

    # -- completion --------------------------------------------------------------------

    def _persons_loaded(self, rows: list[dict]) -> None:
        self.persons = rows
        self.persons_panel.set_rows(rows)
        names = []
        for r in rows:
            names.append((r["name"], r["name"]))
            names.extend((a, r["name"]) for a in r.get("aliases", []))
        self._person_names = names

    def _update_completions(self, text: str) -> None:
        out: list[str] = []
        stripped = text.strip()
        if len(stripped) >= 2:
            last = text.split()[-1] if text.split() and not text.endswith(" ") else ""
            prefix = text[: len(text) - len(last)]
            in_quotes = prefix.count('"') % 2 == 1
            if len(last) >= 2 and not in_quotes and not any(c in last for c in ':"()*'):
                folded = last.casefold()
                for alias, canonical in self._person_names:
                    words = alias.replace("-", " ").split()
                    if any(w.casefold().startswith(folded) for w in words) or \
                            alias.casefold().startswith(folded):
                        shown = f'"{canonical}"' if " " in canonical else canonical
                        candidate = prefix + shown
                        if candidate not in out:
                            out.append(candidate)
            folded = stripped.casefold()
            for h in self.store.history(limit=100):
                q = h["query"]
                if q.casefold().startswith(folded) and q.strip() != stripped and q not in out:
                    out.append(q)
        self.completions.setStringList(out[:12])
        if not out:
            self.completer.popup().hide()

    def completions_list(self) -> list[str]:
        return self.completions.stringList()

    # -- results and viewers -------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_results(self) -> None:
        self.results.setFocus()
        if not self.results.currentIndex().isValid() and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))

    def _current_changed(self, current, _previous) -> None:
        hit = current.data(HitRole) if current.isValid() else None
        if hit is not None:
            self.open_document(hit.doc_id, hit.para)

    def open_document(self, doc_id: str, para: int | None, view: DocumentView | None = None) -> None:
        view = view or self.view
        result = self.result
        terms = list(result.terms) if result else []
        persons = list(result.persons) if result else []
        query = result.query if result else ""

        def work(engine):
            return engine.document(doc_id, para, terms, persons, query)

        def done(data):
            if data is None:
                view.clear("This document is no longer in the index.")
                return
            view.show_document(data, self._starred_pids(doc_id))

        self.session.call(work, done)

    def pin_document(self) -> None:
        if self.view.data is None:
            return
        self.pinned_view.show_document(self.view.data, self._starred_pids(self.view.data.doc_id))
        self.pinned_view.show()
        self.viewers.setSizes([1, 1])
        self.statusBar().showMessage("Pinned: choose another result to read it beside this one",
                                     5000)

    def close_pinned(self) -> None:
        self.pinned_view.hide()
        self.pinned_view.clear()

    def _active_view(self) -> DocumentView:
        if self.pinned_view.isVisible() and self.pinned_view.isAncestorOf(QApplication.focusWidget()):
            return self.pinned_view
        return self.view

    # -- bookmarks ------------------------------------------------------------------------

    def _starred_pids(self, doc_id: str) -> set[str]:
        return {pid for d, pid in self._starred if d == doc_id}

    def _refresh_stars(self) -> None:
        """Re-read which passages are bookmarked (after a bookmark or index change)."""
        self._starred = self.bookmarks_model.keys()
        self.model.set_starred(self._starred)
        for v in (self.view, self.pinned_view):
            if v.data is not None and not v.data.snapshot:
                v.set_starred(self._starred_pids(v.data.doc_id))

    def toggle_bookmark(self, paragraph: dict) -> None:
        """Bookmark a passage, or remove its bookmark if it has one."""
        try:
            existing = self.store.find(paragraph["doc_id"], paragraph["pid"])
            if existing:
                self.store.remove(existing.id)
                self.statusBar().showMessage("Bookmark removed", 3000)
            else:
                self.store.add(paragraph)
                self.statusBar().showMessage(
                    "Bookmarked — add a note or tags in the Bookmarks panel", 4000)
        except BookmarkError as exc:
            QMessageBox.warning(self, "searchapp", str(exc))
            return
        self.bookmarks_panel.reload()
        self._refresh_stars()

    def bookmark_current(self) -> None:
        focus = QApplication.focusWidget()
        for v in (self.pinned_view, self.view):
            if v.isVisible() and focus is not None and v.isAncestorOf(focus):
                p = v.current_paragraph()
                if p is not None:
                    self.toggle_bookmark(p)
                return
        hit = self.results.currentIndex().data(HitRole)
        if hit is not None:
            self.toggle_bookmark(hit.to_json())

    def open_bookmark(self, bookmark) -> None:
        if bookmark.status == "missing":
            self.view.show_document(DocumentData.from_bookmark(bookmark))
        else:
            self.open_document(bookmark.doc_id, bookmark.para)

    def export_bookmarks(self, fmt: str, path: str | Path | None = None, rows=None) -> Path | None:
        if path is None:
            ext = {"md": "Markdown (*.md)", "csv": "CSV (*.csv)", "json": "JSON (*.json)"}[fmt]
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export bookmarks", str(Path.home() / f"bookmarks.{fmt}"), ext)
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        try:
            path.write_text(self.store.export(fmt, rows), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, "searchapp", f"Could not write {path}: {exc.strerror or exc}")
            return None
        self.statusBar().showMessage(f"Bookmarks exported to {path}", 5000)
        return path

    # -- history and saved searches -------------------------------------------------------

    def _fill_history_menu(self) -> None:
        menu = self.history_menu
        menu.clear()
        entries = self.store.history(limit=20)
        if not entries:
            menu.addAction("(no searches yet)").setEnabled(False)
        for h in entries:
            label = h["query"] or "(filters only)"
            if h["filters"]:
                label += "  [" + ", ".join(
                    f"{k}: {v}" for k, v in h["filters"].items() if k != "person_mode") + "]"
            menu.addAction(label[:90], lambda h=h: self.apply_request(
                app_request(h["query"], h["filters"])))
        menu.addSeparator()
        menu.addAction("Clear history", self.store.clear_history)

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        saved = self.store.saved_searches()
        if not saved:
            menu.addAction("(none: Search ▸ Save this search…)").setEnabled(False)
        for s in saved:
            menu.addAction(s["name"], lambda s=s: self.apply_request(
                app_request(s["query"], s["filters"])))
        if saved:
            delete = menu.addMenu("Delete")
            for s in saved:
                delete.addAction(s["name"], lambda n=s["name"]: self.store.delete_saved_search(n))

    def save_search(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, "Save search", "Name of this search:",
                                            text=self.search_box.text()[:40])
            if not ok:
                return
        req = self._current_request()
        try:
            self.store.save_search(name, req.query, {**req.filters(), "sort": req.sort})
        except BookmarkError as exc:
            QMessageBox.warning(self, "searchapp", str(exc))
            return
        self.statusBar().showMessage(f"Saved search '{name}'", 4000)

    # -- indexing ---------------------------------------------------------------------------

    def update_index(self, rebuild: bool = False) -> None:
        if not self.session.update_index(rebuild=rebuild):
            self.statusBar().showMessage("The index is already being updated", 3000)

    def _index_started(self) -> None:
        self.index_error = None
        self.progress.setRange(0, 0)
        self.progress.setFormat("Checking the corpus…")
        self.progress.show()
        self.update_action.setEnabled(False)
        if not self.session.engine_open:
            self.count.setText("Building the index for the first time…")

    def _index_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat("Indexing %v/%m files")
        self.progress.setToolTip(label)

    def _indexed(self, report: IndexReport | None) -> None:
        self.progress.hide()
        self.update_action.setEnabled(True)
        if report is None:
            self.statusBar().showMessage("Index up to date", 4000)
            return
        self.index_report = report
        if report.recovered:
            self._warn("The index was damaged",
                       f"The index at {self.settings.index} could not be read "
                       f"({report.recovered}). It has been rebuilt from the corpus; "
                       "your bookmarks were not touched.")
        msg = (f"Index: {report.total_paragraphs:,} paragraphs from {report.total_files} files"
               f" ({report.added} added, {report.updated} updated, {report.removed} removed)")
        self.statusBar().showMessage(msg)
        self._set_problems(report.failed)
        self.bookmarks_panel.reload()
        self._refresh_stars()

    def _index_failed(self, message: str) -> None:
        self.progress.hide()
        self.update_action.setEnabled(True)
        self.index_error = message
        self.statusBar().showMessage(f"Index not updated: {message}")
        self._set_problems(self.index_report.failed if self.index_report else [])

    def _set_problems(self, failed: list[tuple[str, str]]) -> None:
        n = len(failed) + (1 if self.index_error else 0)
        self.problems_btn.setText(f"⚠ {len(failed)} file{'s' if len(failed) != 1 else ''} skipped"
                                  if failed else "⚠ index problem")
        self.problems_btn.setToolTip("Show what the indexer could not read")
        self.problems_btn.setVisible(n > 0)

    def _warn(self, title: str, text: str) -> None:
        """Tell the user about damage that was found and repaired (a non-blocking dialog)."""
        self.warnings.append(text)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_problems(self) -> None:
        failed = self.index_report.failed if self.index_report else []
        ProblemsDialog(failed, self.index_error, self).exec()

    # -- misc ---------------------------------------------------------------------------------

    def _raise_dock(self, name: str) -> None:
        self.docks[name].raise_()
        self.docks[name].widget().setFocus()

    def _query_help(self) -> None:
        QMessageBox.information(self, "Query language", QUERY_HELP)

    def _about(self) -> None:
        from searchapp import __version__

        QMessageBox.about(self, "About searchapp",
                          f"<b>searchapp</b> {__version__}<br>Paragraph search over news and "
                          f"analysis articles.<br><br>Corpus: {html.escape(str(self.settings.corpus))}"
                          f"<br>Index: {html.escape(str(self.settings.index))}"
                          f"<br>Bookmarks: {html.escape(str(self.settings.bookmarks_db))}")


def settle_heap() -> None:
    """Take the objects alive once the app has started (modules, widgets, models,
    the persons list: ~80k) out of the cyclic garbage collector's full passes.

    Each full pass visits every tracked object and held the GUI thread for
    45-55 ms at 100k paragraphs, at moments the collector picks (often while
    the user types).  Frozen objects are still freed by reference counting;
    only cycles among them wait until exit.
    """
    gc.freeze()


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("searchapp")
    app.setOrganizationName("searchapp")
    app.setDesktopFileName(APP_ID)
    icon = desktop_files() / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    try:
        window = MainWindow(Settings.resolve())
    except BookmarkError as exc:
        QMessageBox.critical(None, "searchapp", str(exc))
        return 1
    window.show()

    def first_results(_result) -> None:  # once: the objects alive now stay
        window.session.results.disconnect(first_results)
        QTimer.singleShot(0, settle_heap)

    window.session.results.connect(first_results)
    if os.environ.get("SEARCHAPP_QUIT_WHEN_READY"):  # start-up timing (README, packaging)
        window.session.results.connect(lambda _r: QTimer.singleShot(0, window.close))
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
