"""Who said what, end to end: the persons stage writes the quotations, the engine serves
``said:``, ``--said``, the Speaker facet and each hit's ``quotes``; the CLI prints and
exports them.

The seed articles and one more (``tests/fixtures/quotes/seoul-talks.txt``), indexed;
the stage's resolution runs with the folder's persons registry (the recognizer is not
needed for registered persons), and once through ``searchapp index`` with it.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, FIXTURES, run_cli

from searchapp.config import Settings
from searchapp.errors import QueryError
from searchapp.model import SearchRequest

# slow: a real index build and the stage's resolution over it
pytestmark = pytest.mark.slow

TALKS = FIXTURES / "quotes" / "seoul-talks.txt"


def _env(s: Settings) -> dict:
    return {"SEARCHAPP_CORPUS": str(s.corpus), "SEARCHAPP_INDEX": str(s.index),
            "SEARCHAPP_DATA_DIR": str(s.data_dir)}


@pytest.fixture(scope="module")
def quoted(tmp_path_factory) -> Settings:
    from searchapp.index.persons_stage import resolve_persons
    from searchapp.index.update import update_index

    root = tmp_path_factory.mktemp("quoted")
    shutil.copytree(CORPUS, root / "corpus")
    shutil.copy(TALKS, root / "corpus" / TALKS.name)
    s = Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")
    update_index(s)
    resolve_persons(s)  # the registry's persons; no recognizer needed
    return s


@pytest.fixture(scope="module")
def engine(quoted):
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(quoted) as eng:
        yield eng


def _said(hit, name):
    return [hit.text[q["start"]:q["end"]] for q in hit.quotes if q["speaker"] == name]


def test_said_finds_the_persons_quotations_and_not_where_others_quote_their_name(engine):
    r = engine.search(SearchRequest(query="said:Xi"))
    assert r.total >= 3
    for hit in r.hits:
        assert _said(hit, "Xi Jinping"), hit.text
    texts = [h.text for h in r.hits]
    assert any(t.startswith("Chinese President Xi Jinping told reporters") for t in texts)
    # Park Jin's quotation names Xi Jinping: it is Park's, not Xi's
    assert not any(t.startswith('"Xi Jinping will come to Seoul') for t in texts)
    park = engine.search(SearchRequest(query='said:"Park Jin"'))
    hit = next(h for h in park.hits if h.text.startswith('"Xi Jinping will come'))
    assert _said(hit, "Park Jin") == ['"Xi Jinping will come to Seoul when the time is right,"',
                                      '"We did not set a date."']
    assert "Xi Jinping" not in {q["speaker"] for q in hit.quotes}


def test_said_with_words_means_a_quotation_by_them_in_a_paragraph_with_the_words(engine):
    r = engine.search(SearchRequest(query="said:Xi tariffs"))
    assert r.total == 1
    assert "tariffs" in r.hits[0].text and _said(r.hits[0], "Xi Jinping")
    assert engine.search(SearchRequest(query="said:Xi tariffs")).total < \
        engine.search(SearchRequest(query="tariffs")).total


@pytest.mark.parametrize("spelling", ["Xi Jinping", "习近平", "President Xi", "xi jinping"])
def test_any_spelling_of_the_speaker_resolves_as_person_does(engine, spelling):
    by_query = engine.search(SearchRequest(query=f'said:"{spelling}"'))
    by_filter = engine.search(SearchRequest(speakers=[spelling]))
    assert by_query.total == by_filter.total == engine.search(
        SearchRequest(query="said:Xi")).total


def test_the_speaker_facet_counts_whom_the_results_quote(engine):
    r = engine.search(SearchRequest(query="tariffs"))
    speakers = {row["value"]: row["count"] for row in r.facets["speaker"]}
    assert speakers.get("Xi Jinping") == 1 and speakers.get("Wang Yi", 0) >= 1
    assert None not in speakers and "a senior official" not in speakers


def test_an_unnamed_source_is_kept_unnamed_beside_the_person_it_mentions(engine):
    r = engine.search(SearchRequest(query='"not on the agenda"'))
    quotes = r.hits[0].quotes
    assert [(q["speaker"], q["source"]) for q in quotes] == [(None, "a senior official")]
    assert "Yoon Suk Yeol" in r.hits[0].persons  # named nearby, never the speaker


def test_a_quotation_continued_into_the_next_paragraph_and_a_role_after_it(engine):
    r = engine.search(SearchRequest(query='said:"Wang Yi"', sort="oldest", page_size=50))
    texts = [h.text for h in r.hits if h.path.endswith("seoul-talks.txt")]
    assert any(t.startswith('"Tariffs help no one') for t in texts)  # the continued paragraph
    assert any(t.startswith("The minister added") for t in texts)  # "the minister" = Wang Yi


def test_an_unknown_speaker_says_so_and_finds_nothing(engine):
    r = engine.search(SearchRequest(query="said:Nobodyknown"))
    assert r.total == 0 and any("not a known person" in n for n in r.notices)
    with pytest.raises(QueryError):
        engine.search(SearchRequest(speakers=["Nobodyknown"]))


def test_json_quotes_are_spans_of_the_hits_text(quoted):
    proc = run_cli("search", "said:Xi", "--json", "--limit", "50", env=_env(quoted))
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)["hits"]
    assert hits
    for hit in hits:
        for q in hit["quotes"]:
            assert set(q) >= {"speaker", "start", "end"}
            assert 0 <= q["start"] < q["end"] <= len(hit["text"])
        assert any(q["speaker"] == "Xi Jinping" for q in hit["quotes"])


def test_cli_said_flag_repeats_as_any_of_them_and_prints_who_is_quoted(quoted):
    one = run_cli("search", "--said", "Wang Yi", "--json", env=_env(quoted))
    two = run_cli("search", "--said", "Wang Yi", "--said", "习近平", "--json", env=_env(quoted))
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert json.loads(two.stdout)["total"] > json.loads(one.stdout)["total"]
    text = run_cli("search", "--said", "Park Jin", env=_env(quoted))
    assert "quoted: Park Jin" in text.stdout
    bad = run_cli("search", "--said", "Nobodyknown", env=_env(quoted))
    assert bad.returncode == 2 and "Unknown person 'Nobodyknown'" in bad.stderr


def test_persons_say_how_often_each_is_quoted(quoted):
    proc = run_cli("persons", "--json", env=_env(quoted))
    rows = {r["name"]: r for r in json.loads(proc.stdout)["persons"]}
    assert rows["Xi Jinping"]["quoted"] >= 3
    assert rows["Xi Jinping"]["paragraphs"] > rows["Xi Jinping"]["quoted"]
    plain = run_cli("persons", env=_env(quoted)).stdout
    assert "Xi Jinping  quoted in" in plain


def test_a_bookmark_export_cites_the_speaker(quoted, engine):
    hit = next(h for h in engine.search(SearchRequest(query="said:Xi neighbours")).hits)
    proc = run_cli("bookmarks", "add", f"{hit.doc_id}:{hit.para}", env=_env(quoted))
    assert proc.returncode == 0, proc.stderr
    md = run_cli("bookmarks", "export", env=_env(quoted)).stdout
    assert "— Xi Jinping, quoted in *Seoul and Beijing end talks" in md
    csv = run_cli("bookmarks", "export", "--format", "csv", env=_env(quoted)).stdout
    assert "Xi Jinping" in csv.splitlines()[1]


def test_only_changed_documents_are_read_again(quoted, tmp_path, monkeypatch):
    """A second resolution keeps the quotations of documents that did not change."""
    from searchapp.index import speakers
    from searchapp.index.persons_stage import read_sidecar, resolve_persons
    from searchapp.index.update import update_index

    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index",
                 data_dir=tmp_path / "data")
    shutil.copytree(quoted.corpus, s.corpus)
    update_index(s)
    resolve_persons(s)
    before = read_sidecar(s.index)
    read = []
    real = speakers.find_quotes
    monkeypatch.setattr(speakers, "find_quotes",
                        lambda paragraphs, *a: read.append(paragraphs[0][0]) or real(
                            paragraphs, *a))
    (s.corpus / "new.txt").write_text("A new article\n\n\"We are ready,\" Wang Yi said.\n",
                                      encoding="utf-8")
    update_index(s)
    resolve_persons(s)
    after = read_sidecar(s.index)
    assert len(read) == 1  # the new document only
    kept = {pid: rows for pid, rows in before["quotes"].items()}
    for pid, rows in kept.items():
        names = [before["persons"][r[2]]["name"] if r[2] >= 0 else None for r in rows]
        assert names == [after["persons"][r[2]]["name"] if r[2] >= 0 else None
                         for r in after["quotes"][pid]]


def test_quotations_are_kept_per_document_beside_the_memo(quoted, tmp_path, monkeypatch):
    """A run starts without reading ``persons.json`` (9 MB at 100k paragraphs): each
    document's quotations are kept beside the persons memo, speakers by name; a store
    that has none (an earlier version's) takes them from ``persons.json`` once, without
    reading any document again."""
    import sqlite3

    from searchapp.index import PERSONS_MEMO, persons_stage, speakers
    from searchapp.index.update import update_index

    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index",
                 data_dir=tmp_path / "data")
    shutil.copytree(quoted.corpus, s.corpus)
    update_index(s)
    persons_stage.resolve_persons(s)
    before = persons_stage.read_sidecar(s.index)
    assert before["quotes"]
    read: list[str] = []
    real = speakers.find_quotes
    monkeypatch.setattr(speakers, "find_quotes",
                        lambda paragraphs, *a: read.append(paragraphs[0][0]) or real(
                            paragraphs, *a))

    def named(side):
        return {pid: [[*r[:2], side["persons"][r[2]]["name"] if r[2] >= 0 else None, *r[3:]]
                      for r in rows] for pid, rows in side["quotes"].items()}

    (s.corpus / "new.txt").write_text("A new article\n\n\"We are ready,\" Wang Yi said.\n",
                                      encoding="utf-8")
    update_index(s)
    with monkeypatch.context() as m:  # persons.json is written, never read
        m.setattr(persons_stage, "read_sidecar", lambda *a: pytest.fail("persons.json read"))
        persons_stage.resolve_persons(s)
    after = persons_stage.read_sidecar(s.index)
    assert len(read) == 1
    assert {p: r for p, r in named(after).items() if p in before["quotes"]} == named(before)
    with sqlite3.connect(s.index / PERSONS_MEMO) as db:  # a store of an earlier version
        db.execute("DELETE FROM quotes")
    (s.corpus / "new.txt").unlink()
    update_index(s)
    persons_stage.resolve_persons(s)
    assert len(read) == 1  # no document read again: their rows came from persons.json
    assert named(persons_stage.read_sidecar(s.index)) == named(before)
    with sqlite3.connect(s.index / PERSONS_MEMO) as db:
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(
            before["quote_docs"])  # every document's rows kept from now on


def test_searchapp_index_runs_attribution_in_the_persons_stage(tmp_path):
    """The whole stage through the CLI, with the recognizer (no registry)."""
    pytest.importorskip("spacy")
    from searchapp.ingest.persons.recognize import Recognizer

    if not Recognizer().available:
        pytest.skip("no spaCy pipeline installed")
    (tmp_path / "corpus").mkdir()
    shutil.copy(TALKS, tmp_path / "corpus" / TALKS.name)
    s = Settings(corpus=tmp_path / "corpus", index=tmp_path / "index",
                 data_dir=tmp_path / "data")
    proc = run_cli("index", env=_env(s))
    assert proc.returncode == 0 and "persons:" in proc.stdout, proc.stderr
    found = run_cli("search", "said:Xi", "--json", env=_env(s))
    hits = json.loads(found.stdout)["hits"]
    assert [h["text"][:40] for h in hits] == ["Chinese President Xi Jinping told report"]


def test_a_speaker_only_the_pattern_of_speech_vouches_for_is_a_person_said_finds(tmp_path):
    """No recognizer and no registry entry: '"...," said councillor X.' alone makes X a
    person whose quotation ``said:`` and ``person:`` find (the persons stage takes
    speakers in a clear pattern of speech as persons)."""
    from searchapp.index.persons_stage import resolve_persons
    from searchapp.index.update import update_index
    from searchapp.search.engine import SearchEngine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "market.txt").write_text(
        "Market hall reprieve\n\nTraders cheered the vote on Wednesday night.\n\n"
        "“Sell it and you sell the town's memory,” said councillor Magnus Lindqvist-Ahola.\n\n"
        "“We will fight on,” Lindqvist-Ahola said after the meeting.\n", encoding="utf-8")
    s = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    resolve_persons(s)
    with SearchEngine.open(s) as eng:
        r = eng.search(SearchRequest(query='said:"Magnus Lindqvist-Ahola"'))
        assert sorted(_said(h, "Magnus Lindqvist-Ahola")[0] for h in r.hits) == [
            "“Sell it and you sell the town's memory,”", "“We will fight on,”"]
        assert eng.search(SearchRequest(query="person:Lindqvist-Ahola")).total == 2


def test_the_viewer_highlights_the_speakers_quotations(engine):
    """A document opened from a said: search shows what was said (it read "Nothing in
    this document matches the current search")."""
    hit = engine.search(SearchRequest(query="said:Xi")).hits[0]
    marks = engine.document_marks(engine.document(hit.doc_id), "said:Xi", [])
    spans = [(q["start"], q["end"]) for q in hit.quotes if q["speaker"] == "Xi Jinping"]
    assert spans
    assert all(any(a <= s and e <= b for a, b in marks.get(hit.para, ())) for s, e in spans)
    others = engine.document_marks(engine.document(hit.doc_id), "said:Nobody", [])
    assert hit.para not in others
