"""Round eight of issue 33: what a careful reader would have read, as general cases.

Each class is a kind of evidence, not a name: an apposition that says the name is a place;
a title of faith or honour before a name; a name the model cut before its last word; a
firm named by "her cooperative, X" or by its managing director; a place the model calls a
place, listed with places; a place whose apposition is another person's title and name.  Every name is invented; the model's spans
are given as raw mentions (what the recognizer stores), so the rules are tested on exactly
the input they get.
"""

from __future__ import annotations

import pytest

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection

# --- an apposition that names a place -----------------------------------------------------


@pytest.mark.parametrize("paras,span", [
    ([("The ministry approved the expansion of Vinh Ros, a small fishing port in the south, "
       "on Monday.", [("Vinh Ros", "PERSON")]),
      ("Fishermen from Vinh Ros have protested for months.", [("Vinh Ros", "PERSON")]),
      ("Analysts said Vinh Ros \"makes sense only with a railway\".", [("Vinh Ros", "PERSON")])],
     "Vinh Ros"),
    ([("\"The Ferrywoman of Con Tamar\", a novel by the writer Le Thi Hoa, has won the prize.",
       [("The Ferrywoman of Con Tamar", "WORK_OF_ART"), ("Le Thi Hoa", "PERSON")]),
      ("Le Thi Hoa will build a library in Con Tamar, the river island where the ferry once "
       "ran.", [("Le Thi Hoa", "PERSON"), ("Con Tamar", "PERSON")])], "Con Tamar"),
])
def test_a_name_an_apposition_calls_a_place_is_no_person(paras, span):
    docs, raw = collection([*paras, (FILLER, [])])
    found = find_persons(docs, raw)
    assert span not in found.persons


@pytest.mark.parametrize("text,span", [
    ("Orla Brennagh, the town's mayor, said the road would open in May.", "Orla Brennagh"),
    ("Orla Brennagh, the village elder, said the road would open in May.", "Orla Brennagh"),
])
def test_a_place_noun_before_a_role_is_a_persons_role(text, span):
    docs, raw = collection([(text, [(span, "PERSON")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert span in found.persons


# --- titles of faith and honour ------------------------------------------------------------


def test_a_title_of_faith_or_honour_is_no_word_of_the_name():
    docs, raw = collection([
        ("Their father, the cement trader Alhaji Musa Dankabo, said the family had paid. "
         "\"My children sat every exam,\" Dankabo said.",
         [("Alhaji Musa Dankabo", "PERSON"), ("Dankabo", "PERSON")]),
        ("Messages were read at the gate by Sister Brigid, as the picket calls Brigid "
         "Ni Fhlannain, to loud applause.",
         [("Sister Brigid", "PERSON"), ("Brigid Ni Fhlannain", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Musa Dankabo" in found.persons
    assert "Alhaji Musa Dankabo" not in found.persons
    assert "Sister Brigid" not in found.persons
    assert "Brigid Ni Fhlannain" in found.persons


# --- a name the model cut before its last word --------------------------------------------


@pytest.mark.parametrize("text,span,whole", [
    ("Her lead, Amadou Ag Intalla, spoke only Tamasheq on set.", "Amadou Ag", "Amadou Ag Intalla"),
    ("By Tran Thu Hoa · 22 October 2026", "Tran Thu", "Tran Thu Hoa"),
])
def test_a_name_cut_before_its_last_word_is_whole(text, span, whole):
    docs, raw = collection([(text, [(span, "PERSON")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert whole in found.persons
    assert span not in found.persons


@pytest.mark.parametrize("text,span", [
    ("The award went to Ann Roe Foundation, a charity in Leeds.", "Ann Roe"),
    ("The letter was signed by Ann Roe Jr. and two others.", "Ann Roe"),
    ("The prize went to Ann Roe Tuesday, the jury said.", "Ann Roe"),
    ("It was written by Ann Roe and read by Bo Lindqvist.", "Ann Roe"),
])
def test_a_name_does_not_grow_over_what_is_no_name(text, span):
    docs, raw = collection([(text, [(span, "PERSON")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert not any(n.startswith(span + " ") for n in found.persons)


# --- firms: her cooperative, X; X's managing director --------------------------------------


@pytest.mark.parametrize("paras,span", [
    ([("Her cooperative, Cooperativa Lina Soto, is named after the midwife who founded it.",
       [("Cooperativa Lina Soto", "PERSON")])], "Cooperativa Lina Soto"),
    ([("Much of the money passed through a tutoring agency called Marrow Pell Education.",
       [("Marrow Pell Education", "ORG")]),
      ("Marrow Pell's managing director, Kofi Adjei, said his firm had been deceived.",
       [("Marrow Pell", "PERSON"), ("Kofi Adjei", "PERSON")])], "Marrow Pell"),
])
def test_a_firm_named_by_its_kind_or_its_officer_is_no_person(paras, span):
    docs, raw = collection([*paras, (FILLER, [])])
    found = find_persons(docs, raw)
    assert span not in found.persons


def test_a_persons_relative_named_after_her_stays_a_person():
    docs, raw = collection([
        ("Her lawyer, Ann Mercer, said the case would go on.", [("Ann Mercer", "PERSON")]),
        (FILLER, []),
    ])
    assert "Ann Mercer" in find_persons(docs, raw).persons


# --- places the model calls places, kept so ------------------------------------------------


def test_a_place_listed_with_places_is_not_promoted_by_a_word_the_model_calls_a_person():
    docs, raw = collection([
        ("Ministers from Ruvenia, Sierra Morada and Togalo joined the talks in Palmira.",
         [("Ruvenia", "GPE"), ("Sierra Morada", "GPE"), ("Togalo", "PERSON"),
          ("Palmira", "GPE")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Sierra Morada" not in found.persons


def test_a_place_whose_apposition_is_another_persons_title_and_name_is_no_person():
    docs, raw = collection([
        ("The member for North Ashby, Sir Colin Parfitt-Hale, asked the minister about jobs.",
         [("North Ashby", "GPE"), ("Colin Parfitt-Hale", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "North Ashby" not in found.persons
    assert "Colin Parfitt-Hale" in found.persons


@pytest.mark.parametrize("text,span,name", [
    # a byline's name then the next sentence's first word ("Ann Roe Ann is ...")
    ("Jonna Velde Jonna is a certified trainer and a coach.", "Jonna Velde Jonna", "Jonna Velde"),
    # an e-mail header's next field
    ("From: Matt Orrin To: Teodor Wilk Cc: Bill Katz. Teodor Wilk said he would try it.",
     "Teodor Wilk Cc", "Teodor Wilk"),
])
def test_a_name_does_not_grow_over_a_repeated_first_word_or_a_label(text, span, name):
    docs, raw = collection([(text, [(span, "PERSON")]), (FILLER, [])])
    found = find_persons(docs, raw)
    assert name in found.persons
    assert not any(n.startswith(name + " ") for n in found.persons)


def test_a_title_of_address_in_another_language_is_no_word_of_the_name():
    docs, raw = collection([
        ("Among them was Dona Celeste Amarante, 79, who has lived in the same flat for fifty "
         "years. Celeste Amarante said her rent had tripled.",
         [("Dona Celeste Amarante", "ORG"), ("Celeste Amarante", "ORG")]),
        ("The opera Madame Butterfly opened the season.", [("Madame Butterfly", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Celeste Amarante" in found.persons
    assert "Dona Celeste Amarante" not in found.persons
    assert "Madame Butterfly" not in found.persons


# --- one person, not two: a name that ends a longer one of the same article ----------------


def test_a_name_that_ends_the_longer_name_of_its_article_is_that_person():
    docs, raw = collection([
        ("\"We lost the herd,\" said Ousmane Ag Tinfa, a herder who walked south. Ag Tinfa "
         "said the price of a cow had fallen by half.",
         [("Ousmane Ag Tinfa", "ORG"), ("Ag Tinfa", "PERSON")]),
        ("Ag Tinfa says he will try to keep his nine cows alive.", [("Ag Tinfa", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    (person,) = [p for p, spellings in found.persons.items() if "Ag Tinfa" in spellings]
    assert "Ousmane Ag Tinfa" in found.persons[person]  # one person, both spellings


def test_a_name_that_ends_two_longer_names_stays_apart():
    from searchapp.ingest.persons.names import cluster_spellings
    groups, _ = cluster_spellings({"Ag Tinfa": 2, "Ousmane Ag Tinfa": 1, "Moussa Ag Tinfa": 1},
                                  {"Ag Tinfa": {"d"}, "Ousmane Ag Tinfa": {"d"},
                                   "Moussa Ag Tinfa": {"d"}})
    assert len(groups) == 3


def test_a_name_grown_over_its_particles_takes_its_last_word_too():
    docs, raw = collection([
        ("The deciding vote came from Joao Pedro dos Santos Ribeira, the only councillor of "
         "the party. Dos Santos Ribeira said he had backed the budget. Asked again, Joao "
         "Ribeira laughed.",
         [("Joao Pedro", "PERSON"), ("Santos Ribeira", "PERSON"),
          ("Dos Santos Ribeira", "PERSON"), ("Joao Ribeira", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Joao Pedro dos Santos Ribeira"}


def test_a_town_ending_a_list_of_places_after_from_is_no_person():
    docs, raw = collection([
        ("About two hundred tenants from Alvorada, Gracinha and Penedo de Castro waited "
         "through the night.",
         [("Alvorada", "GPE"), ("Gracinha", "PERSON"), ("Penedo de Castro", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Penedo de Castro" not in found.persons


def test_a_person_after_a_place_and_a_comma_stays_a_person():
    docs, raw = collection([
        ("In Ostrava, Dalibor Kreml and his wife opened a bakery. Kreml said it was hard.",
         [("Ostrava", "GPE"), ("Dalibor Kreml", "PERSON"), ("Kreml", "PERSON")]),
        (FILLER, []),
    ])
    assert "Dalibor Kreml" in find_persons(docs, raw).persons
