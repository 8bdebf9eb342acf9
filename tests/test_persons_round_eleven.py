"""Round eleven of issue 33: a word the page drops when it names the person again.

A form of address of any language glued to a given name ("T G") is told by the page
itself: it names the same given name in a full name "G F", writes G by itself and F by
itself too, and never writes T alone.  No list of the words.  Every name is invented; the
model's spans are given as raw mentions.  The guards (a family name alone after a full
name, a given name that is another person's family name, one name in two orders, a firm
named for a family) pass before and after the change.
"""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection

# (form of address, given name, family name): Georgian, Greek, Romanian, Somali, Amharic
ADDRESSED = [("Batono", "Levan", "Kordzaia"), ("Kyria", "Sofronia", "Vlachaki"),
             ("Doamna", "Ilinca", "Popârlan"), ("Hooyo", "Ubax", "Warsame"),
             ("Weyzero", "Tsehaytu", "Woldegiorgis")]


@pytest.mark.parametrize("title,given,family", ADDRESSED)
def test_a_word_the_page_drops_before_a_given_name_is_a_form_of_address(title, given, family):
    docs, raw = collection([
        (f"The ferry is run by {given} {family}, who bought it in 2009. {title} {given}, as "
         f"the crew call her, said the fares would stay. {family}'s deputy agreed.",
         [(f"{given} {family}", "PERSON"), (f"{title} {given}", "PERSON"),
          (family, "PERSON")]),
        (f"{given} said the winter had been hard.", [(given, "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert f"{title} {given}" not in found.persons
    assert f"{given} {family}" in found.persons


def test_a_given_name_then_the_family_name_alone_stays_a_name():
    docs, raw = collection([
        ("Orla Quennell runs the mill. Quennell said prices fell. Orla Brisk, her partner, "
         "disagreed. Brisk said nothing more.",
         [("Orla Quennell", "PERSON"), ("Quennell", "PERSON"), ("Orla Brisk", "PERSON"),
          ("Brisk", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert {"Orla Quennell", "Orla Brisk"} <= set(found.persons)


def test_a_family_name_that_is_anothers_given_name_stays_without_the_given_name_alone():
    docs, raw = collection([
        ("Marisol Tavin chairs the board. Tavin Okoro, the treasurer, said the books were "
         "in order. Okoro left at noon.",
         [("Marisol Tavin", "PERSON"), ("Tavin Okoro", "PERSON"), ("Okoro", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert {"Marisol Tavin", "Tavin Okoro"} <= set(found.persons)


def test_one_name_in_two_orders_is_no_form_of_address():
    docs, raw = collection([
        ("Hanabusa Rieko (英理子) founded the label and is known abroad as Rieko Hanabusa. "
         "Hanabusa said the wool came from Mongolia. Rieko smiled.",
         [("Hanabusa Rieko", "PERSON"), ("Rieko Hanabusa", "PERSON"),
          ("Hanabusa", "PERSON"), ("Rieko", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert any("Rieko" in n and "Hanabusa" in n for n in found.persons)
    assert not any(n == "Hanabusa" for n in found.persons)


def test_a_firm_named_for_a_family_takes_no_given_name_off():
    docs, raw = collection([
        ("The lot went to Daiki Morozumi of the roaster Morozumi Kohi. Morozumi said he "
         "tasted it blind. Kohi prices rose.",
         [("Daiki Morozumi", "PERSON"), ("Morozumi Kohi", "ORG"), ("Morozumi", "PERSON")]),
        (FILLER, []),
    ])
    assert "Daiki Morozumi" in find_persons(docs, raw).persons


def test_a_form_of_address_one_page_shows_is_cut_where_the_model_began_the_name_late():
    # round ten's "first word back" would take the title into the name on the second page
    docs, raw = collection([
        ("The line is run by Levan Kordzaia, who rebuilt it. Batono Levan, as the crew call "
         "him, said the fares would stay. Kordzaia's deputy agreed. Levan laughed.",
         [("Levan Kordzaia", "PERSON"), ("Batono Levan", "PERSON"), ("Kordzaia", "PERSON")]),
        (FILLER, []),
    ], [
        ("The night train left on time. Batono Nodar Gelashvili waved from the platform.",
         [("Nodar Gelashvili", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Nodar Gelashvili" in found.persons
    assert "Batono Nodar Gelashvili" not in found.persons


@pytest.mark.parametrize("title,given,family", [("Paron", "Vahe", "Ter-Sarkisyan"),
                                                 ("Kalbatono", "Nino", "Dadiani-Kvesi")])
def test_a_name_the_page_says_people_call_the_person_is_a_form_of_address(title, given, family):
    # neither the given name nor the family name is written alone: the page says it
    docs, raw = collection([
        (f"The bridge was rebuilt by {given} {family}, an engineer from Gyumri. {title} "
         f"{given}, as his crew call him, said the work took two years.",
         [(f"{given} {family}", "PERSON"), (f"{title} {given}", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert f"{title} {given}" not in found.persons
    assert f"{given} {family}" in found.persons


def test_a_word_after_a_form_of_address_is_no_place_where_the_model_says_so():
    docs, raw = collection([
        ("Almaz Tekle Haile grows coffee near Yirga. Weyzero Almaz, as neighbours call her, "
         "sold her lot. Almaz said the price was fair.",
         [("Almaz", "GPE"), ("Tekle Haile", "PERSON"), ("Yirga", "GPE"),
          ("Weyzero Almaz", "PERSON"), ("Almaz", "GPE")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Weyzero Almaz" not in found.persons
    places = {m.name for ms in found.mentions.values() for m in ms if m.kind == "place"}
    assert "Almaz" not in places


def test_a_first_word_the_page_writes_alone_is_no_form_of_address():
    # "Kwabena Asante", as pupils call him, beside "Asante Boateng": "Kwabena" stands alone
    docs, raw = collection([
        ("The school is run by Asante Boateng's nephew. Kwabena Asante, as pupils call him, "
         "said fees would stay. Kwabena laughed. Asante Boateng agreed; Boateng paid.",
         [("Kwabena Asante", "PERSON"), ("Kwabena", "PERSON"), ("Asante Boateng", "PERSON"),
          ("Boateng", "PERSON")]),
        (FILLER, []),
    ])
    assert "Kwabena Asante" in find_persons(docs, raw).persons
