"""Names in the lines of wire and live-blog copy: a staff credit names reporters and
editors, not persons of the story ("(Reporting by A in Nairobi; Editing by C and D)"); a
name after a party's or country's possessive is a person ("Labour’s Pat McFadden").
Invented names; the model's spans are given as raw mentions (what the recognizer
stores)."""

from __future__ import annotations

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection, persons_of

CREDIT = ("(Reporting by Odhiambo Kerubo in Nairobi; Additional reporting by Lisette Marrow; "
          "Editing by Garvan Tolley and Imre Haskell)")


def test_the_names_of_a_staff_credit_are_no_persons_the_story_s_are():
    docs, raw = collection([
        ("Finance Minister Wanjiru Matheka said the bill would pass.",
         [("Wanjiru Matheka", "PERSON")]),
        (CREDIT, [(n, "PERSON") for n in ("Odhiambo Kerubo", "Nairobi", "Lisette Marrow",
                                           "Garvan Tolley", "Imre Haskell")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert persons_of(found, docs[0]) == {"Wanjiru Matheka"}


def test_reporting_by_in_a_sentence_is_no_credit():
    """"Reporting by the Herald found that Minister X ..." names X as a person."""
    docs, raw = collection([
        ("Reporting by the Herald found that Minister Ossian Prell misled the house.",
         [("Ossian Prell", "PERSON")]),
        ("Prell denied it on Monday, and Ossian Prell resigned a week later.",
         [("Prell", "PERSON"), ("Ossian Prell", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Ossian Prell" in persons_of(found, docs[0])


def test_a_name_after_a_party_or_country_possessive_is_the_person():
    """"Labour’s Pat McFadden", "Britain’s Keir Starmer": the model's span runs from
    the possessor; the name it owns is the person (the possessor alone is kept too, as
    in "Kim Jong-un’s Visit" -> Kim Jong-un)."""
    docs, raw = collection([
        ("01:12 — Labour’s Pat McFadden concedes it has been a difficult night.",
         [("Labour’s Pat McFadden", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Pat McFadden" in persons_of(found, docs[0])


def test_a_name_inside_a_long_name_alone_later_in_the_article_is_that_person():
    """"Lula" after "Luiz Inácio Lula da Silva": the short name a person goes by, an
    inner word of the full name, is them in the same article (not left unresolved)."""
    docs, raw = collection([
        ("President Luiz Inácio Lula da Silva arrived in Belém on Monday.",
         [("Luiz Inácio Lula da Silva", "PERSON"), ("Belém", "GPE")]),
        ("“The forest is worth more standing than felled,” Lula said at the palace.",
         [("Lula", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert found.paragraph_persons("d0p1") == ["Luiz Inácio Lula da Silva"]


def test_a_dateline_place_in_capitals_is_listed_as_its_name_is_written():
    """"MUSCAT, March 3 (Reuters) —" where the collection never writes "Muscat": the
    Place facet lists Muscat, not the dateline's capitals; an acronym elsewhere stays."""
    from tests.test_persons_trust import places_of

    docs, raw = collection(
        [("MUSCAT, March 3 (Reuters) — Oman said on Monday it would host talks in Oman.",
          [("MUSCAT", "GPE"), ("Oman", "GPE"), ("Oman", "GPE")]),
         ("Delegates from Iran flew to Oman on Sunday.", [("Iran", "GPE"), ("Oman", "GPE")]),
         (FILLER, [])],
        [("MUSCAT, March 4 (Reuters) — Iran said talks would go on.",
          [("MUSCAT", "GPE"), ("Iran", "GPE")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert "Muscat" in places_of(found, docs[1]) and "MUSCAT" not in places_of(found, docs[0])


def test_a_credit_of_capitals_followed_by_anything_is_read_at_once():
    """A run of capitals after "Editing by" once made the credit pattern try every way of
    splitting it into words (seconds at 22 letters, hours at 40); it is one word."""
    from searchapp.ingest.persons.rules import is_credit

    text = "(Editing by " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 6 + " ~ Ann Lee"
    assert not is_credit(text, len(text) - 7, len(text))
