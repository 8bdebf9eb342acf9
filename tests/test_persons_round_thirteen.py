"""Round thirteen of issue 33: where a name begins, and what a cut title leaves.

* A form of address cut from a name by the collection's evidence ("Matua" before "Hemi
  Tane Rangi", written "Hemi" alone after) is a title, so the capitalized word before the
  rest is no sign that the rest is the tail of a longer name: the person is kept.
* The model began a name at its patronymic link ("bin Rashid Al-Nuaimi"): the person's
  own given name stands before the link, the name is "Khalid bin Rashid Al-Nuaimi", not
  the father's.
* The model began a name a word late after a form of address ("Dasho" + "Karma" +
  "Pelden Dorji"): the given name belongs to the name.
* A given name and patronymic (Russian "Yekaterina Andreyevna"), or two given names,
  written beside the full name in one article are that person, not a second one --
  unless two full names of the article begin so.

Every name is invented; the model's spans are given as raw mentions.
"""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.names import cluster_spellings
from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection

# (a form of address the lexicon shares with names, the full name after it, its given name)
SHARED_CUT = [("Matua", "Hemi Tane Rangi", "Hemi"), ("Ato", "Bekele Worku Alemu", "Bekele"),
              ("Sri", "Wulan Ayu Kartika", "Wulan")]


@pytest.mark.parametrize("title,name,given", SHARED_CUT)
def test_a_shared_title_cut_leaves_the_rest_a_person(title, name, given):
    docs, raw = collection([
        (f"The school is run by {title} {name}, 70.", [(f"{title} {name}", "PERSON")]),
        (f"{given}, as the pupils call this teacher, learned the craft from an aunt.",
         [(given, "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert name in found.persons
    assert f"{title} {name}" not in found.persons


# (what stands before, the person's given name, the link, the father's and family names)
PATRONYMIC = [("Sheikh ", "Khalid", "bin", "Rashid Al-Nuaimi"),
              ("Puan ", "Aisyah", "binti", "Hamzah Yusof"),
              ("", "Mohamed", "ould", "Ahmed Salem")]


@pytest.mark.parametrize("before,given,link,father", PATRONYMIC)
def test_a_name_the_model_began_at_its_patronymic_link_begins_with_the_given_name(
        before, given, link, father):
    docs, raw = collection([
        (f"The grove belongs to {before}{given} {link} {father}, whose family has tapped "
         f"it for a century.", [(f"{link} {father}", "PERSON")]),
        (f'"The trees need rest," {given} said.', [(given, "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert f"{given} {link} {father}" in found.persons
    assert father not in found.persons


def test_a_name_begun_a_word_late_after_a_form_of_address_keeps_its_given_name():
    docs, raw = collection([
        ("The district governor, Dasho Karma Pelden Dorji, blamed the warm winter.",
         [("Pelden Dorji", "PERSON")]),
        ("Dorji said the harvest would be limited.", [("Dorji", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Karma Pelden Dorji" in found.persons
    assert "Pelden Dorji" not in found.persons


def test_a_given_name_and_patronymic_beside_the_full_name_are_one_person():
    docs, raw = collection([
        ("The mill is run by Yekaterina Andreyevna Volkova, who took it over in 2019.",
         [("Yekaterina Andreyevna Volkova", "PERSON")]),
        ('Volkova said the grain came late. "Yekaterina Andreyevna checks every sack," a '
         "loader said.", [("Volkova", "PERSON"), ("Yekaterina Andreyevna", "PERSON")]),
        ("Her deputy, Dmitry Sergeyevich Orlov, disagreed.",
         [("Dmitry Sergeyevich Orlov", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Yekaterina Andreyevna" not in found.persons
    assert "Yekaterina Andreyevna" in found.persons["Yekaterina Andreyevna Volkova"]
    assert "Dmitry Sergeyevich Orlov" in found.persons


def test_a_person_mostly_called_by_the_first_words_is_listed_under_the_name_written_out():
    counts = {"Oleg Petrovich": 3, "Oleg Petrovich Zaitsev": 1, "Anna Roe": 4,
              "Anna Roe Jr.": 1}
    docs = {name: {"bakery"} for name in counts}
    groups, reasons = cluster_spellings(counts, docs)
    assert groups["Oleg Petrovich Zaitsev"] == ["Oleg Petrovich Zaitsev", "Oleg Petrovich"]
    assert reasons["Oleg Petrovich"] == "same article"
    assert "Anna Roe" in groups  # a generational suffix is another person, not the name written out


def test_two_persons_beginning_alike_keep_a_short_name_apart():
    # "Ana Lucia" begins two full names of the article: no telling whose it is
    docs, raw = collection([
        ("Ana Lucia Ferreira and her cousin Ana Lucia Prado run the stall. Ana Lucia "
         "keeps the books.", [("Ana Lucia Ferreira", "PERSON"), ("Ana Lucia Prado", "PERSON"),
                              ("Ana Lucia", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert {"Ana Lucia Ferreira", "Ana Lucia Prado"} <= set(found.persons)
    assert "Ana Lucia" not in found.persons.get("Ana Lucia Ferreira", [])
    assert "Ana Lucia" not in found.persons.get("Ana Lucia Prado", [])


def test_a_word_glued_before_a_title_does_not_make_the_title_a_name_word():
    # '"Tell Ko Aung ..."' opens a sentence: "Ko" there is no word inside another name
    docs, raw = collection([
        ("Their son, Ko Aung Min Naing, 31, clears the weed with a rake.",
         [("Ko Aung Min Naing", "PERSON")]),
        ("The lake is warm. Aung Min Naing said the weed grows faster.",
         [("Min Naing", "PERSON")]),
        ('In the evening the father poled home. "Tell Ko Aung the rake is broken," he '
         "called.", [("Tell Ko Aung", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Aung Min Naing" in found.persons
    assert "Ko Aung Min Naing" not in found.persons


# (a word before a name the page also writes without it, its given and family names alone)
def test_a_word_the_page_drops_from_a_name_in_every_way_is_a_form_of_address():
    docs, raw = collection([
        ("The guild is led by Gando Seydou Traore, 68, whose family has led it for "
         "generations.", [("Gando Seydou Traore", "PERSON")]),
        ('"Seydou decides," said a mason. By noon Seydou Traore said the walls were done. '
         "The younger Traore agreed.", [("Seydou", "PERSON"), ("Seydou Traore", "PERSON"),
                                        ("Traore", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Seydou Traore" in found.persons
    assert "Gando Seydou Traore" not in found.persons


def test_a_double_family_name_written_whole_keeps_the_given_name():
    docs, raw = collection([
        ("The novel was written by Gabriel Roa Pineda in 1967.",
         [("Gabriel Roa Pineda", "PERSON")]),
        ("Roa Pineda said he wrote it in a year. Roa kept the drafts.",
         [("Roa Pineda", "PERSON"), ("Roa", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Gabriel Roa Pineda" in found.persons


# (what the page says of the name: what people call the person)
CALLED = ['Papa Lukeni, as the rumba world called him, wrote 300 songs.',
          'Papa Lukeni, as the town knew him, wrote 300 songs.',
          'He wrote 300 songs and was known as Papa Lukeni in every bar of the city.']


@pytest.mark.parametrize("said", CALLED)
def test_a_shared_form_of_address_the_page_says_people_call_the_person_is_cut(said):
    docs, raw = collection([
        (f"The founder, Mbala Lukeni Ndongo, died in March at 81. {said}",
         [("Mbala Lukeni Ndongo", "PERSON"), ("Papa Lukeni", "PERSON")]),
        ('"His son plays as Papa played it," said the bassist. "Lukeni would laugh."',
         [("Papa", "PERSON"), ("Lukeni", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Papa Lukeni" not in found.persons
    assert "Mbala Lukeni Ndongo" in found.persons


def test_a_portuguese_family_name_written_whole_and_by_halves_keeps_the_given_name():
    docs, raw = collection([
        ("The co-op is run by Lucimara Bressan do Valle, who founded it in 2004.",
         [("Lucimara Bressan do Valle", "PERSON")]),
        ("Bressan do Valle said the price fell. Bressan sells to Santos; Valle, her "
         "husband's name, is on the sign.", [("Bressan do Valle", "PERSON"),
                                             ("Bressan", "PERSON"), ("Valle", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Lucimara Bressan do Valle" in found.persons


def test_a_name_people_call_someone_by_keeps_its_first_word_without_the_rest_alone():
    # "Nyar Odhiambo" (Luo "daughter of Odhiambo") is the name she goes by: "Odhiambo" is
    # never written alone, so "Nyar" is no title here
    docs, raw = collection([
        ("Their leader is Nyar Odhiambo, as the beach knows her: Akoth Ogutu, 52.",
         [("Nyar Odhiambo", "PERSON"), ("Akoth Ogutu", "PERSON")]),
        ('"Nyar Odhiambo sets the price," a buyer said.', [("Nyar Odhiambo", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Nyar Odhiambo" in found.persons


@pytest.mark.parametrize("title,honorific", [("Giani", "ji"), ("Chaudhry", "Sahib")])
def test_a_title_and_honorific_people_call_someone_by_make_the_title_a_form_of_address(
        title, honorific):
    docs, raw = collection([
        (f"Its head, {title} Harjeet Singh Mann, said the kitchen bought wheat on credit.",
         [(f"{title} Harjeet Singh Mann", "PERSON")]),
        (f"{title} {honorific}, as the village calls him, asked for help.",
         [(f"{title} {honorific}", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Harjeet Singh Mann" in found.persons


def test_a_fathers_name_ending_the_sons_in_a_family_article_stays_the_father():
    # an Arabic name's chain: "Karim Yusuf Haddad" is Karim, son of Yusuf Haddad
    docs, raw = collection([
        ("The press is run by Karim Yusuf Haddad, 49, and his son, Sami Haddad, 22.",
         [("Karim Yusuf Haddad", "PERSON"), ("Sami Haddad", "PERSON")]),
        ("It was founded in 1994 by Karim's late father, Hajj Yusuf Haddad.",
         [("Karim", "PERSON"), ("Hajj Yusuf Haddad", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert "Yusuf Haddad" not in found.persons.get("Karim Yusuf Haddad", [])


def test_a_father_whose_name_begins_his_sons_stays_apart():
    """Spanish names: the son "Juan Pérez García" carries his father's "Juan Pérez"; a
    page that writes the shorter name as someone's relative names the father."""
    docs, raw = collection([
        ("Juan Pérez García runs the bakery on the square.", [("Juan Pérez García", "PERSON")]),
        ("It was opened in 1979 by his father, Juan Pérez, who still bakes there.",
         [("Juan Pérez", "PERSON")]),
        ("Juan Pérez García said the ovens are old.", [("Juan Pérez García", "PERSON")]),
        ("Juan Pérez said the flour costs more each year.", [("Juan Pérez", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert found.persons["Juan Pérez"] == ["Juan Pérez"]
    assert found.persons["Juan Pérez García"] == ["Juan Pérez García"]


def test_a_weekday_before_a_patronymic_link_is_no_given_name():
    docs, raw = collection([
        ("Crown Prince Faisal bin Tariq Al-Harbi spoke to the envoys.",
         [("Faisal bin Tariq Al-Harbi", "PERSON")]),
        ("On Tuesday bin Tariq Al-Harbi met the envoys again.",
         [("bin Tariq Al-Harbi", "PERSON")]),
    ], [(FILLER, [])])
    found = find_persons(docs, raw)
    assert not any(name.startswith("Tuesday") for name in found.persons)
    assert "Faisal bin Tariq Al-Harbi" in found.persons


def test_a_first_given_name_the_person_does_not_go_by_is_no_form_of_address():
    docs, raw = collection([
        ("Ferdinand Thomas Kelly, who was known all his life as Thomas Kelly, died on "
         "Sunday at 91.", [("Ferdinand Thomas Kelly", "PERSON"), ("Thomas Kelly", "PERSON")]),
        ("Thomas grew up on a farm outside the town and left school at 14.",
         [("Thomas", "PERSON")]),
        ("Kelly later ran the hardware shop on the main street for forty years.",
         [("Kelly", "PERSON")]),
    ], [(FILLER, [])])
    assert "Ferdinand Thomas Kelly" in find_persons(docs, raw).persons
