"""The main window: search bar, filters, results, document viewers, panels.

All work on the index runs through :class:`SearchSession` off the GUI thread;
the window only holds the current request (query + filters) and shows what
comes back.  Bookmarks are small SQLite writes done directly.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from searchapp.config import Settings
from searchapp.gui.copies import CopiesActions, count_html
from searchapp.gui.curation import PersonCuration
from searchapp.gui.filters import ChipsBar, FacetPanel, TimelineChart
from searchapp.gui.fit import WindowFit
from searchapp.gui.folders import FolderActions
from searchapp.gui.index_status import IndexStatus
from searchapp.gui.library import LibraryActions
from searchapp.gui.menus import WindowMenus
from searchapp.gui.models import BookmarksModel, HitRole, ResultsModel
from searchapp.gui.page_image import show_page
from searchapp.gui.panels import BookmarksPanel, PersonsPanel
from searchapp.gui.results import ResultsView
from searchapp.gui.search_state import (
    SearchState,
    is_person_query,
    persons_mode_text,
)
from searchapp.gui.session import SearchSession
from searchapp.gui.viewer import DocumentView
from searchapp.gui.widgets import MessageLine, SearchBox
from searchapp.model import (
    SORT_LABELS,
    SORTS,
    DocumentData,
    IndexReport,
    SearchRequest,
    SearchResult,
)
from searchapp.store import open_store

PANELS_DELAY_MS = 8  # facets, timeline and chips follow the results list by this much
DEBOUNCE_MS = 40  # overtaken searches are skipped (and run in another process)
HISTORY_IDLE_MS = 2000


class MainWindow(FolderActions, LibraryActions, IndexStatus, PersonCuration, CopiesActions,
                 WindowFit, WindowMenus,
                 QMainWindow):
    #: The results of a request are all on screen: the list and count, then the facets,
    #: timeline and chips (which follow by ``PANELS_DELAY_MS``).
    results_shown = Signal(object)  # the SearchResult

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("searchapp")
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.ui_state = QSettings(str(settings.data_dir / "window.ini"),
                                  QSettings.Format.IniFormat)
        self.store = open_store(settings.bookmarks_db)
        self.session = SearchSession(settings, self)
        self.state = SearchState(self)
        self.state.changed.connect(self.run_search)
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
        QTimer.singleShot(0, self.start_watching)  # live updates
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
        self.sort.currentIndexChanged.connect(
            lambda _i: self.state.set_sort(self.sort.currentData()))
        self.message = MessageLine()
        self.message.linkActivated.connect(self._message_link)
        self.chips = ChipsBar()
        self.chips.removed.connect(self.state.remove_chip)
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
        self.timeline.period_clicked.connect(self.state.set_dates)
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
        self.results.delegate.speaker_clicked.connect(self.state.filter_speaker)
        for v in (self.view, self.pinned_view):
            v.person_clicked.connect(self.state.filter_person)
            v.speaker_clicked.connect(self.state.filter_speaker)
            v.star_clicked.connect(self.toggle_bookmark)
            v.page_requested.connect(lambda page, v=v: show_page(self, v, page))
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
        top.addWidget(self._build_copies())
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(6, 6, 6, 0)
        cv.addLayout(top)
        cv.addWidget(self._build_folders())  # the first-run banner
        cv.addWidget(self.message)
        cv.addWidget(self.chips)
        cv.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.facets = FacetPanel()
        self.facets.toggled.connect(self.state.toggle_filter)
        self.facets.excluded.connect(self.state.toggle_exclude)
        self.facets.dates_changed.connect(self.state.set_dates)
        self.facets.clear_all.connect(self.clear_filters)
        self.state.dates_changed.connect(self.facets.set_dates)
        self.persons_panel = PersonsPanel()
        self.persons_panel.search_person.connect(self.search_persons)
        self.persons_panel.search_speaker.connect(self.search_speakers)
        self.bookmarks_model = BookmarksModel(self.store, self,
                                              listed=lambda: self.settings.listed)
        self.bookmarks_panel = BookmarksPanel(self.bookmarks_model)
        self.bookmarks_panel.open_bookmark.connect(self.open_bookmark)
        self.bookmarks_panel.export_requested.connect(
            lambda fmt: self.export_bookmarks(fmt, rows=self.bookmarks_model.rows))
        self.bookmarks_panel.changed.connect(self._refresh_stars)
        self.bookmarks_model.dataChanged.connect(lambda *_: self.bookmarks_panel.reload_tags())
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
        self.resizeDocks([self.docks["filters"]], [300], Qt.Orientation.Horizontal)
        title = self.fontMetrics().height() + 8  # the dock's title bar
        height = self.bookmarks_panel.sizeHint().height() + title
        self.resizeDocks([self.docks["bookmarks"]], [height], Qt.Orientation.Vertical)
        self._watch_bookmarks(self.docks["bookmarks"], height)

    def _build_status(self) -> None:
        # what the indexer is doing, in a label beside a bar without text: a bar's own
        # text is clipped to the bar ("Finding persons 256/616 paragraphs" did not fit)
        self.progress_label = QLabel("")
        self.progress_label.hide()
        self.progress = QProgressBar()
        self.progress.setFixedWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.problems_btn = QToolButton()
        self.problems_btn.setAutoRaise(True)
        self.problems_btn.clicked.connect(self.show_problems)
        self.problems_btn.hide()
        self.statusBar().addPermanentWidget(self.problems_btn)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _connect_session(self) -> None:
        s = self.session
        s.results.connect(self._results)
        s.more.connect(self.model.append_page)
        s.search_failed.connect(self._search_failed)
        s.index_started.connect(self._index_started)
        s.index_progress.connect(self._index_progress)
        s.index_done.connect(self._indexed)
        s.index_partial.connect(self._index_partial)
        s.index_failed.connect(self._index_failed)
        s.persons.connect(self._persons_loaded)
        s.bookmarks_reanchored.connect(lambda _counts: self.bookmarks_panel.reread())
        self._connect_curation()

    # -- state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        st = self.ui_state
        self.restore_geometry()
        wanted = st.value("bookmarks_height")
        if isinstance(wanted, str | int) and str(wanted).isdigit():
            self._bookmarks_wanted = int(wanted)
        for key, fn in (("window", self.restoreState),
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
        self.save_geometry()
        st.setValue("bookmarks_height", self._bookmarks_wanted)
        st.setValue("window", self.saveState())
        st.setValue("splitter", self.splitter.saveState())
        st.setValue("viewers", self.viewers.saveState())
        st.setValue("request", json.dumps(replace(self._current_request(), page=1).to_json()))
        st.sync()

    def closeEvent(self, event) -> None:
        self.debounce.stop()
        self.history_timer.stop()
        self.stop_watching()
        self.save_state()
        self._remember()
        self.session.close()
        self.store.close()
        super().closeEvent(event)

    @property
    def request(self) -> SearchRequest:
        return self.state.request

    @request.setter
    def request(self, req: SearchRequest) -> None:
        self.state.request = req

    # the filter actions (facet panel, chips, timeline, persons browser, tests)
    def toggle_filter(self, facet: str, value: str) -> None:
        self.state.toggle_filter(facet, value)

    def toggle_exclude(self, facet: str, value: str) -> None:
        self.state.toggle_exclude(facet, value)

    def clear_filters(self) -> None:
        self.state.clear(self.search_box.text())

    def search_speakers(self, names: list[str]) -> None:
        """The persons browser's Quotes: what these persons said, with the query as typed
        (one that only names persons is replaced, as for Search)."""
        if is_person_query(self.search_box.text(), self._person_names):
            self.search_box.setText("")
        self.state.set_speakers(names)

    def search_persons(self, names: list[str], mode: str) -> None:
        """The persons browser's Search and Together: exactly these persons, with the
        query as typed, unless that query only names persons (as the completer writes
        them): these persons replace it."""
        if is_person_query(self.search_box.text(), self._person_names):
            self.search_box.setText("")
        self.state.set_persons(names, mode)

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
        self._refresh_viewers()
        took = f" · {result.elapsed_ms:.0f} ms"
        mode = persons_mode_text(self.session.result_request or self.request)
        mode = f" naming {mode}" if mode else ""
        self.count.setText(f"{count_html(result)}{mode}{took}")
        self.results.show_empty(result.total,
                                bool((self.session.result_request or self.request).filters()))
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
        req = self.session.result_request or self.request  # the request these results answer
        self.facets.set_counts(result.facets, self.state.included(req), req.exclude)
        self.timeline.set_timeline(result.timeline)
        self.chips.set_chips(self.state.chips(self.session.result_request))
        self.results_shown.emit(result)

    def _show_message(self, result: SearchResult) -> None:
        bits = []
        if result.suggestion:
            bits.append(f"Did you mean <a href='suggest'>{html.escape(result.suggestion)}</a>?")
        bits.extend(html.escape(n) for n in result.notices)
        self.message.show_notes("  ".join(bits))

    def _search_failed(self, message: str) -> None:
        """A query that cannot run: one line saying why, and no results (the previous
        ones would look like its answer)."""
        self.message.show_error(message)
        self.result = None
        self._panels_pending = None
        self.model.set_result(None)
        self._refresh_viewers()  # no search: no highlights
        self.results.show_empty(None)
        self.facets.set_counts({}, self.state.included(), self.request.exclude)
        self.timeline.set_timeline([])
        self.count.setText("<span style='color:#c0392b'>No results: the query cannot run "
                           "(see the message above)</span>")

    def _message_link(self, href: str) -> None:
        if href == "suggest" and self.result and self.result.suggestion:
            self.search_box.setText(self.result.suggestion)
            self.run_search()

    def _more(self) -> None:
        self.session.fetch_more(self.model.next_page())

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
        self._show_all_copies(req.all_copies)
        self.facets.set_dates(req.date_from, req.date_to)

    def _remember(self) -> None:
        req = self._current_request()
        if req.query.strip() or req.filters():
            try:
                self.store.add_history(req.query, req.filters(), origin="app")
            except Exception:  # history is a convenience: never interrupt the user for it
                pass

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
            for h in self.store.history(limit=100, origin="app"):
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

    def open_document(self, doc_id: str, para: int | None, view: DocumentView | None = None,
                      compare_to: str | None = None, fallback: DocumentData | None = None
                      ) -> None:
        """``doc_id`` in ``view``, at ``para``; ``fallback`` (a bookmark's saved text)
        if the index does not hold it."""
        view = view or self.view
        result = self.result
        persons = list(result.persons) if result else []
        query = result.query if result else ""

        def work(engine):
            return engine.document(doc_id, para, persons, query, compare_to)

        def done(data):
            if data is None and fallback is not None:
                view.show_document(fallback)
                return
            if data is None:
                view.clear("This document is no longer in the index.")
                return
            view.searching = bool(query.strip() or persons)
            view.show_document(data, self._starred_pids(doc_id))
            pinned = self.pinned_view.data
            if view is self.view and pinned is not None and pinned.compared_with \
                    and pinned.compared_with["doc_id"] != doc_id:
                self.pinned_view.end_comparison()  # the version it was compared with left

        self.session.call(work, done)

    def _refresh_viewers(self) -> None:
        """New results: the documents open in the viewers highlight what this search
        highlights (nothing, if it matches nothing there), each kept where it is read."""
        result = self.result
        persons = list(result.persons) if result else []
        query = result.query if result else ""
        for view in (self.view, self.pinned_view):
            shown = view.data
            if shown is None or shown.snapshot or not view.isVisible():
                continue
            compare_to = shown.compared_with["doc_id"] if shown.compared_with else None

            def work(engine, doc_id=shown.doc_id, focus=shown.focus, compare_to=compare_to):
                return engine.document(doc_id, focus, persons, query, compare_to)

            def done(data, view=view, shown=shown):
                if view.data is not shown:  # another document was opened meanwhile
                    return
                if data is None:
                    view.clear("This document is no longer in the index.")
                    return
                view.searching = bool(query.strip() or persons)
                view.refresh(data)

            self.session.call(work, done, on_error=lambda _message: None)  # kept as it is

    def pin_document(self) -> None:
        if self.view.data is None:
            return
        self.pinned_view.searching = self.view.searching
        self.pinned_view.show_document(self.view.data, self._starred_pids(self.view.data.doc_id))
        self.pinned_view.show()
        self.viewers.setSizes([1, 1])
        self.statusBar().showMessage("Pinned: choose another result to read it beside this one",
                                     5000)

    def close_pinned(self) -> None:
        self.pinned_view.hide()
        self.pinned_view.clear()
        self.view.end_comparison()  # the side-by-side is over: so is its header

    def _active_view(self) -> DocumentView:
        if self.pinned_view.isVisible() and self.pinned_view.isAncestorOf(QApplication.focusWidget()):
            return self.pinned_view
        return self.view
