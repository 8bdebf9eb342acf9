"""The app's engine process (searchapp.procs.engine): the same answers as the engine
in this process, readable errors, and a process that never outlives its use."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import psutil
import pytest
from conftest import CORPUS

from searchapp.config import Settings
from searchapp.errors import IndexDamaged
from searchapp.index.update import update_index
from searchapp.procs.engine import DocumentData, EngineClient, EngineStopped
from searchapp.search.engine import SearchEngine, SearchRequest
from searchapp.search.query import QueryError
from searchapp.store import open_store


@pytest.fixture(scope="module")
def indexed(seed_settings):
    return seed_settings


@pytest.fixture(scope="module")
def client(indexed):
    c = EngineClient.for_settings(indexed)
    c.open()
    yield c
    c.close()


def test_searches_answer_as_the_engine_in_this_process(indexed, client):
    assert client.pid != os.getpid()
    with SearchEngine.open(indexed) as engine:
        for req in (SearchRequest(query="summit"), SearchRequest(query='"Camp David"'),
                    SearchRequest(persons=["Xi Jinping"], sort="newest"),
                    SearchRequest(query="Korea", sources=["Korea Times"], page=2)):
            ours, theirs = client.search(req), engine.search(req)
            assert ours.total == theirs.total > 0 or req.sources
            assert [h.key for h in ours.hits] == [h.key for h in theirs.hits]
            assert [h.snippet for h in ours.hits] == [h.snippet for h in theirs.hits]
            assert ours.facets == theirs.facets


def test_documents_and_persons_come_prepared_for_the_app(client):
    hit = client.search(SearchRequest(query="Yoon")).hits[0]
    doc = client.document(hit.doc_id, hit.para, ["Yoon Suk Yeol"], "Yoon")
    assert isinstance(doc, DocumentData) and doc.focus == hit.para
    assert doc.title == hit.title
    body = {p["para"]: p["body"] for p in doc.paragraphs}
    marked = [body[para][s:e] for para, spans in doc.marks.items() for s, e in spans]
    assert marked and all("yoon" in m.casefold() or "尹" in m for m in marked)
    assert client.document("no such document", None, []) is None
    rows = client.persons()
    xi = next(r for r in rows if r["name"] == "Xi Jinping")
    assert xi["paragraphs"] > 0 and xi["documents"] > 0 and "习近平" in xi["aliases"]
    assert rows == sorted(rows, key=lambda r: (-r["paragraphs"], r["name"].casefold()))


def test_a_bad_query_raises_its_readable_error_here(client):
    with pytest.raises(QueryError) as err:
        client.search(SearchRequest(query="date:2023-13-45"))
    assert str(err.value) == ("'2023-13-45' is not a real date (there is no month 13): "
                              "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03-01")
    assert client.search(SearchRequest(query="summit")).total > 0  # still serving


def test_a_killed_engine_process_is_replaced_and_reopened(indexed):
    c = EngineClient.for_settings(indexed)
    try:
        c.open()
        total = c.search(SearchRequest(query="summit")).total
        first = c.pid
        os.kill(first, signal.SIGKILL)
        psutil.Process(first).wait(timeout=10)
        assert c.search(SearchRequest(query="summit")).total == total
        assert c.pid not in (None, first)
    finally:
        c.close()


def test_close_stops_the_process_and_later_requests_say_so(indexed):
    c = EngineClient.for_settings(indexed)
    c.open()
    proc = psutil.Process(c.pid)
    c.close()
    assert not proc.is_running() or proc.status() == psutil.STATUS_ZOMBIE
    with pytest.raises(EngineStopped):
        c.search(SearchRequest(query="summit"))
    c.close()  # again is harmless


def test_a_damaged_index_raises_index_damaged_with_its_reason(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    s = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    for seg in s.index.glob("*.seg"):
        with open(seg, "r+b") as f:
            f.truncate(seg.stat().st_size // 3)
    c = EngineClient.for_settings(s)
    try:
        with pytest.raises(IndexDamaged) as err:
            c.open()
        assert err.value.reason and "damaged" in str(err.value)
        with pytest.raises(RuntimeError, match="not open"):
            c.search(SearchRequest(query="summit"))
        update_index(s)  # rebuilt from the corpus
        c.open()
        assert c.search(SearchRequest(query="summit")).total > 0
    finally:
        c.close()


def test_bookmarks_are_reconciled_in_the_engine_process(indexed, client, tmp_path):
    hit = client.search(SearchRequest(query="summit")).hits[0]
    with SearchEngine.open(indexed) as engine, open_store(indexed.bookmarks_db) as store:
        store.add(engine.paragraph(hit.key), note="kept")
    counts = client.reconcile()
    assert counts["ok"] >= 1 and counts["missing"] == 0


def test_the_search_process_exits_when_the_app_dies(indexed):
    script = (
        "import os, sys\n"
        "from searchapp.procs.engine import EngineClient\n"
        "if __name__ == '__main__':\n"
        "    c = EngineClient(sys.argv[1], (sys.argv[2],), sys.argv[3]); c.open()\n"
        "    print(c.pid, flush=True)\n"
        "    os._exit(0)\n")
    out = subprocess.run([sys.executable, "-c", script, str(indexed.index),
                          str(indexed.corpus), str(indexed.bookmarks_db)],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    engine = int(out.split()[0])

    def gone() -> bool:  # exited (a zombie nobody reaped has exited too)
        try:
            return psutil.Process(engine).status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    deadline = time.monotonic() + 20
    while not gone() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert gone()
