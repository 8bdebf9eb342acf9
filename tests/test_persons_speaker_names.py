"""Issues 30 and 33, session 16: names the persons stage cut or took whole where the text
plainly says otherwise -- a name's particles lost ("Greta von" of "Greta von der
Brugge"), a span of title words listed as a person ("Rear Admiral"), one word written
twice taken for a name ("Berne Berne").  Invented names; the model's spans are given as
raw mentions, as the recognizer stores them."""

from __future__ import annotations

from searchapp.ingest.persons.people import find_persons
from tests.test_persons_trust import FILLER, collection, persons_of


def test_a_name_cut_inside_its_particles_grows_over_them():
    docs, raw = collection(
        [("Commission President Greta von der Brugge posted congratulations to the winner.",
          [("Greta von der", "PERSON"), ("Brugge", "GPE")]),
         ("When Greta von der Brugge first spoke of risk in 2023, the phrase was new.",
          [("Greta von", "PERSON")]),
         (FILLER, [])])
    found = find_persons(docs, raw)
    assert persons_of(found, docs[0]) == {"Greta von der Brugge"}
    assert "Greta von" not in found.persons and "Greta von der" not in found.persons


def test_a_name_cut_before_an_arabic_particle_takes_it():
    docs, raw = collection(
        [("The envoy Hamid al-Rashidi arrived in the capital on Monday.",
          [("Hamid", "PERSON")]),
         (FILLER, [])])
    found = find_persons(docs, raw)
    assert persons_of(found, docs[0]) == {"Hamid al-Rashidi"}


def test_title_words_alone_are_no_person_and_the_name_after_them_is():
    docs, raw = collection(
        [('"The fleet is a numbers story now," said Rear Admiral (ret.) Bernard Talliston, '
          "a former planner.", [("Rear Admiral", "PERSON"), ("Bernard Talliston", "PERSON")]),
         ("Rear Admiral Talliston said the navy would need more ships.",
          [("Rear Admiral", "PERSON"), ("Talliston", "PERSON")]),
         ("The Vice President spoke later.", [("Vice President", "PERSON")]),
         (FILLER, [])])
    found = find_persons(docs, raw)
    assert "Rear Admiral" not in found.persons and "Vice President" not in found.persons
    assert persons_of(found, docs[0]) == {"Bernard Talliston"}


def test_one_word_written_twice_is_no_name():
    docs, raw = collection(
        [("Berne talks a minister said rose that after Berne Berne after pause said.",
          [("Berne Berne", "PERSON")]),
         ("Markets long would Berne Berne talks and minister said rose Berne Berne after.",
          [("Berne Berne", "PERSON"), ("Berne Berne", "PERSON")]),
         (FILLER, [])])
    found = find_persons(docs, raw)
    assert "Berne Berne" not in found.persons
