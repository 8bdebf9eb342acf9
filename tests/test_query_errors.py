"""A query the language cannot mean is one readable line saying what is wrong and what
is accepted (a :class:`QueryError`, exit code 2 from ``searchapp search``), never "nothing
to search for" or a silent search for something else."""

from __future__ import annotations

import pytest

from searchapp.errors import QueryError
from searchapp.index.schema import make_schema
from searchapp.ingest.entities import Registry
from searchapp.search.query import QueryBuilder

BUILDER = QueryBuilder(make_schema(), Registry([], []))


def _error(query: str) -> str:
    with pytest.raises(QueryError) as err:
        BUILDER.parse(query)
    message = str(err.value)
    assert "\n" not in message and "Nothing to search for" not in message
    return message


@pytest.mark.parametrize("query", ["year:abcd", "year:20x4", "year:[2020 TO abc]",
                                   "year:>abc", "year:2024~", "summit year:(2024 OR x)"])
def test_a_year_that_is_no_number_says_what_a_year_takes(query):
    message = _error(query)
    assert "is not a year" in message and "year:2023" in message \
        and "year:[2020 TO 2024]" in message


@pytest.mark.parametrize("query", ["year:2024", "year:>2020", "year:>=2020", "year:<2025",
                                   "year:[2020 TO 2024]", "year:[2020 to]", "year:[TO 2020]",
                                   "year:(2023 OR 2024)", 'year:"2024"', "(summit year:2024)"])
def test_the_years_the_language_takes_still_parse(query):
    assert BUILDER.parse(query).query is not None


@pytest.mark.parametrize("query,word", [("F-35~5", "F-35"), ("F-35~", "F-35"),
                                        ("body:Jong-un~1", "Jong-un"), ("-e-mail~2", "e-mail")])
def test_fuzzy_on_a_hyphenated_word_says_it_takes_a_single_word(query, word):
    message = _error(query)
    assert f"'{word}~" in message and "takes a single word" in message \
        and f"search {word} without ~" in message


@pytest.mark.parametrize("query,after", [("grain~x", "x"), ("grain~-1", "-1"),
                                         ("grain~2/x", "2/x")])
def test_a_word_tilde_without_a_distance_says_what_it_takes(query, after):
    message = _error(query)
    assert f"not '{after}'" in message and "grain~2" in message


@pytest.mark.parametrize("query", ['"grain talks"~x', '"grain talks"~0', '"grain talks"~'])
def test_a_phrase_tilde_without_a_number_says_what_it_takes(query):
    message = _error(query)
    assert "~ after a phrase takes" in message and '"grain talks"~3' in message


@pytest.mark.parametrize("query", ["grain~", "grain~2", "grain~1/2", '"grain talks"~3',
                                   '"about ~5 percent"', "Pyongyng~2 summit",
                                   "example.com/~ann"])
def test_the_tildes_the_language_takes_still_parse(query):
    assert BUILDER.parse(query).query is not None


@pytest.mark.parametrize("query,why", [("date:2024-13-01", "there is no month 13"),
                                       ("date:2024-02-30", "February 2024 has no day 30"),
                                       ("date:[2024-01-01 TO 2024-04-31]",
                                        "April 2024 has no day 31")])
def test_a_date_that_does_not_exist_says_why_and_what_is_written(query, why):
    message = _error(query)
    assert why in message and "write YYYY, YYYY-MM or YYYY-MM-DD" in message


@pytest.mark.parametrize("query", ["person:", 'person:""', "said:", "person: Okonkwo"])
def test_an_empty_person_field_says_it_needs_a_value(query):
    assert "needs a value right after the colon" in _error(query)
