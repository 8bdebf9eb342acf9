"""Indexing, the search/bookmarks CLI and bookmark survival, through the command line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import CORPUS, ROOT, run_cli

# slow: `searchapp index`/`search` in subprocesses, kills and concurrent writers (run by .ci/run; `pytest -m slow`)
pytestmark = pytest.mark.slow

SEED4 = "004_54eee05145188ad1.txt"


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path


def cli(work, *args):
    """Run a command with this test's corpus, index and data folder.  ``index`` runs
    without the persons stage (``--no-persons``): these tests are about the keyword
    index; tests/test_persons_stage.py tries the stage (interrupted runs included)."""
    if args and args[0] == "index":
        args = (*args, "--no-persons")
    return run_cli(*args, env={"SEARCHAPP_CORPUS": str(work / "corpus"),
                               "SEARCHAPP_INDEX": str(work / "index"),
                               "SEARCHAPP_DATA_DIR": str(work / "data")})


def cli_json(work, *args):
    proc = cli(work, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_index_is_incremental(work):
    first = cli_json(work, "index")
    assert (first["added"], first["updated"], first["removed"]) == (5, 0, 0)
    assert first["total_paragraphs"] > 50 and first["failed"] == []
    again = cli_json(work, "index")
    assert (again["added"], again["updated"], again["unchanged"], again["paragraphs"]) == \
        (0, 0, 5, 0)

    (work / "corpus" / "extra.txt").write_text(
        "Extra piece\n\nThe zephyrine accord was signed by President Yoon in Busan.\n",
        encoding="utf-8")
    added = cli_json(work, "index")
    assert (added["added"], added["unchanged"]) == (1, 5)
    hit = cli_json(work, "search", "zephyrine")
    assert hit["total"] == 1 and hit["hits"][0]["path"] == "extra.txt"
    assert "Yoon Suk Yeol" in hit["hits"][0]["persons"]

    (work / "corpus" / "extra.txt").write_text(
        "Extra piece\n\nThe quixotic accord was signed in Busan.\n", encoding="utf-8")
    changed = cli_json(work, "index")
    assert (changed["updated"], changed["added"]) == (1, 0)
    assert cli_json(work, "search", "zephyrine")["total"] == 0
    assert cli_json(work, "search", "quixotic")["total"] == 1

    (work / "corpus" / "extra.txt").unlink()
    removed = cli_json(work, "index")
    assert removed["removed"] == 1 and removed["total_files"] == 5
    assert cli_json(work, "search", "quixotic")["total"] == 0
    for _ in range(2):  # a file removed once is not counted again on the runs after
        after = cli_json(work, "index")
        assert (after["added"], after["updated"], after["removed"]) == (0, 0, 0)


def test_a_bad_file_is_reported_and_skipped(work):
    (work / "corpus" / "broken.html").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    (work / "corpus" / "empty.txt").write_text("")
    proc = cli(work, "index")
    assert proc.returncode == 0
    assert "broken.html" in proc.stderr and "empty.txt" in proc.stderr
    assert "5 added" in proc.stdout and "2 failed" in proc.stdout
    assert cli_json(work, "search", "summit")["total"] > 0


def test_interrupted_index_run_keeps_the_previous_index(work):
    assert cli(work, "index").returncode == 0
    # paragraphs, not hits: the new files are copies of a seed, which fold into its hits
    before = cli_json(work, "search", "summit")["paragraphs"]
    # many new files, so the run is still going when it is killed
    big = work / "corpus" / "more"
    big.mkdir()
    text = (CORPUS / SEED4).read_text(encoding="utf-8")
    for i in range(600):
        (big / f"copy{i:03}.txt").write_text(f"Copy {i}\n\n{text}", encoding="utf-8")
    env = dict(os.environ, SEARCHAPP_CORPUS=str(work / "corpus"),
               SEARCHAPP_INDEX=str(work / "index"), SEARCHAPP_DATA_DIR=str(work / "data"))
    index_files = set((work / "index").iterdir())
    proc = subprocess.Popen([sys.executable, "-m", "searchapp", "index", "--no-persons"],
                            cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # killed while it writes: as soon as the run's first new file appears in the index
    while proc.poll() is None and set((work / "index").iterdir()) <= index_files:
        time.sleep(0.01)
    assert proc.poll() is None, "indexing finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    after = cli_json(work, "search", "summit")
    assert after["paragraphs"] == before
    # and the next run completes (with fewer files, to keep the test short)
    for extra in sorted(big.iterdir())[3:]:
        extra.unlink()
    done = cli_json(work, "index")
    assert done["added"] == 3
    assert cli_json(work, "search", "summit")["paragraphs"] > before


def test_ctrl_c_during_indexing_keeps_the_previous_index(work):
    from searchapp.config import Settings
    from searchapp.index.update import update_index
    from searchapp.search.engine import SearchEngine, SearchRequest

    s = Settings.resolve(corpus=work / "corpus", index=work / "index", data_dir=work / "data")
    update_index(s)
    (work / "corpus" / "late.txt").write_text("Late\n\nA brand-new xylophonic paragraph.\n")
    (work / "corpus" / "later.txt").write_text("Later\n\nAnother xylophonic paragraph.\n")

    def interrupt(done, total, path):
        if path == "later.txt":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update_index(s, progress=interrupt)
    with SearchEngine.open(s) as engine:
        assert engine.search(SearchRequest("xylophonic")).total == 0
        assert engine.search(SearchRequest("summit")).total > 0
    report = update_index(s)
    assert report.added == 2


def test_a_second_writer_gets_a_clear_message(work):
    from whoosh import index as windex

    assert cli(work, "index").returncode == 0
    (work / "corpus" / "new.txt").write_text("New\n\nSomething new.\n")
    ix = windex.open_dir(str(work / "index"), indexname="paragraphs")
    writer = ix.writer()
    try:
        proc = cli(work, "index")
    finally:
        writer.cancel()
    assert proc.returncode == 2
    assert "being updated by another process" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_search_json_shape_and_user_errors(work):
    assert cli(work, "search", "summit").returncode == 2  # no index yet
    missing = cli(work, "search", "summit")
    assert "no index" in missing.stderr and "searchapp index" in missing.stderr
    cli(work, "index")
    out = cli_json(work, "search", "Xi", "--person", "Yoon Seok-yeol", "--sort", "newest",
                   "--limit", "3")
    assert set(out) >= {"query", "total", "hits", "facets", "suggestion"}
    assert set(out["facets"]) == {"person", "place", "source", "author", "year", "folder",
                                  "speaker"}
    hit = out["hits"][0]
    assert set(hit) >= {"doc_id", "path", "title", "source", "date", "authors", "para", "text",
                        "snippet", "persons", "places", "score"}
    assert (work / "corpus" / hit["path"]).is_file()
    assert hit["date"] is None or len(hit["date"]) == 10
    assert len(out["hits"]) == 3 and all("Yoon Suk Yeol" in h["persons"] for h in out["hits"])
    for args in (["search", "date:[2023"], ["search", "AND"], ["search", "--sort", "sideways"],
                 ["search", "x", "--person", "Nobody Known"], ["bookmarks", "remove", "999"]):
        proc = cli(work, *args)
        assert proc.returncode != 0, args
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr
    human = cli(work, "search", "Camp David", "--limit", "2")
    assert human.returncode == 0 and "paragraphs match" in human.stdout
    assert "[Camp David]" in human.stdout


def test_persons_from_the_index(work):
    cli(work, "index")
    rows = cli_json(work, "persons")["persons"]
    yoon = next(r for r in rows if r["name"] == "Yoon Suk Yeol")
    assert "Yoon Seok-yeol" in yoon["aliases"] and yoon["paragraphs"] > 10
    assert yoon["documents"] >= 3


def test_history_and_saved_searches(work):
    cli(work, "index")
    cli(work, "search", "summit", "--person", "Xi Jinping")
    cli(work, "search", "Pyongyang")
    hist = cli_json(work, "history")["history"]
    assert [h["query"] for h in hist[:2]] == ["Pyongyang", "summit"]
    assert hist[1]["filters"]["persons"] == ["Xi Jinping"]
    assert cli(work, "saved", "add", "xi-summits", "summit", "--person", "Xi Jinping",
               "--from", "2023").returncode == 0
    saved = cli_json(work, "saved", "list")["saved"]
    assert saved == [{"name": "xi-summits", "query": "summit",
                      "filters": {"persons": ["Xi Jinping"], "date_from": "2023",
                                  "sort": "relevance"}}]


# -- bookmarks ----------------------------------------------------------------------


def _para_key(work, query):
    hit = cli_json(work, "search", query, "--limit", "1")["hits"][0]
    return f"{hit['doc_id']}:{hit['para']}", hit


def test_bookmarks_add_list_edit_export_remove(work):
    cli(work, "index")
    key, hit = _para_key(work, '"Camp David Principles"')
    added = cli_json(work, "bookmarks", "add", key, "--note", "trilateral", "--tag", "summit",
                     "--tag", "japan")
    assert added["text"] == hit["text"] and added["tags"] == ["summit", "japan"]
    listed = cli_json(work, "bookmarks", "list")["bookmarks"]
    assert len(listed) == 1 and listed[0]["note"] == "trilateral"
    cli(work, "bookmarks", "edit", str(added["id"]), "--note", "key passage")
    md = cli(work, "bookmarks", "export", "--format", "markdown").stdout
    assert "> " + hit["text"][:40] in md
    assert hit["title"] in md and "paragraph " + str(hit["para"]) in md
    assert "key passage" in md and "#summit" in md
    csv_text = cli(work, "bookmarks", "export", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("id,title,source,date,url")
    exported = json.loads(cli(work, "bookmarks", "export", "--format", "json").stdout)
    assert exported[0]["tags"] == ["summit", "japan"]
    assert cli_json(work, "bookmarks", "list", "--tag", "japan")["bookmarks"]
    assert not cli_json(work, "bookmarks", "list", "--tag", "nope")["bookmarks"]
    cli(work, "bookmarks", "edit", str(added["id"]), "--tag", "chips & export")
    md = cli(work, "bookmarks", "export", "--format", "markdown").stdout
    assert "#chips-export" in md and "#chips-&" not in md  # a tag's words, one hashtag
    assert cli(work, "bookmarks", "remove", str(added["id"])).returncode == 0
    assert cli_json(work, "bookmarks", "list")["bookmarks"] == []


def test_bookmarks_survive_reindexing_and_edits(work):
    cli(work, "index")
    key_moved, moved_hit = _para_key(work, '"Camp David Principles"')
    key_gone, gone_hit = _para_key(work, "THAAD")
    for key in (key_moved, key_gone):
        assert cli(work, "bookmarks", "add", key).returncode == 0
    path = work / "corpus" / moved_hit["path"]
    text = path.read_text(encoding="utf-8")
    # a paragraph inserted near the top moves the bookmarked one down;
    # the THAAD paragraph is deleted
    assert gone_hit["path"] == moved_hit["path"]
    lines = text.split("\n\n")
    lines = [p for p in lines if "THAAD" not in p]
    lines.insert(3, "An inserted paragraph that pushes the others down by one place.")
    path.write_text("\n\n".join(lines), encoding="utf-8")
    cli(work, "index", "--rebuild")
    marks = {b["pid"]: b for b in cli_json(work, "bookmarks", "list")["bookmarks"]}
    moved = next(b for b in marks.values() if "Camp David Principles" in b["text"])
    gone = next(b for b in marks.values() if "THAAD" in b["text"])
    now = cli_json(work, "search", '"Camp David Principles"', "--limit", "1")["hits"][0]
    assert moved["status"] in ("ok", "moved") and moved["para"] == now["para"]
    assert gone["status"] == "missing" and gone["text"] == gone_hit["text"]
    md = cli(work, "bookmarks", "export").stdout
    assert "no longer in the document" in md


def test_a_bookmark_is_edited_while_its_file_is_and_ok_once_restored(work):
    """The trial of session 16 as it was run: bookmark, edit the file, index (edited,
    saying what changed), restore it, index: no longer edited, the text bookmarked kept."""
    cli(work, "index")
    key, hit = _para_key(work, '"Camp David Principles"')
    assert cli(work, "bookmarks", "add", key, "--note", "principles").returncode == 0
    path = work / "corpus" / hit["path"]
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("Camp David Principles", "Camp David Principles, "
                                     "as signed,"), encoding="utf-8")
    cli(work, "index")
    listed = cli(work, "bookmarks", "list").stdout
    assert "(edited since bookmarked: added “, as signed,”)" in listed
    mark = cli_json(work, "bookmarks", "list")["bookmarks"][0]
    assert mark["status"] == "edited" and mark["text"] == hit["text"]
    assert "as signed" in mark["now_text"] and mark["changes"] == "added “, as signed,”"
    path.write_text(original, encoding="utf-8")
    cli(work, "index")
    mark = cli_json(work, "bookmarks", "list")["bookmarks"][0]
    assert (mark["status"], mark["text"], mark["now_text"], mark["pid"]) == \
        ("ok", hit["text"], None, hit["pid"])
    assert "edited" not in cli(work, "bookmarks", "list").stdout


def test_a_killed_writer_never_loses_earlier_bookmarks(work):
    cli(work, "index")
    key, _ = _para_key(work, "summit")
    assert cli(work, "bookmarks", "add", key, "--note", "first").returncode == 0
    script = (
        "import sys, itertools\n"
        "from searchapp.store import BookmarkStore\n"
        "s = BookmarkStore(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "for i in itertools.count():\n"
        "    s.add_history(f'q{i}')\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(work / "data" /
                                                              "bookmarks.sqlite3")],
                            cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(1.0)
    proc.kill()
    proc.wait(10)
    marks = cli_json(work, "bookmarks", "list")["bookmarks"]
    assert [b["note"] for b in marks] == ["first"]
    import sqlite3

    db = sqlite3.connect(work / "data" / "bookmarks.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_several_processes_index_what_one_does(tmp_path):
    """``--jobs 3``: two helper processes write segments beside this one's; the index
    answers exactly as a one-process build of the same files does."""
    from conftest import HTML_PAGES

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    for page in HTML_PAGES:
        shutil.copy(page, corpus / page.name)
    runs = {}
    for jobs in ("1", "3"):
        work = tmp_path / f"jobs{jobs}"
        work.mkdir()
        (work / "corpus").symlink_to(corpus)
        report = cli_json(work, "index", "--jobs", jobs)
        assert report["added"] == 5 + len(HTML_PAGES) and not report["failed"], report
        manifest = json.loads((work / "index" / "manifest.json").read_text("utf-8"))
        answers = []
        for query in ("summit", "Korea AND China", '"Camp David"', "person:\"Xi Jinping\"",
                      "secur* OR government"):
            found = cli_json(work, "search", query, "--limit", "1000")
            answers.append((found["total"], sorted(h["key"] for h in found["hits"]),
                            found["facets"]))
        runs[jobs] = (report["total_paragraphs"],
                      {rel: (e["doc_id"], e["paragraphs"], e["hash"])
                       for rel, e in manifest["files"].items()}, answers)
    assert runs["1"] == runs["3"]
    segments = [p for p in (tmp_path / "jobs3" / "index").glob("*.seg")]
    assert len(segments) == 3  # one per process


def test_jobs_must_be_a_positive_number(work):
    proc = cli(work, "index", "--jobs", "0")
    assert proc.returncode == 2
    assert "at least 1" in proc.stderr and "Traceback" not in proc.stderr


def test_an_index_from_an_older_pipeline_is_read_again(work, monkeypatch):
    """After an upgrade that changes cleaning or extraction, no document keeps old results."""
    from searchapp.config import Settings
    from searchapp.index.manifest import index_state
    from searchapp.index.update import is_stale, update_index
    from searchapp.ingest import pipeline as document

    s = Settings.resolve(corpus=work / "corpus", index=work / "index", data_dir=work / "data")
    with monkeypatch.context() as m:  # the index as the previous version built it
        m.setattr(document, "PIPELINE_VERSION", document.PIPELINE_VERSION - 1)
        assert update_index(s).added == 5
        assert not is_stale(s)
        before = index_state(s.index)
    assert is_stale(s)
    report = update_index(s)
    assert report.rebuilt and report.updated == 5 and report.added == 0
    assert not is_stale(s) and update_index(s).unchanged == 5
    # the files are the same, their paragraphs new: the persons and copies stages, which
    # run again only when the index's state changes, must see it
    assert index_state(s.index) != before


def test_an_indexer_child_that_finds_the_index_busy_says_so_once(work):
    """The busy error crosses the process boundary whole: one sentence, the path once."""
    from whoosh import index as windex

    from searchapp.config import Settings
    from searchapp.errors import IndexBusy
    from searchapp.index.schema import INDEX_NAME
    from searchapp.index.update import update_index
    from searchapp.procs.indexer import update_index_in_process

    s = Settings.resolve(corpus=work / "corpus", index=work / "index", data_dir=work / "data")
    update_index(s)
    (work / "corpus" / "new.txt").write_text("A new article about the summit.\n\nIt is long "
                                             "enough to be a paragraph of its own.")
    writer = windex.open_dir(str(s.index), indexname=INDEX_NAME).writer()  # holds the lock
    try:
        with pytest.raises(IndexBusy) as caught:
            update_index_in_process(s)
    finally:
        writer.cancel()
    message = str(caught.value)
    assert message.count("the index at") == 1 and message.count("being updated") == 1
    assert str(s.index) in message


def test_bookmarks_are_reanchored_once_after_an_index_change_and_not_on_search(work, monkeypatch):
    """``index`` re-anchors bookmarks once when the index changed; ``search`` never does."""
    from searchapp.store import BookmarkStore

    cli(work, "index")
    hit = json.loads(cli(work, "search", "summit", "--json", "--limit", "1").stdout)["hits"][0]
    cli(work, "bookmarks", "add", hit["key"])
    calls = []
    real = BookmarkStore.reconcile
    monkeypatch.setattr(BookmarkStore, "reconcile",
                        lambda self, engine: calls.append(1) or real(self, engine))
    from searchapp.cli import main

    env = {"SEARCHAPP_CORPUS": str(work / "corpus"), "SEARCHAPP_INDEX": str(work / "index"),
           "SEARCHAPP_DATA_DIR": str(work / "data")}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert main(["search", "summit", "--no-history"]) == 0
    assert calls == []
    (work / "corpus" / "new.txt").write_text("A new article about the summit.\n\nIt is long "
                                             "enough to be a paragraph of its own.")
    assert main(["index"]) == 0
    assert calls == [1]
    assert main(["index"]) == 0  # nothing changed: nothing to re-anchor
    assert calls == [1]


def test_an_index_of_an_older_version_rebuilds_itself_with_one_line(work):
    """An index whose format version is older (modules moved, schema changed) is not
    an error: it is rebuilt, and the user reads one line saying why."""
    assert cli(work, "index").returncode == 0
    manifest = work / "index" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["schema"] = data["schema"] - 1
    manifest.write_text(json.dumps(data))
    proc = cli(work, "search", "summit", "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["total"] > 0
    notes = [line for line in proc.stderr.splitlines() if "older searchapp" in line]
    assert len(notes) == 1 and "Traceback" not in proc.stderr
    rebuilt = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**rebuilt, "schema": rebuilt["schema"] - 1}))
    report = cli_json(work, "index")
    assert report["upgraded"] and report["rebuilt"] and report["added"] == 5
