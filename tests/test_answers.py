"""Answers that must be true: hyphenated words, phrase highlights (issue: every answer true)."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchapp.config import Settings
from searchapp.index.analysis import STOP_TERMS, indexed_joined
from searchapp.index.update import update_index
from searchapp.search.engine import SearchEngine, SearchRequest
from searchapp.search.query import rewrite_hyphens


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("answers")
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "hyphens.txt").write_text(
        "Hyphenated words in political writing\n\n"
        "The two-track approach and a pro-Beijing stance were debated by anti-communist "
        "groups in the post-war years.\n\n"
        "A two track plan was also proposed, and the non-proliferation treaty held.\n\n"
        "Negotiators spoke of a twotrack process and of nonproliferation in general.\n\n"
        "Only the word track appears here, beside two other words.\n\n"
        "Exports reached an all-time high in March.\n\n"
        "He was right all the time, the minister said.\n\n"
        "Shares hit an all time low after the vote.\n\n"
        "Staff of the Bank of America met the bank in Seoul.\n\n"
        "The embassy answered the e-mail within a day.\n\n"
        "Readers may Email the desk or write to the E-Mail address below.\n\n"
        "The mail from the consulate arrived late.\n\n"
        "Lawyers kept in-house drafts of the deal.\n\n"
        "The house voted in favour of the deal.\n\n"
        "A state-of-the-art plant and a state of the art lab.\n\n"
        "The air force flew its F-35 jets to the G-7 summit.\n\n"
        "Two F35 fighters and a pair of 3-D printers arrived.\n\n"
        "Some 35 officials from 7 ministries came in 3 buses.\n\n"
        "Cases of COVID-19 rose; covid 19 wards filled.\n\n"
        "Sen. Ana Roe, D-N.Y., praised Jordanian-U.S. ties and the U.S.-China truce.\n\n"
        "가수 엘제이-류화영의 논란이 이어졌다.\n\n"
        "Lawmakers voted 195-106 in favour of the 2025-26 budget.\n\n"
        "The 106 members who voted against it met in 195 rooms.\n", "utf-8")
    s = Settings.resolve(corpus=root / "corpus", index=root / "index", data_dir=root / "data")
    update_index(s)
    with SearchEngine.open(s) as eng:
        yield eng


def texts(engine, query: str) -> list[str]:
    return [h.text for h in engine.search(SearchRequest(query=query, page_size=1000)).hits]


def _norm(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u2011]+", " ", text.casefold())


@pytest.mark.parametrize("word", ["two-track", "pro-Beijing", "non-proliferation",
                                  "anti-communist", "post-war"])
def test_a_hyphenated_word_finds_itself_its_parts_as_a_phrase_and_its_joined_form(engine, word):
    found = texts(engine, word)
    parts = " ".join(re.split(r"[-\u2010\u2011]", word)).casefold()
    joined = parts.replace(" ", "")
    assert found, word
    for t in found:  # every hit holds the word, its parts in a row or its joined form
        assert parts in _norm(t) or joined in t.casefold(), (word, t)
    corpus_hits = [t for t in texts(engine, f'"{parts}"')]
    assert set(corpus_hits) <= set(found)


def test_two_track_finds_every_form_and_not_the_lone_parts(engine):
    found = texts(engine, "two-track")
    assert any("two-track approach" in t for t in found)
    assert any("two track plan" in t for t in found)
    assert any("twotrack process" in t for t in found)
    assert not any("Only the word track" in t for t in found)


@pytest.mark.parametrize(("word", "written", "not_found"), [
    ("e-mail", ("answered the e-mail", "may Email", "E-Mail address"), "The mail from"),
    ("in-house", ("kept in-house drafts",), "The house voted"),
])
def test_a_hyphenated_word_with_a_stop_word_part_finds_itself_not_the_other_part(
        engine, word, written, not_found):
    """The index leaves "e" and "in" out, so the phrase of the parts would be "mail" or
    "house" alone: the word finds its hyphenated and joined forms only."""
    found = texts(engine, word)
    for w in written:
        assert any(w in t for t in found), (word, w, found)
    assert not any(not_found in t for t in found), (word, found)
    assert texts(engine, word.replace("-", "")) == found  # "email" is "e-mail"


@pytest.mark.parametrize("word", ["F-35", "G-7", "3-D"])
def test_a_letter_and_a_number_hyphenated_find_themselves_not_the_number_alone(engine, word):
    """A single letter is a word the index leaves out: "F-35" searched as the phrase
    of its parts was "35" after any word ("Some 35 officials")."""
    found = texts(engine, word)
    assert any(word in t for t in found), (word, found)
    assert not any(t.startswith("Some 35 officials") for t in found), (word, found)


@pytest.mark.parametrize("word", ["D-N.Y.", "Jordanian-U.S.", "U.S.-China", "엘제이-류화영의"])
def test_a_hyphenated_word_with_dotted_or_korean_parts_is_found_as_written(engine, word):
    """"D-N.Y." and "Jordanian-U.S." were searched as "DN" and "JordanianU" (the dotted
    part cut off); a hyphen between two Hangul words took a place of its own in the
    index, so the phrase of the two never matched."""
    found = texts(engine, word)
    assert any(word in t for t in found), (word, found)


@pytest.mark.parametrize(("word", "written"), [
    ("F-35", ("F-35 jets", "Two F35 fighters")),
    ("F35", ("F-35 jets", "Two F35 fighters")),
    ("COVID-19", ("Cases of COVID-19", "covid 19 wards")),
])
def test_a_word_and_a_number_find_every_way_they_are_written(engine, word, written):
    found = texts(engine, word)
    for w in written:
        assert any(w in t for t in found), (word, w, found)


@pytest.mark.parametrize("figure", ["195-106", "2025-26", "voted 195-106"])
def test_figures_joined_by_a_hyphen_are_found_as_printed(engine, figure):
    """A vote, a score or a fiscal year ("195-106", "2025-26") is the printed figure,
    never "195 AND NOT 106" (which found nothing, or the wrong paragraphs)."""
    assert texts(engine, figure) == ["Lawmakers voted 195-106 in favour of the 2025-26 budget."]


def test_a_figure_after_a_minus_is_left_out(engine):
    found = texts(engine, "voted -195-106")
    assert found and not any("195-106" in t for t in found)


def test_a_hyphenated_word_with_two_words_left_still_finds_them_written_apart(engine):
    found = texts(engine, "state-of-the-art")
    assert found == ["A state-of-the-art plant and a state of the art lab."]


def test_a_hyphenated_word_never_skips_over_a_stop_word(engine):
    """"all-time" is all followed by time, not "all the time": a stop word keeps its
    place in the index, so the phrase of the parts does not reach over it."""
    found = texts(engine, "all-time")
    assert any("all-time high" in t for t in found)
    assert any("all time low" in t for t in found)
    assert not any("all the time" in t for t in found)
    assert sorted(texts(engine, '"all time"')) == sorted(found)
    assert [t for t in texts(engine, '"all the time"')] == \
        ["He was right all the time, the minister said."]


def test_a_phrase_with_a_stop_word_asks_for_it_in_its_place(engine):
    hits = engine.search(SearchRequest(query='"Bank of America"', page_size=100)).hits
    assert [h.text for h in hits] == ["Staff of the Bank of America met the bank in Seoul."]
    assert [hits[0].text[s:e] for s, e in hits[0].marks] == ["Bank of America"]
    assert texts(engine, '"bank America"') == []  # "of" stands between them
    assert texts(engine, '"right all the time"~2') == texts(engine, '"all the time"')


def test_a_leading_minus_is_still_not(engine):
    with_word = set(texts(engine, "summit"))
    without = set(texts(engine, "summit -two-track"))
    assert without and without <= with_word
    assert not any("two-track" in t or "two track" in t for t in without)
    assert set(texts(engine, "summit -track")) <= without


_part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@given(parts=st.lists(_part, min_size=2, max_size=4),
       sign=st.sampled_from(["", "-", "+"]),
       before=st.sampled_from(["", "summit ", "(korea OR china) ", '"camp david" ']),
       after=st.sampled_from(["", " seoul", " AND beijing", " year:2023"]),
       dash=st.sampled_from(["-", "\u2010", "\u2011"]))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hyphen_rule_property(parts, sign, before, after, dash):
    """Over generated queries: a hyphenated word becomes (phrase of its parts OR joined
    form), or its joined form alone where stop words leave fewer than two of its parts,
    keeping a leading sign; the rest of the query is unchanged; quoted text is never
    rewritten and hyphenated numbers are the phrase of their figures."""
    word = dash.join(parts)
    query = f"{before}{sign}{word}{after}"
    out = rewrite_hyphens(query)
    kept = [p for p in parts if p.casefold() not in STOP_TERMS]
    either = f'("{" ".join(parts)}" OR {"".join(parts)})' \
        if len(kept) == len(parts) or len(kept) >= 2 or not indexed_joined(word) \
        else "".join(parts)
    assert out == f"{before}{sign}{either}{after}"
    assert rewrite_hyphens(f'"{word}"') == f'"{word}"'
    assert rewrite_hyphens("date:2023-10-05 1-0") == 'date:2023-10-05 "1 0"'


@given(parts=st.lists(st.sampled_from(["two", "track", "pro", "beijing", "non",
                                       "proliferation", "summit", "korea"]),
                      min_size=2, max_size=3))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
def test_hyphenated_query_equals_phrase_or_joined(engine, parts):
    """The engine's answer for ``a-b`` is exactly the union of ``"a b"`` and ``ab``."""
    hyph = set(texts(engine, "-".join(parts)))
    union = set(texts(engine, f'"{" ".join(parts)}"')) | set(texts(engine, "".join(parts)))
    assert hyph == union


def test_a_phrase_highlights_the_phrase_not_its_lone_words(engine):
    result = engine.search(SearchRequest(query='"Camp David"', page_size=100))
    assert result.total
    lone = 0
    for h in result.hits:
        marked = [h.text[s:e] for s, e in h.marks]
        assert marked and all(_norm(m) == "camp david" for m in marked), marked
        lone += len(re.findall(r"(?i)\bcamp\b(?!\s+david)", h.text))
    doc = result.hits[0].doc_id
    paragraphs = engine.document(doc)
    marks = engine.document_marks(paragraphs, '"Camp David"', [])
    texts_by_para = {p["para"]: p["body"] for p in paragraphs}
    for para, spans in marks.items():
        assert all(_norm(texts_by_para[para][s:e]) == "camp david" for s, e in spans)


def test_words_and_phrases_together_are_each_marked(engine):
    result = engine.search(SearchRequest(query='"Camp David" summit', page_size=20))
    assert result.total
    for h in result.hits:
        marked = " | ".join(_norm(h.text[s:e]) for s, e in h.marks)
        assert "camp david" in marked
        words = set(re.findall(r"\w+", marked))
        assert words <= {"camp", "david"} | {w for w in words if w.startswith("summit")}
        assert not re.search(r"\bcamp\b(?! david)", marked)


# -- one date model -----------------------------------------------------------------------

def _keys(engine, **kw) -> set[str]:
    return {h.key for h in engine.search(SearchRequest(page_size=10_000, **kw)).hits}


def test_a_range_covering_a_whole_year_holds_the_documents_dated_only_by_that_year(engine):
    year = _keys(engine, years=[2023])
    whole = _keys(engine, date_from="2023-01-01", date_to="2023-12-31")
    assert year and whole == year
    assert _keys(engine, date_from="2023", date_to="2023") == year
    assert _keys(engine, query="date:[2023-01-01 TO 2023-12-31]") == year
    assert _keys(engine, query="date:2023") == year
    year_only = {h.key for h in engine.search(SearchRequest(years=[2023], page_size=10_000)).hits
                 if h.date is None}
    assert year_only, "the seeds have a document dated only '2023'"
    part = _keys(engine, date_from="2023-03-01", date_to="2023-12-31")
    assert part and not part & year_only  # not the whole year: the year-only one is out
    assert not _keys(engine, query="date:[2023-01-01 TO 2023-06-30]") & year_only
    # a range over several years holds the whole years inside it
    assert year_only <= _keys(engine, date_from="2020-05-01", date_to="2024-12-31")


def test_year_only_documents_show_their_year(engine, tmp_path):
    from searchapp.dates import display
    from searchapp.store import BookmarkStore

    hit = next(h for h in engine.search(SearchRequest(years=[2023], page_size=100)).hits
               if h.date is None)
    assert display(hit.date, hit.year) == "2023"
    store = BookmarkStore(tmp_path / "b.sqlite3")
    b = store.add(engine.paragraph(hit.key))
    assert b.date == "2023"
    assert "2023" in store.export("md") and "2023" in store.export("csv")


@given(lo=st.sampled_from(["", "2019", "2019-06", "2019-06-26", "2023-01-01", "2023-03-01",
                           "2023", "2024-01-01"]),
       hi=st.sampled_from(["", "2019-12-31", "2023-06-30", "2023-12-31", "2023", "2024",
                           "2024-11-15", "2025"]))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_date_filters_and_date_clauses_agree(engine, lo, hi):
    """The app's date fields (request filters) and the query's date: clause give the
    same paragraphs for every range."""
    from searchapp.errors import QueryError

    if not (lo or hi):
        return  # no range at all: the filter is off, while date:[* TO *] means "dated"
    try:
        by_filter = _keys(engine, date_from=lo or None, date_to=hi or None)
    except QueryError:
        return  # a range that ends before it starts: both refuse it
    clause = f"date:[{lo or '*'} TO {hi or '*'}]"
    assert _keys(engine, query=clause) == by_filter


@pytest.mark.parametrize("filters", [{}, {"years": [2019]}, {"sources": ["The Sejong Institute"]},
                                     {"years": [2024]}, {"persons": ["Kim Jong Un"]}])
def test_a_word_the_index_has_is_never_respelled(engine, filters):
    """"Did you mean commit?" for summit: never, whatever the filters leave."""
    for word in ("summit", "alliance", "tariffs", "denuclearization"):
        r = engine.search(SearchRequest(query=word, **filters))
        assert r.suggestion is None, (word, filters, r.suggestion)
    r = engine.search(SearchRequest(query="sumit"))
    assert r.suggestion == "summit"
