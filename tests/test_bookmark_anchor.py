"""Bookmarks keep the text bookmarked and follow their paragraph through edits, restores,
renames and stores written by older versions: the core API over a real (small) index."""

from __future__ import annotations

import difflib
import sqlite3

import pytest
from conftest import FIXTURES

from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.search.anchor import SIMILAR, Change, changes, describe
from searchapp.search.engine import SearchEngine
from searchapp.store import BookmarkStore, open_store

TALKS = """Harbour talks resume after a month of silence

The port authority said on Monday that negotiations with the dockworkers' union would resume next week in Rotterdam.

Union leader Marta Vos told reporters that the workers "will not accept a pay offer below inflation."

A spokesman for the shipping lines declined to comment on the talks.

Analysts expect the dispute to delay container traffic through the summer.
"""
STORE_DOC_ID = "8c393d056cb3483d"  # talks.txt's document id in bookmarks_s16.sql
VOS = 'Union leader Marta Vos told reporters that the workers "will not accept a pay offer below inflation."'


@pytest.fixture()
def talks(tmp_path) -> Settings:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "talks.txt").write_text(TALKS, encoding="utf-8")
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    return s


def rewrite(s: Settings, text: str, name: str = "talks.txt") -> None:
    (s.corpus / name).write_text(text, encoding="utf-8")
    update_index(s)


def reanchor(s: Settings) -> dict[str, int]:
    with SearchEngine.open(s) as engine, open_store(s.bookmarks_db) as store:
        return store.reconcile(engine)


def paragraph(s: Settings, needle: str) -> dict:
    with SearchEngine.open(s) as engine:
        for p in engine.document(_doc_id(engine)):
            if needle in p["body"]:
                return p
    raise AssertionError(f"no paragraph with {needle!r}")


def _doc_id(engine) -> str:
    from searchapp.search.engine import SearchRequest

    return engine.search(SearchRequest(query="Rotterdam")).hits[0].doc_id


def bookmark(s: Settings, needle: str, note: str = ""):
    with open_store(s.bookmarks_db) as store:
        return store.add(paragraph(s, needle), note=note)


def get(s: Settings, bookmark_id: int):
    with open_store(s.bookmarks_db) as store:
        return store.get(bookmark_id)


def test_an_edited_then_restored_paragraph_brings_its_bookmark_back_to_ok(talks):
    mark = bookmark(talks, "Marta Vos", note="Vos on pay")
    rewrite(talks, TALKS.replace("a pay offer below inflation", "a pay offer that trails inflation"))
    assert reanchor(talks)["edited"] == 1
    edited = get(talks, mark.id)
    now = paragraph(talks, "Marta Vos")
    assert edited.status == "edited" and edited.text == VOS  # the snapshot stays as bookmarked
    assert edited.now_text == now["body"] and (edited.pid, edited.para) == (now["pid"], now["para"])
    assert edited.changes == "“below” → “that trails”"
    with open_store(talks.bookmarks_db) as store:  # the paragraph as it is now is starred
        assert store.find(now["doc_id"], now["pid"]).id == mark.id
    rewrite(talks, TALKS)
    assert reanchor(talks) == {"ok": 1, "moved": 0, "edited": 0, "missing": 0}
    back = get(talks, mark.id)
    assert (back.status, back.text, back.now_text, back.changes) == ("ok", VOS, None, "")
    assert back.pid == back.saved_pid == mark.pid and back.note == "Vos on pay"


def test_a_bookmark_follows_edits_that_drift_far_from_what_was_bookmarked(talks):
    """Each edit is small, together they rewrite the paragraph: it is followed by the
    version last seen, still compared with (and keeping) the text bookmarked."""
    mark = bookmark(talks, "Marta Vos")
    steps = [VOS.replace("Union leader Marta Vos told reporters", "Marta Vos, the union's leader, said"),
             'Marta Vos, the union\'s leader, said that dockers "will not accept a pay offer below inflation," '
             "and threatened a strike.",
             'Marta Vos, the union\'s leader, said that dockers "would never take a pay offer under '
             'inflation," and threatened a long strike.']
    text = TALKS
    previous = VOS
    for step in steps:
        text = text.replace(previous, step)
        previous = step
        # a paragraph inserted above moves it down one place each time
        text = text.replace("\n\nThe port authority", "\n\nA new paragraph above, number "
                            f"{steps.index(step)}.\n\nThe port authority")
        rewrite(talks, text)
        reanchor(talks)
        b = get(talks, mark.id)
        assert (b.status, b.text, b.now_text) == ("edited", VOS, step)
        assert b.para == paragraph(talks, "Marta Vos")["para"]
    # the last version is far from the bookmarked text: found only through the one before
    assert difflib.SequenceMatcher(None, VOS, steps[-1]).ratio() < SIMILAR
    assert changes(VOS, steps[-1])[:2] == [Change("Union leader", ""),
                                           Change("told reporters", ", the union's leader, said")]


def test_a_renamed_file_keeps_its_bookmarks_edited_or_not(talks):
    kept = bookmark(talks, "port authority")
    edited = bookmark(talks, "Marta Vos")
    rewrite(talks, TALKS.replace("below inflation", "under inflation"))
    reanchor(talks)
    (talks.corpus / "talks.txt").rename(talks.corpus / "harbour.txt")
    rewrite(talks, TALKS, name="harbour.txt")  # renamed, and the edit undone
    reanchor(talks)
    a, b = get(talks, kept.id), get(talks, edited.id)
    assert (a.path, a.status) == ("harbour.txt", "moved")
    assert (b.path, b.status, b.text, b.now_text) == ("harbour.txt", "moved", VOS, None)


def test_two_bookmarks_may_trade_paragraphs_in_one_re_anchoring(talks):
    """A paragraph edited, then restored while another paragraph is edited into its
    edited text: each bookmark goes where its own text is (no two on one paragraph)."""
    first = 'Minister Ana Ruiz said the talks "would resume in May, after the elections."'
    other = 'Minister Ana Ruiz said the talks "might resume in July, after the holidays."'
    base = TALKS.replace("A spokesman for the shipping lines declined to comment on the talks.",
                         f"{first}\n\n{other}")
    rewrite(talks, base)
    a, b = bookmark(talks, "in May"), bookmark(talks, "in July")
    edited_first = first.replace("in May", "in June")
    rewrite(talks, base.replace(first, edited_first))
    reanchor(talks)
    assert get(talks, a.id).now_text == edited_first
    # the first restored; the other edited into what the first read a moment ago
    rewrite(talks, base.replace(other, edited_first))
    reanchor(talks)
    a_now, b_now = get(talks, a.id), get(talks, b.id)
    assert (a_now.status, a_now.now_text) == ("ok", None)
    assert (b_now.status, b_now.text, b_now.now_text) == ("edited", other, edited_first)
    assert a_now.pid != b_now.pid


def test_a_paragraph_deleted_and_put_back_is_missing_then_found(talks):
    mark = bookmark(talks, "spokesman")
    rewrite(talks, TALKS.replace("A spokesman for the shipping lines declined to comment on "
                                 "the talks.\n\n", ""))
    assert reanchor(talks)["missing"] == 1
    gone = get(talks, mark.id)
    assert gone.status == "missing" and "spokesman" in gone.text
    rewrite(talks, TALKS)
    reanchor(talks)
    assert get(talks, mark.id).status == "ok"


def test_exports_and_lists_say_how_an_edited_passage_reads_now(talks):
    mark = bookmark(talks, "Marta Vos")
    rewrite(talks, TALKS.replace("a pay offer below inflation", "a pay offer that trails inflation"))
    reanchor(talks)
    with open_store(talks.bookmarks_db) as store:
        md = store.export("md")
        js = store.export("json")
        csv_text = store.export("csv")
        assert store.list(text="trails")[0].id == mark.id  # found by its text now too
    assert "> " + VOS in md
    assert "changed in the document since it was bookmarked: “below” → “that trails”" in md
    assert '"now_text": "Union leader Marta Vos' in js and '"changes": "“below”' in js
    assert csv_text.splitlines()[0].endswith(",status,quoted,now_reads")


def test_a_store_written_by_the_previous_version_is_migrated(tmp_path, talks):
    """Main's store of session 16 (tests/fixtures/stores/README.md): its bookmarks, notes,
    tags, history and saved search are all kept; its snapshots are what it held."""
    db = talks.bookmarks_db
    db.parent.mkdir(parents=True, exist_ok=True)
    dump = (FIXTURES / "stores" / "bookmarks_s16.sql").read_text(encoding="utf-8")
    with SearchEngine.open(talks) as engine:  # its folder was elsewhere: the id it had there
        dump = dump.replace(STORE_DOC_ID, _doc_id(engine))
    old = sqlite3.connect(db)
    old.executescript(dump)
    old.close()
    with open_store(db) as store:
        marks = {b.note: b for b in store.list()}
        assert set(marks) == {"talks resume", "Vos quote", "no comment"}
        assert all(b.saved_pid == b.pid for b in marks.values())
        assert marks["Vos quote"].tags == ["ports", "quotes"]
        assert [h["query"] for h in store.history()] == ["Rotterdam"]
        assert store.saved_search("ports")["query"] == "Rotterdam OR harbour"
    assert reanchor(talks) == {"ok": 2, "moved": 0, "edited": 1, "missing": 0}
    with BookmarkStore(db) as store:  # opened again: nothing to migrate twice
        marks = {b.note: b for b in store.list()}
    assert marks["no comment"].status == "ok"  # the paragraph is back in the file
    # that version had put the edited text in place of the bookmarked one: it is kept as
    # the snapshot, and the file as it is now differs from it
    vos = marks["Vos quote"]
    assert "trails inflation" in vos.text and vos.now_text == VOS
    assert vos.changes == "“that trails” → “below”"
    columns = {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(bookmark)")}
    assert {"saved_pid", "now_text"} <= columns


@pytest.mark.parametrize(("saved", "now", "said"), [
    ("The talks resume in May.", "The talks resume in June.", "“May” → “June”"),
    ("The talks resume in May.", "The talks resume.", "removed “in May”"),
    ("The talks resume.", "The talks resume today.", "added “today”"),
    ("外交部長林佳龍表示，此行順利。", "外交部長林佳龍表示，此行非常順利。", "added “非常”"),
    ("a b c d e f g h", "a X c Y e Z g h", "“b” → “X”; “d” → “Y”; 1 more change"),
    ("same   text", "same text", ""),
])
def test_a_change_is_told_in_words(saved, now, said):
    assert describe(saved, now) == said


def test_a_long_change_is_shortened():
    said = describe("Short.", "Short. " + "word " * 30)
    assert said.startswith("added “word word") and said.endswith("…”") and len(said) < 60

