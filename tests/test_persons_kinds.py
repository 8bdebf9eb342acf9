"""Firms named with what kind of firm they are, towns the model calls persons, software
after "in", abbreviated compass words in places, Chinese names in native script.

Round five of issue 33's error classes, each written as a general case with invented
names: the model's spans are given as raw mentions (what the recognizer stores), so the
rules are tested on exactly the input they get.
"""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection, persons_of, places_of

# --- a kind of firm or thing named before the name ---------------------------------------

@pytest.mark.parametrize("paras,span", [
    # a firm's kind right before it: firms speak too, nothing only a person has
    ([("The insurer Halbrook Vance said on Monday that profit fell by a third.",
       [("Halbrook Vance", "PERSON")]),
      ("Halbrook Vance paid out more than it had set aside.", [("Halbrook Vance", "PERSON")])],
     "Halbrook Vance"),
    ([("Tessa Morn, who follows the sector at the bank Corwin Lisle, kept her rating.",
       [("Tessa Morn", "PERSON"), ("Corwin Lisle", "PERSON")])], "Corwin Lisle"),
    ([("The bakery leased a second oven line from the equipment maker Tarrant Oake.",
       [("Tarrant Oake", "PERSON")])], "Tarrant Oake"),
    ([("The tanker Silver Meridian ran aground off the coast on Tuesday.",
       [("Silver Meridian", "PERSON")])], "Silver Meridian"),
    # an apposition before it naming a thing, closed after it
    ([("Brushlane costs a third of what we paid, and the company behind it, Dorrit Vael, "
       "ships updates every month.", [("Dorrit Vael", "PERSON")])], "Dorrit Vael"),
    # an apposition after it naming a firm and where it is registered
    ([("The vessel is owned by Rusk Farrow, a shipping company registered in Malta.",
       [("Rusk Farrow", "PERSON")])], "Rusk Farrow"),
    # where a person works
    ([("Wilma Stroud, a partner at Hargate Rudd, will join the board.",
       [("Wilma Stroud", "PERSON"), ("Hargate Rudd", "PERSON")])], "Hargate Rudd"),
    # its apposition names what it is with its own last word
    ([("The corn is milled by Hollin Mill, a small mill in southern Wisconsin.",
       [("Hollin Mill", "PERSON")])], "Hollin Mill"),
    # a role word that names a kind of firm here: it takes "which"
    ([("The developer Wexley Brand, which bought the site in 2022, will build 340 flats.",
       [("Wexley Brand", "PERSON")])], "Wexley Brand"),
])
def test_a_firm_or_ship_named_with_its_kind_is_no_person(paras, span):
    docs, raw = collection([*paras, (FILLER, [])])
    found = find_persons(docs, raw)
    assert span not in found.persons
    assert span in found.rejected


@pytest.mark.parametrize("paras,span", [
    # the word right before the name is a person's role, not the firm's kind
    ([("The company chairman Ivo Petrak said the plant would stay open.",
       [("Ivo Petrak", "PERSON")])], "Ivo Petrak"),
    ([("The company founder, Mirela Stanek, said she would stay on.",
       [("Mirela Stanek", "PERSON")])], "Mirela Stanek"),
    # a role word that names a person here: who, his, her
    ([("The developer Anita Rosko, who wrote the app alone, said she was surprised.",
       [("Anita Rosko", "PERSON")])], "Anita Rosko"),
    ([("The architect Pellam Voss, whose practice designed the scheme, defended it.",
       [("Pellam Voss", "PERSON")]),
      ("Voss said the towers had been stepped back from the river.", [("Voss", "PERSON")])],
     "Pellam Voss"),
    # a person's relative clause after the firm's kind
    ([("She joined the studio Odran Lusk founded in 2011.", [("Odran Lusk", "PERSON")])],
     "Odran Lusk"),
    # a kind of firm before the name, and something only a person has
    ([("The insurer's new chief, Odile Brand, said premiums would rise.",
       [("Odile Brand", "PERSON")])], "Odile Brand"),
])
def test_a_person_after_a_firms_word_stays_a_person(paras, span):
    docs, raw = collection([*paras, (FILLER, [])])
    found = find_persons(docs, raw)
    assert span in found.persons


# --- towns the model calls persons -------------------------------------------------------

def test_a_town_written_only_after_a_preposition_of_place_is_no_person():
    docs, raw = collection([
        ("The fire spread from Monfalim towards Santo Amaro da Serra on Sunday.",
         [("Monfalim", "GPE"), ("Santo Amaro da Serra", "PERSON")]),
        ("Residents of Vila Serrana were taken to a sports hall in Vila Alta.",
         [("Vila", "GPE"), ("Vila Alta", "GPE")]),
        ("\u201cWe watched the smoke all afternoon from Vila Serrana,\u201d a baker said.",
         [("Vila Serrana", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Santo Amaro da Serra" not in found.persons
    assert "Vila Serrana" not in found.persons
    assert "preposition of place" in found.rejected["Vila Serrana"]


def test_a_person_after_from_or_in_stays_a_person():
    docs, raw = collection([
        # a range of persons, nothing that says place
        ("It has hosted everyone from Dorian Vask to Mabel Orrin.",
         [("Dorian Vask", "PERSON"), ("Mabel Orrin", "PERSON")]),
        # a letter from a person, who is quoted later
        ("A letter from Inês Carvalho da Ponte arrived on Monday.",
         [("Inês Carvalho da Ponte", "PERSON")]),
        ("\u201cI waited a year,\u201d she said. Ponte, 61, lives alone.", [("Ponte", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert {"Dorian Vask", "Mabel Orrin", "Inês Carvalho da Ponte"} <= set(found.persons)


# --- software after "in" -----------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("Our notes are kept in Quillpad, an encrypted notebook app.", "Quillpad"),
    ("She keeps a copy of every file in Vaultmere, an encrypted storage service.",
     "Vaultmere"),
])
def test_software_after_in_is_no_place(text, span):
    docs, raw = collection([(text, [(span, "GPE")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert span not in places_of(found, docs[0])


def test_a_town_after_in_with_a_noun_after_it_stays_a_place():
    docs, raw = collection([
        ("The mill in Hartsford, a town of 9,000 people, closed in May.",
         [("Hartsford", "GPE")]),
        ("Workers in Hartsford protested on Monday.", [("Hartsford", "GPE")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Hartsford" in places_of(found, docs[0])


# --- abbreviated compass words -----------------------------------------------------------

def test_an_abbreviated_compass_word_is_the_same_place():
    docs, raw = collection(
        [("Suppliers in S. Korea are rewriting forecasts.", [("S. Korea", "GPE")]),
         ("Orders from N. Ireland slowed.", [("N. Ireland", "GPE")]),
         (FILLER, [])],
        [("Exports from South Korea rose in May.", [("South Korea", "GPE")]),
         ("Ferries to Northern Ireland were cancelled.", [("Northern Ireland", "GPE")]),
         (FILLER, [])],
    )
    found = find_persons(docs, raw)
    assert places_of(found, docs[0]) == {"South Korea", "Northern Ireland"}
    assert places_of(found, docs[1]) == {"South Korea", "Northern Ireland"}


def test_an_abbreviation_never_written_in_full_stays_as_written():
    docs, raw = collection([("Exports from S. Gavora rose.", [("S. Gavora", "GPE")]),
                            ("Ferries from West Gavora ran late.", [("West Gavora", "GPE")]),
                            (FILLER, [])])
    found = find_persons(docs, raw)
    assert places_of(found, docs[0]) == {"S. Gavora", "West Gavora"}


# --- Chinese names in native script ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "张伟明 told reporters that exports had slowed.",
    "The bank's analyst 张伟明 expects a cut.",
    "张伟明 contributed reporting from Shenzhen.",
    "张伟明表示，出口放缓。",
])
def test_a_chinese_name_where_a_name_stands_links_to_its_romanized_person(text):
    docs, raw = collection([
        ("Zhang Weiming, an analyst at a bank in Shanghai, said prices would rise.",
         [("Zhang Weiming", "PERSON"), ("Shanghai", "GPE")]),
        (text, []),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Zhang Weiming" in found.paragraph_persons(docs[0].paragraphs[1][0])


def test_a_chinese_name_standing_as_no_name_is_not_linked():
    docs, raw = collection([
        ("Zhang Weiming, an analyst at a bank in Shanghai, said prices would rise.",
         [("Zhang Weiming", "PERSON"), ("Shanghai", "GPE")]),
        (FILLER, []),
    ], [
        ("Prices at 张伟明 were high this year.", []),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert persons_of(found, docs[1]) == set()

