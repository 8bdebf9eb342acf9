"""Who said what: quote spans and speaker patterns, through ``find_quotes``.

Each test gives a document's paragraphs and the persons the persons stage would have
found in them (the names as written and the canonical person), and checks which
words are attributed to whom.  No model runs here: the persons are given, as the
stage passes them on.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotes_fixtures import by as _by
from quotes_fixtures import quotes as _quotes

from searchapp.ingest.quotes.marks import quote_spans

# --- the patterns of the issue ---------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    '"We will not back down," Volker said.',
    "“We will not back down,” Volker said.",
    "“We will not back down,” said Volker.",
    "“We will not back down,” Volker says.",
    "“We will not back down,” Volker told reporters.",
    "“We will not back down,” Volker added.",
    "“We will not back down,” Volker wrote in a letter.",
    "Volker told the committee, “We will not back down.”",
    "Volker said: “We will not back down.”",
    "“We will not back down,” Kurt Volker, the former special envoy to Ukraine, said.",
    "‘We will not back down,’ Volker said.",
])
def test_a_direct_quote_is_its_speakers(paragraph):
    found = _quotes([paragraph], {"Kurt Volker": "Kurt Volker", "Volker": "Kurt Volker"})
    assert len(found) == 1
    _, speaker, text, _, kind = found[0]
    assert speaker == "Kurt Volker" and kind == "direct"
    assert "We will not back down" in text


def test_the_minister_in_apposition_is_the_speaker():
    found = _quotes(["“The talks were useful,” Park Jin, the South Korean foreign minister, "
                     "said on Tuesday."], {"Park Jin": "Park Jin"})
    assert _by(found, "Park Jin") == ["“The talks were useful,”"]


@pytest.mark.parametrize("sentence, clause", [
    ("Volker said he had no knowledge of any such effort.",
     "he had no knowledge of any such effort."),
    ("Volker said that he had no knowledge of any such effort.",
     "he had no knowledge of any such effort."),
    ("He had no knowledge of any such effort, Volker said.",
     "He had no knowledge of any such effort"),
    ("The talks will resume in May, according to Volker.", "The talks will resume in May"),
    ("Volker told the committee he had no knowledge of any such effort.",
     "he had no knowledge of any such effort."),
])
def test_reported_speech_where_the_verb_makes_it_clear(sentence, clause):
    found = _quotes([sentence], {"Volker": "Kurt Volker"})
    assert [(who, text, kind) for _, who, text, _, kind in found] == \
        [("Kurt Volker", clause, "reported")]


def test_a_role_stands_for_the_person_of_that_role_in_the_document():
    found = _quotes(["President Yoon Suk Yeol met Chinese leaders in Lima on Friday.",
                     "“We agreed to keep talking,” the president said.",
                     "Gov. Eric Holcomb was in Florida. The governor said he was waiting for a "
                     "commission's report."],
                    {"Yoon Suk Yeol": "Yoon Suk Yeol", "Eric Holcomb": "Eric Holcomb"})
    assert _by(found, "Yoon Suk Yeol") == ["“We agreed to keep talking,”"]
    assert _by(found, "Eric Holcomb") == ["he was waiting for a commission's report."]


def test_a_role_named_only_later_in_the_document_still_finds_its_person():
    found = _quotes(["The house will become a police station, Austria's interior minister "
                     "said on Tuesday.",
                     "“It sends an unmistakable signal,” Interior Minister Wolfgang Peschorn "
                     "said in a statement."],
                    {"Wolfgang Peschorn": "Wolfgang Peschorn"})
    assert _by(found, "Wolfgang Peschorn") == ["The house will become a police station",
                                               "“It sends an unmistakable signal,”"]


def test_a_pronoun_is_the_speaker_named_in_the_same_or_the_previous_paragraph():
    found = _quotes(["Morrison was the third witness to testify on Tuesday.",
                     "“My fears have been realized,” he said.",
                     "Fiona Hill also testified. She said the call worried her.",
                     "“It was a domestic political errand,” she said."],
                    {"Morrison": "Tim Morrison", "Fiona Hill": "Fiona Hill"})
    assert _by(found, "Tim Morrison") == ["“My fears have been realized,”"]
    assert _by(found, "Fiona Hill") == ["the call worried her.",
                                        "“It was a domestic political errand,”"]


def test_he_is_the_subject_not_the_last_name_mentioned():
    found = _quotes(["Carlineo faces ten years in prison. He was arrested in April after a "
                     "call to the office of Rep. Ilhan Omar.",
                     "During the call, he said, “I'll put a bullet in her skull,” the "
                     "prosecutor's office said."],
                    {"Carlineo": "Patrick Carlineo", "Ilhan Omar": "Ilhan Omar"})
    assert _by(found, "Patrick Carlineo") == ["“I'll put a bullet in her skull,”"]
    assert not _by(found, "Ilhan Omar")


def test_the_listener_of_told_is_never_the_speaker():
    found = _quotes(["Benioff met Tim Cook on stage.",
                     "“I run my business on my phone,” he told Cook."],
                    {"Benioff": "Marc Benioff", "Tim Cook": "Tim Cook", "Cook": "Tim Cook"})
    assert _by(found, "Marc Benioff") == ["“I run my business on my phone,”"]
    assert not _by(found, "Tim Cook")


@pytest.mark.parametrize("paragraph, source", [
    ("“The situation is under control,” a senior official said, as Yoon Suk Yeol arrived.",
     "a senior official"),
    ("Yoon Suk Yeol arrived on Monday. “The situation is under control,” the ministry said.",
     "the ministry"),
    ("Morrison's lawyer said the question was outside the scope of his testimony.",
     "Morrison's lawyer"),
    ("Public Ombudsman Nadia Cruz's office said the deaths were caused by gunshots.",
     "Public Ombudsman Nadia Cruz's office"),
    ("Two people familiar with the talks said Yoon Suk Yeol would not attend.",
     "Two people familiar with the talks"),
])
def test_an_unnamed_source_is_never_given_to_a_person_mentioned_nearby(paragraph, source):
    found = _quotes([paragraph], {"Yoon Suk Yeol": "Yoon Suk Yeol", "Morrison": "Tim Morrison",
                                  "Nadia Cruz": "Nadia Cruz"})
    assert found and all(who is None for _, who, _, _, _ in found)
    assert found[0][3] == source


def test_a_person_mentioned_inside_someone_elses_quote_is_never_its_speaker():
    found = _quotes(["“I think the allegations against Vice President Biden are self-serving "
                     "and not credible,” Volker said.",
                     "“Prince Andrew is not entitled to any form of immunity,” said one legal "
                     "expert.",
                     "“Xi Jinping will come to Seoul,” he added."],
                    {"Biden": "Joe Biden", "Volker": "Kurt Volker",
                     "Prince Andrew": "Prince Andrew", "Xi Jinping": "Xi Jinping"})
    speakers = {who for _, who, _, _, _ in found}
    assert "Joe Biden" not in speakers and "Prince Andrew" not in speakers
    assert "Xi Jinping" not in speakers
    assert _by(found, "Kurt Volker")[0].startswith("“I think the allegations")
    assert _by(found, None) == ["“Prince Andrew is not entitled to any form of immunity,”"]


def test_a_quote_continued_into_the_next_paragraph_keeps_its_speaker():
    found = _quotes(["Cheuk Hau-yip, the district commander, said: “These rioters are also "
                     "criminals. They have to face the consequences.",
                     "“Other than coming out to surrender, I don't see any option for them.”",
                     "“That is not true,” a student said."],
                    {"Cheuk Hau-yip": "Cheuk Hau-yip"})
    assert [p for p, who, _, _, _ in found if who == "Cheuk Hau-yip"] == [0, 1]
    assert found[-1][1] is None


def test_a_second_quote_after_an_attributed_one_has_the_same_speaker():
    found = _quotes(["“At no time was I aware of it,” Volker said. “Biden was not a topic of "
                     "our discussions.”",
                     "“I just want to perform my own music,” Swift said.",
                     "“I've tried to work this out privately.”"],
                    {"Volker": "Kurt Volker", "Swift": "Taylor Swift", "Biden": "Joe Biden"})
    assert _by(found, "Kurt Volker") == ["“At no time was I aware of it,”",
                                         "“Biden was not a topic of our discussions.”"]
    assert _by(found, "Taylor Swift")[-1] == "“I've tried to work this out privately.”"


def test_scare_quotes_titles_and_slogans_have_no_speaker():
    found = _quotes(["The service is stocked with “Star Wars” and “Mary Poppins.”",
                     "He lost to Canada in the “Caja Magica” centre court.",
                     "Carlineo pleaded guilty to “conspiracy to commit wire fraud”."],
                    {"Carlineo": "Patrick Carlineo"})
    assert found == []


def test_a_few_quoted_words_belong_to_the_speaker_of_their_clause():
    found = _quotes(["Noem called the campaign a “bold, innovative effort.”",
                     "Lamrani described the idea as “certainly absurd.”"],
                    {"Noem": "Kristi Noem", "Lamrani": "Omar Lamrani"})
    assert _by(found, "Kristi Noem") == ["“bold, innovative effort.”"]
    assert _by(found, "Omar Lamrani") == ["“certainly absurd.”"]


def test_two_speakers_as_one_subject_are_neither():
    found = _quotes(["Xi and Kim agreed that the issue will be resolved through dialogue."],
                    {"Xi": "Xi Jinping", "Kim": "Kim Jong-un"})
    assert found == []


def test_an_embedded_post_is_its_authors():
    found = _quotes(["Delhi has turned into a gas chamber due to smoke from crop burning",
                     "— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019"],
                    {"Arvind Kejriwal": "Arvind Kejriwal"})
    assert _by(found, "Arvind Kejriwal") == [
        "Delhi has turned into a gas chamber due to smoke from crop burning"]


def test_transcript_turns_are_their_speakers():
    found = _quotes(["HOST: Texas teachers are pushing back.",
                     "ROSIE CURTS: If vouchers pass, our schools lose money.",
                     "REPORTER: Curts is not alone.",
                     "UNIDENTIFIED PERSON #1: Everybody got it?"],
                    {"Rosie Curts": "Rosie Curts", "Curts": "Rosie Curts"})
    assert _by(found, "Rosie Curts") == ["If vouchers pass, our schools lose money."]
    assert (3, None) in {(p, who) for p, who, _, _, _ in found}


# --- feature writing and the newer patterns (invented names and sentences) -----------

_NADIA = {"Nadia Okonkwo": "Nadia Okonkwo", "Okonkwo": "Nadia Okonkwo"}


@pytest.mark.parametrize("paragraph", [
    "“Keep the palette quiet and let one piece speak,” Okonkwo shares.",
    "“Keep the palette quiet and let one piece speak,” she shares.",
    "“Keep the palette quiet and let one piece speak,” Okonkwo clarifies.",
    "“Keep the palette quiet and let one piece speak,” Okonkwo points out.",
    "“Keep the palette quiet and let one piece speak,” Okonkwo acknowledges.",
    "“Keep the palette quiet and let one piece speak,” Okonkwo instructs.",
    "“Keep the palette quiet and let one piece speak,” Okonkwo notes.",
])
def test_present_tense_verbs_of_feature_writing(paragraph):
    found = _quotes(["Nadia Okonkwo designs hotel lobbies in Lagos.", paragraph], _NADIA)
    assert _by(found, "Nadia Okonkwo") == ["“Keep the palette quiet and let one piece speak,”"]


@pytest.mark.parametrize("paragraph", [
    "“Revenue slipped in the spring,” the group's shares show.",
    "“Revenue slipped in the spring,” the ledger notes show.",
    "“Revenue slipped in the spring,” United States claims records show.",
])
def test_a_noun_that_is_also_a_verb_is_speech_only_after_its_speaker(paragraph):
    assert _quotes([paragraph], _NADIA) == []


def test_advice_given_is_the_advisers_words():
    found = _quotes(["For a narrow hallway, Okonkwo says to paint the ceiling darker than the "
                     "walls.",
                     "Before buying a rug, Okonkwo says not to trust the photos online.",
                     "In a rented flat, Okonkwo says to “treat the walls as borrowed.”"], _NADIA)
    assert _by(found, "Nadia Okonkwo") == ["to paint the ceiling darker than the walls",
                                           "not to trust the photos online",
                                           "“treat the walls as borrowed.”"]


@pytest.mark.parametrize("paragraph", [
    "Nobody was said to have left the room early.",
    "Okonkwo was said to be furious about the delay.",
    "Okonkwo said to the committee that the delay was nobody's fault.",
    "The contract is said to have cost twice the estimate.",
])
def test_said_to_be_or_said_to_someone_is_no_advice(paragraph):
    found = _quotes([paragraph], _NADIA)
    assert not [f for f in found if f[2].startswith("to ")]


def test_a_clause_after_noting_is_the_same_speakers():
    found = _quotes(["“Linen is back,” Okonkwo explains, noting that clients now ask for it "
                     "by name.",
                     "“Linen is back,” Okonkwo explains, noting the weather."], _NADIA)
    assert _by(found, "Nadia Okonkwo") == ["“Linen is back,”",
                                           "clients now ask for it by name",
                                           "“Linen is back,”"]


def test_the_person_who_ends_a_string_of_titles_speaks():
    found = _quotes(["“Guests remember the light, not the flowers,” says Marigold Studio "
                     "Founder and Creative Director Tomas Ferreira."],
                    {"Marigold Studio Founder": "Marigold Studio Founder",
                     "Tomas Ferreira": "Tomas Ferreira"})
    assert _by(found, "Tomas Ferreira") == ["“Guests remember the light, not the flowers,”"]


def test_an_aside_in_parentheses_between_speaker_and_verb_is_skipped():
    found = _quotes(["“We ran out of chairs by noon,” Ferreira (who has run the fair since "
                     "2011) said."], {"Ferreira": "Tomas Ferreira"})
    assert _by(found, "Tomas Ferreira") == ["“We ran out of chairs by noon,”"]


def test_she_skips_a_nearer_man_for_the_woman_a_few_paragraphs_back():
    found = _quotes(["“The first week was chaos,” Ingrid Solberg said.",
                     "“I slept in the office,” she said.",
                     "Her brother, the engineer Pavel Solberg, joined later. “She never asked "
                     "for help,” he said.",
                     "“I learned to cook for forty,” she said."],
                    {"Ingrid Solberg": "Ingrid Solberg", "Pavel Solberg": "Pavel Solberg"})
    assert _by(found, "Pavel Solberg") == ["“She never asked for help,”"]
    assert _by(found, "Ingrid Solberg") == ["“The first week was chaos,”", "“I slept in the office,”",
                                            "“I learned to cook for forty,”"]


def test_the_role_after_a_quotation_is_the_one_just_quoted():
    found = _quotes(["Trade Minister Aiko Tanabe met Lars Brekke, the Norwegian trade minister.",
                     "“Quotas protect nobody,” Brekke said.",
                     "The minister added that talks would resume in Oslo."],
                    {"Aiko Tanabe": "Aiko Tanabe", "Lars Brekke": "Lars Brekke",
                     "Brekke": "Lars Brekke"})
    assert _by(found, "Lars Brekke") == ["“Quotas protect nobody,”",
                                         "talks would resume in Oslo."]
    assert not _by(found, "Aiko Tanabe")


def test_a_stray_opening_mark_does_not_swallow_the_quotations_after_it():
    text = ("Her last record was called “Harbour (“Songs for Leaving”). “It came out of a "
            "bad winter,” she said. “It still hurts.”")
    spans = [text[s.start:s.end] for s in quote_spans([text])[0]]
    assert "“It came out of a bad winter,”" in spans and "“It still hurts.”" in spans


# --- Korean and Chinese ------------------------------------------------------------------

def test_korean_quotes_and_speech_verbs():
    found = _quotes(["시진핑 주석은 “양국은 가까운 이웃”이라고 말했다.",
                     "윤석열 대통령은 회담에서 협력을 확대하기로 했다고 밝혔다.",
                     "정부 소식통은 세 나라가 일정을 협의했다고 설명했다."],
                    {"시진핑": "Xi Jinping", "윤석열": "Yoon Suk Yeol"})
    assert _by(found, "Xi Jinping") == ["“양국은 가까운 이웃”"]
    assert _by(found, "Yoon Suk Yeol") == ["회담에서 협력을 확대하기로 했다"]
    assert [(who, src) for _, who, _, src, _ in found if who is None] == [(None, "정부 소식통")]


def test_chinese_quotes_and_speech_verbs():
    found = _quotes(["习近平强调：“中韩是近邻。”",
                     "中方表示，中韩关系保持健康稳定发展。",
                     "王毅说：「双方同意加强沟通。」"],
                    {"习近平": "Xi Jinping", "王毅": "Wang Yi"})
    assert _by(found, "Xi Jinping") == ["“中韩是近邻。”"]
    assert _by(found, "Wang Yi") == ["「双方同意加强沟通。」"]
    assert [(who, src) for _, who, _, src, _ in found if who is None] == [(None, "中方")]


# --- quote marks ---------------------------------------------------------------------------

def _spans(*paragraphs):
    return [[(text[s.start:s.end], s.open_before, s.open_after) for s in spans]
            for text, spans in zip(paragraphs, quote_spans(list(paragraphs)), strict=True)]


def test_apostrophes_are_no_quote_marks():
    assert _spans("Don't say 'never', said Lilly's farmers' friend.") == [
        [("'never'", False, False)]]


def test_straight_marks_inside_straight_marks_nest():
    text = '"The model is ending. 2026 moves from "apps" to services," said Houssaini.'
    assert _spans(text) == [[(text[:text.index(',"') + 2], False, False)]]


def test_a_quotation_runs_on_when_the_next_paragraph_reopens_it():
    assert _spans("He said: “First part.", "“Second part.”", "“A new one.”") == [
        [("“First part.", False, True)], [("“Second part.”", True, False)],
        [("“A new one.”", False, False)]]


def test_single_marks_nest_inside_single_marks():
    text = "'Another way of saying it is, 'I'm gonna direct you there,'' said Garthwaite."
    assert _spans(text) == [[(text[:text.index(" said")], False, False)]]


def test_cjk_corner_brackets_pair_and_book_titles_are_no_quotations():
    assert _spans("他说「我们『同意』了」，《人民日报》报道。") == [[("「我们『同意』了」", False, False)]]


# --- verbs of features, colons, agent nouns ------------------------------------------------

@pytest.mark.parametrize("paragraph, speaker", [
    ("“The old bridge has to go first,” Adaeze Okonkwo weighs in.", "Adaeze Okonkwo"),
    ("“The old bridge has to go first,” Okonkwo chimes in, smiling.", "Adaeze Okonkwo"),
    ("“The old bridge has to go first,” she beams.", "Adaeze Okonkwo"),
    ("“The old bridge has to go first,” enthuses Okonkwo.", "Adaeze Okonkwo"),
])
def test_any_verb_closing_the_clause_after_a_name_attributes(paragraph, speaker):
    found = _quotes(["Adaeze Okonkwo runs the town's planning office.", paragraph],
                    {"Adaeze Okonkwo": "Adaeze Okonkwo", "Okonkwo": "Adaeze Okonkwo"})
    assert _by(found, speaker) == ["“The old bridge has to go first,”"]


def test_a_verb_form_that_is_no_verb_does_not_attribute():
    found = _quotes(["“The old bridge has to go first,” Okonkwo always thought, privately."],
                    {"Okonkwo": "Adaeze Okonkwo"})
    assert _by(found, "Adaeze Okonkwo") == []


def test_a_quotation_after_a_colon_is_the_clauses_subjects():
    found = _quotes(["Teodor Vasquez-Lind also weighs in on what to avoid: “Never sign a lease "
                     "you have not read twice.”"], {"Teodor Vasquez-Lind": "Teodor Vasquez-Lind"})
    assert _by(found, "Teodor Vasquez-Lind") == ["“Never sign a lease you have not read twice.”"]


def test_a_quotation_after_a_colon_naming_a_text_is_not_the_subjects():
    found = _quotes(["Teodor Vasquez-Lind looked up at the sign on the gate: “No entry for anyone "
                     "after dark.”"], {"Teodor Vasquez-Lind": "Teodor Vasquez-Lind"})
    assert _by(found, "Teodor Vasquez-Lind") == []


def test_a_paragraph_announced_by_a_colon_is_the_announcers():
    found = _quotes(["Marisol Quenby chairs the board.", "She put it this way:",
                     "“We build the roads first, and the schools follow the roads.”",
                     "Marisol Quenby explained:", "“Nobody moves to a town without a road.”"],
                    {"Marisol Quenby": "Marisol Quenby"})
    assert _by(found, "Marisol Quenby") == [
        "“We build the roads first, and the schools follow the roads.”",
        "“Nobody moves to a town without a road.”"]


def test_a_title_alone_in_a_paragraph_is_no_continued_quotation():
    found = _quotes(["“It came out of a bad winter,” Quenby said.", "“Harbour Lights”",
                     "The record sold well."], {"Quenby": "Marisol Quenby"})
    assert _by(found, "Marisol Quenby") == ["“It came out of a bad winter,”"]


def test_an_agent_noun_no_list_knows_stands_for_its_person():
    found = _quotes(["Nutritionist Halvard Brennick tested the diets for a year.",
                     "“Most of them fail by March,” the nutritionist said."],
                    {"Halvard Brennick": "Halvard Brennick"})
    assert _by(found, "Halvard Brennick") == ["“Most of them fail by March,”"]


@pytest.mark.parametrize("sentence, clause", [
    ("Brennick noted there's no firm evidence that the cure works.",
     "there's no firm evidence that the cure works"),
    ("For a small firm, Brennick admits it's hard to run a bakery.", "it's hard to run a bakery"),
    ("Brennick claims that he sold the boat in 2011.", "he sold the boat in 2011"),
    ("A year ago, Brennick announced that the mill would close.", "the mill would close"),
    ("Whatever the price, Brennick says that the mill will reopen.", "the mill will reopen"),
])
def test_reported_speech_after_an_opening_phrase_or_without_that(sentence, clause):
    found = _quotes([sentence], {"Brennick": "Halvard Brennick"})
    assert [t.rstrip(".") for t in _by(found, "Halvard Brennick")] == [clause]


@pytest.mark.parametrize("sentence", [
    "The claims that he sold the boat are false, Brennick's neighbours say.",
    "Brennick noted the damage in his report to the board.",
    "Brennick admitted it to the police on Tuesday.",
    "The ministry's claims that the mill polluted the river were dropped.",
])
def test_nouns_and_objects_after_a_verb_of_speech_are_no_reported_clause(sentence):
    found = _quotes([sentence], {"Brennick": "Halvard Brennick"})
    assert not [t for _, who, t, _, kind in found if kind == "reported" and "sold" in t
                or "damage" in t or "police" in t or "polluted" in t]


@pytest.mark.parametrize("paragraph, speaker, words", [
    ("The mill will close in the spring, Brennick said while visiting the plant.",
     "Halvard Brennick", "The mill will close in the spring"),
    ("That figure has grown to three million this year, Brennick said, despite flat prices.",
     "Halvard Brennick", "That figure has grown to three million this year"),
    ("Brennick has since said that a deal would be signed in the spring.",
     "Halvard Brennick", "a deal would be signed in the spring"),
    ("In a post at the time he described the sale as a “betrayal”.",
     "Halvard Brennick", "“betrayal”"),
    ("“We have never seen demand like that day and continue to see it” Brennick said.",
     "Halvard Brennick", "“We have never seen demand like that day and continue to see it”"),
    ("Analysts who have done the sums say they see no growth in the region.",
     None, "they see no growth in the region"),
    ("A company representative reports that sales rose by a third in the spring.",
     None, "sales rose by a third in the spring"),
])
def test_attributions_with_a_clause_of_time_a_relative_clause_or_no_comma(
        paragraph, speaker, words):
    found = _quotes(["Halvard Brennick owns the mill.", paragraph],
                    {"Halvard Brennick": "Halvard Brennick", "Brennick": "Halvard Brennick"})
    assert [t.rstrip(".") for n, who, t, _, _ in found if n == 1 and who == speaker] == [words]


def test_the_subject_of_a_relative_clause_is_not_the_person_inside_it():
    found = _quotes(["The man who knew Brennick said the mill had closed in May."],
                    {"Brennick": "Halvard Brennick"})
    assert _by(found, "Halvard Brennick") == [] and _by(found, None) == ["the mill had closed in May."]


@pytest.mark.parametrize("sentence, clause", [
    ("Brennick acknowledged the mill was not ready.", "the mill was not ready"),
    ("Brennick confirmed his resignation was final.", "his resignation was final"),
    ("Brennick has said repeatedly that the mill will reopen.", "the mill will reopen"),
])
def test_a_clause_after_a_verb_of_speech_with_its_own_finite_verb(sentence, clause):
    found = _quotes([sentence], {"Brennick": "Halvard Brennick"})
    assert [t.rstrip(".") for t in _by(found, "Halvard Brennick")] == [clause]


@pytest.mark.parametrize("sentence", [
    "Brennick explains what a mill race is and how to build one.",
    "Brennick acknowledged the problem in his report.",
    "Brennick revealed plans that were secret.",
])
def test_an_object_after_a_verb_of_speech_is_no_clause(sentence):
    assert _quotes([sentence], {"Brennick": "Halvard Brennick"}) == []


def test_a_spokesman_for_a_person_is_not_that_person():
    found = _quotes(["Halvard Brennick owns the mill.",
                     "“The mill will reopen,” a spokesman for Brennick said."],
                    {"Halvard Brennick": "Halvard Brennick", "Brennick": "Halvard Brennick"})
    assert _by(found, "Halvard Brennick") == [] and _by(found, None) == ["“The mill will reopen,”"]


def test_a_quotation_after_adding_is_the_same_speakers():
    found = _quotes(["“The mill will reopen,” Brennick said, before adding: “We owe it to "
                     "the town.”"], {"Brennick": "Halvard Brennick"})
    assert _by(found, "Halvard Brennick") == ["“The mill will reopen,”",
                                              "“We owe it to the town.”"]


@pytest.mark.parametrize("paragraph", [
    "“The mill will reopen,” Brennick, who wrote a book about it, told reporters.",
    "As Brennick put it, “the mill will reopen.”",
])
def test_a_relative_clause_in_the_attribution_and_as_someone_put_it(paragraph):
    found = _quotes([paragraph], {"Brennick": "Halvard Brennick"})
    assert [t for _, who, t, _, _ in found if who == "Halvard Brennick"] and not [
        t for _, who, t, _, _ in found if who != "Halvard Brennick"]


@pytest.mark.parametrize("sentence, source", [
    ("Prosecutors allege that the boat was sold twice.", "Prosecutors"),
    ("Local media reported that the boat was sold twice.", "Local media"),
])
def test_allegations_and_the_media_are_unnamed_sources(sentence, source):
    found = _quotes(["Halvard Brennick owns a boat.", sentence],
                    {"Halvard Brennick": "Halvard Brennick"})
    assert [(who, src, t.rstrip(".")) for n, who, t, src, _ in found if n == 1] == [
        (None, source, "the boat was sold twice")]


_TOKENS = ["When", ",", "24", "(", ")", "said", "says", "”", "“", '"', "Ann Roe", "he", "she",
           "the minister", ":", "-", "according to", "Critics", "among", "told", ".", "and"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=14))
def test_odd_text_never_stops_attribution(words):
    """Attribution reads every new paragraph of a collection: whatever the text, it gives
    an answer ("When , 24, ( said ”" raised IndexError and stopped the persons stage)."""
    from searchapp.ingest.quotes import find_quotes

    text = " ".join(words)
    found = find_quotes([("p0", "body", text)], {}, {})
    assert set(found) <= {"p0"}
