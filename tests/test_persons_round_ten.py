"""Round ten of issue 33: general mechanisms for the false persons unseen pages keep showing.

Each case is a kind of evidence, never a name: a word the model left out before a name (its
first word), a name that is another person's of the page with one more word (a firm named
for them), forms of address of other languages and "Don"/"Dr" where the page names the
person in full without them, a sentence's opening word glued to another person's family
name, what only an organisation undergoes ("X, founded by", "shares in X"), an office over a
place ("the chief of X"), a list of names ending in a kind of place, a sentence opening with
where it happens ("In the village of X, the farmer ..."), and a family name alone that two
persons of a page share.  Every name is invented; the model's spans are given as raw
mentions.  The tests that guard real persons pass before and after the change.
"""

from __future__ import annotations

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection, persons_of

# --- where a name begins --------------------------------------------------------------------


def test_a_name_the_model_began_a_word_late_gets_its_first_word_back():
    docs, raw = collection([
        ("The district chief executive, Kossiwa Edem Amedzro, thinks the fight is being won. "
         "Amedzro said new checkpoints had cut the traffic by half.",
         [("Edem Amedzro", "PERSON"), ("Amedzro", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Kossiwa Edem Amedzro" in found.persons
    assert "Edem Amedzro" not in found.persons


def test_a_title_before_two_coordinated_names_is_not_taken_into_the_first():
    docs, raw = collection([
        ("The vote was close. Aldermen Orrin Vasek and Pilar Quenby opposed the plan.",
         [("Orrin Vasek", "PERSON"), ("Pilar Quenby", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Orrin Vasek" in found.persons and "Aldermen Orrin Vasek" not in found.persons


# --- a firm named for a person ----------------------------------------------------------------


def test_a_persons_family_name_with_one_more_word_is_a_firm_named_for_them():
    docs, raw = collection([
        ("The plant is being built by Zelenović Toplane for the city.",
         [("Zelenović Toplane", "PERSON")]),
        ("Branimir Zelenović started the business in 1998 with two trucks.",
         [("Branimir Zelenović", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Zelenović Toplane" not in found.persons
    assert "Branimir Zelenović" in found.persons


def test_a_name_with_a_grandfathers_name_after_the_short_one_stays_a_person():
    # Ethiopian names: given name, father's, grandfather's -- the short form is a person's
    docs, raw = collection([
        ("Hailu Berhane Woldemariam won the race in record time.",
         [("Hailu Berhane Woldemariam", "PERSON")]),
        ("\"I heard my name,\" Hailu Berhane said.", [("Hailu Berhane", "PERSON")]),
        (FILLER, []),
    ])
    assert "Hailu Berhane Woldemariam" in find_persons(docs, raw).persons


# --- forms of address -------------------------------------------------------------------------


def test_a_form_of_address_of_another_language_is_cut_from_the_name():
    docs, raw = collection([
        ("A Beninese lawyer, Maître Kodjo Akakpovi, said his clients were carriers.",
         [("Maître Kodjo Akakpovi", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Kodjo Akakpovi" in found.persons and "Maître Kodjo Akakpovi" not in found.persons


def test_don_is_a_title_where_the_page_writes_the_name_again_without_it():
    docs, raw = collection([
        ("Among the first passengers was Don Evaristo Quilla, 79, a retired miner. "
         "Evaristo Quilla said the ride took nine minutes.",
         [("Don Evaristo Quilla", "PERSON"), ("Evaristo Quilla", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Evaristo Quilla" in found.persons and "Don Evaristo Quilla" not in found.persons


def test_don_as_a_given_name_stays():
    docs, raw = collection([
        ("Don Pellerow, the team's coach, said the season was over. Pellerow left early.",
         [("Don Pellerow", "PERSON"), ("Pellerow", "PERSON")]),
        (FILLER, []),
    ])
    assert "Don Pellerow" in find_persons(docs, raw).persons


def test_dr_without_a_dot_before_a_word_of_a_name_of_the_page_is_cut():
    docs, raw = collection([
        ("The hydrologist Trịnh Thị Bích Ngân of the university said the river bed had dropped. "
         "Dr Ngân said the delta was sinking faster than the sea was rising.",
         [("Trịnh Thị Bích Ngân", "PERSON"), ("Dr Ngân", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Dr Ngân" not in found.persons and "Trịnh Thị Bích Ngân" in found.persons


def test_dr_without_a_dot_before_the_only_name_of_a_person_stays():
    docs, raw = collection([
        ("\"We wanted some connections with the works,\" explained Dr Wrennick.",
         [("Dr Wrennick", "PERSON")]),
        (FILLER, []),
    ])
    assert find_persons(docs, raw).persons


def test_a_sentence_word_glued_to_another_persons_family_name_is_cut():
    docs, raw = collection([
        ("The businessman Dragoslav Ostojić owns the company. \"Tell Ostojić, the owner, we "
         "have more hives than he has trucks,\" she said. Her neighbours tell the same story.",
         [("Dragoslav Ostojić", "PERSON"), ("Tell Ostojić", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Tell Ostojić" not in found.persons and "Dragoslav Ostojić" in found.persons


def test_a_family_names_particle_opening_a_sentence_is_no_glued_word():
    docs, raw = collection([
        ("Ottorino di Carpegna is the mayor. The scheme was his idea. "
         "Di Carpegna said he had not expected the attention.",
         [("Ottorino di Carpegna", "PERSON"), ("Di Carpegna", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert set(found.persons) == {"Ottorino di Carpegna"}
    assert persons_of(found, docs[0]) == {"Ottorino di Carpegna"}


# --- organisations and places -----------------------------------------------------------------


def test_what_only_an_organisation_undergoes_says_firm():
    docs, raw = collection([
        ("The licensed buyer Oforiwaa Cocoa, founded by the late Kwesi Amponsah, said rains "
         "had cut the crop.", [("Oforiwaa Cocoa", "PERSON"), ("Kwesi Amponsah", "PERSON")]),
        ("Shares in Litora Andina fell 11 per cent in Santiago.", [("Litora Andina", "PERSON")]),
        ("The deal would have given Litora Andina a 49 per cent stake.",
         [("Litora Andina", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Oforiwaa Cocoa" not in found.persons and "Litora Andina" not in found.persons
    assert "Kwesi Amponsah" in found.persons


def test_the_name_after_an_office_held_over_a_place_is_no_person():
    docs, raw = collection([
        ("Nana Kofi Boateng, the paramount chief of Kwahu Obomeng, told farmers that "
         "smuggling was the price of a price.",
         [("Kofi Boateng", "PERSON"), ("Kwahu Obomeng", "PERSON")]),
        (FILLER, []),
    ])
    assert "Kwahu Obomeng" not in find_persons(docs, raw).persons


def test_a_list_of_names_ending_in_a_kind_of_place_is_places():
    docs, raw = collection([
        ("Salt water killed young rice on 40,000 hectares in Bạc Liêu, Giồng Riềng and "
         "Cà Mau provinces, officials said.", [("Giồng Riềng", "PERSON")]),
        ("Farmers who make up a third of Giồng Riềng's population are hit hardest.",
         [("Giồng Riềng", "PERSON")]),
        (FILLER, []),
    ])
    assert "Giồng Riềng" not in find_persons(docs, raw).persons


def test_a_sentence_opening_with_where_it_happens_says_nothing_of_the_place():
    docs, raw = collection([
        ("In the village of Tân Hòa Đông, the farmer Lê Văn Bình, 58, pulled a seedling "
         "from the mud.", [("Tân Hòa Đông", "PERSON"), ("Lê Văn Bình", "PERSON")]),
        ("Back in Tân Hòa Đông and Long Phú, Bình's daughter and her friends have left "
         "for garment jobs.", [("Tân Hòa Đông", "PERSON"), ("Long Phú", "GPE")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Tân Hòa Đông" not in found.persons and "Lê Văn Bình" in found.persons


def test_a_family_name_two_persons_share_does_not_vouch_for_a_firm_named_with_it():
    docs, raw = collection([
        ("The club's president, Mehmet Nuri Aydemoğlu, fought the deal. \"Aydemoğlu sold "
         "nothing,\" he said. His son, Kerem Aydemoğlu, a board member, voted in favour.",
         [("Mehmet Nuri Aydemoğlu", "PERSON"), ("Aydemoğlu", "PERSON"),
          ("Kerem Aydemoğlu", "PERSON")]),
        ("The family, whose hazelnut company Findik Aydemoğlu supplies half the chocolate "
         "makers of Europe, have run the club since 1988. Aydemoğlu, the former president, "
         "now sits in the stands.",
         [("Findik Aydemoğlu", "PERSON"), ("Aydemoğlu", "PERSON")]),
        (FILLER, []),
    ])
    found = find_persons(docs, raw)
    assert "Findik Aydemoğlu" not in found.persons
    assert {"Mehmet Nuri Aydemoğlu", "Kerem Aydemoğlu"} <= set(found.persons)


def test_a_last_word_the_collection_shows_heading_organisations_names_is_a_firms():
    # the trade word of a language the model does not know, learned from the collection
    docs, raw = collection(
        [("The heating plant is run by Brankov Toplana under a city contract.",
          [("Brankov Toplana", "ORG")]), (FILLER, [])],
        [("Bills from Nišava Toplana rose by a third this winter.",
          [("Nišava Toplana", "ORG")]), (FILLER, [])],
        [("Residents met Miroslav Kostić, who said prices at Zorić Toplana would rise.",
          [("Miroslav Kostić", "PERSON"), ("Zorić Toplana", "PERSON")]), (FILLER, [])],
    )
    found = find_persons(docs, raw)
    assert "Zorić Toplana" not in found.persons and "Miroslav Kostić" in found.persons


def test_a_family_name_some_firms_are_named_with_stays_a_persons():
    docs, raw = collection(
        [("Shares in Harlan Brandt rose.", [("Harlan Brandt", "ORG")]), (FILLER, [])],
        [("Orsolya Brandt left Vexmoor Brandt in May.", [("Vexmoor Brandt", "ORG"),
                                                        ("Orsolya Brandt", "PERSON")]),
         (FILLER, [])],
        [("Teodor Brandt said the vote was close.", [("Teodor Brandt", "PERSON")]),
         (FILLER, [])],
    )
    assert "Teodor Brandt" in find_persons(docs, raw).persons
