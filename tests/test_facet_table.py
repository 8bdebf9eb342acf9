"""model.FACETS is the one table of facet groups: the request, the index schema, the
records, the filters and the CLI's flags all follow it."""

from __future__ import annotations

import dataclasses

import pytest

from searchapp.cli.commands import build_parser
from searchapp.index.schema import FACET_VALUES, FOUND_ONLY, Values, make_schema
from searchapp.model import FACET_NAMES, FACETS, UNKNOWN_FACETS, SearchRequest


def test_the_request_has_a_list_and_a_mode_for_what_the_table_names():
    fields = {f.name: f for f in dataclasses.fields(SearchRequest)}
    for facet in FACETS:
        assert facet.request in fields, facet.name
        assert getattr(SearchRequest(), facet.request) == []
        if facet.mode:
            assert getattr(SearchRequest(), facet.mode) in ("all", "any")
    facet_lists = {f.request for f in FACETS}
    other_lists = {name for name, f in fields.items()
                   if f.type in ("list[str]", "list[int]")} - facet_lists
    assert not other_lists, f"request lists that are no facet group: {other_lists}"


def test_filters_keep_the_chosen_values_and_their_modes():
    req = SearchRequest(persons=["A", "B"], places=["X"], years=[2023], folders=["F"],
                        person_mode="any")
    assert req.filters() == {"persons": ["A", "B"], "places": ["X"], "years": [2023],
                             "folders": ["F"], "person_mode": "any"}
    assert req.all_of(FACETS[0]) is False
    assert SearchRequest(persons=["A", "B"]).all_of(FACETS[0]) is True


def test_the_schema_has_one_exact_values_field_per_facet():
    """...but for the facets the persons stage finds beside the index (``found``: the
    Speaker), which no record holds and a query reads from persons.json."""
    schema = make_schema()
    for facet in FACETS:
        if facet.found:
            assert facet.field not in schema.names() and facet.field in FOUND_ONLY
        else:
            assert isinstance(schema[facet.field], Values), facet.field
    assert set(FACET_VALUES) == {f.name for f in FACETS if not f.found}
    assert [f.name for f in FACETS if f.found] == ["speaker"]


def test_only_source_and_author_count_unknown_values():
    assert UNKNOWN_FACETS == ("source", "author")


def _search_options():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return {o: a for a in sub.choices["search"]._actions for o in a.option_strings}


@pytest.mark.parametrize("facet", FACETS, ids=FACET_NAMES)
def test_every_facet_flag_has_help_type_and_placeholder(facet):
    action = _search_options()[facet.flag]
    assert action.help == facet.help and len(action.help) > 20
    assert action.type is facet.value
    assert action.metavar == ("YYYY" if facet.name == "year" else "NAME")


def test_the_folder_flag_says_what_it_takes(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["search", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--folder NAME only files of this searched folder" in out


def test_a_search_is_described_with_each_groups_mode_and_title():
    """History and saved searches read as text: a group with a mode says "and"/"or" as
    chosen (else the default), one without says "or"; a number follows its title."""
    from searchapp.model import describe_search

    filters = {"persons": ["A", "B"], "person_mode": "any", "places": ["X", "Y"],
               "sources": ["S", "T"], "years": [2023], "exclude": {"person": ["Z"]}}
    assert describe_search("summit", filters) == \
        "summit — Person: A or B, Place: X and Y, Source: S or T, Year 2023, not Person: Z"
    assert describe_search("", {"places": ["X", "Y"]}, default_mode="any").endswith(
        "Place: X or Y")
