"""The window under faults: a damaged index or bookmark store, another indexer,
re-indexing while searching, and hostile text in articles."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, SEED_PARAGRAPHS

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from gui_helpers import (  # noqa: E402
    open_window,
    search,
    wait_for,
    wait_indexed,
    wait_result,
    wait_shown,
    wait_update_over,
)
from PySide6.QtCore import QObject, QUrl, Slot  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402
from searchapp.search.engine import SearchEngine, SearchRequest  # noqa: E402
from searchapp.store import open_store  # noqa: E402


@pytest.fixture
def own(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")


def test_a_damaged_index_is_rebuilt_and_the_user_told(qtbot, own):
    update_index(own)
    with SearchEngine.open(own) as engine, open_store(own.bookmarks_db) as store:
        hit = engine.search(SearchRequest(query="summit")).hits[0]
        store.add(engine.paragraph(hit.key), note="before the damage")
    for seg in own.index.glob("*.seg"):
        with open(seg, "r+b") as f:
            f.truncate(seg.stat().st_size // 3)
    win = open_window(qtbot, own)  # the rebuild's report has come: the user is told
    wait_for(qtbot, [win.session.index_done], lambda: win.warnings)
    assert "damaged" in win.warnings[0] and "rebuilt" in win.warnings[0]
    assert "bookmarks were not touched" in win.warnings[0]
    wait_result(qtbot, win, lambda r: r.total == SEED_PARAGRAPHS)
    assert [b.note for b in win.store.list()] == ["before the damage"]
    assert win.index_error is None


def test_a_damaged_bookmark_store_is_kept_and_the_user_told(qtbot, own):
    update_index(own)
    own.data_dir.mkdir(parents=True, exist_ok=True)
    own.bookmarks_db.write_bytes(b"not a database at all " * 300)
    win = open_window(qtbot, own)  # told on the first turn of the event loop
    assert win.warnings
    assert "damaged" in win.warnings[0] and "kept as" in win.warnings[0]
    backups = list(own.data_dir.glob("bookmarks.sqlite3.damaged-*"))
    assert any(b.read_bytes().startswith(b"not a database") for b in backups)
    # the new store works
    hit = search(qtbot, win, "summit").hits[0]
    win.results.setCurrentIndex(win.model.index(0, 0))
    win.bookmark_current()
    assert [(b.doc_id, b.para) for b in win.store.list()] == [(hit.doc_id, hit.para)]


def test_another_indexer_at_work_is_reported_and_searching_goes_on(qtbot, own):
    from whoosh import index as windex

    update_index(own)
    (own.corpus / "late.txt").write_text("Late\n\nA late paragraph about Jeonju.\n")
    ix = windex.open_dir(str(own.index), indexname="paragraphs")
    writer = ix.writer()  # another process would hold this lock
    try:
        win = open_window(qtbot, own)
        wait_for(qtbot, [win.session.index_failed], lambda: win.index_error)
        assert "another process" in win.index_error
        assert win.problems_btn.isVisible()
        assert search(qtbot, win, "summit").total > 0  # the existing index still answers
    finally:
        writer.cancel()
    win.update_index()
    wait_indexed(qtbot, win, lambda r: r.added == 1)
    assert search(qtbot, win, "Jeonju").total == 1


def test_searching_while_reindexing_shows_whole_versions(qtbot, own):
    flux = own.corpus / "flux.txt"
    versions = [
        "Flux one\n\n" + "\n\n".join(f"Fluxword alpha paragraph {i} in Busan." for i in range(6)),
        "Flux two\n\n" + "\n\n".join(f"Fluxword beta paragraph {i} in Incheon." for i in range(9)),
    ]
    flux.write_text(versions[0])
    update_index(own)
    win = open_window(qtbot, own)
    failures: list[str] = []
    win.session.search_failed.connect(lambda message: failures.append(message))
    seen = []
    for round_ in range(4):
        flux.write_text(versions[(round_ + 1) % 2])
        assert win.session.update_index()
        while True:  # search again and again while the indexer runs
            indexing = win.session.indexing
            result = search(qtbot, win, "fluxword" + " " * (len(seen) % 2))
            kinds = {"alpha" if "alpha" in h.text else "beta" for h in win.model.hits}
            assert len(kinds) == 1, [h.text for h in win.model.hits]
            assert result.total == (6 if kinds == {"alpha"} else 9)
            seen.append(kinds.pop())
            if not indexing:
                break
        wait_update_over(qtbot, win)
    assert not failures
    assert set(seen) == {"alpha", "beta"}


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_markup_in_articles_is_text_and_only_web_links_open(qtbot, own):
    (own.corpus / "markup.txt").write_text(
        "Markup memo\n\nThe memorandum quoted <script>alert('owned')</script> and "
        "<b>bold claims</b> &amp; <img src=x onerror=alert(1)> about tariffs.\n")
    (own.corpus / "evil.html").write_text(
        "<html><head><title>Evil link</title><meta property='og:url' "
        "content=\"javascript:alert('x')\"></head><body><article><p>An article whose link "
        "would run a script: the quetzal accord was signed after long talks.</p><p>Another "
        "paragraph of the quetzal accord story, so the page has some body.</p></article>"
        "</body></html>")
    (own.corpus / "good.html").write_text(
        "<html><head><title>Good link</title><meta property='og:url' "
        "content='https://example.org/story'></head><body><article><p>An article with a web "
        "link: the zircon accord was signed after long talks in Seoul.</p><p>Another "
        "paragraph of the zircon accord story, so the page has some body.</p></article>"
        "</body></html>")
    update_index(own)
    opened = _Opened()
    for scheme in ("http", "https", "javascript", "file"):
        QDesktopServices.setUrlHandler(scheme, opened, "open")
    try:
        win = open_window(qtbot, own)
        result = search(qtbot, win, "memorandum")
        snippet = result.hits[0].snippet
        assert "&lt;script&gt;" in snippet and "<script" not in snippet and "<b>" not in snippet
        win.results.setCurrentIndex(win.model.index(0, 0))
        wait_shown(qtbot, win.view, lambda d: d is not None
                   and d.doc_id == result.hits[0].doc_id)
        text = win.view.browser.toPlainText()
        assert "<script>alert ('owned')</script>" in text and "<b>bold claims</b>" in text
        assert "<img src=x onerror=alert (1)>" in text
        rendered = win.view.browser.toHtml()
        assert "<script" not in rendered and "<img" not in rendered
        assert "bold claims</span>" not in rendered.replace("&lt;/b&gt;", "")

        search(qtbot, win, "quetzal")
        win.results.setCurrentIndex(win.model.index(0, 0))
        wait_shown(qtbot, win.view, lambda d: d is not None
                   and "quetzal" in win.view.browser.toPlainText())
        assert "href" not in win.view.header.text()  # a javascript: url is never a link
        win.view.header.linkActivated.emit("javascript:alert('x')")
        win.view.header.linkActivated.emit("file:///etc/passwd")

        search(qtbot, win, "zircon")
        win.results.setCurrentIndex(win.model.index(0, 0))
        wait_shown(qtbot, win.view, lambda d: d is not None
                   and "zircon" in win.view.browser.toPlainText())
        assert "href='https://example.org/story'" in win.view.header.text()
        win.view.header.linkActivated.emit("https://example.org/story")
        assert opened.urls == ["https://example.org/story"]
    finally:
        for scheme in ("http", "https", "javascript", "file"):
            QDesktopServices.unsetUrlHandler(scheme)
