"""The persons stage: recognition after indexing, resolution, the engine, curation.

On the seed articles with no ``persons.toml`` (nobody curated them), through
the CLI and the core API.  Needs the ``persons`` extra (spaCy and its model).
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, SEED_READ, run_cli

pytest.importorskip("spacy")


def _available() -> bool:
    from searchapp.ingest.persons.recognize import Recognizer

    return Recognizer().available


# slow: the persons stage runs spaCy in child processes of real `searchapp index` runs
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not _available(), reason="no spaCy pipeline installed")]


def _settings(root):
    from searchapp.config import Settings

    return Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")


def _env(s) -> dict:
    return {"SEARCHAPP_CORPUS": str(s.corpus), "SEARCHAPP_INDEX": str(s.index),
            "SEARCHAPP_DATA_DIR": str(s.data_dir)}


def _copy_seeds(root):
    (root / "corpus").mkdir(parents=True)
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, root / "corpus" / f.name)
    shutil.copy(CORPUS / "catalog.toml", root / "corpus" / "catalog.toml")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The seeds without a registry, indexed by ``searchapp index`` (persons included)."""
    root = tmp_path_factory.mktemp("unregistered")
    _copy_seeds(root)
    s = _settings(root)
    proc = run_cli("index", env=_env(s))
    assert proc.returncode == 0, proc.stderr
    assert f"persons: {SEED_READ} paragraphs recognized" in proc.stdout
    return s


@pytest.fixture
def own(seeds, tmp_path):
    """A copy of the seeds, indexed where it is, that a test may change (an index
    copied along would not do: a folder elsewhere is another folder, its documents
    other documents)."""
    shutil.copytree(seeds.corpus, tmp_path / "corpus")
    s = _settings(tmp_path)
    proc = run_cli("index", env=_env(s))
    assert proc.returncode == 0, proc.stderr
    return s


def _persons(s, *extra) -> list[dict]:
    proc = run_cli("persons", "--json", *extra, env=_env(s))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["persons"]


def _row(rows, name):
    return next(r for r in rows if r["name"] == name)


def test_persons_of_an_uncurated_collection_are_found_and_merged(seeds):
    rows = _persons(seeds)
    yoon = _row(rows, "Yoon Suk Yeol")
    assert {"Yoon Seok-yeol", "Yoon Suk-yeol"} <= set(yoon["aliases"])
    assert yoon["paragraphs"] >= 20 and yoon["documents"] >= 3 and not yoon["curated"]
    han = [r for r in rows if r["name"] in ("Han Duck-soo", "Han Deok-soo")]
    assert len(han) == 1 and {"Han Duck-soo", "Han Deok-soo"} <= {han[0]["name"], *han[0]["aliases"]}
    names = {r["name"] for r in rows}
    assert {"Xi Jinping", "Kim Jong-un", "Joe Biden", "Donald Trump"} <= names
    for not_a_person in ("Camp David", "Korean Peninsula", "Asian Games", "Getty Images"):
        assert not_a_person not in names
    assert "习近平" in _row(rows, "Xi Jinping")["aliases"]


@pytest.mark.parametrize("spelling, person", [
    ("President Yoon", "Yoon Suk Yeol"), ("Yoon Seok-yeol", "Yoon Suk Yeol"),
    ("尹錫悅", "Yoon Suk Yeol"), ("President Xi", "Xi Jinping"), ("Mr. Xi", "Xi Jinping"),
    ("Fumio Kishida", "Kishida Fumio"), ("han duck-soo", None)])
def test_any_spelling_finds_the_persons_paragraphs(seeds, spelling, person):
    proc = run_cli("search", "--person", spelling, "--json", "--no-history", env=_env(seeds))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["total"] > 0
    if person:
        assert all(person in hit["persons"] for hit in result["hits"])


@pytest.mark.parametrize(("typed", "as_person", "as_text"), [
    ("Yoon Seok-yeol", 'person:"Yoon Suk Yeol"', 'body:"Yoon Seok-yeol"'),
    ("yoon seok-yeol summit", 'person:"Yoon Suk Yeol" summit', 'body:"Yoon Seok-yeol" summit')])
def test_a_found_persons_name_typed_as_plain_text_finds_their_other_spellings(
        seeds, typed, as_person, as_text):
    """No registry here: the person was found by the stage.  Their name typed as plain
    text finds the paragraphs that name them in any form, as ``person:`` does (a field
    clause, ``body:"…"``, is the words alone)."""
    def total(query: str) -> int:
        proc = run_cli("search", query, "--json", "--no-history", env=_env(seeds))
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["total"]

    assert total(typed) >= total(as_person) > total(as_text)


def test_person_field_in_a_query_resolves_titled_forms(seeds):
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(seeds) as engine:
        r = engine.search(SearchRequest(query='person:"President Xi" summit'))
        facets = {f["value"] for f in engine.facet_totals("person")}
        places = {f["value"] for f in engine.facet_totals("place")}
    assert r.total > 0 and not r.notices and r.persons == ["Xi Jinping"]
    assert any(m for hit in r.hits for m in hit.marks)
    assert {"Xi Jinping", "Yoon Suk Yeol"} <= facets and "Camp David" not in facets
    assert {"China", "South Korea"} <= places


def test_only_new_paragraphs_are_recognized_and_a_new_model_reads_all_again(own):
    from searchapp.index.persons_stage import MENTIONS_DB, MentionStore, run_persons_stage
    from searchapp.index.update import update_index

    assert run_persons_stage(own).summary() == "persons: up to date"
    (own.corpus / "new.txt").write_text(
        "Leaders meet\n\nPresident Emmanuel Macron met Chancellor Olaf Scholz in Berlin on "
        "Monday.\n\nMacron said the talks went well.\n", "utf-8")
    update_index(own)
    report = run_persons_stage(own)
    assert report.recognized == 3 and report.resolved
    with MentionStore(own.index / MENTIONS_DB) as store:
        store.use_fingerprint("another model")
    report = run_persons_stage(own)
    assert report.recognized == 98


def test_an_interrupted_stage_keeps_what_it_finished(own, monkeypatch):
    from searchapp.index import persons_stage

    (own.index / persons_stage.MENTIONS_DB).unlink()
    (own.index / persons_stage.PERSONS_FILE).unlink()
    monkeypatch.setattr(persons_stage, "BATCH", 32)  # batches of 32 paragraphs
    seen = []

    def stop_after_one_batch(done, total):
        seen.append(done)
        if done >= 32:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        persons_stage.run_persons_stage(own, progress=stop_after_one_batch)
    assert seen == [0, 32]
    report = persons_stage.run_persons_stage(own)
    assert report.recognized == SEED_READ - 32 and report.persons > 10


def test_curation_applies_without_reindexing_and_survives_a_rebuild(own):
    env = _env(own)
    for args in (("rename", "President Yoon", "Yoon Suk-yeol"),
                 ("role", "Yoon Suk-yeol", "President of South Korea"),
                 ("merge", "Kim Jong-un", "Kim Il-sung"),
                 ("hide", "Zhuge Mingyang"),
                 ("split", "Han Deok-soo", "Han Duck-soo")):
        proc = run_cli("persons", *args, env=env)
        assert proc.returncode == 0, proc.stderr
    assert "curation.toml" in {p.name for p in own.data_dir.iterdir()}
    for rebuild in (False, True):
        if rebuild:
            proc = run_cli("index", "--rebuild", env=env)
            assert proc.returncode == 0, proc.stderr
        rows = _persons(own)
        names = {r["name"] for r in rows}
        yoon = _row(rows, "Yoon Suk-yeol")
        assert yoon["curated"] and yoon["role"] == "President of South Korea"
        assert "Yoon Suk Yeol" not in names and "Zhuge Mingyang" not in names
        assert "Kim Il-sung" in _row(rows, "Kim Jong-un")["aliases"]
        assert {"Han Deok-soo", "Han Duck-soo"} <= names
    proc = run_cli("search", "--person", "President Yoon", "--json", "--no-history", env=env)
    hits = json.loads(proc.stdout)["hits"]
    assert hits and all("Yoon Suk-yeol" in h["persons"] for h in hits)
    unknown = _persons(own, "--unknown")
    assert unknown and not any(r["curated"] for r in unknown)
    counts = [r["paragraphs"] for r in unknown]
    assert counts == sorted(counts, reverse=True)


def test_recognition_in_two_processes_gives_what_one_gives():
    from searchapp.ingest.metadata import Catalog
    from searchapp.ingest.persons.recognize import Recognizer
    from searchapp.ingest.pipeline import load_document

    catalog = Catalog.load(CORPUS / "catalog.toml")
    items = [(p.id, p.text) for f in sorted(CORPUS.glob("*.txt"))
             for p in load_document(f, CORPUS, catalog, None).paragraphs]
    recognizer = Recognizer()
    one = recognizer.recognize(items)
    chunks = list(recognizer.recognize_in_processes(items, processes=2, chunk=20))
    assert [len(c) for c in chunks[:-1]] == [20] * (len(chunks) - 1)
    assert {pid: ms for c in chunks for pid, ms in c.items()} == one


def test_curating_an_unknown_person_is_refused(own):
    proc = run_cli("persons", "hide", "Nobody At All", env=_env(own))
    assert proc.returncode == 2 and "no person called 'Nobody At All'" in proc.stderr


def test_the_engine_picks_up_new_persons_on_refresh(own):
    from searchapp.api import curate_person
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(own) as engine:
        before = engine.search(SearchRequest(query="", persons=["Xi Jinping"])).total
        either = engine.search(SearchRequest(
            query='person:"Xi Jinping" OR person:"Donald Trump"')).total
        curate_person(own, "merge", "Xi Jinping", "Donald Trump")
        assert engine.refresh()
        after = engine.search(SearchRequest(query="", persons=["Donald Trump"]))
    assert after.persons == ["Xi Jinping"] and after.total == either > before


def test_index_without_a_recognizer_says_so_in_one_line(own):
    env = {**_env(own), "SEARCHAPP_NER_MODEL": "no_such_pipeline"}
    (own.index / "persons.json").unlink()
    proc = run_cli("index", env=env)
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stdout.splitlines() if x.startswith("persons:")]
    assert len(lines) == 1 and "no_such_pipeline" in lines[0]
    proc = run_cli("index", "--no-persons", "--json", env=_env(own))
    assert proc.returncode == 0 and "persons" not in json.loads(proc.stdout)


def test_the_apps_indexer_child_runs_the_stage_after_telling_indexed(own):
    from searchapp.procs.indexer import PERSONS_PROGRESS, update_index_in_process

    (own.index / "persons.json").unlink()
    indexed, labels = [], set()
    report = update_index_in_process(own, progress=lambda d, t, rel: labels.add(rel),
                                     only_if_stale=True, on_indexed=indexed.append)
    assert len(indexed) == 1 and indexed[0].checked
    assert report.persons.startswith("persons: ") and report.persons_changed
    assert (own.index / "persons.json").exists()
    assert PERSONS_PROGRESS not in labels  # nothing new to recognize: resolution only


def test_the_content_ids_kept_beside_each_segment_give_what_whoosh_gives(own):
    """The engine maps found persons to paragraphs through each segment's content ids,
    kept beside the segment once read: the same answers from the file, without it, and
    with a damaged one; a new segment (a file added) gets its own."""
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    def answers():
        with SearchEngine.open(own) as engine:
            r = engine.search(SearchRequest(query="", persons=["Xi Jinping"], page_size=200))
            return r.total, sorted(h.pid for h in r.hits), r.facets["person"]

    index = own.index
    first = answers()
    kept = sorted(index.glob("*.pid_ranges.npz"))
    assert kept and first[0] > 20
    stamps = [f.stat().st_mtime_ns for f in kept]
    assert answers() == first  # read from the file, not written again
    assert [f.stat().st_mtime_ns for f in kept] == stamps
    for f in kept:
        f.write_bytes(b"not a numpy file")
    assert answers() == first
    for f in kept:
        f.unlink()
    assert answers() == first
    (own.corpus / "new.txt").write_text(
        "New\n\nXi Jinping met the delegation in Beijing on Monday.\n", "utf-8")
    proc = run_cli("index", env=_env(own))
    assert proc.returncode == 0, proc.stderr
    total, pids, facet = answers()
    assert total == first[0] + 1 and set(first[1]) < set(pids)
    segments = {f.name.split(".")[0] for f in index.glob("*.seg")}
    assert {f.name.split(".")[0] for f in index.glob("*.pid_ranges.npz")} == segments


def test_found_persons_carry_their_evidence(seeds):
    rows = _persons(seeds)
    yoon = _row(rows, "Yoon Suk Yeol")
    ev = yoon["evidence"]
    assert ev["documents"] == yoon["documents"] and ev["examples"]
    assert all(e["path"].endswith(".txt") and e["title"] for e in ev["examples"])
    why = {(s["text"], s["why"]) for s in ev["spellings"]}
    assert ("Yoon Seok-yeol", "romanization") in why and ("Yoon Suk Yeol", "name") in why
    assert all(s["mentions"] >= s["documents"] >= 1 for s in ev["spellings"])
    assert sum(s["mentions"] for s in ev["spellings"]) >= yoon["paragraphs"]
    text = run_cli("persons", env=_env(seeds)).stdout
    assert "Yoon Seok-yeol: romanization" in text  # the reason beside the spelling


def test_a_curated_merge_says_so_and_unmentioned_registry_persons_are_not_listed(own):
    (own.corpus / "persons.toml").write_text(
        '[[person]]\nname = "Ingrid Nobody Mentioned"\nfamily = "Mentioned"\n', "utf-8")
    env = _env(own)
    proc = run_cli("persons", "merge", "Kim Jong-un", "Kim Il-sung", env=env)
    assert proc.returncode == 0, proc.stderr
    rows = _persons(own)
    assert "Ingrid Nobody Mentioned" not in {r["name"] for r in rows}
    assert all(r["paragraphs"] > 0 for r in rows)
    why = {(s["text"], s["why"]) for s in _row(rows, "Kim Jong-un")["evidence"]["spellings"]}
    assert ("Kim Il-sung", "curated") in why


def test_a_new_resolution_version_resolves_existing_collections_again(own):
    from searchapp.index import persons_stage

    data = persons_stage.read_sidecar(own.index)
    data["stamp"]["resolution"] = "0.0/3"  # written by an older release's rules
    persons_stage.write_sidecar(own.index, data)
    report = persons_stage.run_persons_stage(own)
    assert report.resolved and report.recognized == 0
    assert persons_stage.read_sidecar(own.index)["persons"][0]["evidence"]["spellings"]
