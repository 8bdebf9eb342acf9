"""Round sixteen: three misfires of round fifteen's rules a reviewer found -- a lede's
unnamed source given to a next paragraph's person who carries another role, a reading of
one's own prepared statement given to nobody, and the owner of a kin noun vetoed when no one
is apposed to it.  Invented names and sentences; no model runs."""

from __future__ import annotations

from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes


def _has(found, speaker, words: str) -> bool:
    return any(words in text for text in _by(found, speaker))


# --- a lede's role and a next paragraph's person of another role -------------------------------

_LEDE = ("A government spokesman said on Monday that the ferry terminal would reopen next "
         "week, ending a strike that has stranded hundreds of lorries on the quay.")


def test_a_next_paragraphs_person_of_another_role_is_not_the_ledes_source():
    found = _quotes([_LEDE, "Ilka Vantanen-Soro, a lorry driver stuck on the quay for nine "
                     "days, said she did not believe it."],
                    persons={"Ilka Vantanen-Soro": "Ilka Vantanen-Soro"})
    assert not _has(found, "Ilka Vantanen-Soro", "the ferry terminal would reopen")


def test_a_quoted_opening_by_a_person_of_another_role_is_not_the_ledes_source():
    found = _quotes([_LEDE, '"I will believe it when the first ferry sails," Ilka '
                     'Vantanen-Soro, a lorry driver, said.'],
                    persons={"Ilka Vantanen-Soro": "Ilka Vantanen-Soro"})
    assert not _has(found, "Ilka Vantanen-Soro", "the ferry terminal would reopen")
    assert _has(found, "Ilka Vantanen-Soro", "I will believe it")


def test_a_next_paragraphs_person_apposed_the_ledes_role_is_its_source():
    # guard: "X, the government's spokesman," carries the lede's role noun
    found = _quotes([_LEDE, "Oskar Lindahl-Mwangi, the government's spokesman, said the "
                     "talks had ended at dawn."],
                    persons={"Oskar Lindahl-Mwangi": "Oskar Lindahl-Mwangi"})
    assert _has(found, "Oskar Lindahl-Mwangi", "the ferry terminal would reopen")


# --- a reading of one's own statement or notes -------------------------------------------------


def test_a_prepared_statement_read_from_is_the_readers_own():
    found = _quotes(["Jonas Berg-Halvorsen, the club's chairman, faced reporters on Tuesday.",
                     'He read from a prepared statement: "I take full responsibility for '
                     'the decision to close the stadium."'],
                    persons={"Jonas Berg-Halvorsen": "Jonas Berg-Halvorsen"})
    assert _has(found, "Jonas Berg-Halvorsen", "I take full responsibility")


def test_reading_from_ones_notes_is_the_readers_own():
    found = _quotes(["Mirela Dostal-Ncube, the harbour master, spoke for ten minutes, "
                     'reading from her notes: "Every ship will be inspected before it docks."'],
                    persons={"Mirela Dostal-Ncube": "Mirela Dostal-Ncube"})
    assert _has(found, "Mirela Dostal-Ncube", "Every ship will be inspected")


def test_a_statement_from_someone_else_read_out_is_still_theirs():
    # guard: the statement is another's ("from the family"): not the reader's words
    found = _quotes(["Mirela Dostal-Ncube, the harbour master, spoke for ten minutes and then "
                     'read out a statement from the family: "We ask for privacy."'],
                    persons={"Mirela Dostal-Ncube": "Mirela Dostal-Ncube"})
    assert not _has(found, "Mirela Dostal-Ncube", "We ask for privacy")


# --- the owner of a kin noun with no one apposed to it ---------------------------------------


def test_the_owner_of_a_mother_named_by_no_one_is_still_the_she_after():
    found = _quotes(["Lucia Ferreyra-Obi runs the bakery alone now.",
                     "Lucia Ferreyra-Obi's mother died when she was ten. She said the loss "
                     "shaped her choice of career."],
                    persons={"Lucia Ferreyra-Obi": "Lucia Ferreyra-Obi"})
    assert _has(found, "Lucia Ferreyra-Obi", "the loss shaped her choice")


def test_the_owner_of_a_sister_named_by_no_one_is_still_the_she_of_a_quotation():
    found = _quotes(["Lucia Ferreyra-Obi runs the bakery alone now.",
                     "Ferreyra-Obi's sister moved to Lisbon in 2019. "
                     '"I miss her every day," she said.'],
                    persons={"Lucia Ferreyra-Obi": "Lucia Ferreyra-Obi",
                             "Ferreyra-Obi": "Lucia Ferreyra-Obi"})
    assert _has(found, "Lucia Ferreyra-Obi", "I miss her every day")
