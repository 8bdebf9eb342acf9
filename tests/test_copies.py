"""Copies: near-identical paragraphs across documents, folded in search results.

The rules (tokens, similarity, versions of one story), the stage's incremental
state, and the engine over a folder with two other outlets' versions of a seed
article (``tests/copies_fixtures.py``).
"""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from copies_fixtures import BOILERPLATE, REWRITTEN_PARA, make_copies

from searchapp.config import Settings
from searchapp.index import copies as cp
from searchapp.index.copies_stage import CopyState, copies_stale, read_copies
from searchapp.model import SearchRequest

STORY = [
    "SEOUL, Nov. 15 (Yonhap) -- South Korea and China agreed on Friday to resume a "
    "high-level economic dialogue suspended since 2019, the finance ministry said.",
    "The two sides will hold the meeting in Beijing early next year to discuss supply "
    "chains, trade in critical minerals and cooperation on climate finance, it said.",
    "“We hope the dialogue will open a new chapter,” Vice Minister Kim Byung-hwan told "
    "reporters after talks with his Chinese counterpart in Seoul.",
    "Relations between the neighbours soured after Seoul allowed the deployment of a US "
    "missile defence system in 2016, prompting informal economic retaliation from Beijing.",
]
OTHER = [
    "Japan's central bank kept its ultra-low interest rates unchanged on Tuesday and said "
    "it would watch wage talks closely before deciding on any further policy change.",
    "Governor Kazuo Ueda said the bank needed more evidence that inflation would stay "
    "near its 2% target, a view that markets had widely expected.",
    "“We hope the dialogue will open a new chapter,” Vice Minister Kim Byung-hwan told "
    "reporters, according to a report from Seoul carried by several agencies.",
    BOILERPLATE,
]
UNRELATED = [
    "Heavy rain flooded parts of southern England on Sunday, closing roads and railway "
    "lines and leaving thousands of homes without power overnight.",
    "Forecasters warned that more storms would follow later in the week, with strong winds "
    "expected along the coast from Cornwall to Kent.",
]


def edited_copy() -> list[str]:
    return [
        "BEIJING (AP) — South Korea and China agreed Friday to resume a high-level economic "
        "dialogue suspended since 2019, the finance ministry in Seoul said.",
        "The two sides will hold the meeting in Beijing early next year to discuss supply "
        "chains, trade in critical minerals and cooperation on climate finance, it said.",
        "\"We hope the dialogue will open a new chapter,\" Vice Minister Kim Byung-hwan told "
        "reporters after talks with his Chinese counterpart in Seoul.",
        BOILERPLATE,
    ]


def toks(paras: list[str]) -> list[list[int]]:
    tok = cp.Tokenizer()
    return [tok(p) for p in paras]


# -- the rules ---------------------------------------------------------------------------


def test_words_ignore_quote_styles_dashes_and_a_dateline():
    assert cp.words("SEOUL, Nov. 15 (Yonhap) -- “We’re here” — he said") == \
        cp.words("\"We're here\" -- he said") == ["we", "re", "here", "he", "said"]
    assert cp.words("Seoul (AFP) - North Korea fired") == ["north", "korea", "fired"]
    assert cp.words("North Korea — a state") == ["north", "korea", "a", "state"]
    assert cp.words("習近平 met") == ["習", "近", "平", "met"]


def test_a_lightly_edited_paragraph_is_a_copy_and_one_sharing_a_sentence_is_not():
    a, b, c = toks([STORY[0], edited_copy()[0], OTHER[2]])
    assert cp.similarity(a, b) >= cp.PARA_SIMILARITY
    shared = toks([STORY[2]])[0]
    assert cp.similarity(shared, c) < cp.PARA_SIMILARITY  # one quoted sentence in common


def test_versions_of_one_story_and_different_stories():
    pairs = cp.same_story(toks(STORY), toks(edited_copy()))
    assert pairs is not None and {(i, j) for i, j, _ in pairs} == {(0, 0), (1, 1), (2, 2)}
    # the same quote and the same boilerplate do not make two stories one
    assert cp.same_story(toks(OTHER), toks(edited_copy())) is None
    assert cp.same_story(toks(STORY), toks(OTHER)) is None


def test_signatures_are_the_same_in_every_run():
    seqs = toks(STORY)
    first = cp.signatures(seqs)
    assert (first == cp.signatures(toks(STORY))).all()
    assert first.shape == (4, cp.PERMUTATIONS) and first.any(axis=1).all()
    assert not cp.signatures([[]]).any()


def _collection(docs: dict[str, list[str]]):
    texts = {f"{d}-{i}": p for d, paras in docs.items() for i, p in enumerate(paras)}
    asked: list[str] = []

    def fetch(pids):
        asked.extend(pids)
        return {p: texts[p] for p in pids}

    def doc_paragraphs(doc):
        return [p for p in texts if p.startswith(doc + "-")]

    return list(texts), fetch, doc_paragraphs, asked


def test_state_is_incremental_new_copies_join_and_deleted_ones_leave():
    state = CopyState()
    pids, fetch, doc_paras, asked = _collection({"aaa": STORY, "bbb": OTHER, "eee": UNRELATED})
    state.update(pids, fetch, doc_paras)
    assert state.sidecar()["clusters"] == []  # different stories share a quote: no fold
    pids, fetch, doc_paras, asked = _collection({"aaa": STORY, "bbb": OTHER, "eee": UNRELATED,
                                                 "ccc": edited_copy()})
    state.update(pids, fetch, doc_paras)
    side = state.sidecar()
    assert sorted(map(sorted, side["clusters"])) == [["aaa-0", "ccc-0"], ["aaa-1", "ccc-1"],
                                                     ["aaa-2", "ccc-2"]]
    assert set(side["stories"]) == {"aaa", "ccc"} and side["stories"]["aaa"][0][0] == "ccc"
    assert not [p for p in asked if p.startswith("eee")]  # an unrelated document: not read
    # a third version joins the groups; read: its own paragraphs and the candidates'
    third = [p.replace("Friday", "on Friday") for p in STORY]
    pids, fetch, doc_paras, asked = _collection({"aaa": STORY, "bbb": OTHER, "eee": UNRELATED,
                                                 "ccc": edited_copy(), "ddd": third})
    state.update(pids, fetch, doc_paras)
    assert ["aaa-0", "ccc-0", "ddd-0"] in map(sorted, state.sidecar()["clusters"])
    assert not [p for p in asked if p.startswith(("eee", "bbb"))]
    # the copy deleted: its groups shrink; the last copy gone: no group
    pids, fetch, doc_paras, _ = _collection({"aaa": STORY, "bbb": OTHER, "ddd": third})
    state.update(pids, fetch, doc_paras)
    assert ["aaa-0", "ddd-0"] in map(sorted, state.sidecar()["clusters"])
    assert all("ccc" not in p for c in state.sidecar()["clusters"] for p in c)
    pids, fetch, doc_paras, _ = _collection({"aaa": STORY, "bbb": OTHER})
    state.update(pids, fetch, doc_paras)
    assert state.sidecar()["clusters"] == [] and state.sidecar()["stories"] == {}


# -- the engine over an index -------------------------------------------------------------


@pytest.fixture(scope="module")
def copies_index(tmp_path_factory):
    from searchapp.index.update import update_index

    root = tmp_path_factory.mktemp("copies")
    names = make_copies(root / "wire")
    s = Settings(corpus=root / "wire", index=root / "index", data_dir=root / "data")
    report = update_index(s)
    assert "groups of copies" in report.copies
    return s, names


@pytest.fixture
def engine(copies_index):
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(copies_index[0]) as e:
        yield e


def doc_ids(engine) -> dict[str, str]:
    out = {}
    for hit in engine.search(SearchRequest(page_size=500, all_copies=True)).hits:
        out.setdefault(hit.path, hit.doc_id)
    return out


def test_search_shows_one_hit_per_story_with_its_copies(engine, copies_index):
    _, names = copies_index
    ids = doc_ids(engine)
    folded = engine.search(SearchRequest(query='"state visit"', page_size=50))
    every = engine.search(SearchRequest(query='"state visit"', page_size=50, all_copies=True))
    assert folded.paragraphs == every.paragraphs == every.total > folded.total
    assert folded.count_text() == f"{folded.total} passages, {folded.paragraphs} paragraphs"
    face = next(h for h in folded.hits if h.copies)
    # the face: the earliest dated (the original names only its year, 2023: before March)
    assert face.doc_id == ids[names["original"]]
    assert {c["doc_id"] for c in face.copies} == {ids[names["cnd"]], ids[names["herald"]]}
    assert set(face.copies[0]) == {"doc_id", "para", "path", "source", "date"}
    assert [c["source"] for c in face.copies] == ["Conservative News Daily", "The Korea Herald"]
    listed = {(h.doc_id, h.para) for h in folded.hits}
    assert not {(c["doc_id"], c["para"]) for c in face.copies} & listed
    # every copy is a hit of its own with --all-copies; facets count every outlet either way
    assert {(c["doc_id"], c["para"]) for c in face.copies} <= {(h.doc_id, h.para)
                                                               for h in every.hits}
    assert folded.facets["source"] == every.facets["source"]
    sources = {r["value"]: r["count"] for r in folded.facets["source"]}
    assert {"The Epoch Times", "Conservative News Daily", "The Korea Herald"} <= set(sources)
    assert sum(len(h.copies) + 1 for h in folded.hits) == folded.paragraphs


def test_filters_apply_to_copies_too(engine):
    only = engine.search(SearchRequest(query='"state visit"', sources=["The Korea Herald"]))
    assert only.total == only.paragraphs and all(not h.copies for h in only.hits)
    assert {h.source for h in only.hits} == {"The Korea Herald"}


def test_a_rewritten_paragraph_a_shared_quote_and_boilerplate_do_not_fold(engine, copies_index):
    s, names = copies_index
    ids = doc_ids(engine)
    data = read_copies(s.index)
    where = {p: n for n, c in enumerate(data["clusters"]) for p in c}

    def pid(name: str, para: int) -> str:
        return engine.paragraph(f"{ids[name]}:{para}")["pid"]

    original = engine.document(ids[names["original"]])
    herald = engine.document(ids[names["herald"]])
    rewritten = herald[REWRITTEN_PARA + 1]["pid"]  # after the headline
    assert rewritten not in where
    assert ids[names["other"]] not in data["stories"]
    other = engine.document(ids[names["other"]])
    assert not {p["pid"] for p in other} & set(where)
    # the copies that are copies did fold: the herald's first body paragraph (with its
    # dateline) and the original's
    assert where.get(herald[1]["pid"]) is not None
    assert where.get(herald[1]["pid"]) == where.get(original[2]["pid"])
    assert pid(names["cnd"], len(engine.document(ids[names["cnd"]]))) not in where  # plate


def test_versions_and_the_words_that_differ(engine, copies_index):
    from searchapp.api import viewer_document

    _, names = copies_index
    ids = doc_ids(engine)
    versions = engine.versions(ids[names["original"]])
    assert [v["source"] for v in versions] == ["Conservative News Daily", "The Korea Herald"]
    assert all(0.5 <= v["shared"] <= 1 for v in versions)
    data = viewer_document(engine, ids[names["herald"]], None, [], "",
                           compare_to=ids[names["original"]])
    assert data.compared_with["source"] == "The Epoch Times"
    marked = {p["para"]: [p["body"][s:e] for s, e in data.differences.get(p["para"], [])]
              for p in data.paragraphs}
    assert any("Yonhap" in w for w in marked[2])  # the dateline only it has
    assert "Beijing" in marked[4]  # "China" in the original
    assert viewer_document(engine, ids[names["other"]], None, [], "").versions == []


@pytest.mark.slow
def test_updates_interrupted_runs_and_bookmarks(tmp_path):
    from searchapp.index.update import is_stale, update_index
    from searchapp.search.engine import SearchEngine
    from searchapp.store import open_store

    names = make_copies(tmp_path / "wire")
    s = Settings(corpus=tmp_path / "wire", index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    with SearchEngine.open(s) as engine:
        ids = doc_ids(engine)
        copy = engine.paragraph(f"{ids[names['herald']]}:2")  # a copy, not the face
        with open_store(s.bookmarks_db) as store:
            mark = store.add(copy, note="the Herald's version")
    # an interrupted run: the copies are stale, search works (unfolded), the update
    # finishes the work
    (s.index / "copies.json").unlink()
    assert copies_stale(s.index) and is_stale(s)
    with SearchEngine.open(s) as engine:
        r = engine.search(SearchRequest(query='"state visit"'))
        assert r.total == r.paragraphs and not any(h.copies for h in r.hits)
    update_index(s)
    assert not copies_stale(s.index)
    # a version deleted: its group shrinks
    (s.corpus / names["cnd"]).unlink()
    update_index(s)
    with SearchEngine.open(s) as engine:
        face = next(h for h in engine.search(SearchRequest(query='"state visit"')).hits
                    if h.copies)
        assert [c["source"] for c in face.copies] == ["The Korea Herald"]
        with open_store(s.bookmarks_db) as store:
            store.reconcile(engine)
            kept = store.get(mark.id)
    assert (kept.doc_id, kept.para, kept.status) == (ids[names["herald"]], 2, "ok")


@pytest.mark.slow
def test_cli_search_json_copies_and_all_copies(copies_index):
    s, names = copies_index
    args = ["--corpus", str(s.corpus), "--index", str(s.index), "--no-history"]
    proc = run_cli("search", '"state visit"', "--json", "--limit", "50", *args)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["paragraphs"] > out["total"] == len(out["hits"])
    face = next(h for h in out["hits"] if h["copies"])
    assert [c["source"] for c in face["copies"]] == ["Conservative News Daily",
                                                     "The Korea Herald"]
    assert {c["path"] for c in face["copies"]} == {names["cnd"], names["herald"]}
    every = json.loads(run_cli("search", '"state visit"', "--json", "--limit", "50",
                               "--all-copies", *args).stdout)
    assert every["total"] == every["paragraphs"] == out["paragraphs"] == len(every["hits"])
    text = run_cli("search", '"state visit"', *args).stdout
    assert f"{out['total']} passages, {out['paragraphs']} paragraphs match" in text
    assert "also in 2: Conservative News Daily ¶" in text


def test_a_damaged_state_is_rebuilt_from_the_index(tmp_path, copies_index):
    import shutil

    from searchapp.index import COPIES_STATE
    from searchapp.index.copies_stage import run_copies_stage

    s, _ = copies_index
    index = tmp_path / "index"
    shutil.copytree(s.index, index)
    before = read_copies(index)["clusters"]
    (index / COPIES_STATE).write_bytes(b"\x80\x04 not a pickle")
    assert run_copies_stage(index).note == "up to date"  # nothing changed: not even read
    (index / "copies.json").write_text("{truncated", "utf-8")
    report = run_copies_stage(index)
    assert report.new > 100 and report.removed == 0  # every paragraph read again
    assert sorted(map(sorted, read_copies(index)["clusters"])) == sorted(map(sorted, before))


def test_one_line_notes_from_a_template_are_not_a_story():
    notes = [[f"Note {i}: the lighthouse keeper's log, entry {i}."] for i in (1, 2)]
    a, b = (toks(n) for n in notes)
    assert cp.similarity(a[0], b[0]) >= cp.PARA_SIMILARITY  # near-identical lines ...
    assert cp.same_story(a, b) is None  # ... but too little text to be one story
