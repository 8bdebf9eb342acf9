"""The search core through its API, on an index of the seed corpus."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.search.engine import QueryError, SearchEngine, SearchRequest, make_snippet


@pytest.fixture(scope="module")
def engine(seed_engine):
    return seed_engine


def search(engine, query="", **kw):
    kw.setdefault("page_size", 200)
    return engine.search(SearchRequest(query=query, **kw))


def texts(result):
    return [h.text for h in result.hits]


# -- words, stemming, phrases, operators --------------------------------------------


def test_words_are_stemmed_and_case_folded(engine):
    r = search(engine, "SUMMITS")
    assert r.total > 5
    assert all(re.search(r"summit", t, re.I) for t in texts(r))
    assert search(engine, "summit").total == r.total


def test_phrase_matches_only_adjacent_words(engine):
    phrase = search(engine, '"Camp David"')
    assert phrase.total >= 2
    assert all("Camp David" in t for t in texts(phrase))
    loose = search(engine, "camp david")
    assert loose.total >= phrase.total


def test_boolean_operators(engine):
    a, b = search(engine, "missile"), search(engine, "nuclear")
    both = search(engine, "missile AND nuclear")
    either = search(engine, "missile OR nuclear")
    minus = search(engine, "missile -nuclear")
    not_ = search(engine, "missile NOT nuclear")
    assert both.total + either.total == a.total + b.total
    assert minus.total == not_.total == a.total - both.total
    assert all("nuclear" not in t.lower() for t in texts(minus))


def test_wildcard_and_fuzzy(engine):
    pres = search(engine, "pres*")
    assert any("President" in t for t in texts(pres))
    assert any("pressure" in t.lower() for t in texts(pres))
    assert all(re.search(r"\bpres", t, re.I) for t in texts(pres))
    fuzzy = search(engine, "Pyongyng~")
    assert fuzzy.total > 0 and all("Pyongyang" in t for t in texts(fuzzy))
    assert "<mark>Pyongyang</mark>" in fuzzy.hits[0].snippet



def test_a_fuzzy_distance_over_two_is_two_and_says_so(engine):
    """"fund~5" matched nearly every paragraph; a word differs by two letters at most."""
    wide = search(engine, "summit~5")
    assert wide.total == search(engine, "summit~2").total
    assert any("at most 2 letters" in n for n in wide.notices)


def test_field_queries(engine):
    src = search(engine, 'source:"Epoch Times"')
    assert src.total > 0 and {h.source for h in src.hits} == {"The Epoch Times"}
    author = search(engine, "author:Chung")
    assert author.total > 0 and all("Chung Jae-hung" in h.authors for h in author.hits)
    title = search(engine, "title:Pyongyang")
    assert title.total > 0 and all("Pyongyang" in h.title for h in title.hits)
    place = search(engine, 'place:"Korean Peninsula"')
    assert place.total > 0 and all("Korean Peninsula" in h.places for h in place.hits)


def test_date_filters_in_the_query(engine):
    y2019 = search(engine, "date:2019")
    assert y2019.total > 0 and all(h.date.startswith("2019") for h in y2019.hits)
    rng = search(engine, "date:[2023-10-01 TO 2023-10-31]")
    assert rng.total > 0
    assert all("2023-10-01" <= h.date <= "2023-10-31" for h in rng.hits)
    assert search(engine, "date:[2023-10-06 TO 2023-10-10]").total == 0
    half = search(engine, "date:2023-10")
    assert half.total == rng.total
    # a seed known only by its year (2023) matches date:2023 but not a day range
    y2023 = search(engine, "date:2023")
    assert y2023.total > rng.total


def test_year_and_date_range_filters(engine):
    r = search(engine, "", years=[2024])
    assert r.total > 0 and all(h.year == 2024 for h in r.hits)
    # the year group is counted without its own filter (years are OR): the other years
    # stay offered with what ticking them would add
    years = {f["value"]: f["count"] for f in r.facets["year"]}
    everything = {f["value"]: f["count"] for f in search(engine, "").facets["year"]}
    assert years == everything and years[2024] == r.total
    ranged = search(engine, "", date_from="2019-01-01", date_to="2019-12-31")
    assert ranged.total > 0 and all(h.date.startswith("2019") for h in ranged.hits)


@pytest.mark.parametrize("bad", ['"unclosed', "(open", "summit AND", "AND summit", "NOT",
                                 ")", "summit OR OR Seoul", "date:[2023", "date:tomorrow",
                                 "person:", "[", "title:", "*", "~", "date:2023-02-30"])
def test_bad_syntax_is_an_error_message_or_a_best_effort_search(engine, bad):
    try:
        r = search(engine, bad)
    except QueryError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert "\n" not in str(exc)
    else:
        assert r.total >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list('ab "()[]*~:-+^?') + ["date:", "person:", "TO", "AND",
                                                            "OR", "NOT", "summit", "2023"]),
                max_size=14).map("".join))
def test_no_query_string_raises_anything_but_query_error(engine, text):
    try:
        search(engine, text)
    except QueryError:
        pass


# -- persons ----------------------------------------------------------------------------


def test_every_spelling_finds_the_same_person(engine):
    totals = {q: search(engine, f'person:"{q}"').total
              for q in ("Yoon Suk Yeol", "Yoon Seok-yeol", "Yoon Suk-yeol", "Yoon Seok-yue", "尹")}
    assert len(set(totals.values())) == 1 and totals["Yoon Suk Yeol"] > 10
    by_filter = search(engine, "", persons=["Yoon Seok-yeol"])
    assert by_filter.total == totals["Yoon Suk Yeol"]
    assert all("Yoon Suk Yeol" in h.persons for h in by_filter.hits)


def test_a_name_typed_as_text_finds_other_spellings(engine):
    r = search(engine, '"Yoon Seok-yeol"')
    spelled = [t for t in texts(r) if "Yoon Seok-yeol" in t]
    other = [t for t in texts(r) if "Yoon Seok-yeol" not in t]
    assert spelled and other  # e.g. "Yoon Suk Yeol", "President Yoon"


def test_two_persons_mean_paragraphs_naming_both(engine):
    yoon = search(engine, "", persons=["Yoon Suk Yeol"]).total
    xi = search(engine, "", persons=["Xi Jinping"]).total
    both = search(engine, "", persons=["Yoon Suk Yeol", "Xi Jinping"])
    assert 0 < both.total < min(yoon, xi)
    assert all({"Yoon Suk Yeol", "Xi Jinping"} <= set(h.persons) for h in both.hits)
    query_form = search(engine, 'person:"Yoon Suk Yeol" person:"Xi Jinping"')
    assert query_form.total == both.total
    anyof = search(engine, "", persons=["Yoon Suk Yeol", "Xi Jinping"], person_mode="any")
    assert anyof.total == yoon + xi - both.total


@pytest.mark.parametrize("spelling", ["Han-Duck-soo", "Han-Deok-su", "Han-Deok-soo"])
def test_a_hyphenated_person_value_runs_to_the_next_space(engine, spelling):
    quoted = search(engine, 'person:"Han Duck-soo"')
    bare = search(engine, f"person:{spelling}")
    assert bare.total == quoted.total > 0 and not bare.notices
    assert all("Han Duck-soo" in h.persons for h in bare.hits)


@pytest.mark.parametrize("query", ["person:", "said:", "summit place:", "person: Yoon"])
def test_a_field_without_a_value_is_a_readable_error(engine, query):
    with pytest.raises(QueryError, match=r"^'\w+:' needs a value right after the colon, e\.g\."):
        search(engine, query)


def test_unknown_person_filter_is_a_readable_error(engine):
    with pytest.raises(QueryError, match="Unknown person 'Nobody Atall'"):
        search(engine, "", persons=["Nobody Atall"])


def test_titled_person_mention_is_marked(engine):
    r = search(engine, "visit", persons=["Xi Jinping"])
    marked = " ".join(h.snippet for h in r.hits)
    assert "<mark>President Xi</mark>" in marked or "<mark>Mr. Xi</mark>" in marked
    assert "<mark>visit</mark>" in marked


# -- CJK ------------------------------------------------------------------------------


def test_hanzi_and_hangul_are_searchable(engine):
    xi = search(engine, "习近平")
    assert any("习近平" in t for t in texts(xi))
    assert any("<mark>习近平</mark>" in h.snippet for h in xi.hits)
    summit = search(engine, "정상회의")
    assert summit.total == 1 and "정상회의" in summit.hits[0].text
    assert "<mark>정상회의</mark>" in summit.hits[0].snippet
    # a two-character word inside a longer run
    assert search(engine, "毛泽").total == 1


# -- results: snippets, sorting, paging, facets, suggestions ------------------------------------


def test_snippets_mark_every_term_and_escape_html(engine):
    r = search(engine, "Kim summit Pyongyang", page_size=5)
    for h in r.hits:
        plain = re.sub(r"</?mark>", "", h.snippet)
        assert "<" not in plain.replace("&lt;", "")
        for word in ("Kim", "summit", "Pyongyang"):
            if re.search(word, h.text, re.I):
                assert re.search(f"<mark>[^<]*{word}", h.snippet, re.I), (word, h.snippet)
    s = make_snippet("AT&T <b>said</b> the summit", [(8, 12)])
    assert s == "AT&amp;T &lt;b&gt;<mark>said</mark>&lt;/b&gt; the summit"


def test_long_paragraph_snippet_keeps_every_matched_term():
    text = ("alpha " * 80) + "needle " + ("beta " * 80) + "haystack " + ("gamma " * 80)
    n1, n2 = text.index("needle"), text.index("haystack")
    s = make_snippet(text, [(n1, n1 + 6), (n2, n2 + 8)])
    assert "<mark>needle</mark>" in s and "<mark>haystack</mark>" in s
    assert len(s) < 700 and s.startswith("…") and s.endswith("…")


def test_sort_by_date_and_paging(engine):
    newest = search(engine, "China", sort="newest")
    dated = [h.date for h in newest.hits if h.date]
    assert dated == sorted(dated, reverse=True)
    oldest = search(engine, "China", sort="oldest")
    dated = [h.date for h in oldest.hits if h.date]
    assert dated == sorted(dated)
    assert newest.total == oldest.total
    p1 = search(engine, "China", page=1, page_size=5)
    p2 = search(engine, "China", page=2, page_size=5)
    top = search(engine, "China", page=1, page_size=10)
    assert [h.key for h in p1.hits + p2.hits] == [h.key for h in top.hits]
    assert not {h.key for h in p1.hits} & {h.key for h in p2.hits}
    scores = [h.score for h in top.hits]
    assert scores == sorted(scores, reverse=True)
    beyond = search(engine, "China", page=999, page_size=10)
    assert beyond.hits == [] and beyond.total == top.total


def test_facets_count_the_whole_result_set(engine):
    r = engine.search(SearchRequest("China", page_size=3))
    assert len(r.hits) == 3 and r.total > 3
    assert sum(f["count"] for f in r.facets["year"]) == r.total
    for row in r.facets["person"][:3]:
        with_person = search(engine, "China", persons=[row["value"]])
        assert with_person.total == row["count"]
    for row in r.facets["source"]:
        assert search(engine, "China", sources=[row["value"]]).total == row["count"]


def test_person_document_counts_are_the_documents_of_their_paragraphs(engine):
    counts = engine.person_document_counts()
    assert counts and max(counts.values()) > 1
    for person, documents in counts.items():
        r = search(engine, "", persons=[person], page_size=500)
        assert r.total == len(r.hits)
        assert documents == len({h.doc_id for h in r.hits}), person


def test_empty_query_with_filters_lists_all_matching_paragraphs(engine):
    r = search(engine, "", sources=["the sejong institute"])
    assert r.total == sum(1 for h in r.hits) and r.total > 10
    assert {h.source for h in r.hits} == {"The Sejong Institute"}
    assert [h.para for h in r.hits] == sorted(h.para for h in r.hits)


def test_excluding_a_facet_value(engine):
    r = search(engine, "China", exclude={"person": ["Xi Jinping"]})
    assert r.total > 0 and all("Xi Jinping" not in h.persons for h in r.hits)
    assert r.total == search(engine, "China").total - search(engine, "China",
                                                             persons=["Xi Jinping"]).total


def test_did_you_mean(engine):
    r = search(engine, "presdent")
    assert r.total == 0 and r.suggestion == "president"
    r = search(engine, "Pyongyng summit")
    assert r.suggestion and "pyongyang" in r.suggestion.lower()
    assert search(engine, r.suggestion).total > r.total
    assert search(engine, "summit").suggestion is None


def test_did_you_mean_keeps_the_case_as_typed(engine):
    """"Did you mean Pyongyang?" for "Pyongyng", not "pyongyang" (the index's words
    are lower case; the suggestion is written as the user wrote the word)."""
    assert search(engine, "Pyongyng summit").suggestion == "Pyongyang summit"
    assert search(engine, "PYONGYNG").suggestion == "PYONGYANG"
    assert search(engine, "pyongyng").suggestion == "pyongyang"
    assert search(engine, "Presdent Yoon").suggestion == "President Yoon"


def test_place_and_author_filters(engine):
    both = search(engine, "", places=["Pyongyang", "Beijing"])
    assert both.total > 0
    assert all({"Pyongyang", "Beijing"} <= set(h.places) for h in both.hits)
    anyof = search(engine, "", places=["Pyongyang", "Beijing"], place_mode="any")
    assert anyof.total > both.total
    assert all({"Pyongyang", "Beijing"} & set(h.places) for h in anyof.hits)
    by_author = search(engine, "", authors=["chung jae-hung"])
    assert by_author.total > 0 and all(h.authors == ["Chung Jae-hung"] for h in by_author.hits)
    two = search(engine, "", authors=["Chung Jae-hung", "To-hai Liou"])
    assert two.total == by_author.total + search(engine, "", authors=["To-hai Liou"]).total
    unknown = search(engine, "", sources=["No Such Outlet"])
    assert unknown.total == 0 and any("No such" in n or "No source" in n for n in unknown.notices)


def test_timeline_counts_dated_results_by_month_or_year(engine):
    r = search(engine, "")
    assert sum(c for _, c in r.timeline) == sum(f["count"] for f in r.facets["year"])
    periods = [p for p, _ in r.timeline]
    assert periods == sorted(periods) and "2019-06" in periods
    assert r.to_json()["timeline"][0] == {"period": periods[0], "count": r.timeline[0][1]}


def test_a_long_lived_engine_sees_removed_and_changed_files_after_refresh(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    s = Settings.resolve(corpus=tmp_path / "corpus", index=tmp_path / "index",
                         data_dir=tmp_path / "data")
    update_index(s)
    with SearchEngine.open(s) as eng:
        sejong = search(eng, "Sejong").hits[0]
        before = eng.paragraph_count
        (tmp_path / "corpus" / sejong.path).unlink()
        changed = next(p for p in (tmp_path / "corpus").glob("*.txt"))
        changed.write_text(changed.read_text(encoding="utf-8") + "\n\nZebrafish diplomacy.\n",
                           encoding="utf-8")
        update_index(s)
        assert eng.refresh()
        assert eng.document(sejong.doc_id) == [] and not eng.paragraphs_by_pid(sejong.pid)
        assert eng.paragraph_count < before
        assert search(eng, "Sejong Institute").total == 0
        assert search(eng, "zebrafish").total == 1
        assert sum(f["count"] for f in search(eng, "").facets["year"]) <= eng.paragraph_count


@pytest.mark.parametrize("query", ["summit", "China Korea", "nuclear OR missile",
                                   "cooperation NOT Japan", "title:korea", "secur*"])
def test_relevance_order_is_whooshs_own(engine, query):
    """Ranking is computed with numpy over the matched set; for word queries it gives
    Whoosh's own BM25F order and scores (wildcards score by the words they expand to)."""
    from whoosh import qparser
    from whoosh import query as wq

    result = search(engine, query, page_size=50)
    assert result.total > 3
    ix = engine._ix
    parser = qparser.QueryParser("body", ix.schema, group=qparser.AndGroup)
    q = parser.parse(query)
    if isinstance(q, wq.Prefix):  # Whoosh scores a wildcard as a constant: compare the set
        with ix.searcher() as s:
            assert result.total == len(s.search(q, limit=None))
        return
    with ix.searcher() as s:
        theirs = s.search(q, limit=50)
        expected = [(s.stored_fields(h.docnum)["key"], round(h.score, 4)) for h in theirs]
        assert result.total == len(theirs)
    assert [h.key for h in result.hits] == [key for key, _ in expected]
    if " NOT " not in query:  # Whoosh adds a constant 1 for every NOT clause
        assert [round(h.score, 4) for h in result.hits] == [score for _, score in expected]


@pytest.fixture(scope="module", params=["position files", "Whoosh's positions only"])
def phrase_engine(request, engine, tmp_path_factory):
    """The seed index as written (positions also beside each segment), and the same
    index without those files, as for segments Whoosh merged."""
    if request.param == "position files":
        assert list(engine.index_dir.glob("*.body_positions"))
        yield engine
        return
    root = tmp_path_factory.mktemp("nopositions")
    shutil.copytree(engine.index_dir, root / "index")
    for path in (root / "index").glob("*_positions"):
        path.unlink()
    with SearchEngine(root / "index", engine.registry) as eng:
        yield eng


@pytest.mark.parametrize("phrase", ['"Camp David"', '"the United States"', '"North Korea"',
                                    '"Korean Peninsula"', '"欲立而立"', '"정상회의"',
                                    '"summit meeting"~3', '"Korea China"', '"repeat repeat"',
                                    '"nuclear weapons"', '"the summit"', '"security cooperation"'])
def test_phrases_match_what_whoosh_matches(phrase_engine, phrase, request, monkeypatch):
    """Phrases are matched from candidate paragraphs' positions: the same paragraphs
    Whoosh's own phrase matcher finds (CJK words are phrases of bigrams).  With
    position files, exact phrases never read Whoosh's positions."""
    from whoosh import qparser

    engine = phrase_engine
    if request.node.callspec.params["phrase_engine"] == "position files" and "~" not in phrase:
        def unread(*_a):
            raise AssertionError("Whoosh's positions were read")
        from searchapp.search import match

        monkeypatch.setattr(match, "term_positions", unread)
    ix = engine._ix
    q = qparser.QueryParser("body", ix.schema, group=qparser.AndGroup).parse(phrase)
    with ix.searcher() as s:
        expected = sorted(s.stored_fields(d)["key"] for d in s.docs_for_query(q))
    result = search(engine, phrase, page_size=500)
    assert sorted(h.key for h in result.hits) == expected
    if phrase in ('"Camp David"', '"North Korea"', '"欲立而立"', '"nuclear weapons"'):
        assert expected


def test_a_word_before_a_colon_that_names_no_field_is_searched_as_words(engine):
    """"korea:summit" found nothing, silently (Whoosh took it for a field)."""
    r = search(engine, "korea:summit")
    assert r.total == search(engine, "korea summit").total > 0
    assert any("'korea:' is not a field" in n for n in r.notices)
    assert not search(engine, "summit 10:30").notices  # a time is no field
