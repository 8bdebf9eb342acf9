"""A found person's full spelling typed as plain text names that person in the query
(the query builder then also searches ``person:``), a native-script name only as a
word of its own, a single word never (a family name is also a word)."""

from __future__ import annotations

from searchapp.search.found import FoundPersons

FOUND = FoundPersons({
    "persons": [{"name": "Cho Tae-oh", "aliases": ["조태오", "Cho Tae Oh"]},
                {"name": "Ana Beatriz Lima", "aliases": ["Ana Lima"]}],
    "places": [], "paragraphs": {}})


def _named(query: str) -> list[tuple[str, str]]:
    return [(query[m.start:m.end], m.name) for m in FOUND.query_mentions(query)]


def test_a_full_spelling_names_the_person_wherever_it_stands():
    assert _named("Cho Tae-oh") == [("Cho Tae-oh", "Cho Tae-oh")]
    assert _named("cho tae oh summit") == [("cho tae oh", "Cho Tae-oh")]
    assert _named('tariffs AND "Ana Lima"') == [("Ana Lima", "Ana Beatriz Lima")]
    assert _named("조태오 발언") == [("조태오", "Cho Tae-oh")]


def test_a_single_word_or_a_part_of_a_longer_word_names_nobody():
    assert _named("Cho") == [] and _named("Lima") == []
    assert _named("Ana Limas") == [] and _named("조태오는") == []
