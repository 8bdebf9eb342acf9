"""The fast segment writer produces the index Whoosh's own writer produces.

Both writers index the same records (the real seed articles, the HTML news pages of
``tests/fixtures/html`` -- some with a source and author, some without -- and
hand-picked awkward texts); every term, posting, position, weight, term statistic,
stored field, length and column is compared.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as windex

from searchapp.index.schema import make_schema, paragraph_records
from searchapp.index.whoosh import segments as bulkwrite
from searchapp.ingest.pipeline import load_document
from tests.conftest import CORPUS, FIXTURES, HTML_PAGES, SEEDS

AWKWARD = [
    "the of and",  # only stop words: no positions at all
    "The summit at Camp David, the first of its kind.",  # starts with a stop word
    "习近平 met 尹錫悅 in 서울特别市 on the 15th; 정상회의 ended.",  # CJK runs, mixed tokens
    "Séoul, Pyeongyang and Zürich — naïve café résumé",  # accents folded
    "secur* wild*cards and a.b.c. acronyms U.S. 3.14 x y z",  # tokenizer pattern edges
    "repeat repeat repeat repeating repeated the repeat",  # positions of one term
    "",  # empty body
    "İstanbul ǅ ß ﬁ ligature",  # case mappings that change length
    # camel case: whole word and parts at overlapping positions, after a stop word,
    # first in the text, beside CJK and names that are never split
    "AirPods the WikiLeaks RelationsCICIR CICIRReport watchOS McDonald iPhone 韩国AirPods",
    "AccountingDepartment.com the icu.Locale.getRoot FetchContent_Declare U.S. 3.14",
    "the AirPods",
]


def _records():
    from searchapp.ingest.entities import Registry
    from searchapp.ingest.metadata import Catalog

    registry = Registry.load(CORPUS)
    catalog = Catalog.load(CORPUS / "catalog.toml")
    out = []
    for path in SEEDS.values():
        out.extend(paragraph_records(load_document(path, CORPUS, catalog, registry)))
    for page in HTML_PAGES:
        out.extend(paragraph_records(load_document(page, FIXTURES / "html", None, registry)))
    base = dict(out[0])
    for i, text in enumerate(AWKWARD):
        out.append({**base, "key": f"awk:{i}", "pid": f"awk{i}", "body": text,
                    "title": text or "untitled"})
    return out


def _build(path, records, bulk: bool, max_docs: int = 50_000):
    path.mkdir()
    ix = windex.create_in(str(path), make_schema(), indexname="p")
    writer = ix.writer()
    if bulk:
        builder = bulkwrite.SegmentBuilder(ix, max_docs=max_docs)
        for rec in records:
            builder.add(rec)
        bulkwrite.commit(writer, builder.finish())
    else:
        for rec in records:
            writer.add_document(**rec)
        writer.commit()
    return windex.open_dir(str(path), indexname="p")


def _snapshot(ix, same_segments: bool = True) -> dict:
    """Everything a search can read from the index, keyed so two indexes compare.

    ``same_segments=False`` compares indexes cut into different segments: term
    statistics are then per segment, and so is how Whoosh's reader gives the length
    of a field a document lacks: None in a segment where another document has the
    field (a zero in its length column), 0 (the default) in a segment where none
    has it (no column), whichever writer wrote it.  Those read as 0 here.
    """
    stats = same_segments
    out = {}
    with ix.reader() as r:
        schema = ix.schema
        out["docs"] = [r.stored_fields(d) for d in range(r.doc_count_all())]
        for name in schema.names():
            terms = sorted(t for f, t in r.all_terms() if f == name)
            out[f"terms:{name}"] = terms
            if name.startswith("spell_"):
                continue  # only its word list is used (did-you-mean)
            field = schema[name]
            for t in terms:
                m = r.postings(name, t)
                posts = []
                while m.is_active():
                    posts.append((m.id(), m.weight(), m.value()))
                    m.next()
                out[f"post:{name}:{t!r}"] = posts
                if stats:
                    ti = r.term_info(name, t)
                    out[f"info:{name}:{t!r}"] = (
                        ti.doc_frequency(), ti.weight(), ti.min_length(), ti.max_length(),
                        ti.max_weight(), ti.min_id(), ti.max_id())
            if field.scorable:
                lengths = [r.doc_field_length(d, name) for d in range(r.doc_count_all())]
                out[f"len:{name}"] = lengths if same_segments else [n or 0 for n in lengths]
                out[f"total:{name}"] = r.field_length(name)
            if field.column_type:
                out[f"col:{name}"] = list(r.column_reader(name))
    return out


@pytest.fixture(scope="module")
def records():
    return _records()


def _compare(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key


def test_one_segment_equals_whooshs_own_writer(tmp_path, records):
    plain = _snapshot(_build(tmp_path / "plain", records, bulk=False))
    fast = _snapshot(_build(tmp_path / "fast", records, bulk=True))
    assert len(plain["docs"]) == len(records) > 100
    assert len(plain["terms:body"]) > 1000
    _compare(plain, fast)


def test_many_segments_equal_one(tmp_path, records):
    """Flushing every 37 documents gives the same postings, documents and columns."""
    ix = _build(tmp_path / "fast", records, bulk=True, max_docs=37)
    assert len(ix._segments()) == -(-len(records) // 37)
    plain = _snapshot(_build(tmp_path / "plain", records, bulk=False), same_segments=False)
    _compare(plain, _snapshot(ix, same_segments=False))


def _read_every_value(ix, names) -> int:
    n = 0
    with ix.reader() as r:
        for name in names:
            for t in r.lexicon(name):
                m = r.postings(name, t)
                while m.is_active():
                    m.value()
                    m.next()
                    n += 1
    return n


def test_every_posting_has_its_value_the_spelling_words_too(tmp_path, records):
    """Whoosh reads each posting's value when it merges segments (as an update's commit
    does): the spelling words' postings once had none, and every update of an index
    holding two such segments with live documents failed (IndexError)."""
    ix = _build(tmp_path / "fast", records[:40], bulk=True)
    assert _read_every_value(ix, ("spell_body", "body", "source", "pid")) > 1000


@pytest.mark.slow
def test_segments_merge_as_whooshs_own_do(tmp_path, records):
    """Segments of ours merged by Whoosh equal segments of Whoosh's writer merged."""
    records = records[:120]
    ix = _build(tmp_path / "fast", records, bulk=True, max_docs=37)  # four segments
    ix.writer().commit(optimize=True)  # all segments into one, through Whoosh's reader
    # the same segments written by Whoosh's writer, merged the same way
    (tmp_path / "plain").mkdir()
    own = windex.create_in(str(tmp_path / "plain"), make_schema(), indexname="p")
    for start in range(0, len(records), 37):
        writer = own.writer()
        for rec in records[start:start + 37]:
            writer.add_document(**rec)
        writer.commit(merge=False)
    own.writer().commit(optimize=True)
    merged, own = (windex.open_dir(str(tmp_path / d), indexname="p") for d in ("fast", "plain"))
    assert len(merged._segments()) == len(own._segments()) == 1
    _compare(_snapshot(own), _snapshot(merged))


def _sourceless(records) -> list[dict]:
    out = [r for r in records if "source" not in r and not r["key"].startswith("awk:")]
    assert len(out) >= 10
    return out


def test_the_records_have_and_lack_sources_and_authors(records):
    """Both paths of each writer are compared: fields present and fields absent."""
    assert {"source" in r for r in records} == {True, False}
    assert {"author" in r for r in records} == {True, False}
    assert {r["language"] for r in records} >= {"en", "ko", "zh"}


def test_a_segment_without_sources_equals_whooshs_own_writer(tmp_path, records):
    """No document has a source: no length column for it, lengths read 0, as Whoosh
    writes such a segment."""
    sourceless = _sourceless(records)
    plain = _snapshot(_build(tmp_path / "plain", sourceless, bulk=False))
    fast = _snapshot(_build(tmp_path / "fast", sourceless, bulk=True))
    assert plain["len:source"] == [0] * len(sourceless) and plain["total:source"] == 0
    _compare(plain, fast)


def test_each_segment_equals_the_one_whooshs_writer_writes(tmp_path, records):
    """Cut where Whoosh's own writer commits (a segment with no source first, then
    segments mixing documents with and without one), every length too is the same."""
    every = 9
    # whole segments without a source, then one cut mid-way between the two kinds (not
    # left to how many paragraphs the documents happen to have)
    sourceless, sourced = _sourceless(records), [r for r in records if "source" in r]
    mixed = sourceless[:4 * every + 4] + sourced[:60]
    ix = _build(tmp_path / "fast", mixed, bulk=True, max_docs=every)
    (tmp_path / "plain").mkdir()
    own = windex.create_in(str(tmp_path / "plain"), make_schema(), indexname="p")
    for start in range(0, len(mixed), every):
        writer = own.writer()
        for rec in mixed[start:start + every]:
            writer.add_document(**rec)
        writer.commit(merge=False)
    own = windex.open_dir(str(tmp_path / "plain"), indexname="p")
    assert len(own._segments()) == len(ix._segments()) == -(-len(mixed) // every)
    plain, fast = _snapshot(own), _snapshot(ix)
    assert 0 in plain["len:source"] and None in plain["len:source"]
    _compare(plain, fast)


def test_position_files_hold_whooshs_positions(tmp_path, records):
    """Beside each segment: every body term, and for each the positions of all its
    postings in posting order, as Whoosh's postings hold them."""
    ix = _build(tmp_path / "fast", records, bulk=True, max_docs=37)
    with ix.reader() as r:
        leaves = r.leaf_readers()
        assert len(leaves) > 3
        for leaf, _ in leaves:
            store = bulkwrite.PositionStore(bulkwrite.positions_path(
                tmp_path / "fast", leaf.segment().segment_id(), "body"))
            terms = list(leaf.lexicon("body"))
            assert [bytes(t) for t in store.terms] == terms
            for t in terms:
                m = leaf.postings("body", t)
                want = []
                while m.is_active():
                    want.extend(m.value_as("positions"))
                    m.next()
                assert store.positions(t).tolist() == want, t
            assert store.positions(b"zzznotaword") is None
            assert store.positions(b"x" * 500) is None


def test_a_cut_position_file_is_refused(tmp_path, records):
    ix = _build(tmp_path / "fast", records[:50], bulk=True)
    with ix.reader() as r:
        path = bulkwrite.positions_path(tmp_path / "fast", r.segment().segment_id(), "body")
    data = path.read_bytes()
    path.write_bytes(data[:-3])
    with pytest.raises(ValueError, match="not a whole"):
        bulkwrite.PositionStore(path)


def test_cancel_leaves_the_index_as_it_was(tmp_path, records):
    ix = _build(tmp_path / "ix", records[:20], bulk=False)
    before = sorted(p.name for p in (tmp_path / "ix").iterdir())
    writer = ix.writer()
    builder = bulkwrite.SegmentBuilder(ix, max_docs=10)
    for rec in records[20:60]:
        builder.add(rec)
    assert len(builder.segments) == 4  # written beside the index, not in it
    written = tuple(seg.segment_id() for seg in builder.segments)
    assert any(p.name.startswith(written) for p in (tmp_path / "ix").iterdir())
    builder.cancel()
    writer.cancel()
    after = sorted(p.name for p in (tmp_path / "ix").iterdir())
    assert not [name for name in after if name.startswith(written)]
    # Whoosh's own cancel leaves its open segment's files for the next commit to clean
    mine = writer.newsegment.segment_id()
    assert [name for name in after if not name.startswith(mine)] == before
    with windex.open_dir(str(tmp_path / "ix"), indexname="p").searcher() as s:
        assert s.doc_count() == 20


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_any_text_is_analysed_like_whoosh(tmp_path_factory, bodies):
    """Positions, stop words and spelling words for any text equal Whoosh's analysis."""
    schema = make_schema()
    field = schema["body"]
    fast = bulkwrite._BodyIndexer(field)
    for body in bodies:
        items, length, raws, plists = fast.index(body)
        expected = sorted(field.index(body))
        assert sorted(items) == expected
        assert [field.format.decode_positions(v) for _, _, _, v in items] == plists
        assert length == sum(freq for _, freq, _, _ in expected)
        assert fast.spelling_words(raws) == set(field.spellable_words(body))



_words = st.sampled_from(["AirPods", "the", "of", "WikiLeaks", "RelationsCICIR", "McDonald",
                          "iPhone", "watchOS", "USAToday", "韩国", "a", "Air", "pods", "x",
                          "sungMao", "정상회의", "naïveCafé", "ÉcoleNormale", "example.com",
                          "icu.Locale.getRoot", "U.S.", "3.14", "_snake_Case", "e.g."])
camel_texts = st.lists(_words, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(camel_texts, min_size=1, max_size=4))
def test_camel_case_words_are_analysed_like_whoosh(bodies):
    """Camel-case words (whole and parts at overlapping positions) among stop words,
    CJK and names never split: the fast writer's postings equal Whoosh's."""
    field = make_schema()["body"]
    fast = bulkwrite._BodyIndexer(field)
    for body in bodies:
        items, _length, _raws, plists = fast.index(body)
        assert sorted(items) == sorted(field.index(body))
        assert [field.format.decode_positions(v) for _, _, _, v in items] == plists
