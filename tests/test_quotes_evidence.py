"""Who said what, when the evidence is weak: the attribution names nobody rather than
a wrong person (a researcher cites "X said"; a wrong speaker is worse than none); and
the common English attributions read since.

Invented names throughout; the persons are given as the persons stage would pass them
on (:mod:`quotes_fixtures`), with the recognizer's labels where a rule reads them.
"""

from __future__ import annotations

import pytest
from quotes_fixtures import by, quotes

from searchapp.ingest.quotes.speakers import trusted


@pytest.mark.parametrize("name, ok", [
    ("Maren Oduya", True), ("Daniel H. Wilson", True), ("Tsai Ing-wen", True),
    ("Ludwig van Beethoven", True), ("Ama", True), ("문재인", True),
    ("Cons\nPros\nSustainable", False), ("Velora Brisk Mysteria Ruffled", False),
    ("Maren 2000", False), ("the band", False),
])
def test_a_speaker_is_a_name_as_names_are_written(name, ok):
    assert trusted(name) is ok


def test_a_recognizer_slip_taken_for_a_person_is_no_speaker():
    found = quotes(["I tried the Velora Brisk Mysteria Ruffled dress first.",
                    "“It fit better than I expected,” she said."],
                   {"Velora Brisk Mysteria Ruffled": "Velora Brisk Mysteria Ruffled"})
    assert by(found, "Velora Brisk Mysteria Ruffled") == []


def test_she_is_nobody_sure_when_two_persons_of_unknown_sex_may_be_meant():
    found = quotes(["Tobin Ferrand and Ilse Marrow met in Lyon. They argued about funding.",
                    "“We will try again next year,” she said."],
                   {"Tobin Ferrand": "Tobin Ferrand", "Ilse Marrow": "Ilse Marrow"})
    assert by(found, "Tobin Ferrand") == [] and by(found, "Ilse Marrow") == []


def test_she_goes_to_the_one_known_as_a_woman_when_the_other_is_a_man():
    found = quotes(["Ms. Ilse Marrow met Mr. Tobin Ferrand in Lyon.",
                    "“We will try again next year,” she said."],
                   {"Ilse Marrow": "Ilse Marrow", "Tobin Ferrand": "Tobin Ferrand"})
    assert by(found, "Ilse Marrow") == ["“We will try again next year,”"]


def test_a_person_named_between_the_one_followed_and_she_makes_her_nobody_sure():
    found = quotes([
        "Karin Dalvey studies bees. “They count,” she says.",
        "Bees learn fast. For Oskar Brenn's colleague Jora Tesk, that is the real lesson. "
        "“We are not alone,” she says.",
    ], {"Karin Dalvey": "Karin Dalvey", "Dalvey": "Karin Dalvey", "Jora Tesk": "Jora Tesk",
        "Oskar Brenn": "Oskar Brenn"})
    assert by(found, "Karin Dalvey") == ["“They count,”"]
    assert by(found, "Oskar Brenn") == []


def test_a_quotation_after_one_left_unattributed_is_not_given_to_an_earlier_speaker():
    found = quotes(["“Soil remembers,” Pell Anders says. For Jora Tesk's team, the lesson "
                    "is plain. “We are small,” she says. “But we are many.”"],
                   {"Pell Anders": "Pell Anders", "Jora Tesk": "Jora Tesk"})
    assert by(found, "Pell Anders") == ["“Soil remembers,”"]


def test_she_after_a_paragraph_closing_on_a_person_is_that_person():
    found = quotes([
        "Venn Harlow says to start early. On the other hand, Ruta Celik says you can't go "
        "wrong with late starts.",
        "“Evening light is the kindest,” she says.",
    ], {"Venn Harlow": "Venn Harlow", "Harlow": "Venn Harlow", "Ruta Celik": "Ruta Celik",
        "Celik": "Ruta Celik"})
    assert "“Evening light is the kindest,”" in by(found, "Ruta Celik")
    assert by(found, "Venn Harlow") == ["to start early"]


@pytest.mark.parametrize("paragraph", [
    "On the bottle, it says bleach can kill nearly all germs on a counter.",
    "On the label, it just says “natural softening agents.”",
])
def test_it_says_on_a_label_is_no_source(paragraph):
    assert quotes([paragraph]) == []


def test_it_said_of_an_organisation_with_a_full_statement_is_unnamed():
    found = quotes(["Brellco issued a statement on Monday.",
                    "“We have agreed to grant all licenses for the performances,” it said."])
    assert by(found, None) == ["“We have agreed to grant all licenses for the performances,”"]


@pytest.mark.parametrize("paragraph", [
    "According to our data and research, we have compiled a list of the best movers.",
    "I restarted the first agent, telling it to resume the failing tests.",
    "Across its stores, the brand embraces UGC, often sharing “what’s in my bag” videos.",
    "In a review of the “Harms of household cleaners to the lungs,” researchers noted a "
    "rise in asthma.",
])
def test_the_writer_a_verb_phrase_or_a_title_is_no_source(paragraph):
    assert [q for q in quotes([paragraph]) if q[1] is None and "“" in q[2]
            or q[3].startswith(("our", "restarted", "the brand", "researchers"))] == []


def test_a_bare_name_of_a_person_the_stage_did_not_keep_is_no_unnamed_source():
    paragraphs = ["The singer Dalia Quenn left her label last year.",
                  "According to Quenn, the label is blocking her old songs."]
    found = quotes(paragraphs, labels={"Dalia Quenn": "PERSON", "Quenn": "PERSON"})
    assert found == []


def test_a_bare_organisation_is_still_an_unnamed_source():
    found = quotes(["According to Brellco, the new phone will ship in May."],
                   labels={"Brellco": "ORG"})
    assert by(found, None) == ["the new phone will ship in May"]


# --- attributions read -----------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "“You can't beat the club. It is like a well-read friend,” says Deputy Editor Kay "
    "Lundqvist in her review of the club.",
    "“You can't beat the club,” as Kay Lundqvist told me.",
])
def test_a_title_before_the_name_or_as_before_the_speaker(paragraph):
    found = quotes([paragraph], {"Kay Lundqvist": "Kay Lundqvist"})
    assert [who for _, who, _, _, _ in found] == ["Kay Lundqvist"]


def test_as_one_unnamed_source_told_me_is_unnamed():
    found = quotes(["They are focused on their customers’ “financial health,” as one bank "
                    "chief told me."])
    assert by(found, None) == ["“financial health,”"]


@pytest.mark.parametrize("paragraph, clause", [
    ("Kay notes that as of press time, each of the books cost less than at the store.",
     "as of press time, each of the books cost less than at the store."),
    ("Kay Lundqvist has indicated that she will record her early songs again.",
     "she will record her early songs again."),
])
def test_notes_that_and_indicated_that_report(paragraph, clause):
    found = quotes([paragraph], {"Kay Lundqvist": "Kay Lundqvist", "Kay": "Kay Lundqvist"})
    assert by(found, "Kay Lundqvist") == [clause]


def test_a_family_name_the_recognizer_saw_but_the_stage_did_not_keep_is_the_documents_one():
    paragraphs = ["The singer Dalia Quenn left her label last year.",
                  "According to Quenn, the label is blocking her old songs."]
    found = quotes(paragraphs, {"Dalia Quenn": "Dalia Quenn"},
                   labels={"Dalia Quenn": "PERSON", "Quenn": "PERSON"})
    assert by(found, "Dalia Quenn") == ["the label is blocking her old songs"]


def test_a_quotation_signed_on_the_line_after_it():
    found = quotes(['"The museum wants everyone to find the books that excite them."\n'
                    "Dana Roykin\nWriters Museum President"], {"Dana Roykin": "Dana Roykin"})
    assert by(found, "Dana Roykin") == [
        '"The museum wants everyone to find the books that excite them."']


@pytest.mark.parametrize("paragraph, clause, source", [
    ("As we said, 76% of users said social media swayed some of their purchases.",
     "social media swayed some of their purchases.", "76% of users"),
    ("For older buyers, 43% and 36% said they were more likely to buy.",
     "they were more likely to buy.", "43% and 36%"),
    ("12 percent of voters said the economy was their main worry.",
     "the economy was their main worry.", "12 percent of voters"),
])
def test_a_surveys_share_of_people_is_an_unnamed_source(paragraph, clause, source):
    assert quotes([paragraph]) == [(0, None, clause, source, "reported")]


@pytest.mark.parametrize("paragraph, clause", [
    ("Per the 2025 Brellco Index, brand replies are among the top five things buyers want.",
     "brand replies are among the top five things buyers want"),
    ("It feels genuine and relatable, the top two traits buyers crave, per the Index.",
     "It feels genuine and relatable, the top two traits buyers crave"),
])
def test_per_a_report_is_like_according_to(paragraph, clause):
    assert by(quotes([paragraph]), None) == [clause]


@pytest.mark.parametrize("paragraph", [
    "Bonus points, per the experts: electric brushes clean better than manual ones.",
    "Shipping costs $4 per box, and the store says nothing about returns.",
])
def test_per_before_a_colon_or_as_a_rate_is_no_source(paragraph):
    assert [q for q in quotes([paragraph]) if q[3].lower().startswith(("the experts", "box"))] == []


def test_he_after_a_sentence_naming_only_one_who_may_be_meant_is_that_one():
    found = quotes([
        "“Balance is up to you,” Mr. Dov Arlen said.",
        "“Balance is personal,” stated Kemal Oster. While he agrees that the “hours are "
        "longer,” the work is not harder.",
    ], {"Dov Arlen": "Dov Arlen", "Kemal Oster": "Kemal Oster"})
    oster = by(found, "Kemal Oster")
    assert len(oster) == 2 and "hours are longer" in oster[1] and by(found, "Dov Arlen") == [
        "“Balance is up to you,”"]


def test_she_is_not_the_woman_her_own_quotation_names():
    found = quotes([
        "“I was back at it the next morning,” Mara Lindqvist said.",
        "Her son still laughs at the memory. “It could have been easy for Mara Lindqvist to "
        "coast, but she didn't do that,” she said.",
    ], {"Mara Lindqvist": "Mara Lindqvist"})
    assert by(found, "Mara Lindqvist") == ["“I was back at it the next morning,”"]


def test_a_phrase_across_lines_is_no_source():
    found = quotes(["Brellco Movers\nThe company name says it all: “We move people.”"])
    assert found == []


@pytest.mark.parametrize("paragraph, said", [
    ("Why do the cells stray? In part, Orla Denn says, because the ties that hold them "
     "can fail.", "because the ties that hold them can fail"),
    ("At some point, Orla Denn speculates, the therapy might be applied to tumors.",
     "the therapy might be applied to tumors"),
    ("As Orla Denn, director of the Small Minds Lab and author of a book, puts it, "
     "“Plants have to plan ahead.”", "“Plants have to plan ahead.”"),
])
def test_a_parenthetical_attribution_and_as_x_puts_it(paragraph, said):
    assert by(quotes([paragraph], {"Orla Denn": "Orla Denn"}), "Orla Denn") == [said]


def test_the_name_after_a_possessive_role_closing_the_attribution():
    found = quotes(["Brellco is where “low rates meet quality,” says Brellco's Vice "
                    "President, Ivan Chepko."], {"Ivan Chepko": "Ivan Chepko"})
    assert by(found, "Ivan Chepko") == ["“low rates meet quality,”"]


@pytest.mark.parametrize("paragraph, found", [
    ("Meanwhile, they note that the army took to the streets this weekend.",
     [(0, None, "the army took to the streets this weekend.", "they", "reported")]),
    ("The studies are small. Still, they suggest that sleep matters.", []),
])
def test_they_note_is_a_groups_they_suggest_no_ones(paragraph, found):
    assert quotes([paragraph]) == found


def test_a_family_name_of_a_full_name_the_recognizer_missed_is_no_unnamed_source():
    paragraphs = ["According to Brellco's Brand Manager, Lysa Vorne-Atkin, the shop sells.",
                  "For Brellco, Vorne-Atkin shared that reach is the key figure for the brand."]
    found = quotes(paragraphs, labels={"Brellco": "ORG", (1, "Vorne-Atkin"): "ORG"})
    assert [q for q in found if q[3] == "Vorne-Atkin"] == []
