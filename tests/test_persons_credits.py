"""A wire story's staff credits name its reporters and editors, not persons of the story:
"(Reporting by A in Nairobi; Additional reporting by B; Editing by C and D)".  Invented
names; the model's spans are given as raw mentions (what the recognizer stores)."""

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
