"""The persons memo's store: incremental resolution equals a resolution from scratch
after a sequence of adds, changes and removals, and a store interrupted mid-write or
damaged leaves a usable index.

No model: the recognizer's spans are given as raw mentions (what the stage stores),
written with invented names; the store is the one the stage uses
(:mod:`searchapp.index.persons_memo`).
"""

from __future__ import annotations

import subprocess
import sys
import zlib

import pytest

from searchapp.index import PERSONS_MEMO
from searchapp.index import persons_memo as store
from searchapp.index.persons_stage import document_signature
from searchapp.ingest.persons.memo import Memo
from searchapp.ingest.persons.people import DocText, find_persons
from searchapp.ingest.persons.recognize import RawMention

FILLER = "The committee met on Tuesday and voters left the hall early."


def doc(doc_id: str, *paras: tuple[str, list[tuple[str, str]]]):
    """A document and its raw mentions from ``(text, [(span, label), ...])``."""
    rows, raw = [], {}
    for p, (text, spans) in enumerate(paras):
        pid = f"{doc_id}-{p}-{zlib.crc32(text.encode()):08x}"
        rows.append((pid, "body", text))
        raw[pid] = [RawMention(text.index(s), text.index(s) + len(s), s, label)
                    for s, label in spans]
    return DocText(doc_id, tuple(rows), "en"), raw


DOCS = {
    "a": doc("a", (f"Senator Mara Quellwood said the plan would pass. {FILLER}",
                   [("Mara Quellwood", "PERSON")]),
         (f"Quellwood told reporters in Ostravia that she was sure. {FILLER}",
          [("Quellwood", "PERSON"), ("Ostravia", "GPE")])),
    "b": doc("b", (f"Dr. Tobin Haverly, who leads the clinic, said costs rose. {FILLER}",
                   [("Tobin Haverly", "PERSON")]),
         (f"Haverly and Mara Quellwood met in Ostravia on Monday. {FILLER}",
          [("Haverly", "PERSON"), ("Mara Quellwood", "PERSON"), ("Ostravia", "GPE")])),
    "c": doc("c", (f"Quellwood spoke first, then Haverly answered. {FILLER}",
                   [("Quellwood", "PERSON"), ("Haverly", "PERSON")])),
    "d": doc("d", (f"Mayor Lina Osterberg said the Ostravia budget was late. {FILLER}",
                   [("Lina Osterberg", "PERSON"), ("Ostravia", "GPE")]),
         (f"Osterberg, 52, blamed Tobin Haverly. {FILLER}",
          [("Osterberg", "PERSON"), ("Tobin Haverly", "PERSON")])),
    # a second version of "c": a new spelling that merges by a rule, a new person
    "c2": doc("c", (f"Mara A. Quellwood spoke first, then Haverly answered. {FILLER}",
                    [("Mara A. Quellwood", "PERSON"), ("Haverly", "PERSON")]),
              (f"Writer Jonas Pelletreau said he agreed with Quellwood. {FILLER}",
               [("Jonas Pelletreau", "PERSON"), ("Quellwood", "PERSON")])),
}


def collection(*names: str):
    docs, raw = [], {}
    for n in names:
        d, r = DOCS[n]
        docs.append(d)
        raw.update(r)
    return docs, raw


def resolve(index_dir, docs, raw, fingerprint: str = "rules-1"):
    """One incremental resolution through the store, as the stage runs it."""
    memo = Memo(store.read_memo(index_dir, fingerprint), fingerprint,
                {d.doc_id: document_signature(d) for d in docs})
    found = find_persons(docs, raw, None, memo)
    store.write_memo(index_dir, memo)
    return found, memo


def same(found, docs, raw) -> None:
    scratch = find_persons(docs, raw)
    assert found.persons == scratch.persons
    assert found.mentions == scratch.mentions
    assert found.evidence == scratch.evidence
    assert found.rejected == scratch.rejected


def test_a_sequence_of_changes_resolves_as_from_scratch(tmp_path):
    steps = [("a", "b"), ("a", "b", "c"), ("a", "b", "c", "d"), ("a", "b", "c2", "d"),
             ("b", "c2", "d"), ("b", "c2"), ("a", "b", "c", "d")]
    resolved_again = []
    for names in steps:
        docs, raw = collection(*names)
        found, memo = resolve(tmp_path, docs, raw)
        same(found, docs, raw)
        resolved_again.append(len(memo.stats.documents))
    assert resolved_again[0] == 2  # nothing remembered at first
    assert min(resolved_again[1:]) < max(len(s) for s in steps)  # some documents reused
    assert "Mara Quellwood" in found.persons and "Lina Osterberg" in found.persons


def test_another_fingerprint_forgets_everything(tmp_path):
    docs, raw = collection("a", "b", "c")
    resolve(tmp_path, docs, raw)
    assert store.read_memo(tmp_path, "rules-1") is not None
    assert store.read_memo(tmp_path, "rules-2") is None  # a curation change, new rules
    found, memo = resolve(tmp_path, docs, raw, "rules-2")
    assert memo.fresh and len(memo.stats.documents) == 3
    same(found, docs, raw)
    state = store.read_memo(tmp_path, "rules-2")
    assert {k[1] for k in state["entries"]} == {"a", "b", "c"}  # the old rows are gone


def test_only_the_rows_of_documents_resolved_again_are_written(tmp_path):
    docs, raw = collection("a", "b", "c", "d")
    resolve(tmp_path, docs, raw)
    docs, raw = collection("a", "b", "c2", "d")
    _, memo = resolve(tmp_path, docs, raw)
    fresh, changed, gone, _, _ = memo.delta()
    assert not fresh
    assert {doc_id for _, doc_id, _ in changed} == memo.stats.documents
    assert len(memo.stats.documents) < 4


def test_a_write_interrupted_midway_keeps_the_last_state(tmp_path, monkeypatch):
    docs, raw = collection("a", "b", "c")
    resolve(tmp_path, docs, raw)
    before = store.read_memo(tmp_path, "rules-1")
    calls = {"n": 0}
    real = store._short

    def dying(key):
        calls["n"] += 1
        if calls["n"] > 3:
            raise KeyboardInterrupt  # the user quits while the rows are written
        return real(key)

    monkeypatch.setattr(store, "_short", dying)
    docs, raw = collection("a", "b", "c2", "d")
    with pytest.raises(KeyboardInterrupt):
        resolve(tmp_path, docs, raw)
    monkeypatch.setattr(store, "_short", real)
    after = store.read_memo(tmp_path, "rules-1")
    assert after is not None
    assert set(after["entries"]) == set(before["entries"])  # nothing half-written
    found, _ = resolve(tmp_path, docs, raw)  # the next run starts from the last state
    same(found, docs, raw)


def test_a_damaged_store_is_computed_again(tmp_path):
    docs, raw = collection("a", "b", "c")
    resolve(tmp_path, docs, raw)
    path = tmp_path / PERSONS_MEMO
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\x00garbage" * 487  # pages overwritten
    path.write_bytes(bytes(data))
    assert store.read_memo(tmp_path, "rules-1") is None
    found, memo = resolve(tmp_path, docs, raw)
    assert memo.fresh
    same(found, docs, raw)
    assert store.read_memo(tmp_path, "rules-1") is not None



def test_a_store_another_process_is_writing_is_waited_for_not_deleted(tmp_path, monkeypatch):
    """The app's curation and the indexer's stage may meet at the store: a busy store
    is read as nothing this time and left whole (it was deleted as if damaged)."""
    import sqlite3

    docs, raw = collection("a", "b", "c")
    resolve(tmp_path, docs, raw)
    monkeypatch.setattr(store, "BUSY_SECONDS", 0.1)
    other = sqlite3.connect(str(tmp_path / PERSONS_MEMO), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of its write
    try:
        assert store.read_memo(tmp_path, "rules-1") is None
        assert (tmp_path / PERSONS_MEMO).exists()
        store.write_memo(tmp_path, Memo(None, "rules-1", {}))  # waits, gives up, no harm
        assert (tmp_path / PERSONS_MEMO).exists()
    finally:
        other.execute("ROLLBACK")
        other.close()
    state = store.read_memo(tmp_path, "rules-1")
    assert state is not None and {k[1] for k in state["entries"]} == {"a", "b", "c"}


_DIGEST = """
import sys
from searchapp.ingest.persons.plain import digest, plain
from searchapp.ingest.persons.resolve import Candidate
from searchapp.ingest.entities import Mention
args = ([Candidate(0, 4, 16, "Mara Quellwood", False, frozenset({"title", "said", "quoted"}))],
        {"p1": [Mention(0, 9, "Mara Quellwood", "person", "family name")]},
        {"Quellwood", "Haverly", "Osterberg", "Pelletreau"}, ("x", 1, None, 2.5))
print(digest(tuple(map(plain, args))).hex())
"""


@pytest.mark.slow  # starts processes
def test_argument_digests_do_not_depend_on_the_process():
    """Sets of strings iterate in another order in each process (hash seeds): the digest
    of equal arguments must still be equal, or nothing would ever be reused."""
    out = {subprocess.run([sys.executable, "-c", _DIGEST], capture_output=True, text=True,
                          check=True, env={"PYTHONHASHSEED": str(seed)}).stdout.strip()
           for seed in (1, 2, 3, 4)}
    assert len(out) == 1 and len(next(iter(out))) == 32


# --- the index's stored fields, kept beside each segment -------------------------------

FIELDS = ("doc_id", "para", "pid", "kind", "body", "title")


def _from_whoosh(index_dir) -> list[tuple]:
    from searchapp.index.update import open_index

    with open_index(index_dir).reader() as reader:
        return [tuple(f.get(k) for k in FIELDS) for f in reader.all_stored_fields()]


def _kept(index_dir) -> list[tuple]:
    from searchapp.index.update import open_index
    from searchapp.index.whoosh.stored import stored_rows

    with open_index(index_dir).reader() as reader:
        return list(stored_rows(reader, FIELDS, index_dir, "test"))


@pytest.mark.slow  # two index builds
def test_stored_rows_kept_per_segment_follow_additions_and_deletions(tmp_path):
    import shutil

    from conftest import CORPUS

    from searchapp.config import Settings
    from searchapp.index.update import update_index

    shutil.copytree(CORPUS, tmp_path / "corpus")
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index",
                 data_dir=tmp_path / "data")
    update_index(s)
    first = _kept(s.index)
    assert first == _from_whoosh(s.index) and len(first) > 20
    files = sorted(s.index.glob("*.test_rows.pickle"))
    assert files
    assert _kept(s.index) == first  # read from the kept files
    gone = sorted(s.corpus.glob("*.txt"))[0]
    gone.unlink()  # its paragraphs are deleted from their segment
    (s.corpus / "new.txt").write_text("A new page\n\nMara Quellwood said the plan would "
                                      "pass on Tuesday.\n", "utf-8")
    update_index(s)
    after = _kept(s.index)
    assert after == _from_whoosh(s.index)
    for f in s.index.glob("*.test_rows.pickle"):  # damaged: read from Whoosh again
        f.write_bytes(b"\x80\x05 cut short")
    assert _kept(s.index) == after
    assert any("Quellwood" in (r[4] or "") for r in after)
    assert {r[0] for r in after} != {r[0] for r in first}


# --- what a new document reaches ------------------------------------------------------

PLACES = {
    "x": doc("x", (f"Mayor Lina Osterberg flew to Jackson, Mississippi on Monday. {FILLER}",
                   [("Lina Osterberg", "PERSON"), ("Jackson", "GPE"), ("Mississippi", "GPE")])),
    "y": doc("y", (f"Flooding hit Mississippi again, officials said. {FILLER}",
                   [("Mississippi", "GPE")])),
    "z": doc("z", (f"Farmers in Mississippi waited for the rain. {FILLER}",
                   [("Mississippi", "GPE")])),
}


def test_a_new_count_of_a_place_keeps_the_documents_that_read_it(tmp_path):
    """One more "Mississippi" changes how often the model calls it a place, not whether
    it mostly does: a document that read that ("Jackson, Mississippi": a city and its
    state) keeps its place steps, and the result is still the one from scratch."""
    docs = [PLACES["x"][0], PLACES["y"][0]]
    raw = {**PLACES["x"][1], **PLACES["y"][1]}
    resolve(tmp_path, docs, raw)
    docs.append(PLACES["z"][0])
    raw.update(PLACES["z"][1])
    found, memo = resolve(tmp_path, docs, raw)
    same(found, docs, raw)
    assert memo.stats.documents == {"z"}
    assert any(m.name == "Mississippi" for ms in found.mentions.values() for m in ms)


SPEECH = {
    "s": doc("s", ("“We will rebuild the bridge,” said councillor Magnus Lindqvist-Ahola.",
                   []),
         ("Lindqvist-Ahola added that work would start in May.", [])),
    "t": doc("t", (f"Senator Mara Quellwood said the plan would pass. {FILLER}",
                   [("Mara Quellwood", "PERSON")]),),
}


def _with_speech(docs, raw, memo=None):
    from searchapp.index.speakers import add_speech_persons

    found = find_persons(docs, raw, None, memo)
    add_speech_persons(docs, found, raw, None, memo)
    return found


def test_speech_persons_are_remembered_per_document(tmp_path):
    """A document's speakers found by the pattern of speech are computed again only for
    the documents a change reaches, and equal those computed from scratch."""
    fingerprint = "rules-1"
    names = ["a", "b", "s"]
    runs = []
    for step in (names, [*names, "t"], names):
        docs = [DOCS[n][0] if n in DOCS else SPEECH[n][0] for n in step]
        raw = {k: v for n in step for k, v in (DOCS.get(n) or SPEECH[n])[1].items()}
        memo = Memo(store.read_memo(tmp_path, fingerprint), fingerprint,
                    {d.doc_id: document_signature(d) for d in docs})
        found = _with_speech(docs, raw, memo)
        store.write_memo(tmp_path, memo)
        scratch = _with_speech(docs, raw)
        assert found.persons == scratch.persons and found.mentions == scratch.mentions
        assert found.evidence == scratch.evidence
        runs.append(memo.stats.computed["searchapp.index.speakers.document_speech_persons"])
    assert "Magnus Lindqvist-Ahola" in found.persons
    assert runs[0] == 3 and runs[1] < 3 and runs[2] < 3


def test_the_collection_kept_from_run_to_run_is_the_one_from_scratch(tmp_path):
    """What the collection says of words (summed per document and kept between runs) is
    what it says counted afresh, after adds, changes and removals -- also for a word two
    documents begin names with ("Mara Quellwood" in one, "Mara A. Quellwood" in another):
    one document's names once replaced the other's, and removing one lost both."""
    from searchapp.ingest.persons.candidates import Collection
    from searchapp.ingest.persons.memo import RawStore, using
    from searchapp.ingest.persons.people import _collection

    steps = [("a",), ("a", "c2"), ("a", "b", "c2", "d"), ("b", "c2", "d"), ("a", "b", "d"),
             ("a", "c2")]
    for names in steps:
        docs, raw = collection(*names)
        memo = Memo(store.read_memo(tmp_path, "rules-1"), "rules-1",
                    {d.doc_id: document_signature(d) for d in docs})
        with using(memo):
            kept = _collection(docs, RawStore(raw), memo)
            assert kept == Collection.of(docs, raw), names
        store.write_memo(tmp_path, memo)
    assert kept.given_of["Mara"] == {"Mara Quellwood", "Mara A. Quellwood"}


def test_the_kept_collection_is_stored_as_plain_dicts(tmp_path):
    """The kept sums (11 MB at 100k paragraphs, written after every change and read before
    it) hold their members' counts in plain dicts: a Counter is pickled through its
    ``__reduce__``, 2x slower to write and 2.7x slower to read.  What is read back sums
    on as before."""
    import pickle
    import sqlite3
    from collections import Counter

    from searchapp.ingest.persons.candidates import Collection
    from searchapp.ingest.persons.memo import using
    from searchapp.ingest.persons.people import document_collection

    for names in (("a", "c2"), ("a", "b", "c2")):
        docs, raw = collection(*names)
        memo = Memo(store.read_memo(tmp_path, "rules-1"), "rules-1",
                    {d.doc_id: document_signature(d) for d in docs})
        with using(memo):
            kept = memo.sums("coll", docs, document_collection, raw, factory=Collection)
        store.write_memo(tmp_path, memo)
        assert kept.given_of == Collection.of(docs, raw).given_of
    with sqlite3.connect(tmp_path / PERSONS_MEMO) as db:
        (data,) = db.execute("SELECT data FROM parts WHERE name = 'kept'").fetchone()
    sums = pickle.loads(data)["coll"]
    members = list(sums["given_of"].values())
    assert members and all(type(v) is dict for v in members)
    assert b"Counter" not in data
    assert not any(isinstance(v, Counter) for v in sums["given_of"].values())


def test_tables_keyed_by_a_document_are_kept_with_it_not_summed(tmp_path):
    """The collection's tables keyed by ``(document, word)`` are no part of the kept sums
    (9.2 of their 9.4 MB at 100k paragraphs): each document's part is kept with it, read
    when asked about, carried to the next run when not asked, and never stale -- after
    a document changes or goes, what is read is that document's part now."""
    import pickle
    import sqlite3

    from searchapp.ingest.persons.candidates import Collection
    from searchapp.ingest.persons.memo import RawStore, using
    from searchapp.ingest.persons.people import _collection, document_keyed

    def run(*names, ask=()):
        docs, raw = collection(*names)
        memo = Memo(store.read_memo(tmp_path, "rules-1"), "rules-1",
                    {d.doc_id: document_signature(d) for d in docs})
        with using(memo):
            coll = _collection(docs, RawStore(raw), memo)
            got = {k: coll.last_words.get(k) for k in ask}
            truth = Collection.of(docs, raw)
            assert got == {k: truth.last_words.get(k) for k in ask}
        store.write_memo(tmp_path, memo)
        return memo, coll, truth

    run("a", "b", "c", "d", ask=[("b", "Haverly")])
    with sqlite3.connect(tmp_path / PERSONS_MEMO) as db:
        (data,) = db.execute("SELECT data FROM parts WHERE name = 'kept'").fetchone()
        keyed = {doc for (doc,) in db.execute("SELECT doc FROM entries WHERE step = ?",
                                              (document_keyed.step,))}
    sums = pickle.loads(data)["coll"]
    assert not any(sums.get(f) for f in Collection.DOCUMENT_KEYED)
    assert keyed == {"b"}  # only the document asked about was read
    memo, _, _ = run("a", "b", "c", "d")  # nothing asked: b's part carried over
    memo, _, _ = run("a", "b", "c", "d", ask=[("b", "Haverly")])
    assert memo.stats.computed[document_keyed.step] == 0
    assert memo.stats.reused[document_keyed.step] == 1
    # "c" changed: its part is the new text's ("Mara A. Quellwood"), asked or iterated
    memo, coll, truth = run("a", "b", "c2", "d", ask=[("c", "Quellwood"), ("c", "Pelletreau")])
    assert coll.last_words.get(("c", "Pelletreau")) == {"Jonas Pelletreau"}
    assert dict(coll.first_words.items()) == truth.first_words
    # "c" gone: nothing of it is read, though its part was kept
    _, coll, truth = run("a", "b", "d", ask=[("c", "Quellwood")])
    assert coll.last_words.get(("c", "Quellwood")) is None
    assert dict(coll.last_words.items()) == truth.last_words


ADDRESSED = {
    "u": doc("u", (f"U Thet Naing Oo opened the new clinic in the valley. {FILLER}",
                   [("U Thet Naing Oo", "PERSON")]),),
    "v": doc("v", (f"Thet Naing Oo, the clinic's director, met donors. {FILLER}",
                   [("Thet Naing Oo", "PERSON")]),),
}


def test_forms_of_address_are_remembered_per_document(tmp_path):
    """A document's forms of address are computed again only for the documents a change
    reaches -- a form of address shared with names ("U") is one where another document
    writes the rest of the name in full -- and equal those computed from scratch."""
    from searchapp.ingest.persons.address import document_address

    fingerprint = "rules-1"
    runs, listed = [], []
    for names in (("a", "u"), ("a", "u", "v"), ("a", "u")):
        docs = [(DOCS.get(n) or ADDRESSED[n])[0] for n in names]
        raw = {k: v for n in names for k, v in (DOCS.get(n) or ADDRESSED[n])[1].items()}
        memo = Memo(store.read_memo(tmp_path, fingerprint), fingerprint,
                    {d.doc_id: document_signature(d) for d in docs})
        found = find_persons(docs, raw, None, memo)
        store.write_memo(tmp_path, memo)
        scratch = find_persons(docs, raw)
        assert found.persons == scratch.persons and found.mentions == scratch.mentions
        runs.append(memo.stats.computed[document_address.step])
        listed.append(sorted(found.persons))
    assert "Thet Naing Oo" in listed[1] and "U Thet Naing Oo" not in listed[1]
    assert runs == [2, 2, 1]  # "a" is never computed again; "u" is, when "v" comes and goes
