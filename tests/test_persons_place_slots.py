"""Words the model types a place that stand in a person's or a people's slot (issue 33,
places round twelve): a given name of a person of the page, a father's name after
"binti", a person with an age or a relative, a people ("an X farmer"), a language or a
script ("(… in X)").  A word the collection writes in a place's slot stays a place.
Invented names and places throughout."""

from __future__ import annotations

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection, places_of


def _places(*docs):
    docs, raw = collection(*docs)
    found = find_persons(docs, raw)
    return set().union(*(places_of(found, d) for d in docs))


def test_a_given_name_of_a_person_of_the_page_is_no_place():
    places = _places([
        ("Hallen buys through a trader in Dorvansk, Tarvel Oskanbaiuly, who pays in cash.",
         [("Hallen", "ORG"), ("Dorvansk", "GPE"), ("Tarvel Oskanbaiuly", "PERSON")]),
        # (a form of address joined by a hyphen: "Tarvel-aga", as "X-san", "X-bhai")
        ("The fishermen of Dorvansk call him Tarvel-aga, since he married in Aralby.",
         [("Dorvansk", "GPE"), ("Tarvel", "GPE"), ("Aralby", "GPE")]),
        (FILLER, [])])
    assert "Tarvel" not in places
    assert {"Dorvansk", "Aralby"} <= places


def test_a_fathers_name_after_binti_is_no_place():
    places = _places([
        ("He learned from a kite maker from Pelantan whose full name was Nur Halisa binti "
         "Kamarol.", [("Pelantan", "GPE"), ("Nur Halisa", "PERSON"), ("Kamarol", "GPE")]),
        (FILLER, [])])
    assert "Kamarol" not in places
    assert "Pelantan" in places


def test_a_name_with_an_age_or_a_relative_is_no_place():
    places = _places([
        ("His son, Ostravo Menikos, owns the ferry now.", [("Ostravo Menikos", "GPE")]),
        ("Ostravo Menikos, 71, said he had sailed to Karvessa since he was a boy.",
         [("Ostravo Menikos", "GPE"), ("Karvessa", "GPE")]),
        ("The orchard's best tree is named after Velmira's grandmother, who came from "
         "Tarnopal.", [("Velmira", "GPE"), ("Tarnopal", "GPE")]),
        ("Buyers in Tarnopal say Velmira never cuts a tree.", [("Tarnopal", "GPE"),
                                                               ("Velmira", "GPE")]),
        (FILLER, [])])
    assert not places & {"Ostravo Menikos", "Velmira"}
    assert {"Karvessa", "Tarnopal"} <= places


def test_a_people_is_no_place():
    places = _places([
        ("Ulumbe Tasso, 63, a farmer of Kessel, says the Orvathi people have lost half "
         "of their fields.",
         [("Ulumbe Tasso", "PERSON"), ("Orvathi", "GPE"), ("Kessel", "GPE")]),
        ("The bride, of Orvathi descent, runs a loom in Kessel.",
         [("Orvathi", "GPE"), ("Kessel", "GPE")]),
        (FILLER, [])])
    assert "Orvathi" not in places
    assert "Kessel" in places


def test_a_place_qualifying_a_role_or_a_trade_stays_a_place():
    """"The Florida governor", "Gaza fishermen", "Texas families": a place qualifies roles,
    relatives and trades as a people does; a small collection may write it no other way."""
    places = _places([
        ("The Florida governor, Ulumbe Tasso, signed the bill in Tallahassee.",
         [("Florida", "GPE"), ("Ulumbe Tasso", "PERSON"), ("Tallahassee", "GPE")]),
        (FILLER, [])])
    assert "Florida" in places


def test_a_script_or_a_language_is_no_place():
    places = _places([
        ("Itra Ousselm (ⵉⵜⵔⴰ ⵓⵙⵙⴻⵍⵎ in Tamazrit) learned to read at forty in Tafrouk.",
         [("Itra Ousselm", "PERSON"), ("Tamazrit", "GPE"), ("Tafrouk", "GPE")]),
        ("The elders of Tafrouk speak Quenhaz, and the signs are Quenhaz-speaking too.",
         [("Tafrouk", "GPE"), ("Quenhaz", "GPE"), ("Quenhaz", "GPE")]),
        (FILLER, [])])
    assert not places & {"Tamazrit", "Quenhaz"}
    assert "Tafrouk" in places


def test_a_family_in_the_plural_and_a_name_with_a_joined_address_are_no_places():
    places = _places([
        ("Sokha Vannak and her cousin Sokha Dara run the last loom in Prey Kdam.",
         [("Sokha Vannak", "PERSON"), ("Sokha Dara", "PERSON"), ("Prey Kdam", "GPE")]),
        ("The two Sokhas have collected 900 signatures in Prey Kdam and Kampong Rolous.",
         [("Sokhas", "GPE"), ("Prey Kdam", "GPE"), ("Kampong Rolous", "GPE")]),
        ("His son Harunul Kabir Sheikh, known on the ghat as Harun-bhai, skippers the boat "
         "to Chandrapur.", [("Harunul Kabir Sheikh", "PERSON"), ("Harun", "GPE"),
                            ("Chandrapur", "GPE")]),
        ("By evening Harun-bhai was at the wheel again.", [("Harun", "GPE")]),
        (FILLER, [])])
    assert not places & {"Sokhas", "Harun"}
    assert {"Prey Kdam", "Kampong Rolous", "Chandrapur"} <= places


def test_the_last_word_of_a_longer_name_the_model_left_untyped_is_no_place():
    places = _places([
        ("The ministry in Tarvand has promised credits. Mohandes Farhad Kelvanir, its "
         "deputy, said it would buy part of the crop.", [("Tarvand", "GPE"),
                                                          ("Kelvanir", "GPE")]),
        ("Kelvanir did not say at what price, growers in Tarvand said.",
         [("Kelvanir", "GPE"), ("Tarvand", "GPE")]),
        (FILLER, [])])
    assert "Kelvanir" not in places
    assert "Tarvand" in places


# Guards: the same words in a place's slot, or what a place holds as often as a people.

def test_a_town_a_person_of_another_page_is_named_for_stays_a_place():
    places = _places(
        [("Marlow Kestrane said the river rose overnight.", [("Marlow Kestrane", "PERSON")]),
         (FILLER, [])],
        [("Floods hit homes in Marlow on Monday, and the mayor of Marlow asked for help.",
          [("Marlow", "GPE"), ("Marlow", "GPE")]),
         (FILLER, [])])
    assert "Marlow" in places


def test_a_town_qualifying_its_people_stays_a_place_where_written_in_a_places_slot():
    places = _places([
        ("A Kessbury farmer, Ann Velde, 52, said the rain came late.",
         [("Kessbury", "GPE"), ("Ann Velde", "PERSON")]),
        ("Prices in Kessbury fell.", [("Kessbury", "GPE")]),
        ("Two Brandvik residents and a trader from Aldmoor signed the letter.",
         [("Brandvik", "GPE"), ("Aldmoor", "GPE")]),
        (FILLER, [])])
    assert {"Kessbury", "Brandvik", "Aldmoor"} <= places


def test_a_place_after_a_word_the_model_types_itself_stays_a_place():
    places = _places([
        ("The ferry sank off Vandoro, and the inquiry sat in Calvash, the capital of "
         "Oriental Vandoro.", [("Vandoro", "GPE"), ("Calvash", "GPE"), ("Oriental", "NORP"),
                               ("Vandoro", "GPE")]),
        (FILLER, [])])
    assert {"Vandoro", "Calvash"} <= places
