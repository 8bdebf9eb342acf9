"""The app's Qt models, driven without a window, over a real index of the seeds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import Qt  # noqa: E402

from searchapp.search.engine import SearchRequest  # noqa: E402
from searchapp.store import BookmarkStore  # noqa: E402


@pytest.fixture(scope="module")
def engine(seed_engine):
    return seed_engine


def test_results_model_pages_in_as_the_view_asks(qtbot, engine):
    from searchapp.gui.models import HitRole, ResultsModel, StarRole

    model = ResultsModel()
    first = engine.search(SearchRequest(query="Korea", page_size=10))
    assert first.total > 20
    model.set_result(first)
    assert model.rowCount() == 10 and model.canFetchMore()
    with qtbot.waitSignal(model.more_requested, timeout=1000):
        model.fetchMore()
    assert not model.canFetchMore()  # one request at a time
    model.append_page(engine.search(SearchRequest(query="Korea", page_size=10,
                                                  page=model.next_page())))
    assert model.rowCount() == 20
    keys = [model.index(r).data(HitRole).key for r in range(20)]
    assert len(set(keys)) == 20  # no duplicates across pages
    hit = model.index(3).data(HitRole)
    assert model.index(3).data(StarRole) is False
    model.set_starred({(hit.doc_id, hit.pid)})
    assert model.index(3).data(StarRole) is True
    assert hit.title in model.index(3).data(Qt.ItemDataRole.DisplayRole)


def test_results_model_stops_when_a_page_brings_nothing_new(qtbot, engine):
    from searchapp.gui.models import ResultsModel

    model = ResultsModel()
    result = engine.search(SearchRequest(query="Korea", page_size=10))
    model.set_result(result)
    model.fetchMore()
    model.append_page(result)  # the same page again (the index changed under us)
    assert model.rowCount() == 10 and not model.canFetchMore()


def test_facet_model_counts_and_keeps_selected_values(qtbot, engine):
    from searchapp.gui.models import FacetModel

    model = FacetModel()
    result = engine.search(SearchRequest(persons=["Kim Jong-un"], exclude={"source": ["X"]}))
    model.set_counts(result.facets, {"person": ["Kim Jong-un"]}, {"source": ["Nowhere Daily"]})
    persons = {v: (c, s) for v, c, s in model.values("person")}
    assert persons["Kim Jong-un"] == (result.total, "include")
    # the group's other values stay offered, counted as if none of the group were chosen
    # (values in one group are OR): ticking a second person adds its paragraphs
    unfiltered = {r["value"]: r["count"] for r in engine.search(
        SearchRequest(exclude={"source": ["X"]})).facets["person"]}
    assert len(persons) > 1
    assert all(c == unfiltered[v] for v, (c, _) in persons.items())
    sources = {v: (c, s) for v, c, s in model.values("source")}
    assert sources["Nowhere Daily"] == (0, "exclude")  # listed although no result has it
    years = [int(v) for v, _, _ in model.values("year")]
    assert years == sorted(years)
    # counts are replaced, not appended, on the next result
    model.set_counts(engine.search(SearchRequest(query="Sejong")).facets, {}, {})
    assert "Nowhere Daily" not in [v for v, _, _ in model.values("source")]


def test_facet_groups_list_the_most_frequent_values_then_all(qtbot, engine):
    """A long group lists its most frequent values and "Show all N"; values filtered
    by stay listed however rare; a group opened in full stays so for the next result."""
    from searchapp.gui.models import FacetModel, MoreRole

    model = FacetModel()
    result = engine.search(SearchRequest())
    persons = [f["value"] for f in result.facets["person"]]
    assert len(persons) > FacetModel.SHOWN + 2
    rare = persons[-1]
    model.set_counts(result.facets, {"person": [rare]}, {})
    assert model.shown("person") == persons[:FacetModel.SHOWN] + [rare]
    group = model.groups["person"]
    more = group.child(group.rowCount() - 1, 0)
    assert more.data(MoreRole) == "person" and more.text() == f"Show all {len(persons)}…"
    assert len(model.values("person")) == len(persons)  # every count is known
    model.toggle_all("person")
    assert model.shown("person") == persons
    assert group.child(group.rowCount() - 1, 0).text() == "Show fewer"
    model.set_counts(engine.search(SearchRequest(query="Korea")).facets, {}, {})
    assert len(model.shown("person")) == len(model.values("person")) > FacetModel.SHOWN
    model.toggle_all("person")
    assert len(model.shown("person")) == FacetModel.SHOWN
    sources = model.groups["source"]  # a short group: no "Show all" row
    assert sources.rowCount() == len(model.values("source")) <= FacetModel.SHOWN


def test_persons_model_sorts_and_filters_by_any_spelling(qtbot):
    from PySide6.QtCore import QSortFilterProxyModel

    from searchapp.gui.models import PersonRole, PersonsModel

    model = PersonsModel()
    model.set_rows([
        {"name": "Yoon Suk Yeol", "aliases": ["Yoon Seok-yeol", "윤석열"], "role": "President",
         "paragraphs": 26, "documents": 4},
        {"name": "Xi Jinping", "aliases": ["习近平"], "role": "", "paragraphs": 46,
         "documents": 5},
    ])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterRole(Qt.ItemDataRole.UserRole)
    proxy.setSortRole(Qt.ItemDataRole.EditRole)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(PersonRole) == "Xi Jinping"
    proxy.setFilterFixedString("윤석열")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Yoon Suk Yeol"
    assert "Yoon Seok-yeol" in proxy.index(0, PersonsModel.COLUMNS.index("Also written")).data()


def test_bookmarks_model_edits_write_through_to_the_store(qtbot, engine, tmp_path):
    from searchapp.gui.models import BookmarkRole, BookmarksModel

    store = BookmarkStore(tmp_path / "b.sqlite3")
    hit = engine.search(SearchRequest(query='"Camp David"')).hits[0]
    store.add(hit.to_json())
    model = BookmarksModel(store)
    assert model.rowCount() == 1
    assert model.setData(model.index(0, model.NOTE), "Read with the Epoch Times piece")
    assert model.setData(model.index(0, model.TAGS), "summit, #trilateral")
    again = BookmarkStore(tmp_path / "b.sqlite3").list()[0]
    assert again.note == "Read with the Epoch Times piece"
    assert again.tags == ["summit", "trilateral"]
    assert model.index(0, 0).data(BookmarkRole).id == again.id
    assert not model.setData(model.index(0, 0), "cannot edit the passage")
    model.refresh(tag="nothing-has-this")
    assert model.rowCount() == 0
    model.refresh(tag="trilateral")
    assert model.rowCount() == 1


def test_document_rendering_escapes_text_and_numbers_highlights(qtbot):
    from searchapp.gui.render import MARK_BG, paragraph_html

    text = "<script>alert(1)</script> President Yoon met Xi & Kim"
    marks = [(35, 39), (44, 46)]  # "Yoon", "Xi"
    persons = [(25, 39, "Yoon Suk Yeol")]
    out, n = paragraph_html(text, marks, persons, first_hit=3, link_color="#0000ff")
    assert n == 2
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; Kim" in out
    assert "name='h3'" in out and "name='h4'" in out and MARK_BG in out
    assert "href='person:Yoon%20Suk%20Yeol'" in out


def test_timeline_by_year_or_month(qtbot):
    from searchapp.gui.filters import TimelineChart

    chart = TimelineChart()
    chart.set_timeline([("2019-06", 3), ("2023", 3), ("2024", 9)])
    assert [b[0] for b in chart.bars] == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert chart.bars[1][3] == 0  # empty years are shown as gaps
    chart.set_timeline([("2023-09", 2), ("2023-11", 5)])
    assert [b[1] for b in chart.bars] == ["2023-09", "2023-10", "2023-11"]
    # a month's label never reads as a day ("Sep 23" could be the 23rd of September)
    assert [b[0] for b in chart.bars] == ["Sep \u201923", "Oct \u201923", "Nov \u201923"]
    with qtbot.waitSignal(chart.period_clicked) as sig:
        chart.click_bar(2)
    assert sig.args == ["2023-11", "2023-11"]


def test_filling_the_facet_model_keeps_every_reference_to_none(qtbot, engine):
    """PySide6 6.12.0 released a reference to None on every call of a method that
    returns nothing; on Python < 3.12 the app then aborted ("deallocating None")
    after about a hundred searches.  pyproject.toml excludes that release."""
    import sys

    from searchapp.gui.models import FacetModel

    model = FacetModel()
    result = engine.search(SearchRequest(query="Korea"))
    before = sys.getrefcount(None)
    for _ in range(20):
        model.set_counts(result.facets, {"person": ["Xi Jinping"]}, {"source": ["Yonhap"]})
    assert model.values("person")
    assert sys.getrefcount(None) - before > -200  # 20 fills make thousands of Qt calls


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    def lum(c: str) -> float:
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_muted_result_lines_stay_legible_on_selected_rows(qtbot, scheme):
    """A result's source/date and persons lines are muted: on the row's own background,
    selected or not, they keep most of the contrast of the palette's text."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from searchapp.gui.render import mid_color

    palette = QPalette(QApplication.palette())
    if scheme == "dark":
        for role, color in ((QPalette.ColorRole.Base, "#1e1e1e"),
                            (QPalette.ColorRole.Text, "#e0e0e0"),
                            (QPalette.ColorRole.Highlight, "#2a82da"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff")):
            palette.setColor(role, QColor(color))
    name = lambda role: palette.color(role).name()  # noqa: E731
    for selected, text, background in (
            (False, QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (True, QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
        full = _contrast(name(text), name(background))
        muted = _contrast(mid_color(palette, selected), name(background))
        assert muted >= min(3.0, 0.6 * full), (scheme, selected, muted, full)


def test_the_app_shows_the_paragraph_number_the_cli_and_bookmarks_use(qtbot, engine):
    """¶N in the results list and the row's tooltip is the hit's own (1-based) number,
    the one ``searchapp search`` prints and ``bookmarks add`` accepts."""
    from searchapp.gui.models import ResultsModel
    from searchapp.gui.results import hit_html

    result = engine.search(SearchRequest(query="summit", page_size=5))
    model = ResultsModel()
    model.set_result(result)
    for row, hit in enumerate(result.hits):
        assert f"¶{hit.para}<" in hit_html(hit, "#777") or hit_html(hit, "#777").count(
            f"¶{hit.para}") == 1
        assert f"¶{hit.para + 1}" not in hit_html(hit, "#777")
        tip = model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
        assert tip.endswith(f"paragraph {hit.para}")
    first = engine.paragraph(result.hits[0].key)
    assert first["para"] == result.hits[0].para and result.hits[0].key.endswith(
        f":{result.hits[0].para}")


_QUERIES = ["", "summit", "two-track", '"Camp David"', "Korea -Japan", "title:Xi", "习近平",
            "정상회의", "person:尹", "President Yoon", "alliance OR tariffs", "source:Sejong",
            "date:2023", "non-proliferation", "pro-Beijing"]


def _facet_counts_from_model(model, facet):
    from searchapp.gui.models import FacetRole, StateRole, ValueRole

    model.show_all.add(facet)
    model._fill(facet)
    group = model.groups[facet]
    out = {}
    for r in range(group.rowCount()):
        item = group.child(r, 0)
        if item.data(FacetRole) != facet or item.data(ValueRole) is None:
            continue
        count = group.child(r, 1).text()
        if item.data(StateRole) != "exclude" and count:
            out[item.data(ValueRole)] = int(count)
    return {v: c for v, c in out.items() if c}


@given(query=st.sampled_from(_QUERIES),
       years=st.lists(st.sampled_from([2019, 2023, 2024]), max_size=2, unique=True),
       source=st.sampled_from([None, "The Epoch Times", "The Sejong Institute", "(unknown)"]),
       person=st.sampled_from([None, "Xi Jinping", "Yoon Suk Yeol", "Kim Jong-un"]),
       dates=st.sampled_from([(None, None), ("2023-01-01", "2023-12-31"), ("2023-03", None),
                              (None, "2019")]))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_the_cli_and_the_app_give_the_same_answers(qtbot, engine, capsys, monkeypatch,
                                                   query, years, source, person, dates):
    """The same question through ``searchapp search --json`` and through the app's
    filter state and models: the same total and the same facet counts."""
    import json

    from searchapp.cli import main
    from searchapp.errors import QueryError
    from searchapp.gui.models import FacetModel, ResultsModel
    from searchapp.gui.search_state import SearchState

    monkeypatch.setenv("SEARCHAPP_INDEX", str(engine.index_dir))
    monkeypatch.setenv("SEARCHAPP_CORPUS", str(engine.index_dir.parent / "corpus"))
    monkeypatch.setenv("SEARCHAPP_DATA_DIR", str(engine.index_dir.parent / "data"))
    args = ["search", *([query] if query else []), "--json", "--no-history", "--limit", "20"]
    state = SearchState()
    state.request = state.request.__class__(**{**state.request.to_json(), "query": query})
    for y in years:
        args += ["--year", str(y)]
        state.toggle_filter("year", str(y))
    if source:
        args += ["--source", source]
        state.toggle_filter("source", source)
    if person:
        args += ["--person", person]
        state.toggle_filter("person", person)
    if dates[0]:
        args += ["--from", dates[0]]
    if dates[1]:
        args += ["--to", dates[1]]
    if any(dates):
        state.set_dates(*dates)
    capsys.readouterr()
    code = main(args)
    out = capsys.readouterr()
    try:
        result = engine.search(state.request)
    except QueryError as exc:
        assert code == 2 and str(exc) in out.err
        return
    assert code == 0, out.err
    cli = json.loads(out.out)
    results = ResultsModel()
    results.set_result(result)
    assert cli["total"] == result.total == results.total
    facets = FacetModel()
    facets.set_counts(result.facets, state.included(), state.request.exclude)
    for facet in ("person", "place", "source", "author", "year"):
        want = {str(r["value"]): r["count"] for r in cli["facets"][facet]}
        assert _facet_counts_from_model(facets, facet) == want, facet
