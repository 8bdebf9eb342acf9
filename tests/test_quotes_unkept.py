"""English attribution around persons the persons stage did not keep, and titles that
tell two persons of one role apart (issue 30).  No model runs: the persons and the
recognizer's labels are given, as the stage passes them on."""

from __future__ import annotations

from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes


def test_she_after_a_paragraph_opening_on_a_mistyped_name_is_not_the_last_speaker():
    found = _quotes(["“We expect the harbour to reopen by spring,” said Marcus Oyelaran, "
                     "the port director.",
                     "Lucía Domínguez, who runs a ferry company on the island, is less "
                     "hopeful. “Spring is a fantasy,” she said."],
                    {"Marcus Oyelaran": "Marcus Oyelaran"}, {"Lucía Domínguez": "ORG"})
    assert _by(found, "Marcus Oyelaran") == ["“We expect the harbour to reopen by spring,”"]


def test_a_given_name_alone_is_somebody_the_pronoun_may_mean():
    found = _quotes(["“We were lucky,” said Tomas Brekke, a farmer whose fields flooded.",
                     "Margaret lives two fields away. “I lost everything,” she said.",
                     "Des, her husband, nodded. “We start again,” he said."],
                    {"Tomas Brekke": "Tomas Brekke"}, {"Margaret": "PERSON"})
    assert _by(found, "Tomas Brekke") == ["“We were lucky,”"]


def test_the_pronoun_still_goes_to_the_person_the_paragraph_names():
    found = _quotes(["“We were lucky,” said Tomas Brekke, a farmer whose fields flooded.",
                     "Brekke lost two barns. Margaret's farm was spared. “I was lucky,” he said."],
                    {"Tomas Brekke": "Tomas Brekke", "Brekke": "Tomas Brekke"},
                    {"Margaret": "PERSON"})
    assert _by(found, "Tomas Brekke") == ["“We were lucky,”", "“I was lucky,”"]


def test_the_minister_is_the_one_whose_title_matches_not_the_prime_minister():
    persons = {"Arvid Holmqvist": "Arvid Holmqvist", "Selma Vik": "Selma Vik", "Vik": "Selma Vik"}
    opening = ["Finance Minister Arvid Holmqvist and Prime Minister Selma Vik met on Monday.",
               "Vik said the budget would pass before Christmas."]
    found = _quotes([*opening, "“There is no money for that,” the minister said.",
                     "“We will find it,” the prime minister said."], persons)
    assert _by(found, "Arvid Holmqvist") == ["“There is no money for that,”"]
    assert "“We will find it,”" in _by(found, "Selma Vik")
    found = _quotes([*opening, "“There is no money for that,” the finance minister said."],
                    persons)
    assert _by(found, "Arvid Holmqvist") == ["“There is no money for that,”"]


def test_a_name_of_an_institute_is_a_person_the_recognizer_typed_as_a_body():
    found = _quotes(["“Rates will stay high for longer,” Jean-Baptiste Moreau of the "
                     "Institute for Fiscal Studies said."], {},
                    {"Jean-Baptiste Moreau": "ORG", "the Institute for Fiscal Studies": "ORG"},
                    speech_persons=True)
    assert _by(found, "Jean-Baptiste Moreau") == ["“Rates will stay high for longer,”"]


def test_a_body_of_a_body_is_no_person():
    found = _quotes(["“Rates will stay high,” the Bank of England said."], {},
                    {"the Bank of England": "ORG"}, speech_persons=True)
    assert [who for _, who, _, _, _ in found] == [None]


def test_a_chant_on_its_own_line_is_not_the_last_speakers():
    found = _quotes(["“We will rebuild the library,” Mayor Ines Falk said on the steps.",
                     "“Out! Out! Out!”",
                     "Protesters outside chanted it for an hour before the police moved them on."],
                    {"Ines Falk": "Ines Falk"})
    assert _by(found, "Ines Falk") == ["“We will rebuild the library,”"]
    found = _quotes(["“We will rebuild the library,” Mayor Ines Falk said on the steps.",
                     "“Four more years for the library!”",
                     "Her supporters chanted it until she had gone back inside."],
                    {"Ines Falk": "Ines Falk"})
    assert _by(found, "Ines Falk") == ["“We will rebuild the library,”"]


def test_a_quotation_on_its_own_line_still_goes_on_with_its_speaker():
    found = _quotes(["Mayor Ines Falk spoke for ten minutes. “We will rebuild the library,” "
                     "she said.",
                     "“It will take two years and every penny we have.”"],
                    {"Ines Falk": "Ines Falk"})
    assert _by(found, "Ines Falk") == ["“We will rebuild the library,”",
                                       "“It will take two years and every penny we have.”"]


def test_a_person_named_in_the_words_around_she_said_is_not_the_speaker():
    found = _quotes(["“We were ready for this,” said Ruben Castell, the union's negotiator.",
                     "Marta Ibsen, the employers' lawyer, disagreed. Castell, she said, had "
                     "misread the ruling."],
                    {"Ruben Castell": "Ruben Castell", "Castell": "Ruben Castell",
                     "Marta Ibsen": "Marta Ibsen"})
    assert _by(found, "Ruben Castell") == ["“We were ready for this,”"]
    assert _by(found, "Marta Ibsen") == ["had misread the ruling"]


def test_words_said_twice_by_one_speaker_are_no_chant():
    found = _quotes(["“Hey, here she is. Got her!” an officer said. “We got her. We got her.”"])
    assert [who for _, who, _, _, _ in found] == [None, None]
    assert len(found) == 2


def test_the_speech_makes_the_name_a_paragraph_opens_on_a_person():
    found = _quotes(["“We were lucky,” said Tomas Brekke, a farmer whose fields flooded.",
                     "Margaret lives two fields away. “I lost everything,” she said.",
                     "Des, her husband, nodded. “We start again,” he said.",
                     "Lucía Domínguez, who runs a ferry company on the island, is less "
                     "hopeful. “Spring is a fantasy,” she said."],
                    {"Tomas Brekke": "Tomas Brekke"},
                    {"Margaret": "PERSON", "Lucía Domínguez": "ORG"}, speech_persons=True)
    assert _by(found, "Margaret") == ["“I lost everything,”"]
    assert _by(found, "Des") == ["“We start again,”"]
    assert _by(found, "Lucía Domínguez") == ["“Spring is a fantasy,”"]
    assert _by(found, "Tomas Brekke") == ["“We were lucky,”"]


def test_a_place_or_a_body_opening_a_sentence_is_no_person_for_she_said():
    found = _quotes(["Paris was grey that morning. “I love it anyway,” she said.",
                     "Google, which bought the firm, declined to comment. “We were told "
                     "nothing,” he said."], {}, {"Paris": "GPE", "Google": "ORG"},
                    speech_persons=True)
    assert all(who is None for _, who, _, _, _ in found)


def test_a_time_opening_a_sentence_is_no_given_name():
    found = _quotes(["“We were ready,” said Ruben Castell, the union's negotiator.",
                     "Today, a judge ruled for the union. “It is over,” he said."],
                    {"Ruben Castell": "Ruben Castell"}, speech_persons=True)
    assert not any(who == "Today" for _, who, _, _, _ in found)
    assert _by(found, "Ruben Castell")[0] == "“We were ready,”"
