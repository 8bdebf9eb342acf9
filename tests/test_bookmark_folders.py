"""Only an index that holds a bookmark's folder judges it: a one-off index of another
folder (``--corpus DIR``) leaves every bookmark as it is, a folder removed from the list
leaves its bookmarks kept and ``missing``, and a store written before bookmarks knew their
folder learns it.  The core API over real (small) indexes, and the CLI of the trial."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from conftest import FIXTURES, run_cli
from test_bookmark_anchor import TALKS, VOS

from searchapp import api
from searchapp.config import Settings
from searchapp.folders.folder_list import Folder
from searchapp.index.update import update_index
from searchapp.model import SearchRequest
from searchapp.search.engine import SearchEngine
from searchapp.store import open_store

NOTES = """Notes from elsewhere

A folder indexed once, with nothing bookmarked in it, about the harbour of Rotterdam.
"""
S17_DOC_ID = "cb59e317084f139c"  # talks.txt's document id in bookmarks_s17.sql


def folders(tmp_path, *names: str) -> Settings:
    """The user's own folder list (not one-off) of ``names`` under ``tmp_path``."""
    return Settings(folders=tuple(Folder(tmp_path / n, n) for n in names),
                    index=tmp_path / "index", data_dir=tmp_path / "data")


def one_off(tmp_path, name: str) -> Settings:
    """What ``--corpus DIR`` gives: that folder, with an index of its own."""
    return Settings(corpus=tmp_path / name, index=tmp_path / f"{name}-index",
                    data_dir=tmp_path / "data")


@pytest.fixture()
def mine(tmp_path) -> Settings:
    for name, text in (("mine", TALKS), ("other", NOTES)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "talks.txt").write_text(text, encoding="utf-8")
    s = folders(tmp_path, "mine")
    update_index(s)
    return s


def reanchor(s: Settings) -> dict[str, int]:
    with SearchEngine.open(s) as engine, open_store(s.bookmarks_db) as store:
        return store.reconcile(engine)


def bookmark(s: Settings, needle: str, note: str = ""):
    with SearchEngine.open(s) as engine, open_store(s.bookmarks_db) as store:
        hit = engine.search(SearchRequest(query=f'"{needle}"')).hits[0]
        para = engine.paragraph(hit.key)
        return store.add(para, note=note, folder_path=s.folder_path_of(para))


def rows(s: Settings) -> dict[int, dict]:
    with open_store(s.bookmarks_db) as store:
        return {b.id: b.to_json() for b in store.list()}


def test_a_one_off_index_of_another_folder_leaves_every_bookmark_as_it_is(mine, tmp_path):
    """The trial: index a folder once with --corpus; the user's bookmarks were all marked
    missing by that index.  Now none is judged by it, edited ones included."""
    kept = bookmark(mine, "port authority", note="talks resume")
    edited = bookmark(mine, "Marta Vos", note="Vos quote")
    assert kept.folder_path == str(tmp_path / "mine")
    (tmp_path / "mine" / "talks.txt").write_text(
        TALKS.replace("below inflation", "that trails inflation"), encoding="utf-8")
    update_index(mine)
    assert reanchor(mine) == {"ok": 1, "moved": 0, "edited": 1, "missing": 0}
    before = rows(mine)
    assert before[edited.id]["changes"] == "“below” → “that trails”"
    other = one_off(tmp_path, "other")
    api.update(other)  # what `searchapp index --corpus other` does: re-anchors after it
    assert rows(other) == before
    assert reanchor(other) == {"ok": 0, "moved": 0, "edited": 0, "missing": 0}
    with SearchEngine.open(other) as engine, open_store(other.bookmarks_db) as store:
        assert store.reconcile_if_needed(engine) is None  # done in this index as it is
    assert rows(other) == before
    # back in the user's own index: judged again, and found where they were
    with SearchEngine.open(mine) as engine, open_store(mine.bookmarks_db) as store:
        assert store.reconcile_if_needed(engine) == {"ok": 1, "moved": 0, "edited": 1,
                                                     "missing": 0}
    assert rows(mine) == before


def test_the_same_text_in_a_folder_indexed_once_does_not_take_a_bookmark(mine, tmp_path):
    """A copy of the bookmarked file in the one-off folder: the bookmark stays with its
    own file (not "moved" into a folder the user indexed once)."""
    mark = bookmark(mine, "port authority")
    shutil.copy(tmp_path / "mine" / "talks.txt", tmp_path / "other" / "copy.txt")
    other = one_off(tmp_path, "other")
    update_index(other)
    reanchor(other)
    with open_store(mine.bookmarks_db) as store:
        b = store.get(mark.id)
    assert (b.doc_id, b.path, b.status, b.folder_path) == (
        mark.doc_id, "talks.txt", "ok", str(tmp_path / "mine"))


def test_a_removed_folder_keeps_its_bookmarks_missing_until_it_is_added_back(mine, tmp_path):
    both = folders(tmp_path, "mine", "other")
    update_index(both)
    mine_mark = bookmark(both, "Marta Vos", note="Vos quote")
    other_mark = bookmark(both, "nothing bookmarked", note="from the other folder")
    assert reanchor(both) == {"ok": 2, "moved": 0, "edited": 0, "missing": 0}
    update_index(mine)  # "other" removed from the list: its paragraphs leave the index
    assert reanchor(mine) == {"ok": 1, "moved": 0, "edited": 0, "missing": 1}
    now = rows(mine)
    assert now[mine_mark.id]["status"] == "ok"
    gone = now[other_mark.id]
    assert gone["status"] == "missing" and gone["note"] == "from the other folder"
    assert "nothing bookmarked" in gone["text"] and gone["folder_path"] == str(tmp_path / "other")
    with open_store(mine.bookmarks_db) as store:  # told apart from a paragraph gone
        assert store.get(other_mark.id).folder_removed(mine.listed)
        assert not store.get(other_mark.id).folder_removed(both.listed)
        assert not store.get(other_mark.id).folder_removed(None)  # a one-off run: not known
    update_index(mine)  # still dropped at the next update, not forgotten
    assert reanchor(mine)["missing"] == 1
    update_index(both)  # added back: found again
    assert reanchor(both) == {"ok": 2, "moved": 0, "edited": 0, "missing": 0}
    assert rows(both)[other_mark.id]["text"] == gone["text"]


def test_a_bookmark_of_a_deleted_file_is_still_judged_by_its_own_index(mine, tmp_path):
    """The folder is held, the file gone: missing (as before); back: ok."""
    mark = bookmark(mine, "Marta Vos")
    (tmp_path / "mine" / "talks.txt").rename(tmp_path / "talks.txt.away")
    update_index(mine)
    assert reanchor(mine)["missing"] == 1
    with open_store(mine.bookmarks_db) as store:
        assert not store.get(mark.id).folder_removed(mine.listed)  # its folder is there
    (tmp_path / "talks.txt.away").rename(tmp_path / "mine" / "talks.txt")
    update_index(mine)
    assert reanchor(mine)["ok"] == 1 and rows(mine)[mark.id]["text"] == VOS


def test_a_store_written_by_main_s_code_learns_its_folders(mine, tmp_path):
    """Main's store of session 17 (tests/fixtures/stores/README.md), its bookmarks marked
    missing by a one-off index: migrated when opened; a one-off index of another folder
    still leaves them alone, the user's own index finds them and records their folder."""
    db = mine.bookmarks_db
    db.parent.mkdir(parents=True, exist_ok=True)
    dump = (FIXTURES / "stores" / "bookmarks_s17.sql").read_text(encoding="utf-8")
    with SearchEngine.open(mine) as engine:  # its folder was elsewhere: the id it had there
        doc_id = engine.search(SearchRequest(query="Rotterdam")).hits[0].doc_id
    old = sqlite3.connect(db)
    old.executescript(dump.replace(S17_DOC_ID, doc_id))
    old.close()
    with open_store(db) as store:
        marks = {b.note: b for b in store.list()}
        assert set(marks) == {"talks resume", "Vos quote"}
        assert {(b.status, b.folder_path) for b in marks.values()} == {("missing", "")}
        assert marks["Vos quote"].tags == ["ports", "quotes"]
        assert [h["query"] for h in store.history()] == ["Rotterdam"]
        assert store.saved_search("ports")["query"] == "Rotterdam OR harbour"
    other = one_off(tmp_path, "other")
    update_index(other)
    assert reanchor(other) == {"ok": 0, "moved": 0, "edited": 0, "missing": 0}
    assert reanchor(mine) == {"ok": 2, "moved": 0, "edited": 0, "missing": 0}
    assert {b["folder_path"] for b in rows(mine).values()} == {str(tmp_path / "mine")}
    assert reanchor(other)["ok"] == 0 and {b["status"] for b in rows(mine).values()} == {"ok"}
    with open_store(db) as store:  # opened again: nothing to migrate twice
        assert len(store.list()) == 2
    columns = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(bookmark)")]
    assert columns.count("folder_path") == 1


@pytest.mark.slow
def test_the_trial_indexing_a_folder_once_from_the_cli(tmp_path):
    """The new user's trial, with the CLI: bookmarks of the user's folder, then
    ``index --corpus OTHER`` and ``bookmarks list`` there and at home."""
    for name, text in (("mine", TALKS), ("other", NOTES)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "talks.txt").write_text(text, encoding="utf-8")
    env = {"SEARCHAPP_DATA_DIR": str(tmp_path / "data"), "SEARCHAPP_CORPUS": "",
           "SEARCHAPP_INDEX": ""}

    def cli(*args: str) -> str:
        proc = run_cli(*args, env=env)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    cli("folders", "add", str(tmp_path / "mine"), "--no-index")
    cli("folders", "remove", "Sample articles")
    cli("index")
    for query in ("Rotterdam", '"Marta Vos"'):
        hit = json.loads(cli("search", query, "--json", "--limit", "1"))["hits"][0]
        cli("bookmarks", "add", hit["key"], "--note", query)
    cli("index", "--corpus", str(tmp_path / "other"))
    for where in (("--corpus", str(tmp_path / "other")), ()):
        listed = json.loads(cli("bookmarks", "list", "--json", *where))["bookmarks"]
        assert [(b["status"], b["folder_path"]) for b in listed] == \
            [("ok", str(tmp_path / "mine"))] * 2
    assert "paragraph gone" not in cli("bookmarks", "list", "--corpus", str(tmp_path / "other"))
    cli("folders", "remove", "mine")  # and the index updated: its bookmarks kept, told why
    listed = cli("bookmarks", "list")
    assert listed.count("(its folder was removed; saved text)") == 2 and "Marta Vos" in listed
